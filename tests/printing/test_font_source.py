"""The Chinese font read once into compact arrays: the same widths, glyphs and descriptor as
fpdf2's own add_font, a few MB instead of ~40, composite glyphs kept, a changed file read
again."""

from __future__ import annotations

import gc
import io
import os
import tracemalloc

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from service_desk.printing import fonts
from service_desk.printing.font_source import GlyphIds
from service_desk.printing.fonts import add_cjk_font, find_cjk_font

SAMPLE = "进厂维修单 皖B12345 ¥1,280.00 刹车异响 镕喆"


@pytest.fixture(autouse=True)
def fresh_caches():
    fonts.clear_caches()
    yield
    fonts.clear_caches()


def _descriptor(font) -> dict:
    desc = font.desc
    names = ("ascent", "descent", "cap_height", "flags", "font_b_box", "italic_angle")
    return {name: getattr(desc, name) for name in (*names, "stem_v", "missing_width")}


def test_the_real_font_reads_as_fpdf2_parses_it():
    choice = find_cjk_font()
    parsed = fonts._source(choice)
    if parsed is None or parsed.kind != "glyf":
        pytest.skip(f"{choice.name} has no TrueType outlines")
    native_pdf = FPDF()
    native_pdf.add_font("n", "", str(choice.path), collection_font_number=choice.index)
    native, lean = native_pdf.fonts["n"], parsed.template
    native.close()  # everything needed is read
    assert list(lean.cmap) == list(native.cmap)  # every character, in the same order
    assert all(lean.cw[cp] == native.cw[cp] for cp in native.cmap)
    assert all(lean.glyph_ids[cp] == native.glyph_ids[cp] for cp in native.cmap)
    assert lean.cw[0x10FFF0] == native.cw[0x10FFF0]  # a character the font lacks
    assert _descriptor(lean) == _descriptor(native)
    for slot in ("name", "scale", "up", "ut", "sp", "ss", "is_cff", "is_symbol"):
        assert getattr(lean, slot) == getattr(native, slot), slot


def test_the_read_font_keeps_a_few_megabytes_not_a_decompiled_font():
    choice = find_cjk_font()
    gc.collect()
    tracemalloc.start()
    try:
        parsed = fonts._source(choice)
        gc.collect()
        kept, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if parsed is None or parsed.kind != "glyf":
        pytest.skip(f"{choice.name} has no TrueType outlines")
    # fpdf2's add_font keeps ~40 MB of Python objects for the same font (50,000 glyphs)
    assert kept < 6_000_000, f"{kept:,} bytes kept"


def test_glyph_ids_answer_like_a_dict():
    cmap = {0x20: 3, 0x4E2D: 700, 0x1F600: 9000, 0x41: 36}
    ids = GlyphIds(cmap)
    assert list(ids) == sorted(cmap) and len(ids) == 4
    assert dict(ids) == cmap
    assert ids.get(0x4E2D) == 700 and ids[0x1F600] == 9000
    assert ids.get(0x4E2E) is None and ids.get(0x4E2E, 0) == 0
    assert 0x41 in ids and 0x42 not in ids and "A" not in ids
    with pytest.raises(KeyError):
        ids[0x42]


def _ring(pen, inset: int) -> None:
    pen.moveTo((inset, inset))
    pen.lineTo((inset, 1000 - inset))
    pen.lineTo((1000 - inset, 1000 - inset))
    pen.lineTo((1000 - inset, inset))
    pen.closePath()


def _font_with_a_composite(path, *, inset: int = 100) -> None:
    """中 drawn as a simple glyph; 文 only as a composite of 中's outline moved."""
    order = [".notdef", "space", "zhong", "wen"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", ord("中"): "zhong", ord("文"): "wen"})
    outline = TTGlyphPen(None)
    _ring(outline, inset)
    composite = TTGlyphPen({"zhong": None})
    composite.addComponent("zhong", (1, 0, 0, 1, 0, -50))
    fb.setupGlyf(
        {
            ".notdef": TTGlyphPen(None).glyph(),
            "space": TTGlyphPen(None).glyph(),
            "zhong": outline.glyph(),
            "wen": composite.glyph(),
        }
    )
    fb.setupHorizontalMetrics({name: (1000 - inset, 0) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Composite Hei", "styleName": "Regular"})
    fb.setupOS2(usWeightClass=400)
    fb.setupPost()
    fb.save(str(path))


def _embedded(pdf: FPDF) -> TTFont:
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    font = reader.pages[0]["/Resources"]["/Font"]
    [ref] = font.values()
    descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    return TTFont(io.BytesIO(descriptor.get_object()["/FontFile2"].get_object().get_data()))


def _document(choice, text: str) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    add_cjk_font(pdf, choice)
    pdf.set_font("cjk", size=20)
    pdf.cell(text=text)
    return pdf


def test_a_composite_glyph_brings_its_parts(tmp_path):
    path = tmp_path / "composite.ttf"
    _font_with_a_composite(path)
    choice = find_cjk_font(str(path))
    assert fonts._source(choice).kind == "glyf"
    embedded = _embedded(_document(choice, "文"))
    glyf = embedded["glyf"]
    composites = [g for g in embedded.getGlyphOrder() if glyf[g].isComposite()]
    assert len(composites) == 1  # 文, with 中's outline embedded as its part
    [part] = glyf[composites[0]].getComponentNames(glyf)
    assert glyf[part].numberOfContours == 1


def test_a_font_file_changed_on_disk_is_read_again(tmp_path):
    path = tmp_path / "composite.ttf"
    _font_with_a_composite(path, inset=100)
    choice = find_cjk_font(str(path))
    first = fonts._source(choice)
    assert fonts._source(choice) is first  # read once
    _font_with_a_composite(path, inset=300)  # narrower glyphs
    later = os.stat(path).st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    second = fonts._source(choice)
    assert second is not first
    assert second.template.cw[ord("中")] == 700 and first.template.cw[ord("中")] == 900
    embedded = _embedded(_document(choice, "中"))
    assert {advance for advance, _ in embedded["hmtx"].metrics.values()} == {700}


def test_outlines_printed_once_are_kept_trimmed_for_later_documents(tmp_path):
    path = tmp_path / "composite.ttf"
    _font_with_a_composite(path)
    choice = find_cjk_font(str(path))
    source = fonts._source(choice).source
    first = _embedded(_document(choice, "中文"))
    zhong = source.gids[ord("中")]
    assert zhong in source.printed  # the simple outline, kept
    assert source.gids[ord("文")] not in source.printed  # a composite is made each time
    again = _embedded(_document(choice, "中文"))
    assert again["glyf"].compile(again) == first["glyf"].compile(first)
