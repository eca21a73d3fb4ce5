"""Shared fixtures: offscreen Qt, a fresh database file per test, a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock
from service_desk.store.open import open_database

NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "service_desk.sqlite3"


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def clock():
    return fixed_clock(NOW)


@pytest.fixture
def ctx(db, clock) -> Ctx:
    """A context with two advisors and a supervisor; the first advisor is at the counter."""
    from service_desk.actions import staff

    c = Ctx(db, clock)
    first = staff.add_staff(c, "王芳", "advisor")
    c.user_id = first
    staff.add_staff(c, "李强", "advisor")
    staff.add_staff(c, "陈主管", "supervisor", pin="2468")
    staff.add_staff(c, "赵师傅", "workshop")
    return c


def staff_id(ctx: Ctx, name: str) -> int:
    return ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0]
