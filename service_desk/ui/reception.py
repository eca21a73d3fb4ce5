"""Reception desk: the queue at the counter and the order being written (R1, R4–R6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.lifecycle import AT_RECEPTION
from service_desk.store import queries
from service_desk.ui import colours, keyboard
from service_desk.ui.models import orders_model
from service_desk.ui.order_form import OrderForm
from service_desk.ui.registration import RegistrationForm
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table
from service_desk.ui.when_shown import WhenShown


class ReceptionDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        splitter = QSplitter(Qt.Orientation.Horizontal)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(QLabel("<b>" + self.tr("Waiting at reception") + "</b>"))
        self.queue_model = orders_model(session.ctx.clock, self)
        self.queue = queue_table(self.queue_model, "reception_queue")
        queue_layout.addWidget(self.queue)
        self.queue_empty = QLabel(self.tr("Nobody is waiting — F3 registers a walk-in"))
        self.queue_empty.setWordWrap(True)
        self.queue_empty.setStyleSheet(colours.EMPTY_STYLE)
        queue_layout.addWidget(self.queue_empty)
        splitter.addWidget(queue_box)

        self.pages = QStackedWidget()
        self.empty = QLabel(
            self.tr("Search a plate, phone or name (F2) to start — or F3 for a new walk-in.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.register = RegistrationForm(session)
        self.form = OrderForm(session)
        for page in (self.empty, self.register, self.form):
            self.pages.addWidget(page)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([340, 1100])  # the form keeps its width on 1280 px (150 %)
        QVBoxLayout(self).addWidget(splitter)

        keyboard.set_primary(self.register, self.register.save, self.register.submit)
        keyboard.install_primary(self, self._primary)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.register, self.register.cancelled)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.queue.activated.connect(self._queue_picked)
        self.queue.clicked.connect(self._queue_picked)
        self.register.registered.connect(self.show_vehicle)
        self.register.cancelled.connect(lambda: self.pages.setCurrentWidget(self.empty))
        # behind another desk, the queue and the form are brought up to date when shown
        self.when_shown = WhenShown(self)
        session.changed.connect(self.when_shown.wrap(self.refresh))
        session.current_order_changed.connect(self.when_shown.wrap(self._current_order))
        self.refresh()

    def refresh(self, kinds: set[str] | None = None) -> None:
        self.queue_model.set_rows(queries.orders_in_states(self.session.db, AT_RECEPTION))
        self.queue_empty.setVisible(not self.queue_model.rows)
        if self.pages.currentWidget() is self.form:
            self.form.refresh()

    def new_walk_in(self, plate: str = "") -> None:
        self.register.start(plate)
        self.pages.setCurrentWidget(self.register)

    def show_vehicle(
        self, customer_id: int, vehicle_id: int | None, order_id: int | None = None
    ) -> None:
        """A picked customer/vehicle: its open order, or a new order for it."""
        self.form.load(customer_id, vehicle_id, order_id)
        self.pages.setCurrentWidget(self.form)
        self.session.set_current_order(order_id)

    def _primary(self) -> None:
        """Ctrl+Enter outside the forms (the queue): the shown form's primary action."""
        slot = keyboard.primary_of(self.pages.currentWidget())
        if slot is not None:
            slot()

    def _queue_picked(self) -> None:
        row = self.queue_model.row_at(self.queue.currentIndex().row())
        if row is not None:
            self.session.set_current_order(row["id"])

    def _current_order(self, order_id: int | None) -> None:
        if order_id is None or order_id == self.form.order_id:
            return
        order = queries.order(self.session.db, order_id)
        if order is not None:
            self.form.load(order["customer_id"], order["vehicle_id"], order_id)
            self.pages.setCurrentWidget(self.form)
