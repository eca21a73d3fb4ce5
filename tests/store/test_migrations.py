"""Opening, migrating and guarding the database file; storage errors told apart from bugs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from service_desk.store import migrations, schema_v1
from service_desk.store.db import connect, storage_errors, transaction
from service_desk.store.errors import StorageError, StorageProblem, classify
from service_desk.store.migrations import (
    check_not_newer,
    known_names,
    migrate,
    schema_version,
)
from service_desk.store.open import open_database

MIGRATION_TABLE = Migrations.migrations_table


def applied_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {MIGRATION_TABLE} WHERE migration_set = 'service_desk' "
                "ORDER BY rowid"
            )
        ]
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def settings_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
    finally:
        conn.close()


def open_fds_to(path: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target == str(path):
            found.append(target)
    return found


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    """A migrated database file with one settings row, closed again."""
    database = open_database(db_path)
    database.execute("INSERT INTO settings(key, value) VALUES ('order_prefix', '\"WX\"')")
    database.close()
    return db_path


CURRENT = known_names()  # the real steps, before any test patches them


def current_steps() -> Migrations:
    """A fresh migration set holding this release's real steps, to extend in a test."""
    steps = Migrations("service_desk")
    for step in migrations.MIGRATIONS._migrations:
        steps(name=step.name)(step.fn)
    return steps


