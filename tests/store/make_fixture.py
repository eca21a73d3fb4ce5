"""Write the committed fixture database of a schema version (run once per release).

    python tests/store/make_fixture.py 001

The fixture holds a little of everything (staff, a customer, a vehicle, an order with
lines and events) so that every later migration is tested against real old data.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from service_desk.actions import archive, orders, staff
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock
from service_desk.store.open import open_database

HERE = Path(__file__).resolve().parent / "fixtures"


def make(version: str) -> Path:
    path = HERE / f"schema_{version}.sqlite3"
    path.unlink(missing_ok=True)
    db = open_database(path)
    now = dt.datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    ctx = Ctx(db, fixed_clock(now))
    ctx.user_id = staff.add_staff(ctx, "王芳", "advisor")
    staff.add_staff(ctx, "陈主管", "supervisor", pin="2468")
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678", company="芜湖某公司"),
        VehicleInput(
            plate="皖B12345",
            vin="LVVDB11B9KD123458",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=23000,
        ),
    )
    oid = orders.open_order(ctx, vid, "刹车异响，做保养")
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.save_reception(
        ctx,
        oid,
        request="刹车异响，做保养",
        odometer_in=23500,
        promised_at=now + dt.timedelta(hours=3),
    )
    orders.sign(ctx, oid)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    return path


if __name__ == "__main__":
    print(make(sys.argv[1]))
