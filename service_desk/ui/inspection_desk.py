"""The vehicle inspection checklist and check-in desk (tab): the queue of signed orders on
the left, the check-in of the current order on the right (R8)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.clock import iso
from service_desk.domain.lifecycle import STATES
from service_desk.store import checkin_queries, queries
from service_desk.ui import colours, keyboard, labels
from service_desk.ui.checkin_form import CheckInForm
from service_desk.ui.models import RowsModel, waited
from service_desk.ui.session import Session
from service_desk.ui.views import pick_queue_row, queue_table
from service_desk.ui.when_shown import WhenShown

# Orders the form shows: from signing on (after check-in, for reference and reprints).
SHOWN_STATES = STATES[STATES.index("signed") : STATES.index("done") + 1]


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class InspectionDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        splitter = QSplitter(Qt.Orientation.Horizontal)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(QLabel("<b>" + self.tr("Waiting for check-in") + "</b>"))
        clock = session.ctx.clock
        self.queue_model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: labels.state(r["state"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Waiting")),
                    lambda r: (
                        waited(r["signed_at"] or r["updated_at"], clock())
                        if r["state"] == "signed"
                        else ""
                    ),
                ),
            ],
            self,
        )
        self.queue_model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.queue = queue_table(self.queue_model, "inspection_queue")
        queue_layout.addWidget(self.queue)
        self.queue_empty = QLabel(
            self.tr(
                "No car is waiting for check-in — an order comes here once the customer "
                "has signed it at reception (Ctrl+2)."
            )
        )
        self.queue_empty.setWordWrap(True)
        self.queue_empty.setStyleSheet(colours.EMPTY_STYLE)
        queue_layout.addWidget(self.queue_empty)
        splitter.addWidget(queue_box)

        self.pages = QStackedWidget()
        self.empty = QLabel(objectName="inspection_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.form = CheckInForm(session)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.form)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([400, 1040])  # the queue shows its columns
        QVBoxLayout(self).addWidget(splitter)

        keyboard.install_primary(self)  # Complete check-in (the form's)
        self.queue.activated.connect(self._queue_picked)
        self.queue.clicked.connect(self._queue_picked)
        # behind another desk, brought up to date when shown; what was typed is kept at once
        self.when_shown = WhenShown(self)
        session.changed.connect(self.when_shown.wrap(self.refresh))
        session.current_order_changed.connect(self._keep_typed)
        session.current_order_changed.connect(self.when_shown.wrap(self.show_order))
        self.refresh()
        self.show_order(session.current_order_id)

    def refresh(self, kinds: set[str] | None = None) -> None:
        now = self.session.ctx.clock()
        day_start = iso(now.replace(hour=0, minute=0, second=0, microsecond=0))
        self.queue_model.set_rows(checkin_queries.queue(self.session.db, day_start))
        self.queue_empty.setVisible(not self.queue_model.rows)
        current = self.session.current_order_id
        if self.pages.currentWidget() is self.form and self.form.order_id == current:
            self.form.refresh()
        elif current is not None:
            self.show_order(current)  # e.g. the current order was just signed at reception

    def _keep_typed(self, order_id: int | None) -> None:
        """Another order made current (on any desk): what was typed here for the other
        car is saved now, even while this desk waits behind another one."""
        if self.form.order_id not in (None, order_id) and self.form.dirty:
            self.form.save_quietly()

    def show_order(self, order_id: int | None) -> None:
        """The current order (picked anywhere): its check-in, or what to do first."""
        if self.form.order_id not in (None, order_id) and self.form.dirty:
            self.form.save_quietly()  # what was typed for the other car is kept
        order = queries.order(self.session.db, order_id) if order_id else None
        if order is None:
            self.empty.setText(
                self.tr(
                    "Pick a signed order in the queue — or search its plate (F2) — "
                    "to check the car in."
                )
            )
            self.pages.setCurrentWidget(self.empty)
            return
        if order["state"] not in SHOWN_STATES:
            self.empty.setText(
                self.tr(
                    "Order {number} is {state}: the car is checked in once the customer "
                    "has signed the repair order."
                ).format(number=order["number"], state=labels.state(order["state"]))
            )
            self.pages.setCurrentWidget(self.empty)
            return
        if self.form.order_id != order_id or self.pages.currentWidget() is not self.form:
            self.form.load(order_id)
        self.pages.setCurrentWidget(self.form)

    def _queue_picked(self, *_args: object) -> None:
        pick_queue_row(self.queue, self.session, self.show_order)
