"""The car in the workshop (R11, R12): work started, additional work, the progress
check, work completed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from service_desk.actions import workshop
from service_desk.domain.clock import parse
from service_desk.store import queries, workshop_queries
from service_desk.ui import keyboard, labels
from service_desk.ui.fields import FieldErrors
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import message_line, run_step
from service_desk.ui.workshop_extra import ExtraPanel
from service_desk.ui.workshop_progress import ProgressPanel


class WorkPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(objectName="work_title")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.start_button = QPushButton(self.tr("Work &started"), objectName="work_start")
        top.addWidget(self.start_button)
        layout.addLayout(top)
        self.extra = ExtraPanel(session)
        self.progress = ProgressPanel(session)
        layout.addWidget(self.extra)
        layout.addWidget(self.progress)
        self.message = message_line("work_message")
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.complete_button = QPushButton(self.tr("Work co&mpleted"), objectName="work_complete")
        bottom.addWidget(self.complete_button)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.start_button.clicked.connect(self.start)
        self.complete_button.clicked.connect(self.complete)
        keyboard.set_primary(self, None, self.next_step)

    def load(self, order_id: int) -> None:
        self.order_id = order_id
        self.message.hide()
        self.extra.load(order_id)
        self.progress.load(order_id)
        self.refresh()

    def refresh(self) -> None:
        if self.order_id is None:
            return
        db = self.session.db
        order = queries.order(db, self.order_id)
        handoff = workshop_queries.handoff(db, self.order_id)
        if order is None:
            return
        who = ""
        if handoff is not None:
            who = self.tr("{team} · received by {receiver} at {at}").format(
                team=handoff["team"] or self.tr("supervisor's queue"),
                receiver=handoff["receiver_name"],
                at=parse(handoff["handed_at"]).strftime("%H:%M"),
            )
        promised = (
            parse(order["promised_at"]).strftime("%m-%d %H:%M") if order["promised_at"] else "—"
        )
        self.title.setText(
            "<b>{number}</b> — {state} · {who}<br>".format(
                number=order["number"], state=labels.state(order["state"]), who=who
            )
            + self.tr("Promised: {at}").format(at=promised)
        )
        started = self.start_button.hasFocus()
        self.start_button.setEnabled(order["state"] == "handed_off")
        if started and not self.start_button.isEnabled():  # the keyboard to the next step
            self.complete_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.extra.refresh()
        self.progress.refresh()

    def next_step(self) -> None:
        """Ctrl+Enter: work started, or once started, work completed."""
        if self.start_button.isEnabled():
            self.start()
        elif self.complete_button.isEnabled():
            self.complete()

    def start(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            run_step(
                self.session,
                self.errors,
                self.message,
                lambda: workshop.start_work(self.session.ctx, order_id),
            )

    def complete(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            run_step(
                self.session,
                self.errors,
                self.message,
                lambda: workshop.complete_work(self.session.ctx, order_id),
            )