@pytest.fixture
def two_step(monkeypatch: pytest.MonkeyPatch) -> Migrations:
    """Replace the app's migrations by the real ones plus a test step, for this test only."""
    steps = current_steps()

    @steps(name="900_test_step")
    def _m002(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE test_step (id INTEGER PRIMARY KEY, note TEXT)")
        db.execute("INSERT INTO test_step(note) VALUES ('migrated')")

    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    return steps


def safety_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.before-*.sqlite3"))


# --- a new file -----------------------------------------------------------------------------


def test_missing_file_is_created_and_migrated(db_path: Path) -> None:
    assert not db_path.parent.exists()
    database = open_database(db_path)
    try:
        assert db_path.is_file()
        assert schema_version(database) == len(CURRENT)
        assert [m.name for m in migrations.MIGRATIONS.pending(database)] == []
        assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert database.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        tables = set(database.table_names())
        assert {"staff", "customers", "vehicles", "repair_orders", "order_lines"} <= tables
        assert {"audit", "order_events", "settings", "search_fts"} <= tables
        assert database.conn.isolation_level is None  # transactions are explicit
    finally:
        database.close()
    assert not safety_copies(db_path.parent)  # nothing to protect in a new file
    assert applied_names(db_path) == CURRENT


def test_empty_file_is_treated_as_new(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    database = open_database(db_path)
    try:
        assert schema_version(database) == len(CURRENT)
    finally:
        database.close()
    assert not safety_copies(db_path.parent)


def test_every_schema_statement_ran(db: sqlite_utils.Database) -> None:
    names = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }
    for statement in schema_v1.STATEMENTS:
        words = statement.split()
        name = words[3] if words[1] in ("UNIQUE", "VIRTUAL") else words[2]
        assert name in names, statement[:60]


def test_foreign_keys_are_enforced(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO customers(name, phone, first_contact_id, created_at, updated_at) "
            "VALUES ('张三', '13812345678', 999, 'x', 'x')"
        )


def test_memory_database_opens() -> None:
    database = connect(":memory:")
    try:
        assert database.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert migrate(database, None) is None
        assert schema_version(database) == len(CURRENT)
    finally:
        database.close()


# --- reopening ------------------------------------------------------------------------------


def test_reopening_applies_nothing(closed_db: Path) -> None:
    conn = sqlite3.connect(closed_db)
    before = conn.execute(f"SELECT * FROM {MIGRATION_TABLE} ORDER BY id").fetchall()
    conn.close()
    database = open_database(closed_db)
    try:
        assert migrate(database, closed_db) is None
        after = database.execute(f"SELECT * FROM {MIGRATION_TABLE} ORDER BY id").fetchall()
        assert after == before
        assert schema_version(database) == len(CURRENT)
    finally:
        database.close()
    assert settings_rows(closed_db) == [("order_prefix", '"WX"')]
    assert not safety_copies(closed_db.parent)


# --- a newer schema -------------------------------------------------------------------------


def test_newer_schema_is_refused_and_left_alone(closed_db: Path) -> None:
    conn = sqlite3.connect(closed_db)
    conn.execute(
        f"INSERT INTO {MIGRATION_TABLE}(migration_set, name, applied_at) "
        "VALUES ('service_desk', '999_future', '2030-01-01 00:00:00')"
    )
    conn.commit()
    conn.close()
    before = closed_db.read_bytes()
    with pytest.raises(StorageError) as err:
        open_database(closed_db)
    assert err.value.problem is StorageProblem.NEWER_SCHEMA
    assert "999_future" in str(err.value)
    assert closed_db.read_bytes() == before
    assert applied_names(closed_db) == [*CURRENT, "999_future"]
    assert not safety_copies(closed_db.parent)
    assert not open_fds_to(closed_db)  # open_database closed the file again


def test_other_migration_sets_are_not_our_business(closed_db: Path) -> None:
    conn = sqlite3.connect(closed_db)
    conn.execute(
        f"INSERT INTO {MIGRATION_TABLE}(migration_set, name, applied_at) "
        "VALUES ('some_plugin', '999_future', '2030-01-01 00:00:00')"
    )
    conn.commit()
    conn.close()
    database = open_database(closed_db)
    try:
        check_not_newer(database)
        assert schema_version(database) == len(CURRENT)
    finally:
        database.close()


# --- pending migrations and the safety copy -------------------------------------------------


def test_safety_copy_before_a_pending_migration(closed_db: Path, two_step: Migrations) -> None:
    assert applied_names(closed_db) == CURRENT
    database = open_database(closed_db)
    try:
        assert schema_version(database) == len(CURRENT) + 1
        assert database.execute("SELECT note FROM test_step").fetchall() == [("migrated",)]
    finally:
        database.close()
    copies = safety_copies(closed_db.parent)
    assert len(copies) == 1
    copy = copies[0]
    assert copy.name.startswith("service_desk.before-900_test_step.")
    # the copy is a complete database with the content from before the migration
    assert applied_names(copy) == CURRENT
    assert "test_step" not in table_names(copy)
    assert settings_rows(copy) == [("order_prefix", '"WX"')]
    assert applied_names(closed_db) == [*CURRENT, "900_test_step"]
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_migrate_returns_the_copy_it_made(closed_db: Path, two_step: Migrations) -> None:
    database = connect(closed_db)
    try:
        copy = migrate(database, closed_db)
        assert copy is not None and copy.exists() and copy.parent == closed_db.parent
        assert copy.suffix == ".sqlite3" and "before-900_test_step" in copy.name
        assert migrate(database, closed_db) is None  # nothing left to do
    finally:
        database.close()
    assert safety_copies(closed_db.parent) == [copy]


def test_new_file_gets_every_step_without_a_copy(db_path: Path, two_step: Migrations) -> None:
    database = open_database(db_path)
    try:
        assert schema_version(database) == len(CURRENT) + 1
    finally:
        database.close()
    assert not safety_copies(db_path.parent)


def test_failing_migration_is_rolled_back_and_the_copy_kept(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = current_steps()

    @steps(name="900_broken")
    def _m002(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):  # a bug: not hidden
        open_database(closed_db)
    assert applied_names(closed_db) == CURRENT
    assert "half_done" not in table_names(closed_db)
    assert len(safety_copies(closed_db.parent)) == 1
    assert not open_fds_to(closed_db)


# --- files that are not our database --------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        b"name,phone\n\xe5\xbc\xa0\xe4\xb8\x89,13812345678\n" * 20,
        b"x" * 100,
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
    ids=["random", "csv", "short", "bad-header"],
)
def test_not_a_database(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StorageError) as err:
        open_database(db_path)
    assert err.value.problem in (StorageProblem.NOT_A_DATABASE, StorageProblem.CORRUPT)
    assert isinstance(err.value.__cause__, sqlite3.DatabaseError)
    assert db_path.read_bytes() == content  # left as it was
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]
    # while the error is still alive (shown to the user, logged), the file is not held open
    assert not open_fds_to(db_path)


