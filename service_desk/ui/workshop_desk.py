"""The workshop hand-off desk (tab): the queue of checked-in cars and cars in the
workshop on the left, the step of the current order on the right (R10–R13): hand-off,
additional work and the progress check while the car is in the workshop, ready for
pickup once the work is completed. A progress check that falls due is raised once, on a
line at the top of the desk."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import workshop
from service_desk.actions.context import ActionError
from service_desk.domain.clock import parse
from service_desk.store import queries
from service_desk.store.errors import StorageError
from service_desk.ui import colours, keyboard, labels
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import pick_queue_row, queue_table
from service_desk.ui.when_shown import WhenShown
from service_desk.ui.workshop_handoff import HandoffForm
from service_desk.ui.workshop_ready import ReadyForm
from service_desk.ui.workshop_work import WorkPanel

QUEUE_STATES = ("checked_in", "handed_off", "in_progress", "completed")
IN_WORKSHOP = ("handed_off", "in_progress")
DUE_COLOUR = colours.WAITING_BG
ALERT_STYLE = colours.banner_style("waiting")
REFRESH_MS = 60_000


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def time_left(promised_at: str | None, now: dt.datetime) -> str:
    """Time left to the promised delivery, or how late it is."""
    if not promised_at:
        return ""
    minutes = int((parse(promised_at) - now).total_seconds() // 60)
    late = minutes < 0
    minutes = abs(minutes)
    if minutes < 60:
        text = _c(QT_TRANSLATE_NOOP("Columns", "{n} min")).format(n=minutes)
    elif minutes < 48 * 60:
        text = _c(QT_TRANSLATE_NOOP("Columns", "{h} h {m} min")).format(
            h=minutes // 60, m=minutes % 60
        )
    else:
        text = _c(QT_TRANSLATE_NOOP("Columns", "{n} days")).format(n=minutes // 1440)
    return _c(QT_TRANSLATE_NOOP("Columns", "late {time}")).format(time=text) if late else text


class QueueModel(RowsModel):
    """The desk's queue; rows whose progress check is due are marked."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            row = self.rows[index.row()]
            return QColor(DUE_COLOUR) if row.get("check_due") else None
        return super().data(index, role)


class WorkshopDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        outer = QVBoxLayout(self)
        alert_row = QHBoxLayout()
        self.alert = QLabel(objectName="workshop_alert")
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet(ALERT_STYLE)
        self.alert_close = QPushButton(self.tr("Seen"), objectName="workshop_alert_close")
        alert_row.addWidget(self.alert, 1)
        alert_row.addWidget(self.alert_close)
        outer.addLayout(alert_row)
        self.alert_lines: list[str] = []
        self._show_alert()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(QLabel("<b>" + self.tr("Cars for the workshop") + "</b>"))
        clock = session.ctx.clock
        self.queue_model = QueueModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda r: labels.state(r["state"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Time left")),
                    lambda r: time_left(r["promised_at"], clock()),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Check")),
                    lambda r: (
                        _c(QT_TRANSLATE_NOOP("Columns", "Check due")) if r["check_due"] else ""
                    ),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
            ],
            self,
        )
        self.queue_model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.queue = queue_table(self.queue_model, "workshop_queue")
        queue_layout.addWidget(self.queue)
        self.queue_empty = QLabel(
            self.tr(
                "No car for the workshop — a car comes here once it is checked in at the "
                "inspection desk (Ctrl+3)."
            )
        )
        self.queue_empty.setWordWrap(True)
        self.queue_empty.setStyleSheet(colours.EMPTY_STYLE)
        queue_layout.addWidget(self.queue_empty)
        splitter.addWidget(queue_box)

        self.pages = QStackedWidget()
        self.empty = QLabel(objectName="workshop_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.handoff = HandoffForm(session)
        self.work = WorkPanel(session)
        self.ready = ReadyForm(session)
        work_scroll = QScrollArea()
        work_scroll.setWidgetResizable(True)
        work_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        work_scroll.setWidget(self.work)
        for page in (self.empty, self.handoff, work_scroll, self.ready):
            self.pages.addWidget(page)
        self._page_of = {"checked_in": self.handoff, "completed": self.ready}
        for state in IN_WORKSHOP:
            self._page_of[state] = self.work
        self._scroll_of = {self.work: work_scroll}
        self._shown: tuple[int, str] | None = None
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([490, 950])  # the queue shows all its columns (order … check due)
        outer.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.when_shown = WhenShown(self)  # behind another desk: brought up to date when shown
        self.timer.timeout.connect(self.when_shown.wrap(self.refresh))
        self.timer.start()
        self.alert_close.clicked.connect(self._dismiss_alert)
        keyboard.install_primary(self, self._primary)
        self.queue.activated.connect(self._queue_picked)
        self.queue.clicked.connect(self._queue_picked)
        session.changed.connect(self.when_shown.wrap(self.refresh))
        session.current_order_changed.connect(self.when_shown.wrap(self.show_order))
        self.refresh()
        self.show_order(session.current_order_id)

    # ------------------------------------------------------------------ queue
    def refresh(self, kinds: set[str] | None = None) -> None:
        db = self.session.db
        now = self.session.ctx.clock()
        due = workshop.progress_checks_due(db, now, workshop.open_hours(db))
        due_ids = {r["order_id"] for r in due}
        rows: list[Row] = [
            {**r, "check_due": r["id"] in due_ids}
            for r in queries.orders_in_states(db, QUEUE_STATES)
        ]
        self.queue_model.set_rows(rows)
        self.queue_empty.setVisible(not rows)
        self._raise_checks(due)
        self.show_order(self.session.current_order_id)

    def _raise_checks(self, due: list[Row]) -> None:
        """Raise each newly due progress check once, on the line at the top."""
        for r in due:
            if r["raised_at"] is not None:
                continue
            try:
                raised = workshop.mark_raised(self.session.ctx, r["order_id"])
            except (ActionError, StorageError):
                continue  # nobody at the counter yet: raised when someone is
            if raised:
                self.alert_lines.append(
                    self.tr(
                        "Progress check due: {number} {plate} ({customer}) — ask the "
                        "workshop for the expected completion and any problem."
                    ).format(number=r["number"], plate=r["plate"], customer=r["customer_name"])
                )
        self._show_alert()

    def _show_alert(self) -> None:
        self.alert.setText("\n".join(self.alert_lines))
        self.alert.setVisible(bool(self.alert_lines))
        self.alert_close.setVisible(bool(self.alert_lines))

    def _dismiss_alert(self) -> None:
        self.alert_lines.clear()
        self._show_alert()

    def _primary(self) -> None:
        """Ctrl+Enter outside the forms (the queue): the shown step's primary action."""
        page = self.pages.currentWidget()
        for form in (self.handoff, self.work, self.ready):
            if page is form or page is self._scroll_of.get(form):
                slot = keyboard.primary_of(form)
                if slot is not None:
                    slot()

    def _queue_picked(self, *_args: object) -> None:
        pick_queue_row(self.queue, self.session, self.show_order)

    # ------------------------------------------------------------------ the current order
    def show_order(self, order_id: int | None) -> None:
        order = queries.order(self.session.db, order_id) if order_id else None
        if order is None:
            self._shown = None
            self.empty.setText(
                self.tr(
                    "Pick a car in the queue — or search its plate (F2) — to hand it to "
                    "the workshop or follow its work."
                )
            )
            self.pages.setCurrentWidget(self.empty)
            return
        page = self._page_of.get(order["state"])
        if page is None:
            self._shown = None
            self.empty.setText(
                self.tr(
                    "Order {number} is {state}: the workshop desk takes the car once it is "
                    "checked in, until it is ready for pickup."
                ).format(number=order["number"], state=labels.state(order["state"]))
            )
            self.pages.setCurrentWidget(self.empty)
            return
        shown = (order["id"], order["state"])
        if self._shown is None or self._shown[0] != order["id"] or page.order_id != order["id"]:
            page.load(order["id"])  # a fresh form for another car
        elif self._shown != shown and page is not self.work:
            page.load(order["id"])
        else:
            page.refresh()  # same car: keep what is typed
        self._shown = shown
        target = self._scroll_of.get(page, page)
        focus = QApplication.focusWidget()
        lost = focus is None or not focus.isVisible() or self.pages.isAncestorOf(focus)
        moved = self.pages.currentWidget() is not target
        self.pages.setCurrentWidget(target)
        if moved and lost:  # the step done, its form gone: the keyboard goes to the next
            self._focus_step(page)

    def _focus_step(self, page: QWidget) -> None:
        if page is self.work:
            for button in (self.work.start_button, self.work.complete_button):
                if button.isEnabled():
                    button.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        keyboard.focus_first(page)
