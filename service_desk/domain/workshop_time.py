"""Workshop time: open hours, working time, progress checks and promised delivery.

Pure rules (R7, R10, R12), no Qt and no SQL. Every moment is an aware datetime;
results are given in the workshop's time zone (Asia/Shanghai by default). Working
time only runs while the workshop is open: closed nights, the lunch break, closed
weekdays and holidays are skipped. Durations are computed on absolute time (UTC),
so a zone with daylight saving would still count real hours.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from service_desk.domain import clock
from service_desk.domain.clock import DEFAULT_TZ

__all__ = [
    "PROGRESS_CHECK_EARLIEST",
    "PROGRESS_CHECK_LATEST",
    "WEEKDAYS",
    "OpenHours",
    "add_working_time",
    "default_open_hours",
    "is_open",
    "next_opening",
    "progress_check_due",
    "progress_check_window",
    "round_to_ten_minutes",
    "round_up_to_ten_minutes",
    "suggest_promise",
    "working_time_between",
]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TEN_MINUTES = dt.timedelta(minutes=10)
PROGRESS_CHECK_EARLIEST = 0.7  # R12: ask the workshop at 70–80 % of the planned duration
PROGRESS_CHECK_LATEST = 0.8
_ZERO = dt.timedelta(0)
_UTC = dt.UTC

TimeRange = tuple[dt.time, dt.time]


# --- checks ---------------------------------------------------------------------------


def _aware(name: str, moment: dt.datetime) -> dt.datetime:
    if not isinstance(moment, dt.datetime):
        raise ValueError(f"{name} must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} is a naive datetime: give it a time zone")
    return moment


def _not_negative(name: str, duration: dt.timedelta) -> dt.timedelta:
    if not isinstance(duration, dt.timedelta):
        raise ValueError(f"{name} must be a timedelta, not {type(duration).__name__}")
    if duration < _ZERO:
        raise ValueError(f"{name} is a negative duration ({duration})")
    return duration


def _hhmm(moment: dt.time) -> str:
    return moment.isoformat(timespec="minutes" if not moment.second else "seconds")


# --- open hours -----------------------------------------------------------------------


@dataclass(frozen=True)
class OpenHours:
    """When the workshop works: per weekday (Monday first) a list of (start, end)
    ranges within the day, plus closed dates (holidays). Ranges may touch but not
    overlap; an empty list closes that weekday."""

    weekly: Sequence[Iterable[TimeRange]]
    closed_dates: Iterable[dt.date] = field(default_factory=frozenset)
    tz: str = DEFAULT_TZ

    def __post_init__(self) -> None:
        if isinstance(self.weekly, str | bytes) or len(self.weekly) != 7:
            raise ValueError("open hours need exactly 7 weekdays, Monday to Sunday")
        weekly = tuple(
            _check_day(WEEKDAYS[index], ranges) for index, ranges in enumerate(self.weekly)
        )
        if not any(weekly):
            raise ValueError("open hours: the workshop is never open")
        closed = frozenset(self.closed_dates)
        for day in closed:
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                raise ValueError(f"closed date {day!r} is not a date")
        try:
            ZoneInfo(self.tz)
        except (ValueError, LookupError) as error:
            raise ValueError(f"open hours: unknown time zone {self.tz!r}") from error
        object.__setattr__(self, "weekly", weekly)
        object.__setattr__(self, "closed_dates", closed)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def ranges_on(self, day: dt.date) -> tuple[TimeRange, ...]:
        """The open ranges of one calendar day (none on a closed date)."""
        if day in self.closed_dates:
            return ()
        return tuple(self.weekly[day.weekday()])


def _check_day(weekday: str, ranges: Iterable[TimeRange]) -> tuple[TimeRange, ...]:
    checked: list[TimeRange] = []
    for item in ranges:
        try:
            start, end = item
        except (TypeError, ValueError) as error:
            raise ValueError(
                f"open hours {weekday}: {item!r} is not a (start, end) pair"
            ) from error
        if not isinstance(start, dt.time) or not isinstance(end, dt.time):
            raise ValueError(f"open hours {weekday}: {item!r} needs two times of day")
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError(f"open hours {weekday}: times of day carry no time zone")
        if end <= start:
            raise ValueError(
                f"open hours {weekday}: range {_hhmm(start)}–{_hhmm(end)} ends before it starts"
            )
        checked.append((start, end))
    checked.sort()
    for (start_a, end_a), (start_b, end_b) in itertools.pairwise(checked):
        if start_b < end_a:
            raise ValueError(
                f"open hours {weekday}: ranges {_hhmm(start_a)}–{_hhmm(end_a)} and "
                f"{_hhmm(start_b)}–{_hhmm(end_b)} overlap"
            )
    return tuple(checked)


def default_open_hours(closed_dates: Iterable[dt.date] = (), tz: str = DEFAULT_TZ) -> OpenHours:
    """A typical 4S dealer: every day 08:30–12:00 and 13:30–17:30.

    Only a default — the dealer sets their own hours and holidays."""
    day = ((dt.time(8, 30), dt.time(12, 0)), (dt.time(13, 30), dt.time(17, 30)))
    return OpenHours(weekly=(day,) * 7, closed_dates=frozenset(closed_dates), tz=tz)


def _periods(hours: OpenHours, since: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The open periods (UTC) that end after `since`, the first one clipped to start
    no earlier than `since`. Endless: the week has at least one open range."""
    zone = hours.zone
    since = since.astimezone(_UTC)
    day = since.astimezone(zone).date()
    while True:
        for start, end in hours.ranges_on(day):
            opens = dt.datetime.combine(day, start, tzinfo=zone).astimezone(_UTC)
            closes = dt.datetime.combine(day, end, tzinfo=zone).astimezone(_UTC)
            if closes > since:
                yield max(opens, since), closes
        day += dt.timedelta(days=1)


