"""Demo data: an invented Chery dealership counter in Wuhu (芜湖) to try the desk with.

``fill_demo(db, today)`` fills an empty, migrated database through the public counter
actions only (never raw SQL writes), so every row carries the audit trail, order events
and checks of real use. Everything is made up (names, phones, plates, VINs, companies)
and deterministic for a given seed.

Demo staff (role in brackets):

- 王芳, 刘洋, 孙丽 (advisor); 王芳 does most of the work at the counter;
- 陈建国 (supervisor). **The demo supervisor PIN is 2468** (needed to void an order,
  decide a discount or let arrears out);
- 周敏 (cashier);
- 马卫东 (workshop, 车间主管), 赵志刚 and 吴海涛 (workshop, 班组长).

Only the supervisor has a PIN.

What is in it: about 60 customers and 70 cars (a few with green new-energy plates, about
80 % with a VIN, two sold second-hand between customers) and about 110 repair orders
spread over the four months before ``today``, during working hours (8:00–18:00,
Asia/Shanghai), with every lifecycle state present: the older orders are mostly done or
closed, the last three days hold orders at every stage (two opened at the counter
"today"). If ``today`` is before 9:00 the previous day plays "today", so that nothing is
dated after ``today``.

Every car that left went through the checkout desk: its statement settled by the cashier
(WeChat Pay, Alipay, card, cash or transfer, some in two parts; a few discounts approved
or refused by the supervisor; two bills partly let out as arrears), then released through
the release gate (belongings ticked back and signed, documents, odometer and fuel out,
keys handed back). Cars wait at the checkout: ready but not settled, settled but not yet
collected. Declined orders pay their diagnosis fee there before they close. One car
repaired in the last weeks is back "today" with the same trouble: a comeback, linked to
its original order.

How it is built: ``names`` and ``phrases`` hold the word pools, ``roster`` the staff,
``customers`` and ``cars`` invent the archive, ``scenarios`` and ``lines`` the repairs,
``visits`` and ``steps`` plan every order on the ``plan`` timeline (``comeback`` adds the
car that came back, ``checkout`` the cars waiting at its desk and how each bill is paid),
and ``replay`` runs the plan through the actions, the desks' own steps in ``checkins``,
``keys``, ``workshop`` and ``checkout``.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.actions.setup import mark_setup_done
from service_desk.demo.campaigns import fill_campaigns
from service_desk.demo.care import fill_care
from service_desk.demo.cars import make_cars
from service_desk.demo.checkout import plan_bills, waiting_visits
from service_desk.demo.comeback import comeback_visit
from service_desk.demo.contacts import fill_contacts
from service_desk.demo.customers import make_customers
from service_desk.demo.replay import replay
from service_desk.demo.reviews import fill_reviews
from service_desk.demo.roster import SUPERVISOR_PIN
from service_desk.demo.state import Demo
from service_desk.demo.steps import prepare
from service_desk.demo.visits import active_plans, history_plans, owner_changes, registrations
from service_desk.demo.warranty import fill_warranty
from service_desk.store.db import transaction


def _build(demo: Demo) -> None:
    """Invent the archive, plan every visit, then replay the plan through the actions."""
    make_customers(demo)
    make_cars(demo)
    active_plans(demo)
    history_plans(demo)
    for plan in demo.plans:
        prepare(demo, plan)
    registrations(demo)
    changes = owner_changes(demo)
    comeback_visit(demo)
    waiting_visits(demo)
    plan_bills(demo)
    replay(demo, changes)
    fill_reviews(demo.ctx, demo.cur_day)  # the advisors' self-reviews (R19)
    fill_care(demo.ctx, demo.cur_day)  # appointments, follow-ups, complaints (R15–R17)
    fill_contacts(demo.ctx, demo.cur_day)  # the call list worked: the contact log (R3)
    fill_campaigns(demo.ctx, demo.cur_day)  # customer groups, campaigns, letters (R2, R3)
    fill_warranty(demo.ctx, demo.cur_day)  # warranty claims in every state (R19)


def _count(db: sqlite_utils.Database, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])


def fill_demo(db: sqlite_utils.Database, today: dt.datetime, seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated database with the demo dealership; return what was made.

    ``today`` (an aware datetime) is "now" for the demo: nothing is dated after it.
    The same seed and ``today`` give the same data. Everything is written in one
    transaction: on any failure the database is left as it was.
    """
    if today.tzinfo is None:
        raise ValueError("fill_demo needs an aware datetime for today")
    if _count(db, "SELECT count(*) FROM customers"):
        raise ValueError("the database already has customers; demo data needs an empty one")
    demo = Demo(db, today, seed)
    with transaction(db):
        _build(demo)
        mark_setup_done(demo.ctx)  # the demo dealer is set up: no first-run setup
    return {
        "staff": _count(db, "SELECT count(*) FROM staff"),
        "customers": _count(db, "SELECT count(*) FROM customers"),
        "vehicles": _count(db, "SELECT count(*) FROM vehicles"),
        "vehicles_with_vin": _count(db, "SELECT count(*) FROM vehicles WHERE vin IS NOT NULL"),
        "owner_changes": demo.owner_changes,
        "orders": _count(db, "SELECT count(*) FROM repair_orders"),
        "order_lines": _count(db, "SELECT count(*) FROM order_lines"),
        "odometer_readings": _count(db, "SELECT count(*) FROM odometer_readings"),
        "settlements": _count(db, "SELECT count(*) FROM settlements"),
        "releases": _count(db, "SELECT count(*) FROM releases WHERE released_at IS NOT NULL"),
        "self_reviews": _count(db, "SELECT count(*) FROM self_reviews"),
        "appointments": _count(db, "SELECT count(*) FROM appointments"),
        "follow_ups": _count(db, "SELECT count(*) FROM follow_ups"),
        "complaints": _count(db, "SELECT count(*) FROM complaints"),
        "contacts": _count(db, "SELECT count(*) FROM contacts"),
        "campaigns": _count(db, "SELECT count(*) FROM campaigns"),
        "warranty_claims": _count(db, "SELECT count(*) FROM warranty_claims"),
    }


__all__ = ["SUPERVISOR_PIN", "fill_demo"]
