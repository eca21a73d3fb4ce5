"""The fuel gauge (eighths, E … F) or an EV's charge (percent), as read off the dash."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QStackedWidget, QWidget

from service_desk.domain.checkin import EIGHTHS, FUEL_UNITS, Fuel
from service_desk.ui.checkin_messages import fuel_unit_name


class FuelPicker(QWidget):
    """Unit and reading; ``fuel()`` is None until a reading is picked."""

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit = QComboBox(objectName=f"{prefix}_unit")
        for unit in FUEL_UNITS:
            self.unit.addItem(fuel_unit_name(unit), unit)
        self.eighths = QComboBox(objectName=f"{prefix}_eighths")
        self.eighths.addItem("—", None)
        for value, label in enumerate(EIGHTHS):
            self.eighths.addItem(label, value)
        self.percent = QSpinBox(objectName=f"{prefix}_percent")
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText("—")
        self.percent.setSuffix(" %")
        self.gauge = QStackedWidget()
        self.gauge.addWidget(self.eighths)
        self.gauge.addWidget(self.percent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.unit)
        row.addWidget(self.gauge, 1)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        for signal in (
            self.unit.currentIndexChanged,
            self.eighths.currentIndexChanged,
            self.percent.valueChanged,
        ):
            signal.connect(self.changed)

    def set_fuel(self, unit: str, value: int | None) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))
        self.eighths.setCurrentIndex(0 if value is None or unit != "eighths" else value + 1)
        self.percent.setValue(-1 if value is None or unit != "percent" else value)
        self._unit_changed()

    def fuel(self) -> Fuel | None:
        if self.unit.currentData() == "percent":
            value = self.percent.value()
            return None if value < 0 else Fuel("percent", value)
        eighths = self.eighths.currentData()
        return None if eighths is None else Fuel("eighths", int(eighths))

    def setEnabled(self, enabled: bool) -> None:
        for widget in (self.unit, self.eighths, self.percent):
            widget.setEnabled(enabled)

    def _unit_changed(self, *_args: object) -> None:
        self.gauge.setCurrentIndex(1 if self.unit.currentData() == "percent" else 0)
