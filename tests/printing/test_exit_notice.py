"""The exit notice 出厂通知单 in its two variants: at release after settlement (R14) with
the readings out, the settled figures and the work done; for a declined order with its
diagnosis/estimate fee (R5)."""

from __future__ import annotations

import pytest

from service_desk.actions import orders
from service_desk.actions import release as rel
from service_desk.actions import settlement as sa
from service_desk.domain.checkin import Fuel
from service_desk.domain.money import format_yuan
from service_desk.printing import templates
from service_desk.printing.forms import kinds_for, render_form
from service_desk.printing.render import render
from service_desk.store import queries
from tests.actions.test_release import ODO_IN, _return_belongings, _return_key
from tests.actions.test_settlement import ready, sup  # noqa: F401  (ready is a fixture)
from tests.actions.test_workshop import at, set_clock
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages

WARRANTY_FEN = 18000  # 更换左前轮毂轴承, on the maker's warranty
ADDED_FEN = 52000  # 前刹车盘光盘, the customer's

# Printed only at release; none of them may show on a declined order's notice.
RELEASE_ONLY = (
    "维修完工",
    "进厂油量",
    "出厂油量",
    "出厂里程",
    "完工项目",
    "客户自付",
    "索赔",
    "维修合计",
    "优惠",
    "实收",
    "欠收",
    "随车证件",
)


def text_of(ctx, oid, now=NOW, lang="zh") -> str:
    pdf = render_form(ctx.db, "exit_notice", oid, now=now, printed_by="王芳", lang=lang)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    return flat("\n".join(pages))


def _add_line(ctx, oid, description, fen, payer, origin) -> None:
    ctx.db.execute(
        "INSERT INTO order_lines(order_id, kind, description, mode, system_code, qty_milli, "
        "unit_price_fen, amount_fen, payer, origin, created_at, created_by) VALUES "
        "(?, 'labour', ?, 'item', 'brakes', 1000, ?, ?, ?, ?, ?, ?)",
        [oid, description, fen, fen, payer, origin, "2026-11-27T11:00:00+08:00", ctx.user_id],
    )


@pytest.fixture
def settled(ctx, ready) -> dict:  # noqa: F811
    """Settled at 17:10 with a warranty line, a discount of ¥50, two payments (card and
    WeChat Pay) and the rest let out as arrears by 陈主管."""
    _add_line(ctx, ready, "更换左前轮毂轴承", WARRANTY_FEN, "warranty", "estimate")
    _add_line(ctx, ready, "前刹车盘光盘", ADDED_FEN, "customer", "additional")
    s = sa.statement(ctx.db, ready)
    assert s["actual"]["by_payer"]["warranty"] == WARRANTY_FEN
    discount = sa.request_discount(ctx, ready, amount_fen=5000, reason="老客户")
    sa.decide_discount(ctx, discount, sup(ctx), "2468", approve=True)
    sa.add_payment(ctx, ready, "card", 10000, reference="POS 0042")
    sa.add_payment(ctx, ready, "wechat", 20000)
    sa.approve_arrears(ctx, ready, sup(ctx), "2468", "公司月结")
    set_clock(ctx, at(17, 10))
    sa.settle(ctx, ready)
    return {
        "id": ready,
        "due": s["customer_due_fen"],
        "total": s["actual"]["total_fen"],
        "arrears": s["customer_due_fen"] - 5000 - 30000,
    }


def _release(ctx, oid, fuel: Fuel) -> None:
    _return_key(ctx, oid)
    _return_belongings(ctx, oid)
    rel.record_documents_returned(ctx, oid)
    rel.record_odometer_fuel_out(ctx, oid, ODO_IN + 12, fuel)
    set_clock(ctx, at(17, 30))
    rel.release(ctx, oid)


