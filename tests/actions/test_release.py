"""The checkout desk (R14): the release gate refuses each missing condition by name, a
full release, and comeback detection linking a new order to the original one."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.actions import checkin, keys, orders
from service_desk.actions import release as rel
from service_desk.actions import settings as settings_actions
from service_desk.actions.context import ActionError
from service_desk.domain import release as rules
from service_desk.domain.checkin import Fuel
from service_desk.domain.clock import iso
from service_desk.domain.pricing import LineDraft
from service_desk.domain.validation import ValidationError
from service_desk.store import checkin_queries, key_queries, queries, release_queries
from service_desk.store.errors import StorageError
from tests.actions.test_archive_orders import walk_in
from tests.actions.test_workshop import at, bring_to_ready, set_clock
from tests.conftest import staff_id

ODO_IN = 41560  # check_in() reads 41560 km and half a tank


def _to_ready(ctx, order_id: int) -> None:
    bring_to_ready(ctx, order_id, 123456, "phone")


@pytest.fixture
def ready(ctx, order_id) -> int:
    _to_ready(ctx, order_id)
    return order_id


def _settle(ctx, order_id: int) -> None:
    # the cashier's settle action is built elsewhere; the gate reads the order state only
    orders.advance(ctx, order_id, "settled", "settled at the cashier")


def _return_key(ctx, order_id: int) -> None:
    main = next(k for k in key_queries.keys_of_order(ctx.db, order_id) if k["state"] == "out")
    keys.back_to_cabinet(ctx, main["id"], 7)
    keys.return_keys_to_customer(ctx, order_id)


def _return_belongings(ctx, order_id: int, sign: bool = True) -> None:
    items = checkin_queries.belongings(ctx.db, order_id)
    checkin.return_belongings(ctx, order_id, {i["id"]: i["qty"] for i in items})
    if sign:
        rel.record_belongings_signed(ctx, order_id)


STEPS = {
    rules.NOT_SETTLED: _settle,
    rules.KEY_NOT_RETURNED: _return_key,
    rules.BELONGINGS_NOT_RETURNED: _return_belongings,
    rules.DOCUMENTS_NOT_RETURNED: rel.record_documents_returned,
    rules.ODOMETER_OUT_MISSING: lambda ctx, oid: None,  # both readings are one form
    rules.FUEL_OUT_MISSING: lambda ctx, oid: None,
    rules.DIFFERENCE_UNEXPLAINED: lambda ctx, oid: None,
}


def _all_but(ctx, order_id: int, skip: str) -> None:
    for code, step in STEPS.items():
        if code != skip:
            step(ctx, order_id)
    if skip == rules.ODOMETER_OUT_MISSING or skip == rules.FUEL_OUT_MISSING:
        return
    if skip == rules.DIFFERENCE_UNEXPLAINED:
        rel.record_odometer_fuel_out(ctx, order_id, ODO_IN + 300, Fuel("eighths", 4))
    else:
        rel.record_odometer_fuel_out(ctx, order_id, ODO_IN + 12, Fuel("eighths", 4))


def _refusal(ctx, order_id: int) -> ActionError:
    with pytest.raises(ActionError) as exc:
        rel.release(ctx, order_id)
    assert exc.value.code == "release.missing"
    return exc.value


@pytest.mark.parametrize(
    "code",
    [
        rules.NOT_SETTLED,
        rules.KEY_NOT_RETURNED,
        rules.BELONGINGS_NOT_RETURNED,
        rules.DOCUMENTS_NOT_RETURNED,
        rules.DIFFERENCE_UNEXPLAINED,
    ],
)
def test_release_refused_for_each_missing_condition(ctx, ready, code):
    _all_but(ctx, ready, code)
    error = _refusal(ctx, ready)
    assert error.params == {"missing": [code], "condition": code}
    assert rel.missing_for_release(ctx.db, ready) == [code]
    assert queries.order(ctx.db, ready)["state"] != "released"


def test_odometer_and_fuel_out_missing(ctx, ready):
    _all_but(ctx, ready, rules.ODOMETER_OUT_MISSING)
    error = _refusal(ctx, ready)
    # one reading form records both, so without it both are named, odometer first
    assert error.params["missing"] == [rules.ODOMETER_OUT_MISSING, rules.FUEL_OUT_MISSING]
    assert error.params["condition"] == rules.ODOMETER_OUT_MISSING


def test_ticked_back_but_not_signed_is_missing(ctx, ready):
    _all_but(ctx, ready, rules.BELONGINGS_NOT_RETURNED)
    _return_belongings(ctx, ready, sign=False)
    assert _refusal(ctx, ready).params["condition"] == rules.BELONGINGS_NOT_RETURNED
    rel.record_belongings_signed(ctx, ready)
    rel.release(ctx, ready)


def test_the_screen_lists_everything_missing(ctx, ready):
    assert rel.missing_for_release(ctx.db, ready) == list(rules.CONDITIONS[:-1])


def test_full_release(ctx, ready):
    _all_but(ctx, ready, "")
    rel.record_odometer_fuel_out(ctx, ready, ODO_IN + 300, Fuel("eighths", 1), " 路试复现异响 ")
    assert rel.missing_for_release(ctx.db, ready) == []
    set_clock(ctx, at(17, 30))
    rel.release(ctx, ready)
    assert queries.order(ctx.db, ready)["state"] == "released"
    record = release_queries.release(ctx.db, ready)
    assert record["released_at"] == iso(at(17, 30))
    assert record["released_by"] == ctx.user_id
    assert (record["odometer_out"], record["fuel_unit"], record["fuel_value"]) == (
        ODO_IN + 300,
        "eighths",
        1,
    )
    assert record["difference_note"] == "路试复现异响"
    assert record["documents_returned"] == 1
    with pytest.raises(ActionError):
        rel.release(ctx, ready)
    with pytest.raises(ActionError) as exc:
        rel.record_documents_returned(ctx, ready)
    assert exc.value.code == "release.state"
    actions = [
        r[0]
        for r in ctx.db.execute("SELECT action FROM audit WHERE entity = 'release' ORDER BY id")
    ]
    assert actions == [
        "belongings_signed",
        "documents_returned",
        "readings_out",
        "readings_out",
        "release",
    ]


def test_readings_out_are_checked(ctx, ready):
    with pytest.raises(ValidationError) as exc:
        rel.record_odometer_fuel_out(ctx, ready, ODO_IN - 1, Fuel("eighths", 9))
    assert ("odometer", "odometer.below_in") in [(p.field, p.code) for p in exc.value.problems]
    assert "fuel" in {p.field for p in exc.value.problems}
    with pytest.raises(ValidationError):
        rel.record_odometer_fuel_out(ctx, ready, None, Fuel("eighths", 4))
    assert release_queries.release(ctx.db, ready) is None


def test_desk_actions_need_the_car_at_the_desk(ctx, order_id):
    with pytest.raises(ActionError) as exc:
        rel.record_documents_returned(ctx, order_id)
    assert exc.value.code == "release.state"


def test_signature_needs_the_belongings_ticked_back(ctx, ready):
    with pytest.raises(ActionError) as exc:
        rel.record_belongings_signed(ctx, ready)
    assert exc.value.code == "release.belongings_not_ticked"


def test_database_keeps_releases(ctx, ready):
    _all_but(ctx, ready, "")
    rel.release(ctx, ready)
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute("UPDATE releases SET difference_note = 'x' WHERE order_id = ?", [ready])
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute("DELETE FROM releases WHERE order_id = ?", [ready])
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute(
            "INSERT INTO releases(order_id, released_at, released_by, updated_at) "
            "VALUES (?, 'x', 1, 'x')",
            [ready],
        )


def _configure(ctx, **changes: int) -> None:
    settings_actions.update_settings(ctx, changes, staff_id(ctx, "陈主管"), "2468")


def test_the_gate_limits_follow_the_settings(ctx, ready):
    _all_but(ctx, ready, "")
    # driven 100 km, fuel from half a tank down to 1/8: both over the defaults
    rel.record_odometer_fuel_out(ctx, ready, ODO_IN + 100, Fuel("eighths", 1))
    assert rel.missing_for_release(ctx.db, ready) == [rules.DIFFERENCE_UNEXPLAINED]
    _configure(ctx, release_odometer_diff_km=200)
    assert rel.release_facts(ctx.db, ready).odometer_diff_km == 200
    assert rel.missing_for_release(ctx.db, ready) == [rules.DIFFERENCE_UNEXPLAINED]  # fuel
    rel.record_odometer_fuel_out(ctx, ready, ODO_IN + 100, Fuel("eighths", 4))
    assert rel.missing_for_release(ctx.db, ready) == []  # 100 km need no explanation now
    rel.record_odometer_fuel_out(ctx, ready, ODO_IN + 100, Fuel("eighths", 1))
    _configure(ctx, release_fuel_drop_eighths=3)
    assert rel.missing_for_release(ctx.db, ready) == []
    _configure(ctx, release_odometer_diff_km=99)
    assert _refusal(ctx, ready).params["missing"] == [rules.DIFFERENCE_UNEXPLAINED]


# --- comebacks -------------------------------------------------------------------------


@pytest.fixture
def released(ctx, ready) -> int:
    _all_but(ctx, ready, "")
    rel.release(ctx, ready)
    return ready


def _new_order(ctx, original: int, days: int, km: int, system: str) -> int:
    vid = queries.order(ctx.db, original)["vehicle_id"]
    set_clock(ctx, at(10, 0) + dt.timedelta(days=days))
    oid = orders.open_order(ctx, vid, "刹车又响了")
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="labour",
            description="复查",
            mode="item",
            qty_milli=1000,
            unit_price_fen=0,
            system_code=system,
        ),
    )
    orders.save_reception(ctx, oid, request="刹车又响了", odometer_in=km)
    return oid


def test_comeback_within_days_is_linked_to_the_original_and_its_team(ctx, released):
    new = _new_order(ctx, released, 12, ODO_IN + 2000, "brakes")
    link_id = rel.detect_comeback(ctx, new)
    assert link_id is not None
    link = release_queries.comeback(ctx.db, new)
    assert link["id"] == link_id
    assert link["original_order_id"] == released
    assert link["original_number"] == queries.order(ctx.db, released)["number"]
    assert link["original_team"] == "机修一组"
    assert link["reason"] == "system:brakes"
    assert (link["days"], link["km"]) == (12, 2000 - 12)
    original = release_queries.release(ctx.db, released)
    assert link["guarantee_from"] == original["released_at"]
    assert rel.detect_comeback(ctx, new) == link_id  # once only
    assert [c["order_id"] for c in release_queries.comebacks_of(ctx.db, released)] == [new]
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        ctx.db.execute("DELETE FROM comebacks WHERE id = ?", [link_id])


def test_comeback_within_km_after_the_days(ctx, released):
    new = _new_order(ctx, released, 60, ODO_IN + 500, "brakes")
    assert rel.detect_comeback(ctx, new) is not None
    assert release_queries.comeback(ctx.db, new)["days"] == 60


def test_no_comeback_beyond_both_windows(ctx, released):
    new = _new_order(ctx, released, 60, ODO_IN + 5000, "brakes")
    assert rel.detect_comeback(ctx, new) is None
    assert release_queries.comeback(ctx.db, new) is None


def test_no_comeback_for_unrelated_work(ctx, released):
    new = _new_order(ctx, released, 3, ODO_IN + 100, "body")
    assert rel.detect_comeback(ctx, new) is None


def test_no_comeback_before_the_car_was_released(ctx, ready):
    new = _new_order(ctx, ready, 3, ODO_IN + 100, "brakes")
    assert rel.detect_comeback(ctx, new) is None


def test_the_comeback_window_follows_the_settings(ctx, released):
    _configure(ctx, comeback_days=10)
    # 20 days, 2,000 km: within the default 30 days, but not within 10
    new = _new_order(ctx, released, 20, ODO_IN + 2000, "brakes")
    assert rel.detect_comeback(ctx, new) is None
    _configure(ctx, comeback_km=2000)
    assert rel.detect_comeback(ctx, new) is not None  # 1,988 km since the release


def test_a_maintenance_release_moves_the_next_due(ctx, order_id):
    """The car's next maintenance due moves on from this service (signed day and odometer
    in at check-in: 2026-11-27, 41 560 km): 10 000 km or 12 months later for a Tiggo."""
    vid = queries.order(ctx.db, order_id)["vehicle_id"]
    assert queries.order(ctx.db, order_id)["repair_category"] == "maintenance"
    before = queries.vehicle(ctx.db, vid)
    _to_ready(ctx, order_id)
    _all_but(ctx, order_id, "")
    rel.release(ctx, order_id)
    after = queries.vehicle(ctx.db, vid)
    assert (after["next_due_date"], after["next_due_km"]) == ("2027-11-27", ODO_IN + 10_000)
    assert (before["next_due_date"], before["next_due_km"]) != ("2027-11-27", ODO_IN + 10_000)
    [(was, now)] = ctx.db.execute(
        "SELECT before_json, after_json FROM audit WHERE action = 'next_due_after_service'"
    ).fetchall()
    assert "2027-11-27" in now and (before["next_due_date"] or "null") in was


def test_other_work_leaves_the_next_due(ctx):
    _, vid = walk_in(ctx, plate="皖B3C4D5", phone="13900001111")
    oid = orders.open_order(ctx, vid, "车门异响")
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="labour",
            description="车门调整",
            mode="item",
            qty_milli=1000,
            unit_price_fen=8000,
            system_code="body",
        ),
    )
    orders.save_reception(
        ctx,
        oid,
        request="车门异响",
        repair_category="general_repair",
        odometer_in=41_000,
        promised_at=at(17, 0),
    )
    orders.sign(ctx, oid)
    due = queries.vehicle(ctx.db, vid)["next_due_date"]
    _to_ready(ctx, oid)
    _all_but(ctx, oid, "")
    rel.release(ctx, oid)
    assert queries.order(ctx.db, oid)["state"] == "released"
    assert queries.vehicle(ctx.db, vid)["next_due_date"] == due
    moved = "SELECT count(*) FROM audit WHERE action = 'next_due_after_service'"
    assert ctx.db.execute(moved).fetchone()[0] == 0
