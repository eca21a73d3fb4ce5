"""The release gate's conditions and comeback detection, without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from service_desk.domain import release as r
from service_desk.domain.checkin import Fuel

T0 = dt.datetime(2026, 10, 1, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

ALL_DONE = r.ReleaseFacts(
    state="settled",
    keys_returned=True,
    belongings_returned=True,
    belongings_signed=True,
    documents_returned=True,
    odometer_in=41560,
    odometer_out=41580,
    fuel_in=Fuel("eighths", 4),
    fuel_out=Fuel("eighths", 4),
)


def test_nothing_missing_when_everything_is_done():
    assert r.missing(ALL_DONE) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"state": "ready"}, r.NOT_SETTLED),
        ({"keys_returned": False}, r.KEY_NOT_RETURNED),
        ({"belongings_returned": False}, r.BELONGINGS_NOT_RETURNED),
        ({"belongings_signed": False}, r.BELONGINGS_NOT_RETURNED),
        ({"documents_returned": False}, r.DOCUMENTS_NOT_RETURNED),
        ({"odometer_out": None}, r.ODOMETER_OUT_MISSING),
        ({"fuel_out": None}, r.FUEL_OUT_MISSING),
        ({"odometer_out": 41560 + r.ODOMETER_DIFF_KM + 1}, r.DIFFERENCE_UNEXPLAINED),
        ({"fuel_out": Fuel("eighths", 1)}, r.DIFFERENCE_UNEXPLAINED),
    ],
)
def test_each_condition_alone(change, code):
    assert r.missing(replace(ALL_DONE, **change)) == [code]


def test_everything_missing_in_order():
    facts = r.ReleaseFacts(state="ready")
    assert r.missing(facts) == list(r.CONDITIONS[:-1])


def test_difference_thresholds_and_explanation():
    at_limit = replace(ALL_DONE, odometer_out=41560 + r.ODOMETER_DIFF_KM)
    assert r.missing(at_limit) == []
    # two eighths down is the limit; 50 % -> 20 % is more
    assert r.missing(replace(ALL_DONE, fuel_out=Fuel("eighths", 2))) == []
    mixed = replace(ALL_DONE, fuel_in=Fuel("percent", 50), fuel_out=Fuel("percent", 20))
    assert r.missing(mixed) == [r.DIFFERENCE_UNEXPLAINED]
    explained = replace(ALL_DONE, odometer_out=41800, explanation="路试 240 km 复现异响")
    assert r.missing(explained) == []
    assert r.missing(replace(explained, explanation="  ")) == [r.DIFFERENCE_UNEXPLAINED]


# --- comebacks -------------------------------------------------------------------------

BRAKES = r.Work("general_repair", frozenset({"brakes"}))
EARLIER = r.EarlierVisit(1, T0, 41580, BRAKES, "机修一组")


def test_comeback_within_days_with_a_common_system():
    match = r.find_comeback(
        T0 + dt.timedelta(days=10), 45000, r.Work(None, frozenset({"brakes", "tyres"})), [EARLIER]
    )
    assert match == r.ComebackMatch(1, "system:brakes", 10, 3420, "机修一组", T0)


def test_comeback_within_km_after_the_days():
    match = r.find_comeback(T0 + dt.timedelta(days=90), 42500, BRAKES, [EARLIER])
    assert match is not None
    assert (match.days, match.km) == (90, 920)


def test_same_category_without_systems_is_related():
    work = r.Work("general_repair", frozenset())
    match = r.find_comeback(T0 + dt.timedelta(days=3), None, work, [EARLIER])
    assert match is not None
    assert match.reason == "category:general_repair"
    assert match.km is None


def test_no_comeback_beyond_both_windows_or_for_unrelated_work():
    late = T0 + dt.timedelta(days=r.COMEBACK_DAYS + 1)
    assert r.find_comeback(late, 41580 + r.COMEBACK_KM + 1, BRAKES, [EARLIER]) is None
    assert r.find_comeback(late, None, BRAKES, [EARLIER]) is None
    other = r.Work("maintenance", frozenset({"engine"}))
    assert r.find_comeback(T0 + dt.timedelta(days=2), 41600, other, [EARLIER]) is None


def test_same_category_on_other_systems_is_not_related():
    battery = r.Work("general_repair", frozenset({"electrical"}))
    assert r.related(battery, BRAKES) is None
    assert r.find_comeback(T0 + dt.timedelta(days=3), 41600, battery, [EARLIER]) is None


def test_scheduled_work_is_never_a_comeback():
    soon = T0 + dt.timedelta(days=5)
    for category in sorted(r.SCHEDULED_CATEGORIES):
        work = r.Work(category, frozenset({"brakes"}))  # even on a system in common
        assert r.find_comeback(soon, 41600, work, [EARLIER]) is None
    assert r.find_comeback(soon, 41600, r.Work(None, frozenset({"brakes"})), [EARLIER])


def test_most_recent_related_visit_and_guarantee_kept():
    rework = r.EarlierVisit(2, T0 + dt.timedelta(days=5), 41700, BRAKES, "机修二组", T0)
    match = r.find_comeback(T0 + dt.timedelta(days=8), 41800, BRAKES, [EARLIER, rework])
    assert match is not None
    assert match.original_order_id == 2
    assert match.team == "机修二组"
    assert match.guarantee_from == T0  # the rework did not restart the guarantee


# --- thresholds passed in (the dealer's settings) ----------------------------------------


def test_gate_limits_come_with_the_facts():
    driven = replace(ALL_DONE, odometer_out=41560 + 100)
    assert r.missing(driven) == [r.DIFFERENCE_UNEXPLAINED]  # default: 50 km
    assert r.missing(replace(driven, odometer_diff_km=200)) == []
    assert r.missing(replace(driven, odometer_diff_km=99)) == [r.DIFFERENCE_UNEXPLAINED]
    assert r.missing(replace(driven, odometer_diff_km=100)) == []  # at the limit
    drained = replace(ALL_DONE, fuel_out=Fuel("eighths", 1))  # 4/8 -> 1/8
    assert r.missing(replace(drained, fuel_drop_eighths=3)) == []
    assert r.missing(replace(drained, fuel_drop_eighths=2)) == [r.DIFFERENCE_UNEXPLAINED]
    assert r.missing(replace(ALL_DONE, fuel_drop_eighths=0)) == []  # no drop at all
    # a percent gauge: 1 eighth allowed is 12.5 %
    percent = replace(ALL_DONE, fuel_in=Fuel("percent", 50), fuel_drop_eighths=1)
    assert r.missing(replace(percent, fuel_out=Fuel("percent", 38))) == []
    assert r.missing(replace(percent, fuel_out=Fuel("percent", 37))) == [r.DIFFERENCE_UNEXPLAINED]


def test_difference_needs_explanation_defaults_and_parameters():
    half, quarter = Fuel("eighths", 4), Fuel("eighths", 2)
    assert not r.difference_needs_explanation(100, 100 + r.ODOMETER_DIFF_KM, half, quarter)
    assert r.difference_needs_explanation(100, 151, None, None)
    assert not r.difference_needs_explanation(100, 151, None, None, odometer_diff_km=51)
    assert r.difference_needs_explanation(100, 100, half, quarter, fuel_drop_eighths=1)


def test_comeback_window_is_a_parameter():
    twenty_days = T0 + dt.timedelta(days=20)
    far = 41580 + 5000
    assert r.find_comeback(twenty_days, far, BRAKES, [EARLIER]) is not None  # default 30 days
    assert r.find_comeback(twenty_days, far, BRAKES, [EARLIER], days=10) is None
    assert r.find_comeback(twenty_days, far, BRAKES, [EARLIER], days=20) is not None
    # the distance alone suffices, with its own limit
    near = 41580 + 1500
    assert r.find_comeback(twenty_days, near, BRAKES, [EARLIER], days=10) is None
    match = r.find_comeback(twenty_days, near, BRAKES, [EARLIER], days=10, km=1500)
    assert match is not None and match.km == 1500
