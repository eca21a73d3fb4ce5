"""The vehicle's part of the archive form (R1): plate, VIN, model, cycle, odometer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from service_desk import reference
from service_desk.actions.archive import VehicleInput
from service_desk.domain import plates
from service_desk.domain.clock import Clock
from service_desk.domain.schedules import service_due
from service_desk.domain.validation import Problem
from service_desk.ui import colours
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.plate_field import PlateField

NO_DATE = QDate(2000, 1, 1)
_BODY_CATEGORY = {"sedan": "small_car", "hatchback": "small_car"}


class VehicleFields(QWidget):
    def __init__(
        self, errors: FieldErrors, clock: Clock | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.clock = clock
        lang = ui_lang()
        form = QFormLayout(self)
        self.plate = PlateField(plates.DEFAULT_PROVINCE)
        self.vin = QLineEdit(objectName="vehicle_vin")
        self.vin.setMaxLength(20)
        self.vin.setPlaceholderText(self.tr("17 characters"))
        self.vin_confirm = QCheckBox(
            self.tr("Keep this VIN (imported car)"), objectName="vehicle_vin_confirm"
        )
        self.vin_confirm.hide()
        self.model = QComboBox(objectName="vehicle_model")
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model.addItem("", None)
        for m in reference.car_models():
            self.model.addItem(m.name(lang), m.code)
        self.model.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.model.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category = QComboBox(objectName="vehicle_category")
        self.category.addItem("", None)
        for c in reference.vehicle_categories():
            self.category.addItem(c.name(lang), c.code)
        self.colour = QLineEdit(objectName="vehicle_colour")
        self.purchase = QDateEdit(objectName="vehicle_purchase")
        self.purchase.setCalendarPopup(True)
        self.purchase.setDisplayFormat("yyyy-MM-dd")
        self.purchase.setMinimumDate(NO_DATE)
        self.purchase.setSpecialValueText(self.tr("unknown"))
        self.purchase.setDate(NO_DATE)
        self.odometer = QLineEdit(objectName="vehicle_odometer")
        self.odometer.setValidator(QIntValidator(0, 2_000_000, self))
        self.odometer.setPlaceholderText(self.tr("km"))
        self.odometer_reason = QLineEdit(objectName="vehicle_odometer_reason")
        self.odometer_reason.setPlaceholderText(
            self.tr("Reason if lower than the last reading (e.g. instrument replaced)")
        )
        self.cycle_km = QSpinBox(objectName="vehicle_cycle_km")
        self.cycle_km.setRange(1000, 100000)
        self.cycle_km.setSingleStep(1000)
        self.cycle_km.setSuffix(" km")
        self.cycle_months = QSpinBox(objectName="vehicle_cycle_months")
        self.cycle_months.setRange(1, 60)
        self.cycle_months.setSuffix(self.tr(" months"))
        self.cycle_km.setValue(10000)
        self.cycle_months.setValue(12)
        cycle = QWidget()
        row = QHBoxLayout(cycle)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cycle_km)
        row.addWidget(QLabel(self.tr("or")))
        row.addWidget(self.cycle_months)
        self.next_due = QLabel(objectName="vehicle_next_due")
        errors.add_row(form, self.tr("Plate *"), self.plate, "plate")
        errors.add_row(form, self.tr("VIN"), self.vin, "vin")
        form.addRow("", self.vin_confirm)
        errors.add_row(form, self.tr("Model *"), self.model, "model")
        errors.add_row(form, self.tr("Vehicle category *"), self.category, "category")
        errors.add_row(form, self.tr("Colour"), self.colour, "colour")
        errors.add_row(form, self.tr("Purchase date"), self.purchase, "purchase_date")
        errors.add_row(form, self.tr("Odometer"), self.odometer, "odometer")
        form.addRow("", self.odometer_reason)
        errors.add_row(form, self.tr("Maintenance cycle"), cycle, "cycle_km")
        form.addRow(self.tr("Next maintenance due"), self.next_due)
        self.model.currentIndexChanged.connect(self._model_picked)
        self.vin.textEdited.connect(lambda _t: self._reset_confirm())

    def _reset_confirm(self) -> None:
        self.vin_confirm.setChecked(False)
        self.vin_confirm.hide()

    def _model_picked(self) -> None:
        code = self.model.currentData()
        if not code:
            return
        model = reference.car_model(code)
        cycle = reference.cycle_for_model(code)
        self.cycle_km.setValue(cycle.interval_km)
        self.cycle_months.setValue(cycle.interval_months)
        if self.category.currentData() is None:
            category = _BODY_CATEGORY.get(model.body, "small_passenger")
            self.category.setCurrentIndex(self.category.findData(category))

    def offer_confirmations(self, problems: list[Problem]) -> None:
        """Warnings the advisor may override get a tick box next to the field."""
        if any(p.code == "vin.check_digit" for p in problems):
            self.vin_confirm.show()

    def value(self) -> VehicleInput:
        purchase = self.purchase.date()
        odometer = self.odometer.text().strip()
        confirmed = {"vin.check_digit"} if self.vin_confirm.isChecked() else set()
        if self.odometer_reason.text().strip():
            confirmed.add("odometer.lower")
        return VehicleInput(
            plate=self.plate.text(),
            vin=self.vin.text(),
            model_code=self.model.currentData() or "",
            category_code=self.category.currentData() or "",
            colour=self.colour.text(),
            purchase_date=None if purchase == NO_DATE else purchase.toPython(),
            odometer_km=int(odometer) if odometer else None,
            odometer_reason=self.odometer_reason.text(),
            cycle_km=self.cycle_km.value() if self.model.currentData() else None,
            cycle_months=self.cycle_months.value() if self.model.currentData() else None,
            confirmed=confirmed,
        )

    def set_value(self, row: dict[str, Any] | None) -> None:
        row = row or {}
        self.plate.set_text(row.get("plate", ""))
        self.vin.setText(row.get("vin") or "")
        self._reset_confirm()
        self.vin_confirm.setChecked(bool(row.get("vin_check_overridden")))
        self.vin_confirm.setVisible(bool(row.get("vin_check_overridden")))
        self.category.setCurrentIndex(max(0, self.category.findData(row.get("category_code"))))
        self.model.setCurrentIndex(max(0, self.model.findData(row.get("model_code"))))
        self.colour.setText(row.get("colour", ""))
        purchase = row.get("purchase_date")
        self.purchase.setDate(QDate.fromString(purchase, "yyyy-MM-dd") if purchase else NO_DATE)
        km = row.get("last_km")
        self.odometer.setText("" if km is None else str(km))
        self.odometer_reason.clear()
        if row.get("cycle_km"):
            self.cycle_km.setValue(row["cycle_km"])
            self.cycle_months.setValue(row["cycle_months"])
        due = [
            row.get("next_due_date") or "",
            f"{row['next_due_km']:,} km" if row.get("next_due_km") else "",
        ]
        text = self.tr(" or ").join(d for d in due if d) or "—"
        due_date = row.get("next_due_date")
        if self.clock is not None and service_due(
            dt.date.fromisoformat(due_date) if due_date else None,
            row.get("next_due_km"),
            self.clock().date(),
            km,
        ):
            text += " " + self.tr("(due now)")
            self.next_due.setStyleSheet(colours.WARNING_STYLE)
        else:
            self.next_due.setStyleSheet("")
        self.next_due.setText(text)
