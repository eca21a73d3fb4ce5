"""The Excel export: a Report built by hand, written, read back with openpyxl; and the
period arguments of `service-desk export`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from service_desk import cli
from service_desk.app import main
from service_desk.domain.report import (
    Care,
    Count,
    DetailRow,
    Exceptions,
    ExtraWork,
    Period,
    Report,
    Revenue,
    SelfReview,
    Workshop,
)
from service_desk.export import write_workbook
from service_desk.export.styles import text_width

MONEY = '"¥"#,##0.00'
PERCENT = "0.0%"
SHEETS = [
    "汇总",
    "车型",
    "维修类别",
    "营收与欠收",
    "每日进厂",
    "追加项目",
    "预约",
    "回访与投诉",
    "明细",
]

OCTOBER = Period.month(2026, 10)
SEPTEMBER = Period.month(2026, 9)


def detail(n: int, day: int, *, released: bool = True, state: str = "released") -> DetailRow:
    return DetailRow(
        number=f"WX202610{day:02d}{n:04d}",
        signed_at=f"2026-10-{day:02d}T09:{n:02d}:00+08:00",
        released_at=f"2026-10-{day:02d}T17:30:00+08:00" if released else None,
        plate=f"皖B1234{n}",
        model_code="TIGGO8PLUS_KUNPENG" if n == 1 else "ARRIZO5",
        model_name="瑞虎8 PLUS 鲲鹏e+" if n == 1 else "艾瑞泽5",
        vehicle_category="小型普通客车",
        repair_category="保养",
        advisor="王芳",
        customer="张三",
        state=state,
        labour_fen=12_001 * n,
        parts_fen=45_678,
        fees_fen=0,
        total_fen=12_001 * n + 45_678,
        discount_fen=1 if n == 2 else 0,
        paid_fen=12_001 * n + 45_678 - (1 if n == 2 else 0),
        arrears_fen=0,
    )


def october() -> Report:
    return Report(
        period=OCTOBER,
        received=120,
        released=110,
        declined=4,
        daily_intake=[(day, 3 + day.day % 5) for day in OCTOBER.days],
        by_model=[
            Count("TIGGO8", "瑞虎8", "Tiggo 8", 70),
            Count("ARRIZO5", "艾瑞泽5", "Arrizo 5", 30),
            Count("TIGGO8PLUS_KUNPENG", "瑞虎8 PLUS 鲲鹏e+", "Tiggo 8 PLUS Kunpeng e+", 20),
        ],
        by_vehicle_category=[
            Count("small_passenger", "小型普通客车", "Small passenger vehicle", 100),
            Count("small_car", "小型轿车", "Small car", 20),
        ],
        by_repair_category=[
            Count("maintenance", "保养", "Maintenance", 80, 4_800_012),
            Count("general_repair", "一般维修", "General repair", 30, 9_000_001),
            Count("accident", "事故车", "Accident", 10, 1_234_567),
        ],
        revenue=Revenue(
            labour_fen=5_000_001,
            parts_fen=7_000_002,
            fees_fen=100_003,
            total_fen=12_100_006,
            customer_fen=10_000_006,
            warranty_fen=2_000_000,
            internal_fen=100_000,
            discount_fen=20_001,
            paid_fen=9_880_005,
            arrears_fen=100_000,
            open_arrears_fen=333_333,
            settled_orders=108,
            by_method={"wechat": 5_000_005, "cash": 880_000, "card": 4_000_000},
        ),
        extra=ExtraWork(
            offered=40, accepted=25, declined=10, offered_fen=800_000, accepted_fen=500_001
        ),
        workshop=Workshop(completed=105, average_minutes=245, promises_due=110, promises_kept=99),
        exceptions=Exceptions(
            keys_out_late=2, keys_not_returned=1, belongings_missing=0, comebacks=3
        ),
        details=[detail(1, 1), detail(2, 1, released=False, state="in_progress"), detail(3, 15)],
        care=Care(
            appointments_made=30,
            appointments_kept=22,
            appointments_missed=3,
            appointments_cancelled=4,
            follow_ups_due=100,
            follow_ups_done=95,
            satisfaction_x100=467,
            complaints_opened=5,
            complaints_answered_in_time=4,
            complaints_escalated=1,
        ),
    )


def september() -> Report:
    return Report(
        period=SEPTEMBER,
        received=100,
        released=100,
        declined=5,
        daily_intake=[(day, 3) for day in SEPTEMBER.days],
        by_model=[
            Count("TIGGO8", "瑞虎8", "Tiggo 8", 60),
            Count("TIGGO7", "瑞虎7", "Tiggo 7", 40),
        ],
        by_vehicle_category=[Count("small_passenger", "小型普通客车", "Small passenger", 100)],
        by_repair_category=[Count("maintenance", "保养", "Maintenance", 100, 5_000_000)],
        revenue=Revenue(
            labour_fen=4_000_000,
            parts_fen=6_000_000,
            total_fen=10_000_000,
            customer_fen=10_000_000,
            discount_fen=10_000,
            paid_fen=9_990_000,
            open_arrears_fen=233_333,
            settled_orders=100,
            by_method={"cash": 9_990_000, "transfer": 1},
        ),
        extra=ExtraWork(
            offered=50, accepted=20, declined=30, offered_fen=1_000_000, accepted_fen=400_000
        ),
        workshop=Workshop(completed=100, average_minutes=None, promises_due=100, promises_kept=90),
        exceptions=Exceptions(comebacks=5),
        details=[],
        care=Care(
            appointments_made=25,
            appointments_kept=20,
            appointments_missed=5,
            follow_ups_due=90,
            follow_ups_done=90,
            satisfaction_x100=450,
            complaints_opened=2,
            complaints_answered_in_time=2,
        ),
    )


def reviews() -> list[SelfReview]:
    return [
        SelfReview(
            kind="month",
            period=OCTOBER,
            advisor="王芳",
            figures={"received": 60, "revenue_fen": 3_000_001, "comebacks": 1},
            went_well="追加项目沟通及时，客户满意。",
            to_improve="两台车交车晚于承诺时间。",
            plan="提前一天与车间确认进度。",
            saved_at="2026-10-31T18:05:00+08:00",
        ),
        SelfReview(
            kind="day", period=Period.day(dt.date(2026, 10, 31)), advisor="李强", figures={}
        ),
    ]


def fen(value) -> int:
    """A money cell back in fen, exactly."""
    assert isinstance(value, int | float), value
    return int(Decimal(str(value)) * 100)


def categories(series) -> str:
    """The range a chart series takes its categories from."""
    return (series.cat.numRef or series.cat.strRef).f


def rows_of(ws, table_name: str) -> list[dict]:
    """A table's data rows as dicts by heading."""
    cells = ws[ws.tables[table_name].ref]
    headings = [c.value for c in cells[0]]
    return [dict(zip(headings, (c for c in row), strict=True)) for row in cells[1:]]


