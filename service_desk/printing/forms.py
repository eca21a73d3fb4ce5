"""The printed forms of an order: which apply when, their data, their PDF."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from service_desk.domain.money import format_yuan
from service_desk.printing.context import order_context
from service_desk.printing.render import render
from service_desk.store import queries, settings

# headless names (service-desk print KIND …) -> template kinds
CLI_NAMES = {
    "repair-order": "repair_order",
    "diagnosis": "diagnosis",
    "exit-notice": "exit_notice",
    "supplementary": "supplementary",
}
_EXIT_STATES = ("declined", "closed", "settled", "released", "done")
# the forms printed from an order, in menu order (the print log knows more kinds)
ORDER_FORMS = ["repair_order", "diagnosis", "exit_notice", "supplementary"]


class FormNotAvailable(ValueError):
    """This form does not apply to the order in its present state."""

    def __init__(self, kind: str, state: str):
        super().__init__(f"{kind} is not printed for an order that is {state}")
        self.kind = kind
        self.state = state


def available(kind: str, order: dict[str, Any], additional_lines: int = 0) -> bool:
    if kind not in ORDER_FORMS:
        return False
    state = order["state"]
    if state == "void":
        return False
    if kind == "diagnosis":
        return bool(order["diagnosis_consent"] or order["diagnosis"].strip())
    if kind == "exit_notice":
        return state in _EXIT_STATES
    if kind == "supplementary":
        return additional_lines > 0
    return True


def kinds_for(db: sqlite_utils.Database, order_id: int) -> list[str]:
    order = queries.order(db, order_id)
    if order is None:
        return []
    extra = _additional(db, order_id)
    return [k for k in ORDER_FORMS if available(k, order, extra)]


def _additional(db: sqlite_utils.Database, order_id: int) -> int:
    return db.execute(
        "SELECT count(*) FROM order_lines WHERE order_id = ? AND status = 'active' "
        "AND origin = 'additional'",
        [order_id],
    ).fetchone()[0]


def form_context(
    db: sqlite_utils.Database, kind: str, order_id: int, now: dt.datetime, lang: str = "zh"
) -> dict[str, Any]:
    order = queries.order(db, order_id)
    if order is None:
        raise KeyError(order_id)
    if not available(kind, order, _additional(db, order_id)):
        raise FormNotAvailable(kind, order["state"])
    origin = "additional" if kind == "supplementary" else None
    context = order_context(db, order_id, lang, origin=origin)
    if kind == "exit_notice":
        declined = order["state"] in ("declined", "closed")
        reasons = {
            True: ("客户不修，按规定收取诊断/估价费", "Declined: diagnosis / estimate fee"),
            False: ("维修完工，结算出厂", "Work completed and settled"),
        }[declined]
        context["exit"] = {
            "reason": reasons[0] if lang == "zh" else reasons[1],
            "at": now.strftime("%Y-%m-%d %H:%M"),
            "fee": format_yuan(order["decline_fee_fen"] or 0) if declined else "—",
        }
    return context


def render_form(
    db: sqlite_utils.Database,
    kind: str,
    order_id: int,
    *,
    now: dt.datetime,
    printed_by: str,
    copy: bool = False,
    lang: str = "zh",
) -> bytes:
    context = form_context(db, kind, order_id, now, lang)
    stamp = now.strftime("%Y-%m-%d %H:%M")
    printed = f"打印：{printed_by} {stamp}" if lang == "zh" else f"Printed by {printed_by} {stamp}"
    return render(kind, context, copy=copy, printed=printed, font=settings.get(db, "print_font"))
