"""Hand the checked-in car to the workshop (R10): a team or the supervisor's queue, the
planned time, washing first, the receiver and the hand-over time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import promise, workshop
from service_desk.store import queries
from service_desk.ui import keyboard
from service_desk.ui import workshop_messages as texts
from service_desk.ui.fields import FieldErrors
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import (
    floor_ten,
    message_line,
    run_step,
    set_time,
    time_edit,
    time_of,
)


class HandoffForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="handoff_title")
        layout.addWidget(self.title)
        box = QGroupBox(self.tr("Hand the car to the workshop"))
        form = QFormLayout(box)
        self.mode = QComboBox(objectName="handoff_mode")
        for code in workshop.MODES:
            self.mode.addItem(texts.mode_name(code), code)
        self.team = QLineEdit(objectName="handoff_team")
        self.team.setPlaceholderText(self.tr("The team that does the work"))
        self.planned = QSpinBox(objectName="handoff_planned")
        self.planned.setRange(1, workshop.PLANNED_MAX)
        self.planned.setSuffix(self.tr(" min"))
        self.washed = QCheckBox(self.tr("Washed first"), objectName="handoff_washed")
        self.receiver = QLineEdit(objectName="handoff_receiver")
        self.receiver.setPlaceholderText(self.tr("Who in the workshop takes the car"))
        self.handed_at = time_edit("handoff_at")
        self.errors.add_row(form, self.tr("Work goes to"), self.mode, "mode")
        self.errors.add_row(form, self.tr("Team"), self.team, "team")
        self.errors.add_row(form, self.tr("Planned time"), self.planned, "planned_minutes")
        form.addRow("", self.washed)
        self.errors.add_row(form, self.tr("Received by"), self.receiver, "receiver_name")
        self.errors.add_row(form, self.tr("Handed over at"), self.handed_at, "handed_at")
        layout.addWidget(box)
        self.message = message_line("handoff_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit = QPushButton(self.tr("&Hand over"), objectName="handoff_submit")
        self.submit.setDefault(True)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.submit.clicked.connect(self.hand_over)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        keyboard.set_primary(self, self.submit, self.hand_over)

    def load(self, order_id: int) -> None:
        """A fresh form for this order, with its defaults."""
        ctx = self.session.ctx
        self.order_id = order_id
        order = queries.order(ctx.db, order_id)
        assert order is not None
        self.title.setText(
            "<b>"
            + self.tr("Order {number} — checked in, waiting for the workshop").format(
                number=order["number"]
            )
            + "</b>"
        )
        self.mode.setCurrentIndex(0)
        self.team.clear()
        minutes = int(promise.planned_time(ctx, order_id).total_seconds() // 60)
        self.planned.setValue(max(1, min(minutes, workshop.PLANNED_MAX)))
        self.washed.setChecked(False)
        self.receiver.clear()
        now = ctx.clock()
        set_time(self.handed_at, floor_ten(now), now.tzinfo)
        self.errors.clear()
        self.message.hide()

    def refresh(self) -> None:
        pass

    def _mode_changed(self) -> None:
        self.team.setEnabled(self.mode.currentData() == "single_team")

    def hand_over(self) -> None:
        order_id = self.order_id
        if order_id is None or not self.isVisible():
            return
        ctx = self.session.ctx
        mode = self.mode.currentData()

        def step() -> None:
            workshop.hand_off(
                ctx,
                order_id,
                mode=mode,
                team=self.team.text() if mode == "single_team" else "",
                planned_minutes=self.planned.value(),
                receiver_name=self.receiver.text(),
                handed_at=time_of(self.handed_at, ctx.clock().tzinfo),
                washed=self.washed.isChecked(),
            )

        run_step(self.session, self.errors, self.message, step)