def by_item(ws, table_name: str, key: str = "项目") -> dict[str, dict]:
    return {row[key].value: row for row in rows_of(ws, table_name)}


@pytest.fixture
def book(tmp_path):
    path = write_workbook(
        october(), tmp_path / "月报.xlsx", previous=september(), reviews=reviews()
    )
    assert path == tmp_path / "月报.xlsx"
    return load_workbook(path)


@pytest.fixture
def plain(tmp_path):
    return load_workbook(write_workbook(october(), tmp_path / "plain.xlsx"))


def test_sheets_in_order_and_the_reviews_sheet_only_with_reviews(book, plain):
    assert book.sheetnames == [*SHEETS, "月度总结"]
    assert plain.sheetnames == SHEETS


def test_workbook_properties(book):
    assert book.properties.creator == "Service Desk"
    assert book.properties.title == "服务前台业务统计 2026年10月"


def test_no_temporary_file_is_left_beside_the_workbook(tmp_path):
    write_workbook(october(), tmp_path / "a.xlsx")
    write_workbook(october(), tmp_path / "a.xlsx")  # replaced whole
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_summary_has_every_figure_with_the_previous_period_and_the_change(book):
    ws = book["汇总"]
    assert ws["A1"].value == "业务统计汇总 · 2026年10月"
    assert "2026-10-01 至 2026-10-31" in ws["A2"].value and "2026年9月" in ws["A2"].value
    rows = by_item(ws, "Summary")
    assert [c.value for c in ws[4]][:6] == ["类别", "项目", "本期", "上期", "变化", "变化率"]
    received = rows["进厂台次"]
    assert (received["本期"].value, received["上期"].value, received["变化"].value) == (
        120,
        100,
        20,
    )
    assert received["变化率"].value == pytest.approx(0.2)
    assert received["变化率"].number_format == "+0.0%;-0.0%;0.0%"
    assert received["类别"].value == "业务量"
    assert rows["拒修台次"]["变化"].value == -1
    assert rows["结算单数"]["本期"].value == 108
    money = {
        "营业额": (12_100_006, 10_000_000),
        "工时费": (5_000_001, 4_000_000),
        "配件费": (7_000_002, 6_000_000),
        "其他费用": (100_003, 0),
        "优惠": (20_001, 10_000),
        "实收": (9_880_005, 9_990_000),
        "本期欠收": (100_000, 0),
        "期末未清欠收": (333_333, 233_333),
        "建议金额": (800_000, 1_000_000),
        "同意金额": (500_001, 400_000),
    }
    for label, (now, before) in money.items():
        row = rows[label]
        assert fen(row["本期"].value) == now, label
        assert fen(row["上期"].value) == before, label
        assert fen(row["变化"].value) == now - before, label
        assert row["本期"].number_format == MONEY
        assert row["变化"].number_format.startswith('+"¥"')
    kept = rows["守约率"]
    assert kept["本期"].value == pytest.approx(0.9)  # 99 of 110
    assert kept["上期"].value == pytest.approx(0.9)
    assert kept["本期"].number_format == PERCENT
    assert kept["变化"].value == pytest.approx(0)
    assert "个百分点" in kept["变化"].number_format
    assert kept["变化率"].value is None
    minutes = rows["平均车间时长（分钟）"]
    assert minutes["本期"].value == 245 and minutes["上期"].value is None
    assert minutes["变化"].value is None  # nothing to compare with
    assert rows["同意率"]["本期"].value == pytest.approx(25 / 40)
    assert rows["同意率"]["上期"].value == pytest.approx(20 / 50)
    assert rows["待答复"]["本期"].value == 5
    assert rows["返修"]["本期"].value == 3 and rows["返修"]["上期"].value == 5
    assert rows["钥匙超时未还"]["本期"].value == 2
    assert rows["出厂未交还钥匙"]["本期"].value == 1
    assert rows["随车物品缺失"]["本期"].value == 0
    assert rows["完工台次"]["本期"].value == 105
    assert rows["应守约台次"]["本期"].value == 110 and rows["守约台次"]["本期"].value == 99


