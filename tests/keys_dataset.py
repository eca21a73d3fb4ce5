"""A day at the key cabinet with planted exceptions (actions, printing and UI tests).

At 18:00 the end-of-day check must find exactly:

1. 皖B20002 (released at 16:00) — its main key still on hook 12;
2. 皖B30003 (in progress) — its main key out with 吴海涛 since 12:00 (6 h > 4 h);
3. 皖B40004 (checked in) — no key registered.

Nothing else is an exception: 皖B7K2M9 (the conftest order) has its key on hook 7 after
a trip to the workshop, 皖B50005 went home with its key, 皖B60006 is signed but not
checked in yet, 皖B70007's spare is out for a short test drive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service_desk.actions import archive, keys, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock
from tests.conftest import NOW

_AFTER_SIGN = (
    "checked_in",
    "handed_off",
    "in_progress",
    "completed",
    "ready",
    "settled",
    "released",
)


def at(ctx: Ctx, hour: int, minute: int = 0) -> None:
    """The counter's clock moves to this time of the test day."""
    ctx.clock = fixed_clock(NOW.replace(hour=hour, minute=minute))


def signed_order(ctx: Ctx, plate: str, name: str, phone: str) -> int:
    _, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name=name, phone=phone),
        VehicleInput(plate=plate, model_code="TIGGO8PRO", category_code="small_passenger"),
    )
    oid = orders.open_order(ctx, vid, "常规保养")
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.save_reception(
        ctx, oid, request="常规保养", promised_at=ctx.clock() + dt.timedelta(hours=4)
    )
    orders.sign(ctx, oid)
    return oid


def advance(ctx: Ctx, oid: int, to_state: str) -> None:
    """Walk the order through the lifecycle up to to_state."""
    state = ctx.db.execute("SELECT state FROM repair_orders WHERE id = ?", [oid]).fetchone()[0]
    start = _AFTER_SIGN.index(state) + 1 if state in _AFTER_SIGN else 0
    for step in _AFTER_SIGN[start : _AFTER_SIGN.index(to_state) + 1]:
        orders.advance(ctx, oid, step)


@dataclass
class Day:
    fine: int  # the conftest order: key on hook 7
    released: int  # planted 1
    overdue: int  # planted 2
    no_key: int  # planted 3
    went_home: int
    not_checked_in: int
    short_drive: int
    key_on_7: int
    key_on_12: int
    key_out: int


def planted_day(ctx: Ctx, order_id: int) -> Day:
    at(ctx, 9, 35)
    released = signed_order(ctx, "皖B20002", "钱多多", "13900000002")
    overdue = signed_order(ctx, "皖B30003", "孙小美", "13900000003")
    no_key = signed_order(ctx, "皖B40004", "李四", "13900000004")
    home = signed_order(ctx, "皖B50005", "周五", "13900000005")
    not_in = signed_order(ctx, "皖B60006", "吴六", "13900000006")
    short = signed_order(ctx, "皖B70007", "郑七", "13900000007")
    at(ctx, 9, 40)
    for oid in (order_id, released, overdue, no_key, home, short):
        advance(ctx, oid, "checked_in")
    key_7 = keys.register_key(ctx, order_id, "main", 7, "黑色遥控")
    key_12 = keys.register_key(ctx, released, "main", 12)
    key_out = keys.register_key(ctx, overdue, "main", 20)
    home_key = keys.register_key(ctx, home, "main", 21)
    keys.register_key(ctx, short, "main", 22)
    short_spare = keys.register_key(ctx, short, "spare", 23)
    at(ctx, 10, 0)
    keys.move_key(ctx, key_7, "to_workshop", "赵师傅", "换刹车片")
    at(ctx, 11, 0)
    keys.back_to_cabinet(ctx, key_7, 7)
    for oid in (released, overdue, home, short):
        advance(ctx, oid, "in_progress")
    at(ctx, 12, 0)
    keys.move_key(ctx, key_out, "test_drive", "吴海涛", "路试异响")
    at(ctx, 16, 0)
    advance(ctx, released, "released")  # the key stays on hook 12: forgotten
    advance(ctx, home, "settled")
    keys.return_to_customer(ctx, home_key)
    advance(ctx, home, "released")
    at(ctx, 16, 30)
    keys.move_key(ctx, short_spare, "test_drive", "赵师傅")
    at(ctx, 18, 0)
    return Day(
        fine=order_id,
        released=released,
        overdue=overdue,
        no_key=no_key,
        went_home=home,
        not_checked_in=not_in,
        short_drive=short,
        key_on_7=key_7,
        key_on_12=key_12,
        key_out=key_out,
    )
