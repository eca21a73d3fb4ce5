"""The Chinese font of the printed forms: found once, parsed once per process.

Finding: the font set in settings, then ``resources/fonts/``, then the Windows
fonts (Microsoft YaHei, DengXian, SimHei, SimSun), then fontconfig on Linux
(Noto Sans CJK SC, Source Han Sans SC, WenQuanYi ...). Every candidate must
really map 中 and 文 and have outlines; in a .ttc collection without an
explicit ``#index`` the Simplified Chinese face is chosen by its name table
(Noto Sans CJK: index 2 is SC, index 0 is JP). Nothing found ->
:class:`FontMissingError` saying what to install.

Speed: fpdf2's ``add_font`` parses the whole font (cmap, widths, glyph table:
0.3-0.5 s for the 50,000-glyph WenQuanYi Micro Hei, per style) and
``output()`` subsets it with fontTools, decompiling the big tables again: about
1 s per form with "" and "B" registered. Here the font is parsed once per
process (:func:`_source`); each document gets a light ``TTFFont`` sharing the
parsed maps (:func:`_attach`), and at ``output()`` that font hands fpdf2 a tiny
in-memory font with only the glyphs the document used
(:meth:`_Source.document_font`), so fpdf2's own subsetting, ToUnicode map and
CIDToGIDMap run unchanged on a few hundred glyphs: ~15 ms per font and form.
The whole font stays available, so no character becomes a box because of a
pre-made subset (benchmarks/fonts_bench.py measures all this). CFF-outline
fonts (Noto Sans CJK .ttc/.otf) skip the re-parse but are subset by fpdf2 from
the file as usual.
"""

from __future__ import annotations

import copy
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fpdf
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables._g_l_y_f import Glyph as TTGlyph
from fpdf.enums import TextEmphasis
from fpdf.fonts import SubsetMap, TTFFont

from service_desk import paths
from service_desk.printing.errors import FontMissingError

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
PROBE = ("中", "文")  # U+4E2D, U+6587: a font without them is no Chinese font
WINDOWS_FONTS = (  # (file, face index) in %WINDIR%\Fonts, best first
    ("msyh.ttc", 0),  # Microsoft YaHei (Windows 8+)
    ("msyh.ttf", 0),  # Microsoft YaHei (Windows 7)
    ("Deng.ttf", 0),  # DengXian
    ("simhei.ttf", 0),  # SimHei
    ("simsun.ttc", 0),  # SimSun
)
# fontconfig families, best first; anything else with Chinese glyphs comes after.
FAMILY_RANK = (
    r"Noto Sans CJK",
    r"Source Han Sans",
    r"WenQuanYi Micro Hei",
    r"WenQuanYi Zen Hei",
    r"Droid Sans Fallback",
    r"Noto Serif CJK",
    r"Source Han Serif",
    r"AR PL",
)
_SC_NAME = re.compile(r"\b(SC|CN|GB|Simplified)\b|简", re.IGNORECASE)
_OTHER_CJK_NAME = re.compile(r"\b(JP|KR|TC|HK|J|K|Japanese|Korean|Traditional)\b|繁")
_MONO_NAME = re.compile(r"\bMono\b", re.IGNORECASE)
_LOCK = threading.RLock()  # one search and one parse per font, even from two threads


@dataclass(frozen=True)
class FontChoice:
    path: Path
    index: int  # face index inside a .ttc/.otc (0 for .ttf/.otf)
    name: str  # human-readable, e.g. "WenQuanYi Micro Hei"


# --- finding ---------------------------------------------------------------------------


def find_cjk_font(preferred: str | None = None) -> FontChoice:
    """The first usable Chinese font; searched once per process and preferred value.

    ``preferred`` is the font file from settings, optionally ``path#index`` for a
    face of a collection (``C:/Windows/Fonts/msyh.ttc#0``). A preferred font that
    is missing or not Chinese is logged and the search goes on.
    """
    with _LOCK:
        return _find_cached(preferred or None)


@lru_cache(maxsize=16)
def _find_cached(preferred: str | None) -> FontChoice:
    searched: list[str] = []
    sources = (
        lambda: _preferred_candidates(preferred),
        _resource_candidates,
        _windows_candidates,
        _fontconfig_candidates,
    )
    for source in sources:
        for path, index, origin in source():
            searched.append(f"{origin}: {path}" + ("" if index is None else f"#{index}"))
            choice = _usable(path, index)
            if choice is not None:
                log.info("Printing font: %s (%s#%d, %s)", choice.name, path, choice.index, origin)
                return choice
            if origin == "settings":
                log.warning("The font set in settings is not usable: %s", preferred)
    raise FontMissingError(searched)


