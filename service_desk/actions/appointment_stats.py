"""The appointment statistics table 预约统计表 (R17): how many appointments a period had,
how many were kept, missed or cancelled — per day, by who asked for them (the customer
or the dealer's invitation) and by the advisor who booked them. Read-only."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.actions.context import ActionError
from service_desk.domain import appointments as rules
from service_desk.store import appointment_queries as aq

# A statistics table covers at most a year: longer periods belong to the reports' workbook.
MAX_DAYS = 366


def check_period(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise ActionError("appointment_stats.order", "last")
    if (last - first).days + 1 > MAX_DAYS:
        raise ActionError("appointment_stats.too_long", "last", days=MAX_DAYS)


def appointment_statistics(
    db: sqlite_utils.Database, first: dt.date, last: dt.date
) -> rules.Statistics:
    """The figures of the appointments whose slot falls on ``first`` .. ``last``."""
    check_period(first, last)
    rows = aq.statistics_rows(db, first.isoformat(), last.isoformat())
    return rules.statistics(
        first,
        last,
        (
            (dt.date.fromisoformat(r["day"]), r["state"], r["requested_by"], r["booked_by_name"])
            for r in rows
        ),
    )
