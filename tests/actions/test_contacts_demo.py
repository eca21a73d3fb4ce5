"""The demo's contact log (demo/contacts.py): every outcome logged through the actions over
the last two weeks, bookings and the complaint linked, and what the call list makes of it
"today": call backs due and still to come, tries counted, cars held back, a number to mend.

Until ``fill_contacts`` (and ``fill_care``) are called from ``fill_demo`` the fixture calls
them itself after the demo fill; once they are, the fixture only reads what ``fill_demo``
made."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.actions import contacts as cs
from service_desk.actions.call_list import call_list, numbers_to_mend
from service_desk.actions.context import Ctx
from service_desk.domain import contacts as rules
from service_desk.domain import next_service as ns
from service_desk.domain.clock import fixed_clock, parse
from tests.conftest import open_demo_copy

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    """The demo dealership (with the care desk and the contact log), shared by this module."""
    db = open_demo_copy(demo_file, tmp_path_factory)
    yield db, Ctx(db, fixed_clock(TODAY))
    db.close()


def rows(db, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, list(params)))


def test_every_outcome_through_the_actions_in_office_hours(demo):
    db, ctx = demo
    logged = rows(
        db,
        """SELECT k.*, s.role, v.owner_id FROM contacts k JOIN staff s ON s.id = k.staff_id
             JOIN vehicles v ON v.id = k.vehicle_id
            WHERE k.channel <> 'letter' AND k.campaign_id IS NULL ORDER BY k.at""",
    )
    assert 20 <= len(logged) <= 40  # a few calls a working day over two weeks
    outcomes = [k["outcome"] for k in logged]
    assert set(outcomes) == set(rules.OUTCOMES)
    assert outcomes.count("booked") >= 3 and outcomes.count("no_answer") >= 5
    assert {k["channel"] for k in logged} == {"phone", "sms", "wechat"}
    assert {k["role"] for k in logged} == {"advisor"}
    assert len({k["staff_id"] for k in logged}) >= 2
    audited = {a["entity_id"] for a in rows(db, "SELECT * FROM audit WHERE entity = 'contact'")}
    assert audited == {k["id"] for k in rows(db, "SELECT id FROM contacts")}  # letters too
    assert ctx.clock() == TODAY and ctx.user_id is None  # the context left as it was
    for k in logged:
        at = parse(k["at"])
        assert TODAY - 15 * DAY < at < TODAY.replace(hour=9, minute=0)
        assert at.weekday() != 6 and 9 <= at.hour < 17  # no calls on Sundays
        assert k["owner_id"] == k["customer_id"]
        later = [
            o["created_at"]
            for o in rows(
                db, "SELECT created_at FROM repair_orders WHERE vehicle_id = ?", [k["vehicle_id"]]
            )
            if parse(o["created_at"]) > parse(k["at"])
        ]
        assert later == [], k  # called after its last visit, and not in since


def test_bookings_and_the_complaint_are_linked(demo):
    db, _ = demo
    booked = rows(
        db,
        """SELECT k.at, k.vehicle_id AS called, a.* FROM contacts k
             JOIN appointments a ON a.id = k.appointment_id WHERE k.outcome = 'booked'""",
    )
    assert len(booked) >= 3
    for a in booked:
        assert a["vehicle_id"] == a["called"] and a["state"] == "booked"
        assert a["requested_by"] == "dealer" and a["booked_at"] == a["at"]
        assert dt.date.fromisoformat(a["day"]) >= TODAY.date() + 2 * DAY
    [k] = rows(
        db,
        """SELECT c.customer_id AS caller, p.*, o.customer_id AS order_customer
             FROM contacts c JOIN complaints p ON p.id = c.complaint_id
             JOIN repair_orders o ON o.id = p.order_id WHERE c.outcome = 'complaint'""",
    )
    assert k["caller"] == k["customer_id"] == k["order_customer"]
    assert (k["channel"], k["state"]) == ("phone", "open")
    assert parse(k["reply_by"]) == TODAY.replace(hour=12, minute=0) + DAY


def test_what_the_call_list_makes_of_it_today(demo):
    db, _ = demo
    lines = call_list(db, TODAY.date(), TODAY)
    on_list = {line.vehicle_id: line for line in lines}
    by_outcome: dict[str, set[int]] = {}
    for k in rows(db, "SELECT * FROM contacts WHERE campaign_id IS NULL"):  # the calls
        by_outcome.setdefault(k["outcome"], set()).add(k["vehicle_id"])
    # held back: booked, sold, wrong number, not interested, the complaint waiting
    for outcome in ("booked", "sold_car", "wrong_number", "complaint"):
        assert not by_outcome[outcome] & set(on_list), outcome
    # not interested: not called for that purpose (a campaign may still bring the car up)
    for k in rows(db, "SELECT * FROM contacts WHERE outcome = 'not_interested'"):
        line = on_list.get(k["vehicle_id"])
        purposes = {rules.REASON_PURPOSE.get(c) for c in line.codes} if line else set()
        assert k["purpose"] not in purposes, k
    # call backs: this morning's and yesterday's (tried once since) due, the afternoon's not
    due = cs.call_backs_due(db, TODAY)
    assert sorted(r["unanswered"] for r in due) == [0, 1]
    backs = [line for line in lines if ns.CALL_BACK in line.codes]
    assert {line.vehicle_id for line in backs} == {r["vehicle_id"] for r in due}
    assert all(line.reasons[0].code == ns.CALL_BACK for line in backs)
    later = by_outcome["call_back"] - {r["vehicle_id"] for r in due}
    assert len(later) == 1 and not later & set(on_list)
    (afternoon,) = later
    assert afternoon in {line.vehicle_id for line in call_list(db, TODAY.date())}  # by 15:30
    # tries nobody answered: the cars stay, with their count
    tried = [line for line in lines if line.unanswered]
    assert max(line.unanswered for line in tried) == 3
    assert all(line.last_contact is not None for line in tried)
    # the wrong number waits to be mended
    [mend] = numbers_to_mend(db)
    assert mend["vehicle_id"] in by_outcome["wrong_number"]
