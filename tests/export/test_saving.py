"""export/saving.py streams rows through openpyxl 3.1 internals: the file it writes must
be the file openpyxl's own Workbook.save writes, part by part (the save time aside)."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

from service_desk.export import saving, styles
from service_desk.export.workbook import build_workbook, write_workbook
from tests.export.test_workbook import october, reviews


def test_the_fast_save_writes_what_openpyxl_writes(tmp_path):
    report = october()
    ours = write_workbook(report, tmp_path / "ours.xlsx", reviews=reviews())
    theirs = tmp_path / "openpyxl.xlsx"
    build_workbook(report, reviews=reviews()).save(theirs)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n) and n != "docProps/core.xml"]
    assert differ == []


# --- the blocks of plain rows (saving.append_rows) -------------------------------------------

FORMATS = [None, styles.MONEY, styles.DATETIME, styles.COUNT, styles.DATE, styles.PERCENT]


def test_block_rows_write_what_openpyxl_writes(tmp_path):
    """Rows kept as a block: an empty row, a style first needed on a later row (style ids
    are handed out in the order openpyxl's cells would take them), texts repeated,
    escaped or with spaces kept, every plain kind of value."""
    rows = [
        ["A&B <x>", None, None, None, None, None],
        [None, None, None, None, None, None],
        [" spaced ", Decimal("12.30"), dt.datetime(2026, 10, 5, 9, 30, 12), 7, None, 0.25],
        ["A&B <x>", Decimal("-0.00"), None, True, dt.date(2026, 10, 5), float("1e20")],
        ["", Decimal("703.68"), dt.datetime(1900, 1, 1), -3, dt.date(1900, 2, 28), 1 / 3],
        ["A&B <x>", Decimal(0).scaleb(-2), None, 2**60, None, -0.0],
    ]

    def book() -> Workbook:
        wb = Workbook()
        styles.install(wb)
        ws = wb.active
        ws.cell(1, 1, "heading")
        saving.append_rows(ws, 3, rows, FORMATS)
        return wb

    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "openpyxl.xlsx"
    wb = book()
    assert saving._BLOCKS.get(wb.active)  # kept as a block, not as cells
    saving.save_workbook(wb, ours)
    saving.materialize(book()).save(theirs)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n) and n != "docProps/core.xml"]
    assert differ == []


def reference_plain(rows, formats) -> bool:
    """saving._plain value by value (what it checks a column at a time)."""
    for values in rows:
        if len(values) != len(formats):
            return False
        for value, fmt in zip(values, formats, strict=True):
            kind = type(value)
            if value is None or kind in (int, bool):
                continue
            if kind is float:
                if not math.isfinite(value):
                    return False
                continue
            if kind is Decimal:
                if not value.is_finite():
                    return False
                continue
            if kind is str:
                if (
                    len(value) > 32767
                    or (len(value) > 1 and value[0] == "=")
                    or value in ERROR_CODES
                    or ILLEGAL_CHARACTERS_RE.search(value)
                ):
                    return False
                continue
            naive = kind is dt.datetime and value.tzinfo is None
            if (naive or kind is dt.date) and fmt in styles.FORMAT_STYLES:
                continue
            return False
    return True


VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.booleans(),
    st.floats(),
    st.decimals(),
    st.text(alphabet="ab=#/!?NAULV0\x01\x0b\n\t 值", max_size=8),
    st.sampled_from(["=", "=A1", "#N/A", "#DIV/0!", "x" * 32768]),
    st.datetimes(timezones=st.none() | st.just(dt.UTC)),
    st.dates(),
    st.times(),
)


@settings(max_examples=300)
@given(
    st.integers(1, 3).flatmap(
        lambda width: st.tuples(
            st.lists(st.lists(VALUES, min_size=width, max_size=width), max_size=4),
            st.lists(st.sampled_from(FORMATS), min_size=width, max_size=width),
        )
    )
)
def test_plain_checks_every_value(case):
    rows, formats = case
    assert saving._plain(rows, formats) == reference_plain(rows, formats)


def test_plain_refuses_a_row_of_another_width():
    assert not saving._plain([[1, 2], [1]], [None, None])
    assert saving._plain([], [None])


def reference_width(values, number_format) -> int:
    """styles.column_width without its shortcuts."""
    numbers = [v for v in values if isinstance(v, int | float | Decimal)]
    others = {v for v in values if v is not None and not isinstance(v, int | float | Decimal)}
    width = 0
    if numbers:
        width = max(
            styles.value_width(min(numbers), number_format),
            styles.value_width(max(numbers), number_format),
        )
    return max([width, *(styles.value_width(v, number_format) for v in others)])


@settings(max_examples=300)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=6),
            st.integers(-(10**9), 10**9),
            st.decimals(allow_nan=False, allow_infinity=False, places=2),
            st.booleans(),
            st.datetimes(),
            st.dates(),
        ),
        max_size=6,
    ),
    st.sampled_from(FORMATS),
)
def test_column_width_of_any_column(values, number_format):
    assert styles.column_width(values, number_format) == reference_width(values, number_format)
