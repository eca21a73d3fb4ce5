"""Every earlier release's database opens in this one (committed fixtures, one per schema)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service_desk.actions import orders
from service_desk.actions.context import Ctx
from service_desk.store import queries
from service_desk.store.migrations import known_names, schema_version
from service_desk.store.open import open_database

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.sqlite3"))


def test_there_is_a_fixture_for_every_schema_but_none_newer():
    versions = [p.stem.removeprefix("schema_") for p in FIXTURES]
    assert versions, "commit a fixture with tests/store/make_fixture.py"
    assert all(any(name.startswith(v) for name in known_names()) for v in versions)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_database_opens_migrated_with_its_data(fixture, tmp_path, clock):
    path = tmp_path / "service_desk.sqlite3"
    shutil.copy(fixture, path)
    db = open_database(path)
    try:
        assert schema_version(db) == len(known_names())
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        order = queries.order_by_number(db, "WX202611270001")
        assert order["state"] == "signed" and order["request"] == "刹车异响，做保养"
        assert len(queries.order_lines(db, order["id"])) == 4
        assert [e["to_state"] for e in queries.order_events(db, order["id"])][-1] == "signed"
        assert [h["plate"] for h in queries.search(db, "B123")] == ["皖B12345"]
        ctx = Ctx(db, clock, user_id=1)
        new = orders.open_order(ctx, order["vehicle_id"], "复查刹车")
        assert queries.order(db, new)["number"] == "WX202611270002"
    finally:
        db.close()
