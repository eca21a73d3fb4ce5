"""Today's call list (R2) worked with the contact log (R3): every car worth a call, most
urgent first, each line saying why — service overdue, a call back the customer asked for
whose time has come, service due within 7 / 30 days (predicted from the car's own km per
day), work the customer declined earlier — and the last contact (when, how it ended, who,
the tries nobody answered).

"Log contact…" (Ctrl+L, or the line's context menu) logs the call of the selected line
(ui/contact_dialog.py); the list then refreshes: a booked car leaves it, a call back
leaves until its time. Under the list: the contact history of the selected line's
customer and car, and the numbers to mend (customers whose number was found wrong: they
are not called until their record is updated). Enter (or a double-click) on a line opens
the car at reception."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import contacts
from service_desk.actions.call_list import CallLine, call_list, numbers_to_mend
from service_desk.domain import next_service as ns
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.ui import colours, keyboard
from service_desk.ui import contact_messages as texts
from service_desk.ui.contact_dialog import ContactDialog
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

OVERDUE_COLOUR = colours.OVERDUE
DUE_COLOUR = colours.WAITING  # due: amber, as everywhere
CALL_BACK_COLOUR = colours.WORKSHOP  # a call back promised: in hand
REFRESH_MS = 60_000  # call backs come due while the page is open


def _t(text: str) -> str:
    return QCoreApplication.translate("CallList", text)


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


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class CallModel(RowsModel):
    """Overdue lines in red, call backs in blue, lines due within a week in amber."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            rank = self.rows[index.row()]["line"].rank
            colour = {
                ns.RANK[ns.OVERDUE]: OVERDUE_COLOUR,
                ns.RANK[ns.CALL_BACK]: CALL_BACK_COLOUR,
                ns.RANK[ns.DUE_7]: DUE_COLOUR,
            }.get(rank)
            return QColor(colour) if colour else None
        return super().data(index, role)


def _outcome_detail(row: Row, now: dt.datetime) -> str:
    """How a contact ended, with what it made."""
    text = texts.outcome_name(row["outcome"])
    if row["outcome"] == "booked" and row.get("appointment_start"):
        text += " " + texts.local(parse(row["appointment_start"]), now)
    elif row["outcome"] == "call_back" and row.get("call_back_at"):
        text += " " + texts.local(parse(row["call_back_at"]), now)
    elif row["outcome"] == "complaint" and row.get("complaint_id"):
        text += " " + _t(QT_TRANSLATE_NOOP("CallList", "no. {id}")).format(id=row["complaint_id"])
    return text


