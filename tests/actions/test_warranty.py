"""Warranty claims (R19) through the real actions: the orders to claim, filing, the
manufacturer's approval, rejection (filed again) and payment, the open claims with their
age and chase, the figures; refusals by the actions and again by the database; and the
first-service (首保) list."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from service_desk import reference
from service_desk.actions import archive, checkin, keys, orders, workshop
from service_desk.actions import release as rel
from service_desk.actions import warranty as wa
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import ActionError
from service_desk.domain import warranty as rules
from service_desk.domain.checkin import ChecklistEntry, DocumentCheck, Fuel
from service_desk.domain.pricing import LineDraft
from service_desk.store import queries
from tests.actions import test_release
from tests.actions.test_workshop import at, bring_to_ready, hand, set_clock
from tests.conftest import NOW

DAY = dt.timedelta(days=1)
LABOUR, PART, WASH = 12_000, 42_000, 3_000
WARRANTY = LABOUR + PART


def warranty_order(ctx, plate: str = "皖B12345", phone: str = "13812345678") -> int:
    """A signed order: a window regulator under warranty (labour and part) and a car wash
    the customer pays."""
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone=phone),
        VehicleInput(
            plate=plate,
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2025, 3, 1),
            odometer_km=23000,
        ),
    )
    set_clock(ctx, at(9, 30))
    oid = orders.open_order(ctx, vid, "左前车窗升不上去")
    for line in (
        LineDraft(
            kind="labour",
            description="更换左前车窗升降器（保修）",
            mode="system",
            qty_milli=1000,
            unit_price_fen=LABOUR,
            payer="warranty",
            system_code="body",
        ),
        LineDraft(
            kind="part",
            description="左前车窗升降器总成",
            mode="item",
            qty_milli=1000,
            unit_price_fen=PART,
            payer="warranty",
            system_code="body",
            parts_source="dealer",
            part_quality="genuine",
        ),
        LineDraft(kind="fee", description="洗车", mode="item", qty_milli=1000, unit_price_fen=WASH),
    ):
        orders.add_line(ctx, oid, line)
    orders.save_reception(
        ctx,
        oid,
        request="左前车窗升不上去",
        odometer_in=23500,
        promised_at=NOW + dt.timedelta(hours=6),
    )
    orders.sign(ctx, oid)
    return oid


def release(ctx, order_id: int) -> int:
    """Worked, settled and released at 17:00 (test_release's steps)."""
    bring_to_ready(ctx, order_id, WASH, "phone")
    test_release._all_but(ctx, order_id, "")
    rel.release(ctx, order_id)
    return order_id


@pytest.fixture
def released(ctx) -> int:
    return release(ctx, warranty_order(ctx))


def refused(call, code: str, field: str | None = None) -> ActionError:
    with pytest.raises(ActionError) as exc:
        call()
    assert (exc.value.code, exc.value.field) == (code, field)
    return exc.value


def audit_actions(ctx, claim_id: int) -> list[str]:
    return [
        r[0]
        for r in ctx.db.execute(
            "SELECT action FROM audit WHERE entity = 'warranty_claim' AND entity_id = ? "
            "ORDER BY id",
            [claim_id],
        )
    ]


def test_a_claim_filed_approved_and_paid(ctx, order_id, released):
    release(ctx, order_id)  # the conftest order: nothing under warranty, nothing to claim
    [row] = wa.orders_to_claim(ctx.db)
    assert (row["order_id"], row["warranty_fen"], row["plate"], row["state"]) == (
        released,
        WARRANTY,
        "皖B12345",
        "released",
    )
    assert row["rejected_claims"] == 0 and row["finished_at"] == "2026-11-27T17:00:00+08:00"

    set_clock(ctx, at(10, 0) + DAY)
    cid = wa.file_claim(ctx, released, " sp-2026 1128-01 ", note="客户首次反映")
    claim = wa.claim(ctx.db, cid)
    assert claim["claim_number"] == "SP-20261128-01"
    assert (claim["state"], claim["lines_fen"], claim["claimed_fen"]) == (
        "submitted",
        WARRANTY,
        WARRANTY,
    )
    assert claim["submitted_at"] == "2026-11-28T10:00:00+08:00"
    assert claim["submitted_by_name"] == "王芳" and claim["note"] == "客户首次反映"
    assert (
        claim["refiles"] is None
        and claim["order_number"] == queries.order(ctx.db, released)["number"]
    )
    assert wa.orders_to_claim(ctx.db) == []
    [open_row] = wa.open_claims(ctx.db, ctx.clock())
    assert (open_row["id"], open_row["age_days"], open_row["chase"]) == (cid, 0, False)
    assert open_row["expected_fen"] == WARRANTY

    set_clock(ctx, at(11, 0) + 10 * DAY)
    refused(lambda: wa.approve(ctx, cid, WARRANTY + 1), "approved.over_claimed", "approved")
    refused(lambda: wa.mark_paid(ctx, cid, 100), "claim.state")  # not approved yet
    wa.approve(ctx, cid, 50_000)
    claim = wa.claim(ctx.db, cid)
    assert (claim["state"], claim["approved_fen"], claim["approved_by_name"]) == (
        "approved",
        50_000,
        "王芳",
    )
    assert claim["approved_at"] == "2026-12-07T11:00:00+08:00"
    [open_row] = wa.open_claims(ctx.db, ctx.clock())
    assert (open_row["age_days"], open_row["waiting_days"], open_row["expected_fen"]) == (
        9,
        0,
        50_000,
    )

    set_clock(ctx, at(15, 0) + 40 * DAY)
    refused(lambda: wa.mark_paid(ctx, cid, 50_001), "paid.over_approved", "paid")
    refused(lambda: wa.mark_paid(ctx, cid, 0), "paid.positive", "paid")
    wa.mark_paid(ctx, cid, 49_500)  # a shortfall of 5 yuan
    claim = wa.claim(ctx.db, cid)
    assert (claim["state"], claim["paid_fen"], claim["paid_by_name"]) == ("paid", 49_500, "王芳")
    assert wa.open_claims(ctx.db, ctx.clock()) == []
    assert wa.orders_to_claim(ctx.db) == []  # paid is final: nothing more to claim
    refused(lambda: wa.approve(ctx, cid, 1), "claim.state")
    refused(lambda: wa.reject(ctx, cid, "晚了"), "claim.state")
    assert audit_actions(ctx, cid) == ["file", "approve", "pay"]


def test_rejected_then_filed_again(ctx, released):
    first = wa.file_claim(ctx, released, "SP0001", claimed_fen=50_000)
    refused(lambda: wa.file_claim(ctx, released, "SP0002"), "claim.live_exists")
    refused(lambda: wa.reject(ctx, first, "   "), "rejection.reason_required", "reason")
    set_clock(ctx, at(10, 0) + 5 * DAY)
    wa.reject(ctx, first, "缺少故障照片，请补充后重新提交")
    claim = wa.claim(ctx.db, first)
    assert claim["state"] == "rejected" and claim["rejection_reason"].startswith("缺少故障照片")
    assert claim["rejected_by_name"] == "王芳"
    assert wa.open_claims(ctx.db, ctx.clock()) == []
    [row] = wa.orders_to_claim(ctx.db)  # back on the list, with its rejected claim counted
    assert (row["order_id"], row["rejected_claims"]) == (released, 1)
    # the number stays the rejected claim's: a claim filed again has its own
    error = refused(
        lambda: wa.file_claim(ctx, released, "sp0001"), "claim_number.taken", "claim_number"
    )
    assert error.params["order_number"] == row["number"]
    second = wa.file_claim(ctx, released, "SP0001-2")
    claim = wa.claim(ctx.db, second)
    assert (claim["refiles"], claim["refiles_number"], claim["claimed_fen"]) == (
        first,
        "SP0001",
        WARRANTY,
    )
    assert [c["id"] for c in wa.claims_of_order(ctx.db, released)] == [first, second]
    assert audit_actions(ctx, first) == ["file", "reject"]
    refused(lambda: wa.approve(ctx, first, 100), "claim.state")  # rejected stays rejected


def test_filing_is_refused_with_the_field(ctx, order_id, released):
    refused(lambda: wa.file_claim(ctx, released, "SP#1"), "claim_number.format", "claim_number")
    refused(lambda: wa.file_claim(ctx, released, ""), "claim_number.required", "claim_number")
    error = refused(
        lambda: wa.file_claim(ctx, released, "SP0001", claimed_fen=WARRANTY + 1),
        "claimed.over_lines",
        "claimed",
    )
    assert error.params == {"lines_fen": WARRANTY}
    refused(
        lambda: wa.file_claim(ctx, released, "SP0001", claimed_fen=0), "claimed.positive", "claimed"
    )
    refused(
        lambda: wa.file_claim(ctx, released, "SP0001", note="x" * 501),
        "claim.note_too_long",
        "note",
    )
    # the conftest order has no warranty line; a warranty order not yet settled
    release(ctx, order_id)
    refused(lambda: wa.file_claim(ctx, order_id, "SP0001"), "claim.no_warranty_lines")
    signed = warranty_order(ctx, plate="皖B54321", phone="13955550000")
    error = refused(lambda: wa.file_claim(ctx, signed, "SP0001"), "claim.order_state")
    assert error.params == {"state": "signed"}
    refused(lambda: wa.file_claim(ctx, 9999, "SP0001"), "record.missing")
    refused(lambda: wa.approve(ctx, 9999, 1), "record.missing")
    assert ctx.db.execute("SELECT count(*) FROM warranty_claims").fetchone()[0] == 0
    ctx.user_id = None
    refused(lambda: wa.file_claim(ctx, released, "SP0001"), "user.required")


def test_open_claims_age_and_chase(ctx, released):
    other = release(ctx, warranty_order(ctx, plate="皖B54321", phone="13955550000"))
    set_clock(ctx, at(10, 0) + DAY)
    old = wa.file_claim(ctx, released, "SP0001")
    set_clock(ctx, at(10, 0) + 3 * DAY)
    young = wa.file_claim(ctx, other, "SP0002")

    def listed(days: int) -> list[tuple[int, int, bool]]:
        now = at(8, 0) + days * DAY
        return [(r["id"], r["age_days"], r["chase"]) for r in wa.open_claims(ctx.db, now)]

    assert listed(14) == [(old, 13, False), (young, 11, False)]
    assert listed(15) == [(old, 14, True), (young, 12, False)]  # 14 days unanswered
    assert listed(17) == [(old, 16, True), (young, 14, True)]
    set_clock(ctx, at(9, 0) + 16 * DAY)
    wa.approve(ctx, old, 30_000)
    # approved: waiting for the money, chased 30 days after the approval
    assert listed(17) == [(young, 14, True), (old, 16, False)]
    assert listed(46) == [(old, 45, True), (young, 43, True)]


def test_figures_of_a_period(ctx, released):
    other = release(ctx, warranty_order(ctx, plate="皖B54321", phone="13955550000"))
    set_clock(ctx, at(10, 0) + 4 * DAY)  # 2026-12-01
    paid = wa.file_claim(ctx, released, "SP0001")
    rejected = wa.file_claim(ctx, other, "SP0002", claimed_fen=20_000)
    set_clock(ctx, at(10, 0) + 10 * DAY)
    wa.approve(ctx, paid, 50_000)
    wa.reject(ctx, rejected, "不属于保修范围")
    set_clock(ctx, at(10, 0) + 20 * DAY)
    wa.mark_paid(ctx, paid, 48_000)
    refiled = wa.file_claim(ctx, other, "SP0002-2", claimed_fen=15_000)
    now = at(12, 0) + 25 * DAY
    f = wa.claim_figures(ctx.db, dt.date(2026, 12, 1), dt.date(2026, 12, 31), now)
    assert (f.open_count, f.open_fen, f.chase_count) == (1, 15_000, 0)
    assert (f.filed_count, f.filed_fen) == (3, WARRANTY + 20_000 + 15_000)
    assert (f.approved_count, f.approved_fen) == (1, 50_000)
    assert (f.rejected_count, f.rejected_fen) == (1, 20_000)
    assert (f.paid_count, f.paid_fen, f.shortfall_fen) == (1, 48_000, 2_000)
    # November: nothing happened yet; what is open now still counts
    f = wa.claim_figures(ctx.db, dt.date(2026, 11, 1), dt.date(2026, 11, 30), now)
    assert (f.filed_count, f.approved_count, f.paid_count, f.open_count) == (0, 0, 0, 1)
    assert refiled


def test_the_database_refuses_bad_claims(ctx, order_id, released):
    cid = wa.file_claim(ctx, released, "SP0001", claimed_fen=50_000)
    me = ctx.user_id
    approve = (
        "UPDATE warranty_claims SET state = 'approved', approved_fen = 100, "
        "approved_at = submitted_at, approved_by = ?"
    )
    bad = [  # (statement, parameters, the rule that refuses it)
        (approve + ", claimed_fen = 40000 WHERE id = ?", [me, cid], "keeps what was filed"),
        (approve + ", claim_number = 'SP9999' WHERE id = ?", [me, cid], "keeps what was filed"),
        ("UPDATE warranty_claims SET note = 'x' WHERE id = ?", [cid], "illegal claim move"),
        (  # paid without being approved
            "UPDATE warranty_claims SET state = 'paid', paid_fen = 1, paid_at = submitted_at, "
            "paid_by = ? WHERE id = ?",
            [me, cid],
            "illegal claim move",
        ),
        (
            "UPDATE warranty_claims SET state = 'approved', approved_fen = 50001, "
            "approved_at = submitted_at, approved_by = ? WHERE id = ?",
            [me, cid],
            "approved_fen <= claimed_fen",
        ),
        (
            "UPDATE warranty_claims SET state = 'approved', approved_fen = 100, "
            "approved_at = submitted_at WHERE id = ?",
            [cid],
            "(approved_at IS NULL) = (approved_by IS NULL)",
        ),
        (
            "UPDATE warranty_claims SET state = 'rejected', rejected_at = submitted_at, "
            "rejected_by = ? WHERE id = ?",
            [me, cid],
            "rejection_reason",
        ),
        ("DELETE FROM warranty_claims WHERE id = ?", [cid], "never deleted"),
        (  # a second live claim for the order
            "INSERT INTO warranty_claims(order_id, claim_number, lines_fen, claimed_fen, "
            "submitted_at, submitted_by, updated_at) VALUES (?, 'SP0002', ?, 1, ?, ?, ?)",
            [released, WARRANTY, ctx.now(), me, ctx.now()],
            "UNIQUE constraint failed: warranty_claims.order_id",
        ),
    ]
    for sql, params, rule in bad:
        with pytest.raises(sqlite3.IntegrityError, match=re.escape(rule)):
            ctx.db.execute(sql, params)
    wa.approve(ctx, cid, 40_000)
    with pytest.raises(sqlite3.IntegrityError, match="keeps what was filed and decided"):
        ctx.db.execute(
            "UPDATE warranty_claims SET state = 'paid', paid_fen = 1, paid_at = approved_at, "
            "paid_by = ?, approved_fen = 45000 WHERE id = ?",
            [me, cid],
        )
    assert wa.claim(ctx.db, cid)["approved_fen"] == 40_000


def test_the_database_files_claims_as_the_rules_say(ctx, order_id, released):
    me = ctx.user_id
    cid = wa.file_claim(ctx, released, "SP0001", claimed_fen=50_000)
    wa.reject(ctx, cid, "资料不全")
    insert = (
        "INSERT INTO warranty_claims(order_id, claim_number, lines_fen, claimed_fen, "
        "submitted_at, submitted_by, updated_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    now = ctx.now()
    for params in (
        [released, "SP0003", WARRANTY - 1, 1, now, me, now, "submitted"],  # not the lines
        [released, "sp0003", WARRANTY, 1, now, me, now, "submitted"],  # lower case
        [released, "SP0003", WARRANTY, 1, now, me, now, "approved"],  # not filed as submitted
        [order_id, "SP0003", 0, 0, now, me, now, "submitted"],  # no warranty lines
    ):
        with pytest.raises(sqlite3.IntegrityError):
            ctx.db.execute(insert, params)
    with pytest.raises(sqlite3.IntegrityError, match="illegal claim move"):  # stays rejected
        ctx.db.execute("UPDATE warranty_claims SET state = 'submitted' WHERE id = ?", [cid])
    signed = warranty_order(ctx, plate="皖B54321", phone="13955550000")  # not settled yet
    with pytest.raises(sqlite3.IntegrityError, match="filed as submitted for a settled order"):
        ctx.db.execute(insert, [signed, "SP0004", WARRANTY, 1, now, me, now, "submitted"])
    ctx.db.execute(insert, [released, "SP0003", WARRANTY, 1, now, me, now, "submitted"])
    live = ctx.db.execute("SELECT max(id) FROM warranty_claims").fetchone()[0]
    # a claim filed again refiles a rejected claim of the same order, nothing else
    refile = (
        "INSERT INTO warranty_claims(order_id, claim_number, lines_fen, claimed_fen, "
        "submitted_at, submitted_by, updated_at, refiles) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"
    )
    ctx.db.execute(
        "UPDATE warranty_claims SET state = 'rejected', rejected_at = ?, "
        "rejected_by = ?, rejection_reason = '重复' WHERE id = ?",
        [now, me, live],
    )
    with pytest.raises(sqlite3.IntegrityError, match="filed as submitted"):
        ctx.db.execute(refile, [released, "SP0005", WARRANTY, now, me, now, 9999])
    ctx.db.execute(refile, [released, "SP0005", WARRANTY, now, me, now, cid])


# --- the first free service -----------------------------------------------------------------


def young_car(ctx, plate: str, bought: dt.date, km: int, phone: str) -> tuple[int, int]:
    return archive.register_walk_in(
        ctx,
        CustomerInput(name="李四", phone=phone),
        VehicleInput(
            plate=plate,
            model_code="TIGGO8PRO",  # petrol: first service at 5000 km or 6 months
            category_code="small_passenger",
            purchase_date=bought,
            odometer_km=km,
        ),
    )


def serviced(ctx, order_id: int, km: int) -> None:
    """Checked in at ``km``, worked and settled (test_workshop's steps, own odometer)."""
    keys.register_key(ctx, order_id, "main", 7)
    checkin.save_checklist(
        ctx, order_id, [ChecklistEntry(i.code, "ok") for i in reference.checklist_items()]
    )
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 4), km)
    checkin.record_documents(
        ctx,
        order_id,
        [
            DocumentCheck("driving_licence", True, True, True, True),
            DocumentCheck("maintenance_book", True, True, True, True),
        ],
    )
    checkin.set_belongings(ctx, order_id, "12", [])
    checkin.complete_check_in(ctx, order_id)
    hand(ctx, order_id)
    workshop.start_work(ctx, order_id)
    set_clock(ctx, at(16, 50))
    workshop.complete_work(ctx, order_id)
    orders.advance(ctx, order_id, "ready", "ready")
    orders.advance(ctx, order_id, "settled", "settled at the cashier")


