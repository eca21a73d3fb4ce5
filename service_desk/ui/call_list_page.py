"""Today's call list (R2) worked with the contact log (R3): every car worth a call, most
urgent first, each line saying why — service overdue, a call back the customer asked for
whose time has come, service due within 7 / 30 days (predicted from the car's own km per
day), work the customer declined earlier — and the last contact (when, how it ended, who,
the tries nobody answered).

The list is built off the UI thread (ui/background.Worker, on its own connection: ten
years of data give ~18,000 lines and take seconds, the first start after an upgrade
computes every car's due first): meanwhile the page says so and the rest of the window
works; a change of the data while it builds brings a fresh list after it (requests
coalesce); a failure shows the storage message on the page. The lines reach the view a
batch at a time, their texts made as shown (ui/call_list_model.py).

"Log contact…" (Ctrl+L, or the line's context menu) logs the call of the selected line
(ui/contact_dialog.py); the list then refreshes: a booked car leaves it, a call back
leaves until its time. Under the list: the contact history of the selected line's
customer and car, and the numbers to mend (customers whose number was found wrong: they
are not called until their record is updated). Enter (or a double-click) on a line opens
the car at reception."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import call_list as calls
from service_desk.actions import contacts, service_due
from service_desk.domain.call_list import CallLine, row_to_keep
from service_desk.domain.clock import parse
from service_desk.store.errors import StorageError
from service_desk.ui import colours, keyboard
from service_desk.ui import contact_messages as texts
from service_desk.ui.background import Worker
from service_desk.ui.call_list_model import CallModel, why_text
from service_desk.ui.contact_dialog import ContactDialog
from service_desk.ui.messages import storage_text
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

REFRESH_MS = 60_000  # call backs come due while the page is open: checked each minute


def _t(text: str) -> str:
    return QCoreApplication.translate("CallList", text)


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


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


def build(now: dt.datetime, ui_connection: sqlite_utils.Database):
    """The worker's job: the cached dues brought up to date (short transactions of their
    own: the counter may write meanwhile), then the list read in one snapshot; the
    worker's own connection reads only from then on."""

    def work(db: sqlite_utils.Database) -> calls.CallList:
        service_due.refresh(db, now.date())
        if db is not ui_connection:  # no file: the session's own connection, left as it is
            db.execute("PRAGMA query_only = ON")
        return calls.todays_calls(db, now)

    return work


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
        self.status = QLabel(objectName="call_status")  # building the list…
        self.status.setStyleSheet(colours.text_style(colours.FAINT))
        self.log_button = QPushButton(self.tr("&Log contact…"), objectName="call_log_contact")
        self.log_button.setToolTip("Ctrl+L")
        self.log_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="call_refresh")
        top.addWidget(self.summary)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.log_button)
        layout.addLayout(top)
        self.error = QLabel(objectName="call_error")  # the list could not be built
        self.error.setWordWrap(True)
        self.error.setStyleSheet(colours.banner_style("overdue"))
        self.error.hide()
        layout.addWidget(self.error)
        self.result = QLabel(objectName="call_result")
        self.result.setWordWrap(True)
        self.result.hide()
        layout.addWidget(self.result)

        self.model = CallModel(self)
        self.table = queue_table(self.model, "call_list")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("Nobody to call today: no service due within 30 days, no declined work."),
            objectName="call_empty",
        )
        self.empty.hide()  # said of a list built, never while it builds
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

        # the list, built in a worker thread; changes in a burst ask for one list
        self.worker = Worker(session.db_path, session.db, self)
        self.worker.done.connect(self._arrived)
        self.worker.failed.connect(self._failed)
        self.soon = QTimer(self, singleShot=True, interval=0)
        self.soon.timeout.connect(self.refresh)
        self.loaded = False  # the list shown is the newest asked for, nothing changed since
        self.built_at: dt.datetime | None = None  # the moment of the list shown
        self.changes_at: dt.datetime | None = None  # … and when the clock alone changes it
        self.changed_unseen = True  # data changed while the page was hidden (or never built)
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
        self._show_history()
        self.mend_title.setText("<b>" + self.tr("Numbers to mend") + "</b>")  # none counted yet

    # ------------------------------------------------------------------ the list
    @property
    def building(self) -> bool:
        """A list is being built (or about to be)."""
        return self.worker.busy or self.soon.isActive()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.changed_unseen or not (self.loaded or self.building):
            self.refresh()

    def _changed(self, _kinds: set[str]) -> None:
        self.loaded = False
        if self.isVisible():
            self.soon.start()  # once for the changes of this turn of the event loop
        else:
            self.changed_unseen = True  # built again when shown

    def _tick(self) -> None:
        """Built again when the clock has changed it (a call back come due, a new day) or
        it failed: not every minute — on years of data a list costs seconds of a core."""
        if not self.isVisible() or self.building:
            return
        due = self.changes_at is None or self.session.ctx.clock() >= self.changes_at
        if due or not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        """Build the list again, in the background (the current one stays meanwhile)."""
        self.soon.stop()
        self.loaded = False
        self.changed_unseen = False
        self.status.setText(
            self.tr("Updating the call list…")
            if self.built_at is not None
            else self.tr("Building the call list… (a few seconds on years of data)")
        )
        self.status.show()
        self.worker.run(build(self.session.ctx.clock(), self.session.db), read_only=False)

    def _arrived(self, result: calls.CallList) -> None:
        picked = self.selected()
        row = row_to_keep(
            result.lines,
            picked.vehicle_id if picked is not None else None,
            self.table.currentIndex().row(),
        )
        self.model.set_lines(result.lines, result.now)
        self.built_at, self.changes_at = result.now, result.changes_at
        counts = result.summary
        summary = self.tr("{n} cars to call today, {overdue} overdue").format(
            n=counts.lines, overdue=counts.overdue
        )
        if counts.call_backs:
            summary += self.tr(", {n} asked to be called back").format(n=counts.call_backs)
        self.summary.setText(summary)
        self.empty.setVisible(not result.lines)
        self.log_button.setEnabled(bool(result.lines))
        if row is not None:  # the same line stays picked; when it left, the one in its place
            self.model.show_row(row)
            self.table.selectRow(row)
        self._show_history()
        self._show_mend(result.to_mend)
        self.error.hide()
        self.status.setVisible(self.building)
        self.loaded = not (self.building or self.changed_unseen)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, StorageError):
            detail = storage_text(exc)
        else:
            detail = self.tr("Unexpected error: {error}").format(error=exc)
        self.error.setText(self.tr("The call list could not be built.") + " " + detail)
        self.error.show()
        self.status.setVisible(self.building)

    def _show_mend(self, rows: list[Row]) -> None:
        self.mend_model.set_rows(rows)
        self.mend_title.setText(
            "<b>"
            + self.tr("Numbers to mend ({n})").format(n=len(rows))
            + "</b> "
            + (self.tr("— update the customer's phone in the archive") if rows else "")
        )

    def selected(self) -> CallLine | None:
        return self.model.line_at(self.table.currentIndex().row())

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
        dialog = ContactDialog(
            self.session,
            line.customer_id,
            line.vehicle_id,
            line.purpose,
            why_text(line, self.session.ctx.clock()),
            self,
            campaign_id=line.campaign_id,
        )
        dialog.logged.connect(lambda result, ln=line: self._logged(ln, result))
        dialog.finished.connect(lambda _code: self.table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _logged(self, line: CallLine, result: contacts.ContactResult) -> None:
        if not self.building:  # the session's change asks for a fresh list already
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
        line = self.model.line_at(index.row())
        if line is not None:
            self.open_vehicle.emit(line.customer_id, line.vehicle_id)

    def _open_mend(self, index: Index) -> None:
        row = self.mend_model.row_at(index.row())
        if row is not None and row["vehicle_id"] is not None:
            self.open_vehicle.emit(row["customer_id"], row["vehicle_id"])
