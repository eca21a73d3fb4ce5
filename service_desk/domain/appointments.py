"""Appointments (预约维修服务, R17): pure rules, no Qt and no SQL.

- the deposit: where parts must be ordered for the car, the customer pays at least half
  of their estimated price first, rounded up to the fen;
- the workshop's capacity: at most so many cars booked per day (cancelled and missed
  appointments give their place back);
- the reminder: half a day to one day before the slot (from 24 h to 12 h before it,
  both ends included); a booking made later than that needs no reminder;
- missed: an appointment still open when its slot has ended;
- the day calendar: the slots of a day within the workshop's open hours.

Every moment is an aware datetime.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from service_desk.domain.workshop_time import OpenHours, default_open_hours

REQUESTED_BY = ("customer", "dealer")
STATES = ("booked", "reminded", "arrived", "missed", "cancelled")
OPEN_STATES = ("booked", "reminded")  # still expected
TAKES_A_PLACE = ("booked", "reminded", "arrived")  # counted against the day's capacity
FINAL_STATES = ("arrived", "missed", "cancelled")
REMIND_FROM = dt.timedelta(days=1)  # the reminder window opens one day before the slot
REMIND_UNTIL = dt.timedelta(hours=12)  # and closes half a day before it
ITEMS_MAX = 2000
REASON_MAX = 200
MAX_FEN = 100_000_000_000


class AppointmentError(ValueError):
    """An appointment rule refused the step; code names the rule, params fill its text."""

    def __init__(self, code: str, field: str | None = None, **params: object):
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("appointment times carry their time zone")
    return moment


def appointment_number(day: str, appointment_id: int) -> str:
    """'YY' + the slot's day + the id: YY202611280007 (printed, read on the phone)."""
    return f"YY{day.replace('-', '')}{appointment_id:04d}"


# --- the deposit ----------------------------------------------------------------------------


def min_deposit_fen(parts_estimate_fen: int, parts_to_order: bool) -> int:
    """The least deposit: half the parts' price rounded up to the fen, when they must be
    ordered; nothing otherwise."""
    if parts_estimate_fen < 0:
        raise AppointmentError("parts.negative", "parts")
    return (parts_estimate_fen + 1) // 2 if parts_to_order else 0


def check_deposit(parts_estimate_fen: int, parts_to_order: bool, deposit_fen: int) -> None:
    """Refuse a deposit asked below the rule (or a negative one)."""
    if deposit_fen < 0 or deposit_fen > MAX_FEN:
        raise AppointmentError("deposit.range", "deposit")
    least = min_deposit_fen(parts_estimate_fen, parts_to_order)
    if deposit_fen < least:
        raise AppointmentError("deposit.too_low", "deposit", least_fen=least)


def deposit_open_fen(required_fen: int, paid_fen: int) -> int:
    """What is still to be paid of the deposit (never below zero)."""
    return max(0, required_fen - paid_fen)


# --- capacity -------------------------------------------------------------------------------


def places_left(capacity: int, taken: int) -> int:
    return max(0, capacity - taken)


def check_capacity(capacity: int, taken: int) -> None:
    """Refuse a booking on a day whose places are all taken."""
    if taken >= capacity:
        raise AppointmentError("appointment.day_full", "start", capacity=capacity)


# --- the slot -------------------------------------------------------------------------------


def check_slot(start: dt.datetime, end: dt.datetime, now: dt.datetime) -> None:
    """A slot ends after it starts and does not start in the past."""
    _aware(start), _aware(end), _aware(now)
    if end <= start:
        raise AppointmentError("appointment.slot_order", "start")
    if start < now:
        raise AppointmentError("appointment.past", "start")


