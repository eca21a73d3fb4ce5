"""The daily call list (R2): service bands from the car's own readings, declined work, cars
in the shop or booked left out, most urgent first; what the contact log (R3) changes: call
backs, unanswered tries, not interested, sold cars, wrong numbers."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from service_desk.actions import appointments, archive, extra_work, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.call_list import LAPSED_AFTER_DAYS, call_list, numbers_to_mend
from service_desk.domain import contacts as contact_rules
from service_desk.domain import next_service as ns
from service_desk.domain.clock import fixed_clock
from service_desk.domain.pricing import LineDraft
from tests.actions.test_extra_work import BELT, in_workshop
from tests.conftest import NOW

TODAY = NOW.date()
D = dt.date


def at_day(day: dt.date) -> dt.datetime:
    return NOW.replace(year=day.year, month=day.month, day=day.day)


def car(
    ctx,
    n: int,
    readings: list[tuple[dt.date, int]],
    due_date: dt.date | None = None,
    due_km: int | None = None,
) -> int:
    """A customer with a car, registered at its first reading; the later readings recorded on
    their days."""
    (first_day, first_km), *rest = readings
    ctx.clock = fixed_clock(at_day(first_day))
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name=f"客户{n}", phone=f"1385532{n:04d}"),
        VehicleInput(
            plate=f"皖B{n:05d}",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            odometer_km=first_km,
            next_due_date=due_date,
            next_due_km=due_km,
        ),
    )
    for day, km in rest:
        ctx.clock = fixed_clock(at_day(day))
        archive.record_odometer(ctx, vid, km, "manual")
    ctx.clock = fixed_clock(NOW)
    return vid


ONE = [(D(2026, 11, 1), 8000)]
REGULAR = [  # 30 km a day
    (D(2026, 1, 1), 10000),
    (D(2026, 4, 1), 12700),
    (D(2026, 6, 30), 15400),
    (D(2026, 9, 28), 18100),
]
WIPERS = LineDraft(
    kind="labour",
    description="更换雨刮片",
    mode="item",
    qty_milli=1000,
    unit_price_fen=8000,
    system_code="body",
)


@pytest.fixture
def fleet(ctx) -> dict[str, int]:
    cars = {
        "by_km": car(ctx, 1, REGULAR, D(2027, 3, 1), 20000),  # 20000 km on 1 Dec
        "overdue": car(ctx, 2, ONE, D(2026, 11, 20), 50000),
        "edge_30": car(ctx, 3, ONE, TODAY + dt.timedelta(days=30)),
        "edge_7": car(ctx, 4, ONE, TODAY + dt.timedelta(days=7)),
        "later": car(ctx, 5, ONE, D(2027, 6, 1)),
        "in_shop": car(ctx, 6, ONE, D(2026, 10, 1)),
        "booked": car(ctx, 7, ONE, D(2026, 10, 1)),
        "declined": car(ctx, 8, ONE, D(2027, 6, 1)),
    }
    orders.open_order(ctx, cars["in_shop"], "异响")
    appointments.book(
        ctx,
        appointments.Booking(
            vehicle_id=cars["booked"],
            start=NOW.replace(hour=9, minute=0) + dt.timedelta(days=1),
            items="保养",
        ),
    )
    ctx.clock = fixed_clock(at_day(D(2026, 11, 10)))
    oid = orders.open_order(ctx, cars["declined"], "雨刮不干净")
    orders.add_line(ctx, oid, WIPERS)
    orders.decline(ctx, oid, fee_fen=0)
    ctx.clock = fixed_clock(NOW)
    return cars


def test_bands_exclusions_and_order(ctx, fleet):
    lines = call_list(ctx.db, TODAY)
    ids = {v: k for k, v in fleet.items()}
    assert [ids[line.vehicle_id] for line in lines] == [
        "overdue",
        "by_km",
        "edge_7",
        "edge_30",
        "declined",
    ]
    assert [line.codes for line in lines] == [
        (ns.OVERDUE,),
        (ns.DUE_7,),
        (ns.DUE_7,),
        (ns.DUE_30,),
        (ns.DECLINED,),
    ]


def test_regular_readings_figures(ctx, fleet):
    line = next(x for x in call_list(ctx.db, TODAY) if x.vehicle_id == fleet["by_km"])
    assert (line.plate, line.customer_name, line.phone) == ("皖B00001", "客户1", "13855320001")
    figures = line.reasons[0].figures
    assert figures["km_per_day"] == 30.0
    assert figures["rate_basis"] == "window"
    assert figures["due_km"] == 20000
    assert figures["km_date"] == D(2026, 12, 1)
    assert figures["due_day"] == D(2026, 12, 1)
    assert figures["predicted_km"] == 18100 + 60 * 30


def test_declined_estimate_line(ctx, fleet):
    line = next(x for x in call_list(ctx.db, TODAY) if x.vehicle_id == fleet["declined"])
    assert line.last_visit == D(2026, 11, 10)
    (reason,) = line.reasons
    assert reason.figures["description"] == "更换雨刮片"
    assert reason.figures["amount_fen"] == 8000
    assert reason.figures["source"] == "estimate"
    assert reason.figures["declined_on"] == D(2026, 11, 10)


def test_declined_extra_work_once_the_car_has_left(ctx, order_id):
    in_workshop(ctx, order_id)
    orders.advance(ctx, order_id, "in_progress")
    extra = extra_work.report_extra(ctx, order_id, "吴海涛", [BELT], 45)
    extra_work.record_contact(ctx, extra, "phone")
    extra_work.decline(ctx, extra, "张伟", "吴海涛", NOW)
    assert call_list(ctx.db, TODAY) == []  # still in the shop
    # the rest of the visit is not this test's subject: the order is finished directly
    ctx.db.execute("UPDATE repair_orders SET state = 'done' WHERE id = ?", [order_id])
    (line,) = call_list(ctx.db, TODAY)
    declined = [r for r in line.reasons if r.code == ns.DECLINED]
    assert [(r.figures["source"], r.figures["description"]) for r in declined] == [
        ("extra_work", "更换发动机皮带"),
    ]
    assert declined[0].figures["amount_fen"] == 30000


def test_declined_work_older_than_a_year_is_dropped(ctx, fleet):
    lines = call_list(ctx.db, TODAY + dt.timedelta(days=400))
    (line,) = [x for x in lines if x.vehicle_id == fleet["declined"]]
    assert line.codes == (ns.OVERDUE,)  # its service is overdue by then; the wipers dropped


def test_a_finished_maintenance_restarts_the_schedule(ctx, order_id):
    # 皖B7K2M9 (bought 2023-06-18, overdue at registration) is in the shop: not called
    assert call_list(ctx.db, TODAY) == []
    # its maintenance order (signed today, odometer 41500 at reception) finished: next due
    # in 12 months or 10000 km; its readings are all from today, so 40 km a day by default
    ctx.db.execute("UPDATE repair_orders SET state = 'done' WHERE id = ?", [order_id])
    assert call_list(ctx.db, TODAY) == []
    last_km = archive.last_odometer(ctx, 1)
    km_day = TODAY + dt.timedelta(days=math.ceil((51500 - last_km) / ns.DEFAULT_KM_PER_DAY))
    assert km_day < dt.date(2027, 11, 27)  # the km comes first
    (line,) = call_list(ctx.db, km_day - dt.timedelta(days=7))
    assert (line.codes, line.due.due_date, line.due.due_km, line.due.day) == (
        (ns.DUE_7,),
        dt.date(2027, 11, 27),
        51500,
        km_day,
    )
    assert call_list(ctx.db, km_day - dt.timedelta(days=8))[0].codes == (ns.DUE_30,)


# --- the contact log on the list (R3) ------------------------------------------------------


def log(ctx, vehicle_id: int, outcome: str, **kw) -> int:
    from service_desk.actions import contacts

    customer = ctx.db.execute(
        "SELECT owner_id FROM vehicles WHERE id = ?", [vehicle_id]
    ).fetchone()[0]
    data = contacts.ContactInput(
        customer,
        vehicle_id,
        kw.pop("channel", "phone"),
        kw.pop("purpose", "service_due"),
        outcome,
        **kw,
    )
    return contacts.log_contact(ctx, data).contact_id


def listed(ctx, fleet, today=TODAY, now=None) -> list[str]:
    names = {v: k for k, v in fleet.items()}
    return [names[line.vehicle_id] for line in call_list(ctx.db, today, now)]


def test_a_call_back_leaves_the_list_until_its_time_then_ranks_after_overdue(ctx, fleet):
    three = NOW.replace(hour=15, minute=0)
    log(ctx, fleet["edge_30"], "call_back", call_back_at=three)
    # the customer of a car with nothing due asked to be called tomorrow morning
    log(ctx, fleet["later"], "call_back", call_back_at=three.replace(hour=10) + dt.timedelta(1))
    assert listed(ctx, fleet, now=NOW) == ["overdue", "by_km", "edge_7", "declined"]
    at_three = call_list(ctx.db, TODAY, three)
    assert [line.vehicle_id for line in at_three][:2] == [fleet["overdue"], fleet["edge_30"]]
    back = at_three[1]
    assert back.codes == (ns.CALL_BACK, ns.DUE_30) and back.rank == ns.RANK[ns.CALL_BACK]
    assert back.call_back_at == three and back.purpose == "call_back"
    assert back.reasons[0].figures["asked_by"] == "王芳"
    assert (back.last_contact.outcome, back.last_contact.staff_name) == ("call_back", "王芳")
    # a list for the whole day (no time given) holds every call back asked for that day
    assert "edge_30" in listed(ctx, fleet)
    tomorrow = call_list(ctx.db, TODAY + dt.timedelta(1), three + dt.timedelta(1))
    later = next(line for line in tomorrow if line.vehicle_id == fleet["later"])
    assert later.codes == (ns.CALL_BACK,)  # even with nothing else to call about
    # reached at last: not interested, the call back is done and the service held
    ctx.clock = fixed_clock(three + dt.timedelta(minutes=5))
    log(ctx, fleet["edge_30"], "not_interested", purpose="call_back")
    assert "edge_30" not in listed(ctx, fleet, now=ctx.clock())


def test_no_answer_stays_on_the_list_with_its_tries(ctx, fleet):
    log(ctx, fleet["edge_7"], "no_answer")
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=3))
    log(ctx, fleet["edge_7"], "no_answer", note="关机")
    line = next(x for x in call_list(ctx.db, TODAY) if x.vehicle_id == fleet["edge_7"])
    assert line.unanswered == 2 and line.codes == (ns.DUE_7,)
    assert (line.last_contact.outcome, line.last_contact.note) == ("no_answer", "关机")
    assert line.last_contact.at == NOW + dt.timedelta(hours=3)


def test_not_interested_holds_the_purpose_for_thirty_days(ctx, fleet):
    log(ctx, fleet["edge_7"], "not_interested")
    log(ctx, fleet["declined"], "not_interested", purpose="service_due")
    assert listed(ctx, fleet) == ["overdue", "by_km", "edge_30", "declined"]  # wipers remain
    log(ctx, fleet["declined"], "not_interested", purpose="declined_work")
    assert "declined" not in listed(ctx, fleet)
    later = TODAY + dt.timedelta(days=contact_rules.NOT_INTERESTED_DAYS)
    assert {"edge_7", "declined"} <= set(listed(ctx, fleet, later))


def test_a_sold_car_comes_back_when_it_comes_in_again(ctx, fleet):
    log(ctx, fleet["overdue"], "sold_car", channel="wechat")
    assert "overdue" not in listed(ctx, fleet)
    ctx.clock = fixed_clock(NOW + dt.timedelta(days=2))
    oid = orders.open_order(ctx, fleet["overdue"], "新车主来问保养价格")
    assert "overdue" not in listed(ctx, fleet, TODAY + dt.timedelta(2))  # at the counter
    orders.add_line(ctx, oid, WIPERS)
    orders.decline(ctx, oid, fee_fen=0)  # it came in (and left): called about again
    assert "overdue" in listed(ctx, fleet, TODAY + dt.timedelta(2))


def test_a_wrong_number_is_mended_in_the_archive(ctx, fleet):
    log(ctx, fleet["overdue"], "wrong_number", note="空号")
    assert "overdue" not in listed(ctx, fleet)
    [mend] = numbers_to_mend(ctx.db)
    assert (mend["customer_name"], mend["phone"], mend["vehicle_id"], mend["note"]) == (
        "客户2",
        "13855320002",
        fleet["overdue"],
        "空号",
    )
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=1))
    customer = ctx.db.execute(
        "SELECT owner_id FROM vehicles WHERE id = ?", [fleet["overdue"]]
    ).fetchone()[0]
    archive.update_customer(ctx, customer, CustomerInput(name="客户2", phone="13955550002"))
    assert numbers_to_mend(ctx.db) == []
    assert listed(ctx, fleet)[0] == "overdue"


def test_a_complaint_waiting_for_its_answer_holds_the_customer(ctx, fleet):
    from service_desk.actions import care

    customer = ctx.db.execute(
        "SELECT owner_id FROM vehicles WHERE id = ?", [fleet["by_km"]]
    ).fetchone()[0]
    cid = care.open_complaint(
        ctx, customer, "上次说好的价格不对", "phone", reply_by=NOW + dt.timedelta(hours=4)
    )
    assert "by_km" not in listed(ctx, fleet)
    care.answer_complaint(ctx, cid, "已核对并退还差价")
    assert "by_km" in listed(ctx, fleet)


def test_within_a_rank_the_call_backs_come_first(ctx, fleet):
    earlier = car(ctx, 9, ONE, D(2026, 11, 1))  # overdue longer than "overdue"
    fleet = {**fleet, "earlier": earlier}
    assert listed(ctx, fleet)[:2] == ["earlier", "overdue"]
    three = NOW.replace(hour=15, minute=0)
    log(ctx, fleet["overdue"], "call_back", call_back_at=three)
    at_three = call_list(ctx.db, TODAY, three)
    assert [line.vehicle_id for line in at_three][:2] == [fleet["overdue"], earlier]
    assert at_three[0].codes == (ns.CALL_BACK, ns.OVERDUE)
    assert at_three[0].rank == ns.RANK[ns.OVERDUE]


# --- ten years of cars: the lapsed ones leave the list -------------------------------------


def test_a_car_overdue_by_more_than_a_year_has_lapsed(ctx, fleet):
    due = D(2026, 11, 20)  # the due day of "overdue"
    edge = due + dt.timedelta(days=LAPSED_AFTER_DAYS)
    assert "overdue" in listed(ctx, fleet, edge)
    assert "overdue" not in listed(ctx, fleet, edge + dt.timedelta(days=1))
    # declined work keeps a lapsed car on the list, for that work alone
    ctx.clock = fixed_clock(at_day(edge))
    oid = orders.open_order(ctx, fleet["overdue"], "刹车片")
    orders.add_line(ctx, oid, WIPERS)
    orders.decline(ctx, oid, fee_fen=0)
    later = edge + dt.timedelta(days=30)
    (line,) = [x for x in call_list(ctx.db, later) if x.vehicle_id == fleet["overdue"]]
    assert line.codes == (ns.DECLINED,) and line.due.band(later) == ns.OVERDUE


def test_the_list_reads_only_the_cars_it_can_show(ctx, fleet, monkeypatch):
    from service_desk.store import call_list_queries as q

    read = []
    candidates = q.call_candidates

    def spy(db, due_from, due_to, extra_ids=()):
        for row in candidates(db, due_from, due_to, extra_ids):
            read.append(row["vehicle_id"])
            yield row

    monkeypatch.setattr(q, "call_candidates", spy)
    lines = call_list(ctx.db, TODAY)
    names = {v: k for k, v in fleet.items()}
    assert {names[v] for v in read} == {"by_km", "overdue", "edge_30", "edge_7", "declined"}
    assert {names[line.vehicle_id] for line in lines} == {names[v] for v in read}
