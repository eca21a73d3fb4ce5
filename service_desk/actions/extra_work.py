"""Additional work found in the workshop (R11): report, contact the customer, approve or
decline, hand the supplementary repair order to the supervisor.

Each public function is one transaction with its audit rows; the rules are in
service_desk.domain.extra_work and the database enforces them again (schema_v6).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from service_desk import reference
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import extra_work as xw
from service_desk.domain import validation as v
from service_desk.domain.clock import iso, parse
from service_desk.domain.pricing import LineDraft
from service_desk.store import extra_work_queries

DESCRIPTION_MAX = 200


def report_extra(
    ctx: Ctx,
    order_id: int,
    reported_by: str,
    lines: list[LineDraft],
    delay_minutes: int,
    note: str = "",
    *,
    description: str | None = None,
) -> int:
    """The workshop reports an extra item on a car in the workshop: who reported it, its
    priced lines and the delay it adds. The description defaults to the first line's."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    _refuse_order_state(order)
    known = {s.code for s in reference.vehicle_systems()}
    if any(line.system_code and line.system_code not in known for line in lines):
        raise ActionError("system.unknown", "system")
    problems = xw.check_report(reported_by, len(lines), delay_minutes, note)
    text = " ".join((description if description is not None else _first(lines)).split())
    if lines and not text:
        problems.append(v.Problem("description", "description.required"))
    elif len(text) > DESCRIPTION_MAX:
        problems.append(
            v.Problem("description", "text.too_long", params=(("max", DESCRIPTION_MAX),))
        )
    v.raise_if_errors(problems)
    record = {
        "order_id": order_id,
        "description": text,
        "note": note.strip(),
        "delay_minutes": delay_minutes,
        "reported_at": ctx.now(),
        "reported_by_name": xw.clean_name(reported_by),
        "recorded_by": ctx.user_id,
        "state": "reported",
    }
    with ctx.transaction() as db:
        extra_id = int(db["extra_work"].insert(record).last_pk)
        priced = [{**asdict(line), "amount_fen": line.amount_fen} for line in lines]
        for line in priced:
            db["extra_work_items"].insert({**line, "extra_work_id": extra_id})
        audit(ctx, "extra_work", extra_id, "report", None, {**record, "lines": priced})
    return extra_id


def record_contact(ctx: Ctx, extra_id: int, channel: str, note: str = "") -> None:
    """The advisor reached the customer and explained the extra cost and the delay."""
    ctx.actor()
    item = _item_for(ctx, extra_id, "contact")
    v.raise_if_errors(xw.check_contact(channel, note))
    changes = {
        "state": "customer_contacted",
        "channel": channel,
        "contacted_at": ctx.now(),
        "contacted_by": ctx.user_id,
        "contact_note": note.strip(),
    }
    with ctx.transaction() as db:
        db["extra_work"].update(extra_id, changes)
        audit(ctx, "extra_work", extra_id, "contact", {"state": item["state"]}, changes)


def approve(ctx: Ctx, extra_id: int, authorised_by: str) -> list[int]:
    """The customer approves: the lines join the order as additional work, the promised
    time moves by the delay (the signed promise is kept), the order notes it."""
    ctx.actor()
    item = _item_for(ctx, extra_id, "approve")
    v.raise_if_errors(xw.check_answer(authorised_by))
    order = _require(ctx, "repair_orders", item["order_id"])
    now = ctx.now()
    changes = {
        "state": "approved",
        "answer_at": now,
        "answer_recorded_by": ctx.user_id,
        "authorised_by_name": xw.clean_name(authorised_by),
    }
    promised = order["promised_at"]
    moved = xw.moved_promise(parse(promised) if promised else None, item["delay_minutes"])
    order_changes = {
        "promised_at": iso(moved) if moved else None,
        "promised_original_at": order["promised_original_at"] or promised,
        "updated_at": now,
    }
    with ctx.transaction() as db:
        db["extra_work"].update(extra_id, changes)
        line_ids = []
        for line in extra_work_queries.extra_lines(db, extra_id):
            line_id = _insert_additional_line(ctx, order["id"], line)
            db["extra_work_items"].update(line["id"], {"order_line_id": line_id})
            line_ids.append(line_id)
        db["repair_orders"].update(order["id"], order_changes)
        note = (
            f"additional work approved by {changes['authorised_by_name']}: "
            f"{item['description']}; promised time moved by {item['delay_minutes']} min"
        )
        db["order_events"].insert(
            {
                "order_id": order["id"],
                "at": now,
                "staff_id": ctx.user_id,
                "from_state": order["state"],
                "to_state": order["state"],
                "note": note,
            }
        )
        audit(
            ctx,
            "extra_work",
            extra_id,
            "approve",
            {"state": item["state"], "promised_at": promised},
            {**changes, "order_line_ids": line_ids, "promised_at": order_changes["promised_at"]},
        )
    return line_ids


