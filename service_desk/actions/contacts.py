"""The contact log (R3): every call, message or letter to a customer — when, how, who,
why and how it ended — logged in one step with what the outcome makes: "booked" books the
appointment (actions.appointments.book; the deposit is then taken at the appointments
desk), "complaint" logs the complaint (actions.care.open_complaint: answered at once or
with a reply-by time). The contact, the appointment or complaint and their audit rows are
one transaction: a refused booking logs no contact, a contact that cannot be written
leaves no appointment behind (the inner actions' transactions nest as savepoints).

Contacts are written once and never changed (the table refuses UPDATE and DELETE); what
an outcome means for the next days' call list is in domain/contacts.py.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.actions import appointments, care
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import appointments as appointment_rules
from service_desk.domain import contacts as rules
from service_desk.domain import validation as v
from service_desk.domain.clock import iso, parse
from service_desk.store import contact_queries as cq

Row = dict[str, Any]


@dataclass(frozen=True)
class ComplaintInput:
    """The complaint a customer makes on the call: in full, answered at once (``answer``)
    or with the time by which they will hear back (``reply_by``)."""

    text: str
    answer: str = ""
    reply_by: dt.datetime | None = None
    order_id: int | None = None  # the visit it is about, when known


@dataclass(frozen=True)
class ContactInput:
    customer_id: int
    vehicle_id: int | None  # the car it was about; None: the customer in general
    channel: str
    purpose: str
    outcome: str
    note: str = ""
    call_back_at: dt.datetime | None = None  # read for outcome call_back only
    booking: appointments.Booking | None = None  # read for outcome booked only
    complaint: ComplaintInput | None = None  # read for outcome complaint only
    campaign_id: int | None = None  # purpose campaign only


@dataclass(frozen=True)
class ContactResult:
    contact_id: int
    appointment_id: int | None = None
    complaint_id: int | None = None


def log_contact(ctx: Ctx, data: ContactInput) -> ContactResult:
    """Log one contact, by the person at the counter, now. The outcome's extra (call-back
    time, booking, complaint) is checked with the contact; a booking's car is the
    contact's car (or becomes it, when the contact named none)."""
    ctx.actor()
    now = ctx.clock()
    customer = _require(ctx, "customers", data.customer_id)
    booking = data.booking if data.outcome == "booked" else None
    complaint = data.complaint if data.outcome == "complaint" else None
    call_back_at = data.call_back_at if data.outcome == "call_back" else None
    vehicle_id = data.vehicle_id
    if vehicle_id is None and booking is not None:
        vehicle_id = booking.vehicle_id
    v.raise_if_errors(
        rules.check_contact(
            data.channel,
            data.purpose,
            data.outcome,
            now,
            note=data.note,
            call_back_at=call_back_at,
            has_vehicle=vehicle_id is not None,
            has_booking=booking is not None,
            complaint_text=complaint.text if complaint else None,
            complaint_answer=complaint.answer if complaint else "",
            reply_by=complaint.reply_by if complaint else None,
            has_campaign=data.campaign_id is not None,
        )
    )
    if vehicle_id is not None:
        vehicle = _require(ctx, "vehicles", vehicle_id)
        if vehicle["owner_id"] != customer["id"]:
            raise ActionError("contact.vehicle_customer", "vehicle")
    if booking is not None and booking.vehicle_id != vehicle_id:
        raise ActionError("contact.booking_vehicle", "booking")
    if data.campaign_id is not None and not cq.campaign_exists(ctx.db, data.campaign_id):
        raise ActionError("contact.campaign_unknown", "purpose")
    with ctx.transaction() as db:
        appointment_id = appointments.book(ctx, booking) if booking is not None else None
        complaint_id = None
        if complaint is not None:
            answer = complaint.answer.strip()
            complaint_id = care.open_complaint(
                ctx,
                customer["id"],
                complaint.text,
                data.channel,
                complaint.order_id,
                answer=answer,
                reply_by=None if answer else complaint.reply_by,
            )
        record = {
            "customer_id": customer["id"],
            "vehicle_id": vehicle_id,
            "at": iso(now),
            "staff_id": ctx.user_id,
            "channel": data.channel,
            "purpose": data.purpose,
            "campaign_id": data.campaign_id,
            "outcome": data.outcome,
            # in the clock's zone, as ``at``: the table compares the two as text
            "call_back_at": iso(call_back_at.astimezone(now.tzinfo)) if call_back_at else None,
            "appointment_id": appointment_id,
            "complaint_id": complaint_id,
            "note": data.note.strip(),
        }
        contact_id = _insert(db, record)
        audit(ctx, "contact", contact_id, "log", None, record)
    return ContactResult(contact_id, appointment_id, complaint_id)


