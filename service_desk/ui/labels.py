"""Translated names of the fixed vocabularies: states, roles, line kinds, modes, payers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


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


# Status colours mean the same everywhere (UI.md), always beside a word.
STATE_COLOURS = {
    "reception": "#b26a00",
    "diagnosis": "#b26a00",
    "estimate": "#b26a00",
    "signed": "#b26a00",
    "checked_in": "#1f5fa8",
    "handed_off": "#1f5fa8",
    "in_progress": "#1f5fa8",
    "completed": "#2e7d32",
    "ready": "#2e7d32",
    "settled": "#2e7d32",
    "released": "#6b6b6b",
    "done": "#6b6b6b",
    "closed": "#6b6b6b",
    "declined": "#6b6b6b",
    "void": "#6b6b6b",
}


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
