"""Payments at the checkout (R14, R5): several per order and partial ones (cash, bank
card, WeChat Pay, Alipay, transfer); an unpaid balance let out as arrears (欠收) only with
a supervisor's PIN; settling a ready order, or the fee of a declined one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import appointments, settlement
from service_desk.domain.clock import parse
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.settlement import METHODS
from service_desk.store import appointment_queries
from service_desk.ui import ask, keyboard
from service_desk.ui.checkout_discounts import KINDS
from service_desk.ui.checkout_messages import method_name
from service_desk.ui.fields import FieldErrors
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line, run_step


def pending_deposit_fen(db: Any, order_id: int) -> int:
    """What the appointment this order came from took as deposit and is not credited yet."""
    booked = appointment_queries.of_order(db, order_id)
    if booked is None:
        return 0
    deposits = appointment_queries.deposits(db, booked["id"])
    return sum(d["amount_fen"] for d in deposits if d["credited_payment_id"] is None)


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class PaymentPanel(QGroupBox):
    fee_settled = Signal(int)  # order id: the declined order's papers are printed

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Payment"), parent)
        self.session = session
        self.order_id: int | None = None
        self.state = ""
        self.balance_fen = 0
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Method")), lambda r: method_name(r["method"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Amount")),
                    lambda r: format_yuan(r["amount_fen"]),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Reference")), lambda r: r["reference"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Time")),
                    lambda r: parse(r["at"]).strftime("%H:%M"),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Taken by")), lambda r: r["staff_name"]),
            ],
            self,
        )
        self.table = queue_table(self.model, "payments")
        self.table.setMaximumHeight(90)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.method = QComboBox(objectName="payment_method")
        for code in METHODS:
            self.method.addItem(method_name(code), code)
        self.errors.add_row(form, self.tr("Paid by"), self.method, "method")
        self.amount = QLineEdit(objectName="payment_amount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan"))
        self.errors.add_row(form, self.tr("Amount (¥)"), self.amount, "amount")
        self.reference = QLineEdit(objectName="payment_reference")
        self.reference.setPlaceholderText(self.tr("Voucher / transaction no. (card, transfer)"))
        self.errors.add_row(form, self.tr("Reference"), self.reference, "reference")
        layout.addLayout(form)
        self.message = message_line("payment_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.pay_button = QPushButton(self.tr("&Take payment"), objectName="payment_take")
        self.arrears_button = QPushButton(
            self.tr("Arrears approved by supervisor …"), objectName="payment_arrears"
        )
        self.settle_button = QPushButton(self.tr("&Settle"), objectName="payment_settle")
        self.fee_button = QPushButton(self.tr("Settle the f&ee"), objectName="payment_fee")
        self.deposit_button = QPushButton(objectName="payment_deposit")
        for button in (
            self.deposit_button,
            self.pay_button,
            self.arrears_button,
            self.settle_button,
            self.fee_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.pay_button.clicked.connect(self.pay)
        self.arrears_button.clicked.connect(self.approve_arrears)
        self.settle_button.clicked.connect(self.settle)
        self.fee_button.clicked.connect(self.settle_fee)
        self.deposit_button.clicked.connect(self.credit_deposit)
        keyboard.set_primary(self, None, self.primary)

    def primary(self) -> None:
        """Ctrl+Enter: take the amount typed, else settle (or settle the declined fee)."""
        if self.pay_button.isEnabled() and self.amount.text().strip():
            self.pay()
        elif self.settle_button.isVisible() and self.settle_button.isEnabled():
            self.settle()
        elif self.fee_button.isVisible() and self.fee_button.isEnabled():
            self.settle_fee()

    def load(self, order_id: int, statement: dict[str, Any]) -> None:
        balance = statement["balance_fen"]
        if order_id != self.order_id or balance != self.balance_fen:
            self.amount.setText(format_yuan(balance, False) if balance > 0 else "")
            self.reference.clear()
        if order_id != self.order_id:
            self.method.setCurrentIndex(0)
            self.errors.clear()
            self.message.hide()
        self.order_id = order_id
        self.state = statement["state"]
        self.balance_fen = balance
        self.model.set_rows(statement["payments"])
        open_bill = statement["settlement"] is None
        ready = self.state == "ready" and open_bill
        declined = self.state == "declined"
        self.pay_button.setEnabled((ready or declined) and balance > 0)
        self.arrears_button.setVisible(not declined)
        self.arrears_button.setEnabled(ready and balance > 0)
        self.settle_button.setVisible(not declined)
        self.settle_button.setEnabled(ready)
        self.fee_button.setVisible(declined)
        deposit = pending_deposit_fen(self.session.db, order_id)
        self.deposit_button.setText(
            self.tr("Credit the appointment deposit {amount}").format(amount=format_yuan(deposit))
        )
        self.deposit_button.setVisible(deposit > 0)
        self.deposit_button.setEnabled(ready and deposit > 0)
        for widget in (self.method, self.amount, self.reference):
            widget.setEnabled((ready or declined) and balance > 0)

    def _run(self, step: Callable[[], object]) -> bool:
        return run_step(self.session, self.errors, self.message, step, KINDS)

    def _amount(self) -> int:
        try:
            return parse_yuan(self.amount.text())
        except MoneyError:
            return -1  # refused by the action, under the field

    def pay(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        self._run(
            lambda: settlement.add_payment(
                self.session.ctx,
                order_id,
                self.method.currentData(),
                self._amount(),
                self.reference.text(),
            )
        )

    def approve_arrears(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        title = self.tr("Let the balance out as arrears")

        answer = ask_supervisor(self, self.session, title)
        if answer is None:
            return
        note = ask.text(
            self,
            title,
            self.tr("Why may {amount} stay unpaid, and until when?").format(
                amount=format_yuan(self.balance_fen)
            ),
        )
        if note is None:
            return
        self._run(lambda: settlement.approve_arrears(self.session.ctx, order_id, *answer, note))

    def credit_deposit(self) -> None:
        """The deposit paid when the appointment was booked counts as a payment."""
        order_id = self.order_id
        if order_id is not None:
            self._run(lambda: appointments.credit_deposits(self.session.ctx, order_id))

    def settle(self) -> None:
        order_id = self.order_id
        if order_id is not None:
            self._run(lambda: settlement.settle(self.session.ctx, order_id))

    def settle_fee(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        if self._run(
            lambda: settlement.settle_fee(
                self.session.ctx, order_id, self.method.currentData(), self.reference.text()
            )
        ):
            self.fee_settled.emit(order_id)