def test_without_previous_the_summary_has_no_comparison_columns(plain):
    ws = plain["汇总"]
    assert [c.value for c in ws[4]] == ["类别", "项目", "本期"]
    assert ws.tables["Summary"].ref.startswith("A4:C")
    assert "对比上期" not in ws["A2"].value


def test_tables_are_real_styled_tables_with_unique_names(book):
    names = []
    for ws in book:
        for table in ws.tables.values():
            names.append(table.displayName)
            assert table.tableStyleInfo.name == "TableStyleMedium2"
            assert table.tableStyleInfo.showRowStripes
            header = ws[table.ref][0]
            assert [c.value for c in header] == [col.name for col in table.tableColumns]
            assert all(c.style == "sd_header" and c.font.b for c in header)
    assert len(names) == len(set(names))
    assert set(names) == {
        "Summary",
        "Models",
        "RepairCategories",
        "VehicleCategories",
        "Revenue",
        "DailyIntake",
        "ExtraWork",
        "Appointments",
        "Care",
        "Details",
        "Reviews",
    }


def test_header_rows_are_frozen(book):
    frozen = {ws.title: ws.freeze_panes for ws in book}
    assert frozen == {
        "汇总": "A5",
        "车型": "A5",
        "维修类别": "A5",
        "营收与欠收": "A5",
        "每日进厂": "A5",
        "追加项目": "A5",
        "预约": "A5",
        "回访与投诉": "A5",
        "明细": "B5",
        "月度总结": "D5",
    }


