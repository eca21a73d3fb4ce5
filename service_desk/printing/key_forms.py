"""Printed forms of the key cabinet (钥匙柜).

- key_tag (order form, ``service-desk print key-tag NUMBER``): a 70 × 40 mm label per
  key of the order hanging in the cabinet — the hook number large, plate, key, order
  number, car, promised time and a QR code of the order number. Offered while the order
  has a key on a hook.
- key_report: the end-of-day reconciliation of the whole cabinet (no single order): the
  three kinds of exceptions, then every hook and every key out, to tick off on paper.

What the forms say; the labels are drawn by printing/key_tags.py (part of the renderer,
loaded with fpdf2 on the first print, never when the desk only lists its forms).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.domain import keys as rules
from service_desk.printing.context import Context, order_context, when
from service_desk.printing.forms import Order, OrderForm, register
from service_desk.printing.header import dealer, printed_line
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
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    printed = printed_line(printed_by, report.at, lang)
    context = report_context(db, report, lang)
    return render("key_report", context, printed=printed, font=settings.get(db, "print_font"))
