"""Customer care actions: follow-ups due computed from releases, a follow-up recorded (an
unhappy one becomes a complaint), enquiries, complaints answered at once or held to a
reply-by time, escalated when overdue (idempotent), resolved with the customer's word."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from service_desk.actions import care
from service_desk.actions import release as rel
from service_desk.actions.context import ActionError
from service_desk.domain.validation import ValidationError
from service_desk.store import queries
from service_desk.store.errors import StorageError
from tests.actions import test_release
from tests.actions.test_workshop import at, bring_to_ready, set_clock
from tests.conftest import staff_id

DAY = dt.timedelta(days=1)


def release_order(ctx, order_id: int) -> int:
    """The conftest order worked, settled and released at 17:00 (test_release's steps)."""
    bring_to_ready(ctx, order_id, 123456, "phone")
    test_release._all_but(ctx, order_id, "")
    rel.release(ctx, order_id)
    return order_id


@pytest.fixture
def ready(ctx, order_id) -> int:
    bring_to_ready(ctx, order_id, 123456, "phone")
    return order_id


@pytest.fixture
def released(ctx, order_id) -> int:
    return release_order(ctx, order_id)


HAPPY = care.FollowUpInput(
    channel="phone",
    car_runs="一切正常",
    service_opinion="很满意",
    advice_given="雨天注意刹车距离",
    next_maintenance=dt.date(2027, 5, 27),
    satisfaction=5,
)


def due_ids(ctx):
    return [(r["order_id"], r["status"]) for r in care.follow_ups_due(ctx.db, ctx.clock())]


def audits(ctx, entity):
    return [
        (r["action"], json.loads(r["after_json"] or "{}"))
        for r in ctx.db.query("SELECT * FROM audit WHERE entity = ? ORDER BY id", [entity])
    ]


def test_follow_up_window_from_the_release(ctx, released):
    # released 2026-11-27 17:00: due from the 29th to 4 December, overdue from the 5th
    assert due_ids(ctx) == []
    set_clock(ctx, at(23, 59) + DAY)
    assert due_ids(ctx) == []
    set_clock(ctx, at(0, 0) + 2 * DAY)
    assert due_ids(ctx) == [(released, "due")]
    row = care.follow_ups_due(ctx.db, ctx.clock())[0]
    assert (row["due_from"], row["due_to"], row["plate"]) == (
        "2026-11-29",
        "2026-12-04",
        "皖B7K2M9",
    )
    set_clock(ctx, at(23, 59) + 7 * DAY)
    assert due_ids(ctx) == [(released, "due")]
    set_clock(ctx, at(0, 0) + 8 * DAY)
    assert due_ids(ctx) == [(released, "overdue")]
    assert [r["order_id"] for r in care.overdue_follow_ups(ctx.db, ctx.clock())] == [released]


def test_unsigned_or_unreleased_orders_are_not_followed_up(ctx, ready):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    assert due_ids(ctx) == []
    with pytest.raises(ActionError) as exc:
        care.record_follow_up(ctx, ready, HAPPY)
    assert exc.value.code == "follow_up.not_released"


def test_a_happy_follow_up_takes_the_car_off_the_list(ctx, released):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    result = care.record_follow_up(ctx, released, HAPPY)
    assert result.complaint_id is None
    assert due_ids(ctx) == []
    saved = care.follow_ups_of_order(ctx.db, released)[0]
    assert saved["due_from"] == "2026-11-29" and saved["satisfaction"] == 5
    assert saved["next_maintenance_date"] == "2027-05-27" and saved["staff_name"] == "王芳"
    assert audits(ctx, "follow_up")[0][0] == "record"
    with pytest.raises(ActionError) as exc:
        care.record_follow_up(ctx, released, HAPPY)
    assert exc.value.code == "follow_up.already_done"


def test_not_reached_keeps_it_on_the_list(ctx, released):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    care.record_follow_up(ctx, released, care.FollowUpInput(outcome="not_reached"))
    care.record_follow_up(ctx, released, care.FollowUpInput(outcome="not_reached", channel="sms"))
    [row] = care.follow_ups_due(ctx.db, ctx.clock())
    assert row["attempts"] == 2 and row["last_attempt_at"] == "2026-11-30T10:00:00+08:00"


def test_reached_needs_the_answers_and_a_satisfaction(ctx, released):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    with pytest.raises(ValidationError) as exc:
        care.record_follow_up(ctx, released, care.FollowUpInput(satisfaction=7))
    fields = {(p.field, p.code) for p in exc.value.problems}
    assert fields == {
        ("car_runs", "text.required"),
        ("service_opinion", "text.required"),
        ("satisfaction", "satisfaction.range"),
    }
    past = care.FollowUpInput(**{**HAPPY.__dict__, "next_maintenance": dt.date(2026, 11, 1)})
    with pytest.raises(ValidationError) as exc:
        care.record_follow_up(ctx, released, past)
    assert [p.code for p in exc.value.problems] == ["next_maintenance.past"]


@pytest.mark.parametrize(("satisfaction", "ticked"), [(2, False), (1, False), (4, True)])
def test_an_unhappy_follow_up_becomes_a_complaint(ctx, released, satisfaction, ticked):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    data = care.FollowUpInput(
        car_runs="刹车还是响",
        service_opinion="修了没用，等了很久",
        satisfaction=satisfaction,
        complaint=ticked,
    )
    result = care.record_follow_up(ctx, released, data)
    found = care.complaint(ctx.db, result.complaint_id)
    assert found["channel"] == "follow_up" and found["order_id"] == released
    assert found["text"] == "修了没用，等了很久" and found["state"] == "open"
    assert found["reply_by"] == "2026-12-01T10:00:00+08:00"  # a day later by default
    assert care.follow_ups_of_order(ctx.db, released)[0]["complaint_id"] == result.complaint_id


def test_follow_up_satisfaction_three_is_no_complaint(ctx, released):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    data = care.FollowUpInput(car_runs="正常", service_opinion="一般", satisfaction=3)
    assert care.record_follow_up(ctx, released, data).complaint_id is None
    assert care.open_complaints(ctx.db, ctx.clock()) == []


def test_log_an_enquiry(ctx):
    eid = care.log_enquiry(
        ctx,
        care.EnquiryInput(
            name="刘先生",
            workplace="芜湖顺达物流有限公司",
            contact="13955321234",
            question="瑞虎8 PRO 保养周期？",
            answer="每 10000 公里或 12 个月，以先到者为准。",
        ),
    )
    [saved] = care.recent_enquiries(ctx.db)
    assert saved["id"] == eid and saved["staff_name"] == "王芳"
    assert saved["answered_at"] == "2026-11-27T09:30:00+08:00"
    with pytest.raises(ValidationError) as exc:
        care.log_enquiry(ctx, care.EnquiryInput(name="", contact="", question="?", answer=" "))
    assert {p.field for p in exc.value.problems} == {"name", "contact", "answer"}


def _customer(ctx, order_id):
    return queries.order(ctx.db, order_id)["customer_id"]


def test_a_complaint_answered_at_once(ctx, order_id):
    cid = care.open_complaint(
        ctx,
        _customer(ctx, order_id),
        "等待时间太长",
        "in_person",
        order_id,
        answer="已致歉并说明原因",
    )
    found = care.complaint(ctx.db, cid)
    assert found["state"] == "answered" and found["reply_by"] is None
    assert found["answered_at"] == "2026-11-27T09:30:00+08:00"
    care.resolve_complaint(ctx, cid, "客户接受道歉", accepted=True)
    found = care.complaint(ctx.db, cid)
    assert found["state"] == "resolved" and found["customer_accepted"] == 1
    assert care.open_complaints(ctx.db, ctx.clock()) == []


def test_a_complaint_needs_an_answer_or_a_reply_by_time(ctx, order_id):
    customer = _customer(ctx, order_id)
    with pytest.raises(ValidationError) as exc:
        care.open_complaint(ctx, customer, "太贵", "phone")
    assert [p.code for p in exc.value.problems] == ["reply_by.required"]
    with pytest.raises(ValidationError) as exc:
        care.open_complaint(ctx, customer, "太贵", "phone", reply_by=ctx.clock())
    assert [p.code for p in exc.value.problems] == ["reply_by.past"]
    with pytest.raises(ValidationError) as exc:
        care.open_complaint(ctx, customer, " ", "follow_up", answer="x")
    assert {p.code for p in exc.value.problems} == {"complaint.channel", "text.required"}


def test_an_overdue_complaint_is_escalated_once(ctx, order_id):
    customer = _customer(ctx, order_id)
    reply_by = at(15, 0)
    cid = care.open_complaint(ctx, customer, "发票开错了", "phone", order_id, reply_by=reply_by)
    later = care.open_complaint(ctx, customer, "洗车不干净", "phone", reply_by=at(18, 0))
    set_clock(ctx, reply_by)
    assert care.escalate_overdue(ctx) == []
    assert [r["overdue"] for r in care.open_complaints(ctx.db, ctx.clock())] == [False, False]
    set_clock(ctx, reply_by + dt.timedelta(seconds=1))
    ctx.user_id = None  # nobody at the counter: the app still holds it to the time
    assert care.escalate_overdue(ctx) == [cid]
    assert care.escalate_overdue(ctx) == []  # idempotent
    found = care.complaint(ctx.db, cid)
    assert found["state"] == "escalated" and found["escalated_to_name"] == "陈主管"
    assert found["escalated_at"] == "2026-11-27T15:00:01+08:00"
    listed = care.open_complaints(ctx.db, ctx.clock())
    assert [(r["id"], r["overdue"]) for r in listed] == [(cid, True), (later, False)]
    assert [a for a, _ in audits(ctx, "complaint")] == ["open", "open", "escalate_overdue"]

    # an escalated complaint is answered with the supervisor's PIN
    ctx.user_id = staff_id(ctx, "王芳")
    with pytest.raises(ActionError) as exc:
        care.answer_complaint(ctx, cid, "已重开发票")
    assert exc.value.code == "supervisor.required"
    with pytest.raises(ActionError) as exc:
        care.answer_complaint(ctx, cid, "已重开发票", staff_id(ctx, "陈主管"), "0000")
    assert exc.value.code == "pin.wrong"
    care.answer_complaint(ctx, cid, "已重开发票", staff_id(ctx, "陈主管"), "2468")
    assert care.complaint(ctx.db, cid)["state"] == "answered"
    assert audits(ctx, "complaint")[-1] == (
        "answer_approved",
        {"approved_by": staff_id(ctx, "陈主管")},
    )


def test_not_accepted_goes_to_the_supervisor(ctx, order_id):
    customer = _customer(ctx, order_id)
    cid = care.open_complaint(ctx, customer, "价格不透明", "phone", reply_by=at(12, 0))
    with pytest.raises(ActionError) as exc:
        care.resolve_complaint(ctx, cid, "x", accepted=True)
    assert exc.value.code == "complaint.state"
    care.answer_complaint(ctx, cid, "已逐项解释工时费")
    care.resolve_complaint(ctx, cid, "", accepted=False)
    found = care.complaint(ctx.db, cid)
    assert found["state"] == "escalated" and found["customer_accepted"] == 0
    care.answer_complaint(ctx, cid, "减免工时费 50 元", staff_id(ctx, "陈主管"), "2468")
    care.resolve_complaint(ctx, cid, "减免工时费，客户接受", accepted=True)
    assert care.complaint(ctx.db, cid)["state"] == "resolved"
    with pytest.raises(ActionError):
        care.answer_complaint(ctx, cid, "again")


def test_database_keeps_care_records(ctx, released):
    set_clock(ctx, at(10, 0) + 3 * DAY)
    result = care.record_follow_up(
        ctx, released, care.FollowUpInput(car_runs="响", service_opinion="差", satisfaction=1)
    )
    care.log_enquiry(ctx, care.EnquiryInput(name="刘", contact="139", question="q", answer="a"))
    db = ctx.db
    for sql in (
        "DELETE FROM complaints",
        "DELETE FROM follow_ups",
        "DELETE FROM enquiries",
        "UPDATE follow_ups SET satisfaction = 5",
        "UPDATE enquiries SET answer = 'b'",
        "UPDATE complaints SET text = 'nothing'",
    ):
        with pytest.raises((sqlite3.DatabaseError, StorageError)):
            db.execute(sql)
    care.answer_complaint(ctx, result.complaint_id, "返厂复查")
    care.resolve_complaint(ctx, result.complaint_id, "复查后异响消除", accepted=True)
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE complaints SET answer = 'changed'")
    first = next(db.query("SELECT * FROM follow_ups"))
    with pytest.raises(sqlite3.IntegrityError):  # a second follow-up done for the order
        db["follow_ups"].insert({**first, "id": None, "complaint_id": None})
