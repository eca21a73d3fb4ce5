"""Fuel gauge and odometer as read at check-in (the odometer through the R1 validator)."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import Fuel
from service_desk.domain.validation import ODOMETER_MAX_KM
from service_desk.store.queries import Row
from service_desk.ui import colours
from service_desk.ui.fields import FieldErrors
from service_desk.ui.fuel_picker import FuelPicker


class ReadingsSection(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Fuel and odometer"), parent)
        self.dirty = False
        form = QFormLayout(self)
        self.fuel_picker = FuelPicker("fuel")
        errors.add_row(form, self.tr("Fuel / charge *"), self.fuel_picker, "fuel")
        self.odometer = QLineEdit(objectName="checkin_odometer")
        self.odometer.setValidator(QIntValidator(0, ODOMETER_MAX_KM, self))
        self.odometer.setPlaceholderText(self.tr("km"))
        errors.add_row(form, self.tr("Odometer *"), self.odometer, "odometer")
        self.last = QLabel(objectName="checkin_last_km")
        self.last.setStyleSheet(colours.FAINT_STYLE)
        form.addRow("", self.last)
        self.reason = QLineEdit(objectName="checkin_odometer_reason")
        self.reason.setPlaceholderText(self.tr("Reason if lower than the last reading"))
        errors.add_row(form, self.tr("Reason"), self.reason, "odometer_reason")
        for signal in (
            self.fuel_picker.changed,
            self.odometer.textEdited,
            self.reason.textEdited,
        ):
            signal.connect(self._changed)

    def load(self, state: Row, odometer: int | None, last_km: int | None, ev: bool) -> None:
        unit = state.get("fuel_unit") or ("percent" if ev else "eighths")
        self.fuel_picker.set_fuel(unit, state.get("fuel_value"))
        self.odometer.setText("" if odometer is None else str(odometer))
        self.reason.clear()
        self.last.setText(
            self.tr("Last recorded: {km} km").format(km=f"{last_km:,}")
            if last_km is not None
            else ""
        )
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        for widget in (self.fuel_picker, self.odometer, self.reason):
            widget.setEnabled(editable)

    def fuel(self) -> Fuel | None:
        return self.fuel_picker.fuel()

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

    def _changed(self, *_args: object) -> None:
        self.dirty = True
