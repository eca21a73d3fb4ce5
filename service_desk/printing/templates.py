"""Form templates: TOML files in forms/, one per printed form, loaded and checked here.

A template is data the dealership may adjust without code: the title, the blocks in
order (fields, texts, the lines table, totals, clauses, lists, signature boxes) and
their labels in Chinese and English. Values name a path into the form's context,
e.g. "order.number" or "vehicle.plate".

Paper is "A4", "A5" or a label "label-<width>x<height>" in millimetres (the key tag:
"label-70x40"); labels get a compact header and no page numbers. A form sent to customers
(a letter) may leave its page numbers out: ``page_numbers = false``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service_desk import paths

BLOCK_TYPES = (
    "fields",
    "text",
    "lines",
    "table",
    "totals",
    "clauses",
    "list",
    "signatures",
    "note",
    "paragraph",  # running text with {context.path} placeholders (a letter's body)
    "diagram",
    "qr",
    "key_tags",  # one label per key on a hook (printing/key_forms.py)
)
ALIGNS = ("L", "C", "R")
PAPERS = ("A4", "A5")
_LABEL = re.compile(r"label-([0-9]{2,3})x([0-9]{2,3})\Z")
LABEL_MM = (20, 150)  # the smallest and largest side of a label


def label_size(paper: str) -> tuple[int, int] | None:
    """(width, height) in mm of a label paper such as "label-70x40"; None for A4/A5."""
    match = _LABEL.match(paper)
    return (int(match[1]), int(match[2])) if match else None


def paper_format(paper: str) -> str | tuple[float, float]:
    """The page format fpdf2 takes: "A4", "A5" or (width, height) in mm for a label."""
    if paper == "A5":  # by name fpdf2 2.8 warns that A5 was corrected in 2.8.5
        return (148.0, 210.0)
    size = label_size(paper)
    return paper if size is None else (float(size[0]), float(size[1]))


def _paper_ok(paper: object) -> bool:
    if paper in PAPERS:
        return True
    size = label_size(paper) if isinstance(paper, str) else None
    return size is not None and all(LABEL_MM[0] <= side <= LABEL_MM[1] for side in size)


class TemplateError(ValueError):
    pass


Label = dict[str, str]


def label_of(value: Any, where: str) -> Label:
    if isinstance(value, str):
        return {"zh": value, "en": value}
    if (
        isinstance(value, dict)
        and {"zh", "en"} <= set(value)
        and all(isinstance(v, str) for v in value.values())
    ):
        return {"zh": value["zh"], "en": value["en"]}
    raise TemplateError(f"{where}: a label is a string or {{ zh = …, en = … }}")


@dataclass(frozen=True)
class Item:
    label: Label
    value: str = ""
    width: float = 0.0
    align: str = "L"
    span: int = 1
    time: bool = False


@dataclass(frozen=True)
class Block:
    type: str
    label: Label | None = None
    value: str = ""
    columns: int = 2
    min_lines: int = 1
    items: tuple[Item, ...] = ()
    empty: Label | None = None
    size: float = 0.0  # mm, for drawn blocks (a QR code's side); 0: the block's default
    align: str = "L"


@dataclass(frozen=True)
class Template:
    kind: str
    title: Label
    paper: str = "A4"
    barcode: bool = True
    page_numbers: bool = True
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def is_label(self) -> bool:
        return label_size(self.paper) is not None


def _item(raw: dict[str, Any], where: str) -> Item:
    unknown = set(raw) - {"label", "value", "width", "align", "span", "time"}
    if unknown:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}")
    align = raw.get("align", "L")
    if align not in ALIGNS:
        raise TemplateError(f"{where}: align is one of {ALIGNS}")
    return Item(
        label=label_of(raw.get("label", ""), where),
        value=str(raw.get("value", "")),
        width=float(raw.get("width", 0)),
        align=align,
        span=int(raw.get("span", 1)),
        time=bool(raw.get("time", False)),
    )


def _block(raw: dict[str, Any], where: str) -> Block:
    kind = raw.get("type")
    if kind not in BLOCK_TYPES:
        raise TemplateError(f"{where}: type is one of {BLOCK_TYPES}")
    known = {"type", "label", "value", "columns", "min_lines", "items", "empty", "size", "align"}
    unknown = set(raw) - known
    if unknown:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("align", "L") not in ALIGNS:
        raise TemplateError(f"{where}: align is one of {ALIGNS}")
    items = tuple(_item(x, f"{where} item {i + 1}") for i, x in enumerate(raw.get("items", [])))
    if kind in ("fields", "lines", "table", "totals", "signatures") and not items:
        raise TemplateError(f"{where}: a {kind} block needs items")
    return Block(
        type=kind,
        label=label_of(raw["label"], where) if "label" in raw else None,
        value=str(raw.get("value", "")),
        columns=int(raw.get("columns", 2)),
        min_lines=int(raw.get("min_lines", 1)),
        items=items,
        empty=label_of(raw["empty"], where) if "empty" in raw else None,
        size=float(raw.get("size", 0)),
        align=raw.get("align", "L"),
    )


def parse(text: str, where: str) -> Template:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{where}: {exc}") from exc
    unknown = set(raw) - {"kind", "title", "paper", "barcode", "page_numbers", "block"}
    if unknown:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}")
    if not _paper_ok(raw.get("paper", "A4")):
        raise TemplateError(f"{where}: paper is A4, A5 or a label such as label-70x40 (mm)")
    blocks = tuple(_block(b, f"{where} block {i + 1}") for i, b in enumerate(raw.get("block", [])))
    return Template(
        kind=str(raw.get("kind", "")),
        title=label_of(raw.get("title", ""), where),
        paper=raw.get("paper", "A4"),
        barcode=bool(raw.get("barcode", True)),
        page_numbers=bool(raw.get("page_numbers", True)),
        blocks=blocks,
    )


def forms_dir() -> Path:
    return paths.install_root() / "forms"


@functools.cache
def load(kind: str) -> Template:
    path = forms_dir() / f"{kind}.toml"
    if not path.is_file():
        raise TemplateError(f"no template for {kind!r} in {path.parent}")
    template = parse(path.read_text(encoding="utf-8"), path.name)
    if template.kind != kind:
        raise TemplateError(f"{path.name}: kind is {template.kind!r}, expected {kind!r}")
    return template


def kinds() -> list[str]:
    return sorted(p.stem for p in forms_dir().glob("*.toml"))
