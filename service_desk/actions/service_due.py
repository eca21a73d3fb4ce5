"""The next maintenance of one car as the counter predicts it (R2): its model's cycle, its
last maintenance, its own odometer history. Shared by the call list and the customer
groups so that "due within 30 days" means the same car on both.

Each car's prediction is kept in the table service_due (migration 021): ``refresh``
recomputes the cars the database marked stale (a reading, a maintenance order, the car's
schedule changed; a new car) and those whose due follows the calendar (no maintenance
and no stored due) once a day; ``cached`` rebuilds the same ``Due`` from a stored row.
On ten years of data the first refresh after the upgrade predicts every car once
(~10 s for 120,000 cars); later ones only the few that changed.

A refresh may run in a worker thread (the call list's) while the counter writes: it
works CHUNK cars at a time, each in a transaction of its own that reads the cars' inputs
and saves their dues from the same snapshot. The write lock is held only for the save;
a car the counter changed meanwhile makes the save fail (SQLite refuses a write from an
outdated snapshot) and the chunk is computed again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from service_desk import reference
from service_desk.domain import next_service as ns
from service_desk.domain.schedules import Cycle
from service_desk.store import call_list_queries as q
from service_desk.store.db import transaction
from service_desk.store.errors import StorageError, StorageProblem

# Bump when the prediction (domain/next_service.py, this module) changes what it gives:
# every cached due is recomputed.
RULES = "1"
CHUNK = 1000
# A chunk whose save meets the counter writing (or having written since its snapshot) is
# computed again, up to TRIES times, after a pause that grows; then the refresh stops and
# the lists read the dues computed last (the next refresh goes on).
TRIES = 5
PAUSE_S = 0.05


@functools.lru_cache(maxsize=4096)
def day(text: str | None) -> dt.date | None:
    """The date of an ISO text (None for none); thousands of dues share a few hundred
    days: one date object each."""
    return dt.date.fromisoformat(text) if text else None


def cycle_of(row: Mapping[str, Any]) -> Cycle:
    model = reference.cycle_for_model(row["model_code"])
    return Cycle(model.first_km, model.first_months, row["cycle_km"], row["cycle_months"])


def last_service(
    row: Mapping[str, Any], readings: Sequence[ns.Reading]
) -> tuple[dt.date, int] | None:
    """(day, km) of the car's last maintenance; km from the odometer on the order, else
    the last reading up to that day."""
    on = day(row["last_service_date"])
    if on is None:
        return None
    km = row["last_service_km"]
    if km is None:
        before = [r.km for r in readings if r.day <= on]
        if not before:
            return None
        km = before[-1]
    return on, int(km)


def predict(row: Mapping[str, Any], readings: Sequence[ns.Reading], today: dt.date) -> ns.Due:
    """``row`` has the car's model_code, cycle_km/months, purchase_date, next_due_date/km
    and last_service_date/km (store/call_list_queries.due_inputs)."""
    return ns.predict_due(
        cycle_of(row),
        list(readings),
        today,
        purchase_date=day(row["purchase_date"]),
        last_service=last_service(row, readings),
        stored_due=(day(row["next_due_date"]), row["next_due_km"]),
    )


def follows_today(row: Mapping[str, Any], readings: Sequence[ns.Reading]) -> bool:
    """The due runs from the purchase with today's predicted odometer: it moves with the
    calendar (no last maintenance and no due stored on the car)."""
    return last_service(row, readings) is None and (
        row["next_due_date"] is None and row["next_due_km"] is None
    )


def rules_version() -> str:
    """The rules and the model cycles the cached dues are computed with."""
    fields = ("first_km", "first_months", "interval_km", "interval_months")
    cycles = sorted(
        (m.code, *(getattr(reference.cycle_for_model(m.code), f) for f in fields))
        for m in reference.car_models()
    )
    digest = hashlib.sha256(json.dumps(cycles).encode()).hexdigest()[:16]
    return f"{RULES}:{digest}"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _row(row: Mapping[str, Any], readings: list[ns.Reading], today: dt.date) -> tuple:
    due = predict(row, readings, today)
    # the latest reading: of the last day, the one recorded last (as the prediction takes it)
    last = sorted(readings, key=lambda r: r.day)[-1] if readings else None
    return (
        _iso(due.due_date),
        due.due_km,
        _iso(due.km_date),
        _iso(due.day),
        due.rate.km_per_day,
        due.rate.basis,
        _iso(last.day) if last else None,
        last.km if last else None,
        1 if follows_today(row, readings) else 0,
        today.isoformat(),
        row["vehicle_id"],
    )


def compute(db: sqlite_utils.Database, ids: Sequence[int], today: dt.date) -> list[tuple]:
    """The dues of these cars as save_due stores them."""
    rows: list[tuple] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        readings = q.readings_of(db, chunk)
        for row in q.due_inputs(db, chunk):
            own = [
                ns.Reading(dt.date.fromisoformat(d), km)
                for d, km in readings.get(row["vehicle_id"], [])
            ]
            rows.append(_row(row, own, today))
    return rows


def refresh(db: sqlite_utils.Database, today: dt.date) -> None:
    """Recompute the cached dues that are stale on ``today``, a chunk of cars per short
    transaction. A database that cannot be written (read-only, full, busy for too long)
    keeps its cache as it is: the lists then read the dues computed last."""
    version = rules_version()
    try:
        if q.due_rules(db) != version:
            with transaction(db):
                q.start_due_rules(db, version)
        ids = q.stale_due(db, today.isoformat())
        for start in range(0, len(ids), CHUNK):
            _refresh_chunk(db, ids[start : start + CHUNK], today)
    except StorageError:
        pass


def _refresh_chunk(db: sqlite_utils.Database, ids: Sequence[int], today: dt.date) -> None:
    for attempt in range(1, TRIES + 1):
        try:
            with transaction(db, immediate=False):  # no lock held while it computes
                # still stale in this snapshot (another refresh may have done them)
                stale = q.stale_among(db, ids, today.isoformat())
                if stale:
                    q.save_due(db, compute(db, stale, today))
            return
        except StorageError as exc:
            if exc.problem is not StorageProblem.LOCKED or attempt == TRIES:
                raise
            time.sleep(PAUSE_S * attempt)


def cached(row: Mapping[str, Any], today: dt.date) -> ns.Due:
    """The due of a car from its service_due row (store/call_list_queries.DUE_COLUMNS), as
    ``predict`` gave it, with the odometer predicted for ``today``. A row never computed
    (the database could not be written) has no due."""
    if row["rate_basis"] is None:
        return ns.Due(None, None, None, None, None, ns.Rate(ns.DEFAULT_KM_PER_DAY, "default"))
    rate = ns.Rate(row["km_per_day"], sys.intern(row["rate_basis"]))  # one of three words
    predicted = None
    last = day(row["last_day"])
    if last is not None:
        predicted = row["last_km"] + round(rate.km_per_day * max(0, (today - last).days))
    return ns.Due(
        day(row["due_date"]),
        row["due_km"],
        day(row["km_date"]),
        day(row["due_day"]),
        predicted,
        rate,
    )
