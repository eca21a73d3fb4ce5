"""Crash safety (R20), a few rounds of benchmarks/crash_kill.py: a writer doing real
counter work is killed with SIGKILL at random moments; every transaction it saw return
is there, the file passes integrity_check and the app reopens it. (The full run, hundreds
of kills, is the benchmark; its figures are in the README.)"""

from __future__ import annotations

import sys

import pytest

from benchmarks import crash_kill


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writers_lose_nothing(tmp_path):
    outcome = crash_kill.run(tmp_path, runs=5, seed=11, kill_after=(1.2, 3.0))
    assert outcome.runs == 5
    assert outcome.writes > 0  # the writer got going before it was killed
    assert outcome.lost == []
    assert outcome.bad_integrity == 0 and outcome.reopen_failures == 0


def test_the_check_finds_a_record_that_is_missing(tmp_path):
    """The harness's own check fails when a logged record is not in the database."""
    import sqlite3

    db, log = tmp_path / "x.sqlite3", tmp_path / "w.log"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO customers VALUES (1)")
    conn.commit()
    conn.close()
    log.write_text("customer 1\ncustomer 2\n", encoding="utf-8")
    writes, lost, ok = crash_kill.check(db, log)
    assert (writes, lost, ok) == (2, ["customer 2"], True)