def test_models_with_shares_the_previous_period_and_a_bar_chart(book):
    ws = book["车型"]
    # three models of October, then TIGGO7 that only September had
    assert ws.tables["Models"].ref == "A4:E8"
    assert [c.value for c in ws[4]][:5] == ["代码", "车型", "台次", "占比", "上期台次"]
    rows = by_item(ws, "Models", "代码")
    assert list(rows) == ["TIGGO8", "ARRIZO5", "TIGGO8PLUS_KUNPENG", "TIGGO7"]
    assert rows["TIGGO8"]["台次"].value == 70 and rows["TIGGO8"]["上期台次"].value == 60
    assert rows["TIGGO8"]["占比"].value == pytest.approx(70 / 120)
    assert rows["TIGGO8"]["占比"].number_format == PERCENT
    assert rows["TIGGO7"]["台次"].value == 0 and rows["TIGGO7"]["上期台次"].value == 40
    (chart,) = ws._charts
    assert type(chart).__name__ == "BarChart" and chart.type == "bar"
    this, before = chart.series
    assert this.tx.strRef.f == "'车型'!C4" and before.tx.strRef.f == "'车型'!E4"
    assert this.val.numRef.f == "'车型'!$C$5:$C$8"
    assert before.val.numRef.f == "'车型'!$E$5:$E$8"
    assert categories(this) == "'车型'!$B$5:$B$8"


def test_repair_categories_with_amounts_and_a_pie_chart_and_vehicle_categories(book):
    ws = book["维修类别"]
    assert ws.tables["RepairCategories"].ref == "A4:G7"
    rows = by_item(ws, "RepairCategories", "维修类别")
    assert fen(rows["保养"]["金额"].value) == 4_800_012
    assert fen(rows["事故车"]["金额"].value) == 1_234_567
    assert rows["保养"]["金额"].number_format == MONEY
    assert rows["保养"]["金额占比"].value == pytest.approx(4_800_012 / 15_034_580)
    assert rows["保养"]["上期台次"].value == 100
    assert fen(rows["保养"]["上期金额"].value) == 5_000_000
    assert fen(rows["一般维修"]["上期金额"].value) == 0
    vehicles = by_item(ws, "VehicleCategories", "车种")
    assert ws.tables["VehicleCategories"].ref == "I4:L6"  # beside, one column apart
    assert vehicles["小型轿车"]["台次"].value == 20
    assert vehicles["小型轿车"]["上期台次"].value == 0
    (chart,) = ws._charts
    assert type(chart).__name__ == "PieChart"
    (series,) = chart.series
    assert series.val.numRef.f == "'维修类别'!$B$5:$B$7"
    assert categories(series) == "'维修类别'!$A$5:$A$7"
    assert chart.dataLabels.showPercent


