"""The printed self-review (R19): the advisor's daily self-review 服务顾问工作日自评 or
monthly summary 服务顾问月度工作总结, for the service manager.

No single order: like the key cabinet's end-of-day report it is rendered straight from
its data (render_self_review), not through the order-form registry, and logged in the
print log as FORM_KIND without an order. One template per kind (forms/self_review_day.toml,
forms/self_review_month.toml): the title and the plan's heading differ.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.domain.money import format_yuan
from service_desk.domain.report import SelfReview
from service_desk.printing.context import Context, when
from service_desk.printing.header import dealer, printed_line
from service_desk.store import settings

FORM_KIND = "self_review"  # the print log's kind for both templates
TEMPLATES = {"day": "self_review_day", "month": "self_review_month"}

# The figures as printed: (key, Chinese, English); money keys end in _fen.
FIGURE_LABELS = {
    "received": ("接车台次", "Orders received"),
    "released": ("交车台次", "Cars released"),
    "declined": ("客户拒修", "Declined"),
    "comebacks": ("返修台次", "Comebacks"),
    "promises_due": ("承诺交车", "Promised deliveries"),
    "promises_kept": ("按时交车", "Delivered on time"),
    "extra_offered": ("增项推荐", "Extra work offered"),
    "extra_accepted": ("增项成交", "Extra work accepted"),
    "extra_accepted_fen": ("增项成交金额", "Extra work accepted, amount"),
    "revenue_fen": ("结算产值", "Revenue settled"),
    "discount_fen": ("优惠金额", "Discounts"),
    "arrears_fen": ("欠收金额", "Left unpaid"),
}
# Two figures a row, the pairs that belong together side by side.
FIGURE_ROWS = (
    ("received", "released"),
    ("declined", "comebacks"),
    ("promises_due", "promises_kept"),
    ("extra_offered", "extra_accepted"),
    ("extra_accepted_fen", "revenue_fen"),
    ("discount_fen", "arrears_fen"),
)
_WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def _rate(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.0f}%" if whole else ""


def figure_text(key: str, figures: dict[str, int], lang: str = "zh") -> str:
    """One figure as printed: money in yuan, a count with its rate where one applies."""
    value = int(figures.get(key, 0))
    if key.endswith("_fen"):
        return format_yuan(value)
    text = str(value)
    rate = ""
    if key == "promises_kept":
        rate = _rate(value, int(figures.get("promises_due", 0)))
    elif key == "extra_accepted":
        rate = _rate(value, int(figures.get("extra_offered", 0)))
    if rate:
        text += f"（{rate}）" if lang == "zh" else f" ({rate})"
    return text


def figure_name(key: str, lang: str = "zh") -> str:
    zh, en = FIGURE_LABELS.get(key, (key, key))
    return zh if lang == "zh" else en


def period_text(review: SelfReview, lang: str = "zh") -> str:
    """'2026-11-27（星期五）' for a day, '2026年11月' / 'November 2026' for a month."""
    if review.kind == "day":
        day = review.period.start
        weekday = _WEEKDAYS[lang][day.weekday()]
        return f"{day}（{weekday}）" if lang == "zh" else f"{day} ({weekday})"
    return review.period.label(lang)


def review_context(db: sqlite_utils.Database, review: SelfReview, lang: str = "zh") -> Context:
    """The review as ready-to-print strings."""
    not_saved = "（未保存）" if lang == "zh" else "(not saved)"
    return {
        "lang": lang,
        "dealer": dealer(db),
        "review": {
            "advisor": review.advisor,
            "period": period_text(review, lang),
            "saved_at": when(review.saved_at) if review.saved_at else not_saved,
            "went_well": review.went_well,
            "to_improve": review.to_improve,
            "plan": review.plan,
            "manager_comment": "",  # written by hand on the paper
        },
        "figures": [
            {
                "name1": figure_name(left, lang),
                "value1": figure_text(left, review.figures, lang),
                "name2": figure_name(right, lang),
                "value2": figure_text(right, review.figures, lang),
            }
            for left, right in FIGURE_ROWS
        ],
    }


def render_self_review(
    db: sqlite_utils.Database,
    review: SelfReview,
    *,
    printed_by: str,
    now: dt.datetime,
    lang: str = "zh",
) -> bytes:
    """The review as PDF bytes (A4; a long text flows onto a second page)."""
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    printed = printed_line(printed_by, now, lang)
    return render(
        TEMPLATES[review.kind],
        review_context(db, review, lang),
        printed=printed,
        font=settings.get(db, "print_font"),
    )
