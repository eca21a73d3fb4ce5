"""The tables of the reports tab: breakdowns by model, vehicle category and repair
category, revenue by payer and by payment method, the exceptions, customer care. Each has a
"Previous period" column, hidden unless comparing; numbers are right-aligned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from service_desk.domain.money import format_yuan
from service_desk.domain.report import Count, Report
from service_desk.domain.settlement import METHODS
from service_desk.ui import labels
from service_desk.ui.charts import percent
from service_desk.ui.checkout_messages import method_name
from service_desk.ui.i18n import ui_lang
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.views import queue_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PAYERS = ("customer", "warranty", "internal")
MAX_VISIBLE_ROWS = 12  # a longer table scrolls inside itself


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _t(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


class NumbersModel(RowsModel):
    """RowsModel whose columns after the first (the names) are right-aligned numbers;
    a row with ``"total": True`` is bold."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(RIGHT.value)
        if index.isValid() and role == Qt.ItemDataRole.FontRole:
            row = self.rows[index.row()]
            if row.get("total"):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and section > 0
        ):
            return int(RIGHT.value)
        return super().headerData(section, orientation, role)


def _previous(formatter: Callable[[int], str]) -> Callable[[Row], str]:
    return lambda r: "" if r.get("previous") is None else formatter(r["previous"])


def counts_model(name_header: str, parent: QObject | None = None) -> NumbersModel:
    """Orders per model / per vehicle category."""
    return NumbersModel(
        [
            (name_header, lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Orders")), lambda r: str(r["count"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Share")), lambda r: r["share"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Previous period")), _previous(str)),
        ],
        parent,
    )


def repair_model(parent: QObject | None = None) -> NumbersModel:
    return NumbersModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Repair category")), lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Lines")), lambda r: str(r["count"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Share")), lambda r: r["share"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Amount")), lambda r: format_yuan(r["amount_fen"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Previous period")), _previous(str)),
        ],
        parent,
    )


def money_model(name_header: str, parent: QObject | None = None) -> NumbersModel:
    """Revenue by payer / payments by method."""
    return NumbersModel(
        [
            (name_header, lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Amount")), lambda r: format_yuan(r["amount_fen"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Share")), lambda r: r["share"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Previous period")), _previous(format_yuan)),
        ],
        parent,
    )


def exceptions_model(parent: QObject | None = None) -> NumbersModel:
    return NumbersModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Exception")), lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Count")), lambda r: str(r["count"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Previous period")), _previous(str)),
        ],
        parent,
    )


def care_model(parent: QObject | None = None) -> NumbersModel:
    """Appointments, follow-ups and complaints: a figure per row, its value as text."""
    return NumbersModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "Customer care")), lambda r: r["name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Value")), lambda r: r["value"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Previous period")), lambda r: r["previous"] or ""),
        ],
        parent,
    )


# --- rows ------------------------------------------------------------------------------


def count_rows(
    counts: list[Count], previous: list[Count] | None, by_amount: bool = False
) -> list[Row]:
    """A row per code of this period (in its order), then the codes only the previous
    period had, at 0; the share is of the count (of the amount when ``by_amount``)."""
    lang = ui_lang()
    before = {c.code: c for c in previous or []}
    rows_of = list(counts) + [
        Count(c.code, c.name_zh, c.name_en, 0, 0)
        for c in previous or []
        if c.code not in {n.code for n in counts}
    ]
    total = sum(c.amount_fen if by_amount else c.count for c in counts)
    return [
        {
            "code": c.code,
            "name": c.name(lang),
            "count": c.count,
            "amount_fen": c.amount_fen,
            "share": percent(c.amount_fen if by_amount else c.count, total),
            "previous": None if previous is None else before.get(c.code, _zero).count,
        }
        for c in rows_of
    ]


_zero = Count("", "", "", 0, 0)


def _money_rows(
    items: list[tuple[str, str, int, int | None]],
    total_name: str,
    total_fen: int,
    previous_total: int | None,
) -> list[Row]:
    rows: list[Row] = [
        {
            "code": code,
            "name": name,
            "amount_fen": amount,
            "share": percent(amount, total_fen),
            "previous": before,
        }
        for code, name, amount, before in items
    ]
    rows.append(
        {
            "code": "total",
            "name": total_name,
            "amount_fen": total_fen,
            "share": percent(total_fen, total_fen),
            "previous": previous_total,
            "total": True,
        }
    )
    return rows


def payer_rows(report: Report, previous: Report | None) -> list[Row]:
    """The settled amounts by who pays (the customer's before discounts), then the total."""
    now, before = report.revenue, previous.revenue if previous else None
    amounts = {"customer": "customer_fen", "warranty": "warranty_fen", "internal": "internal_fen"}
    items = [
        (
            payer,
            labels.payer(payer),
            getattr(now, amounts[payer]),
            getattr(before, amounts[payer]) if before else None,
        )
        for payer in PAYERS
    ]
    return _money_rows(
        items,
        _t(QT_TRANSLATE_NOOP("Reports", "Total")),
        now.total_fen,
        before.total_fen if before else None,
    )


