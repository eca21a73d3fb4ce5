"""The appointment statistics table 预约统计表 (R17) on screen and on paper: pick a period
(this month by default), read the figures per day, by who asked and by advisor, print."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import appointments as ap
from service_desk.actions.appointment_stats import appointment_statistics
from service_desk.actions.context import ActionError
from service_desk.domain.appointments import DayFigures, Statistics
from service_desk.printing.appointment_stats_form import (
    APPOINTMENT_STATS,
    rate_text,
    render_appointment_stats,
)
from service_desk.ui import appointments_messages as texts
from service_desk.ui import messages
from service_desk.ui import printing as ui_printing
from service_desk.ui.fields import FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "appointment_stats.order": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The last day comes on or after the first.")
        ),
        "appointment_stats.too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "At most {days} days: the workbook has longer periods.")
        ),
    }
)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class AppointmentStatsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.stats: Statistics | None = None
        self.setWindowTitle(self.tr("Appointment statistics"))
        layout = QVBoxLayout(self)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.first = _date_edit("stats_first")
        self.errors.add_row(form, self.tr("From"), self.first, "first")
        self.last = _date_edit("stats_last")
        self.errors.add_row(form, self.tr("To"), self.last, "last")
        layout.addLayout(form)
        quick = QHBoxLayout()
        self.this_month = QPushButton(self.tr("This month"), objectName="stats_this_month")
        self.last_month = QPushButton(self.tr("Last month"), objectName="stats_last_month")
        quick.addWidget(self.this_month)
        quick.addWidget(self.last_month)
        quick.addStretch(1)
        layout.addLayout(quick)
        self.summary = QLabel(objectName="stats_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Day / group")), lambda r: r["name"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Made")), lambda r: str(r["f"].made)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Kept")), lambda r: str(r["f"].kept)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Missed")), lambda r: str(r["f"].missed)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Cancelled")), lambda r: str(r["f"].cancelled)),
                (_c(QT_TRANSLATE_NOOP("Columns", "To come")), lambda r: str(r["f"].open)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Kept rate")), lambda r: rate_text(r["f"])),
            ],
            self,
        )
        self.table = queue_table(self.model, "stats_table")
        layout.addWidget(self.table, 1)
        self.message = message_line("stats_message")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("Preview"), objectName="stats_preview")
        self.print_button = QPushButton(self.tr("Print"), objectName="stats_print")
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        today = session.ctx.clock().astimezone(ap.zone(session.db)).date()
        self.set_period(*month_of(today))
        self.first.dateChanged.connect(lambda _d: self.refresh())
        self.last.dateChanged.connect(lambda _d: self.refresh())
        self.this_month.clicked.connect(lambda: self.set_period(*month_of(today)))
        self.last_month.clicked.connect(
            lambda: self.set_period(*month_of(today.replace(day=1) - dt.timedelta(days=1)))
        )
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(lambda: self.print_table())
        self.resize(720, 560)

    def set_period(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def refresh(self) -> bool:
        self.errors.fallback = self.message
        self.errors.clear()
        self.message.hide()
        try:
            self.stats = appointment_statistics(self.session.db, *self.period())
        except ActionError as exc:
            self.stats = None
            self.model.set_rows([])
            self.summary.clear()
            self.errors.labels[exc.field or "last"].setText(error_text(exc))
            self.errors.labels[exc.field or "last"].show()
            return False
        s = self.stats
        total = self.tr("Total")
        rows: list[dict[str, Any]] = [{"name": str(f.day), "f": f} for f in s.days]
        if rows:
            rows.append({"name": total, "f": s.total})
        rows += [{"name": texts.requested_by_name(f.day), "f": f} for f in s.by_source]
        rows += [{"name": f.day, "f": f} for f in s.by_advisor]
        self.model.set_rows(rows)
        self.summary.setText(self._summary(s.total))
        return True

    def _summary(self, t: DayFigures) -> str:
        if not t.made:
            return self.tr("No appointment in this period.")
        return self.tr(
            "{made} appointments: {kept} kept, {missed} missed, {cancelled} cancelled, "
            "{open} still to come; kept rate {rate}."
        ).format(
            made=t.made,
            kept=t.kept,
            missed=t.missed,
            cancelled=t.cancelled,
            open=t.open,
            rate=rate_text(t),
        )

    def _pdf(self) -> bytes:
        ctx = self.session.ctx
        actor = ctx.actor()
        assert self.stats is not None
        return render_appointment_stats(
            ctx.db, self.stats, printed_by=actor["name"], now=ctx.clock()
        )

    def print_table(self, choose: bool = False) -> bool:
        if not self.refresh():
            return False
        return ui_printing.run_print(
            lambda: ui_printing.print_unattached(
                self.session, self, APPOINTMENT_STATS, self._pdf(), choose
            ),
            self.message,
        )

    def preview(self) -> None:
        if self.refresh():
            ui_printing.run_print(
                lambda: ui_printing.preview_unattached(
                    APPOINTMENT_STATS, self._pdf(), self.print_table, self
                ),
                self.message,
            )
