"""The sheets of the workbook, one function each, in the order they appear."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from service_desk.domain.report import Count, Period, Report, SelfReview
from service_desk.export import charts, labels, styles
from service_desk.export.figures import (
    Figure,
    appointment_figures,
    care_figures,
    extra_figures,
    figure_table,
    ratio,
    revenue_figures,
    summary_figures,
    yuan,
)
from service_desk.export.tables import HEADER_ROW, Column, Placed, Sheet

HEADINGS = {
    "summary": "业务统计汇总",
    "models": "按车型统计",
    "categories": "按维修类别统计",
    "revenue": "营收与欠收",
    "daily": "每日进厂台次",
    "extra": "追加项目",
    "appointments": "预约统计",
    "care": "回访与投诉",
    "details": "工单明细",
    "reviews": "服务顾问自评与月度总结",
}
COUNT, SHARE, PREV_COUNT, AMOUNT, AMOUNT_SHARE, PREV_AMOUNT = (
    "台次",
    "占比",
    "上期台次",
    "金额",
    "金额占比",
    "上期金额",
)


def subtitle(period: Period, previous: Period | None) -> str:
    days = (period.end - period.start).days + 1
    text = f"统计期间：{period.start.isoformat()} 至 {period.end.isoformat()}（共 {days} 天）"
    if previous is not None:
        text += (
            f"；对比上期：{previous.label()}"
            f"（{previous.start.isoformat()} 至 {previous.end.isoformat()}）"
        )
    return text


def new_sheet(wb: Workbook, key: str, report: Report, previous: Report | None) -> Sheet:
    prev_period = previous.period if previous is not None else None
    return Sheet(
        wb,
        labels.SHEETS[key],
        f"{HEADINGS[key]} · {report.period.label()}",
        subtitle(report.period, prev_period),
        first=key == "summary",
    )


def summary(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    sheet = new_sheet(wb, "summary", report, previous)
    placed = figure_table(
        sheet, "Summary", summary_figures(report, previous), with_previous=previous is not None
    )
    sheet.finish()
    return placed


def _breakdown(
    sheet: Sheet,
    name: str,
    heading: str,
    counts: Sequence[Count],
    before: Sequence[Count] | None,
    *,
    col: int = 1,
    with_code: bool = False,
    with_amount: bool | None = None,
) -> Placed:
    """One row per code (this period's order, then codes only the previous period had):
    count, share, amount and amount share, and the previous period's figures."""
    previous = {c.code: c for c in before} if before is not None else {}
    codes = {c.code for c in counts}
    rows_of = list(counts) + [
        Count(c.code, c.name_zh, c.name_en, 0) for c in before or () if c.code not in codes
    ]
    if with_amount is None:  # only when the breakdown carries amounts at all
        with_amount = any(c.amount_fen for c in (*counts, *(before or ())))
    total = sum(c.count for c in counts)
    total_fen = sum(c.amount_fen for c in counts)
    columns = [Column("代码")] if with_code else []
    columns += [Column(heading), Column(COUNT, styles.COUNT), Column(SHARE, styles.PERCENT)]
    if with_amount:
        columns += [Column(AMOUNT, styles.MONEY), Column(AMOUNT_SHARE, styles.PERCENT)]
    if before is not None:
        columns.append(Column(PREV_COUNT, styles.COUNT))
        if with_amount:
            columns.append(Column(PREV_AMOUNT, styles.MONEY))
    rows = []
    for c in rows_of:
        row: list[object] = [c.code] if with_code else []
        row += [c.name_zh, c.count, ratio(c.count, total)]
        if with_amount:
            row += [yuan(c.amount_fen), ratio(c.amount_fen, total_fen)]
        if before is not None:
            old = previous.get(c.code)
            row.append(old.count if old else 0)
            if with_amount:
                row.append(yuan(old.amount_fen if old else 0))
        rows.append(row)
    return sheet.table(name, columns, rows, col=col)


def models(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    sheet = new_sheet(wb, "models", report, previous)
    before = previous.by_model if previous is not None else None
    placed = _breakdown(sheet, "Models", "车型", report.by_model, before, with_code=True)
    series = [COUNT] + ([PREV_COUNT] if previous is not None else [])
    anchor = f"{get_column_letter(placed.last_col + 2)}{HEADER_ROW}"
    charts.bar_chart(sheet.ws, placed, "车型", series, "按车型进厂台次", anchor)
    sheet.finish(landscape=True)  # the chart beside the table
    return placed


def categories(wb: Workbook, report: Report, previous: Report | None) -> tuple[Placed, Placed]:
    """Repair categories (count and amount of the lines, pie chart) and, beside them,
    vehicle categories (车种)."""
    sheet = new_sheet(wb, "categories", report, previous)
    repair = _breakdown(
        sheet,
        "RepairCategories",
        "维修类别",
        report.by_repair_category,
        previous.by_repair_category if previous is not None else None,
        with_amount=True,
    )
    vehicle = _breakdown(
        sheet,
        "VehicleCategories",
        "车种",
        report.by_vehicle_category,
        previous.by_vehicle_category if previous is not None else None,
        col=repair.last_col + 2,
    )
    below = max(repair.last_row, vehicle.last_row) + 2
    charts.pie_chart(sheet.ws, repair, "维修类别", COUNT, "维修类别台次构成", f"A{below}")
    sheet.finish(landscape=True)  # two tables side by side
    return repair, vehicle


def revenue(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    sheet = new_sheet(wb, "revenue", report, previous)
    placed = figure_table(
        sheet, "Revenue", revenue_figures(report, previous), with_previous=previous is not None
    )
    sheet.finish()
    return placed


def daily(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    sheet = new_sheet(wb, "daily", report, previous)
    rows = [[day, labels.WEEKDAYS[day.weekday()], count] for day, count in report.daily_intake]
    columns = [Column("日期", styles.DATE), Column("星期"), Column("进厂台次", styles.COUNT)]
    placed = sheet.table("DailyIntake", columns, rows)
    anchor = f"{get_column_letter(placed.last_col + 2)}{HEADER_ROW}"
    period = report.period
    one_month = (period.start.year, period.start.month) == (period.end.year, period.end.month)
    title = "每日进厂台次" + (f"（{period.start.month}月）" if one_month else "")
    charts.line_chart(
        sheet.ws, placed, "日期", "进厂台次", title, anchor, "d" if one_month else "m-d"
    )
    sheet.finish()
    return placed


def _figures_sheet(
    wb: Workbook,
    key: str,
    name: str,
    rows: Sequence[Figure],
    report: Report,
    previous: Report | None,
    with_section: bool,
) -> Placed:
    """A sheet holding one table of figures (this period, and the previous one if given)."""
    sheet = new_sheet(wb, key, report, previous)
    placed = figure_table(
        sheet, name, rows, with_previous=previous is not None, with_section=with_section
    )
    sheet.finish()
    return placed


def extra(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    rows = extra_figures(report, previous)
    return _figures_sheet(wb, "extra", "ExtraWork", rows, report, previous, False)


def appointments(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    """预约: made, kept, missed and cancelled (by the appointment's day)."""
    rows = appointment_figures(report, previous)
    return _figures_sheet(wb, "appointments", "Appointments", rows, report, previous, False)


def care(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    """回访与投诉: follow-ups due / done, average satisfaction, complaints."""
    rows = care_figures(report, previous)
    return _figures_sheet(wb, "care", "Care", rows, report, previous, True)


DETAIL_COLUMNS = (
    Column("工单号"),
    Column("签字时间", styles.DATETIME),
    Column("出厂时间", styles.DATETIME),
    Column("车牌"),
    Column("车型代码"),
    Column("车型"),
    Column("车种"),
    Column("维修类别"),
    Column("服务顾问"),
    Column("客户"),
    Column("状态"),
    Column("工时费", styles.MONEY),
    Column("配件费", styles.MONEY),
    Column("其他费用", styles.MONEY),
    Column("合计", styles.MONEY),
    Column("优惠", styles.MONEY),
    Column("实收", styles.MONEY),
    Column("欠收", styles.MONEY),
)


def local_time(text: str | None) -> dt.datetime | None:
    """An ISO-8601 time with offset as the dealer's wall-clock time (Excel has no zones)."""
    if not text:
        return None
    return dt.datetime.fromisoformat(text).replace(tzinfo=None)


def details(wb: Workbook, report: Report, previous: Report | None) -> Placed:
    sheet = new_sheet(wb, "details", report, previous)
    rows = [
        [
            d.number,
            local_time(d.signed_at),
            local_time(d.released_at),
            d.plate,
            d.model_code,
            d.model_name,
            d.vehicle_category,
            d.repair_category,
            d.advisor,
            d.customer,
            labels.state(d.state),
            yuan(d.labour_fen),
            yuan(d.parts_fen),
            yuan(d.fees_fen),
            yuan(d.total_fen),
            yuan(d.discount_fen),
            yuan(d.paid_fen),
            yuan(d.arrears_fen),
        ]
        for d in report.details
    ]
    placed = sheet.table("Details", DETAIL_COLUMNS, rows)
    sheet.finish(f"B{HEADER_ROW + 1}", landscape=True)
    return placed


TEXT_WIDTH = 36


def reviews(
    wb: Workbook, report: Report, previous: Report | None, items: Sequence[SelfReview]
) -> Placed:
    """One row per self-review: who, which period, the prefilled figures, their words."""
    sheet = new_sheet(wb, "reviews", report, previous)
    keys = list(labels.REVIEW_FIGURES)
    keys += sorted({k for r in items for k in r.figures} - set(keys))
    columns = [Column("类型"), Column("期间"), Column("服务顾问")]
    for key in keys:
        money = key.endswith("_fen")
        heading = labels.REVIEW_FIGURES.get(key, key)
        columns.append(Column(heading, styles.MONEY if money else styles.COUNT))
    columns += [
        Column("做得好的", width=TEXT_WIDTH, wrap=True),
        Column("需改进的", width=TEXT_WIDTH, wrap=True),
        Column("下一步计划", width=TEXT_WIDTH, wrap=True),
        Column("保存时间", styles.DATETIME),
    ]
    rows = []
    for r in items:
        figures = [
            (yuan(r.figures[k]) if k.endswith("_fen") else r.figures[k]) if k in r.figures else None
            for k in keys
        ]
        rows.append(
            [
                labels.REVIEW_KINDS.get(r.kind, r.kind),
                r.period.label(),
                r.advisor,
                *figures,
                r.went_well,
                r.to_improve,
                r.plan,
                local_time(r.saved_at),
            ]
        )
    placed = sheet.table("Reviews", columns, rows)
    sheet.finish(f"D{HEADER_ROW + 1}", landscape=True)
    return placed
