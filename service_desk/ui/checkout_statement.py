"""The statement 结算单 on screen (R14): the lines as done, the estimate beside the actual
total with the additional work the customer approved, the split by kind and payer, and
what the customer still owes after discounts and payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.ui import colours, labels
from service_desk.ui.checkout_messages import origin_name
from service_desk.ui.models import RowsModel
from service_desk.ui.views import queue_table

BALANCE_STYLE = "font-size: 15pt; font-weight: bold;"
OWED_STYLE = colours.text_style(colours.OVERDUE, bold=True)


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def signed_yuan(fen: int) -> str:
    return ("+" if fen > 0 else "") + format_yuan(fen)


class StatementView(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Statement"), parent)
        layout = QVBoxLayout(self)
        self.lines_model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Item")), lambda r: r["description"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Kind")), lambda r: labels.kind(r["kind"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Payer")), lambda r: labels.payer(r["payer"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Origin")), lambda r: origin_name(r["origin"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Amount")),
                    lambda r: format_yuan(r["amount_fen"]),
                ),
            ],
            self,
        )
        self.lines = queue_table(self.lines_model, "statement_lines")
        self.lines.setMinimumHeight(150)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.lines)
        self.approvals = QLabel(objectName="statement_approvals")
        self.approvals.setWordWrap(True)
        layout.addWidget(self.approvals)
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        cells = (
            ("estimate", self.tr("Estimate"), 0, 0),
            ("actual", self.tr("Actual"), 0, 1),
            ("difference", self.tr("Difference"), 0, 2),
            ("labour", self.tr("Labour"), 1, 0),
            ("parts", self.tr("Parts"), 1, 1),
            ("fees", self.tr("Fees"), 1, 2),
            ("customer", self.tr("Customer pays"), 2, 0),
            ("warranty", self.tr("Warranty pays"), 2, 1),
            ("internal", self.tr("Internal"), 2, 2),
            ("due", self.tr("Due from the customer"), 3, 0),
            ("discount", self.tr("Discounts"), 3, 1),
            ("paid", self.tr("Paid"), 3, 2),
        )
        for key, text, row, column in cells:
            value = QLabel(objectName=f"statement_{key}")
            grid.addWidget(QLabel(text + ":"), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
            self.figures[key] = value
        layout.addLayout(grid)
        self.balance = QLabel(objectName="statement_balance")
        self.balance.setStyleSheet(BALANCE_STYLE)
        layout.addWidget(self.balance)
        self.arrears = QLabel(objectName="statement_customer_arrears")
        self.arrears.setWordWrap(True)
        self.arrears.setStyleSheet(OWED_STYLE)
        layout.addWidget(self.arrears)

    def show_statement(self, s: dict[str, Any]) -> None:
        self.lines_model.set_rows(s["lines"])
        actual, estimate = s["actual"], s["estimate"]
        values = {
            "estimate": format_yuan(estimate["total_fen"]),
            "actual": format_yuan(actual["total_fen"]),
            "difference": signed_yuan(s["difference_fen"]),
            "labour": format_yuan(actual["labour_fen"]),
            "parts": format_yuan(actual["parts_fen"]),
            "fees": format_yuan(actual["fees_fen"]),
            "customer": format_yuan(actual["by_payer"]["customer"]),
            "warranty": format_yuan(actual["by_payer"]["warranty"]),
            "internal": format_yuan(actual["by_payer"]["internal"]),
            "due": format_yuan(s["customer_due_fen"]),
            "discount": format_yuan(s["discount_fen"]),
            "paid": format_yuan(s["paid_fen"]),
        }
        for key, text in values.items():
            self.figures[key].setText(text)
        approvals = [
            self.tr("{item} {amount}: approved by {who} at {time}").format(
                item=x["description"],
                amount=format_yuan(x["amount_fen"]),
                who=x["authorised_by_name"] or "—",
                time=parse(x["answer_at"]).strftime("%m-%d %H:%M") if x["answer_at"] else "—",
            )
            for x in s["additional_approvals"]
        ]
        self.approvals.setText(
            self.tr("Additional work the customer approved:") + "\n" + "\n".join(approvals)
            if approvals
            else ""
        )
        self.approvals.setVisible(bool(approvals))
        basis = self.tr("Declined: the diagnosis / estimate fee is due.") if s["declined"] else ""
        if s["settlement"] is not None:
            settled = s["settlement"]
            text = self.tr("Settled {time}; arrears {arrears}").format(
                time=parse(settled["settled_at"]).strftime("%Y-%m-%d %H:%M"),
                arrears=format_yuan(settled["arrears_fen"]),
            )
        else:
            text = self.tr("Left to pay: {balance}").format(balance=format_yuan(s["balance_fen"]))
            if s["arrears_approved_fen"] is not None:
                text += "  " + self.tr("(arrears of {amount} approved)").format(
                    amount=format_yuan(s["arrears_approved_fen"])
                )
        self.balance.setText(" ".join(t for t in (basis, text) if t))
        owed = s["customer_arrears_fen"]
        self.arrears.setText(
            self.tr("This customer still owes {amount} from earlier visits (arrears).").format(
                amount=format_yuan(owed)
            )
            if owed
            else ""
        )
        self.arrears.setVisible(bool(owed))
