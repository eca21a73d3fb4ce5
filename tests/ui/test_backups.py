"""Backups in the app: the status bar's last good backup (a warning when older than a
day), back up now, and the restore drill — back up, damage the database, restore from
the UI with a supervisor's PIN: the data is what it was at the backup."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtWidgets import QLabel

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


def test_status_bar_tells_how_old_the_last_backup_is(qtbot, window):
    status = window.statusBar().findChild(QLabel, "backup_status")
    assert status.text() == "⚠ No backup yet"
    made = window.backups.run()
    assert made is not None
    assert status.text() == "Last good backup: 2026-11-27 09:30"
    window.session.ctx.clock = fixed_clock(NOW + dt.timedelta(days=1, minutes=1))
    status.refresh()
    assert status.text().startswith("⚠ Last good backup: 2026-11-27 09:30")
    # the next day's first start backs up; the same day does not back up twice
    assert window.backups.run(daily_only=True) is not None
    assert window.backups.run(daily_only=True) is None
    assert "2026-11-28 09:31" in status.text() and "⚠" not in status.text()


def test_restore_drill(qtbot, ctx, window, order_id, answers, db_path):
    dialog = window.open_backups()
    click(qtbot, dialog.now_button)
    assert "Backed up and checked" in dialog.done_text.text()
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
