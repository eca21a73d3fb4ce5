"""The visits: which car comes in when, with which scenario, and how far each order gets.

The last days at the counter hold an order at every stage; the months before hold
mostly finished or closed ones. Cars are registered at their first visit, and a
couple are sold second-hand between customers.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from service_desk.demo.phrases import DECLINE_NOTES
from service_desk.demo.plan import Car, Customer, Plan
from service_desk.demo.roster import ADVISOR_WEIGHTS, ADVISORS
from service_desk.demo.scenarios import SCENARIOS, Scenario
from service_desk.demo.steps import prepare

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

OWNER_CHANGES = 2

# The last days at the counter: (end state, days before "today", scenario, extras).
_ACTIVE: tuple[tuple[str, int, str, dict[str, Any]], ...] = (
    ("reception", 0, "cold_start", {"fresh": True}),
    ("reception", 0, "maintenance", {}),
    ("diagnosis", 0, "warning_light", {}),
    ("estimate", 0, "shocks", {}),
    ("estimate", 1, "chassis_noise", {"hand_on": "下班交接：等客户回复报价"}),
    ("declined", 1, "tyres", {}),
    (
        "declined",
        0,
        "maintenance",
        {
            "decline_from": "reception",
            "request": "问问做个保养要多少钱",
            "note": "只是来问问保养价格，暂时不做",
        },
    ),
    ("signed", 0, "brake_aftermarket", {}),
    ("checked_in", 0, "maintenance", {}),
    ("handed_off", 0, "customer_bulb", {}),
    ("in_progress", 0, "ac", {"duplicate": "重复开单"}),
    ("in_progress", 1, "warranty_window", {}),
    ("completed", 0, "dashcam", {}),
    ("ready", 1, "tyres", {}),
    ("ready", 0, "wipers", {}),
    ("settled", 0, "brake_soft", {}),
    ("released", 1, "maintenance", {}),
    ("released", 2, "body_paint", {}),
)


def _advisor(demo: Demo) -> str:
    return demo.rng.choices(ADVISORS, ADVISOR_WEIGHTS)[0]


def _fits(demo: Demo, scenario: Scenario, car: Car, day: dt.date) -> bool:
    if car.model.energy not in scenario.energies:
        return False
    if scenario.max_age_years is not None and car.age_years(day) > scenario.max_age_years:
        return False
    return car.purchase <= day - dt.timedelta(days=7)


def active_plans(demo: Demo) -> None:
    rng = demo.rng
    day0 = demo.tl.day_start(demo.cur_day)
    room = demo.deadline - day0  # working minutes "today" before now
    used: set[int] = set()
    for outcome, days_back, key, extra in _ACTIVE:
        scenario = SCENARIOS[key]
        day = demo.cur_day - dt.timedelta(days=days_back)
        choices = [c for c in demo.cars if id(c) not in used and _fits(demo, scenario, c, day)]
        if not choices:
            choices = [c for c in demo.cars if id(c) not in used]
            scenario = SCENARIOS["maintenance"]
        car = rng.choice(choices)
        used.add(id(car))
        if days_back:
            t0 = demo.tl.day_start(day) + rng.randint(5, 420)
        elif extra.get("fresh"):
            t0 = day0 + rng.randint(max(5, room - 20), max(6, room - 4))
        else:
            t0 = day0 + rng.randint(5, max(6, min(room - 35, 300)))
        plan = Plan(
            car,
            scenario,
            outcome,
            t0,
            _advisor(demo),
            active=True,
            fresh=bool(extra.get("fresh")),
            decline_from=extra.get("decline_from", "estimate"),
            note=extra.get("note", ""),
            hand_on=extra.get("hand_on"),
        )
        if outcome == "estimate" and plan.hand_on:
            plan.advisor = ADVISORS[0]
        plan.request = extra.get("request") or rng.choice(scenario.requests)
        demo.plans.append(plan)
        if extra.get("duplicate"):
            demo.plans.append(
                Plan(
                    car,
                    scenario,
                    "void",
                    t0 + 2,
                    plan.advisor,
                    active=True,
                    fresh=True,
                    note=extra["duplicate"],
                    request=plan.request,
                )
            )
    demo.active_cars = used


def history_plans(demo: Demo) -> None:
    rng = demo.rng
    last_day = demo.cur_day - dt.timedelta(days=5)
    scenarios = list(SCENARIOS.values())
    history: list[Plan] = []
    for car in demo.cars:
        first_day = max(demo.tl.epoch, car.purchase + dt.timedelta(days=7))
        span = (last_day - first_day).days
        if span < 0:
            continue
        wanted = rng.choices((0, 1, 2, 3), (14, 46, 32, 8))[0]
        days: list[int] = []
        for _ in range(wanted):
            for _attempt in range(20):
                d = rng.randint(0, span)
                if all(abs(d - other) >= 14 for other in days):
                    days.append(d)
                    break
        for d in sorted(days):
            day = first_day + dt.timedelta(days=d)
            fitting = [s for s in scenarios if _fits(demo, s, car, day)]
            scenario = rng.choices(fitting, [s.weight for s in fitting])[0]
            outcome = "done"
            if scenario.declinable and rng.random() < 0.3:
                outcome = "closed"
            plan = Plan(
                car,
                scenario,
                outcome,
                demo.tl.day_start(day) + rng.randint(5, 450),
                _advisor(demo),
            )
            if outcome == "closed":
                plan.note = rng.choice(DECLINE_NOTES)
                if rng.random() < 0.2:
                    plan.decline_fee = 0
                    plan.note = "老客户，免收诊断费；" + plan.note
            history.append(plan)
    done = [p for p in history if p.outcome == "done"]
    special = rng.sample(done, 3)
    special[0].outcome = "void"
    special[0].note = "客户临时有事取消，改日重新预约"
    special[1].outcome = "closed"
    special[1].decline_from = "reception"
    special[1].note = "客户只是来问价，暂不维修"
    special[2].hand_on = "休假交接，后续由同事跟进"
    demo.plans.extend(history)


def registrations(demo: Demo) -> None:
    rng = demo.rng
    first_plan: dict[int, Plan] = {}
    for plan in sorted(demo.plans, key=lambda p: p.t0):
        first_plan.setdefault(id(plan.car), plan)
    for car in demo.cars:
        plan = first_plan.get(id(car))
        if plan is not None:
            car.reg_minute, car.reg_advisor = plan.t0 - 3, plan.advisor
        else:
            low = max(demo.tl.day_start(car.purchase + dt.timedelta(days=1)), 0) + 5
            high = demo.deadline - 600
            car.reg_minute = rng.randint(min(low, high), high)
            car.reg_advisor = _advisor(demo)
    for customer in demo.customers:
        customer.cars.sort(key=lambda c: c.reg_minute or 0)
        first = customer.cars[0].reg_minute or 0
        for car in customer.cars[1:]:
            if (car.reg_minute or 0) <= first:
                car.reg_minute = first + 1


def owner_changes(demo: Demo) -> list[tuple[int, Car, Customer, str]]:
    """Cars sold second-hand between customers; the buyer may bring the car in later."""
    rng = demo.rng
    ends: dict[int, int] = {}
    for plan in demo.plans:
        ends[id(plan.car)] = max(ends.get(id(plan.car), 0), plan.end)
    latest = demo.tl.day_start(demo.cur_day - dt.timedelta(days=12))
    candidates = [
        c
        for c in demo.cars
        if id(c) not in demo.active_cars
        and len(c.owner.cars) > 1
        and max(ends.get(id(c), 0), c.reg_minute or 0) < latest - 40 * 600
    ]
    changes = []
    for car in rng.sample(candidates, min(OWNER_CHANGES, len(candidates))):
        start = max(ends.get(id(car), 0), car.reg_minute or 0) + 3 * 600
        day = rng.randint(start // 600, (latest - 20 * 600) // 600)
        when = day * 600 + rng.randint(30, 480)
        buyers = [
            c
            for c in demo.customers
            if c is not car.owner
            and (c.cars[0].reg_minute or 0) < when - 600
            and all(b is not c for _, _, b, _ in changes)
        ]
        buyer = rng.choice(buyers)
        changes.append((when, car, buyer, _advisor(demo)))
        follow_day = demo.tl.day(when) + dt.timedelta(days=rng.randint(2, 10))
        plan = Plan(
            car,
            SCENARIOS["safety_check"],
            "done",
            demo.tl.day_start(follow_day) + rng.randint(5, 420),
            _advisor(demo),
        )
        plan.request = "刚买的二手车，全车检查一下"
        prepare(demo, plan)
        demo.plans.append(plan)
    return changes
