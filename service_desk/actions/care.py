"""Customer care desk: follow-ups after release (R16), enquiries and complaints (R15).

Follow-ups due are computed from the releases (store/release_queries released_at): a
released car whose window (domain/care.py) has opened and that has no follow-up done
(reached or declined) is listed; no row is created in advance, so nothing has to be
scheduled at release and an upgraded database needs no back-filling. Each call is one
``follow_ups`` row, written once: 'not_reached' keeps the car on the list (tried N
times), 'reached' or 'declined' takes it off.

Complaints are held to their reply-by time: ``escalate_overdue`` (the desk calls it on
each refresh; idempotent) moves every open complaint past its reply-by time to
'escalated', to the first active supervisor. Answering an escalated complaint needs a
supervisor's PIN. Every change is audited (entities 'follow_up', 'enquiry',
'complaint'); nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.actions.staff import verify_supervisor
from service_desk.domain import care as rules
from service_desk.domain import validation as v
from service_desk.domain.clock import iso, parse
from service_desk.store import release_queries

TEXT_MAX = 2000
COMPLAINT_MAX = 4000
Row = dict[str, Any]


# --- follow-ups ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpInput:
    channel: str = "phone"
    outcome: str = "reached"
    car_runs: str = ""
    service_opinion: str = ""
    advice_given: str = ""
    next_maintenance: dt.date | None = None
    satisfaction: int | None = None
    complaint: bool = False  # the advisor ticked "complaint"
    note: str = ""
    complaint_reply_by: dt.datetime | None = None  # default: now + domain FOLLOW_UP_REPLY


@dataclass(frozen=True)
class FollowUpResult:
    follow_up_id: int
    complaint_id: int | None


def _released_orders(db: sqlite_utils.Database, since: dt.date) -> list[Row]:
    """Released orders (released or done) with no follow-up done, released on or after
    ``since`` (coarse, by the date part; the window is checked in Python)."""
    return list(
        db.query(
            # the releases since the day by time (releases_released, migration 021), and
            # for an order released before the releases table its last 'released' event
            # (events_state_at); never every release of the archive
            """WITH rel AS (
                 SELECT r.order_id AS id, r.released_at FROM releases r
                  WHERE r.released_at >= :day
                 UNION ALL
                 SELECT e.order_id, max(e.at) FROM order_events e
                  WHERE e.to_state = 'released' AND e.at >= :day
                    AND NOT EXISTS (SELECT 1 FROM releases r WHERE r.order_id = e.order_id
                                      AND r.released_at IS NOT NULL)
                  GROUP BY e.order_id)
               SELECT o.id AS order_id, o.number, rel.released_at, v.plate,
                      c.id AS customer_id, c.name AS customer_name, c.phone,
                      (SELECT count(*) FROM follow_ups f WHERE f.order_id = o.id) AS attempts,
                      (SELECT max(f.done_at) FROM follow_ups f WHERE f.order_id = o.id)
                        AS last_attempt_at
                 FROM rel JOIN repair_orders o ON o.id = rel.id
                 JOIN vehicles v ON v.id = o.vehicle_id
                 JOIN customers c ON c.id = o.customer_id
                WHERE +o.state IN ('released', 'done')
                  AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.order_id = o.id
                                    AND f.outcome <> 'not_reached')""",
            {"day": (since - dt.timedelta(days=1)).isoformat()},
        )
    )


def follow_ups_due(db: sqlite_utils.Database, now: dt.datetime) -> list[Row]:
    """Released cars whose follow-up is due or overdue and not done: overdue first, then
    by the end of the window. Each row: order_id, number, plate, customer_id,
    customer_name, phone, released_at, due_from, due_to (ISO dates), status ('due' or
    'overdue'), attempts (calls not reached) and last_attempt_at."""
    since = now.date() - dt.timedelta(days=rules.FOLLOW_UP_LIST_DAYS)
    rows = []
    for r in _released_orders(db, since):
        released = parse(r["released_at"])
        window = rules.follow_up_window(released, now.tzinfo)
        status = window.status(now.date())
        if status == rules.EARLY or released.astimezone(now.tzinfo).date() < since:
            continue
        rows.append(
            {
                **r,
                "id": r["order_id"],
                "due_from": window.due_from.isoformat(),
                "due_to": window.due_to.isoformat(),
                "status": status,
            }
        )
    rows.sort(key=lambda r: (r["status"] != rules.OVERDUE, r["due_to"], r["released_at"]))
    return rows


def overdue_follow_ups(db: sqlite_utils.Database, now: dt.datetime) -> list[Row]:
    return [r for r in follow_ups_due(db, now) if r["status"] == rules.OVERDUE]


def follow_ups_of_order(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT f.*, s.name AS staff_name FROM follow_ups f
                 JOIN staff s ON s.id = f.staff_id WHERE f.order_id = ? ORDER BY f.id""",
            [order_id],
        )
    )


