"""Line pricing in fen: hand-worked examples, validation, totals, clauses, and properties.

The last tests check that the CHECK constraint on order_lines.amount_fen in schema_v1
computes exactly what pricing.line_amount computes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.domain.pricing import (
    KINDS,
    MAX_MARGIN_BP,
    MAX_QTY_MILLI,
    MODES,
    PAYERS,
    Clauses,
    LineDraft,
    PricingError,
    Totals,
    base_amount,
    clauses,
    format_qty,
    line_amount,
    parse_qty,
    totals,
)

MAX_PRICE_FEN = 1_000_000_000  # the schema's CHECK on unit_price_fen


def draft(**kw) -> LineDraft:
    base = dict(
        kind="labour",
        description="更换前刹车片工时",
        mode="system",
        qty_milli=1000,
        unit_price_fen=12000,
        system_code="brakes",
    )
    return LineDraft(**{**base, **kw})


def part(**kw) -> LineDraft:
    base = dict(
        kind="part",
        description="前刹车片",
        parts_source="dealer",
        part_quality="genuine",
        part_no="J60-3501080",
    )
    return draft(**{**base, **kw})


def pricing_code(**kw) -> tuple[str, str]:
    with pytest.raises(PricingError) as err:
        draft(**kw)
    return err.value.field, err.value.code


# --- line_amount by hand --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qty", "price", "mode", "margin", "amount"),
    [
        (1000, 12000, "system", 0, 12000),  # 1 h × ¥120
        (2500, 4000, "item", 0, 10000),  # 2.5 × ¥40
        (4200, 2850, "system", 0, 11970),  # 4.2 L × ¥28.50
        (1500, 12000, "symptom", 1500, 20700),  # 1.5 h × ¥120 = ¥180, +15 % = ¥27
        (1500, 12000, "symptom", 0, 18000),  # symptom without margin
        (1000, 10000, "symptom", 10000, 20000),  # the largest margin doubles
        (1000, 0, "system", 0, 0),  # free labour
        (1000, 0, "symptom", 1500, 0),
        (MAX_QTY_MILLI, MAX_PRICE_FEN, "item", 0, 1000 * MAX_PRICE_FEN),
    ],
)
def test_line_amount_examples(qty: int, price: int, mode: str, margin: int, amount: int) -> None:
    assert line_amount(qty, price, mode, margin) == amount


@pytest.mark.parametrize(
    ("qty", "price", "amount"),
    [
        (333, 100, 33),  # 33.3 fen -> 33
        (335, 100, 34),  # 33.5 fen -> 34: half up
        (334, 100, 33),  # 33.4 fen -> 33
        (1, 500, 1),  # 0.5 fen -> 1
        (1, 499, 0),  # 0.499 fen -> 0
        (1, 1, 0),
        (999, 1, 1),  # 0.999 fen -> 1
        (1500, 1, 2),  # 1.5 fen -> 2
        (2500, 1, 3),  # 2.5 fen -> 3 (half up, not to even)
    ],
)
def test_base_amount_rounds_half_up_at_the_fen(qty: int, price: int, amount: int) -> None:
    assert base_amount(qty, price) == amount
    assert line_amount(qty, price, "item") == amount
    assert line_amount(qty, price, "system") == amount


@pytest.mark.parametrize(
    ("base", "margin", "amount"),
    [
        (10, 1500, 12),  # margin 1.5 fen -> 2
        (3, 1500, 3),  # margin 0.45 fen -> 0
        (1, 5000, 2),  # margin 0.5 fen -> 1
        (1, 4999, 1),  # margin 0.4999 fen -> 0
        (100, 1, 100),  # 0.01 fen
        (5000, 1, 5001),  # 0.5 fen -> 1
    ],
)
def test_margin_is_rounded_half_up_on_the_rounded_base(base: int, margin: int, amount: int) -> None:
    assert line_amount(1000, base, "symptom", margin) == amount


@pytest.mark.parametrize(
    ("args", "field", "code"),
    [
        ((1000, 100, "guess", 0), "mode", "mode.unknown"),
        ((1000, 100, "system", 1500), "risk_margin", "margin.only_symptom"),
        ((1000, 100, "item", 1), "risk_margin", "margin.only_symptom"),
        ((1000, 100, "item", -1), "risk_margin", "margin.only_symptom"),
        ((1000, 100, "symptom", -1), "risk_margin", "margin.range"),
        ((1000, 100, "symptom", MAX_MARGIN_BP + 1), "risk_margin", "margin.range"),
        ((0, 100, "item", 0), "qty", "qty.positive"),
        ((-1000, 100, "item", 0), "qty", "qty.positive"),
        ((MAX_QTY_MILLI + 1, 100, "item", 0), "qty", "qty.positive"),
        ((1000, -1, "item", 0), "unit_price", "price.negative"),
    ],
)
def test_line_amount_refuses(args: tuple, field: str, code: str) -> None:
    with pytest.raises(PricingError) as err:
        line_amount(*args)
    assert (err.value.field, err.value.code) == (field, code)
    assert str(err.value) == f"{field}: {code}"


# --- LineDraft ------------------------------------------------------------------------------


def test_valid_drafts_and_their_amounts() -> None:
    assert draft().amount_fen == 12000
    assert part(qty_milli=2000, unit_price_fen=18500).amount_fen == 37000
    fee = draft(kind="fee", description="检测费", system_code=None, unit_price_fen=5000)
    assert fee.amount_fen == 5000  # a fee in system mode needs no system
    symptom = draft(mode="symptom", system_code=None, qty_milli=1500, risk_margin_bp=1500)
    assert symptom.amount_fen == 20700
    item = draft(mode="item", system_code=None, payer="warranty")
    assert item.amount_fen == 12000 and item.payer == "warranty"
    assert draft(description="x" * 200).description == "x" * 200


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"kind": "service"}, "kind", "kind.unknown"),
        ({"description": ""}, "description", "description.required"),
        ({"description": "  \u3000 "}, "description", "description.required"),
        ({"description": "x" * 201}, "description", "description.too_long"),
        ({"payer": "insurer"}, "payer", "payer.unknown"),
        ({"kind": "part"}, "parts_source", "parts_source.required"),
        (
            {"kind": "part", "parts_source": "garage", "part_quality": "genuine"},
            "parts_source",
            "parts_source.required",
        ),
        ({"kind": "part", "parts_source": "dealer"}, "part_quality", "part_quality.required"),
        (
            {"kind": "part", "parts_source": "dealer", "part_quality": "used"},
            "part_quality",
            "part_quality.required",
        ),
        ({"parts_source": "dealer"}, "parts_source", "parts_source.only_parts"),
        ({"part_quality": "genuine"}, "parts_source", "parts_source.only_parts"),
        (
            {"kind": "fee", "system_code": None, "parts_source": "customer"},
            "parts_source",
            "parts_source.only_parts",
        ),
        ({"system_code": None}, "system", "system.required"),
        ({"system_code": ""}, "system", "system.required"),
        ({"mode": "guess"}, "mode", "mode.unknown"),
        ({"risk_margin_bp": 1500}, "risk_margin", "margin.only_symptom"),
        ({"mode": "symptom", "risk_margin_bp": 10001}, "risk_margin", "margin.range"),
        ({"qty_milli": 0}, "qty", "qty.positive"),
        ({"unit_price_fen": -1}, "unit_price", "price.negative"),
    ],
)
def test_line_draft_validation(change: dict, field: str, code: str) -> None:
    assert pricing_code(**change) == (field, code)


def test_part_without_system_needs_a_system_in_system_mode() -> None:
    with pytest.raises(PricingError) as err:
        part(system_code=None)
    assert err.value.code == "system.required"
    assert part(mode="item", system_code=None).amount_fen == 12000


def test_line_draft_is_frozen() -> None:
    line = draft()
    with pytest.raises(AttributeError):
        line.qty_milli = 2000  # type: ignore[misc]


# --- parse_qty / format_qty -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "milli"),
    [
        ("1", 1000),
        ("4.2", 4200),
        ("0.5", 500),
        (" 2 ", 2000),
        ("1．5", 1500),  # full-width full stop from a Chinese input method
        (".5", 500),
        ("5.", 5000),
        ("1.500", 1500),
        ("0.001", 1),
        ("1000", MAX_QTY_MILLI),
        ("+2", 2000),
    ],
)
def test_parse_qty(text: str, milli: int) -> None:
    assert parse_qty(text) == milli


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "qty.format"),
        ("   ", "qty.format"),
        ("abc", "qty.format"),
        ("1.2.3", "qty.format"),
        ("1 2", "qty.format"),
        ("1e3", "qty.format"),  # no exponents
        ("1e999999", "qty.format"),  # used to raise decimal.Overflow
        ("1e-999999999", "qty.format"),  # used to return 0
        ("1_000", "qty.format"),
        ("1,5", "qty.format"),  # a comma is never a decimal point at this counter
        ("1,000", "qty.format"),
        ("NaN", "qty.format"),
        ("Infinity", "qty.format"),
        ("٣", "qty.format"),  # non-ASCII digits
        ("0", "qty.positive"),
        ("0.000", "qty.positive"),
        ("-1", "qty.positive"),
        ("-0", "qty.positive"),
        ("0.0005", "qty.precision"),
        ("1.2345", "qty.precision"),
        ("1." + "0" * 40 + "1", "qty.precision"),  # used to round away to 1
        ("1000.001", "qty.too_large"),
        ("9" * 60, "qty.too_large"),
    ],
)
def test_parse_qty_refuses(text: str, code: str) -> None:
    with pytest.raises(PricingError) as err:
        parse_qty(text)
    assert (err.value.field, err.value.code) == ("qty", code)


@pytest.mark.parametrize(
    ("milli", "text"),
    [(1000, "1"), (4200, "4.2"), (500, "0.5"), (1, "0.001"), (1010, "1.01"), (10000, "10")],
)
def test_format_qty(milli: int, text: str) -> None:
    assert format_qty(milli) == text
    assert format_qty(MAX_QTY_MILLI) == "1000"


@settings(max_examples=200)
@given(st.integers(1, MAX_QTY_MILLI))
def test_format_qty_round_trips(milli: int) -> None:
    text = format_qty(milli)
    assert "e" not in text.lower()
    assert not ("." in text and text.endswith(("0", ".")))
    assert parse_qty(text) == milli


# --- totals and clauses ---------------------------------------------------------------------


def test_totals_by_kind_and_by_payer() -> None:
    lines = [
        draft(),  # labour 12000
        draft(qty_milli=500, payer="warranty"),  # labour 6000
        part(qty_milli=2000, unit_price_fen=18500),  # part 37000
        part(unit_price_fen=9900, payer="internal"),  # part 9900
        draft(kind="fee", description="检测费", system_code=None, unit_price_fen=5000),
    ]
    result = totals(lines)
    assert (result.labour_fen, result.parts_fen, result.fees_fen) == (18000, 46900, 5000)
    assert result.total_fen == 69900
    assert result.by_payer == {"customer": 54000, "warranty": 6000, "internal": 9900}
    assert result.customer_fen == 54000


def test_totals_of_nothing() -> None:
    result = totals([])
    assert result.total_fen == 0
    assert result.by_payer == dict.fromkeys(PAYERS, 0)
    assert Totals().customer_fen == 0
    assert totals(iter([draft()])).total_fen == 12000  # any iterable


CRITICAL = {"brakes", "steering", "airbag"}


def test_no_clauses_for_dealer_genuine_system_pricing() -> None:
    found = clauses([draft(), part()], CRITICAL)
    assert found == Clauses()
    assert not found.no_guarantee


def test_customer_supplied_part_means_no_guarantee() -> None:
    found = clauses([draft(), part(parts_source="customer")], CRITICAL)
    assert found.customer_parts and found.no_guarantee
    assert not found.aftermarket_critical


def test_aftermarket_part_on_a_critical_system() -> None:
    found = clauses([part(part_quality="aftermarket", system_code="brakes")], CRITICAL)
    assert found.aftermarket_critical and found.no_guarantee
    assert not found.customer_parts


@pytest.mark.parametrize(
    "line",
    [
        part(part_quality="aftermarket", system_code="body"),  # not critical
        part(part_quality="genuine", system_code="brakes"),  # genuine
        part(part_quality="aftermarket", mode="item", system_code=None),  # no system
        draft(system_code="brakes"),  # labour on a critical system is not a part
    ],
)
def test_no_aftermarket_clause(line: LineDraft) -> None:
    found = clauses([line], CRITICAL)
    assert not found.aftermarket_critical and not found.no_guarantee


def test_aftermarket_clause_depends_on_the_critical_set() -> None:
    line = part(part_quality="aftermarket", system_code="body")
    assert not clauses([line], CRITICAL).aftermarket_critical
    assert clauses([line], CRITICAL | {"body"}).aftermarket_critical
    assert not clauses([part(part_quality="aftermarket")], set()).aftermarket_critical


def test_item_and_symptom_pricing_flags() -> None:
    item = draft(mode="item", system_code=None)
    symptom = draft(mode="symptom", system_code=None, risk_margin_bp=1500)
    assert clauses([item], CRITICAL) == Clauses(item_pricing=True)
    assert clauses([symptom], CRITICAL) == Clauses(symptom_pricing=True)
    both = clauses([draft(), item, symptom], CRITICAL)
    assert both.item_pricing and both.symptom_pricing and not both.no_guarantee
    assert clauses([], CRITICAL) == Clauses()


# --- properties -----------------------------------------------------------------------------

qtys = st.integers(1, MAX_QTY_MILLI)
prices = st.integers(0, MAX_PRICE_FEN)
margins = st.integers(0, MAX_MARGIN_BP)


@st.composite
def drafts(draw: st.DrawFn) -> LineDraft:
    kind = draw(st.sampled_from(KINDS))
    mode = draw(st.sampled_from(MODES))
    is_part = kind == "part"
    return LineDraft(
        kind=kind,
        description=draw(st.sampled_from(["工时", "机油", "检测费", "x"])),
        mode=mode,
        qty_milli=draw(qtys),
        unit_price_fen=draw(st.integers(0, 10_000_000)),
        payer=draw(st.sampled_from(PAYERS)),
        risk_margin_bp=draw(margins) if mode == "symptom" else 0,
        system_code=draw(st.sampled_from(["brakes", "engine", "body"]))
        if mode == "system"
        else draw(st.sampled_from([None, "brakes"])),
        parts_source=draw(st.sampled_from(["dealer", "customer"])) if is_part else None,
        part_quality=draw(st.sampled_from(["genuine", "aftermarket"])) if is_part else None,
    )


@settings(max_examples=100)
@given(st.lists(drafts(), max_size=8))
def test_totals_add_up(lines: list[LineDraft]) -> None:
    result = totals(lines)
    amounts = [line.amount_fen for line in lines]
    assert all(isinstance(a, int) and a >= 0 for a in amounts)
    assert result.total_fen == sum(amounts)
    assert result.total_fen == result.labour_fen + result.parts_fen + result.fees_fen
    assert result.total_fen == sum(result.by_payer.values())
    assert set(result.by_payer) == set(PAYERS)
    assert result.labour_fen == sum(x.amount_fen for x in lines if x.kind == "labour")
    assert result.parts_fen == sum(x.amount_fen for x in lines if x.kind == "part")
    for payer in PAYERS:
        assert result.by_payer[payer] == sum(x.amount_fen for x in lines if x.payer == payer)


@settings(max_examples=60)
@given(st.lists(drafts(), max_size=6))
def test_clauses_match_their_definition(lines: list[LineDraft]) -> None:
    found = clauses(lines, CRITICAL)
    assert found.customer_parts == any(x.parts_source == "customer" for x in lines)
    assert found.aftermarket_critical == any(
        x.part_quality == "aftermarket" and x.system_code in CRITICAL for x in lines
    )
    assert found.item_pricing == any(x.mode == "item" for x in lines)
    assert found.symptom_pricing == any(x.mode == "symptom" for x in lines)


@settings(max_examples=200)
@given(qtys, prices, margins, margins)
def test_margin_never_decreases_the_amount(qty: int, price: int, m1: int, m2: int) -> None:
    low, high = sorted((m1, m2))
    plain = line_amount(qty, price, "system")
    assert plain == line_amount(qty, price, "item") == line_amount(qty, price, "symptom", 0)
    assert plain == base_amount(qty, price)
    a_low = line_amount(qty, price, "symptom", low)
    a_high = line_amount(qty, price, "symptom", high)
    assert isinstance(a_low, int) and 0 <= plain <= a_low <= a_high <= 2 * plain + 1


@settings(max_examples=200)
@given(qtys, prices, margins)
def test_amount_is_the_exact_price_within_rounding(qty: int, price: int, margin: int) -> None:
    exact = Fraction(qty * price, 1000) * (1 + Fraction(margin, 10_000))
    amount = line_amount(qty, price, "symptom", margin)
    assert abs(amount - exact) <= Fraction(3, 2)
    base = base_amount(qty, price)
    assert abs(base - Fraction(qty * price, 1000)) <= Fraction(1, 2)


@settings(max_examples=200)
@given(qtys, qtys, prices)
def test_amount_grows_with_quantity(q1: int, q2: int, price: int) -> None:
    low, high = sorted((q1, q2))
    assert line_amount(low, price, "item") <= line_amount(high, price, "item")


# --- the schema's CHECK agrees with line_amount ---------------------------------------------

INSERT = (
    "INSERT INTO order_lines(order_id, kind, description, mode, system_code, qty_milli, "
    "unit_price_fen, risk_margin_bp, amount_fen, payer, created_at, created_by) "
    "VALUES (?, 'labour', '工时', ?, ?, ?, ?, ?, ?, 'customer', ?, ?)"
)


@pytest.fixture
def order_id(ctx) -> int:
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(
            plate="皖B12345",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=23000,
        ),
    )
    return orders.open_order(ctx, vid, "保养")


def insert_line(ctx, order_id: int, mode: str, qty: int, price: int, margin: int, amount: int):
    ctx.db.conn.execute(
        INSERT,
        [
            order_id,
            mode,
            "brakes" if mode == "system" else None,
            qty,
            price,
            margin,
            amount,
            "2026-11-27T09:30:00+08:00",
            ctx.user_id,
        ],
    )


@pytest.mark.parametrize(
    ("mode", "qty", "price", "margin"),
    [
        ("symptom", 1500, 12000, 1500),
        ("item", 333, 100, 0),
        ("item", 335, 100, 0),
        ("symptom", 1000, 10, 1500),
        ("symptom", 1000, 1, 5000),
        ("symptom", MAX_QTY_MILLI, MAX_PRICE_FEN, MAX_MARGIN_BP),
        ("system", 1, 0, 0),
    ],
)
def test_schema_check_agrees_on_examples(ctx, order_id, mode, qty, price, margin) -> None:
    amount = line_amount(qty, price, mode, margin)
    for wrong in (amount - 1, amount + 1):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            insert_line(ctx, order_id, mode, qty, price, margin, wrong)
    insert_line(ctx, order_id, mode, qty, price, margin, amount)
    stored = ctx.db.execute(
        "SELECT amount_fen FROM order_lines ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert stored == amount


def test_schema_check_agrees_with_line_amount(ctx, order_id) -> None:
    conn = ctx.db.conn
    conn.execute("BEGIN")  # one transaction for all examples: no fsync per row

    @settings(max_examples=200, deadline=None)
    @given(
        st.sampled_from(MODES),
        qtys,
        st.one_of(st.integers(0, 100_000), prices),
        margins,
    )
    def check(mode: str, qty: int, price: int, margin: int) -> None:
        margin = margin if mode == "symptom" else 0
        amount = line_amount(qty, price, mode, margin)
        with pytest.raises(sqlite3.IntegrityError):
            insert_line(ctx, order_id, mode, qty, price, margin, amount + 1)
        if amount > 0:
            with pytest.raises(sqlite3.IntegrityError):
                insert_line(ctx, order_id, mode, qty, price, margin, amount - 1)
        insert_line(ctx, order_id, mode, qty, price, margin, amount)

    try:
        check()
        count = conn.execute("SELECT count(*) FROM order_lines").fetchone()[0]
        assert count > 0
    finally:
        conn.execute("ROLLBACK")
