"""Read-only queries of customer groups and campaigns (R2, R3). Writes go through
service_desk.actions.campaigns.

The members of a group are one query: the cars meeting the criteria on the car itself
(model, purchase date, campaign, the due day cached in service_due, migration 021), each
with its owner, its visits and last visit (its own orders, orders_vehicle_created,
migration 018), what its settlements billed the customer in the window, and whether a
letter may go to it: not when its owner said they
sold it (until it comes in again or changes owner) nor when the owner's number was found
wrong (until their record is updated after it) — the meaning of those outcomes in the
contact log (migration 017, domain/contacts.py). Model and purchase-date criteria go
through vehicles_model and vehicles_purchase, the due-service criterion through
service_due_day.

A contact is "about" a car when it names the car, or names no car and is with the car's
owner (a letter to a customer with several cars names none of them).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.store.queries import Row, one

SERVICED = ("settled", "released", "done")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def about(car: str, owner: str) -> str:
    """SQL: the contact ``k`` is about the car ``car`` of the owner ``owner``."""
    return f"(k.vehicle_id = {car} OR (k.vehicle_id IS NULL AND k.customer_id = {owner}))"


SOLD = """EXISTS (SELECT 1 FROM contacts k
                 WHERE k.vehicle_id = v.id AND k.customer_id = v.owner_id
                   AND +k.outcome = 'sold_car'  -- by the car (contacts_vehicle)
                   AND NOT EXISTS (SELECT 1 FROM repair_orders o
                                   WHERE o.vehicle_id = v.id AND o.created_at > k.at))"""
WRONG_NUMBER = """EXISTS (SELECT 1 FROM contacts k
                         WHERE k.customer_id = c.id AND k.outcome = 'wrong_number'
                           AND c.updated_at <= k.at)"""


@dataclass(frozen=True)
class Filters:
    """The criteria as the query takes them: ISO dates and plain numbers, None for
    "any". ``since`` .. ``today`` is the 12-month window (ISO dates, both included);
    ``due_from`` .. ``due_to`` the due days of the due-service choice (cached dues)."""

    since: str
    today: str
    models: tuple[str, ...] = ()
    purchased_after: str | None = None
    purchased_until: str | None = None
    visits_min: int | None = None
    visits_max: int | None = None
    spend_min_fen: int | None = None
    spend_max_fen: int | None = None
    visited_before: str | None = None  # last visit before this day, or never
    visited_since: str | None = None
    campaign_id: int | None = None  # only the cars this campaign targeted
    due_from: str | None = None
    due_to: str | None = None


def _where(f: Filters) -> tuple[list[str], list[str], dict[str, Any]]:
    """The conditions on the car itself (indexed: model, purchase date, campaign, due day)
    and those on its visits and spend, with their parameters."""
    cars: list[str] = []
    figures: list[str] = []
    params: dict[str, Any] = {"since": f.since, "today": f.today}
    if f.models:
        marks = ", ".join(f":model{i}" for i in range(len(f.models)))
        cars.append(f"v.model_code IN ({marks})")
        params.update({f"model{i}": m for i, m in enumerate(f.models)})
    checks = (
        (cars, "purchased_after", "v.purchase_date > :purchased_after"),
        (cars, "purchased_until", "v.purchase_date <= :purchased_until"),
        (cars, "due_from", "d.due_day >= :due_from"),
        (cars, "due_to", "d.due_day <= :due_to"),
        (
            cars,
            "campaign_id",
            "v.id IN (SELECT vehicle_id FROM campaign_targets WHERE campaign_id = :campaign_id)",
        ),
        (figures, "visits_min", "visits >= :visits_min"),
        (figures, "visits_max", "visits <= :visits_max"),
        (figures, "spend_min_fen", "spend_fen >= :spend_min_fen"),
        (figures, "spend_max_fen", "spend_fen <= :spend_max_fen"),
        (figures, "visited_before", "(last_visit IS NULL OR last_visit < :visited_before)"),
        (figures, "visited_since", "last_visit >= :visited_since"),
    )
    for where, name, sql in checks:
        value = getattr(f, name)
        if value is not None:
            where.append(sql)
            params[name] = value
    return cars, figures, params


# Per car, from its own orders (orders_vehicle_created, migration 018) and their
# settlements: visits in the window and the last visit up to today (voided orders aside),
# the spend in the window. SQLite works them out for the cars that pass the conditions
# on the car itself, and the other columns only for the cars that pass them all.
_VISITS = """(SELECT count(*) FROM repair_orders o WHERE o.vehicle_id = v.id AND o.state <> 'void'
                 AND o.created_at >= :since AND substr(o.created_at, 1, 10) <= :today)"""
_LAST_VISIT = """(SELECT max(substr(o.created_at, 1, 10)) FROM repair_orders o
                    WHERE o.vehicle_id = v.id AND o.state <> 'void'
                      AND substr(o.created_at, 1, 10) <= :today)"""
_SPEND = """(SELECT coalesce(sum(s.total_fen - s.discount_fen), 0)
               FROM repair_orders o JOIN settlements s ON s.order_id = o.id
              WHERE o.vehicle_id = v.id AND o.state <> 'void'
                AND s.settled_at >= :since AND substr(s.settled_at, 1, 10) <= :today)"""


def member_rows(db: sqlite_utils.Database, f: Filters) -> list[Row]:
    """The cars in the archive on ``today`` meeting the filters, by plate: the car, its
    owner, visits in the window and the last visit up to today (voided orders aside),
    spend in the window (settlements' total less discount), its cached due
    (service_due: call_list_queries.DUE_COLUMNS, to be fresh) and ``sold_car`` /
    ``wrong_number`` (1 when no letter may go to it). Each car's figures come from its own
    orders: a group of a few hundred cars reads a few hundred cars' orders."""
    from service_desk.store.call_list_queries import DUE_COLUMNS

    cars, figures, params = _where(f)
    condition = " AND ".join(["substr(v.created_at, 1, 10) <= :today", *cars])
    due = ", ".join(f"d.{c}" for c in DUE_COLUMNS)
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(
        cursor.execute(
            f"""SELECT * FROM (
                    SELECT v.id AS vehicle_id, v.plate, v.model_code, v.purchase_date,
                           c.id AS customer_id, c.name AS customer_name, c.phone, c.address,
                           {_VISITS} AS visits, {_LAST_VISIT} AS last_visit,
                           {_SPEND} AS spend_fen, {due},
                           {SOLD} AS sold_car, {WRONG_NUMBER} AS wrong_number
                      FROM vehicles v
                      JOIN customers c ON c.id = v.owner_id
                      JOIN service_due d ON d.vehicle_id = v.id
                     WHERE {condition})
                {"WHERE " + " AND ".join(figures) if figures else ""}
                ORDER BY plate""",
            params,
        )
    )


# --- groups -------------------------------------------------------------------------------------

_GROUP = """SELECT g.*, s.name AS created_by_name,
       (SELECT count(*) FROM campaigns m WHERE m.group_id = g.id) AS campaigns
  FROM customer_groups g JOIN staff s ON s.id = g.created_by"""


def group(db: sqlite_utils.Database, group_id: int) -> Row | None:
    return one(db, f"{_GROUP} WHERE g.id = ?", [group_id])


def groups(db: sqlite_utils.Database, include_retired: bool = False) -> list[Row]:
    """The saved groups by name (those in use; retired ones last when asked for)."""
    where = "" if include_retired else " WHERE g.retired_at IS NULL"
    return list(db.query(f"{_GROUP}{where} ORDER BY g.retired_at IS NOT NULL, g.name, g.id"))


def group_named(db: sqlite_utils.Database, name: str) -> Row | None:
    """The group in use with this name."""
    return one(db, "SELECT id FROM customer_groups WHERE name = ? AND retired_at IS NULL", [name])


# --- campaigns ----------------------------------------------------------------------------------

_CAMPAIGN = """SELECT m.*, g.name AS group_name, s.name AS launched_by_name,
       (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = m.id) AS targeted,
       (SELECT count(DISTINCT t.customer_id) FROM campaign_targets t
         WHERE t.campaign_id = m.id) AS targeted_customers
  FROM campaigns m JOIN customer_groups g ON g.id = m.group_id
  JOIN staff s ON s.id = m.launched_by"""


def campaign(db: sqlite_utils.Database, campaign_id: int) -> Row | None:
    return one(db, f"{_CAMPAIGN} WHERE m.id = ?", [campaign_id])


def campaigns(db: sqlite_utils.Database) -> list[Row]:
    """Every campaign, the latest launched first."""
    return list(db.query(f"{_CAMPAIGN} ORDER BY m.launched_at DESC, m.id DESC"))


def running_named(db: sqlite_utils.Database, name: str, today: str) -> Row | None:
    """A campaign of this name not ended and not over on ``today``."""
    return one(
        db,
        "SELECT id FROM campaigns WHERE name = ? AND ended_at IS NULL AND valid_to >= ?",
        [name, today],
    )


_TARGET = "FROM campaign_targets t JOIN vehicles v ON v.id = t.vehicle_id WHERE t.campaign_id = ?"
_LETTER = f"""EXISTS (SELECT 1 FROM contacts k WHERE k.campaign_id = t.campaign_id
                     AND k.channel = 'letter' AND {about("t.vehicle_id", "v.owner_id")})"""
# Reached about the campaign otherwise than by letter: a try nobody answered, or a message
# sent without an answer, is no contact yet.
_CONTACTED = f"""EXISTS (SELECT 1 FROM contacts k WHERE k.campaign_id = t.campaign_id
                        AND k.channel <> 'letter' AND k.outcome NOT IN ('no_answer', 'sent')
                        AND {about("t.vehicle_id", "v.owner_id")})"""
# Booked in response: a contact of the campaign ended with a booking, or an appointment
# (not cancelled) booked for the car after its first letter of the campaign and no later
# than the campaign's last day.
_BOOKED = f"""(EXISTS (SELECT 1 FROM contacts k WHERE k.campaign_id = t.campaign_id
                       AND k.outcome = 'booked' AND {about("t.vehicle_id", "v.owner_id")})
   OR EXISTS (SELECT 1 FROM appointments a
               WHERE a.vehicle_id = t.vehicle_id AND a.state <> 'cancelled'
                 AND substr(a.booked_at, 1, 10)
                     <= (SELECT valid_to FROM campaigns WHERE id = t.campaign_id)
                 AND a.booked_at >= (SELECT min(k.at) FROM contacts k
                                      WHERE k.campaign_id = t.campaign_id
                                        AND k.channel = 'letter'
                                        AND {about("t.vehicle_id", "v.owner_id")})))"""


def figures(db: sqlite_utils.Database, campaign_id: int) -> dict[str, int]:
    """Cars targeted (and their owners then), cars a letter went to, cars whose owner was
    reached otherwise (phone, WeChat, SMS, in person) about the campaign, cars booked."""
    row = db.execute(
        f"""SELECT count(*), count(DISTINCT t.customer_id), coalesce(sum({_LETTER}), 0),
                   coalesce(sum({_CONTACTED}), 0), coalesce(sum({_BOOKED}), 0) {_TARGET}""",
        [campaign_id],
    ).fetchone()
    keys = ("targeted", "targeted_customers", "letters", "contacted", "booked")
    return dict(zip(keys, (int(x) for x in row), strict=True))


def customers_with_letter(db: sqlite_utils.Database, campaign_id: int) -> set[int]:
    """Customers a letter of this campaign already went to."""
    return {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT customer_id FROM contacts "
            "WHERE campaign_id = ? AND channel = 'letter'",
            [campaign_id],
        )
    }


