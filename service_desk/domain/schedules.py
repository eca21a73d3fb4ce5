"""Due dates: next maintenance by date or km, whichever comes first."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Cycle:
    first_km: int
    first_months: int
    interval_km: int
    interval_months: int


def next_service(
    cycle: Cycle,
    purchase_date: dt.date | None,
    last_service: tuple[dt.date, int] | None,
) -> tuple[dt.date | None, int | None]:
    """The next maintenance due (date, km) from the last service, else from the purchase."""
    if last_service is not None:
        day, km = last_service
        return add_months(day, cycle.interval_months), km + cycle.interval_km
    if purchase_date is not None:
        return add_months(purchase_date, cycle.first_months), cycle.first_km
    return None, None
