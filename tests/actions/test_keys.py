"""The key cabinet log: register on a hook, move with who/when/why, hand back, check."""

from __future__ import annotations

import json
import sqlite3

import pytest

from service_desk.actions import keys, orders, printing
from service_desk.actions.context import ActionError
from service_desk.demo.keys import demo_keys
from service_desk.domain.validation import ValidationError
from service_desk.store import key_queries, queries, settings
from service_desk.store.errors import StorageError
from tests.conftest import staff_id
from tests.keys_dataset import advance, at, planted_day, signed_order


def events(ctx, order_id):
    return [
        (e["action"], e["from_hook"], e["to_hook"], e["to_whom"], e["reason"], e["staff_name"])
        for e in key_queries.key_events(ctx.db, order_id)
    ]


def test_the_key_goes_on_hook_7_and_the_grid_shows_it(ctx, order_id):
    key_id = keys.register_key(ctx, order_id, "main", 7, " 黑色遥控 ")
    on_7 = key_queries.key_on_hook(ctx.db, 7)
    assert on_7["id"] == key_id and on_7["plate"] == "皖B7K2M9"
    assert (on_7["kind"], on_7["label"], on_7["state"]) == ("main", "黑色遥控", "in_cabinet")
    assert on_7["registered_by_name"] == "王芳"
    assert on_7["registered_at"] == "2026-11-27T09:30:00+08:00"
    assert list(key_queries.cabinet(ctx.db)) == [7]
    assert events(ctx, order_id) == [("register", None, 7, "", "", "王芳")]
    audit = list(ctx.db.query("SELECT * FROM audit WHERE entity = 'key'"))
    assert [(a["entity_id"], a["action"]) for a in audit] == [(key_id, "register")]
    assert json.loads(audit[0]["after_json"])["hook"] == 7


def test_a_second_key_on_an_occupied_hook_is_refused(ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7)
    other = signed_order(ctx, "皖B20002", "钱多多", "13900000002")
    with pytest.raises(ActionError) as caught:
        keys.register_key(ctx, other, "main", 7)
    assert caught.value.code == "hook.occupied" and caught.value.field == "hook"
    assert caught.value.params == {"hook": 7, "plate": "皖B7K2M9"}
    with pytest.raises(ActionError, match=r"hook.occupied"):  # not even a spare of the same car
        keys.register_key(ctx, order_id, "spare", 7)
    assert ctx.db.execute("SELECT count(*) FROM keys").fetchone()[0] == 1
    assert key_queries.key_on_hook(ctx.db, 7)["order_id"] == order_id


def test_the_database_holds_one_key_per_hook_whatever_writes_it(ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7)
    row = next(ctx.db.query("SELECT * FROM keys"))
    row.pop("id")
    row["kind"] = "spare"
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        ctx.db["keys"].insert(row)
    row["hook"] = 8
    ctx.db["keys"].insert(row)  # another hook is fine


def test_releasing_a_key_that_is_not_in_the_cabinet_is_refused(ctx, order_id):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    keys.move_key(ctx, key_id, "to_workshop", "赵师傅", "换刹车片")
    before = events(ctx, order_id)
    for step in (
        lambda: keys.return_to_customer(ctx, key_id),
        lambda: keys.move_key(ctx, key_id, "test_drive", "吴海涛"),
        lambda: keys.return_keys_to_customer(ctx, order_id),
    ):
        with pytest.raises(ActionError, match=r"key.not_in_cabinet"):
            step()
    assert events(ctx, order_id) == before
    assert key_queries.key(ctx.db, key_id)["state"] == "out"
    # the database refuses the same step, whatever writes it
    with pytest.raises(sqlite3.IntegrityError, match="illegal key movement"):
        ctx.db.execute("UPDATE keys SET state = 'returned', holder = '', out_since = NULL")


