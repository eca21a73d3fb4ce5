"""Texts of the groups and campaigns page (R2, R3): campaign kinds and statuses, due-service
choices, the count of a group and of a letter run, the columns of its three lists, and the
refusals of actions.campaigns.

Importing this module registers the refusal texts with ui.messages and the letters' name
with ui.printing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from service_desk.actions.campaigns import LetterRun
from service_desk.domain import next_service as ns
from service_desk.domain import segments as rules
from service_desk.domain.money import format_yuan
from service_desk.ui import colours, labels, messages
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.search_box import model_name

STATUS_COLOURS = {
    rules.NOT_STARTED: colours.WAITING,  # waiting (amber)
    rules.RUNNING: labels.STATE_COLOURS["ready"],
    rules.OVER: labels.STATE_COLOURS["done"],
    rules.ENDED: labels.STATE_COLOURS["done"],
}
OVERDUE_COLOUR = colours.OVERDUE


def _t(text: str) -> str:
    return QCoreApplication.translate("Campaigns", text)


def kind_name(code: str) -> str:
    return {
        "free_inspection": _t(QT_TRANSLATE_NOOP("Campaigns", "Free inspection")),
        "promotion": _t(QT_TRANSLATE_NOOP("Campaigns", "Promotion")),
        "service_reminder": _t(QT_TRANSLATE_NOOP("Campaigns", "Service reminder")),
        "invitation": _t(QT_TRANSLATE_NOOP("Campaigns", "Invitation")),
    }.get(code, code)


def status_name(code: str) -> str:
    return {
        rules.NOT_STARTED: _t(QT_TRANSLATE_NOOP("Campaigns", "Not started")),
        rules.RUNNING: _t(QT_TRANSLATE_NOOP("Campaigns", "Running")),
        rules.OVER: _t(QT_TRANSLATE_NOOP("Campaigns", "Over")),
        rules.ENDED: _t(QT_TRANSLATE_NOOP("Campaigns", "Ended")),
    }.get(code, code)


def due_name(code: str | None) -> str:
    return {
        None: _t(QT_TRANSLATE_NOOP("Campaigns", "Any")),
        "overdue": _t(QT_TRANSLATE_NOOP("Campaigns", "Overdue")),
        "within_7": _t(QT_TRANSLATE_NOOP("Campaigns", "Due within 7 days")),
        "within_30": _t(QT_TRANSLATE_NOOP("Campaigns", "Due within 30 days")),
        "overdue_or_30": _t(QT_TRANSLATE_NOOP("Campaigns", "Overdue or due within 30 days")),
    }.get(code, code or "")


def count_text(cars: int, customers: int) -> str:
    """'37 cars, 35 customers'."""
    return _t(QT_TRANSLATE_NOOP("Campaigns", "{cars} cars, {customers} customers")).format(
        cars=cars, customers=customers
    )


def run_text(run: LetterRun) -> str:
    """'2 letters for 3 cars. 1 car left out …'."""
    text = _t(QT_TRANSLATE_NOOP("Campaigns", "{letters} letters for {cars} cars.")).format(
        letters=len(run.letters), cars=run.cars
    )
    if run.left_out:
        text += " " + _t(
            QT_TRANSLATE_NOOP("Campaigns", "{n} cars left out (sold, or a wrong number).")
        ).format(n=run.left_out)
    if run.already_sent:
        text += " " + _t(
            QT_TRANSLATE_NOOP("Campaigns", "{n} customers have this letter already.")
        ).format(n=run.already_sent)
    return text


# --- the lists ----------------------------------------------------------------------------------


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _opt(value: Any) -> str:
    return "—" if value is None else str(value)


def _letter(r: Row) -> str:
    m: rules.Member = r["m"]
    if m.sold_car:
        return _t(QT_TRANSLATE_NOOP("Campaigns", "No (sold the car)"))
    if m.wrong_number:
        return _t(QT_TRANSLATE_NOOP("Campaigns", "No (wrong number)"))
    return "✓"


def _due(r: Row) -> str:
    """The due day, and in words whether it is overdue or near (never colour alone)."""
    day = r["m"].due_day
    word = {
        ns.OVERDUE: _t(QT_TRANSLATE_NOOP("Campaigns", "overdue")),
        ns.DUE_7: _t(QT_TRANSLATE_NOOP("Campaigns", "within 7 days")),
        ns.DUE_30: _t(QT_TRANSLATE_NOOP("Campaigns", "within 30 days")),
    }.get(r["band"])
    return "—" if day is None else (f"{day} · {word}" if word else str(day))


class MemberModel(RowsModel):
    """The members; a service overdue in red, due within a week in amber."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            band = self.rows[index.row()]["band"]
            if band == ns.OVERDUE:
                return QColor(OVERDUE_COLOUR)
            if band == ns.DUE_7:
                return QColor(STATUS_COLOURS[rules.NOT_STARTED])
        return super().data(index, role)