Candidate = tuple[Path, "int | None", str]  # file, face index (None: choose), where from


def split_index(value: str) -> tuple[Path, int | None]:
    """'C:/Windows/Fonts/msyh.ttc#1' -> (path, 1); no suffix -> (path, None)."""
    head, sep, tail = value.strip().rpartition("#")
    if sep and tail.strip().isdigit():
        return Path(head), int(tail)
    return Path(value.strip()), None


def _preferred_candidates(preferred: str | None) -> Iterator[Candidate]:
    if preferred:
        path, index = split_index(preferred)
        yield path.expanduser(), index, "settings"


def _resource_font_dir() -> Path:
    return paths.resource("fonts")


def _resource_candidates() -> Iterator[Candidate]:
    folder = _resource_font_dir()
    if folder.is_dir():
        for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
            if path.suffix.lower() in FONT_SUFFIXES:
                yield path, None, "resources/fonts"


def _windows_fonts_dir() -> Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    return Path(windir) / "Fonts" if windir else None


def _windows_candidates() -> Iterator[Candidate]:
    folder = _windows_fonts_dir()
    if folder is None:
        return
    for name, index in WINDOWS_FONTS:
        yield folder / name, index, "Windows fonts"


def _fc_query(args: list[str]) -> str:
    """Output of a fontconfig tool, '' when it is missing or fails."""
    if shutil.which(args[0]) is None:
        return ""
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, encoding="utf-8", timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("%s failed: %s", args[0], exc)
        return ""
    return done.stdout if done.returncode == 0 else ""


def _fc_rank(families: str) -> int:
    for rank, pattern in enumerate(FAMILY_RANK):
        if re.search(pattern, families, re.IGNORECASE):
            return rank
    return len(FAMILY_RANK)


def _fontconfig_candidates() -> Iterator[Candidate]:
    if sys.platform == "win32":
        return
    fmt = "%{file}\t%{index}\t%{family}\n"
    listed = _fc_query(["fc-list", "--format", fmt, ":lang=zh"])
    best: dict[str, int] = {}  # file -> best family rank; each file once
    for line in listed.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0]:
            best[parts[0]] = min(best.get(parts[0], 99), _fc_rank(parts[2]))
    for file in sorted(best, key=lambda f: (best[f], f)):
        # The face is chosen by its name table, not by fontconfig's index.
        yield Path(file), None, "fontconfig"
    matched = _fc_query(["fc-match", "--format", fmt, "sans-serif:lang=zh-cn"])
    for line in matched.splitlines():
        file = line.split("\t")[0]
        if file and file not in best:
            yield Path(file), None, "fontconfig"


def _usable(path: Path, index: int | None) -> FontChoice | None:
    """The face of path to print with, or None when it is no usable Chinese font."""
    if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file():
        return None
    try:
        faces = [index] if index is not None else _faces_best_first(path)
        for face in faces:
            choice = _verify(path, face)
            if choice is not None:
                return choice
    except Exception as exc:  # a damaged font file must not stop the search
        log.warning("Cannot read font %s: %s", path, exc)
    return None


def _face_count(path: Path) -> int:
    with path.open("rb") as fh:
        head = fh.read(12)
    if head[:4] == b"ttcf":
        return struct.unpack(">I", head[8:12])[0]
    return 1


def _face_names(font: TTFont) -> str:
    table = font["name"]
    names = {str(r.toUnicode()) for r in table.names if r.nameID in (1, 4, 16)}
    return " | ".join(sorted(names))


def _faces_best_first(path: Path) -> list[int]:
    """Face indices of a collection, Simplified Chinese first, then in file order."""
    count = _face_count(path)
    if count == 1:
        return [0]
    scored = []
    for face in range(count):
        with _open_face(path, face) as font:
            names = _face_names(font)
        score = (
            (2 if _SC_NAME.search(names) else 0)
            - (2 if _OTHER_CJK_NAME.search(names) else 0)
            - (1 if _MONO_NAME.search(names) else 0)
        )
        scored.append((-score, face))
    return [face for _, face in sorted(scored)]


