"""The booking form of the appointments desk (R17): the car (searched, or the current
order's), who asked, the exact time, the work, the parts estimate and the deposit asked
(at least half the parts' price when they must be ordered, filled in as the advisor types).

The booking's own fields (``BookingFields``) are shared with the contact log's dialog
(ui/contact_dialog.py), where a call that ends in a booking books the car called about."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import appointments as ap
from service_desk.actions.context import ActionError
from service_desk.domain import appointments as rules
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.store import queries
from service_desk.ui import appointments_messages as texts
from service_desk.ui import keyboard
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.search_box import SearchBox, model_name
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import message_line, run_step, set_time, time_edit, time_of

KINDS = ("appointments",)


def _fen(text: str) -> int:
    """Yuan typed -> fen; nothing typed is 0; a typo is -1 (refused under its field)."""
    if not text.strip():
        return 0
    try:
        return parse_yuan(text)
    except MoneyError:
        return -1


def _form(text: str) -> str:
    """The booking fields keep the texts (and translations) they had in BookingForm."""
    return QCoreApplication.translate("BookingForm", text)


class BookingFields(QWidget):
    """Who asked, the time, the standard job, the work requested, the parts estimate, parts
    to order and the deposit asked (the least the rule asks, filled in until the advisor
    types their own); each field's refusal under it (``errors``). Object names start with
    ``prefix``."""

    def __init__(
        self,
        session: Session,
        errors: FieldErrors,
        prefix: str = "appointments",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.deposit_typed = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.requested_by = QComboBox(objectName=f"{prefix}_requested_by")
        for code in rules.REQUESTED_BY:
            self.requested_by.addItem(texts.requested_by_name(code), code)
        errors.add_row(
            form,
            _form(QT_TRANSLATE_NOOP("BookingForm", "Asked by")),
            self.requested_by,
            "requested_by",
        )
        self.start = time_edit(f"{prefix}_start")
        errors.add_row(form, _form(QT_TRANSLATE_NOOP("BookingForm", "Time")), self.start, "start")
        self.job = QComboBox(objectName=f"{prefix}_job")
        self.job.addItem("—", None)
        for job in reference.standard_jobs():
            self.job.addItem(job.name(ui_lang()), job.code)
        errors.add_row(
            form, _form(QT_TRANSLATE_NOOP("BookingForm", "Standard job")), self.job, "jobs"
        )
        self.items = QLineEdit(objectName=f"{prefix}_items")
        self.items.setPlaceholderText(
            _form(QT_TRANSLATE_NOOP("BookingForm", "What the customer wants done, in their words"))
        )
        errors.add_row(
            form, _form(QT_TRANSLATE_NOOP("BookingForm", "Work requested")), self.items, "items"
        )
        self.parts = QLineEdit(objectName=f"{prefix}_parts")
        self.parts.setPlaceholderText(
            _form(QT_TRANSLATE_NOOP("BookingForm", "Estimated parts price in yuan"))
        )
        errors.add_row(
            form, _form(QT_TRANSLATE_NOOP("BookingForm", "Parts estimate (¥)")), self.parts, "parts"
        )
        self.to_order = QCheckBox(
            _form(
                QT_TRANSLATE_NOOP(
                    "BookingForm", "Parts must be ordered (deposit: at least half their price)"
                )
            ),
            objectName=f"{prefix}_to_order",
        )
        form.addRow("", self.to_order)
        self.deposit = QLineEdit(objectName=f"{prefix}_deposit")
        errors.add_row(
            form,
            _form(QT_TRANSLATE_NOOP("BookingForm", "Deposit asked (¥)")),
            self.deposit,
            "deposit",
        )
        self.job.currentIndexChanged.connect(self._job_picked)
        self.parts.textEdited.connect(lambda _t: self._fill_deposit())
        self.to_order.toggled.connect(lambda _on: self._fill_deposit())
        self.deposit.textEdited.connect(self._deposit_edited)

    def _job_picked(self, _index: int) -> None:
        code = self.job.currentData()
        if code is None:
            return
        if not self.items.text().strip():
            self.items.setText(reference.standard_job(code).name(ui_lang()))
        self.parts.setText(format_yuan(ap.parts_of_jobs([code]), False))
        self._fill_deposit()

    def _deposit_edited(self, text: str) -> None:
        self.deposit_typed = bool(text.strip())

    def _fill_deposit(self) -> None:
        """The least deposit the rule asks, until the advisor types their own."""
        if self.deposit_typed:
            return
        parts = max(0, _fen(self.parts.text()))
        least = rules.min_deposit_fen(parts, self.to_order.isChecked())
        self.deposit.setText(format_yuan(least, False) if least else "")

    def reset(self, start: dt.datetime, requested_by: str = "customer") -> None:
        """Empty fields, the time ``start``."""
        self.set_start(start)
        for edit in (self.items, self.parts, self.deposit):
            edit.clear()
        self.job.setCurrentIndex(0)
        self.requested_by.setCurrentIndex(max(0, self.requested_by.findData(requested_by)))
        self.to_order.setChecked(False)
        self.deposit_typed = False

    def set_start(self, start: dt.datetime) -> None:
        set_time(self.start, start, ap.zone(self.session.db))

    def start_time(self) -> dt.datetime:
        return time_of(self.start, ap.zone(self.session.db))

    def booking(self, vehicle_id: int) -> ap.Booking:
        code = self.job.currentData()
        return ap.Booking(
            vehicle_id=vehicle_id,
            start=self.start_time(),
            requested_by=self.requested_by.currentData(),
            items=self.items.text(),
            jobs=(code,) if code else (),
            parts_estimate_fen=_fen(self.parts.text()),
            parts_to_order=self.to_order.isChecked(),
            deposit_required_fen=_fen(self.deposit.text()),
        )


class BookingForm(QGroupBox):
    booked = Signal(int)  # the new appointment's id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Book an appointment"), parent)
        self.session = session
        self.vehicle_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.search = SearchBox(session)
        layout.addWidget(self.search)
        car_row = QHBoxLayout()
        self.vehicle_label = QLabel(objectName="appointments_vehicle")
        self.vehicle_label.setWordWrap(True)
        car_row.addWidget(self.vehicle_label, 1)
        self.current_button = QPushButton(
            self.tr("Car of the c&urrent order"), objectName="appointments_use_current"
        )
        car_row.addWidget(self.current_button)
        layout.addLayout(car_row)
        layout.addWidget(self.errors.label("vehicle"))
        self.fields = BookingFields(session, self.errors)
        layout.addWidget(self.fields)
        fields = self.fields  # the desk and its tests reach the fields through the form
        self.requested_by, self.start, self.job = fields.requested_by, fields.start, fields.job
        self.items, self.parts, self.to_order = fields.items, fields.parts, fields.to_order
        self.deposit = fields.deposit
        self.message = message_line("appointments_booking_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.book_button = QPushButton(self.tr("Boo&k"), objectName="appointments_book")
        self.book_button.setDefault(True)
        buttons.addWidget(self.book_button)
        layout.addLayout(buttons)

        self.search.picked.connect(self._picked)
        self.current_button.clicked.connect(self.use_current_order)
        self.book_button.clicked.connect(self.book)
        keyboard.set_primary(self, self.book_button, self.book)
        self.reset()

    # ---------------------------------------------------------------- the car
    def _picked(self, _customer_id: int, vehicle_id: int | None, _order_id: int | None) -> None:
        self.set_vehicle(vehicle_id)

    def use_current_order(self) -> None:
        order = queries.order(self.session.db, self.session.current_order_id or 0)
        self.set_vehicle(order["vehicle_id"] if order else None)

    def set_vehicle(self, vehicle_id: int | None) -> None:
        db = self.session.db
        vehicle = queries.vehicle(db, vehicle_id) if vehicle_id else None
        self.vehicle_id = vehicle["id"] if vehicle else None
        if vehicle is None:
            self.vehicle_label.setText(
                self.tr("No car chosen: search its plate, the phone or the name above.")
            )
            return
        customer = queries.customer(db, vehicle["owner_id"]) or {}
        self.vehicle_label.setText(
            "<b>{plate}</b> {model} · {name} {phone}".format(
                plate=vehicle["plate"],
                model=model_name(vehicle["model_code"]),
                name=customer.get("name", ""),
                phone=customer.get("phone", ""),
            )
        )
        self.errors.labels["vehicle"].hide()

    # ---------------------------------------------------------------- booking
    def reset(self, day: dt.date | None = None) -> None:
        """An empty form, its time the first slot of the day shown (tomorrow by default)."""
        db = self.session.db
        now = self.session.ctx.clock()
        tz = ap.zone(db)
        day = day or (now.astimezone(tz).date() + dt.timedelta(days=1))
        slots = [s for s, _e in rules.day_slots(day, ap.slot_minutes(db)) if s >= now]
        start = slots[0] if slots else dt.datetime.combine(day, dt.time(9), tzinfo=tz)
        self.fields.reset(start)
        self.set_vehicle(None)
        self.errors.clear()
        self.message.hide()

    def set_start(self, start: dt.datetime) -> None:
        self.fields.set_start(start)

    def booking(self) -> ap.Booking:
        if self.vehicle_id is None:
            raise ActionError("appointment.no_vehicle", "vehicle")
        return self.fields.booking(self.vehicle_id)

    def book(self) -> None:
        booked: list[int] = []
        if run_step(
            self.session,
            self.errors,
            self.message,
            lambda: booked.append(ap.book(self.session.ctx, self.booking())),
            KINDS,
        ):
            self.reset(self.fields.start_time().date())
            self.booked.emit(booked[0])
