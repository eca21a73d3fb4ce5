"""The settlement desk (R14, R5): statement, discounts decided by a supervisor's PIN,
split and partial payments, arrears let out by a supervisor, settling a ready order and
settling the fee of a declined one; refusals by the actions and again by the database."""

from __future__ import annotations

import sqlite3

import pytest

from service_desk.actions import orders
from service_desk.actions import settlement as sa
from service_desk.actions.context import ActionError
from service_desk.domain.pricing import LineDraft
from service_desk.store import queries
from service_desk.store import settlement_queries as sq
from service_desk.store.errors import StorageError
from tests.actions.test_archive_orders import walk_in
from tests.actions.test_workshop import at, bring_to_ready, set_clock
from tests.conftest import staff_id


@pytest.fixture
def ready(ctx, order_id) -> int:
    bring_to_ready(ctx, order_id, 0, "wechat")
    return order_id


def sup(ctx) -> int:
    return staff_id(ctx, "陈主管")


def audit_actions(ctx, entity: str) -> list[str]:
    return [
        r[0]
        for r in ctx.db.execute(
            "SELECT action FROM audit WHERE entity = ? ORDER BY id", [entity]
        ).fetchall()
    ]


def test_statement_splits_by_kind_and_payer_with_estimate_beside_actual(ctx, ready):
    lines = queries.order_lines(ctx.db, ready)
    s = sa.statement(ctx.db, ready)
    total = sum(x["amount_fen"] for x in lines)
    assert s["actual"]["total_fen"] == total
    assert s["actual"]["labour_fen"] == sum(x["amount_fen"] for x in lines if x["kind"] == "labour")
    assert s["actual"]["parts_fen"] == sum(x["amount_fen"] for x in lines if x["kind"] == "part")
    assert sum(s["actual"]["by_payer"].values()) == total
    assert s["estimate"] == s["actual"]  # no additional work on this order
    assert s["difference_fen"] == 0 and s["additional_approvals"] == []
    assert s["customer_due_fen"] == s["actual"]["by_payer"]["customer"] == s["balance_fen"]
    assert (s["discount_fen"], s["paid_fen"], s["settlement"]) == (0, 0, None)
    assert len(s["lines"]) == len(lines)


def test_full_path_discount_refused_then_approved_split_payment_settle(ctx, ready):
    due = sa.statement(ctx.db, ready)["customer_due_fen"]
    assert due > 10000

    first = sa.request_discount(ctx, ready, amount_fen=5000, reason="老客户")
    set_clock(ctx, at(17, 5))
    sa.decide_discount(ctx, first, sup(ctx), "2468", approve=False)
    d = sq.discount(ctx.db, first)
    assert (d["state"], d["decided_by"], d["applied_fen"]) == ("refused", sup(ctx), None)
    assert d["decided_at"] == "2026-11-27T17:05:00+08:00"
    assert d["requested_by"] == ctx.user_id
    assert sa.statement(ctx.db, ready)["discount_fen"] == 0

    second = sa.request_discount(ctx, ready, percent_bp=1000, reason="等候时间长")
    # wrong PIN: nothing recorded
    with pytest.raises(ActionError) as exc:
        sa.decide_discount(ctx, second, sup(ctx), "0000", approve=True)
    assert exc.value.code == "pin.wrong"
    assert sq.discount(ctx.db, second)["state"] == "requested"
    assert audit_actions(ctx, "discount") == ["request", "refuse", "request"]
    # an advisor is no supervisor
    with pytest.raises(ActionError) as exc:
        sa.decide_discount(ctx, second, staff_id(ctx, "李强"), "2468", approve=True)
    assert exc.value.code == "supervisor.required"

    sa.decide_discount(ctx, second, sup(ctx), "2468", approve=True)
    discount = (due * 1000 + 5000) // 10000
    d = sq.discount(ctx.db, second)
    assert (d["state"], d["applied_fen"]) == ("approved", discount)
    with pytest.raises(ActionError) as exc:
        sa.decide_discount(ctx, second, sup(ctx), "2468", approve=False)
    assert exc.value.code == "discount.decided"

    s = sa.statement(ctx.db, ready)
    assert s["discount_fen"] == discount
    assert s["balance_fen"] == due - discount
    card = 10000
    sa.add_payment(ctx, ready, "card", card, reference="POS 0042")
    with pytest.raises(ActionError) as exc:
        sa.add_payment(ctx, ready, "wechat", due - discount - card + 1)
    assert exc.value.code == "payment.exceeds_balance"
    with pytest.raises(ActionError) as exc:
        sa.add_payment(ctx, ready, "bitcoin", 1)
    assert exc.value.code == "payment.method"
    sa.add_payment(ctx, ready, "wechat", due - discount - card)
    s = sa.statement(ctx.db, ready)
    assert s["balance_fen"] == 0
    assert [(p["method"], p["amount_fen"]) for p in s["payments"]] == [
        ("card", card),
        ("wechat", due - discount - card),
    ]

    settlement_id = sa.settle(ctx, ready)
    row = sq.settlement(ctx.db, ready)
    assert row["id"] == settlement_id
    assert (row["total_fen"], row["discount_fen"], row["paid_fen"], row["arrears_fen"]) == (
        due,
        discount,
        due - discount,
        0,
    )
    assert queries.order(ctx.db, ready)["state"] == "settled"
    assert audit_actions(ctx, "settlement") == ["settle"]
    with pytest.raises(ActionError) as exc:
        sa.add_payment(ctx, ready, "cash", 1)
    assert exc.value.code == "settle.state"


