"""The check-in's printed forms: the check-in sheet (A4), the belongings list (A5), and what
the repair order gains from the check-in (fuel, anomalies, the damage diagram)."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from service_desk import reference
from service_desk.actions import checkin, orders
from service_desk.app import main
from service_desk.domain.checkin import BelongingInput, ChecklistEntry, DocumentCheck, Fuel
from service_desk.printing.forms import FormNotAvailable, cli_names, kinds_for, render_form
from service_desk.store import checkin_queries, queries
from tests.conftest import NOW, staff_id
from tests.printing.conftest import flat, pdf_pages

MM = 72 / 25.4


def render(ctx, kind, oid, **kw):
    return render_form(ctx.db, kind, oid, now=NOW, printed_by="王芳", **kw)


def text_of(pdf: bytes) -> str:
    return flat("".join(pdf_pages(pdf)))


@pytest.fixture
def checked_in(ctx, order_id, tmp_path) -> int:
    """The signed order checked in: three anomalies, two marks, a document discrepancy,
    five belongings in box 12, the workshop receiver."""
    photo = tmp_path / "dent.jpg"
    photo.write_bytes(b"jpeg")
    checkin.save_checklist(
        ctx, order_id, [ChecklistEntry(i.code, "ok") for i in reference.checklist_items()]
    )
    checkin.save_checklist(
        ctx,
        order_id,
        [
            ChecklistEntry("front_bumper", "anomaly", "左下角刮花约5cm"),
            ChecklistEntry("windscreen", "anomaly", "右下方小裂纹约2cm"),
            ChecklistEntry("upholstery", "anomaly", "主驾座椅左侧磨损"),
        ],
    )
    checkin.add_damage_mark(ctx, order_id, "left", 0.78, 0.55, "scratch", "左后门下方划痕约10cm")
    checkin.add_damage_mark(ctx, order_id, "top", 0.06, 0.3, "dent", "前保险杠右侧凹陷", str(photo))
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 3), 41560)
    checkin.record_documents(
        ctx,
        order_id,
        [
            DocumentCheck("driving_licence", True, False, True, True, "行驶证检验有效期已过", True),
            DocumentCheck("maintenance_book", True, True, True, True),
        ],
    )
    checkin.set_belongings(
        ctx,
        order_id,
        "12",
        [
            BelongingInput("", 1, "jack"),
            BelongingInput("", 1, "warning_triangle"),
            BelongingInput("", 1, "dash_cam"),
            BelongingInput("", 2, "umbrella"),
            BelongingInput("儿童绘本", 3),
        ],
    )
    checkin.record_workshop_receiver(ctx, order_id, "赵师傅", NOW)
    checkin.complete_check_in(ctx, order_id)
    return order_id


def test_the_check_in_sheet_prints_every_part_on_one_page(ctx, checked_in):
    pdf = render(ctx, "check_in_sheet", checked_in)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (
        "车辆交接检查单",
        "WX202611270001",
        "皖B7K2M9",
        "瑞虎8PRO",
        "张伟",
        "41,560km",
        "3/8",
        "储物箱号12",
        # the walk-around, item by item, and what was wrong
        "前保险杠异常",
        "车身漆面正常",
        "安全带正常",
        "外观·前保险杠：左下角刮花约5cm",
        "玻璃·前挡风玻璃：右下方小裂纹约2cm",
        "座椅·座椅面料：主驾座椅左侧磨损",
        # the diagram's views, key and marks
        "外观损伤标记",
        "左侧",
        "俯视",
        "右侧",
        "划痕",
        "凹陷",
        "裂纹",
        "掉漆",
        "缺失",
        "划痕（左侧）：左后门下方划痕约10cm",
        "凹陷（俯视）：前保险杠右侧凹陷，有照片",
        # documents and the discrepancy the customer signed
        "机动车行驶证已收否是是行驶证检验有效期已过已签认",
        "保养手册已收是是是",
        "千斤顶×1、三角警示牌×1、行车记录仪×1、雨伞×2、儿童绘本×3",
        "5项，共8件",
        "赵师傅",
        "2026-11-2709:30",
        "客户签字",
        "服务顾问",
        "车间接车人",
    ):
        assert expected in text, expected
    assert "无须" not in text and "交强险" not in text  # only required or received papers


def test_the_belongings_list_is_a5_with_the_pickup_tick_back(ctx, checked_in):
    pdf = render(ctx, "belongings", checked_in)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (148 * MM, 210 * MM), abs=0.5
    )
    text = text_of(pdf)
    for expected in (
        "随车物品清单",
        "储物箱号12",
        "1千斤顶1",
        "2三角警示牌1",
        "3行车记录仪1",
        "4雨伞2",
        "5儿童绘本3",
        "取车归还",
        "缺失",
        "客户签字（入厂清点）",
        "客户签字（取车核对",
        "第1页/共1页",
    ):
        assert expected in text, expected
    # at pickup the same list is ticked back: what came back and what is missing print
    lines = {r["name"]: r["id"] for r in checkin_queries.belongings(ctx.db, checked_in)}
    returned = {lines["千斤顶"]: 1, lines["三角警示牌"]: 1, lines["行车记录仪"]: 1}
    returned[lines["雨伞"]] = 1
    checkin.return_belongings(ctx, checked_in, returned, "雨伞少一把；绘本客户不要了")
    text = text_of(render(ctx, "belongings", checked_in))
    assert "4雨伞211" in text and "5儿童绘本303" in text
    assert "雨伞少一把；绘本客户不要了" in text


def test_the_repair_order_carries_fuel_anomalies_and_the_diagram(ctx, checked_in):
    pages = pdf_pages(render(ctx, "repair_order", checked_in))
    assert len(pages) == 1  # still one page for this order
    text = flat(pages[0])
    for expected in (
        "进厂油量3/8",
        "进厂里程41,560km",
        "环车检查异常及外观损伤",
        "1.外观·前保险杠：左下角刮花约5cm",
        "3.座椅·座椅面料：主驾座椅左侧磨损",
        "划痕（左侧）：左后门下方划痕约10cm",
        "凹陷（俯视）：前保险杠右侧凹陷，有照片",
        "俯视",
    ):
        assert expected in text, expected


def test_before_the_check_in_the_forms_say_nothing_was_found(ctx, order_id):
    text = text_of(render(ctx, "repair_order", order_id))
    assert "环车检查未记录异常" in text and "进厂油量" in text
    sheet = text_of(render(ctx, "check_in_sheet", order_id))
    assert "车身漆面未检" in sheet and "环车检查未发现异常" in sheet
    listing = text_of(render(ctx, "belongings", order_id))
    assert "车内无随车物品" in listing


def test_english_forms(ctx, checked_in):
    sheet = "".join(pdf_pages(render(ctx, "check_in_sheet", checked_in, lang="en")))
    for expected in ("Vehicle check-in sheet", "Front bumper", "Anomaly", "Scratch (Left side)"):
        assert expected in sheet, expected
    assert "Page 1 of 1" in sheet
    listing = "".join(pdf_pages(render(ctx, "belongings", checked_in, lang="en")))
    assert "Belongings list" in listing and "Jack" in listing and "Warning triangle" in listing


def test_the_forms_apply_once_the_customer_signed(ctx, order_id):
    assert {"check_in_sheet", "belongings"} <= set(kinds_for(ctx.db, order_id))
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    fresh = orders.open_order(ctx, vehicle_id, "洗车")
    assert not {"check_in_sheet", "belongings"} & set(kinds_for(ctx.db, fresh))
    with pytest.raises(FormNotAvailable):
        render(ctx, "check_in_sheet", fresh)
    orders.void(ctx, order_id, staff_id(ctx, "陈主管"), "2468", "重复开单")
    with pytest.raises(FormNotAvailable):
        render(ctx, "belongings", order_id)


def test_the_cli_prints_both_forms(ctx, checked_in, db_path, tmp_path, capsys):
    assert cli_names()["check-in-sheet"] == "check_in_sheet"
    assert cli_names()["belongings"] == "belongings"
    number = queries.order(ctx.db, checked_in)["number"]
    data_dir = str(db_path.parent)
    for kind, title in (("check-in-sheet", "车辆交接检查单"), ("belongings", "随车物品清单")):
        out = tmp_path / f"{kind}.pdf"
        assert main(["print", kind, number, "--out", str(out), "--data-dir", data_dir]) == 0
        assert title in flat("".join(pdf_pages(out.read_bytes())))


def test_many_marks_and_anomalies_flow_without_clipping(ctx, order_id, tmp_path):
    views = ("left", "top", "right")
    for i in range(14):
        note = f"第{i + 1}处掉漆，位置见图，长约{i + 2}厘米"
        checkin.add_damage_mark(ctx, order_id, views[i % 3], 0.1 + i * 0.06, 0.5, "chip", note)
    items = reference.checklist_items()[:12]
    checkin.save_checklist(
        ctx, order_id, [ChecklistEntry(i.code, "anomaly", f"{i.name_zh}需客户确认") for i in items]
    )
    for kind in ("repair_order", "check_in_sheet"):
        pdf = render(ctx, kind, order_id)
        text = text_of(pdf)
        for i in range(14):
            assert f"第{i + 1}处掉漆，位置见图，长约{i + 2}厘米" in text, (kind, i)
        for item in items:
            assert f"{item.name_zh}需客户确认" in text, (kind, item.code)
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(pdf)
        boxes = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for x_max in re.findall(r'xMax="([0-9.]+)"', boxes):
            assert float(x_max) <= 595.3 - 30  # inside the right margin
