"""Appointments at the counter (R17): booking with a deposit, refusals, reminders,
cancel and missed, arrival as a repair order with its lines, the deposit credited at the
checkout, the workshop's bay list and the appointment statistics."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.actions import appointments as ap
from service_desk.actions import orders
from service_desk.actions import settlement as sa
from service_desk.actions.context import ActionError
from service_desk.domain.clock import fixed_clock
from service_desk.domain.validation import ValidationError
from service_desk.store import appointment_queries as aq
from service_desk.store import queries, settings
from service_desk.store.errors import StorageError
from tests.actions.test_archive_orders import walk_in
from tests.actions.test_workshop import bring_to_ready
from tests.conftest import NOW

TOMORROW_9 = NOW.replace(hour=9, minute=0) + dt.timedelta(days=1)


@pytest.fixture
def vehicle(ctx) -> int:
    return walk_in(ctx)[1]


def booking(vehicle_id: int, **kw) -> ap.Booking:
    values = {
        "vehicle_id": vehicle_id,
        "start": TOMORROW_9,
        "items": "更换前刹车片，顺便保养",
        "jobs": ("service_10000", "front_brake_pads"),
        "parts_estimate_fen": 53_801,
        "parts_to_order": True,
    }
    return ap.Booking(**{**values, **kw})


def audit_actions(ctx, entity: str) -> list[str]:
    return [
        r[0]
        for r in ctx.db.execute(
            "SELECT action FROM audit WHERE entity = ? ORDER BY id", [entity]
        ).fetchall()
    ]


def test_book_with_the_least_deposit_then_take_it(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle))
    a = aq.appointment(ctx.db, aid)
    assert a["state"] == "booked"
    assert a["slot_start"] == "2026-11-28T09:00:00+08:00"
    assert a["slot_end"] == "2026-11-28T09:30:00+08:00"  # one slot of the setting
    assert a["day"] == "2026-11-28"
    assert a["deposit_required_fen"] == 26_901  # half of 538.01 rounded up to the fen
    assert a["plate"] == "皖B12345" and a["customer_name"] == "张三"
    ap.record_deposit(ctx, aid, "wechat", 20_000, "WX123")
    with pytest.raises(ActionError) as exc:
        ap.record_deposit(ctx, aid, "cash", 10_000)
    assert exc.value.code == "deposit.amount" and exc.value.params == {"open_fen": 6_901}
    ap.record_deposit(ctx, aid, "cash", 6_901)
    with pytest.raises(ActionError, match=r"deposit.nothing_open"):
        ap.record_deposit(ctx, aid, "cash", 1)
    row = ap.day_list(ctx.db, TOMORROW_9.date())[0]
    assert (row["deposit_paid_fen"], row["deposit_open_fen"]) == (26_901, 0)
    assert audit_actions(ctx, "appointment") == ["book"]
    assert audit_actions(ctx, "appointment_deposit") == ["add", "add"]


def test_parts_of_jobs_is_the_estimates_default():
    parts = [d for d in orders.standard_job_lines("service_10000") if d.kind == "part"]
    assert ap.parts_of_jobs(["service_10000"]) == sum(d.amount_fen for d in parts) > 11_800
    assert ap.parts_of_jobs([]) == 0


def test_booking_refusals(ctx, vehicle):
    with pytest.raises(ActionError, match=r"appointment.past"):
        ap.book(ctx, booking(vehicle, start=NOW - dt.timedelta(minutes=30)))
    with pytest.raises(ActionError, match=r"appointment.slot_order"):
        ap.book(ctx, booking(vehicle, end=TOMORROW_9))
    with pytest.raises(ActionError) as exc:
        ap.book(ctx, booking(vehicle, deposit_required_fen=26_900))
    assert exc.value.code == "deposit.too_low" and exc.value.field == "deposit"
    assert exc.value.params == {"least_fen": 26_901}
    with pytest.raises(ActionError, match=r"appointment.requested_by"):
        ap.book(ctx, booking(vehicle, requested_by="neighbour"))
    with pytest.raises(ActionError, match=r"appointment.job_unknown"):
        ap.book(ctx, booking(vehicle, jobs=("no_such_job",)))
    with pytest.raises(ValidationError) as problems:
        ap.book(ctx, booking(vehicle, items=" ", jobs=()))
    assert [p.field for p in problems.value.problems] == ["items"]
    ap.book(ctx, booking(vehicle))
    with pytest.raises(ActionError, match=r"appointment.duplicate"):
        ap.book(ctx, booking(vehicle, start=TOMORROW_9 + dt.timedelta(hours=5)))
    ctx.user_id = None
    with pytest.raises(ActionError, match=r"user.required"):
        ap.book(ctx, booking(vehicle))


def test_a_full_day_is_refused_and_a_cancellation_frees_a_place(ctx):
    settings.put(ctx.db, "appointment_capacity_per_day", 2)
    v1, v2, v3 = (
        walk_in(ctx, plate=p, phone=f"1381234567{i}")[1]
        for i, p in enumerate(("皖B11111", "皖B22222", "皖B33333"))
    )
    first = ap.book(ctx, booking(v1, parts_to_order=False))
    ap.book(ctx, booking(v2, parts_to_order=False, start=TOMORROW_9 + dt.timedelta(hours=1)))
    assert ap.places_left(ctx.db, TOMORROW_9.date()) == 0
    with pytest.raises(ActionError) as exc:
        ap.book(ctx, booking(v3, parts_to_order=False))
    assert exc.value.code == "appointment.day_full" and exc.value.params == {"capacity": 2}
    # another day has room
    ap.book(ctx, booking(v3, parts_to_order=False, start=TOMORROW_9 + dt.timedelta(days=1)))
    with pytest.raises(ActionError, match=r"appointment.reason"):
        ap.cancel(ctx, first, "  ")
    ap.cancel(ctx, first, "客户临时出差")
    assert ap.places_left(ctx.db, TOMORROW_9.date()) == 1
    ap.book(ctx, booking(v3, parts_to_order=False))
    with pytest.raises(ActionError, match=r"appointment.closed"):
        ap.mark_reminded(ctx, first)


def test_reminders_due_half_a_day_to_a_day_before(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle))  # tomorrow 09:00; now 09:30: 23.5 h before
    assert [r["id"] for r in ap.reminders_due(ctx)] == [aid]
    assert ap.reminders_due(ctx)[0]["reminder"] == "due"
    ctx.clock = fixed_clock(TOMORROW_9 - dt.timedelta(hours=11))
    assert ap.reminders_due(ctx)[0]["reminder"] == "late"
    ap.mark_reminded(ctx, aid)
    assert ap.reminders_due(ctx) == []
    with pytest.raises(ActionError, match=r"appointment.already_reminded"):
        ap.mark_reminded(ctx, aid)
    a = aq.appointment(ctx.db, aid)
    assert a["state"] == "reminded" and a["reminded_by"] == ctx.user_id


def test_missed_only_after_the_slot(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle))
    with pytest.raises(ActionError, match=r"appointment.not_over"):
        ap.mark_missed(ctx, aid)
    ctx.clock = fixed_clock(TOMORROW_9 + dt.timedelta(minutes=31))
    assert ap.mark_all_missed(ctx) == [aid]
    assert aq.appointment(ctx.db, aid)["state"] == "missed"
    with pytest.raises(ActionError, match=r"appointment.closed"):
        ap.arrive(ctx, aid)


def test_arrival_opens_the_order_with_its_lines(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle))
    ctx.clock = fixed_clock(TOMORROW_9 - dt.timedelta(minutes=5))
    order_id = ap.arrive(ctx, aid)
    order = queries.order(ctx.db, order_id)
    assert order["state"] == "estimate" and order["vehicle_id"] == vehicle
    assert order["request"].startswith("更换前刹车片，顺便保养")
    assert order["advisor_id"] == ctx.user_id
    lines = queries.order_lines(ctx.db, order_id)
    expected = orders.standard_job_lines("service_10000") + orders.standard_job_lines(
        "front_brake_pads"
    )
    assert [x["description"] for x in lines] == [d.description for d in expected]
    a = aq.appointment(ctx.db, aid)
    assert (a["state"], a["order_id"], a["order_number"]) == ("arrived", order_id, order["number"])
    assert aq.of_order(ctx.db, order_id)["id"] == aid
    assert audit_actions(ctx, "appointment") == ["book", "arrive"]
    with pytest.raises(ActionError, match=r"appointment.closed"):
        ap.cancel(ctx, aid, "改期")


def test_arrival_without_jobs_opens_an_order_at_reception(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle, jobs=(), parts_to_order=False, parts_estimate_fen=0))
    order_id = ap.arrive(ctx, aid)
    assert queries.order(ctx.db, order_id)["state"] == "reception"
    assert queries.order_lines(ctx.db, order_id) == []


def test_the_deposit_is_credited_at_the_checkout(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle, jobs=("service_10000",), parts_estimate_fen=11_800))
    ap.record_deposit(ctx, aid, "wechat", 5_900, "WX9")
    order_id = ap.arrive(ctx, aid)
    with pytest.raises(ActionError, match=r"settle.state"):  # not yet at the checkout
        ap.credit_deposits(ctx, order_id)
    orders.save_reception(
        ctx,
        order_id,
        request="常规保养",
        other_requests="",
        diagnosis="",
        technician="吴海涛",
        odometer_in=23100,
        promised_at=NOW + dt.timedelta(hours=3),
    )
    orders.sign(ctx, order_id)
    bring_to_ready(ctx, order_id, 0, "wechat")
    due = sa.statement(ctx.db, order_id)["balance_fen"]
    [payment_id] = ap.credit_deposits(ctx, order_id)
    s = sa.statement(ctx.db, order_id)
    assert s["balance_fen"] == due - 5_900
    paid = next(p for p in s["payments"] if p["id"] == payment_id)
    assert paid["method"] == "wechat" and paid["reference"].startswith("预约定金 #")
    assert ap.credit_deposits(ctx, order_id) == []  # once
    assert aq.appointment(ctx.db, aid)["deposit_credited_fen"] == 5_900


def test_bay_list_and_statistics(ctx):
    vs = [walk_in(ctx, plate=f"皖B5555{i}", phone=f"1385555000{i}")[1] for i in range(5)]
    today_late = NOW.replace(hour=14, minute=0)
    a0 = ap.book(ctx, booking(vs[0], start=today_late, parts_to_order=False))
    a1 = ap.book(ctx, booking(vs[1], start=today_late + dt.timedelta(hours=1)))
    a2 = ap.book(ctx, booking(vs[2], parts_to_order=False))
    a3 = ap.book(
        ctx, booking(vs[3], parts_to_order=False, start=TOMORROW_9 + dt.timedelta(hours=1))
    )
    ap.book(ctx, booking(vs[4], start=TOMORROW_9 + dt.timedelta(days=2)))
    ap.cancel(ctx, a3, "客户改约")
    assert [r["id"] for r in ap.bay_list(ctx.db, NOW.date())] == [a0, a1, a2]
    ctx.clock = fixed_clock(today_late + dt.timedelta(minutes=10))
    ap.arrive(ctx, a0)
    ctx.clock = fixed_clock(today_late + dt.timedelta(hours=2))
    ap.mark_missed(ctx, a1)
    days, total = ap.statistics(ctx.db, NOW.date(), NOW.date() + dt.timedelta(days=6))
    by_day = {d.day.isoformat(): (d.made, d.kept, d.missed, d.cancelled, d.open) for d in days}
    assert by_day == {
        "2026-11-27": (2, 1, 1, 0, 0),
        "2026-11-28": (2, 0, 0, 1, 1),
        "2026-11-30": (1, 0, 0, 0, 1),
    }
    assert (total.made, total.kept, total.missed, total.cancelled) == (5, 1, 1, 1)


def test_the_database_keeps_what_was_booked(ctx, vehicle):
    aid = ap.book(ctx, booking(vehicle))
    ap.record_deposit(ctx, aid, "cash", 100)
    for sql in (
        "UPDATE appointments SET slot_start = '2026-11-29T09:00:00+08:00' WHERE id = ?",
        "UPDATE appointments SET state = 'booked' WHERE id = ?",
        "DELETE FROM appointments WHERE id = ?",
        "UPDATE appointment_deposits SET amount_fen = 1 WHERE appointment_id = ?",
        "DELETE FROM appointment_deposits WHERE appointment_id = ?",
    ):
        with pytest.raises((sqlite3.DatabaseError, StorageError)):
            ctx.db.execute(sql, [aid])
    with pytest.raises(sqlite3.IntegrityError):  # the deposit rule, again by the database
        ctx.db.execute(
            "INSERT INTO appointments (customer_id, vehicle_id, requested_by, slot_start, "
            "slot_end, day, items, parts_to_order, parts_estimate_fen, deposit_required_fen, "
            "booked_by, booked_at) VALUES (1, ?, 'customer', '2026-11-29T09:00:00+08:00', "
            "'2026-11-29T09:30:00+08:00', '2026-11-29', 'x', 1, 1001, 500, 1, 'now')",
            [vehicle],
        )
