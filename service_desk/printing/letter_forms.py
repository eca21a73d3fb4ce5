"""The letters of a letter run (R3): one page per customer in one PDF, from forms/letter.toml.

- 保养提醒函 (service reminder): for a customer group, or a service-reminder campaign;
- 邀请函 (invitation): for a free-inspection, promotion or invitation campaign, with its
  offer and the days it runs.

Each letter: the dealer's header (name, address, phone from settings), the date, the
salutation 尊敬的{name}客户 (the customer's sex is not in the archive), why we write (the
service due of each car, the campaign's own text and offer), how to book (the dealer's
phone), signed by the dealer's after-sales service department and the advisor printing
it. No order behind them: the run is logged once in the print log ('letter') and each
letter as a contact (actions/campaigns.record_letters).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.actions.campaigns import LetterRun, model_name
from service_desk.domain import segments as rules
from service_desk.printing.context import Context
from service_desk.printing.header import dealer, printed_line
from service_desk.store import settings

LETTER = "letter"
TITLES = {
    rules.REMINDER: {"zh": "保养提醒函", "en": "Service reminder"},
    rules.INVITATION: {"zh": "邀请函", "en": "Invitation"},
}
_DUE_NOTES = {
    "overdue": ("已到期，请尽快保养", "overdue: please come soon"),
    "soon": ("即将到期", "due soon"),
}
# Spelled out here: calendar.month_name follows the process locale (Qt sets it).
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def letter_date(day: dt.date, lang: str = "zh") -> str:
    """'2026年11月27日' / '27 November 2026'."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _span(first: str, last: str, lang: str) -> str:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return (
        f"{letter_date(a, lang)} 至 {letter_date(b, lang)}"
        if lang == "zh"
        else f"{letter_date(a, lang)} to {letter_date(b, lang)}"
    )


def _car(m: rules.Member, today: dt.date, lang: str) -> dict[str, str]:
    due = m.due
    note = ""
    if due.day is not None:
        days = (due.day - today).days
        if days < 0:
            note = _DUE_NOTES["overdue"][lang != "zh"]
        elif days <= 30:
            note = _DUE_NOTES["soon"][lang != "zh"]
    return {
        "plate": m.plate,
        "model": model_name(m.model_code, lang),
        "due_day": str(due.day) if due.day else "—",
        "due_km": f"{due.due_km:,}" if due.due_km is not None else "—",
        "note": note,
    }


def letter_contexts(
    db: sqlite_utils.Database, run: LetterRun, *, advisor: str, today: dt.date, lang: str = "zh"
) -> list[Context]:
    """One context per letter of the run, as ready-to-print strings."""
    header = dealer(db)
    c = run.campaign
    campaign: dict[str, str] = {}
    if c is not None:
        campaign = {
            "name": c["name"],
            "valid": _span(c["valid_from"], c["valid_to"], lang),
            "offer": c["offer"],
            "letter_text": c["letter_text"],
        }
    contexts = []
    for letter in run.letters:
        contexts.append(
            {
                "lang": lang,
                "title": TITLES[run.kind],
                "dealer": header,
                "customer": {
                    "name": letter.customer_name,
                    "address": letter.address,
                    "phone": letter.phone,
                },
                "letter": {
                    "date": letter_date(today, lang),
                    "advisor": advisor,
                    "reminder": run.kind == rules.REMINDER,
                    "invitation": run.kind == rules.INVITATION,
                    "no_phone": not header["phone"],
                    "cars": [_car(m, today, lang) for m in letter.cars],
                },
                "campaign": campaign,
            }
        )
    return contexts


def render_letters(
    db: sqlite_utils.Database,
    run: LetterRun,
    *,
    printed_by: str,
    now: dt.datetime,
    lang: str = "zh",
) -> bytes:
    """The run's letters as one PDF (A4), each letter from a fresh page."""
    from service_desk.printing.render import render_each  # fpdf2: loaded at the first print

    return render_each(
        LETTER,
        letter_contexts(db, run, advisor=printed_by, today=now.date(), lang=lang),
        printed=printed_line(printed_by, now, lang),
        font=settings.get(db, "print_font"),
    )
