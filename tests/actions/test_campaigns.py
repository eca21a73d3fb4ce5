"""Customer groups, campaigns and letter runs (R2, R3) over cars built through the real
actions, with a known answer for every criterion.

The fleet (today 2026-11-27; the 12-month window runs from 2025-11-28):

  car     owner  model      bought      visits (fee settled)              due
  old     客户1  TIGGO8PRO  2021-05-10  2025-06-01 ¥100 (before window),  2026-11-20 overdue
                                        2026-03-15 ¥200
  new     客户2  TIGGO8PRO  2025-12-01  2026-10-10 ¥300, 2026-11-20 ¥50,  2026-12-01 within 7
                                        2026-11-25 voided
  arrizo  客户3  ARRIZO5    2023-11-27  none                              2026-12-20 within 30
  away    客户4  ARRIZO5    2022-11-28  2025-11-27 ¥400 (a day too old)   2027-06-01 later
  eq1     客户5  EQ1        —           2026-11-27 ¥80 (today)            2027-03-01 later
  second  客户2  TIGGO8PRO  2020-01-01  none                              2026-11-01 overdue
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.actions import appointments, archive, contacts, orders, settlement
from service_desk.actions import campaigns as cp
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import ActionError
from service_desk.domain import next_service as ns
from service_desk.domain.clock import fixed_clock
from service_desk.domain.segments import CampaignDraft, Criteria
from service_desk.domain.validation import ValidationError
from service_desk.store.errors import StorageError
from tests.conftest import NOW, staff_id

TODAY = NOW.date()
D = dt.date


def at_day(day: dt.date, hour: int = 10) -> dt.datetime:
    return NOW.replace(year=day.year, month=day.month, day=day.day, hour=hour, minute=0)


def visit(ctx, vid: int, day: dt.date, fee_fen: int, hour: int = 10) -> int:
    """An order opened on ``day``: diagnosed, declined with a fee, the fee settled."""
    ctx.clock = fixed_clock(at_day(day, hour))
    oid = orders.open_order(ctx, vid, "检查")
    orders.record_consent(ctx, oid)
    orders.decline(ctx, oid, fee_fen=fee_fen)
    settlement.settle_fee(ctx, oid, "cash")
    ctx.clock = fixed_clock(NOW)
    return oid


def register(ctx, n: int, model: str, bought, registered, due, owner: int | None = None) -> int:
    ctx.clock = fixed_clock(at_day(registered, 9))
    vehicle = VehicleInput(
        plate=f"皖B{n:05d}",
        model_code=model,
        category_code="small_passenger",
        purchase_date=bought,
        odometer_km=20000,
        next_due_date=due,
    )
    if owner is None:
        _, vid = archive.register_walk_in(
            ctx,
            CustomerInput(name=f"客户{n}", phone=f"1385532{n:04d}", address=f"芜湖市{n}号"),
            vehicle,
        )
    else:
        vid = archive.register_vehicle(ctx, owner, vehicle)
    ctx.clock = fixed_clock(NOW)
    return vid


def owner(ctx, vid: int) -> int:
    return ctx.db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vid]).fetchone()[0]


@pytest.fixture
def fleet(ctx) -> dict[str, int]:
    cars = {
        "old": register(ctx, 1, "TIGGO8PRO", D(2021, 5, 10), D(2025, 6, 1), D(2026, 11, 20)),
        "new": register(ctx, 2, "TIGGO8PRO", D(2025, 12, 1), D(2025, 12, 1), D(2026, 12, 1)),
        "arrizo": register(ctx, 3, "ARRIZO5", D(2023, 11, 27), D(2024, 1, 10), D(2026, 12, 20)),
        "away": register(ctx, 4, "ARRIZO5", D(2022, 11, 28), D(2024, 5, 1), D(2027, 6, 1)),
        "eq1": register(ctx, 5, "EQ1", None, D(2026, 11, 1), D(2027, 3, 1)),
    }
    cars["second"] = register(
        ctx, 6, "TIGGO8PRO", D(2020, 1, 1), D(2026, 1, 5), D(2026, 11, 1), owner(ctx, cars["new"])
    )
    visit(ctx, cars["old"], D(2025, 6, 1), 10000)
    visit(ctx, cars["old"], D(2026, 3, 15), 20000)
    visit(ctx, cars["new"], D(2026, 10, 10), 30000)
    visit(ctx, cars["new"], D(2026, 11, 20), 5000)
    ctx.clock = fixed_clock(at_day(D(2026, 11, 25)))
    voided = orders.open_order(ctx, cars["new"], "问价")
    orders.void(ctx, voided, staff_id(ctx, "陈主管"), "2468", "开错单")
    visit(ctx, cars["away"], D(2025, 11, 27), 40000)
    visit(ctx, cars["eq1"], TODAY, 8000, hour=9)
    return cars


def names(fleet, found) -> list[str]:
    by_id = {v: k for k, v in fleet.items()}
    return sorted(by_id[m.vehicle_id] for m in found)


# --- members ---------------------------------------------------------------------------------


def test_each_member_carries_its_figures(ctx, fleet):
    found = {m.vehicle_id: m for m in cp.members(ctx.db, Criteria(visits_min=0), TODAY)}
    assert len(found) == 6
    old, new, arrizo, away, eq1 = (found[fleet[k]] for k in ("old", "new", "arrizo", "away", "eq1"))
    assert (old.plate, old.customer_name, old.phone, old.model_code) == (
        "皖B00001",
        "客户1",
        "13855320001",
        "TIGGO8PRO",
    )
    assert (old.age, old.visits, old.spend_fen, old.last_visit) == (5, 1, 20000, D(2026, 3, 15))
    assert (new.age, new.visits, new.spend_fen, new.last_visit) == (0, 2, 35000, D(2026, 11, 20))
    assert (arrizo.age, arrizo.visits, arrizo.spend_fen, arrizo.last_visit) == (3, 0, 0, None)
    assert (away.age, away.visits, away.spend_fen, away.last_visit) == (3, 0, 0, D(2025, 11, 27))
    assert (eq1.age, eq1.visits, eq1.spend_fen, eq1.last_visit) == (None, 1, 8000, TODAY)
    assert old.due_day == D(2026, 11, 20) and old.due.band(TODAY) == ns.OVERDUE
    assert new.due.band(TODAY) == ns.DUE_7 and arrizo.due.band(TODAY) == ns.DUE_30
    assert all(m.reachable for m in found.values())


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (Criteria(models=("TIGGO8PRO",)), ["new", "old", "second"]),
        (Criteria(models=("ARRIZO5", "EQ1")), ["arrizo", "away", "eq1"]),
        (Criteria(age_min=3), ["arrizo", "away", "old", "second"]),
        (Criteria(age_max=3), ["arrizo", "away", "new"]),
        (Criteria(age_min=3, age_max=3), ["arrizo", "away"]),  # 3 today; 4 tomorrow
        (Criteria(age_min=4, age_max=5), ["old"]),
        (Criteria(visits_min=1), ["eq1", "new", "old"]),
        (Criteria(visits_min=2), ["new"]),  # the voided order is no visit
        (Criteria(visits_max=0), ["arrizo", "away", "second"]),
        (Criteria(spend_min_fen=20000), ["new", "old"]),
        (Criteria(spend_max_fen=10000), ["arrizo", "away", "eq1", "second"]),
        (Criteria(spend_min_fen=8000, spend_max_fen=8000), ["eq1"]),
        (Criteria(last_visit_before_days=365), ["arrizo", "second"]),  # never seen
        (Criteria(last_visit_before_days=364), ["arrizo", "away", "second"]),
        (Criteria(last_visit_within_days=7), ["eq1", "new"]),
        (Criteria(last_visit_before_days=30, last_visit_within_days=400), ["away", "old"]),
        (Criteria(due="overdue"), ["old", "second"]),
        (Criteria(due="within_7"), ["new"]),
        (Criteria(due="within_30"), ["arrizo", "new"]),
        (Criteria(due="overdue_or_30"), ["arrizo", "new", "old", "second"]),
        (Criteria(models=("TIGGO8PRO",), due="overdue", visits_max=0), ["second"]),
    ],
)
def test_criteria_known_answers(ctx, fleet, criteria, expected):
    assert names(fleet, cp.members(ctx.db, criteria, TODAY)) == expected


def test_counts_cars_and_customers(ctx, fleet):
    found = cp.members(ctx.db, Criteria(models=("TIGGO8PRO",)), TODAY)
    assert cp.rules.count_of(found) == cp.rules.Count(cars=3, customers=2)


def test_members_of_an_earlier_day(ctx, fleet):
    # on 2026-10-01 the later visits had not happened: 2026-10-10 and after are left out
    day = D(2026, 10, 1)
    new = next(m for m in cp.members(ctx.db, Criteria(visits_min=0), day) if m.plate == "皖B00002")
    assert (new.visits, new.spend_fen, new.last_visit) == (0, 0, None)


def test_invalid_criteria_are_refused(ctx, fleet):
    with pytest.raises(ValidationError) as exc:
        cp.members(ctx.db, Criteria(age_min=4, age_max=2, models=("NOPE",)), TODAY)
    assert {(p.field, p.code) for p in exc.value.problems} == {
        ("age", "range.order"),
        ("models", "models.unknown"),
    }


def test_a_finished_maintenance_restarts_the_schedule(ctx, order_id):
    # 皖B7K2M9 (bought 2023-06-18) was overdue at registration; its maintenance order is
    # finished today: due again in 12 months or 10000 km, as the call list predicts it
    (car,) = cp.members(ctx.db, Criteria(due="overdue"), TODAY)
    assert car.plate == "皖B7K2M9"
    ctx.db.execute("UPDATE repair_orders SET state = 'done' WHERE id = ?", [order_id])
    assert cp.members(ctx.db, Criteria(due="overdue"), TODAY) == []
    (car,) = cp.members(ctx.db, Criteria(models=("TIGGO8PRO",)), TODAY)
    assert (car.due.due_date, car.due.due_km) == (D(2027, 11, 27), 51500)


# --- groups -------------------------------------------------------------------------------------


def test_save_retire_and_reuse_a_name(ctx, fleet):
    gid = cp.save_group(ctx, " 首保到期客户 ", Criteria(due="overdue_or_30"), "每周一打印")
    g = cp.sq.group(ctx.db, gid)
    assert (g["name"], g["note"], g["created_by_name"]) == ("首保到期客户", "每周一打印", "王芳")
    assert cp.criteria_of(g) == Criteria(due="overdue_or_30")
    assert names(fleet, cp.group_members(ctx.db, gid, TODAY)) == ["arrizo", "new", "old", "second"]
    with pytest.raises(ActionError) as exc:
        cp.save_group(ctx, "首保到期客户", Criteria(age_min=1))
    assert (exc.value.code, exc.value.field) == ("group.duplicate", "name")
    with pytest.raises(ValidationError) as bad:
        cp.save_group(ctx, "", Criteria())
    assert {(p.field, p.code) for p in bad.value.problems} == {
        ("criteria", "criteria.required"),
        ("name", "text.required"),
    }
    cp.retire_group(ctx, gid)
    assert [x["id"] for x in cp.groups(ctx.db)] == []
    with pytest.raises(ActionError) as again:
        cp.retire_group(ctx, gid)
    assert again.value.code == "group.retired"
    second = cp.save_group(ctx, "首保到期客户", Criteria(age_min=1))
    assert [x["id"] for x in cp.groups(ctx.db)] == [second]
    actions = ctx.db.execute(
        "SELECT action FROM audit WHERE entity = 'customer_group' ORDER BY id"
    ).fetchall()
    assert [a for (a,) in actions] == ["save", "retire", "save"]


def test_the_database_keeps_groups_as_saved(ctx, fleet):
    gid = cp.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))
    for sql, params in [
        ("UPDATE customer_groups SET criteria = ? WHERE id = ?", ['{"age_min": 1}', gid]),
        ("UPDATE customer_groups SET name = 'x' WHERE id = ?", [gid]),
        ("DELETE FROM customer_groups WHERE id = ?", [gid]),
        (
            "INSERT INTO customer_groups (name, criteria, created_at, created_by) "
            "VALUES ('y', '{}', 't', 1)",
            [],
        ),
        (
            "INSERT INTO customer_groups (name, criteria, created_at, created_by) "
            "VALUES ('y', 'not json', 't', 1)",
            [],
        ),
    ]:
        with pytest.raises((sqlite3.DatabaseError, StorageError)):
            ctx.db.execute(sql, params)


# --- campaigns ----------------------------------------------------------------------------------


def winter(**kw) -> CampaignDraft:
    base = {
        "name": "冬季免费检测",
        "kind": "free_inspection",
        "valid_from": TODAY,
        "valid_to": D(2027, 1, 31),
        "offer": "免费检测 20 项，工时 8 折",
        "letter_text": "冬季来临，本店为您的爱车提供免费检测。",
    }
    return CampaignDraft(**{**base, **kw})


@pytest.fixture
def tiggo_campaign(ctx, fleet) -> int:
    gid = cp.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))
    return cp.launch_campaign(ctx, gid, winter())


def test_launch_keeps_the_targets_of_the_day(ctx, fleet, tiggo_campaign):
    c = cp.campaign(ctx.db, tiggo_campaign)
    assert (c["name"], c["kind"], c["group_name"], c["launched_by_name"]) == (
        "冬季免费检测",
        "free_inspection",
        "瑞虎8 车主",
        "王芳",
    )
    assert (c["valid_from"], c["valid_to"]) == ("2026-11-27", "2027-01-31")
    assert names(fleet, cp.targets(ctx.db, tiggo_campaign, TODAY)) == ["new", "old", "second"]
    # a Tiggo registered later joins the group, not the campaign
    register(ctx, 7, "TIGGO8PRO", D(2024, 1, 1), TODAY, D(2027, 1, 1))
    assert len(cp.group_members(ctx.db, c["group_id"], TODAY)) == 4
    assert cp.figures(ctx.db, tiggo_campaign) == {
        "targeted": 3,
        "targeted_customers": 2,
        "letters": 0,
        "contacted": 0,
        "booked": 0,
    }
    (row,) = cp.campaign_list(ctx.db, TODAY)
    assert (row["status"], row["targeted"]) == ("running", 3)
    audit = ctx.db.execute("SELECT after_json FROM audit WHERE entity = 'campaign'").fetchone()
    assert '"targets": 3' in audit[0]
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute("DELETE FROM campaign_targets WHERE campaign_id = ?", [tiggo_campaign])
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute("UPDATE campaigns SET offer = 'x' WHERE id = ?", [tiggo_campaign])


def test_launch_refusals(ctx, fleet, tiggo_campaign):
    gid = cp.sq.campaign(ctx.db, tiggo_campaign)["group_id"]
    with pytest.raises(ActionError) as dup:
        cp.launch_campaign(ctx, gid, winter())
    assert (dup.value.code, dup.value.field) == ("campaign.duplicate", "name")
    with pytest.raises(ValidationError) as bad:
        cp.launch_campaign(ctx, gid, winter(name="促销", kind="promotion", offer=""))
    assert [(p.field, p.code) for p in bad.value.problems] == [("offer", "text.required")]
    nobody = cp.save_group(ctx, "没有人", Criteria(visits_min=50))
    with pytest.raises(ActionError) as empty:
        cp.launch_campaign(ctx, nobody, winter(name="空"))
    assert (empty.value.code, empty.value.field) == ("campaign.no_targets", "group")
    cp.retire_group(ctx, gid)
    with pytest.raises(ActionError) as retired:
        cp.launch_campaign(ctx, gid, winter(name="又一个"))
    assert retired.value.code == "group.retired"
    cp.end_campaign(ctx, tiggo_campaign)
    assert cp.campaign_list(ctx.db, TODAY)[0]["status"] == "ended"
    with pytest.raises(ActionError) as ended:
        cp.end_campaign(ctx, tiggo_campaign)
    assert ended.value.code == "campaign.ended"
    # ended: its name is free again
    other = cp.save_group(ctx, "全部", Criteria(visits_min=0))
    assert cp.launch_campaign(ctx, other, winter())


# --- letter runs --------------------------------------------------------------------------------


def phone_contact(ctx, vid: int, outcome: str, **kw):
    return contacts.log_contact(
        ctx,
        contacts.ContactInput(
            customer_id=owner(ctx, vid),
            vehicle_id=vid,
            channel="phone",
            purpose=kw.pop("purpose", "other"),
            outcome=outcome,
            **kw,
        ),
    )


def test_group_reminder_run_one_letter_per_customer(ctx, fleet):
    gid = cp.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))
    run = cp.letter_run(ctx, group_id=gid)
    assert run.kind == "reminder" and run.campaign is None and run.group["id"] == gid
    assert [(x.customer_name, [m.plate for m in x.cars]) for x in run.letters] == [
        ("客户1", ["皖B00001"]),
        ("客户2", ["皖B00002", "皖B00006"]),
    ]
    assert (run.cars, run.left_out, run.already_sent) == (3, 0, 0)
    assert ctx.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0  # not yet
    ids = cp.record_letters(ctx, run)
    rows = list(ctx.db.query("SELECT * FROM contacts ORDER BY id"))
    assert [r["id"] for r in rows] == ids
    assert [(r["customer_id"], r["vehicle_id"], r["note"]) for r in rows] == [
        (owner(ctx, fleet["old"]), fleet["old"], "皖B00001"),
        (owner(ctx, fleet["new"]), None, "皖B00002、皖B00006"),
    ]
    assert {(r["channel"], r["purpose"], r["outcome"], r["campaign_id"]) for r in rows} == {
        ("letter", "letter", "sent", None)
    }
    assert {r["at"] for r in rows} == {NOW.isoformat()}
    audited = ctx.db.execute(
        "SELECT count(*) FROM audit WHERE entity = 'contact' AND action = 'letter'"
    ).fetchone()[0]
    assert audited == 2


def test_sold_cars_and_wrong_numbers_get_no_letter_until_mended(ctx, fleet):
    gid = cp.save_group(ctx, "瑞虎8 车主", Criteria(models=("TIGGO8PRO",)))
    ctx.clock = fixed_clock(NOW - dt.timedelta(hours=1))
    phone_contact(ctx, fleet["old"], "sold_car")
    phone_contact(ctx, fleet["second"], "wrong_number")  # 客户2: both their cars
    ctx.clock = fixed_clock(NOW)
    found = {m.plate: m for m in cp.group_members(ctx.db, gid, TODAY)}
    assert found["皖B00001"].sold_car and not found["皖B00001"].wrong_number
    assert found["皖B00002"].wrong_number and found["皖B00006"].wrong_number
    with pytest.raises(ActionError) as exc:
        cp.letter_run(ctx, group_id=gid)
    assert exc.value.code == "letter.nobody" and exc.value.params["left_out"] == 3
    # the number mended (the customer's record updated after the call)
    customer = ctx.db.execute("SELECT * FROM customers WHERE id = ?", [owner(ctx, fleet["new"])])
    c = dict(zip([d[0] for d in customer.description], customer.fetchone(), strict=True))
    archive.update_customer(ctx, c["id"], CustomerInput(name=c["name"], phone="13955550002"))
    run = cp.letter_run(ctx, group_id=gid)
    assert [x.customer_name for x in run.letters] == ["客户2"] and run.left_out == 1
    # the sold car comes in again: its owner has it after all
    ctx.clock = fixed_clock(NOW + dt.timedelta(minutes=5))
    orders.open_order(ctx, fleet["old"], "保养")
    assert cp.letter_run(ctx, group_id=gid).left_out == 0


def test_campaign_run_once_per_customer_and_its_refusals(ctx, fleet, tiggo_campaign):
    run = cp.letter_run(ctx, campaign_id=tiggo_campaign)
    assert run.kind == "invitation" and run.campaign["id"] == tiggo_campaign
    assert [x.customer_name for x in run.letters] == ["客户1", "客户2"]
    cp.record_letters(ctx, run)
    rows = list(ctx.db.query("SELECT purpose, campaign_id, channel FROM contacts"))
    assert rows == [{"purpose": "campaign", "campaign_id": tiggo_campaign, "channel": "letter"}] * 2
    with pytest.raises(ActionError) as again:
        cp.letter_run(ctx, campaign_id=tiggo_campaign)
    assert again.value.code == "letter.nobody" and again.value.params["already_sent"] == 2
    assert len(cp.letter_run(ctx, campaign_id=tiggo_campaign, resend=True).letters) == 2
    gid = cp.sq.campaign(ctx.db, tiggo_campaign)["group_id"]
    quiet = cp.launch_campaign(ctx, gid, winter(name="无信", letter_text=""))
    with pytest.raises(ActionError) as no_text:
        cp.letter_run(ctx, campaign_id=quiet)
    assert (no_text.value.code, no_text.value.field) == ("letter_text.required", "letter_text")
    cp.end_campaign(ctx, tiggo_campaign)
    with pytest.raises(ActionError) as ended:
        cp.letter_run(ctx, campaign_id=tiggo_campaign, resend=True)
    assert ended.value.code == "campaign.ended"


def test_figures_and_the_call_list_reasons(ctx, fleet, tiggo_campaign):
    tomorrow_9 = NOW.replace(hour=9, minute=0) + dt.timedelta(days=1)
    # 'second' is booked before any letter: not an answer to the campaign
    ctx.clock = fixed_clock(NOW - dt.timedelta(minutes=30))
    appointments.book(
        ctx, appointments.Booking(vehicle_id=fleet["second"], start=tomorrow_9, items="保养")
    )
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=1))
    cp.record_letters(ctx, cp.letter_run(ctx, campaign_id=tiggo_campaign))
    reasons = cp.campaign_reasons(ctx.db, TODAY)
    assert sorted(reasons) == sorted([fleet["old"], fleet["new"], fleet["second"]])
    (reason,) = reasons[fleet["old"]]
    assert reason == {
        "code": "campaign",
        "campaign_id": tiggo_campaign,
        "name": "冬季免费检测",
        "kind": "free_inspection",
        "offer": "免费检测 20 项，工时 8 折",
        "valid_from": TODAY,
        "valid_to": D(2027, 1, 31),
        "letter_sent_on": TODAY,
    }
    # 'old' is phoned about the campaign: nobody answers (still to call), then it books;
    # 'new' books by itself after the letter
    ctx.clock = fixed_clock(NOW + dt.timedelta(minutes=90))
    phone_contact(ctx, fleet["old"], "no_answer", purpose="campaign", campaign_id=tiggo_campaign)
    assert cp.figures(ctx.db, tiggo_campaign)["contacted"] == 0
    assert fleet["old"] in cp.campaign_reasons(ctx.db, TODAY)
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=2))
    phone_contact(
        ctx,
        fleet["old"],
        "booked",
        purpose="campaign",
        campaign_id=tiggo_campaign,
        booking=appointments.Booking(
            vehicle_id=fleet["old"], start=tomorrow_9 + dt.timedelta(hours=1), items="免费检测"
        ),
    )
    appointments.book(
        ctx,
        appointments.Booking(
            vehicle_id=fleet["new"], start=tomorrow_9 + dt.timedelta(hours=2), items="检测"
        ),
    )
    assert cp.figures(ctx.db, tiggo_campaign) == {
        "targeted": 3,
        "targeted_customers": 2,
        "letters": 3,
        "contacted": 1,
        "booked": 2,
    }
    assert sorted(cp.campaign_reasons(ctx.db, TODAY)) == [fleet["second"]]
    # a cancelled booking is no answer: 'new' is back on the call list
    (appointment,) = appointments.day_list(ctx.db, tomorrow_9.date())[2:]
    appointments.cancel(ctx, appointment["id"], "客户改主意")
    assert cp.figures(ctx.db, tiggo_campaign)["booked"] == 1
    assert sorted(cp.campaign_reasons(ctx.db, TODAY)) == sorted([fleet["new"], fleet["second"]])
    # not started yet, over, or ended: not on the call list
    assert cp.campaign_reasons(ctx.db, TODAY - dt.timedelta(days=1)) == {}
    assert cp.campaign_reasons(ctx.db, D(2027, 2, 1)) == {}
    cp.end_campaign(ctx, tiggo_campaign)
    assert cp.campaign_reasons(ctx.db, TODAY) == {}


def test_the_daily_call_list_carries_the_campaign(ctx, fleet, tiggo_campaign):
    """A targeted car is on the call list for its campaign (after any service reason);
    the call about it counts for the campaign; not interested takes it off."""
    from service_desk.actions.call_list import call_list
    from service_desk.domain import next_service as ns

    lines = {line.vehicle_id: line for line in call_list(ctx.db, TODAY)}
    new = lines[fleet["new"]]  # due 2026-12-01, work declined, targeted: the campaign last
    assert new.codes[0] == ns.DUE_7 and new.codes[-1] == ns.CAMPAIGN
    assert new.purpose == "service_due"
    assert new.campaign_id is None
    assert fleet["arrizo"] not in lines or ns.CAMPAIGN not in lines[fleet["arrizo"]].codes
    ctx.clock = fixed_clock(NOW + dt.timedelta(hours=1))
    phone_contact(ctx, fleet["new"], "not_interested", purpose="service_due")
    phone_contact(ctx, fleet["new"], "not_interested", purpose="declined_work")
    line = {x.vehicle_id: x for x in call_list(ctx.db, TODAY)}[fleet["new"]]
    assert line.codes == (ns.CAMPAIGN,) and line.purpose == "campaign"
    assert line.campaign_id == tiggo_campaign and line.rank == ns.RANK[ns.CAMPAIGN]
    phone_contact(
        ctx, fleet["new"], "not_interested", purpose="campaign", campaign_id=tiggo_campaign
    )
    assert fleet["new"] not in {x.vehicle_id for x in call_list(ctx.db, TODAY)}
