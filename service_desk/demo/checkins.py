"""A realistic check-in of a demo order (R8), done through the check-in actions: the
walk-around with now and then an anomaly or a damage mark, fuel and odometer, the papers,
the belongings into a free storage box, sometimes the workshop receiver; then the order
is checked in."""

from __future__ import annotations

import datetime as dt
import random

from service_desk import reference
from service_desk.actions import checkin
from service_desk.actions.archive import last_odometer
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import (
    BelongingInput,
    ChecklistEntry,
    DocumentCheck,
    Fuel,
    required_documents,
    round_to_ten_minutes,
)
from service_desk.store import checkin_queries, queries

BOXES = 60  # storage boxes at the counter, numbered 1..60

ANOMALIES = {
    "front_bumper": ("左下角刮擦约5cm", "保险杠下沿有擦痕"),
    "rear_bumper": ("右后角轻微刮痕", "倒车雷达旁漆面开裂"),
    "wheel_rims": ("右前轮毂有路沿刮伤", "左后轮毂边缘掉漆"),
    "windscreen": ("右下方有石击小坑", "副驾侧有约3cm裂纹"),
    "door_panels": ("主驾门饰板有划痕",),
    "upholstery": ("主驾座椅左侧皮面磨损", "后排座椅有污渍"),
    "tyre_tread": ("左前轮胎外侧偏磨", "后轮花纹接近磨损标记"),
    "warning_lights": ("胎压报警灯亮", "发动机故障灯亮"),
    "headlights": ("左前大灯灯罩发黄",),
    "carpets": ("主驾脚垫破损",),
}
# (view, x, y, code, note): spots on the outline of domain/car_outline.py
MARKS = (
    ("left", 0.70, 0.62, "scratch", "左后门下方划痕约10cm"),
    ("left", 0.20, 0.80, "scratch", "左前轮毂刮伤"),
    ("right", 0.82, 0.50, "dent", "右前叶子板小凹陷"),
    ("right", 0.03, 0.52, "crack", "右尾灯罩裂纹"),
    ("top", 0.02, 0.50, "chip", "前保险杠中部掉漆"),
    ("top", 0.32, 0.04, "missing", "右后视镜盖缺失"),
    ("top", 0.60, 0.50, "dent", "车顶有冰雹小凹坑"),
)
TOOLS = ("jack", "wheel_wrench", "warning_triangle", "tow_hook", "tyre_repair_kit")
PERSONAL = ("dash_cam", "umbrella", "phone_holder", "charging_cable", "sunglasses", "tissue_box")
FREE_ITEMS = ("儿童绘本", "购物袋", "保温杯", "老花镜", "羽毛球拍")


def demo_check_in(ctx: Ctx, order_id: int, rng: random.Random) -> None:
    """Check a signed demo order in, the way the counter does it."""
    order = queries.order(ctx.db, order_id)
    assert order is not None and order["state"] == "signed"
    vehicle = queries.vehicle(ctx.db, order["vehicle_id"]) or {}
    _walk_around(ctx, order_id, rng)
    _readings(ctx, order, vehicle, rng)
    _documents(ctx, order, vehicle, rng)
    _belongings(ctx, order_id, rng)
    if rng.random() < 0.4:  # the car goes straight to the workshop
        workshop = [
            s["name"] for s in ctx.db.query("SELECT name FROM staff WHERE role = 'workshop'")
        ]
        if workshop:
            at = round_to_ten_minutes(ctx.clock() + dt.timedelta(minutes=4))
            checkin.record_workshop_receiver(ctx, order_id, rng.choice(workshop), at)
    checkin.complete_check_in(ctx, order_id)


def _walk_around(ctx: Ctx, order_id: int, rng: random.Random) -> None:
    entries = [ChecklistEntry(item.code, "ok") for item in reference.checklist_items()]
    known = {e.item_code for e in entries}
    found = rng.sample(
        sorted(code for code in ANOMALIES if code in known), rng.choice((0, 0, 1, 2))
    )
    entries = [
        ChecklistEntry(e.item_code, "anomaly", rng.choice(ANOMALIES[e.item_code]))
        if e.item_code in found
        else e
        for e in entries
    ]
    checkin.save_checklist(ctx, order_id, entries)
    for view, x, y, code, note in rng.sample(MARKS, rng.choice((0, 0, 0, 1, 1, 2))):
        jitter = rng.uniform(-0.02, 0.02)
        checkin.add_damage_mark(ctx, order_id, view, min(1, max(0, x + jitter)), y, code, note)


def _readings(ctx: Ctx, order: dict, vehicle: dict, rng: random.Random) -> None:
    try:
        ev = reference.car_model(vehicle.get("model_code") or "").energy == "ev"
    except KeyError:
        ev = False
    fuel = Fuel("percent", rng.randint(18, 92)) if ev else Fuel("eighths", rng.randint(1, 7))
    km = order["odometer_in"] or last_odometer(ctx, order["vehicle_id"])
    if km is None:
        km = rng.randint(3000, 90000)
    checkin.record_fuel_odometer(ctx, order["id"], fuel, km)


def _documents(ctx: Ctx, order: dict, vehicle: dict, rng: random.Random) -> None:
    purposes = []
    if vehicle.get("category_code") == "light_truck" and order["repair_category"] == "maintenance":
        purposes.append("second_level")  # an operating goods vehicle's graded maintenance
    if rng.random() < 0.05:
        purposes.append("annual_inspection")  # the dealer takes the car to its inspection
    conditions = {d.code: d.required_for for d in reference.document_types()}
    needed = required_documents(conditions, order["repair_category"], purposes)
    checks = []
    for code in sorted(needed):
        roll = rng.random()
        if code == "maintenance_book" and roll < 0.08:
            note = "保养手册缺页，近两次保养记录不全"
            checks.append(DocumentCheck(code, True, True, False, True, note, True))
        elif roll > 0.96:
            checks.append(
                DocumentCheck(code, note="客户本次未带，答应取车时补交", customer_signed=True)
            )
        else:
            checks.append(DocumentCheck(code, True, True, True, True))
    checkin.record_documents(ctx, order["id"], checks, purposes)


def _belongings(ctx: Ctx, order_id: int, rng: random.Random) -> None:
    if rng.random() < 0.12:
        checkin.set_belongings(ctx, order_id, "", [])  # nothing left in the car
        return
    items = [BelongingInput("", 1, code) for code in rng.sample(TOOLS, rng.randint(1, 3))]
    for code in rng.sample(PERSONAL, rng.randint(0, 2)):
        items.append(BelongingInput("", rng.randint(1, 2) if code == "umbrella" else 1, code))
    if rng.random() < 0.2:
        items.append(BelongingInput(rng.choice(FREE_ITEMS), 1))
    taken = checkin_queries.boxes_in_use(ctx.db)
    free = [str(n) for n in range(1, BOXES + 1) if str(n) not in taken]
    box = rng.choice(free) if free else f"T{order_id}"  # a temporary box when all are taken
    checkin.set_belongings(ctx, order_id, box, items)
