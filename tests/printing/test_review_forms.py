"""The printed self-review (R19): the daily self-review and the monthly summary."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from service_desk.actions import reports, self_review
from service_desk.domain.report import REVIEW_FIGURES, Period, SelfReview
from service_desk.printing import templates
from service_desk.printing.review_forms import (
    TEMPLATES,
    figure_text,
    render_self_review,
    review_context,
)
from service_desk.store import settings
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages

FIGURES = {
    "received": 6,
    "released": 5,
    "declined": 1,
    "promises_due": 5,
    "promises_kept": 4,
    "extra_offered": 3,
    "extra_accepted": 2,
    "extra_accepted_fen": 68_000,
    "revenue_fen": 1_234_550,
    "discount_fen": 5_000,
    "arrears_fen": 0,
    "comebacks": 0,
}
WENT_WELL = "上午接车6台，环车检查都和客户当面确认。\n两台增项当场确认，客户签字。"
TO_IMPROVE = "下午一台车承诺时间没守住，没有提前给客户打电话说明。"
PLAN = "明天先跟进待料车辆的配件到货，下午三点前给客户回电。"


@pytest.fixture
def figures(monkeypatch):
    monkeypatch.setattr(reports, "self_review_figures", lambda *_a: dict(FIGURES))


def day_review(**kw) -> SelfReview:
    values = {
        "kind": "day",
        "period": Period.day(NOW.date()),
        "advisor": "王芳",
        "figures": dict(FIGURES),
        "went_well": WENT_WELL,
        "to_improve": TO_IMPROVE,
        "plan": PLAN,
        "saved_at": "2026-11-27T18:05:00+08:00",
    }
    return SelfReview(**{**values, **kw})


def test_the_two_templates_load_with_their_titles():
    day, month = templates.load(TEMPLATES["day"]), templates.load(TEMPLATES["month"])
    assert day.title["zh"] == "服务顾问工作日自评" and month.title["zh"] == "服务顾问月度工作总结"
    assert day.paper == month.paper == "A4" and not day.barcode


def test_the_printed_day_review_holds_the_figures_and_the_texts(ctx, figures):
    settings.put(ctx.db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
    self_review.save(ctx, "day", Period.day(NOW.date()), WENT_WELL, TO_IMPROVE, PLAN)
    review = self_review.draft(ctx, "day", Period.day(NOW.date()))
    pdf = render_self_review(ctx.db, review, printed_by="王芳", now=NOW)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (
        "芜湖奇瑞汽车服务有限公司",
        "服务顾问工作日自评",
        "服务顾问王芳",
        "2026-11-27（星期五）",
        "填写时间2026-11-2709:30",
        "一、今日数据（系统统计）",
        "接车台次6",
        "交车台次5",
        "客户拒修1",
        "承诺交车5",
        "按时交车4（80%）",
        "增项推荐3",
        "增项成交2（67%）",
        "增项成交金额¥680.00",
        "结算产值¥12,345.50",
        "优惠金额¥50.00",
        "欠收金额¥0.00",
        "返修台次0",
        "二、做得好的方面",
        flat(WENT_WELL),
        "三、需要改进的方面",
        flat(TO_IMPROVE),
        "四、明日工作计划",
        flat(PLAN),
        "服务经理意见",
        "服务顾问（签字）",
        "服务经理（签字）",
        "打印：王芳2026-11-2709:30",
    ):
        assert flat(expected) in text, expected


def test_the_monthly_summary_has_its_own_title_and_plan(ctx):
    review = day_review(kind="month", period=Period.month(2026, 11), saved_at=None)
    text = flat("".join(pdf_pages(render_self_review(ctx.db, review, printed_by="王芳", now=NOW))))
    for expected in ("服务顾问月度工作总结", "月份2026年11月", "一、本月数据", "四、下月工作计划"):
        assert expected in text, expected
    assert "填写时间（未保存）" in text and "明日" not in text
    english = render_self_review(ctx.db, review, printed_by="Wang", now=NOW, lang="en")
    words = " ".join("".join(pdf_pages(english)).split())
    for expected in ("Service advisor's monthly summary", "November 2026", "Delivered on time"):
        assert expected in words, expected
    assert "4 (80%)" in words and "(not saved)" in words


def test_no_rate_is_printed_without_anything_due():
    nothing = dict.fromkeys(REVIEW_FIGURES, 0)
    assert figure_text("promises_kept", nothing) == "0"
    assert figure_text("extra_accepted", {"extra_accepted": 1, "extra_offered": 3}) == "1（33%）"
    assert figure_text("revenue_fen", nothing, "en") == "¥0.00"


def test_long_texts_flow_onto_a_second_page_without_losing_a_character(ctx):
    long = "".join(f"第{i:03d}条：环车检查当面确认，增项电话跟进。" for i in range(120))[:2000]
    review = day_review(went_well=long, to_improve=long, plan=long)
    pages = pdf_pages(render_self_review(ctx.db, review, printed_by="王芳", now=NOW))
    assert len(pages) >= 2
    assert flat("".join(pages)).count(flat(long)) == 3
    assert "服务经理（签字）" in flat(pages[-1])


def test_the_printed_page_as_a_picture(ctx, tmp_path):
    """A4 at 70 dpi (pdftoppm -r 70), with ink in the header, figures and text boxes."""
    pdf = render_self_review(ctx.db, day_review(), printed_by="王芳", now=NOW)
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(path), str(tmp_path / "review")], check=True
    )
    [png] = sorted(tmp_path.glob("review-*.png"))
    image = Image.open(png).convert("L")
    assert image.size == (579, 819)  # A4 at 70 dpi
    top_half = image.crop((0, 0, 579, 410))
    dark = sum(top_half.histogram()[:128])
    assert dark > 5_000  # header, figures table, the first text boxes
    bottom = image.crop((0, 760, 579, 800))  # below the signatures: only the footer line
    assert sum(bottom.histogram()[:128]) < sum(top_half.histogram()[:128]) / 10


def test_the_context_names_every_figure_once(ctx):
    context = review_context(ctx.db, day_review())
    names = [row[f"name{i}"] for row in context["figures"] for i in (1, 2)]
    assert len(names) == len(set(names)) == len(REVIEW_FIGURES)
    assert context["review"]["manager_comment"] == ""  # written by hand
