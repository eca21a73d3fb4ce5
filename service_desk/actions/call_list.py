"""The daily call list (R2): who to phone today and why.

One line per vehicle whose maintenance is overdue or due within 30 days, or whose owner
declined work in the last year; each with its reasons and the figures behind them. Cars in
the shop (an open order) or already booked (an open appointment) are left out: they are
handled already. Read-only: nothing is written and nothing audited; the contact log (R3)
will record the calls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from service_desk import reference
from service_desk.domain import next_service as ns
from service_desk.domain.schedules import Cycle
from service_desk.store import call_list_queries as q

# Declined work older than this is no longer a reason to call.
DECLINED_WITHIN_DAYS = 365


@dataclass(frozen=True)
class CallLine:
    vehicle_id: int
    plate: str
    model_code: str
    customer_id: int
    customer_name: str
    phone: str
    phone2: str | None
    preferred_contact: str
    last_visit: dt.date | None
    due: ns.Due
    reasons: tuple[ns.Reason, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    @property
    def rank(self) -> int:
        return ns.rank(self.reasons)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _cycle(row: dict) -> Cycle:
    model = reference.cycle_for_model(row["model_code"])
    return Cycle(model.first_km, model.first_months, row["cycle_km"], row["cycle_months"])


def _last_service(row: dict, readings: list[ns.Reading]) -> tuple[dt.date, int] | None:
    day = _date(row["last_service_date"])
    if day is None:
        return None
    km = row["last_service_km"]
    if km is None:  # no odometer on the order: the last reading up to that day
        before = [r.km for r in readings if r.day <= day]
        if not before:
            return None
        km = before[-1]
    return day, int(km)


def call_list(db: sqlite_utils.Database, today: dt.date) -> list[CallLine]:
    """Today's calls, most urgent first (overdue, due within 7 days, within 30 days, then
    declined work alone), earliest due day first within a band, then by plate."""
    readings = q.readings_by_vehicle(db)
    since = (today - dt.timedelta(days=DECLINED_WITHIN_DAYS)).isoformat()
    declined = q.declined_by_vehicle(db, since)
    lines: list[CallLine] = []
    for row in q.call_candidates(db):
        vid = row["vehicle_id"]
        own = [ns.Reading(dt.date.fromisoformat(d), km) for d, km in readings.get(vid, [])]
        due = ns.predict_due(
            _cycle(row),
            own,
            today,
            purchase_date=_date(row["purchase_date"]),
            last_service=_last_service(row, own),
            stored_due=(_date(row["next_due_date"]), row["next_due_km"]),
        )
        items = [
            ns.Declined(
                d["source"],
                d["description"],
                int(d["amount_fen"]),
                dt.date.fromisoformat(d["day"]),
                d["order_number"],
            )
            for d in declined.get(vid, [])
        ]
        found = ns.reasons(due, items, today)
        if not found:
            continue
        lines.append(
            CallLine(
                vehicle_id=vid,
                plate=row["plate"],
                model_code=row["model_code"],
                customer_id=row["customer_id"],
                customer_name=row["customer_name"],
                phone=row["phone"],
                phone2=row["phone2"],
                preferred_contact=row["preferred_contact"],
                last_visit=_date(row["last_visit"]),
                due=due,
                reasons=tuple(found),
            )
        )
    lines.sort(key=lambda line: (line.rank, line.due.day or dt.date.max, line.plate))
    return lines
