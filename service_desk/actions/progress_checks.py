"""When a car in the workshop is due for its progress check (R12), read by the Today
board at start and by the workshop desk.

Apart from actions/workshop.py (which re-exports these) so that the Today board, built
at every start, does not import the workshop's steps and all they import (keys, orders,
the archive and its reference data): ~30 ms of the start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from service_desk.domain import workshop_time as wt
from service_desk.domain.clock import iso, parse
from service_desk.store import settings, workshop_queries
from service_desk.store.queries import Row


def open_hours(db: Any) -> wt.OpenHours:
    """The workshop's open hours: the default ones (there is no setting for them yet)
    in the dealer's time zone."""
    return wt.default_open_hours(tz=settings.get(db, "timezone"))


def check_due_at(handoff: Row, hours: wt.OpenHours) -> dt.datetime:
    """When the order's progress check falls due: 75 % of the planned working time from
    the hand-off, counted through open hours."""
    return wt.progress_check_due(
        hours, parse(handoff["handed_at"]), dt.timedelta(minutes=handoff["planned_minutes"])
    )


def progress_checks_due(db: Any, now: dt.datetime, hours: wt.OpenHours) -> list[Row]:
    """Orders in the workshop whose progress check is due at `now` and not yet recorded,
    longest due first. Each row carries due_at and raised_at (None until the desk has
    shown it: the desk raises only those, once, and lists the rest without nagging)."""
    due = []
    for r in workshop_queries.unchecked_in_workshop(db):
        at = check_due_at(r, hours)
        if at <= now:
            due.append({**r, "due_at": iso(at)})
    return sorted(due, key=lambda r: (parse(r["due_at"]), r["order_id"]))
