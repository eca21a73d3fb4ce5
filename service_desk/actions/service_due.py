"""The next maintenance of one car as the counter predicts it (R2): its model's cycle, its
last maintenance, its own odometer history. Shared by the call list and the customer
groups so that "due within 30 days" means the same car on both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from service_desk import reference
from service_desk.domain import next_service as ns
from service_desk.domain.schedules import Cycle


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def cycle_of(row: Mapping[str, Any]) -> Cycle:
    model = reference.cycle_for_model(row["model_code"])
    return Cycle(model.first_km, model.first_months, row["cycle_km"], row["cycle_months"])


def last_service(
    row: Mapping[str, Any], readings: Sequence[ns.Reading]
) -> tuple[dt.date, int] | None:
    """(day, km) of the car's last maintenance; km from the odometer on the order, else
    the last reading up to that day."""
    day = _date(row["last_service_date"])
    if day is None:
        return None
    km = row["last_service_km"]
    if km is None:
        before = [r.km for r in readings if r.day <= day]
        if not before:
            return None
        km = before[-1]
    return day, int(km)


def predict(row: Mapping[str, Any], readings: Sequence[ns.Reading], today: dt.date) -> ns.Due:
    """``row`` has the car's model_code, cycle_km/months, purchase_date, next_due_date/km
    and last_service_date/km (store/call_list_queries.call_candidates, segment rows)."""
    return ns.predict_due(
        cycle_of(row),
        list(readings),
        today,
        purchase_date=_date(row["purchase_date"]),
        last_service=last_service(row, readings),
        stored_due=(_date(row["next_due_date"]), row["next_due_km"]),
    )
