"""What every printed form shares: the dealer's header, the "printed by" line, and the
small bilingual helpers of the forms that have no order behind them (lists, reports,
letters)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk import reference
from service_desk.store import settings

WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def dealer(db: sqlite_utils.Database) -> dict[str, str]:
    """The dealer's header: name, address, phone, logo and tax number (纳税人识别号, empty
    when not set) from the settings."""
    return {
        "name": settings.get(db, "dealer_name"),
        "address": settings.get(db, "dealer_address"),
        "phone": settings.get(db, "dealer_phone"),
        "logo": settings.get(db, "dealer_logo"),
        "tax_number": settings.get(db, "dealer_tax_number"),
    }


def printed_line(printed_by: str, now: dt.datetime, lang: str) -> str:
    """'打印：王芳 2026-11-27 09:30' at the foot of every page."""
    stamp = now.strftime("%Y-%m-%d %H:%M")
    return f"打印：{printed_by} {stamp}" if lang == "zh" else f"Printed by {printed_by} {stamp}"


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Chinese or the English of a (zh, en) pair."""
    return pair[0] if lang == "zh" else pair[1]


def model_name(code: str | None, lang: str) -> str:
    if not code:
        return ""
    try:
        return reference.car_model(code).name(lang)
    except KeyError:
        return code


def day_text(day: dt.date, lang: str) -> str:
    """'2026-11-27（星期五）'."""
    weekday = WEEKDAYS[lang][day.weekday()]
    return f"{day}（{weekday}）" if lang == "zh" else f"{day} ({weekday})"
