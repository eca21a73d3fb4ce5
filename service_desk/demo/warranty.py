"""The demo's warranty claims (索赔, R19), written through actions/warranty.py after the
orders are replayed, each step at its own moment (in time order), so the warranty page
has something in every state on first start:

- the settled warranty orders (scenarios 'warranty_window' and 'warranty_screen') are
  claimed, oldest first: two claims paid (one in full, one a little short of the
  approval), one rejected and filed again (waiting for the answer, filed recently), one
  approved and waiting for the money, one submitted long ago (due for a chase); the most
  recent order is left to claim;
- the demo plan holds few finished warranty orders (warranty work only on young cars), so
  the visits missing for that are added here: young cars with nothing else going on in
  the weeks around, a warranty repair 35 to 115 days before "today" (older than the
  follow-up window, demo/care.py), walked through every desk by the actions — check-in,
  keys, workshop, the cashier (nothing to pay), the release gate — and done.

Everything "today" happens before 9:00, nothing after the demo's "now". Deterministic:
its own random source (``seed``). Call it after the replay:
``fill_warranty(demo.ctx, demo.cur_day)``; it returns the number of claims filed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from service_desk import reference
from service_desk.actions import keys, orders, promise, release, settlement, workshop
from service_desk.actions import warranty as wa
from service_desk.actions.archive import last_odometer
from service_desk.actions.checkin import return_belongings
from service_desk.actions.context import Ctx
from service_desk.demo.checkins import demo_check_in
from service_desk.demo.keys import demo_keys
from service_desk.demo.phrases import STEP_NOTES
from service_desk.demo.roster import ADVISORS, CASHIER, TEAM_LEADERS, WORKSHOP_HEAD
from service_desk.domain.checkin import Fuel
from service_desk.domain.clock import fixed_clock, parse
from service_desk.domain.pricing import LineDraft, parse_qty
from service_desk.store import checkin_queries, key_queries, queries, settings

DAY = dt.timedelta(days=1)
ROLES = ("paid", "paid_short", "refiled", "approved", "submitted", "to_claim")  # by age
# with fewer orders, the roles kept first
PRIORITY = ("paid_short", "refiled", "approved", "submitted", "to_claim", "paid")
# the visits added: between so many days before "today", a quiet month after anything
# else the car did
VISITS_FROM, VISITS_UNTIL = 115, 35
QUIET = 31 * DAY
KM_PER_DAY = 35
# (request, labour, hours, system, part and its price or None, only for new-energy cars)
REPAIRS = (
    ("左前车窗升降有异响，有时升不上去", "更换左前车窗升降器（保修）", "1", "body",
     ("左前车窗升降器总成", 42000), False),
    ("空调出风口异响，风量忽大忽小", "更换鼓风机总成（保修）", "1.5", "aircon",
     ("鼓风机总成", 38000), False),
    ("仪表偶尔报胎压故障", "更换左前胎压传感器（保修）", "0.5", "tyres",
     ("胎压传感器", 26000), False),
    ("中控屏经常黑屏重启", "中控主机检测及软件升级（保修）", "1", "electrical", None, True),
)  # fmt: skip
NOTES = ("旧件已按厂家要求封存待回收", "已上传故障照片及检测报告", "")
REJECTED = "旧件照片不清晰，缺少故障码截图，请补充材料后重新提交"


@dataclass
class _Step:
    moment: dt.datetime
    staff_id: int
    run: Callable[[], Any]


def _staff(ctx: Ctx, name: str) -> int:
    return int(ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0])


def _finished(ctx: Ctx) -> list[dict[str, Any]]:
    """The settled warranty orders with nothing claimed yet, finished first first."""
    return sorted(wa.orders_to_claim(ctx.db), key=lambda r: (r["finished_at"], r["id"]))


# --- the visits added ---------------------------------------------------------------------


def _candidates(ctx: Ctx, today: dt.date) -> list[tuple[int, dt.date, dt.date]]:
    """(vehicle, first day, last day) of the cars a warranty visit fits: at least a month
    after anything the car did (registration, a change of owner, orders, odometer
    readings: no comeback, the readings stay in time order), 115 to 35 days before
    ``today``, while the car is 30 days to three years old."""
    out = []
    for r in ctx.db.query(
        """SELECT v.id, v.purchase_date, max(substr(v.created_at, 1, 10),
                  coalesce((SELECT max(substr(at, 1, 10)) FROM odometer_readings
                             WHERE vehicle_id = v.id), ''),
                  coalesce((SELECT max(substr(created_at, 1, 10)) FROM repair_orders
                             WHERE vehicle_id = v.id), ''),
                  coalesce((SELECT max(substr(since, 1, 10)) FROM vehicle_owners
                             WHERE vehicle_id = v.id), '')) AS last_seen
             FROM vehicles v WHERE v.purchase_date IS NOT NULL ORDER BY v.id"""
    ):
        bought = dt.date.fromisoformat(r["purchase_date"])
        first = max(
            dt.date.fromisoformat(r["last_seen"]) + QUIET,
            bought + 30 * DAY,
            today - VISITS_FROM * DAY,
        )
        last = min(today - VISITS_UNTIL * DAY, bought + 3 * 365 * DAY)
        if first <= last:
            out.append((int(r["id"]), first, last))
    return out


def _lines(ctx: Ctx, repair: tuple) -> list[LineDraft]:
    _request, labour, hours, system, part, _nev = repair
    rate = int(settings.get(ctx.db, "labour_rate_fen"))
    lines = [
        LineDraft(
            kind="labour",
            description=labour,
            mode="system",
            qty_milli=parse_qty(hours),
            unit_price_fen=rate,
            payer="warranty",
            system_code=system,
        )
    ]
    if part is not None:
        lines.append(
            LineDraft(
                kind="part",
                description=part[0],
                mode="item",
                qty_milli=1000,
                unit_price_fen=part[1],
                payer="warranty",
                system_code=system,
                parts_source="dealer",
                part_quality="genuine",
            )
        )
    return lines


def _visit(ctx: Ctx, vehicle_id: int, start: dt.datetime, rng: random.Random) -> None:
    """One warranty repair, from the counter to the car handed back, on ``start``'s day."""
    ids = {name: _staff(ctx, name) for name in (*ADVISORS, CASHIER, WORKSHOP_HEAD)}
    advisor = ids[rng.choice(ADVISORS[:2])]
    technician = rng.choice(TEAM_LEADERS)
    ids[technician] = _staff(ctx, technician)
    vehicle = queries.vehicle(ctx.db, vehicle_id) or {}
    nev = reference.car_model(vehicle["model_code"]).energy != "petrol"
    worked_on = {  # systems of its earlier orders: the warranty repair is none of them
        r[0]
        for r in ctx.db.execute(
            "SELECT DISTINCT l.system_code FROM order_lines l JOIN repair_orders o "
            "ON o.id = l.order_id WHERE o.vehicle_id = ?",
            [vehicle_id],
        )
    }
    repairs = [r for r in REPAIRS if (nev or not r[5]) and r[3] not in worked_on]
    repair = rng.choice(repairs or [r for r in REPAIRS if nev or not r[5]])
    read = ctx.db.execute(
        "SELECT max(substr(at, 1, 10)) FROM odometer_readings WHERE vehicle_id = ?", [vehicle_id]
    ).fetchone()[0]
    days = (start.date() - dt.date.fromisoformat(read)).days if read else 180
    km = (last_odometer(ctx, vehicle_id) or 0) + days * KM_PER_DAY + rng.randint(0, 400)
    hook = 1 + (vehicle_id * 7) % int(settings.get(ctx.db, "key_cabinet_hooks"))
    state: dict[str, int] = {}

    def at(minutes: int, who: int, run: Callable[[], Any]) -> None:
        ctx.clock, ctx.user_id = fixed_clock(start + dt.timedelta(minutes=minutes)), who
        run()

    def keys_follow() -> None:
        demo_keys(ctx, state["oid"], hook, rng)

    def opened() -> None:
        state["oid"] = orders.open_order(ctx, vehicle_id, repair[0])

    at(0, advisor, opened)
    oid = state["oid"]
    promised = start + dt.timedelta(hours=6)

    def reception() -> None:
        orders.save_reception(
            ctx,
            oid,
            request=repair[0],
            diagnosis="检测确认为零部件质量故障，在厂家保修期内，按保修处理",
            technician=technician,
            repair_category="warranty",
            odometer_in=km,
            promised_at=promised,
        )
        for line in _lines(ctx, repair):
            orders.add_line(ctx, oid, line)
        orders.sign(ctx, oid)

    at(6, advisor, reception)
    at(15, advisor, lambda: (demo_check_in(ctx, oid, rng), keys_follow()))
    minutes = int(promise.planned_time(ctx, oid).total_seconds() // 60)

    def hand() -> None:
        workshop.hand_off(
            ctx,
            oid,
            mode="single_team",
            team=f"{technician}班组",
            planned_minutes=minutes,
            receiver_name=technician,
            handed_at=ctx.clock(),
        )
        keys_follow()

    at(25, ids[WORKSHOP_HEAD], hand)
    at(35, ids[technician], lambda: (workshop.start_work(ctx, oid), keys_follow()))
    done_at = 35 + minutes + rng.randint(10, 40)
    at(done_at, ids[technician], lambda: (workshop.complete_work(ctx, oid), keys_follow()))

    def ready() -> None:
        workshop.mark_ready(
            ctx,
            oid,
            wash=True,
            interior=True,
            exterior=True,
            belongings_back=True,
            bills_collected=True,
            total_fen=0,  # the manufacturer pays: nothing for the customer
            notified_channel=rng.choice(("phone", "wechat")),
        )
        keys_follow()

    at(done_at + 15, ids[technician], ready)
    at(done_at + 50, ids[CASHIER], lambda: settlement.settle(ctx, oid))

    def hand_back() -> None:
        items = checkin_queries.belongings(ctx.db, oid)
        return_belongings(ctx, oid, {r["id"]: r["qty"] for r in items})
        release.record_belongings_signed(ctx, oid)
        release.record_documents_returned(ctx, oid)
        reading = checkin_queries.checkin(ctx.db, oid) or {}
        fuel = Fuel(reading.get("fuel_unit") or "eighths", reading.get("fuel_value") or 4)
        release.record_odometer_fuel_out(ctx, oid, (reading.get("odometer_km") or km) + 2, fuel)
        if not key_queries.keys_of_order(ctx.db, oid):  # never registered: found at the desk
            keys.register_key(ctx, oid, "main", hook)
        keys.return_keys_to_customer(ctx, oid)
        release.release(ctx, oid, STEP_NOTES["released"])

    at(done_at + 70, advisor, hand_back)
    at(done_at + 70 + rng.randint(120, 600), advisor, lambda: orders.advance(
        ctx, oid, "done", STEP_NOTES["done"]
    ))  # fmt: skip


def _add_visits(ctx: Ctx, today: dt.date, zone: ZoneInfo, count: int, rng: random.Random) -> None:
    found = _candidates(ctx, today)
    chosen = rng.sample(found, min(count, len(found)))
    visits = []
    for vehicle_id, first, last in chosen:
        day = first + rng.randrange((last - first).days + 1) * DAY
        start = dt.datetime.combine(day, dt.time(9, rng.randrange(0, 50)), tzinfo=zone)
        visits.append((start, vehicle_id))
    for start, vehicle_id in sorted(visits):
        _visit(ctx, vehicle_id, start, rng)


# --- the claims ---------------------------------------------------------------------------


def _number(day: dt.date, n: int) -> str:
    return f"CQ{day:%y%m%d}{n:03d}"


def _plan_claims(
    ctx: Ctx, today: dt.date, at: Callable[..., dt.datetime], rng: random.Random
) -> list[_Step]:
    """The claims' steps, the roles (ROLES, as many as there are orders, PRIORITY first)
    given oldest order first: the oldest are paid, the newest is left to claim; moments
    never after 8:30 ``today``."""
    clerk = _staff(ctx, ADVISORS[0])
    limit = at(today, 8, 30)
    steps: list[_Step] = []

    def when(day: dt.date, hour: int) -> dt.datetime:
        return min(at(day, hour, rng.randrange(0, 55)), limit)

    def add(moment: dt.datetime, run: Callable[[], Any]) -> None:
        steps.append(_Step(moment, clerk, run))

    found = _finished(ctx)
    roles = [r for r in ROLES if r in PRIORITY[: len(found)]]
    for n, (order, role) in enumerate(zip(found, roles, strict=False)):
        if role == "to_claim":
            continue
        oid, lines = order["order_id"], order["warranty_fen"]
        finished = parse(order["finished_at"]).astimezone(limit.tzinfo).date()
        filed_day = finished + 2 * DAY
        filed = when(filed_day, 10)
        number = _number(filed.date(), n + 1)
        add(filed, _file(ctx, oid, number, rng.choice(NOTES)))
        if role in ("paid", "paid_short"):
            cut = 6000 if role == "paid_short" and lines > 20000 else 0
            approved = lines - cut
            add(when(filed_day + 14 * DAY, 15), _approve(ctx, number, approved))
            short = 1200 if cut else 0  # the manufacturer paid a little less
            add(when(filed_day + 40 * DAY, 11), _pay(ctx, number, approved - short))
        elif role == "refiled":
            add(when(filed_day + 12 * DAY, 16), _reject(ctx, number))
            again = min(max(when(today - 9 * DAY, 10), when(filed_day + 13 * DAY, 10)), limit)
            add(again, _file(ctx, oid, number + "-R1", "补充旧件照片及故障码截图"))
        elif role == "approved":
            approved_at = min(max(when(today - 18 * DAY, 15), filed + DAY), limit)
            add(approved_at, _approve(ctx, number, lines))
    return steps


def _claim_id(ctx: Ctx, number: str) -> int:
    return int(
        ctx.db.execute(
            "SELECT id FROM warranty_claims WHERE claim_number = ?", [number]
        ).fetchone()[0]
    )


def _file(ctx: Ctx, order_id: int, number: str, note: str) -> Callable[[], Any]:
    return lambda: wa.file_claim(ctx, order_id, number, note=note)


def _approve(ctx: Ctx, number: str, amount: int) -> Callable[[], Any]:
    return lambda: wa.approve(ctx, _claim_id(ctx, number), amount)


def _reject(ctx: Ctx, number: str) -> Callable[[], Any]:
    return lambda: wa.reject(ctx, _claim_id(ctx, number), REJECTED)


def _pay(ctx: Ctx, number: str, amount: int) -> Callable[[], Any]:
    return lambda: wa.mark_paid(ctx, _claim_id(ctx, number), amount)


def fill_warranty(ctx: Ctx, today: dt.date, seed: int = 7) -> int:
    """Claims in every state for the demo's settled warranty orders (adding the warranty
    visits the demo plan lacks), every step through the actions at its own moment, all
    before 9:00 ``today``; returns the number of claims filed. The context's clock and
    user are left as they were."""
    zone = ZoneInfo(settings.get(ctx.db, "timezone"))
    rng = random.Random(seed * 7919 + 19)
    clock, user = ctx.clock, ctx.user_id

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    try:
        missing = len(ROLES) - len(_finished(ctx))
        if missing > 0:
            _add_visits(ctx, today, zone, missing, rng)
        for s in sorted(_plan_claims(ctx, today, at, rng), key=lambda s: s.moment):
            ctx.clock, ctx.user_id = fixed_clock(s.moment), s.staff_id
            s.run()
    finally:
        ctx.clock, ctx.user_id = clock, user
    return int(ctx.db.execute("SELECT count(*) FROM warranty_claims").fetchone()[0])


__all__ = ["fill_warranty"]