def _insert(db: sqlite_utils.Database, record: Row) -> int:
    return int(db["contacts"].insert(record).last_pk)


# --- reading the log --------------------------------------------------------------------


def contacts_of_customer(db: sqlite_utils.Database, customer_id: int) -> list[Row]:
    """The customer's contacts (about any of their cars, or none), newest first; each with
    who made it, the car's plate and the appointment or complaint it made."""
    return cq.of_customer(db, customer_id)


def contacts_of_vehicle(db: sqlite_utils.Database, vehicle_id: int) -> list[Row]:
    """The contacts about a car, with any of its owners, newest first."""
    return cq.of_vehicle(db, vehicle_id)


def history(db: sqlite_utils.Database, customer_id: int, vehicle_id: int | None) -> list[Row]:
    """What the call list shows under a line: the customer's contacts and those about the
    car with its earlier owners, newest first."""
    rows = {r["id"]: r for r in contacts_of_customer(db, customer_id)}
    if vehicle_id is not None:
        rows.update({r["id"]: r for r in contacts_of_vehicle(db, vehicle_id)})
    return sorted(rows.values(), key=lambda r: (r["at"], r["id"]), reverse=True)


def as_contact(row: Row) -> rules.Contact:
    # The call list keeps ~20,000 of these on ten years of data: the words repeated
    # over them (channel, purpose, outcome, who) are held once each.
    return rules.Contact(
        id=int(row["id"]),
        at=parse(row["at"]),
        customer_id=int(row["customer_id"]),
        vehicle_id=row["vehicle_id"],
        channel=sys.intern(row["channel"]),
        purpose=sys.intern(row["purpose"]),
        outcome=sys.intern(row["outcome"]),
        staff_name=sys.intern(row.get("staff_name") or ""),
        call_back_at=parse(row["call_back_at"]) if row["call_back_at"] else None,
        note=row.get("note") or "",
    )


def call_backs_due(db: sqlite_utils.Database, now: dt.datetime) -> list[Row]:
    """The call backs customers asked for whose time has come and who have not been
    reached since, the longest waiting first; each row the contact that asked (with the
    customer, phone and plate) and ``unanswered``, the tries since."""
    coarse = (now.date() + dt.timedelta(days=1)).isoformat()
    asked = [r for r in cq.call_backs_until(db, coarse) if parse(r["call_back_at"]) <= now]
    known = [as_contact(r) for r in cq.of_customers(db, (r["customer_id"] for r in asked))]
    due = []
    for r in asked:
        scope = [c for c in known if rules.in_scope(c, r["customer_id"], r["vehicle_id"])]
        pending = rules.pending_call_back([c for c in scope if c.at <= now])
        if pending is not None and pending.id == r["id"]:
            due.append({**r, "unanswered": rules.unanswered_tries(scope)})
    return due


def next_free_slot(
    db: sqlite_utils.Database, after: dt.datetime, days: int = 60
) -> dt.datetime | None:
    """The first slot starting at or after ``after`` on a day with a place left, not
    already taken by another appointment (the booking's default); None when the next
    ``days`` days are full."""
    tz = appointments.zone(db)
    start = after.astimezone(tz)
    minutes = appointments.slot_minutes(db)
    for offset in range(days):
        day = start.date() + dt.timedelta(days=offset)
        if appointments.places_left(db, day) <= 0:
            continue
        taken = cq.taken_starts(db, day.isoformat())
        for slot, _end in appointment_rules.day_slots(day, minutes):
            if slot >= start and iso(slot) not in taken:
                return slot
    return None


def last_order(db: sqlite_utils.Database, vehicle_id: int | None, customer_id: int) -> Row | None:
    """The visit a complaint made on a call is most likely about: the car's latest order
    of this customer."""
    return None if vehicle_id is None else cq.last_order(db, vehicle_id, customer_id)
