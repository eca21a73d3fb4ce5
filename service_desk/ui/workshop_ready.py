"""Ready for pickup (R13): the clean-up checklist, the bills collected, the cashier's
total, the customer notified."""

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
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.store import queries, workshop_queries
from service_desk.ui import keyboard
from service_desk.ui.fields import FieldErrors
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import add_form_foot, channel_box, run_step


class ReadyForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="ready_title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        box = QGroupBox(self.tr("Ready for pickup"))
        form = QFormLayout(box)
        self.ticks = {
            "wash": QCheckBox(self.tr("Washed"), objectName="ready_wash"),
            "interior": QCheckBox(self.tr("Interior cleaned"), objectName="ready_interior"),
            "exterior": QCheckBox(self.tr("Exterior looked over"), objectName="ready_exterior"),
            "belongings_back": QCheckBox(
                self.tr("Tools and belongings back in the car"), objectName="ready_belongings"
            ),
            "bills_collected": QCheckBox(
                self.tr("Bills from workshop and parts collected"), objectName="ready_bills"
            ),
        }
        for field, tick in self.ticks.items():
            self.errors.add_row(form, "", tick, field)
        self.total = QLineEdit(objectName="ready_total")
        self.total.setPlaceholderText(self.tr("The cashier's total in yuan"))
        self.channel = channel_box("ready_channel")
        self.errors.add_row(form, self.tr("Cashier's total (¥)"), self.total, "total_fen")
        self.errors.add_row(form, self.tr("Customer notified by"), self.channel, "notified_channel")
        layout.addWidget(box)
        self.submit = QPushButton(self.tr("Read&y for pickup"), objectName="ready_submit")
        self.message = add_form_foot(layout, "ready_message", self.submit)
        self.submit.clicked.connect(self.mark_ready)
        keyboard.set_primary(self, self.submit, self.mark_ready)

    def load(self, order_id: int) -> None:
        self.order_id = order_id
        order = queries.order(self.session.db, order_id)
        assert order is not None
        for tick in self.ticks.values():
            tick.setChecked(False)
        self.total.clear()
        self.channel.setCurrentIndex(0)
        self.errors.clear()
        self.message.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.order_id is None:
            return
        db = self.session.db
        order = queries.order(db, self.order_id)
        if order is None:
            return
        lines = queries.order_lines(db, self.order_id)
        total = sum(line["amount_fen"] for line in lines if line["status"] == "active")
        self.title.setText(
            "<b>"
            + self.tr("Order {number} — work completed; lines on the order {total}").format(
                number=order["number"], total=format_yuan(total)
            )
            + "</b>"
        )
        done = workshop_queries.pickup_ready(db, self.order_id) is not None
        self.submit.setEnabled(not done)

    def mark_ready(self) -> None:
        order_id = self.order_id
        if order_id is None or not self.isVisible():
            return

        def step() -> None:
            try:
                total = parse_yuan(self.total.text())
            except MoneyError:
                total = -1  # refused by the action with the other problems, under the field
            workshop.mark_ready(
                self.session.ctx,
                order_id,
                **{field: tick.isChecked() for field, tick in self.ticks.items()},
                total_fen=total,
                notified_channel=self.channel.currentData(),
            )

        run_step(self.session, self.errors, self.message, step)