@contextmanager
def _open_face(path: Path, index: int) -> Iterator[TTFont]:
    """A lazily read face; the file is closed afterwards even when it is no font."""
    with path.open("rb") as fh:
        yield TTFont(fh, fontNumber=index, lazy=True)


def _verify(path: Path, index: int) -> FontChoice | None:
    with _open_face(path, index) as font:
        if not any(tag in font for tag in ("glyf", "CFF ", "CFF2")):
            return None
        # Placeholder glyph names: decoding the real ones (post table) costs ~0.1 s
        # on a 50,000-glyph font, and only the presence of the characters matters.
        font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
        cmap = font.getBestCmap() or {}
        if not all(ord(ch) in cmap for ch in PROBE):
            return None
        name = font["name"].getBestFamilyName() or path.stem
        return FontChoice(path=path, index=index, name=str(name))


@lru_cache(maxsize=16)
def find_bold_face(choice: FontChoice) -> FontChoice | None:
    """The bold face belonging to choice (msyh.ttc -> msyhbd.ttc, *-Regular -> *-Bold)."""
    stem, suffix = choice.path.stem, choice.path.suffix
    names = [f"{stem}bd", f"{stem}-Bold", f"{stem}_Bold", f"{stem}Bold"]
    if re.search("regular", stem, re.IGNORECASE):
        names.insert(0, re.sub("regular", "Bold", stem, flags=re.IGNORECASE))
    for name in names:
        path = choice.path.with_name(name + suffix)
        if not path.is_file():
            continue
        try:
            faces = [choice.index, *_faces_best_first(path)]
            for face in dict.fromkeys(faces):
                if face >= _face_count(path):
                    continue
                bold = _verify(path, face)
                if bold is not None and _weight(path, face) >= 600:
                    return bold
        except Exception as exc:
            log.warning("Cannot read font %s: %s", path, exc)
    return None


def _weight(path: Path, index: int) -> int:
    with _open_face(path, index) as font:
        return int(font["OS/2"].usWeightClass) if "OS/2" in font else 400


# --- registering ----------------------------------------------------------------------


def add_cjk_font(pdf: fpdf.FPDF, choice: FontChoice | None = None, family: str = "cjk") -> None:
    """Register the Chinese font on pdf as ``family`` for styles "" and "B".

    "B" is the bold face next to the font file when there is one (msyhbd.ttc for
    msyh.ttc), else the regular face again (the text then prints regular).
    The font is parsed on the first call in the process; later calls cost ~1 ms.
    """
    choice = choice or find_cjk_font()
    bold = find_bold_face(choice)
    family = family.lower()
    for style, face in (("", choice), ("B", bold or choice)):
        source = _source(face)
        fontkey = family + style
        if fontkey in pdf.fonts:
            log.warning("Font %s already registered on this document", fontkey)
        elif source.kind == "plain":
            pdf.add_font(family, style, str(face.path), collection_font_number=face.index)
        else:
            _attach(pdf, source, fontkey, style)


def preload(choice: FontChoice | None = None) -> None:
    """Parse the font now (e.g. in a worker thread at start-up), not at the first print."""
    choice = choice or find_cjk_font()
    _source(choice)
    bold = find_bold_face(choice)
    if bold is not None:
        _source(bold)


def cache_info():
    """functools cache statistics of the parsed fonts (one miss per font and process)."""
    return _source_cached.cache_info()


def clear_caches() -> None:
    """Forget found and parsed fonts (tests; a font file replaced while running)."""
    with _LOCK:
        _find_cached.cache_clear()
        _source_cached.cache_clear()
        find_bold_face.cache_clear()


def _source(choice: FontChoice) -> _Source:
    with _LOCK:
        return _source_cached(choice)


@lru_cache(maxsize=8)
def _source_cached(choice: FontChoice) -> _Source:
    _check_fpdf_internals()
    return _Source(choice)


