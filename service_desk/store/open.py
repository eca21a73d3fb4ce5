"""Open the counter's database: connect, refuse newer schemas, migrate."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from service_desk.store.db import connect
from service_desk.store.errors import StorageError, StorageProblem
from service_desk.store.migrations import migrate


def open_database(path: Path) -> sqlite_utils.Database:
    """The database at path, created and migrated to the current schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(StorageProblem.CANNOT_OPEN, str(exc)) from exc
    db = connect(path)
    try:
        migrate(db, path)
    except BaseException:
        db.close()
        raise
    return db