def test_partial_payment_needs_arrears_approval_to_settle(ctx, ready):
    s = sa.statement(ctx.db, ready)
    due = s["customer_due_fen"]
    sa.add_payment(ctx, ready, "cash", 10000)
    with pytest.raises(ActionError) as exc:
        sa.settle(ctx, ready)
    assert exc.value.code == "settle.balance_open"
    assert queries.order(ctx.db, ready)["state"] == "ready"

    with pytest.raises(ActionError) as exc:
        sa.approve_arrears(ctx, ready, sup(ctx), "1111", "公司月结")
    assert exc.value.code == "pin.wrong"
    assert sq.arrears_approvals_of(ctx.db, ready) == []
    with pytest.raises(ActionError) as exc:
        sa.approve_arrears(ctx, ready, sup(ctx), "2468", " ")
    assert exc.value.code == "arrears.note"

    sa.approve_arrears(ctx, ready, sup(ctx), "2468", "公司月结")
    [approval] = sq.arrears_approvals_of(ctx.db, ready)
    assert approval["amount_fen"] == due - 10000
    assert approval["supervisor_name"] == "陈主管"

    # a payment after the approval changes the balance: the approval no longer matches
    sa.add_payment(ctx, ready, "alipay", 100)
    with pytest.raises(ActionError) as exc:
        sa.settle(ctx, ready)
    assert exc.value.code == "settle.balance_open"
    sa.approve_arrears(ctx, ready, sup(ctx), "2468", "公司月结，余款下月付")

    sa.settle(ctx, ready)
    row = sq.settlement(ctx.db, ready)
    assert (row["paid_fen"], row["arrears_fen"]) == (10100, due - 10100)
    order = queries.order(ctx.db, ready)
    assert order["state"] == "settled"
    assert sq.customer_arrears(ctx.db, order["customer_id"]) == due - 10100
    assert sa.statement(ctx.db, ready)["customer_arrears_fen"] == due - 10100
    [owed] = sq.customer_arrears_orders(ctx.db, order["customer_id"])
    assert owed["order_id"] == ready


def test_discount_and_payment_need_a_settling_order(ctx, order_id):
    with pytest.raises(ActionError) as exc:
        sa.request_discount(ctx, order_id, amount_fen=100, reason="x")
    assert exc.value.code == "settle.state"
    with pytest.raises(ActionError) as exc:
        sa.add_payment(ctx, order_id, "cash", 100)
    assert exc.value.code == "settle.state"
    with pytest.raises(ActionError) as exc:
        sa.settle(ctx, order_id)
    assert exc.value.code == "settle.not_ready"


