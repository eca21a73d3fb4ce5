"""The customer-care figures of the statistics report (issue 7) from real actions:
appointments booked, arrived, missed and cancelled; a car released and followed up;
complaints answered at once, at the reply-by time, late, and escalated."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from service_desk.actions import appointments as ap
from service_desk.actions import care
from service_desk.actions.reports import report
from service_desk.domain.report import Care, Period
from tests.actions.test_appointments import booking
from tests.actions.test_archive_orders import walk_in
from tests.actions.test_care import HAPPY, release_order
from tests.actions.test_workshop import set_clock
from tests.conftest import NOW, staff_id

DAY = dt.timedelta(days=1)
SAT = NOW.replace(hour=0, minute=0) + DAY  # Saturday 2026-11-28, midnight
# The conftest order is released 2026-11-27 17:00: its follow-up is due 29 Nov .. 4 Dec.
WEEK = Period(dt.date(2026, 11, 28), dt.date(2026, 12, 4))


def at(day: dt.datetime, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return day.replace(hour=hour, minute=minute, second=second)


def customer_of(ctx, order_id: int) -> int:
    return ctx.db.execute(
        "SELECT customer_id FROM repair_orders WHERE id = ?", [order_id]
    ).fetchone()[0]


def test_care_figures_of_a_week(ctx, order_id):
    vehicles = [
        walk_in(ctx, plate=f"皖B5000{n}", phone=f"1381234500{n}", name=f"客户{n}")[1]
        for n in range(5)
    ]
    made = [
        ap.book(ctx, booking(vehicles[n], start=at(SAT, hour)))
        for n, hour in enumerate((9, 10, 11, 14))
    ]
    ap.book(ctx, booking(vehicles[4], start=at(SAT + 7 * DAY, 9)))  # 5 December: after
    release_order(ctx, order_id)

    set_clock(ctx, at(SAT, 12))
    ap.arrive(ctx, made[0])
    ap.mark_missed(ctx, made[1])
    ap.cancel(ctx, made[2], "客户临时出差")
    # made[3] is still booked: made only
    customer = customer_of(ctx, order_id)
    reply_by = at(SAT + DAY, 12)
    care.open_complaint(ctx, customer, "前台等待太久", "in_person", answer="已致歉并说明原因")
    exactly = care.open_complaint(ctx, customer, "发票抬头有误", "phone", reply_by=reply_by)
    escalated = care.open_complaint(ctx, customer, "洗车不干净", "phone", reply_by=reply_by)
    late = care.open_complaint(ctx, customer, "配件价格偏高", "phone", reply_by=reply_by)

    set_clock(ctx, at(SAT + DAY, 10))
    care.record_follow_up(ctx, order_id, care.FollowUpInput(outcome="not_reached"))
    set_clock(ctx, reply_by)  # answered exactly at the reply-by time: in time
    care.answer_complaint(ctx, exactly, "已重开发票")
    set_clock(ctx, at(SAT + DAY, 13))  # an hour late, not yet escalated
    care.answer_complaint(ctx, late, "价格按厂家指导价")
    assert care.escalate_overdue(ctx) == [escalated]

    set_clock(ctx, at(SAT + 2 * DAY, 10))
    care.record_follow_up(ctx, order_id, replace(HAPPY, satisfaction=4))

    now = at(SAT + 7 * DAY, 12)
    expected = Care(
        appointments_made=4,
        appointments_kept=1,
        appointments_missed=1,
        appointments_cancelled=1,
        follow_ups_due=1,  # the window ends on the period's last day
        follow_ups_done=1,  # the call not answered is not done
        satisfaction_x100=400,
        complaints_opened=4,
        complaints_answered_in_time=2,
        complaints_escalated=1,
    )
    assert report(ctx.db, WEEK, now=now).care == expected
    assert report(ctx.db, WEEK, ctx.user_id, now=now).care == expected
    assert report(ctx.db, WEEK, staff_id(ctx, "赵师傅"), now=now).care == Care()

    # the day before: the release only; the week after: the appointment of 5 December
    assert report(ctx.db, Period.day(NOW.date()), now=now).care == Care()
    after = report(ctx.db, Period(dt.date(2026, 12, 5), dt.date(2026, 12, 11)), now=now).care
    assert after == Care(appointments_made=1)
