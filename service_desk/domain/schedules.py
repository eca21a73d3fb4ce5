"""Due dates: next maintenance by date or km, whichever comes first."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from service_desk.domain.validation import ODOMETER_MAX_KM


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
    today: dt.date | None = None,
    current_km: int | None = None,
) -> tuple[dt.date | None, int | None]:
    """The next maintenance due (date, km), whichever comes first.

    From the last service when there is one. Otherwise from the purchase: the latest
    scheduled service already reached by date or mileage (it is due now, or overdue),
    or the first service when none has been reached yet."""
    if last_service is not None:
        day, km = last_service
        return _capped(add_months(day, cycle.interval_months), km + cycle.interval_km)
    if purchase_date is None:
        return None, None

    def milestone(n: int) -> tuple[dt.date, int]:
        if n == 0:
            return add_months(purchase_date, cycle.first_months), cycle.first_km
        return (
            add_months(purchase_date, cycle.first_months + n * cycle.interval_months),
            cycle.first_km + n * cycle.interval_km,
        )

    def reached(n: int) -> bool:
        day, km = milestone(n)
        return (today is not None and day <= today) or (current_km is not None and km <= current_km)

    n = 0
    while n < 600 and reached(n + 1):
        n += 1
    return _capped(*milestone(n))


def _capped(day: dt.date, km: int) -> tuple[dt.date, int | None]:
    """A due distance past any odometer (2 000 000 km) is no due distance: the date rules."""
    return day, (km if km <= ODOMETER_MAX_KM else None)


def service_due(
    due_date: dt.date | None, due_km: int | None, today: dt.date, current_km: int | None
) -> bool:
    """Whether the next maintenance is due now (by date or by mileage)."""
    by_date = due_date is not None and due_date <= today
    by_km = due_km is not None and current_km is not None and due_km <= current_km
    return by_date or by_km
