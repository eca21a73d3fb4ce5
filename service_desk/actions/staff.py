"""Staff and the person working at the counter (R19: every change has a name on it)."""

from __future__ import annotations

from typing import Any

from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.domain import validation as v
from service_desk.domain.pins import PinError, hash_pin, verify_pin

ROLES = ("advisor", "supervisor", "cashier", "workshop")


def list_staff(ctx: Ctx, active_only: bool = True) -> list[dict[str, Any]]:
    where = "WHERE active = 1" if active_only else ""
    return list(ctx.db.query(f"SELECT id, name, role, active FROM staff {where} ORDER BY id"))


def add_staff(ctx: Ctx, name: str, role: str, pin: str = "") -> int:
    """Register a member of staff. The very first one may be added by nobody in particular."""
    name = name.strip()
    v.raise_if_errors(v.collect(v.check_name(name)))
    if role not in ROLES:
        raise ActionError("staff.role", "role")
    pin_hash = pin_salt = None
    if pin or role == "supervisor":
        try:
            pin_hash, pin_salt = hash_pin(pin)
        except PinError as exc:
            raise ActionError("pin.format", "pin") from exc
    first = ctx.db.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
    if not first:
        ctx.actor()
    if row(ctx.db, "SELECT id FROM staff WHERE name = ?", [name]):
        raise ActionError("staff.duplicate", "name")
    with ctx.transaction() as db:
        staff_id = (
            db["staff"]
            .insert(
                {
                    "name": name,
                    "role": role,
                    "pin_hash": pin_hash,
                    "pin_salt": pin_salt,
                    "active": 1,
                    "created_at": ctx.now(),
                }
            )
            .last_pk
        )
        audit(
            ctx,
            "staff",
            staff_id,
            "add",
            None,
            {"name": name, "role": role},
            staff_id=ctx.user_id if not first else staff_id,
        )
    return int(staff_id)


def set_active(ctx: Ctx, staff_id: int, active: bool) -> None:
    ctx.actor()
    with ctx.transaction() as db:
        db["staff"].update(staff_id, {"active": int(active)})
        audit(ctx, "staff", staff_id, "activate" if active else "deactivate")


def verify_supervisor(ctx: Ctx, staff_id: int, pin: str) -> dict[str, Any]:
    """The supervisor's record if the PIN is right; ActionError otherwise."""
    sup = row(
        ctx.db,
        "SELECT * FROM staff WHERE id = ? AND active = 1 AND role = 'supervisor'",
        [staff_id],
    )
    if sup is None:
        raise ActionError("supervisor.required", "supervisor")
    if not verify_pin(pin, sup["pin_hash"], sup["pin_salt"]):
        raise ActionError("pin.wrong", "pin")
    return sup
