"""The statement's money (R14): exact in fen for any lines, discounts and payments."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service_desk.domain import settlement as s
from service_desk.domain.pricing import KINDS, PAYERS, LineDraft


@st.composite
def line_rows(draw) -> dict:
    kind = draw(st.sampled_from(KINDS))
    mode = draw(st.sampled_from(("item", "symptom")))
    draft = LineDraft(
        kind=kind,
        description="行",
        mode=mode,
        qty_milli=draw(st.integers(1, 1_000_000)),
        unit_price_fen=draw(st.integers(0, 5_000_000)),
        payer=draw(st.sampled_from(PAYERS)),
        risk_margin_bp=draw(st.integers(0, 10_000)) if mode == "symptom" else 0,
        parts_source="dealer" if kind == "part" else None,
        part_quality="genuine" if kind == "part" else None,
    )
    return {
        **asdict(draft),
        "amount_fen": draft.amount_fen,
        "origin": draw(st.sampled_from(("estimate", "additional"))),
        "status": draw(st.sampled_from(("active", "active", "removed"))),
    }


discount_asks = st.lists(
    st.one_of(
        st.tuples(st.integers(1, 10_000_000), st.none()),
        st.tuples(st.none(), st.integers(1, 10_000)),
    ),
    max_size=4,
)
methods = st.sampled_from(s.METHODS)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(line_rows(), max_size=12),
    discount_asks,
    st.lists(st.tuples(methods, st.integers(1, 20_000_000)), max_size=6),
)
def test_totals_are_exact_in_fen(rows, asks, payments):
    active = [r for r in rows if r["status"] == "active"]
    fig = s.figures(rows)
    amount = sum(r["amount_fen"] for r in active)
    assert fig.actual.total_fen == amount == sum(fig.actual.by_payer.values())
    assert fig.actual.labour_fen == sum(r["amount_fen"] for r in active if r["kind"] == "labour")
    assert fig.actual.parts_fen == sum(r["amount_fen"] for r in active if r["kind"] == "part")
    assert fig.actual.fees_fen == sum(r["amount_fen"] for r in active if r["kind"] == "fee")
    for payer in PAYERS:
        assert fig.actual.by_payer[payer] == sum(
            r["amount_fen"] for r in active if r["payer"] == payer
        )
    estimate = sum(r["amount_fen"] for r in active if r["origin"] == "estimate")
    assert fig.estimate.total_fen == estimate
    assert fig.difference_fen == sum(r["amount_fen"] for r in active if r["origin"] != "estimate")
    customer = fig.actual.by_payer["customer"]
    assert fig.customer_due_fen == customer == fig.balance_fen

    # discounts approved as the desk would, then payments, never below a zero balance
    discounts: list[int] = []
    for amount_fen, percent_bp in asks:
        fen = s.discount_fen(customer, amount_fen, percent_bp)
        assert fen >= 0 and (percent_bp is None or fen <= customer)
        try:
            s.check_discount(s.figures(rows, discounts), fen)
        except s.SettlementError as exc:
            assert exc.code == "discount.exceeds_balance"
            assert fen > customer - sum(discounts)
        else:
            discounts.append(fen)
    paid: list[int] = []
    for method, fen in payments:
        try:
            s.check_payment(s.figures(rows, discounts, paid), method, fen)
        except s.SettlementError as exc:
            assert exc.code == "payment.exceeds_balance"
        else:
            paid.append(fen)
    fig = s.figures(rows, discounts, paid)
    assert fig.discount_fen == sum(discounts) and fig.paid_fen == sum(paid)
    assert fig.balance_fen == customer - sum(discounts) - sum(paid) >= 0

    if fig.balance_fen:
        with pytest.raises(s.SettlementError):
            s.settlement_row(fig, None)
        with pytest.raises(s.SettlementError):
            s.settlement_row(fig, fig.balance_fen + 1)
    row = s.settlement_row(fig, fig.balance_fen or None)
    assert row["total_fen"] - row["discount_fen"] == row["paid_fen"] + row["arrears_fen"]
    assert row["arrears_fen"] == fig.balance_fen


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**9), st.integers(1, 10_000))
def test_percent_discount_rounds_half_up_and_never_exceeds_the_share(due, bp):
    fen = s.discount_fen(due, None, bp)
    assert 0 <= fen <= due
    assert abs(fen * 10_000 - due * bp) <= 5_000  # within half a fen
    assert s.discount_fen(due, None, 10_000) == due


def test_declined_order_due_is_the_fee_only():
    row = {
        "kind": "labour",
        "description": "检查",
        "mode": "item",
        "qty_milli": 1000,
        "unit_price_fen": 30000,
        "payer": "customer",
        "risk_margin_bp": 0,
        "system_code": None,
        "parts_source": None,
        "part_quality": None,
        "part_no": "",
    }
    fig = s.figures([row], customer_due_fen=5000)
    assert fig.actual.total_fen == 30000 and fig.customer_due_fen == fig.balance_fen == 5000


@pytest.mark.parametrize(
    ("amount", "bp", "code"),
    [
        (None, None, "discount.amount_or_percent"),
        (1, 1, "discount.amount_or_percent"),
        (0, None, "discount.amount"),
        (True, None, "discount.amount"),
        (None, 0, "discount.percent"),
        (None, 10_001, "discount.percent"),
    ],
)
def test_discount_request_rules(amount, bp, code):
    with pytest.raises(s.SettlementError) as exc:
        s.check_discount_request(amount, bp)
    assert exc.value.code == code


def test_payment_rules():
    fig = s.figures([], customer_due_fen=100)
    for method, fen, code in [
        ("cheque", 1, "payment.method"),
        ("cash", 0, "payment.amount"),
        ("cash", 101, "payment.exceeds_balance"),
    ]:
        with pytest.raises(s.SettlementError) as exc:
            s.check_payment(fig, method, fen)
        assert exc.value.code == code
    s.check_payment(fig, "transfer", 100)
