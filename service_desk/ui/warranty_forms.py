"""The working form of the warranty page (R19): file a claim for an order, then record
what the manufacturer did — approved (the amount), rejected (the reason), paid (the
amount). One form, four steps, shown beside the lists; each step goes through
actions.warranty, amounts typed in yuan, refusals under their field and what was typed
kept. Enter confirms, Escape puts the form away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import warranty as wa
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.ui import warranty_messages  # noqa: F401  (refusal texts)
from service_desk.ui.fields import FieldErrors
from service_desk.ui.session import Session
from service_desk.ui.workshop_common import add_form_foot, run_step

KINDS = ("warranty",)
FILE, APPROVE, REJECT, PAY = "file", "approve", "reject", "pay"
AMOUNT_FIELDS = {FILE: "claimed", APPROVE: "approved", PAY: "paid"}


def fen_of(text: str) -> int:
    """Yuan typed -> fen; a typo or nothing is -1, refused under the field by the action."""
    try:
        return parse_yuan(text)
    except MoneyError:
        return -1


class ClaimForm(QGroupBox):
    """One step of a claim; ``done`` carries the step and the claim's id."""

    done = Signal(str, int)
    closed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("warranty_form")
        self.step = ""
        self.row: dict[str, Any] = {}
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="warranty_form_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        self.number = QLineEdit(objectName="warranty_claim_number")
        self.number.setPlaceholderText(
            self.tr("The manufacturer's claim number, e.g. SP2026112801")
        )
        self.errors.add_row(self.form, self.tr("Claim no."), self.number, "claim_number")
        self.amount = QLineEdit(objectName="warranty_amount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan"))
        self.amount_label = QLabel()
        self.errors.add_row(self.form, self.amount_label, self.amount, "amount")
        amount_error = self.errors.labels["amount"]
        for field in AMOUNT_FIELDS.values():  # one field, the amount of each step
            self.errors.labels[field] = amount_error
        self.reason = QLineEdit(objectName="warranty_reason")
        self.reason.setPlaceholderText(self.tr("As the manufacturer's notice says"))
        self.errors.add_row(self.form, self.tr("Reason"), self.reason, "reason")
        self.note = QLineEdit(objectName="warranty_note")
        self.errors.add_row(self.form, self.tr("Note"), self.note, "note")
        layout.addLayout(self.form)
        self.cancel = QPushButton(self.tr("Cancel"), objectName="warranty_form_cancel")
        self.ok = QPushButton(objectName="warranty_form_ok")
        self.ok.setDefault(True)
        self.message = add_form_foot(
            layout, "warranty_form_message", self.cancel, self.ok, fill_below=False
        )
        for edit in (self.number, self.amount, self.reason, self.note):
            edit.returnPressed.connect(self.confirm)
        self.ok.clicked.connect(self.confirm)
        self.cancel.clicked.connect(self.close_form)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_form)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setTabOrder(self.number, self.amount)
        self.setTabOrder(self.amount, self.reason)
        self.setTabOrder(self.reason, self.note)
        self.setTabOrder(self.note, self.ok)
        self.hide()

    # ---------------------------------------------------------------- the steps
    def _open(self, step: str, row: dict[str, Any], title: str, heading: str, ok: str) -> None:
        self.step, self.row = step, row
        self.setTitle(title)
        self.heading.setText(heading)
        self.ok.setText(ok)
        for edit in (self.number, self.amount, self.reason, self.note):
            edit.clear()
        shown = {
            self.number: step == FILE,
            self.amount: step in AMOUNT_FIELDS,
            self.reason: step == REJECT,
            self.note: step == FILE,
        }
        for edit, visible in shown.items():
            self.form.setRowVisible(edit.parentWidget(), visible)
        self.errors.clear()
        self.message.hide()
        self.show()
        first = next(edit for edit, visible in shown.items() if visible)
        first.setFocus()

    def start_file(self, order: dict[str, Any]) -> None:
        """File the claim of an order to claim (a row of actions.warranty.orders_to_claim)."""
        self.amount_label.setText(self.tr("Claimed (¥)"))
        self._open(
            FILE,
            order,
            self.tr("File claim"),
            self.tr(
                "Order <b>{number}</b> · {plate} · {customer}<br>Warranty lines: {amount}"
            ).format(
                number=order["number"],
                plate=order["plate"],
                customer=order["customer_name"],
                amount=format_yuan(order["warranty_fen"]),
            ),
            self.tr("File claim"),
        )
        self.amount.setText(format_yuan(order["warranty_fen"], False))

    def _claim_heading(self, claim: dict[str, Any]) -> str:
        approved = claim.get("approved_fen")
        return self.tr(
            "Claim <b>{claim}</b> · order {order} · {plate}<br>Claimed {claimed}{approved}"
        ).format(
            claim=claim["claim_number"],
            order=claim["order_number"],
            plate=claim["plate"],
            claimed=format_yuan(claim["claimed_fen"]),
            approved=""
            if approved is None
            else self.tr(", approved {amount}").format(amount=format_yuan(approved)),
        )

    def start_approve(self, claim: dict[str, Any]) -> None:
        self.amount_label.setText(self.tr("Approved (¥)"))
        self._open(
            APPROVE,
            claim,
            self.tr("Approved by the manufacturer"),
            self._claim_heading(claim),
            self.tr("Record approval"),
        )
        self.amount.setText(format_yuan(claim["claimed_fen"], False))
        self.amount.selectAll()

    def start_reject(self, claim: dict[str, Any]) -> None:
        self._open(
            REJECT,
            claim,
            self.tr("Rejected by the manufacturer"),
            self._claim_heading(claim)
            + "<br>"
            + self.tr("The order can be claimed again afterwards, under a new claim number."),
            self.tr("Record rejection"),
        )

    def start_pay(self, claim: dict[str, Any]) -> None:
        self.amount_label.setText(self.tr("Paid (¥)"))
        self._open(
            PAY,
            claim,
            self.tr("Paid by the manufacturer"),
            self._claim_heading(claim),
            self.tr("Record payment"),
        )
        self.amount.setText(format_yuan(claim["approved_fen"] or 0, False))
        self.amount.selectAll()

    # ---------------------------------------------------------------- confirm
    def _action(self) -> Callable[[], int]:
        ctx, row = self.session.ctx, self.row
        amount = fen_of(self.amount.text())
        if self.step == FILE:
            return lambda: wa.file_claim(
                ctx, row["order_id"], self.number.text(), amount, self.note.text()
            )

        def claim_step(run: Callable[[], None]) -> Callable[[], int]:
            def step() -> int:
                run()
                return int(row["id"])

            return step

        if self.step == APPROVE:
            return claim_step(lambda: wa.approve(ctx, row["id"], amount))
        if self.step == REJECT:
            return claim_step(lambda: wa.reject(ctx, row["id"], self.reason.text()))
        return claim_step(lambda: wa.mark_paid(ctx, row["id"], amount))

    def confirm(self) -> None:
        if not self.step or self.isHidden():
            return
        result: list[int] = []
        action = self._action()
        if run_step(
            self.session, self.errors, self.message, lambda: result.append(action()), KINDS
        ):
            step = self.step
            self.step = ""
            self.hide()
            self.done.emit(step, result[0])

    def close_form(self) -> None:
        self.step = ""
        self.hide()
        self.closed.emit()
