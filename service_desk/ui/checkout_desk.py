"""The checkout desk (tab, R14 and R5): cars ready for pickup, settled and waiting for the
customer, and declined orders with a fee to pay, on the left; the current order's
statement, discounts, payments and the release gate on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import release as rel
from service_desk.actions import settlement
from service_desk.domain.money import format_yuan
from service_desk.store import queries, release_queries
from service_desk.ui import colours, keyboard, labels
from service_desk.ui.checkout_discounts import KINDS, DiscountPanel
from service_desk.ui.checkout_messages import comeback_text
from service_desk.ui.checkout_payments import PaymentPanel
from service_desk.ui.checkout_release import RELEASE_PAPERS, ReleasePanel
from service_desk.ui.checkout_statement import StatementView
from service_desk.ui.models import RowsModel
from service_desk.ui.printing import Printing, run_print
from service_desk.ui.session import Session
from service_desk.ui.views import pick_queue_row, queue_table
from service_desk.ui.when_shown import WhenShown
from service_desk.ui.workshop_common import message_line, run_step

QUEUE_STATES = ("ready", "settled", "declined")
SHOWN_STATES = (*QUEUE_STATES, "closed", "released", "done")
DECLINED_PAPERS = ("exit_notice", "statement")
PAPER_STATES = ("settled", "released", "done", "closed")
COMEBACK_STYLE = colours.banner_style("overdue")


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class CheckoutDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.printing = Printing(session, self)
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(QLabel("<b>" + self.tr("Cars at the checkout") + "</b>"))
        self.queue_model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: labels.state(r["state"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Left to pay")),
                    lambda r: format_yuan(r["balance_fen"]),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Still missing")), lambda r: r["missing"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
            ],
            self,
        )
        self.queue_model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.queue = queue_table(self.queue_model, "checkout_queue")
        queue_layout.addWidget(self.queue)
        self.queue_empty = QLabel(
            self.tr(
                "No car at the checkout: a car appears here once the workshop marks it "
                "ready for pickup, or when a customer declined and owes the fee."
            )
        )
        self.queue_empty.setWordWrap(True)
        self.queue_empty.setStyleSheet(colours.EMPTY_STYLE)
        queue_layout.addWidget(self.queue_empty)
        splitter.addWidget(queue_box)

        page = QWidget()
        column = QVBoxLayout(page)
        self.title = QLabel(objectName="checkout_title")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.comeback = QLabel(objectName="checkout_comeback")
        self.comeback.setWordWrap(True)
        self.comeback.setStyleSheet(COMEBACK_STYLE)
        column.addWidget(self.comeback)
        self.empty = QLabel(objectName="checkout_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.empty)
        self.statement = StatementView()
        self.discounts = DiscountPanel(session)
        self.payments = PaymentPanel(session)
        self.release_panel = ReleasePanel(session)
        columns = QHBoxLayout()
        money = QVBoxLayout()
        for section in (self.statement, self.discounts, self.payments):
            money.addWidget(section)
        money.addStretch(1)
        hand_back = QVBoxLayout()
        hand_back.addWidget(self.release_panel)
        self.message = message_line("checkout_message")
        hand_back.addWidget(self.message)
        papers = QHBoxLayout()
        papers.addStretch(1)
        self.papers_button = QPushButton(
            self.tr("&Print the papers again"), objectName="checkout_papers"
        )
        self.papers_button.setToolTip(
            self.tr("Exit notice, statement, guarantee certificate and repair order")
        )
        papers.addWidget(self.papers_button)
        hand_back.addLayout(papers)
        hand_back.addStretch(1)
        columns.addLayout(money, 3)
        columns.addLayout(hand_back, 2)
        column.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        scroll.setWidget(page)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 1020])  # the queue shows its columns
        outer.addWidget(splitter, 1)

        self.release_panel.release_button.clicked.connect(self.release)
        keyboard.set_primary(self.release_panel, self.release_panel.release_button, self.release)
        keyboard.install_primary(self, self.next_step)
        self.papers_button.clicked.connect(lambda: self.print_papers(self.order_id))
        self.payments.fee_settled.connect(self.print_papers)
        self.queue.activated.connect(self._queue_picked)
        self.queue.clicked.connect(self._queue_picked)
        self.when_shown = WhenShown(self)  # behind another desk: brought up to date when shown
        session.changed.connect(self.when_shown.wrap(self.refresh))
        session.current_order_changed.connect(self.when_shown.wrap(self.show_order))
        self.refresh()

    # ------------------------------------------------------------------ queue
    def refresh(self, kinds: set[str] | None = None) -> None:
        db = self.session.db
        rows: list[dict[str, Any]] = []
        for r in queries.orders_in_states(db, QUEUE_STATES):
            order = queries.order(db, r["id"])
            assert order is not None
            missing = rel.missing_for_release(db, r["id"]) if r["state"] != "declined" else []
            rows.append(
                {
                    **r,
                    "balance_fen": settlement.figures(db, order).balance_fen,
                    "missing": str(len(missing)) if missing else "",
                }
            )
        self.queue_model.set_rows(rows)
        self.queue_empty.setVisible(not rows)
        self.show_order(self.session.current_order_id)

    def _queue_picked(self, *_args: object) -> None:
        pick_queue_row(self.queue, self.session, self.show_order)

    # ------------------------------------------------------------------ the current order
    def show_order(self, order_id: int | None) -> None:
        db = self.session.db
        order = queries.order(db, order_id) if order_id else None
        shown = order is not None and order["state"] in SHOWN_STATES
        for section in (self.statement, self.discounts, self.payments, self.release_panel):
            section.setVisible(shown)
        self.title.setVisible(shown)
        self.papers_button.setVisible(shown)
        self.empty.setVisible(not shown)
        if order is None or not shown:
            self.order_id = None
            self.comeback.hide()
            self.message.hide()
            self.empty.setText(
                self.tr(
                    "Order {number} is {state}: the checkout takes the car once it is ready "
                    "for pickup, or a declined order's fee."
                ).format(number=order["number"], state=labels.state(order["state"]))
                if order is not None
                else self.tr(
                    "Pick a car in the queue — or search its plate (F2) — to settle the bill "
                    "and hand the car back."
                )
            )
            return
        if order["id"] != self.order_id:
            self.message.hide()
        self.order_id = order["id"]
        vehicle = queries.vehicle(db, order["vehicle_id"]) or {}
        customer = queries.customer(db, order["customer_id"]) or {}
        self.title.setText(
            "<b>"
            + self.tr("Order {number} · {plate} · {customer} — {state}").format(
                number=order["number"],
                plate=vehicle.get("plate", ""),
                customer=customer.get("name", ""),
                state=labels.state(order["state"]),
            )
            + "</b>"
        )
        self._show_comeback(order["id"])
        s = settlement.statement(db, order["id"])
        self.statement.show_statement(s)
        open_for_money = order["state"] in settlement.SETTLING and s["settlement"] is None
        self.discounts.load(order["id"], s, open_for_money)
        self.payments.load(order["id"], s)
        self.release_panel.load(order["id"], order["state"])
        self.papers_button.setEnabled(order["state"] in PAPER_STATES)

    def _show_comeback(self, order_id: int) -> None:
        link = release_queries.comeback(self.session.db, order_id)
        if link is not None:
            self.comeback.setText(comeback_text(link))
        self.comeback.setVisible(link is not None)

    def next_step(self) -> None:
        """Ctrl+Enter outside the forms: the bill while it is open, then the release."""
        order = queries.order(self.session.db, self.order_id) if self.order_id else None
        if order is None:
            return
        if order["state"] == "settled":
            button = self.release_panel.release_button
            if button.isVisible() and button.isEnabled():
                self.release()
        elif self.payments.isVisible():
            self.payments.primary()

    # ------------------------------------------------------------------ release
    def release(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        panel = self.release_panel
        if run_step(
            self.session,
            panel.errors,
            panel.message,
            lambda: rel.release(self.session.ctx, order_id),
            KINDS,
        ):
            self.print_papers(order_id)

    def print_papers(self, order_id: int | None) -> None:
        """The exit notice, the statement, the guarantee certificate and the repair order
        for the customer's final signature (a declined order: notice and statement)."""
        order = queries.order(self.session.db, order_id) if order_id else None
        if order is None:
            return
        kinds = DECLINED_PAPERS if order["state"] in ("declined", "closed") else RELEASE_PAPERS

        def step() -> None:
            for kind in kinds:
                self.printing.print(kind, order["id"])

        if run_print(step, self.message):
            self.message.hide()
