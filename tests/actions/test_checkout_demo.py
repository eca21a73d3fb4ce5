"""The demo's checkout desk: every car that left was settled and released through the
actions, the desk has a queue, declined orders paid their fee, one car came back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain.clock import parse
from service_desk.domain.release import COMEBACK_DAYS
from service_desk.store import key_queries
from tests.conftest import open_demo_copy

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
LEFT = ("released", "done")


@pytest.fixture(scope="module")
def demo_db(demo_file, tmp_path_factory):
    """The demo dealership, shared by the tests of this module (they only read it)."""
    db = open_demo_copy(demo_file, tmp_path_factory)
    yield db
    db.close()


def rows(db, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, list(params)))


def value(db, sql: str, params=()):
    return db.execute(sql, list(params)).fetchone()[0]


def orders_in(db, *states: str) -> list[dict]:
    marks = ", ".join("?" * len(states))
    return rows(db, f"SELECT * FROM repair_orders WHERE state IN ({marks})", states)


def test_every_car_that_left_was_settled_and_released_through_the_gate(demo_db):
    db = demo_db
    left = orders_in(db, *LEFT)
    assert len(left) > 50
    for order in left:
        oid, number = order["id"], order["number"]
        settlement = rows(db, "SELECT * FROM settlements WHERE order_id = ?", [oid])
        assert len(settlement) == 1, number
        s = settlement[0]
        customer_due = value(
            db,
            "SELECT coalesce(sum(amount_fen), 0) FROM order_lines "
            "WHERE order_id = ? AND status = 'active' AND payer = 'customer'",
            [oid],
        )
        paid = value(
            db, "SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE order_id = ?", [oid]
        )
        discount = value(
            db,
            "SELECT coalesce(sum(applied_fen), 0) FROM discounts "
            "WHERE order_id = ? AND state = 'approved'",
            [oid],
        )
        assert (s["total_fen"], s["paid_fen"], s["discount_fen"]) == (customer_due, paid, discount)
        if s["arrears_fen"]:  # the rest let out by the supervisor, exactly
            approved = rows(
                db,
                "SELECT a.amount_fen, s.role FROM arrears_approvals a "
                "JOIN staff s ON s.id = a.supervisor_id WHERE a.order_id = ?",
                [oid],
            )
            assert [(a["amount_fen"], a["role"]) for a in approved] == [
                (s["arrears_fen"], "supervisor")
            ]
        else:
            assert customer_due - discount - paid == 0, number
        release = rows(db, "SELECT * FROM releases WHERE order_id = ?", [oid])
        assert len(release) == 1 and release[0]["released_at"], number
        r = release[0]
        assert r["documents_returned"] == 1 and r["belongings_signed_at"]
        assert s["settled_at"] <= r["belongings_signed_at"] <= r["released_at"]
        released_event = value(
            db,
            "SELECT at FROM order_events WHERE order_id = ? AND to_state = 'released'",
            [oid],
        )
        assert released_event == r["released_at"]
        assert key_queries.release_gate(db, oid) is None, number  # every key handed back
        checkin = rows(db, "SELECT * FROM checkins WHERE order_id = ?", [oid])[0]
        assert checkin["returned_at"] and checkin["returned_at"] <= r["released_at"]
        assert (
            value(
                db,
                "SELECT count(*) FROM belongings WHERE order_id = ? AND returned_qty IS NOT qty",
                [oid],
            )
            == 0
        )
        assert r["odometer_out"] >= checkin["odometer_km"]
        if r["odometer_out"] - checkin["odometer_km"] > 50:
            assert r["difference_note"], number
        assert r["fuel_unit"] == checkin["fuel_unit"]
    # the settlement is the cashier's, the release the advisor's
    assert {
        r["role"]
        for r in rows(db, "SELECT s.role FROM settlements x JOIN staff s ON s.id = x.staff_id")
    } == {"cashier"}
    assert {
        r["role"]
        for r in rows(db, "SELECT s.role FROM releases x JOIN staff s ON s.id = x.released_by")
    } == {"advisor"}
    # now and then a long road test, explained; the readings out never below the readings in
    assert value(db, "SELECT count(*) FROM releases WHERE difference_note <> ''") >= 1


def test_discounts_payments_and_arrears_vary_like_a_real_counter(demo_db):
    db = demo_db
    decided = rows(
        db,
        "SELECT d.*, s.role FROM discounts d JOIN staff s ON s.id = d.decided_by",
    )
    states = [d["state"] for d in decided]
    assert states.count("approved") >= 2 and states.count("refused") >= 2
    assert value(db, "SELECT count(*) FROM discounts") == len(decided)  # all decided
    assert {d["role"] for d in decided} == {"supervisor"}
    assert all(d["reason"] for d in decided)
    assert all(d["applied_fen"] > 0 for d in decided if d["state"] == "approved")
    assert all(d["applied_fen"] is None for d in decided if d["state"] == "refused")

    methods = dict(db.execute("SELECT method, count(*) FROM payments GROUP BY method").fetchall())
    assert set(methods) == {"cash", "card", "wechat", "alipay", "transfer"}
    assert methods["wechat"] > methods["transfer"]
    assert (
        value(
            db,
            "SELECT count(*) FROM payments WHERE method IN ('card', 'transfer') AND reference = ''",
        )
        == 0
    )
    split = value(
        db,
        "SELECT count(*) FROM (SELECT order_id FROM payments GROUP BY order_id "
        "HAVING count(*) > 1)",
    )
    assert split >= 3

    arrears = rows(
        db,
        "SELECT x.*, o.state FROM settlements x JOIN repair_orders o ON o.id = x.order_id "
        "WHERE x.arrears_fen > 0",
    )
    assert 1 <= len(arrears) <= 2 and {a["state"] for a in arrears} <= set(LEFT)
    assert value(db, "SELECT count(*) FROM arrears_approvals") == len(arrears)


def test_the_checkout_desk_has_a_queue(demo_db):
    db = demo_db
    ready = orders_in(db, "ready")
    assert len(ready) >= 2
    for order in ready:  # waiting at the checkout: nothing settled, nothing paid yet
        for table in ("settlements", "payments", "discounts", "releases"):
            assert value(db, f"SELECT count(*) FROM {table} WHERE order_id = ?", [order["id"]]) == 0
    settled = orders_in(db, "settled")
    assert len(settled) >= 2
    for order in settled:  # paid, the car waiting for its customer
        oid = order["id"]
        s = rows(db, "SELECT * FROM settlements WHERE order_id = ?", [oid])
        assert len(s) == 1 and s[0]["arrears_fen"] == 0
        assert value(db, "SELECT count(released_at) FROM releases WHERE order_id = ?", [oid]) == 0
        assert key_queries.release_gate(db, oid) == "key.not_returned"  # keys still here


def test_declined_orders_pay_their_fee_before_they_close(demo_db):
    db = demo_db
    closed = orders_in(db, "closed")
    charged = [o for o in closed if o["decline_fee_fen"]]
    assert charged and len(charged) < len(closed)  # some fees waived, some enquiries
    for order in charged:
        s = rows(db, "SELECT * FROM settlements WHERE order_id = ?", [order["id"]])
        assert len(s) == 1
        assert s[0]["total_fen"] == s[0]["paid_fen"] == order["decline_fee_fen"]
        assert (
            value(db, "SELECT sum(amount_fen) FROM payments WHERE order_id = ?", [order["id"]])
            == (order["decline_fee_fen"])
        )
    for order in closed:
        if not order["decline_fee_fen"]:
            assert (
                value(db, "SELECT count(*) FROM settlements WHERE order_id = ?", [order["id"]]) == 0
            )
    # the declined ones still open owe their fee at the desk
    for order in orders_in(db, "declined"):
        assert value(db, "SELECT count(*) FROM settlements WHERE order_id = ?", [order["id"]]) == 0


def test_a_car_came_back_with_the_same_trouble(demo_db):
    db = demo_db
    comebacks = rows(
        db,
        """SELECT c.*, o.state, o.created_at, o.vehicle_id, r.released_at,
                  oo.vehicle_id AS original_vehicle
             FROM comebacks c JOIN repair_orders o ON o.id = c.order_id
             JOIN repair_orders oo ON oo.id = c.original_order_id
             JOIN releases r ON r.order_id = c.original_order_id""",
    )
    assert comebacks
    for c in comebacks:
        assert c["vehicle_id"] == c["original_vehicle"]
        assert c["released_at"] < c["created_at"]
        assert c["reason"].startswith(("system:", "category:"))
        assert c["days"] <= COMEBACK_DAYS or c["km"] is not None
    # the rework "today": free of charge, on a system of the original work, within 30 days
    today = [c for c in comebacks if c["created_at"].startswith("2026-11-27")]
    rework = [
        c
        for c in today
        if value(
            db,
            "SELECT count(*) FROM order_lines WHERE order_id = ? AND payer = 'internal'",
            [c["order_id"]],
        )
    ]
    assert len(rework) == 1
    c = rework[0]
    assert c["state"] == "handed_off" and c["reason"].startswith("system:")
    assert 3 <= (parse(c["created_at"]).date() - parse(c["released_at"]).date()).days <= 28
    assert c["original_team"]  # the team that did the work
    assert value(db, "SELECT request FROM repair_orders WHERE id = ?", [c["order_id"]]).startswith(
        "返修"
    )
