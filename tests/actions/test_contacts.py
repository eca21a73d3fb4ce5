"""The contact log (R3): each outcome logged (booked books the appointment, complaint opens
the complaint, both linked, in one transaction with the contact), each refusal by its code
and field, the history, the call backs due, and the first free slot."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from service_desk.actions import appointments as ap
from service_desk.actions import care
from service_desk.actions import contacts as cs
from service_desk.actions.context import ActionError
from service_desk.domain.clock import fixed_clock
from service_desk.domain.validation import ValidationError
from service_desk.store import settings
from service_desk.store.errors import StorageError, StorageProblem
from tests.actions.test_call_list import ONE, car
from tests.conftest import NOW, staff_id

DAY = dt.timedelta(days=1)
TOMORROW_9 = NOW.replace(hour=9, minute=0) + DAY


@pytest.fixture
def due(ctx) -> tuple[int, int]:
    """客户2 with 皖B00002, its service overdue since 20 November: (customer, vehicle)."""
    vid = car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    return owner(ctx, vid), vid


def owner(ctx, vehicle_id: int) -> int:
    return ctx.db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vehicle_id]).fetchone()[0]


def contact(customer: int, vehicle: int | None, outcome: str, **kw) -> cs.ContactInput:
    return cs.ContactInput(
        customer,
        vehicle,
        kw.pop("channel", "phone"),
        kw.pop("purpose", "service_due"),
        outcome,
        **kw,
    )


def rows(ctx, sql: str, params=()) -> list[dict]:
    return list(ctx.db.query(sql, list(params)))


def count(ctx, table: str) -> int:
    return ctx.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def contact_audits(ctx) -> list[dict]:
    return rows(ctx, "SELECT * FROM audit WHERE entity = 'contact'")


# --- each outcome -------------------------------------------------------------------------


def test_a_no_answer_is_logged_attributed_and_audited(ctx, due):
    customer, vid = due
    result = cs.log_contact(ctx, contact(customer, vid, "no_answer", note="  占线  "))
    assert result == cs.ContactResult(result.contact_id, None, None)
    [row] = cs.contacts_of_vehicle(ctx.db, vid)
    assert (row["at"], row["staff_name"], row["channel"], row["purpose"]) == (
        "2026-11-27T09:30:00+08:00",
        "王芳",
        "phone",
        "service_due",
    )
    assert (row["outcome"], row["note"], row["plate"], row["customer_name"]) == (
        "no_answer",
        "占线",
        "皖B00002",
        "客户2",
    )
    [entry] = contact_audits(ctx)
    assert (entry["entity_id"], entry["action"], entry["staff_id"]) == (
        result.contact_id,
        "log",
        ctx.user_id,
    )
    assert json.loads(entry["after_json"])["outcome"] == "no_answer"


def test_history_newest_first_of_the_customer_and_of_the_car(ctx, due):
    customer, vid = due
    first = cs.log_contact(ctx, contact(customer, vid, "no_answer")).contact_id
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=2))
    general = cs.log_contact(
        ctx, contact(customer, None, "sent", channel="sms", purpose="other")
    ).contact_id
    assert [r["id"] for r in cs.contacts_of_customer(ctx.db, customer)] == [general, first]
    assert [r["id"] for r in cs.contacts_of_vehicle(ctx.db, vid)] == [first]
    assert [r["id"] for r in cs.history(ctx.db, customer, vid)] == [general, first]


def test_booked_books_the_appointment_and_links_it(ctx, due):
    customer, vid = due
    booking = ap.Booking(
        vehicle_id=vid,
        start=TOMORROW_9,
        requested_by="dealer",
        jobs=("service_10000",),
        parts_estimate_fen=40_000,
        parts_to_order=True,
    )
    result = cs.log_contact(ctx, contact(customer, vid, "booked", booking=booking))
    assert result.appointment_id is not None and result.complaint_id is None
    [a] = rows(ctx, "SELECT * FROM appointments")
    assert (a["id"], a["vehicle_id"], a["customer_id"], a["requested_by"]) == (
        result.appointment_id,
        vid,
        customer,
        "dealer",
    )
    assert (a["slot_start"], a["slot_end"]) == (
        "2026-11-28T09:00:00+08:00",
        "2026-11-28T09:30:00+08:00",
    )
    assert (a["deposit_required_fen"], a["state"]) == (20_000, "booked")  # half the parts
    [row] = cs.contacts_of_customer(ctx.db, customer)
    assert (row["appointment_id"], row["appointment_start"], row["outcome"]) == (
        a["id"],
        a["slot_start"],
        "booked",
    )
    # the deposit is then taken on the appointments desk as for any booking
    ap.record_deposit(ctx, a["id"], "wechat", 20_000)
    assert ap._paid(ctx.db, a["id"]) == 20_000


def test_booked_without_a_car_named_takes_the_bookings_car(ctx, due):
    customer, vid = due
    booking = ap.Booking(vehicle_id=vid, start=TOMORROW_9, items="保养")
    result = cs.log_contact(ctx, contact(customer, None, "booked", booking=booking))
    [row] = cs.contacts_of_vehicle(ctx.db, vid)
    assert row["id"] == result.contact_id


def test_complaint_opens_the_complaint_with_its_reply_by_time(ctx, order_id):
    customer = ctx.db.execute("SELECT customer_id FROM repair_orders").fetchone()[0]
    vid = ctx.db.execute("SELECT vehicle_id FROM repair_orders").fetchone()[0]
    assert cs.last_order(ctx.db, vid, customer)["id"] == order_id
    reply_by = NOW + dt.timedelta(hours=4)
    text = "上次保养后机油灯还亮，要求说法"
    complaint = cs.ComplaintInput(text, reply_by=reply_by, order_id=order_id)
    result = cs.log_contact(ctx, contact(customer, vid, "complaint", complaint=complaint))
    found = care.complaint(ctx.db, result.complaint_id)
    assert (found["text"], found["channel"], found["state"], found["order_id"]) == (
        text,
        "phone",
        "open",
        order_id,
    )
    assert found["reply_by"] == "2026-11-27T13:30:00+08:00" and found["answer"] == ""
    [row] = cs.contacts_of_customer(ctx.db, customer)
    assert (row["complaint_id"], row["complaint_state"]) == (result.complaint_id, "open")
    assert {a["entity"] for a in rows(ctx, "SELECT * FROM audit ORDER BY id DESC LIMIT 2")} == {
        "complaint",
        "contact",
    }


def test_a_complaint_answered_at_once(ctx, due):
    customer, vid = due
    complaint = cs.ComplaintInput("等太久", answer="已致歉，下次预约优先", reply_by=NOW - DAY)
    result = cs.log_contact(
        ctx, contact(customer, vid, "complaint", channel="in_person", complaint=complaint)
    )
    found = care.complaint(ctx.db, result.complaint_id)
    assert (found["state"], found["reply_by"], found["channel"]) == (
        "answered",
        None,
        "in_person",
    )


def test_a_call_back_is_kept_and_comes_due_at_its_time(ctx, due):
    customer, vid = due
    at = NOW.replace(hour=15, minute=0)
    result = cs.log_contact(
        ctx, contact(customer, vid, "call_back", call_back_at=at, note="开会，下午三点再打")
    )
    [row] = cs.contacts_of_vehicle(ctx.db, vid)
    assert row["call_back_at"] == "2026-11-27T15:00:00+08:00"
    assert cs.call_backs_due(ctx.db, at - dt.timedelta(minutes=1)) == []
    [asked] = cs.call_backs_due(ctx.db, at)
    assert (asked["id"], asked["plate"], asked["unanswered"]) == (result.contact_id, "皖B00002", 0)
    ctx.clock = fixed_clock(at + dt.timedelta(minutes=5))
    cs.log_contact(ctx, contact(customer, vid, "no_answer", purpose="call_back"))
    [asked] = cs.call_backs_due(ctx.db, ctx.clock())
    assert asked["unanswered"] == 1  # still owed: nobody answered
    cs.log_contact(ctx, contact(customer, vid, "not_interested", purpose="call_back"))
    assert cs.call_backs_due(ctx.db, ctx.clock()) == []


def test_other_outcomes_are_logged_as_they_are(ctx, due):
    customer, vid = due
    for outcome, channel in (
        ("not_interested", "phone"),
        ("sold_car", "wechat"),
        ("wrong_number", "sms"),
        ("sent", "letter"),
    ):
        cs.log_contact(ctx, contact(customer, vid, outcome, channel=channel, purpose="other"))
    assert [r["outcome"] for r in cs.contacts_of_customer(ctx.db, customer)] == [
        "sent",
        "wrong_number",
        "sold_car",
        "not_interested",
    ]


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"channel": "letter", "outcome": "no_answer"}, "outcome", "contact.outcome_channel"),
        ({"channel": "fax"}, "channel", "contact.channel"),
        ({"outcome": "call_back"}, "call_back_at", "call_back.required"),
        ({"outcome": "call_back", "call_back_at": NOW - DAY}, "call_back_at", "call_back.past"),
        (
            {"outcome": "call_back", "call_back_at": NOW + 91 * DAY},
            "call_back_at",
            "call_back.too_far",
        ),
        ({"outcome": "booked"}, "booking", "contact.booking_required"),
        ({"outcome": "complaint"}, "complaint_text", "text.required"),
        ({"note": "长" * 2001}, "note", "text.too_long"),
        ({"purpose": "campaign"}, "purpose", "contact.campaign"),
    ],
)
def test_refused_inputs_name_their_field(ctx, due, changes, field, code):
    customer, vid = due
    data = dataclasses.replace(contact(customer, vid, "no_answer"), **changes)
    with pytest.raises(ValidationError) as refused:
        cs.log_contact(ctx, data)
    assert (field, code) in [(p.field, p.code) for p in refused.value.problems]
    assert count(ctx, "contacts") == 0 and contact_audits(ctx) == []


def test_refused_by_the_action(ctx, due):
    customer, vid = due
    other_customer, other_car = walk_in_other(ctx)
    cases = [
        (contact(customer, other_car, "no_answer"), "contact.vehicle_customer", "vehicle"),
        (
            contact(
                customer, vid, "booked", booking=ap.Booking(vehicle_id=other_car, start=TOMORROW_9)
            ),
            "contact.booking_vehicle",
            "booking",
        ),
        (
            contact(customer, vid, "sent", channel="letter", purpose="campaign", campaign_id=99),
            "contact.campaign_unknown",
            "purpose",
        ),
    ]
    for data, code, field in cases:
        with pytest.raises(ActionError) as refused:
            cs.log_contact(ctx, data)
        assert (refused.value.code, refused.value.field) == (code, field)
    ctx.user_id = None
    with pytest.raises(ActionError) as refused:
        cs.log_contact(ctx, contact(customer, vid, "no_answer"))
    assert refused.value.code == "user.required"
    assert count(ctx, "contacts") == 0 and count(ctx, "appointments") == 0
    assert other_customer != customer


def walk_in_other(ctx) -> tuple[int, int]:
    vid = car(ctx, 3, ONE, dt.date(2026, 11, 20))
    return owner(ctx, vid), vid


def test_a_refused_booking_logs_no_contact(ctx, due):
    customer, vid = due
    past = ap.Booking(vehicle_id=vid, start=NOW - dt.timedelta(hours=1), items="保养")
    with pytest.raises(ActionError) as refused:
        cs.log_contact(ctx, contact(customer, vid, "booked", booking=past))
    assert (refused.value.code, refused.value.field) == ("appointment.past", "start")
    # a full day is found inside the booking's own (nested) transaction
    settings.put(ctx.db, "appointment_capacity_per_day", 1)
    _, other = walk_in_other(ctx)
    ap.book(ctx, ap.Booking(vehicle_id=other, start=TOMORROW_9, items="洗车"))
    full = ap.Booking(vehicle_id=vid, start=TOMORROW_9 + dt.timedelta(hours=1), items="保养")
    with pytest.raises(ActionError) as refused:
        cs.log_contact(ctx, contact(customer, vid, "booked", booking=full))
    assert (refused.value.code, refused.value.field) == ("appointment.day_full", "start")
    assert count(ctx, "contacts") == 0 and contact_audits(ctx) == []
    assert [a["vehicle_id"] for a in rows(ctx, "SELECT * FROM appointments")] == [other]


def test_one_transaction_a_contact_not_written_leaves_no_appointment_or_complaint(
    ctx, due, monkeypatch
):
    customer, vid = due
    audits_before = count(ctx, "audit")

    def disk_full(_db, _record):
        raise StorageError(StorageProblem.DISK_FULL, "database or disk is full")

    monkeypatch.setattr(cs, "_insert", disk_full)
    booking = ap.Booking(vehicle_id=vid, start=TOMORROW_9, items="保养")
    complaint = cs.ComplaintInput("电话里态度不好", reply_by=NOW + DAY)
    for data in (
        contact(customer, vid, "booked", booking=booking),
        contact(customer, vid, "complaint", complaint=complaint),
    ):
        with pytest.raises(StorageError):
            cs.log_contact(ctx, data)
    assert count(ctx, "appointments") == 0 and count(ctx, "complaints") == 0
    assert count(ctx, "contacts") == 0 and count(ctx, "audit") == audits_before


def test_the_table_keeps_contacts_as_written(ctx, due):
    customer, vid = due
    cid = cs.log_contact(ctx, contact(customer, vid, "no_answer")).contact_id
    for sql in ("UPDATE contacts SET note = 'x' WHERE id = ?", "DELETE FROM contacts WHERE id = ?"):
        with pytest.raises(Exception, match=r"append-only|never deleted"):
            ctx.db.execute(sql, [cid])
    record = {
        "customer_id": customer,
        "vehicle_id": vid,
        "at": "2026-11-27T09:30:00+08:00",
        "staff_id": staff_id(ctx, "王芳"),
        "channel": "in_person",
        "purpose": "other",
        "outcome": "no_answer",
    }
    with pytest.raises(Exception, match="CHECK"):
        ctx.db["contacts"].insert(record)
    with pytest.raises(Exception, match="CHECK"):
        ctx.db["contacts"].insert(
            {**record, "channel": "phone", "outcome": "sold_car", "vehicle_id": None}
        )


# --- the first free slot ------------------------------------------------------------------


def test_next_free_slot_skips_taken_slots_and_full_days(ctx, due):
    _, vid = due
    assert cs.next_free_slot(ctx.db, NOW) == NOW  # 09:30 today is a slot start
    ap.book(ctx, ap.Booking(vehicle_id=vid, start=NOW.replace(hour=10, minute=0), items="保养"))
    assert cs.next_free_slot(ctx.db, NOW + dt.timedelta(minutes=1)) == NOW.replace(
        hour=10, minute=30
    )
    settings.put(ctx.db, "appointment_capacity_per_day", 1)
    assert cs.next_free_slot(ctx.db, NOW) == TOMORROW_9.replace(hour=8, minute=30)
    assert cs.next_free_slot(ctx.db, NOW, days=1) is None