def test_every_movement_says_who_when_where_to_whom_and_why(ctx, order_id):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    at(ctx, 10, 5)
    keys.move_key(ctx, key_id, "to_workshop", " 赵师傅 ", "换刹车片")
    out = key_queries.key(ctx.db, key_id)
    assert (out["state"], out["hook"], out["holder"]) == ("out", None, "赵师傅")
    assert out["out_since"] == "2026-11-27T10:05:00+08:00"
    at(ctx, 11, 0)
    ctx.user_id = staff_id(ctx, "李强")
    keys.back_to_cabinet(ctx, key_id, 9, "保养完工")  # any free hook, not only the old one
    at(ctx, 11, 20)
    keys.move_key(ctx, key_id, "test_drive", "吴海涛", "路试")
    keys.back_to_cabinet(ctx, key_id, 9)
    at(ctx, 15, 0)
    keys.return_to_customer(ctx, key_id)
    assert events(ctx, order_id) == [
        ("register", None, 7, "", "", "王芳"),
        ("to_workshop", 7, None, "赵师傅", "换刹车片", "王芳"),
        ("back_to_cabinet", None, 9, "", "保养完工", "李强"),
        ("test_drive", 9, None, "吴海涛", "路试", "李强"),
        ("back_to_cabinet", None, 9, "", "", "李强"),
        ("returned", 9, None, "张伟", "", "李强"),  # to the order's customer by default
    ]
    times = [e["at"][11:16] for e in key_queries.key_events(ctx.db, order_id)]
    assert times == ["09:30", "10:05", "11:00", "11:20", "11:20", "15:00"]
    done = key_queries.key(ctx.db, key_id)
    assert (done["state"], done["hook"], done["holder"], done["out_since"]) == (
        "returned",
        None,
        "",
        None,
    )
    assert key_queries.cabinet(ctx.db) == {}  # the key row went with the failed transaction


def test_a_returned_key_never_moves_again(ctx, order_id):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    keys.return_to_customer(ctx, key_id, "张伟的司机")
    assert key_queries.last_event(ctx.db, key_id)["to_whom"] == "张伟的司机"
    for action, kw in (
        ("back_to_cabinet", {"hook": 7}),
        ("to_workshop", {"to_whom": "赵师傅"}),
        ("returned", {}),
    ):
        with pytest.raises(ActionError, match=r"key.returned"):
            keys.move_key(ctx, key_id, action, **kw)
    with pytest.raises(sqlite3.IntegrityError, match="illegal key movement"):
        ctx.db.execute("UPDATE keys SET state = 'in_cabinet', hook = 1")


def test_back_to_an_occupied_hook_is_refused_and_keeps_the_key_out(ctx, order_id):
    first = keys.register_key(ctx, order_id, "main", 7)
    spare = keys.register_key(ctx, order_id, "spare", 8)
    keys.move_key(ctx, first, "test_drive", "吴海涛")
    with pytest.raises(ActionError) as caught:
        keys.back_to_cabinet(ctx, first, 8)
    assert (caught.value.code, caught.value.field) == ("hook.occupied", "hook")
    with pytest.raises(ValidationError) as missing:
        keys.back_to_cabinet(ctx, first, None)
    assert [(p.field, p.code) for p in missing.value.problems] == [("hook", "hook.required")]
    with pytest.raises(ActionError, match=r"key.not_out"):
        keys.back_to_cabinet(ctx, spare, 9)
    assert key_queries.key(ctx.db, first)["state"] == "out"


def test_forms_are_checked_before_anything_is_written(ctx, order_id):
    settings.put(ctx.db, "key_cabinet_hooks", 10)
    with pytest.raises(ValidationError) as caught:
        keys.register_key(ctx, order_id, "wallet", 11, "x" * 41)
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("kind", "key.kind"),
        ("hook", "hook.range"),
        ("label", "text.too_long"),
    }
    key_id = keys.register_key(ctx, order_id, "fob", 10)
    with pytest.raises(ValidationError) as nobody:
        keys.move_key(ctx, key_id, "to_workshop", "  ")
    assert [(p.field, p.code) for p in nobody.value.problems] == [
        ("to_whom", "key.to_whom_required")
    ]
    with pytest.raises(ActionError, match=r"key.action"):
        keys.move_key(ctx, key_id, "lost")
    with pytest.raises(ActionError, match=r"key.action"):
        keys.take_out(ctx, key_id, "returned", "张伟")
    assert [e[0] for e in events(ctx, order_id)] == ["register"]


def test_keys_are_registered_only_while_the_car_is_here(ctx, order_id):
    vehicle = queries.order(ctx.db, order_id)["vehicle_id"]
    fresh = orders.open_order(ctx, vehicle, "问问保养价格")
    with pytest.raises(ActionError) as caught:
        keys.register_key(ctx, fresh, "main", 1)
    assert caught.value.code == "key.order_state" and caught.value.params == {"state": "reception"}
    advance(ctx, order_id, "released")
    with pytest.raises(ActionError, match=r"key.order_state"):
        keys.register_key(ctx, order_id, "main", 1)


