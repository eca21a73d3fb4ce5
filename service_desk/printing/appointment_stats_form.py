"""The appointment statistics table 预约统计表 (R17) as a printed form: no order behind it,
rendered from the figures of actions.appointment_stats and logged without an order."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.domain.appointments import DayFigures, Statistics
from service_desk.printing.appointment_forms import requested_by_name
from service_desk.printing.context import Context
from service_desk.printing.header import day_text, dealer, printed_line
from service_desk.store import settings

APPOINTMENT_STATS = "appointment_stats"


def rate_text(figures: DayFigures) -> str:
    rate = figures.kept_rate
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _row(name: str, f: DayFigures) -> dict[str, str]:
    counts = {k: str(getattr(f, k)) for k in ("made", "kept", "missed", "cancelled", "open")}
    return {"name": name, **counts, "rate": rate_text(f)}


def statistics_context(stats: Statistics, db: sqlite_utils.Database, lang: str) -> Context:
    total = "合计" if lang == "zh" else "Total"
    days = [_row(day_text(f.day, lang), f) for f in stats.days]
    if days:
        days.append(_row(total, stats.total))
    span = f"{stats.first} – {stats.last}"
    return {
        "lang": lang,
        "dealer": dealer(db),
        "stats": {
            "period": f"{span}（{(stats.last - stats.first).days + 1} 天）"
            if lang == "zh"
            else f"{span} ({(stats.last - stats.first).days + 1} days)",
            "total": _row(total, stats.total),
            "sources": [_row(requested_by_name(f.day, lang), f) for f in stats.by_source],
            "advisors": [_row(f.day, f) for f in stats.by_advisor],
            "days": days,
        },
    }


def render_appointment_stats(
    db: sqlite_utils.Database,
    stats: Statistics,
    *,
    printed_by: str,
    now: dt.datetime,
    lang: str = "zh",
) -> bytes:
    """The statistics table as PDF bytes (A4)."""
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    return render(
        APPOINTMENT_STATS,
        statistics_context(stats, db, lang),
        printed=printed_line(printed_by, now, lang),
        font=settings.get(db, "print_font"),
    )