class _Source:
    """One font parsed once per process: fpdf2's TTFFont as template + its fontTools font.

    kind "glyf": TrueType outlines; each document embeds a tiny font built from
    the glyphs it used (document_font). kind "reopen": CFF (OpenType) outlines;
    each document reopens the file for fpdf2 to subset (no re-parse of cmap and
    widths, but the subsetting is fpdf2's usual cost). kind "plain": colour or
    symbol fonts, left entirely to pdf.add_font().
    """

    # Tables copied into each document's font; hinting is dropped (no fpgm/prep/cvt).
    SMALL_TABLES = ("head", "hhea", "maxp", "OS/2", "name", "post")

    def __init__(self, choice: FontChoice) -> None:
        self.choice = choice
        scratch = fpdf.FPDF()
        scratch.add_font("source", "", str(choice.path), collection_font_number=choice.index)
        template = scratch.fonts["source"]
        assert isinstance(template, TTFFont)
        self.template = template
        master = template.ttfont
        self.master = master
        if template.color_font is not None or template.is_symbol or template.is_compressed:
            self.kind = "plain"
        elif "glyf" in master:
            self.kind = "glyf"
            for tag in (*self.SMALL_TABLES, "hmtx", "loca", "glyf", "cmap"):
                master[tag]  # load now: the file is closed below
            self.glyf = master["glyf"]
            self.hmtx = master["hmtx"].metrics
            self.order = master.getGlyphOrder()
            self.gid = master.getReverseGlyphMap()
            # fontTools' "recommended glyphs" (.notdef, .null, CR, space) lead every subset
            self.lead = self.order[:4]
        else:
            self.kind = "reopen"
        master.close()
        log.debug("Parsed font %s#%d (%s)", choice.path, choice.index, self.kind)

    def document_font(self, glyphs: Iterable[tuple[str, tuple[int, ...]]]) -> TTFont:
        """A new in-memory TrueType font with just these (glyph name, unicodes).

        Glyph names and outlines are the master's, so fpdf2's subset map (built
        from the master's cmap) stays valid; composite glyphs bring their parts.
        """
        if self.kind != "glyf":
            return TTFont(
                str(self.choice.path),
                fontNumber=self.choice.index,
                lazy=True,
                recalcTimestamp=False,
            )
        glyf = self.glyf
        cmap: dict[int, str] = {}
        wanted = list(self.lead)
        for name, unicodes in glyphs:
            wanted.append(name)
            if len(unicodes) == 1 and unicodes[0] > 0:
                cmap[unicodes[0]] = name
        names: set[str] = set()
        while wanted:
            name = wanted.pop()
            if name not in names and name in glyf.glyphs:
                names.add(name)
                wanted.extend(glyf.glyphs[name].getComponentNames(glyf))
        order = sorted(names, key=self.gid.__getitem__)

        font = TTFont(recalcBBoxes=False, recalcTimestamp=False)
        font.setGlyphOrder(order)
        for tag in self.SMALL_TABLES:
            # shallow: fontTools' subsetter and compiler set attributes and rebind
            # lists on these tables, they do not change the values in place
            font[tag] = copy.copy(self.master[tag])
        font["name"].names = list(font["name"].names)
        post = font["post"]
        post.formatType = 3.0  # no glyph names stored; fpdf2's subsetting drops them anyway
        for attr in ("mapping", "extraNames", "glyphOrder"):
            post.__dict__.pop(attr, None)
        font["loca"] = newTable("loca")
        new_glyf = font["glyf"] = newTable("glyf")
        new_glyf.glyphOrder = order
        new_glyf.glyphs = {name: self._glyph_copy(name) for name in order}
        hmtx = font["hmtx"] = newTable("hmtx")
        hmtx.metrics = {name: self.hmtx[name] for name in order}
        font["cmap"] = _cmap_table(cmap)
        return font

    def _glyph_copy(self, name: str) -> TTGlyph:
        master_glyph = self.glyf.glyphs[name]
        data = getattr(master_glyph, "data", None)
        if data is None:  # empty, or already expanded in the master
            glyph = copy.deepcopy(master_glyph)
        else:
            glyph = TTGlyph(data)
            if struct.unpack(">h", data[:2])[0] < 0:
                # composite: resolve component glyph ids to names in the master
                glyph.expand(self.glyf)
        glyph.trim(remove_hinting=True)
        return glyph


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


# --- the one place that knows fpdf2's internals -------------------------------------------

# fpdf2 has no public way to share a parsed font between FPDF instances, so
# _attach() builds the per-document TTFFont itself, slot by slot, and _DocFont
# swaps in a tiny font when output() reads .ttfont. Checked against the fpdf2
# versions below (TTFFont slots, SubsetMap(font), FPDF.fonts, output's
# _add_fonts reading font.subset then font.ttfont): anything else fails loudly.
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
    {"i", "fontkey", "emphasis", "cw", "desc", "subset", "missing_glyphs", "biggest_size_pt",
     "_hbfont", "ttfont"}
)  # fmt: skip


