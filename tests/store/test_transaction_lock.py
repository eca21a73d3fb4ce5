"""store/db.transaction takes the write lock at its start: an action that reads, then
writes, waits for a background writer instead of failing at its first write."""

from __future__ import annotations

import threading
import time

import pytest

from service_desk.store.db import connect, transaction
from service_desk.store.errors import StorageError


def _background_writer(path, holding: threading.Event, seconds: float) -> threading.Thread:
    def work() -> None:
        other = connect(path)
        other.conn.execute("BEGIN IMMEDIATE")
        other.conn.execute("INSERT INTO settings (key, value) VALUES ('bg', 'x')")
        holding.set()
        time.sleep(seconds)
        other.conn.execute("COMMIT")
        other.conn.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_an_action_waits_for_a_background_writer(db, db_path):
    holding = threading.Event()
    thread = _background_writer(db_path, holding, 0.3)
    holding.wait(5)
    started = time.monotonic()
    with transaction(db):
        seen = db.execute("SELECT count(*) FROM settings WHERE key = 'bg'").fetchone()[0]
        db.execute("INSERT INTO settings (key, value) VALUES ('counter', 'y')")
    thread.join()
    assert time.monotonic() - started >= 0.2  # it waited for the lock
    assert seen == 1  # and read what the background job had written
    keys = {r[0] for r in db.execute("SELECT key FROM settings WHERE key IN ('bg', 'counter')")}
    assert keys == {"bg", "counter"}


def test_a_deferred_transaction_that_read_first_is_refused(db, db_path):
    """What BEGIN IMMEDIATE avoids: the same action, deferred, fails at its write."""
    holding = threading.Event()
    thread = _background_writer(db_path, holding, 0.3)
    holding.wait(5)
    with pytest.raises(StorageError), transaction(db, immediate=False):
        db.execute("SELECT count(*) FROM settings").fetchone()
        db.execute("INSERT INTO settings (key, value) VALUES ('counter', 'y')")
    thread.join()
    assert not db.conn.in_transaction


def test_nested_transactions_are_savepoints(db):
    with transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError), transaction(db):
            db.execute("INSERT INTO settings (key, value) VALUES ('inner', '2')")
            raise ValueError
    keys = {r[0] for r in db.execute("SELECT key FROM settings WHERE key IN ('outer', 'inner')")}
    assert keys == {"outer"}