def test_revenue_by_kind_payer_collection_and_payment_method(book):
    ws = book["营收与欠收"]
    rows = rows_of(ws, "Revenue")
    found = {(r["类别"].value, r["项目"].value): r for r in rows}
    assert fen(found["营收构成", "合计"]["本期"].value) == 12_100_006
    assert found["营收构成", "配件费"]["占比"].value == pytest.approx(7_000_002 / 12_100_006)
    assert fen(found["按付款方", "索赔（厂家）"]["本期"].value) == 2_000_000
    assert fen(found["按付款方", "内部"]["本期"].value) == 100_000
    assert fen(found["收款与欠收", "优惠"]["本期"].value) == 20_001
    assert fen(found["收款与欠收", "实收"]["本期"].value) == 9_880_005
    assert fen(found["收款与欠收", "本期欠收"]["本期"].value) == 100_000
    assert fen(found["收款与欠收", "期末未清欠收"]["本期"].value) == 333_333
    methods = [r["项目"].value for r in rows if r["类别"].value == "按支付方式"]
    assert methods == ["现金", "银行卡", "微信支付", "转账"]  # the fixed order; 转账 only before
    wechat = found["按支付方式", "微信支付"]
    assert fen(wechat["本期"].value) == 5_000_005
    assert wechat["占比"].value == pytest.approx(5_000_005 / 9_880_005)
    assert fen(wechat["上期"].value) == 0
    transfer = found["按支付方式", "转账"]
    assert fen(transfer["本期"].value) == 0 and fen(transfer["变化"].value) == -1
    assert all(r["本期"].number_format == MONEY for r in rows)


def test_daily_intake_with_a_line_chart(book):
    ws = book["每日进厂"]
    assert ws.tables["DailyIntake"].ref == "A4:C35"
    assert ws["A5"].value == dt.datetime(2026, 10, 1) and ws["A5"].number_format == "yyyy-mm-dd"
    assert ws["B5"].value == "周四"
    assert [ws.cell(r, 3).value for r in range(5, 36)] == [3 + d % 5 for d in range(1, 32)]
    (chart,) = ws._charts
    assert type(chart).__name__ == "LineChart"
    (series,) = chart.series
    assert series.val.numRef.f == "'每日进厂'!$C$5:$C$35"
    assert categories(series) == "'每日进厂'!$A$5:$A$35"


def test_extra_work_counts_and_amounts(book):
    rows = by_item(book["追加项目"], "ExtraWork")
    assert list(rows) == [
        "建议项目",
        "客户同意",
        "客户拒绝",
        "待答复",
        "同意率",
        "建议金额",
        "同意金额",
        "金额同意率",
    ]
    assert rows["客户同意"]["本期"].value == 25 and rows["客户同意"]["上期"].value == 20
    assert fen(rows["同意金额"]["本期"].value) == 500_001
    assert rows["金额同意率"]["本期"].value == pytest.approx(500_001 / 800_000)


def test_appointments_made_kept_missed_cancelled(book):
    ws = book["预约"]
    assert ws["A1"].value == "预约统计 · 2026年10月"
    assert ws.tables["Appointments"].ref == "A4:E8"
    rows = by_item(ws, "Appointments")
    assert list(rows) == ["预约台次", "按约到店", "失约", "取消"]
    assert rows["预约台次"]["本期"].value == 30 and rows["预约台次"]["上期"].value == 25
    assert rows["按约到店"]["变化"].value == 2
    assert rows["失约"]["变化率"].value == pytest.approx(-0.4)
    assert rows["取消"]["本期"].value == 4 and rows["取消"]["上期"].value == 0
    assert rows["取消"]["变化率"].value is None  # nothing to compare with
    assert rows["取消"]["本期"].number_format == "#,##0"


def test_follow_ups_satisfaction_and_complaints(book, plain):
    ws = book["回访与投诉"]
    rows = rows_of(ws, "Care")
    found = {(r["类别"].value, r["项目"].value): r for r in rows}
    assert list(found) == [
        ("回访", "应回访"),
        ("回访", "已回访"),
        ("回访", "平均满意度"),
        ("投诉", "受理投诉"),
        ("投诉", "按时答复"),
        ("投诉", "升级处理"),
    ]
    assert found["回访", "应回访"]["本期"].value == 100
    assert found["回访", "已回访"]["上期"].value == 90
    score = found["回访", "平均满意度"]
    assert score["本期"].value == pytest.approx(4.67) and score["本期"].number_format == "0.00"
    assert score["上期"].value == pytest.approx(4.5)
    assert score["变化"].value == pytest.approx(0.17)
    assert found["投诉", "受理投诉"]["本期"].value == 5
    assert found["投诉", "按时答复"]["本期"].value == 4
    assert found["投诉", "升级处理"]["本期"].value == 1
    assert found["投诉", "升级处理"]["上期"].value == 0
    assert [c.value for c in plain["回访与投诉"][4]] == ["类别", "项目", "本期"]


