"""A fast table for printed forms: wraps by measured glyph widths, draws each line once.

fpdf2's own ``table()`` lays every cell out twice through ``multi_cell`` (row heights,
then drawing); on a 30-line repair order that was three quarters of the render time.
Here each cell is wrapped once with cached glyph widths and drawn with ``text()``;
headings repeat on every page the table runs over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

PAD_X = 1.0
PAD_Y = 0.8
_GLYPH_WIDTHS: dict[tuple[str, str, float, str], float] = {}


def text_width(pdf: FPDF, text: str) -> float:
    """Width of text in the current font (mm): glyph widths cached for the process —
    fpdf2's get_string_width copies its graphics state on every call."""
    font = pdf.current_font
    key_font = getattr(font, "name", "") or pdf.font_family
    total = 0.0
    for char in text:
        key = (key_font, pdf.font_style, pdf.font_size_pt, char)
        w = _GLYPH_WIDTHS.get(key)
        if w is None:
            w = _GLYPH_WIDTHS[key] = pdf.get_string_width(char)
        total += w
    return total


def wrap(pdf: FPDF, text: str, width: float, by_words: bool) -> list[str]:
    """Lines of text no wider than width (mm) in the current font."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if text_width(pdf, paragraph) <= width:
            lines.append(paragraph)
            continue
        lines.extend(
            _wrap_words(pdf, paragraph, width) if by_words else _wrap_chars(pdf, paragraph, width)
        )
    return lines or [""]


def _wrap_chars(pdf: FPDF, text: str, width: float) -> list[str]:
    lines, current, used = [], "", 0.0
    for char in text:
        w = text_width(pdf, char)
        if current and used + w > width:
            lines.append(current)
            current, used = "", 0.0
        current += char
        used += w
    if current:
        lines.append(current)
    return lines


def _wrap_words(pdf: FPDF, text: str, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(pdf, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(pdf, word) <= width:
            current = word
        else:  # a word longer than the column breaks between characters
            pieces = _wrap_chars(pdf, word, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
    if current:
        lines.append(current)
    return lines


def draw_table(
    pdf: FPDF,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    aligns: Sequence[str],
    *,
    x: float,
    line_h: float,
    family: str,
    size: float,
    by_words: bool,
    bottom: float,
) -> None:
    """Draw the table at the current y, adding pages (with the headings) as needed."""

    def measure(cells: Sequence[str], style: str) -> tuple[list[list[str]], float]:
        pdf.set_font(family, style, size)
        wrapped = [
            wrap(pdf, c, w - 2 * PAD_X, by_words) for c, w in zip(cells, widths, strict=True)
        ]
        return wrapped, max(len(lines) for lines in wrapped) * line_h + 2 * PAD_Y

    def draw(wrapped: list[list[str]], height: float, style: str, fill: bool) -> None:
        pdf.set_font(family, style, size)
        y = pdf.get_y()
        left = x
        for lines, w, align in zip(wrapped, widths, aligns, strict=True):
            pdf.rect(left, y, w, height, style="DF" if fill else "D")
            baseline = y + PAD_Y + line_h * 0.75
            for line in lines:
                text_w = text_width(pdf, line)
                if align == "R":
                    tx = left + w - PAD_X - text_w
                elif align == "C":
                    tx = left + (w - text_w) / 2
                else:
                    tx = left + PAD_X
                if line:
                    pdf.text(tx, baseline, line)
                baseline += line_h
            left += w
        pdf.set_y(y + height)

    head, head_h = measure(headings, "B")
    pdf.set_fill_color(235)
    if pdf.get_y() + head_h + line_h + 2 * PAD_Y > bottom:
        pdf.add_page()
    draw(head, head_h, "B", True)
    for row in rows:
        cells, height = measure(row, "")
        if pdf.get_y() + height > bottom:
            pdf.add_page()
            pdf.set_fill_color(235)
            draw(head, head_h, "B", True)
        draw(cells, height, "", False)