def method_rows(report: Report, previous: Report | None) -> list[Row]:
    """Payments by method (the known methods in their order, then any other), then the
    total of them."""
    now = report.revenue.by_method
    before = previous.revenue.by_method if previous else None
    codes = [m for m in METHODS if m in now or (before and m in before)]
    codes += [m for m in [*now, *(before or {})] if m not in codes and m not in METHODS]
    codes = list(dict.fromkeys(codes))
    items = [
        (m, method_name(m), now.get(m, 0), None if before is None else before.get(m, 0))
        for m in codes
    ]
    return _money_rows(
        items,
        _t(QT_TRANSLATE_NOOP("Reports", "Total paid")),
        sum(now.values()),
        None if before is None else sum(before.values()),
    )


def exception_rows(report: Report, previous: Report | None) -> list[Row]:
    names = {
        "keys_out_late": _t(QT_TRANSLATE_NOOP("Reports", "Keys out longer than allowed")),
        "keys_not_returned": _t(QT_TRANSLATE_NOOP("Reports", "Released without the key back")),
        "belongings_missing": _t(QT_TRANSLATE_NOOP("Reports", "Belongings came back short")),
        "comebacks": _t(QT_TRANSLATE_NOOP("Reports", "Comebacks")),
        "declined": _t(QT_TRANSLATE_NOOP("Reports", "Estimates declined")),
        "extra_declined": _t(QT_TRANSLATE_NOOP("Reports", "Extra work declined")),
    }

    def values(r: Report) -> dict[str, int]:
        e = r.exceptions
        return {
            "keys_out_late": e.keys_out_late,
            "keys_not_returned": e.keys_not_returned,
            "belongings_missing": e.belongings_missing,
            "comebacks": e.comebacks,
            "declined": r.declined,
            "extra_declined": r.extra.declined,
        }

    now = values(report)
    before = values(previous) if previous else None
    return [
        {
            "code": code,
            "name": name,
            "count": now[code],
            "previous": None if before is None else before[code],
        }
        for code, name in names.items()
    ]


def satisfaction_text(x100: int | None) -> str:
    """An average satisfaction in hundredths as '4.50'; '—' when nobody was reached."""
    return "—" if x100 is None else f"{x100 // 100}.{x100 % 100:02d}"


def care_rows(report: Report, previous: Report | None) -> list[Row]:
    """The customer-care figures (domain/report.py Care), each with its value as text."""
    names = {
        "appointments_made": _t(QT_TRANSLATE_NOOP("Reports", "Appointments made")),
        "appointments_kept": _t(QT_TRANSLATE_NOOP("Reports", "Appointments kept")),
        "appointments_missed": _t(QT_TRANSLATE_NOOP("Reports", "Appointments missed")),
        "appointments_cancelled": _t(QT_TRANSLATE_NOOP("Reports", "Appointments cancelled")),
        "follow_ups_due": _t(QT_TRANSLATE_NOOP("Reports", "Follow-ups due")),
        "follow_ups_done": _t(QT_TRANSLATE_NOOP("Reports", "Follow-ups done")),
        "satisfaction_x100": _t(QT_TRANSLATE_NOOP("Reports", "Average satisfaction")),
        "complaints_opened": _t(QT_TRANSLATE_NOOP("Reports", "Complaints received")),
        "complaints_answered_in_time": _t(
            QT_TRANSLATE_NOOP("Reports", "Complaints answered in time")
        ),
        "complaints_escalated": _t(QT_TRANSLATE_NOOP("Reports", "Complaints escalated")),
    }

    def text(r: Report, code: str) -> str:
        value = getattr(r.care, code)
        return satisfaction_text(value) if code == "satisfaction_x100" else str(value)

    return [
        {
            "code": code,
            "name": name,
            "value": text(report, code),
            "previous": None if previous is None else text(previous, code),
        }
        for code, name in names.items()
    ]


# --- views -----------------------------------------------------------------------------


def numbers_table(model: NumbersModel, name: str) -> QTableView:
    """A read-only table as tall as its rows (up to MAX_VISIBLE_ROWS), the name column
    taking the room left."""
    view = queue_table(model, name)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    return view


def fit_rows(view: QTableView) -> None:
    """Height for the rows shown (at least one, at most MAX_VISIBLE_ROWS)."""
    model = view.model()
    rows = min(max(model.rowCount(), 1), MAX_VISIBLE_ROWS)
    row_height = view.verticalHeader().defaultSectionSize()
    height = view.horizontalHeader().sizeHint().height() + rows * row_height
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)
