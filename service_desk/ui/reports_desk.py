"""The reports tab 报表 (R18, R19): the figures of a week, a month or a range of dates,
optionally beside the period before — headline cards, the charts, the tables — exported to
Excel, and the advisor's daily self-review and monthly summary.

The statistics are read when the tab is shown and, while it is shown, whenever the
counter changes something; a hidden tab computes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.report import Period, Report
from service_desk.store.errors import StorageError
from service_desk.ui import ask, colours
from service_desk.ui.charts import BarChart, LineChart, PieChart
from service_desk.ui.fields import ERROR_STYLE
from service_desk.ui.i18n import ui_lang
from service_desk.ui.messages import error_text
from service_desk.ui.reports_cards import FigureCard, card_titles, figures
from service_desk.ui.reports_period import PeriodPicker, period_text
from service_desk.ui.reports_tables import (
    NumbersModel,
    care_model,
    care_rows,
    count_rows,
    counts_model,
    exception_rows,
    exceptions_model,
    fit_rows,
    method_rows,
    money_model,
    numbers_table,
    payer_rows,
    repair_model,
)
from service_desk.ui.session import Session

SAVED_STYLE = colours.OK_STYLE
EMPTY_STYLE = colours.EMPTY_STYLE
TOP_MODELS = 8  # the bar chart's bars; the rest are "Other"
CARD_COLUMNS = 4
EXPORT_FOLDER_KEY = "reports/export_folder"


def file_period(period: Period) -> str:
    """2026-10, 2026-W44, 2026-11-01_2026-11-15 (for file names)."""
    if period.kind == "month":
        return f"{period.start:%Y-%m}"
    if period.kind == "week":
        year, week, _ = period.start.isocalendar()
        return f"{year}-W{week:02d}"
    if period.kind == "day":
        return period.start.isoformat()
    return f"{period.start.isoformat()}_{period.end.isoformat()}"


class ReportsDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.report: Report | None = None
        self.previous: Report | None = None  # the period before, when comparing
        self._read_failed = False
        outer = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.picker = PeriodPicker(self._today)
        bar.addWidget(self.picker)
        self.compare = QCheckBox(
            self.tr("Compare with the previous period"), objectName="report_compare"
        )
        bar.addSpacing(12)
        bar.addWidget(self.compare)
        bar.addStretch(1)
        self.daily_button = QPushButton(self.tr("&Daily self-review …"), objectName="report_daily")
        self.monthly_button = QPushButton(
            self.tr("&Monthly summary …"), objectName="report_monthly"
        )
        self.export_button = QPushButton(self.tr("E&xport to Excel …"), objectName="report_export")
        for button in (self.daily_button, self.monthly_button, self.export_button):
            bar.addWidget(button)
        outer.addLayout(bar)
        self.message = QLabel(objectName="report_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(objectName="report_title")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.empty = QLabel(
            self.tr(
                "Nothing in this period: no car received, released or settled. Step back "
                "with the arrow or choose another period."
            ),
            objectName="report_empty",
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(EMPTY_STYLE)
        self.empty.hide()
        column.addWidget(self.empty)

        cards = QGridLayout()
        cards.setSpacing(8)
        self.cards: dict[str, FigureCard] = {}
        for i, (key, title) in enumerate(card_titles().items()):
            card = FigureCard(key, title)
            cards.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)
            self.cards[key] = card
        for c in range(CARD_COLUMNS):
            cards.setColumnStretch(c, 1)
        column.addLayout(cards)

        charts = QHBoxLayout()
        self.intake_chart = LineChart(self.tr("Cars received per day"))
        self.intake_chart.setObjectName("report_intake_chart")
        self.model_chart = BarChart(self.tr("Cars received by model"))
        self.model_chart.setObjectName("report_model_chart")
        self.repair_chart = PieChart(self.tr("Repair categories (lines)"))
        self.repair_chart.setObjectName("report_repair_chart")
        charts.addWidget(self.intake_chart, 5)
        charts.addWidget(self.model_chart, 4)
        charts.addWidget(self.repair_chart, 4)
        column.addLayout(charts)

        self.model_model = counts_model(self.tr("Model"), self)
        self.category_model = counts_model(self.tr("Vehicle category"), self)
        self.repair_model = repair_model(self)
        self.payer_model = money_model(self.tr("Payer"), self)
        self.method_model = money_model(self.tr("Payment method"), self)
        self.exceptions_model = exceptions_model(self)
        self.care_model = care_model(self)
        sections: list[tuple[str, NumbersModel, str]] = [
            (self.tr("Received by model"), self.model_model, "report_by_model"),
            (self.tr("Received by vehicle category"), self.category_model, "report_by_category"),
            (self.tr("By repair category"), self.repair_model, "report_by_repair"),
            (self.tr("Revenue by payer"), self.payer_model, "report_by_payer"),
            (self.tr("Payments by method"), self.method_model, "report_by_method"),
            (self.tr("Exceptions"), self.exceptions_model, "report_exceptions"),
            (self.tr("Customer care"), self.care_model, "report_care"),
        ]
        tables = QGridLayout()
        tables.setHorizontalSpacing(12)
        self.tables: dict[str, QTableView] = {}
        for i, (heading, model, name) in enumerate(sections):
            box = QVBoxLayout()
            box.addWidget(QLabel("<b>" + heading + "</b>"))
            view = numbers_table(model, name)
            box.addWidget(view)
            box.addStretch(1)
            tables.addLayout(box, i // 3, i % 3)
            self.tables[name] = view
        for c in range(3):
            tables.setColumnStretch(c, 1)
        column.addLayout(tables)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)

        self.picker.changed.connect(lambda _p: self.refresh())
        self.compare.toggled.connect(lambda _on: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.daily_button.clicked.connect(lambda: self.self_review("day"))
        self.monthly_button.clicked.connect(lambda: self.self_review("month"))
        session.changed.connect(self.refresh)

    def _today(self) -> dt.date:
        return self.session.ctx.clock().date()

    @property
    def period(self) -> Period:
        return self.picker.period

    # --- reading ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self, _kinds: object = None) -> None:
        if not self.isVisible():
            return  # read again when shown
        from service_desk.actions import reports

        period = self.period
        try:
            report = reports.report(self.session.db, period)
            previous = (
                reports.report(self.session.db, period.previous(), details=False)
                if self.compare.isChecked()
                else None
            )
        except StorageError as exc:
            self._say(error_text(exc), ERROR_STYLE)
            self._read_failed = True
            return
        if self._read_failed:
            self.message.hide()
            self._read_failed = False
        self.show_report(report, previous)

    def show_report(self, report: Report, previous: Report | None = None) -> None:
        self.report, self.previous = report, previous
        lang = ui_lang()
        title = "<b>" + period_text(report.period) + "</b>"
        if report.period.kind != "week":
            title += f"  {report.period.start.isoformat()} – {report.period.end.isoformat()}"
        if previous is not None:
            title += "  ·  " + self.tr("compared with {period}").format(
                period=period_text(previous.period)
            )
        self.title.setText(title)
        self.empty.setVisible(
            not (report.received or report.released or report.revenue.settled_orders)
        )
        for key, figure in figures(report, previous).items():
            self.cards[key].show_figure(figure)

        before = previous
        self.model_model.set_rows(count_rows(report.by_model, before.by_model if before else None))
        self.category_model.set_rows(
            count_rows(report.by_vehicle_category, before.by_vehicle_category if before else None)
        )
        self.repair_model.set_rows(
            count_rows(report.by_repair_category, before.by_repair_category if before else None)
        )
        self.payer_model.set_rows(payer_rows(report, before))
        self.method_model.set_rows(method_rows(report, before))
        self.exceptions_model.set_rows(exception_rows(report, before))
        self.care_model.set_rows(care_rows(report, before))
        for view in self.tables.values():
            model = view.model()
            view.setColumnHidden(model.columnCount() - 1, before is None)
            fit_rows(view)

        self.intake_chart.set_data(
            report.daily_intake, [n for _d, n in before.daily_intake] if before else None
        )
        rows = self.model_model.rows
        bars = [(r["name"], r["count"]) for r in rows[:TOP_MODELS]]
        prior = [r["previous"] for r in rows[:TOP_MODELS]] if before else None
        if len(rows) > TOP_MODELS:
            bars.append((self.tr("Other models"), sum(r["count"] for r in rows[TOP_MODELS:])))
            if prior is not None:
                prior.append(sum(r["previous"] for r in rows[TOP_MODELS:]))
        self.model_chart.set_data(bars, prior)
        self.repair_chart.set_data([(c.name(lang), c.count) for c in report.by_repair_category])

    # --- export ----------------------------------------------------------------------------
    def export(self) -> None:
        """The report as shown (with the period before when comparing) to a workbook."""
        report = self.report
        if report is None:
            return
        folder = QSettings().value(EXPORT_FOLDER_KEY, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = self.tr("Service_report_{period}.xlsx").format(period=file_period(report.period))
        chosen = ask.save_file(
            self,
            self.tr("Export the report to Excel"),
            str(Path(folder) / name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from service_desk.actions.self_review import reviews_for
        from service_desk.export.workbook import write_workbook

        try:
            reviews = reviews_for(self.session.db, report.period)
            saved = write_workbook(report, path, previous=self.previous, reviews=reviews)
        except PermissionError:
            self._say(
                self.tr(
                    "Could not save {path}: the file is open in another program (close it in "
                    "Excel) or the folder is read-only. Nothing was saved."
                ).format(path=str(path)),
                ERROR_STYLE,
            )
            return
        except OSError as exc:
            self._say(
                self.tr("Could not save {path}: {reason}. Nothing was saved.").format(
                    path=str(path), reason=exc.strerror or str(exc)
                ),
                ERROR_STYLE,
            )
            return
        QSettings().setValue(EXPORT_FOLDER_KEY, str(path.parent))
        self._say(
            self.tr("Saved the report of {period} to {path}").format(
                period=period_text(report.period), path=str(saved)
            ),
            SAVED_STYLE,
        )

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    # --- self-review -----------------------------------------------------------------------
    def review_month(self) -> Period:
        """The month the monthly summary is about: the month shown, or else the month of
        the period's last day (not after today)."""
        if self.period.kind == "month":
            return self.period
        day = min(self.period.end, self._today())
        return Period.month(day.year, day.month)

    def self_review(self, kind: str) -> None:
        """The advisor's daily self-review (today) or monthly summary."""
        if self.session.user_id is None:
            self._say(
                self.tr("Choose who is working at the counter first (top right)."), ERROR_STYLE
            )
            return
        from service_desk.ui.self_review_dialog import SelfReviewDialog

        period = Period.day(self._today()) if kind == "day" else self.review_month()
        self.message.hide()
        dialog = SelfReviewDialog(self.session, kind, period, self)
        dialog.open()