def test_directory_in_the_way(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    with pytest.raises(StorageError) as err:
        open_database(db_path)
    assert err.value.problem is StorageProblem.CANNOT_OPEN


def test_corrupt_table_page(db_path: Path) -> None:
    database = open_database(db_path)
    with transaction(database):
        for i in range(300):
            database.execute("INSERT INTO settings VALUES (?, ?)", [f"k{i}", "x" * 200])
    root = database.execute("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").fetchone()
    page_size = database.execute("PRAGMA page_size").fetchone()[0]
    database.close()
    data = bytearray(db_path.read_bytes())
    offset = (root[0] - 1) * page_size
    data[offset : offset + page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    database = open_database(db_path)
    try:
        with pytest.raises(StorageError) as err, storage_errors():
            database.execute("SELECT sum(length(value)) FROM settings").fetchall()
        assert err.value.problem is StorageProblem.CORRUPT
    finally:
        database.close()


# --- read-only ------------------------------------------------------------------------------


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch, closed_db: Path) -> Path:
    """Make every connection to closed_db read-only (mode=ro).

    The tests run as root, for whom chmod does not stop writes, so a read-only file
    or folder is simulated with SQLite's own read-only open mode.
    """
    real_connect = sqlite3.connect

    def ro_connect(database, *args, **kwargs):
        if str(database) == str(closed_db):
            return real_connect(f"file:{closed_db}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", ro_connect)
    return closed_db


def test_write_to_read_only_database(read_only: Path) -> None:
    database = open_database(read_only)
    try:
        assert settings_rows(read_only) == [("order_prefix", '"WX"')]  # reading works
        with pytest.raises(StorageError) as err, transaction(database):
            database.execute("INSERT INTO settings(key, value) VALUES ('timezone', '\"UTC\"')")
        assert err.value.problem is StorageProblem.READ_ONLY
        assert not database.conn.in_transaction
    finally:
        database.close()
    assert settings_rows(read_only) == [("order_prefix", '"WX"')]


def test_read_only_database_that_needs_migrating(read_only: Path, two_step: Migrations) -> None:
    with pytest.raises(StorageError) as err:
        open_database(read_only)
    assert err.value.problem is StorageProblem.READ_ONLY
    assert applied_names(read_only) == CURRENT


# --- transaction and storage_errors ---------------------------------------------------------


def test_transaction_commits(db: sqlite_utils.Database, db_path: Path) -> None:
    with transaction(db) as same:
        assert same is db and db.conn.in_transaction
        db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
    assert not db.conn.in_transaction
    assert settings_rows(db_path) == [("a", "1")]  # visible to another connection


def test_transaction_rolls_back_on_any_error(db: sqlite_utils.Database) -> None:
    with pytest.raises(KeyError), transaction(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        raise KeyError("bug")
    with pytest.raises(StorageError) as err, transaction(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('b', '1')")
        db.execute("INSERT INTO settings(key, value) VALUES ('b', '2')")
    assert err.value.problem is StorageProblem.CONSTRAINT
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_locked_by_another_writer(db: sqlite_utils.Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        db.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(StorageError) as err, transaction(db):
            db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        assert err.value.problem is StorageProblem.LOCKED
        assert err.value.__cause__.sqlite_errorcode == sqlite3.SQLITE_BUSY
        other.execute("ROLLBACK")
        with transaction(db):  # free again
            db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
    finally:
        other.close()


def test_disk_full(db: sqlite_utils.Database) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StorageError) as err, transaction(db):
        for i in range(200):
            db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [f"k{i}", "x" * 500])
    assert err.value.problem is StorageProblem.DISK_FULL
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_bugs_pass_through_unchanged(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.OperationalError, match="syntax error"), storage_errors():
        db.execute("SELEC 1")
    with pytest.raises(sqlite3.OperationalError, match="no such table"), transaction(db):
        db.execute("SELECT * FROM nowhere")
    with pytest.raises(ZeroDivisionError), storage_errors():
        1 / 0  # noqa: B018
    conn = sqlite3.connect(":memory:")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError), storage_errors():
        conn.execute("SELECT 1")


# --- classify -------------------------------------------------------------------------------


def sqlite_error(code: int | None, cls: type[sqlite3.Error] = sqlite3.OperationalError):
    exc = cls("something went wrong")
    if code is not None:
        exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (sqlite3.SQLITE_FULL, StorageProblem.DISK_FULL),
        (sqlite3.SQLITE_BUSY, StorageProblem.LOCKED),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, StorageProblem.LOCKED),
        (sqlite3.SQLITE_LOCKED, StorageProblem.LOCKED),
        (sqlite3.SQLITE_LOCKED_SHAREDCACHE, StorageProblem.LOCKED),
        (sqlite3.SQLITE_READONLY, StorageProblem.READ_ONLY),
        (sqlite3.SQLITE_READONLY_DBMOVED, StorageProblem.READ_ONLY),
        (sqlite3.SQLITE_PERM, StorageProblem.READ_ONLY),
        (sqlite3.SQLITE_CORRUPT, StorageProblem.CORRUPT),
        (sqlite3.SQLITE_CORRUPT_INDEX, StorageProblem.CORRUPT),
        (sqlite3.SQLITE_NOTADB, StorageProblem.NOT_A_DATABASE),
        (sqlite3.SQLITE_IOERR, StorageProblem.IO),
        (sqlite3.SQLITE_IOERR_WRITE, StorageProblem.IO),
        (sqlite3.SQLITE_IOERR_SHORT_READ, StorageProblem.IO),
        (sqlite3.SQLITE_CANTOPEN, StorageProblem.CANNOT_OPEN),
        (sqlite3.SQLITE_CANTOPEN_ISDIR, StorageProblem.CANNOT_OPEN),
        (sqlite3.SQLITE_CONSTRAINT, StorageProblem.CONSTRAINT),
        (sqlite3.SQLITE_CONSTRAINT_CHECK, StorageProblem.CONSTRAINT),
        (sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, StorageProblem.CONSTRAINT),
    ],
)
def test_classify_user_facing_problems(code: int, problem: StorageProblem) -> None:
    mapped = classify(sqlite_error(code))
    assert mapped is not None and mapped.problem is problem
    assert mapped.detail == "something went wrong"
    assert str(mapped) == f"{problem.value}: something went wrong"


@pytest.mark.parametrize(
    "code",
    [None, sqlite3.SQLITE_ERROR, sqlite3.SQLITE_MISUSE, sqlite3.SQLITE_INTERNAL, 20, 25],
)
def test_classify_bugs_as_none(code: int | None) -> None:
    assert classify(sqlite_error(code)) is None
    assert classify(sqlite_error(code, sqlite3.ProgrammingError)) is None


def test_classify_real_errors() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.OperationalError) as syntax:
            conn.execute("SELEC 1")
        assert classify(syntax.value) is None
        conn.execute("CREATE TABLE t (x INTEGER CHECK (x > 0))")
        with pytest.raises(sqlite3.IntegrityError) as check:
            conn.execute("INSERT INTO t VALUES (0)")
        mapped = classify(check.value)
        assert mapped is not None and mapped.problem is StorageProblem.CONSTRAINT
    finally:
        conn.close()


def test_storage_error_without_detail() -> None:
    err = StorageError(StorageProblem.LOCKED)
    assert str(err) == "locked" and err.detail == "" and err.problem is StorageProblem.LOCKED
