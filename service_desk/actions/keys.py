"""The key cabinet log (R8, R14): register a car's keys on a hook, move them, hand them back.

Every registration and movement is one transaction with a key event (who, when, what,
from / to which hook, to whom, why) and an audit row. The rules live in domain/keys.py;
the database enforces them again (one key per hook, the moves, append-only events).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import keys as rules
from service_desk.domain import validation as v
from service_desk.store import key_queries, settings

T = TypeVar("T")


def cabinet_size(ctx: Ctx) -> int:
    return int(settings.get(ctx.db, "key_cabinet_hooks"))


def register_key(ctx: Ctx, order_id: int, kind: str, hook: int | None, label: str = "") -> int:
    """Register a key of the order's car (main, spare, fob) on a free hook of the cabinet."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    label = label.strip()
    v.raise_if_errors(rules.register_problems(kind, hook, label, cabinet_size(ctx)))
    assert hook is not None  # checked above
    _rule(lambda: rules.check_register(order["state"]))
    now = ctx.now()
    with ctx.transaction() as db:
        _require_free(ctx, hook)
        key_id = int(
            db["keys"]
            .insert(
                {
                    "order_id": order_id,
                    "vehicle_id": order["vehicle_id"],
                    "kind": kind,
                    "label": label,
                    "hook": hook,
                    "state": "in_cabinet",
                    "holder": "",
                    "out_since": None,
                    "registered_at": now,
                    "registered_by": ctx.user_id,
                    "updated_at": now,
                }
            )
            .last_pk
        )
        _event(ctx, key_id, order_id, "register", None, hook)
        audit(
            ctx, "key", key_id, "register", None, {"order_id": order_id, "kind": kind, "hook": hook}
        )
    return key_id


def move_key(
    ctx: Ctx,
    key_id: int,
    action: str,
    to_whom: str = "",
    reason: str = "",
    hook: int | None = None,
) -> None:
    """One movement of a key: to_workshop / test_drive (to_whom: who takes it),
    back_to_cabinet (hook: where it hangs now), returned (to the customer)."""
    ctx.actor()
    key = _key(ctx, key_id)
    to_whom, reason = to_whom.strip(), reason.strip()
    if action not in rules.MOVES:
        raise ActionError("key.action", None, action=action)
    v.raise_if_errors(rules.move_problems(action, hook, to_whom, reason, cabinet_size(ctx)))
    new_state = _rule(lambda: rules.check_move(key["state"], action, key["order_state"]))
    if action == "returned" and not to_whom:
        to_whom = key["customer_name"]
    now = ctx.now()
    changes: dict[str, Any] = {"state": new_state, "updated_at": now}
    if new_state == "out":
        changes.update(hook=None, holder=to_whom, out_since=now)
    elif new_state == "in_cabinet":
        changes.update(hook=hook, holder="", out_since=None)
    else:
        changes.update(hook=None, holder="", out_since=None)
    with ctx.transaction() as db:
        if new_state == "in_cabinet":
            assert hook is not None  # checked above
            _require_free(ctx, hook)
        db["keys"].update(key_id, changes)
        _event(
            ctx,
            key_id,
            key["order_id"],
            action,
            key["hook"],
            changes["hook"],
            to_whom if action != "back_to_cabinet" else "",
            reason,
        )
        audit(
            ctx,
            "key",
            key_id,
            action,
            {k: key[k] for k in ("state", "hook", "holder")},
            {"state": new_state, "hook": changes["hook"], "to_whom": to_whom, "reason": reason},
        )


def take_out(ctx: Ctx, key_id: int, action: str, to_whom: str, reason: str = "") -> None:
    """The key leaves its hook: to the workshop / a technician, or for a test drive."""
    if action not in rules.OUT_ACTIONS:
        raise ActionError("key.action", None, action=action)
    move_key(ctx, key_id, action, to_whom, reason)


def back_to_cabinet(ctx: Ctx, key_id: int, hook: int | None, reason: str = "") -> None:
    """A key that was out hangs on a hook again (any free hook, not necessarily its old one)."""
    move_key(ctx, key_id, "back_to_cabinet", reason=reason, hook=hook)


def return_to_customer(ctx: Ctx, key_id: int, to_whom: str = "", reason: str = "") -> None:
    """The key goes back to the customer at pickup (R14); to_whom defaults to the customer."""
    move_key(ctx, key_id, "returned", to_whom, reason)


def return_keys_to_customer(ctx: Ctx, order_id: int, to_whom: str = "") -> list[int]:
    """Hand back every key of the order at once (the checkout desk's release step).

    Refused as a whole when the order has no key, or when one of them is not on its
    hook (out with someone): nothing is handed back then."""
    ctx.actor()
    _require(ctx, "repair_orders", order_id)
    outstanding = key_queries.outstanding_keys(ctx.db, order_id)
    if not key_queries.keys_of_order(ctx.db, order_id):
        raise ActionError("key.none_registered", None)
    away = [k for k in outstanding if k["state"] != "in_cabinet"]
    if away:
        raise ActionError("key.not_in_cabinet", None, holder=away[0]["holder"])
    with ctx.transaction():
        for k in outstanding:
            move_key(ctx, k["id"], "returned", to_whom)
    return [k["id"] for k in outstanding]


def reconciliation(ctx: Ctx) -> rules.Reconciliation:
    """The end-of-day check: keys of cars that left, keys out too long, cars without key."""
    now = ctx.clock()
    keys = key_queries.keys_not_returned(ctx.db)
    orders = key_queries.orders_in_states_with_key_count(ctx.db, rules.KEY_EXPECTED)
    hours = int(settings.get(ctx.db, "key_out_alert_hours"))
    return rules.reconcile(keys, orders, now, hours)


def hours_out(ctx: Ctx, key: dict[str, Any]) -> float | None:
    """How long a key has been out (None when it hangs in the cabinet or was returned)."""
    if key["state"] != "out" or not key["out_since"]:
        return None
    return rules.hours_between(key["out_since"], ctx.clock())


# --- helpers -------------------------------------------------------------------------------


def _key(ctx: Ctx, key_id: int) -> dict[str, Any]:
    key = key_queries.key(ctx.db, key_id)
    if key is None:
        raise ActionError("record.missing", None, table="keys", id=key_id)
    return key


def _require_free(ctx: Ctx, hook: int) -> None:
    taken = key_queries.key_on_hook(ctx.db, hook)
    if taken is not None:
        raise ActionError("hook.occupied", "hook", hook=hook, plate=taken["plate"])


def _rule(check: Callable[[], T]) -> T:
    try:
        return check()
    except rules.KeyRuleError as exc:
        raise ActionError(exc.code, None, **exc.params) from exc


def _event(
    ctx: Ctx,
    key_id: int,
    order_id: int,
    action: str,
    from_hook: int | None,
    to_hook: int | None,
    to_whom: str = "",
    reason: str = "",
) -> None:
    ctx.db["key_events"].insert(
        {
            "key_id": key_id,
            "order_id": order_id,
            "at": ctx.now(),
            "staff_id": ctx.user_id,
            "action": action,
            "from_hook": from_hook,
            "to_hook": to_hook,
            "to_whom": to_whom,
            "reason": reason,
        }
    )
