"""The checkout desk in the demo (R14, R5): the cashier settles the statement, the advisor
hands the car back through the release gate, a declined order pays its fee, through the
actions (actions/settlement.py, release.py, keys.py, checkin.py).

Planned after every other visit: ``waiting_visits`` adds two cars to the desk's queue
(one ready this morning, one paid for yesterday and not yet collected) beside those of
demo/visits.py, and ``plan_bills`` decides how each visit that gets settled is paid, so
that the demo always holds a few of every case. The steps then run at the replay's
moment for their step. Everything here draws from ``demo.checkout_rng``, so the plan of
every other visit stays as it was:

- settled (the cashier): now and then the advisor asks for a discount and the supervisor
  approves it (most of the time) or refuses it with their PIN; the balance is paid by
  WeChat Pay, Alipay, card, cash or transfer (companies mostly by transfer), now and then
  in two parts; a card or a transfer carries its slip's reference; on two orders the
  supervisor lets the rest out as arrears (欠收) before the order is settled;
- released (the advisor): the belongings are ticked back and the customer signs the list,
  the documents go back, odometer and fuel are read out (a few km more than in; after a
  road test more, now and then a long one, explained), every key goes back, then the car
  is released through the gate;
- closed (a declined order): the diagnosis/estimate fee is settled at the desk; a waived
  fee or a mere enquiry is just closed;
- signed: the order is checked for a comeback (actions.release.detect_comeback).

The sub-steps of a step are spread over the minutes since the order's previous step, so
every record keeps its place in time and nothing is dated after the step itself.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from service_desk.actions import archive, keys, orders, release, settlement
from service_desk.actions.checkin import return_belongings
from service_desk.actions.context import Ctx
from service_desk.demo.phrases import STEP_NOTES
from service_desk.demo.plan import Plan, Timeline
from service_desk.demo.roster import ADVISOR_WEIGHTS, ADVISORS, SUPERVISOR, SUPERVISOR_PIN
from service_desk.demo.scenarios import SCENARIOS
from service_desk.demo.steps import prepare
from service_desk.domain.checkin import Fuel
from service_desk.domain.clock import fixed_clock, parse
from service_desk.store import checkin_queries, key_queries, queries, release_queries, settings

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

SETTLED = ("settled", "released", "done")
DISCOUNTED = 0.06  # of the bills the customer pays, at least MIN_DISCOUNTS
MIN_DISCOUNTS = 5
REFUSED = 0.25  # of the discounts asked, at least MIN_REFUSED
MIN_REFUSED = 2
MIN_ASKED = 5000  # no discount is asked on a bill under 50 yuan
SPLIT = 0.15  # of the bills, at least MIN_SPLIT
MIN_SPLIT = 4
ARREARS = 2
LONG_DRIVES = 2
EXPLAIN_KM = 30  # a drive longer than this is explained at the release, whatever the limit

# scenarios the customer does not pay (warranty) or that come back free (demo/comeback.py)
_NOT_PAID = ("warranty_window", "warranty_screen", "comeback")
METHODS = ("wechat", "alipay", "card", "cash", "transfer")
_WEIGHTS = (38, 22, 20, 15, 5)
_SPLITS = (("card", "cash"), ("wechat", "cash"), ("card", "wechat"), ("alipay", "wechat"))
_FEE_METHODS = ("wechat", "alipay", "cash")
# (reason, amount in fen or None, percent in basis points or None)
_APPROVED = (
    ("老客户优惠，九五折", None, 500),
    ("会员卡折扣，九折", None, 1000),
    ("交车晚于承诺时间，致歉减免五十元", 5000, None),
)
_REFUSED = (
    ("客户要求工时费全免", None, 3000),
    ("客户称别家报价更低，要求打八折", None, 2000),
    ("客户要求再便宜两百元", 20000, None),
)
_LONG_DRIVE_NOTES = (
    "客户同意，故障复现路试，跑了一段高速",
    "异响需高速工况复现，经客户同意路试",
)


# the checkout desk's queue beside the visits of demo/visits.py: (state, days before
# "today", scenario): a car ready this morning, one paid for yesterday and not yet collected
_WAITING = (("ready", 0, "maintenance"), ("settled", 1, "alignment"))


def waiting_visits(demo: Demo) -> None:
    """Add the cars waiting at the checkout desk to the plan, after every other visit and
    from demo.checkout_rng (the rest of the dataset stays as it was)."""
    rng = demo.checkout_rng
    day0 = demo.tl.day_start(demo.cur_day)
    room = demo.deadline - day0
    ends: dict[int, int] = {}
    for plan in demo.plans:
        ends[id(plan.car)] = max(ends.get(id(plan.car), 0), plan.end)
    for outcome, days_back, key in _WAITING:
        scenario = SCENARIOS[key]
        day = demo.cur_day - dt.timedelta(days=days_back)
        if days_back:
            t0 = demo.tl.day_start(day) + rng.randint(5, 300)
        else:
            t0 = day0 + rng.randint(5, max(6, min(room - 35, 200)))
        cars = [
            c
            for c in demo.cars
            if id(c) not in demo.active_cars
            and c.reg_minute is not None
            and c.reg_minute < t0 - 30
            and ends.get(id(c), 0) < t0 - 3 * Timeline.DAY
            and c.model.energy in scenario.energies
        ]
        if not cars:
            continue
        car = rng.choice(cars)
        plan = Plan(car, scenario, outcome, t0, rng.choices(ADVISORS, ADVISOR_WEIGHTS)[0])
        plan.active = True
        prepare(demo, plan, rng)
        demo.plans.append(plan)
        demo.active_cars.add(id(car))


def plan_bills(demo: Demo) -> None:
    """Decide how the settled visits are paid: which get a discount asked (approved or
    refused), which are paid in two parts, which two leave arrears, which road tests run
    long. Drawn from demo.checkout_rng after every visit is planned."""
    rng = demo.checkout_rng
    settled = [p for p in demo.plans if p.outcome in SETTLED]
    paying = [p for p in settled if p.scenario.key not in _NOT_PAID]
    if not paying:
        return
    asked = rng.sample(
        paying, min(len(paying), max(MIN_DISCOUNTS, round(len(paying) * DISCOUNTED)))
    )
    refused = max(MIN_REFUSED, round(len(asked) * REFUSED))
    for i, plan in enumerate(asked):
        plan.bill.discount = "refused" if i < refused else "approved"
    # arrears only on finished visits, a company's first (月结)
    done = [p for p in paying if p.outcome == "done" and p.bill.discount != "approved"]
    companies = [p for p in done if p.car.owner.entry.company]
    chosen = rng.sample(companies, min(1, len(companies)))
    others = [p for p in done if p not in chosen]
    chosen += rng.sample(others, min(ARREARS - len(chosen), len(others)))
    for plan in chosen:
        plan.bill.arrears = True
    rest = [p for p in paying if not p.bill.arrears]
    for plan in rng.sample(rest, min(len(rest), max(MIN_SPLIT, round(len(paying) * SPLIT)))):
        plan.bill.split = True
    drives = [p for p in settled if p.outcome != "settled" and p.scenario.road_test]
    for plan in rng.sample(drives, min(LONG_DRIVES, len(drives))):
        plan.bill.long_drive = True


# --- the steps ----------------------------------------------------------------------------


def _moments(ctx: Ctx, order_id: int, count: int, within: int = 15) -> list[dt.datetime]:
    """``count`` moments, in order, between the order's previous step (at most ``within``
    minutes ago) and now."""
    now = ctx.clock()
    row = ctx.db.execute(
        "SELECT max(at) FROM order_events WHERE order_id = ?", [order_id]
    ).fetchone()
    last = parse(row[0]) if row and row[0] else now
    start = min(max(last, now - dt.timedelta(minutes=within)), now)
    step = (now - start) / (count + 1)
    return [(start + step * (i + 1)).replace(microsecond=0) for i in range(count)]


def _at(ctx: Ctx, moment: dt.datetime, user_id: int | None = None) -> Ctx:
    return Ctx(ctx.db, fixed_clock(moment), ctx.user_id if user_id is None else user_id)


def _balance(ctx: Ctx, order_id: int) -> int:
    order = queries.order(ctx.db, order_id)
    assert order is not None
    return settlement.figures(ctx.db, order).balance_fen


def _reference(rng: random.Random, method: str, day: dt.date) -> str:
    if method == "card":
        return f"POS凭证号{rng.randint(1, 999999):06d}，卡号尾号{rng.randint(0, 9999):04d}"
    if method == "transfer":
        return f"转账流水号{day:%Y%m%d}{rng.randint(0, 99999999):08d}"
    return ""


def _pay(ctx: Ctx, order_id: int, method: str, amount: int, rng: random.Random) -> None:
    reference = _reference(rng, method, ctx.clock().date())
    settlement.add_payment(ctx, order_id, method, amount, reference)


def _discount(
    demo: Demo, plan: Plan, ctx: Ctx, decision: str, advisor: int, when: list[dt.datetime]
) -> bool:
    """The advisor asks, the supervisor decides with their PIN at the same PC (False: the
    bill is too small to ask anything off)."""
    assert plan.oid is not None
    rng = demo.checkout_rng
    balance = _balance(ctx, plan.oid)
    if balance < MIN_ASKED:
        return False
    refused = decision == "refused"
    options = [
        (reason, amount, percent)
        for reason, amount, percent in (_REFUSED if refused else _APPROVED)
        if amount is None or amount * 4 <= balance
    ]
    if not refused and balance % 1000:
        options.append(("结算抹零", balance % 1000, None))  # the odd yuan and jiao dropped
    reason, amount, percent = rng.choice(options)
    asked = _at(ctx, when[0], advisor)
    discount_id = settlement.request_discount(
        asked, plan.oid, reason=reason, amount_fen=amount, percent_bp=percent
    )
    settlement.decide_discount(
        _at(ctx, when[1], advisor),
        discount_id,
        demo.staff[SUPERVISOR],
        SUPERVISOR_PIN,
        approve=not refused,
    )
    return True


def settle(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    """The cashier settles a ready order (see the module doc)."""
    assert plan.oid is not None
    oid, rng, bill = plan.oid, demo.checkout_rng, plan.bill
    order = queries.order(ctx.db, oid)
    assert order is not None and order["state"] == "ready"
    when = _moments(ctx, oid, 5)
    # a discount planned on a bill too small for it passes to the next bill
    decision = bill.discount
    if not decision and not bill.arrears and demo.carried_discounts:
        decision = demo.carried_discounts.pop(0)
    if decision and not _discount(demo, plan, ctx, decision, order["advisor_id"], when):
        demo.carried_discounts.append(decision)
    balance = _balance(ctx, oid)
    company = bool(plan.car.owner.entry.company)
    if bill.arrears and balance > 0:
        if company:
            note = "公司车辆月结，月底统一对公转账"
        else:
            deposit = balance // 2 // 10000 * 10000  # what the customer had with them
            if deposit:
                _pay(_at(ctx, when[2]), oid, rng.choice(("cash", "wechat")), deposit, rng)
            note = "客户带的钱不够，余款约定三天内微信补付"
        settlement.approve_arrears(
            _at(ctx, when[3]), oid, demo.staff[SUPERVISOR], SUPERVISOR_PIN, note
        )
    elif bill.split and balance >= 20000:
        first, second = rng.choice(_SPLITS)
        part = min(int(balance * rng.uniform(0.3, 0.7)) // 10000 * 10000, balance - 100)
        _pay(_at(ctx, when[2]), oid, first, max(part, 100), rng)
        _pay(_at(ctx, when[3]), oid, second, balance - max(part, 100), rng)
    elif balance > 0:
        transfer = company and rng.random() < 0.6
        method = "transfer" if transfer else rng.choices(METHODS, _WEIGHTS)[0]
        _pay(_at(ctx, when[3]), oid, method, balance, rng)
    settlement.settle(ctx, oid)


def close(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    """A declined order closes: its fee settled at the desk, or nothing to pay."""
    assert plan.oid is not None
    order = queries.order(ctx.db, plan.oid)
    assert order is not None
    if order["decline_fee_fen"]:
        rng = demo.checkout_rng
        method = rng.choice(_FEE_METHODS)
        settlement.settle_fee(ctx, plan.oid, method, _reference(rng, method, ctx.clock().date()))
    else:
        orders.advance(ctx, plan.oid, "closed", "结案")


def _km_room(demo: Demo, plan: Plan) -> int:
    """How far the car may be driven before its next visit's odometer reading."""
    later = [
        p.km
        for p in demo.plans
        if p.car is plan.car and p.t0 > plan.t0 and p.km is not None and plan.km is not None
    ]
    return min(later) - (plan.km or 0) if later else 10_000


