"""The daily call list (R2): who to phone today and why.

One line per vehicle whose maintenance is overdue or due within 30 days, or whose owner
declined work in the last year, or who asked to be called back at a time that has come;
a car overdue by more than a year has lapsed and is left to the customer groups. Each with
its reasons and the figures behind them, and the last contact logged (R3). Cars
in the shop (an open order) or already booked (an open appointment) are left out: they are
handled already. So are the lines the contact log holds back (domain/contacts.py): a call
back asked for later, a sold car, a wrong number (listed apart by ``numbers_to_mend``), a
customer whose complaint waits for an answer, and the purposes the customer said lately
they are not interested in. Nothing is recorded or audited (only the cached dues of
service_due are brought up to date); actions/contacts.py logs the calls.

``todays_calls`` is what the call list page asks of its worker thread (its own
connection): after ``service_due.refresh``, the lines and the numbers to mend read in one
snapshot, with the counts of the summary. The lines are domain/call_list.CallLine, kept
small (ten years of data: ~18,000 of them); no text is formatted here.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlite_utils

from service_desk.actions import service_due
from service_desk.actions.campaigns import campaign_reasons
from service_desk.actions.contacts import as_contact
from service_desk.domain import contacts as contact_rules
from service_desk.domain import next_service as ns
from service_desk.domain.call_list import CallLine, Summary, changes_at, summarize
from service_desk.domain.clock import parse
from service_desk.store import call_list_queries as q
from service_desk.store import contact_queries as cq
from service_desk.store import settings
from service_desk.store.db import transaction
from service_desk.store.queries import Row

__all__ = ["CallLine", "CallList", "call_list", "numbers_to_mend", "read_lines", "todays_calls"]

# Declined work older than this is no longer a reason to call.
DECLINED_WITHIN_DAYS = 365
# Contacts older than this no longer count (unanswered tries, the last contact shown),
# except those that hold until something else happens: a sold car, a wrong number, a call
# back asked for.
CONTACTS_WITHIN_DAYS = 365
# A car whose service is overdue by more than this has lapsed (流失): it leaves the daily
# list (the customer groups find it: last visit before …); due within 30 days is the list's
# other end (next_service.DUE_30).
LAPSED_AFTER_DAYS = 365
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True, slots=True)
class CallList:
    """The call list as the page shows it: the lines at ``now``, the counts of its summary
    and the numbers to mend."""

    now: dt.datetime
    lines: list[CallLine]
    summary: Summary
    to_mend: list[Row]
    changes_at: dt.datetime  # when the clock alone may change it (domain/call_list.changes_at)


def _end_of(db: sqlite_utils.Database, today: dt.date) -> dt.datetime:
    zone = ZoneInfo(settings.get(db, "timezone"))
    return dt.datetime.combine(today, dt.time(23, 59, 59), tzinfo=zone)


def _contacts(db: sqlite_utils.Database, today: dt.date) -> dict[int, list[contact_rules.Contact]]:
    since = (today - dt.timedelta(days=CONTACTS_WITHIN_DAYS)).isoformat()
    grouped: dict[int, list[contact_rules.Contact]] = {}
    for row in cq.for_call_list(db, since):
        grouped.setdefault(row["customer_id"], []).append(as_contact(row))
    return grouped


def call_list(
    db: sqlite_utils.Database, today: dt.date, now: dt.datetime | None = None
) -> list[CallLine]:
    """Today's calls, most urgent first (overdue, a call back asked for, due within 7 days,
    within 30 days, then declined work alone); within a rank the call backs first, then
    the earliest due day (or call back), then the plate. ``now`` decides which call backs
    have come (by default the end of ``today``: every call back asked for that day).

    A car overdue by more than LAPSED_AFTER_DAYS has lapsed: its service is no longer a
    reason to call (customer groups find such cars by their last visit). Only the cars
    whose cached due day is in range, or that have declined work, a call back or a
    campaign, are read (service_due.refresh first brings the cached dues up to date)."""
    service_due.refresh(db, today)
    return read_lines(db, today, now or _end_of(db, today))


def todays_calls(db: sqlite_utils.Database, now: dt.datetime) -> CallList:
    """The call list at ``now`` with its numbers to mend, read in one snapshot (a change
    committed meanwhile is in both or in neither). Reads only: the cached dues are to be
    refreshed first (``service_due.refresh``, which writes)."""
    with transaction(db, immediate=False):  # a read snapshot: no write lock taken
        lines, contacts = _read(db, now.date(), now)
        to_mend = numbers_to_mend(db)
    changes = changes_at((c for logged in contacts.values() for c in logged), now)
    return CallList(now, lines, summarize(lines), to_mend, changes)


def read_lines(db: sqlite_utils.Database, today: dt.date, now: dt.datetime) -> list[CallLine]:
    """``call_list`` from the cached dues as they are (reads only)."""
    return _read(db, today, now)[0]


def _read(
    db: sqlite_utils.Database, today: dt.date, now: dt.datetime
) -> tuple[list[CallLine], dict[int, list[contact_rules.Contact]]]:
    """The lines, and the contacts that can matter to them (by customer)."""
    since = (today - dt.timedelta(days=DECLINED_WITHIN_DAYS)).isoformat()
    declined = q.declined_by_vehicle(db, since)
    contacts = _contacts(db, today)
    campaigns = campaign_reasons(db, today)
    calling_back = [
        customer
        for customer, logged in contacts.items()
        if any(c.outcome == "call_back" for c in logged)
    ]
    extra = {*declined, *campaigns, *q.vehicles_of_customers(db, calling_back)}
    lapsed = today - dt.timedelta(days=LAPSED_AFTER_DAYS)
    due_to = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    lines: list[CallLine] = []
    quiet: dict[bool, contact_rules.Standing] = {}
    # the candidates one row at a time: ten years give ~21,000 of them, never all held
    for row in q.call_candidates(db, lapsed.isoformat(), due_to.isoformat(), extra):
        vid = row["vehicle_id"]
        due = service_due.cached(row, today)
        items = [
            ns.Declined(
                d["source"],
                d["description"],
                int(d["amount_fen"]),
                service_due.day(d["day"]),
                d["order_number"],
            )
            for d in declined.get(vid, [])
        ]
        logged = contacts.get(row["customer_id"])
        complaint_open = row["complaints_waiting"] > 0
        if logged:
            state = contact_rules.standing(
                logged,
                row["customer_id"],
                vid,
                now,
                customer_updated_at=parse(row["customer_updated_at"]),
                last_order_at=parse(row["last_order_at"]) if row["last_order_at"] else None,
                complaint_open=complaint_open,
            )
        else:  # nobody contacted: the same standing for every such car (most of the list)
            state = quiet.get(complaint_open) or quiet.setdefault(
                complaint_open,
                contact_rules.standing(
                    [], 0, vid, now, customer_updated_at=now, complaint_open=complaint_open
                ),
            )
        found = ns.reasons(due, items, today) + [
            ns.campaign_reason(
                c["campaign_id"], c["name"], c["offer"], c["valid_to"], c["letter_sent_on"]
            )
            for c in campaigns.get(vid, [])
        ]
        if due.day is not None and due.day < lapsed:
            found = [r for r in found if r.code != ns.OVERDUE]
        found = contact_rules.apply(found, state)
        if not found:
            continue
        lines.append(
            CallLine.of(
                reasons=found,
                due=due,
                today=today,
                vehicle_id=vid,
                plate=row["plate"],
                # a handful of values repeated over thousands of lines: one string each
                model_code=sys.intern(row["model_code"]),
                customer_id=row["customer_id"],
                customer_name=row["customer_name"],
                phone=row["phone"],
                phone2=row["phone2"],
                preferred_contact=sys.intern(row["preferred_contact"]),
                last_visit=service_due.day(row["last_visit"]),
                last_contact=state.last,
                unanswered=state.unanswered,
            )
        )
    lines.sort(key=CallLine.sort_key)
    return lines, contacts


def numbers_to_mend(db: sqlite_utils.Database) -> list[Row]:
    """Customers left off the call list because their number was found wrong and their
    record not updated since, the longest waiting first: the contact that found it (when,
    by whom, how, the note), the customer's name and phones, and a car of theirs."""
    return [
        r
        for r in cq.wrong_numbers(db)
        if contact_rules.wrong_number_open(parse(r["at"]), parse(r["customer_updated_at"]))
    ]
