"""Writing a sheet: its title lines, real Excel tables (styled header, number formats
per column or per cell), column widths fitted to the content, frozen header rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from service_desk.export import saving, styles

HEADER_ROW = 4  # rows 1-2: title and period, row 3 empty
EMPTY = "（无）"


@dataclass(frozen=True)
class Column:
    heading: str
    number_format: str | None = None
    width: int | None = None  # a fixed width (long text that wraps) instead of fitting
    wrap: bool = False


@dataclass(frozen=True)
class Placed:
    """Where a table landed: its header row, data rows and columns."""

    name: str
    header_row: int
    last_row: int
    first_col: int
    headings: tuple[str, ...]

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.headings) - 1

    @property
    def ref(self) -> str:
        return (
            f"{get_column_letter(self.first_col)}{self.header_row}:"
            f"{get_column_letter(self.last_col)}{self.last_row}"
        )

    def col(self, heading: str) -> int:
        return self.first_col + self.headings.index(heading)


class Sheet:
    """One worksheet being written; widths are applied by finish()."""

    def __init__(self, wb: Workbook, title: str, heading: str, subtitle: str, first: bool):
        if first:
            self.ws: Worksheet = wb.active  # type: ignore[assignment]
            self.ws.title = title
        else:
            self.ws = wb.create_sheet(title)
        self.widths: dict[int, float] = {}
        self.ws.cell(1, 1, heading).style = styles.TITLE
        self.ws.cell(2, 1, subtitle).style = styles.SUBTITLE
        self.ws.row_dimensions[1].height = 22

    def table(
        self,
        name: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        *,
        row: int = HEADER_ROW,
        col: int = 1,
        cell_formats: Sequence[Sequence[str | None]] | None = None,
    ) -> Placed:
        """Write a header and rows at (row, col) and make them an Excel table named
        ``name``. ``cell_formats`` (same shape as rows) overrides a column's format."""
        ws = self.ws
        saving.materialize_sheet(ws)  # a table already here: its cells come first
        if not rows:  # an Excel table needs a data row
            rows = [[EMPTY] + [None] * (len(columns) - 1)]
            cell_formats = None
        for j, column in enumerate(columns):
            ws.cell(row, col + j, column.heading).style = styles.HEADER
        if (
            col == 1
            and cell_formats is None
            and not any(c.wrap for c in columns)
            and (ws.max_row == row)
        ):
            self._append(columns, rows, row)
        else:
            self._place(columns, rows, row, col, cell_formats)
        last_row = row + len(rows)
        placed = Placed(name, row, last_row, col, tuple(c.heading for c in columns))
        # Columns and filter given here: left to openpyxl, saving reads every cell of
        # the range back to find the headings.
        table = Table(
            displayName=name,
            ref=placed.ref,
            tableColumns=[TableColumn(id=k, name=h) for k, h in enumerate(placed.headings, 1)],
            autoFilter=AutoFilter(ref=placed.ref),
        )
        table.tableStyleInfo = TableStyleInfo(
            name=styles.TABLE_STYLE, showRowStripes=True, showColumnStripes=False
        )
        ws.add_table(table)
        self._fit(columns, rows, cell_formats, col)
        return placed

    def _append(
        self, columns: Sequence[Column], rows: Sequence[Sequence[object]], row: int
    ) -> None:
        """Rows below everything else, from column A: the fast path (a busy month's detail
        sheet is 50,000 cells), kept as values until the workbook is saved (saving.py)."""
        saving.append_rows(self.ws, row + 1, rows, [c.number_format for c in columns])

    def _place(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        row: int,
        col: int,
        cell_formats: Sequence[Sequence[str | None]] | None,
    ) -> None:
        """Rows anywhere, cell by cell, with per-cell formats and wrapped text."""
        ws = self.ws
        formats = [c.number_format for c in columns]
        wraps = [j for j, c in enumerate(columns) if c.wrap]
        for i, values in enumerate(rows, start=row + 1):
            overrides = cell_formats[i - row - 1] if cell_formats else None
            for j, value in enumerate(values):
                if value is None and not wraps:  # no cell at all: less to write
                    continue
                cell = ws.cell(i, col + j, value)
                fmt = overrides[j] if overrides and overrides[j] else formats[j]
                if fmt in styles.FORMAT_STYLES:
                    cell.style = styles.FORMAT_STYLES[fmt]
                elif fmt:
                    cell.number_format = fmt
                if wraps:
                    if j in wraps:
                        cell.style = styles.WRAP
                    elif fmt not in styles.FORMAT_STYLES:
                        cell.alignment = styles.TOP
            if wraps:
                height = max(styles.lines(values[j], columns[j].width or 10) for j in wraps)
                if height > 1:
                    ws.row_dimensions[i].height = styles.LINE_HEIGHT * height

    def _fit(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        cell_formats: Sequence[Sequence[str | None]] | None,
        col: int,
    ) -> None:
        for j, column in enumerate(columns):
            if column.width is not None:
                width = float(column.width)
            else:
                values = [r[j] for r in rows]
                if cell_formats:
                    content = max(
                        (styles.value_width(v, f[j] or column.number_format))
                        for v, f in zip(values, cell_formats, strict=True)
                    )
                else:
                    content = styles.column_width(values, column.number_format)
                heading = styles.text_width(column.heading) + 2  # bold, filter button
                width = styles.fit(max(content, heading))
            self.widths[col + j] = max(self.widths.get(col + j, 0.0), width)

    def finish(self, freeze: str | None = f"A{HEADER_ROW + 1}", *, landscape: bool = False) -> None:
        ws = self.ws
        for index, width in self.widths.items():
            ws.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            ws.freeze_panes = freeze
            ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
