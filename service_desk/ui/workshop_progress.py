"""The progress check (R12): when it falls due, what the workshop says (expected
completion, a problem and the action taken), and a moved promise told to the customer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import workshop
from service_desk.domain.clock import parse
from service_desk.store import queries, workshop_queries
from service_desk.ui import keyboard
from service_desk.ui import workshop_messages as texts
from service_desk.ui.fields import FieldErrors
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import (
    add_form_foot,
    channel_box,
    run_step,
    set_time,
    time_edit,
    time_of,
)

TIME = "%m-%d %H:%M"


class ProgressPanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Progress check"), parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.due = QLabel(objectName="progress_due")
        self.due.setWordWrap(True)
        layout.addWidget(self.due)
        form = QFormLayout()
        self.expected = time_edit("progress_expected")
        self.problem = QLineEdit(objectName="progress_problem")
        self.problem.setPlaceholderText(self.tr("Any problem the workshop reports"))
        self.action = QLineEdit(objectName="progress_action")
        self.action.setPlaceholderText(self.tr("What is done so the promised time holds"))
        self.move = QCheckBox(self.tr("Move the promised time to"), objectName="progress_move")
        self.promise = time_edit("progress_promise")
        self.channel = channel_box("progress_channel")
        self.errors.add_row(form, self.tr("Expected completion"), self.expected, "expected_done_at")
        self.errors.add_row(form, self.tr("Problem"), self.problem, "problem")
        self.errors.add_row(form, self.tr("Action"), self.action, "action")
        self.errors.add_row(form, self.move, self.promise, "new_promise")
        self.errors.add_row(form, self.tr("Customer told by"), self.channel, "contact_channel")
        self.form_box = QWidget()
        self.form_box.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_box)
        self.record_button = QPushButton(
            self.tr("Record progress chec&k"), objectName="progress_record"
        )
        self.message = add_form_foot(
            layout, "progress_message", self.record_button, fill_below=False
        )
        self.record_button.clicked.connect(self.record)
        keyboard.set_primary(self, self.record_button, self.record)
        self.move.toggled.connect(self._move_toggled)

    def load(self, order_id: int) -> None:
        self.order_id = order_id
        ctx = self.session.ctx
        now = ctx.clock()
        order = queries.order(ctx.db, order_id)
        promised = parse(order["promised_at"]) if order and order["promised_at"] else now
        set_time(self.expected, promised, now.tzinfo)
        set_time(self.promise, promised, now.tzinfo)
        self.problem.clear()
        self.action.clear()
        self.move.setChecked(False)
        self._move_toggled(False)
        self.channel.setCurrentIndex(0)
        self.errors.clear()
        self.message.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.order_id is None:
            return
        db = self.session.db
        handoff = workshop_queries.handoff(db, self.order_id)
        check = workshop_queries.progress_check(db, self.order_id)
        if handoff is None:
            self.due.setText("")
            self.form_box.setEnabled(False)
            self.record_button.setEnabled(False)
            return
        due = workshop.check_due_at(handoff, workshop.open_hours(db))
        recorded = check is not None and check["checked_at"] is not None
        if recorded:
            text = self.tr("Checked {at}: expected completion {expected}.").format(
                at=parse(check["checked_at"]).strftime(TIME),
                expected=parse(check["expected_done_at"]).strftime(TIME),
            )
            if check["problem"]:
                text += " " + self.tr("Problem: {problem} — action: {action}.").format(
                    problem=check["problem"], action=check["action"]
                )
            if check["promise_moved_to"]:
                text += " " + self.tr("Promise moved to {at}, customer told by {channel}.").format(
                    at=parse(check["promise_moved_to"]).strftime(TIME),
                    channel=texts.channel_name(check["customer_contact_channel"]),
                )
        else:
            text = self.tr("Ask the workshop at {at} (75 % of the planned {minutes} min).").format(
                at=due.strftime(TIME), minutes=handoff["planned_minutes"]
            )
            if due <= self.session.ctx.clock():
                text = "<b>" + self.tr("Due now.") + "</b> " + text
        self.due.setText(text)
        self.form_box.setEnabled(not recorded)
        self.record_button.setEnabled(not recorded)

    def _move_toggled(self, on: bool) -> None:
        self.promise.setEnabled(on)
        self.channel.setEnabled(on)

    def record(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        ctx = self.session.ctx
        tz = ctx.clock().tzinfo
        moved = self.move.isChecked()

        def step() -> None:
            workshop.record_progress(
                ctx,
                order_id,
                time_of(self.expected, tz),
                problem=self.problem.text(),
                action=self.action.text(),
                new_promise=time_of(self.promise, tz) if moved else None,
                contact_channel=self.channel.currentData() if moved else None,
            )

        run_step(self.session, self.errors, self.message, step)
