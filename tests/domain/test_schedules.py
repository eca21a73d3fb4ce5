"""Next maintenance due: by date or km, whichever comes first."""

from __future__ import annotations

import datetime as dt

import pytest

from service_desk.domain.schedules import Cycle, next_service

PETROL = Cycle(first_km=5000, first_months=6, interval_km=10000, interval_months=12)
BOUGHT = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("today", "km", "expected"),
    [
        (None, None, (dt.date(2024, 11, 1), 5000)),  # nothing known: the first service
        (dt.date(2024, 6, 1), 800, (dt.date(2024, 11, 1), 5000)),  # a new car
        (dt.date(2024, 12, 1), 3000, (dt.date(2024, 11, 1), 5000)),  # first service overdue
        (dt.date(2025, 3, 1), 9000, (dt.date(2024, 11, 1), 5000)),  # never serviced: overdue
        (dt.date(2026, 11, 27), 23000, (dt.date(2026, 11, 1), 25000)),  # overdue by date
        (dt.date(2025, 5, 1), 40000, (dt.date(2027, 11, 1), 35000)),  # heavy driver: by km
        (dt.date(2030, 1, 1), None, (dt.date(2029, 11, 1), 55000)),  # km unknown: by date
    ],
)
def test_next_service_for_a_car_first_seen_here(today, km, expected):
    assert next_service(PETROL, BOUGHT, None, today=today, current_km=km) == expected


def test_next_service_after_a_service_here():
    assert next_service(PETROL, BOUGHT, (dt.date(2026, 1, 31), 21000)) == (
        dt.date(2027, 1, 31),
        31000,
    )


def test_no_purchase_date_no_history_no_due():
    assert next_service(PETROL, None, None, today=dt.date(2026, 1, 1), current_km=1) == (None, None)
