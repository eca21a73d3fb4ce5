"""The damage diagram on paper: the car outline with the numbered, coded marks, a key of
the symbols, and beside it the lists that explain it.

A template block ``type = "diagram"``:

- ``value``: the marks in the context ("checkin.marks" by default): dicts with no, code,
  view, x, y (domain/car_outline.py coordinates);
- ``columns``: the layout of the views (car_outline.arrange): 2 = left | right over
  top | key (default), 3 = one strip, 1 = stacked;
- ``size``: the drawing's width in mm (default: the full width for a strip, else 64 %);
- ``items``: lists printed beside the drawing, each ``{ label = heading, value = path }``;
  entries that are marks get their symbol and number, text entries are numbered; a list
  that is empty is left out, and when all are, ``empty`` is printed. Without items, the
  marks themselves are listed. A strip over the full width has the key under it.

Drawn with fpdf2 lines only, the same polylines the screen paints, so a mark sits on the
same spot of the same drawing on screen and on paper.
"""

from __future__ import annotations

from typing import Any

from fpdf.enums import WrapMode

from service_desk.domain import car_outline
from service_desk.domain.checkin import DAMAGE_CODES, DAMAGE_NAMES
from service_desk.printing.render import FONT, MARGIN, FormPDF, register_block, value_at
from service_desk.printing.templates import Block, Item

OUTLINE_GREY = 70
FRAME_GREY = 200
MARK_RGB = (200, 30, 30)
DEFAULT_SHARE = 0.64
KEY_H = 5.0
ASIDE_GAP = 4.0
ASIDE_MIN = 40.0  # narrower than this, nothing is listed beside the drawing
LINE_H = 4.2


def _symbol(pdf: FormPDF, code: str, x: float, y: float, radius: float) -> None:
    for line in car_outline.MARK_SYMBOLS.get(code, car_outline.MARK_SYMBOLS["dent"]):
        pdf.polyline([(x + px * radius, y + py * radius) for px, py in line])


def _pen(pdf: FormPDF, grey_or_rgb: int | tuple[int, int, int], width: float) -> None:
    if isinstance(grey_or_rgb, tuple):
        pdf.set_draw_color(*grey_or_rgb)
    else:
        pdf.set_draw_color(grey_or_rgb)
    pdf.set_line_width(width)


def _names(pdf: FormPDF, pair: tuple[str, str]) -> str:
    return pair[0] if pdf.lang == "zh" else pair[1]


class _Drawing:
    """A canvas placed on the page at (left, top), scale mm per drawing unit."""

    def __init__(self, canvas: car_outline.Canvas, left: float, top: float, scale: float):
        self.canvas, self.left, self.top, self.scale = canvas, left, top, scale

    def point(self, cx: float, cy: float) -> tuple[float, float]:
        return self.left + cx * self.scale, self.top + cy * self.scale

    @property
    def height(self) -> float:
        return self.canvas.height * self.scale

    def views(self, pdf: FormPDF) -> None:
        canvas = self.canvas
        _pen(pdf, FRAME_GREY, 0.15)
        pdf.rect(self.left, self.top, canvas.width * self.scale, self.height)
        pdf.set_font(FONT, size=7)
        for view, box in canvas.boxes.items():
            outline = car_outline.OUTLINE[view]
            _pen(pdf, OUTLINE_GREY, 0.2)
            for line in outline.lines:
                pdf.polyline([self.point(box.x + x * box.w, box.y + y * box.h) for x, y in line])
            tx, ty = self.point(*canvas.titles[view])
            pdf.set_text_color(90)
            pdf.text(tx + 1, ty + canvas.title_height * 0.75 * self.scale, _view_name(pdf, view))
            pdf.set_text_color(165)
            for x, y, side in outline.labels:
                text = _names(pdf, car_outline.SIDE_NAMES[side])
                px, py = self.point(box.x + x * box.w, box.y + y * box.h)
                pdf.text(px - pdf.get_string_width(text) / 2, py + 1, text)
        pdf.set_text_color(0)
        _pen(pdf, 0, 0.2)

    def marks(self, pdf: FormPDF, marks: list[dict[str, Any]]) -> None:
        radius = max(1.1, min(1.8, 2.2 * self.scale))
        _pen(pdf, MARK_RGB, 0.35)
        pdf.set_text_color(*MARK_RGB)
        pdf.set_font(FONT, "B", 7)
        for mark in marks:
            if mark.get("view") not in self.canvas.boxes:
                continue
            x, y = self.point(*self.canvas.to_canvas(mark["view"], mark["x"], mark["y"]))
            _symbol(pdf, mark["code"], x, y, radius)
            pdf.text(x + radius + 0.4, y - radius * 0.3, str(mark["no"]))
        _pen(pdf, 0, 0.2)
        pdf.set_text_color(0)
        pdf.set_font(FONT, size=9)


def _view_name(pdf: FormPDF, view: str) -> str:
    return _names(pdf, car_outline.VIEW_NAMES[view])