def _check_fpdf_internals() -> None:
    version = tuple(int(p) for p in re.findall(r"\d+", fpdf.FPDF_VERSION)[:3])
    slots = frozenset(TTFFont.__slots__)
    if not (FPDF_TESTED[0] <= version < FPDF_TESTED[1]) or slots != TTFFONT_SLOTS:
        raise RuntimeError(
            f"fpdf2 {fpdf.FPDF_VERSION} is not the version service_desk.printing.fonts was "
            f"written for ({'.'.join(map(str, FPDF_TESTED[0]))} up to, not including, "
            f"{'.'.join(map(str, FPDF_TESTED[1]))}); TTFFont slots changed: "
            f"{sorted(slots ^ TTFFONT_SLOTS)}. Re-check _attach()/_DocFont against the new "
            "fpdf2 source or pin fpdf2."
        )


class _DocFont(TTFFont):
    """A document's copy of a font parsed once: shares the maps, owns the subset."""

    __slots__ = ("_doc_ttfont", "_shaping", "_source")

    @property  # type: ignore[override]
    def ttfont(self) -> TTFont:
        # fpdf2 reads .ttfont at output() to subset, embed and close it; while
        # text shaping it only looks up glyph names and widths of the master.
        if self._shaping:
            return self._source.master
        if self._doc_ttfont is None:
            used = [
                (glyph.glyph_name, _codepoints(glyph.unicode))
                for glyph, _ in self.subset.items()
                if glyph is not None
            ]
            self._doc_ttfont = self._source.document_font(used)
        return self._doc_ttfont

    @ttfont.setter
    def ttfont(self, value: TTFont) -> None:
        self._doc_ttfont = value

    def shape_text(self, *args, **kwargs):
        self._shaping = True
        try:
            return super().shape_text(*args, **kwargs)
        finally:
            self._shaping = False

    def __deepcopy__(self, memo: dict) -> _DocFont:
        # fpdf2's unbreakable() deep-copies the document; keep sharing the parsed maps.
        dup = _DocFont.__new__(_DocFont)
        memo[id(self)] = dup
        _share_slots(self, dup)
        dup.i, dup.fontkey, dup.emphasis = self.i, self.fontkey, self.emphasis
        dup.cw = copy.copy(self.cw)
        dup.desc = copy.copy(self.desc)
        dup.missing_glyphs = list(self.missing_glyphs)
        dup.biggest_size_pt = self.biggest_size_pt
        dup._hbfont = None
        dup._source, dup._doc_ttfont, dup._shaping = self._source, None, False
        dup.subset = copy.deepcopy(self.subset, memo)
        return dup


def _codepoints(unicode: int | tuple[int, ...]) -> tuple[int, ...]:
    return unicode if isinstance(unicode, tuple) else (unicode,)


def _share_slots(origin: TTFFont, target: TTFFont) -> None:
    """Copy the references of the immutable / read-only slots (unset ones stay unset)."""
    for slot in TTFFONT_SLOTS - PER_DOCUMENT:
        if hasattr(origin, slot):
            setattr(target, slot, getattr(origin, slot))


def _attach(pdf: fpdf.FPDF, source: _Source, fontkey: str, style: str) -> _DocFont:
    """What pdf.add_font() does, without parsing: a _DocFont in pdf.fonts."""
    template = source.template
    font = _DocFont.__new__(_DocFont)
    _share_slots(template, font)
    font.i = len(pdf.fonts) + 1
    font.fontkey = fontkey
    font.emphasis = TextEmphasis.coerce(style)
    font.cw = copy.copy(template.cw)  # a defaultdict: reading a missing key inserts
    font.desc = copy.copy(template.desc)  # output() sets its name, file and object id
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font._source, font._doc_ttfont, font._shaping = source, None, False
    font.subset = SubsetMap(font)
    pdf.fonts[fontkey] = font
    if font.is_cff and font.is_cid_keyed:  # as add_font() does
        pdf._set_min_pdf_version("1.6")
    return font


__all__ = [
    "FontChoice",
    "FontMissingError",
    "add_cjk_font",
    "cache_info",
    "clear_caches",
    "find_bold_face",
    "find_cjk_font",
    "preload",
    "split_index",
]
