"""Texts of the key cabinet desk: key kinds, movements, where a key is, and its refusals.

Importing this module registers the refusal texts with ui.messages and the printed
forms' names with ui.printing (the key tag and the end-of-day report).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import messages


def _t(text: str) -> str:
    return QCoreApplication.translate("Keys", text)


def kind_name(code: str | None) -> str:
    return {
        "main": _t(QT_TRANSLATE_NOOP("Keys", "Main key")),
        "spare": _t(QT_TRANSLATE_NOOP("Keys", "Spare key")),
        "fob": _t(QT_TRANSLATE_NOOP("Keys", "Remote fob")),
    }.get(code or "", code or "")


def kind_short(code: str | None) -> str:
    """The kind in a word, for the small cells of the hook grid."""
    return {
        "main": _t(QT_TRANSLATE_NOOP("Keys", "Main")),
        "spare": _t(QT_TRANSLATE_NOOP("Keys", "Spare")),
        "fob": _t(QT_TRANSLATE_NOOP("Keys", "Fob")),
    }.get(code or "", code or "")


def action_name(code: str) -> str:
    """A movement as the history shows it."""
    return {
        "register": _t(QT_TRANSLATE_NOOP("Keys", "Registered on a hook")),
        "to_workshop": _t(QT_TRANSLATE_NOOP("Keys", "To workshop / technician")),
        "test_drive": _t(QT_TRANSLATE_NOOP("Keys", "Test drive")),
        "back_to_cabinet": _t(QT_TRANSLATE_NOOP("Keys", "Back to the cabinet")),
        "returned": _t(QT_TRANSLATE_NOOP("Keys", "Returned to customer")),
    }.get(code, code)


def state_name(code: str) -> str:
    return {
        "in_cabinet": _t(QT_TRANSLATE_NOOP("Keys", "In cabinet")),
        "out": _t(QT_TRANSLATE_NOOP("Keys", "Out")),
        "returned": _t(QT_TRANSLATE_NOOP("Keys", "Returned")),
    }.get(code, code)


def overdue_word() -> str:
    return _t(QT_TRANSLATE_NOOP("Keys", "Out too long"))


def car_gone_word() -> str:
    return _t(QT_TRANSLATE_NOOP("Keys", "Car left"))


def free_word() -> str:
    return _t(QT_TRANSLATE_NOOP("Keys", "free"))


def hours_text(hours: float) -> str:
    minutes = int(hours * 60)
    if minutes < 60:
        return _t(QT_TRANSLATE_NOOP("Keys", "{m} min")).format(m=minutes)
    return _t(QT_TRANSLATE_NOOP("Keys", "{h} h {m} min")).format(h=minutes // 60, m=minutes % 60)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "hook.occupied": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Hook {hook} already holds a key of {plate}: choose a free hook."
            )
        ),
        "key.not_in_cabinet": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This key is not in the cabinet (it is out): hang it back on a hook first.",
            )
        ),
        "key.not_out": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This key already hangs in the cabinet.")
        ),
        "key.returned": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "This key was handed back to the customer; it does not move any more."
            )
        ),
        "key.car_gone": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "The car has left (order {state}): its key does not go out again."
            )
        ),
        "key.order_state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Keys are registered from signing until the car leaves; this order is {state}.",
            )
        ),
        "key.action": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose what happens to the key.")),
        "key.none_registered": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "No key is registered for this order.")
        ),
        "key.not_returned": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "A key of this order is still at the dealer: hand it back first."
            )
        ),
    },
    fields={
        "hook.required": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose a hook.")),
        "hook.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The cabinet has no hook with this number.")
        ),
        "key.kind": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose main key, spare key or remote fob.")
        ),
        "key.to_whom_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say who takes the key (technician, driver).")
        ),
    },
)
