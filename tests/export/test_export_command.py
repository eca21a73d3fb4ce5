"""`service-desk export` end to end over the two known months of tests/stats_dataset.py:
the workbook read back holds the month's figures, its detail rows and the advisors'
saved self-reviews."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from service_desk.actions import self_review, staff
from service_desk.app import main
from service_desk.domain.clock import fixed_clock
from service_desk.domain.report import Period
from tests import stats_dataset as sd


def yuan(fen: int) -> float:
    return float(Decimal(fen).scaleb(-2))


def figures(sheet) -> dict[str, object]:
    """项目 -> 本期 of a summary-like sheet (table header on row 4)."""
    return {r[1]: r[2] for r in sheet.iter_rows(min_row=5, values_only=True) if r[1]}


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
    known = sd.NOVEMBER
    money, extra, shop, odd = (
        known["revenue"],
        known["extra"],
        known["workshop"],
        known["exceptions"],
    )
    assert figures(book["汇总"]) == {
        "进厂台次": len(known["received"]),
        "出厂台次": known["released"],
        "拒修台次": known["declined"],
        "结算单数": money["settled_orders"],
        "营业额": yuan(money["total_fen"]),
        "工时费": yuan(money["labour_fen"]),
        "配件费": yuan(money["parts_fen"]),
        "其他费用": yuan(money["fees_fen"]),
        "优惠": yuan(money["discount_fen"]),
        "实收": yuan(money["paid_fen"]),
        "本期欠收": yuan(money["arrears_fen"]),
        "期末未清欠收": yuan(money["open_arrears_fen"]),
        "完工台次": shop["completed"],
        "平均车间时长（分钟）": shop["average_minutes"],
        "应守约台次": shop["promises_due"],
        "守约台次": shop["promises_kept"],
        "守约率": pytest.approx(known["kept_rate_bp"] / 10_000),
        "建议项目": extra["offered"],
        "客户同意": extra["accepted"],
        "客户拒绝": extra["declined"],
        "待答复": extra["offered"] - extra["accepted"] - extra["declined"],
        "同意率": pytest.approx(extra["accepted"] / extra["offered"]),
        "建议金额": yuan(extra["offered_fen"]),
        "同意金额": yuan(extra["accepted_fen"]),
        "金额同意率": pytest.approx(extra["accepted_fen"] / extra["offered_fen"]),
        "钥匙超时未还": odd["keys_out_late"],
        "出厂未交还钥匙": odd["keys_not_returned"],
        "随车物品缺失": odd["belongings_missing"],
        "返修": odd["comebacks"],
    }
    methods = {"现金": "cash", "银行卡": "card", "微信支付": "wechat", "支付宝": "alipay"}
    paid = figures(book["营收与欠收"])
    for label, code in {**methods, "转账": "transfer"}.items():
        assert paid[label] == yuan(money["by_method"][code]), label
    assert paid["索赔（厂家）"] == yuan(money["warranty_fen"])
    assert paid["内部"] == yuan(money["internal_fen"])
    rows = book["车型"].iter_rows(min_row=5, values_only=True)
    models = {r[0]: r[2] for r in rows if r[0] and r[2]}  # not last month's only
    assert {code: n for code, n, _fen in known["by_model"]} == models
    reviews = [c.value for row in book["月度总结"].iter_rows() for c in row]
    assert "按时交车" in reviews and "王芳" in reviews
