"""Numbered schema migrations (sqlite_utils.migrations), with a copy of the file first."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from service_desk.store import (
    schema_v1,
    schema_v2,
    schema_v3,
    schema_v4,
    schema_v5,
    schema_v6,
    schema_v7,
    schema_v8,
    schema_v9,
    schema_v10,
    schema_v11,
    schema_v12,
    schema_v13,
    schema_v14,
    schema_v15,
    schema_v16,
    schema_v17,
    schema_v18,
    schema_v19,
    schema_v20,
    schema_v21,
    schema_v22,
    schema_v23,
)
from service_desk.store.db import storage_errors
from service_desk.store.errors import StorageError, StorageProblem

log = logging.getLogger(__name__)

MIGRATIONS = Migrations("service_desk")

# Each step runs the statements of its schema module, in this order, one transaction each.
STEPS = (
    ("001_initial", schema_v1),
    ("002_print_log", schema_v2),
    ("003_print_kinds", schema_v3),
    ("004_checkin", schema_v4),
    ("005_key_cabinet", schema_v5),
    ("006_extra_work", schema_v6),
    ("007_workshop", schema_v7),
    ("008_promise_suggestion", schema_v8),
    ("009_settlement", schema_v9),
    ("010_release", schema_v10),
    ("011_checkout_print_kinds", schema_v11),
    ("012_self_reviews", schema_v12),
    ("013_report_indexes", schema_v13),
    ("014_appointments", schema_v14),
    ("015_care", schema_v15),
    ("016_care_report_indexes", schema_v16),
    ("017_contacts", schema_v17),
    ("018_campaigns", schema_v18),
    ("019_warranty_claims", schema_v19),
    ("020_care_print_kinds", schema_v20),
    ("021_ten_year_indexes", schema_v21),
    ("022_search_pairs", schema_v22),
    ("023_open_work_indexes", schema_v23),
)


def _step(statements: list[str]) -> Callable[[sqlite_utils.Database], None]:
    def run(db: sqlite_utils.Database) -> None:
        for statement in statements:
            db.execute(statement)

    return run


for _name, _schema in STEPS:
    MIGRATIONS(name=_name)(_step(_schema.STATEMENTS))


def known_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of our migrations this file has (0 for a new file)."""
    return len(MIGRATIONS.applied(db))


def check_not_newer(db: sqlite_utils.Database) -> None:
    """Refuse a database written by a newer release of the app."""
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known_names()]
    if unknown:
        raise StorageError(StorageProblem.NEWER_SCHEMA, ", ".join(unknown))


def migrate(db: sqlite_utils.Database, path: Path | None) -> Path | None:
    """Apply pending migrations; return the path of the safety copy, if one was made."""
    with storage_errors():
        check_not_newer(db)
        pending = MIGRATIONS.pending(db)
        if not pending:
            return None
        copy = None
        if path is not None and db.table_names():
            copy = _safety_copy(db, path, pending[0].name)
        MIGRATIONS.apply(db)
    log.info("applied migrations %s", [m.name for m in pending])
    return copy


def _safety_copy(db: sqlite_utils.Database, path: Path, before: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{before}.{stamp}.sqlite3")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    log.info("copied database to %s before migrating", target)
    return target
