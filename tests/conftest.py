"""Shared fixtures: offscreen Qt, a fresh database file per test, a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock
from service_desk.domain.pricing import LineDraft
from service_desk.store.open import open_database

NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def fast_pin_hashing(monkeypatch):
    """PBKDF2 at full strength costs ~0.1 s per PIN; tests need the logic, not the cost."""
    from service_desk.domain import pins

    monkeypatch.setattr(pins, "ITERATIONS", 1000)


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


@pytest.fixture
def order_id(ctx) -> int:
    """A signed order with every kind of line (printed-form and printing tests)."""
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(
            name="张伟",
            phone="13855321234",
            phone2="0553-5821234",
            company="芜湖顺达物流有限公司",
            address="芜湖市镜湖区中山北路260号",
        ),
        VehicleInput(
            plate="皖B7K2M9",
            vin="LVVDB11B9KD123458",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            colour="白色",
            purchase_date=dt.date(2023, 6, 18),
            odometer_km=41230,
        ),
    )
    oid = orders.open_order(ctx, vid, "刹车时前轮有异响，顺便做个保养")
    orders.record_consent(ctx, oid)
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="labour",
            description="前刹车异响排查",
            mode="symptom",
            qty_milli=1000,
            unit_price_fen=12000,
            risk_margin_bp=1500,
            system_code="brakes",
        ),
    )
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="part",
            description="前刹车片（客户自带）",
            mode="item",
            qty_milli=1000,
            unit_price_fen=0,
            system_code="brakes",
            parts_source="customer",
            part_quality="aftermarket",
        ),
    )
    orders.save_reception(
        ctx,
        oid,
        request="刹车时前轮有异响，顺便做个保养",
        other_requests="旧件带走",
        diagnosis="前刹车片磨损到限，刹车盘有轻微沟槽",
        technician="吴海涛",
        odometer_in=41500,
        promised_at=NOW + dt.timedelta(hours=3),
    )
    orders.sign(ctx, oid)
    return oid


def staff_id(ctx: Ctx, name: str) -> int:
    return ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0]


DEMO_TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo dealership (service_desk.demo), filled once per test run at DEMO_TODAY:
    a fill takes seconds, so the modules that only read it open a copy each."""
    from service_desk.demo import fill_demo
    from service_desk.domain import pins

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pins, "ITERATIONS", 1000)
        fill_demo(db, DEMO_TODAY)
    db.close()
    return path


def open_demo_copy(demo_file: Path, tmp_path_factory):
    """A private copy of the demo database (a module may write to it)."""
    import shutil

    path = tmp_path_factory.mktemp("demo_copy") / "demo.sqlite3"
    shutil.copy(demo_file, path)
    return open_database(path)
