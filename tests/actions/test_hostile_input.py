"""Careless and hostile input at every counter action (R20): random Unicode (emoji,
control characters, very long text, mixed scripts), negative and huge numbers, impossible
dates, duplicate plates. Each attempt ends in a refusal the UI can word (ActionError,
ValidationError, PricingError) or in a correct record — never another exception, never a
wrong total."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from service_desk.actions import appointments as ap
from service_desk.actions import archive, care, contacts, orders
from service_desk.actions import settings as settings_actions
from service_desk.actions import settlement as sa
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import ActionError
from service_desk.domain.pricing import LineDraft, PricingError
from service_desk.domain.validation import ValidationError
from service_desk.store import queries
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW

REFUSALS = (ActionError, ValidationError, PricingError)
CHECKS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# text a careless or hostile hand can type or paste
HOSTILE = st.one_of(
    st.text(max_size=80),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=5000),
    st.sampled_from(
        [
            "",
            "   ",
            "\x00\x07\x1b[31m",
            "😀🚗🔧" * 30,
            "王\u200b芳\u202e",
            "Ａ" * 61,
            "'; DROP TABLE customers; --",
            "皖B12345",
            "皖b 12 345",
            "\r\n".join(["行"] * 500),
        ]
    ),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 1, 999_999_999_999, 2**31, -(2**31)]),
)
NAMES = st.one_of(HOSTILE, st.text(alphabet="张王李赵钱孙周吴郑芳伟强 AB", min_size=1, max_size=20))
PLATES = st.one_of(HOSTILE, st.from_regex(r"皖[A-HJ-N][0-9A-HJ-NP-Z]{5}", fullmatch=True))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def attempt(step):
    """Run one action: a refusal is fine, any other exception fails the test."""
    try:
        made = step()
    except REFUSALS as exc:
        event(f"refused: {type(exc).__name__}")
        return None
    event("saved")
    return made


def one_field_off(data, valid: dict, hostile: dict) -> dict:
    """A valid input with at most one field made hostile: each rule is met alone, so
    correct records are made too (and a duplicate plate now and then)."""
    values = dict(valid)
    field = data.draw(st.sampled_from([None, *hostile]))
    if field is not None:
        values[field] = data.draw(hostile[field], label=field)
    return values


REGISTRATION = {
    "name": NAMES,
    "phone": st.one_of(HOSTILE, NUMBERS.map(str)),
    "plate": st.one_of(PLATES, st.sampled_from(["皖B12345", "皖B1234学", "粤AD12345"])),
    "vin": HOSTILE,
    "km": NUMBERS,
    "bought": DATES,
    "wishes": HOSTILE,
}


@CHECKS
@given(data=st.data())
def test_registration(ctx, data):
    valid = {
        "name": "王芳",
        "phone": "13855321234",
        "plate": data.draw(st.from_regex(r"皖[A-HJ-N][0-9A-HJ-NP-Z]{5}", fullmatch=True)),
        "vin": "",
        "km": 23_000,
        "bought": dt.date(2024, 5, 1),
        "wishes": "",
    }
    x = one_field_off(data, valid, REGISTRATION)
    before = ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0]
    made = attempt(
        lambda: archive.register_walk_in(
            ctx,
            CustomerInput(name=x["name"], phone=x["phone"], company=x["name"], wishes=x["wishes"]),
            VehicleInput(
                plate=x["plate"],
                vin=x["vin"],
                model_code="TIGGO8PRO",
                category_code="small_passenger",
                purchase_date=x["bought"],
                odometer_km=x["km"],
                wishes=x["wishes"],
            ),
        )
    )
    after = ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0]
    if made is None:
        assert after == before  # refused: nothing half-written
        return
    cid, vid = made
    assert after == before + 1
    customer, vehicle = queries.customer(ctx.db, cid), queries.vehicle(ctx.db, vid)
    assert customer["name"] == x["name"].strip() and vehicle["owner_id"] == cid
    assert x["bought"] is None or x["bought"] <= NOW.date()


@pytest.fixture
def order(ctx) -> int:
    _, vid = walk_in(ctx)
    return orders.open_order(ctx, vid, "保养")


LINE = {
    "kind": st.sampled_from(["labour", "part", "fee", "nonsense"]),
    "description": HOSTILE,
    "qty": NUMBERS,
    "price": NUMBERS,
    "margin": NUMBERS,
    "mode": st.sampled_from(["item", "symptom", "system", "x"]),
}


@CHECKS
@given(data=st.data())
def test_lines_keep_the_total_right(ctx, order, data):
    valid = {
        "kind": "labour",
        "description": "更换机油",
        "qty": data.draw(st.integers(1, 1_000_000)),
        "price": data.draw(st.integers(0, 1_000_000_000)),
        "margin": 0,
        "mode": "item",
    }
    x = one_field_off(data, valid, LINE)
    part = x["kind"] == "part"
    attempt(
        lambda: orders.add_line(
            ctx,
            order,
            LineDraft(
                kind=x["kind"],
                description=x["description"],
                mode=x["mode"],
                qty_milli=x["qty"],
                unit_price_fen=x["price"],
                risk_margin_bp=x["margin"],
                parts_source="dealer" if part else None,
                part_quality="genuine" if part else None,
            ),
        )
    )
    lines = queries.order_lines(ctx.db, order)
    for line in lines:
        assert 1 <= line["qty_milli"] <= 1_000_000 and line["unit_price_fen"] >= 0
        assert line["amount_fen"] >= 0
    listed = next(r for r in queries.orders_in_ids(ctx.db, [order]))
    assert listed["total_fen"] == sum(x["amount_fen"] for x in lines if x["status"] == "active")


@CHECKS
@given(
    request=HOSTILE,
    diagnosis=HOSTILE,
    technician=HOSTILE,
    km=st.one_of(st.none(), NUMBERS),
    promised=st.one_of(
        st.none(),
        st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)).map(
            lambda d: d.replace(tzinfo=NOW.tzinfo)
        ),
    ),
)
def test_reception_fields(ctx, order, request, diagnosis, technician, km, promised):
    attempt(
        lambda: orders.save_reception(
            ctx,
            order,
            request=request,
            diagnosis=diagnosis,
            technician=technician,
            odometer_in=km,
            promised_at=promised,
        )
    )
    saved = queries.order(ctx.db, order)
    assert len(saved["request"]) <= 4000 and len(saved["technician"]) <= 60
    assert saved["odometer_in"] is None or 0 <= saved["odometer_in"] <= 2_000_000


@CHECKS
@given(
    method=st.sampled_from(["cash", "card", "wechat", "alipay", "transfer", "gold"]),
    amount=NUMBERS,
    reference=HOSTILE,
)
def test_payments_never_go_below_zero(ctx, order_id, method, amount, reference):
    from tests.actions.test_workshop import bring_to_ready

    if queries.order(ctx.db, order_id)["state"] != "ready":
        bring_to_ready(ctx, order_id, 123456, "phone")
    attempt(lambda: sa.add_payment(ctx, order_id, method, amount, reference))
    paid = ctx.db.execute(
        "SELECT coalesce(sum(amount_fen), 0), min(amount_fen) FROM payments WHERE order_id = ?",
        [order_id],
    ).fetchone()
    due = sa.statement(ctx.db, order_id)["balance_fen"]
    assert paid[1] is None or paid[1] > 0
    assert due >= 0


@CHECKS
@given(text=HOSTILE, answer=HOSTILE, channel=st.sampled_from(["phone", "in_person", "fax"]))
def test_complaints_and_enquiries(ctx, text, answer, channel):
    cid = ctx.db.execute("SELECT id FROM customers LIMIT 1").fetchone()
    if cid is None:
        walk_in(ctx)
        cid = ctx.db.execute("SELECT id FROM customers LIMIT 1").fetchone()
    attempt(lambda: care.open_complaint(ctx, cid[0], text, channel, answer=answer))
    attempt(
        lambda: care.log_enquiry(
            ctx, care.EnquiryInput(name=text, contact=answer, question=text, answer=answer)
        )
    )
    for k in ctx.db.query("SELECT * FROM complaints"):
        assert k["text"].strip() and len(k["text"]) <= 4000


@CHECKS
@given(
    note=HOSTILE,
    outcome=st.sampled_from(
        ["booked", "call_back", "not_interested", "sold_car", "wrong_number", "no_answer", "x"]
    ),
    channel=st.sampled_from(["phone", "sms", "wechat", "letter", "pigeon"]),
    back=st.one_of(st.none(), st.integers(min_value=-10_000, max_value=10_000)),
)
def test_contacts(ctx, note, outcome, channel, back):
    found = ctx.db.execute("SELECT id, owner_id FROM vehicles LIMIT 1").fetchone()
    if found is None:
        walk_in(ctx)
        found = ctx.db.execute("SELECT id, owner_id FROM vehicles LIMIT 1").fetchone()
    vid, cid = found
    at = None if back is None else NOW + dt.timedelta(hours=back)
    attempt(
        lambda: contacts.log_contact(
            ctx,
            contacts.ContactInput(
                customer_id=cid,
                vehicle_id=vid,
                channel=channel,
                purpose="other",
                outcome=outcome,
                note=note,
                call_back_at=at,
            ),
        )
    )


@CHECKS
@given(items=HOSTILE, parts=NUMBERS, deposit=st.one_of(st.none(), NUMBERS), hours=NUMBERS)
def test_appointments(ctx, items, parts, deposit, hours):
    found = ctx.db.execute("SELECT id FROM vehicles LIMIT 1").fetchone()
    if found is None:
        walk_in(ctx)
        found = ctx.db.execute("SELECT id FROM vehicles LIMIT 1").fetchone()
    try:
        start = NOW + dt.timedelta(hours=hours % 10_000_000)
    except OverflowError:
        return
    aid = attempt(
        lambda: ap.book(
            ctx,
            ap.Booking(
                vehicle_id=found[0],
                start=start,
                items=items,
                parts_estimate_fen=parts,
                parts_to_order=parts > 0,
                deposit_required_fen=deposit,
            ),
        )
    )
    if aid is not None:
        a = ctx.db.execute(
            "SELECT parts_estimate_fen, deposit_required_fen, parts_to_order"
            " FROM appointments WHERE id = ?",
            [aid],
        ).fetchone()
        assert a[0] >= 0 and (not a[2] or 2 * a[1] >= a[0])


SETTING_KEYS = sorted(settings_actions._CHECKS)


@CHECKS
@given(
    key=st.sampled_from(SETTING_KEYS),
    value=st.one_of(HOSTILE, NUMBERS, st.none(), st.booleans(), st.floats()),
)
def test_settings(ctx, key, value):
    attempt(lambda: settings_actions.validate(ctx, {key: value}))