def test_details_one_row_per_order(book):
    ws = book["明细"]
    assert ws.tables["Details"].ref == "A4:R7"
    rows = rows_of(ws, "Details")
    assert [r["工单号"].value for r in rows] == [
        "WX202610010001",
        "WX202610010002",
        "WX202610150003",
    ]
    first, second, _ = rows
    assert first["签字时间"].value == dt.datetime(2026, 10, 1, 9, 1)
    assert first["签字时间"].number_format == "yyyy-mm-dd hh:mm"
    assert first["出厂时间"].value == dt.datetime(2026, 10, 1, 17, 30)
    assert second["出厂时间"].value is None
    assert first["车型"].value == "瑞虎8 PLUS 鲲鹏e+" and first["车种"].value == "小型普通客车"
    assert first["状态"].value == "已出厂" and second["状态"].value == "维修中"
    assert fen(first["工时费"].value) == 12_001 and fen(second["合计"].value) == 69_680
    assert fen(second["优惠"].value) == 1 and fen(second["实收"].value) == 69_679
    assert second["合计"].number_format == MONEY
    assert ws.print_title_rows == "$4:$4"


def test_reviews_sheet_one_row_per_review(book):
    ws = book["月度总结"]
    rows = rows_of(ws, "Reviews")
    assert len(rows) == 2
    month, day = rows
    assert month["类型"].value == "月度总结" and day["类型"].value == "每日自评"
    assert month["期间"].value == "2026年10月" and day["期间"].value == "2026-10-31"
    assert month["服务顾问"].value == "王芳"
    assert month["进厂台次"].value == 60 and fen(month["营业额"].value) == 3_000_001
    assert month["营业额"].number_format == MONEY
    assert month["返修"].value == 1 and month["拒修"].value is None
    assert month["做得好的"].value == "追加项目沟通及时，客户满意。"
    assert month["需改进的"].value == "两台车交车晚于承诺时间。"
    assert month["下一步计划"].value == "提前一天与车间确认进度。"
    assert month["做得好的"].alignment.wrap_text
    assert month["保存时间"].value == dt.datetime(2026, 10, 31, 18, 5)


def test_column_widths_fit_chinese_text(book):
    assert text_width("瑞虎8 PLUS 鲲鹏e+") == 17
    assert text_width("ABC") == 3 and text_width("汇总") == 4
    ws = book["明细"]
    widths = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[4]}
    assert widths["车型"] >= text_width("瑞虎8 PLUS 鲲鹏e+")
    assert widths["车种"] >= text_width("小型普通客车")
    assert widths["工单号"] >= len("WX202610010001")
    assert widths["签字时间"] >= len("2026-10-01 09:01")
    assert widths["合计"] >= len("¥696.80")
    summary = book["汇总"]
    assert summary.column_dimensions["B"].width >= text_width("平均车间时长（分钟）")
    assert summary.column_dimensions["C"].width >= len("¥121,000.06")


def test_an_empty_period_still_makes_valid_tables(tmp_path):
    empty = Report(
        period=Period.week(dt.date(2026, 10, 28)),
        received=0,
        released=0,
        declined=0,
        daily_intake=[(d, 0) for d in Period.week(dt.date(2026, 10, 28)).days],
        by_model=[],
        by_vehicle_category=[],
        by_repair_category=[],
        revenue=Revenue(),
        extra=ExtraWork(),
        workshop=Workshop(),
        exceptions=Exceptions(),
        details=[],
    )
    wb = load_workbook(write_workbook(empty, tmp_path / "empty.xlsx"))
    assert wb["车型"].tables["Models"].ref == "A4:D5"
    assert wb["车型"]["A5"].value == "（无）"
    assert wb["明细"].tables["Details"].ref == "A4:R5"
    rows = by_item(wb["汇总"], "Summary")
    assert rows["守约率"]["本期"].value is None
    care = by_item(wb["回访与投诉"], "Care")
    assert care["平均满意度"]["本期"].value is None
    assert by_item(wb["预约"], "Appointments")["预约台次"]["本期"].value == 0
    assert rows["平均车间时长（分钟）"]["本期"].value is None
    assert wb["汇总"]["A1"].value == "业务统计汇总 · 2026年第44周"


