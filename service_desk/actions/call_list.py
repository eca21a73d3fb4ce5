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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlite_utils

from service_desk.actions import service_due
from service_desk.actions.campaigns import campaign_reasons
from service_desk.actions.contacts import as_contact
from service_desk.domain import contacts as contact_rules
from service_desk.domain import next_service as ns
from service_desk.domain.clock import parse
from service_desk.store import call_list_queries as q
from service_desk.store import contact_queries as cq
from service_desk.store import settings

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


@dataclass(frozen=True)
class CallLine:
    vehicle_id: int
    plate: str
    model_code: str
    customer_id: int
    customer_name: str
    phone: str
    phone2: str | None
    preferred_contact: str
    last_visit: dt.date | None
    due: ns.Due
    reasons: tuple[ns.Reason, ...]
    last_contact: contact_rules.Contact | None = None
    unanswered: int = 0  # tries nobody answered since the customer was last reached

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    @property
    def rank(self) -> int:
        return ns.rank(self.reasons)

    @property
    def call_back_at(self) -> dt.datetime | None:
        found = [r.figures["call_back_at"] for r in self.reasons if r.code == ns.CALL_BACK]
        return found[0] if found else None  # type: ignore[return-value]

    @property
    def campaign_id(self) -> int | None:
        """The campaign a call about this line is for (when that is its purpose)."""
        found = [r.figures["campaign_id"] for r in self.reasons if r.code == ns.CAMPAIGN]
        return int(found[0]) if found and self.purpose == "campaign" else None  # type: ignore[arg-type]

    @property
    def purpose(self) -> str:
        """What a call about this line is for (its most urgent reason)."""
        return contact_rules.purpose_for(self.codes)

    def sort_key(self) -> tuple[int, int, dt.date, str]:
        """Most urgent first; within a rank a call back asked for first (the customer is
        waiting for it), then the earliest call back or due day, then the plate."""
        at = self.call_back_at
        if at is not None and self.rank == ns.RANK[ns.CALL_BACK]:
            day = at.date()
        else:
            day = self.due.day or dt.date.max
        return (self.rank, 0 if at is not None else 1, day, self.plate)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


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
    now = now or _end_of(db, today)
    service_due.refresh(db, today)
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
    for row in q.call_candidates(db, lapsed.isoformat(), due_to.isoformat(), extra):
        vid = row["vehicle_id"]
        due = service_due.cached(row, today)
        items = [
            ns.Declined(
                d["source"],
                d["description"],
                int(d["amount_fen"]),
                dt.date.fromisoformat(d["day"]),
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
            CallLine(
                vehicle_id=vid,
                plate=row["plate"],
                model_code=row["model_code"],
                customer_id=row["customer_id"],
                customer_name=row["customer_name"],
                phone=row["phone"],
                phone2=row["phone2"],
                preferred_contact=row["preferred_contact"],
                last_visit=_date(row["last_visit"]),
                due=due,
                reasons=tuple(found),
                last_contact=state.last,
                unanswered=state.unanswered,
            )
        )
    lines.sort(key=CallLine.sort_key)
    return lines


def numbers_to_mend(db: sqlite_utils.Database) -> list[dict]:
    """Customers left off the call list because their number was found wrong and their
    record not updated since, the longest waiting first: the contact that found it (when,
    by whom, how, the note), the customer's name and phones, and a car of theirs."""
    return [
        r
        for r in cq.wrong_numbers(db)
        if contact_rules.wrong_number_open(parse(r["at"]), parse(r["customer_updated_at"]))
    ]
