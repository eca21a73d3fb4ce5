"""Printed forms of the key cabinet (钥匙柜).

- key_tag (order form, ``service-desk print key-tag NUMBER``): a 70 × 40 mm label per
  key of the order hanging in the cabinet — the hook number large, plate, key, order
  number, car, promised time and a QR code of the order number. Offered while the order
  has a key on a hook.
- key_report: the end-of-day reconciliation of the whole cabinet (no single order): the
  three kinds of exceptions, then every hook and every key out, to tick off on paper.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils
from fpdf.enums import XPos, YPos

from service_desk.domain import keys as rules
from service_desk.printing import qr
from service_desk.printing.context import Context, order_context, when
from service_desk.printing.forms import Order, OrderForm, register
from service_desk.printing.header import dealer, printed_line
from service_desk.printing.render import FONT, FormPDF, register_block, render, value_at
from service_desk.printing.templates import Block, Item
from service_desk.store import key_queries, settings

_KINDS = {
    "main": ("主钥匙", "Main key"),
    "spare": ("备用钥匙", "Spare key"),
    "fob": ("遥控器", "Remote fob"),
}
_STATES = {
    "signed": ("已签字", "Signed"),
    "checked_in": ("已交车", "Checked in"),
    "handed_off": ("已进车间", "In workshop"),
    "in_progress": ("维修中", "In progress"),
    "completed": ("已完工", "Completed"),
    "ready": ("待取车", "Ready"),
    "settled": ("已结算", "Settled"),
    "released": ("已出厂", "Released"),
    "done": ("已完成", "Done"),
    "closed": ("已关闭", "Closed"),
    "declined": ("客户拒修", "Declined"),
    "void": ("已作废", "Void"),
}


def _name(names: dict[str, tuple[str, str]], code: str | None, lang: str) -> str:
    zh, en = names.get(code or "", (code or "", code or ""))
    return zh if lang == "zh" else en


def key_name(kind: str | None, label: str, lang: str) -> str:
    """'主钥匙 · 黑色遥控'; the label is what tells two keys of one car apart."""
    text = _name(_KINDS, kind, lang)
    return f"{text} · {label}" if label else text


# --------------------------------------------------------------------------- key tag
def _tag_context(db: sqlite_utils.Database, order: Order, _now: dt.datetime, lang: str) -> Context:
    context = order_context(db, order["id"], lang)
    car = " · ".join(x for x in (context["vehicle"]["model"], context["vehicle"]["colour"]) if x)
    context["keys"] = [
        {
            "hook": str(k["hook"]),
            "what": key_name(k["kind"], k["label"], lang),
            "car": car,
            "registered_at": when(k["registered_at"]),
        }
        for k in key_queries.keys_in_cabinet(db, order["id"])
    ]
    return context


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
register(
    OrderForm(
        "key_tag",
        "key-tag",
        lambda db, o: bool(key_queries.keys_in_cabinet(db, o["id"])),
        _tag_context,
    )
)


# --------------------------------------------------------------------------- key report
def _hours(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    return f"{value:.1f} 小时" if lang == "zh" else f"{value:.1f} h"


def _where(f: rules.Finding, lang: str) -> str:
    if f.hook is not None:
        return f"挂钩 {f.hook}" if lang == "zh" else f"Hook {f.hook}"
    return (f"外出：{f.holder}" if lang == "zh" else f"Out: {f.holder}") if f.holder else ""


def report_context(
    db: sqlite_utils.Database, report: rules.Reconciliation, lang: str = "zh"
) -> Context:
    """The reconciliation as ready-to-print strings, with the whole cabinet as appendix."""
    cabinet = key_queries.cabinet(db)
    out = key_queries.keys_out(db)
    size = int(settings.get(db, "key_cabinet_hooks"))
    count = len(report.findings)
    if lang == "zh":
        verdict = "钥匙柜与订单相符，无异常" if not count else f"发现 {count} 项异常，请逐项处理"
        hours = f"{report.alert_hours} 小时"
    else:
        verdict = "Cabinet and orders agree" if not count else f"{count} exceptions to clear"
        hours = f"{report.alert_hours} h"
    return {
        "lang": lang,
        "dealer": dealer(db),
        "report": {
            "at": report.at.strftime("%Y-%m-%d %H:%M"),
            "hooks": f"{len(cabinet)} / {size}",
            "out": str(len(out)),
            "alert_hours": hours,
            "exceptions": str(count),
            "verdict": verdict,
        },
        "released": [
            {
                "number": f.number,
                "plate": f.plate,
                "state": _name(_STATES, f.order_state, lang),
                "key": key_name(f.key_kind, f.label, lang),
                "where": _where(f, lang),
            }
            for f in report.released_keys
        ],
        "overdue": [
            {
                "number": f.number,
                "plate": f.plate,
                "key": key_name(f.key_kind, f.label, lang),
                "holder": f.holder,
                "since": when(f.since),
                "hours": _hours(f.hours, lang),
            }
            for f in report.out_too_long
        ],
        "no_key": [
            {
                "number": f.number,
                "plate": f.plate,
                "state": _name(_STATES, f.order_state, lang),
            }
            for f in report.no_key
        ],
        "cabinet": [
            {
                "hook": str(hook),
                "plate": k["plate"],
                "number": k["number"],
                "key": key_name(k["kind"], k["label"], lang),
                "state": _name(_STATES, k["order_state"], lang),
                "tick": "",
            }
            for hook, k in sorted(cabinet.items())
        ],
        "out": [
            {
                "plate": k["plate"],
                "number": k["number"],
                "key": key_name(k["kind"], k["label"], lang),
                "holder": k["holder"],
                "since": when(k["out_since"]),
                "tick": "",
            }
            for k in out
        ],
    }


def render_key_report(
    db: sqlite_utils.Database,
    report: rules.Reconciliation,
    *,
    printed_by: str,
    lang: str = "zh",
) -> bytes:
    """The end-of-day key report as PDF bytes (A4; flows over pages when the cabinet is full)."""
    printed = printed_line(printed_by, report.at, lang)
    context = report_context(db, report, lang)
    return render("key_report", context, printed=printed, font=settings.get(db, "print_font"))
