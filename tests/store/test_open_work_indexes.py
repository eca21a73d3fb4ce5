"""Migration 023: the Today board's extra work waiting for an answer and the key
cabinet's keys not handed back are read from partial indexes of the open rows, never by
stepping through every row of ten years."""

from __future__ import annotations

import pytest

from service_desk.store import key_queries, today_queries


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    from tests.conftest import open_demo_copy

    return open_demo_copy(demo_file, tmp_path_factory)


def plans(db, read) -> list[list[str]]:
    """The query plan of every statement ``read(db)`` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        read(db)
    finally:
        db.conn.set_trace_callback(None)
    return [
        [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
    ]


@pytest.mark.parametrize(
    ("read", "index", "table"),
    [
        (today_queries.waiting_for_answer, "extra_work_waiting", "x"),
        (key_queries.keys_not_returned, "keys_at_dealer", "k"),
    ],
)
def test_open_rows_come_from_their_partial_index(demo, read, index, table):
    [plan] = plans(demo, read)
    assert f"SCAN {table} USING INDEX {index}" in plan, plan
    assert not [step for step in plan if step.startswith("SCAN") and index not in step], plan


def test_the_indexes_hold_only_the_open_rows(demo):
    waiting = demo.execute(
        "SELECT count(*) FROM extra_work WHERE state IN ('reported', 'customer_contacted')"
    ).fetchone()[0]
    at_dealer = demo.execute("SELECT count(*) FROM keys WHERE state <> 'returned'").fetchone()[0]
    assert len(today_queries.waiting_for_answer(demo)) == waiting
    assert len(key_queries.keys_not_returned(demo)) == at_dealer
    assert at_dealer < demo.execute("SELECT count(*) FROM keys").fetchone()[0]
