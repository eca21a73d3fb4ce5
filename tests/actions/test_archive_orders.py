"""Counter actions against a real database file: archive, orders, lifecycle, audit."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import ActionError, Ctx
from service_desk.domain.clock import fixed_clock
from service_desk.domain.pricing import LineDraft
from service_desk.domain.validation import ValidationError
from service_desk.store import queries
from tests.conftest import NOW, staff_id

VIN = "LVVDB11B9KD123458"


def walk_in(ctx, plate="皖B12345", vin="", phone="13812345678", name="张三"):
    return archive.register_walk_in(
        ctx,
        CustomerInput(name=name, phone=phone, address="芜湖市镜湖区", company="芜湖某公司"),
        VehicleInput(
            plate=plate,
            vin=vin,
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=23000,
        ),
    )


def test_register_walk_in_records_first_contact_owner_and_due(ctx):
    cid, vid = walk_in(ctx, plate=" 皖b 12345 ")
    c = queries.customer(ctx.db, cid)
    v = queries.vehicle(ctx.db, vid)
    assert c["first_contact_name"] == "王芳"
    assert v["plate"] == "皖B12345"
    assert v["last_km"] == 23000
    # 2.5 years and 23,000 km: the 25,000 km / 30-month service is due (its date passed)
    assert v["next_due_date"] == "2026-11-01" and v["next_due_km"] == 25000
    assert [o["customer_id"] for o in queries.owner_history(ctx.db, vid)] == [cid]
    assert ctx.db.execute("SELECT count(*) FROM audit").fetchone()[0] >= 2


def test_bad_plate_vin_phone_are_all_reported_together(ctx):
    with pytest.raises(ValidationError) as err:
        walk_in(ctx, plate="AB12345", vin="LVVDB11B5KD12345O", phone="12345")
    fields = {p.field for p in err.value.problems}
    assert {"plate", "vin", "phone"} <= fields
    assert ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_vin_check_digit_is_a_warning_the_advisor_may_confirm(ctx):
    wrong = VIN[:8] + "7" + VIN[9:]
    with pytest.raises(ValidationError) as err:
        walk_in(ctx, vin=wrong)
    assert [p.code for p in err.value.problems] == ["vin.check_digit"]
    cust = CustomerInput(name="进口车主", phone="13900001111")
    veh = VehicleInput(
        plate="皖B54321",
        vin=wrong,
        model_code="TIGGO8PRO",
        category_code="small_passenger",
        confirmed={"vin.check_digit"},
    )
    _, vid = archive.register_walk_in(ctx, cust, veh)
    assert queries.vehicle(ctx.db, vid)["vin_check_overridden"] == 1


def test_duplicate_plate_refused(ctx):
    walk_in(ctx)
    with pytest.raises(ValidationError) as err:
        walk_in(ctx, phone="13900002222")
    assert [p.code for p in err.value.problems] == ["plate.duplicate"]


def test_lower_odometer_needs_reason(ctx):
    _, vid = walk_in(ctx)
    with pytest.raises(ValidationError):
        archive.record_odometer(ctx, vid, 22000, "manual")
    archive.record_odometer(ctx, vid, 22000, "manual", reason="仪表更换")
    assert queries.vehicle(ctx.db, vid)["last_km"] == 22000
    with pytest.raises(sqlite3.IntegrityError):  # the database enforces it too
        ctx.db.execute(
            "INSERT INTO odometer_readings(vehicle_id, km, at, source, staff_id) "
            "VALUES (?, 100, ?, 'manual', ?)",
            [vid, "2026-11-27T09:30:00+08:00", ctx.user_id],
        )


def test_change_owner_keeps_history(ctx):
    cid, vid = walk_in(ctx)
    new = archive.register_customer(ctx, CustomerInput(name="李四", phone="13700001234"))
    archive.change_owner(ctx, vid, new, "二手车过户")
    history = queries.owner_history(ctx.db, vid)
    assert [h["customer_id"] for h in history] == [cid, new]
    assert history[0]["until"] is not None and history[1]["until"] is None
    assert queries.vehicle(ctx.db, vid)["owner_id"] == new


def line(**kw):
    base = dict(
        kind="labour",
        description="更换前刹车片工时",
        mode="system",
        qty_milli=1000,
        unit_price_fen=12000,
        system_code="brakes",
    )
    return LineDraft(**{**base, **kw})


def test_full_reception_flow_records_every_event(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "刹车时有异响")
    order = queries.order(ctx.db, oid)
    assert order["number"] == "WX202611270001"
    orders.record_consent(ctx, oid)
    orders.add_line(ctx, oid, line())
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.save_reception(
        ctx,
        oid,
        request="刹车时有异响，顺便保养",
        odometer_in=23500,
        promised_at=NOW + dt.timedelta(hours=3),
    )
    orders.sign(ctx, oid)
    order = queries.order(ctx.db, oid)
    assert order["state"] == "signed" and order["signed_at"] == "2026-11-27T09:30:00+08:00"
    states = [(e["from_state"], e["to_state"]) for e in queries.order_events(ctx.db, oid)]
    assert states == [
        (None, "reception"),
        ("reception", "diagnosis"),
        ("diagnosis", "estimate"),
        ("estimate", "signed"),
    ]
    lines = queries.order_lines(ctx.db, oid)
    assert len(lines) == 5
    assert sum(x["amount_fen"] for x in lines) == 12000 + 6000 + 28560 + 4500 + 500
    assert order["repair_category"] == "maintenance"
    with pytest.raises(ActionError) as err:
        orders.add_line(ctx, oid, line())
    assert err.value.code == "order.not_editable"


def test_second_order_of_the_day_gets_next_number(ctx):
    _, vid = walk_in(ctx)
    _, vid2 = walk_in(ctx, plate="皖B88888", phone="13900000000")
    orders.open_order(ctx, vid)
    second = orders.open_order(ctx, vid2)
    assert queries.order(ctx.db, second)["number"] == "WX202611270002"


def test_sign_needs_lines_and_promise(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    with pytest.raises(ActionError) as err:
        orders.sign(ctx, oid)
    assert err.value.code == "transition.illegal"
    orders.add_line(ctx, oid, line())
    with pytest.raises(ActionError) as err:
        orders.sign(ctx, oid)
    assert err.value.code == "sign.promised_required"


def test_decline_after_estimate_charges_fee(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "发动机故障灯亮")
    orders.record_consent(ctx, oid)
    orders.add_line(ctx, oid, line())
    orders.decline(ctx, oid, note="价格太高，以后再修")
    order = queries.order(ctx.db, oid)
    assert order["state"] == "declined" and order["decline_fee_fen"] == 5000
    fees = [x for x in queries.order_lines(ctx.db, oid) if x["kind"] == "fee"]
    assert [f["amount_fen"] for f in fees] == [5000]


def test_decline_at_reception_charges_nothing(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "问问价格")
    orders.decline(ctx, oid)
    assert queries.order(ctx.db, oid)["decline_fee_fen"] == 0


def test_void_needs_supervisor_pin_and_reason(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    sup = staff_id(ctx, "陈主管")
    with pytest.raises(ActionError) as err:
        orders.void(ctx, oid, sup, "0000", "重复开单")
    assert err.value.code == "pin.wrong"
    with pytest.raises(ActionError) as err:
        orders.void(ctx, oid, staff_id(ctx, "李强"), "2468", "重复开单")
    assert err.value.code == "supervisor.required"
    with pytest.raises(ActionError) as err:
        orders.void(ctx, oid, sup, "2468", "  ")
    assert err.value.code == "void.reason_required"
    orders.void(ctx, oid, sup, "2468", "重复开单")
    last = queries.order_events(ctx.db, oid)[-1]
    assert last["to_state"] == "void" and last["staff_name"] == "陈主管"


def test_removed_line_is_struck_out_not_deleted(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    lid = orders.add_line(ctx, oid, line())
    orders.remove_line(ctx, lid)
    assert queries.order_lines(ctx.db, oid) == []
    assert len(queries.order_lines(ctx.db, oid, include_removed=True)) == 1


def test_hand_on_changes_owner_and_leaves_event(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    orders.hand_on(ctx, oid, staff_id(ctx, "李强"), "下班交接")
    assert queries.order(ctx.db, oid)["advisor_name"] == "李强"
    assert "李强" in queries.order_events(ctx.db, oid)[-1]["note"]


def test_nothing_can_be_deleted_and_audit_is_append_only(ctx):
    _, vid = walk_in(ctx)
    orders.add_line(ctx, orders.open_order(ctx, vid, "保养"), line())
    for sql in (
        "DELETE FROM customers",
        "DELETE FROM audit",
        "UPDATE audit SET action = 'x'",
        "DELETE FROM vehicles",
        "UPDATE order_events SET note = 'x'",
        "DELETE FROM repair_orders",
        "DELETE FROM order_lines",
        "DELETE FROM staff",
        "DELETE FROM order_events",
        "DELETE FROM odometer_readings",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            ctx.db.execute(sql)


def test_database_refuses_a_wrong_line_amount(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db["order_lines"].insert(
            {
                "order_id": oid,
                "kind": "labour",
                "description": "x",
                "mode": "item",
                "qty_milli": 1000,
                "unit_price_fen": 100,
                "amount_fen": 99,
                "payer": "customer",
                "created_at": "2026-11-27T09:30:00+08:00",
                "created_by": ctx.user_id,
            }
        )


def test_actions_need_someone_at_the_counter(ctx):
    ctx.user_id = None
    with pytest.raises(ActionError) as err:
        walk_in(ctx)
    assert err.value.code == "user.required"


@pytest.mark.parametrize("fragment", ["B123", "皖B", "1381234", "张三", "张", "LVVDB", "0001"])
def test_search_by_any_fragment(ctx, fragment):
    _, vid = walk_in(ctx, vin=VIN)
    orders.open_order(ctx, vid, "保养")
    hits = queries.search(ctx.db, fragment)
    assert [h["plate"] for h in hits] == ["皖B12345"]
    assert hits[0]["open_order"] == "WX202611270001"


def test_advance_walks_the_rest_of_the_visit_and_refuses_skips(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.save_reception(ctx, oid, request="保养", promised_at=NOW + dt.timedelta(hours=2))
    orders.sign(ctx, oid)
    with pytest.raises(ActionError) as err:
        orders.advance(ctx, oid, "released")
    assert err.value.code == "transition.illegal"
    for state in (
        "checked_in",
        "handed_off",
        "in_progress",
        "completed",
        "ready",
        "settled",
        "released",
        "done",
    ):
        orders.advance(ctx, oid, state)
    assert queries.order(ctx.db, oid)["state"] == "done"
    with pytest.raises(ActionError):
        orders.void(ctx, oid, staff_id(ctx, "陈主管"), "2468", "太晚了")


def test_only_the_owner_or_a_supervisor_hands_a_case_on(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    ctx.user_id = staff_id(ctx, "李强")
    with pytest.raises(ActionError) as err:
        orders.hand_on(ctx, oid, staff_id(ctx, "李强"))
    assert err.value.code == "handon.not_owner"
    ctx.user_id = staff_id(ctx, "陈主管")
    orders.hand_on(ctx, oid, staff_id(ctx, "李强"), "王芳请假")
    assert queries.order(ctx.db, oid)["advisor_name"] == "李强"


def test_an_unchanged_late_promise_does_not_block_saving(ctx, db):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "保养")
    orders.save_reception(ctx, oid, request="保养", promised_at=NOW + dt.timedelta(hours=1))
    later = Ctx(db, fixed_clock(NOW + dt.timedelta(hours=3)), ctx.user_id)
    orders.save_reception(
        later, oid, request="保养，加洗车", promised_at=NOW + dt.timedelta(hours=1)
    )
    assert queries.order(db, oid)["request"] == "保养，加洗车"
    with pytest.raises(ValidationError) as err:
        orders.save_reception(later, oid, request="保养", promised_at=NOW + dt.timedelta(hours=2))
    assert [p.code for p in err.value.problems] == ["promised.past"]


def test_a_declined_order_totals_its_fee_only(ctx):
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "发动机异响")
    orders.add_line(ctx, oid, line())
    orders.decline(ctx, oid, fee_fen=3000)
    assert [o["total_fen"] for o in queries.orders_of_vehicle(ctx.db, vid)] == [3000]
