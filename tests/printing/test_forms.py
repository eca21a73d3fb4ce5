"""Every printed form carries every field of its order, wraps, flows over pages."""

from __future__ import annotations

import io
import re
import subprocess

import pytest

from service_desk.actions import orders
from service_desk.domain.pricing import LineDraft
from service_desk.printing import templates
from service_desk.printing.forms import FormNotAvailable, kinds_for, render_form
from service_desk.printing.templates import TemplateError
from service_desk.store import queries
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages


def render(ctx, kind, oid, **kw):
    return render_form(ctx.db, kind, oid, now=NOW, printed_by="王芳", **kw)


def test_repair_order_prints_every_field(ctx, order_id):
    text = flat("\n".join(pdf_pages(render(ctx, "repair_order", order_id))))
    for expected in (
        "进厂维修单",
        "WX202611270001",
        "张伟",
        "13855321234",
        "0553",
        "芜湖顺达物流有限公司",
        "皖B7K2M9",
        "LVVDB11B9KD123458",
        "瑞虎8PRO",
        "小型普通客车",
        "白色",
        "41,500km",
        "刹车时前轮有异响，顺便做个保养",
        "旧件带走",
        "前刹车片磨损到限",
        "王芳",
        "2026-11-2709:30",
        "2026-11-2712:30",  # signed, promised
        "前刹车异响排查",
        "现象估价",
        "制动系统",
        "15%",
        "138.00",
        "客户自带",
        "副厂件",
        "机油滤清器",
        "正厂件",
        "¥533.60",
        "保养",
        "质量保证期",
        "客户自带配件",
        "关键系统",
        "项目定价",
        "现象估价",
        "客户签字",
        "服务顾问",
        "车间接车人",
        "第1页/共1页",
        "打印：王芳",
    ):
        assert flat(expected) in text, expected


def test_diagnosis_report(ctx, order_id):
    text = flat("\n".join(pdf_pages(render(ctx, "diagnosis", order_id))))
    for expected in (
        "检测诊断单",
        "客户同意诊断",
        "2026-11-2709:30",
        "吴海涛",
        "前刹车片磨损到限，刹车盘有轻微沟槽",
        "建议维修项目",
        "前刹车异响排查",
        "不构成维修合同",
        "客户签收",
    ):
        assert flat(expected) in text, expected


def test_declined_order_gets_an_exit_notice_with_its_fee(ctx, order_id):
    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "仪表灯亮")
    orders.record_consent(ctx, oid)
    orders.save_reception(ctx, oid, request="仪表灯亮", diagnosis="氧传感器故障")
    orders.decline(ctx, oid, fee_fen=8000)
    assert "exit_notice" in kinds_for(ctx.db, oid)
    text = flat("\n".join(pdf_pages(render(ctx, "exit_notice", oid))))
    for expected in (
        "出厂通知单",
        "WX202611270002",
        "客户不修",
        "¥80.00",
        "氧传感器故障",
        "门卫放行",
    ):
        assert flat(expected) in text, expected


def test_forms_that_do_not_apply_are_refused(ctx, order_id):
    assert kinds_for(ctx.db, order_id) == [
        "repair_order",
        "diagnosis",
        "check_in_sheet",
        "belongings",
    ]
    with pytest.raises(FormNotAvailable):
        render(ctx, "exit_notice", order_id)
    with pytest.raises(FormNotAvailable):
        render(ctx, "supplementary", order_id)


def test_supplementary_order_lists_only_the_added_work(ctx, order_id):
    ctx.db.execute(
        "INSERT INTO order_lines(order_id, kind, description, mode, system_code, qty_milli, "
        "unit_price_fen, amount_fen, payer, origin, created_at, created_by) VALUES "
        "(?, 'labour', '前刹车盘光盘', 'item', 'brakes', 2000, 26000, 52000, 'customer', "
        "'additional', ?, ?)",
        [order_id, "2026-11-27T11:00:00+08:00", ctx.user_id],
    )
    assert "supplementary" in kinds_for(ctx.db, order_id)
    text = flat("\n".join(pdf_pages(render(ctx, "supplementary", order_id))))
    assert "追加维修单" in text and "前刹车盘光盘" in text and "¥520.00" in text
    assert "机油滤清器" not in text


