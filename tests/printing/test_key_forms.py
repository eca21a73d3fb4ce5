"""The key tag label (one per key on a hook, with a QR code) and the end-of-day report."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader

from service_desk.actions import keys
from service_desk.app import main
from service_desk.printing import qr, templates
from service_desk.printing.forms import FormNotAvailable, kinds_for, render_form
from service_desk.printing.key_forms import render_key_report
from service_desk.printing.templates import TemplateError
from service_desk.store import key_queries
from tests.conftest import NOW
from tests.keys_dataset import planted_day
from tests.printing.conftest import flat, pdf_pages

MM = 72 / 25.4  # points per millimetre
DPI = 300


def tag(ctx, order_id, **kw) -> bytes:
    return render_form(ctx.db, "key_tag", order_id, now=NOW, printed_by="王芳", **kw)


def raster(pdf: bytes, tmp_path: Path, page: int = 1) -> Image.Image:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png", "-gray",
         str(path), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    return Image.open(next(tmp_path.glob("page-*.png"))).convert("L")


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, float, float, float]]:
    """Where each QR code was drawn: (text, x, y, size) in mm."""
    calls: list[tuple[str, float, float, float]] = []
    original = qr.draw_qr

    def spy(pdf, text, x, y, size):
        calls.append((text, x, y, size))
        return original(pdf, text, x, y, size)

    monkeypatch.setattr(qr, "draw_qr", spy)
    return calls


def read_symbol(image: Image.Image, x: float, y: float, size: float, count: int) -> list:
    """The modules of a count × count symbol drawn in the size mm square at (x, y) mm
    (quiet zone included), read back from the page's pixels at each module's centre."""
    module = size / (count + 2 * qr.QUIET_ZONE)
    px = DPI / 25.4
    return [
        [
            image.getpixel(
                (
                    int((x + (qr.QUIET_ZONE + c + 0.5) * module) * px),
                    int((y + (qr.QUIET_ZONE + r + 0.5) * module) * px),
                )
            )
            < 128
            for c in range(count)
        ]
        for r in range(count)
    ]


def test_the_key_tag_is_offered_while_a_key_hangs_in_the_cabinet(ctx, order_id):
    assert "key_tag" not in kinds_for(ctx.db, order_id)
    with pytest.raises(FormNotAvailable):
        tag(ctx, order_id)
    key_id = keys.register_key(ctx, order_id, "main", 7)
    assert "key_tag" in kinds_for(ctx.db, order_id)
    keys.move_key(ctx, key_id, "to_workshop", "赵师傅")
    assert "key_tag" not in kinds_for(ctx.db, order_id)


def test_one_label_per_key_with_hook_plate_order_and_key(ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7, "黑色遥控")
    keys.register_key(ctx, order_id, "spare", 58)
    pdf = tag(ctx, order_id)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (70, 40)
    first, second = (flat(t) for t in pdf_pages(pdf))
    for expected in (
        "奇瑞汽车授权服务站",
        "车钥匙牌",
        "挂钩",
        "7",
        "皖B7K2M9",
        "主钥匙·黑色遥控",
        "WX202611270001",
        "瑞虎8PRO·白色",
        "2026-11-2712:30",
        "打印：王芳2026-11-2709:30",
    ):
        assert expected in first, expected
    assert "58" in second and "备用钥匙" in second and "皖B7K2M9" in second
    assert "第1页" not in first  # a label has no page numbers


def test_a_reprinted_tag_says_copy_and_english_works(ctx, order_id):
    keys.register_key(ctx, order_id, "fob", 9)
    zh = flat(pdf_pages(tag(ctx, order_id, copy=True))[0])
    assert "车钥匙牌（副本）" in zh
    en = " ".join(pdf_pages(tag(ctx, order_id, lang="en"))[0].split())
    for expected in ("Key tag", "HOOK", "9", "Remote fob", "WX 20261127 0001", "Tiggo 8 Pro"):
        assert expected in en, expected


def test_the_qr_code_on_the_tag_is_the_order_number(ctx, order_id, tmp_path, drawn):
    keys.register_key(ctx, order_id, "main", 7)
    image = raster(tag(ctx, order_id), tmp_path)
    [(text, x, y, size)] = drawn
    assert text == "WX202611270001"
    assert x + size <= 70 - 2 and y >= 6 and y + size <= 40 - 5  # right side, under the header
    expected = qr.modules(text)
    assert len(expected) == 21  # version 1: about 0.9 mm per module on the label
    assert read_symbol(image, x, y, size, 21) == expected
    assert image.getpixel((int((x + 1) * DPI / 25.4), int((y + 1) * DPI / 25.4))) > 200
    if shutil.which("zbarimg"):  # decode it like a scanner would, where zbar is installed
        path = tmp_path / "tag.png"
        image.save(path)
        out = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True
        )
        assert out.stdout.strip() == "WX202611270001"


def test_draw_qr_puts_every_module_where_segno_says(tmp_path):
    text = "WX 20261127 0001 皖B7K2M9"
    pdf = FPDF(unit="mm", format=(60, 60))
    pdf.add_page()
    module = qr.draw_qr(pdf, text, 5, 5, 50)
    symbol = segno.make(text, error="M", micro=False)
    size = symbol.symbol_size(border=0)[0]
    assert module == pytest.approx(50 / (size + 2 * qr.QUIET_ZONE))
    assert module >= 0.25  # readable from paper
    image = raster(bytes(pdf.output()), tmp_path)
    assert read_symbol(image, 5, 5, 50, size) == [[bool(m) for m in row] for row in symbol.matrix]
    quiet = image.getpixel((int((5 + module) * DPI / 25.4), int((5 + module) * DPI / 25.4)))
    assert quiet > 200  # the quiet zone stays light


def test_the_qr_block_places_a_code_of_a_context_value(tmp_path, drawn):
    from service_desk.printing.render import render

    template = templates.parse(
        'kind = "x"\ntitle = "t"\nbarcode = false\n'
        '[[block]]\ntype = "qr"\nvalue = "order.number"\nsize = 30\nalign = "C"\n'
        'label = "扫码查单"\n',
        "x.toml",
    )
    assert (template.blocks[0].size, template.blocks[0].align) == (30.0, "C")
    context = {"lang": "zh", "dealer": {"name": "店"}, "order": {"number": "WX202611270001"}}
    pdf = render("x", context, template=template)
    assert "扫码查单" in flat(pdf_pages(pdf)[0])
    [(text, x, y, size)] = drawn
    assert (text, x, size) == ("WX202611270001", pytest.approx(90, abs=0.01), 30)
    image = raster(pdf, tmp_path)
    assert read_symbol(image, x, y, size, 21) == qr.modules(text)


def test_label_papers_are_checked():
    assert templates.load("key_tag").paper == "label-70x40"
    assert templates.load("key_tag").is_label and not templates.load("key_report").is_label
    assert templates.paper_format("label-70x40") == (70.0, 40.0)
    assert templates.paper_format("A4") == "A4"
    for bad in ("label-10x40", "label-70x400", "label-70", "Letter"):
        with pytest.raises(TemplateError, match="paper"):
            templates.parse(f'kind = "x"\ntitle = "t"\npaper = "{bad}"\n', "x.toml")
    with pytest.raises(TemplateError, match="align"):
        templates.parse('kind = "x"\ntitle = "t"\n[[block]]\ntype = "qr"\nalign = "X"\n', "x")


def test_the_end_of_day_report_lists_each_planted_exception(ctx, order_id):
    planted_day(ctx, order_id)
    pdf = render_key_report(ctx.db, keys.reconciliation(ctx), printed_by="王芳")
    text = flat("".join(pdf_pages(pdf)))
    for expected in (
        "钥匙柜日终核对表",
        "2026-11-2718:00",
        "发现3项异常",
        "一、车辆已出厂，钥匙仍在店",
        "皖B20002",
        "已出厂",
        "挂钩12",
        "二、钥匙外出超时",
        "皖B30003",
        "吴海涛",
        "2026-11-2712:00",
        "6.0小时",
        "三、在修车辆未登记钥匙",
        "皖B40004",
        "已交车",
        "附：在柜钥匙（逐钩核对）",
        "主钥匙·黑色遥控",
        "附：外出钥匙",
        "皖B70007",  # the spare out on a short test drive: listed, no exception
        "核对人",
        "服务经理",
        "打印：王芳",
    ):
        assert flat(expected) in text, expected
    sections = text.split("二、钥匙外出超时")
    assert "皖B30003" not in sections[0] and "皖B50005" not in text  # went home with its key


def test_a_clean_cabinet_report_says_so(ctx, order_id):
    pdf = render_key_report(ctx.db, keys.reconciliation(ctx), printed_by="王芳", lang="en")
    text = " ".join("".join(pdf_pages(pdf)).split())
    assert "Key cabinet end-of-day check" in text
    assert "Cabinet and orders agree" in text
    assert "(the cabinet is empty)" in text


def test_print_key_tag_from_the_command_line(ctx, order_id, db_path, tmp_path, capsys):
    keys.register_key(ctx, order_id, "main", 7)
    out = tmp_path / "tag.pdf"
    args = ["print", "key-tag", "WX202611270001", "--out", str(out)]
    assert main([*args, "--data-dir", str(db_path.parent)]) == 0
    assert "key-tag WX202611270001" in capsys.readouterr().out
    assert "皖B7K2M9" in flat(PdfReader(out).pages[0].extract_text())
    keys.return_to_customer(ctx, key_queries.key_on_hook(ctx.db, 7)["id"])
    assert main([*args, "--data-dir", str(db_path.parent)]) == 1
    assert "not printed" in capsys.readouterr().err
