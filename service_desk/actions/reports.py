"""The statistics of a period (R18) and the self-review's prefilled figures (R19):
read-only, the queries of store/stats_queries.py through domain/statistics.py."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlite_utils

from service_desk import reference
from service_desk.domain import statistics as stats
from service_desk.domain.report import REVIEW_KINDS, Period, Report
from service_desk.store import settings
from service_desk.store import stats_queries as q


def names() -> tuple[stats.Names, stats.Names, stats.Names]:
    """(models, vehicle categories, repair categories): code -> (name_zh, name_en)."""
    return (
        {m.code: (m.name_zh, m.name_en) for m in reference.car_models()},
        {c.code: (c.name_zh, c.name_en) for c in reference.vehicle_categories()},
        {c.code: (c.name_zh, c.name_en) for c in reference.repair_categories()},
    )


def rows(
    db: sqlite_utils.Database, b: stats.Bounds, advisor_id: int | None, *, details: bool = True
) -> stats.Rows:
    """Every family's rows of the period (and a day either side), one query each; the
    signed orders without the detail sheet's columns unless ``details``. Customer care
    of one advisor: the appointments they booked, the follow-ups of their orders, the
    complaints they took (domain/report.py)."""
    lo, hi = b.sql_range()
    args = (db, lo, hi, advisor_id)
    return stats.Rows(
        signed=q.signed_orders(*args, details=details),
        declined=q.declined_orders(*args),
        settlements=q.settlements(*args),
        settled_payments=q.settled_payments(*args),
        arrears=q.arrears_before(db, hi, advisor_id),
        extra=q.extra_items(*args),
        completed=q.completed_orders(*args),
        released=q.released_orders(*args),
        released_keys=q.released_keys(*args),
        key_outings=q.key_outings(*args),
        appointments=q.appointments(
            db, b.start.date().isoformat(), _last_day(b).isoformat(), advisor_id
        ),
        released_for_follow_up=q.released_for_follow_up(
            db, *stats.follow_up_bounds(b).sql_range(), advisor_id
        ),
        follow_ups=q.follow_ups(*args),
        complaints=q.complaints(*args),
    )


def _last_day(b: stats.Bounds) -> dt.date:
    """The period's last local day (its end is local midnight after it)."""
    return (b.end - dt.timedelta(days=1)).date()


def report(
    db: sqlite_utils.Database,
    period: Period,
    advisor_id: int | None = None,
    *,
    now: dt.datetime | None = None,
    details: bool = True,
) -> Report:
    """Every figure of the period, of every advisor or of one (orders.advisor_id: the
    advisor who has the case now). ``now`` (default: the present moment) only measures
    a key still out for the keys-out-late count. ``details=False`` leaves the detail
    rows out (``Report.details`` empty, every figure the same): what the previous period
    of a comparison and a self-review's figures need, at less cost."""
    tz = settings.get(db, "timezone")
    models, vehicle_categories, repair_categories = names()
    ref = stats.Reference(
        models=models,
        vehicle_categories=vehicle_categories,
        repair_categories=repair_categories,
        tz=tz,
        key_out_alert_hours=int(settings.get(db, "key_out_alert_hours")),
    )
    moment = now if now is not None else dt.datetime.now(ZoneInfo(tz))
    b = stats.bounds(period, tz)
    found = rows(db, b, advisor_id, details=details)
    return stats.build_report(period, found, ref, moment, details=details)


def self_review_figures(
    db: sqlite_utils.Database,
    kind: str,
    period: Period,
    advisor_id: int,
    *,
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """The REVIEW_FIGURES of one advisor over the period: a day ('day') or a calendar
    month ('month')."""
    if kind not in REVIEW_KINDS:
        raise ValueError(f"self-review kind {kind!r}")
    if kind == "day" and period.start != period.end:
        raise ValueError("a daily self-review covers one day")
    if kind == "month":
        whole = Period.month(period.start.year, period.start.month)
        if (period.start, period.end) != (whole.start, whole.end):
            raise ValueError("a monthly summary covers one calendar month")
    return stats.review_figures(report(db, period, advisor_id, now=now, details=False))
