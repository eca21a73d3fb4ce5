"""Fuel gauge and odometer as read at check-in (the odometer through the R1 validator)."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import EIGHTHS, FUEL_UNITS, Fuel
from service_desk.domain.validation import ODOMETER_MAX_KM
from service_desk.store.queries import Row
from service_desk.ui.checkin_messages import fuel_unit_name
from service_desk.ui.fields import FieldErrors


class ReadingsSection(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Fuel and odometer"), parent)
        self.dirty = False
        form = QFormLayout(self)
        self.unit = QComboBox(objectName="fuel_unit")
        for unit in FUEL_UNITS:
            self.unit.addItem(fuel_unit_name(unit), unit)
        self.eighths = QComboBox(objectName="fuel_eighths")
        self.eighths.addItem("—", None)
        for value, label in enumerate(EIGHTHS):
            self.eighths.addItem(label, value)
        self.percent = QSpinBox(objectName="fuel_percent")
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText("—")
        self.percent.setSuffix(" %")
        self.gauge = QStackedWidget()
        self.gauge.addWidget(self.eighths)
        self.gauge.addWidget(self.percent)
        fuel = QWidget()
        row = QHBoxLayout(fuel)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.unit)
        row.addWidget(self.gauge, 1)
        errors.add_row(form, self.tr("Fuel / charge *"), fuel, "fuel")
        self.odometer = QLineEdit(objectName="checkin_odometer")
        self.odometer.setValidator(QIntValidator(0, ODOMETER_MAX_KM, self))
        self.odometer.setPlaceholderText(self.tr("km"))
        errors.add_row(form, self.tr("Odometer *"), self.odometer, "odometer")
        self.last = QLabel(objectName="checkin_last_km")
        self.last.setStyleSheet("color: #6b6b6b;")
        form.addRow("", self.last)
        self.reason = QLineEdit(objectName="checkin_odometer_reason")
        self.reason.setPlaceholderText(self.tr("Reason if lower than the last reading"))
        errors.add_row(form, self.tr("Reason"), self.reason, "odometer_reason")
        self.unit.currentIndexChanged.connect(self._unit_changed)
        for signal in (
            self.unit.currentIndexChanged,
            self.eighths.currentIndexChanged,
            self.percent.valueChanged,
            self.odometer.textEdited,
            self.reason.textEdited,
        ):
            signal.connect(self._changed)

    def load(self, state: Row, odometer: int | None, last_km: int | None, ev: bool) -> None:
        unit = state.get("fuel_unit") or ("percent" if ev else "eighths")
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))
        value = state.get("fuel_value")
        self.eighths.setCurrentIndex(0 if value is None or unit != "eighths" else value + 1)
        self.percent.setValue(-1 if value is None or unit != "percent" else value)
        self.odometer.setText("" if odometer is None else str(odometer))
        self.reason.clear()
        self.last.setText(
            self.tr("Last recorded: {km} km").format(km=f"{last_km:,}")
            if last_km is not None
            else ""
        )
        self._unit_changed()
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        for widget in (self.unit, self.eighths, self.percent, self.odometer, self.reason):
            widget.setEnabled(editable)

    def fuel(self) -> Fuel | None:
        if self.unit.currentData() == "percent":
            value = self.percent.value()
            return None if value < 0 else Fuel("percent", value)
        eighths = self.eighths.currentData()
        return None if eighths is None else Fuel("eighths", int(eighths))

    def km(self) -> int | None:
        text = self.odometer.text().strip()
        return int(text) if text else None

    def save(self, ctx: Ctx, order_id: int) -> None:
        reason = self.reason.text()
        checkin.record_fuel_odometer(
            ctx,
            order_id,
            self.fuel(),
            self.km(),
            reason,
            confirmed={"odometer.lower"} if reason.strip() else set(),
        )

    def _unit_changed(self, *_args: object) -> None:
        self.gauge.setCurrentIndex(1 if self.unit.currentData() == "percent" else 0)

    def _changed(self, *_args: object) -> None:
        self.dirty = True