def _check_follow_up(data: FollowUpInput, now: dt.datetime) -> list[v.Problem]:
    problems = v.collect(
        None if data.channel in rules.CHANNELS else v.Problem("channel", "channel.unknown"),
        None if data.outcome in rules.OUTCOMES else v.Problem("outcome", "outcome.unknown"),
        v.check_text(data.car_runs, "car_runs", TEXT_MAX),
        v.check_text(data.service_opinion, "service_opinion", TEXT_MAX),
        v.check_text(data.advice_given, "advice_given", TEXT_MAX),
        v.check_text(data.note, "note", TEXT_MAX),
    )
    if data.outcome != "reached":
        return problems
    problems += v.collect(
        v.check_text(data.car_runs, "car_runs", TEXT_MAX, required=True),
        v.check_text(data.service_opinion, "service_opinion", TEXT_MAX, required=True),
        rules.check_satisfaction(data.satisfaction),
    )
    if data.next_maintenance is not None and data.next_maintenance <= now.date():
        problems.append(v.Problem("next_maintenance", "next_maintenance.past"))
    if rules.becomes_complaint(data.satisfaction, data.complaint):
        if data.complaint_reply_by is not None:
            problems += v.collect(rules.check_reply_by(data.complaint_reply_by, now))
        if not (data.service_opinion.strip() or data.note.strip()):
            problems.append(v.Problem("service_opinion", "text.required"))
    return problems


