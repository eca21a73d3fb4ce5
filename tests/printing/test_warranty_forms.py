"""The printed list of open warranty claims 索赔单跟踪表 (R19): the open claims with their
orders, cars, amounts and days open, those to chase marked and first; closed claims left
out; the totals; English; logged without an order; and how the page looks."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PIL import Image

from service_desk import reference
from service_desk.actions import printing as print_log
from service_desk.actions import warranty as wa
from service_desk.printing import templates
from service_desk.printing.warranty_forms import (
    WARRANTY_CLAIMS,
    open_claims_context,
    render_open_claims,
)
from service_desk.store import queries, settings
from tests.actions.test_warranty import WARRANTY, release, warranty_order
from tests.actions.test_workshop import at, set_clock
from tests.printing.conftest import flat, pdf_pages

DAY = dt.timedelta(days=1)
NOW = at(11, 0) + 30 * DAY  # 2026-12-27


@pytest.fixture
def claims(ctx) -> dict[str, str]:
    """Four warranty orders released on 2026-11-27; claims filed, then: one still
    submitted (29 days: to chase), one approved 10 days ago, one paid, one rejected.
    Returns the order number of each."""
    settings.put(ctx.db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
    phones = iter(f"139555500{n:02d}" for n in range(10))
    ids = {
        key: release(ctx, warranty_order(ctx, plate=plate, phone=next(phones)))
        for key, plate in (
            ("chase", "皖B10001"),
            ("approved", "皖B10002"),
            ("paid", "皖B10003"),
            ("rejected", "皖B10004"),
        )
    }
    set_clock(ctx, at(10, 0) + DAY)
    filed = {
        key: wa.file_claim(ctx, oid, f"SP2026112800{n}") for n, (key, oid) in enumerate(ids.items())
    }
    set_clock(ctx, at(10, 0) + 20 * DAY)
    wa.approve(ctx, filed["approved"], 50_000)
    wa.approve(ctx, filed["paid"], WARRANTY)
    wa.reject(ctx, filed["rejected"], "超出保修期")
    set_clock(ctx, at(10, 0) + 25 * DAY)
    wa.mark_paid(ctx, filed["paid"], WARRANTY)
    return {key: queries.order(ctx.db, oid)["number"] for key, oid in ids.items()}


def test_the_open_claims_list(ctx, claims):
    pdf = render_open_claims(ctx.db, printed_by="王芳", now=NOW)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    model = reference.car_model("TIGGO8PRO").name("zh")
    for expected in (
        "芜湖奇瑞汽车服务有限公司",
        "索赔单跟踪表",
        "2026-12-2711:00",  # as of
        "SP20261128000",
        "SP20261128001",
        claims["chase"],
        claims["approved"],
        "皖B10001",
        model,
        "2026-11-28",
        "已提交",
        "已批准",
        "540.00",  # claimed
        "500.00",  # approved
        "催办",
        "¥1,080.00",  # claimed total
        "¥500.00",  # approved total
        "¥1,040.00",  # still expected: 540 submitted + 500 approved
        "服务经理（审核）",
        "打印：王芳",
    ):
        assert flat(expected) in text, expected
    for closed in ("SP20261128002", "SP20261128003", claims["paid"], claims["rejected"]):
        assert closed not in text
    # the one to chase first, with its days open
    assert text.index("SP20261128000") < text.index("SP20261128001")
    context = open_claims_context(ctx.db, NOW)
    assert [(r["days"], r["chase"]) for r in context["claims"]["rows"]] == [
        ("29", "催办"),
        ("29", ""),  # approved 10 days ago: not yet chased for the money
    ]
    assert (context["claims"]["count"], context["claims"]["chase"]) == ("2", "1")


def test_english_and_an_empty_list(ctx, claims):
    text = flat(pdf_pages(render_open_claims(ctx.db, printed_by="Wang", now=NOW, lang="en"))[0])
    for expected in ("Openwarrantyclaims", "Submitted", "Approved", "chase", "Stillexpected"):
        assert expected in text, expected
    later = NOW + 60 * DAY
    for claim in wa.open_claims(ctx.db, later):
        set_clock(ctx, later)
        if claim["state"] == "submitted":
            wa.reject(ctx, claim["id"], "超出保修期")
        else:
            wa.mark_paid(ctx, claim["id"], claim["approved_fen"])
    text = flat(pdf_pages(render_open_claims(ctx.db, printed_by="王芳", now=later))[0])
    assert "没有未结的索赔单" in text and "¥0.00" in text


def test_a_print_log_kind_without_an_order(ctx):
    assert WARRANTY_CLAIMS in templates.kinds()
    assert templates.load(WARRANTY_CLAIMS).paper == "A4"
    assert print_log.record_print(ctx, None, WARRANTY_CLAIMS, "PDF", 1) == 0
    assert print_log.record_print(ctx, None, WARRANTY_CLAIMS, "PDF", 1) == 0  # never a copy


def test_the_printed_list_as_a_picture(ctx, claims, tmp_path):
    """A4 at 60 dpi: the header and the table inked, nothing past the right margin."""
    path = tmp_path / "claims.pdf"
    path.write_bytes(render_open_claims(ctx.db, printed_by="王芳", now=NOW))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "claims")], check=True
    )
    [png] = sorted(tmp_path.glob("claims-*.png"))
    image = Image.open(png).convert("L")
    width, height = image.size
    assert (width, height) == (497, 702)  # A4 at 60 dpi
    assert sum(image.crop((0, 0, width, 250)).histogram()[:128]) > 3_000
    margin = width - round(12 / 25.4 * 60) + 2  # right of the 12 mm margin: blank
    assert sum(image.crop((margin, 0, width, height)).histogram()[:128]) == 0