def decline(
    ctx: Ctx,
    extra_id: int,
    authorised_by: str,
    workshop_told_name: str,
    told_at: dt.datetime | None,
) -> None:
    """The customer declines: the workshop is told (who, when, stored to the minute); the
    item stays on the vehicle's record as declined work."""
    ctx.actor()
    item = _item_for(ctx, extra_id, "decline")
    told_at = _aware(ctx, told_at)
    problems = xw.check_answer(authorised_by) + xw.check_told(
        workshop_told_name, told_at, ctx.clock(), parse(item["reported_at"])
    )
    v.raise_if_errors(problems)
    assert told_at is not None
    changes = {
        "state": "declined",
        "answer_at": ctx.now(),
        "answer_recorded_by": ctx.user_id,
        "authorised_by_name": xw.clean_name(authorised_by),
        "workshop_told_name": xw.clean_name(workshop_told_name),
        "workshop_told_at": iso(told_at.replace(second=0, microsecond=0)),
    }
    with ctx.transaction() as db:
        db["extra_work"].update(extra_id, changes)
        audit(ctx, "extra_work", extra_id, "decline", {"state": item["state"]}, changes)


def record_supervisor_handover(ctx: Ctx, extra_id: int, at: dt.datetime | None) -> None:
    """The printed supplementary repair order went to the workshop supervisor at `at`."""
    ctx.actor()
    item = _require(ctx, "extra_work", extra_id)
    refusal = xw.step_refusal("handover", item["state"])
    if refusal is None and item["handed_to_supervisor_at"] is not None:
        refusal = "extra.handover_recorded"
    if refusal:
        raise ActionError(refusal, None, state=item["state"])
    at = _aware(ctx, at)
    v.raise_if_errors(
        xw.check_time(at, ctx.clock(), parse(item["answer_at"]), "handed_to_supervisor_at")
    )
    assert at is not None
    changes = {
        "handed_to_supervisor_at": iso(at.replace(second=0, microsecond=0)),
        "handed_by": ctx.user_id,
    }
    with ctx.transaction() as db:
        db["extra_work"].update(extra_id, changes)
        audit(ctx, "extra_work", extra_id, "handover", None, changes)


def assert_no_open_extra(ctx: Ctx, order_id: int) -> None:
    """Refuse while an extra item waits for the customer's answer."""
    waiting = extra_work_queries.open_extra_items(ctx.db, order_id)
    if waiting:
        raise ActionError(
            "extra.open_items",
            None,
            count=len(waiting),
            items=[r["description"] for r in waiting],
        )


# ------------------------------------------------------------------------------ helpers


def _first(lines: list[LineDraft]) -> str:
    return lines[0].description if lines else ""


def _aware(ctx: Ctx, at: dt.datetime | None) -> dt.datetime | None:
    if at is not None and at.tzinfo is None:
        return at.replace(tzinfo=ctx.clock().tzinfo)
    return at


def _refuse_order_state(order: dict[str, Any]) -> None:
    code = xw.order_refusal(order["state"])
    if code:
        raise ActionError(code, None, state=order["state"])


def _item_for(ctx: Ctx, extra_id: int, action: str) -> dict[str, Any]:
    """The item, refused unless `action` may follow its state and the car is in the
    workshop."""
    item = _require(ctx, "extra_work", extra_id)
    code = xw.step_refusal(action, item["state"])
    if code:
        raise ActionError(code, None, state=item["state"])
    _refuse_order_state(_require(ctx, "repair_orders", item["order_id"]))
    return item


_LINE_FIELDS = (*LineDraft.__dataclass_fields__, "amount_fen")


def _insert_additional_line(ctx: Ctx, order_id: int, line: dict[str, Any]) -> int:
    record = {k: line[k] for k in _LINE_FIELDS}
    line_id = (
        ctx.db["order_lines"]
        .insert(
            {
                **record,
                "order_id": order_id,
                "origin": "additional",
                "status": "active",
                "created_at": ctx.now(),
                "created_by": ctx.user_id,
            }
        )
        .last_pk
    )
    audit(
        ctx,
        "order_line",
        line_id,
        "add",
        None,
        {**record, "order_id": order_id, "origin": "additional"},
    )
    return int(line_id)
