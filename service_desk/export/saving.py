"""Saving the workbook fast: openpyxl's own writer, with the rows of each sheet written
as text, and a big table's rows kept as plain values until then.

Without lxml, openpyxl serialises every cell as an ElementTree element through
et_xmlfile's generic namespace-aware writer: about 20 µs a cell, and creating the cell
objects costs half as much again; a busy month's detail sheet is ~55,000 cells, most of
the export's time. Here:

- ``append_rows`` keeps the rows of a table below everything else on its sheet (the
  detail sheet) as a block of values with the number format of each column, instead of
  ~55,000 Cell objects; it refuses (and writes cells) when a value would need openpyxl's
  cell logic (a text with control characters, a formula, an error code, a date in a
  column without a date format, an unknown type);
- ``save_workbook`` writes each row of every sheet as the XML openpyxl writes,
  ``<c r="B5" s="3" t="n"><v>46296.4375</v></c>``: the attributes in openpyxl's order,
  text escaped as ElementTree escapes it, numbers and dates formatted by openpyxl's own
  ``safe_string`` and ``to_excel``, each style's index from openpyxl's ``style_id``,
  the blocks' rows in their place and in the sheet's dimension. Everything else (the
  workbook, styles, tables, charts, the rest of each sheet) is openpyxl's writer
  unchanged. A cell it does not know (rich text, a hyperlink, a comment, a formula, an
  error, a time or duration, an aware datetime) is written by openpyxl's cell writer;
- ``materialize`` / ``materialize_sheet`` turn the blocks into ordinary cells: for a
  workbook handed out in memory (``build_workbook``), before another table is written
  on the sheet (tables.Sheet), in ``save_workbook`` when openpyxl writes through lxml
  (its writer takes no raw text, and is fast) or when something else put cells on a
  block's rows.

``benchmarks/export_month.py --check`` compares the file with openpyxl's own save of
the materialized workbook, part by part, byte for byte.

Relies on openpyxl 3.1 internals: ``ExcelWriter.write_worksheet``,
``worksheet._writer.WorksheetWriter`` (``rows``, ``write_row``, ``write_dimensions``),
``cell._writer.write_cell``, ``Cell._value`` / ``_style`` / ``_comment`` /
``_hyperlink``, and
et_xmlfile's ``_IncrementalFileWriter._file`` (the text stream of the sheet).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from zipfile import ZIP_DEFLATED, ZipFile

import openpyxl
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from service_desk.export import styles

_NUMBERS = (int, float, Decimal, bool)
_NONE = type(None)
_ERROR_CODES = frozenset(ERROR_CODES)
_DATE_FORMATS = frozenset(styles.FORMAT_STYLES)  # the date and time columns


@dataclass
class _Block:
    """Rows of values from column A at ``first_row``; a column's format or None."""

    first_row: int
    rows: Sequence[Sequence[object]]
    formats: Sequence[str | None]
    width: int
    # once written, of each column: '<c r="B', the rest of its head ('" s="7"' or '"';
    # the style looked up with the column's first value, as openpyxl's cells would),
    # the XML after the head of each of its texts
    heads: list[str] | None = None
    rests: list[str | None] | None = None
    texts: list[dict[str, str]] | None = None

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1


_BLOCKS: weakref.WeakKeyDictionary[Worksheet, list[_Block]] = weakref.WeakKeyDictionary()


def append_rows(
    ws: Worksheet, first_row: int, rows: Sequence[Sequence[object]], formats: Sequence[str | None]
) -> None:
    """Rows of values from column A at first_row (below every cell of the sheet), each
    value formatted by its column's number format: kept as a block when every value is
    plain, else written as cells at once."""
    if rows and ws.max_row < first_row and _plain(rows, formats):
        _BLOCKS.setdefault(ws, []).append(_Block(first_row, rows, formats, len(formats)))
    else:
        _write_cells(ws, first_row, rows, formats)


def _plain(rows: Sequence[Sequence[object]], formats: Sequence[str | None]) -> bool:
    """Whether every value is written here exactly as openpyxl would write its cell
    (checked a column at a time, each kind of value of the column at once)."""
    width = len(formats)
    if any(len(values) != width for values in rows):
        return False
    if not rows:
        return True
    for column, fmt in zip(zip(*rows, strict=True), formats, strict=True):
        for kind in set(map(type, column)):
            if kind is _NONE or kind is int or kind is bool:
                continue
            values: list = [v for v in column if type(v) is kind]
            if kind is float or kind is Decimal:
                finite = math.isfinite if kind is float else Decimal.is_finite
                if not all(map(finite, values)):
                    return False  # NaN, infinity: openpyxl writes an empty <v />
            elif kind is str:
                if not _plain_texts(values):
                    return False
            elif kind is dt.datetime:
                if fmt not in _DATE_FORMATS or any(v.tzinfo is not None for v in values):
                    return False  # an aware datetime: left to openpyxl
            elif kind is not dt.date or fmt not in _DATE_FORMATS:
                return False
    return True


