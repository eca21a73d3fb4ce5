"""The demo's check-in: realistic, through the actions, varied like a real counter."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from service_desk.actions import orders
from service_desk.actions.context import Ctx
from service_desk.demo import fill_demo
from service_desk.demo.checkins import demo_check_in
from service_desk.domain.clock import fixed_clock
from service_desk.store import checkin_queries, queries
from tests.conftest import NOW

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_demo_check_in_of_the_fixture_order(ctx, order_id):
    demo_check_in(ctx, order_id, random.Random(3))
    assert queries.order(ctx.db, order_id)["state"] == "checked_in"
    state = checkin_queries.checkin(ctx.db, order_id)
    assert state["completed_at"] and state["fuel_unit"] == "eighths"
    assert len(checkin_queries.checklist(ctx.db, order_id)) >= 25
    assert checkin_queries.documents(ctx.db, order_id)["maintenance_book"]["required"] == 1


def test_demo_check_in_on_the_demo_dataset(db):
    fill_demo(db, TODAY)
    for i, row in enumerate(queries.orders_in_states(db, ("signed",))):
        order = queries.order(db, row["id"])
        ctx = Ctx(db, fixed_clock(TODAY + dt.timedelta(minutes=5 + i)), order["advisor_id"])
        demo_check_in(ctx, row["id"], random.Random(i))
        assert queries.order(db, row["id"])["state"] == "checked_in"


def test_forty_check_ins_vary_like_a_real_counter(ctx, order_id):
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    signed = []
    for _ in range(40):
        oid = orders.open_order(ctx, vehicle_id, "保养")
        orders.apply_standard_job(ctx, oid, "service_10000")
        orders.save_reception(ctx, oid, request="保养", promised_at=NOW + dt.timedelta(hours=2))
        orders.sign(ctx, oid)
        signed.append(oid)
    for seed, oid in enumerate(signed):
        demo_check_in(ctx, oid, random.Random(seed))
    assert {queries.order(ctx.db, oid)["state"] for oid in signed} == {"checked_in"}
    states = [checkin_queries.checkin(ctx.db, oid) for oid in signed]
    boxes = [s["box_no"] for s in states if s["box_no"]]
    assert len(boxes) == len(set(boxes))  # one car per box
    anomalies = sum(
        any(r["result"] == "anomaly" for r in checkin_queries.checklist(ctx.db, oid).values())
        for oid in signed
    )
    marks = sum(bool(checkin_queries.damage_marks(ctx.db, oid)) for oid in signed)
    empty = sum(not checkin_queries.belongings(ctx.db, oid) for oid in signed)
    receivers = sum(bool(s["receiver_name"]) for s in states)
    assert 5 <= anomalies <= 35 and 5 <= marks <= 35 and 1 <= empty <= 15 and 5 <= receivers <= 30