def test_release_variant_prints_the_settled_figures(ctx, settled):
    oid = settled["id"]
    _release(ctx, oid, Fuel("eighths", 6))
    assert queries.order(ctx.db, oid)["state"] == "released"
    assert "exit_notice" in kinds_for(ctx.db, oid)
    later = NOW.replace(hour=18, minute=5)
    text = text_of(ctx, oid, now=later)
    assert settled["arrears"] > 0
    for expected in (
        "出厂通知单",
        "WX202611270001",
        "皖B7K2M9",
        "出厂原因维修完工，结算出厂",
        "出厂时间2026-11-2717:30",  # the release, not the print time
        f"进厂里程{ODO_IN:,}km",
        "进厂油量1/2",
        "出厂油量3/4",
        f"出厂里程{ODO_IN + 12:,}km",
        "完工项目",
        "前刹车异响排查",
        "更换左前轮毂轴承",
        "前刹车盘光盘" + "工时" + format_yuan(ADDED_FEN, symbol=False),
        "客户自付" + format_yuan(settled["due"]),
        "索赔" + format_yuan(WARRANTY_FEN),
        "内部¥0.00",
        "维修合计" + format_yuan(settled["total"]),
        "应收" + format_yuan(settled["due"]),
        "优惠¥50.00",
        "实收¥300.00",
        "欠收" + format_yuan(settled["arrears"]) + "，经主管陈主管批准欠收（公司月结）",
        "钥匙、随车物品及随车证件已当面交还客户",
        "门卫放行",
    ):
        assert flat(expected) in text, expected
    assert "18:05" not in text.split("打印")[0]
    for declined_only in ("诊断/估价费", "客户不修", "客户已取回"):
        assert declined_only not in text, declined_only


def test_settled_not_yet_released_exits_now_with_percent_fuel(ctx, settled):
    oid = settled["id"]
    rel.record_odometer_fuel_out(ctx, oid, ODO_IN + 8, Fuel("percent", 80))
    now = NOW.replace(hour=17, minute=20)
    text = text_of(ctx, oid, now=now)
    assert "出厂时间2026-11-2717:20" in text
    assert "出厂油量80%" in text and flat(f"出厂里程{ODO_IN + 8:,}km") in text


def test_release_without_arrears_or_split_leaves_those_out(ctx, ready):  # noqa: F811
    due = sa.statement(ctx.db, ready)["customer_due_fen"]
    sa.add_payment(ctx, ready, "cash", due)
    sa.settle(ctx, ready)
    text = text_of(ctx, ready)
    assert "应收" + format_yuan(due) + "优惠¥0.00实收" + format_yuan(due) in text
    for absent in ("欠收", "索赔", "维修合计", "客户自付"):
        assert absent not in text, absent


def test_release_variant_in_english(ctx, settled):
    _release(ctx, settled["id"], Fuel("eighths", 6))
    text = text_of(ctx, settled["id"], lang="en")
    for expected in ("Exitnotice", "Workcompletedandsettled", "Fuelout3/4", "Workdone"):
        assert expected in text, expected
    assert "approvedbysupervisor陈主管(公司月结)" in text


@pytest.mark.parametrize("close", [False, True])
def test_declined_variant_prints_the_fee_only(ctx, order_id, close):
    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "仪表灯亮")
    orders.record_consent(ctx, oid)
    orders.save_reception(ctx, oid, request="仪表灯亮", diagnosis="氧传感器故障")
    orders.decline(ctx, oid, fee_fen=8000)
    if close:
        sa.settle_fee(ctx, oid)
    assert "exit_notice" in kinds_for(ctx.db, oid)
    text = text_of(ctx, oid)
    for expected in (
        "出厂原因客户不修，按规定收取诊断/估价费",
        "出厂时间2026-11-2709:30",
        "氧传感器故障",
        "应收诊断/估价费¥80.00",
        "客户已取回车辆、钥匙及随车物品",
        "门卫放行",
    ):
        assert flat(expected) in text, expected
    for label in RELEASE_ONLY:
        assert label not in text, label


def test_conditional_blocks_and_tables_without_empty_text():
    template = templates.parse(
        'kind = "x"\ntitle = "条件"\nbarcode = false\n'
        '[[block]]\ntype = "note"\nvalue = "flag"\nlabel = "有条件的说明"\n'
        '[[block]]\ntype = "note"\nlabel = "总是打印"\n'
        '[[block]]\ntype = "table"\nvalue = "rows"\nlabel = "表格标题"\n'
        'items = [{ label = "列", value = "a" }]\n',
        "x.toml",
    )

    def text(context):
        return flat("".join(pdf_pages(render("x", {"lang": "zh", **context}, template=template))))

    shown = text({"flag": True, "rows": [{"a": "甲"}]})
    assert "有条件的说明" in shown and "表格标题" in shown and "甲" in shown
    hidden = text({"flag": False, "rows": []})
    assert "总是打印" in hidden
    assert "有条件的说明" not in hidden and "表格标题" not in hidden
