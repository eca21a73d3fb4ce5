"""Tables of single figures (汇总, 营收与欠收, 追加项目, 预约, 回访与投诉): each figure in its
own unit, with the previous period beside it and the change when there is one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from service_desk.domain.report import Report
from service_desk.export import labels, styles
from service_desk.export.tables import Column, Placed, Sheet

SECTION, ITEM, CURRENT, SHARE, PREVIOUS, CHANGE, CHANGE_RATE = (
    "类别",
    "项目",
    "本期",
    "占比",
    "上期",
    "变化",
    "变化率",
)


@dataclass(frozen=True)
class Figure:
    """One figure: counts and minutes are int, money int fen, rates a ratio (0-1),
    scores (an average satisfaction) int hundredths."""

    section: str
    label: str
    kind: str
    current: int | float | None
    previous: int | float | None = None
    share: float | None = None  # of its section's whole, when that means something


def yuan(fen: int) -> Decimal:
    """Fen as exact yuan (Decimal), what a money cell holds."""
    return Decimal(fen).scaleb(-2)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _cell(kind: str, value: int | float | None) -> tuple[object, str | None]:
    if value is None:
        return None, None
    if kind == "money":
        return yuan(int(value)), styles.MONEY
    if kind == "rate":
        return value, styles.PERCENT
    if kind == "score":
        return Decimal(int(value)).scaleb(-2), styles.SCORE
    return value, styles.COUNT


def _change(figure: Figure) -> tuple[object, str | None, object, str | None]:
    """(change, its format, relative change, its format)."""
    cur, prev = figure.current, figure.previous
    if cur is None or prev is None:
        return None, None, None, None
    if figure.kind == "rate":  # percentage points
        return round((cur - prev) * 100, 4), styles.POINTS_CHANGE, None, None
    relative = (cur - prev) / prev if prev else None
    rel_format = styles.PERCENT_CHANGE if relative is not None else None
    if figure.kind == "money":
        return yuan(int(cur - prev)), styles.MONEY_CHANGE, relative, rel_format
    if figure.kind == "score":
        return Decimal(int(cur - prev)).scaleb(-2), styles.SCORE_CHANGE, relative, rel_format
    return cur - prev, styles.COUNT_CHANGE, relative, rel_format


def figure_table(
    sheet: Sheet,
    name: str,
    figures: Sequence[Figure],
    *,
    with_previous: bool,
    with_section: bool = True,
) -> Placed:
    with_share = any(f.share is not None for f in figures)
    columns = [Column(SECTION)] if with_section else []
    columns += [Column(ITEM), Column(CURRENT)]
    if with_share:
        columns.append(Column(SHARE, styles.PERCENT))
    if with_previous:
        columns += [Column(PREVIOUS), Column(CHANGE), Column(CHANGE_RATE)]
    rows: list[list[object]] = []
    formats: list[list[str | None]] = []
    for figure in figures:
        value, fmt = _cell(figure.kind, figure.current)
        row: list[object] = [figure.section] if with_section else []
        row_formats: list[str | None] = [None] if with_section else []
        row += [figure.label, value]
        row_formats += [None, fmt]
        if with_share:
            row.append(figure.share)
            row_formats.append(styles.PERCENT)
        if with_previous:
            before, before_fmt = _cell(figure.kind, figure.previous)
            change, change_fmt, relative, rel_fmt = _change(figure)
            row += [before, change, relative]
            row_formats += [before_fmt, change_fmt, rel_fmt]
        rows.append(row)
        formats.append(row_formats)
    return sheet.table(name, columns, rows, cell_formats=formats)


def _pair(report: Report, previous: Report | None, get) -> tuple[object, object]:
    return get(report), (get(previous) if previous is not None else None)


def summary_figures(report: Report, previous: Report | None) -> list[Figure]:
    """汇总: volume, revenue, workshop and promises, additional work, exceptions."""
    rows = [
        ("业务量", "进厂台次", "count", lambda r: r.received),
        ("业务量", "出厂台次", "count", lambda r: r.released),
        ("业务量", "拒修台次", "count", lambda r: r.declined),
        ("业务量", "结算单数", "count", lambda r: r.revenue.settled_orders),
        ("营收", "营业额", "money", lambda r: r.revenue.total_fen),
        ("营收", "工时费", "money", lambda r: r.revenue.labour_fen),
        ("营收", "配件费", "money", lambda r: r.revenue.parts_fen),
        ("营收", "其他费用", "money", lambda r: r.revenue.fees_fen),
        ("营收", "优惠", "money", lambda r: r.revenue.discount_fen),
        ("营收", "实收", "money", lambda r: r.revenue.paid_fen),
        ("营收", "本期欠收", "money", lambda r: r.revenue.arrears_fen),
        ("营收", "期末未清欠收", "money", lambda r: r.revenue.open_arrears_fen),
        ("车间", "完工台次", "count", lambda r: r.workshop.completed),
        ("车间", "平均车间时长（分钟）", "minutes", lambda r: r.workshop.average_minutes),
        ("车间", "应守约台次", "count", lambda r: r.workshop.promises_due),
        ("车间", "守约台次", "count", lambda r: r.workshop.promises_kept),
        ("车间", "守约率", "rate", _kept_rate),
        *_extra_rows("追加项目"),
        ("异常", "钥匙超时未还", "count", lambda r: r.exceptions.keys_out_late),
        ("异常", "出厂未交还钥匙", "count", lambda r: r.exceptions.keys_not_returned),
        ("异常", "随车物品缺失", "count", lambda r: r.exceptions.belongings_missing),
        ("异常", "返修", "count", lambda r: r.exceptions.comebacks),
    ]
    return [Figure(s, label, kind, *_pair(report, previous, get)) for s, label, kind, get in rows]


def _kept_rate(r: Report) -> float | None:
    bp = r.workshop.kept_rate_bp
    return None if bp is None else bp / 10_000


def _extra_rows(section: str) -> list[tuple]:
    return [
        (section, "建议项目", "count", lambda r: r.extra.offered),
        (section, "客户同意", "count", lambda r: r.extra.accepted),
        (section, "客户拒绝", "count", lambda r: r.extra.declined),
        (section, "待答复", "count", _pending),
        (section, "同意率", "rate", lambda r: ratio(r.extra.accepted, r.extra.offered)),
        (section, "建议金额", "money", lambda r: r.extra.offered_fen),
        (section, "同意金额", "money", lambda r: r.extra.accepted_fen),
        (
            section,
            "金额同意率",
            "rate",
            lambda r: ratio(r.extra.accepted_fen, r.extra.offered_fen),
        ),
    ]


def _pending(r: Report) -> int:
    return max(0, r.extra.offered - r.extra.accepted - r.extra.declined)


def extra_figures(report: Report, previous: Report | None) -> list[Figure]:
    return [
        Figure(s, label, kind, *_pair(report, previous, get))
        for s, label, kind, get in _extra_rows("追加项目")
    ]


def _figures(rows: Sequence[tuple], report: Report, previous: Report | None) -> list[Figure]:
    return [Figure(s, label, kind, *_pair(report, previous, get)) for s, label, kind, get in rows]


def appointment_figures(report: Report, previous: Report | None) -> list[Figure]:
    """预约: the appointments of the period's days and how they ended."""
    rows = [
        ("预约", "预约台次", "count", lambda r: r.care.appointments_made),
        ("预约", "按约到店", "count", lambda r: r.care.appointments_kept),
        ("预约", "失约", "count", lambda r: r.care.appointments_missed),
        ("预约", "取消", "count", lambda r: r.care.appointments_cancelled),
    ]
    return _figures(rows, report, previous)


