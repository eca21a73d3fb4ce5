"""The working forms of the groups and campaigns page: the criteria editor of a customer
group (R2) and the form that launches a campaign on a saved group. Problems show under
their fields; what was typed stays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import campaigns as cp
from service_desk.domain import segments as rules
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.validation import Problem
from service_desk.ui import campaign_messages as texts
from service_desk.ui import colours, keyboard
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import add_form_foot, run_step

NONE = -1  # a spin box at its minimum shows "—": no bound


def _spin(name: str, top: int, none: int = NONE) -> QSpinBox:
    box = QSpinBox(objectName=name)
    box.setRange(none, top)
    box.setSpecialValueText("—")
    box.setValue(none)
    box.setAccelerated(True)
    return box


def _pair(first: QWidget, second: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1)
    row.addWidget(QLabel("–"))
    row.addWidget(second, 1)
    return box


def _value(box: QSpinBox) -> int | None:
    return None if box.value() == box.minimum() else box.value()


def _set(box: QSpinBox, value: int | None) -> None:
    box.setValue(box.minimum() if value is None else value)


class CriteriaEditor(QWidget):
    """Models, vehicle age, visits and spend in the last 12 months, last visit, service
    due; ``changed`` on every edit (the page recounts the group)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow column
        self.models = QListWidget(objectName="segment_models")
        for model in reference.car_models():
            item = QListWidgetItem(model.name(ui_lang()))
            item.setData(Qt.ItemDataRole.UserRole, model.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.models.addItem(item)
        self.models.setFixedHeight(150)
        self.errors.add_row(form, self.tr("Models (any ticked)"), self.models, "models")
        self.age_min = _spin("segment_age_min", rules.AGE_MAX_YEARS)
        self.age_max = _spin("segment_age_max", rules.AGE_MAX_YEARS)
        self.errors.add_row(
            form, self.tr("Vehicle age (years)"), _pair(self.age_min, self.age_max), "age"
        )
        self.visits_min = _spin("segment_visits_min", rules.VISITS_MAX)
        self.visits_max = _spin("segment_visits_max", rules.VISITS_MAX)
        self.errors.add_row(
            form,
            self.tr("Visits, last 12 months"),
            _pair(self.visits_min, self.visits_max),
            "visits",
        )
        self.spend_min = QLineEdit(objectName="segment_spend_min")
        self.spend_max = QLineEdit(objectName="segment_spend_max")
        for edit in (self.spend_min, self.spend_max):
            edit.setPlaceholderText("—")
        self.errors.add_row(
            form,
            self.tr("Spend, last 12 months (¥)"),
            _pair(self.spend_min, self.spend_max),
            "spend",
        )
        self.before_days = _spin("segment_before_days", rules.DAYS_MAX, 0)
        self.within_days = _spin("segment_within_days", rules.DAYS_MAX, 0)
        last = QWidget()
        rows = QFormLayout(last)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addRow(self.tr("more than … days ago"), self.before_days)
        rows.addRow(self.tr("within the last … days"), self.within_days)
        self.errors.add_row(form, self.tr("Last visit"), last, "last_visit")
        self.due = QComboBox(objectName="segment_due")
        for code in (None, *rules.DUE_CHOICES):
            self.due.addItem(texts.due_name(code), code)
        self.errors.add_row(form, self.tr("Service due"), self.due, "due")
        self.models.itemChanged.connect(lambda _i: self.changed.emit())
        for box in (
            self.age_min,
            self.age_max,
            self.visits_min,
            self.visits_max,
            self.before_days,
            self.within_days,
        ):
            box.valueChanged.connect(lambda _v: self.changed.emit())
        for edit in (self.spend_min, self.spend_max):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.due.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _model_items(self) -> list[QListWidgetItem]:
        return [self.models.item(i) for i in range(self.models.count())]

    def _yuan(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        return None if not text else parse_yuan(text)

    def criteria(self) -> rules.Criteria | None:
        """The criteria as typed; None (and the problem under its field) when a spend is
        not an amount."""
        try:
            spend = (self._yuan(self.spend_min), self._yuan(self.spend_max))
        except MoneyError:
            self.errors.show([Problem("spend", "amount.format")])
            return None
        return rules.Criteria(
            models=tuple(
                item.data(Qt.ItemDataRole.UserRole)
                for item in self._model_items()
                if item.checkState() == Qt.CheckState.Checked
            ),
            age_min=_value(self.age_min),
            age_max=_value(self.age_max),
            visits_min=_value(self.visits_min),
            visits_max=_value(self.visits_max),
            spend_min_fen=spend[0],
            spend_max_fen=spend[1],
            last_visit_before_days=_value(self.before_days),
            last_visit_within_days=_value(self.within_days),
            due=self.due.currentData(),
        )

    def set_criteria(self, c: rules.Criteria) -> None:
        """Show a saved group's criteria (one ``changed`` at the end)."""
        self.blockSignals(True)
        try:
            for item in self._model_items():
                ticked = item.data(Qt.ItemDataRole.UserRole) in c.models
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            _set(self.age_min, c.age_min)
            _set(self.age_max, c.age_max)
            _set(self.visits_min, c.visits_min)
            _set(self.visits_max, c.visits_max)
            for edit, fen in ((self.spend_min, c.spend_min_fen), (self.spend_max, c.spend_max_fen)):
                edit.setText("" if fen is None else format_yuan(fen, symbol=False))
            _set(self.before_days, c.last_visit_before_days)
            _set(self.within_days, c.last_visit_within_days)
            self.due.setCurrentIndex(max(0, self.due.findData(c.due)))
        finally:
            self.blockSignals(False)
        self.changed.emit()


class CampaignForm(QWidget):
    """Launch a campaign on the group picked in the saved groups: kind, name, first and
    last day, the offer and the letter's text."""

    launched = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.group: dict[str, Any] | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.target = QLabel(objectName="campaign_group")
        self.target.setWordWrap(True)
        self.errors.add_row(form, self.tr("Group"), self.target, "group")
        self.kind = QComboBox(objectName="campaign_kind")
        for code in rules.KINDS:
            self.kind.addItem(texts.kind_name(code), code)
        self.errors.add_row(form, self.tr("Kind"), self.kind, "kind")
        self.name = QLineEdit(objectName="campaign_name")
        self.name.setPlaceholderText(self.tr("e.g. Winter free inspection"))
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        self.valid_from = self._date("campaign_from")
        self.errors.add_row(form, self.tr("First day"), self.valid_from, "valid_from")
        self.valid_to = self._date("campaign_to")
        self.errors.add_row(form, self.tr("Last day"), self.valid_to, "valid_to")
        self.offer = QLineEdit(objectName="campaign_offer")
        self.offer.setPlaceholderText(self.tr("What the customer gets (free inspection, 20 % off)"))
        self.errors.add_row(form, self.tr("Offer"), self.offer, "offer")
        self.letter = QPlainTextEdit(objectName="campaign_letter")
        self.letter.setTabChangesFocus(True)
        colours.fit_lines(self.letter, 4)
        self.letter.setPlaceholderText(self.tr("The letter's own paragraph (needed to print)"))
        self.errors.add_row(form, self.tr("Letter text"), self.letter, "letter_text")
        layout.addLayout(form)
        self.submit = QPushButton(self.tr("&Launch campaign"), objectName="campaign_launch")
        self.message = add_form_foot(layout, "campaign_message", self.submit)
        self.submit.clicked.connect(self.launch)
        keyboard.set_primary(self, self.submit, self.launch)
        self.reset_days()
        self.set_group(None)

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def reset_days(self) -> None:
        """From today to the end of next month (a usual campaign)."""
        today = self.session.ctx.clock().date()
        self.valid_from.setDate(QDate(today))
        self.valid_to.setDate(QDate(today).addMonths(2).addDays(-today.day))

    def set_group(self, group: dict[str, Any] | None, cars: int | None = None) -> None:
        self.group = group
        if group is None:
            self.target.setText(self.tr("Pick a saved group in the list to launch on."))
        elif cars is None:
            self.target.setText(group["name"])
        else:
            self.target.setText(
                self.tr("{name} ({n} cars today)").format(name=group["name"], n=cars)
            )

    def draft(self) -> rules.CampaignDraft:
        return rules.CampaignDraft(
            name=self.name.text(),
            kind=self.kind.currentData(),
            valid_from=self.valid_from.date().toPython(),
            valid_to=self.valid_to.date().toPython(),
            offer=self.offer.text(),
            letter_text=self.letter.toPlainText(),
        )

    def launch(self) -> bool:
        group = self.group
        if group is None:
            self.errors.show([Problem("group", "campaign.no_group")])
            return False
        launched: list[int] = []

        def step() -> None:
            launched.append(cp.launch_campaign(self.session.ctx, int(group["id"]), self.draft()))

        if not run_step(self.session, self.errors, self.message, step, ("campaigns",)):
            return False
        for edit in (self.name, self.offer):
            edit.clear()
        self.letter.clear()
        self.reset_days()
        self.launched.emit(launched[0])
        return True
