"""write_workbook: the statistics of one period as an Excel workbook (R18), with the
advisors' self-reviews and monthly summaries (R19) when there are any."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from service_desk.domain.report import Report, SelfReview
from service_desk.export import saving, sheets, styles

CREATOR = "Service Desk"


def build_workbook(
    report: Report, previous: Report | None = None, reviews: Sequence[SelfReview] = ()
) -> Workbook:
    """The workbook in memory: 汇总, 车型, 维修类别, 营收与欠收, 每日进厂, 追加项目, 预约,
    回访与投诉, 明细 and, with reviews, 月度总结. ``previous`` (the period before) adds 上期
    and 变化 columns."""
    return saving.materialize(_build(report, previous, reviews))


def _build(report: Report, previous: Report | None, reviews: Sequence[SelfReview]) -> Workbook:
    """build_workbook, the big tables' rows still values (saving.append_rows)."""
    wb = Workbook()
    styles.install(wb)
    sheets.summary(wb, report, previous)
    sheets.models(wb, report, previous)
    sheets.categories(wb, report, previous)
    sheets.revenue(wb, report, previous)
    sheets.daily(wb, report, previous)
    sheets.extra(wb, report, previous)
    sheets.appointments(wb, report, previous)
    sheets.care(wb, report, previous)
    sheets.details(wb, report, previous)
    if reviews:
        sheets.reviews(wb, report, previous, reviews)
    wb.active = 0
    props = wb.properties
    props.title = f"服务前台业务统计 {report.period.label()}"
    props.subject = "业务统计报表"
    props.description = sheets.subtitle(
        report.period, previous.period if previous is not None else None
    )
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    return wb


def write_workbook(
    report: Report,
    path: str | os.PathLike[str],
    previous: Report | None = None,
    reviews: Sequence[SelfReview] = (),
) -> Path:
    """Write the workbook to ``path`` (replaced whole: written to a temporary file in the
    same folder first, so a failure never leaves half a workbook). Returns the path."""
    target = Path(path)
    wb = _build(report, previous, reviews)
    fd, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=".export-", dir=target.parent)
    os.close(fd)
    try:
        saving.save_workbook(wb, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
