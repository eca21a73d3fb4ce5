"""A TrueType font read once per process and kept small, to build each form's font.

fpdf2's ``add_font`` keeps a whole decompiled font in memory: for a 50,000-glyph
Chinese font (WenQuanYi Micro Hei, Microsoft YaHei) that is one Python object per
glyph outline, per metric and per glyph name, ~40 MB of objects and ~65 MB of
process memory, for the life of the counter. :class:`TrueTypeSource` keeps instead
what printing needs, in compact form:

- the character map as ``{code point: glyph id}`` (fontTools reads it with glyph ids
  standing in for glyph names: the font's ``post`` names are never decoded);
- advance widths and left side bearings as two ``array`` of 16-bit numbers;
- the ``loca`` offsets (fontTools' own array) and where the ``glyf`` table starts in
  the file: a document's outlines are read from the file when it is printed;
- the few small tables every embedded font carries (head, hhea, maxp, OS/2, name,
  post without names);
- the outlines printed so far, hinting removed (the same few thousand characters
  all day), so that a later document's font is mostly made from them.

Glyph names are made from ids (``.notdef``, ``g1``, ``g2``, ...): the PDF stores no
glyph names, only fpdf2's subset map and the embedded font need to agree on them.
:meth:`TrueTypeSource.document_font` builds the tiny TrueType font of one document
(the glyphs it used, their composite parts, fontTools' four recommended glyphs) for
fpdf2 to subset and embed as usual. A font file changed on disk since it was read is
noticed (size and modification time) and read again.
"""

from __future__ import annotations

import copy
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables._g_l_y_f import Glyph as TTGlyph

# Tables copied into each document's font; hinting is dropped (no fpgm/prep/cvt).
SMALL_TABLES = ("head", "hhea", "maxp", "OS/2", "name")
LEAD = 4  # fontTools' "recommended glyphs" (.notdef, .null, CR, space) lead every subset
# Tables that make a font something other than plain outlines (colour, bitmaps):
# such fonts are left to fpdf2's own add_font.
NOT_PLAIN = ("COLR", "SVG ", "CBDT", "sbix", "EBDT")


def glyph_name(gid: int) -> str:
    return ".notdef" if gid == 0 else f"g{gid}"


def glyph_id(name: str) -> int:
    return 0 if name == ".notdef" else int(name[1:])


class _Namer:
    """What fontTools' composite glyph code asks of a glyf table: names of glyph ids."""

    extended = False

    @staticmethod
    def getGlyphName(gid: int) -> str:
        return glyph_name(gid)


NAMER = _Namer()


def kind_of(font: TTFont, path: Path) -> str:
    """How a face (opened lazily) is printed: "glyf", from a TrueTypeSource; "reopen",
    CFF outlines parsed once by fpdf2 and subset from the file; "plain", left to
    fpdf2's add_font (a symbol font without a Unicode map, compressed, colour or bitmap
    glyphs). Glyph ids stand in for glyph names from here on (none decoded)."""
    font.setGlyphOrder(range(font["maxp"].numGlyphs))
    compressed = path.suffix.lower() in (".woff", ".woff2")
    if compressed or not font.getBestCmap() or any(tag in font for tag in NOT_PLAIN):
        return "plain"
    return "glyf" if "glyf" in font and "loca" in font else "reopen"


def stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


