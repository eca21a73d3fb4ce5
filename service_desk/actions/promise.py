"""A suggested delivery time for an order (R7), from the workshop's load and open hours.

The job's planned time is its labour hours (at least half an hour); the work already
promised ahead of it is the labour of every other order the workshop has taken or is
about to take; the margin is a setting. The advisor may override the suggestion.
"""

from __future__ import annotations

import datetime as dt

from service_desk.actions.context import Ctx
from service_desk.domain.workshop_time import default_open_hours, suggest_promise
from service_desk.store import settings

MIN_PLANNED = dt.timedelta(minutes=30)
# orders whose labour is ahead of a new order in the workshop's queue
AHEAD_STATES = ("signed", "checked_in", "handed_off", "in_progress")


def _labour(ctx: Ctx, where: str, params: list[object]) -> dt.timedelta:
    milli_hours = ctx.db.execute(
        "SELECT coalesce(sum(l.qty_milli), 0) FROM order_lines l "
        "JOIN repair_orders o ON o.id = l.order_id "
        f"WHERE l.kind = 'labour' AND l.status = 'active' AND {where}",
        params,
    ).fetchone()[0]
    return dt.timedelta(hours=milli_hours / 1000)


def planned_time(ctx: Ctx, order_id: int) -> dt.timedelta:
    return max(MIN_PLANNED, _labour(ctx, "o.id = ?", [order_id]))


def booked_ahead(ctx: Ctx, order_id: int) -> dt.timedelta:
    marks = ", ".join("?" * len(AHEAD_STATES))
    return _labour(ctx, f"o.id <> ? AND o.state IN ({marks})", [order_id, *AHEAD_STATES])


def suggested_promise(ctx: Ctx, order_id: int) -> dt.datetime:
    """When the car can honestly be promised, counted in the workshop's open hours."""
    hours = default_open_hours(tz=settings.get(ctx.db, "timezone"))
    margin = dt.timedelta(minutes=int(settings.get(ctx.db, "promise_margin_minutes")))
    return suggest_promise(
        hours,
        ctx.clock(),
        planned_time(ctx, order_id),
        booked_ahead(ctx, order_id),
        None,
        margin,
    )
