"""The demo's customer care desk (R15, R16) and appointments (R17), written through
actions/care.py and actions/appointments.py after the orders are replayed, each step at
its own moment (in time order), so the Customer care tab works on first start:

- follow-ups of the cars released in the last month: most reached (satisfaction mostly
  4–5), some not reached at the first call, one declined, one unhappy customer whose
  follow-up became a complaint (answered the next morning); a few cars are left due
  "today" (one tried once without success) and two overdue;
- enquiries answered at the counter (who asked, their workplace and contact);
- complaints: one answered at once, one answered and resolved with the customer's
  acceptance, one whose reply-by time has passed (escalated to the supervisor by
  ``escalate_overdue``), one still within its reply-by time;
- appointments for yesterday (missed), today (one arrived this morning and became a
  repair order, one reminded, one booked late), tomorrow and the next days, asked by the
  customer or proposed by the dealer, some with parts to order and their deposit (all
  or part) taken, one cancelled with its reason.

Everything "today" happens before 9:00, so nothing is dated after the demo's "now"
(see demo/state.py). Deterministic: its own random source (``seed``), the rest of the
demo stays as it was. Call it after the reviews: ``fill_care(demo.ctx, demo.cur_day)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from service_desk.actions import appointments as appts
from service_desk.actions import care
from service_desk.actions.context import Ctx
from service_desk.demo.roster import ADVISORS
from service_desk.domain import care as care_rules
from service_desk.domain.clock import fixed_clock, parse
from service_desk.store import settings

DAY = dt.timedelta(days=1)

CAR_RUNS = (
    "车子开着一切正常，没有异响。",
    "保养后发动机声音比以前小了，加速也顺。",
    "刹车很灵敏，踩下去不软了。",
    "空调制冷恢复了，出风没有异味。",
    "跑了两百多公里高速，仪表没有报警，油耗正常。",
    "方向盘不抖了，跑直线也不跑偏。",
)
OPINION = {
    5: (
        "接待很热情，交车比说好的还早，很满意。",
        "顾问把每一项费用都讲得很清楚，服务很好。",
        "车洗得很干净，休息区也舒服，下次还来。",
    ),
    4: (
        "整体满意，就是等候时间稍微长了一点。",
        "服务不错，希望交车时能提前打个电话。",
        "维修质量没问题，结算窗口排队有点久。",
    ),
    3: ("还可以，价格比外面修理厂贵一些。", "一般吧，交车时车里座椅套没有取掉。"),
}
ADVICE = (
    "提醒客户冬季注意胎压，气温低时胎压会下降。",
    "建议下次保养时一并检查刹车油含水量。",
    "提醒客户按保养手册里程按时保养，可提前预约免排队。",
    "建议雨天行车注意雨刮片状况，发现刮不干净及时更换。",
    "提醒客户长时间停放时注意蓄电池电量。",
)
NOT_REACHED_NOTES = ("电话无人接听", "客户说在开车，稍后再联系", "电话关机", "占线，未接通")
DECLINED_NOTE = "客户表示很忙，不需要回访，有问题会主动联系。"
UNHAPPY_OPINION = "取车后第二天右前轮附近还是有异响，修了等于没修，还耽误了一天时间。"
UNHAPPY_NOTE = "客户情绪较激动，已致歉，答应明天上午给答复。"
UNHAPPY_ANSWER = (
    "已与车间主管马卫东确认，安排客户本周内免费复检异响，复检时提供代步车，"
    "如确属上次维修问题，相关费用由我店承担。客户表示可以接受先复检。"
)

ENQUIRIES = (
    (
        "张伟",
        "芜湖市第二人民医院",
        "139 0553 4817",
        "瑞虎8 的 30000 公里保养大概多少钱？需要多长时间？",
        "30000 公里保养含机油、机滤、空滤和空调滤，约 860 元，工时一小时左右；"
        "建议提前一天预约，到店不用排队。",
    ),
    (
        "李娜",
        "芜湖长信科技有限公司",
        "0553-5862193",
        "单位有五台艾瑞泽 5 公务车，想问能不能签保养协议、月结付款？",
        "可以签订团体客户保养协议，月底对账后转账结算；已留下联系方式，由服务经理"
        "陈建国明天联系上门洽谈。",
    ),
    (
        "王海军",
        "三山区个体户（建材店）",
        "186 5538 0294",
        "车子左后门有一处凹陷，不掉漆，能不能做无痕修复？保险要不要报？",
        "不掉漆的小凹陷可以做钣金无痕修复，约 300 元，一般不建议走保险；欢迎开车过来，"
        "钣金师傅当面看后报价。",
    ),
)

COMPLAINT_AT_ONCE = (
    "客户反映上周取车时等了四十多分钟才结算，前台只有一个人，很不满意。",
    "向客户致歉，说明当天下午结算集中；已安排高峰时段两人收银，并赠送一次免费洗车。客户表示理解。",
)
COMPLAINT_RESOLVED = (
    "客户电话投诉：保养后发现中控台有油手印，座椅上也有灰，认为维修人员不爱护车辆。",
    "已向客户道歉，车间主管对当班技师进行了提醒，今后每台车作业前必须铺好三件套；"
    "客户下次到店免费做一次内饰精洗。",
    "客户来店做了内饰精洗，对处理结果满意，同意结案。",
)
COMPLAINT_OVERDUE = (
    "客户到店投诉：换刹车片报价时说 420 元，结算时多了一项刹车盘打磨 120 元，事先"
    "没有人告诉他，要求退还这笔费用。"
)
COMPLAINT_PENDING = (
    "客户来电：车在我店保养后，仪表盘保养提示没有清零，还在提示保养，觉得工作不细致，要求说明情况。"
)

MISSED_ITEMS = "常规保养，客户说上午十点前到"
CANCEL_REASON = "客户临时出差，下周回来后再约时间。"


@dataclass
class _Step:
    moment: dt.datetime
    staff_id: int
    run: Callable[[], Any]
    key: str = ""


@dataclass
class _Plan:
    steps: list[_Step] = field(default_factory=list)
    ids: dict[str, Any] = field(default_factory=dict)

    def add(self, moment: dt.datetime, staff_id: int, run: Callable[[], Any], key: str = ""):
        self.steps.append(_Step(moment, staff_id, run, key))


def _staff_id(ctx: Ctx, name: str) -> int:
    return int(ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0])


def _released(ctx: Ctx, zone: ZoneInfo, since: dt.date) -> list[dict[str, Any]]:
    """The released cars (released or done) since ``since``, oldest first, each with its
    release day in the dealer's zone."""
    rows = ctx.db.query(
        """SELECT o.id, o.advisor_id, o.customer_id, o.vehicle_id, r.released_at
             FROM releases r JOIN repair_orders o ON o.id = r.order_id
            WHERE r.released_at IS NOT NULL AND o.state IN ('released', 'done')
            ORDER BY r.released_at, o.id"""
    )
    out = []
    for r in rows:
        day = parse(r["released_at"]).astimezone(zone).date()
        if day >= since:
            out.append({**r, "day": day})
    return out


