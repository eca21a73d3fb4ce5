"""The printed forms of an order: which apply when, their data, their PDF.

Each form is registered with its availability rule and its context builder. The
check-in and key-cabinet desks register theirs from their own modules
(EXTENSION_MODULES), so a new desk adds forms without touching this file.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.domain.money import format_yuan
from service_desk.printing.context import order_context
from service_desk.printing.render import render
from service_desk.store import queries, settings

Order = dict[str, Any]
Context = dict[str, Any]
EXTENSION_MODULES = (
    "service_desk.printing.checkin_forms",
    "service_desk.printing.key_forms",
    "service_desk.printing.checkout_forms",
)


@dataclass(frozen=True)
class OrderForm:
    kind: str  # template name in forms/ and print-log kind
    cli_name: str  # service-desk print CLI_NAME NUMBER
    available: Callable[[sqlite_utils.Database, Order], bool]
    context: Callable[[sqlite_utils.Database, Order, dt.datetime, str], Context]


_REGISTRY: dict[str, OrderForm] = {}


def register(form: OrderForm) -> None:
    _REGISTRY[form.kind] = form


def forms() -> dict[str, OrderForm]:
    """Every registered form, in menu order (extensions loaded on first use)."""
    for module in EXTENSION_MODULES:
        importlib.import_module(module)
    return _REGISTRY


def cli_names() -> dict[str, str]:
    return {f.cli_name: f.kind for f in forms().values()}


class FormNotAvailable(ValueError):
    """This form does not apply to the order in its present state."""

    def __init__(self, kind: str, state: str):
        super().__init__(f"{kind} is not printed for an order that is {state}")
        self.kind = kind
        self.state = state


def kinds_for(db: sqlite_utils.Database, order_id: int) -> list[str]:
    order = queries.order(db, order_id)
    if order is None or order["state"] == "void":
        return []
    return [kind for kind, form in forms().items() if form.available(db, order)]


def form_context(
    db: sqlite_utils.Database, kind: str, order_id: int, now: dt.datetime, lang: str = "zh"
) -> Context:
    order = queries.order(db, order_id)
    if order is None:
        raise KeyError(order_id)
    form = forms().get(kind)
    if form is None or order["state"] == "void" or not form.available(db, order):
        raise FormNotAvailable(kind, order["state"])
    return form.context(db, order, now, lang)


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


# ---------------------------------------------------------------- the reception forms
_EXIT_STATES = ("declined", "closed", "settled", "released", "done")


def additional_lines(db: sqlite_utils.Database, order_id: int) -> int:
    return db.execute(
        "SELECT count(*) FROM order_lines WHERE order_id = ? AND status = 'active' "
        "AND origin = 'additional'",
        [order_id],
    ).fetchone()[0]


def _plain(db: sqlite_utils.Database, order: Order, _now: dt.datetime, lang: str) -> Context:
    return order_context(db, order["id"], lang)


def _exit_notice(db: sqlite_utils.Database, order: Order, now: dt.datetime, lang: str) -> Context:
    context = order_context(db, order["id"], lang)
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


def _supplementary(
    db: sqlite_utils.Database, order: Order, _now: dt.datetime, lang: str
) -> Context:
    return order_context(db, order["id"], lang, origin="additional")


register(OrderForm("repair_order", "repair-order", lambda _db, _o: True, _plain))
register(
    OrderForm(
        "diagnosis",
        "diagnosis",
        lambda _db, o: bool(o["diagnosis_consent"] or o["diagnosis"].strip()),
        _plain,
    )
)
register(
    OrderForm("exit_notice", "exit-notice", lambda _db, o: o["state"] in _EXIT_STATES, _exit_notice)
)
register(
    OrderForm(
        "supplementary",
        "supplementary",
        lambda db, o: additional_lines(db, o["id"]) > 0,
        _supplementary,
    )
)
