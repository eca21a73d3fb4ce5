"""The workshop desk in the demo: hand-offs, work started, extra work found, progress
checks, completion and the car handed back ready for pickup, through the actions.

Each function runs at the replay's moment for its step (``ctx.clock()``) and draws its
choices from ``demo.desk_rng``, so the rest of the dataset stays as it was:

- handed off: mostly to the technician's team (single_team), now and then to the
  supervisor's queue; planned minutes from the order's labour;
- in progress: work starts; on about a quarter of the orders the workshop finds one
  extra item (the orders left in progress keep theirs open: one still reported, one with
  the customer contacted, waiting for the answer);
- completed: the open extra item is answered (approved about 70 %, the supplementary
  order handed to the supervisor; declined otherwise, the workshop told), now and then
  the progress check is recorded, then the work is completed;
- ready: every clean-up tick, bills collected, the customer's total, a channel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from service_desk.actions import extra_work, promise, workshop
from service_desk.actions.context import Ctx
from service_desk.demo.roster import WORKSHOP_HEAD
from service_desk.domain.pricing import LineDraft
from service_desk.store import extra_work_queries

if TYPE_CHECKING:
    from service_desk.demo.plan import Plan
    from service_desk.demo.state import Demo

SUPERVISOR_QUEUE = 0.2
EXTRA_FOUND = 0.25
APPROVED = 0.7
PROGRESS_RECORDED = 0.5
CHANNELS = ("phone", "wechat", "sms", "in_person")

# what the workshop finds: description, labour hours (milli), part (text, fen), system,
# delay in minutes
_FINDINGS = (
    ("前刹车片磨损到限，建议更换", 500, ("前刹车片", 28000), "brakes", 40),
    ("左前减震器漏油", 1200, ("前减震器", 56000), "suspension", 90),
    ("空调滤芯脏堵，建议更换", 200, ("空调滤芯", 8500), "aircon", 15),
    ("蓄电池电量不足，建议更换", 300, ("蓄电池 60Ah", 52000), "electrical", 20),
    ("后轮胎鼓包，建议更换", 400, ("轮胎 215/55R17", 62000), "tyres", 30),
)


def _team(plan: Plan) -> str:
    return f"{plan.technician}班组" if plan.technician else "机修班组"


def hand_off(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    assert plan.oid is not None
    rng = demo.desk_rng
    queue = rng.random() < SUPERVISOR_QUEUE
    minutes = int(promise.planned_time(ctx, plan.oid).total_seconds() // 60)
    workshop.hand_off(
        ctx,
        plan.oid,
        mode="supervisor_queue" if queue else "single_team",
        team="" if queue else _team(plan),
        planned_minutes=minutes,
        receiver_name=WORKSHOP_HEAD if queue else (plan.technician or WORKSHOP_HEAD),
        handed_at=ctx.clock(),
        washed=rng.random() < 0.3,
    )


def _left_open(demo: Demo, plan: Plan) -> int | None:
    """Orders left in progress keep an open item: the first 'reported', the next
    'customer_contacted' (None: not one of them)."""
    waiting = [p for p in demo.plans if p.outcome == "in_progress"]
    return waiting.index(plan) if plan in waiting else None


def start_work(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    assert plan.oid is not None
    rng = demo.desk_rng
    workshop.start_work(ctx, plan.oid)
    open_index = _left_open(demo, plan)
    found = rng.random() < EXTRA_FOUND
    if open_index is None and not found:
        return
    text, milli, (part, price), system, delay = rng.choice(_FINDINGS)
    lines = [
        LineDraft(
            kind="labour",
            description=text,
            mode="item",
            qty_milli=milli,
            unit_price_fen=demo.labour_rate,
            system_code=system,
        ),
        LineDraft(
            kind="part",
            description=part,
            mode="item",
            qty_milli=1000,
            unit_price_fen=price,
            system_code=system,
            parts_source="dealer",
            part_quality="genuine",
        ),
    ]
    extra_id = extra_work.report_extra(
        ctx, plan.oid, plan.technician or WORKSHOP_HEAD, lines, delay, "拆检时发现"
    )
    if open_index is None or open_index % 2 == 1:
        extra_work.record_contact(ctx, extra_id, rng.choice(CHANNELS), "已向客户说明费用和工期")


def complete_work(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    assert plan.oid is not None
    rng = demo.desk_rng
    for item in extra_work_queries.open_extra_items(ctx.db, plan.oid):
        if item["state"] == "reported":
            extra_work.record_contact(ctx, item["id"], rng.choice(CHANNELS))
        customer = plan.car.owner.entry.name
        if rng.random() < APPROVED:
            extra_work.approve(ctx, item["id"], customer)
            extra_work.record_supervisor_handover(ctx, item["id"], ctx.clock())
        else:
            extra_work.decline(ctx, item["id"], customer, item["reported_by_name"], ctx.clock())
    if rng.random() < PROGRESS_RECORDED:
        workshop.record_progress(ctx, plan.oid, ctx.clock(), action="按计划完工")
    workshop.complete_work(ctx, plan.oid)


def customer_total(ctx: Ctx, order_id: int) -> int:
    return int(
        ctx.db.execute(
            "SELECT coalesce(sum(amount_fen), 0) FROM order_lines "
            "WHERE order_id = ? AND status = 'active' AND payer = 'customer'",
            [order_id],
        ).fetchone()[0]
    )


def mark_ready(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    assert plan.oid is not None
    workshop.mark_ready(
        ctx,
        plan.oid,
        wash=True,
        interior=True,
        exterior=True,
        belongings_back=True,
        bills_collected=True,
        total_fen=customer_total(ctx, plan.oid),
        notified_channel=demo.desk_rng.choice(CHANNELS),
    )