def _plain_texts(texts: list[str]) -> bool:
    """No text that openpyxl's cell would refuse or take for something else: too long,
    a formula, an error code, a control character."""
    joined = "\n".join(texts)  # a line feed is no illegal character
    if ILLEGAL_CHARACTERS_RE.search(joined) or not _ERROR_CODES.isdisjoint(texts):
        return False
    if "=" in joined and any(len(t) > 1 and t[0] == "=" for t in texts):
        return False
    return max(map(len, texts)) <= 32767


def _write_cells(
    ws: Worksheet, first_row: int, rows: Sequence[Sequence[object]], formats: Sequence[str | None]
) -> None:
    """The rows as ordinary cells (a None value too: it counts in the sheet's size)."""
    for i, values in enumerate(rows, start=first_row):
        for j, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
            cell = ws.cell(i, j)
            if value is not None:
                if fmt is not None:  # the style first: a date keeps its column's format
                    _format(cell, fmt)
                cell.value = value


def _format(cell: Cell, fmt: str) -> None:
    if fmt in styles.FORMAT_STYLES:
        cell.style = styles.FORMAT_STYLES[fmt]
    else:
        cell.number_format = fmt


def materialize_sheet(ws: Worksheet) -> None:
    """The sheet's blocks as ordinary cells (before anything else is written on their
    rows: what is written later wins, as on cells)."""
    for block in _BLOCKS.pop(ws, []):
        _write_cells(ws, block.first_row, block.rows, block.formats)


def materialize(wb: Workbook) -> Workbook:
    """Every block of the workbook as ordinary cells."""
    for ws in wb.worksheets:
        materialize_sheet(ws)
    return wb


def save_workbook(wb: Workbook, path: str | os.PathLike[str]) -> None:
    """Workbook.save(path), faster (see the module's docstring)."""
    for ws in wb.worksheets:
        blocks = _BLOCKS.get(ws, [])
        if blocks and ws.max_row >= min(b.first_row for b in blocks):
            materialize_sheet(ws)  # cells were put on a block's rows (not by tables.Sheet)
    if openpyxl.LXML or wb.read_only or wb.write_only:
        materialize(wb).save(path)
        return
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    _Writer(wb, archive).save()


# --- writing ------------------------------------------------------------------------------


