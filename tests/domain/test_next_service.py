"""Next service (R2): the daily distance from the car's own readings, the predicted due day,
urgency bands and the reasons to call."""

from __future__ import annotations

import datetime as dt

import pytest

from service_desk.domain import next_service as ns
from service_desk.domain.next_service import Reading
from service_desk.domain.schedules import Cycle

TODAY = dt.date(2026, 11, 27)
PETROL = Cycle(first_km=5000, first_months=6, interval_km=10000, interval_months=12)
D = dt.date


def test_regular_readings_predict_the_km_day():
    # every 90 days, 30 km a day
    readings = [
        Reading(D(2026, 1, 1), 10000),
        Reading(D(2026, 4, 1), 12700),
        Reading(D(2026, 6, 30), 15400),
        Reading(D(2026, 9, 28), 18100),
    ]
    rate = ns.km_per_day(readings)
    assert rate.km_per_day == pytest.approx(30.0)
    assert rate.basis == "window"
    due = ns.predict_due(PETROL, readings, TODAY, last_service=(D(2026, 1, 1), 10000))
    assert (due.due_date, due.due_km) == (D(2027, 1, 1), 20000)
    # 1900 km to go at 30 a day: 64 days after 28 September
    assert due.km_date == D(2026, 12, 1)
    assert due.day == D(2026, 12, 1)  # the km comes before the date
    assert due.predicted_km == 18100 + 60 * 30
    assert due.band(TODAY) == ns.DUE_7


def test_irregular_readings_use_the_last_twelve_months():
    last = D(2026, 11, 1)

    def at(day: dt.date) -> Reading:  # 20 km a day over the last year
        return Reading(day, 30000 + 20 * (day - last).days)

    readings = [
        Reading(D(2024, 6, 1), 1000),  # years ago, driven much more then: outside the window
        at(D(2025, 12, 1)),
        at(D(2026, 1, 15)),
        at(D(2026, 7, 20)),
        at(last),
    ]
    rate = ns.km_per_day(readings)
    assert rate.km_per_day == pytest.approx(20.0)
    assert rate.basis == "window"
    short = Cycle(5000, 6, 5000, 12)
    due = ns.predict_due(short, readings, TODAY, last_service=(D(2026, 5, 1), 26320))
    assert (due.due_date, due.due_km) == (D(2027, 5, 1), 31320)
    assert due.km_date == last + dt.timedelta(days=66)  # 1320 km at 20 a day
    assert due.day == D(2027, 1, 6)
    assert due.band(TODAY) == ns.LATER


def test_irregular_noisy_readings_least_squares():
    readings = [
        Reading(D(2026, 1, 10), 5000),
        Reading(D(2026, 2, 1), 5900),
        Reading(D(2026, 8, 3), 12000),
        Reading(D(2026, 10, 30), 15500),
    ]
    rate = ns.km_per_day(readings)
    assert 30 < rate.km_per_day < 40
    assert rate.basis == "window"


def test_a_single_reading_falls_back_to_the_default_distance_and_the_calendar():
    readings = [Reading(D(2026, 11, 1), 8000)]
    rate = ns.km_per_day(readings)
    assert rate == ns.Rate(ns.DEFAULT_KM_PER_DAY, "default")
    due = ns.predict_due(PETROL, readings, TODAY, purchase_date=D(2026, 5, 1))
    # first service at 6 months / 5000 km; the car passed 5000 km already
    assert (due.due_date, due.due_km) == (D(2026, 11, 1), 5000)
    assert due.km_date == D(2026, 11, 1) - dt.timedelta(days=75)  # -3000 km at 40 a day
    assert due.day == D(2026, 8, 18)
    assert due.predicted_km == 8000 + 26 * 40
    assert due.band(TODAY) == ns.OVERDUE


def test_no_reading_uses_the_date_alone():
    due = ns.predict_due(PETROL, [], TODAY, stored_due=(D(2026, 12, 20), None))
    assert (due.day, due.km_date, due.predicted_km) == (D(2026, 12, 20), None, None)
    assert due.band(TODAY) == ns.DUE_30


