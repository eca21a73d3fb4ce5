"""Table models over rows from service_desk.store.queries (real Qt models, no QTableWidget)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.domain.pricing import format_qty
from service_desk.ui import labels

Row = dict[str, Any]


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown through (header, formatter) columns; read-only.

    The view gets the rows a batch at a time (canFetchMore / fetchMore, as it scrolls), so
    a list of thousands costs the view only what it shows; ``rows`` holds them all."""

    BATCH = 100

    def __init__(
        self, columns: list[tuple[str, Callable[[Row], str]]], parent: QObject | None = None
    ):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Row] = []
        self.shown = 0  # rows the view has been given so far

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows (as many at first as were shown before, at least a batch)."""
        self.beginResetModel()
        self.shown = min(len(rows), max(self.BATCH, self.shown))
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_row(self, row: int) -> None:
        """Give the view the rows up to ``row`` (to select one further down the list)."""
        while self.shown <= row and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.shown < len(self.rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(self.BATCH, len(self.rows) - self.shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        is_state = self.columns[index.column()][0] == self.state_header
        if role == Qt.ItemDataRole.ForegroundRole and is_state and "state" in row:
            return QColor(labels.STATE_COLOURS.get(row["state"], "#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        return None

    state_header = ""


# The next page of a list read from the database: (the last row the view has, or None for
# the first page; how many rows at most) -> the rows after it, in the list's order.
Page = Callable[[Row | None, int], list[Row]]


class PagedModel(RowsModel):
    """Rows read from the database a page at a time as the view scrolls down (keyset
    paging: each page starts after the last row read), never the whole table."""

    def __init__(
        self, columns: list[tuple[str, Callable[[Row], str]]], parent: QObject | None = None
    ):
        super().__init__(columns, parent)
        self.page: Page | None = None
        self.more = False

    def set_page(self, page: Page | None) -> None:
        """Read the list again from its first page (None: an empty list)."""
        self.page = page
        rows = self._read(None) if page is not None else []
        self.beginResetModel()
        self.rows = rows
        self.shown = len(rows)
        self.endResetModel()

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows, read already (no further page)."""
        self.beginResetModel()
        self.page, self.more = None, False
        self.rows = rows
        self.shown = len(rows)
        self.endResetModel()

    def _read(self, after: Row | None) -> list[Row]:
        assert self.page is not None
        rows = self.page(after, self.BATCH + 1)
        self.more = len(rows) > self.BATCH
        return rows[: self.BATCH]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.more or not self.rows:
            return
        rows = self._read(self.rows[-1])
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.shown = len(self.rows)
        self.endInsertRows()


def waited(since: str, now: dt.datetime) -> str:
    minutes = max(0, int((now - parse(since)).total_seconds() // 60))
    if minutes < 60:
        return _c(QT_TRANSLATE_NOOP("Columns", "{n} min")).format(n=minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return _c(QT_TRANSLATE_NOOP("Columns", "{h} h {m} min")).format(h=hours, m=rest)
    return _c(QT_TRANSLATE_NOOP("Columns", "{n} days")).format(n=hours // 24)


def orders_model(now: Callable[[], dt.datetime], parent: QObject | None = None) -> RowsModel:
    model = RowsModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: labels.state(r["state"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Waiting")), lambda r: waited(r["updated_at"], now())),
        ],
        parent,
    )
    model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
    return model


def history_model(parent: QObject | None = None) -> PagedModel:
    model = PagedModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
            (
                _c(QT_TRANSLATE_NOOP("Columns", "Opened")),
                lambda r: r["created_at"][:16].replace("T", " "),
            ),
            (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: labels.state(r["state"])),
            (
                _c(QT_TRANSLATE_NOOP("Columns", "Request")),
                lambda r: r["request"].replace("\n", " ")[:40],
            ),
            (_c(QT_TRANSLATE_NOOP("Columns", "Advisor")), lambda r: r["advisor_name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Total")), lambda r: format_yuan(r["total_fen"])),
        ],
        parent,
    )
    model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
    return model


def lines_model(
    system_name: Callable[[str | None], str], parent: QObject | None = None
) -> RowsModel:
    def part_info(r: Row) -> str:
        if r["kind"] != "part":
            return ""
        return f"{labels.source(r['parts_source'])} · {labels.quality(r['part_quality'])}"

    def margin(r: Row) -> str:
        return f"+{r['risk_margin_bp'] / 100:g}%" if r["risk_margin_bp"] else ""

    return RowsModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Type")), lambda r: labels.kind(r["kind"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Description")), lambda r: r["description"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Pricing")), lambda r: labels.mode(r["mode"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "System")), lambda r: system_name(r["system_code"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Qty")), lambda r: format_qty(r["qty_milli"])),
            (
                _c(QT_TRANSLATE_NOOP("Columns", "Unit price")),
                lambda r: format_yuan(r["unit_price_fen"]),
            ),
            (_c(QT_TRANSLATE_NOOP("Columns", "Margin")), margin),
            (_c(QT_TRANSLATE_NOOP("Columns", "Amount")), lambda r: format_yuan(r["amount_fen"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Part")), part_info),
            (_c(QT_TRANSLATE_NOOP("Columns", "Payer")), lambda r: labels.payer(r["payer"])),
        ],
        parent,
    )