def test_a_reprint_is_marked_copy(ctx, order_id):
    text = "\n".join(pdf_pages(render(ctx, "repair_order", order_id, copy=True)))
    assert "副本" in text


def test_english_forms(ctx, order_id):
    text = "\n".join(pdf_pages(render(ctx, "repair_order", order_id, lang="en")))
    assert "Repair order" in text and "Customer (read and agreed)" in text
    assert "Page 1 of 1" in text


def test_sixty_lines_flow_over_pages_with_repeated_headers(ctx, order_id):
    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "全面检修")
    for i in range(60):
        orders.add_line(
            ctx,
            oid,
            LineDraft(
                kind="part",
                description=f"配件{i + 1:02d} 号（长描述用于测试换行与分页）",
                mode="item",
                qty_milli=1000,
                unit_price_fen=1000 + i,
                system_code="engine",
                parts_source="dealer",
                part_quality="genuine",
            ),
        )
    pages = pdf_pages(render(ctx, "repair_order", oid))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "进厂维修单" in page and "WX202611270002" in flat(page)
        assert flat(f"第 {number} 页 / 共 {len(pages)} 页") in flat(page)
    table_pages = [p for p in pages if "配件0" in p or "配件1" in p or "配件5" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "项目/配件" in flat(page)  # the table heading repeats
    everything = flat("".join(pages))
    for i in range(60):
        assert f"配件{i + 1:02d}号" in everything


def test_a_two_thousand_character_request_wraps_without_clipping(ctx, order_id, tmp_path):
    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "")
    request = "".join(f"第{i:03d}句客户原话刹车有异响。" for i in range(150))[:2000]
    assert len(request) == 2000
    orders.save_reception(ctx, oid, request=request)
    pdf = render(ctx, "repair_order", oid)
    assert flat(request) in flat("".join(pdf_pages(pdf)))
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf)
    # every glyph lies inside the page: pdftotext -bbox reports each word's box
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for x_max in re.findall(r'xMax="([0-9.]+)"', boxes):
        assert float(x_max) <= 595.3 - 30  # A4 width in pt, minus the right margin


def test_templates_load_and_bad_ones_are_named(tmp_path):
    assert templates.kinds() == [
        "appointment",
        "appointment_stats",
        "bay_list",
        "belongings",
        "check_in_sheet",
        "diagnosis",
        "exit_notice",
        "guarantee",
        "key_report",
        "key_tag",
        "letter",
        "repair_order",
        "self_review_day",
        "self_review_month",
        "statement",
        "supplementary",
        "warranty_claims",
    ]
    for kind in templates.kinds():
        assert templates.load(kind).blocks
    with pytest.raises(TemplateError, match="type is one of"):
        templates.parse('kind = "x"\ntitle = "t"\n[[block]]\ntype = "nonsense"\n', "x.toml")
    with pytest.raises(TemplateError, match="needs items"):
        templates.parse('kind = "x"\ntitle = "t"\n[[block]]\ntype = "fields"\n', "x.toml")
    with pytest.raises(TemplateError, match=r"x\.toml"):
        templates.parse("kind = ", "x.toml")


def test_dealer_header_and_logo_come_from_settings(ctx, order_id, tmp_path):
    from PIL import Image
    from pypdf import PdfReader

    from service_desk.store import settings

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(logo)
    settings.put(ctx.db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
    settings.put(ctx.db, "dealer_address", "芜湖市弋江区长江南路88号")
    settings.put(ctx.db, "dealer_phone", "0553-5821234")
    settings.put(ctx.db, "dealer_logo", str(logo))
    settings.put(ctx.db, "clause_estimate", "本单估价有效期 7 天。")
    pdf = render(ctx, "repair_order", order_id)
    text = flat("".join(pdf_pages(pdf)))
    for expected in (
        "芜湖奇瑞汽车服务有限公司",
        "芜湖市弋江区长江南路88号",
        "0553-5821234",
        "本单估价有效期7天",
    ):
        assert expected in text
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1
