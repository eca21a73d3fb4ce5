"""The row where the advisor types one labour, part or fee line (R6)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from service_desk import reference
from service_desk.domain.money import MoneyError, parse_yuan
from service_desk.domain.pricing import (
    KINDS,
    MODES,
    PART_QUALITIES,
    PARTS_SOURCES,
    PAYERS,
    LineDraft,
    PricingError,
    parse_qty,
)
from service_desk.ui import labels
from service_desk.ui.fields import ERROR_STYLE
from service_desk.ui.i18n import ui_lang
from service_desk.ui.messages import pricing_text


class LineEntry(QWidget):
    submitted = Signal(object)  # LineDraft

    def __init__(self, default_margin_bp: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.default_margin_bp = default_margin_bp
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind = self._combo("line_kind", [(labels.kind(k), k) for k in KINDS])
        self.description = QLineEdit(objectName="line_description")
        self.description.setPlaceholderText(self.tr("Work item or part"))
        self.description.setMinimumWidth(180)
        self.mode = self._combo("line_mode", [(labels.mode(m), m) for m in MODES])
        self.system = self._combo(
            "line_system",
            [("", None)] + [(s.name(ui_lang()), s.code) for s in reference.vehicle_systems()],
        )
        self.qty = QLineEdit("1", objectName="line_qty")
        self.qty.setMaximumWidth(60)
        self.price = QLineEdit(objectName="line_price")
        self.price.setPlaceholderText(self.tr("¥ unit price"))
        self.price.setMaximumWidth(100)
        self.margin = QLineEdit(objectName="line_margin")
        self.margin.setMaximumWidth(50)
        self.margin.setPlaceholderText("%")
        self.source = self._combo("line_source", [(labels.source(s), s) for s in PARTS_SOURCES])
        self.quality = self._combo("line_quality", [(labels.quality(q), q) for q in PART_QUALITIES])
        self.payer = self._combo("line_payer", [(labels.payer(p), p) for p in PAYERS])
        self.add = QPushButton(self.tr("Add line"), objectName="line_add")
        self.error = QLabel(objectName="line_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        columns = [
            (self.tr("Type"), self.kind),
            (self.tr("Description"), self.description),
            (self.tr("Pricing"), self.mode),
            (self.tr("System"), self.system),
            (self.tr("Qty"), self.qty),
            (self.tr("Unit price"), self.price),
            (self.tr("Margin %"), self.margin),
            (self.tr("Source"), self.source),
            (self.tr("Genuine?"), self.quality),
            (self.tr("Payer"), self.payer),
        ]
        for col, (title, widget) in enumerate(columns):
            grid.addWidget(QLabel(title), 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.add, 1, len(columns))
        grid.addWidget(self.error, 2, 0, 1, len(columns) + 1)
        grid.setColumnStretch(1, 3)
        self.kind.currentIndexChanged.connect(self._sync)
        self.mode.currentIndexChanged.connect(self._sync)
        self.add.clicked.connect(self.submit)
        for edit in (self.description, self.qty, self.price, self.margin):
            edit.returnPressed.connect(self.submit)
        self._sync()

    def _combo(self, name: str, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _sync(self) -> None:
        is_part = self.kind.currentData() == "part"
        self.source.setEnabled(is_part)
        self.quality.setEnabled(is_part)
        symptom = self.mode.currentData() == "symptom"
        self.margin.setEnabled(symptom)
        if symptom and not self.margin.text():
            self.margin.setText(f"{self.default_margin_bp / 100:g}")
        if not symptom:
            self.margin.clear()

    def draft(self) -> LineDraft:
        """The typed line, or PricingError naming the field."""
        try:
            price = parse_yuan(self.price.text())
        except MoneyError as exc:
            raise PricingError("unit_price", "price.format") from exc
        margin_bp = 0
        if self.mode.currentData() == "symptom" and self.margin.text().strip():
            try:
                margin_bp = int(Decimal(self.margin.text().strip()) * 100)
            except InvalidOperation as exc:
                raise PricingError("risk_margin", "margin.range") from exc
        is_part = self.kind.currentData() == "part"
        return LineDraft(
            kind=self.kind.currentData(),
            description=self.description.text().strip(),
            mode=self.mode.currentData(),
            qty_milli=parse_qty(self.qty.text()),
            unit_price_fen=price,
            payer=self.payer.currentData(),
            risk_margin_bp=margin_bp,
            system_code=self.system.currentData(),
            parts_source=self.source.currentData() if is_part else None,
            part_quality=self.quality.currentData() if is_part else None,
        )

    def submit(self) -> None:
        try:
            draft = self.draft()
        except PricingError as exc:
            self.show_error(pricing_text(exc))
            return
        self.error.hide()
        self.submitted.emit(draft)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reset(self) -> None:
        """After a line was added: keep type, mode, system and payer for the next line."""
        self.description.clear()
        self.qty.setText("1")
        self.price.clear()
        self.error.hide()
        self.description.setFocus()
