"""Workshop time: open hours, working time, progress checks (R12), promises (R7)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service_desk.domain import checkin
from service_desk.domain.workshop_time import (
    OpenHours,
    add_working_time,
    default_open_hours,
    is_open,
    next_opening,
    progress_check_due,
    progress_check_window,
    round_to_ten_minutes,
    round_up_to_ten_minutes,
    suggest_promise,
    working_time_between,
)

TZ = ZoneInfo("Asia/Shanghai")
T = dt.time
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)

# A workshop with a lunch break, a short Saturday, Sunday closed and two holidays.
# Mon–Fri 8.5 h a day, Saturday 3.5 h.
WEEKDAY = ((T(8, 0), T(12, 0)), (T(13, 30), T(18, 0)))
SHOP = OpenHours(
    weekly=(WEEKDAY,) * 5 + (((T(8, 30), T(12, 0)),), ()),
    closed_dates={dt.date(2026, 10, 1), dt.date(2026, 10, 2)},
)
DEFAULT = default_open_hours()


def at(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    """A moment of 2026 in Wuhu (2026-11-27 is a Friday, 11-29 a Sunday)."""
    return dt.datetime(2026, month, day, hour, minute, second, tzinfo=TZ)


# --- rounding handover times (R10) -----------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "rounded"),
    [
        (at(11, 27, 10, 0), at(11, 27, 10, 0)),
        (at(11, 27, 10, 4, 59), at(11, 27, 10, 0)),  # seconds dropped, then nearest
        (at(11, 27, 10, 5), at(11, 27, 10, 10)),  # half way goes up
        (at(11, 27, 10, 14, 59), at(11, 27, 10, 10)),
        (at(11, 27, 10, 55), at(11, 27, 11, 0)),  # across the hour
        (at(11, 27, 23, 54, 59), at(11, 27, 23, 50)),
        (at(11, 27, 23, 55), at(11, 28, 0, 0)),  # across midnight
        (at(12, 31, 23, 57), dt.datetime(2027, 1, 1, tzinfo=TZ)),  # across the year
    ],
)
def test_handover_times_round_to_the_nearest_ten_minutes(moment, rounded):
    assert round_to_ten_minutes(moment) == rounded
    assert round_to_ten_minutes(moment.replace(microsecond=999_999)) == rounded


def test_rounding_is_the_check_in_rule_and_needs_an_aware_time():
    moment = at(11, 27, 9, 35, 42)
    assert round_to_ten_minutes(moment) == checkin.round_to_ten_minutes(moment)
    with pytest.raises(ValueError, match="naive"):
        round_to_ten_minutes(dt.datetime(2026, 11, 27, 9, 35))


@pytest.mark.parametrize(
    ("moment", "rounded"),
    [
        (at(11, 27, 10, 0), at(11, 27, 10, 0)),
        (at(11, 27, 10, 0, 1), at(11, 27, 10, 10)),
        (at(11, 27, 10, 51), at(11, 27, 11, 0)),
        (at(11, 27, 23, 51), at(11, 28, 0, 0)),
    ],
)
def test_promises_round_up_to_ten_minutes(moment, rounded):
    assert round_up_to_ten_minutes(moment) == rounded


@given(st.datetimes(timezones=st.just(TZ)))
@settings(max_examples=150)
def test_rounding_moves_at_most_five_minutes_to_a_ten_minute_mark(moment):
    rounded = round_to_ten_minutes(moment)
    assert rounded.minute % 10 == 0 and rounded.second == rounded.microsecond == 0
    assert -dt.timedelta(minutes=5) < rounded - moment.replace(second=0, microsecond=0)
    assert rounded - moment.replace(second=0, microsecond=0) <= dt.timedelta(minutes=5)


# --- open hours -----------------------------------------------------------------------


def test_the_default_is_a_typical_4s_dealer_every_day():
    day = ((T(8, 30), T(12, 0)), (T(13, 30), T(17, 30)))
    assert DEFAULT.weekly == (day,) * 7
    assert DEFAULT.closed_dates == frozenset()
    assert DEFAULT.tz == "Asia/Shanghai"
    holiday = default_open_hours(closed_dates=[dt.date(2026, 10, 1)])
    assert not is_open(holiday, at(10, 1, 10))
    assert is_open(holiday, at(10, 2, 10))


def test_ranges_are_sorted_and_closed_dates_kept_as_a_set():
    hours = OpenHours(
        weekly=[[(T(13, 0), T(17, 0)), (T(8, 0), T(12, 0))]] * 7,
        closed_dates=[dt.date(2026, 10, 1)],
    )
    assert hours.weekly[0] == ((T(8, 0), T(12, 0)), (T(13, 0), T(17, 0)))
    assert hours.closed_dates == frozenset({dt.date(2026, 10, 1)})
    touching = OpenHours(weekly=[[(T(8, 0), T(12, 0)), (T(12, 0), T(13, 0))]] * 7)
    assert add_working_time(touching, at(11, 27, 11), 2 * H) == at(11, 27, 13)


@pytest.mark.parametrize(
    ("weekly", "message"),
    [
        (
            [[(T(8, 0), T(12, 0)), (T(11, 0), T(14, 0))]] * 7,
            "Monday.*08:00–12:00.*11:00–14:00 overlap",
        ),
        ([[(T(8, 0), T(12, 0)), (T(8, 0), T(12, 0))]] * 7, "overlap"),
        ([[]] * 6 + [[(T(18, 0), T(8, 0))]], "Sunday.*18:00–08:00 ends before it starts"),
        ([[(T(8, 0), T(8, 0))]] * 7, "ends before it starts"),
        ([[(T(8, 0), T(12, 0))]] * 6, "7 weekdays"),
        ([[]] * 7, "never open"),
        ([[("08:00", "12:00")]] * 7, "two times of day"),
        ([[(T(8, 0),)]] * 7, "pair"),
        ([[(T(8, 0, tzinfo=TZ), T(12, 0, tzinfo=TZ))]] * 7, "time zone"),
    ],
)
def test_bad_open_hours_are_refused_naming_the_problem(weekly, message):
    with pytest.raises(ValueError, match=message):
        OpenHours(weekly=weekly)


def test_bad_closed_dates_and_zones_are_refused():
    with pytest.raises(ValueError, match="not a date"):
        OpenHours(weekly=(WEEKDAY,) * 7, closed_dates=[at(10, 1)])
    with pytest.raises(ValueError, match="time zone"):
        OpenHours(weekly=(WEEKDAY,) * 7, tz="Mars/Olympus")


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        (at(11, 27, 7, 59, 59), False),
        (at(11, 27, 8, 0), True),  # a range includes its start
        (at(11, 27, 11, 59), True),
        (at(11, 27, 12, 0), False),  # ... but not its end: lunch
        (at(11, 27, 13, 30), True),
        (at(11, 27, 18, 0), False),  # closing time
        (at(11, 28, 11, 0), True),  # Saturday morning
        (at(11, 28, 13, 30), False),  # Saturday afternoon is closed
        (at(11, 29, 10, 0), False),  # Sunday
        (at(10, 1, 10, 0), False),  # holiday on a Thursday
        (dt.datetime(2026, 11, 27, 0, 0, tzinfo=dt.UTC), True),  # 08:00 in Wuhu
        (dt.datetime(2026, 11, 26, 23, 59, tzinfo=dt.UTC), False),  # 07:59 in Wuhu
    ],
)
def test_is_open(moment, open_):
    assert is_open(SHOP, moment) is open_


def test_next_opening():
    assert next_opening(SHOP, at(11, 27, 9)) == at(11, 27, 9)
    assert next_opening(SHOP, at(11, 27, 12)) == at(11, 27, 13, 30)
    assert next_opening(SHOP, at(11, 28, 12)) == at(11, 30, 8)  # Saturday noon -> Monday
    assert next_opening(SHOP, at(9, 30, 18)) == at(10, 3, 8, 30)  # holidays, then Saturday


# --- working time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "duration", "end"),
    [
        (at(11, 27, 9, 0), 30 * M, at(11, 27, 9, 30)),
        (at(11, 27, 11, 30), 30 * M, at(11, 27, 12, 0)),  # done at lunch, not after it
        (at(11, 27, 11, 45), 30 * M, at(11, 27, 13, 45)),  # through the lunch break
        (at(11, 27, 12, 40), 30 * M, at(11, 27, 14, 0)),  # begun during lunch
        (at(11, 27, 17, 45), 30 * M, at(11, 28, 8, 45)),  # past closing time and midnight
        (at(11, 27, 17, 45), 4 * H, at(11, 30, 8, 15)),  # Saturday short, Sunday closed
        (at(11, 27, 20, 0), 1 * H, at(11, 28, 9, 30)),  # begun after closing
        (at(11, 28, 23, 30), 1 * H, at(11, 30, 9, 0)),  # Saturday night -> Monday
        (at(9, 30, 17, 0), 2 * H, at(10, 3, 9, 30)),  # skips the two holidays
        (at(11, 30, 8, 0), dt.timedelta(hours=42, minutes=30), at(12, 4, 18, 0)),  # 5 days
        (at(11, 30, 8, 0), dt.timedelta(days=5), at(12, 17, 10, 30)),  # 120 h of work
        (at(11, 27, 20, 0), dt.timedelta(0), at(11, 27, 20, 0)),  # no work ends at once
    ],
)
def test_add_working_time(start, duration, end):
    assert add_working_time(SHOP, start, duration) == end
    assert working_time_between(SHOP, start, end) == duration


def test_add_working_time_answers_in_the_workshop_zone():
    start = dt.datetime(2026, 11, 27, 3, 45, tzinfo=dt.UTC)  # 11:45 in Wuhu
    end = add_working_time(SHOP, start, 30 * M)
    assert end == at(11, 27, 13, 45) and end.tzinfo == TZ


@pytest.mark.parametrize(
    ("start", "end", "worked"),
    [
        (at(11, 27, 9), at(11, 27, 17), dt.timedelta(hours=6, minutes=30)),
        (at(11, 27, 11), at(11, 30, 9), 10 * H),  # 1 + 4.5 Friday, 3.5 Saturday, 1 Monday
        (at(11, 28, 12), at(11, 30, 8), dt.timedelta(0)),  # the whole weekend closed
        (at(11, 27, 12, 10), at(11, 27, 13, 20), dt.timedelta(0)),  # inside lunch
        (at(11, 27, 9), at(11, 27, 9), dt.timedelta(0)),
    ],
)
def test_working_time_between(start, end, worked):
    assert working_time_between(SHOP, start, end) == worked


def test_working_time_refuses_naive_times_negative_durations_and_reversed_spans():
    with pytest.raises(ValueError, match="start is a naive datetime"):
        add_working_time(SHOP, dt.datetime(2026, 11, 27, 9), H)
    with pytest.raises(ValueError, match="duration is a negative duration"):
        add_working_time(SHOP, at(11, 27, 9), -M)
    with pytest.raises(ValueError, match=r"end .* is before start"):
        working_time_between(SHOP, at(11, 27, 10), at(11, 27, 9))
    with pytest.raises(ValueError, match="end is a naive datetime"):
        working_time_between(SHOP, at(11, 27, 9), dt.datetime(2026, 11, 27, 10))
    with pytest.raises(ValueError, match="moment is a naive datetime"):
        is_open(SHOP, dt.datetime(2026, 11, 27, 10))


moments = st.datetimes(
    min_value=dt.datetime(2026, 9, 1),
    max_value=dt.datetime(2027, 3, 1),
    timezones=st.sampled_from([TZ, dt.UTC]),
)
work = st.integers(min_value=0, max_value=6 * 24 * 60).map(lambda n: n * M)


@given(moments, work)
@settings(max_examples=150)
def test_working_time_between_undoes_add_working_time(start, duration):
    end = add_working_time(SHOP, start, duration)
    assert end >= start
    assert working_time_between(SHOP, start, end) == duration


@given(moments, work, work)
@settings(max_examples=100)
def test_working_time_adds_up(start, first, second):
    middle = add_working_time(SHOP, start, first)
    assert add_working_time(SHOP, middle, second) == add_working_time(SHOP, start, first + second)


# --- progress checks (R12) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "start", "planned", "due", "window"),
    [
        # 30 minutes: due after 22 min 30 s; window 21 to 24 minutes
        (
            SHOP,
            at(11, 27, 9),
            30 * M,
            at(11, 27, 9, 22, 30),
            (at(11, 27, 9, 21), at(11, 27, 9, 24)),
        ),
        # a working day: 6 h of 8 h, across the lunch break
        (SHOP, at(11, 27, 9), 8 * H, at(11, 27, 16, 30), (at(11, 27, 16, 6), at(11, 27, 16, 54))),
        # across closing time and midnight: 3 h of 4 h, 2 on Friday, 1 on Saturday
        (SHOP, at(11, 27, 16), 4 * H, at(11, 28, 9, 30), (at(11, 28, 9, 18), at(11, 28, 9, 42))),
        # five working days from Monday 08:00: 31 h 52 min 30 s; 80 % ends at closing
        (
            SHOP,
            at(11, 30, 8),
            dt.timedelta(hours=42, minutes=30),
            at(12, 3, 15, 52, 30),
            (at(12, 3, 13, 45), at(12, 3, 18, 0)),
        ),
        # handed over after closing: counted from the next opening
        (SHOP, at(11, 27, 20), H, at(11, 28, 9, 15), (at(11, 28, 9, 12), at(11, 28, 9, 18))),
        # before the holidays: 1 h 30 of 2 h, 1 h on Wednesday, the rest on Saturday
        (SHOP, at(9, 30, 17), 2 * H, at(10, 3, 9), (at(10, 3, 8, 54), at(10, 3, 9, 6))),
        # the default dealer hours: 1 h to 17:30 on Friday, 30 min on Saturday
        (
            DEFAULT,
            at(11, 27, 16, 30),
            2 * H,
            at(11, 28, 9, 0),
            (at(11, 28, 8, 54), at(11, 28, 9, 6)),
        ),
    ],
)
def test_progress_check_falls_due_through_open_hours(hours, start, planned, due, window):
    assert progress_check_due(hours, start, planned) == due
    assert progress_check_window(hours, start, planned) == window


def test_progress_check_fraction_and_window_bounds():
    start, planned = at(11, 27, 9), 10 * H  # 70 % = 7 h, 80 % = 8 h
    assert progress_check_due(SHOP, start, planned, fraction=0.7) == at(11, 27, 17, 30)
    assert progress_check_due(SHOP, start, planned, fraction=0.8) == at(11, 28, 9, 0)
    assert progress_check_due(SHOP, start, planned) == at(11, 27, 18, 0)  # 7 h 30: closing
    assert progress_check_window(SHOP, start, planned, earliest=0.75, latest=0.75) == (
        at(11, 27, 18, 0),
        at(11, 27, 18, 0),
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: progress_check_due(SHOP, at(11, 27, 9), H, fraction=0.69),
            "fraction 0.69 is outside",
        ),
        (lambda: progress_check_due(SHOP, at(11, 27, 9), H, fraction=0.81), "outside.*70%–80%"),
        (lambda: progress_check_window(SHOP, at(11, 27, 9), H, earliest=0.6), "earliest 0.6"),
        (lambda: progress_check_window(SHOP, at(11, 27, 9), H, latest=0.9), "latest 0.9"),
        (
            lambda: progress_check_window(SHOP, at(11, 27, 9), H, earliest=0.8, latest=0.7),
            "latest 0.7 is before earliest 0.8",
        ),
        (
            lambda: progress_check_due(SHOP, at(11, 27, 9), dt.timedelta(0)),
            "planned duration is zero",
        ),
        (lambda: progress_check_due(SHOP, at(11, 27, 9), -H), "planned is a negative duration"),
        (lambda: progress_check_window(SHOP, dt.datetime(2026, 11, 27, 9), H), "start is a naive"),
    ],
)
def test_progress_check_refuses_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


planned_work = st.integers(min_value=1, max_value=5 * 24 * 60).map(lambda n: n * M)


@given(moments, planned_work, st.floats(min_value=0.7, max_value=0.8))
@settings(max_examples=150)
def test_the_check_falls_within_the_job(start, planned, fraction):
    due = progress_check_due(SHOP, start, planned, fraction)
    earliest, latest = progress_check_window(SHOP, start, planned)
    assert start <= due <= add_working_time(SHOP, start, planned)
    assert earliest <= progress_check_due(SHOP, start, planned) <= latest


# --- promised delivery (R7) -----------------------------------------------------------

NOW = at(11, 27, 9, 3)  # Friday morning
JOB, MARGIN = 2 * H, 30 * M
FULL = dt.timedelta(hours=25, minutes=30)  # three working days booked ahead of the team


@pytest.mark.parametrize(
    ("now", "planned", "booked", "parts", "margin", "promise"),
    [
        # empty workshop: 09:03 + 2 h 30 = 11:33, rounded up
        (NOW, JOB, dt.timedelta(0), None, MARGIN, at(11, 27, 11, 40)),
        # full workshop: the team is free on Tuesday 15:33; + 2 h 30 -> Wednesday 08:03
        (NOW, JOB, FULL, None, MARGIN, at(12, 2, 8, 10)),
        # parts arrive Monday 10:00: 2 h before lunch, 30 min after
        (NOW, JOB, dt.timedelta(0), at(11, 30, 10), MARGIN, at(11, 30, 14, 0)),
        # parts arriving before the team is free change nothing
        (NOW, JOB, FULL, at(11, 30, 10), MARGIN, at(12, 2, 8, 10)),
        # parts delivered on Sunday: work starts Monday at opening
        (NOW, JOB, dt.timedelta(0), at(11, 29, 15), MARGIN, at(11, 30, 10, 30)),
        # 11:55 rounds up to 12:00, the lunch break: promised at 13:30
        (at(11, 27, 9), JOB, dt.timedelta(0), None, 55 * M, at(11, 27, 13, 30)),
        # 17:55 rounds up to closing time: promised Saturday at opening
        (at(11, 27, 15), JOB, dt.timedelta(0), None, 55 * M, at(11, 28, 8, 30)),
        # the margin runs through open hours too: 16:30 + 1 h 50 -> Saturday 08:50
        (at(11, 27, 16, 30), H, dt.timedelta(0), None, 50 * M, at(11, 28, 8, 50)),
        # nothing to do on a Sunday: the car is handed back at Monday's opening
        (at(11, 29, 10), dt.timedelta(0), dt.timedelta(0), None, dt.timedelta(0), at(11, 30, 8)),
        # before the holidays: 2 h on Wednesday, 2 h on Saturday
        (at(9, 30, 16), 4 * H, dt.timedelta(0), None, dt.timedelta(0), at(10, 3, 10, 30)),
        # a five-day job from Monday morning ends Friday 18:00 + 30 min margin on Saturday
        (
            at(11, 30, 8),
            dt.timedelta(hours=42, minutes=30),
            dt.timedelta(0),
            None,
            MARGIN,
            at(12, 5, 9, 0),
        ),
    ],
)
def test_suggested_promise(now, planned, booked, parts, margin, promise):
    assert suggest_promise(SHOP, now, planned, booked, parts, margin) == promise


def test_suggested_promise_with_the_default_hours():
    # 10:12 + 1 h 15 = 11:27 -> 11:30; with a day booked ahead (7.5 h): Saturday 11:27 -> 11:30
    assert suggest_promise(DEFAULT, at(11, 27, 10, 12), H, dt.timedelta(0), None, 15 * M) == at(
        11, 27, 11, 30
    )
    day = dt.timedelta(hours=7, minutes=30)
    assert suggest_promise(DEFAULT, at(11, 27, 10, 12), H, day, None, 15 * M) == at(11, 28, 11, 30)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"now": dt.datetime(2026, 11, 27, 9)}, "now is a naive datetime"),
        ({"planned": -M}, "planned is a negative duration"),
        ({"booked_ahead": -H}, "booked_ahead is a negative duration"),
        ({"margin": -M}, "margin is a negative duration"),
        ({"parts_arrival": dt.datetime(2026, 11, 30, 10)}, "parts_arrival is a naive"),
        ({"margin": 30}, "margin must be a timedelta"),
    ],
)
def test_suggested_promise_refuses_bad_input(kwargs, message):
    arguments = {
        "now": NOW,
        "planned": JOB,
        "booked_ahead": dt.timedelta(0),
        "parts_arrival": None,
        "margin": MARGIN,
    } | kwargs
    with pytest.raises(ValueError, match=message):
        suggest_promise(SHOP, **arguments)


booked = st.integers(min_value=0, max_value=10 * 24 * 60).map(lambda n: n * M)


@given(
    moments,
    planned_work,
    booked,
    booked,
    st.none() | moments,
    st.integers(min_value=0, max_value=8 * 60).map(lambda n: n * M),
)
@settings(max_examples=150)
def test_promises_grow_with_the_load_and_fall_in_open_hours(now, planned, b1, b2, parts, margin):
    light, heavy = sorted((b1, b2))
    first = suggest_promise(SHOP, now, planned, light, parts, margin)
    second = suggest_promise(SHOP, now, planned, heavy, parts, margin)
    assert first <= second
    for promise, load in ((first, light), (second, heavy)):
        assert is_open(SHOP, promise)
        assert promise >= add_working_time(SHOP, now, load + planned + margin)
        if parts is not None:
            assert promise >= parts