class TrueTypeSource:
    """One TrueType face, read once: character map, metrics, outline offsets."""

    def __init__(self, path: Path, index: int, font: TTFont) -> None:
        """font: the face opened lazily from path, found "glyf" by kind_of (which made
        glyph ids stand in for names: its cmap is {code point: glyph id}); read here,
        closed by the caller."""
        self.path, self.index = path, index
        self.stamp = stamp(path)
        count = self.count = font["maxp"].numGlyphs
        self.gids = GlyphIds(font.getBestCmap() or {})
        self.loca = font["loca"].locations
        self.glyf_offset = font.reader.tables["glyf"].offset
        self.advances, self.bearings = _metrics(
            font.reader["hmtx"], font["hhea"].numberOfHMetrics, count
        )
        self.tables = {tag: font[tag] for tag in SMALL_TABLES}
        self.tables["post"] = _post_without_names(font.reader["post"], font)
        self.scale = 1000 / self.tables["head"].unitsPerEm
        # the simple outlines printed so far, without hinting: trimming an outline is
        # most of the cost of a document's font, and a counter prints the same few
        # thousand characters all day (well under 1 MB)
        self.printed: dict[int, bytes] = {}

    def changed_on_disk(self) -> bool:
        try:
            return stamp(self.path) != self.stamp
        except OSError:
            return True

    # --- what fpdf2 reads while laying out text --------------------------------------

    def names(self) -> Mapping[int, str]:
        """{code point: glyph name} for every character of the font (fpdf2's .cmap)."""
        return _CodepointNames(self.gids)

    def widths(self, default: float) -> dict[int, float]:
        """fpdf2's .cw: width in 1/1000 em per code point, default for missing ones."""
        return _Widths(self, default)

    # --- a document's font ---------------------------------------------------------------

    def document_font(self, glyphs: Iterable[tuple[str, tuple[int, ...]]]) -> TTFont:
        """A new in-memory TrueType font with just these (glyph name, code points).

        The names are those of :meth:`names`; composite glyphs bring their parts.
        """
        cmap: dict[int, str] = {}
        wanted = list(range(min(LEAD, self.count)))
        for name, codepoints in glyphs:
            wanted.append(glyph_id(name))
            if len(codepoints) == 1 and codepoints[0] > 0:
                cmap[codepoints[0]] = name
        outlines: dict[int, TTGlyph] = {}
        with self.path.open("rb") as fh:
            while wanted:
                gid = wanted.pop()
                if gid in outlines or not 0 <= gid < self.count:
                    continue
                ready = self.printed.get(gid)
                if ready is not None:  # a simple outline trimmed for an earlier document
                    outlines[gid] = TTGlyph(ready)
                    continue
                outline = TTGlyph(self._outline_data(fh, gid))
                wanted.extend(map(glyph_id, outline.getComponentNames(NAMER)))
                outlines[gid] = _trimmed(outline)
                if not outline.isComposite() and hasattr(outline, "data"):
                    self.printed[gid] = outline.data
        order = sorted(outlines)
        names = [glyph_name(gid) for gid in order]

        font = TTFont(recalcBBoxes=False, recalcTimestamp=False)
        font.setGlyphOrder(names)
        for tag, table in self.tables.items():
            # shallow: fontTools' subsetter and compiler set attributes and rebind
            # lists on these tables, they do not change the values in place
            font[tag] = copy.copy(table)
        font["name"].names = list(font["name"].names)
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder = names
        glyf.glyphs = {glyph_name(gid): outlines[gid] for gid in order}
        hmtx = font["hmtx"] = newTable("hmtx")
        hmtx.metrics = {glyph_name(gid): (self.advances[gid], self.bearings[gid]) for gid in order}
        font["cmap"] = _cmap_table(cmap)
        return font

    def _outline_data(self, fh: BinaryIO, gid: int) -> bytes:
        start, end = self.loca[gid], self.loca[gid + 1]
        if end <= start:
            return b""  # an empty glyph (space)
        fh.seek(self.glyf_offset + start)
        return fh.read(end - start)


