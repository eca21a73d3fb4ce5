"""The plan of the demo before anything is written: the working-hours timeline and the
invented customers, cars and visits (each visit an order and how far it gets)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from service_desk import reference
from service_desk.actions.archive import CustomerInput

if TYPE_CHECKING:
    from service_desk.demo.scenarios import Scenario

# --------------------------------------------------------------------------- time


@dataclass(frozen=True)
class Timeline:
    """Working minutes (8:00–18:00, every day) counted from the first day of the demo."""

    epoch: dt.date
    zone: dt.tzinfo

    DAY = 600

    def day_start(self, day: dt.date) -> int:
        return (day - self.epoch).days * self.DAY

    def minute(self, moment: dt.datetime) -> int:
        local = moment.astimezone(self.zone)
        into = local.hour * 60 + local.minute - 8 * 60
        return self.day_start(local.date()) + min(max(into, 0), self.DAY)

    def moment(self, minute: int, second: int = 0) -> dt.datetime:
        days, into = divmod(minute, self.DAY)
        start = dt.datetime.combine(
            self.epoch + dt.timedelta(days=days), dt.time(8, 0), tzinfo=self.zone
        )
        return start + dt.timedelta(minutes=into, seconds=second)

    def day(self, minute: int) -> dt.date:
        return self.epoch + dt.timedelta(days=minute // self.DAY)


def half_hour_after(moment: dt.datetime) -> dt.datetime:
    base = moment.replace(minute=0, second=0, microsecond=0)
    step = dt.timedelta(minutes=30)
    while base <= moment:
        base += step
    return base


# --------------------------------------------------------------------------- records


@dataclass(eq=False)
class Customer:
    entry: CustomerInput
    cars: list[Car] = field(default_factory=list)
    cid: int | None = None


@dataclass(eq=False)
class Car:
    owner: Customer
    plate: str
    vin: str
    model: reference.CarModel
    category: str
    colour: str
    purchase: dt.date
    km_per_day: float
    delivery_km: int
    wishes: str
    vid: int | None = None
    reg_minute: int | None = None
    reg_advisor: str = ""

    def km_at(self, moment: dt.datetime) -> int:
        start = dt.datetime.combine(self.purchase, dt.time(0), tzinfo=moment.tzinfo)
        days = max((moment - start).total_seconds() / 86400, 0.0)
        return int(self.delivery_km + self.km_per_day * days)

    def age_years(self, day: dt.date) -> float:
        return (day - self.purchase).days / 365.25


@dataclass
class Bill:
    """How a visit is paid at the checkout desk (drawn in demo/checkout.py)."""

    discount: str = ""  # "", "approved" or "refused": a discount asked of the supervisor
    split: bool = False  # paid in two parts
    arrears: bool = False  # part of it let out as arrears (欠收) by the supervisor
    long_drive: bool = False  # a long road test, explained at the release


@dataclass(eq=False)
class Plan:
    """One visit: an order and how far it has got."""

    car: Car
    scenario: Scenario
    outcome: str
    t0: int
    advisor: str
    active: bool = False
    fresh: bool = False  # opened only, nothing saved yet
    decline_from: str = "estimate"
    decline_fee: int | None = None  # None: the dealer's diagnosis fee
    note: str = ""  # decline note or void reason
    hand_on: str | None = None  # note; the order passes to another advisor
    request: str = ""
    other: str = ""
    technician: str = ""
    oid: int | None = None
    km: int | None = None
    promised: dt.datetime | None = None
    steps: list[tuple[int, str]] = field(default_factory=list)
    bill: Bill = field(default_factory=Bill)

    @property
    def end(self) -> int:
        return self.t0 + (self.steps[-1][0] if self.steps else 0)
