"""Replaying the plan through the public counter actions, in time order, each step done
by its member of staff at its own moment (so every row has its audit trail)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from service_desk.actions import archive, orders, staff
from service_desk.actions.archive import VehicleInput
from service_desk.actions.context import Ctx
from service_desk.demo import checkout as demo_checkout
from service_desk.demo import workshop as demo_workshop
from service_desk.demo.checkins import demo_check_in
from service_desk.demo.keys import demo_keys
from service_desk.demo.phrases import DECLINE_NOTES, STEP_NOTES
from service_desk.demo.roster import (
    ADVISORS,
    CASHIER,
    STAFF,
    SUPERVISOR,
    SUPERVISOR_PIN,
    WORKSHOP_HEAD,
)
from service_desk.domain.clock import fixed_clock
from service_desk.store import settings

if TYPE_CHECKING:
    from service_desk.demo.plan import Car, Customer, Plan
    from service_desk.demo.state import Demo


@dataclass(order=True)
class Event:
    minute: int
    second: int
    seq: int
    actor: str = field(compare=False)
    run: Callable[[Ctx], None] = field(compare=False)


def _at(demo: Demo, minute: int, actor: str, run: Callable[[Ctx], None]) -> None:
    demo.events.append(Event(minute, demo.rng.randrange(60), len(demo.events), actor, run))


def _schedule(demo: Demo, changes: list[tuple[int, Car, Customer, str]]) -> None:
    for car in demo.cars:
        _at(demo, car.reg_minute or 0, car.reg_advisor, functools.partial(_register, demo, car))
    for when, car, buyer, advisor in changes:
        _at(demo, when, advisor, functools.partial(_change_owner, demo, car, buyer))
    for plan in demo.plans:
        advisor = plan.advisor
        fee = plan.decline_from == "estimate" and plan.decline_fee != 0
        for offset, kind in plan.steps:
            actor = advisor
            if kind == "hand_on":
                target = demo.rng.choice([a for a in ADVISORS if a != advisor])
                run = functools.partial(_hand_on, demo, plan, target)
                _at(demo, plan.t0 + offset, actor, run)
                advisor = target
                continue
            if kind == "handed_off":
                actor = WORKSHOP_HEAD
            elif kind in ("in_progress", "completed"):
                actor = plan.technician
            elif kind == "settled" or (kind == "closed" and fee):
                actor = CASHIER
            _at(demo, plan.t0 + offset, actor, functools.partial(_step_and_keys, demo, plan, kind))


# the actions behind each step


def _register(demo: Demo, car: Car, ctx: Ctx) -> None:
    entry = VehicleInput(
        plate=car.plate,
        model_code=car.model.code,
        category_code=car.category,
        vin=car.vin,
        colour=car.colour,
        purchase_date=car.purchase,
        odometer_km=car.km_at(ctx.clock()),
        wishes=car.wishes,
    )
    owner = car.owner
    if owner.cid is None:
        owner.cid, car.vid = archive.register_walk_in(ctx, owner.entry, entry)
    else:
        car.vid = archive.register_vehicle(ctx, owner.cid, entry)


def _change_owner(demo: Demo, car: Car, buyer: Customer, ctx: Ctx) -> None:
    assert car.vid is not None and buyer.cid is not None
    archive.change_owner(ctx, car.vid, buyer.cid, "二手车过户")
    demo.owner_changes += 1


def _hand_on(demo: Demo, plan: Plan, target: str, ctx: Ctx) -> None:
    assert plan.oid is not None
    orders.hand_on(ctx, plan.oid, demo.staff[target], plan.hand_on or "")


def _save(demo: Demo, plan: Plan, ctx: Ctx, diagnosis: str = "") -> None:
    assert plan.oid is not None
    orders.save_reception(
        ctx,
        plan.oid,
        request=plan.request,
        other_requests=plan.other,
        diagnosis=diagnosis,
        technician=plan.technician,
        repair_category=plan.scenario.category,
        odometer_in=plan.km,
        promised_at=plan.promised,
    )


# the workshop desk's steps, with their records (demo/workshop.py)
_WORKSHOP_STEPS: dict[str, Callable[[Demo, Plan, Ctx], None]] = {
    "handed_off": demo_workshop.hand_off,
    "in_progress": demo_workshop.start_work,
    "completed": demo_workshop.complete_work,
    "ready": demo_workshop.mark_ready,
}
# the checkout desk's (demo/checkout.py)
_CHECKOUT_STEPS: dict[str, Callable[[Demo, Plan, Ctx], None]] = {
    "settled": demo_checkout.settle,
    "released": demo_checkout.release_car,
    "closed": demo_checkout.close,
}


def _step(demo: Demo, plan: Plan, kind: str, ctx: Ctx) -> None:
    rng = demo.rng
    if kind == "open":
        assert plan.car.vid is not None
        plan.oid = orders.open_order(ctx, plan.car.vid, plan.request)
        return
    oid = plan.oid
    assert oid is not None
    if kind == "save":
        _save(demo, plan, ctx)
    elif kind == "consent":
        orders.record_consent(ctx, oid, "客户同意先做检测诊断")
    elif kind == "diagnose":
        _save(demo, plan, ctx, plan.scenario.diagnosis)
    elif kind == "lines":
        assert plan.km is not None
        for item in plan.scenario.items(demo, plan.car, plan.km):
            if isinstance(item, str):
                orders.apply_standard_job(ctx, oid, item)
            else:
                orders.add_line(ctx, oid, item)
    elif kind == "sign":
        orders.sign(ctx, oid)
        demo_checkout.after_sign(ctx, oid)
    elif kind == "decline":
        note = plan.note or rng.choice(DECLINE_NOTES)
        orders.decline(ctx, oid, plan.decline_fee, note)
    elif kind == "void":
        orders.void(ctx, oid, demo.staff[SUPERVISOR], SUPERVISOR_PIN, plan.note)
    elif kind in _WORKSHOP_STEPS:
        _WORKSHOP_STEPS[kind](demo, plan, ctx)
    elif kind in _CHECKOUT_STEPS:
        _CHECKOUT_STEPS[kind](demo, plan, ctx)
    elif kind == "checked_in":
        demo_check_in(ctx, oid, demo.desk_rng)  # the walk-around, then the state step
    else:
        orders.advance(ctx, oid, kind, STEP_NOTES.get(kind, ""))


# steps with no key to follow: before the car is checked in, after a decline, and at
# the checkout desk (settling leaves the keys on their hooks, the release gate hands them
# back itself, so "done" finds none)
_NO_KEYS = frozenset(
    {"open", "save", "consent", "diagnose", "lines", "sign", "decline", "closed", "settled", "done"}
)


def _step_and_keys(demo: Demo, plan: Plan, kind: str, ctx: Ctx) -> None:
    _step(demo, plan, kind, ctx)
    if kind not in _NO_KEYS:
        _keys(demo, plan, ctx)


def _keys(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    """The key cabinet follows every step of the order (see demo/keys.py)."""
    if plan.oid is not None:
        hook = 1 + (plan.oid * 7) % int(settings.get(ctx.db, "key_cabinet_hooks"))
        demo_keys(ctx, plan.oid, hook, demo.desk_rng)


def _add_staff(demo: Demo) -> None:
    ctx = demo.ctx
    ctx.clock = fixed_clock(demo.tl.moment(-600))  # the day before the first visit
    existing = {r["name"]: r["id"] for r in staff.list_staff(ctx)}
    ctx.user_id = next(iter(existing.values()), None)
    for name, role in STAFF:
        if name in existing:
            demo.staff[name] = existing[name]
            continue
        pin = SUPERVISOR_PIN if role == "supervisor" else ""
        demo.staff[name] = staff.add_staff(ctx, name, role, pin)
        if ctx.user_id is None:
            ctx.user_id = demo.staff[name]


def replay(demo: Demo, changes: list[tuple[int, Car, Customer, str]]) -> None:
    """Schedule every step of the plan, then run the steps in time order."""
    _schedule(demo, changes)
    _add_staff(demo)
    ctx = demo.ctx
    for event in sorted(demo.events):
        ctx.clock = fixed_clock(demo.tl.moment(event.minute, event.second))
        ctx.user_id = demo.staff[event.actor]
        event.run(ctx)
    ctx.user_id = demo.staff[ADVISORS[0]]
