"""service_due.refresh as the call list's worker runs it, on a connection of its own while
the counter writes on another: a chunk of cars per short transaction, a chunk whose cars
changed meanwhile computed again (never a due saved from outdated inputs), and a database
kept busy for too long leaving the cache as it was, the list still read."""

from __future__ import annotations

import datetime as dt

import pytest

from service_desk.actions import archive, service_due
from service_desk.actions.call_list import call_list, todays_calls
from service_desk.actions.context import Ctx
from service_desk.store.db import connect
from tests.actions.test_call_list import ONE, REGULAR, TODAY, car
from tests.actions.test_service_due import cached_due, fresh_due, stale
from tests.conftest import NOW

D = dt.date


@pytest.fixture
def counter(db_path, ctx) -> Ctx:
    """The counter's own connection, beside the one the refresh runs on."""
    other = Ctx(connect(db_path), ctx.clock)
    other.user_id = ctx.user_id
    yield other
    other.db.conn.close()


def test_the_dues_are_computed_a_chunk_at_a_time(ctx, monkeypatch):
    cars = [car(ctx, n, ONE, D(2026, 11, n)) for n in range(1, 6)]
    chunks = []
    compute = service_due.compute

    def spy(db, ids, today):
        chunks.append(list(ids))
        return compute(db, ids, today)

    monkeypatch.setattr(service_due, "CHUNK", 2)
    monkeypatch.setattr(service_due, "compute", spy)
    service_due.refresh(ctx.db, TODAY)
    assert chunks == [cars[0:2], cars[2:4], cars[4:5]]
    assert stale(ctx) == set()
    assert not ctx.db.conn.in_transaction


def test_a_car_changed_while_its_chunk_computes_is_computed_again(ctx, counter, monkeypatch):
    vid = car(ctx, 1, REGULAR, D(2027, 3, 1), 20000)
    compute = service_due.compute
    computed = []

    def meanwhile(db, ids, today):
        rows = compute(db, ids, today)
        if not computed:  # the counter records a reading before this chunk is saved
            counter.clock = lambda: NOW
            archive.record_odometer(counter, vid, 19400, "manual")
        computed.append(rows)
        return rows

    monkeypatch.setattr(service_due, "PAUSE_S", 0.001)
    monkeypatch.setattr(service_due, "compute", meanwhile)
    service_due.refresh(ctx.db, TODAY)
    assert len(computed) == 2  # the first save was refused: its inputs had changed
    assert stale(ctx) == set()
    monkeypatch.setattr(service_due, "compute", compute)
    assert cached_due(ctx, vid, TODAY) == fresh_due(ctx, vid, TODAY)
    assert cached_due(ctx, vid, TODAY).predicted_km == 19400  # read today


def test_a_database_busy_for_too_long_keeps_the_cache_and_the_list_reads(ctx, counter, monkeypatch):
    car(ctx, 1, ONE, D(2026, 11, 20), 50000)
    service_due.refresh(ctx.db, TODAY)
    late = car(ctx, 2, ONE, D(2026, 11, 21), 50000)  # registered later: stale
    monkeypatch.setattr(service_due, "PAUSE_S", 0.001)
    counter.db.execute("BEGIN IMMEDIATE")  # the counter holds the write lock throughout
    try:
        service_due.refresh(ctx.db, TODAY)  # gives up quietly
        assert stale(ctx) == {late}
        assert not ctx.db.conn.in_transaction
        listed = todays_calls(ctx.db, NOW)  # reads the dues as they are
        assert [line.plate for line in listed.lines] == ["皖B00001"]  # no due yet for 2
    finally:
        counter.db.execute("ROLLBACK")
    assert [line.plate for line in call_list(ctx.db, TODAY, NOW)] == ["皖B00001", "皖B00002"]
    assert stale(ctx) == set()


def test_todays_calls_reads_the_list_and_the_numbers_to_mend_together(ctx):
    car(ctx, 2, ONE, D(2026, 11, 20), 50000)
    car(ctx, 3, ONE, TODAY + dt.timedelta(days=5))
    listed = todays_calls(ctx.db, NOW)  # the dues not refreshed yet: no line has one
    assert listed.lines == [] and listed.to_mend == []
    service_due.refresh(ctx.db, TODAY)
    listed = todays_calls(ctx.db, NOW)
    assert listed.now == NOW and listed.lines == call_list(ctx.db, TODAY, NOW)
    assert (listed.summary.lines, listed.summary.overdue, listed.summary.call_backs) == (2, 1, 0)
