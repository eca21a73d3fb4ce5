"""Warranty claims (索赔) and the first free service (首保), R19.

The dealer claims the warranty lines of a settled order from the manufacturer under the
manufacturer's claim number (``file_claim``), then records what the manufacturer did:
``approve`` (with the amount approved), ``reject`` (with its reason; the order shows up
among the orders to claim again, and the next claim records the one it refiles) and
``mark_paid`` (with the amount paid). Rules in domain/warranty.py, enforced again by the
schema (store/schema_v19.py). Every step is audited (entity 'warranty_claim').

The first-service list is derived, nothing is stored: each vehicle's purchase date, its
model's first service (first_km / first_months), its odometer readings and its first
maintenance order give its status (domain.warranty.first_service_status); the list keeps
the cars worth a look today (FirstService.listed), most urgent first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlite_utils

from service_desk import reference
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import next_service as ns
from service_desk.domain import warranty as rules
from service_desk.domain.clock import parse
from service_desk.domain.schedules import add_months
from service_desk.store import call_list_queries
from service_desk.store import warranty_queries as q

Row = dict[str, Any]
T = TypeVar("T")
ENTITY = "warranty_claim"


def _rule(check: Callable[[], T]) -> T:
    try:
        return check()
    except rules.WarrantyError as exc:
        raise ActionError(exc.code, exc.field, **exc.params) from exc


# --- orders to claim and filing -----------------------------------------------------------


def orders_to_claim(db: sqlite_utils.Database) -> list[Row]:
    """Settled, released or done orders with warranty lines and no live claim."""
    return q.orders_to_claim(db)


def file_claim(
    ctx: Ctx,
    order_id: int,
    claim_number: str,
    claimed_fen: int | None = None,
    note: str = "",
) -> int:
    """File the order's claim under the manufacturer's number; the amount claimed is the
    order's warranty lines unless given. Returns the claim's id."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in rules.CLAIMABLE_ORDER_STATES:
        raise ActionError("claim.order_state", None, state=order["state"])
    lines = q.warranty_lines_fen(ctx.db, order_id)
    if lines <= 0:
        raise ActionError("claim.no_warranty_lines")
    live = q.live_claim(ctx.db, order_id)
    if live is not None:
        raise ActionError("claim.live_exists", None, claim_number=live["claim_number"])
    number = _rule(lambda: rules.check_number(claim_number))
    claimed = lines if claimed_fen is None else claimed_fen
    _rule(lambda: rules.check_claimed(claimed, lines))
    kept_note = _rule(lambda: rules.check_note(note))
    with ctx.transaction() as db:
        taken = q.claim_by_number(db, number)
        if taken is not None:
            raise ActionError(
                "claim_number.taken", "claim_number", order_number=taken["order_number"]
            )
        now = ctx.now()
        record = {
            "order_id": order_id,
            "claim_number": number,
            "refiles": q.last_rejected_id(db, order_id),
            "state": "submitted",
            "lines_fen": lines,
            "claimed_fen": claimed,
            "submitted_at": now,
            "submitted_by": ctx.user_id,
            "note": kept_note,
            "updated_at": now,
        }
        claim_id = int(db["warranty_claims"].insert(record).last_pk)
        audit(ctx, ENTITY, claim_id, "file", None, record)
    return claim_id


# --- the manufacturer's answer ------------------------------------------------------------


def claim(db: sqlite_utils.Database, claim_id: int) -> Row | None:
    return q.claim(db, claim_id)


