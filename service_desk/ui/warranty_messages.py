"""Texts of the warranty page (R19): claim states, first-service statuses, limits and
details and their colours, and the refusals of actions.warranty.

Importing this module registers the refusal texts with ui.messages and the printed list's
name with ui.printing (索赔单跟踪表, print kind 'warranty_claims').
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.actions.warranty import FirstServiceLine
from service_desk.domain import warranty as rules
from service_desk.domain.money import format_yuan
from service_desk.ui import labels, messages
from service_desk.ui.fields import ERROR_STYLE

# Status colours mean the same everywhere (UI.md): waiting amber, overdue red, in the
# workshop blue, ready green, done grey — always with a word.
RED = ERROR_STYLE.split(":")[1].strip(" ;")
AMBER = labels.STATE_COLOURS["reception"]
BLUE = labels.STATE_COLOURS["in_progress"]
GREEN = labels.STATE_COLOURS["ready"]
GREY = labels.STATE_COLOURS["done"]
CLAIM_COLOURS = {"submitted": AMBER, "approved": BLUE, "paid": GREY, "rejected": GREY}
FIRST_COLOURS = {
    rules.OVERDUE: RED,
    rules.DUE: AMBER,
    rules.DUE_SOON: BLUE,
    rules.UNKNOWN: AMBER,
    rules.DONE: GREEN,
    rules.LAPSED: GREY,
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Warranty", text)


def claim_state(code: str) -> str:
    return {
        "submitted": _t(QT_TRANSLATE_NOOP("Warranty", "Submitted")),
        "approved": _t(QT_TRANSLATE_NOOP("Warranty", "Approved — waiting for payment")),
        "rejected": _t(QT_TRANSLATE_NOOP("Warranty", "Rejected")),
        "paid": _t(QT_TRANSLATE_NOOP("Warranty", "Paid")),
    }.get(code, code)


def first_status(code: str) -> str:
    return {
        rules.OVERDUE: _t(QT_TRANSLATE_NOOP("Warranty", "Overdue — still free within the grace")),
        rules.DUE: _t(QT_TRANSLATE_NOOP("Warranty", "Due now")),
        rules.DUE_SOON: _t(QT_TRANSLATE_NOOP("Warranty", "Due soon")),
        rules.UNKNOWN: _t(QT_TRANSLATE_NOOP("Warranty", "Purchase date unknown")),
        rules.DONE: _t(QT_TRANSLATE_NOOP("Warranty", "Done")),
        rules.LAPSED: _t(QT_TRANSLATE_NOOP("Warranty", "Lapsed")),
        rules.NOT_YET: _t(QT_TRANSLATE_NOOP("Warranty", "Not yet")),
    }.get(code, code)


def days_text(days: int) -> str:
    return _t(QT_TRANSLATE_NOOP("Warranty", "{n} days")).format(n=days)


def chase_word() -> str:
    return _t(QT_TRANSLATE_NOOP("Warranty", "chase"))


def km(value: int | None) -> str:
    return "—" if value is None else f"{value:,} km"


def first_limit(line: FirstServiceLine) -> str:
    """'2026-12-10 / 5,000 km': the first service's limit, whichever comes first."""
    s = line.service
    if s.limit_date is None:
        return km(s.first_km)
    return f"{s.limit_date} / {km(s.first_km)}"


def first_detail(line: FirstServiceLine) -> str:
    """The order that did it, the order the car is in for, or until when it is free."""
    s = line.service
    if s.done is not None:
        text = _t(QT_TRANSLATE_NOOP("Warranty", "{order} on {day}, {km}")).format(
            order=s.done.number, day=s.done.day, km=km(s.done.km)
        )
        if s.in_time is False:
            text += " · " + _t(QT_TRANSLATE_NOOP("Warranty", "after the free window"))
        return text
    if line.open_order:
        return _t(QT_TRANSLATE_NOOP("Warranty", "In the shop: {order}")).format(
            order=line.open_order
        )
    if s.status == rules.OVERDUE:
        return _t(QT_TRANSLATE_NOOP("Warranty", "Free until {day} / {km}")).format(
            day=s.grace_until, km=km(s.grace_km)
        )
    if s.status == rules.LAPSED:
        return _t(QT_TRANSLATE_NOOP("Warranty", "Was free until {day} / {km}")).format(
            day=s.grace_until, km=km(s.grace_km)
        )
    return ""


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def _amount() -> str:
    return _m(QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 540 or 38.50, above 0."))


messages.register_texts(
    actions={
        "claim.order_state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "An order is claimed once it is settled; this order is {state}."
            )
        ),
        "claim.no_warranty_lines": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This order has no line paid by warranty.")
        ),
        "claim.live_exists": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This order is already claimed under {claim_number}.")
        ),
        "claim.state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "A claim that is {claim_state} cannot become {to_claim_state}."
            )
        ),
        "claim_number.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Enter the manufacturer's claim number.")
        ),
        "claim_number.format": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The claim number: {min} to {max} letters and digits; '-', '/' and '_' allowed.",
            )
        ),
        "claim_number.taken": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This claim number is used already (order {order_number}); a claim filed "
                "again has its own number.",
            )
        ),
        "claimed.positive": _amount,
        "claimed.over_lines": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "At most the order's warranty lines, {lines_fen}, are claimed."
            )
        ),
        "approved.positive": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "An amount in yuan above 0 (nothing approved: record the rejection instead).",
            )
        ),
        "approved.over_claimed": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "At most the amount claimed, {claimed_fen}.")
        ),
        "paid.positive": _amount,
        "paid.over_approved": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "At most the amount approved, {approved_fen}.")
        ),
        "rejection.reason_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say why the manufacturer rejected the claim.")
        ),
        "rejection.reason_too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The reason has at most {max} characters.")
        ),
        "claim.note_too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The note has at most {max} characters.")
        ),
    },
    params={
        "lines_fen": lambda value: format_yuan(int(value)),
        "claimed_fen": lambda value: format_yuan(int(value)),
        "approved_fen": lambda value: format_yuan(int(value)),
        "claim_state": claim_state,
        "to_claim_state": claim_state,
    },
)
