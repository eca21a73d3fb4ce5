"""Additional work found in the workshop (R11): report an item, contact the customer,
record the answer; an approved item prints the supplementary repair order and goes to
the workshop supervisor, a declined one is told to the workshop."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import extra_work
from service_desk.domain import extra_work as xw
from service_desk.domain.clock import parse
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.pricing import LineDraft
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store import extra_work_queries, settings
from service_desk.ui import keyboard
from service_desk.ui import workshop_messages as texts
from service_desk.ui.fields import FieldErrors
from service_desk.ui.printing import Printing, run_print
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import (
    channel_box,
    message_line,
    run_step,
    set_time,
    time_edit,
    time_of,
)


class ExtraPanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Additional work"), parent)
        self.session = session
        self.order_id: int | None = None
        self._select: int | None = None  # the item just reported becomes the current one
        self.printing = Printing(session, self)
        self.report_errors = FieldErrors()
        self.answer_errors = FieldErrors()
        layout = QVBoxLayout(self)

        report = QFormLayout()
        self.reported_by = QLineEdit(objectName="extra_reported_by")
        self.reported_by.setPlaceholderText(self.tr("Who in the workshop reports it"))
        self.description = QLineEdit(objectName="extra_description")
        self.description.setPlaceholderText(self.tr("What was found, what needs doing"))
        self.hours = QLineEdit(objectName="extra_hours")
        self.hours.setPlaceholderText(self.tr("e.g. 1.5"))
        self.parts = QLineEdit(objectName="extra_parts")
        self.parts.setPlaceholderText(self.tr("¥, e.g. 380"))
        self.delay = QSpinBox(objectName="extra_delay")
        self.delay.setRange(0, xw.MAX_DELAY_MINUTES)
        self.delay.setSuffix(self.tr(" min"))
        e = self.report_errors
        e.add_row(report, self.tr("Reported by"), self.reported_by, "reported_by")
        e.add_row(report, self.tr("Work"), self.description, "description")
        e.add_row(report, self.tr("Labour hours"), self.hours, "hours")
        e.add_row(report, self.tr("Parts amount"), self.parts, "lines")
        e.add_row(report, self.tr("Delay it adds"), self.delay, "delay_minutes")
        layout.addLayout(report)
        row = QHBoxLayout()
        row.addStretch(1)
        self.report_button = QPushButton(self.tr("&Report item"), objectName="extra_report")
        row.addWidget(self.report_button)
        layout.addLayout(row)
        self.report_message = message_line("extra_report_message")
        layout.addWidget(self.report_message)

        self.items = QListWidget(objectName="extra_items")
        self.items.setMaximumHeight(110)
        layout.addWidget(self.items)

        answer = QFormLayout()
        self.channel = channel_box("extra_channel")
        self.contact_button = QPushButton(
            self.tr("Customer co&ntacted"), objectName="extra_contact"
        )
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.channel, 1)
        contact_row.addWidget(self.contact_button)
        contact_box = QWidget()
        contact_box.setLayout(contact_row)
        contact_row.setContentsMargins(0, 0, 0, 0)
        self.authorised_by = QLineEdit(objectName="extra_authorised_by")
        self.authorised_by.setPlaceholderText(self.tr("Who answered on the customer's side"))
        self.told_name = QLineEdit(objectName="extra_told_name")
        self.told_name.setPlaceholderText(self.tr("Who in the workshop was told (if declined)"))
        self.told_at = time_edit("extra_told_at")
        self.handover_at = time_edit("extra_handover_at")
        a = self.answer_errors
        a.add_row(answer, self.tr("Contacted by"), contact_box, "channel")
        a.add_row(answer, self.tr("Authorised by"), self.authorised_by, "authorised_by")
        a.add_row(answer, self.tr("Workshop told"), self.told_name, "workshop_told_name")
        a.add_row(answer, self.tr("Told at"), self.told_at, "workshop_told_at")
        a.add_row(
            answer, self.tr("To the supervisor at"), self.handover_at, "handed_to_supervisor_at"
        )
        layout.addLayout(answer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.decline_button = QPushButton(self.tr("&Declined"), objectName="extra_decline")
        self.approve_button = QPushButton(self.tr("&Approved"), objectName="extra_approve")
        self.print_button = QPushButton(
            self.tr("&Print supplementary order"), objectName="extra_print"
        )
        self.handover_button = QPushButton(
            self.tr("Handed to s&upervisor"), objectName="extra_handover"
        )
        for button in (
            self.decline_button,
            self.approve_button,
            self.print_button,
            self.handover_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.answer_message = message_line("extra_answer_message")
        layout.addWidget(self.answer_message)

        self.report_button.clicked.connect(self.report)
        self.contact_button.clicked.connect(self.contact)
        self.approve_button.clicked.connect(self.approve)
        self.decline_button.clicked.connect(self.decline)
        self.print_button.clicked.connect(self.print_supplementary)
        self.handover_button.clicked.connect(self.hand_to_supervisor)
        self.items.currentItemChanged.connect(self._item_picked)
        keyboard.set_primary(self, None, self.primary)

    def primary(self) -> None:
        """Ctrl+Enter: in the report's fields, report the item; in the answer's, approved."""
        focus = QApplication.focusWidget()
        report = (self.reported_by, self.description, self.hours, self.parts, self.delay)
        if focus is not None and any(w is focus or w.isAncestorOf(focus) for w in report):
            if self.report_button.isEnabled():
                self.report()
        elif self.approve_button.isEnabled():
            self.approve()

    # ------------------------------------------------------------------ loading
    def load(self, order_id: int) -> None:
        self.order_id = order_id
        for line in (self.reported_by, self.description, self.hours, self.parts):
            line.clear()
        self.delay.setValue(0)
        self.authorised_by.clear()
        self.told_name.clear()
        self.report_errors.clear()
        self.answer_errors.clear()
        self.report_message.hide()
        self.answer_message.hide()
        self._reset_times()
        self.refresh()

    def _reset_times(self) -> None:
        now = self.session.ctx.clock()
        set_time(self.told_at, now, now.tzinfo)
        set_time(self.handover_at, now, now.tzinfo)

    def refresh(self) -> None:
        if self.order_id is None:
            return
        current = self._select or self.selected_id()
        self._select = None
        rows = extra_work_queries.extra_of_order(self.session.db, self.order_id)
        self.items.blockSignals(True)
        self.items.clear()
        for r in rows:
            text = self.tr("{d} — {amount}, +{delay} min — {state}").format(
                d=r["description"],
                amount=format_yuan(r["amount_fen"]),
                delay=r["delay_minutes"],
                state=texts.extra_state_name(r["state"]),
            )
            if r["handed_to_supervisor_at"]:
                text += " · " + self.tr("to the supervisor {time}").format(
                    time=parse(r["handed_to_supervisor_at"]).strftime("%H:%M")
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            self.items.addItem(item)
        self.items.blockSignals(False)
        ids = [r["id"] for r in rows]
        pick = current if current in ids else (ids[-1] if ids else None)
        if pick is not None:
            self.items.setCurrentRow(ids.index(pick))
        self._item_picked()

    def selected_id(self) -> int | None:
        item = self.items.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _item_picked(self, *_args: object) -> None:
        extra_id = self.selected_id()
        row = extra_work_queries.extra_item(self.session.db, extra_id) if extra_id else None
        state = row["state"] if row else None
        self.contact_button.setEnabled(state == "reported")
        self.approve_button.setEnabled(state == "customer_contacted")
        self.decline_button.setEnabled(state == "customer_contacted")
        approved = state == "approved"
        self.print_button.setEnabled(approved)
        self.handover_button.setEnabled(approved and not row["handed_to_supervisor_at"])

    # ------------------------------------------------------------------ steps
    def _lines(self) -> list[LineDraft]:
        problems: list[Problem] = []
        description = self.description.text().strip()
        lines: list[LineDraft] = []
        hours_text = self.hours.text().strip().replace(",", ".")
        if hours_text:
            try:
                hours = Decimal(hours_text)
                if not hours.is_finite() or hours <= 0:
                    raise InvalidOperation
            except InvalidOperation:
                problems.append(Problem("hours", "extra.hours_format"))
            else:
                rate = int(settings.get(self.session.db, "labour_rate_fen"))
                if description:
                    lines.append(LineDraft("labour", description, "item", int(hours * 1000), rate))
        if self.parts.text().strip():
            try:
                fen = parse_yuan(self.parts.text())
            except MoneyError:
                problems.append(Problem("lines", "amount.format"))
            else:
                if description:
                    lines.append(
                        LineDraft(
                            "part",
                            description,
                            "item",
                            1000,
                            fen,
                            parts_source="dealer",
                            part_quality="genuine",
                        )
                    )
        if (hours_text or self.parts.text().strip()) and not description:
            problems.append(Problem("description", "description.required"))
        if problems:
            raise ValidationError(problems)
        return lines

    def report(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return

        def step() -> None:
            self._select = extra_work.report_extra(
                self.session.ctx,
                order_id,
                self.reported_by.text(),
                self._lines(),
                self.delay.value(),
                description=self.description.text(),
            )

        if run_step(self.session, self.report_errors, self.report_message, step):
            for line in (self.description, self.hours, self.parts):
                line.clear()
            self.delay.setValue(0)

    def _answer_step(self, step) -> bool:
        return run_step(self.session, self.answer_errors, self.answer_message, step)

    def contact(self) -> None:
        extra_id = self.selected_id()
        if extra_id is None:
            return
        channel = self.channel.currentData()
        self._answer_step(lambda: extra_work.record_contact(self.session.ctx, extra_id, channel))

    def approve(self) -> None:
        extra_id = self.selected_id()
        if extra_id is None:
            return
        if self._answer_step(
            lambda: extra_work.approve(self.session.ctx, extra_id, self.authorised_by.text())
        ):
            self.authorised_by.clear()
            self._reset_times()

    def decline(self) -> None:
        extra_id = self.selected_id()
        if extra_id is None:
            return
        ctx = self.session.ctx

        def step() -> None:
            extra_work.decline(
                ctx,
                extra_id,
                self.authorised_by.text(),
                self.told_name.text(),
                time_of(self.told_at, ctx.clock().tzinfo),
            )

        if self._answer_step(step):
            self.authorised_by.clear()
            self.told_name.clear()

    def print_supplementary(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        self.answer_errors.clear()
        self.answer_message.hide()
        run_print(lambda: self.printing.print("supplementary", order_id), self.answer_message)

    def hand_to_supervisor(self) -> None:
        extra_id = self.selected_id()
        if extra_id is None:
            return
        ctx = self.session.ctx
        self._answer_step(
            lambda: extra_work.record_supervisor_handover(
                ctx, extra_id, time_of(self.handover_at, ctx.clock().tzinfo)
            )
        )