def care_figures(report: Report, previous: Report | None) -> list[Figure]:
    """回访与投诉: follow-ups due and done, the average satisfaction, complaints."""
    rows = [
        ("回访", "应回访", "count", lambda r: r.care.follow_ups_due),
        ("回访", "已回访", "count", lambda r: r.care.follow_ups_done),
        ("回访", "平均满意度", "score", lambda r: r.care.satisfaction_x100),
        ("投诉", "受理投诉", "count", lambda r: r.care.complaints_opened),
        ("投诉", "按时答复", "count", lambda r: r.care.complaints_answered_in_time),
        ("投诉", "升级处理", "count", lambda r: r.care.complaints_escalated),
    ]
    return _figures(rows, report, previous)


def revenue_figures(report: Report, previous: Report | None) -> list[Figure]:
    """营收与欠收: by kind, by payer, discounts / paid / arrears, by payment method."""
    rev = report.revenue
    before = previous.revenue if previous is not None else None

    def money(section: str, label: str, attr: str, whole: int | None) -> Figure:
        fen = getattr(rev, attr)
        prev = getattr(before, attr) if before is not None else None
        share = ratio(fen, whole) if whole is not None else None
        return Figure(section, label, "money", fen, prev, share)

    total = rev.total_fen
    figures = [
        money("营收构成", "工时费", "labour_fen", total),
        money("营收构成", "配件费", "parts_fen", total),
        money("营收构成", "其他费用", "fees_fen", total),
        money("营收构成", "合计", "total_fen", total),
        money("按付款方", "客户", "customer_fen", total),
        money("按付款方", "索赔（厂家）", "warranty_fen", total),
        money("按付款方", "内部", "internal_fen", total),
        money("收款与欠收", "客户应付（优惠前）", "customer_fen", None),
        money("收款与欠收", "优惠", "discount_fen", rev.customer_fen),
        money("收款与欠收", "实收", "paid_fen", rev.customer_fen),
        money("收款与欠收", "本期欠收", "arrears_fen", rev.customer_fen),
        money("收款与欠收", "期末未清欠收", "open_arrears_fen", None),
    ]
    methods = list(labels.METHODS)
    seen = set(rev.by_method) | (set(before.by_method) if before is not None else set())
    codes = [m for m in methods if m in seen] + sorted(seen - set(methods))
    paid = sum(rev.by_method.values())
    for code in codes:
        fen = rev.by_method.get(code, 0)
        prev = before.by_method.get(code, 0) if before is not None else None
        figures.append(
            Figure("按支付方式", labels.method(code), "money", fen, prev, ratio(fen, paid))
        )
    return figures