def open_targets(db: sqlite_utils.Database, today: str) -> list[Row]:
    """The cars of the campaigns running on ``today`` (not ended, within their days) whose
    owner nobody has reached about the campaign (a letter, a message or a try nobody
    answered is not enough), that are not booked in response and may be contacted (see
    the module docstring); with the campaign and the day of its letter to the car, if
    any. By the campaign's last day, then campaign."""
    return list(
        db.query(
            f"""SELECT t.vehicle_id, m.id AS campaign_id, m.name, m.kind, m.offer,
                       m.valid_from, m.valid_to,
                       (SELECT substr(min(k.at), 1, 10) FROM contacts k
                         WHERE k.campaign_id = m.id AND k.channel = 'letter'
                           AND {about("t.vehicle_id", "v.owner_id")}) AS letter_sent_on
                FROM campaigns m
                JOIN campaign_targets t ON t.campaign_id = m.id
                JOIN vehicles v ON v.id = t.vehicle_id
                JOIN customers c ON c.id = v.owner_id
                WHERE m.valid_to >= :today AND m.valid_from <= :today AND m.ended_at IS NULL
                  AND NOT {_CONTACTED} AND NOT {_BOOKED} AND NOT {SOLD} AND NOT {WRONG_NUMBER}
                ORDER BY m.valid_to, m.id, t.vehicle_id""",
            {"today": today},
        )
    )