class CallListPage(QWidget):
    open_vehicle = Signal(int, int)  # customer id, vehicle id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: ContactDialog | None = None

        def now() -> dt.datetime:  # the session's clock as it is now (tests move it)
            return session.ctx.clock()

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="call_summary")
        self.log_button = QPushButton(self.tr("&Log contact…"), objectName="call_log_contact")
        self.log_button.setToolTip("Ctrl+L")
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="call_refresh")
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.log_button)
        layout.addLayout(top)
        self.result = QLabel(objectName="call_result")
        self.result.setWordWrap(True)
        self.result.hide()
        layout.addWidget(self.result)

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
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Last contact")),
                    lambda r: texts.last_contact_text(
                        r["line"].last_contact, r["line"].unanswered, now()
                    ),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Why call")), lambda r: r["why"]),
            ],
            self,
        )
        self.table = queue_table(self.model, "call_list")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("Nobody to call today: no service due within 30 days, no declined work.")
        )
        upper_layout.addWidget(self.empty)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        history = QVBoxLayout()
        self.history_title = QLabel(objectName="call_history_title")
        history.addWidget(self.history_title)
        self.history_model = RowsModel(
            [
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "When")),
                    lambda r: texts.local(parse(r["at"]), now(), with_year=True),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Channel")),
                    lambda r: texts.channel_name(r["channel"]),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "About")),
                    lambda r: texts.purpose_name(r["purpose"]),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Outcome")), lambda r: _outcome_detail(r, now())),
                (_c(QT_TRANSLATE_NOOP("Columns", "Car")), lambda r: r["plate"] or "—"),
                (_c(QT_TRANSLATE_NOOP("Columns", "By")), lambda r: r["staff_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Note")), lambda r: r["note"]),
            ],
            self,
        )
        self.history = queue_table(self.history_model, "call_history")
        self.history.horizontalHeader().setStretchLastSection(True)
        history.addWidget(self.history, 1)
        lower_layout.addLayout(history, 3)
        mend = QVBoxLayout()
        self.mend_title = QLabel(objectName="call_mend_title")
        mend.addWidget(self.mend_title)
        self.mend_model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["phone"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Found wrong")),
                    lambda r: "{} · {}".format(texts.local(parse(r["at"]), now()), r["staff_name"]),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Note")), lambda r: r["note"]),
            ],
            self,
        )
        self.mend = queue_table(self.mend_model, "call_mend")
        self.mend.horizontalHeader().setStretchLastSection(True)
        mend.addWidget(self.mend, 1)
        lower_layout.addLayout(mend, 2)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.refresh_button.clicked.connect(self.refresh)
        self.log_button.clicked.connect(self.log_contact)
        shortcut = QShortcut(QKeySequence("Ctrl+L"), self, self.log_contact)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keyboard.set_primary(self, self.log_button, self.log_contact)  # as Ctrl+L
        keyboard.install_primary(self)
        self.table.activated.connect(self._open)  # Enter or double-click
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_history())
        self.table.customContextMenuRequested.connect(self._menu)
        self.mend.activated.connect(self._open_mend)
        session.changed.connect(self._changed)
        self.loaded = False

    # ------------------------------------------------------------------ the list
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def _changed(self, _kinds: set[str]) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self.loaded = False  # refreshed when shown

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        now = self.session.ctx.clock()
        kept, kept_row = self.selected(), self.table.currentIndex().row()
        lines: list[CallLine] = call_list(self.session.db, now.date(), now)
        rows = [
            {"line": x, "why": " | ".join(reason_text(r, now) for r in x.reasons)} for x in lines
        ]
        self.model.set_rows(rows)
        overdue = sum(1 for line in lines if line.rank == ns.RANK[ns.OVERDUE])
        backs = sum(1 for line in lines if ns.CALL_BACK in line.codes)
        summary = self.tr("{n} cars to call today, {overdue} overdue").format(
            n=len(lines), overdue=overdue
        )
        if backs:
            summary += self.tr(", {n} asked to be called back").format(n=backs)
        self.summary.setText(summary)
        self.empty.setVisible(not lines)
        self.log_button.setEnabled(bool(lines))
        # the same line stays picked; when it left the list, the one now in its place
        ids = [x.vehicle_id for x in lines]
        if kept is not None and kept.vehicle_id in ids:
            self.table.selectRow(ids.index(kept.vehicle_id))
        elif kept_row >= 0 and lines:
            self.table.selectRow(min(kept_row, len(lines) - 1))
        self._show_history()
        mend = numbers_to_mend(self.session.db)
        self.mend_model.set_rows(mend)
        self.mend_title.setText(
            "<b>"
            + self.tr("Numbers to mend ({n})").format(n=len(mend))
            + "</b> "
            + (self.tr("— update the customer's phone in the archive") if mend else "")
        )
        self.loaded = True

    def selected(self) -> CallLine | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row["line"] if row is not None else None

    def _show_history(self) -> None:
        line = self.selected()
        if line is None:
            self.history_model.set_rows([])
            self.history_title.setText(
                "<b>"
                + self.tr("Contact history")
                + "</b> "
                + self.tr("— pick a line to see its calls")
            )
            return
        rows = contacts.history(self.session.db, line.customer_id, line.vehicle_id)
        self.history_model.set_rows(rows)
        self.history_title.setText(
            "<b>"
            + self.tr("Contact history of {customer} · {plate}").format(
                customer=line.customer_name, plate=line.plate
            )
            + "</b>"
            + ("" if rows else " " + self.tr("— no contact logged yet"))
        )

    # ------------------------------------------------------------------ logging a contact
    def log_contact(self) -> ContactDialog | None:
        """The contact dialog for the selected line (the first line when none is)."""
        line = self.selected()
        if line is None and self.model.rows:
            self.table.selectRow(0)
            line = self.selected()
        if line is None:
            return None
        self.result.hide()
        why = " | ".join(reason_text(r, self.session.ctx.clock()) for r in line.reasons)
        dialog = ContactDialog(
            self.session,
            line.customer_id,
            line.vehicle_id,
            line.purpose,
            why,
            self,
            campaign_id=line.campaign_id,
        )
        dialog.logged.connect(lambda result, ln=line: self._logged(ln, result))
        dialog.finished.connect(lambda _code: self.table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _logged(self, line: CallLine, result: contacts.ContactResult) -> None:
        if not self.loaded:  # the session's change refreshes a page on screen already
            self.refresh()
        found = contacts.history(self.session.db, line.customer_id, line.vehicle_id)
        logged = next((r for r in found if r["id"] == result.contact_id), None)
        what = _outcome_detail(logged, self.session.ctx.clock()) if logged else ""
        self.result.setText(
            self.tr("Logged for {plate}: {what}").format(plate=line.plate, what=what)
        )
        self.result.show()

    def line_menu(self, index: Index) -> QMenu | None:
        """The context menu of a line (which it picks): log a contact, open the car."""
        if not index.isValid():
            return None
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Log contact…"), self.log_contact)
        menu.addAction(self.tr("Open at reception"), lambda: self._open(index))
        return menu

    def _menu(self, pos: QPoint) -> None:
        menu = self.line_menu(self.table.indexAt(pos))
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def _open(self, index: Index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_vehicle.emit(row["line"].customer_id, row["line"].vehicle_id)

    def _open_mend(self, index: Index) -> None:
        row = self.mend_model.row_at(index.row())
        if row is not None and row["vehicle_id"] is not None:
            self.open_vehicle.emit(row["customer_id"], row["vehicle_id"])
