"""The checkout desk's release gate (R14) and comeback detection.

The car leaves only when every condition of domain/release.py holds: the order is
settled (the cashier's step, read from the order state only), every key was handed back
(key cabinet), the belongings were ticked back (actions.checkin.return_belongings) and
the customer signed the list, the documents were handed back, and odometer and fuel out
were read, with an explanation when they differ much from the readings in (more than
the settings release_odometer_diff_km / release_fuel_drop_eighths allow).

Comebacks are detected when an order is signed (actions.orders.sign calls
``detect_comeback``), within the settings comeback_days / comeback_km of the release.

Refusal convention: ``release`` raises ``ActionError("release.missing")`` whose params
are ``missing`` (every open condition code, in domain order, for the screen's list) and
``condition`` (the first of them, the one the message names).
"""

from __future__ import annotations

from typing import Any

from service_desk import reference
from service_desk.actions import orders
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.domain import checkin as ci
from service_desk.domain import release as rules
from service_desk.domain import validation as v
from service_desk.domain.clock import parse
from service_desk.domain.schedules import Cycle, next_service
from service_desk.store import checkin_queries, key_queries, release_queries, settings

# The car is at the checkout desk once the workshop handed it back.
DESK_STATES = ("ready", "settled")
NOTE_MAX = 500


def _order_at_desk(ctx: Ctx, order_id: int) -> dict[str, Any]:
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in DESK_STATES:
        raise ActionError("release.state", None, state=order["state"])
    return order


def _release_row(ctx: Ctx, order_id: int) -> dict[str, Any]:
    """The order's release record, created on first use (inside a transaction)."""
    ctx.db.execute(
        "INSERT OR IGNORE INTO releases(order_id, updated_at) VALUES (?, ?)",
        [order_id, ctx.now()],
    )
    found = row(ctx.db, "SELECT * FROM releases WHERE order_id = ?", [order_id])
    assert found is not None
    return found


def _fuel(unit: str | None, value: int | None) -> ci.Fuel | None:
    return None if unit is None or value is None else ci.Fuel(unit, value)


def record_odometer_fuel_out(
    ctx: Ctx, order_id: int, km: int | None, fuel: ci.Fuel | None, explanation: str = ""
) -> None:
    """Odometer and fuel as read when the car leaves. Lower than the reading in is
    refused (no reason can make the car run backwards here); a big difference from the
    readings in is kept, but the gate then wants ``explanation``. May be read again."""
    order = _order_at_desk(ctx, order_id)
    explanation = explanation.strip()
    odometer_in = _odometer_in(ctx, order)
    problems = v.collect(
        v.Problem("odometer", "odometer.required") if km is None else None,
        v.check_odometer(km, None),
        ci.check_fuel(fuel),
        v.check_text(explanation, "explanation", NOTE_MAX),
    )
    if km is not None and odometer_in is not None and 0 <= km < odometer_in:
        problems.append(v.Problem("odometer", "odometer.below_in", params=(("in", odometer_in),)))
    v.raise_if_errors(problems)
    assert fuel is not None and km is not None
    now = ctx.now()
    after = {
        "odometer_out": km,
        "fuel_unit": fuel.unit,
        "fuel_value": fuel.value,
        "difference_note": explanation,
    }
    with ctx.transaction() as db:
        before = _release_row(ctx, order_id)
        _refuse_if_released(before)
        stamp = {"readings_at": now, "readings_by": ctx.user_id, "updated_at": now}
        db["releases"].update(before["id"], {**after, **stamp})
        audit(ctx, "release", before["id"], "readings_out", {k: before[k] for k in after}, after)


def record_documents_returned(ctx: Ctx, order_id: int) -> None:
    """The documents that came with the car were handed back to the customer."""
    _order_at_desk(ctx, order_id)
    now = ctx.now()
    with ctx.transaction() as db:
        current = _release_row(ctx, order_id)
        _refuse_if_released(current)
        if current["documents_returned"]:
            raise ActionError("release.documents_already_returned")
        changes = {"documents_returned": 1, "documents_returned_at": now}
        db["releases"].update(
            current["id"], {**changes, "documents_returned_by": ctx.user_id, "updated_at": now}
        )
        audit(ctx, "release", current["id"], "documents_returned", None, changes)


def record_belongings_signed(ctx: Ctx, order_id: int) -> None:
    """The customer signed the belongings list after it was ticked back
    (actions.checkin.return_belongings)."""
    _order_at_desk(ctx, order_id)
    state = checkin_queries.checkin(ctx.db, order_id)
    if state is None or state["returned_at"] is None:
        raise ActionError("release.belongings_not_ticked")
    now = ctx.now()
    with ctx.transaction() as db:
        current = _release_row(ctx, order_id)
        _refuse_if_released(current)
        if current["belongings_signed_at"]:
            raise ActionError("release.belongings_already_signed")
        db["releases"].update(
            current["id"],
            {"belongings_signed_at": now, "belongings_signed_by": ctx.user_id, "updated_at": now},
        )
        audit(ctx, "release", current["id"], "belongings_signed", None, {"signed_at": now})


