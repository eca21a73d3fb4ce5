"""The workshop steps (R10, R12, R13): hand-off with the key, the progress check due at
75 % of the planned working time, completion and ready for pickup; refusals by the
actions and again by the database."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk import reference
from service_desk.actions import checkin, extra_work, keys, workshop
from service_desk.actions.context import ActionError
from service_desk.domain.checkin import BelongingInput, ChecklistEntry, DocumentCheck, Fuel
from service_desk.domain.clock import fixed_clock, iso
from service_desk.domain.pricing import LineDraft
from service_desk.domain.validation import ValidationError
from service_desk.store import key_queries, queries
from service_desk.store import workshop_queries as wq
from service_desk.store.errors import StorageError
from tests.conftest import NOW

HOURS = workshop.open_hours  # called with the database


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return NOW.replace(hour=hour, minute=minute, second=second)


def set_clock(ctx, moment: dt.datetime) -> None:
    ctx.clock = fixed_clock(moment)


def record_check_in(ctx, order_id: int) -> None:
    """Everything the check-in records (checklist all OK, fuel and odometer, documents,
    belongings), not yet completed."""
    checkin.save_checklist(
        ctx, order_id, [ChecklistEntry(i.code, "ok") for i in reference.checklist_items()]
    )
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 4), 41560)
    checkin.record_documents(
        ctx,
        order_id,
        [
            DocumentCheck("driving_licence", True, True, True, True),
            DocumentCheck("maintenance_book", True, True, True, True),
        ],
    )
    checkin.set_belongings(ctx, order_id, "12", [BelongingInput("雨伞", 1)])


def check_in(ctx, order_id: int) -> None:
    record_check_in(ctx, order_id)
    checkin.complete_check_in(ctx, order_id)


@pytest.fixture
def checked_in(ctx, order_id) -> int:
    keys.register_key(ctx, order_id, "main", 7)
    keys.register_key(ctx, order_id, "spare", 8)
    check_in(ctx, order_id)
    return order_id


def hand(ctx, order_id: int, **overrides) -> int:
    args = {
        "mode": "single_team",
        "team": "机修一组",
        "planned_minutes": 240,
        "receiver_name": "赵师傅",
        "handed_at": at(9, 36, 30),
        "washed": True,
    }
    set_clock(ctx, at(9, 40))
    return workshop.hand_off(ctx, order_id, **{**args, **overrides})


def problem_codes(exc: pytest.ExceptionInfo) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in exc.value.problems]


def audit_actions(ctx, entity: str) -> list[str]:
    return [
        r[0]
        for r in ctx.db.execute(
            "SELECT action FROM audit WHERE entity = ? ORDER BY id", [entity]
        ).fetchall()
    ]


# --- the whole story -------------------------------------------------------------------


def test_checked_in_to_ready(ctx, checked_in):
    oid = checked_in
    signed_promise = queries.order(ctx.db, oid)["promised_at"]
    hours = HOURS(ctx.db)

    # hand-off: time rounded to ten minutes, key to the receiver, washing recorded
    handoff_id = hand(ctx, oid)
    handoff = wq.handoff(ctx.db, oid)
    assert handoff["id"] == handoff_id
    assert handoff["mode"] == "single_team"
    assert handoff["team"] == "机修一组"
    assert handoff["planned_minutes"] == 240
    assert handoff["receiver_name"] == "赵师傅"
    assert handoff["handed_at"] == iso(at(9, 40))
    assert handoff["washed_at"] == iso(at(9, 40))
    assert handoff["staff_id"] == ctx.user_id
    assert queries.order(ctx.db, oid)["state"] == "handed_off"
    by_kind = {k["kind"]: k for k in key_queries.keys_of_order(ctx.db, oid)}
    assert by_kind["main"]["state"] == "out"
    assert by_kind["main"]["holder"] == "赵师傅"
    assert by_kind["spare"]["state"] == "in_cabinet"  # only the main key goes along
    moves = [
        (e["action"], e["from_hook"], e["to_whom"])
        for e in key_queries.key_events(ctx.db, oid)
        if e["action"] != "register"
    ]
    assert moves == [("to_workshop", 7, "赵师傅")]
    assert audit_actions(ctx, "handoff") == ["hand_off"]

    workshop.start_work(ctx, oid)
    assert queries.order(ctx.db, oid)["state"] == "in_progress"

    # 75 % of 4 h working time from 09:40: 140 min until lunch, 40 min after 13:30
    due = at(14, 10)
    assert workshop.progress_checks_due(ctx.db, at(14, 9), hours) == []
    [row] = workshop.progress_checks_due(ctx.db, due, hours)
    assert row["order_id"] == oid
    assert row["due_at"] == iso(due)
    assert row["raised_at"] is None

    # raised once; still listed (without nagging) until it is recorded
    set_clock(ctx, at(14, 15))
    assert workshop.mark_raised(ctx, oid) is True
    set_clock(ctx, at(14, 20))
    assert workshop.mark_raised(ctx, oid) is False
    check = wq.progress_check(ctx.db, oid)
    assert check["raised_at"] == iso(at(14, 15))
    assert check["raised_by"] == ctx.user_id
    assert check["due_at"] == iso(due)
    [row] = workshop.progress_checks_due(ctx.db, at(14, 20), hours)
    assert row["raised_at"] == iso(at(14, 15))

    # recorded with a problem, the action and a moved promise told to the customer
    set_clock(ctx, at(14, 30))
    workshop.record_progress(
        ctx,
        oid,
        at(16, 50),
        problem=" 刹车卡钳螺栓锈死 ",
        action="加热后拆卸，已订新螺栓",
        new_promise=at(17, 20),
        contact_channel="phone",
    )
    check = wq.progress_check(ctx.db, oid)
    assert check["checked_at"] == iso(at(14, 30))
    assert check["checked_by"] == ctx.user_id
    assert check["expected_done_at"] == iso(at(16, 50))
    assert check["problem"] == "刹车卡钳螺栓锈死"
    assert check["action"] == "加热后拆卸，已订新螺栓"
    assert check["promise_moved_to"] == iso(at(17, 20))
    assert check["customer_contact_channel"] == "phone"
    assert check["customer_contact_at"] == iso(at(14, 30))
    order = queries.order(ctx.db, oid)
    assert order["promised_at"] == iso(at(17, 20))
    assert order["promised_original_at"] == signed_promise
    assert audit_actions(ctx, "progress_check") == ["raise", "record"]
    assert "promise_moved" in audit_actions(ctx, "order")
    assert workshop.progress_checks_due(ctx.db, at(15, 0), hours) == []
    with pytest.raises(ActionError) as exc:
        workshop.record_progress(ctx, oid, at(16, 50))
    assert exc.value.code == "progress.recorded"

    # completed, then ready for pickup
    set_clock(ctx, at(16, 50))
    workshop.complete_work(ctx, oid)
    assert queries.order(ctx.db, oid)["state"] == "completed"
    set_clock(ctx, at(17, 0))
    ready_id = workshop.mark_ready(
        ctx,
        oid,
        wash=True,
        interior=True,
        exterior=True,
        belongings_back=True,
        bills_collected=True,
        total_fen=123456,
        notified_channel="wechat",
    )
    ready = wq.pickup_ready(ctx.db, oid)
    assert ready["id"] == ready_id
    assert (ready["wash"], ready["interior"], ready["exterior"]) == (1, 1, 1)
    assert (ready["belongings_back"], ready["bills_collected"]) == (1, 1)
    assert ready["total_fen"] == 123456
    assert ready["notified_channel"] == "wechat"
    assert ready["notified_at"] == iso(at(17, 0))
    assert ready["staff_id"] == ctx.user_id
    assert queries.order(ctx.db, oid)["state"] == "ready"
    states = [
        r[0]
        for r in ctx.db.execute(
            "SELECT to_state FROM order_events WHERE order_id = ? ORDER BY id", [oid]
        )
    ]
    assert states[-5:] == ["handed_off", "in_progress", "in_progress", "completed", "ready"]
    assert audit_actions(ctx, "pickup_ready") == ["ready"]


def test_supervisor_queue_without_team_and_no_key(ctx, order_id):
    check_in(ctx, order_id)
    hand(ctx, order_id, mode="supervisor_queue", team="", washed=False)
    handoff = wq.handoff(ctx.db, order_id)
    assert (handoff["mode"], handoff["team"], handoff["washed_at"]) == (
        "supervisor_queue",
        "",
        None,
    )
    assert key_queries.keys_of_order(ctx.db, order_id) == []


def test_check_recorded_without_raising_or_moving_promise(ctx, checked_in):
    hand(ctx, checked_in)
    promise = queries.order(ctx.db, checked_in)["promised_at"]
    workshop.record_progress(ctx, checked_in, at(13, 40))
    check = wq.progress_check(ctx.db, checked_in)
    assert check["raised_at"] is None
    assert check["promise_moved_to"] is None
    assert check["customer_contact_channel"] is None
    assert queries.order(ctx.db, checked_in)["promised_at"] == promise
    assert queries.order(ctx.db, checked_in)["promised_original_at"] is None
    assert workshop.mark_raised(ctx, checked_in) is False  # nothing left to raise


# --- refusals --------------------------------------------------------------------------


def test_hand_off_of_a_signed_order_is_refused(ctx, order_id):
    with pytest.raises(ActionError) as exc:
        hand(ctx, order_id)
    assert exc.value.code == "handoff.not_checked_in"
    assert wq.handoff(ctx.db, order_id) is None
    assert queries.order(ctx.db, order_id)["state"] == "signed"


def test_hand_off_fields_are_checked(ctx, checked_in):
    with pytest.raises(ValidationError) as exc:
        hand(ctx, checked_in, mode="two_teams", receiver_name=" ", planned_minutes=0)
    assert set(problem_codes(exc)) >= {
        ("mode", "handoff.mode"),
        ("receiver_name", "text.required"),
        ("planned_minutes", "handoff.planned_minutes"),
    }
    with pytest.raises(ValidationError) as exc:
        hand(ctx, checked_in, team="")
    assert problem_codes(exc) == [("team", "text.required")]
    with pytest.raises(ValidationError) as exc:
        hand(ctx, checked_in, handed_at=at(9, 45))
    assert problem_codes(exc) == [("handed_at", "time.future")]
    assert wq.handoff(ctx.db, checked_in) is None
    assert queries.order(ctx.db, checked_in)["state"] == "checked_in"
    assert {k["state"] for k in key_queries.keys_of_order(ctx.db, checked_in)} == {"in_cabinet"}


def test_problem_needs_an_action_and_moved_promise_needs_contact(ctx, checked_in):
    hand(ctx, checked_in)
    with pytest.raises(ValidationError) as exc:
        workshop.record_progress(ctx, checked_in, at(16, 0), problem="缺件")
    assert problem_codes(exc) == [("action", "progress.action_required")]
    with pytest.raises(ValidationError) as exc:
        workshop.record_progress(ctx, checked_in, at(16, 0), new_promise=at(17, 0))
    assert problem_codes(exc) == [("contact_channel", "progress.contact_required")]
    with pytest.raises(ValidationError) as exc:
        workshop.record_progress(
            ctx, checked_in, at(16, 0), new_promise=at(17, 0), contact_channel="fax"
        )
    assert problem_codes(exc) == [("contact_channel", "channel.unknown")]
    assert wq.progress_check(ctx.db, checked_in) is None


def test_mark_raised_twice_is_a_no_op(ctx, checked_in):
    hand(ctx, checked_in)
    set_clock(ctx, at(14, 10))
    assert workshop.mark_raised(ctx, checked_in) is True
    set_clock(ctx, at(15, 0))
    assert workshop.mark_raised(ctx, checked_in) is False
    assert wq.progress_check(ctx.db, checked_in)["raised_at"] == iso(at(14, 10))
    assert audit_actions(ctx, "progress_check") == ["raise"]


def test_mark_raised_needs_a_hand_off(ctx, order_id):
    with pytest.raises(ActionError) as exc:
        workshop.mark_raised(ctx, order_id)
    assert exc.value.code == "progress.no_handoff"


def test_ready_with_an_unchecked_item_is_refused(ctx, checked_in):
    hand(ctx, checked_in)
    workshop.complete_work(ctx, checked_in)
    with pytest.raises(ValidationError) as exc:
        workshop.mark_ready(
            ctx,
            checked_in,
            wash=True,
            interior=True,
            exterior=True,
            belongings_back=False,
            bills_collected=True,
            total_fen=-1,
            notified_channel="phone",
        )
    assert problem_codes(exc) == [
        ("belongings_back", "ready.unchecked"),
        ("total_fen", "amount.invalid"),
    ]
    assert wq.pickup_ready(ctx.db, checked_in) is None
    assert queries.order(ctx.db, checked_in)["state"] == "completed"


def test_ready_before_completion_is_refused(ctx, checked_in):
    hand(ctx, checked_in)
    with pytest.raises(ActionError) as exc:
        workshop.mark_ready(
            ctx,
            checked_in,
            wash=True,
            interior=True,
            exterior=True,
            belongings_back=True,
            bills_collected=True,
            total_fen=0,
            notified_channel="phone",
        )
    assert exc.value.code == "ready.not_completed"


def test_completion_waits_for_open_extra_work(ctx, checked_in):
    hand(ctx, checked_in)
    workshop.start_work(ctx, checked_in)
    extra_work.report_extra(
        ctx,
        checked_in,
        "吴海涛",
        [
            LineDraft(
                kind="labour", description="光盘", mode="item", qty_milli=1000, unit_price_fen=26000
            )
        ],
        60,
    )
    with pytest.raises(ActionError) as exc:
        workshop.complete_work(ctx, checked_in)
    assert exc.value.code == "extra.open_items"


def test_database_refuses_bad_rows(ctx, checked_in):
    hand(ctx, checked_in)
    db = ctx.db
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        db.execute("UPDATE handoffs SET receiver_name = 'x'")
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        db.execute("DELETE FROM handoffs")
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        db.execute(
            "INSERT INTO progress_checks(order_id, due_at, checked_at, checked_by, "
            "expected_done_at, problem) VALUES (?, 'x', 'x', 1, 'x', '缺件')",
            [checked_in],
        )
    workshop.mark_raised(ctx, checked_in)
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        db.execute("UPDATE progress_checks SET raised_at = 'later'")
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        db.execute(
            "INSERT INTO pickup_ready(order_id, wash, interior, exterior, belongings_back, "
            "bills_collected, total_fen, notified_channel, notified_at, staff_id) "
            "VALUES (?, 1, 1, 0, 1, 1, 0, 'phone', 'x', 1)",
            [checked_in],
        )


def bring_to_ready(ctx, order_id: int, total_fen: int, channel: str) -> None:
    """Key on hook 7, checked in, handed off, worked, completed at 16:50, ready at 17:00."""
    keys.register_key(ctx, order_id, "main", 7)
    check_in(ctx, order_id)
    hand(ctx, order_id)
    workshop.start_work(ctx, order_id)
    set_clock(ctx, at(16, 50))
    workshop.complete_work(ctx, order_id)
    set_clock(ctx, at(17, 0))
    workshop.mark_ready(
        ctx,
        order_id,
        wash=True,
        interior=True,
        exterior=True,
        belongings_back=True,
        bills_collected=True,
        total_fen=total_fen,
        notified_channel=channel,
    )
