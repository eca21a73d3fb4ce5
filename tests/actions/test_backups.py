"""The backup use cases (R20) when the copy is read on another connection — the
background backup's own — than the counter's."""

from __future__ import annotations

import datetime as dt

from service_desk.actions import backups
from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock
from service_desk.store import backup as bk
from service_desk.store import settings
from service_desk.store.db import connect
from service_desk.store.open import open_database
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW


def test_a_backup_from_another_connection_never_touches_the_counters(ctx, db_path, tmp_path):
    walk_in(ctx)
    stick = tmp_path / "stick"
    settings.put(ctx.db, "backup_mirror_dir", str(stick))
    own = connect(db_path)  # the background's connection to the same file
    gone = open_database(tmp_path / "closed.sqlite3")
    gone.close()  # any use of the counter's connection would raise
    counter = Ctx(gone, ctx.clock, ctx.user_id)
    try:
        made = backups.back_up(counter, tmp_path / "b", own)
        assert backups.daily_backup_if_due(counter, tmp_path / "b", own) is None
    finally:
        own.conn.close()
    assert made.counts["customers"] == 1
    assert bk.verify(stick / made.path.name, made.counts) == made.counts  # mirror from it


def test_the_daily_backup_is_due_once_a_day(ctx, tmp_path):
    folder = tmp_path / "b"
    assert backups.daily_backup_due(ctx, folder)
    assert backups.daily_backup_if_due(ctx, folder) is not None
    assert not backups.daily_backup_due(ctx, folder)
    assert backups.daily_backup_if_due(ctx, folder) is None
    ctx.clock = fixed_clock(NOW + dt.timedelta(days=1))
    assert backups.daily_backup_due(ctx, folder)