def _readings_out(demo: Demo, plan: Plan, ctx: Ctx) -> tuple[int, int, Fuel, str]:
    """The odometer in; odometer and fuel as read when the car leaves, and the
    explanation they need."""
    assert plan.oid is not None
    rng = demo.checkout_rng
    state = checkin_queries.checkin(ctx.db, plan.oid) or {}
    order = queries.order(ctx.db, plan.oid) or {}
    km_in = state.get("odometer_km") or order.get("odometer_in") or plan.km or 0
    room = _km_room(demo, plan) - 10
    note = ""
    if plan.bill.long_drive and room > 80:
        driven = rng.randint(55, min(room, 120))
        note = rng.choice(_LONG_DRIVE_NOTES)
    elif plan.scenario.road_test:
        driven = rng.randint(3, 12)
    else:
        driven = rng.choice((0, 0, 1, 1, 2, 3))
    driven = max(0, min(driven, room))
    if driven > EXPLAIN_KM and not note:
        note = "路试"
    unit, value = state.get("fuel_unit") or "eighths", state.get("fuel_value")
    if value is None:
        value = rng.randint(2, 6) if unit == "eighths" else rng.randint(30, 80)
    if unit == "eighths":
        value = max(0, value - (1 if driven > 40 else 0))
    else:
        value = max(0, value - driven // 6 - rng.randint(0, 1))
    return km_in, km_in + driven, Fuel(unit, value), note


def release_car(demo: Demo, plan: Plan, ctx: Ctx) -> None:
    """The advisor hands a settled car back through the release gate (see the module doc)."""
    assert plan.oid is not None
    oid = plan.oid
    when = _moments(ctx, oid, 5, within=10)
    items = checkin_queries.belongings(ctx.db, oid)
    return_belongings(_at(ctx, when[0]), oid, {r["id"]: r["qty"] for r in items})
    release.record_belongings_signed(_at(ctx, when[1]), oid)
    release.record_documents_returned(_at(ctx, when[2]), oid)
    km_in, km, fuel, note = _readings_out(demo, plan, ctx)
    release.record_odometer_fuel_out(_at(ctx, when[3]), oid, km, fuel, note)
    if km - km_in >= 3 and plan.car.vid is not None:  # a road test: the car's history too
        archive.record_odometer(_at(ctx, when[3]), plan.car.vid, km, "checkout", order_id=oid)
    if not key_queries.keys_of_order(ctx.db, oid):  # never registered: found at the desk
        hooks = int(settings.get(ctx.db, "key_cabinet_hooks"))
        free = next(h for h in range(1, hooks + 1) if key_queries.key_on_hook(ctx.db, h) is None)
        keys.register_key(_at(ctx, when[4]), oid, "main", free)
    keys.return_keys_to_customer(_at(ctx, when[4]), oid)
    release.release(ctx, oid, STEP_NOTES["released"])


def after_sign(ctx: Ctx, order_id: int) -> None:
    """A signed order is checked for a comeback (orders.sign may have done it already)."""
    if release_queries.comeback(ctx.db, order_id) is None:
        release.detect_comeback(ctx, order_id)
