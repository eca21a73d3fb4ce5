"""Texts of the customer care desk: outcomes, complaint states and channels, satisfaction,
the reply-by countdown, and the refusals of actions.care.

Importing this module registers the refusal texts with ui.messages.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import colours, labels, messages

# Status colours mean the same everywhere (UI.md): waiting amber, overdue red, done grey.
OVERDUE_COLOUR = colours.OVERDUE
COLOURS = {
    "due": labels.STATE_COLOURS["reception"],
    "overdue": OVERDUE_COLOUR,
    "open": labels.STATE_COLOURS["reception"],
    "escalated": OVERDUE_COLOUR,
    "answered": labels.STATE_COLOURS["ready"],
    "resolved": labels.STATE_COLOURS["done"],
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Care", text)


def outcome_name(code: str) -> str:
    return {
        "reached": _t(QT_TRANSLATE_NOOP("Care", "Customer reached")),
        "not_reached": _t(QT_TRANSLATE_NOOP("Care", "Not reached — try again")),
        "declined": _t(QT_TRANSLATE_NOOP("Care", "Customer did not want to talk")),
    }.get(code, code)


def follow_up_status(code: str) -> str:
    return {
        "due": _t(QT_TRANSLATE_NOOP("Care", "Due")),
        "overdue": _t(QT_TRANSLATE_NOOP("Care", "Overdue")),
    }.get(code, code)


def complaint_state(code: str) -> str:
    return {
        "open": _t(QT_TRANSLATE_NOOP("Care", "Open")),
        "answered": _t(QT_TRANSLATE_NOOP("Care", "Answered — waiting for the customer")),
        "escalated": _t(QT_TRANSLATE_NOOP("Care", "Escalated to the supervisor")),
        "resolved": _t(QT_TRANSLATE_NOOP("Care", "Resolved")),
    }.get(code, code)


def complaint_channel(code: str) -> str:
    return {
        "in_person": _t(QT_TRANSLATE_NOOP("Care", "In person")),
        "phone": _t(QT_TRANSLATE_NOOP("Care", "Phone")),
        "follow_up": _t(QT_TRANSLATE_NOOP("Care", "Follow-up call")),
    }.get(code, code)


def satisfaction_name(value: int) -> str:
    return {
        5: _t(QT_TRANSLATE_NOOP("Care", "5 — very satisfied")),
        4: _t(QT_TRANSLATE_NOOP("Care", "4 — satisfied")),
        3: _t(QT_TRANSLATE_NOOP("Care", "3 — neither")),
        2: _t(QT_TRANSLATE_NOOP("Care", "2 — unhappy")),
        1: _t(QT_TRANSLATE_NOOP("Care", "1 — very unhappy")),
    }.get(value, str(value))


def _span(minutes: int) -> str:
    if minutes < 60:
        return _t(QT_TRANSLATE_NOOP("Care", "{n} min")).format(n=minutes)
    if minutes < 48 * 60:
        return _t(QT_TRANSLATE_NOOP("Care", "{h} h {m} min")).format(
            h=minutes // 60, m=minutes % 60
        )
    return _t(QT_TRANSLATE_NOOP("Care", "{n} days")).format(n=minutes // 1440)


def reply_countdown(reply_by: dt.datetime | None, answered: bool, now: dt.datetime) -> str:
    """Time left to answer the customer, or how late the answer is."""
    if answered or reply_by is None:
        return "—"
    seconds = int((reply_by - now).total_seconds())
    if seconds < 0:
        late = _span(max(1, -seconds // 60))
        return _t(QT_TRANSLATE_NOOP("Care", "Overdue by {time}")).format(time=late)
    return _t(QT_TRANSLATE_NOOP("Care", "{time} left")).format(time=_span(seconds // 60))


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "follow_up.not_released": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Only a car that has left is followed up; this order is {state}."
            )
        ),
        "follow_up.already_done": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The follow-up of this order is already done.")
        ),
        "complaint.state": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Not possible for a complaint that is {complaint_state}.")
        ),
        "complaint.order_customer": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "That order belongs to another customer.")
        ),
    },
    fields={
        "satisfaction.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Ask how satisfied the customer is (1 to 5).")
        ),
        "satisfaction.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Satisfaction is 1 (very unhappy) to 5 (very satisfied).")
        ),
        "reply_by.required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Answer the customer now, or give them a time to hear back."
            )
        ),
        "reply_by.past": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The time to hear back must be later than now.")
        ),
        "reply_by.too_far": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Give the customer an answer within {days} days.")
        ),
        "reply_by.naive": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The time to hear back needs its time zone.")
        ),
        "next_maintenance.past": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The next maintenance date is after today.")
        ),
        "complaint.channel": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A complaint is made in person or by phone.")
        ),
        "channel.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose how you called.")),
        "outcome.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose the outcome.")),
    },
    params={"complaint_state": complaint_state},
)
