"""The key tag labels drawn (template block ``type = "key_tags"``, forms/key_tag.toml):
one 70 × 40 mm label per key in context["keys"] — the hook number white on black, the
plate large beside it, the key under the plate, the other items as small lines below, a
QR code of the order number filling the height on the right.

Part of the renderer (fpdf2): printing/render.py loads it with the other block drawers on
the first render; what the key tag says is printing/key_forms.py.
"""

from __future__ import annotations

from typing import Any

from fpdf.enums import XPos, YPos

from service_desk.printing import qr
from service_desk.printing.render import FONT, FormPDF, register_block, value_at
from service_desk.printing.templates import Block, Item


def _fit(pdf: FormPDF, text: str, width: float, sizes: tuple[float, ...], style: str = "") -> str:
    """The largest of sizes at which text fits width (the font is left set); else cut."""
    for size in sizes:
        pdf.set_font(FONT, style, size)
        if pdf.get_string_width(text) <= width:
            return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _text(pdf: FormPDF, item: Item, context: dict[str, Any]) -> str:
    return str(value_at(context, item.value))


def _draw_tag(pdf: FormPDF, block: Block, context: dict[str, Any], qr_text: str) -> None:
    """One label: the first item (the hook) white on black in a box, the second (the
    plate) large beside it, the third under the plate, the rest as small lines below;
    the QR code fills the height on the right."""
    left, top = pdf.l_margin, pdf.get_y()
    bottom = pdf.h - pdf.b_margin - 3.0  # the print stamp is under this
    body_h = bottom - top
    side = min(block.size or body_h, body_h)
    qr_x = pdf.w - pdf.r_margin - side
    qr.draw_qr(pdf, qr_text, qr_x, top + (body_h - side) / 2, side)
    width = qr_x - left - 0.5
    items: list[Item | None] = [*block.items, None, None, None]
    hook, plate, what = items[:3]
    rest = list(block.items[3:])
    box_w, box_h = 13.0, 12.5
    if hook is not None:
        pdf.set_fill_color(0)
        pdf.rect(left, top, box_w, box_h, style="F")
        pdf.set_text_color(255)
        pdf.set_font(FONT, size=5.5)
        pdf.set_xy(left, top + 0.4)
        pdf.cell(box_w, 2.6, pdf.label(hook.label), align="C")
        number = _fit(pdf, _text(pdf, hook, context), box_w - 1, (24, 20, 16, 13), "B")
        pdf.set_xy(left, top + 3.2)
        pdf.cell(box_w, 8.6, number, align="C")
        pdf.set_text_color(0)
    x = left + (box_w + 1.5 if hook is not None else 0)
    for item, y, h, sizes, style in (
        (plate, top - 0.2, 6.6, (15, 14, 13, 12, 11, 10, 9), "B"),
        (what, top + 6.9, 5.0, (8.5, 8, 7.5, 7, 6.5), ""),
    ):
        if item is not None:
            text = _fit(pdf, _text(pdf, item, context), width - (x - left), sizes, style)
            pdf.set_xy(x, y)
            pdf.cell(width - (x - left), h, text)
    y = top + box_h + 1.2
    pdf.set_font(FONT, size=5.5)
    label_w = max((pdf.get_string_width(pdf.label(i.label)) for i in rest), default=0) + 1.2
    for item in rest:
        if y + 3.4 > bottom + 0.01:
            break  # a label has the room it has: later lines are left out
        pdf.set_font(FONT, size=5.5)
        pdf.set_text_color(110)
        pdf.set_xy(left, y)
        pdf.cell(label_w, 3.4, pdf.label(item.label))
        pdf.set_text_color(0)
        pdf.set_x(left + label_w)
        text = _fit(pdf, _text(pdf, item, context), width - label_w, (7.5, 7, 6.5, 6), "")
        pdf.cell(width - label_w, 3.4, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y += 3.4
    pdf.set_font(FONT, size=9)


def _key_tags(pdf: FormPDF, block: Block) -> None:
    """One label (page) per key in context["keys"]; block.value is what the QR holds."""
    qr_text = str(value_at(pdf.context, block.value))
    for i, tag in enumerate(value_at(pdf.context, "keys") or []):
        if i:
            pdf.add_page()
        _draw_tag(pdf, block, {**pdf.context, "key": tag}, qr_text)


register_block("key_tags", _key_tags)
