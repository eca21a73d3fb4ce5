"""QR codes on the printed forms: segno computes the symbol, fpdf2 draws it as vectors.

The dark modules are drawn as one filled path of rectangles (one per horizontal run),
so the code is sharp at any printer resolution and shows no hairline seams between
modules when a viewer or QtPdf rasterizes the page. The quiet zone (four light modules
on every side, ISO/IEC 18004) is part of the size asked for.

Registers the template block ``type = "qr"``: a QR code of the context value ``value``,
``size`` mm wide (default 24), placed left, centre or right (``align``), with the
block's label as a small caption under it.
"""

from __future__ import annotations

from typing import Any

import segno
from fpdf import FPDF
from fpdf.enums import PathPaintRule, XPos, YPos

from service_desk.printing.render import FONT, FormPDF, register_block, value_at
from service_desk.printing.templates import Block

QUIET_ZONE = 4  # modules of light border on every side
ERROR_LEVEL = "M"  # 15 % recovery; segno raises it for free when the data fits
DEFAULT_SIZE = 24.0  # mm


def symbol(text: str) -> segno.QRCode:
    """The QR code of text (never a Micro QR: phone scanners do not all read those)."""
    return segno.make(text, error=ERROR_LEVEL, micro=False)


def modules(text: str) -> list[list[bool]]:
    """The symbol's dark (True) and light modules, row by row, without the quiet zone."""
    return [[bool(m) for m in row] for row in symbol(text).matrix_iter(border=0)]


def draw_qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> float:
    """Draw the QR code of text in the size × size square at (x, y), quiet zone included;
    returns the width of one module in mm (a printer needs ≥ 0.25 mm to be read)."""
    rows = modules(text)
    count = len(rows) + 2 * QUIET_ZONE
    module = size / count
    with pdf.new_path(paint_rule=PathPaintRule.FILL_NONZERO) as path:
        path.style.fill_color = "#000000"
        path.style.stroke_color = None
        for r, row in enumerate(rows):
            top = y + (r + QUIET_ZONE) * module
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                left = x + (start + QUIET_ZONE) * module
                path.rectangle(left, top, (c - start) * module, module)
    return module


def _qr_block(pdf: FormPDF, block: Block) -> None:
    text = str(value_at(pdf.context, block.value))
    if not text:
        return
    size = block.size or DEFAULT_SIZE
    width = pdf.w - pdf.l_margin - pdf.r_margin
    offset = {"L": 0.0, "C": (width - size) / 2, "R": width - size}[block.align]
    x, y = pdf.l_margin + offset, pdf.get_y()
    draw_qr(pdf, text, x, y, size)
    pdf.set_y(y + size)
    caption: Any = pdf.label(block.label)
    if caption:
        pdf.set_font(FONT, size=7)
        pdf.set_x(x)
        pdf.cell(size, 3.5, caption, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, size=9)


register_block("qr", _qr_block)
