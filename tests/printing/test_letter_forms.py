"""The letters of a letter run (R3): 保养提醒函 for a customer group, 邀请函 for a campaign;
one page per customer in one PDF, each with its own salutation and cars, the dealer's
header, why we write, how to book, signed by the service department and the advisor."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PIL import Image

from service_desk.actions import campaigns as cp
from service_desk.actions import printing as print_log
from service_desk.domain.segments import CampaignDraft, Criteria
from service_desk.printing import templates
from service_desk.printing.letter_forms import LETTER, letter_date, render_letters
from service_desk.printing.render import render_each
from service_desk.store import settings
from tests.actions.test_campaigns import fleet  # noqa: F401  (the fixture)
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages


@pytest.fixture
def dealer(ctx):
    settings.put(ctx.db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
    settings.put(ctx.db, "dealer_phone", "0553-5821234")
    settings.put(ctx.db, "dealer_address", "芜湖市弋江区中山南路1088号")


def tiggo_group(ctx) -> int:
    return cp.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))


def test_reminder_letters_one_page_per_customer(ctx, fleet, dealer):  # noqa: F811
    run = cp.letter_run(ctx, group_id=tiggo_group(ctx))
    pages = [flat(p) for p in pdf_pages(render_letters(ctx.db, run, printed_by="王芳", now=NOW))]
    assert len(pages) == len(run.letters) == 2
    first, second = pages
    for page in pages:
        for expected in (
            "芜湖奇瑞汽车服务有限公司",
            "芜湖市弋江区中山南路1088号",
            "保养提醒函",
            "2026年11月27日",
            "定期保养已经到期或即将到期",
            "欢迎致电0553-5821234",
            "此致",
            "敬礼！",
            "芜湖奇瑞汽车服务有限公司售后服务部",
            "服务顾问：王芳",
            "打印：王芳",
        ):
            assert flat(expected) in page, expected
        assert "第1页" not in page and "邀请函" not in page and "活动内容" not in page
    # the right customer and cars on the right page, the car's service due and why
    assert "尊敬的客户1客户：" in first and "皖B00001" in first and "瑞虎8PRO" in first
    assert "2026-11-20" in first and "已到期，请尽快保养" in first
    assert "客户2" not in first and "皖B00002" not in first
    assert "尊敬的客户2客户：" in second and "皖B00002" in second and "皖B00006" in second
    assert "2026-12-01" in second and "即将到期" in second
    assert "皖B00001" not in second


def campaign(ctx, **kw) -> int:
    draft = {
        "name": "冬季免费检测",
        "kind": "free_inspection",
        "valid_from": dt.date(2026, 12, 1),
        "valid_to": dt.date(2027, 1, 31),
        "offer": "免费检测空调、暖风、蓄电池、轮胎、刹车等 20 项，工时 8 折",
        "letter_text": "冬季来临，本店为您的爱车提供免费冬季检测，欢迎您预约到店。",
    }
    return cp.launch_campaign(ctx, tiggo_group(ctx), CampaignDraft(**{**draft, **kw}))


def test_invitation_letters_carry_the_campaign(ctx, fleet, dealer):  # noqa: F811
    run = cp.letter_run(ctx, campaign_id=campaign(ctx))
    pages = [flat(p) for p in pdf_pages(render_letters(ctx.db, run, printed_by="王芳", now=NOW))]
    assert len(pages) == 2
    for page, name in zip(pages, ("客户1", "客户2"), strict=True):
        assert f"尊敬的{name}客户：" in page
        for expected in (
            "邀请函",
            "冬季免费检测",
            "2026年12月1日至2027年1月31日",
            "活动内容：免费检测空调、暖风、蓄电池、轮胎、刹车等20项，工时8折",
            "冬季来临，本店为您的爱车提供免费冬季检测，欢迎您预约到店。",
        ):
            assert flat(expected) in page, expected
        assert "保养提醒函" not in page and "定期保养已经到期" not in page


def test_a_service_reminder_campaign_prints_reminders_and_english(ctx, fleet, dealer):  # noqa: F811
    settings.put(ctx.db, "dealer_phone", "")
    cid = campaign(ctx, name="保养季", kind="service_reminder", offer="", letter_text="保养季。")
    run = cp.letter_run(ctx, campaign_id=cid)
    (page, _) = [
        flat(p) for p in pdf_pages(render_letters(ctx.db, run, printed_by="王芳", now=NOW))
    ]
    assert "保养提醒函" in page and "保养季。" in page and "活动内容" not in page
    assert "欢迎到店咨询" in page and "欢迎致电" not in page  # no phone in the settings
    english = render_letters(ctx.db, run, printed_by="王芳", now=NOW, lang="en")
    (page, _) = [flat(p) for p in pdf_pages(english)]
    for expected in (
        "Servicereminder",
        "27November2026",
        "Dear客户1,",
        "Tiggo8Pro",
        "Servicedue",
        "overdue:pleasecomesoon",
        "pleasecomeandseeus",
        "Serviceadvisor:王芳",
        "Printedby王芳",
    ):
        assert expected in page, expected


def test_the_longest_texts_still_fit_one_page_each(ctx, fleet, dealer):  # noqa: F811
    cid = campaign(ctx, offer="检" * 200, letter_text="冬季来临，" * 120)
    run = cp.letter_run(ctx, campaign_id=cid)
    pdf = render_letters(ctx.db, run, printed_by="王芳", now=NOW)
    assert len(pdf_pages(pdf)) == len(run.letters) == 2


def test_the_page_as_a_picture(ctx, fleet, dealer, tmp_path):  # noqa: F811
    run = cp.letter_run(ctx, campaign_id=campaign(ctx))
    path = tmp_path / "letters.pdf"
    path.write_bytes(render_letters(ctx.db, run, printed_by="王芳", now=NOW))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "p")], check=True)
    pictures = sorted(tmp_path.glob("p-*.png"))
    assert len(pictures) == 2
    with Image.open(pictures[0]) as image:
        assert image.size == (497, 702)  # A4 at 60 dpi
        grey = image.convert("L")
        # ink in the header, the body and the signature, none in the bottom quarter above
        # the print stamp (one page is enough for a letter)
        assert grey.crop((0, 0, 497, 120)).getextrema()[0] < 100
        assert grey.crop((0, 120, 497, 400)).getextrema()[0] < 100
        assert grey.crop((0, 500, 497, 660)).getextrema()[0] > 200


def test_the_template_and_the_print_log(ctx):
    template = templates.load(LETTER)
    assert (template.paper, template.barcode, template.page_numbers) == ("A4", False, False)
    assert LETTER in templates.kinds()
    with pytest.raises(ValueError):
        render_each(LETTER, [])
    assert print_log.record_print(ctx, None, LETTER, "PDF", 2) == 0
    assert ctx.db.execute("SELECT form_kind, order_id, pages FROM print_log").fetchall() == [
        ("letter", None, 2)
    ]
    assert letter_date(dt.date(2027, 1, 5), "zh") == "2027年1月5日"
    assert letter_date(dt.date(2027, 1, 5), "en") == "5 January 2027"
