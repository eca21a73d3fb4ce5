"""The audit trail of an order (R20): the order's own rows and those of everything that
belongs to it, oldest first, with who; the trail itself cannot be changed."""

from __future__ import annotations

import sqlite3

import pytest

from service_desk.actions import orders
from service_desk.actions import release as rel
from service_desk.store.audit_queries import ENTITY_TABLES, order_history
from service_desk.ui.order_history import change_text
from tests.actions.test_release import _all_but, _to_ready
from tests.conftest import staff_id


def test_the_history_of_a_released_order(ctx, order_id):
    _to_ready(ctx, order_id)
    _all_but(ctx, order_id, "")
    rel.release(ctx, order_id)
    history = order_history(ctx.db, order_id)
    entities = {r["entity"] for r in history}
    assert {"order", "order_line", "checkin", "key", "handoff", "release"} <= entities
    assert [r["id"] for r in history] == sorted(r["id"] for r in history)
    assert {r["staff_name"] for r in history} >= {"王芳"}
    # nothing of another order
    other = orders.open_order(
        ctx,
        ctx.db.execute("SELECT vehicle_id FROM repair_orders WHERE id = ?", [order_id]).fetchone()[
            0
        ],
        "另一次来店",
    )
    assert all(r["entity_id"] != other or r["entity"] != "order" for r in history)
    assert order_history(ctx.db, other)[0]["entity"] == "order"
    sign = [r for r in history if r["entity"] == "order" and r["action"] == "sign"]
    assert sign and "signed" in change_text(sign[0]["before_json"], sign[0]["after_json"])


def test_every_entity_table_ties_to_an_order(db):
    for table in ENTITY_TABLES.values():
        columns = {r[1] for r in db.execute(f'PRAGMA table_info("{table}")')}
        assert "order_id" in columns, table


def test_the_audit_trail_refuses_changes(ctx, order_id):
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        ctx.db.execute("UPDATE audit SET action = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        ctx.db.execute("DELETE FROM audit")
    assert staff_id(ctx, "王芳")


def test_change_text_shows_only_what_changed():
    assert change_text('{"state": "a", "x": 1}', '{"state": "b", "x": 1}') == "state: a → b"
    assert change_text(None, '{"amount_fen": 100, "note": ""}') == "amount_fen: 100"
    assert change_text('{"qty": 2}', None) == "qty: 2"
    assert change_text(None, None) == ""
    assert change_text(None, '{"t": "' + "长" * 400 + '"}').endswith("…")
