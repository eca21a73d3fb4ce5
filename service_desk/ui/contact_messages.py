"""Texts of the contact log (R3): channels, purposes and outcomes, the last contact of a call
line, and the refusals of actions.contacts.

Importing this module registers the refusal texts with ui.messages (with those of the
complaints and appointments a contact can make).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.domain.contacts import Contact
from service_desk.ui import (
    appointments_messages,  # noqa: F401  (the booking's refusal texts)
    care_messages,  # noqa: F401  (the complaint's refusal texts)
    messages,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Contacts", text)


def channel_name(code: str) -> str:
    return {
        "phone": _t(QT_TRANSLATE_NOOP("Contacts", "Phone")),
        "wechat": _t(QT_TRANSLATE_NOOP("Contacts", "WeChat")),
        "sms": _t(QT_TRANSLATE_NOOP("Contacts", "SMS")),
        "letter": _t(QT_TRANSLATE_NOOP("Contacts", "Letter")),
        "in_person": _t(QT_TRANSLATE_NOOP("Contacts", "In person")),
    }.get(code, code)


def purpose_name(code: str) -> str:
    return {
        "service_due": _t(QT_TRANSLATE_NOOP("Contacts", "Service due")),
        "declined_work": _t(QT_TRANSLATE_NOOP("Contacts", "Work declined earlier")),
        "call_back": _t(QT_TRANSLATE_NOOP("Contacts", "Call back as asked")),
        "campaign": _t(QT_TRANSLATE_NOOP("Contacts", "Campaign")),
        "letter": _t(QT_TRANSLATE_NOOP("Contacts", "Reminder or invitation letter")),
        "other": _t(QT_TRANSLATE_NOOP("Contacts", "Other")),
    }.get(code, code)


def outcome_name(code: str) -> str:
    return {
        "booked": _t(QT_TRANSLATE_NOOP("Contacts", "Booked")),
        "call_back": _t(QT_TRANSLATE_NOOP("Contacts", "Call back")),
        "not_interested": _t(QT_TRANSLATE_NOOP("Contacts", "Not interested")),
        "sold_car": _t(QT_TRANSLATE_NOOP("Contacts", "Sold the car")),
        "wrong_number": _t(QT_TRANSLATE_NOOP("Contacts", "Wrong number")),
        "complaint": _t(QT_TRANSLATE_NOOP("Contacts", "Complaint")),
        "no_answer": _t(QT_TRANSLATE_NOOP("Contacts", "No answer")),
        "sent": _t(QT_TRANSLATE_NOOP("Contacts", "Sent")),
    }.get(code, code)


# The radio buttons' texts, each with its Alt+letter.
OUTCOME_BUTTONS = {
    "booked": QT_TRANSLATE_NOOP("Contacts", "&Booked"),
    "call_back": QT_TRANSLATE_NOOP("Contacts", "Call &back"),
    "not_interested": QT_TRANSLATE_NOOP("Contacts", "&Not interested"),
    "sold_car": QT_TRANSLATE_NOOP("Contacts", "&Sold the car"),
    "wrong_number": QT_TRANSLATE_NOOP("Contacts", "&Wrong number"),
    "complaint": QT_TRANSLATE_NOOP("Contacts", "Co&mplaint"),
    "no_answer": QT_TRANSLATE_NOOP("Contacts", "No &answer"),
    "sent": QT_TRANSLATE_NOOP("Contacts", "Sen&t"),
}


def outcome_button(code: str) -> str:
    return _t(OUTCOME_BUTTONS.get(code, code))


def local(moment: dt.datetime, now: dt.datetime, with_year: bool = False) -> str:
    shown = moment.astimezone(now.tzinfo)
    return shown.strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


def last_contact_text(last: Contact | None, unanswered: int, now: dt.datetime) -> str:
    """The last contact of a call line: when, how it ended, who; the unanswered tries."""
    if last is None:
        return "—"
    text = _t(QT_TRANSLATE_NOOP("Contacts", "{when} {outcome} · {who}")).format(
        when=local(last.at, now), outcome=outcome_name(last.outcome), who=last.staff_name
    )
    if unanswered:
        text += " · " + _t(QT_TRANSLATE_NOOP("Contacts", "{n} unanswered")).format(n=unanswered)
    return text


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "contact.vehicle_customer": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "That car is not this customer's.")
        ),
        "contact.booking_vehicle": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The appointment is for the car the call was about.")
        ),
        "contact.campaign_unknown": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This campaign is not known.")
        ),
    },
    fields={
        "contact.channel": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose how the customer was contacted.")
        ),
        "contact.purpose": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose what the contact was about.")
        ),
        "contact.outcome": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose how it ended.")),
        "contact.outcome_channel": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not possible this way: a letter is only sent, a message is sent or answered, "
                "a complaint is taken by phone or in person.",
            )
        ),
        "contact.campaign": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Contacts of a campaign are logged with the campaign.")
        ),
        "contact.sold_car_vehicle": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say which car the customer sold.")
        ),
        "contact.booking_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Give the appointment's time and the work.")
        ),
        "call_back.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "When did the customer ask to be called back?")
        ),
        "call_back.naive": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The call-back time needs its time zone.")
        ),
        "call_back.past": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The call back must be later than now.")
        ),
        "call_back.too_far": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Call back within {days} days; later than that, the service reminder will.",
            )
        ),
    },
)
