"""Additional work (R11): reported by the workshop, answered by the customer through the
advisor, approved into the order or declined onto the vehicle's record; illegal steps are
refused by the actions and again by the database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from service_desk.actions import extra_work, orders
from service_desk.actions.context import ActionError
from service_desk.domain import extra_work as xw
from service_desk.domain.clock import fixed_clock
from service_desk.domain.pricing import LineDraft
from service_desk.domain.validation import ValidationError
from service_desk.printing.forms import FormNotAvailable, kinds_for, render_form
from service_desk.store import extra_work_queries as xq
from service_desk.store import queries
from tests.actions.test_workshop import check_in
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages

DISC = LineDraft(
    kind="labour",
    description="前刹车盘光盘",
    mode="item",
    qty_milli=2000,
    unit_price_fen=26000,
    system_code="brakes",
)
PADS = LineDraft(
    kind="part",
    description="后刹车片",
    mode="item",
    qty_milli=1000,
    unit_price_fen=38000,
    system_code="brakes",
    parts_source="dealer",
    part_quality="genuine",
    part_no="J42-3502080",
)
BELT = LineDraft(
    kind="labour",
    description="更换发动机皮带",
    mode="item",
    qty_milli=1500,
    unit_price_fen=20000,
    system_code="engine",
)


def problem_codes(exc: pytest.ExceptionInfo) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in exc.value.problems]


def at(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


def later(ctx, minutes: int) -> None:
    ctx.clock = fixed_clock(at(minutes))


def in_workshop(ctx, order_id: int) -> None:
    """Check-in completed and the car handed to the workshop."""
    check_in(ctx, order_id)
    orders.advance(ctx, order_id, "handed_off")


def audit_rows(ctx, entity: str = "extra_work") -> list[tuple[int, str, int]]:
    return [
        (r[0], r[1], r[2])
        for r in ctx.db.execute(
            "SELECT entity_id, action, staff_id FROM audit WHERE entity = ? ORDER BY id",
            [entity],
        )
    ]


@pytest.fixture
def workshop_order(ctx, order_id) -> int:
    in_workshop(ctx, order_id)
    orders.advance(ctx, order_id, "in_progress")
    return order_id


# --- the whole story -------------------------------------------------------------------


def test_two_items_one_approved_one_declined(ctx, workshop_order):
    oid = workshop_order
    order = queries.order(ctx.db, oid)
    signed_promise = order["promised_at"]
    estimate_lines = queries.order_lines(ctx.db, oid)
    assert "supplementary" not in kinds_for(ctx.db, oid)

    later(ctx, 30)
    brakes = extra_work.report_extra(
        ctx,
        oid,
        " 吴海涛 ",
        [DISC, PADS],
        90,
        "刹车盘有沟槽，后片也到限",
        description="刹车盘和后刹车片",
    )
    belt = extra_work.report_extra(ctx, oid, "吴海涛", [BELT], 45)
    assert [r["id"] for r in xq.open_extra_items(ctx.db, oid)] == [brakes, belt]
    item = xq.extra_item(ctx.db, brakes)
    assert (item["state"], item["reported_by_name"], item["reported_at"], item["amount_fen"]) == (
        "reported",
        "吴海涛",
        at(30).isoformat(),
        52000 + 38000,
    )
    assert xq.extra_item(ctx.db, belt)["description"] == "更换发动机皮带"
    assert [r["description"] for r in xq.extra_lines(ctx.db, brakes)] == [
        "前刹车盘光盘",
        "后刹车片",
    ]
    assert queries.order_lines(ctx.db, oid) == estimate_lines  # nothing added yet

    later(ctx, 35)
    extra_work.record_contact(ctx, brakes, "phone", "客户说做")
    extra_work.record_contact(ctx, belt, "wechat")
    item = xq.extra_item(ctx.db, brakes)
    assert (item["state"], item["channel"], item["contacted_at"], item["contacted_by"]) == (
        "customer_contacted",
        "phone",
        at(35).isoformat(),
        ctx.user_id,
    )

    # ready / completed are refused while an item waits for the customer
    with pytest.raises(ActionError) as exc:
        orders.advance(ctx, oid, "completed")
    assert exc.value.code == "extra.open_items" and exc.value.params["count"] == 2

    later(ctx, 40)
    line_ids = extra_work.approve(ctx, brakes, "张伟")
    item = xq.extra_item(ctx.db, brakes)
    assert (item["state"], item["answer_at"], item["authorised_by_name"]) == (
        "approved",
        at(40).isoformat(),
        "张伟",
    )
    added = queries.order_lines(ctx.db, oid)[len(estimate_lines) :]
    assert [r["id"] for r in added] == line_ids
    assert [(r["description"], r["origin"], r["amount_fen"]) for r in added] == [
        ("前刹车盘光盘", "additional", 52000),
        ("后刹车片", "additional", 38000),
    ]
    assert added[1]["part_no"] == "J42-3502080" and added[1]["created_by"] == ctx.user_id
    assert [r["order_line_id"] for r in xq.extra_lines(ctx.db, brakes)] == line_ids
    order = queries.order(ctx.db, oid)
    assert order["promised_original_at"] == signed_promise
    moved = dt.datetime.fromisoformat(signed_promise) + dt.timedelta(minutes=90)
    assert order["promised_at"] == moved.isoformat()
    event = queries.order_events(ctx.db, oid)[-1]
    assert (event["from_state"], event["to_state"]) == ("in_progress", "in_progress")
    assert "张伟" in event["note"] and "90 min" in event["note"]

    # the supplementary repair order prints the approved item's lines only
    assert "supplementary" in kinds_for(ctx.db, oid)
    pdf = render_form(ctx.db, "supplementary", oid, now=at(41), printed_by="王芳")
    text = flat("\n".join(pdf_pages(pdf)))
    assert "追加维修单" in text and "前刹车盘光盘" in text and "后刹车片" in text
    first = dt.datetime.fromisoformat(signed_promise).strftime("%Y-%m-%d%H:%M")
    assert f"原承诺交车{first}" in text
    assert f"现承诺交车{moved.strftime('%Y-%m-%d%H:%M')}" in text
    assert (
        "520.00" in text
        and "追加合计¥900.00" in text
        and "更换发动机皮带" not in text
        and "机油滤清器" not in text
    )
    extra_work.record_supervisor_handover(ctx, brakes, at(40).replace(second=0))
    later(ctx, 45)
    with pytest.raises(ActionError, match=r"extra.handover_recorded"):
        extra_work.record_supervisor_handover(ctx, brakes, at(44))
    assert xq.extra_item(ctx.db, brakes)["handed_to_supervisor_at"] == at(40).isoformat()

    # the other item is declined: the workshop is told, the vehicle keeps it on record
    extra_work.decline(ctx, belt, "张伟", " 吴海涛 ", at(44).replace(second=17))
    item = xq.extra_item(ctx.db, belt)
    assert (item["state"], item["workshop_told_name"], item["workshop_told_at"]) == (
        "declined",
        "吴海涛",
        at(44).isoformat(),
    )
    assert (item["answer_at"], item["authorised_by_name"]) == (at(45).isoformat(), "张伟")
    declined = xq.declined_work(ctx.db, order["vehicle_id"])
    assert [(r["id"], r["description"], r["amount_fen"], r["order_number"]) for r in declined] == [
        (belt, "更换发动机皮带", 30000, order["number"])
    ]
    assert len(queries.order_lines(ctx.db, oid)) == len(estimate_lines) + 2  # nothing from it
    assert queries.order(ctx.db, oid)["promised_at"] == moved.isoformat()  # no delay either
    assert xq.open_extra_items(ctx.db, oid) == []

    orders.advance(ctx, oid, "completed")
    orders.advance(ctx, oid, "ready")
    assert queries.order(ctx.db, oid)["state"] == "ready"
    assert audit_rows(ctx) == [
        (brakes, "report", ctx.user_id),
        (belt, "report", ctx.user_id),
        (brakes, "contact", ctx.user_id),
        (belt, "contact", ctx.user_id),
        (brakes, "approve", ctx.user_id),
        (brakes, "handover", ctx.user_id),
        (belt, "decline", ctx.user_id),
    ]
    report = json.loads(
        ctx.db.execute(
            "SELECT after_json FROM audit WHERE entity = 'extra_work' AND action = 'report'"
        ).fetchone()[0]
    )
    assert [line["description"] for line in report["lines"]] == ["前刹车盘光盘", "后刹车片"]
    assert [r[0] for r in audit_rows(ctx, "order_line")][-2:] == line_ids


def test_a_second_approval_keeps_the_signed_promise(ctx, workshop_order):
    signed = queries.order(ctx.db, workshop_order)["promised_at"]
    for delay in (30, 15):
        extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [BELT], delay)
        extra_work.record_contact(ctx, extra, "in_person")
        extra_work.approve(ctx, extra, "张伟")
    order = queries.order(ctx.db, workshop_order)
    assert order["promised_original_at"] == signed
    moved = dt.datetime.fromisoformat(signed) + dt.timedelta(minutes=45)
    assert order["promised_at"] == moved.isoformat()


# --- refusals --------------------------------------------------------------------------


def test_extra_work_is_reported_only_while_the_car_is_in_the_workshop(ctx, order_id):
    with pytest.raises(ActionError) as exc:  # signed, not handed off yet
        extra_work.report_extra(ctx, order_id, "吴海涛", [DISC], 30)
    assert (exc.value.code, exc.value.params["state"]) == ("extra.order_state", "signed")
    in_workshop(ctx, order_id)
    extra_work.report_extra(ctx, order_id, "吴海涛", [DISC], 30)  # handed_off is fine


def test_report_needs_a_reporter_lines_and_a_sane_delay(ctx, workshop_order):
    with pytest.raises(ValidationError) as exc:
        extra_work.report_extra(ctx, workshop_order, "  ", [], -5)
    assert problem_codes(exc) == [
        ("reported_by", "extra.reporter_required"),
        ("lines", "extra.lines_required"),
        ("delay_minutes", "extra.delay_range"),
    ]
    odd = LineDraft(kind="labour", description="x", mode="system", qty_milli=1000,
                    unit_price_fen=1, system_code="warp_drive")  # fmt: skip
    with pytest.raises(ActionError, match=r"system.unknown"):
        extra_work.report_extra(ctx, workshop_order, "吴海涛", [odd], 0)
    assert ctx.db["extra_work"].count == 0


def test_steps_out_of_order_are_refused(ctx, workshop_order):
    extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [DISC], 30)
    with pytest.raises(ActionError) as exc:
        extra_work.approve(ctx, extra, "张伟")
    assert (exc.value.code, exc.value.params["state"]) == ("extra.contact_first", "reported")
    with pytest.raises(ActionError, match=r"extra.contact_first"):
        extra_work.decline(ctx, extra, "张伟", "吴海涛", NOW)
    with pytest.raises(ActionError, match=r"extra.state"):
        extra_work.record_supervisor_handover(ctx, extra, NOW)
    with pytest.raises(ValidationError) as vexc:
        extra_work.record_contact(ctx, extra, "telegram")
    assert problem_codes(vexc) == [("channel", "extra.channel_unknown")]
    extra_work.record_contact(ctx, extra, "sms")
    with pytest.raises(ActionError, match=r"extra.state"):
        extra_work.record_contact(ctx, extra, "phone")
    with pytest.raises(ValidationError) as vexc:
        extra_work.approve(ctx, extra, " ")
    assert problem_codes(vexc) == [("authorised_by", "extra.authoriser_required")]
    extra_work.approve(ctx, extra, "张伟")
    with pytest.raises(ActionError, match=r"extra.answered"):
        extra_work.decline(ctx, extra, "张伟", "吴海涛", NOW)
    with pytest.raises(ActionError, match=r"extra.answered"):
        extra_work.approve(ctx, extra, "张伟")
    with pytest.raises(ActionError, match=r"record.missing"):
        extra_work.record_contact(ctx, 999, "phone")


def test_decline_needs_who_in_the_workshop_was_told_and_when(ctx, workshop_order):
    later(ctx, 60)
    extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [BELT], 30)
    extra_work.record_contact(ctx, extra, "phone")
    with pytest.raises(ValidationError) as exc:
        extra_work.decline(ctx, extra, "张伟", "", None)
    assert problem_codes(exc) == [
        ("workshop_told_name", "extra.workshop_name_required"),
        ("workshop_told_at", "extra.time_required"),
    ]
    with pytest.raises(ValidationError) as exc:
        extra_work.decline(ctx, extra, "张伟", "吴海涛", at(90))
    assert problem_codes(exc) == [("workshop_told_at", "extra.time_future")]
    with pytest.raises(ValidationError) as exc:
        extra_work.decline(ctx, extra, "张伟", "吴海涛", at(10))
    assert problem_codes(exc) == [("workshop_told_at", "extra.time_too_early")]
    assert xq.extra_item(ctx.db, extra)["state"] == "customer_contacted"
    extra_work.decline(ctx, extra, "张伟", "吴海涛", at(60).replace(tzinfo=None))  # local time
    assert xq.extra_item(ctx.db, extra)["workshop_told_at"] == at(60).isoformat()


def test_ready_and_completed_are_refused_with_an_open_item(ctx, workshop_order):
    extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [DISC], 30)
    with pytest.raises(ActionError) as exc:
        orders.advance(ctx, workshop_order, "completed")
    assert exc.value.code == "extra.open_items"
    assert exc.value.params == {"count": 1, "items": ["前刹车盘光盘"]}
    extra_work.record_contact(ctx, extra, "phone")
    with pytest.raises(ActionError, match=r"extra.open_items"):
        orders.advance(ctx, workshop_order, "completed")
    extra_work.decline(ctx, extra, "张伟", "吴海涛", NOW)
    orders.advance(ctx, workshop_order, "completed")
    # an item reported by mistake after completion can no longer be reported …
    with pytest.raises(ActionError, match=r"extra.order_state"):
        extra_work.report_extra(ctx, workshop_order, "吴海涛", [DISC], 30)
    # … and 'ready' is guarded on its own too (a row written behind the actions' back)
    ctx.db.execute(
        "INSERT INTO extra_work(order_id, description, delay_minutes, reported_at, "
        "reported_by_name, recorded_by) VALUES (?, '补漆', 0, ?, '吴海涛', ?)",
        [workshop_order, NOW.isoformat(), ctx.user_id],
    )
    with pytest.raises(ActionError, match=r"extra.open_items"):
        orders.advance(ctx, workshop_order, "ready")
    assert queries.order(ctx.db, workshop_order)["state"] == "completed"


def test_supplementary_form_waits_for_an_approval(ctx, workshop_order):
    extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [DISC], 30)
    extra_work.record_contact(ctx, extra, "phone")
    with pytest.raises(FormNotAvailable):
        render_form(ctx.db, "supplementary", workshop_order, now=NOW, printed_by="王芳")


# --- the database refuses inconsistent rows ---------------------------------------------


def test_the_database_refuses_inconsistent_extra_work(ctx, workshop_order):
    db = ctx.db
    extra = extra_work.report_extra(ctx, workshop_order, "吴海涛", [DISC], 30)
    insert = (
        "INSERT INTO extra_work(order_id, description, delay_minutes, reported_at, "
        "reported_by_name, recorded_by, state, channel, contacted_at, contacted_by) "
        "VALUES (?, '补漆', ?, ?, '吴海涛', ?, ?, ?, ?, ?)"
    )
    now = NOW.isoformat()
    uid = ctx.user_id
    for params in (
        (-1, "reported", None, None, None),  # negative delay
        (0, "customer_contacted", None, None, None),  # contacted without a channel
        (0, "reported", "phone", now, uid),  # a channel but still reported
        (0, "customer_contacted", "fax", now, uid),  # unknown channel
        (0, "approved", "phone", now, uid),  # approved without an answer
    ):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute(insert, [workshop_order, params[0], now, uid, *params[1:]])
    with pytest.raises(sqlite3.IntegrityError, match="moves forward"):  # skipping the contact
        db.execute(
            "UPDATE extra_work SET state = 'approved', answer_at = ?, answer_recorded_by = ?, "
            "authorised_by_name = '张伟' WHERE id = ?",
            [now, uid, extra],
        )
    with pytest.raises(sqlite3.IntegrityError, match="moves forward"):
        db.execute("UPDATE extra_work SET delay_minutes = 5 WHERE id = ?", [extra])
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # amount must match
        db.execute(
            "INSERT INTO extra_work_items(extra_work_id, kind, description, mode, qty_milli, "
            "unit_price_fen, amount_fen, payer) VALUES (?, 'fee', '检测费', 'item', 1000, 100, 99, "
            "'customer')",
            [extra],
        )
    with pytest.raises(sqlite3.IntegrityError, match="never rewritten"):  # not approved
        db.execute("UPDATE extra_work_items SET order_line_id = 1 WHERE extra_work_id = ?", [extra])
    extra_work.record_contact(ctx, extra, "phone")
    with pytest.raises(sqlite3.IntegrityError, match="only while the item is reported"):
        db.execute(
            "INSERT INTO extra_work_items(extra_work_id, kind, description, mode, qty_milli, "
            "unit_price_fen, amount_fen, payer) VALUES (?, 'fee', '检测费', 'item', 1000, 100, "
            "100, 'customer')",
            [extra],
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # declined: workshop not told
        db.execute(
            "UPDATE extra_work SET state = 'declined', answer_at = ?, answer_recorded_by = ?, "
            "authorised_by_name = '张伟' WHERE id = ?",
            [now, uid, extra],
        )
    with pytest.raises(sqlite3.IntegrityError, match="moves forward"):  # channel rewritten
        db.execute("UPDATE extra_work SET channel = 'sms' WHERE id = ?", [extra])
    extra_work.approve(ctx, extra, "张伟")
    for sql in (
        "UPDATE extra_work SET state = 'declined', workshop_told_name = 'x', "
        "workshop_told_at = 'x' WHERE id = ?",
        "UPDATE extra_work SET authorised_by_name = '李四' WHERE id = ?",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="moves forward"):
            db.execute(sql, [extra])
    with pytest.raises(sqlite3.IntegrityError, match="never rewritten"):
        db.execute(
            "UPDATE extra_work_items SET order_line_id = NULL WHERE extra_work_id = ?", [extra]
        )
    for table in ("extra_work", "extra_work_items"):
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            db.execute(f"DELETE FROM {table}")


def test_domain_rules():
    assert xw.step_refusal("contact", "reported") is None
    assert xw.step_refusal("approve", "customer_contacted") is None
    assert xw.step_refusal("decline", "reported") == "extra.contact_first"
    assert xw.step_refusal("contact", "declined") == "extra.answered"
    assert xw.step_refusal("handover", "declined") == "extra.answered"
    assert xw.order_refusal("in_progress") is None
    assert xw.order_refusal("completed") == "extra.order_state"
    assert xw.moved_promise(None, 30) is None
    assert xw.moved_promise(NOW, 30) == at(30)