class GlyphIds(Mapping):
    """{code point: glyph id} of the characters the font has (fpdf2's .glyph_ids).

    The Basic Multilingual Plane, where all of Chinese printing lives, is one array of
    65,536 glyph ids (0: no glyph), 128 KB instead of a ~3 MB dict of 30,000 ints; the
    few characters beyond it stay in a dict. Iterates in code point order, as the
    font's cmap does.
    """

    __slots__ = ("_beyond", "_bmp", "_len")

    def __init__(self, cmap: dict[int, int]) -> None:
        self._bmp = array("H", bytes(2 * 0x10000))
        self._beyond: dict[int, int] = {}
        for codepoint, gid in cmap.items():
            if codepoint <= 0xFFFF:
                self._bmp[codepoint] = gid
            else:
                self._beyond[codepoint] = gid
        self._len = len(cmap)

    def get(self, codepoint: int, default: int | None = None) -> int | None:  # type: ignore[override]
        if 0 <= codepoint <= 0xFFFF:
            return self._bmp[codepoint] or default
        return self._beyond.get(codepoint, default)

    def __getitem__(self, codepoint: int) -> int:
        gid = self.get(codepoint) if isinstance(codepoint, int) else None
        if gid is None:
            raise KeyError(codepoint)
        return gid

    def __contains__(self, codepoint: object) -> bool:
        return isinstance(codepoint, int) and self.get(codepoint) is not None

    def __iter__(self) -> Iterator[int]:
        bmp = self._bmp
        yield from (codepoint for codepoint in range(0x10000) if bmp[codepoint])
        yield from sorted(self._beyond)

    def __len__(self) -> int:
        return self._len


class _CodepointNames(Mapping):
    """{code point: glyph name} computed from {code point: glyph id}."""

    __slots__ = ("_gids",)

    def __init__(self, gids: GlyphIds) -> None:
        self._gids = gids

    def __getitem__(self, codepoint: int) -> str:
        return glyph_name(self._gids[codepoint])

    def __contains__(self, codepoint: object) -> bool:
        return codepoint in self._gids

    def __iter__(self) -> Iterator[int]:
        return iter(self._gids)

    def __len__(self) -> int:
        return len(self._gids)


class _Widths(dict):
    """Widths filled in as characters are used (fpdf2's defaultdict, computed lazily).

    The same values fpdf2's TTFFont computes: round(scale * advance + 0.001),
    an advance of 0xFFFF counting as 0, the .notdef width for a missing character.
    """

    __slots__ = ("_default", "_source")

    def __init__(self, source: TrueTypeSource, default: float) -> None:
        super().__init__()
        self._source, self._default = source, default

    def __missing__(self, codepoint: int) -> float:
        source = self._source
        gid = source.gids.get(codepoint)
        if gid is None:
            width = self._default
        else:
            advance = source.advances[gid]
            width = round(source.scale * (0 if advance == 0xFFFF else advance) + 0.001)
        self[codepoint] = width
        return width


def _metrics(data: bytes, long_count: int, count: int) -> tuple[array, array]:
    """Advance widths (uint16) and left side bearings (int16) of every glyph, from hmtx."""
    pairs = array("H", data[: 4 * long_count])
    bearings_tail = array("h", data[4 * long_count : 4 * long_count + 2 * (count - long_count)])
    if sys.byteorder != "big":
        pairs.byteswap()
        bearings_tail.byteswap()
    advances = pairs[0::2]
    bearings = array("h", pairs[1::2].tobytes())  # same bits, read as signed
    advances.extend([advances[-1]] * (count - long_count))  # the last advance repeats
    bearings.extend(bearings_tail)
    bearings.extend([0] * (count - len(bearings)))  # a short table: 0, not a crash
    return advances, bearings


def _post_without_names(data: bytes, font: TTFont):
    """The post table's header (underline, italic angle, fixed pitch) as format 3."""
    post = newTable("post")
    post.decompile(b"\x00\x03\x00\x00" + data[4:32], font)
    post.__dict__.pop("glyphOrder", None)
    return post


def _trimmed(outline: TTGlyph) -> TTGlyph:
    if outline.isComposite():
        outline.expand(NAMER)  # component glyph ids -> names
    outline.trim(remove_hinting=True)
    return outline


def _cmap_table(mapping: dict[int, str]):
    table = newTable("cmap")
    table.tableVersion = 0
    bmp = CmapSubtable.newSubtable(4)
    bmp.platformID, bmp.platEncID, bmp.language = 3, 1, 0
    bmp.cmap = {u: n for u, n in mapping.items() if u <= 0xFFFF}
    table.tables = [bmp]
    if any(u > 0xFFFF for u in mapping):
        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = dict(mapping)
        table.tables.append(full)
    return table
