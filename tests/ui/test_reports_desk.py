"""The reports tab driven like a user: opened with its Ctrl+N, the period stepped and
switched, the previous period compared, the figures checked on the cards, in the tables
and in the charts' data; the export asks a file name and writes the workbook, a locked
file is a message; the self-review buttons open their dialog for the right period.

The statistics are hand-built Report objects (actions.reports.report patched), so the
tab is tested apart from the counting rules."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QPushButton, QToolButton

from service_desk.actions import reports
from service_desk.domain.money import format_yuan
from service_desk.domain.report import (
    Care,
    Count,
    ExtraWork,
    Period,
    Report,
    Revenue,
    Workshop,
)
from service_desk.domain.report import Exceptions as ReportExceptions
from service_desk.ui import ask
from service_desk.ui.charts import BarChart, LineChart, PieChart
from service_desk.ui.reports_desk import ReportsDesk
from tests.ui.tabs import press_tab_key
from tests.ui.test_inspection_desk import click, find

NOVEMBER = Period.month(2026, 11)  # the conftest clock: 2026-11-27 09:30
OCTOBER = Period.month(2026, 10)

MODELS = [
    ("TIGGO8PRO", "瑞虎8 PRO", "Tiggo 8 Pro", 38),
    ("TIGGO7PLUS", "瑞虎7 PLUS", "Tiggo 7 Plus", 31),
    ("TIGGO5X", "瑞虎5x", "Tiggo 5x", 24),
    ("ARRIZO8", "艾瑞泽8", "Arrizo 8", 19),
    ("TIGGO3X", "瑞虎3x", "Tiggo 3x", 15),
    ("ARRIZO5PLUS", "艾瑞泽5 PLUS", "Arrizo 5 Plus", 14),
    ("TIGGO9", "瑞虎9", "Tiggo 9", 12),
    ("TIGGO8PLUS_PHEV", "瑞虎8 PLUS 鲲鹏e+", "Tiggo 8 Plus Kunpeng e+ (PHEV)", 10),
    ("FULWIN_A8", "风云A8", "Fulwin A8", 9),
    ("TIGGO8", "瑞虎8", "Tiggo 8", 8),
    ("ARRIZOGX", "艾瑞泽GX", "Arrizo GX", 6),
]
CATEGORIES = [
    ("small_passenger", "小型普通客车", "Small passenger vehicle", 121),
    ("small_car", "小型轿车", "Small car", 48),
    ("small_offroad", "小型越野客车", "Small off-road passenger vehicle", 17),
]
REPAIRS = [
    ("maintenance", "保养", "Maintenance", 142, 9_856_000),
    ("general_repair", "一般维修", "General repair", 61, 11_234_550),
    ("warranty", "保修索赔", "Warranty claim", 27, 3_120_000),
    ("body_paint", "钣喷", "Body & paint", 18, 7_645_000),
    ("accident", "事故车", "Accident repair", 9, 8_932_000),
    ("detailing", "美容装潢", "Detailing & accessories", 7, 412_000),
    ("comeback", "返修", "Comeback (repeat repair)", 3, 0),
    ("free_inspection", "免费检测", "Free inspection", 11, 0),
]


def _counts(rows, scale: float = 1.0) -> list[Count]:
    out = []
    for code, zh, en, n, *amount in rows:
        out.append(Count(code, zh, en, round(n * scale), round(amount[0] * scale) if amount else 0))
    return out


def sample_report(period: Period = NOVEMBER, scale: float = 1.0) -> Report:
    """A plausible month at a busy Chery dealer (scale < 1: a quieter period)."""
    intake = []
    for day in period.days:
        base = (4, 7, 6, 6, 8, 11, 9)[day.weekday()]
        intake.append((day, round((base + day.day % 3) * scale)))
    by_model = _counts(MODELS, scale)
    received = sum(c.count for c in by_model)
    return Report(
        period=period,
        received=received,
        released=round(179 * scale),
        declined=round(7 * scale),
        daily_intake=intake,
        by_model=by_model,
        by_vehicle_category=_counts(CATEGORIES, scale),
        by_repair_category=_counts(REPAIRS, scale),
        revenue=Revenue(
            labour_fen=round(16_823_450 * scale),
            parts_fen=round(22_614_100 * scale),
            fees_fen=round(1_762_000 * scale),
            total_fen=round(41_199_550 * scale),
            customer_fen=round(33_879_550 * scale),
            warranty_fen=round(6_120_000 * scale),
            internal_fen=round(1_200_000 * scale),
            discount_fen=round(845_000 * scale),
            paid_fen=round(32_634_550 * scale),
            arrears_fen=round(400_000 * scale),
            open_arrears_fen=1_285_000,
            settled_orders=round(176 * scale),
            by_method={
                "wechat": round(15_402_300 * scale),
                "alipay": round(6_218_250 * scale),
                "card": round(7_514_000 * scale),
                "cash": round(2_100_000 * scale),
                "transfer": round(1_400_000 * scale),
            },
        ),
        extra=ExtraWork(
            offered=round(41 * scale),
            accepted=round(29 * scale),
            declined=round(12 * scale),
            offered_fen=round(3_810_000 * scale),
            accepted_fen=round(2_465_500 * scale),
        ),
        workshop=Workshop(
            completed=round(181 * scale),
            average_minutes=round(197 * (2 - scale)),
            promises_due=round(160 * scale),
            promises_kept=round(146 * scale),
        ),
        exceptions=ReportExceptions(
            keys_out_late=round(4 * scale),
            keys_not_returned=0,
            belongings_missing=1,
            comebacks=round(3 * scale),
        ),
        details=[],
        care=Care(
            appointments_made=round(50 * scale),
            appointments_kept=round(40 * scale),
            appointments_missed=3,
            appointments_cancelled=2,
            follow_ups_due=round(170 * scale),
            follow_ups_done=round(160 * scale),
            satisfaction_x100=round(450 + 20 * scale),
            complaints_opened=4,
            complaints_answered_in_time=3,
            complaints_escalated=1,
        ),
    )


def empty_report(period: Period) -> Report:
    return Report(
        period=period,
        received=0,
        released=0,
        declined=0,
        daily_intake=[(day, 0) for day in period.days],
        by_model=[],
        by_vehicle_category=[],
        by_repair_category=[],
        revenue=Revenue(),
        extra=ExtraWork(),
        workshop=Workshop(),
        exceptions=ReportExceptions(),
        details=[],
    )


class Asked(list):
    """The (period, advisor) asked of reports.report, in order; ``details``: whether each
    call asked for the detail rows."""

    def __init__(self) -> None:
        super().__init__()
        self.details: list[bool] = []


@pytest.fixture
def asked(monkeypatch) -> Asked:
    """reports.report answers the sample (October a quieter month); the periods asked."""
    calls = Asked()

    def report(
        _db, period: Period, advisor_id: int | None = None, *, details: bool = True
    ) -> Report:
        calls.append((period, advisor_id))
        calls.details.append(details)
        return sample_report(period, 0.8 if period == OCTOBER else 1.0)

    monkeypatch.setattr(reports, "report", report)
    return calls


def open_desk(qtbot, window) -> ReportsDesk:
    """The reports tab (its Ctrl+N)."""
    qtbot.waitUntil(window.isActiveWindow)
    press_tab_key(qtbot, window, window.reports)
    assert window.tabs.currentWidget() is window.reports
    return window.reports


def text(desk, name: str) -> str:
    return find(desk, QLabel, name).text()


def cell(desk, table: str, row: int, column: int) -> str:
    return desk.tables[table].model().index(row, column).data()


def column_shown(desk, table: str, column: int) -> bool:
    return not desk.tables[table].isColumnHidden(column)


def test_tab_sits_before_settings(window):
    tabs = window.tabs
    assert tabs.indexOf(window.reports) == tabs.indexOf(window.archive) + 1
    assert tabs.tabText(tabs.indexOf(window.reports)) == "Reports"
    assert tabs.indexOf(window.settings_desk) == tabs.count() - 1


def test_hidden_tab_reads_nothing_until_shown(qtbot, window, asked):
    window.session.notify("orders")
    assert asked == []
    open_desk(qtbot, window)
    assert asked == [(NOVEMBER, None)]
    window.session.notify("orders")  # shown: the figures follow the counter
    assert asked == [(NOVEMBER, None), (NOVEMBER, None)]


def test_cards_and_tables_show_the_figures(qtbot, window, asked):
    desk = open_desk(qtbot, window)
    r = sample_report()
    assert "2026-11-01 – 2026-11-30" in text(desk, "report_title")
    assert text(desk, "report_received") == str(r.received) == "186"
    assert text(desk, "report_received_detail") == "7 declined"
    assert text(desk, "report_released") == "179"
    assert text(desk, "report_revenue") == "¥411,995.50"
    assert text(desk, "report_revenue_detail") == (
        "Labour ¥168,234.50 · parts ¥226,141.00 · fees ¥17,620.00"
    )
    assert text(desk, "report_paid") == format_yuan(32_634_550)
    assert text(desk, "report_arrears") == "¥4,000.00"
    assert text(desk, "report_arrears_detail") == "Outstanding at the end: ¥12,850.00"
    assert text(desk, "report_promise") == "91.3%"  # 146 of 160
    assert text(desk, "report_promise_detail") == "146 of 160 kept"
    assert text(desk, "report_workshop") == "3 h 17 min"
    assert text(desk, "report_extra") == "29"
    assert text(desk, "report_extra_detail") == "of 41 offered · ¥24,655.00"
    assert find(desk, QLabel, "report_received_previous").isHidden()  # not comparing

    model = desk.tables["report_by_model"].model()
    assert model.rowCount() == len(MODELS)
    assert [cell(desk, "report_by_model", 0, c) for c in range(3)] == ["Tiggo 8 Pro", "38", "20.4%"]
    assert not column_shown(desk, "report_by_model", 3)
    assert cell(desk, "report_by_category", 0, 0) == "Small passenger vehicle"
    assert cell(desk, "report_by_repair", 1, 3) == "¥112,345.50"
    assert [cell(desk, "report_by_payer", row, 1) for row in range(4)] == [
        "¥338,795.50",
        "¥61,200.00",
        "¥12,000.00",
        "¥411,995.50",
    ]
    methods = [
        (cell(desk, "report_by_method", row, 0), cell(desk, "report_by_method", row, 1))
        for row in range(6)
    ]
    assert methods == [
        ("Cash", "¥21,000.00"),
        ("Bank card", "¥75,140.00"),
        ("WeChat Pay", "¥154,023.00"),
        ("Alipay", "¥62,182.50"),
        ("Bank transfer", "¥14,000.00"),
        ("Total paid", "¥326,345.50"),
    ]
    assert [cell(desk, "report_exceptions", row, 1) for row in range(6)] == [
        "4",
        "0",
        "1",
        "3",
        "7",
        "12",
    ]
    care = [
        (cell(desk, "report_care", row, 0), cell(desk, "report_care", row, 1)) for row in range(10)
    ]
    assert care == [
        ("Appointments made", "50"),
        ("Appointments kept", "40"),
        ("Appointments missed", "3"),
        ("Appointments cancelled", "2"),
        ("Follow-ups due", "170"),
        ("Follow-ups done", "160"),
        ("Average satisfaction", "4.70"),
        ("Complaints received", "4"),
        ("Complaints answered in time", "3"),
        ("Complaints escalated", "1"),
    ]
    assert not column_shown(desk, "report_care", 2)
    # numbers right-aligned, names left
    alignment = Qt.ItemDataRole.TextAlignmentRole
    assert model.index(0, 1).data(alignment) & Qt.AlignmentFlag.AlignRight
    assert not (model.index(0, 0).data(alignment) or 0) & Qt.AlignmentFlag.AlignRight


def test_compare_shows_the_previous_period(qtbot, window, asked):
    desk = open_desk(qtbot, window)
    compare = find(desk, QCheckBox, "report_compare")
    click(qtbot, compare)
    assert compare.isChecked()
    assert asked[-2:] == [(NOVEMBER, None), (OCTOBER, None)]
    assert asked.details[-2:] == [True, False]  # October for its figures only
    before = sample_report(OCTOBER, 0.8)
    assert "compared with October 2026" in text(desk, "report_title")
    assert text(desk, "report_received_previous") == f"Previous period: {before.received}"
    assert before.received == 148
    assert text(desk, "report_received_change") == "▲ +38 (+25.7%)"
    assert text(desk, "report_revenue_previous") == "Previous period: ¥329,596.40"
    assert text(desk, "report_revenue_change") == "▲ +¥82,399.10 (+25.0%)"
    assert text(desk, "report_arrears_change") == "▲ +¥800.00 (+25.0%)"
    assert text(desk, "report_workshop_change") == "▼ -39 min"  # 197 against 236 min
    assert text(desk, "report_promise_change") == "▼ -0.1 points"  # 91.3% against 91.4%
    assert column_shown(desk, "report_by_model", 3)
    assert cell(desk, "report_by_model", 0, 3) == "30"
    assert cell(desk, "report_by_payer", 3, 3) == format_yuan(before.revenue.total_fen)
    assert column_shown(desk, "report_care", 2)
    assert cell(desk, "report_care", 0, 2) == "40"  # appointments made in October
    assert cell(desk, "report_care", 6, 2) == "4.66"
    # the charts get the previous series too
    assert desk.intake_chart.previous == [n for _d, n in before.daily_intake]
    assert len(desk.model_chart.previous) == len(desk.model_chart.values)
    assert desk.model_chart.previous[0] == 30

    click(qtbot, compare)  # off again: one period read, the comparison gone
    assert asked[-1] == (NOVEMBER, None)
    assert find(desk, QLabel, "report_received_previous").isHidden()
    assert not column_shown(desk, "report_by_model", 3)
    assert desk.intake_chart.previous is None and desk.model_chart.previous is None


def test_charts_receive_the_figures(qtbot, window, asked):
    desk = open_desk(qtbot, window)
    r = sample_report()
    assert desk.intake_chart.points == r.daily_intake
    assert len(desk.intake_chart.points) == 30
    # the eight biggest models, then the rest together
    assert desk.model_chart.labels[:2] == ["Tiggo 8 Pro", "Tiggo 7 Plus"]
    assert desk.model_chart.labels[-1] == "Other models"
    assert desk.model_chart.values == [38, 31, 24, 19, 15, 14, 12, 10, 9 + 8 + 6]
    assert desk.repair_chart.slices == [(en, n) for _c, _zh, en, n, _a in REPAIRS]


def test_period_buttons_ask_for_the_right_period(qtbot, window, asked):
    desk = open_desk(qtbot, window)
    back = find(desk, QToolButton, "report_previous")
    forward = find(desk, QToolButton, "report_next")
    this = find(desk, QToolButton, "report_this")
    assert text(desk, "report_period") == "November 2026"
    assert not forward.isEnabled()  # December has not begun
    click(qtbot, back)
    assert asked[-1] == (OCTOBER, None)
    assert text(desk, "report_period") == "October 2026"
    assert forward.isEnabled()
    click(qtbot, back)
    assert asked[-1][0] == Period.month(2026, 9)
    click(qtbot, forward)
    assert asked[-1][0] == OCTOBER
    assert this.text() == "This month"
    click(qtbot, this)
    assert asked[-1][0] == NOVEMBER

    kind = find(desk, QComboBox, "report_kind")
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Up)  # month -> week
    kind.activated.emit(kind.currentIndex())
    week = Period.week(dt.date(2026, 11, 27))
    assert (week.start, week.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert asked[-1][0] == week
    assert text(desk, "report_period") == "Week 48 of 2026 (11-23 – 11-29)"
    assert this.text() == "This week"
    click(qtbot, back)
    assert asked[-1][0] == Period.week(dt.date(2026, 11, 16))
    assert len(desk.intake_chart.points) == 7

    # a range: two dates, the arrows step by as many days
    kind.setCurrentIndex(kind.findData("range"))
    kind.activated.emit(kind.currentIndex())
    start, end = find(desk, QDateEdit, "report_from"), find(desk, QDateEdit, "report_to")
    assert start.isVisible() and end.isVisible()
    assert not find(desk, QLabel, "report_period").isVisible()
    start.setDate(dt.date(2026, 11, 1))
    end.setDate(dt.date(2026, 11, 15))
    assert asked[-1][0] == Period(dt.date(2026, 11, 1), dt.date(2026, 11, 15), "range")
    click(qtbot, back)
    assert asked[-1][0] == Period(dt.date(2026, 10, 17), dt.date(2026, 10, 31), "range")
    end.setDate(dt.date(2026, 10, 10))  # before the start: the start follows
    assert asked[-1][0] == Period(dt.date(2026, 10, 10), dt.date(2026, 10, 10), "range")


class Workbooks:
    """export.workbook.write_workbook stands in: the calls, or the error to raise."""

    def __init__(self) -> None:
        self.written: list[tuple[Report, object, Report | None, tuple]] = []
        self.error: OSError | None = None

    def write_workbook(self, report, path, previous=None, reviews=()):
        if self.error is not None:
            raise self.error
        self.written.append((report, path, previous, reviews))
        return path


@pytest.fixture
def workbooks(monkeypatch) -> Workbooks:
    fake = Workbooks()
    module = types.ModuleType("service_desk.export.workbook")
    module.write_workbook = fake.write_workbook  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "service_desk.export.workbook", module)
    return fake


def test_export_asks_a_name_and_writes_the_workbook(
    qtbot, window, asked, workbooks, monkeypatch, tmp_path
):
    desk = open_desk(qtbot, window)
    click(qtbot, find(desk, QCheckBox, "report_compare"))
    offered: list[str] = []
    target = tmp_path / "out" / "月报"

    def save_file(_parent, _title, default_name, _filter):
        offered.append(default_name)
        return str(target)

    monkeypatch.setattr(ask, "save_file", save_file)
    click(qtbot, find(desk, QPushButton, "report_export"))
    assert offered[0].endswith("Service_report_2026-11.xlsx")
    [(report, path, previous, reviews)] = workbooks.written
    assert report == sample_report() and previous == sample_report(OCTOBER, 0.8)
    assert path == target.with_name("月报.xlsx")  # the extension added
    assert reviews == []  # none saved in this database
    message = find(desk, QLabel, "report_message")
    assert message.isVisible() and str(path) in message.text()

    # without the comparison, no previous period; a cancelled dialog writes nothing
    click(qtbot, find(desk, QCheckBox, "report_compare"))
    click(qtbot, find(desk, QPushButton, "report_export"))
    assert workbooks.written[1][2] is None
    monkeypatch.setattr(ask, "save_file", lambda *_a: None)
    click(qtbot, find(desk, QPushButton, "report_export"))
    assert len(workbooks.written) == 2


def test_a_locked_file_is_a_message_not_a_crash(
    qtbot, window, asked, workbooks, monkeypatch, tmp_path
):
    desk = open_desk(qtbot, window)
    target = tmp_path / "服务报表_2026-11.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *_a: str(target))
    workbooks.error = PermissionError(13, "Permission denied", str(target))
    click(qtbot, find(desk, QPushButton, "report_export"))
    message = text(desk, "report_message")
    assert "open in another program" in message and str(target) in message
    workbooks.error = OSError(28, "No space left on device")
    click(qtbot, find(desk, QPushButton, "report_export"))
    assert "No space left on device" in text(desk, "report_message")
    assert workbooks.written == []


@pytest.fixture
def review_dialogs(monkeypatch) -> list[tuple[str, Period]]:
    """SelfReviewDialog stands in: what it was opened for."""
    opened: list[tuple[str, Period]] = []

    class Dialog:
        def __init__(self, session, kind, period, parent):
            opened.append((kind, period))

        def open(self):
            pass

    module = types.ModuleType("service_desk.ui.self_review_dialog")
    module.SelfReviewDialog = Dialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "service_desk.ui.self_review_dialog", module)
    return opened


def test_self_review_buttons_open_today_and_the_month(qtbot, window, asked, review_dialogs):
    desk = open_desk(qtbot, window)
    click(qtbot, find(desk, QPushButton, "report_daily"))
    click(qtbot, find(desk, QPushButton, "report_monthly"))
    click(qtbot, find(desk, QToolButton, "report_previous"))
    click(qtbot, find(desk, QPushButton, "report_monthly"))
    assert review_dialogs == [
        ("day", Period.day(dt.date(2026, 11, 27))),
        ("month", NOVEMBER),
        ("month", OCTOBER),
    ]


def test_an_empty_period_shows_dashes_and_empty_charts(qtbot, window, monkeypatch):
    monkeypatch.setattr(
        reports, "report", lambda _db, period, advisor_id=None: empty_report(period)
    )
    desk = open_desk(qtbot, window)
    assert text(desk, "report_received") == "0"
    assert text(desk, "report_promise") == "—"
    assert text(desk, "report_workshop") == "—"
    assert text(desk, "report_promise_detail") == "No promise was due"
    for chart in (desk.intake_chart, desk.model_chart, desk.repair_chart):
        assert not chart.has_data()
    assert desk.tables["report_by_model"].model().rowCount() == 0
    assert cell(desk, "report_care", 0, 1) == "0"
    assert cell(desk, "report_care", 6, 1) == "—"  # nobody reached: no satisfaction


@pytest.mark.parametrize(
    "size", [QSize(120, 90), QSize(300, 200), QSize(640, 320), QSize(1200, 500)]
)
def test_charts_paint_at_any_size(qtbot, size):
    r = sample_report()
    before = sample_report(OCTOBER, 0.8)
    bars = BarChart("By model", value_text=format_yuan)
    bars.set_data(
        [(c.name_zh, c.amount_fen) for c in r.by_repair_category],
        [c.amount_fen for c in before.by_repair_category],
    )
    single = BarChart("One series")
    single.set_data([("瑞虎8 PRO", 38), ("a much longer model name than fits", 3), ("zero", 0)])
    line = LineChart("Intake")
    line.set_data(r.daily_intake, [n for _d, n in before.daily_intake])
    one_day = LineChart("A day")
    one_day.set_data([(dt.date(2026, 11, 27), 9)])
    pie = PieChart("Repairs")
    pie.set_data([(c.name_zh, c.count) for c in r.by_repair_category] + [("x", 1), ("y", 2)])
    empty = [BarChart("Empty"), LineChart("Empty"), PieChart("Empty")]
    empty[0].set_data([])
    empty[1].set_data([(d, 0) for d in NOVEMBER.days])
    empty[2].set_data([("保养", 0)])
    for chart in (bars, single, line, one_day, pie, *empty):
        qtbot.addWidget(chart)
        chart.resize(size)
        pixmap = chart.grab()
        assert not pixmap.isNull() and pixmap.size() == size
    assert pie.shown()[-1][0] == "Other"  # ten slices: seven colours and the rest
    assert not any(c.has_data() for c in empty)
