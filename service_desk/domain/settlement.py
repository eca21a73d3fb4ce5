"""The statement 结算单 and its money (R14, R5), in integer fen; pure, no database.

- estimate: the active lines agreed before signing (origin 'estimate');
- actual: every active line, including additional work the customer approved (R11);
- both split by kind (labour / parts / fees) and by payer (customer / warranty / internal);
- a discount applies to the customer's share only; a percentage is rounded half up;
- balance = customer due - approved discounts - payments; never below zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from service_desk.domain.money import MAX_FEN
from service_desk.domain.pricing import LineDraft, Totals, totals

METHODS = ("cash", "card", "wechat", "alipay", "transfer")
DISCOUNT_STATES = ("requested", "approved", "refused")
MAX_BP = 10_000


class SettlementError(ValueError):
    """A money rule refused the step; code names the rule."""

    def __init__(self, code: str, field: str | None = None):
        super().__init__(code)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class Figures:
    """Everything the statement shows in fen."""

    estimate: Totals
    actual: Totals
    customer_due_fen: int
    discount_fen: int
    paid_fen: int

    @property
    def difference_fen(self) -> int:
        """Actual minus estimate: what additional work added (or removed)."""
        return self.actual.total_fen - self.estimate.total_fen

    @property
    def balance_fen(self) -> int:
        return self.customer_due_fen - self.discount_fen - self.paid_fen


def split_lines(lines: Iterable[Mapping[str, Any]]) -> tuple[list[LineDraft], list[LineDraft]]:
    """(estimate, actual) drafts from stored order lines (removed lines are in neither)."""
    estimate: list[LineDraft] = []
    actual: list[LineDraft] = []
    for line in lines:
        if line.get("status", "active") != "active":
            continue
        draft = LineDraft.from_row(line)
        actual.append(draft)
        if line.get("origin", "estimate") == "estimate":
            estimate.append(draft)
    return estimate, actual


def figures(
    lines: Iterable[Mapping[str, Any]],
    discounts_fen: Iterable[int] = (),
    payments_fen: Iterable[int] = (),
    customer_due_fen: int | None = None,
) -> Figures:
    """The statement's figures. customer_due_fen overrides the customer's share (a
    declined order pays only its diagnosis/estimate fee)."""
    estimate, actual = split_lines(lines)
    est, act = totals(estimate), totals(actual)
    due = act.customer_fen if customer_due_fen is None else customer_due_fen
    return Figures(est, act, due, sum(discounts_fen), sum(payments_fen))


def discount_fen(customer_due_fen: int, amount_fen: int | None, percent_bp: int | None) -> int:
    """What a requested discount is worth on the customer's share, in fen."""
    check_discount_request(amount_fen, percent_bp)
    if amount_fen is not None:
        return amount_fen
    assert percent_bp is not None
    return (customer_due_fen * percent_bp + MAX_BP // 2) // MAX_BP


def check_discount_request(amount_fen: int | None, percent_bp: int | None) -> None:
    if (amount_fen is None) == (percent_bp is None):
        raise SettlementError("discount.amount_or_percent", "amount")
    if amount_fen is not None and not (_is_int(amount_fen) and 0 < amount_fen <= MAX_FEN):
        raise SettlementError("discount.amount", "amount")
    if percent_bp is not None and not (_is_int(percent_bp) and 0 < percent_bp <= MAX_BP):
        raise SettlementError("discount.percent", "percent")


def check_discount(fig: Figures, amount_fen: int) -> None:
    """An approved discount may not take the balance below zero."""
    if amount_fen > fig.balance_fen:
        raise SettlementError("discount.exceeds_balance", "amount")


def check_payment(fig: Figures, method: str, amount_fen: int) -> None:
    if method not in METHODS:
        raise SettlementError("payment.method", "method")
    if not (_is_int(amount_fen) and 0 < amount_fen <= MAX_FEN):
        raise SettlementError("payment.amount", "amount")
    if amount_fen > fig.balance_fen:
        raise SettlementError("payment.exceeds_balance", "amount")


def settlement_row(fig: Figures, arrears_approved_fen: int | None) -> dict[str, int]:
    """The settlement's figures; the balance must be zero or exactly the approved arrears."""
    balance = fig.balance_fen
    if balance < 0:
        raise SettlementError("settle.overpaid")
    if balance and arrears_approved_fen != balance:
        raise SettlementError("settle.balance_open")
    return {
        "total_fen": fig.customer_due_fen,
        "discount_fen": fig.discount_fen,
        "paid_fen": fig.paid_fen,
        "arrears_fen": balance,
    }


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
