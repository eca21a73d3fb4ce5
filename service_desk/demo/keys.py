"""The key cabinet in the demo: each car's keys follow its order, through the actions.

``demo_keys(ctx, order_id, hook, rng)`` does what the order's state *now* calls for at
the cabinet, so the replay calls it after every step of an order (``ctx`` at that
step's moment, acting as that step's member of staff); a call with nothing to do does
nothing:

- checked in: the main key goes on ``hook`` (the lowest free one if taken), now and then
  a spare too; once in a while the advisor forgets to register it (an end-of-day
  exception until a later step registers it);
- handed to the workshop / in progress: the main key goes to the order's technician;
- completed and later: it comes back to the cabinet; at "ready", now and then a short
  quality test drive (out and back within the minutes before);
- released, done, void: the keys go back to the customer — except that now and then a
  released car's key is forgotten on its hook (an end-of-day exception) until "done".
  (The demo's own releases go through the checkout desk's gate, demo/checkout.py, which
  hands every key back first: there this step finds nothing left to do.)
"""

from __future__ import annotations

import datetime as dt
import random

from service_desk.actions import keys
from service_desk.actions.context import Ctx
from service_desk.domain import keys as rules
from service_desk.domain.clock import fixed_clock, parse
from service_desk.store import key_queries, queries, settings

FORGET_REGISTER = 0.06
SPARE_TOO = 0.15
QC_DRIVE = 0.25
FORGET_RETURN = 0.2
_IN_WORKSHOP = ("handed_off", "in_progress")
_BACK = ("completed", "ready", "settled")
_HAND_BACK = ("released", "done", "void")


def demo_keys(ctx: Ctx, order_id: int, hook: int, rng: random.Random) -> None:
    """Bring the order's keys in line with its state at ctx's moment (see module doc)."""
    order = queries.order(ctx.db, order_id)
    if order is None:
        return
    state = order["state"]
    held = [k for k in key_queries.keys_of_order(ctx.db, order_id) if k["state"] != "returned"]
    if state in rules.KEY_EXPECTED and not key_queries.keys_of_order(ctx.db, order_id):
        if rng.random() >= FORGET_REGISTER:
            _register(ctx, order_id, hook, rng)
        return
    if state in _IN_WORKSHOP:
        technician = order["technician"].strip() or "车间"
        for key in held:
            if key["kind"] == "main" and key["state"] == "in_cabinet":
                keys.take_out(ctx, key["id"], "to_workshop", technician, "维修作业")
        return
    if state in _BACK:
        for key in held:
            if key["state"] == "out":
                keys.back_to_cabinet(ctx, key["id"], _free_hook(ctx, key["hook"] or hook))
        if state == "ready" and rng.random() < QC_DRIVE:
            _quality_drive(ctx, order_id, held, order["technician"].strip() or "质检员")
        return
    if state in _HAND_BACK:
        if state == "released" and rng.random() < FORGET_RETURN:
            return
        for key in held:
            if key["state"] == "out":
                keys.back_to_cabinet(ctx, key["id"], _free_hook(ctx, hook))
            keys.return_to_customer(ctx, key["id"], reason="交车时交还客户")


def _register(ctx: Ctx, order_id: int, hook: int, rng: random.Random) -> None:
    keys.register_key(ctx, order_id, "main", _free_hook(ctx, hook))
    if rng.random() < SPARE_TOO:
        label = rng.choice(("带车库门卡", "旧款遥控", "机械钥匙"))
        keys.register_key(ctx, order_id, "spare", _free_hook(ctx, hook + 1), label)


def _free_hook(ctx: Ctx, preferred: int) -> int:
    size = int(settings.get(ctx.db, "key_cabinet_hooks"))
    hook = rules.suggest_hook(key_queries.cabinet(ctx.db), size, preferred)
    if hook is None:
        raise ValueError("the demo key cabinet is full: raise key_cabinet_hooks")
    return hook


def _quality_drive(ctx: Ctx, order_id: int, held: list[dict], driver: str) -> None:
    """The main key out for a short road test and back, in the minutes before now."""
    main = next((k for k in held if k["kind"] == "main"), None)
    if main is None:
        return
    now = ctx.clock()
    last = key_queries.last_event(ctx.db, main["id"])
    start = max(parse(last["at"]) if last else now, now - dt.timedelta(minutes=30))
    if (now - start).total_seconds() < 180:
        return
    step = (now - start) / 3
    current = key_queries.key(ctx.db, main["id"])
    if current is None or current["state"] != "in_cabinet":
        return
    out = Ctx(ctx.db, fixed_clock(start + step), ctx.user_id)
    keys.take_out(out, main["id"], "test_drive", driver, "完工路试")
    back = Ctx(ctx.db, fixed_clock(start + 2 * step), ctx.user_id)
    keys.back_to_cabinet(back, main["id"], _free_hook(back, current["hook"]))
