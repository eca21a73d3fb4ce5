"""A comeback in the demo: a car repaired and released in the last weeks is back "today"
with the same trouble (R14). The rework is on the same vehicle system and in the same
repair category as the original visit, free of charge (the dealer pays it), handed to the
same team; when the order is signed it is linked to the original one
(actions.release.detect_comeback, see demo/checkout.py).

Planned after every other visit, drawing from ``demo.checkout_rng`` (and the planning
source only for its own steps), so the rest of the dataset stays as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from service_desk.demo.lines import Item
from service_desk.demo.plan import Car, Plan
from service_desk.demo.steps import prepare
from service_desk.domain.pricing import LineDraft
from service_desk.store import release_queries

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

OUTCOME = "handed_off"  # the rework is in the workshop now
SINCE_DAYS = (3, 28)  # released this many days before "today"
# the repairs that come back first (a category of their own, customer-paid work); another
# recent visit when none of them came in lately
_REPAIRS = (
    "brake_soft",
    "brake_aftermarket",
    "cold_start",
    "shocks",
    "chassis_noise",
    "tyres",
    "body_paint",
    "ev_range",
)


def _released_day(demo: Demo, plan: Plan) -> dt.date | None:
    for offset, kind in plan.steps:
        if kind == "released":
            return demo.tl.day(plan.t0 + offset)
    return None


def _rework(demo: Demo, original: Plan) -> Callable[[Demo, Car, int], list[Item]]:
    """The comeback's line: the original work checked and redone, at the dealer's cost,
    on the original's vehicle system (read when the line is written)."""

    def items(_demo: Demo, _car: Car, _km: int) -> list[Item]:
        assert original.oid is not None
        systems = sorted(release_queries.active_systems(demo.db, original.oid))
        return [
            LineDraft(
                kind="labour",
                description="返修：复查上次维修项目并重新调整（质保期内，免费）",
                mode="item",
                qty_milli=1000,
                unit_price_fen=demo.labour_rate,
                payer="internal",
                system_code=systems[0] if systems else None,
            )
        ]

    return items


def comeback_visit(demo: Demo) -> Plan | None:
    """Add the comeback visit to the plan (None when no recent repair fits)."""
    rng = demo.checkout_rng
    later: dict[int, int] = {}
    for plan in demo.plans:
        later[id(plan.car)] = max(later.get(id(plan.car), 0), plan.t0)
    repairs, others = [], []
    for plan in demo.plans:
        if plan.active or plan.outcome != "done" or plan.scenario.key.startswith("warranty"):
            continue
        if id(plan.car) in demo.active_cars or later[id(plan.car)] != plan.t0:
            continue  # the car is at the counter anyway, or came back since
        released = _released_day(demo, plan)
        if released is None:
            continue
        if SINCE_DAYS[0] <= (demo.cur_day - released).days <= SINCE_DAYS[1]:
            found = repairs if plan.scenario.key in _REPAIRS else others
            found.append((plan, released))
    if not (repairs or others):
        return None
    original, released = rng.choice(repairs or others)  # a repair if any came in lately
    days = (demo.cur_day - released).days
    scenario = dataclasses.replace(
        original.scenario,
        key="comeback",
        requests=(f"返修：{days}天前来店处理过（{original.request}），问题又出现了",),
        items=_rework(demo, original),
        minutes=60,
        category=original.scenario.category or "general_repair",
        consent=False,
        diagnosis="",
        declinable=False,
        other="",
    )
    day0 = demo.tl.day_start(demo.cur_day)
    room = demo.deadline - day0
    t0 = day0 + rng.randint(5, max(6, min(room - 60, 240)))
    plan = Plan(original.car, scenario, OUTCOME, t0, original.advisor, active=True)
    plan.request = scenario.requests[0]
    prepare(demo, plan, rng)
    plan.technician = original.technician  # back to the team that did the work
    demo.plans.append(plan)
    demo.active_cars.add(id(original.car))
    return plan
