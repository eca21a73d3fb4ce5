"""The appointment's printed forms (R17): the appointment form 预约单 the customer signs,
with its exact time, and the workshop supervisor's bay list 车间预约工位表 for today and
tomorrow.

No order behind them (an appointment becomes an order only when the car arrives): like
the key cabinet's end-of-day report they are rendered straight from their data and
logged in the print log without an order.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from service_desk import reference
from service_desk.domain import appointments as rules
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.printing.context import Context, when
from service_desk.printing.header import day_text, dealer, model_name, pick, printed_line
from service_desk.store import appointment_queries as aq
from service_desk.store import settings

APPOINTMENT = "appointment"
BAY_LIST = "bay_list"

_REQUESTED_BY = {
    "customer": ("客户预约", "Customer"),
    "dealer": ("本店邀约", "Dealer"),
}
_STATES = {
    "booked": ("已预约", "Booked"),
    "reminded": ("已提醒", "Reminded"),
    "arrived": ("已到店", "Arrived"),
    "missed": ("失约", "Missed"),
    "cancelled": ("已取消", "Cancelled"),
}


def slot_text(start: str, end: str, lang: str = "zh") -> str:
    """'2026-11-28（星期六）09:00–09:30'."""
    s, e = parse(start), parse(end)
    return f"{day_text(s.date(), lang)} {s:%H:%M}–{e:%H:%M}"


def state_name(state: str, lang: str = "zh") -> str:
    return pick(_STATES.get(state, (state, state)), lang)


def requested_by_name(code: str, lang: str = "zh") -> str:
    return pick(_REQUESTED_BY.get(code, (code, code)), lang)


def appointment_context(
    db: sqlite_utils.Database, appointment_id: int, lang: str = "zh"
) -> Context:
    """One appointment as ready-to-print strings."""
    a = aq.appointment(db, appointment_id)
    if a is None:
        raise KeyError(appointment_id)
    number = rules.appointment_number(a["day"], a["id"])
    jobs = [reference.standard_job(code).name(lang) for code in json.loads(a["jobs"])]
    yes_no = ("是", "否") if lang == "zh" else ("yes", "no")
    return {
        "lang": lang,
        "dealer": dealer(db),
        "order": {"number": number, "number_spoken": number},  # the header's barcode
        "appointment": {
            "number": number,
            "requested_by": requested_by_name(a["requested_by"], lang),
            "time": slot_text(a["slot_start"], a["slot_end"], lang),
            "advisor": a["booked_by_name"],
            "booked_at": when(a["booked_at"]),
            "items": a["items"],
            "jobs": jobs,
            "state": state_name(a["state"], lang),
        },
        "customer": {"name": a["customer_name"], "phone": a["customer_phone"]},
        "vehicle": {
            "plate": a["plate"],
            "model": model_name(a["model_code"], lang),
            "vin": a["vin"] or "",
        },
        "money": {
            "parts": format_yuan(a["parts_estimate_fen"]),
            "to_order": yes_no[0] if a["parts_to_order"] else yes_no[1],
            "parts_ordered": bool(a["parts_to_order"]),
            "deposit": format_yuan(a["deposit_required_fen"]),
            "paid": format_yuan(a["deposit_paid_fen"]),
        },
    }


def render_appointment(
    db: sqlite_utils.Database,
    appointment_id: int,
    *,
    printed_by: str,
    now: dt.datetime,
    copy: bool = False,
    lang: str = "zh",
) -> bytes:
    """The appointment form as PDF bytes (A5)."""
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    return render(
        APPOINTMENT,
        appointment_context(db, appointment_id, lang),
        copy=copy,
        printed=printed_line(printed_by, now, lang),
        font=settings.get(db, "print_font"),
    )


def bay_list_context(
    db: sqlite_utils.Database, first: dt.date, days: int = 2, lang: str = "zh"
) -> Context:
    """The cars booked for ``days`` days from ``first`` (not cancelled or missed)."""
    capacity = int(settings.get(db, "appointment_capacity_per_day"))
    ordered = "已订" if lang == "zh" else "ordered"
    rows: list[dict[str, str]] = []
    summary: list[dict[str, str]] = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        booked = [a for a in aq.of_day(db, day.isoformat()) if a["state"] in rules.TAKES_A_PLACE]
        summary.append(
            {
                "day": day_text(day, lang),
                "taken": str(len(booked)),
                "left": str(rules.places_left(capacity, len(booked))),
                "parts": str(sum(1 for a in booked if a["parts_to_order"])),
            }
        )
        for a in booked:
            start, end = parse(a["slot_start"]), parse(a["slot_end"])
            rows.append(
                {
                    "day": start.strftime("%m-%d"),
                    "time": f"{start:%H:%M}–{end:%H:%M}",
                    "plate": a["plate"],
                    "model": model_name(a["model_code"], lang),
                    "customer": a["customer_name"],
                    "items": a["items"],
                    "parts": ordered if a["parts_to_order"] else "",
                    "state": state_name(a["state"], lang),
                    "bay": "",
                }
            )
    last = first + dt.timedelta(days=days - 1)
    span = f"{first} – {last}" if days > 1 else str(first)
    return {
        "lang": lang,
        "dealer": dealer(db),
        "bay": {
            "days": span,
            "capacity": str(capacity),
            "count": str(len(rows)),
            "summary": summary,
            "rows": rows,
        },
    }


def render_bay_list(
    db: sqlite_utils.Database,
    first: dt.date,
    *,
    printed_by: str,
    now: dt.datetime,
    days: int = 2,
    lang: str = "zh",
) -> bytes:
    """The bay list as PDF bytes (A4; flows over pages on a busy day)."""
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    return render(
        BAY_LIST,
        bay_list_context(db, first, days, lang),
        printed=printed_line(printed_by, now, lang),
        font=settings.get(db, "print_font"),
    )