def record_follow_up(ctx: Ctx, order_id: int, data: FollowUpInput) -> FollowUpResult:
    """One follow-up call of a released car. A reached customer who is unhappy
    (satisfaction ≤ 2 or the complaint ticked) becomes a complaint (channel 'follow_up',
    the customer's view of the service as its text, reply-by a day later unless given)."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    released = release_queries.released_at(ctx.db, order_id)
    if released is None or order["state"] not in ("released", "done"):
        raise ActionError("follow_up.not_released", None, state=order["state"])
    now = ctx.clock()
    v.raise_if_errors(_check_follow_up(data, now))
    window = rules.follow_up_window(parse(released), now.tzinfo)
    unhappy = data.outcome == "reached" and rules.becomes_complaint(
        data.satisfaction, data.complaint
    )
    with ctx.transaction() as db:
        done = row(
            db,
            "SELECT id FROM follow_ups WHERE order_id = ? AND outcome <> 'not_reached'",
            [order_id],
        )
        if done is not None:
            raise ActionError("follow_up.already_done")
        complaint_id = None
        if unhappy:
            text = "\n".join(t for t in (data.service_opinion.strip(), data.note.strip()) if t)
            reply_by = data.complaint_reply_by or (now + rules.FOLLOW_UP_REPLY)
            complaint_id = _insert_complaint(
                ctx, order["customer_id"], order_id, "follow_up", text, "", reply_by
            )
        reached = data.outcome == "reached"
        record = {
            "order_id": order_id,
            "due_from": window.due_from.isoformat(),
            "due_to": window.due_to.isoformat(),
            "done_at": iso(now),
            "staff_id": ctx.user_id,
            "channel": data.channel,
            "outcome": data.outcome,
            "car_runs": data.car_runs.strip() if reached else "",
            "service_opinion": data.service_opinion.strip() if reached else "",
            "advice_given": data.advice_given.strip() if reached else "",
            "next_maintenance_date": (
                data.next_maintenance.isoformat() if reached and data.next_maintenance else None
            ),
            "satisfaction": data.satisfaction if reached else None,
            "note": data.note.strip(),
            "complaint_id": complaint_id,
        }
        fid = int(db["follow_ups"].insert(record).last_pk)
        audit(ctx, "follow_up", fid, "record", None, record)
    return FollowUpResult(fid, complaint_id)


# --- enquiries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnquiryInput:
    name: str
    contact: str
    question: str
    answer: str
    workplace: str = ""
    customer_id: int | None = None


def log_enquiry(ctx: Ctx, data: EnquiryInput) -> int:
    """An enquiry answered now: who asked, their workplace and contact, the answer."""
    ctx.actor()
    v.raise_if_errors(
        v.collect(
            v.check_name(data.name, "name"),
            v.check_text(data.workplace, "workplace", 100),
            v.check_name(data.contact, "contact", 40),
            v.check_text(data.question, "question", TEXT_MAX, required=True),
            v.check_text(data.answer, "answer", TEXT_MAX, required=True),
        )
    )
    if data.customer_id is not None:
        _require(ctx, "customers", data.customer_id)
    record = {
        "customer_id": data.customer_id,
        "name": data.name.strip(),
        "workplace": data.workplace.strip(),
        "contact": data.contact.strip(),
        "question": data.question.strip(),
        "answer": data.answer.strip(),
        "answered_at": ctx.now(),
        "answered_by": ctx.user_id,
    }
    with ctx.transaction() as db:
        eid = int(db["enquiries"].insert(record).last_pk)
        audit(ctx, "enquiry", eid, "log", None, record)
    return eid


def recent_enquiries(db: sqlite_utils.Database, limit: int = 50) -> list[Row]:
    return list(
        db.query(
            """SELECT e.*, s.name AS staff_name FROM enquiries e
                 JOIN staff s ON s.id = e.answered_by ORDER BY e.id DESC LIMIT ?""",
            [limit],
        )
    )


# --- complaints -----------------------------------------------------------------------------


def _insert_complaint(
    ctx: Ctx,
    customer_id: int,
    order_id: int | None,
    channel: str,
    text: str,
    answer: str,
    reply_by: dt.datetime | None,
) -> int:
    now = ctx.now()
    answered = bool(answer)
    record = {
        "customer_id": customer_id,
        "order_id": order_id,
        "channel": channel,
        "text": text,
        "received_at": now,
        "received_by": ctx.user_id,
        "reply_by": None if reply_by is None else iso(reply_by),
        "answer": answer,
        "answered_at": now if answered else None,
        "answered_by": ctx.user_id if answered else None,
        "state": "answered" if answered else "open",
        "updated_at": now,
    }
    cid = int(ctx.db["complaints"].insert(record).last_pk)
    audit(ctx, "complaint", cid, "open", None, record)
    return cid


def open_complaint(
    ctx: Ctx,
    customer_id: int,
    text: str,
    channel: str,
    order_id: int | None = None,
    answer: str = "",
    reply_by: dt.datetime | None = None,
) -> int:
    """Log a complaint in full: answered at once (``answer``) or with the time by which
    the customer will hear back (``reply_by``)."""
    ctx.actor()
    now = ctx.clock()
    answer = answer.strip()
    problems = v.collect(
        None if channel in ("in_person", "phone") else v.Problem("channel", "complaint.channel"),
        v.check_text(text, "text", COMPLAINT_MAX, required=True),
        v.check_text(answer, "answer", TEXT_MAX),
        None if answer else rules.check_reply_by(reply_by, now),
    )
    v.raise_if_errors(problems)
    _require(ctx, "customers", customer_id)
    if order_id is not None:
        order = _require(ctx, "repair_orders", order_id)
        if order["customer_id"] != customer_id:
            raise ActionError("complaint.order_customer")
    with ctx.transaction():
        return _insert_complaint(
            ctx, customer_id, order_id, channel, text.strip(), answer, None if answer else reply_by
        )


def complaint(db: sqlite_utils.Database, complaint_id: int) -> Row | None:
    return row(
        db,
        """SELECT k.*, c.name AS customer_name, c.phone, o.number AS order_number,
                  s.name AS escalated_to_name
             FROM complaints k JOIN customers c ON c.id = k.customer_id
             LEFT JOIN repair_orders o ON o.id = k.order_id
             LEFT JOIN staff s ON s.id = k.escalated_to WHERE k.id = ?""",
        [complaint_id],
    )


def _complaint(ctx: Ctx, complaint_id: int) -> Row:
    found = complaint(ctx.db, complaint_id)
    if found is None:
        raise ActionError("record.missing", None, table="complaints", id=complaint_id)
    return found


def _update(ctx: Ctx, before: Row, changes: Row, action: str, staff_id: int | None = None) -> None:
    ctx.db["complaints"].update(before["id"], {**changes, "updated_at": ctx.now()})
    audit(
        ctx, "complaint", before["id"], action, {k: before[k] for k in changes}, changes, staff_id
    )


def answer_complaint(
    ctx: Ctx,
    complaint_id: int,
    answer: str,
    supervisor_id: int | None = None,
    pin: str | None = None,
) -> None:
    """The answer given to the customer. An escalated complaint is answered with a
    supervisor's approval (their id and PIN)."""
    ctx.actor()
    found = _complaint(ctx, complaint_id)
    if found["state"] not in ("open", "escalated"):
        raise ActionError("complaint.state", None, complaint_state=found["state"])
    v.raise_if_errors(v.collect(v.check_text(answer, "answer", TEXT_MAX, required=True)))
    if found["state"] == "escalated":
        if supervisor_id is None:
            raise ActionError("supervisor.required", "supervisor")
        verify_supervisor(ctx, supervisor_id, pin or "")
    now = ctx.now()
    approval = {"approved_by": supervisor_id} if found["state"] == "escalated" else None
    with ctx.transaction():
        changes = {
            "answer": answer.strip(),
            "answered_at": now,
            "answered_by": ctx.user_id,
            "state": "answered",
        }
        _update(ctx, found, changes, "answer")
        if approval is not None:
            audit(ctx, "complaint", complaint_id, "answer_approved", None, approval, supervisor_id)


