"""The period of the reports tab: a week, a month or a range of dates, stepped with the
arrows, back to the present with one button."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from service_desk.domain.report import Period
from service_desk.ui.i18n import ui_lang

KINDS = ("week", "month", "range")


def following(period: Period) -> Period:
    """The period after this one, of the same kind (a range: as many days)."""
    after = period.end + dt.timedelta(days=1)
    if period.kind == "month":
        return Period.month(after.year, after.month)
    if period.kind == "week":
        return Period.week(after)
    return Period(after, after + (period.end - period.start), period.kind)


def period_text(period: Period) -> str:
    """'2026年11月', '2026年第48周 (11-23 – 11-29)', '2026-11-01 – 2026-11-15'."""
    label = period.label(ui_lang())
    if period.kind == "week":
        label += f" ({period.start:%m-%d} – {period.end:%m-%d})"
    return label


class PeriodPicker(QWidget):
    changed = Signal(object)  # the Period now chosen

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        now = today()
        self.period = Period.month(now.year, now.month)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox(objectName="report_kind")
        for code, name in (
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("range", self.tr("Date range")),
        ):
            self.kind.addItem(name, code)
        self.back = QToolButton(objectName="report_previous")
        self.back.setArrowType(Qt.ArrowType.LeftArrow)
        self.forward = QToolButton(objectName="report_next")
        self.forward.setArrowType(Qt.ArrowType.RightArrow)
        self.label = QLabel(objectName="report_period")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("0000年第00周 (00-00 – 00-00)")
        )
        self.start = QDateEdit(objectName="report_from")
        self.end = QDateEdit(objectName="report_to")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.dash = QLabel("–")
        self.this = QToolButton(objectName="report_this")
        row.addWidget(QLabel(self.tr("Period:")))
        row.addWidget(self.kind)
        row.addWidget(self.back)
        row.addWidget(self.label)
        row.addWidget(self.start)
        row.addWidget(self.dash)
        row.addWidget(self.end)
        row.addWidget(self.forward)
        row.addWidget(self.this)

        self.kind.activated.connect(lambda _i: self._kind_chosen())
        self.back.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.forward.clicked.connect(lambda: self.set_period(following(self.period)))
        self.this.clicked.connect(self._this)
        self.start.dateChanged.connect(lambda _d: self._dates_typed(moved="start"))
        self.end.dateChanged.connect(lambda _d: self._dates_typed(moved="end"))
        self._show()

    # --- choosing --------------------------------------------------------------------------
    def set_period(self, period: Period) -> None:
        changed = period != self.period
        self.period = period
        self._show()
        if changed:
            self.changed.emit(period)

    def _anchor(self) -> dt.date:
        """The day a new kind of period is built around: today when it is in the period."""
        today = self.today()
        return today if self.period.start <= today <= self.period.end else self.period.start

    def _kind_chosen(self) -> None:
        kind = self.kind.currentData()
        if kind == self.period.kind:
            return
        day = self._anchor()
        if kind == "week":
            self.set_period(Period.week(day))
        elif kind == "month":
            self.set_period(Period.month(day.year, day.month))
        else:
            self.set_period(Period(self.period.start, self.period.end, "range"))

    def _this(self) -> None:
        today = self.today()
        if self.period.kind == "week":
            self.set_period(Period.week(today))
        else:
            self.set_period(Period.month(today.year, today.month))

    def _dates_typed(self, moved: str) -> None:
        if self.period.kind != "range":
            return
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:  # the other end follows the one moved
            start, end = (start, start) if moved == "start" else (end, end)
        self.set_period(Period(start, end, "range"))

    # --- showing ---------------------------------------------------------------------------
    def _show(self) -> None:
        period = self.period
        ranged = period.kind == "range"
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.label.setText(period_text(period))
        self.label.setVisible(not ranged)
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(ranged)
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.forward.setEnabled(following(period).start <= self.today())
        names = {
            "week": (self.tr("The week before"), self.tr("The week after"), self.tr("This week")),
            "month": (
                self.tr("The month before"),
                self.tr("The month after"),
                self.tr("This month"),
            ),
            "range": (self.tr("The days before"), self.tr("The days after"), self.tr("This month")),
        }[period.kind]
        self.back.setToolTip(names[0])
        self.forward.setToolTip(names[1])
        self.this.setText(names[2])
