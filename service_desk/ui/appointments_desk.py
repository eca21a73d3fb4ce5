"""The appointments desk (tab, R17): the day calendar on the left — a date, its slots with
the cars booked and the places left, the reminders due — and on the right the booking
form and what can happen to the appointment picked: its deposit, reminded, arrived (it
becomes a repair order, made current), missed, cancelled, its printed form; and the
workshop's bay list for today and tomorrow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import appointments as ap
from service_desk.domain import appointments as rules
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.domain.settlement import METHODS
from service_desk.printing.appointment_forms import (
    APPOINTMENT,
    BAY_LIST,
    render_appointment,
    render_bay_list,
)
from service_desk.store import appointment_queries as aq
from service_desk.ui import appointments_messages as texts
from service_desk.ui import ask, colours, keyboard
from service_desk.ui import printing as ui_printing
from service_desk.ui.appointment_stats_dialog import AppointmentStatsDialog
from service_desk.ui.appointments_booking import KINDS, BookingForm, _fen
from service_desk.ui.checkout_messages import method_name
from service_desk.ui.fields import FieldErrors
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line, run_step


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _hhmm(a: dict[str, Any]) -> str:
    return f"{parse(a['slot_start']):%H:%M}–{parse(a['slot_end']):%H:%M}"


class _StateModel(RowsModel):
    """Rows whose state column is coloured with the appointment's colours."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.columns[index.column()][0] == self.state_header
        ):
            row = self.rows[index.row()]
            colour = texts.STATE_COLOURS.get(row.get("state", ""))
            if row.get("reminder") == "late":
                colour = colours.OVERDUE
            return QColor(colour) if colour else None
        return super().data(index, role)


class AppointmentsDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.appointment_id: int | None = None
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)

        # ---------------------------------------------------------------- the day
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        day_row = QHBoxLayout()
        day_row.addWidget(QLabel("<b>" + self.tr("Appointments on") + "</b>"))
        self.day = QDateEdit(objectName="appointments_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")
        day_row.addWidget(self.day)
        self.today_button = QPushButton(self.tr("To&day"), objectName="appointments_today")
        day_row.addWidget(self.today_button)
        day_row.addStretch(1)
        column.addLayout(day_row)
        self.capacity = QLabel(objectName="appointments_capacity")
        column.addWidget(self.capacity)
        self.model = _StateModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Time")), self._slot_time),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r.get("plate", "")),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Customer")),
                    lambda r: r.get("customer_name", ""),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Work")), lambda r: r.get("items", "")),
                (_c(QT_TRANSLATE_NOOP("Columns", "Deposit")), self._deposit_text),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Status")),
                    lambda r: texts.state_name(r["state"]) if "state" in r else self.tr("free"),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r.get("order_number") or ""),
            ],
            self,
        )
        self.model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.table = queue_table(self.model, "appointments_table")
        column.addWidget(self.table, 3)
        self.empty = QLabel(objectName="appointments_empty")
        self.empty.setWordWrap(True)
        column.addWidget(self.empty)
        column.addWidget(QLabel("<b>" + self.tr("Reminders due") + "</b>"))
        self.reminder_model = _StateModel(
            [
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "When")),
                    lambda r: f"{parse(r['slot_start']):%m-%d %H:%M}",
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["customer_phone"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Reminder")),
                    lambda r: texts.reminder_name(r["reminder"]),
                ),
            ],
            self,
        )
        self.reminder_model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Reminder"))
        self.reminders = queue_table(self.reminder_model, "appointments_reminders")
        column.addWidget(self.reminders, 1)
        self.no_reminders = QLabel(
            self.tr("No reminder due: customers are reminded half a day to a day before.")
        )
        self.no_reminders.setWordWrap(True)
        column.addWidget(self.no_reminders)
        bay_row = QHBoxLayout()
        bay_row.addStretch(1)
        self.bay_button = QPushButton(
            self.tr("Print the &bay list (today and tomorrow)"), objectName="appointments_bay_list"
        )
        bay_row.addWidget(self.bay_button)
        self.stats_button = QPushButton(
            self.tr("Appointment &statistics …"), objectName="appointments_stats"
        )
        bay_row.addWidget(self.stats_button)
        column.addLayout(bay_row)
        splitter.addWidget(left)

        # ---------------------------------------------------------------- booking and the pick
        page = QWidget()
        right = QVBoxLayout(page)
        self.booking = BookingForm(session)
        right.addWidget(self.booking)
        self.picked_box = QGroupBox(self.tr("Appointment"))
        picked = QVBoxLayout(self.picked_box)
        self.title = QLabel(objectName="appointments_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        picked.addWidget(self.title)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.method = QComboBox(objectName="appointments_deposit_method")
        for code in METHODS:
            self.method.addItem(method_name(code), code)
        self.errors.add_row(form, self.tr("Paid by"), self.method, "method")
        self.amount = QLineEdit(objectName="appointments_deposit_amount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan"))
        self.errors.add_row(form, self.tr("Deposit (¥)"), self.amount, "amount")
        self.reference = QLineEdit(objectName="appointments_deposit_reference")
        self.reference.setPlaceholderText(self.tr("Voucher / transaction no. (card, transfer)"))
        self.errors.add_row(form, self.tr("Reference"), self.reference, "reference")
        picked.addLayout(form)
        self.message = message_line("appointments_message")
        picked.addWidget(self.message)
        buttons = QHBoxLayout()
        self.deposit_button = QPushButton(self.tr("Take de&posit"), objectName="appointments_take")
        self.remind_button = QPushButton(
            self.tr("Customer re&minded"), objectName="appointments_reminded"
        )
        self.cancel_button = QPushButton(self.tr("Ca&ncel …"), objectName="appointments_cancel")
        self.missed_button = QPushButton(self.tr("M&issed"), objectName="appointments_missed")
        self.print_button = QPushButton(
            self.tr("Print the appointment &form"), objectName="appointments_print"
        )
        self.arrive_button = QPushButton(
            self.tr("&Arrived: open the repair order"), objectName="appointments_arrived"
        )
        for button in (
            self.deposit_button,
            self.remind_button,
            self.cancel_button,
            self.missed_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.arrive_button)
        picked.addLayout(buttons)
        right.addWidget(self.picked_box)
        right.addStretch(1)
        self.desk_message = message_line("appointments_desk_message")
        right.addWidget(self.desk_message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)

        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.today_button.clicked.connect(self.go_today)
        self.table.clicked.connect(self._picked)
        self.table.activated.connect(self._picked)
        self.reminders.clicked.connect(self._reminder_picked)
        self.booking.booked.connect(self._booked)
        self.deposit_button.clicked.connect(self.take_deposit)
        self.remind_button.clicked.connect(self.reminded)
        self.cancel_button.clicked.connect(self.cancel)
        self.missed_button.clicked.connect(self.missed)
        self.arrive_button.clicked.connect(self.arrived)
        keyboard.set_primary(self.picked_box, self.arrive_button, self.arrived)
        for field in (self.method, self.amount, self.reference):  # the deposit's own row
            keyboard.set_primary(field.parentWidget(), self.deposit_button, self.take_deposit)
        keyboard.install_primary(self, self._primary)
        self.print_button.clicked.connect(lambda: self.print_form())
        self.bay_button.clicked.connect(lambda: self.print_bay_list())
        self.stats_button.clicked.connect(self.open_statistics)
        session.changed.connect(lambda _kinds: self.refresh())
        self.go_today()

    # ---------------------------------------------------------------- the day
    def today(self) -> dt.date:
        return self.session.ctx.clock().astimezone(ap.zone(self.session.db)).date()

    def _primary(self) -> None:
        """Ctrl+Enter outside the forms (the day's list): the picked appointment's arrival
        (the repair order opened), else the booking."""
        slot = keyboard.primary_of(self.picked_box) or keyboard.primary_of(self.booking)
        if slot is not None:
            slot()

    def go_today(self) -> None:
        self.set_day(self.today())

    def set_day(self, day: dt.date) -> None:
        if self.shown_day() == day:
            self.refresh()
        else:
            self.day.setDate(QDate(day.year, day.month, day.day))  # refreshes

    def shown_day(self) -> dt.date:
        return self.day.date().toPython()

    def _slot_time(self, r: dict[str, Any]) -> str:
        return _hhmm(r) if "slot_start" in r else f"{r['free_start']:%H:%M}"

    @staticmethod
    def _sort_key(r: dict[str, Any]) -> str:
        return r["slot_start"][11:16] if "slot_start" in r else f"{r['free_start']:%H:%M}"

    @staticmethod
    def _deposit_text(r: dict[str, Any]) -> str:
        if not r.get("deposit_required_fen"):
            return ""
        return f"{format_yuan(r['deposit_paid_fen'])} / {format_yuan(r['deposit_required_fen'])}"

    def refresh(self) -> None:
        db = self.session.db
        day = self.shown_day()
        booked = ap.day_list(db, day)
        left = ap.places_left(db, day)
        capacity = ap.capacity(db)
        self.capacity.setText(
            self.tr("{left} of {capacity} places left that day").format(
                left=left, capacity=capacity
            )
        )
        self.capacity.setStyleSheet(colours.ERROR_STYLE if left == 0 else "")
        rows: list[dict[str, Any]] = list(booked)
        if left:  # the free slots of the day, between the bookings
            taken = {a["slot_start"][11:16] for a in booked}
            for start, _end in rules.day_slots(day, ap.slot_minutes(db)):
                if f"{start:%H:%M}" not in taken:
                    rows.append({"free_start": start, "id": None})
        rows.sort(
            key=lambda r: (
                r["slot_start"][11:16] if "slot_start" in r else f"{r['free_start']:%H:%M}"
            )
        )
        self.model.set_rows(rows)
        self.empty.setText(
            self.tr("No appointment on this day yet — book one on the right.") if not booked else ""
        )
        self.empty.setVisible(not booked)
        due = ap.reminders_due(self.session.ctx)
        self.reminder_model.set_rows(due)
        self.no_reminders.setVisible(not due)
        self.show_appointment(self.appointment_id)

    def _picked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        if row.get("id") is None:  # a free slot: book it
            self.booking.set_start(row["free_start"])
            self.booking.items.setFocus()
            return
        self.show_appointment(row["id"])

    def _reminder_picked(self, index: QModelIndex) -> None:
        row = self.reminder_model.row_at(index.row())
        if row is not None:
            self.appointment_id = row["id"]
            self.set_day(dt.date.fromisoformat(row["day"]))

    def _booked(self, appointment_id: int) -> None:
        a = aq.appointment(self.session.db, appointment_id)
        self.appointment_id = appointment_id
        if a is not None:
            self.set_day(dt.date.fromisoformat(a["day"]))
        self.show_appointment(appointment_id)
        if a is not None and a["deposit_required_fen"]:
            self.amount.setFocus()

    # ---------------------------------------------------------------- the appointment picked
    def show_appointment(self, appointment_id: int | None) -> None:
        a = aq.appointment(self.session.db, appointment_id) if appointment_id else None
        if a is None or appointment_id != self.appointment_id:
            self.errors.clear()
            self.message.hide()
        self.appointment_id = a["id"] if a else None
        self.picked_box.setVisible(a is not None)
        if a is None:
            return
        open_ = a["state"] in rules.OPEN_STATES
        still = rules.deposit_open_fen(a["deposit_required_fen"], a["deposit_paid_fen"])
        number = rules.appointment_number(a["day"], a["id"])
        lines = [
            "<b>"
            + self.tr("{number} · {plate} · {customer} {phone} — {state}").format(
                number=number,
                plate=a["plate"],
                customer=a["customer_name"],
                phone=a["customer_phone"],
                state=texts.state_name(a["state"]),
            )
            + "</b>",
            self.tr("{day} {time} · {asked} · {work}").format(
                day=a["day"],
                time=_hhmm(a),
                asked=texts.requested_by_name(a["requested_by"]),
                work=a["items"],
            ),
        ]
        if a["parts_estimate_fen"] or a["deposit_required_fen"]:
            lines.append(
                self.tr("Parts {parts}{ordered} · deposit asked {asked}, paid {paid}").format(
                    parts=format_yuan(a["parts_estimate_fen"]),
                    ordered=self.tr(" (to order)") if a["parts_to_order"] else "",
                    asked=format_yuan(a["deposit_required_fen"]),
                    paid=format_yuan(a["deposit_paid_fen"]),
                )
            )
        if a["order_number"]:
            lines.append(self.tr("Repair order {number}").format(number=a["order_number"]))
        if a["cancel_reason"]:
            lines.append(self.tr("Cancelled: {reason}").format(reason=a["cancel_reason"]))
        self.title.setText("<br>".join(lines))
        if still > 0 and not self.amount.text().strip():
            self.amount.setText(format_yuan(still, False))
        takes_deposit = open_ and still > 0
        for widget in (self.method, self.amount, self.reference, self.deposit_button):
            widget.setEnabled(takes_deposit)
        self.remind_button.setEnabled(a["state"] == "booked")
        self.cancel_button.setEnabled(open_)
        self.missed_button.setEnabled(
            rules.is_missed(a["state"], parse(a["slot_end"]), self.session.ctx.clock())
        )
        self.arrive_button.setEnabled(open_)

    def _step(self, step: Any) -> bool:
        return run_step(self.session, self.errors, self.message, step, (*KINDS, "orders"))

    def take_deposit(self) -> None:
        aid = self.appointment_id
        if aid is None:
            return
        if self._step(
            lambda: ap.record_deposit(
                self.session.ctx,
                aid,
                self.method.currentData(),
                _fen(self.amount.text()),
                self.reference.text(),
            )
        ):
            self.amount.clear()
            self.reference.clear()

    def reminded(self) -> None:
        aid = self.appointment_id
        if aid is not None:
            self._step(lambda: ap.mark_reminded(self.session.ctx, aid))

    def missed(self) -> None:
        aid = self.appointment_id
        if aid is not None:
            self._step(lambda: ap.mark_missed(self.session.ctx, aid))

    def cancel(self) -> None:
        aid = self.appointment_id
        if aid is None:
            return
        reason = ask.text(
            self,
            self.tr("Cancel the appointment"),
            self.tr("Why is it cancelled (customer's call, dealer's reason)?"),
        )
        if reason is not None:
            self._step(lambda: ap.cancel(self.session.ctx, aid, reason))

    def arrived(self) -> None:
        """The car is here: the repair order is opened with the booked work and becomes
        the current order, to carry on at reception."""
        aid = self.appointment_id
        if aid is None:
            return
        opened: list[int] = []
        if self._step(lambda: opened.append(ap.arrive(self.session.ctx, aid))):
            self.session.set_current_order(opened[0])

    # ---------------------------------------------------------------- printing
    def print_form(self, choose: bool = False) -> bool:
        aid = self.appointment_id
        if aid is None:
            return False
        ctx = self.session.ctx

        def pdf() -> bytes:
            actor = ctx.actor()
            return render_appointment(ctx.db, aid, printed_by=actor["name"], now=ctx.clock())

        return self._print(APPOINTMENT, pdf, choose)

    def open_statistics(self) -> AppointmentStatsDialog:
        dialog = AppointmentStatsDialog(self.session, self)
        dialog.open()
        return dialog

    def print_bay_list(self, choose: bool = False) -> bool:
        ctx = self.session.ctx

        def pdf() -> bytes:
            actor = ctx.actor()
            return render_bay_list(ctx.db, self.today(), printed_by=actor["name"], now=ctx.clock())

        return self._print(BAY_LIST, pdf, choose)

    def _print(self, kind: str, pdf: Any, choose: bool) -> bool:
        def step() -> None:
            ui_printing.print_unattached(self.session, self, kind, pdf(), choose)

        message = self.message if kind == APPOINTMENT else self.desk_message
        return ui_printing.run_print(step, message)