def escalate_overdue(ctx: Ctx) -> list[int]:
    """Escalate every open complaint past its reply-by time to the supervisor (the first
    active one; none on the list: escalated to nobody in particular). Idempotent: an
    escalated complaint is not escalated again. Runs with nobody at the counter too (the
    audit then names no one). Returns the ids escalated now."""
    now = ctx.clock()
    due = [
        r
        for r in ctx.db.query("SELECT * FROM complaints WHERE state = 'open'")
        if rules.needs_escalation(r["state"], _time(r["reply_by"]), now)
    ]
    if not due:
        return []
    supervisor = row(
        ctx.db,
        "SELECT id FROM staff WHERE role = 'supervisor' AND active = 1 ORDER BY id LIMIT 1",
        [],
    )
    escalated = []
    with ctx.transaction() as db:
        for r in due:
            current = row(db, "SELECT * FROM complaints WHERE id = ?", [r["id"]])
            if current is None or current["state"] != "open":
                continue
            changes = {
                "state": "escalated",
                "escalated_at": iso(now),
                "escalated_to": supervisor["id"] if supervisor else None,
            }
            _update(ctx, current, changes, "escalate_overdue")
            escalated.append(int(r["id"]))
    return escalated


def resolve_complaint(ctx: Ctx, complaint_id: int, resolution: str, accepted: bool) -> None:
    """The customer's word on the answer. Accepted: resolved (with how it was resolved).
    Not accepted: escalated to the supervisor (who answers again)."""
    ctx.actor()
    found = _complaint(ctx, complaint_id)
    if found["state"] != "answered":
        raise ActionError("complaint.state", None, complaint_state=found["state"])
    now = ctx.now()
    if accepted:
        v.raise_if_errors(
            v.collect(v.check_text(resolution, "resolution", TEXT_MAX, required=True))
        )
        changes: Row = {
            "resolution": resolution.strip(),
            "resolved_at": now,
            "resolved_by": ctx.user_id,
            "customer_accepted": 1,
            "accepted_at": now,
            "state": "resolved",
        }
        action = "resolve"
    else:
        v.raise_if_errors(v.collect(v.check_text(resolution, "resolution", TEXT_MAX)))
        supervisor = row(
            ctx.db,
            "SELECT id FROM staff WHERE role = 'supervisor' AND active = 1 ORDER BY id LIMIT 1",
            [],
        )
        changes = {
            "customer_accepted": 0,
            "accepted_at": now,
            "state": "escalated",
            "escalated_at": now,
            "escalated_to": supervisor["id"] if supervisor else None,
        }
        action = "not_accepted"
    with ctx.transaction():
        _update(ctx, found, changes, action)


def _time(text: str | None) -> dt.datetime | None:
    return parse(text) if text else None


def open_complaints(db: sqlite_utils.Database, now: dt.datetime) -> list[Row]:
    """Complaints not resolved: overdue first (escalated, or open past reply-by), then
    open ones by reply-by, then answered ones waiting for the customer's word. Each row
    adds ``overdue`` (bool)."""
    rows = list(
        db.query(
            """SELECT k.*, c.name AS customer_name, c.phone, o.number AS order_number,
                      s.name AS escalated_to_name
                 FROM complaints k JOIN customers c ON c.id = k.customer_id
                 LEFT JOIN repair_orders o ON o.id = k.order_id
                 LEFT JOIN staff s ON s.id = k.escalated_to
                WHERE k.state <> 'resolved'"""
        )
    )
    out = []
    for r in rows:
        overdue = r["state"] == "escalated" or rules.reply_overdue(
            _time(r["reply_by"]), r["answered_at"] is not None, now
        )
        out.append({**r, "overdue": overdue})
    order = {"open": 1, "answered": 2}
    out.sort(
        key=lambda r: (
            0 if r["overdue"] else order.get(r["state"], 1),
            r["reply_by"] or r["received_at"],
            r["id"],
        )
    )
    return out
