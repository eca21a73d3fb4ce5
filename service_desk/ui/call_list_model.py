"""The call list's table model: one row per domain/call_list.CallLine, its texts made when
the view asks for them.

Ten years of data give ~18,000 lines: the view gets them a batch at a time (RowsModel's
fetchMore) and each text — why to call, the last contact, the last visit — is formatted
in ``data`` for the rows the view shows; the "why" of a row is kept once made (the view
asks again at every paint), and forgotten with the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from service_desk.domain import next_service as ns
from service_desk.domain.call_list import CallLine
from service_desk.domain.money import format_yuan
from service_desk.ui import colours
from service_desk.ui import contact_messages as texts
from service_desk.ui.models import Index, RowsModel
from service_desk.ui.search_box import model_name

OVERDUE_COLOUR = colours.OVERDUE
DUE_COLOUR = colours.WAITING  # due: amber, as everywhere
CALL_BACK_COLOUR = colours.WORKSHOP  # a call back promised: in hand
RANK_COLOURS = {
    ns.RANK[ns.OVERDUE]: OVERDUE_COLOUR,
    ns.RANK[ns.CALL_BACK]: CALL_BACK_COLOUR,
    ns.RANK[ns.DUE_7]: DUE_COLOUR,
}
WHY_COLUMN = 6


def _t(text: str) -> str:
    return QCoreApplication.translate("CallList", text)


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def reason_text(reason: ns.Reason, now: dt.datetime | None = None) -> str:
    f = reason.figures
    if reason.code == ns.DECLINED:
        return _t(QT_TRANSLATE_NOOP("CallList", "Declined {item} ({amount}) on {day}")).format(
            item=f["description"], amount=format_yuan(int(f["amount_fen"])), day=f["declined_on"]
        )
    if reason.code == ns.CALL_BACK:
        at: dt.datetime = f["call_back_at"]  # type: ignore[assignment]
        return _t(QT_TRANSLATE_NOOP("CallList", "Call back as asked ({time})")).format(
            time=texts.local(at, now or at)
        )
    if reason.code == ns.CAMPAIGN:
        text = _t(QT_TRANSLATE_NOOP("CallList", "Campaign {name} (until {day})")).format(
            name=f["name"], day=f["valid_to"]
        )
        if f.get("letter_sent_on"):
            text += " · " + _t(QT_TRANSLATE_NOOP("CallList", "letter sent {day}")).format(
                day=f["letter_sent_on"]
            )
        return text
    texts_ = {
        ns.OVERDUE: QT_TRANSLATE_NOOP("CallList", "Service overdue since {day}"),
        ns.DUE_7: QT_TRANSLATE_NOOP("CallList", "Service due {day} (within 7 days)"),
        ns.DUE_30: QT_TRANSLATE_NOOP("CallList", "Service due {day} (within 30 days)"),
    }
    text = _t(texts_.get(reason.code, reason.code)).format(day=f.get("due_day", ""))
    if f.get("predicted_km") is not None and f.get("due_km") is not None:
        text += " · " + _t(
            QT_TRANSLATE_NOOP("CallList", "about {km} km now, due at {due} km")
        ).format(km=f"{int(f['predicted_km']):,}", due=f"{int(f['due_km']):,}")
    return text


def why_text(line: CallLine, now: dt.datetime | None = None) -> str:
    """Every reason of a line, most urgent first."""
    return " | ".join(reason_text(r, now) for r in line.reasons)


class CallModel(RowsModel):
    """The lines of a call list; overdue lines in red, call backs in blue, lines due
    within a week in amber. ``rows`` holds the CallLine objects themselves."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda x: x.plate),
                (_c(QT_TRANSLATE_NOOP("Columns", "Model")), lambda x: model_name(x.model_code)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda x: x.customer_name),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda x: x.phone),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Last visit")),
                    lambda x: str(x.last_visit or "—"),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Last contact")),
                    lambda x: texts.last_contact_text(x.last_contact, x.unanswered, self.now),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Why call")), self.why),
            ],
            parent,
        )
        self.now = dt.datetime.now().astimezone()  # the moment of the list shown
        self._why: dict[int, str] = {}  # vehicle id -> why, for the rows shown so far

    def set_lines(self, lines: list[CallLine], now: dt.datetime) -> None:
        self.now = now
        self._why = {}
        self.set_rows(lines)  # type: ignore[arg-type]

    def line_at(self, row: int) -> CallLine | None:
        return self.row_at(row)  # type: ignore[return-value]

    def why(self, line: CallLine) -> str:
        text = self._why.get(line.vehicle_id)
        if text is None:
            text = self._why[line.vehicle_id] = why_text(line, self.now)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line: CallLine = self.rows[index.row()]  # type: ignore[assignment]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](line)  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = RANK_COLOURS.get(line.rank)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return line.vehicle_id
        return None
