"""Render a form template with an order's context into PDF bytes (fpdf2).

One template may print variants of a form: a block that draws no data of its own
(fields, totals, note, signatures, paragraph) may name a context value in `value`, and is
drawn only when that value is truthy; a table without an `empty` text is left out,
heading and all, when it has no rows. A context may carry its own `title` (a label
{zh, en}) in place of the template's: one template, two letters.

A paragraph is running text (a letter's body): its label with `{path}` placeholders
filled from the context (`{customer.name}`), wrapped, aligned as the block says; a
paragraph that comes out blank is left out. `render_each` prints several records of one
form in one PDF, each from a fresh page (a letter run: one letter per customer).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from service_desk.printing.fonts import add_cjk_font, find_cjk_font
from service_desk.printing.table import draw_table
from service_desk.printing.templates import Block, Label, Template, load, paper_format

FONT = "cjk"
MARGIN = 12.0
LABEL_MARGIN = 2.5  # labels (key tags): narrow margins, compact header, no page numbers
GREY = 110
COPY_MARK = {"zh": "副本", "en": "COPY"}

# Blocks drawn by other modules (the damage diagram, QR codes, key tags): type ->
# fn(pdf, block). Those modules register their drawers on import: they are part of the
# renderer, loaded with it by load_blocks() before the first form is drawn (the forms'
# own modules, which say what a form holds, never import fpdf2).
EXTRA_BLOCKS: dict[str, Callable[[FormPDF, Block], None]] = {}


def register_block(block_type: str, draw: Callable[[FormPDF, Block], None]) -> None:
    EXTRA_BLOCKS[block_type] = draw


def load_blocks() -> None:
    """Import the modules that draw the other block types (they register themselves);
    a new one is added here, by name, so that PyInstaller's analysis finds it."""
    from service_desk.printing import diagram, key_tags, qr  # noqa: F401


# Block types whose `value`, when given, is the condition to draw them (see above).
CONDITIONAL_BLOCKS = ("fields", "totals", "note", "signatures", "paragraph")
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
PARAGRAPH_PT = 10.5


def value_at(context: dict[str, Any], path: str) -> Any:
    """'order.number' -> context['order']['number']; missing parts give ''."""
    node: Any = context
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return ""
        node = node[part]
    return node


def shown(block: Block, context: dict[str, Any]) -> bool:
    """Whether the block is drawn for this context (a conditional block's value is set)."""
    if block.type in CONDITIONAL_BLOCKS and block.value:
        return bool(value_at(context, block.value))
    return True


