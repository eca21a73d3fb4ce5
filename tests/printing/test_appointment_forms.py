"""The appointment's printed forms (R17): the appointment form 预约单 and the workshop's
bay list 车间预约工位表 for today and tomorrow."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PIL import Image

from service_desk.actions import appointments as ap
from service_desk.actions import printing as print_log
from service_desk.printing import templates
from service_desk.printing.appointment_forms import (
    APPOINTMENT,
    BAY_LIST,
    appointment_context,
    render_appointment,
    render_bay_list,
)
from service_desk.store import settings
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages

TOMORROW_9 = NOW.replace(hour=9, minute=0) + dt.timedelta(days=1)


@pytest.fixture
def appointment(ctx) -> int:
    settings.put(ctx.db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
    settings.put(ctx.db, "dealer_phone", "0553-5821234")
    _, vid = walk_in(ctx, vin="LVVDB11B9KD123458")
    aid = ap.book(
        ctx,
        ap.Booking(
            vehicle_id=vid,
            start=TOMORROW_9,
            requested_by="dealer",
            items="前刹车片更换，保养；客户反映空调制冷差，到店检查",
            jobs=("service_10000", "front_brake_pads"),
            parts_estimate_fen=53_801,
            parts_to_order=True,
        ),
    )
    ap.record_deposit(ctx, aid, "wechat", 26_901)
    return aid


def test_the_appointment_form_shows_time_work_money_and_signatures(ctx, appointment):
    pdf = render_appointment(ctx.db, appointment, printed_by="王芳", now=NOW)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (
        "芜湖奇瑞汽车服务有限公司",
        "预约单",
        "YY202611280001",
        "本店邀约",
        "2026-11-28（星期六）09:00–09:30",
        "张三",
        "13812345678",
        "皖B12345",
        "LVVDB11B9KD123458",
        "前刹车片更换",
        "更换前刹车片",  # the standard job's name
        "¥538.01",
        "¥269.01",
        "须订购配件的，客户预付不少于配件价格一半的定金",
        "客户（签字）",
        "服务顾问（签字）",
        "打印：王芳",
    ):
        assert flat(expected) in text, expected


def test_no_parts_to_order_no_deposit_note(ctx):
    _, vid = walk_in(ctx, plate="皖B54321", phone="13955550000")
    aid = ap.book(ctx, ap.Booking(vehicle_id=vid, start=TOMORROW_9, items="四轮定位"))
    context = appointment_context(ctx.db, aid)
    assert context["money"]["deposit"] == "¥0.00" and context["money"]["to_order"] == "否"
    assert context["appointment"]["jobs"] == []
    text = flat(pdf_pages(render_appointment(ctx.db, aid, printed_by="王芳", now=NOW))[0])
    assert "须订购配件" not in text and "到店后诊断报价" in text


def test_english_and_copy(ctx, appointment):
    pdf = render_appointment(ctx.db, appointment, printed_by="Wang", now=NOW, copy=True, lang="en")
    text = flat(pdf_pages(pdf)[0])
    assert "Appointment" in text and "Dealer" in text and "Customer(signature)" in text


def test_the_bay_list_for_today_and_tomorrow(ctx, appointment):
    settings.put(ctx.db, "appointment_capacity_per_day", 8)
    _, v2 = walk_in(ctx, plate="皖B66666", phone="13966660000", name="李四")
    today = ap.book(
        ctx, ap.Booking(vehicle_id=v2, start=NOW.replace(hour=14, minute=0), items="换电瓶")
    )
    _, v3 = walk_in(ctx, plate="皖B77777", phone="13977770000", name="王五")
    gone = ap.book(ctx, ap.Booking(vehicle_id=v3, start=TOMORROW_9, items="洗车"))
    ap.cancel(ctx, gone, "不来了")
    pdf = render_bay_list(ctx.db, NOW.date(), printed_by="王芳", now=NOW)
    text = flat("".join(pdf_pages(pdf)))
    for expected in (
        "车间预约工位表",
        "2026-11-27–2026-11-28",
        "皖B66666",
        "14:00–14:30",
        "皖B12345",
        "09:00–09:30",
        "已订",
        "车间主管（签收）",
    ):
        assert flat(expected) in text, expected
    assert "皖B77777" not in text  # cancelled: no bay kept
    assert text.index("皖B66666") < text.index("皖B12345")  # today first
    assert today


def test_both_forms_are_print_log_kinds(ctx, appointment):
    assert {APPOINTMENT, BAY_LIST} <= set(templates.kinds())
    assert templates.load(APPOINTMENT).paper == "A5"
    for kind in (APPOINTMENT, BAY_LIST):
        assert print_log.record_print(ctx, None, kind, "PDF", 1) == 0


def test_the_printed_appointment_as_a_picture(ctx, appointment, tmp_path):
    """A5 at 70 dpi: ink in the header and the fields, the signature boxes at the bottom."""
    pdf = render_appointment(ctx.db, appointment, printed_by="王芳", now=NOW)
    path = tmp_path / "appointment.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(path), str(tmp_path / "appointment")], check=True
    )
    [png] = sorted(tmp_path.glob("appointment-*.png"))
    image = Image.open(png).convert("L")
    assert image.size == (408, 579)  # A5 at 70 dpi
    dark = sum(image.crop((0, 0, 408, 290)).histogram()[:128])
    assert dark > 3_000
