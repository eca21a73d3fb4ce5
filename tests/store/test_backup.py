"""Backups (R20): online, verified before they count, rotated 14 daily / 12 monthly,
mirrored to a second folder, restored into the open database after saving it aside."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from service_desk.store import backup as bk
from service_desk.store.db import connect
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW


def customers(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM customers ORDER BY id")]


def test_a_backup_is_verified_and_recorded(ctx, tmp_path):
    walk_in(ctx)
    folder = tmp_path / "backups"
    made = bk.make_backup(ctx.db, folder, NOW)
    assert made.path == folder / "daily" / "service_desk-2026-11-27.sqlite3"
    assert made.counts["customers"] == 1 and made.counts["vehicles"] == 1
    assert bk.verify(made.path, made.counts) == made.counts
    monthly = folder / "monthly" / "service_desk-2026-11.sqlite3"
    assert bk.read_backup(monthly).counts == made.counts
    assert bk.last_good(folder) == made
    assert not list(folder.rglob("*.partial"))
    assert not bk.needs_daily_backup(folder, NOW.date())
    assert bk.needs_daily_backup(folder, NOW.date() + dt.timedelta(days=1))


def test_the_days_backup_is_replaced_the_months_kept(ctx, tmp_path):
    folder = tmp_path / "b"
    bk.make_backup(ctx.db, folder, NOW)
    walk_in(ctx)
    later = bk.make_backup(ctx.db, folder, NOW + dt.timedelta(hours=8))  # at exit
    assert later.counts["customers"] == 1
    assert bk.read_backup(later.path).counts["customers"] == 1
    month = bk.read_backup(folder / "monthly" / "service_desk-2026-11.sqlite3")
    assert month.counts["customers"] == 0  # the month's first backup stays
    assert [b.path.parent.name for b in bk.backups(folder)] == ["daily", "monthly"]


def test_rotation_keeps_14_daily_and_12_monthly(ctx, tmp_path):
    folder = tmp_path / "b"
    days = [NOW + dt.timedelta(days=31 * m) for m in range(14)]  # 14 months, one a month
    days += [days[-1] + dt.timedelta(days=d) for d in range(1, 20)]  # then 19 days on end
    for day in days:
        bk.make_backup(ctx.db, folder, day)
    daily = sorted(p.name for p in (folder / "daily").glob("*.sqlite3"))
    monthly = sorted(p.name for p in (folder / "monthly").glob("*.sqlite3"))
    assert len(daily) == 14 and daily[-1] == f"service_desk-{days[-1].date()}.sqlite3"
    assert daily[0] == f"service_desk-{(days[-1] - dt.timedelta(days=13)).date()}.sqlite3"
    assert len(monthly) == 12 and monthly[-1] == f"service_desk-{days[-1]:%Y-%m}.sqlite3"
    assert len(list(folder.rglob("*.json"))) == 26


def test_a_backup_that_fails_its_check_does_not_count(ctx, tmp_path, monkeypatch):
    folder = tmp_path / "b"
    good = bk.make_backup(ctx.db, folder, NOW)
    walk_in(ctx)

    def bad_check(path, expected=None):
        raise bk.BackupError("integrity", "page 7: btree corrupt")

    monkeypatch.setattr(bk, "verify", bad_check)
    with pytest.raises(bk.BackupError) as exc:
        bk.make_backup(ctx.db, folder, NOW + dt.timedelta(hours=1))
    assert exc.value.reason == "integrity"
    monkeypatch.undo()
    assert bk.last_good(folder) == good  # the earlier good one stays, untouched
    assert bk.verify(good.path)["customers"] == 0
    assert not list(folder.rglob("*.partial"))


def test_the_mirror_folder_gets_a_checked_copy(ctx, tmp_path):
    walk_in(ctx)
    mirror = tmp_path / "usb"
    made = bk.make_backup(ctx.db, tmp_path / "b", NOW, mirror=mirror)
    copy = mirror / made.path.name
    assert bk.verify(copy, made.counts) == made.counts
    assert bk.read_backup(copy).counts == made.counts
    # a mirror that is not a folder (the stick is gone, a file in its place): refused,
    # the local backup still good
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    with pytest.raises(bk.BackupError) as exc:
        bk.make_backup(ctx.db, tmp_path / "c", NOW, mirror=blocked)
    assert exc.value.reason == "mirror"
    assert bk.last_good(tmp_path / "c") is not None


def test_restore_brings_back_the_backup_and_keeps_the_current_aside(ctx, db_path, tmp_path):
    walk_in(ctx)
    made = bk.make_backup(ctx.db, tmp_path / "b", NOW)
    walk_in(ctx, plate="皖B99999", phone="13900009999", name="后来的客户")
    assert len(customers(ctx.db)) == 2
    aside = bk.restore(ctx.db, db_path, made.path, NOW + dt.timedelta(hours=1))
    assert customers(ctx.db) == ["张三"]
    assert bk.table_counts(ctx.db.conn) == made.counts
    assert aside is not None and aside.name.startswith("service_desk.before-restore.")
    assert bk.verify(aside)["customers"] == 2  # what was replaced is kept
    # the app's connection still works on the restored data
    walk_in(ctx, plate="皖B88888", phone="13900008888", name="恢复后")
    assert len(customers(ctx.db)) == 2


def test_restore_refuses_what_is_no_backup(ctx, db_path, tmp_path):
    walk_in(ctx)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(bk.BackupError) as exc:
        bk.restore(ctx.db, db_path, junk, NOW)
    assert exc.value.reason == "unreadable"
    newer = tmp_path / "newer.sqlite3"
    bk.backup_to_file(ctx.db, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('service_desk', '999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(bk.BackupError) as exc:
        bk.restore(ctx.db, db_path, newer, NOW)
    assert exc.value.reason == "newer"
    assert len(customers(ctx.db)) == 1  # nothing changed
    assert not list(db_path.parent.glob("*.before-restore.*"))


def test_backup_to_a_file_for_scripts(ctx, tmp_path):
    walk_in(ctx)
    out = tmp_path / "nightly.sqlite3"
    counts = bk.backup_to_file(ctx.db, out)
    assert bk.verify(out, counts)["customers"] == 1
    with pytest.raises(bk.BackupError) as exc:
        bk.backup_to_file(ctx.db, out)
    assert exc.value.reason == "exists"


def test_a_write_during_a_background_backup_does_not_spoil_it(ctx, db_path, tmp_path, monkeypatch):
    """A backup made on a connection of its own while the counter writes: the counts and
    the copy come from one read transaction, so the check still matches."""
    real_counts = bk.table_counts
    wrote = []

    def count_then_the_counter_writes(conn):
        counts = real_counts(conn)
        if not wrote:  # between the counts and the copy, the counter saves a walk-in
            wrote.append(walk_in(ctx))
        return counts

    monkeypatch.setattr(bk, "table_counts", count_then_the_counter_writes)
    own = connect(db_path)  # the background's connection
    try:
        made = bk.make_backup(own, tmp_path / "b", NOW)
        assert not own.conn.in_transaction  # the read transaction is over
    finally:
        own.conn.close()
    assert wrote and made.counts["customers"] == 0  # the moment of the copy
    assert bk.verify(made.path, made.counts)["customers"] == 0
    assert len(customers(ctx.db)) == 1  # the walk-in is saved, for the next backup


def test_a_backup_is_one_file_with_nothing_left_beside_it(ctx, db, db_path, tmp_path):
    """The counter's database is WAL; its backups are single files (no -wal, no -shm left
    by the checks), and a restore keeps the counter's database in WAL."""
    walk_in(ctx)
    folder, stick = tmp_path / "b", tmp_path / "stick"
    made = bk.make_backup(ctx.db, folder, NOW, mirror=stick)
    kept = sorted(
        p.relative_to(tmp_path).as_posix()
        for where in (folder, stick)
        for p in where.rglob("*")
        if p.is_file()
    )
    assert kept == [
        "b/daily/service_desk-2026-11-27.json",
        "b/daily/service_desk-2026-11-27.sqlite3",
        "b/monthly/service_desk-2026-11.json",
        "b/monthly/service_desk-2026-11.sqlite3",
        "stick/service_desk-2026-11-27.json",
        "stick/service_desk-2026-11-27.sqlite3",
    ]
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    bk.restore(ctx.db, db_path, made.path, NOW)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
