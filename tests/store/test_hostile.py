"""A hostile environment (R20): a full disk, a database locked by another program, a
read-only file, a file at the data path that is not our database or is damaged, a data
folder that is gone. Each is a StorageError the UI can name (ui/messages.storage_text),
the action's transaction is rolled back, and nothing committed before is lost."""

from __future__ import annotations

import sqlite3

import pytest

from service_desk.store.errors import StorageError, StorageProblem
from service_desk.store.open import open_database
from tests.actions.test_archive_orders import walk_in


def customers(db) -> int:
    return db.execute("SELECT count(*) FROM customers").fetchone()[0]


def refused(ctx, problem: StorageProblem, **kw) -> None:
    with pytest.raises(StorageError) as exc:
        walk_in(ctx, **kw)
    assert exc.value.problem is problem


def test_disk_full(ctx):
    walk_in(ctx)
    pages = ctx.db.execute("PRAGMA page_count").fetchone()[0]
    ctx.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up while working
    saved = 1
    with pytest.raises(StorageError) as exc:
        for n in range(200):
            walk_in(ctx, plate=f"皖B2{n:04d}", phone=f"1390000{n:04d}", name=f"客户{n}")
            saved += 1
    assert exc.value.problem is StorageProblem.DISK_FULL
    assert customers(ctx.db) == saved  # all before are there, the refused one is not
    ctx.db.execute("PRAGMA max_page_count = 1073741823")  # space again: it saves
    walk_in(ctx, plate="皖B22222", phone="13900002222", name="满")
    assert customers(ctx.db) == saved + 1


def test_locked_by_another_program(ctx, db_path):
    walk_in(ctx)
    ctx.db.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        refused(ctx, StorageProblem.LOCKED, plate="皖B33333", phone="13900003333")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert customers(ctx.db) == 1
    walk_in(ctx, plate="皖B33333", phone="13900003333")
    assert customers(ctx.db) == 2


def test_read_only(ctx):
    walk_in(ctx)
    ctx.db.execute("PRAGMA query_only = ON")  # as a file the user may not write
    refused(ctx, StorageProblem.READ_ONLY, plate="皖B44444", phone="13900004444")
    ctx.db.execute("PRAGMA query_only = OFF")
    assert customers(ctx.db) == 1


def test_not_our_database_and_a_damaged_one(tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_bytes("客户名单\n".encode() * 500)
    with pytest.raises(StorageError) as exc:
        open_database(text)
    assert exc.value.problem is StorageProblem.NOT_A_DATABASE
    assert text.read_bytes().startswith("客户名单".encode())  # left as it was
    good = tmp_path / "good.sqlite3"
    open_database(good).close()
    data = bytearray(good.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the first torn by a failing disk
    good.write_bytes(bytes(data))
    with pytest.raises(StorageError) as exc:
        open_database(good)  # opening reads the schema and the migrations: refused
    assert exc.value.problem is StorageProblem.CORRUPT


def test_the_data_folder_is_gone(tmp_path):
    blocked = tmp_path / "removed-drive"
    blocked.write_text("a file where the folder was")  # the drive letter now maps elsewhere
    with pytest.raises(StorageError) as exc:
        open_database(blocked / "service_desk.sqlite3")
    assert exc.value.problem is StorageProblem.CANNOT_OPEN