def claims_of_order(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return q.claims_of_order(db, order_id)


def _claim(ctx: Ctx, claim_id: int, to: str) -> Row:
    ctx.actor()
    found = q.claim(ctx.db, claim_id)
    if found is None:
        raise ActionError("record.missing", None, table="warranty_claims", id=claim_id)
    _rule(lambda: rules.check_move(found["state"], to))
    return found


def _move(ctx: Ctx, before: Row, changes: Row, action: str) -> None:
    with ctx.transaction() as db:
        db["warranty_claims"].update(before["id"], {**changes, "updated_at": ctx.now()})
        audit(ctx, ENTITY, before["id"], action, {k: before[k] for k in changes}, changes)


def approve(ctx: Ctx, claim_id: int, approved_fen: int) -> None:
    """The manufacturer approved the claim for ``approved_fen`` (at most what was claimed)."""
    found = _claim(ctx, claim_id, "approved")
    _rule(lambda: rules.check_approved(approved_fen, found["claimed_fen"]))
    changes = {
        "state": "approved",
        "approved_fen": approved_fen,
        "approved_at": ctx.now(),
        "approved_by": ctx.user_id,
    }
    _move(ctx, found, changes, "approve")


def reject(ctx: Ctx, claim_id: int, reason: str) -> None:
    """The manufacturer rejected the claim; the order may be claimed again."""
    found = _claim(ctx, claim_id, "rejected")
    text = _rule(lambda: rules.check_reason(reason))
    changes = {
        "state": "rejected",
        "rejection_reason": text,
        "rejected_at": ctx.now(),
        "rejected_by": ctx.user_id,
    }
    _move(ctx, found, changes, "reject")


def mark_paid(ctx: Ctx, claim_id: int, paid_fen: int) -> None:
    """The manufacturer paid ``paid_fen`` for an approved claim (at most the approved
    amount; less leaves a shortfall)."""
    found = _claim(ctx, claim_id, "paid")
    _rule(lambda: rules.check_paid(paid_fen, found["approved_fen"]))
    changes = {
        "state": "paid",
        "paid_fen": paid_fen,
        "paid_at": ctx.now(),
        "paid_by": ctx.user_id,
    }
    _move(ctx, found, changes, "pay")


# --- open claims and figures --------------------------------------------------------------


def _time(text: str | None) -> dt.datetime | None:
    return parse(text) if text else None


def open_claims(db: sqlite_utils.Database, now: dt.datetime) -> list[Row]:
    """Claims submitted, or approved and not paid: those due for a chase first, then the
    oldest filed. Each row adds age_days (since filed), waiting_days (since the
    manufacturer's last step), chase (bool) and expected_fen (what is still expected)."""
    out = []
    for r in q.open_claims(db):
        submitted, approved = parse(r["submitted_at"]), _time(r["approved_at"])
        since = rules.waiting_since(r["state"], submitted, approved) or submitted
        out.append(
            {
                **r,
                "age_days": rules.days_between(submitted, now),
                "waiting_days": rules.days_between(since, now),
                "chase": rules.due_for_chase(r["state"], submitted, approved, now),
                "expected_fen": r["approved_fen"] if r["state"] == "approved" else r["claimed_fen"],
            }
        )
    out.sort(key=lambda r: (not r["chase"], r["submitted_at"], r["id"]))
    return out


def claim_figures(
    db: sqlite_utils.Database, first: dt.date, last: dt.date, now: dt.datetime
) -> rules.Figures:
    """Open claims now (count, amount still expected, due for a chase) and the claims
    filed, approved, rejected and paid from ``first`` to ``last`` (local days)."""
    claims = [
        rules.Claim(
            state=r["state"],
            claimed_fen=r["claimed_fen"],
            submitted_at=parse(r["submitted_at"]),
            approved_fen=r["approved_fen"],
            approved_at=_time(r["approved_at"]),
            rejected_at=_time(r["rejected_at"]),
            paid_fen=r["paid_fen"],
            paid_at=_time(r["paid_at"]),
        )
        for r in q.claims_for_figures(db, (first - dt.timedelta(days=1)).isoformat())
    ]
    return rules.figures(claims, first, last, now)


# --- the first free service (首保) ------------------------------------------------------------


@dataclass(frozen=True)
class FirstServiceLine:
    vehicle_id: int
    plate: str
    model_code: str
    customer_id: int
    customer_name: str
    phone: str
    phone2: str | None
    purchase_date: dt.date | None
    open_order: str | None  # the order the car is in the shop for now
    service: rules.FirstService

    @property
    def status(self) -> str:
        return self.service.status


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _done(row: Row) -> rules.FirstServiceDone | None:
    if row["first_order_id"] is None:
        return None
    return rules.FirstServiceDone(
        int(row["first_order_id"]),
        row["first_number"],
        dt.date.fromisoformat(row["first_day"]),
        row["first_order_km"],
    )


def _first_service_since(today: dt.date) -> dt.date:
    """The earliest purchase date a car listed today can have: a car is listed until
    LIST_LAPSED_DAYS after its grace (and a first service done in time at most
    LIST_DONE_DAYS ago was done by its grace), so its limit date (purchase + first_months)
    is at most that long ago; a few days more for the month arithmetic."""
    months = max(reference.cycle_for_model(m.code).first_months for m in reference.car_models())
    back = max(rules.GRACE_DAYS + rules.LIST_LAPSED_DAYS, rules.LIST_DONE_DAYS + rules.GRACE_DAYS)
    return add_months(today - dt.timedelta(days=back + 5), -months)


def first_service_list(db: sqlite_utils.Database, today: dt.date) -> list[FirstServiceLine]:
    """The cars in or near their first-service window today (and those done or lapsed of
    late, and young cars with no purchase date), overdue first, then due, due soon,
    unknown, done, lapsed; within each the earliest limit first, then by plate."""
    rows = q.first_service_candidates(db, _first_service_since(today).isoformat())
    readings = call_list_queries.readings_of(db, [r["vehicle_id"] for r in rows])
    lines = []
    for row in rows:
        try:
            cycle = reference.cycle_for_model(row["model_code"])
        except KeyError:  # a model no longer in the reference data: no schedule known
            continue
        own = [
            ns.Reading(dt.date.fromisoformat(d), km)
            for d, km in readings.get(row["vehicle_id"], [])
        ]
        service = rules.first_service_status(
            cycle.first_km, cycle.first_months, _date(row["purchase_date"]), own, today, _done(row)
        )
        if not service.listed(today):
            continue
        lines.append(
            FirstServiceLine(
                vehicle_id=row["vehicle_id"],
                plate=row["plate"],
                model_code=row["model_code"],
                customer_id=row["customer_id"],
                customer_name=row["customer_name"],
                phone=row["phone"],
                phone2=row["phone2"],
                purchase_date=_date(row["purchase_date"]),
                open_order=row["open_order"],
                service=service,
            )
        )
    lines.sort(
        key=lambda x: (x.service.rank, x.service.due_day or dt.date.max, x.plate),
    )
    return lines