def _key(pdf: FormPDF, x: float, y: float, vertical: bool, room: float) -> None:
    """The five symbols with their names, in a row or a column."""
    pdf.set_font(FONT, size=7.5)
    _pen(pdf, MARK_RGB, 0.3)
    step = min(5.0, room / len(DAMAGE_CODES))
    for code in DAMAGE_CODES:
        name = _names(pdf, DAMAGE_NAMES[code])
        _symbol(pdf, code, x + 1.3, y + 1.8, 1.2)
        pdf.text(x + 3.6, y + 2.8, name)
        if vertical:
            y += step
        else:
            x += 3.6 + pdf.get_string_width(name) + 5
    _pen(pdf, 0, 0.2)
    pdf.set_font(FONT, size=9)


def _entry(pdf: FormPDF, entry: Any, number: int, x: float, width: float) -> None:
    """One entry of a list beside the drawing: a mark with its symbol, or a numbered text;
    kept whole on one page."""
    is_mark = isinstance(entry, dict)
    text = str(entry.get("detail", "")) if is_mark else str(entry)
    indent = 7.8 if is_mark else 4.5
    pdf.set_font(FONT, size=8)
    lines = pdf.multi_cell(
        width - indent, LINE_H, text, wrapmode=WrapMode.CHAR, dry_run=True, output="LINES"
    )
    if pdf.get_y() + len(lines) * LINE_H > pdf.page_break_trigger:
        pdf.add_page()
    top = pdf.get_y()
    if is_mark:
        _pen(pdf, MARK_RGB, 0.3)
        _symbol(pdf, entry["code"], x + 1.4, top + 2.2, 1.15)
        _pen(pdf, 0, 0.2)
        pdf.set_font(FONT, "B", 8)
        pdf.set_xy(x + 3.3, top)
        pdf.cell(4.5, LINE_H, str(entry["no"]))
    else:
        pdf.set_font(FONT, "B", 8)
        pdf.set_xy(x, top)
        pdf.cell(4.5, LINE_H, f"{number}.")
    pdf.set_font(FONT, size=8)
    pdf.set_xy(x + indent, top)
    pdf.multi_cell(width - indent, LINE_H, text, wrapmode=WrapMode.CHAR)
    pdf.set_x(x)


def _aside(
    pdf: FormPDF,
    block: Block,
    lists: list[tuple[Item, list[Any]]],
    x: float,
    top: float,
    width: float,
) -> float:
    """The lists beside the drawing; returns the y under them."""
    pdf.set_xy(x, top)
    shown = [(item, entries) for item, entries in lists if entries]
    if not shown:
        pdf.set_text_color(110)
        pdf.set_font(FONT, size=8)
        pdf.multi_cell(width, LINE_H, pdf.label(block.empty) or "—", wrapmode=WrapMode.CHAR)
        pdf.set_text_color(0)
        pdf.set_font(FONT, size=9)
        return pdf.get_y()
    for item, entries in shown:
        heading = pdf.label(item.label)
        if heading:
            pdf.set_font(FONT, "B", 8)
            pdf.set_x(x)
            pdf.cell(width, LINE_H + 0.4, heading)
            pdf.set_xy(x, pdf.get_y() + LINE_H + 0.4)
        for number, entry in enumerate(entries, start=1):
            _entry(pdf, entry, number, x, width)
        pdf.set_y(pdf.get_y() + 0.8)
    pdf.set_font(FONT, size=9)
    return pdf.get_y()


def draw_diagram(pdf: FormPDF, block: Block) -> None:
    marks = list(value_at(pdf.context, block.value or "checkin.marks") or [])
    columns = block.columns if block.columns in (1, 2, 3) else 2
    canvas = car_outline.arrange(columns)
    full = pdf.w - 2 * MARGIN
    default = full if columns == 3 else full * DEFAULT_SHARE
    width = min(full, block.size or default)
    scale = width / canvas.width
    aside_w = full - width - ASIDE_GAP
    key_below = canvas.legend is None
    height = canvas.height * scale + (KEY_H if key_below else 0.0)
    if pdf.get_y() + 7.5 + height > pdf.h - 16:
        pdf.add_page()
    pdf.section(block.label)
    drawing = _Drawing(canvas, MARGIN, pdf.get_y(), scale)
    drawing.views(pdf)
    if canvas.legend is not None:
        cell = canvas.legend
        x, y = drawing.point(cell.x, cell.y)
        _key(pdf, x + 3, y + 1, True, cell.h * scale - 2)
    else:
        _key(pdf, MARGIN, drawing.top + drawing.height + 0.8, False, width)
    drawing.marks(pdf, marks)
    bottom = drawing.top + height
    if aside_w >= ASIDE_MIN:
        lists = [(item, list(value_at(pdf.context, item.value) or [])) for item in block.items]
        lists = lists or [(Item(label={"zh": "", "en": ""}), marks)]
        page = pdf.page
        below = _aside(pdf, block, lists, MARGIN + width + ASIDE_GAP, drawing.top, aside_w)
        bottom = below if pdf.page != page else max(bottom, below)  # a long list flowed on
    pdf.set_xy(MARGIN, bottom + 1)


register_block("diagram", draw_diagram)