def release_facts(db: Any, order_id: int) -> rules.ReleaseFacts:
    order = row(db, "SELECT * FROM repair_orders WHERE id = ?", [order_id])
    if order is None:
        raise ActionError("record.missing", None, table="repair_orders", id=order_id)
    state = checkin_queries.checkin(db, order_id) or {}
    rel = release_queries.release(db, order_id) or {}
    return rules.ReleaseFacts(
        state=order["state"],
        keys_returned=key_queries.release_gate(db, order_id) is None,
        belongings_returned=state.get("returned_at") is not None,
        belongings_signed=rel.get("belongings_signed_at") is not None,
        documents_returned=bool(rel.get("documents_returned")),
        odometer_in=state.get("odometer_km") or order["odometer_in"],
        odometer_out=rel.get("odometer_out"),
        fuel_in=_fuel(state.get("fuel_unit"), state.get("fuel_value")),
        fuel_out=_fuel(rel.get("fuel_unit"), rel.get("fuel_value")),
        explanation=rel.get("difference_note") or "",
        odometer_diff_km=settings.get(db, "release_odometer_diff_km"),
        fuel_drop_eighths=settings.get(db, "release_fuel_drop_eighths"),
    )


def missing_for_release(db: Any, order_id: int) -> list[str]:
    """What still keeps the car from leaving (codes of domain/release.py, in order)."""
    return rules.missing(release_facts(db, order_id))


def release(ctx: Ctx, order_id: int, note: str = "") -> None:
    """The car leaves: settled -> released, refused while anything is missing."""
    ctx.actor()
    _require(ctx, "repair_orders", order_id)
    missing = missing_for_release(ctx.db, order_id)
    if missing:
        raise ActionError("release.missing", None, missing=missing, condition=missing[0])
    now = ctx.now()
    with ctx.transaction() as db:
        current = _release_row(ctx, order_id)
        _refuse_if_released(current)
        db["releases"].update(
            current["id"], {"released_at": now, "released_by": ctx.user_id, "updated_at": now}
        )
        orders.advance(ctx, order_id, "released", note or "car released to the customer")
        audit(ctx, "release", current["id"], "release", None, {"released_at": now})
        _next_due_after_service(ctx, order_id)


def _next_due_after_service(ctx: Ctx, order_id: int) -> None:
    """A maintenance visit moves the car's next maintenance due (date and km, whichever
    first): counted from the day the order was signed and the odometer in, as the call
    list counts it (store/call_list_queries). Shown at reception and on the next order."""
    order = row(ctx.db, "SELECT * FROM repair_orders WHERE id = ?", [order_id])
    if order is None or order["repair_category"] != "maintenance":
        return
    vehicle = row(ctx.db, "SELECT * FROM vehicles WHERE id = ?", [order["vehicle_id"]])
    km = order["odometer_in"]
    if vehicle is None or km is None:
        return
    model = reference.cycle_for_model(vehicle["model_code"])
    cycle = Cycle(model.first_km, model.first_months, vehicle["cycle_km"], vehicle["cycle_months"])
    day = parse(order["signed_at"] or order["created_at"]).date()
    due_date, due_km = next_service(cycle, None, (day, int(km)))
    before = {k: vehicle[k] for k in ("next_due_date", "next_due_km")}
    after = {"next_due_date": due_date.isoformat() if due_date else None, "next_due_km": due_km}
    if after != before:
        ctx.db["vehicles"].update(vehicle["id"], {**after, "updated_at": ctx.now()})
        audit(ctx, "vehicle", vehicle["id"], "next_due_after_service", before, after)


def detect_comeback(ctx: Ctx, order_id: int) -> int | None:
    """Flag the order as a comeback when the same vehicle was released within the window
    with related work: a link to the original order, its team and the original guarantee
    start is recorded. Returns the link's id (the existing one when already flagged), or
    None when the order is no comeback."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    existing = release_queries.comeback(ctx.db, order_id)
    if existing is not None:
        return int(existing["id"])
    work = rules.Work(order["repair_category"], release_queries.active_systems(ctx.db, order_id))
    earlier = [
        rules.EarlierVisit(
            order_id=r["order_id"],
            released_at=parse(r["released_at"]),
            odometer_out=r["odometer_out"],
            work=rules.Work(
                r["repair_category"], release_queries.active_systems(ctx.db, r["order_id"])
            ),
            team=r["team"],
            guarantee_from=parse(r["guarantee_from"]) if r["guarantee_from"] else None,
        )
        for r in release_queries.released_visits(ctx.db, order["vehicle_id"], order_id)
    ]
    match = rules.find_comeback(
        parse(order["created_at"]),
        _odometer_in(ctx, order),
        work,
        earlier,
        days=settings.get(ctx.db, "comeback_days"),
        km=settings.get(ctx.db, "comeback_km"),
    )
    if match is None:
        return None
    record = {
        "order_id": order_id,
        "original_order_id": match.original_order_id,
        "reason": match.reason,
        "days": match.days,
        "km": match.km,
        "original_team": match.team,
        "guarantee_from": match.guarantee_from.isoformat(timespec="seconds"),
        "detected_at": ctx.now(),
        "staff_id": ctx.user_id,
    }
    with ctx.transaction() as db:
        comeback_id = int(db["comebacks"].insert(record).last_pk)
        audit(ctx, "comeback", comeback_id, "detect", None, record)
    return comeback_id


# --- helpers -----------------------------------------------------------------------------


def _odometer_in(ctx: Ctx, order: dict[str, Any]) -> int | None:
    state = checkin_queries.checkin(ctx.db, order["id"])
    if state is not None and state["odometer_km"] is not None:
        return int(state["odometer_km"])
    return order["odometer_in"]


def _refuse_if_released(current: dict[str, Any]) -> None:
    if current["released_at"] is not None:
        raise ActionError("release.already_released")
