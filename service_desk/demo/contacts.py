"""The demo's contact log (R3): the advisors worked the daily call list over the last two
weeks, a few calls per working day (not on Sundays), each logged through
actions/contacts.log_contact at its own moment, in time order:

- bookings (some after a try nobody answered, one after an SMS reminder), each at the
  first free slot from the day after tomorrow on;
- tries nobody answered (the cars stay on the list with their count);
- call backs: two the customers asked for "today" (one in the morning, one later in the
  afternoon) and one asked for yesterday afternoon, tried once since without an answer;
- customers not interested for now, one who sold the car, one whose number is wrong (a
  number to mend), reminders sent by SMS and WeChat;
- one complaint made on a service call, about the car's last visit, the customer to hear
  back tomorrow.

The cars are today's call list (before any call), the most urgent first; a car is only
called after its last visit. Everything happens before 9:00 ``today`` (as the rest of the
care demo). Deterministic: its own random source (``seed``). Call it after the care desk:
``fill_contacts(demo.ctx, demo.cur_day)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from service_desk.actions import appointments as appts
from service_desk.actions import contacts as cs
from service_desk.actions.call_list import CallLine, call_list
from service_desk.actions.context import Ctx
from service_desk.demo.roster import ADVISORS
from service_desk.domain.clock import fixed_clock
from service_desk.store import settings

DAY = dt.timedelta(days=1)

NO_ANSWER = ("无人接听", "关机", "占线，未接通", "响铃多次无人接")
CALL_BACK = ("客户在开会，约好时间再打", "客户在外地出差，说回来再联系", "客户正在开车，不方便接听")
NOT_INTERESTED = ("客户说最近用车少，暂时不做保养", "客户说车子刚在外面做过保养")
BOOKED = ("客户同意预约，提醒带行驶证", "客户约好时间到店保养", "客户回复短信要求预约")
SOLD = "客户说车已经卖给朋友了，新车主的电话不清楚"
WRONG = "对方说打错了，不认识车主（号码可能登记错一位）"
SENT_SMS = "发送保养提醒短信，附预约电话"
SENT_WECHAT = "微信发送保养提醒和预约二维码"
COMPLAINT = (
    "接到保养提醒电话时客户投诉：上次保养后车里有一股焦味，打电话问过一次，一直没人回复，"
    "很不满意，要求给个说法。"
)
COMPLAINT_NOTE = "已向客户致歉，答应明天中午前由服务经理回电。"
JOBS = ("service_10000", "service_20000", "service_10000", "service_40000")


@dataclass(frozen=True)
class _Call:
    days_ago: int  # before ``today``
    outcome: str
    channel: str = "phone"
    back: tuple[int, int, int] | None = None  # a call back: days from today, hour, minute
    time: tuple[int, int] | None = None  # the call's own time (otherwise office hours)


# What happened with each car, the most telling first (every outcome is there even when
# the list is short).
STORIES: tuple[tuple[_Call, ...], ...] = (
    (_Call(6, "no_answer"), _Call(5, "booked")),
    (_Call(2, "call_back", back=(0, 10, 0)),),  # due this morning
    (_Call(9, "not_interested"),),
    (_Call(8, "sold_car"),),
    (_Call(4, "wrong_number"),),
    (_Call(1, "complaint"),),
    (_Call(5, "no_answer"), _Call(3, "no_answer")),
    (_Call(3, "sent", "sms"),),
    (_Call(1, "call_back", back=(0, 15, 30)),),  # later this afternoon
    (_Call(2, "booked"),),
    (  # asked for yesterday afternoon, tried then, nobody answered: still owed
        _Call(4, "call_back", back=(-1, 16, 0)),
        _Call(1, "no_answer", time=(16, 5)),
    ),
    (_Call(10, "sent", "wechat"), _Call(9, "booked", "wechat")),
    (_Call(11, "no_answer"), _Call(6, "not_interested")),
    (_Call(12, "no_answer"), _Call(9, "no_answer"), _Call(2, "no_answer")),
    (_Call(8, "booked"),),
)


@dataclass
class _Step:
    moment: dt.datetime
    staff_id: int
    run: Callable[[], Any]


def _staff_id(ctx: Ctx, name: str) -> int:
    return int(ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0])


def _working_day(day: dt.date) -> dt.date:
    """No calls on Sundays: the Saturday before."""
    return day - DAY if day.weekday() == 6 else day


def fill_contacts(ctx: Ctx, today: dt.date, seed: int = 7) -> int:
    """Log the demo's calls of the last two weeks around ``today`` (the demo's current
    day), each through the actions at its own moment, in time order, all before 9:00
    ``today``; return how many contacts there are. The context's clock and user are left
    as they were."""
    zone = ZoneInfo(settings.get(ctx.db, "timezone"))
    rng = random.Random(seed * 7919 + 4)
    clock, user = ctx.clock, ctx.user_id

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    advisors = [_staff_id(ctx, name) for name in ADVISORS]
    lines = call_list(ctx.db, today, at(today, 8, 0))
    used: set[int] = set()
    steps: list[_Step] = []
    for n, story in enumerate(STORIES):
        first = _working_day(today - story[0].days_ago * DAY)
        needs_order = any(c.outcome == "complaint" for c in story)
        line = next(
            (
                x
                for x in lines
                if x.vehicle_id not in used
                and x.customer_id not in {y.customer_id for y in lines if y.vehicle_id in used}
                and (x.last_visit is None or x.last_visit < first)
                and (not needs_order or cs.last_order(ctx.db, x.vehicle_id, x.customer_id))
            ),
            None,
        )
        if line is None:
            continue
        used.add(line.vehicle_id)
        staff = advisors[0] if rng.random() < 0.6 else rng.choice(advisors[1:])
        last: dt.datetime | None = None
        for call in story:
            day = _working_day(today - call.days_ago * DAY)
            hour, minute = call.time or (rng.choice((9, 10, 11, 14, 15, 16)), rng.randrange(50))
            moment = at(day, hour, minute)
            if last is not None and moment <= last:  # a story's calls in their order
                moment = last + dt.timedelta(minutes=35)
            last = moment
            data = _input(ctx, line, call, today, n, rng, at)
            steps.append(_Step(moment, staff, lambda d=data: cs.log_contact(ctx, d())))
    try:
        for s in sorted(steps, key=lambda s: s.moment):  # stable: same moment, as planned
            ctx.clock, ctx.user_id = fixed_clock(s.moment), s.staff_id
            s.run()
    finally:
        ctx.clock, ctx.user_id = clock, user
    return int(ctx.db.execute("SELECT count(*) FROM contacts").fetchone()[0])


def _input(
    ctx: Ctx,
    line: CallLine,
    call: _Call,
    today: dt.date,
    n: int,
    rng: random.Random,
    at: Callable[[dt.date, int, int], dt.datetime],
) -> Callable[[], cs.ContactInput]:
    """The contact of one call (made when it is logged: a booking takes the first slot
    free then)."""
    base: dict[str, Any] = {
        "customer_id": line.customer_id,
        "vehicle_id": line.vehicle_id,
        "channel": call.channel,
        "purpose": line.purpose,
        "outcome": call.outcome,
    }
    if call.outcome == "no_answer":
        base["note"] = rng.choice(NO_ANSWER)
    elif call.outcome == "not_interested":
        base["note"] = rng.choice(NOT_INTERESTED)
    elif call.outcome == "sold_car":
        base["note"] = SOLD
    elif call.outcome == "wrong_number":
        base["note"] = WRONG
    elif call.outcome == "sent":
        base["note"] = SENT_SMS if call.channel == "sms" else SENT_WECHAT
    elif call.outcome == "call_back" and call.back is not None:
        days, hour, minute = call.back
        base["note"] = rng.choice(CALL_BACK)
        base["call_back_at"] = at(today + days * DAY, hour, minute)
    elif call.outcome == "complaint":
        order = cs.last_order(ctx.db, line.vehicle_id, line.customer_id)
        base["note"] = COMPLAINT_NOTE
        base["complaint"] = cs.ComplaintInput(
            COMPLAINT,
            reply_by=at(today + DAY, 12, 0),
            order_id=order["id"] if order else None,
        )
    elif call.outcome == "booked":
        base["note"] = rng.choice(BOOKED[:2]) if call.channel == "phone" else BOOKED[2]
    job = JOBS[n % len(JOBS)]

    def make() -> cs.ContactInput:
        data = dict(base)
        if call.outcome == "booked":
            start = cs.next_free_slot(ctx.db, at(today + (2 + n % 3) * DAY, 0, 0))
            assert start is not None  # the demo's days are far from full
            data["booking"] = appts.Booking(
                vehicle_id=line.vehicle_id, start=start, requested_by="dealer", jobs=(job,)
            )
        return cs.ContactInput(**data)

    return make
