"""The advisor's daily self-review and monthly summary for the service manager (R19).

A review is prefilled with the advisor's figures of the period (actions/reports.py),
then the advisor writes what went well, what to improve and the plan. Saving recomputes
the figures and stores them with the texts as the next version of that review: an edit
never overwrites, the latest version is the current one (the table is append-only).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from typing import Any

import sqlite_utils

from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import validation as v
from service_desk.domain.report import REVIEW_FIGURES, REVIEW_KINDS, Period, SelfReview

TEXT_MAX = 2000  # characters per text; the database checks it again (schema_v12)
TEXT_FIELDS = ("went_well", "to_improve", "plan")

_LATEST = """
    SELECT r.*, s.name AS advisor FROM self_reviews r JOIN staff s ON s.id = r.staff_id
    WHERE r.version = (SELECT max(x.version) FROM self_reviews x
                       WHERE x.staff_id = r.staff_id AND x.kind = r.kind
                         AND x.period_start = r.period_start)
"""


def check_period(kind: str, period: Period, today: dt.date | None = None) -> None:
    """A day review covers one day, a month summary one whole calendar month; neither is
    written for a period that has not begun (``today`` given)."""
    if kind not in REVIEW_KINDS:
        raise ActionError("review.kind", None, kind=kind)
    if kind == "day" and not (period.kind == "day" and period.start == period.end):
        raise ActionError("review.day_period")
    if kind == "month":
        last = calendar.monthrange(period.start.year, period.start.month)[1]
        whole = period.start.day == 1 and period.end == period.start.replace(day=last)
        if period.kind != "month" or not whole:
            raise ActionError("review.month_period")
    if today is not None and period.start > today:
        raise ActionError("review.future")


def _figures(db: sqlite_utils.Database, kind: str, period: Period, staff_id: int) -> dict[str, int]:
    from service_desk.actions import reports

    raw = reports.self_review_figures(db, kind, period, staff_id)
    return {key: int(raw.get(key, 0) or 0) for key in REVIEW_FIGURES}


def _period(kind: str, start: str) -> Period:
    day = dt.date.fromisoformat(start)
    return Period.day(day) if kind == "day" else Period.month(day.year, day.month)


def _review(r: dict[str, Any]) -> SelfReview:
    stored = json.loads(r["figures"])
    figures = {key: int(stored.get(key, 0)) for key in REVIEW_FIGURES}
    figures.update({k: int(x) for k, x in stored.items() if k not in figures})
    return SelfReview(
        kind=r["kind"],
        period=_period(r["kind"], r["period_start"]),
        advisor=r["advisor"],
        figures=figures,
        went_well=r["went_well"],
        to_improve=r["to_improve"],
        plan=r["plan"],
        saved_at=r["saved_at"],
    )


def _latest_row(
    db: sqlite_utils.Database, staff_id: int, kind: str, start: dt.date
) -> dict[str, Any] | None:
    rows = list(
        db.query(
            _LATEST + " AND r.staff_id = ? AND r.kind = ? AND r.period_start = ?",
            [staff_id, kind, start.isoformat()],
        )
    )
    return rows[0] if rows else None


def draft(ctx: Ctx, kind: str, period: Period) -> SelfReview:
    """The current user's review of the period: the latest saved version if there is
    one (with the figures as saved), else a blank one prefilled with today's figures."""
    actor = ctx.actor()
    check_period(kind, period)
    stored = _latest_row(ctx.db, actor["id"], kind, period.start)
    if stored is not None:
        return _review(stored)
    return SelfReview(kind, period, actor["name"], _figures(ctx.db, kind, period, actor["id"]))


def save(ctx: Ctx, kind: str, period: Period, went_well: str, to_improve: str, plan: str) -> int:
    """Save the current user's review as its next version (figures recomputed now);
    returns its row id. Saving the same texts over the same figures adds nothing."""
    actor = ctx.actor()
    check_period(kind, period, ctx.clock().date())
    raw = {"went_well": went_well, "to_improve": to_improve, "plan": plan}
    v.raise_if_errors(v.collect(*(v.check_text(raw[f], f, TEXT_MAX) for f in TEXT_FIELDS)))
    texts = {f: raw[f].strip() for f in TEXT_FIELDS}
    if not any(texts.values()):  # figures alone are no review: say so under the first box
        v.raise_if_errors([v.Problem("went_well", "review.empty")])
    figures = _figures(ctx.db, kind, period, actor["id"])
    with ctx.transaction() as db:
        latest = _latest_row(db, actor["id"], kind, period.start)
        if (
            latest is not None
            and all(latest[f] == texts[f] for f in TEXT_FIELDS)
            and json.loads(latest["figures"]) == figures
        ):
            return int(latest["id"])
        version = 1 if latest is None else latest["version"] + 1
        review_id = int(
            db["self_reviews"]
            .insert(
                {
                    "staff_id": actor["id"],
                    "kind": kind,
                    "period_start": period.start.isoformat(),
                    "period_end": period.end.isoformat(),
                    "figures": json.dumps(figures, sort_keys=True),
                    **texts,
                    "saved_at": ctx.now(),
                    "version": version,
                }
            )
            .last_pk
        )
        audit(
            ctx,
            "self_review",
            review_id,
            "save",
            None if latest is None else {"id": latest["id"], "version": latest["version"]},
            {"kind": kind, "period_start": period.start.isoformat(), "version": version},
        )
    return review_id


def reviews_for(db: sqlite_utils.Database, period: Period) -> list[SelfReview]:
    """The current version of every review whose period lies within ``period`` (the
    monthly workbook): by advisor, the daily reviews by date, then the monthly summary."""
    rows = db.query(
        _LATEST + " AND r.period_start >= ? AND r.period_end <= ? "
        "ORDER BY s.name, r.staff_id, r.kind = 'month', r.period_start",
        [period.start.isoformat(), period.end.isoformat()],
    )
    return [_review(r) for r in rows]


def history(db: sqlite_utils.Database, staff_id: int, kind: str) -> list[SelfReview]:
    """Every review of this kind one member of staff wrote, current versions, newest first."""
    rows = db.query(
        _LATEST + " AND r.staff_id = ? AND r.kind = ? ORDER BY r.period_start DESC",
        [staff_id, kind],
    )
    return [_review(r) for r in rows]


def versions(
    db: sqlite_utils.Database, staff_id: int, kind: str, period: Period
) -> list[SelfReview]:
    """Every saved version of one review, oldest first (what the manager may compare)."""
    rows = db.query(
        "SELECT r.*, s.name AS advisor FROM self_reviews r JOIN staff s ON s.id = r.staff_id "
        "WHERE r.staff_id = ? AND r.kind = ? AND r.period_start = ? ORDER BY r.version",
        [staff_id, kind, period.start.isoformat()],
    )
    return [_review(r) for r in rows]