# --- service-desk export ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "period"),
    [
        ({"month": "2026-10"}, Period.month(2026, 10)),
        ({"month": "2026-2"}, Period.month(2026, 2)),
        ({"week": "2026-W44"}, Period(dt.date(2026, 10, 26), dt.date(2026, 11, 1), "week")),
        ({"week": "2026w44"}, Period(dt.date(2026, 10, 26), dt.date(2026, 11, 1), "week")),
        ({"week": "2026-10-28"}, Period(dt.date(2026, 10, 26), dt.date(2026, 11, 1), "week")),
        ({"week": "2026-W53"}, Period(dt.date(2026, 12, 28), dt.date(2027, 1, 3), "week")),
        (
            {"start": "2026-10-01", "end": "2026-10-15"},
            Period(dt.date(2026, 10, 1), dt.date(2026, 10, 15), "range"),
        ),
        (
            {"start": "2026-10-01", "end": "2026-10-01"},
            Period(dt.date(2026, 10, 1), dt.date(2026, 10, 1), "range"),
        ),
    ],
)
def test_period_arguments(kwargs, period):
    assert cli.period_of(**kwargs) == period


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "say which period"),
        ({"month": "2026-10", "week": "2026-W44"}, "give one period, not --month and --week"),
        ({"month": "2026-10", "start": "2026-10-01"}, "give one period"),
        ({"month": "2026-13"}, "--month wants a month like 2026-10, not '2026-13'"),
        ({"month": "10/2026"}, "--month wants a month like 2026-10"),
        ({"week": "2025-W53"}, "2025 has no week 53"),
        ({"week": "2026-10-32"}, "--week wants an ISO week like 2026-W44 or a date"),
        ({"week": "last"}, "--week wants an ISO week"),
        ({"start": "2026-10-01"}, "--from and --to go together"),
        ({"end": "2026-10-01"}, "--from and --to go together"),
        (
            {"start": "2026-10-15", "end": "2026-10-01"},
            "--to 2026-10-01 is before --from 2026-10-15",
        ),
        ({"start": "1.10.2026", "end": "2026-10-15"}, "--from wants a date like 2026-10-01"),
    ],
)
def test_bad_period_arguments_are_refused_with_a_message(kwargs, message):
    with pytest.raises(cli.PeriodArgumentError, match=message.replace("(", r"\(")):
        cli.period_of(**kwargs)


def test_export_refuses_a_bad_period_before_opening_the_database(tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    code = main(["export", "--month", "2026-13", "--out", str(out), "--data-dir", str(tmp_path)])
    assert code == 2
    assert "export: --month wants a month like 2026-10" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "service_desk.sqlite3").exists()
    assert main(["export", "--out", str(out), "--data-dir", str(tmp_path)]) == 2
    assert "say which period" in capsys.readouterr().err
    assert main(["export", "--month", "2026-10", "--out", str(tmp_path / "x.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_export_writes_the_period_and_the_one_before(tmp_path, capsys, monkeypatch):
    from service_desk.actions import reports

    asked = []

    def fake_report(db, period, advisor_id=None, *, details=True):
        asked.append((period, details))
        return october() if period == OCTOBER else september()

    monkeypatch.setattr(reports, "report", fake_report)
    out = tmp_path / "十月.xlsx"
    code = main(["export", "--month", "2026-10", "--out", str(out), "--data-dir", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    assert asked == [(OCTOBER, True), (SEPTEMBER, False)]  # September for its figures
    assert "2026年10月" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS  # no stored self-reviews yet
    assert [c.value for c in wb["汇总"][4]][3] == "上期"
