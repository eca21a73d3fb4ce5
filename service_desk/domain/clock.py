"""Time at the counter: aware datetimes, stored as ISO-8601 with offset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"

Clock = Callable[[], dt.datetime]


def system_clock(tz: str = DEFAULT_TZ) -> Clock:
    zone = ZoneInfo(tz)

    def now() -> dt.datetime:
        return dt.datetime.now(zone).replace(microsecond=0)

    return now


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock that always says the same time (tests, scripted demo data)."""
    if moment.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")

    def now() -> dt.datetime:
        return moment

    return now


def iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times are stored with their offset")
    return moment.isoformat(timespec="seconds")


def parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def round_to_ten_minutes(moment: dt.datetime) -> dt.datetime:
    """09:34 -> 09:30, 09:35 -> 09:40 (R10: handover times to the nearest ten minutes)."""
    base = moment.replace(second=0, microsecond=0)
    minutes = (base.minute + 5) // 10 * 10
    return base.replace(minute=0) + dt.timedelta(minutes=minutes)
