"""Log one contact with a customer (R3), from a line of the call list: how (the customer's
preferred channel by default), what about (the line's most urgent reason), how it ended
(one of the outcomes the channel allows) and a note; the outcome's own fields appear
with it:

- booked: the appointment — the time (the first free slot from tomorrow on; the places
  left that day shown), the standard job, the parts estimate and whether they must be
  ordered (the deposit asked is filled in; it is taken at the appointments desk);
- complaint: the complaint in full, answered now or the time the customer hears back;
- call back: when the customer asked to be called.

Everything is logged in one step (actions.contacts.log_contact). Refusals show under their
field (or on the message line); what was typed stays. Enter (Ctrl+Enter in the complaint's
text boxes) confirms, Esc cancels.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import appointments as ap
from service_desk.actions import contacts
from service_desk.domain import contacts as rules
from service_desk.store import queries
from service_desk.ui import colours
from service_desk.ui import contact_messages as texts
from service_desk.ui.appointments_booking import BookingFields
from service_desk.ui.fields import FieldErrors
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import message_line, run_step, set_time, time_edit, time_of

KINDS = ("contacts", "appointments", "care")
# Purposes the counter logs here; a campaign's contacts are logged with the campaign.
PURPOSES = tuple(p for p in rules.PURPOSES if p != "campaign")
REPLY_IN = dt.timedelta(hours=4)  # a complaint's default reply-by time, as at the care desk


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    colours.fit_lines(box, lines)
    return box


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ContactDialog(QDialog):
    logged = Signal(object)  # actions.contacts.ContactResult

    def __init__(
        self,
        session: Session,
        customer_id: int,
        vehicle_id: int | None,
        purpose: str = "other",
        why: str = "",
        parent: QWidget | None = None,
        campaign_id: int | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.customer_id = customer_id
        self.vehicle_id = vehicle_id
        self.campaign_id = campaign_id
        self.result_: contacts.ContactResult | None = None
        self.errors = FieldErrors()
        db = session.db
        customer = queries.customer(db, customer_id) or {}
        vehicle = queries.vehicle(db, vehicle_id) if vehicle_id else None
        self.order = contacts.last_order(db, vehicle_id, customer_id)
        self.setObjectName("contact_dialog")
        self.setWindowTitle(self.tr("Log a contact"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        phones = " / ".join(p for p in (customer.get("phone"), customer.get("phone2")) if p)
        title = "<b>{car}{name}</b> · {phones}".format(
            car=f"{vehicle['plate']} {model_name(vehicle['model_code'])} · " if vehicle else "",
            name=_escape(customer.get("name", "")),
            phones=phones,
        )
        if why:
            title += "<br>" + _escape(why)
        self.title = QLabel(title, objectName="contact_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)

        form = QFormLayout()
        self.channel = QComboBox(objectName="contact_channel")
        for code in rules.CHANNELS:
            self.channel.addItem(texts.channel_name(code), code)
        self.errors.add_row(form, self.tr("Channel"), self.channel, "channel")
        self.purpose = QComboBox(objectName="contact_purpose")
        for code in PURPOSES:
            self.purpose.addItem(texts.purpose_name(code), code)
        if campaign_id is not None:  # the line's campaign: its contacts count for it
            self.purpose.addItem(texts.purpose_name("campaign"), "campaign")
        self.errors.add_row(form, self.tr("About"), self.purpose, "purpose")
        outcomes = QWidget(objectName="contact_outcomes")
        grid = QGridLayout(outcomes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for n, code in enumerate(rules.OUTCOMES):
            button = QRadioButton(texts.outcome_button(code), objectName=f"contact_outcome_{code}")
            self.outcome_group.addButton(button, n)
            self.outcome_buttons[code] = button
            grid.addWidget(button, n // 4, n % 4)
        self.errors.add_row(form, self.tr("Outcome"), outcomes, "outcome")
        layout.addLayout(form)
        self.form = form

        # --- booked
        self.booking_box = QGroupBox(self.tr("Appointment"), objectName="contact_booking")
        booking_layout = QVBoxLayout(self.booking_box)
        booking_layout.addWidget(self.errors.label("booking"))
        self.places = QLabel(objectName="contact_places")
        booking_layout.addWidget(self.places)
        self.booking = BookingFields(session, self.errors, prefix="contact")
        booking_layout.addWidget(self.booking)
        form.addRow(self.booking_box)

        # --- complaint
        self.complaint_box = QGroupBox(self.tr("Complaint"), objectName="contact_complaint")
        complaint_form = QFormLayout(self.complaint_box)
        if self.order is not None:
            about = self.tr("About order {number}").format(number=self.order["number"])
            complaint_form.addRow(QLabel(about, objectName="contact_complaint_order"))
        self.complaint_text = _text_box("contact_complaint_text", 4)
        self.errors.add_row(
            complaint_form, self.tr("The complaint, in full"), self.complaint_text, "complaint_text"
        )
        self.complaint_answer = _text_box("contact_complaint_answer", 50)
        self.errors.add_row(
            complaint_form,
            self.tr("Answered now (leave empty if not)"),
            self.complaint_answer,
            "complaint_answer",
        )
        self.reply_by = time_edit("contact_reply_by")
        self.errors.add_row(
            complaint_form,
            self.tr("Otherwise the customer hears back by"),
            self.reply_by,
            "reply_by",
        )
        form.addRow(self.complaint_box)

        # --- call back
        self.call_back_at = time_edit("contact_call_back_at")
        self.errors.add_row(form, self.tr("Call back at"), self.call_back_at, "call_back_at")
        self.call_back_box = self.call_back_at.parentWidget()  # the field with its error line

        self.note = QLineEdit(objectName="contact_note")
        self.note.setPlaceholderText(self.tr("What was said, in a few words"))
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        self.message = message_line("contact_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="contact_cancel")
        self.log_button = QPushButton(self.tr("Log contact"), objectName="contact_log")
        self.log_button.setDefault(True)
        self.log_button.setToolTip("Enter")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.log_button)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.reject)
        self.log_button.clicked.connect(self.log)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.log)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.outcome_group.buttonToggled.connect(lambda *_a: self._update())
        self.booking.start.dateTimeChanged.connect(lambda *_a: self._show_places())
        self._fill(customer.get("preferred_contact", "phone"), purpose)

    # ------------------------------------------------------------------ defaults
    def _fill(self, channel: str, purpose: str) -> None:
        now = self.session.ctx.clock()
        tz = now.tzinfo
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(purpose)))
        tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
        first = contacts.next_free_slot(self.session.db, tomorrow) or tomorrow.replace(hour=9)
        self.booking.reset(first, requested_by="dealer")
        set_time(self.reply_by, now + REPLY_IN, tz)
        set_time(self.call_back_at, tomorrow.replace(hour=10), tz)
        self._channel_changed()
        self._show_places()
        first_button = next(b for b in self.outcome_buttons.values() if b.isEnabled())
        first_button.setFocus()  # the call is made: how did it end?

    def _channel_changed(self) -> None:
        allowed = rules.outcomes_for(self.channel.currentData())
        checked = self.outcome()
        for code, button in self.outcome_buttons.items():
            button.setEnabled(code in allowed)
        if checked and checked not in allowed:
            self.outcome_group.setExclusive(False)
            self.outcome_buttons[checked].setChecked(False)
            self.outcome_group.setExclusive(True)
        if len(allowed) == 1:  # a letter: it was sent
            self.outcome_buttons[allowed[0]].setChecked(True)
        self._update()

    def _update(self) -> None:
        outcome = self.outcome()
        self.form.setRowVisible(self.booking_box, outcome == "booked")
        self.form.setRowVisible(self.complaint_box, outcome == "complaint")
        self.form.setRowVisible(self.call_back_box, outcome == "call_back")
        self.adjustSize()

    def _show_places(self) -> None:
        day = self.booking.start_time().date()
        left = ap.places_left(self.session.db, day)
        self.places.setText(
            self.tr("{day}: {left} of {capacity} places left").format(
                day=day.isoformat(), left=left, capacity=ap.capacity(self.session.db)
            )
        )

    # ------------------------------------------------------------------ logging
    def outcome(self) -> str:
        return next((c for c, b in self.outcome_buttons.items() if b.isChecked()), "")

    def data(self) -> contacts.ContactInput:
        tz = self.session.ctx.clock().tzinfo
        outcome = self.outcome()
        answer = self.complaint_answer.toPlainText()
        booking = None
        if outcome == "booked" and self.vehicle_id is not None:
            booking = self.booking.booking(self.vehicle_id)
        complaint = None
        if outcome == "complaint":
            complaint = contacts.ComplaintInput(
                self.complaint_text.toPlainText(),
                answer=answer,
                reply_by=None if answer.strip() else time_of(self.reply_by, tz),
                order_id=self.order["id"] if self.order else None,
            )
        return contacts.ContactInput(
            customer_id=self.customer_id,
            vehicle_id=self.vehicle_id,
            channel=self.channel.currentData(),
            purpose=self.purpose.currentData(),
            campaign_id=self.campaign_id if self.purpose.currentData() == "campaign" else None,
            outcome=outcome,
            note=self.note.text(),
            call_back_at=time_of(self.call_back_at, tz) if outcome == "call_back" else None,
            booking=booking,
            complaint=complaint,
        )

    def log(self) -> None:
        made: list[contacts.ContactResult] = []

        def step() -> None:
            made.append(contacts.log_contact(self.session.ctx, self.data()))

        if run_step(self.session, self.errors, self.message, step, KINDS):
            self.result_ = made[0]
            self.logged.emit(made[0])
            self.accept()
