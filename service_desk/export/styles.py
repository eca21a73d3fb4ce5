"""Number formats, the few named styles the workbook shares, and column widths that fit
Chinese text. Styles are registered once per workbook and assigned by name, so writing
a cell never creates a style object."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.workbook import Workbook

MONEY = '"¥"#,##0.00'
MONEY_CHANGE = '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00'
COUNT = "#,##0"
COUNT_CHANGE = "+#,##0;-#,##0;0"
SCORE = "0.00"  # an average satisfaction (1-5)
SCORE_CHANGE = "+0.00;-0.00;0.00"
PERCENT = "0.0%"
PERCENT_CHANGE = "+0.0%;-0.0%;0.0%"
POINTS_CHANGE = '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"'
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"

TITLE = "sd_title"
SUBTITLE = "sd_subtitle"
HEADER = "sd_header"
WRAP = "sd_wrap"
# Dates and times get a named style (format + centred) instead of a bare number format:
# right-aligned they run into the text of the next column.
FORMAT_STYLES = {DATE: "sd_date", DATETIME: "sd_datetime"}
TOP = Alignment(vertical="top")  # shared: the other cells of a row that wraps text
LINE_HEIGHT = 15.0  # points per line of 11 pt text

TABLE_STYLE = "TableStyleMedium2"
HEADER_COLOUR = "1F4E78"

MIN_WIDTH = 6
MAX_WIDTH = 48


def install(wb: Workbook) -> None:
    """Register the named styles on a new workbook."""
    thin = Side(style="thin", color="BFBFBF")
    wb.add_named_style(NamedStyle(TITLE, font=Font(bold=True, size=14)))
    wb.add_named_style(NamedStyle(SUBTITLE, font=Font(size=10, color="595959")))
    wb.add_named_style(
        NamedStyle(
            HEADER,
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=HEADER_COLOUR),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            border=Border(left=thin, right=thin, top=thin, bottom=thin),
        )
    )
    wb.add_named_style(NamedStyle(WRAP, alignment=Alignment(vertical="top", wrap_text=True)))
    centred = Alignment(horizontal="center", vertical="top")
    for number_format, name in FORMAT_STYLES.items():
        wb.add_named_style(NamedStyle(name, number_format=number_format, alignment=centred))


def text_width(text: str) -> int:
    """Display width in Excel's character units: CJK and full-width characters count
    double. UTF-8 spends 3 bytes on them and 1 on ASCII, which is fast to count."""
    extra = len(text.encode("utf-8")) - len(text)
    return len(text) + extra // 2


def value_width(value: object, number_format: str | None) -> int:
    """Width of a value as its number format shows it (close enough for fitting)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return text_width(value)
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if number_format in (PERCENT, PERCENT_CHANGE):
        return 7
    if number_format == POINTS_CHANGE:
        return 14
    text = f"{value:,.2f}" if isinstance(value, Decimal | float) else f"{value:,}"
    if number_format in (MONEY, MONEY_CHANGE):
        text = "¥" + text
    if number_format in (MONEY_CHANGE, COUNT_CHANGE):
        text = "+" + text
    return len(text)


_NUMBER_TYPES = frozenset((int, float, Decimal))
_NONE = type(None)


def column_width(values: list[object], number_format: str | None) -> int:
    """The width one column of values needs (numbers: the widest of the extremes)."""
    kinds = set(map(type, values))  # a busy month's detail columns are 3,000 values each
    kinds.discard(_NONE)
    if kinds == {str}:  # text only: each distinct text once
        texts = set(values)
        texts.discard(None)
        return max(map(text_width, texts))
    numbers = []
    others = set()
    if kinds <= _NUMBER_TYPES:  # numbers only (or nothing)
        numbers = [v for v in values if v is not None]
    else:
        for v in values:
            if type(v) in _NUMBER_TYPES or isinstance(v, int | float | Decimal):
                numbers.append(v)
            elif v is not None:
                others.add(v)
    width = 0
    if numbers:
        width = max(
            value_width(min(numbers), number_format), value_width(max(numbers), number_format)
        )
    for value in others:
        width = max(width, value_width(value, number_format))
    return width


def lines(text: object, width: float) -> int:
    """How many lines a wrapped text takes in a column of that width."""
    if not isinstance(text, str) or not text:
        return 1
    usable = max(1, int(width) - 1)
    return sum(max(1, -(-text_width(part) // usable)) for part in text.splitlines() or [""])


def fit(width: int) -> float:
    """Excel column width for content of that display width: padding, and bounds."""
    return float(min(MAX_WIDTH, max(MIN_WIDTH, width + 2)))