def is_open(hours: OpenHours, moment: dt.datetime) -> bool:
    """Whether the workshop is open at `moment` (a range includes its start, not its end)."""
    local = _aware("moment", moment).astimezone(hours.zone)
    now = local.time().replace(tzinfo=None)
    return any(start <= now < end for start, end in hours.ranges_on(local.date()))


def next_opening(hours: OpenHours, moment: dt.datetime) -> dt.datetime:
    """`moment` itself when the workshop is open then, else the next time it opens."""
    opens, _ = next(_periods(hours, _aware("moment", moment)))
    return opens.astimezone(hours.zone)


def add_working_time(hours: OpenHours, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """When `duration` of working time begun at `start` is done, counting open hours only.

    Work that ends exactly at closing time ends then (not at the next opening); no
    work at all ends at `start`."""
    _aware("start", start)
    remaining = _not_negative("duration", duration)
    if remaining == _ZERO:
        return start.astimezone(hours.zone)
    for opens, closes in _periods(hours, start):
        available = closes - opens
        if remaining <= available:
            return (opens + remaining).astimezone(hours.zone)
        remaining -= available
    raise AssertionError("unreachable: open periods never run out")  # pragma: no cover


def working_time_between(hours: OpenHours, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The open (working) time from `start` to `end`."""
    _aware("start", start)
    _aware("end", end)
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    total = _ZERO
    for opens, closes in _periods(hours, start):
        if opens >= end:
            break
        total += min(closes, end) - opens
    return total


# --- rounding -------------------------------------------------------------------------


def round_to_ten_minutes(moment: dt.datetime) -> dt.datetime:
    """Handover times as the counter writes them (R10): the nearest ten minutes,
    seconds dropped first (10:04:59 -> 10:00, 10:05 -> 10:10). The rule itself lives
    in `clock.round_to_ten_minutes`; this checks the moment is aware."""
    return clock.round_to_ten_minutes(_aware("moment", moment))


def round_up_to_ten_minutes(moment: dt.datetime) -> dt.datetime:
    """The next ten-minute mark at or after `moment` (10:00 stays, 10:00:01 -> 10:10)."""
    _aware("moment", moment)
    mark = moment.replace(minute=moment.minute // 10 * 10, second=0, microsecond=0)
    return mark if mark == moment else mark + TEN_MINUTES


# --- progress checks (R12) ------------------------------------------------------------


def _check_fraction(name: str, fraction: float) -> float:
    if not PROGRESS_CHECK_EARLIEST <= fraction <= PROGRESS_CHECK_LATEST:
        raise ValueError(
            f"{name} {fraction!r} is outside the progress-check window "
            f"{PROGRESS_CHECK_EARLIEST:.0%}–{PROGRESS_CHECK_LATEST:.0%}"
        )
    return fraction


def _check_planned(planned: dt.timedelta) -> dt.timedelta:
    if _not_negative("planned", planned) == _ZERO:
        raise ValueError("planned duration is zero: a progress check needs a planned duration")
    return planned


def _share(planned: dt.timedelta, fraction: float) -> dt.timedelta:
    return dt.timedelta(seconds=round(planned.total_seconds() * fraction))


def progress_check_due(
    hours: OpenHours, start: dt.datetime, planned: dt.timedelta, fraction: float = 0.75
) -> dt.datetime:
    """When to ask the workshop how the job goes (R12): after `fraction` (70–80 %,
    default 75 %) of the planned working duration, counted through open hours from
    the handover `start`. The share is rounded to whole seconds."""
    _aware("start", start)
    _check_planned(planned)
    _check_fraction("fraction", fraction)
    return add_working_time(hours, start, _share(planned, fraction))


def progress_check_window(
    hours: OpenHours,
    start: dt.datetime,
    planned: dt.timedelta,
    earliest: float = PROGRESS_CHECK_EARLIEST,
    latest: float = PROGRESS_CHECK_LATEST,
) -> tuple[dt.datetime, dt.datetime]:
    """The span in which the progress check is due: (at 70 %, at 80 %) by default."""
    _aware("start", start)
    _check_planned(planned)
    _check_fraction("earliest", earliest)
    _check_fraction("latest", latest)
    if latest < earliest:
        raise ValueError(f"latest {latest!r} is before earliest {earliest!r}")
    return (
        add_working_time(hours, start, _share(planned, earliest)),
        add_working_time(hours, start, _share(planned, latest)),
    )


# --- promised delivery (R7) -----------------------------------------------------------


def suggest_promise(
    hours: OpenHours,
    now: dt.datetime,
    planned: dt.timedelta,
    booked_ahead: dt.timedelta,
    parts_arrival: dt.datetime | None,
    margin: dt.timedelta,
) -> dt.datetime:
    """The delivery time to promise (R7).

    The job starts once the team has done the work booked ahead of it (`booked_ahead`
    of working time from `now`) and not before the parts to order arrive
    (`parts_arrival`, if later). Then its planned working time, then the margin (also
    working time). The result is rounded up to ten minutes and, when that is not
    within open hours (a closing time is not), moved to the next opening: the car is
    handed back while the workshop is open."""
    _aware("now", now)
    _not_negative("planned", planned)
    _not_negative("booked_ahead", booked_ahead)
    _not_negative("margin", margin)
    if parts_arrival is not None:
        _aware("parts_arrival", parts_arrival)
    begins = add_working_time(hours, now, booked_ahead)
    if parts_arrival is not None and parts_arrival > begins:
        begins = parts_arrival.astimezone(hours.zone)
    done = add_working_time(hours, add_working_time(hours, begins, planned), margin)
    return next_opening(hours, round_up_to_ten_minutes(done))
