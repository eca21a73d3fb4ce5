"""The advisor's daily self-review and monthly summary (R19): prefilled, saved as versions,
validated, collected for the monthly workbook; the table is append-only."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from service_desk.actions import printing, reports, self_review
from service_desk.actions.context import ActionError
from service_desk.domain.clock import fixed_clock
from service_desk.domain.report import REVIEW_FIGURES, Period
from service_desk.domain.validation import ValidationError
from tests.conftest import NOW, staff_id

TODAY = NOW.date()  # 2026-11-27
DAY = Period.day(TODAY)
NOVEMBER = Period.month(2026, 11)


class Figures:
    """A stand-in for reports.self_review_figures: per advisor, changeable, recording calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Period, int]] = []
        self.values: dict[int, dict[str, int]] = {}

    def __call__(self, db, kind, period, advisor_id):
        self.calls.append((kind, period, advisor_id))
        base = {key: 0 for key in REVIEW_FIGURES}
        return {**base, **self.values.get(advisor_id, {})}


@pytest.fixture
def figures(monkeypatch) -> Figures:
    fake = Figures()
    monkeypatch.setattr(reports, "self_review_figures", fake)
    return fake


def at(ctx, day: dt.date, hour: int = 18) -> None:
    ctx.clock = fixed_clock(dt.datetime.combine(day, dt.time(hour, 0), tzinfo=NOW.tzinfo))


def rows(ctx) -> list[dict]:
    return list(ctx.db.query("SELECT * FROM self_reviews ORDER BY id"))


def test_a_new_review_is_prefilled_with_the_advisors_figures(ctx, figures):
    figures.values[ctx.user_id] = {"received": 6, "released": 4, "revenue_fen": 1_234_550}
    review = self_review.draft(ctx, "day", DAY)
    assert review.kind == "day" and review.period == DAY and review.advisor == "王芳"
    assert review.figures["received"] == 6 and review.figures["revenue_fen"] == 1_234_550
    assert list(review.figures) == list(REVIEW_FIGURES)
    assert (review.went_well, review.to_improve, review.plan, review.saved_at) == ("", "", "", None)
    assert figures.calls == [("day", DAY, ctx.user_id)]
    assert rows(ctx) == []  # a draft writes nothing


def test_save_stores_the_texts_with_the_figures_counted_then(ctx, figures):
    figures.values[ctx.user_id] = {"received": 6, "promises_due": 4, "promises_kept": 3}
    review_id = self_review.save(
        ctx, "day", DAY, "  环车检查当面确认。\n客户满意。 ", "没有提前打电话。", "明早回访。"
    )
    [row] = rows(ctx)
    assert row["id"] == review_id and row["staff_id"] == ctx.user_id and row["version"] == 1
    assert (row["kind"], row["period_start"], row["period_end"]) == (
        "day",
        "2026-11-27",
        "2026-11-27",
    )
    assert row["went_well"] == "环车检查当面确认。\n客户满意。"  # trimmed, lines kept
    assert json.loads(row["figures"])["promises_kept"] == 3
    assert row["saved_at"] == "2026-11-27T09:30:00+08:00"
    stored = self_review.draft(ctx, "day", DAY)
    assert stored.went_well == row["went_well"] and stored.saved_at == row["saved_at"]
    assert stored.figures["received"] == 6
    audit = ctx.db.execute(
        "SELECT staff_id, action, after_json FROM audit WHERE entity = 'self_review'"
    ).fetchall()
    assert [(a[0], a[1]) for a in audit] == [(ctx.user_id, "save")]
    assert json.loads(audit[0][2]) == {"kind": "day", "period_start": "2026-11-27", "version": 1}


def test_an_edit_appends_a_new_version_and_keeps_the_old(ctx, figures):
    figures.values[ctx.user_id] = {"received": 5}
    first = self_review.save(ctx, "day", DAY, "接车顺利。", "", "明早回访。")
    assert self_review.save(ctx, "day", DAY, "接车顺利。 ", "", "明早回访。") == first  # same
    figures.values[ctx.user_id] = {"received": 7}  # two more cars came in since
    second = self_review.save(ctx, "day", DAY, "接车顺利。", "", "明早回访；跟进配件。")
    assert second != first
    old, new = self_review.versions(ctx.db, ctx.user_id, "day", DAY)
    assert (old.plan, old.figures["received"]) == ("明早回访。", 5)
    assert (new.plan, new.figures["received"]) == ("明早回访；跟进配件。", 7)
    assert [r["version"] for r in rows(ctx)] == [1, 2]
    assert self_review.draft(ctx, "day", DAY).plan == "明早回访；跟进配件。"
    # only the figures changed: that is a new version too, the texts as they were
    figures.values[ctx.user_id] = {"received": 8}
    self_review.save(ctx, "day", DAY, "接车顺利。", "", "明早回访；跟进配件。")
    assert [r["version"] for r in rows(ctx)] == [1, 2, 3]
    before = ctx.db.execute(
        "SELECT before_json FROM audit WHERE entity = 'self_review' ORDER BY id DESC"
    ).fetchone()[0]
    assert json.loads(before)["version"] == 2


def test_each_advisor_has_their_own_review_of_the_day(ctx, figures):
    self_review.save(ctx, "day", DAY, "王芳的自评", "", "")
    ctx.user_id = staff_id(ctx, "李强")
    assert self_review.draft(ctx, "day", DAY).went_well == ""
    self_review.save(ctx, "day", DAY, "李强的自评", "", "")
    assert [(r["staff_id"], r["version"]) for r in rows(ctx)] == [
        (staff_id(ctx, "王芳"), 1),
        (staff_id(ctx, "李强"), 1),
    ]


