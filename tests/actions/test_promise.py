"""The suggested delivery time follows the order's labour and the workshop's load."""

from __future__ import annotations

import datetime as dt

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.promise import booked_ahead, planned_time, suggested_promise
from service_desk.domain.pricing import LineDraft
from tests.conftest import NOW  # Friday 2026-11-27 09:30, Asia/Shanghai


def labour(hours: str) -> LineDraft:
    return LineDraft(
        kind="labour",
        description="工时",
        mode="item",
        qty_milli=int(float(hours) * 1000),
        unit_price_fen=12000,
        system_code="engine",
    )


def new_order(ctx, plate: str, hours: str) -> int:
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="客户" + plate[-2:], phone=f"1380000{plate[-4:]}"),
        VehicleInput(plate=plate, model_code="TIGGO7", category_code="small_passenger"),
    )
    oid = orders.open_order(ctx, vid, "保养")
    orders.add_line(ctx, oid, labour(hours))
    return oid


def test_an_empty_workshop_promises_the_job_time_plus_the_margin(ctx):
    oid = new_order(ctx, "皖B10001", "1.5")
    assert planned_time(ctx, oid) == dt.timedelta(hours=1, minutes=30)
    assert booked_ahead(ctx, oid) == dt.timedelta(0)
    # 09:30 + 1 h 30 of work + 60 min margin = 12:00, when the workshop closes for lunch
    # (08:30–12:00, 13:30–17:30 by default): the car is handed back at the reopening
    assert suggested_promise(ctx, oid) == NOW.replace(hour=13, minute=30)


def test_a_full_workshop_pushes_the_promise_later(ctx):
    oid = new_order(ctx, "皖B10001", "1.5")
    empty = suggested_promise(ctx, oid)
    for i in range(6):  # six other cars, eight hours each, ahead in the queue
        other = new_order(ctx, f"皖B2000{i}", "8")
        orders.save_reception(ctx, other, request="大修", promised_at=NOW + dt.timedelta(days=3))
        orders.sign(ctx, other)
    assert booked_ahead(ctx, oid) == dt.timedelta(hours=48)
    full = suggested_promise(ctx, oid)
    assert full > empty + dt.timedelta(days=5)
    assert full.minute % 10 == 0 and full.tzinfo is not None


def test_a_job_without_labour_is_planned_as_half_an_hour(ctx):
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="赵六", phone="13900001234"),
        VehicleInput(plate="皖B30003", model_code="TIGGO7", category_code="small_passenger"),
    )
    oid = orders.open_order(ctx, vid, "检查")
    assert planned_time(ctx, oid) == dt.timedelta(minutes=30)
