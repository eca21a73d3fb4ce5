"""queries.search: hits sorted and cut to the limit, each with its own car's open order,
the open orders looked up only for the hits kept."""

from __future__ import annotations

import datetime as dt

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.store import queries
from tests.conftest import NOW


def walk_in(ctx, n: int) -> int:
    _, vehicle_id = archive.register_walk_in(
        ctx,
        CustomerInput(name=f"客户{n:02d}", phone=f"138{n:08d}"),
        VehicleInput(
            plate=f"皖B{n:05d}",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=1000,
        ),
    )
    return vehicle_id


def test_hits_cut_to_the_limit_each_with_its_cars_open_order(ctx, monkeypatch):
    cars = [walk_in(ctx, n) for n in range(60)]
    open_orders = {}
    for n, vehicle_id in enumerate(cars):
        if n % 3 == 0:
            open_orders[vehicle_id] = orders.open_order(ctx, vehicle_id, "保养")
    # the car's latest open order is the one shown: an older one voided, a newer one open
    first = cars[1]
    voided = orders.open_order(ctx, first, "旧单")
    supervisor = ctx.db.execute("SELECT id FROM staff WHERE name = '陈主管'").fetchone()[0]
    orders.void(ctx, voided, supervisor, "2468", "重复开单")
    open_orders[first] = orders.open_order(ctx, first, "新单")

    seen = []
    execute = ctx.db.execute

    def spy(sql, *args):
        seen.append((sql, args))
        return execute(sql, *args)

    monkeypatch.setattr(ctx.db, "execute", spy)
    hits = queries.search(ctx.db, "皖B000", limit=50)

    assert [h["customer_name"] for h in hits] == [f"客户{n:02d}" for n in range(50)]
    for h in hits:
        order_id = open_orders.get(h["vehicle_id"])
        assert h["open_order_id"] == order_id
        number = queries.order(ctx.db, order_id)["number"] if order_id else None
        assert h["open_order"] == number
    assert hits[1]["open_order_id"] == open_orders[first] != voided
    lookups = [args for sql, args in seen if "state NOT IN" in sql]
    assert len(lookups) == 1 and len(lookups[0][0]) == 50  # the 50 kept, not the 60 found
    assert list(hits[0]) == [
        "customer_id",
        "customer_name",
        "phone",
        "company",
        "vehicle_id",
        "plate",
        "vin",
        "model_code",
        "open_order",
        "open_order_id",
    ]


def test_an_order_number_finds_its_car_and_the_customer_without_car_is_listed(ctx):
    vehicle_id = walk_in(ctx, 1)
    order_id = orders.open_order(ctx, vehicle_id, "保养")
    orders.save_reception(ctx, order_id, request="保养", promised_at=NOW + dt.timedelta(hours=2))
    number = queries.order(ctx.db, order_id)["number"]
    hits = queries.search(ctx.db, number[-6:])
    assert [(h["plate"], h["open_order"], h["open_order_id"]) for h in hits] == [
        ("皖B00001", number, order_id)
    ]
    customer_id = archive.register_customer(ctx, CustomerInput(name="李四", phone="13900001111"))
    hits = queries.search(ctx.db, "李四")
    assert [(h["customer_id"], h["vehicle_id"], h["open_order"]) for h in hits] == [
        (customer_id, None, None)
    ]
