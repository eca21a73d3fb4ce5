"""Repair orders at reception (R4–R6): open, price, sign, decline, void, hand on."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from service_desk import reference
from service_desk.actions.archive import _insert_odometer, _require, last_odometer
from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.actions.extra_work import assert_no_open_extra
from service_desk.actions.staff import verify_supervisor
from service_desk.domain import extra_work, lifecycle
from service_desk.domain import validation as v
from service_desk.domain.clock import iso
from service_desk.domain.order_number import format_number
from service_desk.domain.pricing import LineDraft, parse_qty
from service_desk.store import settings


def open_order(ctx: Ctx, vehicle_id: int, request: str = "") -> int:
    """Open a repair order for the vehicle's current owner; the opener owns the case (R19)."""
    ctx.actor()
    vehicle = _require(ctx, "vehicles", vehicle_id)
    v.raise_if_errors(v.collect(v.check_text(request, "request", 4000)))
    now = ctx.now()
    with ctx.transaction() as db:
        number = _next_number(ctx)
        order_id = (
            db["repair_orders"]
            .insert(
                {
                    "number": number,
                    "vehicle_id": vehicle_id,
                    "customer_id": vehicle["owner_id"],
                    "advisor_id": ctx.user_id,
                    "state": "reception",
                    "request": request.strip(),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            .last_pk
        )
        _event(ctx, int(order_id), None, "reception", "")
        audit(ctx, "order", order_id, "open", None, {"number": number})
    return int(order_id)


def _next_number(ctx: Ctx) -> str:
    day = ctx.clock().date()
    key = day.isoformat()
    ctx.db.execute(
        "INSERT INTO order_counters(day, last_seq) VALUES (?, 1) "
        "ON CONFLICT(day) DO UPDATE SET last_seq = last_seq + 1",
        [key],
    )
    seq = ctx.db.execute("SELECT last_seq FROM order_counters WHERE day = ?", [key]).fetchone()[0]
    return format_number(settings.get(ctx.db, "order_prefix"), day, seq)


def _event(
    ctx: Ctx, order_id: int, src: str | None, dst: str, note: str, staff_id: int | None = None
) -> None:
    ctx.db["order_events"].insert(
        {
            "order_id": order_id,
            "at": ctx.now(),
            "staff_id": staff_id or ctx.user_id,
            "from_state": src,
            "to_state": dst,
            "note": note,
        }
    )


def _order(ctx: Ctx, order_id: int) -> dict[str, Any]:
    return _require(ctx, "repair_orders", order_id)


def _facts(
    ctx: Ctx, order: dict[str, Any], actor_role: str = "advisor", reason: str = ""
) -> lifecycle.OrderFacts:
    lines = ctx.db.execute(
        "SELECT count(*) FROM order_lines WHERE order_id = ? AND status = 'active'",
        [order["id"]],
    ).fetchone()[0]
    return lifecycle.OrderFacts(
        state=order["state"],
        active_lines=lines,
        request=order["request"],
        diagnosis_consent=bool(order["diagnosis_consent"]),
        promised_at=order["promised_at"],
        actor_role=actor_role,
        reason=reason,
    )


def _move(
    ctx: Ctx,
    order: dict[str, Any],
    to_state: str,
    changes: dict[str, Any],
    note: str = "",
    actor: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    """One lifecycle step: guarded by the domain, recorded as an event with who and when."""
    actor = actor or ctx.actor()
    facts = _facts(ctx, {**order, **changes}, actor["role"], reason)
    try:
        lifecycle.check_transition(facts, to_state)
    except lifecycle.TransitionError as exc:
        raise ActionError(exc.code, None, from_state=exc.from_state, to_state=to_state) from exc
    ctx.db["repair_orders"].update(
        order["id"], {**changes, "state": to_state, "updated_at": ctx.now()}
    )
    _event(ctx, order["id"], order["state"], to_state, note or reason, actor["id"])


def _editable(ctx: Ctx, order_id: int) -> dict[str, Any]:
    ctx.actor()
    order = _order(ctx, order_id)
    if order["state"] not in lifecycle.EDITABLE:
        raise ActionError("order.not_editable", None, state=order["state"])
    return order


def save_reception(
    ctx: Ctx,
    order_id: int,
    *,
    request: str,
    other_requests: str = "",
    diagnosis: str = "",
    technician: str = "",
    repair_category: str | None = None,
    odometer_in: int | None = None,
    odometer_reason: str = "",
    promised_at: dt.datetime | None = None,
    promised_suggested_at: dt.datetime | None = None,
    confirmed: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Save what was agreed at the counter so far: the customer's words, diagnosis, promise."""
    order = _editable(ctx, order_id)
    last_km = last_odometer(ctx, order["vehicle_id"])
    changed_km = odometer_in is not None and odometer_in != order["odometer_in"]
    problems = v.collect(
        v.check_text(request, "request", 4000),
        v.check_text(other_requests, "other_requests", 2000),
        v.check_text(diagnosis, "diagnosis", 4000),
        v.check_text(technician, "technician", 60),
        v.check_odometer(odometer_in, last_km, odometer_reason) if changed_km else None,
    )
    promised_iso = iso(promised_at) if promised_at else None
    if promised_iso != order["promised_at"] and promised_at and promised_at <= ctx.clock():
        problems.append(v.Problem("promised_at", "promised.past"))
    known = {c.code for c in reference.repair_categories()}
    if repair_category is not None and repair_category not in known:
        problems.append(v.Problem("repair_category", "category.required"))
    v.raise_if_errors(problems, set(confirmed))
    changes = {
        "request": request.strip(),
        "other_requests": other_requests.strip(),
        "diagnosis": diagnosis.strip(),
        "technician": technician.strip(),
        "repair_category": repair_category or order["repair_category"],
        "odometer_in": odometer_in,
        "promised_at": promised_iso,
        "promised_suggested_at": iso(promised_suggested_at)
        if promised_suggested_at
        else order.get("promised_suggested_at"),
    }
    with ctx.transaction() as db:
        db["repair_orders"].update(order_id, {**changes, "updated_at": ctx.now()})
        if changed_km and odometer_in is not None:
            _insert_odometer(
                ctx, order["vehicle_id"], odometer_in, "reception", odometer_reason, order_id
            )
        audit(ctx, "order", order_id, "save", {k: order[k] for k in changes}, changes)


def record_consent(ctx: Ctx, order_id: int, note: str = "") -> None:
    """The customer agrees to a technical diagnosis (R4): recorded, then diagnosis starts."""
    order = _editable(ctx, order_id)
    now = ctx.now()
    with ctx.transaction():
        _move(
            ctx,
            order,
            "diagnosis",
            {"diagnosis_consent": 1, "consent_at": now},
            note or "customer consented to diagnosis",
        )
        audit(ctx, "order", order_id, "consent", None, {"consent_at": now})


def add_line(ctx: Ctx, order_id: int, line: LineDraft) -> int:
    """Add a priced line; the first line turns the order into an estimate."""
    order = _editable(ctx, order_id)
    if line.system_code and line.system_code not in {s.code for s in reference.vehicle_systems()}:
        raise ActionError("system.unknown", "system")
    with ctx.transaction():
        line_id = _insert_line(ctx, order_id, line)
        if order["state"] != "estimate":
            _move(ctx, order, "estimate", {}, "estimate started")
    return line_id


def _insert_line(ctx: Ctx, order_id: int, line: LineDraft) -> int:
    record = {**asdict(line), "amount_fen": line.amount_fen}
    line_id = (
        ctx.db["order_lines"]
        .insert(
            {
                **record,
                "order_id": order_id,
                "status": "active",
                "created_at": ctx.now(),
                "created_by": ctx.user_id,
            }
        )
        .last_pk
    )
    audit(ctx, "order_line", line_id, "add", None, {**record, "order_id": order_id})
    return int(line_id)


def remove_line(ctx: Ctx, line_id: int) -> None:
    """Lines are struck out, never deleted."""
    line = _require(ctx, "order_lines", line_id)
    _editable(ctx, line["order_id"])
    if line["status"] != "active":
        raise ActionError("line.removed")
    with ctx.transaction() as db:
        db["order_lines"].update(
            line_id, {"status": "removed", "removed_at": ctx.now(), "removed_by": ctx.user_id}
        )
        audit(ctx, "order_line", line_id, "remove", {"status": "active"}, {"status": "removed"})


def standard_job_lines(job_code: str, lang: str = "zh") -> list[LineDraft]:
    """The lines a standard job fills in (e.g. 常规保养 10000km)."""
    job = reference.standard_job(job_code)
    drafts = []
    for item in job.lines:
        is_part = item.kind == "part"
        drafts.append(
            LineDraft(
                kind=item.kind,
                description=item.description_zh if lang == "zh" else item.description_en,
                mode=item.mode,
                qty_milli=parse_qty(str(item.qty)),
                unit_price_fen=item.unit_price_fen,
                system_code=item.system or None,
                parts_source="dealer" if is_part else None,
                part_quality="genuine" if is_part else None,
                part_no=item.part_no,
            )
        )
    return drafts


def apply_standard_job(ctx: Ctx, order_id: int, job_code: str, lang: str = "zh") -> list[int]:
    order = _editable(ctx, order_id)
    drafts = standard_job_lines(job_code, lang)
    job = reference.standard_job(job_code)
    with ctx.transaction() as db:
        ids = [_insert_line(ctx, order_id, d) for d in drafts]
        if order["repair_category"] is None:
            db["repair_orders"].update(order_id, {"repair_category": job.repair_category})
        if order["state"] != "estimate":
            _move(ctx, order, "estimate", {}, f"standard job {job_code}")
    return ids


def sign(ctx: Ctx, order_id: int) -> None:
    """The customer read the order and signed it (客户签字): the time is recorded.

    In the same transaction the order is checked for a comeback (the vehicle back with
    related work within the window after an earlier release): if so, it is linked to the
    original order (actions.release.detect_comeback)."""
    from service_desk.actions.release import detect_comeback  # release imports this module

    order = _editable(ctx, order_id)
    now = ctx.now()
    with ctx.transaction():
        _move(ctx, order, "signed", {"signed_at": now}, "customer signed the repair order")
        audit(ctx, "order", order_id, "sign", None, {"signed_at": now})
        detect_comeback(ctx, order_id)


def decline(ctx: Ctx, order_id: int, fee_fen: int | None = None, note: str = "") -> None:
    """The customer declines (R5): the order closes with the diagnosis/estimate fee, if any."""
    order = _editable(ctx, order_id)
    fee = 0
    if lifecycle.fee_applies(order["state"]):
        fee = settings.get(ctx.db, "diagnosis_fee_fen") if fee_fen is None else fee_fen
    if fee < 0:
        raise ActionError("fee.negative", "fee")
    now = ctx.now()
    with ctx.transaction():
        if fee:
            _insert_line(
                ctx,
                order_id,
                LineDraft(
                    kind="fee",
                    description="诊断/估价费",
                    mode="item",
                    qty_milli=1000,
                    unit_price_fen=fee,
                ),
            )
        _move(
            ctx,
            order,
            "declined",
            {"declined_at": now, "decline_fee_fen": fee},
            note or "customer declined",
        )
        audit(ctx, "order", order_id, "decline", None, {"fee_fen": fee, "note": note})


def void(ctx: Ctx, order_id: int, supervisor_id: int, pin: str, reason: str) -> None:
    """A supervisor voids an order with a reason; the order and its history stay."""
    ctx.actor()
    supervisor = verify_supervisor(ctx, supervisor_id, pin)
    order = _order(ctx, order_id)
    with ctx.transaction():
        _move(
            ctx,
            order,
            "void",
            {"void_reason": reason.strip()},
            actor=supervisor,
            reason=reason.strip(),
        )
        audit(
            ctx,
            "order",
            order_id,
            "void",
            {"state": order["state"]},
            {"reason": reason.strip()},
            staff_id=supervisor["id"],
        )


def hand_on(ctx: Ctx, order_id: int, to_staff_id: int, note: str = "") -> None:
    """First-contact responsibility passes to a colleague (R19); the record shows it."""
    actor = ctx.actor()
    order = _order(ctx, order_id)
    if actor["id"] != order["advisor_id"] and actor["role"] != "supervisor":
        raise ActionError("handon.not_owner", None)
    to = row(ctx.db, "SELECT * FROM staff WHERE id = ? AND active = 1", [to_staff_id])
    if to is None or to["role"] not in ("advisor", "supervisor"):
        raise ActionError("handon.target", "advisor")
    if to_staff_id == order["advisor_id"]:
        raise ActionError("owner.same", "advisor")
    with ctx.transaction() as db:
        db["repair_orders"].update(order_id, {"advisor_id": to_staff_id, "updated_at": ctx.now()})
        _event(
            ctx,
            order_id,
            order["state"],
            order["state"],
            f"handed on to {to['name']}" + (f": {note.strip()}" if note.strip() else ""),
        )
        audit(
            ctx,
            "order",
            order_id,
            "hand_on",
            {"advisor_id": order["advisor_id"]},
            {"advisor_id": to_staff_id},
        )


def advance(ctx: Ctx, order_id: int, to_state: str, note: str = "") -> None:
    """A lifecycle step after signing (check-in, workshop, pickup …), guarded by the domain.

    The desks that own those steps record their own details and then call this."""
    order = _order(ctx, order_id)
    if to_state in ("signed", "declined", "void", "diagnosis", "estimate"):
        raise ActionError("transition.use_desk", None, to_state=to_state)
    if to_state in extra_work.BLOCKED_ORDER_STEPS:
        assert_no_open_extra(ctx, order_id)
    with ctx.transaction():
        _move(ctx, order, to_state, {}, note)
        audit(ctx, "order", order_id, "advance", {"state": order["state"]}, {"state": to_state})
