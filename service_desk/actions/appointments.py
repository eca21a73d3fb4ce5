"""Appointments at the counter (预约维修服务, R17): book, deposit, remind, cancel, miss,
arrive (the appointment becomes a repair order in one step), the workshop's list of the
day and the appointment statistics (预约统计表).

Every change is one transaction with an audit row; nothing is deleted: an appointment's
state only moves forward and deposits are append-only. A deposit stays on the
appointment until the checkout credits it to the order it became (credit_deposits).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlite_utils

from service_desk import reference
from service_desk.actions import orders, settlement
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import appointments as rules
from service_desk.domain import validation as v
from service_desk.domain.clock import iso, parse
from service_desk.domain.settlement import METHODS
from service_desk.store import appointment_queries as aq
from service_desk.store import settings

T = TypeVar("T")


@dataclass
class Booking:
    """What the booking form holds."""

    vehicle_id: int
    start: dt.datetime
    end: dt.datetime | None = None  # None: one slot (the setting appointment_slot_minutes)
    requested_by: str = "customer"
    items: str = ""  # the request in words; the job names when left empty
    jobs: Sequence[str] = field(default_factory=tuple)  # standard job codes
    parts_estimate_fen: int = 0
    parts_to_order: bool = False
    deposit_required_fen: int | None = None  # None: the least the rule asks


def _rule(check: Callable[[], T]) -> T:
    try:
        return check()
    except rules.AppointmentError as exc:
        raise ActionError(exc.code, exc.field, **exc.params) from exc


def zone(db: sqlite_utils.Database) -> ZoneInfo:
    return ZoneInfo(settings.get(db, "timezone"))


def capacity(db: sqlite_utils.Database) -> int:
    return int(settings.get(db, "appointment_capacity_per_day"))


def slot_minutes(db: sqlite_utils.Database) -> int:
    return int(settings.get(db, "appointment_slot_minutes"))


def places_left(db: sqlite_utils.Database, day: dt.date) -> int:
    return rules.places_left(capacity(db), aq.places_taken(db, day.isoformat()))


def job_names(codes: Sequence[str], lang: str = "zh") -> list[str]:
    return [reference.standard_job(code).name(lang) for code in codes]


def parts_of_jobs(codes: Sequence[str]) -> int:
    """The parts' price of the chosen standard jobs (the estimate's default)."""
    return sum(
        line.amount_fen
        for code in codes
        for line in orders.standard_job_lines(code)
        if line.kind == "part"
    )


# --- booking ----------------------------------------------------------------------------------


def book(ctx: Ctx, booking: Booking) -> int:
    """Book a car for a slot: the request checked, the slot not in the past, a place left
    that day, and the deposit asked at least what the rule says."""
    actor = ctx.actor()
    vehicle = _require(ctx, "vehicles", booking.vehicle_id)
    if booking.requested_by not in rules.REQUESTED_BY:
        raise ActionError("appointment.requested_by", "requested_by")
    known = {job.code for job in reference.standard_jobs()}
    if any(code not in known for code in booking.jobs):
        raise ActionError("appointment.job_unknown", "jobs")
    items = booking.items.strip() or "；".join(job_names(booking.jobs))
    v.raise_if_errors(
        v.collect(v.check_text(items, "items", rules.ITEMS_MAX, required=True)),
    )
    tz = zone(ctx.db)
    start = booking.start.astimezone(tz)
    end = (booking.end or start + dt.timedelta(minutes=slot_minutes(ctx.db))).astimezone(tz)
    _rule(lambda: rules.check_slot(start, end, ctx.clock()))
    parts = booking.parts_estimate_fen
    if parts < 0 or parts > rules.MAX_FEN:
        raise ActionError("parts.range", "parts")
    deposit = (
        rules.min_deposit_fen(parts, booking.parts_to_order)
        if booking.deposit_required_fen is None
        else booking.deposit_required_fen
    )
    _rule(lambda: rules.check_deposit(parts, booking.parts_to_order, deposit))
    day = start.date().isoformat()
    if aq.open_of_vehicle(ctx.db, vehicle["id"], day) is not None:
        raise ActionError("appointment.duplicate", "start", day=day)
    record = {
        "customer_id": vehicle["owner_id"],
        "vehicle_id": vehicle["id"],
        "requested_by": booking.requested_by,
        "slot_start": iso(start),
        "slot_end": iso(end),
        "day": day,
        "jobs": json.dumps(list(booking.jobs)),
        "items": items,
        "parts_to_order": int(booking.parts_to_order),
        "parts_estimate_fen": parts,
        "deposit_required_fen": deposit,
        "state": "booked",
        "booked_by": actor["id"],
        "booked_at": ctx.now(),
    }
    with ctx.transaction() as db:
        # counted inside the transaction: two counters cannot both take the last place
        _rule(lambda: rules.check_capacity(capacity(db), aq.places_taken(db, day)))
        appointment_id = int(db["appointments"].insert(record).last_pk)
        audit(ctx, "appointment", appointment_id, "book", None, record)
    return appointment_id


def _appointment(ctx: Ctx, appointment_id: int) -> dict[str, Any]:
    return _require(ctx, "appointments", appointment_id)


def _open(ctx: Ctx, appointment_id: int) -> dict[str, Any]:
    ctx.actor()
    a = _appointment(ctx, appointment_id)
    if a["state"] not in rules.OPEN_STATES:
        raise ActionError("appointment.closed", None, appointment_state=a["state"])
    return a


def _move(ctx: Ctx, a: dict[str, Any], changes: dict[str, Any], action: str) -> None:
    before = {k: a[k] for k in changes}
    ctx.db["appointments"].update(a["id"], changes)
    audit(ctx, "appointment", a["id"], action, before, changes)


# --- the deposit ------------------------------------------------------------------------------


def record_deposit(
    ctx: Ctx, appointment_id: int, method: str, amount_fen: int, reference_text: str = ""
) -> int:
    """Take (part of) the deposit asked; no more than is still open."""
    a = _open(ctx, appointment_id)
    if method not in METHODS:
        raise ActionError("payment.method", "method")
    if len(reference_text.strip()) > 100:
        raise ActionError("payment.reference", "reference")
    paid = _paid(ctx.db, appointment_id)
    still_open = rules.deposit_open_fen(a["deposit_required_fen"], paid)
    if still_open <= 0:
        raise ActionError("deposit.nothing_open", "amount")
    if amount_fen <= 0 or amount_fen > still_open:
        raise ActionError("deposit.amount", "amount", open_fen=still_open)
    record = {
        "appointment_id": appointment_id,
        "method": method,
        "amount_fen": amount_fen,
        "at": ctx.now(),
        "staff_id": ctx.user_id,
        "reference": reference_text.strip(),
    }
    with ctx.transaction() as db:
        deposit_id = int(db["appointment_deposits"].insert(record).last_pk)
        audit(ctx, "appointment_deposit", deposit_id, "add", None, record)
    return deposit_id


def _paid(db: sqlite_utils.Database, appointment_id: int) -> int:
    return db.execute(
        "SELECT coalesce(sum(amount_fen), 0) FROM appointment_deposits WHERE appointment_id = ?",
        [appointment_id],
    ).fetchone()[0]


def credit_deposits(ctx: Ctx, order_id: int) -> list[int]:
    """At the checkout: each deposit of the appointment this order came from becomes a
    payment of the order (same method, reference 预约定金 #id), once. Returns the new
    payment ids (none when there is nothing left to credit)."""
    ctx.actor()
    a = aq.of_order(ctx.db, order_id)
    if a is None:
        return []
    todo = [d for d in aq.deposits(ctx.db, a["id"]) if d["credited_payment_id"] is None]
    payment_ids: list[int] = []
    with ctx.transaction() as db:
        for d in todo:
            ref = f"预约定金 #{d['id']}"
            if d["reference"]:
                ref = f"{ref} {d['reference']}"[:100]
            payment_id = settlement.add_payment(ctx, order_id, d["method"], d["amount_fen"], ref)
            record = {
                "deposit_id": d["id"],
                "appointment_id": a["id"],
                "order_id": order_id,
                "payment_id": payment_id,
                "at": ctx.now(),
                "staff_id": ctx.user_id,
            }
            credit_id = int(db["appointment_credits"].insert(record).last_pk)
            audit(ctx, "appointment_credit", credit_id, "credit", None, record)
            payment_ids.append(payment_id)
    return payment_ids


# --- the moves --------------------------------------------------------------------------------


def mark_reminded(ctx: Ctx, appointment_id: int) -> None:
    """The customer was reminded (by phone, WeChat …) of the appointment."""
    a = _open(ctx, appointment_id)
    if a["state"] != "booked":
        raise ActionError("appointment.already_reminded", None)
    with ctx.transaction():
        _move(
            ctx,
            a,
            {"state": "reminded", "reminded_by": ctx.user_id, "reminded_at": ctx.now()},
            "remind",
        )


def cancel(ctx: Ctx, appointment_id: int, reason: str) -> None:
    """Cancelled by the customer or the dealer, with the reason; the place is free again."""
    a = _open(ctx, appointment_id)
    text = reason.strip()
    if not text:
        raise ActionError("appointment.reason", "reason")
    if len(text) > rules.REASON_MAX:
        raise ActionError("appointment.reason_too_long", "reason", max=rules.REASON_MAX)
    with ctx.transaction():
        _move(
            ctx,
            a,
            {
                "state": "cancelled",
                "cancel_reason": text,
                "ended_by": ctx.user_id,
                "ended_at": ctx.now(),
            },
            "cancel",
        )


def mark_missed(ctx: Ctx, appointment_id: int) -> None:
    """The car did not come: only once its slot is over."""
    a = _open(ctx, appointment_id)
    if not rules.is_missed(a["state"], parse(a["slot_end"]), ctx.clock()):
        raise ActionError("appointment.not_over", None, end=a["slot_end"][11:16])
    with ctx.transaction():
        _move(ctx, a, {"state": "missed", "ended_by": ctx.user_id, "ended_at": ctx.now()}, "miss")


def mark_all_missed(ctx: Ctx) -> list[int]:
    """Every appointment still open whose slot is over (the end of the day)."""
    now = ctx.clock()
    today = now.astimezone(zone(ctx.db)).date()
    first = (today - dt.timedelta(days=366)).isoformat()
    missed = [
        a["id"]
        for a in aq.open_between(ctx.db, first, today.isoformat())
        if rules.is_missed(a["state"], parse(a["slot_end"]), now)
    ]
    for appointment_id in missed:
        mark_missed(ctx, appointment_id)
    return missed


def arrive(ctx: Ctx, appointment_id: int, lang: str = "zh") -> int:
    """The car is here: a repair order is opened for it in one step, its request the
    appointment's items and its lines the standard jobs booked. Returns the order id."""
    a = _open(ctx, appointment_id)
    jobs = json.loads(a["jobs"])
    request = a["items"]
    if a["parts_to_order"]:
        number = rules.appointment_number(a["day"], a["id"])
        request = f"{request}\n（预约单 {number}，已订配件）"
    with ctx.transaction():
        order_id = orders.open_order(ctx, a["vehicle_id"], request[:4000])
        for code in jobs:
            orders.apply_standard_job(ctx, order_id, code, lang)
        _move(
            ctx,
            a,
            {
                "state": "arrived",
                "order_id": order_id,
                "ended_by": ctx.user_id,
                "ended_at": ctx.now(),
            },
            "arrive",
        )
    return order_id


# --- lists and figures ------------------------------------------------------------------------


def day_list(db: sqlite_utils.Database, day: dt.date) -> list[dict[str, Any]]:
    """The appointments of a day, by slot, with what each still owes of its deposit."""
    return [
        {
            **a,
            "deposit_open_fen": rules.deposit_open_fen(
                a["deposit_required_fen"], a["deposit_paid_fen"]
            ),
            "job_codes": json.loads(a["jobs"]),
        }
        for a in aq.of_day(db, day.isoformat())
    ]


def bay_list(db: sqlite_utils.Database, first: dt.date, days: int = 2) -> list[dict[str, Any]]:
    """The workshop supervisor's list: the cars expected today and tomorrow (not the
    cancelled or missed ones), so bays are kept free."""
    rows: list[dict[str, Any]] = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        rows += [a for a in day_list(db, day) if a["state"] in rules.TAKES_A_PLACE]
    return rows


def reminders_due(ctx: Ctx) -> list[dict[str, Any]]:
    """Booked appointments whose reminder is due now, or late (the slot is less than half
    a day away and nobody reminded the customer), soonest first."""
    now = ctx.clock()
    today = now.astimezone(zone(ctx.db)).date()
    rows = []
    for a in aq.open_between(ctx.db, today.isoformat(), (today + dt.timedelta(days=2)).isoformat()):
        status = rules.reminder_status(a["state"], parse(a["slot_start"]), now)
        if status in ("due", "late"):
            rows.append({**a, "reminder": status})
    return rows


def statistics(
    db: sqlite_utils.Database, first: dt.date, last: dt.date
) -> tuple[list[rules.DayFigures], rules.DayFigures]:
    """The appointment statistics (预约统计表) per day of the period and its total:
    made, kept (arrived), missed, cancelled, still open."""
    rows = [
        (dt.date.fromisoformat(r["day"]), r["state"])
        for r in aq.states_between(db, first.isoformat(), last.isoformat())
    ]
    days = rules.day_figures(rows)
    return days, rules.total_figures(days, first)
