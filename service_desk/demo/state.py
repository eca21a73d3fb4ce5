"""The shared state of one demo fill, handed to every step that builds it."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import sqlite_utils

from service_desk.actions.context import Ctx
from service_desk.demo.plan import Car, Customer, Plan, Timeline
from service_desk.demo.roster import STAFF
from service_desk.domain.clock import fixed_clock
from service_desk.store import settings

if TYPE_CHECKING:
    from service_desk.demo.replay import Event

HISTORY_DAYS = 120  # how far back the first visits go


class Demo:
    """The demo being built: random source, timeline, prices, staff and everything planned."""

    def __init__(self, db: sqlite_utils.Database, today: dt.datetime, seed: int):
        self.db = db
        self.rng = random.Random(seed)
        # check-ins and keys draw from their own source, so adding them left the rest of
        # the dataset (names, plates, orders) exactly as it was for a given seed
        self.desk_rng = random.Random(seed * 7919 + 1)
        # and so do the checkout desk and the comeback visit (demo/checkout.py, comeback.py)
        self.checkout_rng = random.Random(seed * 7919 + 2)
        zone = ZoneInfo(settings.get(db, "timezone"))
        now = today.astimezone(zone)
        if now.time() >= dt.time(9, 0):
            self.cur_day = now.date()
            end = min(now, dt.datetime.combine(self.cur_day, dt.time(18, 0), tzinfo=zone))
        else:
            self.cur_day = now.date() - dt.timedelta(days=1)
            end = dt.datetime.combine(self.cur_day, dt.time(18, 0), tzinfo=zone)
        self.tl = Timeline(self.cur_day - dt.timedelta(days=HISTORY_DAYS), zone)
        self.deadline = self.tl.minute(end) - 2  # the last minute anything may happen
        self.labour_rate = int(settings.get(db, "labour_rate_fen"))
        self.symptom_margin = int(settings.get(db, "symptom_margin_bp"))
        self.ctx = Ctx(db, fixed_clock(self.tl.moment(0)))
        self.staff: dict[str, int] = {}
        self.customers: list[Customer] = []
        self.cars: list[Car] = []
        self.plans: list[Plan] = []
        self.events: list[Event] = []
        self.owner_changes = 0
        self.carried_discounts: list[str] = []  # see demo/checkout.py
        self.active_cars: set[int] = set()  # ids of the cars at the counter lately
        self.plates: set[str] = set()
        self.vins: set[str] = set()
        self.phones: set[str] = set()
        self.names: set[str] = {name for name, _ in STAFF}