def test_a_key_of_a_car_that_left_only_goes_back_to_the_customer(ctx, order_id):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    advance(ctx, order_id, "released")
    with pytest.raises(ActionError, match=r"key.car_gone"):
        keys.move_key(ctx, key_id, "test_drive", "吴海涛")
    keys.return_to_customer(ctx, key_id)
    assert key_queries.key_returned(ctx.db, order_id)


def test_nobody_at_the_counter_changes_nothing(ctx, order_id):
    ctx.user_id = None
    with pytest.raises(ActionError, match=r"user.required"):
        keys.register_key(ctx, order_id, "main", 7)
    assert ctx.db.execute("SELECT count(*) FROM keys").fetchone()[0] == 0


def test_key_events_are_append_only_and_nothing_is_deleted(ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7)
    for sql in (
        "UPDATE key_events SET reason = 'x'",
        "DELETE FROM key_events",
        "DELETE FROM keys",
        "UPDATE keys SET kind = 'spare'",
        "UPDATE keys SET order_id = order_id + 1",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            ctx.db.execute(sql)


def test_the_release_gate_of_the_checkout_desk(ctx, order_id):
    assert key_queries.release_gate(ctx.db, order_id) == "key.none_registered"
    assert not key_queries.key_returned(ctx.db, order_id)
    with pytest.raises(ActionError, match=r"key.none_registered"):
        keys.return_keys_to_customer(ctx, order_id)
    main = keys.register_key(ctx, order_id, "main", 7)
    spare = keys.register_key(ctx, order_id, "spare", 8)
    assert key_queries.release_gate(ctx.db, order_id) == "key.not_returned"
    assert [k["id"] for k in key_queries.outstanding_keys(ctx.db, order_id)] == [main, spare]
    keys.move_key(ctx, spare, "test_drive", "吴海涛")
    with pytest.raises(ActionError, match=r"key.not_in_cabinet") as caught:
        keys.return_keys_to_customer(ctx, order_id)
    assert caught.value.params == {"holder": "吴海涛"}
    assert key_queries.key(ctx.db, main)["state"] == "in_cabinet"  # all or nothing
    keys.back_to_cabinet(ctx, spare, 8)
    assert keys.return_keys_to_customer(ctx, order_id) == [main, spare]
    assert key_queries.key_returned(ctx.db, order_id)
    assert key_queries.release_gate(ctx.db, order_id) is None
    assert key_queries.outstanding_keys(ctx.db, order_id) == []
    assert [e[0] for e in events(ctx, order_id)][-2:] == ["returned", "returned"]


def test_the_end_of_day_check_finds_each_planted_exception(ctx, order_id):
    day = planted_day(ctx, order_id)
    report = keys.reconciliation(ctx)
    assert [(f.number, f.plate, f.hook, f.order_state) for f in report.released_keys] == [
        (queries.order(ctx.db, day.released)["number"], "皖B20002", 12, "released")
    ]
    assert [(f.plate, f.holder, f.hours) for f in report.out_too_long] == [
        ("皖B30003", "吴海涛", 6.0)
    ]
    assert [(f.plate, f.order_state) for f in report.no_key] == [("皖B40004", "checked_in")]
    assert len(report.findings) == 3 and report.alert_hours == 4

    # the alert hours are a setting; clearing each exception clears the report
    settings.put(ctx.db, "key_out_alert_hours", 8)
    assert keys.reconciliation(ctx).out_too_long == ()
    settings.put(ctx.db, "key_out_alert_hours", 4)
    keys.return_to_customer(ctx, day.key_on_12)
    keys.back_to_cabinet(ctx, day.key_out, 30)
    keys.register_key(ctx, day.no_key, "main", 31)
    assert keys.reconciliation(ctx).clean


def test_the_end_of_day_print_is_logged_without_an_order(ctx):
    assert printing.record_print(ctx, None, "key_report", "Label printer", 1) == 0
    assert printing.record_print(ctx, None, "key_report", "Label printer", 2) == 0
    rows = list(ctx.db.query("SELECT * FROM print_log"))
    assert [(r["order_id"], r["form_kind"], r["copy_no"]) for r in rows] == [
        (None, "key_report", 0),
        (None, "key_report", 0),
    ]


def test_a_storage_failure_reaches_the_counter_as_a_storage_error(ctx, order_id, monkeypatch):
    from service_desk.actions import keys as module

    def full(*_a, **_k):
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise exc

    monkeypatch.setattr(module, "_event", full)
    with pytest.raises(StorageError):
        keys.register_key(ctx, order_id, "main", 7)
    assert key_queries.cabinet(ctx.db) == {}  # the key row went with the failed transaction


class FixedRandom:
    """A random source that always draws the same number (demo choices made visible)."""

    def __init__(self, value: float):
        self.value = value

    def random(self) -> float:
        return self.value

    def choice(self, items):
        return items[0]


def walk(ctx, oid, steps, rng, hook=5):
    for hour, minute, state in steps:
        at(ctx, hour, minute)
        advance(ctx, oid, state)
        demo_keys(ctx, oid, hook, rng)


def test_demo_keys_follow_the_order_through_the_day(ctx, order_id):
    rng = FixedRandom(0.99)  # never forgets, no spare, no test drive
    walk(
        ctx,
        order_id,
        [(9, 40, "checked_in"), (10, 0, "handed_off"), (10, 10, "in_progress")],
        rng,
    )
    [key] = key_queries.keys_of_order(ctx.db, order_id)
    assert (key["state"], key["holder"]) == ("out", "吴海涛")  # the order's technician
    walk(ctx, order_id, [(12, 0, "completed"), (12, 20, "ready"), (16, 0, "settled")], rng)
    assert key_queries.key_on_hook(ctx.db, 5)["id"] == key["id"]
    walk(ctx, order_id, [(16, 5, "released")], rng)
    demo_keys(ctx, order_id, 5, rng)  # nothing left to do
    assert events(ctx, order_id) == [
        ("register", None, 5, "", "", "王芳"),
        ("to_workshop", 5, None, "吴海涛", "维修作业", "王芳"),
        ("back_to_cabinet", None, 5, "", "", "王芳"),
        ("returned", 5, None, "张伟", "交车时交还客户", "王芳"),
    ]
    assert keys.reconciliation(ctx).clean


def test_demo_keys_now_and_then_a_spare_a_road_test_and_a_forgotten_key(ctx, order_id):
    rng = FixedRandom(0.1)  # a spare, a quality drive, a key forgotten at release
    keys.register_key(ctx, signed_order(ctx, "皖B20002", "钱多多", "13900000002"), "main", 5)
    walk(ctx, order_id, [(9, 40, "checked_in")], rng)
    assert [
        (k["kind"], k["hook"], k["label"]) for k in key_queries.keys_of_order(ctx.db, order_id)
    ] == [
        ("main", 1, ""),  # hook 5 was taken: the lowest free one
        ("spare", 6, "带车库门卡"),
    ]
    walk(
        ctx,
        order_id,
        [(10, 0, "handed_off"), (12, 0, "completed"), (12, 30, "ready")],
        rng,
    )
    drive = [e for e in key_queries.key_events(ctx.db, order_id) if e["reason"] == "完工路试"]
    assert [e["at"][11:16] for e in drive] == ["12:10"]
    back = key_queries.key_events(ctx.db, order_id)[-1]
    assert (back["action"], back["at"][11:16]) == ("back_to_cabinet", "12:20")
    walk(ctx, order_id, [(16, 0, "settled"), (16, 5, "released")], rng)
    assert [f.plate for f in keys.reconciliation(ctx).released_keys] == ["皖B7K2M9", "皖B7K2M9"]
    at(ctx, 18, 0)
    orders.advance(ctx, order_id, "done")
    demo_keys(ctx, order_id, 5, rng)
    assert key_queries.key_returned(ctx.db, order_id)


def test_demo_keys_may_forget_to_register_until_a_later_step(ctx, order_id):
    walk(ctx, order_id, [(9, 40, "checked_in")], FixedRandom(0.01))
    assert keys.reconciliation(ctx).no_key[0].order_id == order_id
    walk(ctx, order_id, [(10, 0, "handed_off")], FixedRandom(0.99))
    assert key_queries.keys_of_order(ctx.db, order_id)[0]["state"] == "in_cabinet"
