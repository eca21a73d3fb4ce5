"""The one place that knows fpdf2's font internals: one parsed font, many documents.

fpdf2 has no public way to share a parsed font between FPDF instances, so
:func:`attach` builds the per-document ``TTFFont`` itself, slot by slot, and
:class:`DocFont` hands fpdf2 a tiny font with only the document's glyphs when
``output()`` reads ``.ttfont`` to subset and embed it. Checked against the fpdf2
versions below (TTFFont slots and constructor, SubsetMap(font), FPDF.fonts,
output's _add_fonts reading font.subset then font.ttfont): anything else fails
loudly (:func:`check_fpdf_internals`).

Two kinds of parsed font (:class:`Parsed`):

- "glyf": a :class:`~service_desk.printing.font_source.TrueTypeSource`. Its template
  TTFFont is made by fpdf2 itself from a font of four glyphs carrying the real font's
  head/hhea/OS/2/post/name tables (so the PDF font descriptor is fpdf2's own), then
  given the source's character map and widths.
- "reopen": CFF (OpenType) outlines, parsed once by ``add_font``; each document
  reopens the file for fpdf2 to subset (no re-parse of cmap and widths, but the
  subsetting is fpdf2's usual cost).
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import fpdf
from fontTools.ttLib import TTFont
from fpdf.enums import TextEmphasis
from fpdf.fonts import SubsetMap, TTFFont

from service_desk.printing.font_source import TrueTypeSource

FPDF_TESTED = ((2, 8, 7), (2, 9, 0))  # [from, to)
TTFFONT_SLOTS = frozenset(
    {
        "i", "type", "name", "desc", "glyph_ids", "_hbfont", "sp", "ss", "up", "ut", "cw",
        "ttffile", "fontkey", "emphasis", "scale", "subset", "cmap", "ttfont",
        "missing_glyphs", "biggest_size_pt", "color_font", "unicode_range", "palette_index",
        "is_compressed", "is_cff", "is_cid_keyed", "is_symbol", "cff_ros",
        "collection_font_number",
    }
)  # fmt: skip
PER_DOCUMENT = frozenset(
    {"i", "fontkey", "emphasis", "desc", "subset", "missing_glyphs", "biggest_size_pt",
     "_hbfont", "ttfont"}
)  # fmt: skip
DocumentFont = Callable[[Iterable[tuple[str, tuple[int, ...]]]], TTFont]


def check_fpdf_internals() -> None:
    version = tuple(int(p) for p in re.findall(r"\d+", fpdf.FPDF_VERSION)[:3])
    slots = frozenset(TTFFont.__slots__)
    if not (FPDF_TESTED[0] <= version < FPDF_TESTED[1]) or slots != TTFFONT_SLOTS:
        raise RuntimeError(
            f"fpdf2 {fpdf.FPDF_VERSION} is not the version service_desk.printing.fonts was "
            f"written for ({'.'.join(map(str, FPDF_TESTED[0]))} up to, not including, "
            f"{'.'.join(map(str, FPDF_TESTED[1]))}); TTFFont slots changed: "
            f"{sorted(slots ^ TTFFONT_SLOTS)}. Re-check printing/fpdf_fonts.py against "
            "the new fpdf2 source or pin fpdf2."
        )


class Parsed:
    """A font parsed once: the TTFFont every document's copy starts from, and how a
    document's embedded font is made."""

    def __init__(
        self,
        kind: str,
        template: TTFFont,
        document_font: DocumentFont,
        source: TrueTypeSource | None = None,
    ) -> None:
        self.kind, self.template, self.document_font = kind, template, document_font
        self.source = source

    @classmethod
    def truetype(cls, source: TrueTypeSource) -> Parsed:
        scratch = fpdf.FPDF()
        tiny = io.BytesIO()
        codepoint = 0x20 if 0x20 in source.gids else next(iter(source.gids))
        source.document_font([(source.names()[codepoint], (codepoint,))]).save(tiny)
        tiny.seek(0)
        template = TTFFont(scratch, tiny, "source", "")  # type: ignore[arg-type]
        default = template.desc.missing_width
        template.ttffile = source.path
        template.collection_font_number = source.index
        template.cmap = source.names()
        template.glyph_ids = source.gids
        template.cw = source.widths(default)
        template.ttfont.close()
        return cls("glyf", template, source.document_font, source)

    @classmethod
    def reopened(cls, path: Path, index: int) -> Parsed:
        scratch = fpdf.FPDF()
        scratch.add_font("source", "", str(path), collection_font_number=index)
        template = scratch.fonts["source"]
        assert isinstance(template, TTFFont)
        template.ttfont.close()

        def document_font(_glyphs) -> TTFont:
            return TTFont(str(path), fontNumber=index, lazy=True, recalcTimestamp=False)

        return cls("reopen", template, document_font)

    def changed_on_disk(self) -> bool:
        return self.source is not None and self.source.changed_on_disk()


