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
from dataclasses import dataclass, field
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
_DATE_FORMATS = frozenset(styles.FORMAT_STYLES)  # the date and time columns


@dataclass
class _Block:
    """Rows of values from column A at ``first_row``; a column's format or None."""

    first_row: int
    rows: Sequence[Sequence[object]]
    formats: Sequence[str | None]
    width: int
    style_ids: dict[int, int] = field(default_factory=dict)  # column (0-based) -> style
    heads: list[str] | None = None  # '<c r="B' of each column, once written

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
    """Whether every value is written here exactly as openpyxl would write its cell."""
    width = len(formats)
    for values in rows:
        if len(values) != width:
            return False
        for value, fmt in zip(values, formats, strict=True):
            kind = type(value)
            if value is None or kind in _NUMBERS:
                if (kind is float and not math.isfinite(value)) or (  # type: ignore[arg-type]
                    kind is Decimal and not value.is_finite()  # type: ignore[union-attr]
                ):
                    return False  # NaN, infinity: openpyxl writes an empty <v />
                continue
            if kind is str:
                text: str = value  # type: ignore[assignment]
                if (
                    len(text) > 32767
                    or (len(text) > 1 and text[0] == "=")
                    or text in ERROR_CODES
                    or ILLEGAL_CHARACTERS_RE.search(text)
                ):
                    return False
                continue
            naive = kind is dt.datetime and value.tzinfo is None  # type: ignore[union-attr]
            if (naive or kind is dt.date) and fmt in _DATE_FORMATS:
                continue
            return False
    return True


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
        attrs = {"r": f"{row_idx}"}
        attrs.update(ws.row_dimensions.get(row_idx, {}))
        number = str(row_idx)
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
        heads = block.heads
        if heads is None:
            heads = block.heads = [f'<c r="{_letters(c)}' for c in range(1, block.width + 1)]
        texts = []
        for column, value in enumerate(row.values):
            if value is None:
                continue
            head = heads[column] + number + '"'
            fmt = block.formats[column]
            if fmt is not None:
                style_id = block.style_ids.get(column)
                if style_id is None:
                    style_id = block.style_ids[column] = self._column_style(fmt)
                head += f' s="{style_id}"'
            kind = type(value)
            if kind is str:
                texts.append(_string(head, value))  # type: ignore[arg-type]
            elif kind is bool:
                texts.append(f'{head} t="b"><v>{safe_string(value)}</v></c>')
            elif kind in _NUMBERS:
                # finite (see _plain): safe_string's own "%.16g" % value, which takes a
                # Decimal through float ("{:.16g}" would not: other digits)
                shown = "%.16g" % value  # noqa: UP031
                texts.append(f'{head} t="n"><v>{shown}</v></c>')
            else:  # a date or naive datetime in a date column
                wb = self.ws.parent
                if wb.iso_dates:
                    raise RuntimeError("saving.py writes dates as numbers")
                texts.append(f'{head} t="n"><v>{safe_string(to_excel(value, wb.epoch))}</v></c>')
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
