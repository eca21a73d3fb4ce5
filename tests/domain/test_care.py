"""Customer care rules: the follow-up window's edges (day 2 .. day 7 after release, in the
dealer's zone), satisfaction, an unhappy follow-up becoming a complaint, and the reply-by
time of a complaint with its escalation edge."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain import care

SH = ZoneInfo("Asia/Shanghai")
RELEASED = dt.datetime(2026, 11, 27, 17, 0, tzinfo=SH)


def at(day: dt.date, hour: int = 9, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SH)


def test_window_is_day_two_to_day_seven():
    window = care.follow_up_window(RELEASED, SH)
    assert window == care.Window(dt.date(2026, 11, 29), dt.date(2026, 12, 4))


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (at(dt.date(2026, 11, 27), 17, 1), care.EARLY),
        (at(dt.date(2026, 11, 28), 23, 59, 59), care.EARLY),  # day 1, last second
        (at(dt.date(2026, 11, 29), 0, 0, 0), care.DUE),  # day 2, first second
        (at(dt.date(2026, 12, 4), 23, 59, 59), care.DUE),  # day 7, last second
        (at(dt.date(2026, 12, 5), 0, 0, 0), care.OVERDUE),  # day 8
        (at(dt.date(2027, 1, 5)), care.OVERDUE),
    ],
)
def test_window_edges(now, status):
    assert care.follow_up_status(RELEASED, now) == status


def test_window_counts_days_in_the_dealers_zone():
    # 00:30 in Shanghai is still the day before in UTC: the dealer's date counts
    released_utc = dt.datetime(2026, 11, 26, 16, 30, tzinfo=dt.UTC)  # 27th 00:30 in Shanghai
    assert care.follow_up_window(released_utc, SH).due_from == dt.date(2026, 11, 29)
    assert care.follow_up_status(released_utc, at(dt.date(2026, 11, 28), 23)) == care.EARLY


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_satisfaction_one_to_five(value):
    assert care.check_satisfaction(value) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "satisfaction.required"),
        (0, "satisfaction.range"),
        (6, "satisfaction.range"),
        (True, "satisfaction.range"),
        ("3", "satisfaction.range"),
    ],
)
def test_satisfaction_refused(value, code):
    assert care.check_satisfaction(value).code == code


@pytest.mark.parametrize(
    ("satisfaction", "ticked", "complaint"),
    [
        (1, False, True),
        (2, False, True),
        (3, False, False),
        (5, False, False),
        (5, True, True),
        (None, True, True),
        (None, False, False),
    ],
)
def test_unhappy_follow_up_becomes_a_complaint(satisfaction, ticked, complaint):
    assert care.becomes_complaint(satisfaction, ticked) is complaint


NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=SH)


def test_reply_by_rules():
    assert care.check_reply_by(None, NOW).code == "reply_by.required"
    assert care.check_reply_by(NOW, NOW).code == "reply_by.past"
    assert care.check_reply_by(NOW - dt.timedelta(minutes=1), NOW).code == "reply_by.past"
    assert care.check_reply_by(NOW.replace(tzinfo=None) + dt.timedelta(hours=1), NOW).code == (
        "reply_by.naive"
    )
    assert care.check_reply_by(NOW + dt.timedelta(seconds=1), NOW) is None
    assert care.check_reply_by(NOW + care.REPLY_BY_MAX, NOW) is None
    too_far = care.check_reply_by(NOW + care.REPLY_BY_MAX + dt.timedelta(seconds=1), NOW)
    assert too_far.code == "reply_by.too_far" and too_far.param("days") == 14


def test_escalation_edge_is_one_second_past_reply_by():
    reply_by = NOW + dt.timedelta(hours=4)
    assert not care.needs_escalation("open", reply_by, reply_by - dt.timedelta(seconds=1))
    assert not care.needs_escalation("open", reply_by, reply_by)
    assert care.needs_escalation("open", reply_by, reply_by + dt.timedelta(seconds=1))
    # answered, already escalated or resolved: never (again)
    later = reply_by + dt.timedelta(days=1)
    for state in ("answered", "escalated", "resolved"):
        assert not care.needs_escalation(state, reply_by, later)
    assert not care.needs_escalation("open", None, later)


def test_overdue_only_while_unanswered():
    reply_by = NOW + dt.timedelta(hours=4)
    late = reply_by + dt.timedelta(minutes=1)
    assert care.reply_overdue(reply_by, False, late)
    assert not care.reply_overdue(reply_by, True, late)
    assert care.time_to_reply(reply_by, NOW) == dt.timedelta(hours=4)
    assert care.time_to_reply(reply_by, late) == dt.timedelta(minutes=-1)
