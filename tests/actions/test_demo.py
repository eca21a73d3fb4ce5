"""The demo dataset: filled through the actions, every state present, valid and repeatable."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.demo import SUPERVISOR_PIN, fill_demo
from service_desk.domain.lifecycle import STATES
from service_desk.domain.pricing import line_amount
from service_desk.domain.validation import check_mobile, check_phone, check_plate, check_vin
from service_desk.store import queries
from service_desk.store.open import open_database

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def column(db, sql: str) -> list:
    return [r[0] for r in db.execute(sql).fetchall()]


def test_demo_fills_every_state_with_valid_data(db, tmp_path):
    counts = fill_demo(db, TODAY)

    assert counts["staff"] == 8
    assert 55 <= counts["customers"] <= 65
    assert 65 <= counts["vehicles"] <= 80
    assert 0.7 <= counts["vehicles_with_vin"] / counts["vehicles"] <= 0.9
    assert 80 <= counts["orders"] <= 160
    assert counts["order_lines"] >= 2 * counts["orders"]
    assert 1 <= counts["owner_changes"] <= 2
    assert counts == {
        "staff": 8,
        "customers": column(db, "SELECT count(*) FROM customers")[0],
        "vehicles": column(db, "SELECT count(*) FROM vehicles")[0],
        "vehicles_with_vin": column(db, "SELECT count(vin) FROM vehicles")[0],
        "owner_changes": column(
            db, "SELECT count(*) FROM vehicle_owners WHERE note = '二手车过户'"
        )[0],
        "orders": column(db, "SELECT count(*) FROM repair_orders")[0],
        "order_lines": column(db, "SELECT count(*) FROM order_lines")[0],
        "odometer_readings": column(db, "SELECT count(*) FROM odometer_readings")[0],
        "settlements": column(db, "SELECT count(*) FROM settlements")[0],
        "releases": column(db, "SELECT count(released_at) FROM releases")[0],
        "self_reviews": column(db, "SELECT count(*) FROM self_reviews")[0],
        "appointments": column(db, "SELECT count(*) FROM appointments")[0],
        "follow_ups": column(db, "SELECT count(*) FROM follow_ups")[0],
        "complaints": column(db, "SELECT count(*) FROM complaints")[0],
        "contacts": column(db, "SELECT count(*) FROM contacts")[0],
        "campaigns": column(db, "SELECT count(*) FROM campaigns")[0],
        "warranty_claims": column(db, "SELECT count(*) FROM warranty_claims")[0],
    }
    assert counts["contacts"] >= 20 and counts["campaigns"] == 2
    assert counts["warranty_claims"] >= 5
    kinds = column(db, "SELECT DISTINCT kind FROM self_reviews ORDER BY kind")
    assert kinds == ["day", "month"]  # the reports desk has its reviews on first start

    # every lifecycle state, most older orders finished
    states = column(db, "SELECT state FROM repair_orders")
    assert set(STATES) <= set(states)
    assert states.count("done") + states.count("closed") > len(states) / 2

    # plates, VINs and phones pass the counter's own checks
    for plate in column(db, "SELECT plate FROM vehicles"):
        assert check_plate(plate) is None, plate
    vins = column(db, "SELECT vin FROM vehicles WHERE vin IS NOT NULL")
    assert all(v.startswith("LVV") and check_vin(v) is None for v in vins)
    assert column(db, "SELECT count(*) FROM vehicles WHERE vin_check_overridden = 1") == [0]
    assert all(check_mobile(p) is None for p in column(db, "SELECT phone FROM customers"))
    landlines = column(db, "SELECT phone2 FROM customers WHERE phone2 IS NOT NULL")
    assert landlines and all(p.startswith("0553") and check_phone(p) is None for p in landlines)
    assert any(
        p.startswith("皖BD") or p.startswith("皖BF")
        for p in column(db, "SELECT plate FROM vehicles")
    )

    # nothing is dated after "today"; orders open during working hours
    latest = max(column(db, "SELECT at FROM audit"))
    assert dt.datetime.fromisoformat(latest) <= TODAY
    for created in column(db, "SELECT created_at FROM repair_orders"):
        assert 8 <= dt.datetime.fromisoformat(created).hour < 18
    assert column(
        db,
        "SELECT count(*) FROM repair_orders "
        "WHERE created_at LIKE '2026-11-27%' AND state = 'reception'",
    ) == [2]

    # the total of a declined or closed order is the diagnosis/estimate fee actually charged;
    # of any other order, the sum of its active lines; every line is priced correctly
    listed = queries.orders_in_states(db, STATES)
    assert len(listed) == counts["orders"]
    fees = dict(db.execute("SELECT id, decline_fee_fen FROM repair_orders").fetchall())
    charged = waived = 0
    for order in listed:
        oid, total = order["id"], order["total_fen"]
        lines = queries.order_lines(db, oid)
        if order["state"] in ("declined", "closed"):
            assert fees[oid] is not None and total == fees[oid], order["number"]
            charged += total > 0
            waived += total == 0 and sum(x["amount_fen"] for x in lines) > 0
        else:
            assert total == sum(x["amount_fen"] for x in lines), order["number"]
        for x in lines:
            assert x["amount_fen"] == line_amount(
                x["qty_milli"], x["unit_price_fen"], x["mode"], x["risk_margin_bp"]
            )
    assert charged and waived  # a fee charged, and one waived on an order with lines

    # the special lines the demo promises
    def lines_where(cond: str) -> int:
        return column(db, f"SELECT count(*) FROM order_lines WHERE {cond}")[0]

    assert lines_where("mode = 'system' AND system_code = 'suspension'")
    assert lines_where("mode = 'symptom' AND risk_margin_bp = 1500")
    assert lines_where("parts_source = 'customer'")
    assert lines_where("part_quality = 'aftermarket' AND system_code = 'brakes'")
    assert lines_where("payer = 'warranty'")
    assert lines_where("kind = 'fee' AND description = '诊断/估价费'")

    # odometer readings never go down for a car
    for vid in column(db, "SELECT id FROM vehicles"):
        kms = [r["km"] for r in reversed(queries.odometer_history(db, vid))]
        assert kms == sorted(kms)

    # voided by the supervisor, handed on, advisors vary
    void_staff = column(
        db,
        """SELECT s.name FROM order_events e JOIN staff s ON s.id = e.staff_id
                               WHERE e.to_state = 'void'""",
    )
    assert void_staff and set(void_staff) == {"陈建国"}
    assert column(db, "SELECT count(*) FROM order_events WHERE note LIKE 'handed on to %'")[0]
    assert len(set(column(db, "SELECT first_contact_id FROM customers"))) >= 2
    assert len(set(column(db, "SELECT advisor_id FROM repair_orders"))) == 3

    assert column(db, "PRAGMA integrity_check") == ["ok"]
    assert column(db, "PRAGMA foreign_key_check") == []

    with pytest.raises(ValueError):
        fill_demo(db, TODAY)
    assert column(db, "SELECT count(*) FROM repair_orders") == [counts["orders"]]

    # the same seed gives the same data (checked here: each fill takes about two seconds)
    sql = (
        "SELECT o.number, o.state, o.created_at, v.plate, v.vin, c.name FROM repair_orders o "
        "JOIN vehicles v ON v.id = o.vehicle_id JOIN customers c ON c.id = o.customer_id "
        "ORDER BY o.id"
    )
    other = open_database(tmp_path / "other" / "demo.sqlite3")
    try:
        assert fill_demo(other, TODAY) == counts
        assert list(db.execute(sql)) == list(other.execute(sql))
    finally:
        other.close()


def test_today_must_be_aware_and_supervisor_pin_is_documented(db):
    with pytest.raises(ValueError):
        fill_demo(db, TODAY.replace(tzinfo=None))
    assert column(db, "SELECT count(*) FROM staff") == [0]
    import service_desk.demo as demo

    assert SUPERVISOR_PIN == "2468" and "2468" in (demo.__doc__ or "")


def test_demo_fills_the_workshop_desk_records(db):
    fill_demo(db, TODAY)

    modes = dict(db.execute("SELECT mode, count(*) FROM handoffs GROUP BY mode").fetchall())
    assert modes["single_team"] > modes["supervisor_queue"] > 0
    # every order that reached the workshop has its hand-off, planned from its labour
    reached = column(
        db,
        "SELECT count(DISTINCT order_id) FROM order_events WHERE to_state = 'handed_off'",
    )[0]
    assert reached and column(db, "SELECT count(*) FROM handoffs") == [reached]
    assert column(db, "SELECT min(planned_minutes) FROM handoffs")[0] >= 30
    assert column(db, "SELECT count(*) FROM progress_checks WHERE checked_at IS NOT NULL")[0]
    states = set(column(db, "SELECT state FROM extra_work"))
    assert states == {"reported", "customer_contacted", "approved", "declined"}
    assert column(
        db,
        "SELECT count(*) FROM extra_work WHERE state = 'approved' "
        "AND handed_to_supervisor_at IS NULL",
    ) == [0]
    assert column(db, "SELECT count(*) FROM order_lines WHERE origin = 'additional'")[0]
    # open items only on cars still in the workshop
    assert set(
        column(
            db,
            "SELECT o.state FROM extra_work x JOIN repair_orders o ON o.id = x.order_id "
            "WHERE x.state IN ('reported', 'customer_contacted')",
        )
    ) <= {"handed_off", "in_progress"}
    ready = column(
        db, "SELECT count(DISTINCT order_id) FROM order_events WHERE to_state = 'ready'"
    )[0]
    assert ready and column(db, "SELECT count(*) FROM pickup_ready") == [ready]
    totals = db.execute(
        """SELECT p.total_fen, (SELECT coalesce(sum(amount_fen), 0) FROM order_lines l
                 WHERE l.order_id = p.order_id AND l.status = 'active'
                   AND l.payer = 'customer') FROM pickup_ready p"""
    ).fetchall()
    assert all(a == b for a, b in totals)
    latest = max(column(db, "SELECT at FROM audit"))
    assert dt.datetime.fromisoformat(latest) <= TODAY
    assert column(db, "PRAGMA foreign_key_check") == []