class DocFont(TTFFont):
    """A document's copy of a font parsed once: shares the maps, owns the subset."""

    __slots__ = ("_doc_ttfont", "_parsed")

    @property  # type: ignore[override]
    def ttfont(self) -> TTFont:
        # read by fpdf2 at output() only, to subset, embed and close it
        if self._doc_ttfont is None:
            used = [
                (glyph.glyph_name, _codepoints(glyph.unicode))
                for glyph, _ in self.subset.items()
                if glyph is not None
            ]
            self._doc_ttfont = self._parsed.document_font(used)
        return self._doc_ttfont

    @ttfont.setter
    def ttfont(self, value: TTFont) -> None:
        self._doc_ttfont = value

    def shape_text(self, *args, **kwargs):
        raise NotImplementedError("the forms print without text shaping (HarfBuzz)")

    def __deepcopy__(self, memo: dict) -> DocFont:
        # fpdf2's unbreakable() deep-copies the document; keep sharing the parsed maps.
        dup = DocFont.__new__(DocFont)
        memo[id(self)] = dup
        _share_slots(self, dup)
        dup.i, dup.fontkey, dup.emphasis = self.i, self.fontkey, self.emphasis
        dup.desc = copy.copy(self.desc)
        dup.missing_glyphs = list(self.missing_glyphs)
        dup.biggest_size_pt = self.biggest_size_pt
        dup._hbfont = None
        dup._parsed, dup._doc_ttfont = self._parsed, None
        dup.subset = copy.deepcopy(self.subset, memo)
        return dup


def _codepoints(unicode: int | tuple[int, ...]) -> tuple[int, ...]:
    return unicode if isinstance(unicode, tuple) else (unicode,)


def _share_slots(origin: TTFFont, target: TTFFont) -> None:
    """Copy the references of the shared slots (unset ones stay unset).

    cw is shared too: a missing key only ever fills in the width the font defines.
    """
    for slot in TTFFONT_SLOTS - PER_DOCUMENT:
        if hasattr(origin, slot):
            setattr(target, slot, getattr(origin, slot))


def attach(pdf: fpdf.FPDF, parsed: Parsed, fontkey: str, style: str) -> DocFont:
    """What pdf.add_font() does, without parsing: a DocFont in pdf.fonts."""
    template = parsed.template
    font = DocFont.__new__(DocFont)
    _share_slots(template, font)
    font.i = len(pdf.fonts) + 1
    font.fontkey = fontkey
    font.emphasis = TextEmphasis.coerce(style)
    font.desc = copy.copy(template.desc)  # output() sets its name, file and object id
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font._parsed, font._doc_ttfont = parsed, None
    font.subset = SubsetMap(font)
    pdf.fonts[fontkey] = font
    if font.is_cff and font.is_cid_keyed:  # as add_font() does
        pdf._set_min_pdf_version("1.6")
    return font
