"""Backups in the app: the status bar's last good backup (a warning when older than a
day), the daily backup and "back up now" made on a worker thread (the window stays
usable, one at a time, the exit backup waits for it, no restore meanwhile), and the
restore drill — back up, damage the database, restore from the UI with a supervisor's
PIN: the data is what it was at the backup."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar

from service_desk.domain.clock import fixed_clock
from service_desk.store import backup as bk
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW
from tests.ui.test_inspection_desk import click, find


def table_rows(conn: sqlite3.Connection, skip=("audit",)) -> dict[str, list[tuple]]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'search_fts%' AND name <> '_sqlite_migrations'"
        )
    ]
    return {
        n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
        for n in sorted(names)
        if n not in skip
    }


def backed_up(qtbot, keeper, daily_only: bool = False) -> bk.Backup:
    """Start a backup and wait for it to arrive from the worker."""
    with qtbot.waitSignal(keeper.made, timeout=15_000) as got:
        assert keeper.run(daily_only)
    qtbot.waitUntil(lambda: not keeper.busy, timeout=5000)
    return got.args[0]


@pytest.fixture
def gate(monkeypatch):
    """Backups wait at the copy until the gate opens; the threads that copied, in order."""
    opened = threading.Event()
    copies: list[str] = []
    real = bk.copy_database

    def held(source, target):
        copies.append(f"start {threading.current_thread().name}")
        opened.wait(15)
        counts = real(source, target)
        copies.append(f"end {threading.current_thread().name}")
        return counts

    monkeypatch.setattr(bk, "copy_database", held)
    opened.copies = copies
    yield opened
    opened.set()


def test_status_bar_tells_how_old_the_last_backup_is(qtbot, window):
    status = window.statusBar().findChild(QLabel, "backup_status")
    assert status.text() == "⚠ No backup yet"
    made = backed_up(qtbot, window.backups)
    assert made is not None
    assert status.text() == "Last good backup: 2026-11-27 09:30"
    window.session.ctx.clock = fixed_clock(NOW + dt.timedelta(days=1, minutes=1))
    status.refresh()
    assert status.text().startswith("⚠ Last good backup: 2026-11-27 09:30")
    # the next day's first start backs up; the same day does not back up twice
    backed_up(qtbot, window.backups, daily_only=True)
    assert not window.backups.run(daily_only=True)
    assert not window.backups.busy
    assert "2026-11-28 09:31" in status.text() and "⚠" not in status.text()


def test_the_daily_backup_is_made_on_a_worker_thread(qtbot, window, gate):
    status = window.statusBar().findChild(QLabel, "backup_status")
    keeper = window.backups
    made = []
    keeper.made.connect(made.append)
    assert keeper.run(daily_only=True)  # returns at once: the copy waits at the gate
    qtbot.waitUntil(lambda: len(gate.copies) == 1, timeout=5000)
    assert keeper.busy and status.text() == "Backing up…"
    assert not keeper.run()  # one at a time
    qtbot.wait(50)  # the window goes on handling events meanwhile
    assert not made
    gate.set()
    qtbot.waitUntil(lambda: bool(made), timeout=15_000)
    assert "MainThread" not in gate.copies[0]
    assert made[0].path.parent.name == "daily" and made[0].counts["staff"] == 4
    assert status.text() == "Last good backup: 2026-11-27 09:30"


def test_a_failed_background_backup_is_told(qtbot, window, monkeypatch):
    def full(source, target):
        raise bk.BackupError("write", "disk full")

    monkeypatch.setattr(bk, "copy_database", full)
    status = window.statusBar().findChild(QLabel, "backup_status")
    with qtbot.waitSignal(window.backups.failed, timeout=15_000) as got:
        assert window.backups.run()
    assert got.args[0] == "The backup could not be written: is the disk full?"
    qtbot.waitUntil(lambda: status.text() == "⚠ No backup yet", timeout=5000)


def test_exit_waits_for_the_backup_under_way(qtbot, window, gate, ctx):
    keeper = window.backups
    assert keeper.run()
    qtbot.waitUntil(lambda: len(gate.copies) == 1, timeout=5000)
    walk_in(ctx)  # typed while the backup runs: the exit backup has it
    threading.Timer(0.3, gate.set).start()
    made = keeper.run_at_exit()  # blocks until the running one is done, then its own
    assert gate.copies == [
        "start worker-Keeper",  # the background backup ends first,
        "end worker-Keeper",
        "start MainThread",  # then the exit backup is made before run_at_exit returns
        "end MainThread",
    ]
    assert made is not None and made.counts["customers"] == 1
    assert bk.last_good(keeper.folder) == made


def test_the_dialog_shows_the_backup_under_way_and_refuses_a_restore(
    qtbot, ctx, window, answers, gate
):
    gate.set()
    dialog = window.open_backups()
    click(qtbot, dialog.now_button)
    qtbot.waitUntil(lambda: "Backed up and checked" in dialog.done_text.text(), timeout=15_000)
    first = bk.last_good(window.backups.folder)
    gate.clear()
    click(qtbot, dialog.now_button)
    progress = find(dialog, QProgressBar, "backups_progress")
    assert progress.isVisible() and dialog.done_text.text().startswith("Backing up…")
    assert not dialog.now_button.isEnabled()
    assert not dialog.restore_button.isEnabled() and not dialog.file_button.isEnabled()
    # a restore (the buttons are off; a day's backup may start while the PIN is typed)
    # is refused before anything is asked (an unexpected question would fail the test)
    assert not dialog.restore(first.path)
    assert "restore when it has finished" in find(dialog, QLabel, "backups_message").text()
    gate.set()
    qtbot.waitUntil(lambda: not window.backups.busy, timeout=15_000)
    qtbot.waitUntil(lambda: "Backed up and checked" in dialog.done_text.text(), timeout=5000)
    assert not progress.isVisible() and dialog.now_button.isEnabled()
    assert dialog.restore_button.isEnabled()


def test_restore_drill(qtbot, ctx, window, order_id, answers, db_path):
    dialog = window.open_backups()
    click(qtbot, dialog.now_button)
    qtbot.waitUntil(lambda: "Backed up and checked" in dialog.done_text.text(), timeout=15_000)
    [made] = [b for b in bk.backups(window.backups.folder) if b.path.parent.name == "daily"]
    with sqlite3.connect(made.path) as conn:
        before = table_rows(conn)
        audit_before = conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
    # after the backup: more work, then the damage (a table dropped by another program)
    walk_in(ctx, plate="皖B55555", phone="13955555555", name="备份之后")
    other = sqlite3.connect(db_path)
    other.execute("DROP TABLE order_events")
    other.commit()
    other.close()
    # restore from the UI: asked, a supervisor's PIN
    answers.confirms.append(True)
    answers.choices.append(0)
    answers.texts.append("2468")
    assert dialog.restore(made.path)
    assert "Restored" in dialog.done_text.text()
    after = table_rows(ctx.db.conn)
    assert after == before  # every table as it was at the backup
    audit_after = ctx.db.execute("SELECT * FROM audit ORDER BY id").fetchall()
    assert audit_after[: len(audit_before)] == audit_before
    assert [r[5] for r in audit_after[len(audit_before) :]] == ["restore"]
    assert ctx.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [aside] = db_path.parent.glob("*.before-restore.*.sqlite3")
    kept = sqlite3.connect(aside).execute("SELECT name FROM customers").fetchall()
    assert ("备份之后",) in kept


def test_a_restore_needs_the_supervisor(qtbot, ctx, window, answers):
    dialog = window.open_backups()
    click(qtbot, dialog.now_button)
    qtbot.waitUntil(lambda: not window.backups.busy, timeout=15_000)
    made = bk.last_good(window.backups.folder)
    walk_in(ctx)
    answers.confirms.append(True)
    answers.choices.append(0)
    answers.texts.append("0000")
    assert not dialog.restore(made.path)
    assert find(dialog, QLabel, "backups_message").isVisible()
    assert ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1  # untouched
    answers.confirms.append(False)  # asked, and the advisor thinks better of it
    assert not dialog.restore(made.path)
