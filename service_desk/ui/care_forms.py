"""The working forms of the customer care desk: the follow-up script (R16), a complaint
(new, answer, the customer's word: R15) and an enquiry (R15). Each changes data only
through actions.care and shows refusals inline (workshop_common.run_step)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import care
from service_desk.domain import care as rules
from service_desk.domain.clock import parse
from service_desk.store import queries
from service_desk.ui import care_messages as texts
from service_desk.ui import colours, keyboard
from service_desk.ui.fields import FieldErrors
from service_desk.ui.search_box import SearchBox
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor
from service_desk.ui.workshop_common import (
    add_form_foot,
    channel_box,
    run_step,
    set_time,
    time_edit,
    time_of,
)

KINDS = ("care",)
NO_DATE = QDate(2000, 1, 1)  # the date edit's "none" (shown as —)


def _primary(widget: QWidget, button: QPushButton, slot: Any) -> None:
    """The form's primary action: the rightmost button and Ctrl+Enter (the desk's)."""
    button.clicked.connect(slot)
    keyboard.set_primary(widget, button, slot)


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    colours.fit_lines(box, lines)
    return box


def _local(text: str | None, session: Session) -> str:
    if not text:
        return "—"
    return parse(text).astimezone(session.ctx.clock().tzinfo).strftime("%Y-%m-%d %H:%M")


class FollowUpForm(QWidget):
    """The follow-up script of one released car: the four questions, the satisfaction,
    the complaint tick (and when the customer hears back, if it is one)."""

    saved = Signal(object)  # actions.care.FollowUpResult

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="follow_up_title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.channel = channel_box("follow_up_channel")
        self.errors.add_row(form, self.tr("Called by"), self.channel, "channel")
        self.outcome = QComboBox(objectName="follow_up_outcome")
        for code in rules.OUTCOMES:
            self.outcome.addItem(texts.outcome_name(code), code)
        self.errors.add_row(form, self.tr("Outcome"), self.outcome, "outcome")
        self.car_runs = QLineEdit(objectName="follow_up_car_runs")
        self.errors.add_row(form, self.tr("How does the car run?"), self.car_runs, "car_runs")
        self.opinion = QLineEdit(objectName="follow_up_opinion")
        self.errors.add_row(
            form, self.tr("What do you think of our service?"), self.opinion, "service_opinion"
        )
        self.advice = QLineEdit(objectName="follow_up_advice")
        self.errors.add_row(
            form, self.tr("Driving and maintenance advice given"), self.advice, "advice_given"
        )
        self.next_date = QDateEdit(objectName="follow_up_next_date")
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setCalendarPopup(True)
        self.next_date.setMinimumDate(NO_DATE)
        self.next_date.setSpecialValueText("—")
        self.errors.add_row(
            form, self.tr("Next maintenance date"), self.next_date, "next_maintenance"
        )
        self.satisfaction = QComboBox(objectName="follow_up_satisfaction")
        self.satisfaction.addItem("—", None)
        for value in range(rules.SATISFACTION_MAX, rules.SATISFACTION_MIN - 1, -1):
            self.satisfaction.addItem(texts.satisfaction_name(value), value)
        self.errors.add_row(form, self.tr("Satisfaction"), self.satisfaction, "satisfaction")
        self.complaint = QCheckBox(
            self.tr("The customer complains (logged as a complaint)"),
            objectName="follow_up_complaint",
        )
        form.addRow("", self.complaint)
        self.reply_by = time_edit("follow_up_reply_by")
        self.reply_by_label = QLabel(self.tr("Customer hears back by"))
        self.errors.add_row(form, self.reply_by_label, self.reply_by, "reply_by")
        self.note = QLineEdit(objectName="follow_up_note")
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        layout.addLayout(form)
        self.submit = QPushButton(self.tr("&Save follow-up"), objectName="follow_up_save")
        self.message = add_form_foot(layout, "follow_up_message", self.submit)
        _primary(self, self.submit, self.save)
        self.outcome.currentIndexChanged.connect(self._update)
        self.satisfaction.currentIndexChanged.connect(self._update)
        self.complaint.toggled.connect(self._update)

    def load(self, row: dict[str, Any]) -> None:
        """A fresh script for the car of a follow-ups-due row."""
        self.order_id = int(row["order_id"])
        status = texts.follow_up_status(row["status"])
        self.title.setText(
            "<b>"
            + self.tr("Follow-up {number} · {plate} · {customer} · {phone}").format(
                number=row["number"],
                plate=row["plate"],
                customer=row["customer_name"],
                phone=row["phone"],
            )
            + "</b><br>"
            + self.tr(
                "Left {released}; due {due_from} to {due_to} ({status}); calls so far: {n}"
            ).format(
                released=_local(row["released_at"], self.session),
                due_from=row["due_from"],
                due_to=row["due_to"],
                status=status,
                n=row["attempts"],
            )
        )
        for edit in (self.car_runs, self.opinion, self.advice, self.note):
            edit.clear()
        self.channel.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.satisfaction.setCurrentIndex(0)
        self.complaint.setChecked(False)
        self.next_date.setDate(NO_DATE)
        now = self.session.ctx.clock()
        set_time(self.reply_by, now + rules.FOLLOW_UP_REPLY, now.tzinfo)
        self.errors.clear()
        self.message.hide()
        self._update()

    def _update(self) -> None:
        reached = self.outcome.currentData() == "reached"
        for widget in (
            self.car_runs,
            self.opinion,
            self.advice,
            self.next_date,
            self.satisfaction,
            self.complaint,
        ):
            widget.setEnabled(reached)
        unhappy = reached and rules.becomes_complaint(
            self.satisfaction.currentData(), self.complaint.isChecked()
        )
        self.reply_by.setVisible(unhappy)
        self.reply_by_label.setVisible(unhappy)

    def data(self) -> care.FollowUpInput:
        tz = self.session.ctx.clock().tzinfo
        date = self.next_date.date()
        unhappy = rules.becomes_complaint(
            self.satisfaction.currentData(), self.complaint.isChecked()
        )
        return care.FollowUpInput(
            channel=self.channel.currentData(),
            outcome=self.outcome.currentData(),
            car_runs=self.car_runs.text(),
            service_opinion=self.opinion.text(),
            advice_given=self.advice.text(),
            next_maintenance=None if date == NO_DATE else date.toPython(),
            satisfaction=self.satisfaction.currentData(),
            complaint=self.complaint.isChecked(),
            note=self.note.text(),
            complaint_reply_by=time_of(self.reply_by, tz) if unhappy else None,
        )

    def save(self) -> None:
        if self.order_id is None:
            return
        order_id, data = self.order_id, self.data()
        result: list[care.FollowUpResult] = []

        def step() -> None:
            result.append(care.record_follow_up(self.session.ctx, order_id, data))

        if run_step(self.session, self.errors, self.message, step, KINDS):
            self.saved.emit(result[0])


class ComplaintForm(QWidget):
    """A new complaint (in full; answered now or a reply-by time), or an existing one:
    its answer, then the customer's word on it."""

    done = Signal(object)  # the complaint id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.complaint_id: int | None = None
        self.customer_id: int | None = None
        self.order_id: int | None = None
        self.state = ""
        self.mode = "closed"
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="complaint_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)

        # --- new: the customer (the current order's, or searched), the order it is about
        self.new_box = QWidget()
        new_form = QFormLayout(self.new_box)
        self.search = SearchBox(session)
        self.search.edit.setObjectName("complaint_search")
        self.errors.add_row(new_form, self.tr("Customer"), self.search, "customer")
        self.about = QComboBox(objectName="complaint_order")
        self.errors.add_row(new_form, self.tr("About order"), self.about, "order")
        self.channel = QComboBox(objectName="complaint_channel")
        for code in ("in_person", "phone"):
            self.channel.addItem(texts.complaint_channel(code), code)
        self.errors.add_row(new_form, self.tr("Received"), self.channel, "channel")
        self.text = _text_box("complaint_text", 4)
        self.errors.add_row(new_form, self.tr("The complaint, in full"), self.text, "text")
        self.first_answer = _text_box("complaint_first_answer")
        self.errors.add_row(
            new_form, self.tr("Answered now (leave empty if not)"), self.first_answer, "answer"
        )
        self.reply_by = time_edit("complaint_reply_by")
        self.errors.add_row(
            new_form, self.tr("Otherwise the customer hears back by"), self.reply_by, "reply_by"
        )
        layout.addWidget(self.new_box)

        # --- answer
        self.answer_box = QWidget()
        answer_form = QFormLayout(self.answer_box)
        self.answer = _text_box("complaint_answer")
        self.answer_errors = FieldErrors()
        self.answer_errors.add_row(answer_form, self.tr("Answer given"), self.answer, "answer")
        layout.addWidget(self.answer_box)

        # --- the customer's word
        self.resolve_box = QWidget()
        resolve_form = QFormLayout(self.resolve_box)
        self.resolution = _text_box("complaint_resolution")
        self.resolve_errors = FieldErrors()
        self.resolve_errors.add_row(
            resolve_form, self.tr("How it was resolved"), self.resolution, "resolution"
        )
        layout.addWidget(self.resolve_box)

        self.not_accepted = QPushButton(
            self.tr("Customer does not accept: to the supervisor"),
            objectName="complaint_not_accepted",
        )
        self.submit = QPushButton(objectName="complaint_submit")
        self.message = add_form_foot(layout, "complaint_message", self.not_accepted, self.submit)
        _primary(self, self.submit, self.submit_clicked)
        self.search.picked.connect(self._picked)
        self.not_accepted.clicked.connect(lambda: self._resolve(False))

    # ------------------------------------------------------------------ loading
    def new(self, customer_id: int | None, order_id: int | None) -> None:
        """An empty complaint of this customer (None: search them first) about this order."""
        self.complaint_id = None
        self._set_customer(customer_id, order_id)
        self.search.edit.clear()
        self.text.clear()
        self.first_answer.clear()
        now = self.session.ctx.clock()
        set_time(self.reply_by, now + dt.timedelta(hours=4), now.tzinfo)
        self.channel.setCurrentIndex(0)
        self._show("new")

    def _set_customer(self, customer_id: int | None, order_id: int | None) -> None:
        """The customer complaining and their latest orders to pick the one it is about."""
        self.customer_id = customer_id
        customer = queries.customer(self.session.db, customer_id) if customer_id else None
        self.title.setText(
            "<b>"
            + (
                self.tr("New complaint: {customer} · {phone}").format(
                    customer=_escape(customer["name"]), phone=customer["phone"]
                )
                if customer
                else self.tr("New complaint: search the customer (plate, phone, name)")
            )
            + "</b>"
        )
        self.about.clear()
        self.about.addItem(self.tr("No particular order"), None)
        orders = queries.orders_of_customer(self.session.db, customer_id) if customer else []
        if order_id is not None and order_id not in {o["id"] for o in orders}:
            orders += queries.orders_in_ids(self.session.db, [order_id])
        for o in orders:
            self.about.addItem(f"{o['number']} · {o['plate']} · {o['created_at'][:10]}", o["id"])
        self.about.setCurrentIndex(max(0, self.about.findData(order_id)))
        self.errors.clear()

    def _picked(self, customer_id: int, _vehicle_id: object, order_id: object) -> None:
        self._set_customer(customer_id, order_id if isinstance(order_id, int) else None)
        self.search.edit.setText("")
        self.channel.setFocus()

    def load(self, complaint_id: int) -> None:
        found = care.complaint(self.session.db, complaint_id)
        assert found is not None
        self.complaint_id = complaint_id
        now = self.session.ctx.clock()
        reply_by = parse(found["reply_by"]) if found["reply_by"] else None
        countdown = texts.reply_countdown(reply_by, found["answered_at"] is not None, now)
        lines = [
            "<b>"
            + self.tr("Complaint no. {id}: {customer} · {phone}").format(
                id=found["id"], customer=_escape(found["customer_name"]), phone=found["phone"]
            )
            + "</b>",
            self.tr("{channel}, received {at}; order {number}").format(
                channel=texts.complaint_channel(found["channel"]),
                at=_local(found["received_at"], self.session),
                number=found["order_number"] or "—",
            ),
            self.tr("State: {state}").format(state=texts.complaint_state(found["state"])),
            self.tr("Reply by {at} ({countdown})").format(
                at=_local(found["reply_by"], self.session), countdown=countdown
            ),
            "<i>" + _escape(found["text"]) + "</i>",
        ]
        if found["escalated_at"]:
            lines.append(
                self.tr("Escalated {at} to {name}").format(
                    at=_local(found["escalated_at"], self.session),
                    name=found["escalated_to_name"] or self.tr("the supervisor"),
                )
            )
        if found["answered_at"]:
            lines.append(
                self.tr("Answered {at}: {answer}").format(
                    at=_local(found["answered_at"], self.session),
                    answer=_escape(found["answer"]),
                )
            )
        if found["state"] == "resolved":
            lines.append(self.tr("Resolved: {text}").format(text=_escape(found["resolution"])))
        self.title.setText("<br>".join(lines))
        self.answer.clear()
        self.resolution.clear()
        self.state = found["state"]
        self._show(
            {"open": "answer", "escalated": "answer", "answered": "resolve"}.get(
                found["state"], "closed"
            )
        )

    def _show(self, mode: str) -> None:
        self.mode = mode
        for errors in (self.errors, self.answer_errors, self.resolve_errors):
            errors.clear()
        self.message.hide()
        self.new_box.setVisible(mode == "new")
        self.answer_box.setVisible(mode == "answer")
        self.resolve_box.setVisible(mode == "resolve")
        self.not_accepted.setVisible(mode == "resolve")
        self.submit.setVisible(mode != "closed")
        self.submit.setText(
            {
                "new": self.tr("Log complaint"),
                "answer": self.tr("Record answer"),
                "resolve": self.tr("Customer accepts: resolved"),
            }.get(mode, "")
        )

    # ------------------------------------------------------------------ actions
    def submit_clicked(self) -> None:
        if self.mode == "new":
            self._log()
        elif self.mode == "answer":
            self._answer()
        elif self.mode == "resolve":
            self._resolve(True)

    def _log(self) -> None:
        if self.customer_id is None:
            self.errors.clear()
            label = self.errors.labels["customer"]
            label.setText(self.tr("Search the customer first: plate, phone or name."))
            label.show()
            self.search.edit.setFocus()
            return
        ctx = self.session.ctx
        tz = ctx.clock().tzinfo
        args = (self.customer_id, self.text.toPlainText(), self.channel.currentData())
        self.order_id = self.about.currentData()
        answer = self.first_answer.toPlainText()
        reply_by = None if answer.strip() else time_of(self.reply_by, tz)
        made: list[int] = []

        def step() -> None:
            made.append(
                care.open_complaint(ctx, *args, self.order_id, answer=answer, reply_by=reply_by)
            )

        if run_step(self.session, self.errors, self.message, step, KINDS):
            self.load(made[0])
            self.done.emit(made[0])

    def _answer(self) -> None:
        cid = self.complaint_id
        assert cid is not None
        text = self.answer.toPlainText()
        approval: tuple[int, str] | None = None
        if self.state == "escalated":
            approval = ask_supervisor(self, self.session, self.tr("Answer an escalated complaint"))
            if approval is None:
                return

        def step() -> None:
            sup, pin = approval if approval is not None else (None, None)
            care.answer_complaint(self.session.ctx, cid, text, sup, pin)

        if run_step(self.session, self.answer_errors, self.message, step, KINDS):
            self.load(cid)
            self.done.emit(cid)

    def _resolve(self, accepted: bool) -> None:
        cid = self.complaint_id
        assert cid is not None
        text = self.resolution.toPlainText()

        def step() -> None:
            care.resolve_complaint(self.session.ctx, cid, text, accepted)

        if run_step(self.session, self.resolve_errors, self.message, step, KINDS):
            self.load(cid)
            self.done.emit(cid)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class EnquiryForm(QWidget):
    """An enquiry answered now: who asked, their workplace and contact, the answer."""

    saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.customer_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>" + self.tr("Enquiry") + "</b>"))
        form = QFormLayout()
        self.name = QLineEdit(objectName="enquiry_name")
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        self.workplace = QLineEdit(objectName="enquiry_workplace")
        self.errors.add_row(form, self.tr("Workplace"), self.workplace, "workplace")
        self.contact = QLineEdit(objectName="enquiry_contact")
        self.errors.add_row(form, self.tr("Contact"), self.contact, "contact")
        self.question = _text_box("enquiry_question")
        self.errors.add_row(form, self.tr("Question"), self.question, "question")
        self.answer = _text_box("enquiry_answer", 4)
        self.errors.add_row(form, self.tr("Answer given"), self.answer, "answer")
        layout.addLayout(form)
        self.submit = QPushButton(self.tr("&Save enquiry"), objectName="enquiry_save")
        self.message = add_form_foot(layout, "enquiry_message", self.submit)
        _primary(self, self.submit, self.save)

    def new(self, customer_id: int | None) -> None:
        """An empty form, the current customer's name, workplace and phone filled in."""
        self.customer_id = customer_id
        customer = queries.customer(self.session.db, customer_id) if customer_id else None
        self.name.setText(customer["name"] if customer else "")
        self.workplace.setText(customer["company"] if customer else "")
        self.contact.setText(customer["phone"] if customer else "")
        self.question.clear()
        self.answer.clear()
        self.errors.clear()
        self.message.hide()

    def save(self) -> None:
        data = care.EnquiryInput(
            name=self.name.text(),
            workplace=self.workplace.text(),
            contact=self.contact.text(),
            question=self.question.toPlainText(),
            answer=self.answer.toPlainText(),
            customer_id=self.customer_id,
        )
        made: list[int] = []

        def step() -> None:
            made.append(care.log_enquiry(self.session.ctx, data))

        if run_step(self.session, self.errors, self.message, step, KINDS):
            self.saved.emit(made[0])
