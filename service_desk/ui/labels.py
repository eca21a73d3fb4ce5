"""Translated names of the fixed vocabularies: states, roles, line kinds, modes, payers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import colours


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def state(code: str) -> str:
    names = {
        "reception": _t(QT_TRANSLATE_NOOP("Labels", "At reception")),
        "diagnosis": _t(QT_TRANSLATE_NOOP("Labels", "Diagnosis")),
        "estimate": _t(QT_TRANSLATE_NOOP("Labels", "Estimate")),
        "declined": _t(QT_TRANSLATE_NOOP("Labels", "Declined")),
        "closed": _t(QT_TRANSLATE_NOOP("Labels", "Closed")),
        "signed": _t(QT_TRANSLATE_NOOP("Labels", "Signed")),
        "checked_in": _t(QT_TRANSLATE_NOOP("Labels", "Checked in")),
        "handed_off": _t(QT_TRANSLATE_NOOP("Labels", "Handed to workshop")),
        "in_progress": _t(QT_TRANSLATE_NOOP("Labels", "In progress")),
        "completed": _t(QT_TRANSLATE_NOOP("Labels", "Completed")),
        "ready": _t(QT_TRANSLATE_NOOP("Labels", "Ready for pickup")),
        "settled": _t(QT_TRANSLATE_NOOP("Labels", "Settled")),
        "released": _t(QT_TRANSLATE_NOOP("Labels", "Released")),
        "done": _t(QT_TRANSLATE_NOOP("Labels", "Done")),
        "void": _t(QT_TRANSLATE_NOOP("Labels", "Void")),
    }
    return names.get(code, code)


# Status colours mean the same everywhere (UI.md, ui/colours.py), always beside a word:
# waiting at a desk (amber) until the workshop takes the car, blue while it is there,
# green once it is ready, grey when the order is over.
STATE_COLOURS = {
    "reception": colours.WAITING,
    "diagnosis": colours.WAITING,
    "estimate": colours.WAITING,
    "signed": colours.WAITING,
    "checked_in": colours.WAITING,  # checked in, waiting for the workshop to take it
    "handed_off": colours.WORKSHOP,
    "in_progress": colours.WORKSHOP,
    "completed": colours.READY,
    "ready": colours.READY,
    "settled": colours.READY,
    "released": colours.DONE,
    "done": colours.DONE,
    "closed": colours.DONE,
    "declined": colours.DONE,
    "void": colours.DONE,
}


def state_colour(code: str | None) -> str:
    return STATE_COLOURS.get(code or "", colours.TEXT)


def role(code: str) -> str:
    return {
        "advisor": _t(QT_TRANSLATE_NOOP("Labels", "Service advisor")),
        "supervisor": _t(QT_TRANSLATE_NOOP("Labels", "Supervisor")),
        "cashier": _t(QT_TRANSLATE_NOOP("Labels", "Cashier")),
        "workshop": _t(QT_TRANSLATE_NOOP("Labels", "Workshop")),
    }.get(code, code)


def kind(code: str) -> str:
    return {
        "labour": _t(QT_TRANSLATE_NOOP("Labels", "Labour")),
        "part": _t(QT_TRANSLATE_NOOP("Labels", "Part")),
        "fee": _t(QT_TRANSLATE_NOOP("Labels", "Fee")),
    }.get(code, code)


def mode(code: str) -> str:
    return {
        "system": _t(QT_TRANSLATE_NOOP("Labels", "System pricing")),
        "symptom": _t(QT_TRANSLATE_NOOP("Labels", "Symptom pricing")),
        "item": _t(QT_TRANSLATE_NOOP("Labels", "Item pricing")),
    }.get(code, code)


def payer(code: str) -> str:
    return {
        "customer": _t(QT_TRANSLATE_NOOP("Labels", "Customer")),
        "warranty": _t(QT_TRANSLATE_NOOP("Labels", "Warranty")),
        "internal": _t(QT_TRANSLATE_NOOP("Labels", "Internal")),
    }.get(code, code)


def source(code: str | None) -> str:
    return {
        "dealer": _t(QT_TRANSLATE_NOOP("Labels", "Dealer")),
        "customer": _t(QT_TRANSLATE_NOOP("Labels", "Customer-supplied")),
    }.get(code or "", "")


def quality(code: str | None) -> str:
    return {
        "genuine": _t(QT_TRANSLATE_NOOP("Labels", "Genuine")),
        "aftermarket": _t(QT_TRANSLATE_NOOP("Labels", "Aftermarket")),
    }.get(code or "", "")


def contact(code: str) -> str:
    return {
        "phone": _t(QT_TRANSLATE_NOOP("Labels", "Phone")),
        "wechat": _t(QT_TRANSLATE_NOOP("Labels", "WeChat")),
        "sms": _t(QT_TRANSLATE_NOOP("Labels", "SMS")),
        "letter": _t(QT_TRANSLATE_NOOP("Labels", "Letter")),
    }.get(code, code)
