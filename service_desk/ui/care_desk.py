"""The customer care desk (tab): follow-ups due after release (R16) and complaints (R15)
on the left, overdue ones first and marked in the overdue colour with a word; the
working form on the right: the follow-up script, a complaint (new, answer, the
customer's word) or an enquiry. Each refresh (a change, the minute timer) escalates the
complaints past their reply-by time to the supervisor (actions.care.escalate_overdue)."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import care
from service_desk.actions.context import ActionError
from service_desk.domain.clock import parse
from service_desk.store import queries
from service_desk.store.errors import StorageError
from service_desk.ui import care_messages as texts
from service_desk.ui import colours, keyboard
from service_desk.ui.care_forms import ComplaintForm, EnquiryForm, FollowUpForm
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

REFRESH_MS = 60_000


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class StatusModel(RowsModel):
    """Rows whose status column is coloured (overdue red and bold), always with a word."""

    status_key = "status"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        is_status = self.columns[index.column()][0] == self.state_header
        if role == Qt.ItemDataRole.ForegroundRole and is_status:
            key = "overdue" if row.get("overdue") else row.get(self.status_key, "")
            return QColor(texts.COLOURS.get(key, colours.TEXT))
        if role == Qt.ItemDataRole.FontRole and (
            row.get("overdue") or row.get("status") == "overdue"
        ):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _local(text: str | None, now: dt.datetime) -> str:
    return parse(text).astimezone(now.tzinfo).strftime("%m-%d %H:%M") if text else "—"


class CareDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session

        def clock() -> dt.datetime:  # the session's clock as it is now (tests move it)
            return session.ctx.clock()

        outer = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_complaint = QPushButton(
            self.tr("&New complaint …"), objectName="care_new_complaint"
        )
        self.new_enquiry = QPushButton(self.tr("Log an &enquiry"), objectName="care_new_enquiry")
        buttons.addStretch(1)
        buttons.addWidget(self.new_enquiry)
        buttons.addWidget(self.new_complaint)
        outer.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        lists = QWidget()
        left = QVBoxLayout(lists)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QLabel("<b>" + self.tr("Follow-ups due") + "</b>"))
        status = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.follow_model = StatusModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["phone"]),
                (status, lambda r: texts.follow_up_status(r["status"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Due by")), lambda r: r["due_to"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Calls")), lambda r: str(r["attempts"])),
            ],
            self,
        )
        self.follow_model.state_header = status
        self.follow_ups = queue_table(self.follow_model, "care_follow_ups")
        left.addWidget(self.follow_ups, 1)
        self.follow_empty = QLabel(
            self.tr("No follow-up due: cars appear here two days after they left.")
        )
        self.follow_empty.setWordWrap(True)
        self.follow_empty.setStyleSheet(colours.EMPTY_STYLE)
        left.addWidget(self.follow_empty)

        left.addWidget(QLabel("<b>" + self.tr("Complaints") + "</b>"))
        self.complaint_model = StatusModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "No.")), lambda r: str(r["id"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["order_number"] or "—"),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Received")),
                    lambda r: texts.complaint_channel(r["channel"]),
                ),
                (status, lambda r: texts.complaint_state(r["state"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Reply by")),
                    lambda r: _local(r["reply_by"], clock()),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Time left")),
                    lambda r: texts.reply_countdown(
                        parse(r["reply_by"]) if r["reply_by"] else None,
                        r["answered_at"] is not None,
                        clock(),
                    ),
                ),
            ],
            self,
        )
        self.complaint_model.state_header = status
        self.complaint_model.status_key = "state"
        self.complaints = queue_table(self.complaint_model, "care_complaints")
        left.addWidget(self.complaints, 1)
        self.complaints_empty = QLabel(
            self.tr("No open complaint — a customer unhappy? New complaint … (Alt+N).")
        )
        self.complaints_empty.setWordWrap(True)
        self.complaints_empty.setStyleSheet(colours.EMPTY_STYLE)
        left.addWidget(self.complaints_empty)
        splitter.addWidget(lists)

        self.pages = QStackedWidget()
        self.empty = QLabel(
            self.tr(
                "Pick a follow-up or a complaint on the left — or log a new complaint or "
                "an enquiry (buttons above)."
            ),
            objectName="care_empty",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.follow_up = FollowUpForm(session)
        self.complaint = ComplaintForm(session)
        self.enquiry = EnquiryForm(session)
        self.pages.addWidget(self.empty)
        for form in (self.follow_up, self.complaint, self.enquiry):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(form)
            self.pages.addWidget(scroll)
        self.result = QLabel(objectName="care_result")
        self.result.setWordWrap(True)
        self.result.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.result)
        right_layout.addWidget(self.pages, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 820])  # the lists need their columns (order, plate, phone …)
        outer.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.follow_ups.clicked.connect(self._follow_up_picked)
        self.follow_ups.activated.connect(self._follow_up_picked)
        self.complaints.clicked.connect(self._complaint_picked)
        self.complaints.activated.connect(self._complaint_picked)
        self.new_complaint.clicked.connect(self.start_complaint)
        self.new_enquiry.clicked.connect(self.start_enquiry)
        keyboard.install_primary(self)  # the shown form's: save, submit
        self.follow_up.saved.connect(self._follow_up_saved)
        self.complaint.done.connect(lambda _cid: self.refresh())
        self.enquiry.saved.connect(self._enquiry_saved)
        session.changed.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ lists
    def refresh(self, kinds: set[str] | None = None) -> None:
        """Escalate what is overdue, then reload both lists (keeping the open form)."""
        ctx = self.session.ctx
        # a read-only or busy file: shown as overdue all the same, escalated next time
        with contextlib.suppress(ActionError, StorageError):
            care.escalate_overdue(ctx)
        now = ctx.clock()
        follow: list[Row] = care.follow_ups_due(ctx.db, now)
        self.follow_model.set_rows(follow)
        self.follow_empty.setVisible(not follow)
        complaints = care.open_complaints(ctx.db, now)
        self.complaint_model.set_rows(complaints)
        self.complaints_empty.setVisible(not complaints)

    def _follow_up_picked(self, index: QModelIndex | None = None) -> None:
        row = self.follow_model.row_at(self.follow_ups.currentIndex().row())
        if row is None:
            return
        self.result.hide()
        self.follow_up.load(row)
        self._show(self.follow_up)

    def _complaint_picked(self, index: QModelIndex | None = None) -> None:
        row = self.complaint_model.row_at(self.complaints.currentIndex().row())
        if row is None:
            return
        self.open_complaint(int(row["id"]))

    def open_complaint(self, complaint_id: int) -> None:
        self.result.hide()
        self.complaint.load(complaint_id)
        self._show(self.complaint)

    def _show(self, form: QWidget) -> None:
        self.pages.setCurrentWidget(form.parentWidget().parentWidget())

    # ------------------------------------------------------------------ new records
    def start_complaint(self) -> None:
        """A new complaint: about the current order when there is one, else the customer
        is searched on the form."""
        order = queries.order(self.session.db, self.session.current_order_id or 0)
        self.result.hide()
        if order is None:
            self.complaint.new(None, None)
            self._show(self.complaint)
            self.complaint.search.edit.setFocus()
            return
        self.complaint.new(order["customer_id"], order["id"])
        self._show(self.complaint)
        self.complaint.text.setFocus()

    def start_enquiry(self) -> None:
        order = queries.order(self.session.db, self.session.current_order_id or 0)
        self.result.hide()
        self.enquiry.new(order["customer_id"] if order else None)
        self._show(self.enquiry)
        self.enquiry.question.setFocus()

    def _follow_up_saved(self, result: care.FollowUpResult) -> None:
        self.refresh()
        if result.complaint_id is not None:
            self.open_complaint(result.complaint_id)
            self._say(
                self.tr(
                    "Follow-up saved. The customer is unhappy: logged as complaint no. {id}."
                ).format(id=result.complaint_id)
            )
        else:
            self.pages.setCurrentWidget(self.empty)
            self._say(self.tr("Follow-up saved."))

    def _enquiry_saved(self, _enquiry_id: int) -> None:
        self.pages.setCurrentWidget(self.empty)
        self._say(self.tr("Enquiry saved."))

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