def test_the_first_service_list(ctx):
    today = NOW.date()
    due_cid, due = young_car(ctx, "皖B10001", dt.date(2026, 6, 10), 3100, "13900000001")
    young_car(ctx, "皖B10002", dt.date(2026, 5, 10), 3000, "13900000002")  # overdue
    young_car(ctx, "皖B10003", dt.date(2026, 7, 20), 1500, "13900000003")  # due soon
    young_car(ctx, "皖B10004", dt.date(2026, 9, 1), 800, "13900000004")  # not yet
    young_car(ctx, "皖B10005", dt.date(2026, 4, 1), 4000, "13900000005")  # lapsed of late
    young_car(ctx, "皖B10006", dt.date(2024, 4, 1), 30000, "13900000006")  # long lapsed
    lines = wa.first_service_list(ctx.db, today)
    assert [(x.plate, x.status) for x in lines] == [
        ("皖B10002", rules.OVERDUE),
        ("皖B10001", rules.DUE),
        ("皖B10003", rules.DUE_SOON),
        ("皖B10005", rules.LAPSED),
    ]
    line = lines[1]
    assert (line.customer_id, line.vehicle_id, line.customer_name, line.phone) == (
        due_cid,
        due,
        "李四",
        "13900000001",
    )
    assert line.service.limit_date == dt.date(2026, 12, 10) and line.open_order is None

    # the car comes for its first service: in the shop, then done
    set_clock(ctx, at(9, 40))
    oid = orders.open_order(ctx, due, "首次保养")
    orders.apply_standard_job(ctx, oid, "first_service_5000")
    orders.save_reception(
        ctx, oid, request="首次保养", odometer_in=3200, promised_at=NOW + dt.timedelta(hours=6)
    )
    orders.sign(ctx, oid)
    number = queries.order(ctx.db, oid)["number"]
    line = next(x for x in wa.first_service_list(ctx.db, today) if x.vehicle_id == due)
    assert (line.status, line.open_order) == (rules.DUE, number)
    serviced(ctx, oid, 3200)
    line = next(x for x in wa.first_service_list(ctx.db, today) if x.vehicle_id == due)
    assert line.status == rules.DONE and line.open_order == number  # settled, not collected
    assert line.service.done == rules.FirstServiceDone(oid, number, today, 3200)
    assert line.service.in_time is True
    # a month later it is no longer listed
    assert due not in {x.vehicle_id for x in wa.first_service_list(ctx.db, today + 31 * DAY)}


def test_the_schema_keeps_the_domain_vocabulary():
    from service_desk.store import schema_v19

    assert schema_v19.STATES == rules.STATES
    assert schema_v19.CLAIMABLE_ORDER_STATES == rules.CLAIMABLE_ORDER_STATES
    assert schema_v19.TEXT_MAX == rules.REASON_MAX == rules.NOTE_MAX
