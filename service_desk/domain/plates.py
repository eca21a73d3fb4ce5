"""The province part of a plate, picked by typing: the character, the pinyin of its
abbreviation (皖 wan) or of the province's name (Anhui). Pure Python.

`candidates("w")` is ["皖"], and `pick("wan")` settles on it by itself (a whole pinyin of
one province), while "w" waits for Enter as an input method would — otherwise the plate's
own letters typed next (皖A…) would be read as more pinyin.
`candidates("ji")` is every province a counter might mean
("ji" is 冀 and 吉, and the start of 京 jing, 津 jin, 晋 jin, 江苏, 江西 …), ranked:
an exact abbreviation first, then the provinces the caller prefers (the dealer's own,
those picked lately), then those whose abbreviation starts with what was typed, then the
traditional order. The special prefixes (使 embassy, WJ armed police) are only matched by
their whole key, so that "w" stays 皖.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service_desk.domain.validation import PROVINCES

DEFAULT_PROVINCE = "皖"  # an Anhui dealer; the counter's own is passed in where known


@dataclass(frozen=True)
class Province:
    mark: str  # what the plate starts with: 皖, 使, WJ
    abbreviation: str  # pinyin of the mark: wan
    names: tuple[str, ...] = ()  # pinyin of the province's name(s): anhui
    special: bool = False  # only its whole key selects it


_TABLE = (
    ("京", "jing", ("beijing",)),
    ("津", "jin", ("tianjin",)),
    ("沪", "hu", ("shanghai",)),
    ("渝", "yu", ("chongqing",)),
    ("冀", "ji", ("hebei",)),
    ("豫", "yu", ("henan",)),
    ("云", "yun", ("yunnan", "dian")),
    ("辽", "liao", ("liaoning",)),
    ("黑", "hei", ("heilongjiang",)),
    ("湘", "xiang", ("hunan",)),
    ("皖", "wan", ("anhui",)),
    ("鲁", "lu", ("shandong",)),
    ("新", "xin", ("xinjiang",)),
    ("苏", "su", ("jiangsu",)),
    ("浙", "zhe", ("zhejiang",)),
    ("赣", "gan", ("jiangxi",)),
    ("鄂", "e", ("hubei",)),
    ("桂", "gui", ("guangxi",)),
    ("甘", "gan", ("gansu",)),
    ("晋", "jin", ("shanxi",)),
    ("蒙", "meng", ("neimenggu", "neimeng")),
    ("陕", "shan", ("shaanxi",)),
    ("吉", "ji", ("jilin",)),
    ("闽", "min", ("fujian",)),
    ("贵", "gui", ("guizhou",)),
    ("粤", "yue", ("guangdong",)),
    ("青", "qing", ("qinghai",)),
    ("藏", "zang", ("xizang",)),
    ("川", "chuan", ("sichuan",)),
    ("宁", "ning", ("ningxia",)),
    ("琼", "qiong", ("hainan",)),
)

PROVINCE_LIST: tuple[Province, ...] = tuple(Province(m, a, n) for m, a, n in _TABLE)
SPECIALS: tuple[Province, ...] = (
    Province("使", "shi", ("shiguan",), special=True),
    Province("WJ", "wj", ("wujing",), special=True),
)
ALL: tuple[Province, ...] = PROVINCE_LIST + SPECIALS
_BY_MARK = {p.mark: p for p in ALL}
_ORDER = {p.mark: i for i, p in enumerate(ALL)}

assert "".join(p.mark for p in PROVINCE_LIST) == PROVINCES  # the same 31, the same order


def is_mark(text: str) -> bool:
    return text in _BY_MARK


def _key(text: str) -> str:
    return "".join(text.split()).lower()


def _matches(p: Province, typed: str) -> bool:
    if p.special:
        return typed in (p.abbreviation, *p.names)
    return any(key.startswith(typed) for key in (p.abbreviation, *p.names))


def candidates(typed: str, preferred: Sequence[str] = ()) -> list[str]:
    """The marks typed text may mean, best first; [] when it means none."""
    text = "".join(typed.split())
    if not text:
        return []
    if text in _BY_MARK:
        return [text]
    if text[0] in _BY_MARK:  # a character typed (or a whole plate): its first one
        return [text[0]]
    key = _key(text)
    if key.upper() == "WJ":
        return ["WJ"]
    if not key.isascii() or not key.isalpha():
        return []
    found = [p for p in ALL if _matches(p, key)]
    rank = {mark: i for i, mark in enumerate(preferred)}

    def order(p: Province) -> tuple[int, int, int, int]:
        return (
            p.abbreviation != key,  # exactly its abbreviation: hu is 沪 before 湖南, 湖北
            rank.get(p.mark, len(rank)),
            not p.abbreviation.startswith(key),
            _ORDER[p.mark],
        )

    return [p.mark for p in sorted(found, key=order)]


def pick(typed: str, preferred: Sequence[str] = ()) -> str | None:
    """The mark typed text settles on by itself: a character, or the whole pinyin of one
    province only (wan, su, anhui). A part of one (w) or a pinyin several share (ji, hu)
    waits to be confirmed, as an input method does: None."""
    found = candidates(typed, preferred)
    if len(found) != 1:
        return None
    text = "".join(typed.split())
    key = _key(text)
    p = _BY_MARK[found[0]]
    whole = text in _BY_MARK or text[0] in _BY_MARK or key.upper() == "WJ"
    return found[0] if whole or key in (p.abbreviation, *p.names) else None


def split(plate: str) -> tuple[str, str]:
    """皖B12345 -> ("皖", "B12345"); WJ皖12345 -> ("WJ", "皖12345"); B12345 -> ("", "B12345")."""
    text = "".join(plate.split())
    if text[:2].upper() == "WJ":
        return "WJ", text[2:]
    if text[:1] in _BY_MARK:
        return text[:1], text[1:]
    return "", text


def usual(plates: Iterable[str], default: str = DEFAULT_PROVINCE) -> str:
    """The province most plates start with (the counter's own), else default."""
    counts: dict[str, int] = {}
    for plate in plates:
        mark, _rest = split(plate)
        if mark and mark in PROVINCES:
            counts[mark] = counts.get(mark, 0) + 1
    if not counts:
        return default
    return max(counts, key=lambda mark: (counts[mark], mark == default))
