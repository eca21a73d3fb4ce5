"""Handing the car back (R14): what is still missing, each step of the release gate —
keys, belongings ticked back and signed, documents, odometer and fuel out — and the
release itself, which prints the exit notice, the statement, the guarantee certificate
and the repair order for the customer's final signature."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import checkin, keys
from service_desk.actions import release as rel
from service_desk.domain import release as rules
from service_desk.domain.checkin import Fuel
from service_desk.domain.validation import ODOMETER_MAX_KM
from service_desk.store import checkin_queries, key_queries, release_queries
from service_desk.ui import colours
from service_desk.ui.checkout_discounts import KINDS
from service_desk.ui.checkout_messages import condition_done, condition_name
from service_desk.ui.fields import FieldErrors
from service_desk.ui.fuel_picker import FuelPicker
from service_desk.ui.i18n import ui_lang
from service_desk.ui.key_messages import kind_name
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import message_line, run_step

RELEASE_PAPERS = ("exit_notice", "statement", "guarantee", "repair_order")
DONE_STYLE = colours.OK_STYLE
MISSING_STYLE = colours.ERROR_STYLE


def fuel_text(unit: str | None, value: int | None) -> str:
    return "—" if unit is None or value is None else Fuel(unit, value).label()


class ReleasePanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Hand the car back"), parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.checklist: dict[str, QLabel] = {}
        ticks = QGridLayout()
        for i, code in enumerate(rules.CONDITIONS):
            label = QLabel(objectName=f"release_{code.split('.')[1]}")
            label.setWordWrap(True)
            self.checklist[code] = label
            ticks.addWidget(label, i, 0)
        layout.addLayout(ticks)

        steps = QFormLayout()
        self.keys_text = QLabel(objectName="release_keys_text")
        self.keys_button = QPushButton(self.tr("&Keys handed back"), objectName="release_keys")
        steps.addRow(self.tr("Keys"), _row(self.keys_text, self.keys_button))

        self.belongings_box = QWidget()
        self.belongings_grid = QGridLayout(self.belongings_box)
        self.belongings_grid.setContentsMargins(0, 0, 0, 0)
        self.belongings_grid.setColumnStretch(2, 1)
        self.returned: dict[int, QSpinBox] = {}
        steps.addRow(self.tr("Belongings"), self.belongings_box)
        self.belongings_note = QLineEdit(objectName="release_belongings_note")
        self.belongings_note.setPlaceholderText(self.tr("Note when something is missing"))
        self.belongings_button = QPushButton(
            self.tr("Ticked &back"), objectName="release_belongings"
        )
        self.sign_button = QPushButton(
            self.tr("Customer si&gned the list"), objectName="release_belongings_signed"
        )
        self.errors.add_row(steps, "", self.belongings_note, "return_note")
        belongings_buttons = QWidget()
        row = QHBoxLayout(belongings_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.belongings_button)
        row.addWidget(self.sign_button)
        steps.addRow("", belongings_buttons)

        self.documents_text = QLabel(objectName="release_documents_text")
        self.documents_text.setWordWrap(True)
        self.documents_button = QPushButton(
            self.tr("D&ocuments handed back"), objectName="release_documents"
        )
        steps.addRow(self.tr("Documents"), _row(self.documents_text, self.documents_button))

        self.readings_in = QLabel(objectName="release_readings_in")
        steps.addRow(self.tr("At check-in"), self.readings_in)
        self.odometer = QLineEdit(objectName="release_odometer")
        self.odometer.setValidator(QIntValidator(0, ODOMETER_MAX_KM, self))
        self.odometer.setPlaceholderText(self.tr("km"))
        self.errors.add_row(steps, self.tr("Odometer out"), self.odometer, "odometer")
        self.fuel = FuelPicker("release_fuel")
        self.errors.add_row(steps, self.tr("Fuel / charge out"), self.fuel, "fuel")
        self.explanation = QLineEdit(objectName="release_explanation")
        self.explanation.setPlaceholderText(
            self.tr("Why it differs much from check-in, e.g. road test 30 km")
        )
        self.errors.add_row(steps, self.tr("Explanation"), self.explanation, "explanation")
        self.readings_button = QPushButton(
            self.tr("Record readings o&ut"), objectName="release_readings"
        )
        steps.addRow("", _row(None, self.readings_button))
        layout.addLayout(steps)

        self.message = message_line("release_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.release_button = QPushButton(self.tr("&Release the car"), objectName="release_car")
        self.release_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        buttons.addWidget(self.release_button)
        layout.addLayout(buttons)

        self.keys_button.clicked.connect(self.return_keys)
        self.belongings_button.clicked.connect(self.tick_back)
        self.sign_button.clicked.connect(self.signed)
        self.documents_button.clicked.connect(self.documents_back)
        self.readings_button.clicked.connect(self.record_readings)

    # ------------------------------------------------------------------ showing
    def load(self, order_id: int, state: str) -> None:
        fresh = order_id != self.order_id
        self.order_id = order_id
        db = self.session.db
        if fresh:
            self.errors.clear()
            self.message.hide()
            self.belongings_note.clear()
            self.explanation.clear()
        at_desk = state in rel.DESK_STATES
        released = state not in (*rel.DESK_STATES, "declined", "closed")
        self.setVisible(at_desk or released)
        missing = set(rel.missing_for_release(db, order_id)) if at_desk else set()
        for code, label in self.checklist.items():
            if code == rules.DIFFERENCE_UNEXPLAINED:  # only worth a line when it is open
                label.setVisible(code in missing)
            if code in missing:
                label.setText("✗ " + condition_name(code))
                label.setStyleSheet(MISSING_STYLE)
            else:
                label.setText("✓ " + condition_done(code))
                label.setStyleSheet(DONE_STYLE)
        self._show_keys(order_id, at_desk)
        checked_in = checkin_queries.checkin(db, order_id) or {}
        self._show_belongings(order_id, checked_in, at_desk, fresh)
        release = release_queries.release(db, order_id) or {}
        self._show_documents(order_id, release, at_desk)
        self._show_readings(checked_in, release, at_desk, fresh)
        self.release_button.setEnabled(at_desk and not missing)

    def _show_keys(self, order_id: int, at_desk: bool) -> None:
        rows = key_queries.keys_of_order(self.session.db, order_id)
        if not rows:
            text = self.tr("No key registered")
        else:
            text = ", ".join(f"{kind_name(k['kind'])}: {self._key_place(k)}" for k in rows)
        self.keys_text.setText(text)
        outstanding = [k for k in rows if k["state"] != "returned"]
        self.keys_button.setEnabled(at_desk and bool(outstanding))

    def _key_place(self, key: dict[str, Any]) -> str:
        if key["state"] == "returned":
            return self.tr("handed back")
        if key["state"] == "in_cabinet":
            return self.tr("hook {hook}").format(hook=key["hook"])
        return self.tr("out with {holder}").format(holder=key["holder"] or "—")

    def _show_belongings(
        self, order_id: int, state: dict[str, Any], at_desk: bool, fresh: bool
    ) -> None:
        items = checkin_queries.belongings(self.session.db, order_id)
        returned = state.get("returned_at") is not None
        if fresh or set(self.returned) != {r["id"] for r in items}:
            while self.belongings_grid.count():
                widget = self.belongings_grid.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
            self.returned = {}
            for i, item in enumerate(items):
                spin = QSpinBox(objectName=f"release_returned_{item['id']}")
                spin.setRange(0, item["qty"])
                spin.setValue(item["qty"] if item["returned_qty"] is None else item["returned_qty"])
                spin.setSuffix(f" / {item['qty']}")
                spin.setMaximumWidth(90)
                self.belongings_grid.addWidget(QLabel(item["name"]), i, 0)
                self.belongings_grid.addWidget(spin, i, 1)
                self.returned[item["id"]] = spin
            if not items:
                self.belongings_grid.addWidget(QLabel(self.tr("None left in the car")), 0, 0)
            # Tab reaches the rows where they stand: after the keys, before the note
            chain = [self.keys_button, *self.returned.values(), self.belongings_note]
            for before, after in itertools.pairwise(chain):
                QWidget.setTabOrder(before, after)
        for spin in self.returned.values():
            spin.setEnabled(at_desk and not returned)
        self.belongings_note.setEnabled(at_desk and not returned)
        self.belongings_button.setEnabled(at_desk and not returned)
        signed = (release_queries.release(self.session.db, order_id) or {}).get(
            "belongings_signed_at"
        )
        self.sign_button.setEnabled(at_desk and returned and not signed)

    def _show_documents(self, order_id: int, release: dict[str, Any], at_desk: bool) -> None:
        docs = checkin_queries.documents(self.session.db, order_id)
        lang = ui_lang()
        kept = [
            reference.document_type(code).name(lang)
            for code, row in docs.items()
            if row["received"]
        ]
        self.documents_text.setText(", ".join(kept) or self.tr("None recorded at check-in"))
        self.documents_button.setEnabled(at_desk and not release.get("documents_returned"))

    def _show_readings(
        self, state: dict[str, Any], release: dict[str, Any], at_desk: bool, fresh: bool
    ) -> None:
        km_in = state.get("odometer_km")
        self.readings_in.setText(
            self.tr("{km} km, fuel {fuel}").format(
                km=f"{km_in:,}" if km_in is not None else "—",
                fuel=fuel_text(state.get("fuel_unit"), state.get("fuel_value")),
            )
        )
        if fresh:
            out = release.get("odometer_out")
            self.odometer.setText("" if out is None else str(out))
            unit = release.get("fuel_unit") or state.get("fuel_unit") or "eighths"
            self.fuel.set_fuel(unit, release.get("fuel_value"))
            self.explanation.setText(release.get("difference_note") or "")
        for widget in (self.odometer, self.fuel, self.explanation, self.readings_button):
            widget.setEnabled(at_desk)

    # ------------------------------------------------------------------ steps
    def _run(self, step: Any) -> bool:
        return run_step(self.session, self.errors, self.message, step, KINDS)

    def return_keys(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            self._run(lambda: keys.return_keys_to_customer(self.session.ctx, order_id))

    def tick_back(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        returned = {item_id: spin.value() for item_id, spin in self.returned.items()}
        note = self.belongings_note.text()
        self._run(lambda: checkin.return_belongings(self.session.ctx, order_id, returned, note))

    def signed(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            self._run(lambda: rel.record_belongings_signed(self.session.ctx, order_id))

    def documents_back(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            self._run(lambda: rel.record_documents_returned(self.session.ctx, order_id))

    def record_readings(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        text = self.odometer.text().strip()
        km = int(text) if text else None
        fuel, explanation = self.fuel.fuel(), self.explanation.text()
        self._run(
            lambda: rel.record_odometer_fuel_out(self.session.ctx, order_id, km, fuel, explanation)
        )


def _row(label: QLabel | None, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    if label is not None:
        row.addWidget(label, 1)
    else:
        row.addStretch(1)
    row.addWidget(button)
    return box