def day_slots(
    day: dt.date, slot_minutes: int, hours: OpenHours | None = None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The slots of one day, back to back within each open range of the workshop."""
    if slot_minutes <= 0:
        raise ValueError("a slot lasts at least a minute")
    hours = hours or default_open_hours()
    step = dt.timedelta(minutes=slot_minutes)
    slots: list[tuple[dt.datetime, dt.datetime]] = []
    for open_at, close_at in hours.ranges_on(day):
        start = dt.datetime.combine(day, open_at, tzinfo=hours.zone)
        close = dt.datetime.combine(day, close_at, tzinfo=hours.zone)
        while start + step <= close:
            slots.append((start, start + step))
            start += step
    return slots


# --- the reminder and missed appointments ---------------------------------------------------


@dataclass(frozen=True)
class ReminderWindow:
    opens: dt.datetime
    closes: dt.datetime

    def __contains__(self, moment: dt.datetime) -> bool:
        return self.opens <= moment <= self.closes


def reminder_window(start: dt.datetime) -> ReminderWindow:
    """One day to half a day before the slot starts."""
    _aware(start)
    return ReminderWindow(start - REMIND_FROM, start - REMIND_UNTIL)


def reminder_status(state: str, start: dt.datetime, now: dt.datetime) -> str:
    """'due' inside the window, 'late' after it while the car is still to come, 'not_yet'
    before it; 'none' once reminded or ended."""
    if state != "booked":
        return "none"
    window = reminder_window(start)
    if now in window:
        return "due"
    if now < window.opens:
        return "not_yet"
    return "late" if now < start else "none"


def is_missed(state: str, end: dt.datetime, now: dt.datetime) -> bool:
    """Still expected, and its slot is over."""
    return state in OPEN_STATES and _aware(now) > _aware(end)


# --- statistics (预约统计表) ------------------------------------------------------------------


@dataclass(frozen=True)
class DayFigures:
    """The figures of one day — or of one group of the period (who asked for the
    appointments, the advisor who booked them): ``day`` then holds the group's key."""

    day: Any
    made: int = 0  # appointments for that day (or group)
    kept: int = 0  # arrived
    missed: int = 0
    cancelled: int = 0
    open: int = 0  # still booked or reminded

    @property
    def kept_rate(self) -> float | None:
        decided = self.kept + self.missed
        return self.kept / decided if decided else None


def day_figures(rows: Iterable[tuple[Any, str]]) -> list[DayFigures]:
    """(slot day, state) of each appointment -> the figures per day, in day order.
    Any sortable key groups the same way: (advisor, state) -> the figures per advisor."""
    counts: dict[Any, dict[str, int]] = {}
    for day, state in rows:
        if state not in STATES:
            raise ValueError(f"unknown appointment state {state!r}")
        c = counts.setdefault(day, dict.fromkeys(STATES, 0))
        c[state] += 1
    return [
        DayFigures(
            day=day,
            made=sum(c.values()),
            kept=c["arrived"],
            missed=c["missed"],
            cancelled=c["cancelled"],
            open=c["booked"] + c["reminded"],
        )
        for day, c in sorted(counts.items())
    ]


def total_figures(days: Iterable[DayFigures], first: dt.date) -> DayFigures:
    """The period's total, labelled with its first day."""
    days = list(days)
    return DayFigures(
        day=first,
        made=sum(d.made for d in days),
        kept=sum(d.kept for d in days),
        missed=sum(d.missed for d in days),
        cancelled=sum(d.cancelled for d in days),
        open=sum(d.open for d in days),
    )


@dataclass(frozen=True)
class Statistics:
    """The appointment statistics table (预约统计表) of a period: per day, its total, and
    the same figures by who asked (customer or dealer) and by the advisor who booked."""

    first: dt.date
    last: dt.date
    days: list[DayFigures]
    total: DayFigures
    by_source: list[DayFigures]  # day holds 'customer' or 'dealer'
    by_advisor: list[DayFigures]  # day holds the advisor's name


def statistics(
    first: dt.date, last: dt.date, rows: Iterable[tuple[dt.date, str, str, str]]
) -> Statistics:
    """(slot day, state, requested by, advisor) of each appointment of the period."""
    rows = list(rows)
    days = day_figures((day, state) for day, state, _by, _advisor in rows)
    return Statistics(
        first=first,
        last=last,
        days=days,
        total=total_figures(days, first),
        by_source=day_figures((by, state) for _day, state, by, _advisor in rows),
        by_advisor=day_figures((advisor, state) for _day, state, _by, advisor in rows),
    )