def problems(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple]:
    return [(p.field, p.code, dict(p.params)) for p in exc.value.problems]


def test_texts_are_validated_and_nothing_is_saved(ctx, figures):
    with pytest.raises(ValidationError) as exc:
        self_review.save(ctx, "day", DAY, "好" * 2001, "外观\x07检查", "计划" * 1000)
    assert problems(exc) == [
        ("went_well", "text.too_long", {"max": 2000}),
        ("to_improve", "text.control", {}),
    ]
    with pytest.raises(ValidationError) as exc:
        self_review.save(ctx, "day", DAY, "  ", "\n", "")
    assert problems(exc) == [("went_well", "review.empty", {})]
    assert rows(ctx) == []
    self_review.save(ctx, "day", DAY, "好" * 2000, "", "")  # exactly the limit is fine
    assert len(rows(ctx)[0]["went_well"]) == 2000


def test_a_review_covers_one_day_or_one_whole_month_that_has_begun(ctx, figures):
    cases = [
        ("day", Period.week(TODAY), "review.day_period"),
        ("day", Period(TODAY, TODAY), "review.day_period"),  # a one-day range is no day
        ("month", Period(dt.date(2026, 11, 1), dt.date(2026, 11, 15)), "review.month_period"),
        ("month", Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), "review.month_period"),
        ("week", Period.week(TODAY), "review.kind"),
        ("day", Period.day(TODAY + dt.timedelta(days=1)), "review.future"),
        ("month", Period.month(2026, 12), "review.future"),
    ]
    for kind, period, code in cases:
        with pytest.raises(ActionError) as exc:
            self_review.save(ctx, kind, period, "写了点东西", "", "")
        assert exc.value.code == code, (kind, period)
    # the month under way may be summed up before it ends
    self_review.save(ctx, "month", NOVEMBER, "本月总结", "", "")
    ctx.user_id = None
    with pytest.raises(ActionError, match=r"user\.required"):
        self_review.draft(ctx, "day", DAY)
    assert len(rows(ctx)) == 1


def test_reviews_for_a_month_are_the_current_versions_of_every_advisor(ctx, figures):
    wang, li = staff_id(ctx, "王芳"), staff_id(ctx, "李强")
    figures.values[wang] = {"received": 30}
    at(ctx, dt.date(2026, 10, 31))
    self_review.save(ctx, "day", Period.day(dt.date(2026, 10, 31)), "十月最后一天", "", "")
    self_review.save(ctx, "month", Period.month(2026, 10), "十月总结", "", "")
    for day in (dt.date(2026, 11, 25), dt.date(2026, 11, 26)):
        at(ctx, day)
        self_review.save(ctx, "day", Period.day(day), f"王芳 {day.day} 日", "", "")
    self_review.save(ctx, "day", Period.day(dt.date(2026, 11, 26)), "王芳 26 日（改）", "", "")
    ctx.user_id = li
    self_review.save(ctx, "day", Period.day(dt.date(2026, 11, 26)), "李强 26 日", "", "")
    at(ctx, dt.date(2026, 11, 30))
    ctx.user_id = wang
    self_review.save(ctx, "month", NOVEMBER, "十一月总结", "", "")

    found = self_review.reviews_for(ctx.db, NOVEMBER)
    assert [(r.advisor, r.kind, r.period.start.isoformat(), r.went_well) for r in found] == [
        ("李强", "day", "2026-11-26", "李强 26 日"),
        ("王芳", "day", "2026-11-25", "王芳 25 日"),
        ("王芳", "day", "2026-11-26", "王芳 26 日（改）"),
        ("王芳", "month", "2026-11-01", "十一月总结"),
    ]
    assert found[-1].period == NOVEMBER and found[-1].figures["received"] == 30
    october = self_review.reviews_for(ctx.db, Period.month(2026, 10))
    assert [(r.kind, r.went_well) for r in october] == [
        ("day", "十月最后一天"),
        ("month", "十月总结"),
    ]
    # a week holds its days but not the month around it
    week = self_review.reviews_for(ctx.db, Period.week(dt.date(2026, 11, 26)))
    assert {r.kind for r in week} == {"day"} and len(week) == 3

    history = self_review.history(ctx.db, wang, "day")
    assert [r.went_well for r in history] == ["王芳 26 日（改）", "王芳 25 日", "十月最后一天"]
    assert [r.went_well for r in self_review.history(ctx.db, wang, "month")] == [
        "十一月总结",
        "十月总结",
    ]


def test_the_database_refuses_to_change_or_delete_a_review(ctx, figures):
    self_review.save(ctx, "day", DAY, "写好了", "", "")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ctx.db.execute("UPDATE self_reviews SET went_well = '改过了'")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        ctx.db.execute("DELETE FROM self_reviews")
    with pytest.raises(sqlite3.IntegrityError, match="next version"):
        ctx.db.execute(
            "INSERT INTO self_reviews(staff_id, kind, period_start, period_end, figures, "
            "saved_at, version) VALUES (?, 'day', '2026-11-27', '2026-11-27', '{}', 'x', 1)",
            [ctx.user_id],
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        ctx.db.execute(
            "INSERT INTO self_reviews(staff_id, kind, period_start, period_end, figures, "
            "saved_at, version) VALUES (?, 'month', '2026-11-02', '2026-11-30', '{}', 'x', 1)",
            [ctx.user_id],
        )
    assert [r["went_well"] for r in rows(ctx)] == ["写好了"]


def test_a_printed_review_is_logged_without_an_order(ctx):
    assert printing.record_print(ctx, None, "self_review", "HP LaserJet", 1) == 0
    log = ctx.db.execute("SELECT order_id, form_kind, copy_no FROM print_log").fetchall()
    assert log == [(None, "self_review", 0)]