def test_the_stored_due_counts_until_a_service_is_recorded():
    readings = [Reading(D(2026, 11, 1), 8000)]
    due = ns.predict_due(PETROL, readings, TODAY, stored_due=(D(2027, 3, 1), 9000))
    assert (due.due_date, due.due_km) == (D(2027, 3, 1), 9000)
    assert due.km_date == D(2026, 11, 26)  # 1000 km at 40 a day
    assert due.band(TODAY) == ns.OVERDUE


def test_readings_too_close_or_going_down_use_the_default():
    close = [Reading(D(2026, 11, 1), 8000), Reading(D(2026, 11, 11), 9000)]
    assert ns.km_per_day(close).basis == "default"
    down = [Reading(D(2026, 1, 1), 80000), Reading(D(2026, 6, 1), 500)]  # odometer replaced
    assert ns.km_per_day(down).basis == "default"


def test_old_history_is_used_when_the_last_year_is_too_short():
    readings = [Reading(D(2024, 11, 1), 10000), Reading(D(2026, 11, 1), 24600)]
    rate = ns.km_per_day(readings)
    assert rate.basis == "history"
    assert rate.km_per_day == pytest.approx(14600 / 730)


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (-1, ns.OVERDUE),
        (0, ns.DUE_7),
        (7, ns.DUE_7),
        (8, ns.DUE_30),
        (30, ns.DUE_30),
        (31, ns.LATER),
    ],
)
def test_band_edges(days, band):
    assert ns.band(TODAY + dt.timedelta(days=days), TODAY) == band


def test_reasons_and_rank():
    due = ns.predict_due(PETROL, [], TODAY, stored_due=(D(2027, 6, 1), None))
    assert ns.reasons(due, [], TODAY) == []  # later, nothing declined: no call
    item = ns.Declined("extra_work", "更换发动机皮带", 30000, D(2026, 10, 2), "WH202610020001")
    found = ns.reasons(due, [item], TODAY)
    assert [r.code for r in found] == [ns.DECLINED]
    assert found[0].figures["amount_fen"] == 30000
    assert ns.rank(found) == ns.RANK[ns.DECLINED]
    overdue = ns.predict_due(PETROL, [], TODAY, stored_due=(D(2026, 11, 1), None))
    both = ns.reasons(overdue, [item], TODAY)
    assert [r.code for r in both] == [ns.OVERDUE, ns.DECLINED]
    assert both[0].figures["due_day"] == D(2026, 11, 1)
    assert ns.rank(both) == 0


def test_of_two_readings_on_the_last_day_the_later_recorded_counts():
    readings = [Reading(D(2026, 11, 27), 41230), Reading(D(2026, 11, 27), 41500)]
    rate = ns.km_per_day(readings)
    assert ns.predict_km(readings, rate, TODAY) == 41500
    assert ns.km_reached_on(readings, rate, 41540) == D(2026, 11, 28)


def test_a_call_back_asked_for_ranks_right_after_overdue_service():
    shanghai = dt.timezone(dt.timedelta(hours=8))
    at = dt.datetime(2026, 11, 27, 10, 0, tzinfo=shanghai)
    back = ns.call_back_reason(at, at - dt.timedelta(days=2), "王芳", "客户说周五上午再打")
    assert back.code == ns.CALL_BACK
    assert back.figures == {
        "call_back_at": at,
        "asked_at": at - dt.timedelta(days=2),
        "asked_by": "王芳",
        "note": "客户说周五上午再打",
    }
    overdue, due_7, due_30, declined = (
        ns.Reason(code, {}) for code in (ns.OVERDUE, ns.DUE_7, ns.DUE_30, ns.DECLINED)
    )
    lines = [[declined], [due_30], [due_7, declined], [back], [overdue]]
    assert sorted(lines, key=ns.rank) == [
        [overdue],
        [back],
        [due_7, declined],
        [due_30],
        [declined],
    ]
    assert ns.rank([due_7, back]) == ns.RANK[ns.CALL_BACK]  # the call back decides
    assert ns.rank([back, overdue]) == ns.RANK[ns.OVERDUE]  # overdue still comes first
