"""Discounts at the checkout (R14): the advisor asks (an amount or a percentage of the
customer's share, with a reason); a supervisor approves or refuses with their PIN at the
same PC. Both outcomes stay on the list with who and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import settlement
from service_desk.domain.clock import parse
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.ui import keyboard
from service_desk.ui.checkout_messages import discount_state
from service_desk.ui.fields import FieldErrors
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line, run_step

KINDS = ("orders", "checkout")


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def discount_text(row: dict[str, Any]) -> str:
    """What was asked: ¥50.00, or 10 % (¥38.00 once approved)."""
    if row["amount_fen"] is not None:
        return format_yuan(row["amount_fen"])
    percent = f"{row['percent_bp'] / 100:g} %"
    return f"{percent} ({format_yuan(row['applied_fen'])})" if row["applied_fen"] else percent


def parse_percent(text: str) -> int:
    """'10' / '9.5 %' -> basis points (1000 / 950); -1 when it is no number (the action
    refuses it under the field)."""
    cleaned = text.strip().rstrip("%％").strip()
    try:
        return round(float(cleaned) * 100)
    except ValueError:
        return -1


class DiscountPanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("Discount"), parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Discount")), discount_text),
                (_c(QT_TRANSLATE_NOOP("Columns", "Reason")), lambda r: r["reason"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: discount_state(r["state"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Asked by")), lambda r: r["requested_by_name"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Decided by")),
                    lambda r: (
                        f"{r['decided_by_name']} {parse(r['decided_at']).strftime('%H:%M')}"
                        if r["decided_at"]
                        else ""
                    ),
                ),
            ],
            self,
        )
        self.table = queue_table(self.model, "discounts")
        self.table.setMaximumHeight(90)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.amount = QLineEdit(objectName="discount_amount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 50"))
        self.percent = QLineEdit(objectName="discount_percent")
        self.percent.setPlaceholderText(self.tr("or a percentage, e.g. 10"))
        amounts = QWidget()
        row = QHBoxLayout(amounts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.percent)
        self.errors.add_row(form, self.tr("Discount"), amounts, "amount")
        self.errors.labels["percent"] = self.errors.labels["amount"]
        self.reason = QLineEdit(objectName="discount_reason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. long-standing customer, waiting time"))
        self.errors.add_row(form, self.tr("Reason"), self.reason, "reason")
        layout.addLayout(form)
        self.message = message_line("discount_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ask_button = QPushButton(self.tr("Ask for a &discount"), objectName="discount_ask")
        self.approve_button = QPushButton(
            self.tr("Supervisor appro&ves …"), objectName="discount_approve"
        )
        self.refuse_button = QPushButton(
            self.tr("Supervisor re&fuses …"), objectName="discount_refuse"
        )
        for button in (self.ask_button, self.approve_button, self.refuse_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.ask_button.clicked.connect(self.ask)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        keyboard.set_primary(self, self.ask_button, self.ask)

    def load(self, order_id: int, statement: dict[str, Any], open_for_money: bool) -> None:
        if order_id != self.order_id:
            self.amount.clear()
            self.percent.clear()
            self.reason.clear()
            self.errors.clear()
            self.message.hide()
        self.order_id = order_id
        self.model.set_rows(statement["discounts"])
        waiting = self.waiting() is not None
        self.ask_button.setEnabled(open_for_money and not waiting)
        self.approve_button.setEnabled(open_for_money and waiting)
        self.refuse_button.setEnabled(open_for_money and waiting)
        self.setVisible(not statement["declined"])

    def waiting(self) -> dict[str, Any] | None:
        return next((r for r in reversed(self.model.rows) if r["state"] == "requested"), None)

    def ask(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        amount_text, percent_text = self.amount.text().strip(), self.percent.text().strip()

        def step() -> None:
            amount = None
            if amount_text:
                try:
                    amount = parse_yuan(amount_text)
                except MoneyError:
                    amount = -1  # refused by the action, under the field
            percent = parse_percent(percent_text) if percent_text else None
            settlement.request_discount(
                self.session.ctx,
                order_id,
                reason=self.reason.text(),
                amount_fen=amount,
                percent_bp=percent,
            )

        if run_step(self.session, self.errors, self.message, step, KINDS):
            self.amount.clear()
            self.percent.clear()
            self.reason.clear()

    def decide(self, approve: bool) -> None:
        waiting = self.waiting()
        if waiting is None:
            return
        title = self.tr("Approve the discount") if approve else self.tr("Refuse the discount")

        answer = ask_supervisor(self, self.session, title)
        if answer is None:
            return
        run_step(
            self.session,
            self.errors,
            self.message,
            lambda: settlement.decide_discount(self.session.ctx, waiting["id"], *answer, approve),
            KINDS,
        )