def _free_vehicles(ctx: Ctx) -> list[int]:
    """Cars with nothing at the counter now: every order of theirs finished."""
    return [
        int(r["id"])
        for r in ctx.db.query(
            """SELECT v.id FROM vehicles v
                WHERE v.owner_id IS NOT NULL AND NOT EXISTS (
                      SELECT 1 FROM repair_orders o WHERE o.vehicle_id = v.id
                         AND o.state NOT IN ('released', 'done', 'closed', 'void'))
                ORDER BY v.id"""
        )
    ]


def _plan_follow_ups(
    plan: _Plan, ctx: Ctx, today: dt.date, rng: random.Random, at: Callable[..., dt.datetime]
) -> list[dict[str, Any]]:
    """The follow-up calls; returns the released cars used (for the complaints)."""
    since = today - dt.timedelta(days=care_rules.FOLLOW_UP_LIST_DAYS)
    released = _released(ctx, at(today, 0, 0).tzinfo, since)
    callable_cars = [r for r in released if r["day"] <= today - 2 * DAY]
    in_window = [r for r in callable_cars if r["day"] >= today - 7 * DAY]
    past_window = [r for r in callable_cars if r["day"] < today - 7 * DAY]
    # two overdue left (the most recent past their window), most of the due ones left
    overdue_left = {r["id"] for r in past_window[-2:]}
    due_done = {r["id"] for r in in_window[: max(1, len(in_window) // 3)]}
    tried_once = in_window[-1]["id"] if len(in_window) > 1 else None
    unhappy = past_window[len(past_window) // 2]["id"] if len(past_window) > 3 else None
    declined = past_window[1]["id"] if len(past_window) > 5 else None

    def call_time(day: dt.date) -> dt.datetime:
        if day >= today:
            return at(today, 8, rng.randrange(31, 50))
        hour = rng.choice((9, 10, 11, 15, 16))
        return at(day, hour, rng.randrange(0, 60))

    for r in callable_cars:
        oid, staff = r["id"], r["advisor_id"]
        first_day = min(r["day"] + 2 * DAY + dt.timedelta(days=rng.choice((0, 0, 1))), today)
        if oid == tried_once:
            moment = call_time(min(r["day"] + 2 * DAY, today - DAY))
            note = rng.choice(NOT_REACHED_NOTES)
            plan.add(moment, staff, _follow(ctx, oid, "not_reached", note=note))
            continue
        if oid in overdue_left or (r in in_window and oid not in due_done):
            continue
        if oid == declined:
            plan.add(call_time(first_day), staff, _follow(ctx, oid, "declined", DECLINED_NOTE))
            continue
        if oid != unhappy and rng.random() < 0.2 and first_day < today:  # a second call
            note = rng.choice(NOT_REACHED_NOTES)
            plan.add(call_time(first_day), staff, _follow(ctx, oid, "not_reached", note=note))
            first_day = min(first_day + DAY, today)
        moment = call_time(first_day)
        if oid == unhappy:
            data = care.FollowUpInput(
                channel="phone",
                car_runs="右前轮附近仍有异响。",
                service_opinion=UNHAPPY_OPINION,
                satisfaction=2,
                note=UNHAPPY_NOTE,
            )
            plan.add(moment, staff, lambda o=oid, d=data: care.record_follow_up(ctx, o, d), "fu")
            answer_at = moment.replace(hour=9, minute=20) + DAY
            plan.add(
                answer_at,
                staff,
                lambda: care.answer_complaint(ctx, plan.ids["fu"].complaint_id, UNHAPPY_ANSWER),
            )
            continue
        satisfaction = rng.choices((5, 4, 3), weights=(6, 3, 1))[0]
        data = care.FollowUpInput(
            channel=rng.choices(("phone", "wechat"), weights=(4, 1))[0],
            car_runs=rng.choice(CAR_RUNS),
            service_opinion=rng.choice(OPINION[satisfaction]),
            advice_given=rng.choice(ADVICE),
            next_maintenance=r["day"] + dt.timedelta(days=rng.choice((150, 180))),
            satisfaction=satisfaction,
        )
        plan.add(moment, staff, lambda o=oid, d=data: care.record_follow_up(ctx, o, d))
    return released


def _follow(ctx: Ctx, order_id: int, outcome: str, note: str) -> Callable[[], Any]:
    data = care.FollowUpInput(channel="phone", outcome=outcome, note=note)
    return lambda: care.record_follow_up(ctx, order_id, data)


def _plan_enquiries(plan: _Plan, ctx: Ctx, today: dt.date, advisors: list[int], at) -> None:
    for n, (name, workplace, contact, question, answer) in enumerate(ENQUIRIES):
        data = care.EnquiryInput(name, contact, question, answer, workplace)
        moment = at(today - dt.timedelta(days=5 - 2 * n), 10 + 2 * n, 15 + 10 * n)
        if n == 2:
            moment = at(today, 8, 42)
        plan.add(moment, advisors[n % 2], lambda d=data: care.log_enquiry(ctx, d))


def _plan_complaints(
    plan: _Plan, ctx: Ctx, today: dt.date, released: list[dict[str, Any]], ids: dict, at
) -> None:
    wang, liu, sun = ids["wang"], ids["liu"], ids["sun"]

    def order_before(day: dt.date, skip: int = 0) -> dict[str, Any]:
        found = [r for r in released if r["day"] < day]
        return found[-1 - skip] if len(found) > skip else released[0]

    # answered at once, at the counter
    d = today - dt.timedelta(days=9)
    o = order_before(d)
    text, answer = COMPLAINT_AT_ONCE
    plan.add(
        at(d, 10, 40),
        wang,
        lambda: care.open_complaint(
            ctx, o["customer_id"], text, "in_person", o["id"], answer=answer
        ),
    )
    # by phone, answered before its reply-by, accepted by the customer
    d2 = today - dt.timedelta(days=13)
    o2 = order_before(d2)
    text2, answer2, resolution = COMPLAINT_RESOLVED
    plan.add(
        at(d2, 15, 5),
        liu,
        lambda: care.open_complaint(
            ctx, o2["customer_id"], text2, "phone", o2["id"], reply_by=at(d2 + DAY, 17, 0)
        ),
        "resolved",
    )
    plan.add(
        at(d2 + DAY, 11, 30), liu, lambda: care.answer_complaint(ctx, plan.ids["resolved"], answer2)
    )
    plan.add(
        at(d2 + 3 * DAY, 16, 20),
        liu,
        lambda: care.resolve_complaint(ctx, plan.ids["resolved"], resolution, accepted=True),
    )
    # at the counter, promised an answer by yesterday 17:00: nobody answered, escalated
    d3 = today - 3 * DAY
    o3 = order_before(d3, skip=1)
    plan.add(
        at(d3, 14, 50),
        sun,
        lambda: care.open_complaint(
            ctx,
            o3["customer_id"],
            COMPLAINT_OVERDUE,
            "in_person",
            o3["id"],
            reply_by=at(today - DAY, 17, 0),
        ),
    )
    plan.add(at(today, 8, 45), wang, lambda: care.escalate_overdue(ctx), "escalated")
    # by phone yesterday, the answer promised for tomorrow afternoon
    d4 = today - DAY
    o4 = order_before(d4, skip=2)
    plan.add(
        at(d4, 16, 10),
        wang,
        lambda: care.open_complaint(
            ctx,
            o4["customer_id"],
            COMPLAINT_PENDING,
            "phone",
            o4["id"],
            reply_by=at(today + DAY, 16, 0),
        ),
    )


@dataclass(frozen=True)
class _Appt:
    key: str
    slot: tuple[int, int, int]  # days from today, hour, minute
    booked: tuple[int, int, int]  # the same, when it was booked
    by: str  # advisor key
    requested_by: str = "customer"
    jobs: tuple[str, ...] = ()
    items: str = ""
    parts_to_order: bool = False
    deposits: tuple[tuple[str, int | None, str], ...] = ()  # method, fen (None: all), ref
    reminded: tuple[int, int, int] | None = None
    then: str = ""  # 'arrive', 'missed', 'cancel'
    then_at: tuple[int, int, int] | None = None


APPOINTMENTS = (
    _Appt(
        "missed",
        (-1, 10, 0),
        (-4, 15, 10),
        "wang",
        jobs=("service_10000",),
        items=MISSED_ITEMS,
        reminded=(-2, 11, 0),
        then="missed",
        then_at=(-1, 17, 40),
    ),
    _Appt(
        "arrived",
        (0, 8, 30),
        (-3, 11, 20),
        "wang",
        jobs=("service_20000",),
        reminded=(-1, 9, 5),
        then="arrive",
        then_at=(0, 8, 33),
    ),
    _Appt(
        "reminded",
        (0, 14, 0),
        (-5, 10, 30),
        "liu",
        "dealer",
        ("front_brake_pads",),
        "上次保养检查发现前刹车片剩余约 3 毫米，建议更换；刹车片需订货",
        True,
        (("wechat", None, "微信转账"),),
        reminded=(-1, 16, 30),
    ),
    _Appt(
        "late",
        (0, 15, 30),
        (-1, 11, 0),
        "sun",
        jobs=("ac_service",),
        items="空调制冷效果差，出风有异味，要求检修",
    ),
    _Appt("tomorrow_service", (1, 9, 0), (-2, 10, 15), "wang", jobs=("service_10000",)),
    _Appt(
        "tomorrow_battery",
        (1, 10, 30),
        (-1, 14, 20),
        "liu",
        "dealer",
        ("battery_replacement",),
        "回访时客户说冬天早上启动困难，检测蓄电池老化，建议更换（原厂蓄电池需订货）",
        True,
        (("alipay", None, "支付宝"),),
    ),
    _Appt(
        "tomorrow_noise",
        (1, 14, 0),
        (0, 8, 40),
        "wang",
        jobs=("diagnosis",),
        items="冷车启动时发动机舱有“哒哒”异响，热车后消失，要求检查",
    ),
    _Appt(
        "big_service",
        (2, 9, 30),
        (-1, 10, 0),
        "wang",
        jobs=("service_40000",),
        parts_to_order=True,
        deposits=(("cash", 20000, "现金，余款到店补齐"),),
    ),
    _Appt(
        "cancelled",
        (2, 14, 0),
        (-4, 9, 40),
        "sun",
        jobs=("rear_brake_pads",),
        then="cancel",
        then_at=(-1, 9, 40),
    ),
    _Appt(
        "alignment",
        (3, 10, 0),
        (0, 8, 50),
        "liu",
        "dealer",
        ("wheel_alignment", "tyre_rotation_balance"),
        "回访时客户反映高速上方向轻微跑偏，约做四轮定位和轮胎换位",
    ),
    _Appt("first_service", (4, 9, 0), (-1, 15, 45), "sun", jobs=("first_service_5000",)),
)


def _plan_appointments(plan: _Plan, ctx: Ctx, today: dt.date, ids: dict, at) -> None:
    vehicles = _free_vehicles(ctx)
    step = max(1, len(vehicles) // (len(APPOINTMENTS) + 1))

    def moment(t: tuple[int, int, int]) -> dt.datetime:
        return at(today + dt.timedelta(days=t[0]), t[1], t[2])

    for n, a in enumerate(APPOINTMENTS):
        booking = appts.Booking(
            vehicle_id=vehicles[(n * step + 3) % len(vehicles)],
            start=moment(a.slot),
            requested_by=a.requested_by,
            items=a.items,
            jobs=a.jobs,
            parts_estimate_fen=appts.parts_of_jobs(a.jobs) if a.parts_to_order else 0,
            parts_to_order=a.parts_to_order,
        )
        staff = ids[a.by]
        booked_at = moment(a.booked)
        plan.add(booked_at, staff, lambda b=booking: appts.book(ctx, b), a.key)
        for k, (method, fen, ref) in enumerate(a.deposits):
            plan.add(
                booked_at + dt.timedelta(minutes=5 + k),
                staff,
                lambda key=a.key, m=method, f=fen, r=ref: appts.record_deposit(
                    ctx, plan.ids[key], m, f if f is not None else _open_fen(ctx, plan.ids[key]), r
                ),
            )
        if a.reminded:
            plan.add(
                moment(a.reminded), staff, lambda key=a.key: appts.mark_reminded(ctx, plan.ids[key])
            )
        if a.then == "missed":
            plan.add(
                moment(a.then_at), staff, lambda key=a.key: appts.mark_missed(ctx, plan.ids[key])
            )
        elif a.then == "cancel":
            plan.add(
                moment(a.then_at),
                staff,
                lambda key=a.key: appts.cancel(ctx, plan.ids[key], CANCEL_REASON),
            )
        elif a.then == "arrive":
            plan.add(
                moment(a.then_at),
                ids["wang"],
                lambda key=a.key: appts.arrive(ctx, plan.ids[key]),
                "order",
            )


def _open_fen(ctx: Ctx, appointment_id: int) -> int:
    a = ctx.db.execute(
        "SELECT deposit_required_fen FROM appointments WHERE id = ?", [appointment_id]
    ).fetchone()[0]
    return int(a) - appts._paid(ctx.db, appointment_id)


def _count(ctx: Ctx, sql: str) -> int:
    return int(ctx.db.execute(sql).fetchone()[0])


def fill_care(ctx: Ctx, today: dt.date, seed: int = 7) -> dict[str, int]:
    """Fill the care desk and the appointments of the demo around ``today`` (the demo's
    current day), every step through the actions at its own moment, in time order, all
    before 9:00 ``today``; return what there is. The context's clock and user are left
    as they were."""
    zone = ZoneInfo(settings.get(ctx.db, "timezone"))
    rng = random.Random(seed * 7919 + 3)
    clock, user = ctx.clock, ctx.user_id

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    ids = {
        "wang": _staff_id(ctx, ADVISORS[0]),
        "liu": _staff_id(ctx, ADVISORS[1]),
        "sun": _staff_id(ctx, ADVISORS[2]),
    }
    plan = _Plan()
    try:
        released = _plan_follow_ups(plan, ctx, today, rng, at)
        _plan_enquiries(plan, ctx, today, [ids["wang"], ids["liu"]], at)
        _plan_complaints(plan, ctx, today, released, ids, at)
        _plan_appointments(plan, ctx, today, ids, at)
        for s in sorted(plan.steps, key=lambda s: s.moment):  # stable: same moment, as planned
            ctx.clock, ctx.user_id = fixed_clock(s.moment), s.staff_id
            result = s.run()
            if s.key:
                plan.ids[s.key] = result
    finally:
        ctx.clock, ctx.user_id = clock, user
    return {
        "follow_ups": _count(ctx, "SELECT count(*) FROM follow_ups"),
        "follow_ups_reached": _count(
            ctx, "SELECT count(*) FROM follow_ups WHERE outcome = 'reached'"
        ),
        "follow_ups_not_reached": _count(
            ctx, "SELECT count(*) FROM follow_ups WHERE outcome = 'not_reached'"
        ),
        "follow_ups_due": len(care.follow_ups_due(ctx.db, at(today, 9, 0))),
        "enquiries": _count(ctx, "SELECT count(*) FROM enquiries"),
        "complaints": _count(ctx, "SELECT count(*) FROM complaints"),
        "complaints_escalated": len(plan.ids.get("escalated", [])),
        "appointments": _count(ctx, "SELECT count(*) FROM appointments"),
        "appointment_deposits": _count(ctx, "SELECT count(*) FROM appointment_deposits"),
    }


__all__ = ["fill_care"]
