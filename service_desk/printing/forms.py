"""The printed forms of an order: which apply when, their data, their PDF.

Each form is registered with its availability rule and its context builder. The
check-in and key-cabinet desks register theirs from their own modules
(EXTENSION_MODULES), so a new desk adds forms without touching this file.

What a form is (kind, rule, context) is light: listing the forms an order can print
(kinds_for) loads no fpdf2. How a form is drawn is printing/render.py and the block
drawers it loads (render.load_blocks), imported by render_form on the first print.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.actions.settlement import statement
from service_desk.domain.money import format_yuan
from service_desk.printing.checkin_context import fuel_label
from service_desk.printing.context import order_context, when
from service_desk.printing.errors import FormNotAvailable
from service_desk.printing.header import printed_line
from service_desk.store import queries, release_queries, settings
from service_desk.store import settlement_queries as sq

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
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    context = form_context(db, kind, order_id, now, lang)
    printed = printed_line(printed_by, now, lang)
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
    """The exit notice 出厂通知单 in one of two variants: a declined order leaves with its
    diagnosis/estimate fee (exit.declined); a settled order leaves after the checkout
    desk (exit.release) with its readings out, settled figures and the work done."""
    context = order_context(db, order["id"], lang)
    declined = order["state"] in ("declined", "closed")
    reasons = {
        True: ("客户不修，按规定收取诊断/估价费", "Declined: diagnosis / estimate fee"),
        False: ("维修完工，结算出厂", "Work completed and settled"),
    }[declined]
    context["exit"] = {
        "reason": reasons[0] if lang == "zh" else reasons[1],
        "at": now.strftime("%Y-%m-%d %H:%M"),
        "declined": declined,
        "release": not declined,
        "fee": format_yuan(order["decline_fee_fen"] or 0) if declined else "",
        "lines": [],
    }
    if not declined:
        context["exit"].update(_exit_release(db, order, now, lang))
        context["exit"]["lines"] = context["lines"]
    return context


def _exit_release(db: sqlite_utils.Database, order: Order, now: dt.datetime, lang: str) -> Context:
    """What the release variant adds: the release time (now until the car is released),
    the readings out, the settled figures and, when any, the arrears and who let them."""
    zh = lang == "zh"
    release = release_queries.release(db, order["id"]) or {}
    released_at = release_queries.released_at(db, order["id"])
    km = release.get("odometer_out")
    s = statement(db, order["id"])
    settled = s["settlement"]
    if settled is not None:
        due, discount = settled["total_fen"], settled["discount_fen"]
        paid, arrears = settled["paid_fen"], settled["arrears_fen"]
    else:  # settled before settlements were recorded: the figures as they stand
        due, discount, paid = s["customer_due_fen"], s["discount_fen"], s["paid_fen"]
        arrears = s["balance_fen"] if s["arrears_approved_fen"] else 0
    arrears_text = ""
    if arrears:
        approvals = sq.arrears_approvals_of(db, order["id"])
        approval = approvals[-1] if approvals else None
        arrears_text = format_yuan(arrears)
        if approval is not None:
            note = approval["note"]
            by = approval["supervisor_name"]
            if zh:
                arrears_text += f"，经主管 {by} 批准欠收" + (f"（{note}）" if note else "")
            else:
                arrears_text += f", approved by supervisor {by}" + (f" ({note})" if note else "")
    payer = s["actual"]["by_payer"]
    return {
        "at": when(released_at) if released_at else now.strftime("%Y-%m-%d %H:%M"),
        "odometer_out": f"{km:,} km" if km is not None else "",
        "fuel_out": fuel_label(release),
        "due": format_yuan(due),
        "discount": format_yuan(discount),
        "paid": format_yuan(paid),
        "arrears": arrears_text,
        "split": bool(payer["warranty"] or payer["internal"]),
        "customer": format_yuan(payer["customer"]),
        "warranty": format_yuan(payer["warranty"]),
        "internal": format_yuan(payer["internal"]),
        "total": format_yuan(s["actual"]["total_fen"]),
    }


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
