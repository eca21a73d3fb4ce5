"""The small dataset of the smoke test (service_desk/smoke.py), written through the real
actions: a dealer and three staff; one repair order from the counter to the release gate
(standard job, warranty lines, diagnosis, keys on hooks, check-in, extra work approved,
settled, released, its warranty claim filed); an appointment with its deposit; the
advisor's day and month self-reviews; a customer group for the reminder letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

PRINTED_BY = "smoke test"
PIN = "2468"
TABLES = ("staff", "customers", "repair_orders", "order_lines", "appointments", "audit")


class Dataset:
    """A small dealership written through the actions, in stages; after some of them the
    order's forms are printed (each at its stage: the key tag while the keys hang in the
    cabinet, the guarantee once the car is released)."""

    def __init__(self, db: Any, now: dt.datetime) -> None:
        from service_desk.actions.context import Ctx
        from service_desk.domain.clock import fixed_clock

        self.now = now
        self.ctx = Ctx(db, fixed_clock(now))
        self.order_id = 0
        self.vehicle_id = 0
        self.appointment_id = 0

    def at(self, hour: int, minute: int, days: int = 0) -> dt.datetime:
        from service_desk.domain.clock import fixed_clock

        moment = self.now.replace(hour=hour, minute=minute) + dt.timedelta(days=days)
        self.ctx.clock = fixed_clock(moment)
        return moment

    def stages(self) -> list[tuple[str, Callable[[], None], bool]]:
        """(name, step, render the order's forms after it) in order."""
        return [
            ("staff and dealer", self._staff, False),
            ("order signed and checked in", self._order, True),  # key tag, check-in sheet …
            ("workshop and extra work", self._workshop, False),
            ("settled and released", self._checkout, True),  # statement, guarantee, exit
            ("appointment, reviews, group", self._care, False),
        ]

    def _staff(self) -> None:
        from service_desk.actions import staff
        from service_desk.store import settings

        db = self.ctx.db
        settings.put(db, "dealer_name", "芜湖奇瑞汽车服务有限公司")
        settings.put(db, "dealer_phone", "0553-5821234")
        settings.put(db, "dealer_address", "芜湖市弋江区中山南路1088号")
        self.ctx.user_id = staff.add_staff(self.ctx, "王芳", "advisor")
        staff.add_staff(self.ctx, "陈建国", "supervisor", pin=PIN)
        staff.add_staff(self.ctx, "赵志刚", "workshop")

    def summary(self) -> str:
        db = self.ctx.db
        count = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        return ", ".join(f"{t} {n}" for t, n in count.items())

    def order_forms(self, done: Collection[str]) -> dict[str, Callable[[], bytes]]:
        """The order's forms it has now (and not in done), by template kind."""
        from service_desk.printing.forms import kinds_for, render_form

        def renderer(kind: str) -> Callable[[], bytes]:
            return lambda: render_form(
                self.ctx.db, kind, self.order_id, now=self.ctx.clock(), printed_by=PRINTED_BY
            )

        return {k: renderer(k) for k in kinds_for(self.ctx.db, self.order_id) if k not in done}

    def _order(self) -> None:
        """A walk-in with a standard job, a warranty repair and a diagnosis; signed, keys
        on hooks 7 and 8, checked in."""
        from service_desk import reference
        from service_desk.actions import archive, checkin, keys, orders
        from service_desk.domain import checkin as ci
        from service_desk.domain.pricing import LineDraft

        ctx = self.ctx
        _, self.vehicle_id = archive.register_walk_in(
            ctx,
            archive.CustomerInput(name="张伟", phone="13855321234", address="芜湖市镜湖区"),
            archive.VehicleInput(
                plate="皖B7K2M9",
                vin="LVVDB11B9KD123458",
                model_code="TIGGO8PRO",
                category_code="small_passenger",
                purchase_date=dt.date(2025, 6, 18),
                odometer_km=21230,
            ),
        )
        oid = self.order_id = orders.open_order(ctx, self.vehicle_id, "左前车窗升不上去，做保养")
        orders.record_consent(ctx, oid)
        orders.apply_standard_job(ctx, oid, "service_10000")
        for line in (
            LineDraft(kind="labour", description="更换左前车窗升降器", mode="system",
                      qty_milli=1000, unit_price_fen=12_000, payer="warranty", system_code="body"),
            LineDraft(kind="part", description="左前车窗升降器总成", mode="item",
                      qty_milli=1000, unit_price_fen=42_000, payer="warranty", system_code="body",
                      parts_source="dealer", part_quality="genuine"),
        ):  # fmt: skip
            orders.add_line(ctx, oid, line)
        orders.save_reception(
            ctx,
            oid,
            request="左前车窗升不上去，做保养",
            diagnosis="左前车窗升降器电机烧毁",
            odometer_in=21500,
            promised_at=self.now + dt.timedelta(hours=7),
        )
        orders.sign(ctx, oid)
        keys.register_key(ctx, oid, "main", 7)
        keys.register_key(ctx, oid, "spare", 8)
        checkin.save_checklist(
            ctx, oid, [ci.ChecklistEntry(i.code, "ok") for i in reference.checklist_items()]
        )
        checkin.record_fuel_odometer(ctx, oid, ci.Fuel("eighths", 4), 21500)
        documents = ("driving_licence", "maintenance_book")
        checkin.record_documents(
            ctx, oid, [ci.DocumentCheck(d, True, True, True, True) for d in documents]
        )
        checkin.set_belongings(ctx, oid, "12", [ci.BelongingInput("雨伞", 1)])
        checkin.complete_check_in(ctx, oid)

    def _workshop(self) -> None:
        """Handed off, extra work approved by the customer, completed, ready."""
        from service_desk.actions import extra_work, workshop
        from service_desk.domain.pricing import LineDraft

        ctx, oid = self.ctx, self.order_id
        workshop.hand_off(
            ctx, oid, mode="single_team", team="机修一组", planned_minutes=240,
            receiver_name="赵志刚", handed_at=self.at(9, 40), washed=True,
        )  # fmt: skip
        workshop.start_work(ctx, oid)
        self.at(11, 0)
        extra = extra_work.report_extra(
            ctx, oid, "赵志刚",
            [LineDraft(kind="labour", description="前刹车盘光盘", mode="item",
                       qty_milli=1000, unit_price_fen=26_000, system_code="brakes")],
            30,
        )  # fmt: skip
        extra_work.record_contact(ctx, extra, "phone")
        extra_work.approve(ctx, extra, "张伟")
        self.at(16, 0)
        workshop.complete_work(ctx, oid)
        self.at(16, 30)
        workshop.mark_ready(
            ctx, oid, wash=True, interior=True, exterior=True, belongings_back=True,
            bills_collected=True, total_fen=0, notified_channel="phone",
        )  # fmt: skip

    def _checkout(self) -> None:
        """Paid, settled, key and belongings back, released; its warranty claim filed."""
        from service_desk.actions import checkin, keys, warranty
        from service_desk.actions import release as rel
        from service_desk.actions import settlement as sa
        from service_desk.domain.checkin import Fuel
        from service_desk.store import checkin_queries, key_queries

        ctx, oid = self.ctx, self.order_id
        self.at(17, 0)
        sa.add_payment(ctx, oid, "wechat", sa.statement(ctx.db, oid)["customer_due_fen"])
        sa.settle(ctx, oid)
        for key in key_queries.keys_of_order(ctx.db, oid):
            if key["state"] == "out":
                keys.back_to_cabinet(ctx, key["id"], 7)
        keys.return_keys_to_customer(ctx, oid)
        items = checkin_queries.belongings(ctx.db, oid)
        checkin.return_belongings(ctx, oid, {i["id"]: i["qty"] for i in items})
        rel.record_belongings_signed(ctx, oid)
        rel.record_documents_returned(ctx, oid)
        rel.record_odometer_fuel_out(ctx, oid, 21512, Fuel("eighths", 4))
        rel.release(ctx, oid)
        warranty.file_claim(ctx, oid, "SP202611270001")

    def _care(self) -> None:
        """An appointment for tomorrow with its deposit, the day's and month's
        self-reviews, a customer group for the reminder letters."""
        from service_desk.actions import appointments as ap
        from service_desk.actions import campaigns, self_review
        from service_desk.domain.report import Period
        from service_desk.domain.segments import Criteria

        ctx = self.ctx
        self.at(17, 30)
        self.appointment_id = ap.book(
            ctx,
            ap.Booking(
                vehicle_id=self.vehicle_id,
                start=self.now.replace(hour=9, minute=0) + dt.timedelta(days=1),
                requested_by="dealer",
                items="保养，检查空调",
                jobs=("service_10000",),
                parts_estimate_fen=53_800,
                parts_to_order=True,
            ),
        )
        ap.record_deposit(ctx, self.appointment_id, "wechat", 26_900)
        texts = ("接车环检都当面确认。", "承诺时间要提前告知客户。", "明天跟进配件到货。")
        self.day = Period.day(self.now.date())
        self.month = Period.month(self.now.year, self.now.month)
        self_review.save(ctx, "day", self.day, *texts)
        self_review.save(ctx, "month", self.month, *texts)
        self.group = campaigns.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))

    def other_forms(self) -> dict[str, Callable[[], bytes]]:
        """The forms printed without an order, by template kind."""
        from service_desk.actions import appointment_stats, campaigns, keys, self_review
        from service_desk.printing import appointment_forms as af
        from service_desk.printing.appointment_stats_form import render_appointment_stats
        from service_desk.printing.key_forms import render_key_report
        from service_desk.printing.letter_forms import render_letters
        from service_desk.printing.review_forms import render_self_review
        from service_desk.printing.warranty_forms import render_open_claims

        ctx, db, by = self.ctx, self.ctx.db, {"printed_by": PRINTED_BY}
        now = {"now": ctx.clock(), **by}
        first, last = self.month.start, self.month.end
        return {
            "repair_order (English)": lambda: self._english(),
            "appointment": lambda: af.render_appointment(db, self.appointment_id, **now),
            "bay_list": lambda: af.render_bay_list(db, self.now.date(), **now),
            "appointment_stats": lambda: render_appointment_stats(
                db, appointment_stats.appointment_statistics(db, first, last), **now
            ),
            "key_report": lambda: render_key_report(db, keys.reconciliation(ctx), **by),
            "self_review_day": lambda: render_self_review(
                db, self_review.draft(ctx, "day", self.day), **now
            ),
            "self_review_month": lambda: render_self_review(
                db, self_review.draft(ctx, "month", self.month), **now
            ),
            "letter": lambda: render_letters(
                db, campaigns.letter_run(ctx, group_id=self.group), **now
            ),
            "warranty_claims": lambda: render_open_claims(db, **now),
        }

    def _english(self) -> bytes:
        from service_desk.printing.forms import render_form

        return render_form(
            self.ctx.db,
            "repair_order",
            self.order_id,
            now=self.now,
            printed_by=PRINTED_BY,
            lang="en",
        )
