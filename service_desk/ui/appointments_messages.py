"""Texts of the appointments desk: states, who asked, reminder status, refusals.

Importing this module registers the refusal texts with ui.messages and the printed
forms' names with ui.printing (the appointment form and the workshop's bay list).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.domain.money import format_yuan
from service_desk.ui import (
    checkout_messages,  # noqa: F401  (payment refusal texts)
    colours,
    messages,
)

STATE_COLOURS = {
    "booked": colours.WAITING,  # waiting (amber)
    "reminded": colours.WORKSHOP,
    "arrived": colours.READY,
    "missed": colours.OVERDUE,
    "cancelled": colours.DONE,
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Appointments", text)


def state_name(code: str) -> str:
    return {
        "booked": _t(QT_TRANSLATE_NOOP("Appointments", "Booked")),
        "reminded": _t(QT_TRANSLATE_NOOP("Appointments", "Reminded")),
        "arrived": _t(QT_TRANSLATE_NOOP("Appointments", "Arrived")),
        "missed": _t(QT_TRANSLATE_NOOP("Appointments", "Missed")),
        "cancelled": _t(QT_TRANSLATE_NOOP("Appointments", "Cancelled")),
    }.get(code, code)


def requested_by_name(code: str) -> str:
    return {
        "customer": _t(QT_TRANSLATE_NOOP("Appointments", "Customer asked")),
        "dealer": _t(QT_TRANSLATE_NOOP("Appointments", "Dealer proposed")),
    }.get(code, code)


def reminder_name(code: str) -> str:
    return {
        "due": _t(QT_TRANSLATE_NOOP("Appointments", "Remind now")),
        "late": _t(QT_TRANSLATE_NOOP("Appointments", "Reminder late")),
    }.get(code, code)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "appointment.past": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This time has passed: choose a time from now on.")
        ),
        "appointment.slot_order": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The appointment must end after it starts.")
        ),
        "appointment.day_full": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This day is full ({capacity} cars booked): choose another day.",
            )
        ),
        "appointment.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This car is already booked on {day}.")
        ),
        "appointment.requested_by": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say whether the customer asked or the dealer proposed.")
        ),
        "appointment.job_unknown": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose a standard job from the list.")
        ),
        "appointment.closed": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "This appointment is {appointment_state}: it cannot change any more."
            )
        ),
        "appointment.already_reminded": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The customer was already reminded.")
        ),
        "appointment.not_over": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "The appointment runs until {end}: it is missed only after that."
            )
        ),
        "appointment.reason": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say why the appointment is cancelled.")
        ),
        "appointment.reason_too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The reason has at most {max} characters.")
        ),
        "appointment.no_vehicle": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Search the customer's car first (plate, phone, name).")
        ),
        "deposit.too_low": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Parts to order: the deposit is at least half their price, {least_fen}.",
            )
        ),
        "deposit.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 120 or 38.50.")
        ),
        "deposit.amount": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "At most {open_fen} of the deposit is still to pay.")
        ),
        "deposit.nothing_open": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The deposit asked is paid in full.")
        ),
        "parts.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 120 or 38.50.")
        ),
        "parts.negative": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 120 or 38.50.")
        ),
    },
    fields={
        "capacity.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Between 1 and 200 cars a day.")
        ),
        "slot.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Between 10 and 240 minutes.")),
    },
    params={
        "least_fen": lambda value: format_yuan(int(value)),
        "open_fen": lambda value: format_yuan(int(value)),
        "appointment_state": state_name,
    },
)
