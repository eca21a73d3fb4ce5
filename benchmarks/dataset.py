"""A synthetic dealership database of any size, written fast (the benchmarks' data).

    python benchmarks/dataset.py OUT.sqlite3 --start 2026-09-01 --months 2 \\
        --orders-per-month 3000 --lines 6.7 [--seed 1] [--batch 4000] [--force]

``generate(path, start, months, orders_per_month, lines_per_order, seed=1)`` creates a
new database with ``open_database`` (every migration) and fills it with direct
``executemany`` inserts, in batches of orders (one transaction each), so a ten-year
file (~400,000 orders, 2.5 M lines) streams through in constant memory but for a few
small per-vehicle facts. Foreign keys, CHECK constraints and triggers stay on: every
row is one the schema accepts, written in the order the counter writes it where a
trigger watches the order (a key is registered on a free hook, then moved; an
extra-work item gets its lines while reported, then is contacted, then answered; a
discount is requested, then decided by a supervisor; a self-review is saved as its next
version). One exception: the search index's three insert triggers are dropped for the
load and recreated at the end; each batch adds the same entries in bulk, with the
triggers' own expressions (``defer_search_index``: a tenth of the cost). While it runs
the file has no fsync and an in-memory journal (a failed run leaves a file to delete);
it is WAL again at the end, as the counter opens it. The same seed makes the same file.

What a month holds (``orders_per_month`` orders opened, spread over its days by weekday,
walk-ins 07:30-17:30, Asia/Shanghai, stored ``+08:00``):

- staff: advisors (one per ~400 orders a month, at least 3), a supervisor with a PIN
  (2468), cashiers and workshop team leaders; customers and their vehicles (Chery
  models of data/models.json, vehicle categories by body, plates 皖B…, VINs with their
  check digit, maintenance cycles of data/maintenance_cycles.json), owners and
  odometer readings; most orders are returning cars: a maintenance order mostly brings
  a car whose maintenance is due about then (its owner comes back on time; at each
  service LOST_PER_SERVICE of them go elsewhere for good, and a car two months overdue
  is lost too), the other orders a car of the last year's customers or, for
  NEW_CAR_SHARE of them, a car new to the dealer (SECOND_CAR_SHARE of those owned by a
  known customer): over ten years ~100,000 customers with ~118,000 cars;
- repair orders through the lifecycle with their order_events (reception, diagnosis
  with consent, estimate, signed, checked_in, handed_off, in_progress, completed,
  ready, settled, released, done; a few hand-ons between advisors): ~4 % declined
  (with the diagnosis/estimate fee, paid and closed at once or within two weeks; only
  those of the last OPEN_FEE_DAYS still wait at the checkout), ~1 % void; the orders
  still open at the end of the range are cut where that moment finds them (ready,
  in progress, settled …);
- order_lines (labour / parts / fees, standard jobs of data/standard_jobs.json and
  more, the three pricing modes with the symptom margin, customer / warranty /
  internal payers, customer-supplied and aftermarket parts, a few removed lines),
  amount_fen by domain/pricing.py (the schema's CHECK recomputes it);
- check-ins (readings, box, receiver) with belongings, keys on the hooks of the key
  cabinet with their key_events (register, to_workshop, test_drive, back_to_cabinet,
  returned), hand-offs to the teams, extra work (reported, contacted, approved with
  additional lines and a moved promise, or declined), pickup_ready, discounts
  (requested, approved or refused), payments by every method, arrears let out by the
  supervisor, settlements, releases, comebacks within 30 days;
- the advisors' daily self-reviews and monthly summaries (the figures are the
  generator's own tallies, not recomputed through actions/reports.py);
- order_counters, so the counter can carry on numbering in the file.

Not written: audit, print_log, inspection_results, damage_marks, checkin_documents,
progress_checks, and the customer-care tables of migrations 014-019 (appointments and
their deposits, follow-ups, enquiries, complaints, contacts, groups and campaigns,
warranty claims): no report of the export reads them; benchmarks/dataset_care.py adds
them (but deposits, groups and campaigns) to a generated file.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import datetime as dt
import heapq
import itertools
import json
import random
import re
import sqlite3
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from service_desk import reference
from service_desk.domain.pins import hash_pin
from service_desk.domain.pricing import line_amount
from service_desk.domain.report import REVIEW_FIGURES
from service_desk.domain.validation import VIN_CHARACTERS, vin_check_digit
from service_desk.store import settings
from service_desk.store.open import open_database

VERSION = 3  # of what the generator writes: part of benchmarks' cache names
OFFSET = "+08:00"  # Asia/Shanghai, the settings' default time zone (no summer time)
PREFIX = "WX"
SUPERVISOR_PIN = "2468"
DIAGNOSIS_FEE = 5000
SYMPTOM_MARGIN = 1500
OPEN_S, CLOSE_S = 8 * 3600, 18 * 3600  # workshop hours, seconds of the day
DAY = dt.timedelta(days=1)
# Share of cars due for maintenance whose owner goes elsewhere from then on, and how long
# a declined order's unpaid fee stays open at the end of the range (older ones were paid).
LOST_PER_SERVICE = 0.12
# Orders other than the maintenance of a car due for it: the share that brings a car new to
# the dealer, and among those the share owned by a known customer (most own one car).
NEW_CAR_SHARE = 0.46
SECOND_CAR_SHARE = 0.16
OPEN_FEE_DAYS = 30

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红海波斌宇浩凯鹏飞俊辉"
COMPANIES = (
    "芜湖顺达物流有限公司",
    "安徽华信建设工程有限公司",
    "芜湖市鸠江区城管局",
    "奇瑞汽车销售公司",
)
COLOURS = ("白色", "黑色", "银色", "灰色", "蓝色", "红色", "棕色", "绿色")
COLOUR_WEIGHTS = (30, 22, 14, 14, 8, 6, 3, 3)
TEAMS = ("机修一组", "机修二组", "电器组", "钣喷组", "美容组")
CHANNELS = ("phone", "wechat", "sms", "in_person")
METHODS = ("wechat", "alipay", "card", "cash", "transfer")
METHOD_WEIGHTS = (45, 22, 18, 10, 5)
WEEKDAY_WEIGHTS = (1.0, 0.95, 0.95, 0.95, 1.0, 1.2, 1.1)
# Walk-ins by time of day: (from, to) in seconds of the day, weight.
ARRIVALS = (
    ((7 * 3600 + 1800, 8 * 3600 + 1800), 10),
    ((8 * 3600 + 1800, 10 * 3600), 30),
    ((10 * 3600, 12 * 3600), 25),
    ((12 * 3600, 13 * 3600 + 1800), 8),
    ((13 * 3600 + 1800, 15 * 3600 + 1800), 17),
    ((15 * 3600 + 1800, 17 * 3600 + 1800), 10),
)
# repair category: (weight, planned workshop minutes (from, to), payer of labour and parts)
CATEGORIES = {
    "maintenance": (48, (50, 120), "customer"),
    "general_repair": (25, (60, 360), "customer"),
    "warranty": (8, (60, 300), "warranty"),
    "accident": (5, (480, 2400), "customer"),
    "body_paint": (5, (240, 1440), "customer"),
    "detailing": (3, (60, 180), "customer"),
    "free_inspection": (3, (20, 40), "customer"),
    None: (2, (60, 240), "customer"),  # not classified at the counter
}
REQUESTS = {
    "maintenance": ("常规保养", "首次保养", "更换机油机滤", "保养，顺便检查刹车", "到期保养"),
    "general_repair": (
        "刹车有异响",
        "空调不凉",
        "发动机故障灯亮",
        "方向盘抖动",
        "车窗升降异常",
        "启动困难",
        "底盘异响",
    ),
    "warranty": ("质保期内仪表黑屏", "车机系统死机", "天窗漏水", "电子手刹故障"),
    "accident": ("前保险杠碰撞修复", "左侧车门碰撞", "追尾，后部钣金", "倒车撞柱，后杠开裂"),
    "body_paint": ("右后门刮擦喷漆", "前杠补漆", "全车抛光打蜡后补漆"),
    "detailing": ("内饰清洗", "发动机舱清洗", "全车镀晶"),
    "free_inspection": ("免费安全检测", "冬季免费检测"),
    "comeback": ("上次维修后仍有异响", "修后故障灯又亮", "空调修后仍不凉"),
    None: ("客户要求检查", "车辆检查"),
}
DIAGNOSES = (
    "前刹车片磨损到极限",
    "空调压缩机皮带松",
    "氧传感器故障",
    "左前轮轴承磨损",
    "蓄电池亏电",
)
# Extra lines beyond the standard job: (kind, description, system, qty (milli), price (fen))
LABOUR = (
    ("labour", "更换前刹车片工时", "brakes", 1000, 12000),
    ("labour", "四轮定位检测与调整", "suspension", 1500, 12000),
    ("labour", "空调系统检测", "aircon", 1000, 12000),
    ("labour", "更换蓄电池工时", "electrical", 500, 12000),
    ("labour", "发动机故障诊断", "engine", 1000, 12000),
    ("labour", "钣金修复工时", "body", 4000, 12000),
    ("labour", "喷漆工时（每面）", "paint", 3000, 12000),
    ("labour", "更换雨刮片工时", "other", 200, 12000),
    ("labour", "轮胎换位", "tyres", 500, 12000),
    ("labour", "更换空调滤芯工时", "aircon", 300, 12000),
)
PARTS = (
    ("part", "发动机机油 5W-30（升）", "engine", 4200, 6800),
    ("part", "机油滤清器", "engine", 1000, 4500),
    ("part", "空气滤清器", "engine", 1000, 8500),
    ("part", "空调滤芯", "aircon", 1000, 9800),
    ("part", "前刹车片（套）", "brakes", 1000, 42000),
    ("part", "后刹车片（套）", "brakes", 1000, 36000),
    ("part", "蓄电池 12V 60Ah", "electrical", 1000, 58000),
    ("part", "火花塞", "engine", 4000, 6500),
    ("part", "雨刮片（对）", "other", 1000, 12800),
    ("part", "前保险杠", "body", 1000, 168000),
    ("part", "大灯总成", "lighting", 1000, 235000),
    ("part", "制动液 DOT4（升）", "brakes", 1000, 6000),
    ("part", "防冻液（升）", "cooling", 4000, 3500),
    ("part", "轮胎 225/55R18", "tyres", 1000, 78000),
)
FEES = (
    ("fee", "废油处理费", "engine", 1000, 1000),
    ("fee", "洗车费", "other", 1000, 3000),
    ("fee", "动平衡（每轮）", "tyres", 4000, 3000),
    ("fee", "电脑检测费", "electrical", 1000, 10000),
    ("fee", "外出救援费", "other", 1000, 20000),
)
EXTRA_WORK = (
    ("左前刹车片磨损严重，建议更换", (LABOUR[0], PARTS[4])),
    ("空调滤芯脏污，建议更换", (LABOUR[9], PARTS[3])),
    ("蓄电池老化，建议更换", (LABOUR[3], PARTS[6])),
    ("雨刮片老化", (LABOUR[7], PARTS[8])),
    ("防冻液冰点不足", (PARTS[12],)),
)
PAYER_INDEX = {"customer": 0, "warranty": 1, "internal": 2}
BELONGINGS = ("umbrella", "dash_cam", "etc_unit", "child_seat", "charging_cable", "sunglasses")

SQL = {
    "staff": "id, name, role, pin_hash, pin_salt, active, created_at",
    "customers": (
        "id, name, phone, phone2, address, company, preferred_contact, first_contact_id, "
        "created_at, updated_at"
    ),
    "vehicles": (
        "id, plate, vin, model_code, category_code, colour, purchase_date, cycle_km, "
        "cycle_months, next_due_date, next_due_km, owner_id, created_at, updated_at"
    ),
    "vehicle_owners": "vehicle_id, customer_id, since, staff_id",
    "repair_orders": (
        "id, number, vehicle_id, customer_id, advisor_id, state, request, diagnosis_consent, "
        "consent_at, diagnosis, technician, repair_category, odometer_in, promised_at, "
        "promised_suggested_at, promised_original_at, signed_at, declined_at, "
        "decline_fee_fen, void_reason, created_at, updated_at"
    ),
    "odometer_readings": "vehicle_id, km, at, source, order_id, staff_id",
    "order_lines": (
        "id, order_id, kind, description, mode, system_code, part_no, qty_milli, "
        "unit_price_fen, risk_margin_bp, amount_fen, parts_source, part_quality, payer, "
        "status, created_at, created_by, removed_at, removed_by, origin"
    ),
    "order_events": "order_id, at, staff_id, from_state, to_state, note",
    "comebacks": (
        "order_id, original_order_id, reason, days, km, original_team, guarantee_from, "
        "detected_at, staff_id"
    ),
    "checkins": (
        "order_id, second_level, fuel_unit, fuel_value, odometer_km, readings_at, "
        "checklist_at, documents_at, box_no, belongings_at, receiver_name, receiver_at, "
        "completed_at, completed_by, returned_at, returned_by, updated_at"
    ),
    "belongings": "order_id, item_code, name, qty, returned_qty, created_at, created_by",
    "keys": "id, order_id, vehicle_id, kind, label, hook, state, registered_at, "
    "registered_by, updated_at",
    "key_events": "key_id, order_id, at, staff_id, action, from_hook, to_hook, to_whom, reason",
    "handoffs": (
        "order_id, mode, team, planned_minutes, washed_at, receiver_name, handed_at, "
        "staff_id, recorded_at"
    ),
    "extra_work": (
        "id, order_id, description, delay_minutes, reported_at, reported_by_name, recorded_by"
    ),
    "extra_work_items": (
        "id, extra_work_id, kind, description, mode, system_code, qty_milli, unit_price_fen, "
        "amount_fen, parts_source, part_quality, payer"
    ),
    "pickup_ready": (
        "order_id, wash, interior, exterior, belongings_back, bills_collected, total_fen, "
        "notified_channel, notified_at, staff_id"
    ),
    "discounts": "id, order_id, amount_fen, percent_bp, reason, requested_by, requested_at",
    "payments": "order_id, method, amount_fen, at, staff_id, reference",
    "arrears_approvals": "order_id, amount_fen, supervisor_id, at, note",
    "settlements": (
        "order_id, total_fen, discount_fen, paid_fen, arrears_fen, settled_at, staff_id"
    ),
    "releases": (
        "order_id, odometer_out, fuel_unit, fuel_value, readings_at, readings_by, "
        "difference_note, documents_returned, documents_returned_at, documents_returned_by, "
        "belongings_signed_at, belongings_signed_by, released_at, released_by, updated_at"
    ),
    "self_reviews": (
        "staff_id, kind, period_start, period_end, figures, went_well, to_improve, plan, "
        "saved_at, version"
    ),
    "order_counters": "day, last_seq",
}
# Insert order of one batch: parents before children, and the orders the triggers watch.
FLUSH_ORDER = (
    "customers",
    "vehicles",
    "vehicle_owners",
    "repair_orders",
    "odometer_readings",
    "order_lines",
    "order_events",
    "comebacks",
    "checkins",
    "belongings",
    "keys",  # registered on a hook, then moved (see _flush_keys)
    "key_events",
    "handoffs",
    "extra_work",  # reported with its items, then contacted, then answered
    "pickup_ready",
    "discounts",  # requested, then decided
    "payments",
    "arrears_approvals",
    "settlements",
    "releases",
    "self_reviews",  # each saved as its next version
    "order_counters",
)
UPDATES = {
    "keys_moved": "UPDATE keys SET state = ?, hook = ?, holder = ?, out_since = ?, "
    "updated_at = ? WHERE id = ?",
    "extra_contacted": "UPDATE extra_work SET state = 'customer_contacted', channel = ?, "
    "contacted_at = ?, contacted_by = ? WHERE id = ?",
    "extra_answered": "UPDATE extra_work SET state = ?, answer_at = ?, answer_recorded_by = ?, "
    "authorised_by_name = ?, workshop_told_name = ?, workshop_told_at = ?, "
    "handed_to_supervisor_at = ?, handed_by = ? WHERE id = ?",
    "extra_linked": "UPDATE extra_work_items SET order_line_id = ? WHERE id = ?",
    "discount_decided": "UPDATE discounts SET state = ?, decided_by = ?, decided_at = ?, "
    "applied_fen = ? WHERE id = ?",
}


def ts(moment: dt.datetime) -> str:
    """A naive local time (whole seconds) as the counter stores it: ISO-8601 with offset."""
    return moment.isoformat() + OFFSET


def add_work(start: dt.datetime, minutes: float) -> dt.datetime:
    """``minutes`` of workshop time from ``start``, through the open hours (08-18 daily)."""
    left = int(minutes * 60)
    t = start
    while True:
        second = t.hour * 3600 + t.minute * 60 + t.second
        if second < OPEN_S:
            t += dt.timedelta(seconds=OPEN_S - second)
            second = OPEN_S
        room = CLOSE_S - second
        if left <= room:
            return t + dt.timedelta(seconds=left)
        if room > 0:
            left -= room
        t = dt.datetime.combine(t.date() + DAY, dt.time(8))


def ten_minutes_up(moment: dt.datetime) -> dt.datetime:
    """Rounded up to ten minutes, seconds zero (the hand-off time as the counter writes it)."""
    extra = (10 - moment.minute % 10) % 10
    if extra == 0 and moment.second == 0:
        return moment
    if extra == 0:
        extra = 10
    return moment.replace(second=0) + dt.timedelta(minutes=extra)


def day_weights(first: dt.date, rng: random.Random) -> list[tuple[dt.date, float]]:
    days = []
    day = first
    while day.month == first.month:
        days.append((day, WEEKDAY_WEIGHTS[day.weekday()] * rng.uniform(0.85, 1.15)))
        day += DAY
    return days


def spread(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to the weights, exactly (largest remainders)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class Vehicle:
    """What the generator remembers of a car between its visits."""

    __slots__ = (
        "busy_until",
        "customer",
        "cycle_months",
        "fuel_unit",
        "id",
        "km",
        "last_release",
        "owner_name",
    )

    def __init__(
        self, vehicle_id: int, customer: int, owner_name: str, km: int, fuel: str, months: int
    ):
        self.id = vehicle_id
        self.customer = customer
        self.owner_name = owner_name
        self.km = km
        self.fuel_unit = fuel
        self.cycle_months = months
        self.busy_until: dt.datetime | None = None
        # (released, order id, team, odometer out) of its last visit
        self.last_release: tuple[dt.datetime, int, str, int] | None = None


class Stop(Exception):
    """The next step of a visit lies beyond the end of the range: the order stays there."""


class Key:
    __slots__ = ("id", "kind", "moves", "registered_at", "registered_by")

    def __init__(self, key_id: int, kind: str, at: dt.datetime, staff: int):
        self.id = key_id
        self.kind = kind
        self.registered_at = at
        self.registered_by = staff
        # (at, staff, action, to_whom, reason) after the registration
        self.moves: list[tuple[dt.datetime, int, str, str, str]] = []


class Visit:
    """One order while it is simulated; the rows with a final state are written at the end."""

    __slots__ = (
        "advisor",
        "belongings",
        "category",
        "checkin",
        "comeback",
        "consent_at",
        "created",
        "declined_at",
        "diagnosis",
        "fee",
        "id",
        "keys",
        "km",
        "odometer_in",
        "payer",
        "planned",
        "promised",
        "promised_original",
        "returned",
        "signed",
        "state",
        "suggested",
        "sums",
        "team",
        "technician",
        "updated",
        "vehicle",
        "void_reason",
    )

    def __init__(self, order_id: int, vehicle: Vehicle, advisor: int, created: dt.datetime):
        self.id = order_id
        self.vehicle = vehicle
        self.advisor = advisor
        self.created = created
        self.state = "reception"
        self.updated = created
        self.category: str | None = None
        self.payer = "customer"
        self.planned = 60
        self.comeback: tuple[dt.datetime, int, str, int] | None = None
        self.consent_at: dt.datetime | None = None
        self.diagnosis = ""
        self.km = 0
        self.odometer_in: int | None = None
        self.sums = [0, 0, 0, 0, 0, 0]  # labour, parts, fees; customer, warranty, internal
        self.promised: dt.datetime | None = None
        self.suggested: dt.datetime | None = None
        self.promised_original: dt.datetime | None = None
        self.signed: dt.datetime | None = None
        self.declined_at: dt.datetime | None = None
        self.fee: int | None = None
        self.void_reason: str | None = None
        self.checkin: list | None = None
        self.keys: list[Key] = []
        self.belongings: list[list] = []
        self.returned: dt.datetime | None = None  # belongings ticked back at pickup
        self.team = ""
        self.technician = ""


class Generator:
    def __init__(
        self,
        db,
        start: dt.date,
        months: int,
        orders_per_month: int,
        lines_per_order: float,
        seed: int,
        now: dt.datetime,
        batch_orders: int,
    ):
        self.db = db
        self.con = db.conn
        self.rng = random.Random(seed)
        self.start = start
        self.months = months
        self.per_month = orders_per_month
        self.lines_per_order = lines_per_order
        self.now = now
        self.batch_orders = batch_orders
        self.rows: dict[str, list[tuple]] = {table: [] for table in SQL}
        self.updates: dict[str, list[tuple]] = {name: [] for name in UPDATES}
        self.key_rows: list[tuple] = []
        self.written: dict[str, int] = defaultdict(int)
        self.ids: dict[str, itertools.count] = defaultdict(lambda: itertools.count(1))
        self.pending = 0
        self.tally: dict[tuple[int, dt.date], list[int]] = defaultdict(
            lambda: [0] * len(REVIEW_FIGURES)
        )
        self.figure = {name: i for i, name in enumerate(REVIEW_FIGURES)}
        self.hooks = max(60, min(500, orders_per_month // 6))
        self.taken_hooks: set[int] = set()
        self.next_hook = 0
        self.vehicles: list[Vehicle] = []
        self.plates: set[str] = set()
        self.vins: set[str] = set()
        self.recent_releases: list[tuple[dt.datetime, Vehicle]] = []
        # (next maintenance date, vehicle index): who comes for maintenance when it is due
        self.due_heap: list[tuple[dt.date, int]] = []
        self.search: dict[str, str] = {}  # table -> its rows' search entries (set by load)
        self._reference()

    # --- reference data ---------------------------------------------------------------

    def _reference(self) -> None:
        self.models = reference.car_models()
        self.model_cum = list(
            itertools.accumulate(max(1.0, 10 - i * 0.35) for i in range(len(self.models)))
        )
        self.cycles = {m.code: reference.cycle_for_model(m.code) for m in self.models}
        self.category_codes = list(CATEGORIES)
        self.category_cum = list(itertools.accumulate(CATEGORIES[c][0] for c in CATEGORIES))
        self.jobs: dict[str, list[list[tuple]]] = defaultdict(list)
        for job in reference.standard_jobs():
            self.jobs[job.repair_category].append(
                [
                    (
                        line.kind,
                        line.description_zh,
                        line.system,
                        int(line.qty * 1000),
                        line.unit_price_fen,
                        line.mode,
                    )
                    for line in job.lines
                ]
            )
        self.belonging_names = {b.code: b.name_zh for b in reference.belonging_types()}
        self.arrival_cum = list(itertools.accumulate(w for _span, w in ARRIVALS))
        self.method_cum = list(itertools.accumulate(METHOD_WEIGHTS))
        self.colour_cum = list(itertools.accumulate(COLOUR_WEIGHTS))
        # lines beyond the first (or the standard job): Poisson, so that all lines (with
        # the fees of declined orders and the additional work, ~0.17 an order) average
        # about lines_per_order
        first = 0.0
        for code, (weight, _minutes, _payer) in CATEGORIES.items():
            jobs = self.jobs.get(code or "")
            lines = 1.0
            if jobs:
                lines = 0.8 * sum(len(job) for job in jobs) / len(jobs) + 0.2
            first += weight * lines
        first /= sum(weight for weight, _m, _p in CATEGORIES.values())
        mean = max(0.0, self.lines_per_order - first - 0.17)
        weights, p = [], 2.718281828459045**-mean
        for k in range(60):
            weights.append(p)
            p *= mean / (k + 1)
        self.more_lines_cum = list(itertools.accumulate(weights))

    def _pick(self, cum: list[float]) -> int:
        return bisect.bisect_right(cum, self.rng.random() * cum[-1])

    def _id(self, table: str) -> int:
        return next(self.ids[table])

    def _s(self, low: int, high: int) -> dt.timedelta:
        """A random duration of low..high seconds."""
        return dt.timedelta(seconds=low + int(self.rng.random() * (high - low)))

    def _advisor(self) -> int:
        return self.advisors[self._pick(self.advisor_cum)]

    def _cashier(self) -> int:
        return self.cashiers[int(self.rng.random() * len(self.cashiers))]

    def _method(self) -> str:
        return METHODS[self._pick(self.method_cum)]

    def count(self, staff: int, moment: dt.datetime, figure: str, amount: int = 1) -> None:
        self.tally[staff, moment.date()][self.figure[figure]] += amount

    # --- staff, customers, vehicles ---------------------------------------------------

    def _name(self) -> str:
        rng = self.rng
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        return rng.choice(SURNAMES) + given

    def staff(self) -> None:
        since = ts(dt.datetime.combine(self.start - dt.timedelta(days=800), dt.time(8)))
        taken: set[str] = set()

        def add(role: str, pin: tuple[str, str] | None = None) -> int:
            name = self._name()
            while name in taken:
                name = self._name()
            taken.add(name)
            staff_id = self._id("staff")
            pin_hash, pin_salt = pin or (None, None)
            self.rows["staff"].append((staff_id, name, role, pin_hash, pin_salt, 1, since))
            return staff_id

        n_advisors = max(3, round(self.per_month / 400))
        self.advisors = [add("advisor") for _ in range(n_advisors)]
        self.advisor_cum = list(
            itertools.accumulate(1.0 / (1 + 0.15 * i) for i in range(n_advisors))
        )
        salt = f"{self.rng.getrandbits(128):032x}"  # reproducible: the same seed, the same file
        self.supervisor = add("supervisor", hash_pin(SUPERVISOR_PIN, salt))
        self.cashiers = [add("cashier") for _ in range(max(1, n_advisors // 4))]
        self.workshop = [add("workshop") for _ in TEAMS]
        self.names = {row[0]: row[1] for row in self.rows["staff"]}
        self.leaders = {team: self.names[s] for team, s in zip(TEAMS, self.workshop, strict=True)}
        self._write("staff", self.rows["staff"])
        self.rows["staff"] = []
        settings.put(self.db, "key_cabinet_hooks", self.hooks)
        settings.put(self.db, "order_prefix", PREFIX)

    def _plate(self, ev: bool) -> str:
        """皖B (Wuhu) and five characters (a letter first or last now and then); new energy
        cars 皖BD / 皖BF and five; never one already given."""
        rng = self.rng
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        while True:
            first = rng.choice(letters) if rng.random() < 0.3 else str(rng.randrange(10))
            last = rng.choice(letters) if rng.random() < 0.1 else str(rng.randrange(10))
            plate = ("皖B" + rng.choice("DF") if ev else "皖B") + (
                f"{first}{rng.randrange(1000):03d}{last}"
            )
            if plate not in self.plates:
                self.plates.add(plate)
                return plate

    def _vin(self, model_index: int, year: int) -> str:
        """Chery's LVV…, the model, the model year, a serial; the check digit in place 9;
        never one already given (the schema's vehicles_vin index is UNIQUE)."""
        rng = self.rng
        year_code = "ABCDEFGHJKLMNPRSTVWXY123456789"[(year - 2010) % 30]
        while True:
            body = f"LVVDB{VIN_CHARACTERS[model_index % 33]}1{rng.choice('ABCDE')}0{year_code}D"
            vin = body + f"{rng.randrange(10**6):06d}"
            vin = vin[:8] + vin_check_digit(vin) + vin[9:]
            if vin not in self.vins:
                self.vins.add(vin)
                return vin

    def new_vehicle(self, moment: dt.datetime, customer: tuple[int, str] | None) -> Vehicle:
        """A car (and its new owner, unless given) registered at ``moment``."""
        rng = self.rng
        created = ts(moment)
        advisor = self._advisor()
        if customer is None:
            cid, name = self._id("customers"), self._name()
            company = rng.choice(COMPANIES) if rng.random() < 0.04 else ""
            phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
            phone2 = (
                f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" if rng.random() < 0.1 else None
            )
            contact = rng.choice(("phone", "phone", "wechat", "wechat", "sms"))
            self.rows["customers"].append(
                (cid, name, phone, phone2, "", company, contact, advisor, created, created)
            )
        else:
            cid, name = customer
        index = self._pick(self.model_cum)
        model = self.models[index]
        age_days = rng.choice((0, 0, 1, 1, 2, 3, 4, 5, 6, 8)) * 365 + rng.randrange(365)
        purchase = moment.date() - dt.timedelta(days=age_days)
        if model.body == "sedan":
            category = "small_car" if rng.random() < 0.97 else "light_truck"
        elif model.energy == "ev" and model.code.startswith(("QQ", "EQ1")):
            category = "mini_car"
        else:
            category = "small_passenger" if rng.random() < 0.93 else "small_offroad"
        cycle = self.cycles[model.code]
        km = max(10, int(age_days * rng.uniform(25, 60)))
        vehicle_id = self._id("vehicles")
        self.rows["vehicles"].append(
            (
                vehicle_id,
                self._plate(model.energy == "ev"),
                self._vin(index, purchase.year) if rng.random() < 0.9 else None,
                model.code,
                category,
                COLOURS[self._pick(self.colour_cum)],
                purchase.isoformat(),
                cycle.interval_km,
                cycle.interval_months,
                add_months(moment.date(), cycle.interval_months).isoformat(),
                (km // cycle.interval_km + 1) * cycle.interval_km,
                cid,
                created,
                created,
            )
        )
        self.rows["vehicle_owners"].append((vehicle_id, cid, created, advisor))
        self.rows["odometer_readings"].append(
            (vehicle_id, km, created, "registration", None, advisor)
        )
        fuel = "percent" if model.energy == "ev" else "eighths"
        vehicle = Vehicle(vehicle_id, cid, name, km, fuel, cycle.interval_months)
        self.vehicles.append(vehicle)
        heapq.heappush(
            self.due_heap,
            (add_months(moment.date(), cycle.interval_months), len(self.vehicles) - 1),
        )
        return vehicle

    def seed_vehicles(self) -> None:
        """The cars that came before the range: the returning customers of its first days."""
        first = dt.datetime.combine(self.start, dt.time(9))
        for n in range(max(50, self.per_month * 2)):
            moment = first - dt.timedelta(days=1 + n % 700, seconds=self.rng.randrange(30000))
            self.new_vehicle(moment, None)

    def visiting_vehicle(self, moment: dt.datetime) -> Vehicle:
        """The car of a new order: mostly a returning one that is not in the shop now."""
        rng = self.rng
        vehicles = self.vehicles
        if rng.random() < NEW_CAR_SHARE:
            if rng.random() < SECOND_CAR_SHARE:  # a second car of a known customer
                other = vehicles[int(rng.random() * len(vehicles))]
                return self.new_vehicle(moment, (other.customer, other.owner_name))
            return self.new_vehicle(moment, None)
        recent = min(len(vehicles), self.per_month * 12)
        for _ in range(4):
            if rng.random() < 0.85:
                vehicle = vehicles[len(vehicles) - 1 - int(rng.random() * recent)]
            else:
                vehicle = vehicles[int(rng.random() * len(vehicles))]
            if vehicle.busy_until is None or vehicle.busy_until < moment:
                return vehicle
        return self.new_vehicle(moment, None)

    def due_vehicle(self, moment: dt.datetime) -> Vehicle | None:
        """A car whose maintenance is due about now (most owners come back on time); cars
        overdue by two months and a few of those due are lost to the dealer for good."""
        rng, heap, today = self.rng, self.due_heap, moment.date()
        while heap and heap[0][0] < today - dt.timedelta(days=60):
            heapq.heappop(heap)  # lapsed: the owner went elsewhere
        while heap and heap[0][0] <= today + dt.timedelta(days=20):
            _day, index = heapq.heappop(heap)
            if rng.random() < LOST_PER_SERVICE:
                continue
            vehicle = self.vehicles[index]
            if vehicle.busy_until is None or vehicle.busy_until < moment:
                return vehicle
        return None

    def comeback_vehicle(self, moment: dt.datetime) -> Vehicle | None:
        """A car released within the last 30 days, not in the shop now."""
        horizon = moment - dt.timedelta(days=30)
        recent = self.recent_releases
        drop = 0
        while drop < len(recent) and recent[drop][0] < horizon:
            drop += 1
        del recent[:drop]
        for released, vehicle in reversed(recent[-300:]):
            if released < moment and vehicle.busy_until is not None and vehicle.busy_until < moment:
                return vehicle
        return None

    # --- lines --------------------------------------------------------------------------

    def line(
        self,
        order_id: int,
        kind: str,
        description: str,
        system: str | None,
        qty: int,
        price: int,
        mode: str,
        payer: str,
        at: str,
        staff: int,
        origin: str = "estimate",
        removed: bool = False,
        source: str | None = None,
        quality: str | None = None,
    ) -> tuple[int, int]:
        """Append one order line; returns (its id, amount_fen)."""
        margin = SYMPTOM_MARGIN if mode == "symptom" else 0
        amount = line_amount(qty, price, mode, margin)
        part_no = ""
        if kind == "part":
            part_no = f"T{zlib.crc32(description.encode()) % 90 + 10}-{1_000_000 + price}"
        line_id = self._id("order_lines")
        self.rows["order_lines"].append(
            (
                line_id,
                order_id,
                kind,
                description,
                mode,
                system,
                part_no,
                qty,
                price,
                margin,
                amount,
                source,
                quality,
                payer,
                "removed" if removed else "active",
                at,
                staff,
                at if removed else None,
                staff if removed else None,
                origin,
            )
        )
        return line_id, amount

    def estimate_lines(self, v: Visit, at: dt.datetime) -> None:
        """The estimate: a standard job or a first line, more lines, a few removed."""
        rng = self.rng
        picks: list[tuple] = []
        jobs = self.jobs.get(v.category or "")
        if jobs and rng.random() < 0.8:
            picks.extend(rng.choice(jobs))
        else:
            picks.append((*rng.choice(LABOUR), "item"))
        for _ in range(self._pick(self.more_lines_cum)):
            r = rng.random()
            picks.append((*rng.choice(PARTS if r < 0.55 else LABOUR if r < 0.9 else FEES), "item"))
        free = v.category == "free_inspection"
        stamp = ts(at)
        sums = v.sums
        for kind, description, system, qty, price, mode in picks:
            if mode == "item":
                r = rng.random()
                mode = "system" if r < 0.22 else "symptom" if r < 0.26 else "item"
            if free:
                price = 0
            elif rng.random() < 0.3:
                price = price * (90 + int(rng.random() * 31)) // 100
            if kind == "fee":
                payer = "customer"
            elif v.payer != "customer":
                payer = v.payer
            else:
                r = rng.random()
                payer = "warranty" if r < 0.03 else "internal" if r < 0.04 else "customer"
            source = quality = None
            if kind == "part":
                source = "customer" if rng.random() < 0.03 else "dealer"
                quality = "aftermarket" if rng.random() < 0.08 else "genuine"
            removed = rng.random() < 0.02
            _id, amount = self.line(
                v.id,
                kind,
                description,
                system,
                qty,
                price,
                mode,
                payer,
                stamp,
                v.advisor,
                removed=removed,
                source=source,
                quality=quality,
            )
            if not removed:
                sums[0 if kind == "labour" else 1 if kind == "part" else 2] += amount
                sums[3 + PAYER_INDEX[payer]] += amount

    # --- one order ------------------------------------------------------------------------

    def event(self, v: Visit, at: dt.datetime, staff: int, to_state: str, note: str = "") -> None:
        self.rows["order_events"].append((v.id, ts(at), staff, v.state, to_state, note))
        v.state, v.updated = to_state, at

    def due(self, at: dt.datetime) -> dt.datetime:
        if at > self.now:
            raise Stop
        return at

    def order(self, created: dt.datetime, seq: int) -> None:
        rng = self.rng
        vehicle = self.comeback_vehicle(created) if rng.random() < 0.012 else None
        comeback = vehicle.last_release if vehicle is not None else None
        category = self.category_codes[self._pick(self.category_cum)]
        if vehicle is None and category == "maintenance" and rng.random() < 0.85:
            vehicle = self.due_vehicle(created)
        if vehicle is None:
            vehicle = self.visiting_vehicle(created)
        v = Visit(self._id("repair_orders"), vehicle, self._advisor(), created)
        v.category = category
        _weight, planned, v.payer = CATEGORIES[v.category]
        if comeback is not None:
            v.category, v.payer, planned, v.comeback = "comeback", "internal", (60, 240), comeback
        v.planned = planned[0] + int(rng.random() * (planned[1] - planned[0]))
        vehicle.busy_until = self.now + DAY  # in the shop until it leaves
        self.rows["order_events"].append((v.id, ts(created), v.advisor, None, "reception", ""))
        with contextlib.suppress(Stop):  # the range ends before the visit does
            self.visit(v)
        if v.state in ("void", "closed", "declined"):
            vehicle.busy_until = v.updated
        self.emit(v, created, seq)
        self.pending += 1

    def visit(self, v: Visit) -> None:
        rng = self.rng
        t = self.due(v.created + self._s(240, 900))
        if v.category in ("general_repair", "accident") and rng.random() < 0.25:
            v.consent_at = t
            v.diagnosis = rng.choice(DIAGNOSES)
            self.event(v, t, v.advisor, "diagnosis", "customer consented to diagnosis")
            t = self.due(t + self._s(900, 3600))
        v.km = v.vehicle.km + 300 + int(rng.random() * 8700)
        v.vehicle.km = v.km
        v.odometer_in = v.km
        self.rows["odometer_readings"].append(
            (v.vehicle.id, v.km, ts(t), "reception", v.id, v.advisor)
        )
        self.estimate_lines(v, t)
        self.event(v, t, v.advisor, "estimate", "estimate started")
        fate = rng.random()
        t = self.due(t + self._s(300, 1800))
        if fate < 0.006:
            v.void_reason = rng.choice(("客户改约", "重复开单", "信息录入错误"))
            self.event(v, t, self.supervisor, "void", v.void_reason)
            return
        if fate < 0.046:
            self.declined(v, t)
            return
        self.sign(v, t)
        if fate < 0.049:  # voided before the check-in
            t = self.due(t + self._s(300, 1200))
            v.void_reason = "客户临时取消维修"
            self.event(v, t, self.supervisor, "void", v.void_reason)
            return
        self.workshop_visit(v)

    def declined(self, v: Visit, t: dt.datetime) -> None:
        rng = self.rng
        v.fee = DIAGNOSIS_FEE if rng.random() < 0.8 else 0
        v.declined_at = t
        if v.fee:
            self.line(
                v.id, "fee", "诊断/估价费", None, 1000, v.fee, "item", "customer", ts(t), v.advisor
            )
        self.event(v, t, v.advisor, "declined", "customer declined")
        self.count(v.advisor, t, "declined")
        late = rng.random() < 0.15
        if late and t >= self.now - OPEN_FEE_DAYS * DAY:
            return  # the fee is still open: the customer pays it on their next visit
        # most pay at once; the others come back within two weeks to pay
        paid = self.due(t + (rng.randint(1, 14) * DAY if late else self._s(120, 900)))
        cashier = self._cashier()
        if v.fee:
            self.rows["payments"].append((v.id, self._method(), v.fee, ts(paid), cashier, ""))
        self.rows["settlements"].append((v.id, v.fee, 0, v.fee, 0, ts(paid), cashier))
        self.event(v, paid, cashier, "closed", "diagnosis/estimate fee settled")

    def sign(self, v: Visit, t: dt.datetime) -> None:
        rng = self.rng
        v.signed = t
        margin = dt.timedelta(minutes=60)
        v.promised = ten_minutes_up(add_work(t + dt.timedelta(minutes=40), v.planned)) + margin
        v.suggested = v.promised if rng.random() < 0.8 else v.promised - margin
        self.event(v, t, v.advisor, "signed", "customer signed the repair order")
        self.count(v.advisor, t, "received")
        if v.comeback is not None:
            self.count(v.advisor, t, "comebacks")
            released, original, team, km_out = v.comeback
            self.rows["comebacks"].append(
                (
                    v.id,
                    original,
                    "同一系统返修",
                    (t.date() - released.date()).days,
                    max(0, v.km - km_out),
                    team,
                    ts(released),
                    ts(t),
                    v.advisor,
                )
            )
        if rng.random() < 0.02:  # first-contact responsibility handed on to a colleague
            other = self._advisor()
            if other != v.advisor:
                at = t + dt.timedelta(seconds=60)
                self.event(v, at, v.advisor, "signed", f"handed on to {self.names[other]}")
                v.advisor = other

    def team_for(self, category: str | None) -> str:
        rng = self.rng
        if category in ("accident", "body_paint"):
            return "钣喷组"
        if category == "detailing":
            return "美容组"
        if category == "warranty":
            return "电器组" if rng.random() < 0.5 else "机修一组"
        return "机修一组" if rng.random() < 0.5 else "机修二组"

    def workshop_visit(self, v: Visit) -> None:
        rng = self.rng
        rows = self.rows
        advisor = v.advisor
        # check-in: readings, checklist, documents, belongings, the workshop receiver
        readings = v.signed + self._s(60, 300)
        belongings_at = readings + self._s(240, 1200)
        receiver_at = belongings_at + self._s(30, 300)
        completed = self.due(receiver_at + self._s(10, 120))
        v.team = self.team_for(v.category)
        v.technician = self.leaders[v.team]
        fuel = (
            (1 + int(rng.random() * 8))
            if v.vehicle.fuel_unit == "eighths"
            else 10 + int(rng.random() * 91)
        )
        box = f"{'ABCD'[int(rng.random() * 4)]}{1 + int(rng.random() * 99)}"
        v.checkin = [
            v.id,
            1 if rng.random() < 0.05 else 0,
            v.vehicle.fuel_unit,
            fuel,
            v.km,
            ts(readings),
            ts(readings + self._s(120, 600)),
            ts(belongings_at - self._s(30, 120)),
            box,
            ts(belongings_at),
            v.technician,
            ts(receiver_at),
            ts(completed),
            advisor,
        ]
        if rng.random() < 0.4:
            for code in rng.sample(BELONGINGS, 1 + int(rng.random() * 3)):
                v.belongings.append([code, self.belonging_names.get(code, code), 1])
        register = readings + dt.timedelta(seconds=30)
        v.keys.append(Key(self._id("keys"), "main", register, advisor))
        if rng.random() < 0.12:
            v.keys.append(Key(self._id("keys"), "spare", register, advisor))
        self.event(v, completed, advisor, "checked_in", "check-in completed")
        # hand-off to the workshop (rounded to ten minutes; next morning after 17:30)
        t = completed + self._s(300, 1800)
        if t.hour * 60 + t.minute > 17 * 60 + 30 or t.hour < 8:
            day = t.date() + DAY if t.hour >= 8 else t.date()
            t = dt.datetime.combine(day, dt.time(8)) + self._s(0, 2400)
        handed = ten_minutes_up(t)
        recorded = self.due(handed + self._s(0, 300))
        queue = rng.random() < 0.1
        washed = ts(recorded) if rng.random() < 0.2 else None
        rows["handoffs"].append(
            (
                v.id,
                "supervisor_queue" if queue else "single_team",
                "" if queue else v.team,
                v.planned,
                washed,
                v.technician,
                ts(handed),
                advisor,
                ts(recorded),
            )
        )
        self.event(v, recorded, advisor, "handed_off", f"handed to {v.technician} ({v.team})")
        main = v.keys[0]
        main.moves.append((recorded, advisor, "to_workshop", v.technician, "workshop hand-off"))
        workshop = self.workshop[TEAMS.index(v.team)]
        last = recorded  # the order's latest step so far: the next ones come after it
        if rng.random() < 0.8:
            last = self.due(recorded + self._s(0, 1200))
            self.event(v, last, workshop, "in_progress", "work started")
        duration = v.planned * (0.6 + rng.random() * 0.7)
        if rng.random() < 0.12:
            answer, delay = self.extra_work(v, handed, duration, last)
            duration += delay
            last = answer
        done = max(add_work(handed, duration), last + self._s(300, 1800))
        self.overnight(v, main, recorded, done, workshop)
        done = self.due(done)
        self.event(v, done, workshop, "completed", "work completed")
        back = self.due(done + self._s(0, 600))
        main.moves.append((back, workshop, "back_to_cabinet", "", ""))
        ready = done + self._s(600, 3600)
        if rng.random() < 0.05:  # a test drive after the work
            out = self.due(back + self._s(300, 900))
            main.moves.append((out, workshop, "test_drive", v.technician, "路试"))
            back = self.due(out + self._s(900, 2400))
            main.moves.append((back, workshop, "back_to_cabinet", "", ""))
            ready = max(ready, back + self._s(60, 600))
        ready = self.due(ready)
        rows["pickup_ready"].append(
            (v.id, 1, 1, 1, 1, 1, v.sums[3], CHANNELS[int(rng.random() * 3)], ts(ready), workshop)
        )
        self.event(v, ready, workshop, "ready", "ready for pickup")
        self.pickup(v, ready)

    def overnight(
        self, v: Visit, key: Key, out: dt.datetime, done: dt.datetime, staff: int
    ) -> None:
        """Work over several days: the key hangs in the cabinet every night."""
        day = out.date()
        while day < done.date():
            evening = dt.datetime.combine(day, dt.time(18)) + self._s(0, 900)
            morning = dt.datetime.combine(day + DAY, dt.time(8)) + self._s(0, 1200)
            if evening > self.now or morning >= done:
                return
            if evening > out:
                key.moves.append((evening, staff, "back_to_cabinet", "", "night"))
                if morning > self.now:
                    return
                key.moves.append((morning, staff, "to_workshop", v.technician, "work continues"))
            day += DAY

    def extra_work(
        self, v: Visit, handed: dt.datetime, duration: float, after: dt.datetime
    ) -> tuple[dt.datetime, int]:
        """An item the workshop found: (when it was answered, minutes it adds), or Stop
        while the customer's answer is still to come."""
        rng = self.rng
        rows = self.rows
        reported = add_work(handed, duration * (0.2 + rng.random() * 0.4))
        reported = self.due(max(reported, after + self._s(300, 1200)))
        description, lines = rng.choice(EXTRA_WORK)
        delay = 10 * (2 + int(rng.random() * 11))
        extra_id = self._id("extra_work")
        rows["extra_work"].append(
            (extra_id, v.id, description, delay, ts(reported), v.technician, v.advisor)
        )
        items = []
        offered = 0
        for kind, text, system, qty, price in lines:
            amount = line_amount(qty, price, "item")
            item_id = self._id("extra_work_items")
            source, quality = ("dealer", "genuine") if kind == "part" else (None, None)
            rows["extra_work_items"].append(
                (
                    item_id,
                    extra_id,
                    kind,
                    text,
                    "item",
                    system,
                    qty,
                    price,
                    amount,
                    source,
                    quality,
                    "customer",
                )
            )
            items.append((item_id, kind, text, system, qty, price, source, quality, amount))
            offered += amount
        self.count(v.advisor, reported, "extra_offered")
        contacted = reported + self._s(300, 1500)
        answer = contacted + self._s(300, 2400)
        # the order waits for the answer: nothing after it happens before
        if answer > self.now:
            if contacted <= self.now:
                self.updates["extra_contacted"].append(
                    (CHANNELS[int(rng.random() * 3)], ts(contacted), v.advisor, extra_id)
                )
            raise Stop
        self.updates["extra_contacted"].append(
            (CHANNELS[int(rng.random() * 3)], ts(contacted), v.advisor, extra_id)
        )
        customer = v.vehicle.owner_name
        if rng.random() < 0.65:
            handover = answer.replace(second=0) + self._s(300, 900)
            handover = handover.replace(second=0)
            self.updates["extra_answered"].append(
                (
                    "approved",
                    ts(answer),
                    v.advisor,
                    customer,
                    None,
                    None,
                    ts(handover) if handover <= self.now else None,
                    v.advisor if handover <= self.now else None,
                    extra_id,
                )
            )
            stamp = ts(answer)
            for item_id, kind, text, system, qty, price, source, quality, amount in items:
                line_id, _ = self.line(
                    v.id,
                    kind,
                    text,
                    system,
                    qty,
                    price,
                    "item",
                    "customer",
                    stamp,
                    v.advisor,
                    origin="additional",
                    source=source,
                    quality=quality,
                )
                self.updates["extra_linked"].append((line_id, item_id))
                v.sums[0 if kind == "labour" else 1 if kind == "part" else 2] += amount
                v.sums[3] += amount
            if v.promised_original is None:
                v.promised_original = v.promised
            v.promised = v.promised + dt.timedelta(minutes=delay)
            note = (
                f"additional work approved by {customer}: {description}; "
                f"promised time moved by {delay} min"
            )
            self.rows["order_events"].append((v.id, stamp, v.advisor, v.state, v.state, note))
            self.count(v.advisor, answer, "extra_accepted")
            self.count(v.advisor, answer, "extra_accepted_fen", offered)
            return answer, delay
        told = (answer + self._s(60, 300)).replace(second=0)
        self.updates["extra_answered"].append(
            (
                "declined",
                ts(answer),
                v.advisor,
                customer,
                v.technician,
                ts(told),
                None,
                None,
                extra_id,
            )
        )
        return answer, 0

    def pickup(self, v: Visit, ready: dt.datetime) -> None:
        """The customer comes: discount, payments, arrears, settlement, the release."""
        rng = self.rng
        rows = self.rows
        second = ready.hour * 3600 + ready.minute * 60
        if second < 17 * 3600 and rng.random() < 0.55:
            come = ready + self._s(1200, 9000)
        else:
            days = 1 if rng.random() < 0.85 else 2 + int(rng.random() * 4)
            come = dt.datetime.combine(ready.date() + days * DAY, dt.time(8, 30))
            come += self._s(0, 10 * 3600)
        settle = self.due(come)
        cashier = self._cashier()
        due = v.sums[3]
        discount = 0
        if due > 2000 and rng.random() < 0.08:
            asked = settle - self._s(600, 900)
            decided = asked + self._s(60, 300)
            discount_id = self._id("discounts")
            if rng.random() < 0.5:
                amount, percent = None, 500 * (1 + int(rng.random() * 2))
                value = (due * percent + 5000) // 10000
            else:
                amount = percent = None
                amount = min(due // 2, 1000 * (5 + int(rng.random() * 16)))
                value = amount
            rows["discounts"].append(
                (discount_id, v.id, amount, percent, "老客户优惠", v.advisor, ts(asked))
            )
            if rng.random() < 0.85 and value > 0:
                self.updates["discount_decided"].append(
                    ("approved", self.supervisor, ts(decided), value, discount_id)
                )
                discount = value
            else:
                self.updates["discount_decided"].append(
                    ("refused", self.supervisor, ts(decided), None, discount_id)
                )
        balance = due - discount
        arrears = 0
        if balance > 0 and rng.random() < 0.015:
            arrears = max(1, int(balance * (0.3 + rng.random() * 0.7)))
        paid = balance - arrears
        if paid > 0:
            method = self._method()
            at = ts(settle - self._s(60, 240))
            if rng.random() < 0.1 and paid > 1000:
                first = paid // 2
                rows["payments"].append((v.id, method, first, at, cashier, ""))
                rows["payments"].append((v.id, self._method(), paid - first, at, cashier, ""))
            else:
                rows["payments"].append((v.id, method, paid, at, cashier, ""))
        if arrears:
            rows["arrears_approvals"].append(
                (v.id, arrears, self.supervisor, ts(settle - self._s(30, 60)), "老客户，月底结清")
            )
        rows["settlements"].append((v.id, due, discount, paid, arrears, ts(settle), cashier))
        self.event(v, settle, cashier, "settled", "settled at the counter")
        self.count(v.advisor, settle, "revenue_fen", v.sums[0] + v.sums[1] + v.sums[2])
        self.count(v.advisor, settle, "discount_fen", discount)
        self.count(v.advisor, settle, "arrears_fen", arrears)
        # the release: belongings ticked back, readings, documents, keys, the car leaves
        returned = settle + self._s(60, 180)
        readings = returned + self._s(30, 120)
        released = self.due(readings + self._s(120, 600))
        v.returned = returned
        km_out = v.km + int(rng.random() * 15)
        fuel_out = max(0, v.checkin[3] - (1 if rng.random() < 0.2 else 0))
        signed_list = ts(released - self._s(30, 60))
        rows["releases"].append(
            (
                v.id,
                km_out,
                v.vehicle.fuel_unit,
                fuel_out,
                ts(readings),
                v.advisor,
                "",
                1,
                ts(readings + self._s(10, 60)),
                v.advisor,
                signed_list,
                v.advisor,
                ts(released),
                v.advisor,
                ts(released),
            )
        )
        for key in v.keys:
            key.moves.append(
                (
                    released - dt.timedelta(seconds=20),
                    v.advisor,
                    "returned",
                    v.vehicle.owner_name,
                    "",
                )
            )
        self.event(v, released, v.advisor, "released", "car released to the customer")
        self.count(v.advisor, released, "released")
        self.count(v.advisor, released, "promises_due")
        ready_at = ready
        if ready_at <= v.promised:
            self.count(v.advisor, released, "promises_kept")
        vehicle = v.vehicle
        vehicle.busy_until = released
        vehicle.km = km_out
        vehicle.last_release = (released, v.id, v.team, km_out)
        if v.category == "maintenance":
            # vehicles[i] has id i + 1 (the ids are counted as they are appended)
            next_due = add_months(released.date(), vehicle.cycle_months)
            heapq.heappush(self.due_heap, (next_due, vehicle.id - 1))
        self.recent_releases.append((released, vehicle))
        if rng.random() < 0.6:
            done = dt.datetime.combine(
                released.date() + DAY * (1 + int(rng.random() * 3)), dt.time(10)
            ) + self._s(0, 6 * 3600)
            self.event(v, self.due(done), v.advisor, "done", "follow-up call made")

    # --- the rows with a final state -------------------------------------------------------

    def _free_hook(self) -> int | None:
        for _ in range(self.hooks):
            self.next_hook = self.next_hook % self.hooks + 1
            if self.next_hook not in self.taken_hooks:
                return self.next_hook
        return None

    def emit(self, v: Visit, created: dt.datetime, seq: int) -> None:
        rows = self.rows
        ts_ = ts
        rows["repair_orders"].append(
            (
                v.id,
                f"{PREFIX}{created:%Y%m%d}{seq:04d}",
                v.vehicle.id,
                v.vehicle.customer,
                v.advisor,
                v.state,
                rng_request(self.rng, v.category),
                1 if v.consent_at else 0,
                ts_(v.consent_at) if v.consent_at else None,
                v.diagnosis,
                v.technician,
                None if v.category is None else v.category,
                v.odometer_in,
                ts_(v.promised) if v.promised else None,
                ts_(v.suggested) if v.suggested else None,
                ts_(v.promised_original) if v.promised_original else None,
                ts_(v.signed) if v.signed else None,
                ts_(v.declined_at) if v.declined_at else None,
                v.fee,
                v.void_reason,
                ts_(created),
                ts_(v.updated),
            )
        )
        if v.checkin is None:
            return
        returned = ts_(v.returned) if v.returned else None
        rows["checkins"].append(
            (*v.checkin, returned, v.advisor if returned else None, v.checkin[12])
        )
        short = self.rng.random() < 0.01
        for i, (code, name, qty) in enumerate(v.belongings):
            back = None if returned is None else (0 if short and i == 0 else qty)
            rows["belongings"].append((v.id, code, name, qty, back, v.checkin[9], v.advisor))
        for key in v.keys:
            self.emit_key(v, key)

    def emit_key(self, v: Visit, key: Key) -> None:
        """The key's row (registered on a hook, then moved to its final state) and events."""
        events = self.rows["key_events"]
        registered = ts(key.registered_at)
        hook = self._free_hook()
        first_hook = hook
        state, holder, out_since = "in_cabinet", "", None
        events.append((key.id, v.id, registered, key.registered_by, "register", None, hook, "", ""))
        updated = key.registered_at
        for at, staff, action, to_whom, reason in key.moves:
            if action == "back_to_cabinet":
                hook = self._free_hook()
                events.append((key.id, v.id, ts(at), staff, action, None, hook, "", reason))
                state, holder, out_since = "in_cabinet", "", None
            else:
                events.append((key.id, v.id, ts(at), staff, action, hook, None, to_whom, reason))
                hook = None
                state = "out" if action != "returned" else "returned"
                holder, out_since = (to_whom, ts(at)) if state == "out" else ("", None)
            updated = at
        if state == "in_cabinet":
            self.taken_hooks.add(hook)
        # (id, order, vehicle, kind, first hook, registered_at, by, final state, hook,
        #  holder, out_since, updated_at)
        self.key_rows.append(
            (
                key.id,
                v.id,
                v.vehicle.id,
                key.kind,
                first_hook,
                registered,
                key.registered_by,
                state,
                hook,
                holder,
                out_since,
                ts(updated),
            )
        )

    # --- writing -------------------------------------------------------------------------

    def _write(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        columns = SQL[table]
        marks = ", ".join("?" * (columns.count(",") + 1))
        self.con.executemany(f"INSERT INTO {table}({columns}) VALUES ({marks})", rows)
        self.written[table] += len(rows)

    def _update(self, name: str) -> None:
        rows = self.updates[name]
        if rows:
            self.con.executemany(UPDATES[name], rows)
            self.written["(updates)"] += len(rows)
            rows.clear()

    def flush(self) -> None:
        con = self.con
        con.execute("BEGIN")
        for table in FLUSH_ORDER:
            rows = self.rows[table]
            if table == "keys":
                self._flush_keys()
            elif table == "extra_work":
                self._write("extra_work", rows)
                self._write("extra_work_items", self.rows["extra_work_items"])
                self.rows["extra_work_items"].clear()
                self._update("extra_contacted")
                self._update("extra_answered")
                self._update("extra_linked")
            elif table == "discounts":
                self._write("discounts", rows)
                self._update("discount_decided")
            else:
                self._write(table, rows)
                if table in self.search and rows:
                    con.execute(self.search[table], (rows[0][0], rows[-1][0]))
            rows.clear()
        con.execute("COMMIT")
        self.pending = 0

    def _flush_keys(self) -> None:
        """Keys are registered on a hook (one key per hook in the cabinet), then moved:
        in chunks whose hooks differ, each chunk moved before the next is registered."""
        chunk: list[tuple] = []
        hooks: set[int] = set()
        for key in self.key_rows:
            if key[4] in hooks:
                self._key_chunk(chunk)
                chunk, hooks = [], set()
            chunk.append(key)
            hooks.add(key[4])
        self._key_chunk(chunk)
        self.key_rows.clear()

    def _key_chunk(self, chunk: list[tuple]) -> None:
        if not chunk:
            return
        self._write(
            "keys",
            [(k[0], k[1], k[2], k[3], "", k[4], "in_cabinet", k[5], k[6], k[5]) for k in chunk],
        )
        moved = [(k[7], k[8], k[9], k[10], k[11], k[0]) for k in chunk if k[7] != "in_cabinet"]
        if moved:
            self.con.executemany(UPDATES["keys_moved"], moved)
            self.written["(updates)"] += len(moved)
        rehung = [(k[8], k[11], k[0]) for k in chunk if k[7] == "in_cabinet"]
        if rehung:
            self.con.executemany("UPDATE keys SET hook = ?, updated_at = ? WHERE id = ?", rehung)
            self.written["(updates)"] += len(rehung)

    # --- months, reviews, the whole range ------------------------------------------------------

    def month(self, first: dt.date) -> int:
        rng = self.rng
        days = day_weights(first, rng)
        made = 0
        for (day, _w), n in zip(days, spread(self.per_month, [w for _d, w in days]), strict=True):
            moments = []
            for _ in range(n):
                low, high = ARRIVALS[self._pick(self.arrival_cum)][0]
                moments.append(low + int(rng.random() * (high - low)))
            moments.sort()
            midnight = dt.datetime.combine(day, dt.time(0))
            seq = 0
            for second in moments:
                created = midnight + dt.timedelta(seconds=second)
                if created > self.now:
                    break
                seq += 1
                self.order(created, seq)
                if self.pending >= self.batch_orders:
                    self.flush()
            if seq:
                self.rows["order_counters"].append((day.isoformat(), seq))
            made += seq
        self.reviews(first)
        self.flush()
        return made

    def reviews(self, first: dt.date) -> None:
        """The month's daily self-reviews and monthly summaries (its tallies are final:
        later orders add nothing before their own opening)."""
        rng = self.rng
        last = add_months(first, 1) - DAY
        monthly: dict[int, list[int]] = defaultdict(lambda: [0] * len(REVIEW_FIGURES))
        rows = self.rows["self_reviews"]
        for (staff, day), values in sorted(self.tally.items()):
            if not first <= day <= last:
                continue
            total = monthly[staff]
            for i, value in enumerate(values):
                total[i] += value
            if values[0] and rng.random() < 0.55:
                saved = dt.datetime.combine(day, dt.time(18)) + self._s(0, 3600)
                if saved <= self.now:
                    self._review(rows, staff, "day", day, day, values, saved)
        for key in [k for k in self.tally if first <= k[1] <= last]:
            del self.tally[key]
        for staff, values in sorted(monthly.items()):
            saved = dt.datetime.combine(last, dt.time(18, 30)) + self._s(0, 1800)
            if saved <= self.now:
                self._review(rows, staff, "month", first, last, values, saved)

    def _review(self, rows, staff, kind, start, end, values, saved) -> None:
        rng = self.rng
        figures = json.dumps(dict(zip(REVIEW_FIGURES, values, strict=True)), sort_keys=True)
        texts = (
            rng.choice(("接车顺利，客户沟通清楚。", "保养客户回访及时，追加项目说明到位。", "")),
            rng.choice(("交车时间需提前与车间确认。", "欠收客户要及时跟进。", "")),
            rng.choice(("明天重点跟进待取车客户。", "下月提高守约率。", "")),
        )
        if not any(texts):
            texts = ("按计划完成。", "", "")
        base = (staff, kind, start.isoformat(), end.isoformat(), figures, *texts)
        rows.append((*base, ts(saved), 1))
        if rng.random() < 0.1:  # edited later: the next version
            rows.append(
                (
                    *base[:5],
                    texts[0] + "补充：客户满意。",
                    *texts[1:],
                    ts(saved + self._s(300, 900)),
                    2,
                )
            )


_SEARCH_INSERT = re.compile(
    r"AFTER INSERT ON (\w+) BEGIN INSERT INTO search_fts\(rowid, body\) VALUES \((.*)\); END",
    re.DOTALL,
)


def defer_search_index(con: sqlite3.Connection) -> tuple[dict[str, str], list[str]]:
    """Drop the search index's insert triggers for the load (one FTS row per inserted
    customer, vehicle and order: 100 µs a row, a tenth of that in bulk). Returns, per
    table, the same entries as one statement over an id range ``id BETWEEN ? AND ?``
    (the trigger's own expressions, NEW. dropped), and the triggers' SQL to restore."""
    statements, restore = {}, []
    for name, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_ins'"
    ).fetchall():
        found = _SEARCH_INSERT.search(" ".join(sql.split()))
        if found is None:
            raise RuntimeError(f"unexpected search trigger {name}: {sql}")
        table, values = found[1], found[2].replace("NEW.", "")
        statements[table] = (
            f"INSERT INTO search_fts(rowid, body) SELECT {values} FROM {table} "
            "WHERE id BETWEEN ? AND ?"
        )
        restore.append(sql)
        con.execute(f"DROP TRIGGER {name}")
    return statements, restore


def rng_request(rng: random.Random, category: str | None) -> str:
    return rng.choice(REQUESTS[category])


def generate(
    path: str | Path,
    start: dt.date,
    months: int,
    orders_per_month: int,
    lines_per_order: float,
    seed: int = 1,
    *,
    now: dt.datetime | None = None,
    batch_orders: int = 4000,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Create the database at ``path`` (a new file) and fill it; returns rows per table,
    ``rows`` (all inserts and updates), ``orders``, ``lines`` and ``seconds``.

    ``now`` (default: midnight after the last day) is the moment the file is taken: the
    orders it finds open stay open. ``start`` is the first day of the first month."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists: the generator writes a new database")
    if start.day != 1:
        raise ValueError("start is the first day of a month")
    began = time.perf_counter()
    db = open_database(path)
    try:
        con = db.conn
        # A bulk load: no fsync and an in-memory rollback journal while it runs (the file
        # is thrown away if it fails); WAL again at the end, as the counter opens it.
        con.execute("PRAGMA journal_mode = MEMORY")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -262144")
        con.execute("PRAGMA temp_store = MEMORY")
        end = dt.datetime.combine(add_months(start, months), dt.time(0))
        gen = Generator(
            db, start, months, orders_per_month, lines_per_order, seed, now or end, batch_orders
        )
        gen.search, restore = defer_search_index(con)
        gen.staff()
        gen.seed_vehicles()
        orders = 0
        for m in range(months):
            first = add_months(start, m)
            if dt.datetime.combine(first, dt.time(0)) > gen.now:
                break
            orders += gen.month(first)
            if progress is not None:
                rows = sum(gen.written.values())
                seconds = time.perf_counter() - began
                progress(
                    f"{first:%Y-%m}: {orders:,} orders, {gen.written['order_lines']:,} lines, "
                    f"{rows:,} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s)"
                )
        for sql in restore:
            con.execute(sql)
        con.execute("PRAGMA journal_mode = WAL")
    finally:
        db.close()
    seconds = time.perf_counter() - began
    result: dict[str, float] = dict(sorted(gen.written.items()))
    result.update(
        rows=sum(gen.written.values()),
        orders=orders,
        lines=gen.written["order_lines"],
        seconds=seconds,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the new database file (.sqlite3)")
    parser.add_argument("--start", default="2026-09-01", help="first day of the first month")
    parser.add_argument("--months", type=int, default=2)
    parser.add_argument("--orders-per-month", type=int, default=3000)
    parser.add_argument("--lines", type=float, default=6.7, help="order lines per order")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=4000, help="orders per transaction")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.out}{suffix}").unlink(missing_ok=True)
    result = generate(
        args.out,
        dt.date.fromisoformat(args.start),
        args.months,
        args.orders_per_month,
        args.lines,
        args.seed,
        batch_orders=args.batch,
        progress=print,
    )
    seconds = result["seconds"]
    print(
        f"{args.out}: {result['orders']:,.0f} orders, {result['lines']:,.0f} lines "
        f"({result['lines'] / max(1, result['orders']):.2f} per order), "
        f"{result['rows']:,.0f} rows in {seconds:.1f} s = {result['rows'] / seconds:,.0f} rows/s, "
        f"{args.out.stat().st_size / 2**20:,.1f} MiB"
    )
    for table, count in result.items():
        if table not in ("rows", "orders", "lines", "seconds"):
            print(f"  {table:20} {count:>12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
