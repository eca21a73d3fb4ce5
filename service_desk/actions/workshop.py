"""The workshop steps of an order (R10, R12, R13): hand the car to the workshop, follow
its progress, take it back ready for pickup.

Each public function is one transaction with its audit rows; the lifecycle steps go
through actions.orders.advance and the database enforces the records again (schema_v7).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from service_desk.actions import keys, orders
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.actions.progress_checks import check_due_at, open_hours
from service_desk.actions.progress_checks import progress_checks_due as progress_checks_due
from service_desk.domain import validation as v
from service_desk.domain import workshop_time as wt
from service_desk.domain.clock import iso
from service_desk.store import key_queries, workshop_queries
from service_desk.store.queries import Row

MODES = ("single_team", "supervisor_queue")
CHANNELS = ("phone", "wechat", "sms", "in_person")
NAME_MAX = 60
TEXT_MAX = 500
PLANNED_MAX = 43200  # thirty days of working minutes


# --- hand-off (R10) ----------------------------------------------------------------------


def hand_off(
    ctx: Ctx,
    order_id: int,
    *,
    mode: str,
    team: str,
    planned_minutes: int,
    receiver_name: str,
    handed_at: dt.datetime,
    washed: bool = False,
) -> int:
    """The checked-in car goes to the workshop: to one team (the advisor assigns it) or
    to the supervisor's queue (work for several teams). The receiver's name and the
    handover time (rounded to ten minutes) are recorded, the washing step if the car was
    washed first, and the main key, if it hangs in the cabinet, goes to the receiver."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] != "checked_in":
        raise ActionError("handoff.not_checked_in", None, state=order["state"])
    team, receiver_name = " ".join(team.split()), " ".join(receiver_name.split())
    problems = v.collect(
        None if mode in MODES else v.Problem("mode", "handoff.mode"),
        v.check_text(team, "team", NAME_MAX, required=mode == "single_team"),
        v.check_text(receiver_name, "receiver_name", NAME_MAX, required=True),
        _planned_problem(planned_minutes),
    )
    moment = _aware(ctx, handed_at)
    if moment > ctx.clock():
        problems.append(v.Problem("handed_at", "time.future"))
    v.raise_if_errors(problems)
    record = {
        "order_id": order_id,
        "mode": mode,
        "team": team,
        "planned_minutes": planned_minutes,
        "washed_at": ctx.now() if washed else None,
        "receiver_name": receiver_name,
        "handed_at": iso(wt.round_to_ten_minutes(moment)),
        "staff_id": ctx.user_id,
        "recorded_at": ctx.now(),
    }
    with ctx.transaction() as db:
        handoff_id = int(db["handoffs"].insert(record).last_pk)
        note = f"handed to {receiver_name}" + (f" ({team})" if team else "")
        orders.advance(ctx, order_id, "handed_off", note)
        for key in key_queries.keys_in_cabinet(db, order_id):
            if key["kind"] == "main":
                keys.take_out(ctx, key["id"], "to_workshop", receiver_name, "workshop hand-off")
        audit(ctx, "handoff", handoff_id, "hand_off", None, record)
    return handoff_id


def start_work(ctx: Ctx, order_id: int) -> None:
    """The workshop starts on the car."""
    ctx.actor()
    orders.advance(ctx, order_id, "in_progress", "work started")


# --- progress checks (R12) ---------------------------------------------------------------


def mark_raised(ctx: Ctx, order_id: int) -> bool:
    """The desk showed the order's due check: recorded once. False (nothing written)
    when it was raised already, or the check was recorded before the desk raised it."""
    ctx.actor()
    handoff = _handoff(ctx, order_id)
    if workshop_queries.progress_check(ctx.db, order_id) is not None:
        return False
    record = {
        "order_id": order_id,
        "due_at": iso(check_due_at(handoff, open_hours(ctx.db))),
        "raised_at": ctx.now(),
        "raised_by": ctx.user_id,
    }
    with ctx.transaction() as db:
        check_id = int(db["progress_checks"].insert(record).last_pk)
        audit(ctx, "progress_check", check_id, "raise", None, record)
    return True


