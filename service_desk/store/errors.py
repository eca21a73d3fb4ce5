"""Storage failures the user can act on, told apart from bugs (after qutebrowser's misc/sql.py)."""

from __future__ import annotations

import sqlite3
from enum import Enum


class StorageProblem(Enum):
    DISK_FULL = "disk_full"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not_a_database"
    IO = "io"
    CANNOT_OPEN = "cannot_open"
    NEWER_SCHEMA = "newer_schema"
    CONSTRAINT = "constraint"


class StorageError(Exception):
    """A storage failure that is not a bug: the message tells the user what to do."""

    def __init__(self, problem: StorageProblem, detail: str = ""):
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


_BY_CODE = {
    sqlite3.SQLITE_FULL: StorageProblem.DISK_FULL,
    sqlite3.SQLITE_BUSY: StorageProblem.LOCKED,
    sqlite3.SQLITE_LOCKED: StorageProblem.LOCKED,
    sqlite3.SQLITE_READONLY: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_CORRUPT: StorageProblem.CORRUPT,
    sqlite3.SQLITE_NOTADB: StorageProblem.NOT_A_DATABASE,
    sqlite3.SQLITE_IOERR: StorageProblem.IO,
    sqlite3.SQLITE_CANTOPEN: StorageProblem.CANNOT_OPEN,
    sqlite3.SQLITE_PERM: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_CONSTRAINT: StorageProblem.CONSTRAINT,
}


def classify(exc: sqlite3.Error) -> StorageError | None:
    """Map an sqlite3 error to a user-facing StorageError, or None when it is a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    problem = _BY_CODE.get(code & 0xFF)
    if problem is None:
        return None
    return StorageError(problem, str(exc))
