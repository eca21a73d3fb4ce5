"""Each car's due, cached in service_due (migration 021): the database marks a car stale
whenever something its prediction reads changes, the next reader recomputes it, and the
cached due is always the one a fresh prediction gives."""

from __future__ import annotations

import datetime as dt
import sqlite3

from service_desk.actions import archive, orders, service_due
from service_desk.actions.archive import VehicleInput
from service_desk.actions.call_list import call_list
from service_desk.domain import next_service as ns
from service_desk.domain.clock import fixed_clock
from service_desk.store import call_list_queries as q
from tests.actions.test_call_list import ONE, REGULAR, TODAY, at_day, car

D = dt.date


def stale(ctx) -> set[int]:
    return {r[0] for r in ctx.db.execute("SELECT vehicle_id FROM service_due WHERE stale = 1")}


def fresh_due(ctx, vehicle_id: int, today: dt.date) -> ns.Due:
    (row,) = q.due_inputs(ctx.db, [vehicle_id])
    readings = [
        ns.Reading(D.fromisoformat(d), km)
        for d, km in q.readings_of(ctx.db, [vehicle_id]).get(vehicle_id, [])
    ]
    return service_due.predict(row, readings, today)


def cached_due(ctx, vehicle_id: int, today: dt.date) -> ns.Due:
    service_due.refresh(ctx.db, today)
    cursor = ctx.db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    row = cursor.execute("SELECT * FROM service_due WHERE vehicle_id = ?", [vehicle_id]).fetchone()
    return service_due.cached(row, today)


def test_a_new_car_is_stale_until_read_then_fresh(ctx):
    vid = car(ctx, 1, REGULAR, D(2027, 3, 1), 20000)
    assert vid in stale(ctx)
    service_due.refresh(ctx.db, TODAY)
    assert stale(ctx) == set()
    assert cached_due(ctx, vid, TODAY) == fresh_due(ctx, vid, TODAY)


def test_what_the_prediction_reads_marks_the_car_stale(ctx, order_id):
    vid = car(ctx, 1, REGULAR, D(2027, 3, 1), 20000)
    other = car(ctx, 2, ONE, D(2026, 12, 20))
    service_due.refresh(ctx.db, TODAY)
    before = cached_due(ctx, vid, TODAY)
    # a reading: a new daily distance
    ctx.clock = fixed_clock(at_day(D(2026, 11, 20)))
    archive.record_odometer(ctx, vid, 19400, "manual")
    assert stale(ctx) == {vid}
    after = cached_due(ctx, vid, TODAY)
    assert after != before and after == fresh_due(ctx, vid, TODAY)
    # the car's schedule edited in the archive
    archive.update_vehicle(
        ctx,
        other,
        VehicleInput(
            plate="皖B00002",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            next_due_date=D(2027, 2, 1),
        ),
    )
    assert other in stale(ctx)
    assert cached_due(ctx, other, TODAY).due_date == D(2027, 2, 1)
    # a maintenance order finished (the order of the fixture is one, for car 1)
    service_due.refresh(ctx.db, TODAY)
    ctx.db.execute("UPDATE repair_orders SET state = 'done' WHERE id = ?", [order_id])
    assert stale(ctx) == {1}
    # an order of another kind changes nothing
    ctx.clock = fixed_clock(at_day(TODAY))
    service_due.refresh(ctx.db, TODAY)
    oid = orders.open_order(ctx, vid, "雨刮不干净")
    orders.decline(ctx, oid, fee_fen=0)
    assert stale(ctx) == set()


def test_a_due_that_follows_the_calendar_is_recomputed_each_day(ctx):
    # no maintenance and no due stored: the schedule runs from the purchase
    ctx.clock = fixed_clock(at_day(D(2026, 1, 5)))
    _, vid = archive.register_walk_in(
        ctx,
        archive.CustomerInput(name="客户9", phone="13855329999"),
        VehicleInput(
            plate="皖B09999",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=D(2025, 12, 1),
            odometer_km=500,
        ),
    )
    ctx.db.execute(
        "UPDATE vehicles SET next_due_date = NULL, next_due_km = NULL WHERE id = ?", [vid]
    )
    for day in (TODAY, TODAY + dt.timedelta(days=200), TODAY + dt.timedelta(days=420)):
        assert cached_due(ctx, vid, day) == fresh_due(ctx, vid, day)
    flag = ctx.db.execute("SELECT follows_today FROM service_due WHERE vehicle_id = ?", [vid])
    assert flag.fetchone()[0] == 1


def test_new_rules_recompute_every_car(ctx, monkeypatch):
    vid = car(ctx, 1, REGULAR, D(2027, 3, 1), 20000)
    service_due.refresh(ctx.db, TODAY)
    monkeypatch.setattr(service_due, "RULES", "test")
    assert q.due_rules(ctx.db) != service_due.rules_version()
    ctx.db.execute("UPDATE service_due SET due_day = '1999-01-01' WHERE vehicle_id = ?", [vid])
    assert cached_due(ctx, vid, TODAY) == fresh_due(ctx, vid, TODAY)
    assert q.due_rules(ctx.db) == service_due.rules_version()


def test_a_read_only_database_keeps_its_cache(ctx, monkeypatch):
    vid = car(ctx, 1, REGULAR, D(2027, 3, 1), 20000)
    service_due.refresh(ctx.db, TODAY)
    lines = call_list(ctx.db, TODAY)

    def refused(*_a, **_k):
        from service_desk.store.errors import StorageError, StorageProblem

        raise StorageError(StorageProblem.READ_ONLY, "test")

    monkeypatch.setattr(q, "stale_due", refused)
    assert call_list(ctx.db, TODAY) == lines
    assert [line.vehicle_id for line in lines] == [vid]
