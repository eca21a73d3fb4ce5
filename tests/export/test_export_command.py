"""`service-desk export` end to end over the two known months of tests/stats_dataset.py:
the workbook read back holds the month's figures, its detail rows and the advisors'
saved self-reviews."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from service_desk.actions import self_review, staff
from service_desk.app import main
from service_desk.domain.clock import fixed_clock
from service_desk.domain.report import Period
from tests import stats_dataset as sd


def test_export_of_a_known_month(tmp_path, capsys):
    ctx = sd.make_ctx(tmp_path / "service_desk.sqlite3")
    sd.build(ctx)
    ctx.clock = fixed_clock(sd.at(11, 30, 18))
    ctx.user_id = next(s["id"] for s in staff.list_staff(ctx) if s["name"] == "王芳")
    self_review.save(ctx, "month", Period.month(2026, 11), "按时交车", "追加项目沟通", "多回访")
    ctx.db.close()
    out = tmp_path / "november.xlsx"
    args = ["export", "--month", "2026-11", "--out", str(out), "--data-dir", str(tmp_path)]
    assert main(args) == 0
    assert "november.xlsx" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames[-1] == "月度总结"
    details = book["明细"].tables["Details"]
    first, last = details.ref.split(":")
    rows = int(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - int(first[1:])
    assert rows == len(sd.NOVEMBER["received"])
    cells = [c.value for row in book["营收与欠收"].iter_rows() for c in row]
    total = Decimal(sd.NOVEMBER["revenue"]["total_fen"]).scaleb(-2)
    arrears = Decimal(sd.NOVEMBER["revenue"]["arrears_fen"]).scaleb(-2)
    assert total in cells and arrears in cells
    reviews = [c.value for row in book["月度总结"].iter_rows() for c in row]
    assert "按时交车" in reviews and "王芳" in reviews