def _text(value: str) -> str:
    """Character data escaped as ElementTree's ``_escape_cdata`` does."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _string(head: str, value: str) -> str:
    if value == "":
        return head + ' t="inlineStr" />'
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f'{head} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'


_COLUMNS: dict[int, str] = {}


def _letters(column: int) -> str:
    letters = _COLUMNS.get(column)
    if letters is None:
        letters = _COLUMNS[column] = get_column_letter(column)
    return letters


class _BlockRow:
    """A row of a block where openpyxl's writer expects the row's cells."""

    __slots__ = ("block", "values")

    def __init__(self, block: _Block, values: Sequence[object]):
        self.block = block
        self.values = values


class _RowWriter(WorksheetWriter):
    """openpyxl's worksheet writer; rows go out as text, the blocks' rows among them."""

    def __init__(self, ws, out=None):  # type: ignore[no-untyped-def]
        super().__init__(ws, out)
        self._style_ids: dict[bytes, int] = {}  # a cell's style (its array) -> its index
        self._blocks = _BLOCKS.get(ws, [])

    def rows(self):  # type: ignore[no-untyped-def]
        rows = super().rows()
        if not self._blocks:
            return rows
        taken = {b.first_row + i for b in self._blocks for i in range(len(b.rows))}
        # a block row may only meet an empty row (a row height set, no cells)
        rows = [(i, cells) for i, cells in rows if i not in taken or cells]
        for block in self._blocks:
            rows.extend(
                (block.first_row + i, _BlockRow(block, values))
                for i, values in enumerate(block.rows)
            )
        return sorted(rows, key=lambda r: r[0])

    def write_dimensions(self):  # type: ignore[no-untyped-def]
        """The sheet's size: its cells' and its blocks' (which start in column A)."""
        if not self._blocks:
            super().write_dimensions()
            return
        ws = self.ws
        low_row, high_row, high_col = ws.min_row, ws.max_row, ws.max_column
        for block in self._blocks:
            low_row = min(low_row, block.first_row)
            high_row = max(high_row, block.last_row)
            high_col = max(high_col, block.width)
        low_col = "A"  # min(the cells' first column, the blocks' A)
        ref = f"{low_col}{low_row}:{get_column_letter(high_col)}{high_row}"
        self.xf.send(SheetDimension(ref).to_tree())

    def write_row(self, xf, row, row_idx):  # type: ignore[no-untyped-def]
        raw = getattr(xf, "_file", None)
        block = isinstance(row, _BlockRow)
        if not callable(raw) or (not block and any(c._comment is not None for c in row)):
            super().write_row(xf, self._cells_of(row, row_idx) if block else row, row_idx)
            return
        ws = self.ws
        number = str(row_idx)
        if block and row_idx not in ws.row_dimensions:  # as xf.element("row", {"r": ...})
            raw(f'<row r="{number}">{self._block_row(row, number)}</row>')
            return
        attrs = {"r": number}
        attrs.update(ws.row_dimensions.get(row_idx, {}))
        with xf.element("row", attrs):
            if block:
                raw(self._block_row(row, number))
                return
            texts: list[str] = []
            for cell in row:
                value = cell._value
                styled = cell.has_style
                if value is None and not styled:
                    continue
                text = self._cell(cell, value, styled, number)
                if text is not None:
                    texts.append(text)
                    continue
                if texts:
                    raw("".join(texts))
                    texts.clear()
                write_cell(xf, ws, cell, styled)
            if texts:
                raw("".join(texts))

    def _cells_of(self, row: _BlockRow, row_idx: int) -> list[Cell]:
        """A block's row as the cells openpyxl would have made of it."""
        cells = []
        for column, (value, fmt) in enumerate(zip(row.values, row.block.formats, strict=True), 1):
            cell = Cell(self.ws, row=row_idx, column=column)
            if value is not None:
                if fmt is not None:
                    _format(cell, fmt)
                cell.value = value
            cells.append(cell)
        return cells

    def _cell(self, cell, value, styled, number) -> str | None:  # type: ignore[no-untyped-def]
        """The cell's XML as openpyxl's etree_write_cell writes it, or None if not plain."""
        if cell._hyperlink is not None:
            return None
        kind = cell.data_type
        head = f'<c r="{_letters(cell.column)}{number}"'
        if styled:
            # the index of its style in the workbook (cell.style_id), once per style
            key = cell._style.tobytes()
            style_id = self._style_ids.get(key)
            if style_id is None:
                style_id = self._style_ids[key] = cell.style_id
            head += f' s="{style_id}"'
        if kind == "s":
            return _string(head, value) if type(value) is str else None
        if kind == "d":
            wb = self.ws.parent
            plain = type(value) is dt.date or (type(value) is dt.datetime and value.tzinfo is None)
            if wb.iso_dates or not plain:
                return None
            kind, value = "n", to_excel(value, wb.epoch)
        elif kind not in ("n", "b"):
            return None
        if value is None:
            return f'{head} t="{kind}" />'
        shown = safe_string(value)
        if not shown:  # NaN or infinity: an empty <v />
            return None
        return f'{head} t="{kind}"><v>{shown}</v></c>'

    def _block_row(self, row: _BlockRow, number: str) -> str:
        """A block's row as the cells openpyxl would have made of it (see _plain)."""
        block = row.block
        heads, rests, strings = block.heads, block.rests, block.texts
        if heads is None or rests is None or strings is None:
            width = range(1, block.width + 1)
            heads = block.heads = [f'<c r="{_letters(c)}' for c in width]
            rests = block.rests = [None for _ in width]
            strings = block.texts = [{} for _ in width]
        texts = []
        for column, value in enumerate(row.values):
            if value is None:
                continue
            rest = rests[column]
            if rest is None:
                fmt = block.formats[column]
                rest = rests[column] = (
                    f'" s="{self._column_style(fmt)}"' if fmt is not None else '"'
                )
            kind = type(value)
            if kind is str:
                known = strings[column]
                text = known.get(value)  # type: ignore[call-overload]
                if text is None:
                    text = known[value] = _string("", value)  # type: ignore[index, arg-type]
            elif kind is bool:
                text = f' t="b"><v>{safe_string(value)}</v></c>'
            elif kind in _NUMBERS:
                # finite (see _plain): safe_string's own "%.16g" % value, which takes a
                # Decimal through float ("{:.16g}" would not: other digits)
                text = f' t="n"><v>{"%.16g" % value}</v></c>'  # noqa: UP031
            else:  # a date or naive datetime in a date column
                wb = self.ws.parent
                if wb.iso_dates:
                    raise RuntimeError("saving.py writes dates as numbers")
                text = f' t="n"><v>{safe_string(to_excel(value, wb.epoch))}</v></c>'
            texts.append(f"{heads[column]}{number}{rest}{text}")
        return "".join(texts)

    def _column_style(self, fmt: str) -> int:
        cell = Cell(self.ws)
        _format(cell, fmt)
        return cell.style_id


class _Writer(ExcelWriter):
    def write_worksheet(self, ws):  # type: ignore[no-untyped-def]
        """ExcelWriter.write_worksheet (openpyxl 3.1) with _RowWriter."""
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _RowWriter(ws)
        writer.write()
        ws._rels = writer._rels
        self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()
