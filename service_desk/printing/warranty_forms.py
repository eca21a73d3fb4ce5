"""The printed list of the warranty claims still open with the manufacturer (R19):
索赔单跟踪表 — each claim submitted or approved and not yet paid, with its order, car,
the day it was filed, its state, the amounts claimed and approved, the days it has been
open and whether it is due for a chase; the totals below.

A snapshot of its moment, of no single order: logged in the print log without an order
(like the appointments' bay list; the shared header helpers are in printing/header.py).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.actions.warranty import open_claims
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.printing.context import Context
from service_desk.printing.header import dealer, model_name, pick, printed_line
from service_desk.store import settings

WARRANTY_CLAIMS = "warranty_claims"

_STATES = {
    "submitted": ("已提交", "Submitted"),
    "approved": ("已批准", "Approved"),
    "rejected": ("已驳回", "Rejected"),
    "paid": ("已付款", "Paid"),
}
_CHASE = ("催办", "chase")


def state_name(state: str, lang: str = "zh") -> str:
    return pick(_STATES.get(state, (state, state)), lang)


def open_claims_context(db: sqlite_utils.Database, now: dt.datetime, lang: str = "zh") -> Context:
    """The open claims as ready-to-print strings, those due for a chase first."""
    claims = open_claims(db, now)
    rows = [
        {
            "no": str(n),
            "claim_number": c["claim_number"],
            "order_number": c["order_number"],
            "plate": c["plate"],
            "model": model_name(c["model_code"], lang),
            "filed": parse(c["submitted_at"]).astimezone(now.tzinfo).date().isoformat(),
            "state": state_name(c["state"], lang),
            "claimed": format_yuan(c["claimed_fen"], symbol=False),
            "approved": "" if c["approved_fen"] is None else format_yuan(c["approved_fen"], False),
            "days": str(c["age_days"]),
            "chase": pick(_CHASE, lang) if c["chase"] else "",
        }
        for n, c in enumerate(claims, start=1)
    ]
    return {
        "lang": lang,
        "dealer": dealer(db),
        "claims": {
            "as_of": now.strftime("%Y-%m-%d %H:%M"),
            "count": str(len(claims)),
            "chase": str(sum(1 for c in claims if c["chase"])),
            "rows": rows,
            "claimed_total": format_yuan(sum(c["claimed_fen"] for c in claims)),
            "approved_total": format_yuan(sum(c["approved_fen"] or 0 for c in claims)),
            "expected_total": format_yuan(sum(c["expected_fen"] for c in claims)),
        },
    }


def render_open_claims(
    db: sqlite_utils.Database, *, printed_by: str, now: dt.datetime, lang: str = "zh"
) -> bytes:
    """索赔单跟踪表 as PDF bytes (A4; flows over pages)."""
    from service_desk.printing.render import render  # fpdf2: loaded at the first print

    return render(
        WARRANTY_CLAIMS,
        open_claims_context(db, now, lang),
        printed=printed_line(printed_by, now, lang),
        font=settings.get(db, "print_font"),
    )
