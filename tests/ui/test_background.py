"""ui/background.Worker: work on its own connection off the UI thread, results back on it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from service_desk.store.open import open_database
from service_desk.ui.background import Worker


def _count(db):
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return tables, threading.current_thread()


def test_reads_on_its_own_connection_in_another_thread(qtbot, db, db_path):
    worker = Worker(db_path, db)
    with qtbot.waitSignal(worker.done, timeout=5000) as got:
        worker.run(_count)
    count, thread = got.args[0]
    assert count == db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    assert thread is not threading.main_thread()
    assert not worker.busy


def test_read_only_refuses_writes_and_reports_the_failure(qtbot, db, db_path):
    worker = Worker(db_path, db)
    with qtbot.waitSignal(worker.failed, timeout=5000) as got:
        worker.run(lambda conn: conn.execute("DELETE FROM settings"))
    assert "readonly" in str(got.args[0]).replace(" ", "").lower()


def test_requests_while_running_coalesce_to_the_newest(qtbot, db, db_path):
    gate = threading.Event()
    worker = Worker(db_path, db)
    results = []
    worker.done.connect(results.append)
    worker.run(lambda conn: gate.wait(5) and "first")
    worker.run(lambda conn: "second")
    worker.run(lambda conn: "third")
    gate.set()
    qtbot.waitUntil(lambda: bool(results) and not worker.busy, timeout=5000)
    assert results == ["third"]


def test_a_database_without_a_file_runs_on_the_ui_thread(qtbot):
    memory = open_database(Path(":memory:"))
    worker = Worker(None, memory)
    with qtbot.waitSignal(worker.done, timeout=5000) as got:
        worker.run(_count)
    assert got.args[0][1] is threading.main_thread()


@pytest.mark.parametrize("path_given", [True, False])
def test_failures_arrive_on_the_ui_thread(qtbot, db, db_path, path_given):
    worker = Worker(db_path if path_given else None, db)
    seen = []
    worker.failed.connect(lambda exc: seen.append((exc, threading.current_thread())))
    worker.run(lambda conn: 1 / 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0][0], ZeroDivisionError)
    assert seen[0][1] is threading.main_thread()
