"""The contact log's rules (R3): what may be logged on which channel, and what each outcome
means for the next days' call list — fixed clocks throughout."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain import contacts as rules
from service_desk.domain import next_service as ns
from service_desk.domain.contacts import Contact
from service_desk.store import schema_v17

TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=TZ)
DAY = dt.timedelta(days=1)
CUSTOMER, CAR, OTHER_CAR = 1, 10, 11
LONG_AGO = NOW - 400 * DAY
SERVICE = ns.Reason(ns.OVERDUE, {"due_day": dt.date(2026, 11, 20)})
DECLINED = ns.Reason(ns.DECLINED, {"description": "更换雨刮片"})


def contact(n: int, at: dt.datetime, outcome: str, **kw) -> Contact:
    fields = {
        "customer_id": CUSTOMER,
        "vehicle_id": CAR,
        "channel": "phone",
        "purpose": "service_due",
        "staff_name": "王芳",
        **kw,
    }
    return Contact(n, at, outcome=outcome, **fields)


def standing(contacts, now=NOW, updated=LONG_AGO, last_order=None, vehicle=CAR):
    return rules.standing(
        contacts, CUSTOMER, vehicle, now, customer_updated_at=updated, last_order_at=last_order
    )


def codes(found) -> list[str]:
    return [r.code for r in found]


# --- what may be logged -------------------------------------------------------------------


def test_vocabularies_are_the_tables():
    assert rules.CHANNELS == schema_v17.CHANNELS
    assert rules.PURPOSES == schema_v17.PURPOSES
    assert rules.OUTCOMES == schema_v17.OUTCOMES
    assert rules.NOTE_MAX == schema_v17.NOTE_MAX
    assert set(rules.OUTCOMES_BY_CHANNEL) == set(rules.CHANNELS)
    assert {o for os in rules.OUTCOMES_BY_CHANNEL.values() for o in os} == set(rules.OUTCOMES)


def check(outcome: str, channel: str = "phone", purpose: str = "service_due", **kw):
    return [(p.field, p.code) for p in rules.check_contact(channel, purpose, outcome, NOW, **kw)]


def test_a_plain_no_answer_is_fine_and_vocabularies_are_checked():
    assert check("no_answer") == []
    assert check("no_answer", channel="fax", purpose="gossip") == [
        ("channel", "contact.channel"),
        ("purpose", "contact.purpose"),
    ]
    assert check("hung_up") == [("outcome", "contact.outcome")]


@pytest.mark.parametrize(
    ("channel", "outcome"),
    [
        ("letter", "no_answer"),
        ("letter", "booked"),
        ("sms", "no_answer"),
        ("wechat", "complaint"),
        ("in_person", "wrong_number"),
        ("in_person", "no_answer"),
        ("phone", "sent"),
    ],
)
def test_outcomes_the_channel_cannot_have(channel, outcome):
    assert ("outcome", "contact.outcome_channel") in check(outcome, channel=channel)


def test_what_each_channel_allows():
    assert rules.outcomes_for("letter") == ("sent",)
    assert "sent" in rules.outcomes_for("sms") and "sent" in rules.outcomes_for("wechat")
    assert "complaint" in rules.outcomes_for("in_person")
    assert rules.outcomes_for("fax") == ()


def test_call_back_needs_a_time_ahead_and_not_absurdly_far():
    assert check("call_back") == [("call_back_at", "call_back.required")]
    naive = dt.datetime(2026, 11, 28, 10, 0)
    assert check("call_back", call_back_at=naive) == [("call_back_at", "call_back.naive")]
    assert check("call_back", call_back_at=NOW) == [("call_back_at", "call_back.past")]
    assert check("call_back", call_back_at=NOW + dt.timedelta(minutes=1)) == []
    assert check("call_back", call_back_at=NOW + rules.CALL_BACK_MAX) == []
    far = NOW + rules.CALL_BACK_MAX + dt.timedelta(minutes=1)
    [problem] = rules.check_contact("phone", "service_due", "call_back", NOW, call_back_at=far)
    assert (problem.field, problem.code, problem.param("days")) == (
        "call_back_at",
        "call_back.too_far",
        90,
    )


def test_note_length_booking_and_sold_car_need_their_things():
    assert check("no_answer", note="x" * rules.NOTE_MAX) == []
    assert check("no_answer", note="x" * (rules.NOTE_MAX + 1)) == [("note", "text.too_long")]
    assert check("booked") == [("booking", "contact.booking_required")]
    assert check("booked", has_booking=True) == []
    assert check("sold_car", has_vehicle=False) == [("outcome", "contact.sold_car_vehicle")]


def test_a_complaint_needs_its_text_and_an_answer_or_a_reply_by_time():
    assert check("complaint") == [
        ("complaint_text", "text.required"),
        ("reply_by", "reply_by.required"),
    ]
    assert check("complaint", complaint_text="价格不对", complaint_answer="已退差价") == []
    later = NOW + dt.timedelta(hours=4)
    assert check("complaint", complaint_text="价格不对", reply_by=later) == []
    assert check("complaint", complaint_text="价格不对", reply_by=NOW - DAY) == [
        ("reply_by", "reply_by.past")
    ]


def test_campaign_purpose_goes_with_a_campaign():
    assert check("sent", channel="letter", purpose="campaign") == [("purpose", "contact.campaign")]
    assert check("sent", channel="letter", purpose="campaign", has_campaign=True) == []
    assert check("sent", channel="letter", purpose="letter", has_campaign=True) == [
        ("purpose", "contact.campaign")
    ]


def test_the_purpose_of_a_line_is_its_most_urgent_reason():
    assert rules.purpose_for([ns.DUE_30, ns.DECLINED]) == "service_due"
    assert rules.purpose_for([ns.DECLINED]) == "declined_work"
    assert rules.purpose_for([ns.DUE_7, ns.CALL_BACK]) == "call_back"
    assert rules.purpose_for([]) == "other"


# --- what the log means for the call list -------------------------------------------------


def test_nothing_logged_changes_nothing():
    state = standing([])
    assert state.held is None and state.last is None and state.unanswered == 0
    assert rules.apply([SERVICE, DECLINED], state) == [SERVICE, DECLINED]


def test_call_back_holds_the_line_until_its_time_then_calls_even_with_nothing_else():
    asked = contact(1, NOW - DAY, "call_back", call_back_at=NOW + dt.timedelta(hours=2))
    state = standing([asked])
    assert state.held == rules.HELD_CALL_BACK and state.call_back_later == asked.call_back_at
    assert rules.apply([SERVICE], state) == []
    # at the time itself the line comes back, first reason "call back as asked"
    later = standing([asked], now=NOW + dt.timedelta(hours=2))
    assert later.held is None and later.call_back == asked
    found = rules.apply([SERVICE], later)
    assert codes(found) == [ns.CALL_BACK, ns.OVERDUE]
    assert found[0].figures["call_back_at"] == asked.call_back_at
    assert found[0].figures["asked_by"] == "王芳"
    assert codes(rules.apply([], later)) == [ns.CALL_BACK]  # even with no other reason


def test_a_call_back_lasts_through_unanswered_tries_until_the_customer_is_reached():
    asked = contact(1, NOW - 3 * DAY, "call_back", call_back_at=NOW - DAY)
    tried = contact(2, NOW - dt.timedelta(hours=20), "no_answer")
    letter = contact(3, NOW - dt.timedelta(hours=5), "sent", channel="letter", purpose="letter")
    state = standing([asked, tried, letter])
    assert state.call_back == asked and state.unanswered == 1
    assert state.last == letter
    reached = contact(4, NOW - dt.timedelta(hours=1), "not_interested", purpose="call_back")
    done = standing([asked, tried, letter, reached])
    assert done.call_back is None and done.unanswered == 0
    assert rules.apply([SERVICE, DECLINED], done) == []  # "not interested" in everything


def test_no_answer_counts_the_tries_since_the_last_reached_contact():
    tries = [
        contact(1, NOW - 9 * DAY, "no_answer"),
        contact(2, NOW - 8 * DAY, "call_back", call_back_at=NOW - 7 * DAY),
        contact(3, NOW - 7 * DAY, "no_answer"),
        contact(4, NOW - 5 * DAY, "no_answer"),
        contact(5, NOW - 2 * DAY, "no_answer"),
    ]
    state = standing(tries)
    assert state.unanswered == 3 and state.held is None
    assert codes(rules.apply([SERVICE], state)) == [ns.CALL_BACK, ns.OVERDUE]


def test_not_interested_holds_its_purpose_for_thirty_days():
    said = contact(1, NOW - 10 * DAY, "not_interested", purpose="service_due")
    state = standing([said])
    assert state.not_interested == {"service_due"} and state.held is None
    assert rules.apply([SERVICE, DECLINED], state) == [DECLINED]
    assert rules.apply([SERVICE], state) == []
    expires = said.at + rules.NOT_INTERESTED_DAYS * DAY
    assert rules.apply([SERVICE], standing([said], now=expires - dt.timedelta(seconds=1))) == []
    assert rules.apply([SERVICE], standing([said], now=expires)) == [SERVICE]
    wipers = contact(2, NOW - DAY, "not_interested", purpose="declined_work")
    assert rules.apply([SERVICE, DECLINED], standing([wipers])) == [SERVICE]


def test_a_sold_car_is_not_called_until_it_comes_in_again():
    sold = contact(1, NOW - 5 * DAY, "sold_car")
    assert standing([sold]).held == rules.HELD_SOLD
    assert standing([sold], last_order=NOW - 6 * DAY).held == rules.HELD_SOLD
    assert standing([sold], last_order=NOW - DAY).held is None
    # the customer's other car is still called
    assert standing([sold], vehicle=OTHER_CAR).held is None


def test_a_wrong_number_holds_every_car_of_the_customer_until_the_record_is_updated():
    wrong = contact(1, NOW - 2 * DAY, "wrong_number", vehicle_id=OTHER_CAR)
    state = standing([wrong])
    assert state.held == rules.HELD_WRONG_NUMBER and state.wrong_number == wrong
    assert state.last is None  # it was about the other car
    assert standing([wrong], updated=wrong.at).held == rules.HELD_WRONG_NUMBER
    assert standing([wrong], updated=NOW - DAY).held is None
    assert rules.wrong_number_open(wrong.at, wrong.at - DAY)
    assert not rules.wrong_number_open(wrong.at, wrong.at + dt.timedelta(seconds=1))


def test_contacts_of_others_and_of_the_future_do_not_count():
    someone_else = contact(1, NOW - DAY, "sold_car", customer_id=2)
    other_car = contact(2, NOW - DAY, "not_interested", vehicle_id=OTHER_CAR)
    not_yet = contact(3, NOW + DAY, "sold_car")
    state = standing([someone_else, other_car, not_yet])
    assert state.held is None and state.not_interested == frozenset()
    general = contact(4, NOW - DAY, "no_answer", vehicle_id=None)  # about no car: counts
    assert standing([general]).unanswered == 1
    assert rules.in_scope(other_car, CUSTOMER, None)
    assert not rules.in_scope(other_car, CUSTOMER, CAR)


def test_a_complaint_waiting_for_an_answer_holds_the_customer():
    assert standing([], now=NOW).held is None
    held = rules.standing([], CUSTOMER, CAR, NOW, customer_updated_at=LONG_AGO, complaint_open=True)
    assert held.held == rules.HELD_COMPLAINT and rules.apply([SERVICE], held) == []
