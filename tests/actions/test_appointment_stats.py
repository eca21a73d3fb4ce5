"""The appointment statistics table 预约统计表 (R17): figures per day, by who asked and by
advisor, from appointments booked and moved through the real actions; its printed form."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from service_desk.actions import appointments as ap
from service_desk.actions.appointment_stats import appointment_statistics
from service_desk.actions.context import ActionError
from service_desk.domain.clock import fixed_clock
from service_desk.printing.appointment_stats_form import render_appointment_stats
from tests.actions.test_appointments import TOMORROW_9, booking
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW, staff_id
from tests.printing.conftest import flat, pdf_pages

TODAY_2PM = NOW.replace(hour=14, minute=0)


@pytest.fixture
def period(ctx) -> dict[str, int]:
    """Today: one kept (王芳, customer asked), one missed (李强, dealer proposed);
    tomorrow: one cancelled (王芳, dealer), one still to come (李强, customer)."""
    vs = [walk_in(ctx, plate=f"皖B6666{i}", phone=f"1386666000{i}")[1] for i in range(4)]
    kept = ap.book(ctx, booking(vs[0], start=TODAY_2PM, parts_to_order=False))
    cancelled = ap.book(ctx, booking(vs[2], requested_by="dealer", parts_to_order=False))
    ctx.user_id = staff_id(ctx, "李强")
    missed = ap.book(
        ctx,
        booking(vs[1], start=TODAY_2PM + dt.timedelta(hours=1), requested_by="dealer"),
    )
    ap.book(ctx, booking(vs[3], start=TOMORROW_9 + dt.timedelta(hours=1)))
    ctx.user_id = staff_id(ctx, "王芳")
    ap.cancel(ctx, cancelled, "客户改约")
    ctx.clock = fixed_clock(TODAY_2PM + dt.timedelta(minutes=5))
    ap.arrive(ctx, kept)
    ctx.clock = fixed_clock(TODAY_2PM + dt.timedelta(hours=3))
    ap.mark_missed(ctx, missed)
    return {"kept": kept, "missed": missed}


def figures(f) -> tuple[int, int, int, int, int]:
    return (f.made, f.kept, f.missed, f.cancelled, f.open)


def test_the_figures_by_day_source_and_advisor(ctx, period):
    s = appointment_statistics(ctx.db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [(d.day.isoformat(), figures(d)) for d in s.days] == [
        ("2026-11-27", (2, 1, 1, 0, 0)),
        ("2026-11-28", (2, 0, 0, 1, 1)),
    ]
    assert figures(s.total) == (4, 1, 1, 1, 1)
    assert s.total.kept_rate == 0.5
    assert {f.day: figures(f) for f in s.by_source} == {
        "customer": (2, 1, 0, 0, 1),
        "dealer": (2, 0, 1, 1, 0),
    }
    assert {f.day: figures(f) for f in s.by_advisor} == {
        "王芳": (2, 1, 0, 1, 0),
        "李强": (2, 0, 1, 0, 1),
    }
    # one day only, and a period with none
    today = appointment_statistics(ctx.db, NOW.date(), NOW.date())
    assert figures(today.total) == (2, 1, 1, 0, 0)
    empty = appointment_statistics(ctx.db, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert (empty.days, figures(empty.total), empty.total.kept_rate) == ([], (0,) * 5, None)


def test_a_period_must_run_forward_and_stay_within_a_year(ctx):
    with pytest.raises(ActionError) as exc:
        appointment_statistics(ctx.db, dt.date(2026, 11, 30), dt.date(2026, 11, 1))
    assert (exc.value.code, exc.value.field) == ("appointment_stats.order", "last")
    with pytest.raises(ActionError) as exc:
        appointment_statistics(ctx.db, dt.date(2025, 1, 1), dt.date(2026, 1, 2))
    assert exc.value.code == "appointment_stats.too_long"
    assert appointment_statistics(ctx.db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_the_printed_table(ctx, period, tmp_path):
    s = appointment_statistics(ctx.db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    pdf = render_appointment_stats(ctx.db, s, printed_by="王芳", now=NOW)
    [page] = pdf_pages(pdf)
    text = flat(page)
    for expected in (
        "预约统计表",
        "2026-11-01–2026-11-30（30天）",
        "客户预约",
        "本店邀约",
        "王芳",
        "李强",
        "2026-11-27（星期五）",
        "合计",
        "50.0%",
        "履约率=到店÷（到店+失约）",
        "审核（服务经理）",
    ):
        assert expected in text, expected
    path = tmp_path / "stats.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "p")], check=True)
    assert list(tmp_path.glob("p*.png"))
    english = flat(
        pdf_pages(render_appointment_stats(ctx.db, s, printed_by="W", now=NOW, lang="en"))[0]
    )
    assert "Appointmentstatistics" in english and "Keptrate" in english