def record_progress(
    ctx: Ctx,
    order_id: int,
    expected_done_at: dt.datetime,
    problem: str = "",
    action: str = "",
    new_promise: dt.datetime | None = None,
    contact_channel: str | None = None,
) -> int:
    """What the workshop said: expected completion, any problem and the action taken.
    When the promised time moves, the customer's contact is logged and the order's
    promise changes (the signed one is kept in promised_original_at)."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in workshop_queries.IN_WORKSHOP:
        raise ActionError("progress.not_in_workshop", None, state=order["state"])
    handoff = _handoff(ctx, order_id)
    check = workshop_queries.progress_check(ctx.db, order_id)
    if check is not None and check["checked_at"] is not None:
        raise ActionError("progress.recorded", None)
    problem, action = problem.strip(), action.strip()
    expected = _aware(ctx, expected_done_at)
    promise = _aware(ctx, new_promise) if new_promise is not None else None
    moved = promise is not None and iso(promise) != order["promised_at"]
    problems = v.collect(
        v.check_text(problem, "problem", TEXT_MAX),
        v.check_text(action, "action", TEXT_MAX),
    )
    if problem and not action:
        problems.append(v.Problem("action", "progress.action_required"))
    if moved:
        assert promise is not None
        if promise <= ctx.clock():
            problems.append(v.Problem("new_promise", "promised.past"))
        if contact_channel is None:
            problems.append(v.Problem("contact_channel", "progress.contact_required"))
    if contact_channel is not None and contact_channel not in CHANNELS:
        problems.append(v.Problem("contact_channel", "channel.unknown"))
    v.raise_if_errors(problems)
    now = ctx.now()
    changes: dict[str, Any] = {
        "checked_at": now,
        "checked_by": ctx.user_id,
        "expected_done_at": iso(expected),
        "problem": problem,
        "action": action,
        "promise_moved_to": iso(promise) if moved and promise else None,
        "customer_contact_channel": contact_channel if moved else None,
        "customer_contact_at": now if moved else None,
    }
    with ctx.transaction() as db:
        if check is None:
            due_at = iso(check_due_at(handoff, open_hours(ctx.db)))
            check_id = int(
                db["progress_checks"].insert({"order_id": order_id, "due_at": due_at}).last_pk
            )
        else:
            check_id = check["id"]
        db["progress_checks"].update(check_id, changes)
        if moved:
            order_changes = {
                "promised_at": changes["promise_moved_to"],
                "promised_original_at": order["promised_original_at"] or order["promised_at"],
            }
            db["repair_orders"].update(order_id, {**order_changes, "updated_at": now})
            orders._event(
                ctx,
                order_id,
                order["state"],
                order["state"],
                f"promised time moved to {changes['promise_moved_to']}; "
                f"customer told by {contact_channel}",
            )
            audit(
                ctx,
                "order",
                order_id,
                "promise_moved",
                {"promised_at": order["promised_at"]},
                order_changes,
            )
        audit(ctx, "progress_check", check_id, "record", None, changes)
    return check_id


# --- completion and ready for pickup (R13) -----------------------------------------------


def complete_work(ctx: Ctx, order_id: int) -> None:
    """The workshop reports the work done (refused while extra work waits for an answer)."""
    ctx.actor()
    orders.advance(ctx, order_id, "completed", "work completed")


def mark_ready(
    ctx: Ctx,
    order_id: int,
    *,
    wash: bool,
    interior: bool,
    exterior: bool,
    belongings_back: bool,
    bills_collected: bool,
    total_fen: int,
    notified_channel: str,
) -> int:
    """The workshop handed the car back: the clean-up checklist is complete, the bills
    are collected, the cashier's total is known and the customer was notified; the
    order is then ready for pickup."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] != "completed":
        raise ActionError("ready.not_completed", None, state=order["state"])
    ticks = {
        "wash": wash,
        "interior": interior,
        "exterior": exterior,
        "belongings_back": belongings_back,
        "bills_collected": bills_collected,
    }
    problems = [v.Problem(name, "ready.unchecked") for name, done in ticks.items() if not done]
    if isinstance(total_fen, bool) or not isinstance(total_fen, int) or total_fen < 0:
        problems.append(v.Problem("total_fen", "amount.invalid"))
    if notified_channel not in CHANNELS:
        problems.append(v.Problem("notified_channel", "channel.unknown"))
    v.raise_if_errors(problems)
    record = {
        "order_id": order_id,
        **{name: 1 for name in ticks},
        "total_fen": total_fen,
        "notified_channel": notified_channel,
        "notified_at": ctx.now(),
        "staff_id": ctx.user_id,
    }
    with ctx.transaction() as db:
        ready_id = int(db["pickup_ready"].insert(record).last_pk)
        orders.advance(
            ctx, order_id, "ready", f"ready for pickup; customer told by {notified_channel}"
        )
        audit(ctx, "pickup_ready", ready_id, "ready", None, record)
    return ready_id


# --- helpers -----------------------------------------------------------------------------


def _planned_problem(planned_minutes: int) -> v.Problem | None:
    if (
        isinstance(planned_minutes, bool)
        or not isinstance(planned_minutes, int)
        or not 0 < planned_minutes <= PLANNED_MAX
    ):
        return v.Problem("planned_minutes", "handoff.planned_minutes")
    return None


def _aware(ctx: Ctx, at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        return at.replace(tzinfo=ctx.clock().tzinfo)
    return at


def _handoff(ctx: Ctx, order_id: int) -> Row:
    handoff = workshop_queries.handoff(ctx.db, order_id)
    if handoff is None:
        raise ActionError("progress.no_handoff", None)
    return handoff
