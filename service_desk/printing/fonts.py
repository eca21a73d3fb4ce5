"""The Chinese font of the printed forms: found once, parsed once per process.

Finding: the font set in settings, then ``resources/fonts/``, then the Windows
fonts (Microsoft YaHei, DengXian, SimHei, SimSun), then fontconfig on Linux
(Noto Sans CJK SC, Source Han Sans SC, WenQuanYi ...). Every candidate must
really map 中 and 文 and have outlines; in a .ttc collection without an
explicit ``#index`` the Simplified Chinese face is chosen by its name table
(Noto Sans CJK: index 2 is SC, index 0 is JP). Nothing found ->
:class:`FontMissingError` saying what to install.

Reading: fpdf2's ``add_font`` parses the whole font (cmap, widths, glyph table:
0.3-0.5 s and ~65 MB of memory for the 50,000-glyph WenQuanYi Micro Hei or
Microsoft YaHei, per style) and ``output()`` subsets it with fontTools,
decompiling the big tables again. Here a TrueType font is read once per process
into compact arrays (printing/font_source.py: ~0.1 s, a few MB); each document
gets a light ``TTFFont`` sharing them (printing/fpdf_fonts.py), and at
``output()`` that font hands fpdf2 a tiny in-memory font with only the glyphs the
document used, so fpdf2's own subsetting, ToUnicode map and CIDToGIDMap run
unchanged on a few hundred glyphs: ~15 ms per font and form. The whole font stays
available, so no character becomes a box because of a pre-made subset
(benchmarks/fonts_bench.py measures all this). CFF-outline fonts (Noto Sans CJK
.ttc/.otf) are parsed once by fpdf2 and subset from the file as usual; colour,
bitmap, symbol and compressed fonts are left entirely to ``add_font``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fpdf
from fontTools.ttLib import TTFont

from service_desk import paths
from service_desk.printing.errors import FontMissingError
from service_desk.printing.font_source import TrueTypeSource, kind_of
from service_desk.printing.fpdf_fonts import Parsed, attach, check_fpdf_internals

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
    The font is read on the first call in the process; later calls cost ~1 ms.
    """
    choice = choice or find_cjk_font()
    bold = find_bold_face(choice)
    family = family.lower()
    for style, face in (("", choice), ("B", bold or choice)):
        parsed = _source(face)
        fontkey = family + style
        if fontkey in pdf.fonts:
            log.warning("Font %s already registered on this document", fontkey)
        elif parsed is None:
            pdf.add_font(family, style, str(face.path), collection_font_number=face.index)
        else:
            attach(pdf, parsed, fontkey, style)


def preload(choice: FontChoice | None = None) -> None:
    """Read the font now (e.g. in a worker thread at start-up), not at the first print."""
    choice = choice or find_cjk_font()
    _source(choice)
    bold = find_bold_face(choice)
    if bold is not None:
        _source(bold)


def cache_info():
    """functools cache statistics of the read fonts (one miss per font and process)."""
    return _source_cached.cache_info()


def clear_caches() -> None:
    """Forget found and read fonts (tests; a font file replaced while running)."""
    with _LOCK:
        _find_cached.cache_clear()
        _source_cached.cache_clear()
        find_bold_face.cache_clear()


def _source(choice: FontChoice) -> Parsed | None:
    """The font read once per process; None: a font left to fpdf2's add_font."""
    with _LOCK:
        parsed = _source_cached(choice)
        if parsed is not None and parsed.changed_on_disk():
            log.info("Font file changed on disk, reading it again: %s", choice.path)
            _source_cached.cache_clear()
            parsed = _source_cached(choice)
        return parsed


@lru_cache(maxsize=8)
def _source_cached(choice: FontChoice) -> Parsed | None:
    check_fpdf_internals()
    path, index = choice.path, choice.index
    with path.open("rb") as fh:
        font = TTFont(fh, fontNumber=index, lazy=True)
        kind = kind_of(font, path)
        if kind == "glyf":
            log.debug("Read font %s#%d (TrueType outlines)", path, index)
            return Parsed.truetype(TrueTypeSource(path, index, font))
    log.debug("Font %s#%d: %s", path, index, kind)
    return Parsed.reopened(path, index) if kind == "reopen" else None


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
