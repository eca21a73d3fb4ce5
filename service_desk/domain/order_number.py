"""Repair order numbers the counter can read aloud: prefix + date + daily sequence."""

from __future__ import annotations

import datetime as dt
import re

_PREFIX = re.compile(r"^[A-Z]{2}$")


def format_number(prefix: str, day: dt.date, seq: int) -> str:
    """('WX', 2026-11-27, 1) -> 'WX202611270001'."""
    if not _PREFIX.fullmatch(prefix):
        raise ValueError("the order prefix is two capital letters")
    if not 1 <= seq <= 9999:
        raise ValueError("at most 9999 orders a day")
    return f"{prefix}{day:%Y%m%d}{seq:04d}"


def spoken(number: str) -> str:
    """Grouped for reading aloud: 'WX 20261127 0001'."""
    return f"{number[:2]} {number[2:10]} {number[10:]}"
