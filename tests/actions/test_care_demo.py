"""The demo's customer care desk and appointments (demo/care.py): follow-ups done, due and
overdue, enquiries, complaints in every state, appointments in every state, deposits.

Until ``fill_care`` is called from ``fill_demo`` the fixture calls it itself after the
demo fill; once it is, the fixture only reads what ``fill_demo`` made."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.actions import appointments as appts
from service_desk.actions import care
from service_desk.actions.context import Ctx
from service_desk.domain import appointments as appt_rules
from service_desk.domain.clock import fixed_clock, parse
from tests.conftest import open_demo_copy

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    """The demo dealership (with the care desk), shared by the tests of this module."""
    db = open_demo_copy(demo_file, tmp_path_factory)
    yield db, Ctx(db, fixed_clock(TODAY))
    db.close()


def rows(db, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, list(params)))


def value(db, sql: str, params=()):
    return db.execute(sql, list(params)).fetchone()[0]


def test_counts_and_the_context_left_as_it_was(demo):
    db, ctx = demo
    assert value(db, "SELECT count(*) FROM follow_ups") >= 15
    assert value(db, "SELECT count(*) FROM enquiries") == 3
    assert value(db, "SELECT count(*) FROM appointment_deposits") == 3
    assert ctx.clock() == TODAY and ctx.user_id is None
    # nothing dated after "today"; orders still open during working hours
    assert max(parse(a) for (a,) in db.execute("SELECT at FROM audit")) <= TODAY
    for (created,) in db.execute("SELECT created_at FROM repair_orders"):
        assert 8 <= dt.datetime.fromisoformat(created).hour < 18


def test_follow_ups_reached_not_reached_due_and_overdue(demo):
    db, _ = demo
    done = rows(
        db,
        """SELECT f.*, r.released_at, s.role FROM follow_ups f
             JOIN releases r ON r.order_id = f.order_id JOIN staff s ON s.id = f.staff_id""",
    )
    outcomes = [f["outcome"] for f in done]
    assert outcomes.count("reached") >= 10
    assert outcomes.count("not_reached") >= 2 and outcomes.count("declined") == 1
    assert {f["role"] for f in done} == {"advisor"}
    for f in done:
        assert f["released_at"] < f["done_at"] and parse(f["done_at"]) <= TODAY
        assert f["due_from"] <= f["done_at"][:10]
        if f["outcome"] == "reached":
            assert f["car_runs"] and f["service_opinion"] and f["satisfaction"]
    scores = [f["satisfaction"] for f in done if f["outcome"] == "reached"]
    assert sum(s >= 4 for s in scores) >= 0.7 * len(scores)
    unhappy = [f for f in done if f["outcome"] == "reached" and f["satisfaction"] <= 2]
    assert len(unhappy) == 1 and unhappy[0]["complaint_id"]
    k = care.complaint(db, unhappy[0]["complaint_id"])
    assert k["channel"] == "follow_up" and k["state"] == "answered"
    assert k["answered_at"] <= k["reply_by"]
    # the list "today": some due (one tried once already), two overdue
    listed = care.follow_ups_due(db, TODAY)
    statuses = [r["status"] for r in listed]
    assert statuses.count("overdue") == 2 and statuses.count("due") >= 2
    assert any(r["attempts"] >= 1 for r in listed if r["status"] == "due")


def test_enquiries_and_complaints_in_every_state(demo):
    db, _ = demo
    enquiries = care.recent_enquiries(db)
    assert len(enquiries) >= 2
    assert all(e["workplace"] and e["contact"] and e["answer"] for e in enquiries)
    complaints = rows(db, "SELECT * FROM complaints ORDER BY id")
    states = sorted(k["state"] for k in complaints)
    # one more open: the complaint made on a call of the contact log (demo/contacts.py)
    assert states == ["answered", "answered", "escalated", "open", "open", "resolved"]
    by_state = {k["state"]: k for k in complaints}
    escalated = by_state["escalated"]
    assert parse(escalated["reply_by"]) < parse(escalated["escalated_at"]) <= TODAY
    assert value(db, "SELECT role FROM staff WHERE id = ?", [escalated["escalated_to"]]) == (
        "supervisor"
    )
    assert parse(by_state["open"]["reply_by"]) > TODAY  # still within its reply-by time
    resolved = by_state["resolved"]
    assert resolved["customer_accepted"] == 1 and resolved["resolution"]
    assert resolved["answered_at"] <= resolved["reply_by"]
    at_once = [k for k in complaints if k["state"] == "answered" and k["reply_by"] is None]
    assert len(at_once) == 1 and at_once[0]["answered_at"] == at_once[0]["received_at"]
    assert all(
        value(db, "SELECT customer_id FROM repair_orders WHERE id = ?", [k["order_id"]])
        == k["customer_id"]
        for k in complaints
    )
    # nothing else was overdue: the desk's next refresh escalates nothing
    assert care.escalate_overdue(Ctx(db, fixed_clock(TODAY))) == []
    assert next(k["state"] for k in care.open_complaints(db, TODAY)) == "escalated"


def test_appointments_in_every_state_with_deposits(demo):
    db, _ = demo
    booked = rows(db, "SELECT * FROM appointments ORDER BY slot_start")
    assert {a["state"] for a in booked} == set(appt_rules.STATES)
    assert {a["requested_by"] for a in booked} == {"customer", "dealer"}
    today = TODAY.date()
    days = {dt.date.fromisoformat(a["day"]) for a in booked}
    assert {today, today + dt.timedelta(days=1), today + dt.timedelta(days=2)} <= days
    for a in booked:
        assert parse(a["booked_at"]) <= parse(a["slot_start"])
        assert parse(a["booked_at"]) <= TODAY
        slots = appt_rules.day_slots(dt.date.fromisoformat(a["day"]), appts.slot_minutes(db))
        assert (parse(a["slot_start"]), parse(a["slot_end"])) in slots
    for day in days:
        assert appts.places_left(db, day) >= 0
        taken = [a for a in booked if a["day"] == day.isoformat()]
        assert len({a["vehicle_id"] for a in taken}) == len(taken)
    by_state: dict[str, list[dict]] = {}
    for a in booked:
        by_state.setdefault(a["state"], []).append(a)
    (missed,) = by_state["missed"]
    assert parse(missed["slot_end"]) < parse(missed["ended_at"]) < TODAY
    (cancelled,) = by_state["cancelled"]
    assert cancelled["cancel_reason"]
    assert by_state["reminded"][0]["day"] == today.isoformat()
    (arrived,) = by_state["arrived"]
    order = rows(db, "SELECT * FROM repair_orders WHERE id = ?", [arrived["order_id"]])[0]
    assert order["vehicle_id"] == arrived["vehicle_id"] and order["created_at"][:10] == (
        today.isoformat()
    )
    assert value(db, "SELECT count(*) FROM order_lines WHERE order_id = ?", [order["id"]]) >= 1
    # the workshop sees today's and tomorrow's cars; some reminders still to make
    assert len(appts.bay_list(db, today)) >= 5
    assert appts.reminders_due(Ctx(db, fixed_clock(TODAY)))
    # deposits: parts to order, half their price asked, all or part taken
    deposits = {a["id"]: appts._paid(db, a["id"]) for a in booked if a["parts_to_order"]}
    assert len(deposits) >= 3
    required = {a["id"]: a["deposit_required_fen"] for a in booked}
    assert all(required[i] > 0 for i in deposits)
    assert any(paid == required[i] for i, paid in deposits.items())
    assert any(0 < paid < required[i] for i, paid in deposits.items())
    methods = {r["method"] for r in rows(db, "SELECT method FROM appointment_deposits")}
    assert len(methods) >= 2