class FormPDF(FPDF):
    """A4/A5 page with the dealer's header, the form title and number, page x / y; a label
    gets one compact line of dealer and title instead, and the print stamp at its foot."""

    def __init__(
        self,
        template: Template,
        context: dict[str, Any],
        copy: bool,
        printed: str,
        font: str | None = None,
    ) -> None:
        super().__init__(orientation="P", unit="mm", format=paper_format(template.paper))
        self.template = template
        self.context = context
        self.lang = context.get("lang", "zh")
        self.copy = copy
        self.printed = printed
        if template.is_label:  # a label block places itself; pages never break on their own
            self.set_margins(LABEL_MARGIN, LABEL_MARGIN, LABEL_MARGIN)
            self.set_auto_page_break(False, margin=LABEL_MARGIN)
        else:
            self.set_margins(MARGIN, MARGIN, MARGIN)
            self.set_auto_page_break(True, margin=16)
        add_cjk_font(self, find_cjk_font(font or None), family=FONT)
        self.set_font(FONT, size=9)
        self.alias_nb_pages("{nb}")
        self.set_title(self.label(template.title))
        self.set_creator("Service Desk")

    @property
    def label_wrap(self) -> WrapMode:
        """Chinese breaks between any two characters; English between words."""
        return WrapMode.CHAR if self.lang == "zh" else WrapMode.WORD

    def label(self, label: Label | None) -> str:
        return "" if label is None else label.get(self.lang, label["zh"])

    def header(self) -> None:
        if self.template.is_label:
            self._label_header()
            return
        if self.copy:
            self._copy_watermark()
        dealer = self.context.get("dealer", {})
        top = self.get_y()
        logo = dealer.get("logo") or ""
        x_text = MARGIN
        if logo and Path(logo).is_file():
            self.image(logo, x=MARGIN, y=top, h=12)
            x_text = MARGIN + 16
        self.set_xy(x_text, top)
        self.set_font(FONT, "B", 12)
        self.cell(0, 6, dealer.get("name", ""), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        contact = "  ".join(x for x in (dealer.get("address", ""), dealer.get("phone", "")) if x)
        self.set_x(x_text)
        self.set_font(FONT, size=8)
        self.set_text_color(GREY)
        self.cell(0, 4.5, contact, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0)
        number = str(value_at(self.context, "order.number"))
        if self.template.barcode and number:
            width = self.w - 2 * MARGIN
            # Code 39: a wide bar of 0.66 mm (narrow 0.22 mm) reads on any counter scanner
            self.code39(f"*{number}*", x=MARGIN + width - 60, y=top, w=0.66, h=7)
            self.set_xy(MARGIN + width - 62, top + 7.5)
            self.set_font(FONT, size=8)
            self.cell(62, 4, value_at(self.context, "order.number_spoken"), align="C")
        self.set_y(top + 13)
        self.set_font(FONT, "B", 16)
        title = self.label(self.context.get("title") or self.template.title)
        if self.copy:
            title += f"（{COPY_MARK[self.lang]}）"
        self.cell(0, 9, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(0)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.ln(2)
        self.set_font(FONT, size=9)

    def _label_header(self) -> None:
        """One line: the dealer's name on the left, the title (副本 on a reprint) on the
        right, a hairline under them."""
        left, top = self.l_margin, self.t_margin
        width = self.w - self.l_margin - self.r_margin
        title = self.label(self.template.title)
        if self.copy:
            title += f"（{COPY_MARK[self.lang]}）"
        self.set_font(FONT, "B", 7.5)
        title_w = self.get_string_width(title) + 1
        self.set_xy(left + width - title_w, top)
        self.cell(title_w, 3.6, title, align="R")
        self.set_xy(left, top)
        self.set_font(FONT, size=6)
        self.set_text_color(GREY)
        dealer = str(value_at(self.context, "dealer.name"))
        while dealer and self.get_string_width(dealer) > width - title_w - 2:
            dealer = dealer[:-1]
        self.cell(width - title_w, 3.6, dealer)
        self.set_text_color(0)
        self.set_line_width(0.15)
        self.line(left, top + 4.1, left + width, top + 4.1)
        self.set_line_width(0.2)
        self.set_xy(left, top + 4.8)
        self.set_font(FONT, size=9)

    def _copy_watermark(self) -> None:
        y = self.get_y()
        self.set_font(FONT, "B", 90)
        self.set_text_color(225)
        with self.rotation(30, self.w / 2, self.h / 2):
            self.text(self.w / 2 - 40, self.h / 2 + 15, COPY_MARK[self.lang])
        self.set_text_color(0)
        self.set_y(y)

    def footer(self) -> None:
        if self.template.is_label:
            self.set_xy(self.l_margin, self.h - self.b_margin - 2.6)
            self.set_font(FONT, size=5)
            self.set_text_color(GREY)
            self.cell(0, 2.6, self.printed)
            self.set_text_color(0)
            return
        self.set_y(-12)
        self.set_font(FONT, size=7.5)
        self.set_text_color(GREY)
        page = {"zh": "第 {page} 页 / 共 {nb} 页", "en": "Page {page} of {nb}"}[self.lang]
        self.cell(0, 5, self.printed, align="L")
        if self.template.page_numbers:
            self.set_x(MARGIN)
            self.cell(0, 5, page.format(page=self.page_no(), nb="{nb}"), align="R")
        self.set_text_color(0)

    # ------------------------------------------------------------------ blocks
    def section(self, label: Label | None) -> None:
        if label is None:
            return
        self.ln(1.5)
        self.set_font(FONT, "B", 10)
        self.cell(0, 6, self.label(label), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, size=9)

    def fields(self, block: Block) -> None:
        width = (self.w - 2 * MARGIN) / block.columns
        label_w = 21.0
        row_h = 6.5
        col = 0
        for item in block.items:
            span = min(item.span, block.columns - col)
            if col + span > block.columns:
                self.ln(row_h)
                col = 0
            x = MARGIN + col * width
            self.set_xy(x, self.get_y())
            self.set_fill_color(242)
            self.set_font(FONT, size=8)
            self.cell(label_w, row_h, self.label(item.label), border=1, fill=True)
            text = str(value_at(self.context, item.value))
            self.cell(
                width * span - label_w, row_h, self._fit(text, width * span - label_w), border=1
            )
            self.set_font(FONT, size=9)
            col += span
            if col >= block.columns:
                col = 0
                self.ln(row_h)
        if col:
            self.ln(row_h)

    def _fit(self, text: str, width: float) -> str:
        """One-line cells never overflow: the font shrinks down to 7 pt, then an ellipsis."""
        for size in (9, 8, 7):
            self.set_font(FONT, size=size)
            if self.get_string_width(text) <= width - 2:
                return text
        while text and self.get_string_width(text + "…") > width - 2:
            text = text[:-1]
        return text + "…"

    def text_block(self, block: Block) -> None:
        """A labelled box of free text: label on the left, the text wrapping on the right."""
        text = str(value_at(self.context, block.value)).strip()
        label_w, line_h = 30.0, 5.0
        text_w = self.w - 2 * MARGIN - label_w
        lines = self.multi_cell(
            text_w,
            line_h,
            text or " ",
            dry_run=True,
            output="LINES",
            wrapmode=WrapMode.CHAR,
            padding=(1, 1.5),
        )
        height = max(block.min_lines, len(lines)) * line_h + 2
        top = self.get_y()
        if top + height > self.h - 16:
            if height <= self.h - 16 - 40:  # it fits on a fresh page: keep it whole
                self.add_page()
                top = self.get_y()
            else:  # a very long text flows over pages, unframed, so nothing is cut
                self.section(block.label)
                self.multi_cell(
                    0, line_h, text, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT
                )
                return
        self.set_fill_color(242)
        self.set_font(FONT, size=8)
        self.rect(MARGIN, top, label_w, height, style="DF")
        self.set_xy(MARGIN + 1, top + 1)
        self.multi_cell(
            label_w - 2, 4, self.label(block.label), align="L", wrapmode=self.label_wrap
        )
        self.set_font(FONT, size=9)
        self.rect(MARGIN + label_w, top, text_w, height)
        self.set_xy(MARGIN + label_w, top + 1)
        self.multi_cell(text_w, line_h, text, wrapmode=WrapMode.CHAR, padding=(0, 1.5))
        self.set_xy(MARGIN, top + height)

    def list_block(self, block: Block) -> None:
        entries = value_at(self.context, block.value) or []
        self.section(block.label)
        if not entries:
            self.set_text_color(GREY)
            self.cell(0, 5, self.label(block.empty), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_text_color(0)
            return
        for i, entry in enumerate(entries, start=1):
            self.multi_cell(
                self.w - 2 * MARGIN,
                5,
                f"{i}. {entry}",
                wrapmode=WrapMode.CHAR,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )

    def table_block(self, block: Block) -> None:
        """A table of context rows (block.value names the list; 'lines' by default): one
        column per item, headings repeated on every page the table runs over."""
        rows = value_at(self.context, block.value or "lines") or []
        if not rows and block.empty is None:  # nothing to list and nothing to say
            return
        self.section(block.label)
        if not rows:
            self.set_text_color(GREY)
            self.cell(0, 5, self.label(block.empty), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_text_color(0)
            return
        weights = [item.width or 10 for item in block.items]
        scale = (self.w - 2 * MARGIN) / sum(weights)
        draw_table(
            self,
            [self.label(item.label) for item in block.items],
            [[str(line.get(item.value, "")) for item in block.items] for line in rows],
            [w * scale for w in weights],
            [item.align for item in block.items],
            x=MARGIN,
            line_h=4.0,
            family=FONT,
            size=8 if self.lang == "zh" else 7,
            by_words=self.lang != "zh",
            bottom=self.page_break_trigger,
        )
        self.set_font(FONT, size=9)

    def totals_block(self, block: Block) -> None:
        """The totals in one right-aligned row of label / amount pairs, the last in bold."""
        self.ln(1.5)
        cells = []
        for i, item in enumerate(block.items):
            bold = i == len(block.items) - 1
            self.set_font(FONT, "B" if bold else "", 9)
            label = self.label(item.label)
            amount = str(value_at(self.context, item.value))
            cells.append(
                (
                    label,
                    amount,
                    bold,
                    self.get_string_width(label) + 4,
                    self.get_string_width(amount) + 5,
                )
            )
        total_w = sum(lw + vw for _l, _a, _b, lw, vw in cells)
        self.set_x(max(MARGIN, self.w - MARGIN - total_w))
        for label, amount, bold, label_w, value_w in cells:
            self.set_font(FONT, "B" if bold else "", 9)
            self.set_fill_color(242)
            self.cell(label_w, 6.5, label, border=1, align="C", fill=True)
            self.cell(value_w, 6.5, amount, border=1, align="R")
        self.ln(6.5)
        self.set_font(FONT, size=9)

    def clauses_block(self, block: Block) -> None:
        texts = value_at(self.context, "clauses") or []
        if not texts:
            return
        self.section(block.label)
        self.set_font(FONT, size=8)
        for i, text in enumerate(texts, start=1):
            self.multi_cell(
                self.w - 2 * MARGIN,
                4.4,
                f"{i}. {text}",
                wrapmode=WrapMode.CHAR,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.set_font(FONT, size=9)

    def note_block(self, block: Block) -> None:
        self.ln(1)
        self.set_font(FONT, size=8.5)
        self.multi_cell(
            self.w - 2 * MARGIN,
            4.6,
            self.label(block.label),
            wrapmode=WrapMode.CHAR,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_font(FONT, size=9)

    def paragraph_block(self, block: Block) -> None:
        """Running text: the label with its {placeholders} filled from the context."""
        text = PLACEHOLDER.sub(
            lambda m: str(value_at(self.context, m[1])), self.label(block.label)
        ).rstrip()
        if not text.strip():
            return
        self.ln(1.2)
        self.set_font(FONT, size=PARAGRAPH_PT)
        self.multi_cell(
            self.w - 2 * MARGIN,
            6.2,
            text,
            align=block.align,
            wrapmode=self.label_wrap,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(0.6)
        self.set_font(FONT, size=9)

    def signatures_block(self, block: Block) -> None:
        height = 21.0
        if self.get_y() + height + 4 > self.h - 16:
            self.add_page()
        self.ln(3)
        width = (self.w - 2 * MARGIN) / len(block.items)
        top = self.get_y()
        time_text = {"zh": "时间：    年   月   日   时   分", "en": "Date / time:"}[self.lang]
        for i, item in enumerate(block.items):
            x = MARGIN + i * width
            self.rect(x, top, width, height)
            self.set_xy(x + 1.5, top + 1.5)
            self.set_font(FONT, size=8)
            self.multi_cell(
                width - 3, 4, self.label(item.label), align="L", wrapmode=self.label_wrap
            )
            if item.time:
                self.set_xy(x + 1.5, top + height - 6)
                self.cell(width - 3, 4.5, time_text)
        self.set_xy(MARGIN, top + height)
        self.set_font(FONT, size=9)


def _draw(pdf: FormPDF, template: Template, context: dict[str, Any]) -> None:
    """The template's blocks for one record, on the page(s) from the current one."""
    handlers = {
        "fields": pdf.fields,
        "text": pdf.text_block,
        "list": pdf.list_block,
        "lines": pdf.table_block,
        "table": pdf.table_block,
        "totals": pdf.totals_block,
        "clauses": pdf.clauses_block,
        "note": pdf.note_block,
        "paragraph": pdf.paragraph_block,
        "signatures": pdf.signatures_block,
    }
    for block in template.blocks:
        if not shown(block, context):
            continue
        if block.type in handlers:
            handlers[block.type](block)
        else:
            EXTRA_BLOCKS[block.type](pdf, block)


def render(
    kind: str,
    context: dict[str, Any],
    *,
    copy: bool = False,
    printed: str = "",
    template: Template | None = None,
    font: str | None = None,
) -> bytes:
    """The form as PDF bytes. copy=True marks a reprint 副本 on every page; font is the
    font file chosen in settings (else the lookup order of printing/fonts.py)."""
    load_blocks()
    template = template or load(kind)
    pdf = FormPDF(template, context, copy, printed, font)
    pdf.add_page()
    _draw(pdf, template, context)
    return bytes(pdf.output())


def render_each(
    kind: str,
    contexts: Sequence[dict[str, Any]],
    *,
    printed: str = "",
    template: Template | None = None,
    font: str | None = None,
) -> bytes:
    """Several records of one form in one PDF, each from a fresh page with its own header
    (one letter per customer); at least one record."""
    if not contexts:
        raise ValueError("render_each needs at least one record")
    load_blocks()
    template = template or load(kind)
    pdf = FormPDF(template, contexts[0], False, printed, font)
    for context in contexts:
        pdf.context = context
        pdf.add_page()
        _draw(pdf, template, context)
    return bytes(pdf.output())
