"""Appointment rules (R17): the deposit, capacity, the reminder window, missed slots."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain import appointments as rules
from service_desk.domain.clock import fixed_clock

SH = ZoneInfo("Asia/Shanghai")
NOW = fixed_clock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SH))()
SLOT = dt.datetime(2026, 11, 28, 9, 0, tzinfo=SH)


@pytest.mark.parametrize(
    ("parts", "to_order", "least"),
    [
        (0, True, 0),
        (1, True, 1),  # half a fen rounds up
        (2, True, 1),
        (99_999, True, 50_000),
        (100_000, True, 50_000),
        (100_001, True, 50_001),
        (100_000, False, 0),  # parts in stock: no deposit asked
    ],
)
def test_least_deposit_is_half_the_parts_rounded_up(parts, to_order, least):
    assert rules.min_deposit_fen(parts, to_order) == least


def test_deposit_below_half_is_refused_and_half_passes():
    rules.check_deposit(100_001, True, 50_001)
    rules.check_deposit(100_001, True, 100_001)  # more is fine
    rules.check_deposit(100_001, False, 0)
    with pytest.raises(rules.AppointmentError) as exc:
        rules.check_deposit(100_001, True, 50_000)
    assert exc.value.code == "deposit.too_low"
    assert exc.value.field == "deposit"
    assert exc.value.params == {"least_fen": 50_001}
    with pytest.raises(rules.AppointmentError, match=r"deposit.range"):
        rules.check_deposit(0, False, -1)
    with pytest.raises(rules.AppointmentError, match=r"parts.negative"):
        rules.min_deposit_fen(-1, True)


def test_deposit_still_open():
    assert rules.deposit_open_fen(50_000, 20_000) == 30_000
    assert rules.deposit_open_fen(50_000, 50_000) == 0
    assert rules.deposit_open_fen(0, 0) == 0


def test_capacity_counts_the_places_taken():
    assert rules.places_left(12, 11) == 1
    assert rules.places_left(12, 13) == 0
    rules.check_capacity(12, 11)
    with pytest.raises(rules.AppointmentError) as exc:
        rules.check_capacity(12, 12)
    assert exc.value.code == "appointment.day_full"
    assert exc.value.params == {"capacity": 12}


def test_slot_in_the_past_or_backwards_is_refused():
    rules.check_slot(NOW, NOW + dt.timedelta(minutes=30), NOW)  # starting now is allowed
    with pytest.raises(rules.AppointmentError, match=r"appointment.past"):
        rules.check_slot(NOW - dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=29), NOW)
    with pytest.raises(rules.AppointmentError, match=r"appointment.slot_order"):
        rules.check_slot(SLOT, SLOT, NOW)
    with pytest.raises(ValueError):
        rules.check_slot(SLOT.replace(tzinfo=None), SLOT, NOW)


def test_day_slots_follow_the_open_hours():
    slots = rules.day_slots(dt.date(2026, 11, 28), 30)
    # 08:30–12:00 and 13:30–17:30: 7 + 8 half hours
    assert len(slots) == 15
    assert slots[0] == (
        dt.datetime(2026, 11, 28, 8, 30, tzinfo=SH),
        dt.datetime(2026, 11, 28, 9, 0, tzinfo=SH),
    )
    assert slots[6][1].time() == dt.time(12, 0)
    assert slots[7][0].time() == dt.time(13, 30)
    assert slots[-1][1].time() == dt.time(17, 30)
    assert len(rules.day_slots(dt.date(2026, 11, 28), 60)) == 3 + 4  # 11:30-12:00 left out


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (SLOT - dt.timedelta(days=1, seconds=1), "not_yet"),
        (SLOT - dt.timedelta(days=1), "due"),  # the window opens one day before
        (SLOT - dt.timedelta(hours=18), "due"),
        (SLOT - dt.timedelta(hours=12), "due"),  # and closes half a day before
        (SLOT - dt.timedelta(hours=12) + dt.timedelta(seconds=1), "late"),
        (SLOT - dt.timedelta(minutes=1), "late"),
        (SLOT, "none"),  # the slot has begun: no reminder any more
    ],
)
def test_reminder_window_edges(now, status):
    assert rules.reminder_status("booked", SLOT, now) == status


def test_reminder_only_for_booked_appointments():
    due = SLOT - dt.timedelta(hours=18)
    assert due in rules.reminder_window(SLOT)
    for state in ("reminded", "arrived", "missed", "cancelled"):
        assert rules.reminder_status(state, SLOT, due) == "none"


def test_reminder_window_in_another_zone_is_the_same_instant():
    utc_now = (SLOT - dt.timedelta(hours=13)).astimezone(dt.UTC)
    assert rules.reminder_status("booked", SLOT, utc_now) == "due"


def test_missed_once_the_slot_is_over():
    end = SLOT + dt.timedelta(minutes=30)
    assert not rules.is_missed("booked", end, end)
    assert rules.is_missed("booked", end, end + dt.timedelta(seconds=1))
    assert rules.is_missed("reminded", end, end + dt.timedelta(hours=1))
    for state in ("arrived", "cancelled", "missed"):
        assert not rules.is_missed(state, end, end + dt.timedelta(hours=1))


def test_day_figures_and_total():
    d1, d2 = dt.date(2026, 11, 27), dt.date(2026, 11, 28)
    rows = [
        (d2, "booked"),
        (d1, "arrived"),
        (d1, "arrived"),
        (d1, "missed"),
        (d1, "cancelled"),
        (d2, "reminded"),
    ]
    days = rules.day_figures(rows)
    assert days[0] == rules.DayFigures(d1, made=4, kept=2, missed=1, cancelled=1, open=0)
    assert days[0].kept_rate == pytest.approx(2 / 3)
    assert days[1] == rules.DayFigures(d2, made=2, open=2)
    assert days[1].kept_rate is None
    total = rules.total_figures(days, d1)
    assert (total.made, total.kept, total.missed, total.cancelled, total.open) == (6, 2, 1, 1, 2)
    with pytest.raises(ValueError):
        rules.day_figures([(d1, "lost")])
