"""The checkout desk's printed forms (R14): the statement 结算单 with its figures and the
quality guarantee certificate 质量保证书 with a period per work item."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from pypdf import PdfReader

from service_desk.actions import release as rel
from service_desk.actions import settlement as sa
from service_desk.app import main
from service_desk.domain.checkin import Fuel
from service_desk.domain.money import format_yuan
from service_desk.printing.checkout_forms import guarantee_class, guarantee_periods
from service_desk.printing.forms import FormNotAvailable, kinds_for, render_form
from service_desk.store import queries
from tests.actions.test_comeback_on_sign import signed_return
from tests.actions.test_release import ODO_IN, _configure, _return_belongings, _return_key
from tests.actions.test_settlement import ready, sup  # noqa: F401  (ready is a fixture)
from tests.actions.test_workshop import at, set_clock
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages

ADDED_FEN = 52000  # 前刹车盘光盘, approved as additional work


def text_of(ctx, kind, oid, now=NOW, lang="zh") -> str:
    pdf = render_form(ctx.db, kind, oid, now=now, printed_by="王芳", lang=lang)
    return flat("\n".join(pdf_pages(pdf)))


def _add_work(ctx, oid) -> None:
    ctx.db.execute(
        "INSERT INTO order_lines(order_id, kind, description, mode, system_code, qty_milli, "
        "unit_price_fen, amount_fen, payer, origin, created_at, created_by) VALUES "
        "(?, 'labour', '前刹车盘光盘', 'item', 'brakes', 2000, 26000, 52000, 'customer', "
        "'additional', ?, ?)",
        [oid, "2026-11-27T11:00:00+08:00", ctx.user_id],
    )


@pytest.fixture
def settled(ctx, ready) -> dict:  # noqa: F811
    _add_work(ctx, ready)
    due = sa.statement(ctx.db, ready)["customer_due_fen"]
    discount = sa.request_discount(ctx, ready, amount_fen=5000, reason="老客户")
    sa.decide_discount(ctx, discount, sup(ctx), "2468", approve=True)
    sa.add_payment(ctx, ready, "card", 10000, reference="POS 0042")
    sa.add_payment(ctx, ready, "wechat", 20000)
    sa.approve_arrears(ctx, ready, sup(ctx), "2468", "公司月结")
    set_clock(ctx, at(17, 10))
    sa.settle(ctx, ready)
    return {"id": ready, "due": due, "arrears": due - 5000 - 30000}


def test_statement_figures(ctx, settled):
    oid = settled["id"]
    s = sa.statement(ctx.db, oid)
    assert s["difference_fen"] == ADDED_FEN
    text = text_of(ctx, "statement", oid)
    for expected in (
        "结算单",
        "WX202611270001",
        "张伟",
        "皖B7K2M9",
        "维修完工结算",
        "前刹车盘光盘",
        "追加",
        "估价合计" + format_yuan(s["estimate"]["total_fen"]),
        "实际合计" + format_yuan(s["actual"]["total_fen"]),
        "差额（追加）+" + format_yuan(ADDED_FEN),
        "客户自付" + format_yuan(s["actual"]["by_payer"]["customer"]),
        "索赔¥0.00",
        "内部¥0.00",
        "¥50.00老客户",
        "陈主管",
        "银行卡¥100.00",
        "POS0042",
        "微信支付¥200.00",
        "客户应付" + format_yuan(settled["due"]),
        "优惠¥50.00",
        "已付¥300.00",
        "欠收" + format_yuan(settled["arrears"]),
        "未结余额" + format_yuan(settled["arrears"]),
        "2026-11-2717:10",  # settled at
        "收银员",
        "客户签字",
    ):
        assert flat(expected) in text, expected


def test_statement_in_english(ctx, settled):
    text = text_of(ctx, "statement", settled["id"], lang="en")
    assert "Statement" in text and "Card" in text and "Discountsapproved" in text


def test_guarantee_per_item_from_now_when_not_released(ctx, settled):
    oid = settled["id"]
    now = dt.datetime(2026, 11, 27, 17, 20, tzinfo=NOW.tzinfo)
    text = text_of(ctx, "guarantee", oid, now=now)
    odometer = queries.order(ctx.db, oid)["odometer_in"]
    assert odometer == ODO_IN
    assert "机动车维修质量保证书" in text and "2026-11-27" in text
    # the maintenance job: 二级维护 5000 km / 30 days; repairs on a system: 2000 km / 10 days
    assert flat(f"常规检查）二级维护5,000km/30日至2026-12-27或{ODO_IN + 5000:,}km") in text
    minor = f"小修及专项修理2,000km/10日至2026-12-07或{ODO_IN + 2000:,}km"
    assert flat("前刹车盘光盘" + minor) in text
    assert flat("前刹车异响排查" + minor) in text
    assert "机油滤清器" not in text  # parts are not work items
    assert "本单估价" not in text  # no estimate clause on a certificate


def test_guarantee_counts_from_the_release(ctx, settled):
    oid = settled["id"]
    _release(ctx, oid)
    later = dt.datetime(2026, 12, 20, 9, 0, tzinfo=NOW.tzinfo)
    text = text_of(ctx, "guarantee", oid, now=later)
    out = ODO_IN + 12
    assert flat(f"出厂里程{out:,}km") in text
    assert flat(f"至2026-12-27或{out + 5000:,}km，以先到者为准") in text
    assert flat(f"至2026-12-07或{out + 2000:,}km") in text
    assert "statement" in kinds_for(ctx.db, oid) and "guarantee" in kinds_for(ctx.db, oid)


def test_guarantee_periods_follow_the_settings(ctx, settled):
    _configure(ctx, guarantee_minor_days=20, guarantee_minor_km=3000, guarantee_maintenance_days=45)
    now = dt.datetime(2026, 11, 27, 17, 20, tzinfo=NOW.tzinfo)
    text = text_of(ctx, "guarantee", settled["id"], now=now)
    minor = f"小修及专项修理3,000km/20日至2026-12-17或{ODO_IN + 3000:,}km"
    assert flat("前刹车异响排查" + minor) in text
    assert flat(f"二级维护5,000km/45日至2027-01-11或{ODO_IN + 5000:,}km") in text


def _release(ctx, oid) -> None:
    _return_key(ctx, oid)
    _return_belongings(ctx, oid)
    rel.record_documents_returned(ctx, oid)
    rel.record_odometer_fuel_out(ctx, oid, ODO_IN + 12, Fuel("eighths", 4))
    set_clock(ctx, at(17, 30))
    rel.release(ctx, oid)


def test_guarantee_of_a_rework_counts_from_the_original_release(ctx, settled):
    from service_desk.actions import orders

    original = settled["id"]
    _release(ctx, original)
    out = ODO_IN + 12
    assert "本次为返修" not in text_of(ctx, "guarantee", original)
    # back 12 days later with the brakes: flagged when signed
    rework = signed_return(ctx, original, 12, out + 300)
    for state in ("checked_in", "handed_off", "completed", "ready", "settled"):
        orders.advance(ctx, rework, state)
    now = dt.datetime(2026, 12, 9, 17, 0, tzinfo=NOW.tzinfo)
    number = queries.order(ctx.db, original)["number"]

    text = text_of(ctx, "guarantee", rework, now=now)
    assert flat("出厂日期2026-12-09") in text  # this visit's own date
    # the periods run from the original release: 2026-11-27 and 41,572 km
    assert flat(f"复查小修及专项修理2,000km/10日至2026-12-07或{out + 2000:,}km") in text
    assert (
        flat(
            f"本次为返修（原单 {number}），质量保证期自原出厂日 2026-11-27（出厂里程 "
            f"{out:,} km）起计算，不重新计算。"
        )
        in text
    )
    english = text_of(ctx, "guarantee", rework, now=now, lang="en")
    assert (
        flat(
            f"This is a rework under guarantee (original order {number}): the guarantee "
            f"periods count from the original release on 2026-11-27 at {out:,} km and do "
            "not restart."
        )
        in english
    )

    # a longer minor period set since: still counted from the original release
    _configure(ctx, guarantee_minor_days=30)
    text = text_of(ctx, "guarantee", rework, now=now)
    assert flat("2,000km/30日至2026-12-27") in text


def test_guarantee_classes(db):
    periods = guarantee_periods(db)  # the defaults: art. 38

    def period(category, description):
        return periods[guarantee_class(category, description)]

    assert period("accident", "更换前保险杠") == (20000, 100)
    assert period("body_paint", "左前门钣金喷漆") == (20000, 100)
    assert period("maintenance", "保养工时（更换机油机滤、常规检查）") == (5000, 30)
    assert period("maintenance", "Service labour (oil and filter change, routine checks)") == (
        5000,
        30,
    )
    assert period("maintenance", "前刹车异响排查") == (2000, 10)
    assert period("general_repair", "更换前刹车片工时") == (2000, 10)


def test_not_available_before_ready(ctx, order_id):
    kinds = kinds_for(ctx.db, order_id)
    assert "statement" not in kinds and "guarantee" not in kinds
    for kind in ("statement", "guarantee"):
        with pytest.raises(FormNotAvailable):
            render_form(ctx.db, kind, order_id, now=NOW, printed_by="王芳")


def test_ready_order_has_a_statement_but_no_guarantee(ctx, ready):  # noqa: F811
    kinds = kinds_for(ctx.db, ready)
    assert "statement" in kinds and "guarantee" not in kinds
    text = text_of(ctx, "statement", ready)
    assert "（尚无收款）" in text and "（无优惠）" in text


def test_declined_order_statement_bills_the_fee(ctx, order_id):
    from service_desk.actions import orders

    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "仪表灯亮")
    orders.record_consent(ctx, oid)
    orders.decline(ctx, oid, fee_fen=8000)
    assert "statement" in kinds_for(ctx.db, oid) and "guarantee" not in kinds_for(ctx.db, oid)
    text = text_of(ctx, "statement", oid)
    assert "客户不修" in text and "客户应付¥80.00" in text and "未结余额¥80.00" in text


def test_cli_prints_the_statement(tmp_path, capsys):
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    db = sqlite3.connect(tmp_path / "service_desk.sqlite3")
    number = db.execute(
        "SELECT number FROM repair_orders WHERE state IN ('released', 'done')"
    ).fetchone()[0]
    db.close()
    for form, title in (("statement", "结算单"), ("guarantee", "质量保证书")):
        out = tmp_path / f"{form}.pdf"
        args = ["print", form, number, "--out", str(out), "--data-dir", str(tmp_path)]
        assert main(args) == 0
        text = "".join(PdfReader(out).pages[0].extract_text().split())
        assert title in text and number in text
