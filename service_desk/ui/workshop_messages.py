"""Texts of the workshop desk: channels, hand-off modes, extra-work states, and the
refusals of the workshop and additional-work actions.

Importing this module registers the refusal texts with ui.messages.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import messages


def _t(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


def channel_name(code: str | None) -> str:
    return {
        "in_person": _t(QT_TRANSLATE_NOOP("Workshop", "In person")),
        "phone": _t(QT_TRANSLATE_NOOP("Workshop", "Phone")),
        "wechat": _t(QT_TRANSLATE_NOOP("Workshop", "WeChat")),
        "sms": _t(QT_TRANSLATE_NOOP("Workshop", "SMS")),
    }.get(code or "", code or "")


def mode_name(code: str) -> str:
    return {
        "single_team": _t(QT_TRANSLATE_NOOP("Workshop", "Single team (assign it now)")),
        "supervisor_queue": _t(
            QT_TRANSLATE_NOOP("Workshop", "To the supervisor's queue (several teams)")
        ),
    }.get(code, code)


def extra_state_name(code: str) -> str:
    return {
        "reported": _t(QT_TRANSLATE_NOOP("Workshop", "Reported — contact the customer")),
        "customer_contacted": _t(
            QT_TRANSLATE_NOOP("Workshop", "Customer contacted — record the answer")
        ),
        "approved": _t(QT_TRANSLATE_NOOP("Workshop", "Approved")),
        "declined": _t(QT_TRANSLATE_NOOP("Workshop", "Declined")),
    }.get(code, code)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "handoff.not_checked_in": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Only a checked-in car is handed to the workshop; this order is {state}.",
            )
        ),
        "progress.not_in_workshop": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Progress is checked while the car is in the workshop; this order is {state}.",
            )
        ),
        "progress.recorded": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The progress check of this order is already recorded.")
        ),
        "progress.no_handoff": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This order was never handed to the workshop.")
        ),
        "ready.not_completed": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Only a car whose work is completed can be ready for pickup; "
                "this order is {state}.",
            )
        ),
        "extra.contact_first": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Contact the customer first, then record the answer.")
        ),
        "extra.answered": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The customer has already answered on this item.")
        ),
        "extra.state": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This step does not fit the item as it stands.")
        ),
        "extra.order_state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Additional work is reported and answered while the car is in the "
                "workshop; this order is {state}.",
            )
        ),
        "extra.handover_recorded": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The hand-over to the supervisor is already recorded.")
        ),
        "extra.open_items": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Additional work still waits for the customer's answer ({count} item(s)): "
                "record the answer first.",
            )
        ),
    },
    fields={
        "handoff.mode": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose a single team or the supervisor's queue.")
        ),
        "handoff.planned_minutes": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Planned time: 1 to 43,200 minutes.")
        ),
        "time.future": lambda: _m(QT_TRANSLATE_NOOP("Messages", "This time is in the future.")),
        "progress.action_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say what is being done about the problem.")
        ),
        "progress.contact_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say how the customer was told of the new time.")
        ),
        "channel.unknown": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose how the customer was told.")
        ),
        "ready.unchecked": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Tick this once it is done.")),
        "amount.invalid": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 1280 or 38.50.")
        ),
        "description.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Describe the additional work.")
        ),
        "extra.reporter_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say who in the workshop reported it.")
        ),
        "extra.lines_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Give the labour hours or the parts amount.")
        ),
        "extra.hours_format": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Labour hours: a number such as 1 or 1.5.")
        ),
        "extra.delay_range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Delay: 0 to 43,200 minutes.")
        ),
        "extra.channel_unknown": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose how the customer was contacted.")
        ),
        "extra.authoriser_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say who answered on the customer's side.")
        ),
        "extra.workshop_name_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say who in the workshop was told.")
        ),
        "extra.time_required": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Give the time.")),
        "extra.time_future": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This time is in the future.")
        ),
        "extra.time_too_early": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This time is before the step it follows.")
        ),
        "name.too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The name is too long (60 characters at most).")
        ),
    },
)
