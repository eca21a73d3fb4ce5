"""The steps of one visit (open, save, diagnose, estimate, sign, … done) and their
minutes; then the request, mileage and promised time they carry."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from service_desk.demo.phrases import OTHER_REQUESTS
from service_desk.demo.plan import Plan, half_hour_after
from service_desk.demo.roster import TEAM_LEADERS

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

_AFTER_SIGN = (
    "checked_in",
    "handed_off",
    "in_progress",
    "completed",
    "ready",
    "settled",
    "released",
    "done",
)


def _path(demo: Demo, plan: Plan, rng: random.Random) -> list[tuple[int, str]]:
    steps = [(0, "open")]
    t = 0

    def add(gap: int, kind: str) -> None:
        nonlocal t
        t += max(gap, 1)
        steps.append((t, kind))

    if plan.fresh:
        if plan.outcome == "void":
            add(rng.randint(10, 20), "void")
        return steps
    add(rng.randint(4, 9), "save")
    if plan.outcome == "reception":
        return steps
    if plan.outcome == "void":
        add(rng.randint(10, 40), "void")
        return steps
    declining = plan.outcome in ("declined", "closed")
    if declining and plan.decline_from == "reception":
        add(rng.randint(5, 15), "decline")
        if plan.outcome == "closed":
            add(rng.randint(3, 30), "closed")
        return steps
    if plan.scenario.consent:
        add(3, "consent")
        if plan.outcome == "diagnosis":
            return steps
        add(rng.randint(25, 60), "diagnose")
    add(rng.randint(5, 15), "lines")
    if plan.outcome == "estimate":
        if plan.hand_on:
            add(rng.randint(30, 120), "hand_on")
        return steps
    if declining:
        add(rng.randint(15, 90), "decline")
        if plan.outcome == "closed":
            add(rng.randint(60, 700), "closed")
        return steps
    add(rng.randint(3, 12), "sign")
    if plan.hand_on:
        add(1, "hand_on")
    if plan.outcome == "signed":
        return steps
    gaps = {
        "checked_in": rng.randint(3, 10),
        "handed_off": rng.randint(5, 15),
        "in_progress": rng.randint(5, 20),
        "completed": max(plan.scenario.minutes - 30, 15) + rng.randint(0, 40),
        "ready": rng.randint(10, 25),
        "settled": rng.randint(20, 150),
        "released": rng.randint(3, 8),
        "done": rng.randint(120, 900),
    }
    skip_work_start = plan.scenario.minutes <= 30
    for state in _AFTER_SIGN:
        if state == "in_progress" and skip_work_start and plan.outcome != "in_progress":
            continue
        add(gaps[state], state)
        if state == plan.outcome:
            break
    return steps


def _fit(demo: Demo, plan: Plan) -> None:
    """Squeeze the steps of a recent order so that none lies after "now"."""
    last = plan.steps[-1][0]
    room = demo.deadline - plan.t0
    if last <= room:
        return
    fitted, prev = [], -1
    for offset, kind in plan.steps:
        prev = max(prev + 1, offset * room // last)
        fitted.append((prev, kind))
    plan.steps = fitted


def prepare(demo: Demo, plan: Plan, rng: random.Random | None = None) -> None:
    """Plan the visit's steps and what they carry, drawing from ``rng`` (the planning
    source by default: a visit planned after all the others draws from its own)."""
    rng = rng or demo.rng
    plan.steps = _path(demo, plan, rng)
    if plan.active:
        _fit(demo, plan)
    scenario = plan.scenario
    plan.request = plan.request or rng.choice(scenario.requests)
    others = [scenario.other] if scenario.other else []
    if "洗车" in plan.car.owner.entry.wishes:
        others.append("完工后洗车")
    elif rng.random() < 0.15:
        others.append(rng.choice(OTHER_REQUESTS))
    plan.other = "；".join(others)
    plan.technician = rng.choice(TEAM_LEADERS)
    saves = [o for o, k in plan.steps if k in ("save", "diagnose")]
    if saves:
        save_at = demo.tl.moment(plan.t0 + saves[0], 59)
        plan.km = plan.car.km_at(save_at)
        if scenario.key == "maintenance" and plan.km < 8000 and plan.outcome != "declined":
            plan.request = "做首保"
        due = plan.t0 + saves[0] + scenario.minutes + rng.randint(20, 60)
        due = max(due, plan.t0 + saves[-1] + 30)
        plan.promised = half_hour_after(demo.tl.moment(due, 59))
