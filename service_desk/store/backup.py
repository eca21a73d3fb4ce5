"""Backups of the counter's database (R20): made with SQLite's online backup API (never a
file copy of a live database), verified before they count, rotated, mirrored, restored.

Layout, under the data folder's ``backups`` (or any folder given):

    daily/service_desk-2026-11-27.sqlite3     one per day, the day's latest (14 kept)
    monthly/service_desk-2026-11.sqlite3      the first good backup of each month (12 kept)

A backup is written to a ``.partial`` file first, checked (``PRAGMA integrity_check``
and the row count of every table equal to the database's at the moment of the copy),
and only then renamed over the day's file: a power cut during a backup leaves the
previous good one in place. Each good backup gets a ``.json`` beside it (when, counts,
schema), which is what "last good backup" reads.

Restore copies a verified backup *into* the open database with the same backup API (so
the app's connection stays valid), after saving the current database aside, then
migrates it (a backup made by an earlier release is brought up to date).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from service_desk.store.errors import StorageError
from service_desk.store.migrations import check_not_newer, migrate, schema_version

log = logging.getLogger(__name__)

KEEP_DAILY = 14
KEEP_MONTHLY = 12
STEM = "service_desk"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class Backup:
    path: Path
    at: dt.datetime
    counts: dict[str, int]
    schema: int


class BackupError(Exception):
    """A backup or restore did not happen; ``reason`` says why (the UI translates it)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of every table (the FTS shadow tables and SQLite's own aside)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'search_fts%' ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def verify(path: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
    """Open the file read-only and check it: integrity, and the counts when given.
    Returns its counts; raises BackupError when it is no good."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError("unreadable", str(exc)) from exc
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError("integrity", "; ".join(str(r[0]) for r in result[:5]))
        counts = table_counts(conn)
    except sqlite3.DatabaseError as exc:
        raise BackupError("unreadable", str(exc)) from exc
    finally:
        conn.close()
    if expected is not None and counts != expected:
        diff = {k: (expected.get(k), counts.get(k)) for k in set(expected) | set(counts)}
        raise BackupError("counts", str({k: v for k, v in diff.items() if v[0] != v[1]}))
    return counts


def copy_database(source: sqlite3.Connection, target: Path) -> dict[str, int]:
    """An online backup of ``source`` into a new file ``target``, verified: the counts are
    read in the same read transaction the copy is made from."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(str(partial))
    # one read transaction for the counts and the copy: the counter may write meanwhile
    # (a backup made in the background reads on a connection of its own)
    own = not source.in_transaction
    try:
        if own:
            source.execute("BEGIN")
        try:
            counts = table_counts(source)
            source.backup(dest)
        finally:
            if own:
                source.execute("COMMIT")
        # one file, nothing beside it: a copy of a WAL database is WAL too, and reading
        # it (the check, a restore) would leave a -wal and a -shm behind
        dest.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        dest.close()
        partial.unlink(missing_ok=True)
        raise BackupError("write", str(exc)) from exc
    dest.close()
    try:
        verify(partial, counts)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return counts


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _record(path: Path, at: dt.datetime, counts: dict[str, int], schema: int) -> Backup:
    backup = Backup(path, at, counts, schema)
    _sidecar(path).write_text(
        json.dumps({"at": at.isoformat(), "counts": counts, "schema": schema}),
        encoding="utf-8",
    )
    return backup


def read_backup(path: Path) -> Backup | None:
    """A backup file with its record (None when it has none: never verified)."""
    try:
        data = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        return Backup(path, dt.datetime.fromisoformat(data["at"]), data["counts"], data["schema"])
    except (OSError, ValueError, KeyError):
        return None


def backups(folder: Path) -> list[Backup]:
    """Every verified backup in the folder (daily and monthly), newest first."""
    found = [
        b
        for sub in ("daily", "monthly")
        for path in sorted((folder / sub).glob(f"{STEM}-*{SUFFIX}"))
        if (b := read_backup(path)) is not None
    ]
    return sorted(found, key=lambda b: (b.at, b.path.parent.name == "daily"), reverse=True)


def last_good(folder: Path) -> Backup | None:
    found = backups(folder)
    return found[0] if found else None


def make_backup(
    db: sqlite_utils.Database,
    folder: Path,
    now: dt.datetime,
    mirror: Path | None = None,
) -> Backup:
    """Back the database up as today's daily backup (replacing an earlier one of today),
    start the month's backup when it has none, drop the old ones, copy to the mirror
    folder. Raises BackupError when the backup is not good (the previous one stays)."""
    day = now.date()
    daily = folder / "daily" / f"{STEM}-{day.isoformat()}{SUFFIX}"
    try:
        counts = copy_database(db.conn, daily)
    except OSError as exc:
        raise BackupError("write", str(exc)) from exc
    backup = _record(daily, now, counts, schema_version(db))
    monthly = folder / "monthly" / f"{STEM}-{day:%Y-%m}{SUFFIX}"
    if read_backup(monthly) is None:
        monthly.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(daily, monthly)
        verify(monthly, counts)
        _record(monthly, now, counts, backup.schema)
    prune(folder)
    if mirror is not None:
        mirror_backup(backup, mirror)
    log.info("backed up to %s (%s rows)", daily, sum(counts.values()))
    return backup


def mirror_backup(backup: Backup, mirror: Path) -> Path:
    """Copy a verified backup to the second folder (USB stick, network share), checked
    there too. Raises BackupError when the folder cannot take it."""
    target = mirror / backup.path.name
    try:
        mirror.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(backup.path, partial)
        verify(partial, backup.counts)
        partial.replace(target)
        shutil.copyfile(_sidecar(backup.path), _sidecar(target))
    except OSError as exc:
        raise BackupError("mirror", str(exc)) from exc
    return target


def prune(folder: Path) -> list[Path]:
    """Keep the newest 14 daily and 12 monthly backups; returns what was removed. (Old
    backups are the one thing the app deletes: they are copies, and the rotation is what
    keeps the disk from filling.)"""
    removed: list[Path] = []
    for sub, keep in (("daily", KEEP_DAILY), ("monthly", KEEP_MONTHLY)):
        files = sorted((folder / sub).glob(f"{STEM}-*{SUFFIX}"), reverse=True)
        for path in files[keep:]:
            path.unlink(missing_ok=True)
            _sidecar(path).unlink(missing_ok=True)
            removed.append(path)
    return removed


def needs_daily_backup(folder: Path, today: dt.date) -> bool:
    """No good backup of today yet (the first start of the day makes one)."""
    daily = folder / "daily" / f"{STEM}-{today.isoformat()}{SUFFIX}"
    return read_backup(daily) is None


def backup_to_file(db: sqlite_utils.Database, target: Path) -> dict[str, int]:
    """A one-off verified backup to a file of the caller's choosing (scripts)."""
    if target.exists():
        raise BackupError("exists", str(target))
    try:
        return copy_database(db.conn, target)
    except OSError as exc:
        raise BackupError("write", str(exc)) from exc


def restore(
    db: sqlite_utils.Database, db_path: Path | None, source: Path, now: dt.datetime
) -> Path | None:
    """Replace the database's content with the backup ``source``: the backup is verified
    first (and refused when a newer release wrote it), the current database saved aside
    (the path is returned), then the backup copied in with the online backup API and
    migrated to the current schema."""
    verify(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            check_not_newer(sqlite_utils.Database(src, execute_plugins=False))
        except StorageError as exc:
            raise BackupError("newer", exc.detail) from exc
        aside = None
        if db_path is not None:
            stamp = f"{now:%Y%m%d-%H%M%S}"
            aside = db_path.with_name(f"{db_path.stem}.before-restore.{stamp}{SUFFIX}")
            copy_database(db.conn, aside)
        try:
            src.backup(db.conn)
        except sqlite3.Error as exc:
            raise BackupError("write", str(exc)) from exc
    finally:
        src.close()
    migrate(db, None)
    log.info("restored %s (current saved as %s)", source, aside)
    return aside
