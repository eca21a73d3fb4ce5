"""Two months at the counter with known statistics (the reports' tests).

Everything goes through the real actions, each at its own moment (Asia/Shanghai).
Advisors 王芳 (W) and 李强 (L); 陈主管 approves with PIN 2468; 赵师傅 in the workshop.
Lines are simple item-priced amounts (fen). "key out" is the main key going to the
workshop at the hand-off, "back" its return to the cabinet (4 h is the alert limit).

October 2026
  A1  W  皖B10001 TIGGO8PRO small_passenger  maintenance    labour 20000 + part 30000
         signed 10-08 09:00, promised 17:00; handed 09:30, completed 12:30 (180 min),
         key back 12:30; ready 13:00 (kept); WeChat 50000, settled 16:00; released 16:10
  A2  L  皖B10002 ARRIZO8 small_car          general_repair labour 40000 + part 60000
         (brakes) signed 10-20 10:00, promised 15:00; handed 10:20, completed 15:20
         (300 min), key back 15:20 (5 h: late); ready 15:40 (late); card 100000, settled
         16:00; released 16:30
  A3  W  皖B10003 TIGGO7 declined 10-25 09:30 after an estimate (labour 30000), fee 5000
         paid in cash and settled 09:40 (closed)
  A4  L  皖B10004 EQ1 mini_car, no repair category, labour 10000: signed 10-31 23:59:59
         (the last second of October), promised 11-01 12:00; handed 11-01 08:40,
         completed 10:40 (120 min), key back 10:40; ready 11:00 (kept); Alipay 10000,
         settled 11:30; released 11:40
November 2026
  A5  W  皖B10005 ARRIZO5 small_car maintenance labour 15000 + part 5000: signed 11-01
         00:00:00 (the first second of November), promised 12:00; handed 09:00,
         completed 10:50 (110 min), key back 10:50; ready 11:00 (kept); cash 20000,
         settled 11:30; released 11:50
  B2  L  皖B10002 (A2's car) comeback: labour 20000 warranty + part 30000 internal
         (brakes) + fee 2000 customer: signed 11-05 09:00 (flagged: A2 released 16 days
         before), promised 16:00; handed 09:20, completed 11:20 (120 min), key back
         11:20; ready 11:30 (kept); WeChat 2000, settled 12:00; released 12:10
  B1  W  皖B10001 (A1's car, 33 days later: no comeback) maintenance labour 30000 +
         part 50000, signed 11-10 09:00, promised 17:00; handed 09:30; extra work
         reported 10:30 (part 20000 + labour 10000, 60 min), phoned, approved 10:50 (the
         promise moves to 18:00); completed 13:30 (240 min), key back 13:30 (4 h: not
         late); ready 17:30 (kept: the moved promise); 10 % discount approved (11000);
         WeChat 60000 + cash 39000, settled 17:45; released 17:50
  B3  W  皖B10006 TIGGO9 small_offroad general_repair labour 50000 + part 100000,
         signed 11-12 09:00, promised 18:00; handed 09:30; extra work reported 10:00
         (labour 25000) declined 10:20; completed 14:30 (300 min), key back 14:30 (5 h:
         late); ready 15:00 (kept); card 100000, the supervisor lets 50000 out as
         arrears, settled 15:40; belongings back short (the child seat), released 15:50
  B4  L  皖B10007 TIGGO5X signed 11-14 10:00, handed 10:30 (key out), extra work
         reported 10:40, voided 11:00 by the supervisor: counts nowhere
  B5  W  皖B10008 ARRIZO5PLUS declined 11-18 10:30 with a 3000 fee, not paid
  B8  L  皖B10011 ICAR03 mini_car body_paint labour 30000 + part 50000: signed 11-22
         (Sunday) 20:00, promised 11-23 17:00; handed 11-23 08:30, completed 14:30
         (360 min), key back 14:30 (6 h: late); ready 15:00 (kept); transfer 80000,
         settled 16:00; released 16:10
  B7  W  皖B10010 TIGGO8PRO small_passenger general_repair labour 30000: signed 11-23
         (Monday) 09:00, promised 12:00; handed 09:10, completed 12:10 (180 min); ready
         12:30 (late); cash 30000, settled 13:00; released 13:30 the old way (the
         lifecycle step only, no release record): its key never came back from the
         workshop (still out: late), its belongings were not ticked back
  B6  L  皖B10009 ARRIZO8 small_car accident labour 60000: signed 11-26 09:00,
         promised 11-28 17:00; handed 09:30, key back 10:30; in progress; extra work
         reported 14:00 (labour 12000) waits for the customer

The known answers are below (OCTOBER, NOVEMBER, WEEK_48: Monday 11-23 .. Sunday 11-29,
LI_NOVEMBER: 李强's November, and the self-review figures); reports are taken at NOW_REPORT.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from service_desk import reference
from service_desk.actions import (
    archive,
    checkin,
    extra_work,
    keys,
    orders,
    release,
    settlement,
    staff,
    workshop,
)
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import BelongingInput, ChecklistEntry, DocumentCheck, Fuel
from service_desk.domain.clock import fixed_clock
from service_desk.domain.pricing import LineDraft
from service_desk.store import checkin_queries, key_queries
from service_desk.store.open import open_database

TZ = ZoneInfo("Asia/Shanghai")
PIN = "2468"
NOW_REPORT = dt.datetime(2026, 11, 30, 12, 0, tzinfo=TZ)


def at(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, second, tzinfo=TZ)


def labour(fen: int, payer: str = "customer", system: str | None = None) -> LineDraft:
    return LineDraft("labour", "工时", "item", 1000, fen, payer=payer, system_code=system)


def part(fen: int, payer: str = "customer", system: str | None = None) -> LineDraft:
    return LineDraft(
        "part",
        "配件",
        "item",
        1000,
        fen,
        payer=payer,
        system_code=system,
        parts_source="dealer",
        part_quality="genuine",
    )


def fee(fen: int) -> LineDraft:
    return LineDraft("fee", "杂费", "item", 1000, fen)


def make_ctx(path: Path) -> Ctx:
    """A database with the conftest staff: 王芳 and 李强 (advisors), 陈主管 (supervisor,
    PIN 2468), 赵师傅 (workshop); 王芳 at the counter."""
    ctx = Ctx(open_database(path), fixed_clock(at(10, 1, 8)))
    ctx.user_id = staff.add_staff(ctx, "王芳", "advisor")
    staff.add_staff(ctx, "李强", "advisor")
    staff.add_staff(ctx, "陈主管", "supervisor", pin=PIN)
    staff.add_staff(ctx, "赵师傅", "workshop")
    return ctx


@dataclass
class Dataset:
    ctx: Ctx
    staff: dict[str, int] = field(default_factory=dict)
    orders: dict[str, int] = field(default_factory=dict)  # "A1" -> order id
    vehicles: dict[str, int] = field(default_factory=dict)  # plate -> vehicle id
    keys: dict[str, int] = field(default_factory=dict)  # order name -> main key id
    hooks: dict[str, int] = field(default_factory=dict)
    km: dict[str, int] = field(default_factory=dict)  # order name -> odometer at check-in

    # --- the counter's moves ---------------------------------------------------------------

    def when(self, moment: dt.datetime, who: str | None = None) -> Ctx:
        self.ctx.clock = fixed_clock(moment)
        if who is not None:
            self.ctx.user_id = self.staff[who]
        return self.ctx

    def vehicle(self, plate: str, model: str, category: str, km: int, phone: str) -> int:
        self.when(at(10, 1, 8), "王芳")
        _, vid = archive.register_walk_in(
            self.ctx,
            CustomerInput(name=f"客户{plate[-2:]}", phone=phone, address="芜湖市镜湖区"),
            VehicleInput(
                plate=plate,
                model_code=model,
                category_code=category,
                purchase_date=dt.date(2024, 5, 1),
                odometer_km=km,
            ),
        )
        self.vehicles[plate] = vid
        return vid

    def open(
        self,
        name: str,
        plate: str,
        advisor: str,
        opened: dt.datetime,
        lines: list[LineDraft],
        category: str | None,
        promised: dt.datetime,
    ) -> int:
        ctx = self.when(opened, advisor)
        oid = orders.open_order(ctx, self.vehicles[plate], "客户来店")
        for line in lines:
            orders.add_line(ctx, oid, line)
        orders.save_reception(
            ctx, oid, request="客户来店", repair_category=category, promised_at=promised
        )
        self.orders[name] = oid
        return oid

    def sign(self, name: str, moment: dt.datetime) -> None:
        orders.sign(self.when(moment), self.orders[name])

    def check_in(
        self, name: str, moment: dt.datetime, km: int, hook: int, box: str, items=("雨伞",)
    ) -> None:
        oid = self.orders[name]
        ctx = self.when(moment)
        self.keys[name] = keys.register_key(ctx, oid, "main", hook)
        self.hooks[name] = hook
        self.km[name] = km
        checkin.save_checklist(
            ctx, oid, [ChecklistEntry(i.code, "ok") for i in reference.checklist_items()]
        )
        checkin.record_fuel_odometer(ctx, oid, Fuel("eighths", 4), km)
        checkin.record_documents(
            ctx,
            oid,
            [
                DocumentCheck(code, True, True, True, True)
                for code in ("driving_licence", "maintenance_book", "warranty_card")
            ]
            + [DocumentCheck("accident_report", True, True, True, True)],
        )
        checkin.set_belongings(ctx, oid, box, [BelongingInput(n, 1) for n in items])
        checkin.complete_check_in(ctx, oid)

    def hand(self, name: str, moment: dt.datetime, start: bool = True) -> None:
        ctx = self.when(moment)
        workshop.hand_off(
            ctx,
            self.orders[name],
            mode="single_team",
            team="机修一组",
            planned_minutes=240,
            receiver_name="赵师傅",
            handed_at=moment,
        )
        if start:
            workshop.start_work(ctx, self.orders[name])

    def key_back(self, name: str, moment: dt.datetime) -> None:
        keys.back_to_cabinet(self.when(moment), self.keys[name], self.hooks[name])

    def extra(self, name: str, moment: dt.datetime, lines: list[LineDraft], delay: int) -> int:
        return extra_work.report_extra(self.when(moment), self.orders[name], "赵师傅", lines, delay)

    def complete(self, name: str, moment: dt.datetime) -> None:
        workshop.complete_work(self.when(moment), self.orders[name])

    def ready(self, name: str, moment: dt.datetime) -> None:
        workshop.mark_ready(
            self.when(moment),
            self.orders[name],
            wash=True,
            interior=True,
            exterior=True,
            belongings_back=True,
            bills_collected=True,
            total_fen=0,
            notified_channel="phone",
        )

    def pay(self, name: str, moment: dt.datetime, method: str, fen: int) -> None:
        settlement.add_payment(self.when(moment), self.orders[name], method, fen)

    def settle(self, name: str, moment: dt.datetime) -> None:
        settlement.settle(self.when(moment), self.orders[name])

    def release(
        self, name: str, moment: dt.datetime, short: tuple[str, ...] = (), note: str = ""
    ) -> None:
        """Belongings ticked back (``short`` not handed back) and signed, documents back,
        readings out (10 km more), keys handed back, released."""
        oid = self.orders[name]
        ctx = self.when(moment)
        items = checkin_queries.belongings(ctx.db, oid)
        checkin.return_belongings(
            ctx, oid, {i["id"]: 0 if i["name"] in short else i["qty"] for i in items}, note
        )
        release.record_belongings_signed(ctx, oid)
        release.record_documents_returned(ctx, oid)
        release.record_odometer_fuel_out(ctx, oid, self.km[name] + 10, Fuel("eighths", 4))
        keys.return_keys_to_customer(ctx, oid)
        release.release(ctx, oid)

    def full_visit(
        self,
        name: str,
        *,
        signed: dt.datetime,
        km: int,
        hook: int,
        box: str,
        handed: dt.datetime,
        completed: dt.datetime,
        ready: dt.datetime,
        paid: list[tuple[str, int]],
        settled: dt.datetime,
        released: dt.datetime,
    ) -> None:
        """Signed, checked in (5 min later), handed off, completed (its key back at the
        same moment), ready, paid, settled and released."""
        self.sign(name, signed)
        self.check_in(name, signed + dt.timedelta(minutes=5), km, hook, box)
        self.hand(name, handed)
        self.complete(name, completed)
        self.key_back(name, completed)
        self.ready(name, ready)
        for i, (method, fen) in enumerate(paid):
            self.pay(name, settled - dt.timedelta(minutes=len(paid) - i), method, fen)
        self.settle(name, settled)
        self.release(name, released)


def build(ctx: Ctx) -> Dataset:
    """Write the two months described in the module docstring; returns the ids."""
    d = Dataset(ctx)
    d.staff = {r["name"]: r["id"] for r in ctx.db.query("SELECT id, name FROM staff ORDER BY id")}
    d.vehicle("皖B10001", "TIGGO8PRO", "small_passenger", 20000, "13900000001")
    d.vehicle("皖B10002", "ARRIZO8", "small_car", 30000, "13900000002")
    d.vehicle("皖B10003", "TIGGO7", "small_passenger", 40000, "13900000003")
    d.vehicle("皖B10004", "EQ1", "mini_car", 5000, "13900000004")
    d.vehicle("皖B10005", "ARRIZO5", "small_car", 50000, "13900000005")
    d.vehicle("皖B10006", "TIGGO9", "small_offroad", 10000, "13900000006")
    d.vehicle("皖B10007", "TIGGO5X", "small_passenger", 15000, "13900000007")
    d.vehicle("皖B10008", "ARRIZO5PLUS", "small_car", 25000, "13900000008")
    d.vehicle("皖B10009", "ARRIZO8", "small_car", 35000, "13900000009")
    d.vehicle("皖B10010", "TIGGO8PRO", "small_passenger", 45000, "13900000010")
    d.vehicle("皖B10011", "ICAR03", "mini_car", 8000, "13900000011")

    # --- October ---------------------------------------------------------------------------
    d.open(
        "A1",
        "皖B10001",
        "王芳",
        at(10, 8, 8, 50),
        [labour(20000), part(30000)],
        "maintenance",
        at(10, 8, 17),
    )
    d.full_visit(
        "A1",
        signed=at(10, 8, 9),
        km=20100,
        hook=1,
        box="1",
        handed=at(10, 8, 9, 30),
        completed=at(10, 8, 12, 30),
        ready=at(10, 8, 13),
        paid=[("wechat", 50000)],
        settled=at(10, 8, 16),
        released=at(10, 8, 16, 10),
    )
    d.open(
        "A2",
        "皖B10002",
        "李强",
        at(10, 20, 9, 50),
        [labour(40000, system="brakes"), part(60000, system="brakes")],
        "general_repair",
        at(10, 20, 15),
    )
    d.full_visit(
        "A2",
        signed=at(10, 20, 10),
        km=30100,
        hook=2,
        box="2",
        handed=at(10, 20, 10, 20),
        completed=at(10, 20, 15, 20),
        ready=at(10, 20, 15, 40),
        paid=[("card", 100000)],
        settled=at(10, 20, 16),
        released=at(10, 20, 16, 30),
    )
    # A3: a diagnosis, an estimate, declined; the fee paid and settled at the desk
    ctx3 = d.when(at(10, 25, 9), "王芳")
    a3 = orders.open_order(ctx3, d.vehicles["皖B10003"], "发动机抖动")
    d.orders["A3"] = a3
    orders.record_consent(d.when(at(10, 25, 9, 5)), a3)
    orders.add_line(d.when(at(10, 25, 9, 10)), a3, labour(30000))
    orders.decline(d.when(at(10, 25, 9, 30)), a3, note="客户考虑后不修")
    settlement.settle_fee(d.when(at(10, 25, 9, 40)), a3, "cash")

    # A4 signed in the last second of October, worked and released on November 1st
    d.open("A4", "皖B10004", "李强", at(10, 31, 23, 50), [labour(10000)], None, at(11, 1, 12))
    d.sign("A4", at(10, 31, 23, 59, 59))
    d.check_in("A4", at(11, 1, 8, 25), 5100, 4, "4")
    d.hand("A4", at(11, 1, 8, 40))
    d.complete("A4", at(11, 1, 10, 40))
    d.key_back("A4", at(11, 1, 10, 40))
    d.ready("A4", at(11, 1, 11))
    d.pay("A4", at(11, 1, 11, 29), "alipay", 10000)
    d.settle("A4", at(11, 1, 11, 30))
    d.release("A4", at(11, 1, 11, 40))

    # --- November --------------------------------------------------------------------------
    d.open(
        "A5",
        "皖B10005",
        "王芳",
        at(10, 31, 23, 55),
        [labour(15000), part(5000)],
        "maintenance",
        at(11, 1, 12),
    )
    d.sign("A5", at(11, 1, 0, 0, 0))
    d.check_in("A5", at(11, 1, 8, 50), 50100, 5, "5")
    d.hand("A5", at(11, 1, 9))
    d.complete("A5", at(11, 1, 10, 50))
    d.key_back("A5", at(11, 1, 10, 50))
    d.ready("A5", at(11, 1, 11))
    d.pay("A5", at(11, 1, 11, 29), "cash", 20000)
    d.settle("A5", at(11, 1, 11, 30))
    d.release("A5", at(11, 1, 11, 50))

    d.open(
        "B2",
        "皖B10002",
        "李强",
        at(11, 5, 8, 50),
        [labour(20000, "warranty", "brakes"), part(30000, "internal", "brakes"), fee(2000)],
        "comeback",
        at(11, 5, 16),
    )
    d.full_visit(
        "B2",
        signed=at(11, 5, 9),
        km=30500,
        hook=2,
        box="12",
        handed=at(11, 5, 9, 20),
        completed=at(11, 5, 11, 20),
        ready=at(11, 5, 11, 30),
        paid=[("wechat", 2000)],
        settled=at(11, 5, 12),
        released=at(11, 5, 12, 10),
    )

    d.open(
        "B1",
        "皖B10001",
        "王芳",
        at(11, 10, 8, 50),
        [labour(30000), part(50000)],
        "maintenance",
        at(11, 10, 17),
    )
    d.sign("B1", at(11, 10, 9))
    d.check_in("B1", at(11, 10, 9, 5), 20900, 1, "11")
    d.hand("B1", at(11, 10, 9, 30))
    x1 = d.extra("B1", at(11, 10, 10, 30), [part(20000), labour(10000)], 60)
    extra_work.record_contact(d.when(at(11, 10, 10, 40)), x1, "phone")
    extra_work.approve(d.when(at(11, 10, 10, 50)), x1, "车主本人")
    d.complete("B1", at(11, 10, 13, 30))
    d.key_back("B1", at(11, 10, 13, 30))
    d.ready("B1", at(11, 10, 17, 30))
    discount = settlement.request_discount(
        d.when(at(11, 10, 17, 35)), d.orders["B1"], percent_bp=1000, reason="会员九折"
    )
    settlement.decide_discount(
        d.when(at(11, 10, 17, 36)), discount, d.staff["陈主管"], PIN, approve=True
    )
    d.pay("B1", at(11, 10, 17, 40), "wechat", 60000)
    d.pay("B1", at(11, 10, 17, 41), "cash", 39000)
    d.settle("B1", at(11, 10, 17, 45))
    d.release("B1", at(11, 10, 17, 50))

    d.open(
        "B3",
        "皖B10006",
        "王芳",
        at(11, 12, 8, 50),
        [labour(50000), part(100000)],
        "general_repair",
        at(11, 12, 18),
    )
    d.sign("B3", at(11, 12, 9))
    d.check_in("B3", at(11, 12, 9, 5), 10100, 6, "6", items=("雨伞", "儿童座椅"))
    d.hand("B3", at(11, 12, 9, 30))
    x3 = d.extra("B3", at(11, 12, 10), [labour(25000)], 30)
    extra_work.record_contact(d.when(at(11, 12, 10, 10)), x3, "wechat")
    extra_work.decline(d.when(at(11, 12, 10, 20)), x3, "车主本人", "赵师傅", at(11, 12, 10, 20))
    d.complete("B3", at(11, 12, 14, 30))
    d.key_back("B3", at(11, 12, 14, 30))
    d.ready("B3", at(11, 12, 15))
    d.pay("B3", at(11, 12, 15, 30), "card", 100000)
    settlement.approve_arrears(
        d.when(at(11, 12, 15, 35)), d.orders["B3"], d.staff["陈主管"], PIN, "单位月结"
    )
    d.settle("B3", at(11, 12, 15, 40))
    d.release("B3", at(11, 12, 15, 50), short=("儿童座椅",), note="座椅客户已先行取走")

    d.open(
        "B4",
        "皖B10007",
        "李强",
        at(11, 14, 9, 50),
        [labour(8000)],
        "general_repair",
        at(11, 14, 17),
    )
    d.sign("B4", at(11, 14, 10))
    d.check_in("B4", at(11, 14, 10, 5), 15100, 7, "7")
    d.hand("B4", at(11, 14, 10, 30))
    d.extra("B4", at(11, 14, 10, 40), [labour(5000)], 10)
    orders.void(d.when(at(11, 14, 11)), d.orders["B4"], d.staff["陈主管"], PIN, "客户取消")

    ctx5 = d.when(at(11, 18, 10), "王芳")
    b5 = orders.open_order(ctx5, d.vehicles["皖B10008"], "空调不凉")
    d.orders["B5"] = b5
    orders.add_line(d.when(at(11, 18, 10, 5)), b5, labour(20000))
    orders.decline(d.when(at(11, 18, 10, 30)), b5, fee_fen=3000, note="嫌贵")

    d.open(
        "B8",
        "皖B10011",
        "李强",
        at(11, 22, 19, 50),
        [labour(30000), part(50000)],
        "body_paint",
        at(11, 23, 17),
    )
    d.full_visit(
        "B8",
        signed=at(11, 22, 20),
        km=8100,
        hook=11,
        box="8",
        handed=at(11, 23, 8, 30),
        completed=at(11, 23, 14, 30),
        ready=at(11, 23, 15),
        paid=[("transfer", 80000)],
        settled=at(11, 23, 16),
        released=at(11, 23, 16, 10),
    )

    d.open(
        "B7",
        "皖B10010",
        "王芳",
        at(11, 23, 8, 50),
        [labour(30000)],
        "general_repair",
        at(11, 23, 12),
    )
    d.sign("B7", at(11, 23, 9))
    d.check_in("B7", at(11, 23, 9, 5), 45100, 10, "10")
    d.hand("B7", at(11, 23, 9, 10))
    d.complete("B7", at(11, 23, 12, 10))
    d.ready("B7", at(11, 23, 12, 30))
    d.pay("B7", at(11, 23, 12, 59), "cash", 30000)
    d.settle("B7", at(11, 23, 13))
    # released the old way: the lifecycle step only, no release record, key still out
    orders.advance(d.when(at(11, 23, 13, 30)), d.orders["B7"], "released", "released")

    d.open("B6", "皖B10009", "李强", at(11, 26, 8, 50), [labour(60000)], "accident", at(11, 28, 17))
    d.sign("B6", at(11, 26, 9))
    d.check_in("B6", at(11, 26, 9, 5), 35100, 9, "9")
    d.hand("B6", at(11, 26, 9, 30))
    d.key_back("B6", at(11, 26, 10, 30))
    d.extra("B6", at(11, 26, 14), [labour(12000)], 120)

    assert key_queries.key(ctx.db, d.keys["B7"])["state"] == "out"
    return d


# --- the known answers ---------------------------------------------------------------------
# Orders by name in signing order; money in fen.

OCTOBER = {
    "received": ["A1", "A2", "A4"],
    "declined": 1,  # A3
    "released": 2,  # A1, A2
    "intake": {dt.date(2026, 10, 8): 1, dt.date(2026, 10, 20): 1, dt.date(2026, 10, 31): 1},
    "by_model": [("ARRIZO8", 1, 100000), ("TIGGO8PRO", 1, 50000), ("EQ1", 1, 10000)],
    "by_vehicle_category": [
        ("small_car", 1, 100000),
        ("small_passenger", 1, 50000),
        ("mini_car", 1, 10000),
    ],
    "by_repair_category": [
        ("general_repair", 1, 100000),
        ("maintenance", 1, 50000),
        ("", 1, 10000),
    ],
    "revenue": {
        "labour_fen": 60000,
        "parts_fen": 90000,
        "fees_fen": 5000,  # A3's fee
        "total_fen": 155000,
        "customer_fen": 155000,
        "warranty_fen": 0,
        "internal_fen": 0,
        "discount_fen": 0,
        "paid_fen": 155000,
        "arrears_fen": 0,
        "open_arrears_fen": 0,
        "settled_orders": 3,
        "by_method": {"cash": 5000, "card": 100000, "wechat": 50000},
    },
    "extra": {"offered": 0, "accepted": 0, "declined": 0, "offered_fen": 0, "accepted_fen": 0},
    # A1 180 min, A2 300 min; A1 kept, A2 late
    "workshop": {"completed": 2, "average_minutes": 240, "promises_due": 2, "promises_kept": 1},
    "kept_rate_bp": 5000,
    "exceptions": {
        "keys_out_late": 1,  # A2 (5 h)
        "keys_not_returned": 0,
        "belongings_missing": 0,
        "comebacks": 0,
    },
}

NOVEMBER = {
    # A4 was signed in October; B4 is void; B5 declined
    "received": ["A5", "B2", "B1", "B3", "B8", "B7", "B6"],
    "declined": 1,  # B5
    "released": 7,  # A4, A5, B2, B1, B3, B8, B7
    "intake": {dt.date(2026, 11, d): 1 for d in (1, 5, 10, 12, 22, 23, 26)},
    "by_model": [
        ("TIGGO8PRO", 2, 140000),  # B1 110000 (with the approved extra work) + B7 30000
        ("ARRIZO8", 2, 112000),  # B2 52000 + B6 60000
        ("TIGGO9", 1, 150000),
        ("ICAR03", 1, 80000),
        ("ARRIZO5", 1, 20000),
    ],
    "by_vehicle_category": [
        ("small_car", 3, 132000),  # A5, B2, B6
        ("small_passenger", 2, 140000),  # B1, B7
        ("small_offroad", 1, 150000),
        ("mini_car", 1, 80000),
    ],
    "by_repair_category": [
        ("general_repair", 2, 180000),  # B3, B7
        ("maintenance", 2, 130000),  # A5, B1
        ("body_paint", 1, 80000),
        ("accident", 1, 60000),
        ("comeback", 1, 52000),
    ],
    "revenue": {
        # settled: A4, A5, B2, B1, B3, B8, B7
        "labour_fen": 195000,
        "parts_fen": 255000,
        "fees_fen": 2000,
        "total_fen": 452000,
        "customer_fen": 402000,
        "warranty_fen": 20000,
        "internal_fen": 30000,
        "discount_fen": 11000,
        "paid_fen": 341000,
        "arrears_fen": 50000,
        "open_arrears_fen": 50000,
        "settled_orders": 7,
        "by_method": {
            "cash": 89000,
            "card": 100000,
            "wechat": 62000,
            "alipay": 10000,
            "transfer": 80000,
        },
    },
    # B1 approved (30000), B3 declined (25000), B6 waiting (12000); B4's is void
    "extra": {
        "offered": 3,
        "accepted": 1,
        "declined": 1,
        "offered_fen": 67000,
        "accepted_fen": 30000,
    },
    # A4 120, A5 110, B2 120, B1 240, B3 300, B8 360, B7 180: 1430 / 7 = 204.3
    "workshop": {"completed": 7, "average_minutes": 204, "promises_due": 7, "promises_kept": 6},
    "kept_rate_bp": 8571,
    "exceptions": {
        "keys_out_late": 3,  # B3 (5 h), B8 (6 h), B7 (still out); B1's 4 h is not late
        "keys_not_returned": 1,  # B7
        "belongings_missing": 1,  # B3
        "comebacks": 1,  # B2
    },
}

# Monday 11-23 .. Sunday 11-29: B8 was signed on the Sunday before
WEEK_48 = {
    "received": ["B7", "B6"],
    "declined": 0,
    "released": 2,  # B8, B7
    "intake": {dt.date(2026, 11, 23): 1, dt.date(2026, 11, 26): 1},
    "by_model": [("ARRIZO8", 1, 60000), ("TIGGO8PRO", 1, 30000)],
    "by_vehicle_category": [("small_car", 1, 60000), ("small_passenger", 1, 30000)],
    "by_repair_category": [("accident", 1, 60000), ("general_repair", 1, 30000)],
    "revenue": {
        "labour_fen": 60000,
        "parts_fen": 50000,
        "fees_fen": 0,
        "total_fen": 110000,
        "customer_fen": 110000,
        "warranty_fen": 0,
        "internal_fen": 0,
        "discount_fen": 0,
        "paid_fen": 110000,
        "arrears_fen": 0,
        "open_arrears_fen": 50000,  # B3's, let out on 11-12
        "settled_orders": 2,
        "by_method": {"cash": 30000, "transfer": 80000},
    },
    "extra": {"offered": 1, "accepted": 0, "declined": 0, "offered_fen": 12000, "accepted_fen": 0},
    "workshop": {"completed": 2, "average_minutes": 270, "promises_due": 2, "promises_kept": 1},
    "kept_rate_bp": 5000,
    "exceptions": {
        "keys_out_late": 2,  # B8, B7
        "keys_not_returned": 1,
        "belongings_missing": 0,
        "comebacks": 0,
    },
}

# 李强's November: B2, B8, B6 received (B4 void); A4, B2, B8 released and settled
LI_NOVEMBER = {
    "received": ["B2", "B8", "B6"],
    "declined": 0,
    "released": 3,
    "intake": {dt.date(2026, 11, 5): 1, dt.date(2026, 11, 22): 1, dt.date(2026, 11, 26): 1},
    "by_model": [("ARRIZO8", 2, 112000), ("ICAR03", 1, 80000)],
    "by_vehicle_category": [("small_car", 2, 112000), ("mini_car", 1, 80000)],
    "by_repair_category": [
        ("body_paint", 1, 80000),
        ("accident", 1, 60000),
        ("comeback", 1, 52000),
    ],
    "revenue": {
        "labour_fen": 60000,
        "parts_fen": 80000,
        "fees_fen": 2000,
        "total_fen": 142000,
        "customer_fen": 92000,
        "warranty_fen": 20000,
        "internal_fen": 30000,
        "discount_fen": 0,
        "paid_fen": 92000,
        "arrears_fen": 0,
        "open_arrears_fen": 0,
        "settled_orders": 3,
        "by_method": {"wechat": 2000, "alipay": 10000, "transfer": 80000},
    },
    "extra": {"offered": 1, "accepted": 0, "declined": 0, "offered_fen": 12000, "accepted_fen": 0},
    # A4 120, B2 120, B8 360
    "workshop": {"completed": 3, "average_minutes": 200, "promises_due": 3, "promises_kept": 3},
    "kept_rate_bp": 10000,
    "exceptions": {
        "keys_out_late": 1,  # B8
        "keys_not_returned": 0,
        "belongings_missing": 0,
        "comebacks": 1,
    },
}

REVIEW_LI_NOVEMBER = {
    "received": 3,
    "released": 3,
    "declined": 0,
    "promises_due": 3,
    "promises_kept": 3,
    "extra_offered": 1,
    "extra_accepted": 0,
    "extra_accepted_fen": 0,
    "revenue_fen": 142000,
    "discount_fen": 0,
    "arrears_fen": 0,
    "comebacks": 1,
}

REVIEW_WANG_NOVEMBER = {
    "received": 4,  # A5, B1, B3, B7
    "released": 4,
    "declined": 1,  # B5
    "promises_due": 4,
    "promises_kept": 3,  # B7 late
    "extra_offered": 2,
    "extra_accepted": 1,
    "extra_accepted_fen": 30000,
    "revenue_fen": 310000,
    "discount_fen": 11000,
    "arrears_fen": 50000,
    "comebacks": 0,
}

# 王芳's day, 2026-11-10: B1 from signing to release
REVIEW_WANG_NOV_10 = {
    "received": 1,
    "released": 1,
    "declined": 0,
    "promises_due": 1,
    "promises_kept": 1,
    "extra_offered": 1,
    "extra_accepted": 1,
    "extra_accepted_fen": 30000,
    "revenue_fen": 110000,
    "discount_fen": 11000,
    "arrears_fen": 0,
    "comebacks": 0,
}
