"""The demo's warranty claims (demo/warranty.py): claims in every state for settled
warranty orders (the visits the plan lacks added through every desk), one order left to
claim, one claim to chase; nothing after "now"; the rest of the demo left as it was.

Until ``fill_warranty`` is called from ``fill_demo`` the fixture calls it itself after the
demo fill; once it is, the fixture only reads what ``fill_demo`` made."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.actions import care
from service_desk.actions import warranty as wa
from service_desk.actions.context import Ctx
from service_desk.domain import warranty as rules
from service_desk.domain.clock import fixed_clock, parse
from service_desk.store import key_queries, queries
from tests.conftest import open_demo_copy

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    """The demo dealership (with the warranty claims), shared by the tests of this module."""
    db = open_demo_copy(demo_file, tmp_path_factory)
    yield db, Ctx(db, fixed_clock(TODAY))
    db.close()


def rows(db, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, list(params)))


def test_claims_in_every_state(demo):
    db, ctx = demo
    claims = rows(db, "SELECT * FROM warranty_claims ORDER BY id")
    assert ctx.clock() == TODAY and ctx.user_id is None
    states = [c["state"] for c in claims]
    assert set(states) == set(rules.STATES)
    assert states.count("paid") == 2 and states.count("rejected") == 1
    paid = [c for c in claims if c["state"] == "paid"]
    assert any(c["paid_fen"] < c["approved_fen"] for c in paid)  # one paid short
    assert any(c["paid_fen"] == c["approved_fen"] == c["claimed_fen"] for c in paid)
    [rejected] = [c for c in claims if c["state"] == "rejected"]
    assert rejected["rejection_reason"]
    [again] = [c for c in claims if c["refiles"] is not None]
    assert again["refiles"] == rejected["id"] and again["order_id"] == rejected["order_id"]
    assert again["state"] in rules.OPEN_STATES
    for c in claims:
        assert c["claimed_fen"] == c["lines_fen"] > 0
        steps = [c[k] for k in ("submitted_at", "approved_at", "rejected_at", "paid_at") if c[k]]
        assert all(parse(t) <= TODAY for t in steps) and steps == sorted(steps, key=parse)
    # the page's lists: one order to claim, claims open, one of them to chase
    assert len(wa.orders_to_claim(db)) == 1
    open_claims = wa.open_claims(db, TODAY)
    assert len(open_claims) == 3
    assert [c["chase"] for c in open_claims].count(True) == 1
    figures = wa.claim_figures(db, TODAY.date() - dt.timedelta(days=120), TODAY.date(), TODAY)
    assert figures.paid_count == 2 and figures.shortfall_fen > 0 and figures.rejected_count == 1


def test_the_warranty_orders_went_through_every_desk(demo):
    db, _ = demo
    claimed = {c["order_id"] for c in rows(db, "SELECT order_id FROM warranty_claims")}
    finished = claimed | {r["order_id"] for r in wa.orders_to_claim(db)}
    assert len(finished) == 6
    for oid in finished:
        order = queries.order(db, oid)
        assert order["state"] == "done" and order["repair_category"] == "warranty"
        assert 8 <= parse(order["created_at"]).hour < 18
        [s] = rows(db, "SELECT * FROM settlements WHERE order_id = ?", [oid])
        assert s["total_fen"] == s["paid_fen"] == 0  # the manufacturer pays
        [r] = rows(db, "SELECT * FROM releases WHERE order_id = ?", [oid])
        assert s["settled_at"] <= r["released_at"] and key_queries.release_gate(db, oid) is None
        assert r["documents_returned"] == 1 and r["belongings_signed_at"]
        assert not rows(db, "SELECT 1 FROM comebacks WHERE order_id = ?", [oid])
    # odometer readings in time order and never down; nothing after "now"
    for (vid,) in db.execute("SELECT id FROM vehicles"):
        history = list(reversed(queries.odometer_history(db, vid)))
        assert [r["km"] for r in history] == sorted(r["km"] for r in history)
        assert [r["at"][:10] for r in history] == sorted(r["at"][:10] for r in history)
    assert max(parse(a) for (a,) in db.execute("SELECT at FROM audit")) <= TODAY
    # the visits are older than the care desk's follow-up window: none is due
    assert not {r["order_id"] for r in care.follow_ups_due(db, TODAY)} & finished


def test_the_first_service_list_has_cars(demo):
    db, _ = demo
    lines = wa.first_service_list(db, TODAY.date())
    assert lines and {x.status for x in lines} <= set(rules.FIRST_STATUSES)
    assert all(x.phone and x.customer_name for x in lines)