def member_model(parent: QObject) -> MemberModel:
    """Rows {"m": a Member, "band": its due band today}."""
    return MemberModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["m"].plate),
            (_c(QT_TRANSLATE_NOOP("Columns", "Model")), lambda r: model_name(r["m"].model_code)),
            (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["m"].customer_name),
            (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["m"].phone),
            (_c(QT_TRANSLATE_NOOP("Columns", "Age")), lambda r: _opt(r["m"].age)),
            (_c(QT_TRANSLATE_NOOP("Columns", "Visits")), lambda r: str(r["m"].visits)),
            (_c(QT_TRANSLATE_NOOP("Columns", "Spend")), lambda r: format_yuan(r["m"].spend_fen)),
            (_c(QT_TRANSLATE_NOOP("Columns", "Last visit")), lambda r: _opt(r["m"].last_visit)),
            (_c(QT_TRANSLATE_NOOP("Columns", "Service due")), _due),
            (_c(QT_TRANSLATE_NOOP("Columns", "Letter")), _letter),
        ],
        parent,
    )


class GroupModel(RowsModel):
    """The criteria in words as the row's tooltip too (the column is narrow)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return self.rows[index.row()]["description"]
        return super().data(index, role)


def group_model(parent: QObject) -> GroupModel:
    """Rows: the saved groups with their criteria in words ("description")."""
    return GroupModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Group")), lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Campaigns")), lambda r: str(r["campaigns"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Criteria")), lambda r: r["description"]),
        ],
        parent,
    )


class CampaignModel(RowsModel):
    """The status colours the whole row."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS.get(self.rows[index.row()]["status"], colours.TEXT))
        return super().data(index, role)


def campaign_model(parent: QObject) -> CampaignModel:
    """Rows of actions.campaigns.campaign_list."""
    return CampaignModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Campaign")), lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Kind")), lambda r: kind_name(r["kind"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Group")), lambda r: r["group_name"]),
            (
                _c(QT_TRANSLATE_NOOP("Columns", "Days")),
                lambda r: f"{r['valid_from'][5:]} – {r['valid_to'][5:]}",
            ),
            (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: status_name(r["status"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Cars")), lambda r: str(r["targeted"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Letters")), lambda r: str(r["letters"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Contacted")), lambda r: str(r["contacted"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Booked")), lambda r: str(r["booked"])),
        ],
        parent,
    )


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "group.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A group named {name} is in use: choose another name.")
        ),
        "group.retired": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The group {name} is retired: save it again to use it.")
        ),
        "campaign.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "A campaign named {name} is running: choose another name or end it."
            )
        ),
        "campaign.no_targets": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "No car is in the group {name} today: nobody to launch the campaign on."
            )
        ),
        "campaign.ended": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The campaign {name} has ended.")
        ),
        "campaign.over": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The campaign {name} is over: its last day has passed.")
        ),
        "letter_text.required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The campaign {name} has no letter text: launch a campaign with the text to "
                "print its letters.",
            )
        ),
        "letter.nobody": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Nobody to write to: {already_sent} customers have this letter already, {left_out} "
                "cars are left out (sold, or the owner's number is wrong).",
            )
        ),
    },
    fields={
        "age.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "From 0 to {max} years.")),
        "visits.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "From 0 to {max} visits.")),
        "spend.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "An amount in yuan from 0 to 10,000,000.")
        ),
        "last_visit.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "From 1 to {max} days.")),
        "range.order": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The least is more than the most: swap them.")
        ),
        "last_visit.order": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "“More than … days ago” must be fewer days than “within … days”.",
            )
        ),
        "models.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose models from the list.")),
        "models.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose models from the list.")
        ),
        "due.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose from the list.")),
        "criteria.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose at least one criterion on the left.")
        ),
        "campaign.no_group": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Pick a saved group in the list first.")
        ),
        "campaign.kind": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose the kind of campaign.")),
        "date.required": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose the day.")),
        "campaign.dates_order": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The last day is before the first day.")
        ),
        "campaign.too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A campaign runs at most {days} days.")
        ),
        "campaign.over": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The last day has passed: a campaign runs from today on.")
        ),
    },
)
