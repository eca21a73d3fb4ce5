"""Texts of the check-in desk: damage codes, views, fuel units, and its refusals.

Importing this module registers the refusal texts with ui.messages and the printed forms'
names with ui.printing (the check-in sheet and the belongings list).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import messages


def _t(text: str) -> str:
    return QCoreApplication.translate("CheckIn", text)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def damage_name(code: str) -> str:
    return {
        "scratch": _t(QT_TRANSLATE_NOOP("CheckIn", "Scratch")),
        "dent": _t(QT_TRANSLATE_NOOP("CheckIn", "Dent")),
        "crack": _t(QT_TRANSLATE_NOOP("CheckIn", "Crack")),
        "chip": _t(QT_TRANSLATE_NOOP("CheckIn", "Paint chip")),
        "missing": _t(QT_TRANSLATE_NOOP("CheckIn", "Missing part")),
    }.get(code, code)


def view_name(view: str) -> str:
    return {
        "left": _t(QT_TRANSLATE_NOOP("CheckIn", "Left side")),
        "top": _t(QT_TRANSLATE_NOOP("CheckIn", "Top")),
        "right": _t(QT_TRANSLATE_NOOP("CheckIn", "Right side")),
    }.get(view, view)


def side_name(side: str) -> str:
    return {
        "left": _t(QT_TRANSLATE_NOOP("CheckIn", "L")),
        "right": _t(QT_TRANSLATE_NOOP("CheckIn", "R")),
    }.get(side, side)


def fuel_unit_name(unit: str) -> str:
    return {
        "eighths": _t(QT_TRANSLATE_NOOP("CheckIn", "Gauge (E … F)")),
        "percent": _t(QT_TRANSLATE_NOOP("CheckIn", "Percent (%)")),
    }.get(unit, unit)


def purpose_name(purpose: str) -> str:
    return {
        "second_level": _t(QT_TRANSLATE_NOOP("CheckIn", "Second-level maintenance")),
        "annual_inspection": _t(QT_TRANSLATE_NOOP("CheckIn", "Annual inspection")),
    }.get(purpose, purpose)


messages.register_texts(
    actions={
        "checkin.state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The check-in is recorded from signing until the workshop takes the car; "
                "this order is {state}.",
            )
        ),
        "checkin.not_signed": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Only a signed order can be checked in; this order is {state}."
            )
        ),
        "mark.struck": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This mark was already struck out.")
        ),
        "belongings.already_returned": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The belongings were already handed back: the list can no longer change.",
            )
        ),
        "belongings.not_recorded": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "No belongings list was recorded for this order.")
        ),
        "belongings.not_checked_in": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Belongings are handed back once the check-in is complete; this order is {state}.",
            )
        ),
    },
    fields={
        "checklist.unknown_item": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This item is not on the checklist.")
        ),
        "checklist.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This item was answered twice.")
        ),
        "checklist.result": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose OK or anomaly.")),
        "checklist.note_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say what is wrong (it prints on the repair order).")
        ),
        "checkin.checklist_incomplete": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Some items are not checked yet: mark each one OK or anomaly "
                "(“All remaining OK” does the rest).",
            )
        ),
        "mark.view": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Click on one of the views.")),
        "mark.position": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Click inside the drawing of the car.")
        ),
        "mark.code": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose the kind of damage (scratch, dent …).")
        ),
        "photo.type": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The photo must be a picture (JPG, PNG, HEIC …).")
        ),
        "fuel.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Read the fuel gauge (or the battery charge).")
        ),
        "fuel.unit": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say whether the gauge reads in eighths or percent.")
        ),
        "fuel.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Fuel: E to F in eighths, or 0 to 100 %.")
        ),
        "odometer.required": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Read the odometer (km).")),
        "document.unknown": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This document is not in the list of documents.")
        ),
        "document.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This document was recorded twice.")
        ),
        "document.note_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Write down the discrepancy (missing, expired, damaged …)."
            )
        ),
        "document.signature_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "The customer signs the discrepancy: tick “Customer signed”."
            )
        ),
        "checkin.documents_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Record the documents that came with the car.")
        ),
        "purpose.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Unknown purpose.")),
        "belongings.qty_range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Quantity: 1 to 99.")),
        "belongings.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This item is on the list twice: add up the quantity.")
        ),
        "belongings.unknown_item": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This item is not in the catalogue.")
        ),
        "checkin.belongings_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Count the belongings into the list — or tick “Nothing left in the car”.",
            )
        ),
        "box.required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Give the number of the storage box the belongings go into."
            )
        ),
        "box.format": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Box number: up to 10 letters, digits or dashes, e.g. 12 or A-3."
            )
        ),
        "box.taken": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This box still holds another car's belongings: choose a free box.",
            )
        ),
        "receiver.time_required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Give the time the workshop took the car.")
        ),
        "receiver.future": lambda: _m(QT_TRANSLATE_NOOP("Messages", "This time is still to come.")),
        "receiver.before_signed": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This time is before the customer signed.")
        ),
        "return.unknown_item": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This item is not on the belongings list.")
        ),
        "return.qty_range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "More handed back than was counted in.")
        ),
        "return.note_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Something is missing: note what happened and what was agreed."
            )
        ),
    },
)