def test_discount_request_is_checked(ctx, ready):
    due = sa.statement(ctx.db, ready)["customer_due_fen"]
    for kwargs, code in [
        ({"amount_fen": 100, "percent_bp": 100}, "discount.amount_or_percent"),
        ({}, "discount.amount_or_percent"),
        ({"amount_fen": 0}, "discount.amount"),
        ({"percent_bp": 10001}, "discount.percent"),
        ({"amount_fen": due + 1}, "discount.exceeds_balance"),
    ]:
        with pytest.raises(ActionError) as exc:
            sa.request_discount(ctx, ready, reason="试试", **kwargs)
        assert exc.value.code == code
    with pytest.raises(ActionError) as exc:
        sa.request_discount(ctx, ready, amount_fen=100, reason="  ")
    assert exc.value.code == "discount.reason"
    assert sq.discounts_of(ctx.db, ready) == []


def test_declined_order_settles_its_fee_and_closes(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "发动机故障灯亮")
    orders.record_consent(ctx, oid)
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="labour", description="检查", mode="item", qty_milli=1000, unit_price_fen=30000
        ),
    )
    orders.decline(ctx, oid, note="价格太高")
    s = sa.statement(ctx.db, oid)
    assert s["declined"] and s["customer_due_fen"] == 5000 and s["balance_fen"] == 5000
    sa.add_payment(ctx, oid, "cash", 2000)
    sa.settle_fee(ctx, oid, "wechat", reference="WX123")
    assert [(p["method"], p["amount_fen"]) for p in sq.payments_of(ctx.db, oid)] == [
        ("cash", 2000),
        ("wechat", 3000),
    ]
    row = sq.settlement(ctx.db, oid)
    assert (row["total_fen"], row["paid_fen"], row["arrears_fen"]) == (5000, 5000, 0)
    assert queries.order(ctx.db, oid)["state"] == "closed"
    with pytest.raises(ActionError) as exc:
        sa.settle_fee(ctx, oid)
    assert exc.value.code == "fee.not_declined"


def test_declined_without_fee_closes_without_payment(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "问问价格")
    orders.decline(ctx, oid)
    sa.settle_fee(ctx, oid)
    assert sq.payments_of(ctx.db, oid) == []
    assert sq.settlement(ctx.db, oid)["total_fen"] == 0
    assert queries.order(ctx.db, oid)["state"] == "closed"


def test_database_refuses_bad_rows(ctx, ready):
    sup_id, me = sup(ctx), ctx.user_id
    bad = [
        (
            "INSERT INTO payments(order_id, method, amount_fen, at, staff_id) "
            "VALUES (?, 'cheque', 1, 'x', ?)",
            [ready, me],
        ),
        (
            "INSERT INTO payments(order_id, method, amount_fen, at, staff_id) "
            "VALUES (?, 'cash', 0, 'x', ?)",
            [ready, me],
        ),
        (
            "INSERT INTO discounts(order_id, amount_fen, percent_bp, reason, requested_by, "
            "requested_at) VALUES (?, 1, 1, 'r', ?, 'x')",
            [ready, me],
        ),
        (
            "INSERT INTO settlements(order_id, total_fen, discount_fen, paid_fen, arrears_fen, "
            "settled_at, staff_id) VALUES (?, 100, 10, 80, 0, 'x', ?)",
            [ready, me],
        ),
        (
            "INSERT INTO arrears_approvals(order_id, amount_fen, supervisor_id, at, note) "
            "VALUES (?, 1, ?, 'x', 'n')",
            [ready, me],
        ),
    ]
    for sql, params in bad:
        with pytest.raises((sqlite3.IntegrityError, StorageError)):
            ctx.db.execute(sql, params)
    did = sa.request_discount(ctx, ready, amount_fen=100, reason="r")
    with pytest.raises(sqlite3.IntegrityError):  # only a supervisor decides
        ctx.db.execute(
            "UPDATE discounts SET state = 'refused', decided_by = ?, decided_at = 'x' WHERE id = ?",
            [me, did],
        )
    sa.decide_discount(ctx, did, sup_id, "2468", approve=True)
    pid = sa.add_payment(ctx, ready, "cash", 100)
    for sql, params in [
        ("UPDATE discounts SET applied_fen = 1 WHERE id = ?", [did]),
        ("UPDATE payments SET amount_fen = 1 WHERE id = ?", [pid]),
        ("DELETE FROM payments WHERE id = ?", [pid]),
        ("DELETE FROM discounts WHERE id = ?", [did]),
    ]:
        with pytest.raises(sqlite3.IntegrityError):
            ctx.db.execute(sql, params)
