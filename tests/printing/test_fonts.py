"""The Chinese printing font: where it is found, that it is Chinese, that it is parsed once."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import fpdf
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF, FontFace
from pypdf import PdfReader

from service_desk.printing import fonts, fpdf_fonts
from service_desk.printing.fonts import FontChoice, FontMissingError, add_cjk_font, find_cjk_font

SAMPLE = "进厂维修单 皖B12345 ¥1,280.00 刹车异响"
REAL_FC_QUERY = fonts._fc_query


@pytest.fixture(autouse=True)
def fresh_caches():
    fonts.clear_caches()
    yield
    fonts.clear_caches()


@pytest.fixture
def nowhere(tmp_path, monkeypatch) -> Path:
    """No font in resources/fonts, no Windows, no fontconfig: only what a test adds."""
    resources = tmp_path / "resources_fonts"
    resources.mkdir()
    (resources / "README.md").write_text("fonts go here", encoding="utf-8")
    monkeypatch.setattr(fonts, "_resource_font_dir", lambda: resources)
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    monkeypatch.setattr(fonts, "_fc_query", lambda args: "")
    return resources


# --- synthetic fonts: a box for every character, real cmap and name table ----------------


def _glyph_name(ch: str) -> str:
    return f"uni{ord(ch):04X}"


def build_font(family: str, chars: str = "中文", *, cff: bool = False, weight: int = 400):
    """A TTFont with one square glyph per character (TrueType or CFF outlines)."""
    order = [".notdef", "space", *(_glyph_name(c) for c in chars)]
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", **{ord(c): _glyph_name(c) for c in chars}})
    if cff:

        def charstring(ink: bool):
            pen = T2CharStringPen(1000, None)
            if ink:
                _square(pen)
            return pen.getCharString()

        fb.setupCFF(
            family.replace(" ", ""),
            {"FullName": family},
            {name: charstring(name != "space") for name in order},
            {},
        )
    else:

        def glyph(ink: bool):
            pen = TTGlyphPen(None)
            if ink:
                _square(pen)
            return pen.glyph()

        fb.setupGlyf({name: glyph(name != "space") for name in order})
    fb.setupHorizontalMetrics({name: (1000, 100) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    style = "Bold" if weight >= 600 else "Regular"
    fb.setupNameTable({"familyName": family, "styleName": style})
    fb.setupOS2(
        sTypoAscender=880,
        sTypoDescender=-120,
        usWinAscent=880,
        usWinDescent=120,
        usWeightClass=weight,
    )
    fb.setupPost()
    return fb.font


def _square(pen) -> None:
    pen.moveTo((100, -50))
    pen.lineTo((100, 750))
    pen.lineTo((900, 750))
    pen.lineTo((900, -50))
    pen.closePath()


def save_font(path: Path, family: str, chars: str = "中文", **kw) -> Path:
    build_font(family, chars, **kw).save(str(path))
    return path


def save_collection(path: Path, families: list[str], chars: str = "中文") -> Path:
    collection = TTCollection()
    collection.fonts = [build_font(f, chars) for f in families]
    collection.save(str(path))
    return path


NOTO_LIKE = ["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC"]


# --- finding ------------------------------------------------------------------------------


def test_the_preferred_font_wins(nowhere, tmp_path):
    save_font(nowhere / "a_resource.ttf", "Resource Hei")
    mine = save_font(tmp_path / "mine.ttf", "My Hei")
    choice = find_cjk_font(str(mine))
    assert choice == FontChoice(path=mine, index=0, name="My Hei")


def test_an_index_suffix_picks_that_face_of_a_collection(nowhere, tmp_path):
    ttc = save_collection(tmp_path / "cjk.ttc", NOTO_LIKE)
    assert find_cjk_font(f"{ttc}#1") == FontChoice(ttc, 1, "Noto Sans CJK KR")
    assert fonts.split_index("C:/Windows/Fonts/msyh.ttc#0") == (
        Path("C:/Windows/Fonts/msyh.ttc"),
        0,
    )
    assert fonts.split_index("/fonts/odd#name.ttf") == (Path("/fonts/odd#name.ttf"), None)


def test_without_an_index_the_simplified_chinese_face_is_chosen_by_name(nowhere, tmp_path):
    ttc = save_collection(tmp_path / "NotoSansCJK-Regular.ttc", NOTO_LIKE)
    assert find_cjk_font(str(ttc)) == FontChoice(ttc, 2, "Noto Sans CJK SC")


@pytest.mark.parametrize("bad", ["missing.ttf", "latin.ttf", "notes.txt"])
def test_a_bad_preferred_font_falls_through_to_the_next_place(nowhere, tmp_path, bad):
    save_font(tmp_path / "latin.ttf", "Latin Only", chars="ABC")
    (tmp_path / "notes.txt").write_text("not a font", encoding="utf-8")
    resource = save_font(nowhere / "shipped.ttf", "Shipped Hei")
    assert find_cjk_font(str(tmp_path / bad)).path == resource


def test_resources_fonts_is_scanned_skipping_what_is_not_a_chinese_font(nowhere):
    save_font(nowhere / "a_latin.ttf", "Latin Only", chars="ABC")
    (nowhere / "b_broken.ttf").write_bytes(b"not really a font")
    ttc = save_collection(nowhere / "c_cjk.ttc", NOTO_LIKE)
    assert find_cjk_font() == FontChoice(ttc, 2, "Noto Sans CJK SC")


def test_windows_fonts_come_after_resources(nowhere, tmp_path, monkeypatch):
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    save_collection(windir / "Fonts" / "msyh.ttc", ["Microsoft YaHei", "Microsoft YaHei UI"])
    monkeypatch.setenv("WINDIR", str(windir))
    assert find_cjk_font() == FontChoice(windir / "Fonts" / "msyh.ttc", 0, "Microsoft YaHei")
    fonts.clear_caches()
    shipped = save_font(nowhere / "shipped.ttf", "Shipped Hei")
    assert find_cjk_font().path == shipped


def test_fontconfig_results_are_ranked_and_the_face_is_read_from_the_file(
    nowhere, tmp_path, monkeypatch
):
    noto = save_collection(tmp_path / "NotoSansCJK-Regular.ttc", NOTO_LIKE)
    wqy = save_collection(tmp_path / "wqy.ttc", ["WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"])
    listing = (
        f"{wqy}\t0\tWenQuanYi Micro Hei,文泉驿微米黑\n"
        f"{noto}\t0\tNoto Sans CJK JP,Noto Sans CJK JP Regular\n"
        f"{noto}\t2\tNoto Sans CJK SC,Noto Sans CJK SC Regular\n"
    )
    calls = []

    def fc_query(args):
        calls.append(args[0])
        return listing if args[0] == "fc-list" else ""

    monkeypatch.setattr(fonts, "_fc_query", fc_query)
    assert find_cjk_font() == FontChoice(noto, 2, "Noto Sans CJK SC")
    assert calls == ["fc-list"]  # fc-match only when the listing gives nothing usable


def test_fontconfig_tools_missing_are_skipped(nowhere, monkeypatch):
    monkeypatch.setattr(fonts, "_fc_query", REAL_FC_QUERY)
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    with pytest.raises(FontMissingError):
        find_cjk_font()


def test_no_font_anywhere_says_what_to_install(nowhere, tmp_path):
    with pytest.raises(FontMissingError) as caught:
        find_cjk_font(str(tmp_path / "gone.ttc#0"))
    message = str(caught.value)
    assert message.startswith("No Chinese font found. Install Microsoft YaHei (Windows)")
    assert "fonts-wqy-microhei" in message and "fonts-noto-cjk" in message
    assert "resources/fonts/" in message
    assert caught.value.searched[0] == f"settings: {tmp_path / 'gone.ttc'}#0"
    assert not any("README" in place for place in caught.value.searched)  # not a font file


def test_the_found_font_really_has_chinese_glyphs():
    choice = find_cjk_font()
    font = TTFont(str(choice.path), fontNumber=choice.index, lazy=True)
    try:
        cmap = font.getBestCmap()
        for ch in "中文维修单皖刹":
            name = cmap[ord(ch)]
            if "glyf" in font:
                glyph = font["glyf"][name]
                assert glyph.numberOfContours != 0  # outlines, not an empty box
            assert font["hmtx"][name][0] > 0
    finally:
        font.close()
    assert find_cjk_font() is choice  # searched once


def test_the_bold_face_next_to_the_regular_one_is_found(tmp_path):
    regular = save_font(tmp_path / "Hei-Regular.ttf", "Hei")
    bold = save_font(tmp_path / "Hei-Bold.ttf", "Hei", weight=700)
    assert fonts.find_bold_face(FontChoice(regular, 0, "Hei")) == FontChoice(bold, 0, "Hei")
    yahei = save_font(tmp_path / "msyh.ttf", "Microsoft YaHei")
    yahei_bold = save_font(tmp_path / "msyhbd.ttf", "Microsoft YaHei", weight=700)
    assert fonts.find_bold_face(FontChoice(yahei, 0, "Microsoft YaHei")).path == yahei_bold
    lonely = save_font(tmp_path / "lonely.ttf", "Lonely")
    save_font(tmp_path / "lonelybd.ttf", "Lonely")  # not bold at all: ignored
    assert fonts.find_bold_face(FontChoice(lonely, 0, "Lonely")) is None


# --- registering and printing ---------------------------------------------------------------


def pdf_text(pdf: FPDF) -> str:
    data = bytes(pdf.output())
    return "".join(
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )


def sample_document(choice: FontChoice | None = None) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    add_cjk_font(pdf, choice)
    pdf.set_font("cjk", size=12)
    pdf.cell(text=SAMPLE, new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_chinese_text_round_trips_through_pdf_text_extraction():
    pdf = sample_document()
    pdf.set_font("cjk", "B", 14)
    pdf.cell(text="合计 镕喆", new_x="LMARGIN", new_y="NEXT")  # two characters outside GB2312
    assert pdf_text(pdf) == "".join(SAMPLE.split()) + "合计镕喆"


def test_table_headings_are_bold_by_default_and_work():
    pdf = FPDF()
    pdf.add_page()
    add_cjk_font(pdf)
    pdf.set_font("cjk", size=10)
    with pdf.table(col_widths=(40, 30), headings_style=FontFace(emphasis="BOLD")) as table:
        for cells in (("项目", "金额"), ("刹车片", "¥1,280.00")):
            row = table.row()
            for text in cells:
                row.cell(text)
    assert pdf_text(pdf) == "项目金额刹车片¥1,280.00"


def test_a_second_document_reuses_the_parsed_font():
    first = sample_document()
    assert pdf_text(first) == "".join(SAMPLE.split())
    after_first = fonts.cache_info()
    assert after_first.misses >= 1
    second = sample_document()
    assert pdf_text(second) == "".join(SAMPLE.split())
    after_second = fonts.cache_info()
    assert after_second.misses == after_first.misses  # nothing parsed again
    assert after_second.hits >= after_first.hits + 2  # regular and bold
    assert first.fonts["cjk"] is not second.fonts["cjk"]  # per-document glyph subsets


def test_each_document_embeds_only_its_own_glyphs():
    one = sample_document()
    one_data = bytes(one.output())
    two = FPDF()
    two.add_page()
    add_cjk_font(two)
    two.set_font("cjk", size=12)
    two.cell(text="中")
    two_data = bytes(two.output())
    assert len(two_data) < len(one_data)
    assert "".join(PdfReader(io.BytesIO(two_data)).pages[0].extract_text().split()) == "中"


def test_unbreakable_blocks_copy_the_document_fonts():
    pdf = FPDF()
    pdf.add_page()
    add_cjk_font(pdf)
    for i in range(12):
        with pdf.unbreakable() as doc:
            doc.set_font("cjk", "B" if i % 2 else "", 12)
            for _ in range(3):
                doc.cell(h=9, text=f"第{i}行刹车异响", new_x="LMARGIN", new_y="NEXT")
    text = pdf_text(pdf)
    assert all(f"第{i}行刹车异响" in text for i in range(12))
    assert pdf.pages_count >= 2


def test_a_cff_font_is_reopened_per_document(tmp_path):
    otf = save_font(tmp_path / "Sans-Regular.otf", "CFF Sans", chars="中文维修", cff=True)
    choice = find_cjk_font(str(otf))
    for _ in range(2):
        pdf = FPDF()
        pdf.add_page()
        add_cjk_font(pdf, choice)
        pdf.set_font("cjk", size=12)
        pdf.cell(text="维修中文")
        assert pdf_text(pdf) == "维修中文"
    assert fonts._source(choice).kind == "reopen"


def test_a_real_bold_face_is_registered_for_b(tmp_path):
    regular = save_font(tmp_path / "Hei-Regular.ttf", "Hei", chars="中文粗")
    save_font(tmp_path / "Hei-Bold.ttf", "Hei", chars="中文粗", weight=700)
    pdf = FPDF()
    pdf.add_page()
    add_cjk_font(pdf, find_cjk_font(str(regular)))
    assert pdf.fonts["cjkB"].ttffile.name == "Hei-Bold.ttf"
    assert pdf.fonts["cjk"].ttffile.name == "Hei-Regular.ttf"
    pdf.set_font("cjk", "B", 12)
    pdf.cell(text="粗中文")
    assert pdf_text(pdf) == "粗中文"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_glyphs_render(tmp_path):
    pdf = FPDF(format=(40, 40))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    add_cjk_font(pdf)
    pdf.set_font("cjk", size=60)
    pdf.set_xy(5, 10)
    pdf.cell(text="中")
    (tmp_path / "one.pdf").write_bytes(bytes(pdf.output()))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-gray",
            "-singlefile",
            str(tmp_path / "one.pdf"),
            str(tmp_path / "one"),
        ],
        check=True,
        timeout=60,
    )
    pixels = _pgm_pixels((tmp_path / "one.pgm").read_bytes())
    dark = sum(1 for p in pixels if p < 128)
    assert 0.03 < dark / len(pixels) < 0.5  # ink of a glyph, neither blank nor a solid box


def _pgm_pixels(data: bytes) -> bytes:
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height = int(fields[1]), int(fields[2])
    return data[pos + 1 : pos + 1 + width * height]


def test_fpdf2_internals_are_checked(monkeypatch):
    fpdf_fonts.check_fpdf_internals()  # the installed fpdf2 is one the module was written for
    monkeypatch.setattr(fpdf, "FPDF_VERSION", "2.9.0")
    with pytest.raises(RuntimeError, match=r"fpdf2 2\.9\.0 is not the version"):
        fpdf_fonts.check_fpdf_internals()


def test_preloading_parses_before_the_first_document():
    fonts.preload()
    parsed = fonts.cache_info().misses
    pdf_text(sample_document())
    assert fonts.cache_info().misses == parsed
