"""Comebacks are flagged when the customer signs the new order: the vehicle back with
related work within the window (the settings comeback_days / comeback_km) after an
earlier release. A rework's guarantee keeps counting from the first release."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.actions import orders
from service_desk.actions import release as rel
from service_desk.domain.pricing import LineDraft
from service_desk.store import queries, release_queries
from service_desk.store.errors import StorageError
from tests.actions.test_release import ODO_IN, _all_but, _configure, _to_ready
from tests.actions.test_workshop import at, set_clock

ODO_OUT = ODO_IN + 12  # _all_but reads 12 km more when the car leaves


@pytest.fixture
def released(ctx, order_id) -> int:
    """The order_id fixture's car released on NOW's day at 17:00 (test_release.py's steps)."""
    _to_ready(ctx, order_id)
    _all_but(ctx, order_id, "")
    rel.release(ctx, order_id)
    return order_id


def signed_return(
    ctx, original: int, days: int, km: int | None, system: str = "brakes", sign: bool = True
) -> int:
    """The same vehicle back ``days`` days after the original's release day, read at
    ``km``, with one labour line on ``system``; signed unless told otherwise."""
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
    orders.save_reception(
        ctx,
        oid,
        request="刹车又响了",
        odometer_in=km,
        promised_at=ctx.clock() + dt.timedelta(hours=4),
    )
    if sign:
        orders.sign(ctx, oid)
    return oid


def test_signing_a_related_return_within_the_window_flags_it(ctx, released):
    new = signed_return(ctx, released, 12, ODO_OUT + 300)
    link = release_queries.comeback(ctx.db, new)
    assert link is not None
    assert link["original_order_id"] == released
    assert link["reason"] == "system:brakes"
    assert (link["days"], link["km"]) == (12, 300)
    assert link["guarantee_from"] == release_queries.release(ctx.db, released)["released_at"]
    assert link["detected_at"] == queries.order(ctx.db, new)["signed_at"]
    assert queries.order(ctx.db, new)["state"] == "signed"
    detected = list(ctx.db.query("SELECT * FROM audit WHERE entity = 'comeback'"))
    assert [(a["entity_id"], a["action"]) for a in detected] == [(link["id"], "detect")]
    # detecting again changes nothing
    assert rel.detect_comeback(ctx, new) == link["id"]


def test_signing_an_unrelated_return_flags_nothing(ctx, released):
    new = signed_return(ctx, released, 3, ODO_OUT + 100, system="body")
    assert queries.order(ctx.db, new)["state"] == "signed"
    assert release_queries.comeback(ctx.db, new) is None
    assert release_queries.comebacks_of(ctx.db, released) == []


def test_signing_outside_both_windows_flags_nothing(ctx, released):
    new = signed_return(ctx, released, 45, ODO_OUT + 3000)
    assert release_queries.comeback(ctx.db, new) is None


def test_the_first_visit_is_no_comeback(ctx, order_id):
    # the order_id fixture was signed too: nothing of the vehicle was released before
    assert queries.order(ctx.db, order_id)["state"] == "signed"
    assert release_queries.comeback(ctx.db, order_id) is None


def test_the_window_follows_the_settings(ctx, released):
    _configure(ctx, comeback_days=10)
    # 20 days and 3,000 km later: within the default 30 days, not within 10
    late = signed_return(ctx, released, 20, ODO_OUT + 3000)
    assert release_queries.comeback(ctx.db, late) is None
    _configure(ctx, comeback_km=5000)
    # the distance alone suffices, with its own setting
    far = signed_return(ctx, released, 20, ODO_OUT + 3000)
    link = release_queries.comeback(ctx.db, far)
    assert link is not None and (link["days"], link["km"]) == (20, 3000)


def test_signature_and_flag_are_one_transaction(ctx, released, monkeypatch):
    new = signed_return(ctx, released, 5, ODO_OUT + 100, sign=False)

    def broken(ctx, order_id):
        ctx.db["comebacks"].insert({"order_id": order_id})  # NOT NULL columns missing

    monkeypatch.setattr(rel, "detect_comeback", broken)
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        orders.sign(ctx, new)
    order = queries.order(ctx.db, new)
    assert (order["state"], order["signed_at"]) == ("estimate", None)
    assert release_queries.comeback(ctx.db, new) is None


def test_comeback_flags_for_a_list_of_orders(ctx, released):
    related = signed_return(ctx, released, 4, ODO_OUT + 50)
    unrelated = signed_return(ctx, released, 4, ODO_OUT + 50, system="body")
    flags = release_queries.comeback_flags(ctx.db, [released, related, unrelated, related])
    assert set(flags) == {related}
    assert flags[related]["original_number"] == queries.order(ctx.db, released)["number"]
    assert release_queries.comeback_flags(ctx.db, []) == {}


def _release_directly(ctx, order_id: int, when: dt.datetime, km: int) -> None:
    """A release record as the checkout desk leaves it (the desk's steps are tested in
    test_release.py)."""
    stamp = when.isoformat(timespec="seconds")
    ctx.db["releases"].insert(
        {
            "order_id": order_id,
            "odometer_out": km,
            "fuel_unit": "eighths",
            "fuel_value": 4,
            "readings_at": stamp,
            "readings_by": ctx.user_id,
            "documents_returned": 1,
            "documents_returned_at": stamp,
            "documents_returned_by": ctx.user_id,
            "belongings_signed_at": stamp,
            "belongings_signed_by": ctx.user_id,
            "released_at": stamp,
            "released_by": ctx.user_id,
            "updated_at": stamp,
        }
    )


def test_a_rework_of_a_rework_keeps_the_first_release(ctx, released):
    first = release_queries.release(ctx.db, released)
    assert release_queries.guarantee_origin(ctx.db, released) is None
    rework = signed_return(ctx, released, 5, ODO_OUT + 100)
    origin = release_queries.guarantee_origin(ctx.db, rework)
    assert origin is not None
    assert (origin["order_id"], origin["odometer"]) == (released, ODO_OUT)
    assert origin["guarantee_from"] == first["released_at"]

    _release_directly(ctx, rework, at(17, 0) + dt.timedelta(days=5), ODO_OUT + 110)
    again = signed_return(ctx, released, 8, ODO_OUT + 200)
    link = release_queries.comeback(ctx.db, again)
    assert link["original_order_id"] == rework  # the most recent related visit
    assert link["guarantee_from"] == first["released_at"]  # not the rework's release
    origin = release_queries.guarantee_origin(ctx.db, again)
    assert origin["order_id"] == released
    assert origin["number"] == queries.order(ctx.db, released)["number"]
    assert origin["odometer"] == ODO_OUT
