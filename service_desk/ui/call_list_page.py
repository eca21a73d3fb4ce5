"""Today's call list (R2): every car worth a call, most urgent first, each line saying
why — service overdue or due within 7 / 30 days (predicted from the car's own km per
day), work the customer declined earlier. Enter (or a double-click) on a line opens
the car at reception."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from service_desk.actions.call_list import CallLine, call_list
from service_desk.domain import next_service as ns
from service_desk.domain.money import format_yuan
from service_desk.ui.models import Index, RowsModel
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

OVERDUE_COLOUR = "#c62828"
DUE_COLOUR = "#8a4b00"


def _t(text: str) -> str:
    return QCoreApplication.translate("CallList", text)


def reason_text(reason: ns.Reason) -> str:
    f = reason.figures
    if reason.code == ns.DECLINED:
        return _t(QT_TRANSLATE_NOOP("CallList", "Declined {item} ({amount}) on {day}")).format(
            item=f["description"], amount=format_yuan(int(f["amount_fen"])), day=f["declined_on"]
        )
    texts = {
        ns.OVERDUE: QT_TRANSLATE_NOOP("CallList", "Service overdue since {day}"),
        ns.DUE_7: QT_TRANSLATE_NOOP("CallList", "Service due {day} (within 7 days)"),
        ns.DUE_30: QT_TRANSLATE_NOOP("CallList", "Service due {day} (within 30 days)"),
    }
    text = _t(texts.get(reason.code, reason.code)).format(day=f.get("due_day", ""))
    if f.get("predicted_km") is not None and f.get("due_km") is not None:
        text += " · " + _t(
            QT_TRANSLATE_NOOP("CallList", "about {km} km now, due at {due} km")
        ).format(km=f"{int(f['predicted_km']):,}", due=f"{int(f['due_km']):,}")
    return text


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class CallModel(RowsModel):
    """Overdue lines in red, lines due within a week in amber."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            rank = self.rows[index.row()]["line"].rank
            if rank == ns.RANK[ns.OVERDUE]:
                return QColor(OVERDUE_COLOUR)
            if rank == ns.RANK[ns.DUE_7]:
                return QColor(DUE_COLOUR)
        return super().data(index, role)


class CallListPage(QWidget):
    open_vehicle = Signal(int, int)  # customer id, vehicle id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="call_summary")
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="call_refresh")
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.model = CallModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["line"].plate),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Model")),
                    lambda r: model_name(r["line"].model_code),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["line"].customer_name),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["line"].phone),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Last visit")),
                    lambda r: str(r["line"].last_visit or "—"),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Why call")), lambda r: r["why"]),
            ],
            self,
        )
        self.table = queue_table(self.model, "call_list")
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("Nobody to call today: no service due within 30 days, no declined work.")
        )
        layout.addWidget(self.empty)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self._open)  # Enter or double-click
        self.loaded = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        today = self.session.ctx.clock().date()
        lines: list[CallLine] = call_list(self.session.db, today)
        rows = [{"line": x, "why": " | ".join(map(reason_text, x.reasons))} for x in lines]
        self.model.set_rows(rows)
        overdue = sum(1 for line in lines if line.rank == ns.RANK[ns.OVERDUE])
        self.summary.setText(
            self.tr("{n} cars to call today, {overdue} overdue").format(
                n=len(lines), overdue=overdue
            )
        )
        self.empty.setVisible(not lines)
        self.loaded = True

    def _open(self, index: Index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_vehicle.emit(row["line"].customer_id, row["line"].vehicle_id)
