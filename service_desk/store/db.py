"""Opening the one SQLite file with the pragmas the counter relies on."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from service_desk.store.errors import StorageError, StorageProblem, classify


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) the database with WAL, foreign keys and synchronous=FULL."""
    try:
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise _translate(exc) from exc
    try:
        # no sqlite-utils plugins from the environment in the counter's database (and no
        # scan of every installed package for them at each connection: ~30 ms)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(path) != ":memory:" and mode.lower() != "wal":
            raise StorageError(StorageProblem.CANNOT_OPEN, f"journal_mode={mode}")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException as exc:
        conn.close()  # a failed open must not keep the file open (nor locked on Windows)
        if isinstance(exc, sqlite3.Error):
            raise _translate(exc) from exc
        raise
    return db


def _translate(exc: sqlite3.Error) -> Exception:
    mapped = classify(exc)
    if mapped is not None:
        return mapped
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return StorageError(StorageProblem.NOT_A_DATABASE, str(exc))
    return exc


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise known sqlite3 failures as StorageError; let bugs through unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _translate(exc) from exc


@contextlib.contextmanager
def transaction(
    db: sqlite_utils.Database, *, immediate: bool = True
) -> Iterator[sqlite_utils.Database]:
    """One counter action = one transaction; storage failures surface as StorageError.

    The outermost one takes the write lock at its start (BEGIN IMMEDIATE): while another
    connection writes (a background job), it waits up to the busy timeout. A deferred
    transaction that read first would fail at its first write at once ("database is
    locked"), since SQLite cannot wait there without risking a deadlock. A background job
    that reads long and writes a little passes ``immediate=False``: it holds no lock while
    it reads, and its write is refused (to be retried) when the counter wrote meanwhile.
    Nested ones are savepoints."""
    with storage_errors():
        if db.conn.in_transaction:
            with db.atomic():
                yield db
            return
        db.conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:  # a RAISE(ROLLBACK) trigger may have ended it
                db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
