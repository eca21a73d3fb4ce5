"""Read-only queries of the contact log (R3). Writes go through service_desk.actions.contacts
(and the campaigns' letters)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from service_desk.store.queries import Row, one

_CONTACT = """SELECT k.*, s.name AS staff_name, c.name AS customer_name, c.phone,
       v.plate, a.slot_start AS appointment_start, a.state AS appointment_state,
       p.state AS complaint_state, p.reply_by AS complaint_reply_by
  FROM contacts k JOIN staff s ON s.id = k.staff_id
  JOIN customers c ON c.id = k.customer_id
  LEFT JOIN vehicles v ON v.id = k.vehicle_id
  LEFT JOIN appointments a ON a.id = k.appointment_id
  LEFT JOIN complaints p ON p.id = k.complaint_id"""

# The fields the call list reads of each contact.
_SLIM = """SELECT k.id, k.at, k.customer_id, k.vehicle_id, k.channel, k.purpose, k.outcome,
       k.call_back_at, k.note, s.name AS staff_name
  FROM contacts k JOIN staff s ON s.id = k.staff_id"""


def contact(db: sqlite_utils.Database, contact_id: int) -> Row | None:
    return one(db, f"{_CONTACT} WHERE k.id = ?", [contact_id])


def of_customer(db: sqlite_utils.Database, customer_id: int, limit: int = 200) -> list[Row]:
    """A customer's contacts (about any of their cars or none), newest first."""
    return list(
        db.query(
            f"{_CONTACT} WHERE k.customer_id = ? ORDER BY k.at DESC, k.id DESC LIMIT ?",
            [customer_id, limit],
        )
    )


def of_vehicle(db: sqlite_utils.Database, vehicle_id: int, limit: int = 200) -> list[Row]:
    """The contacts about a car (with any of its owners), newest first."""
    return list(
        db.query(
            f"{_CONTACT} WHERE k.vehicle_id = ? ORDER BY k.at DESC, k.id DESC LIMIT ?",
            [vehicle_id, limit],
        )
    )


def for_call_list(db: sqlite_utils.Database, since: str) -> list[Row]:
    """The contacts that can still matter to the call list, oldest first: those since the
    local date ``since``, and the outcomes that hold until something else happens (sold
    car, wrong number, a call back asked for) whatever their age."""
    return list(
        db.query(
            f"""{_SLIM} WHERE substr(k.at, 1, 10) >= :since
                   OR k.outcome IN ('sold_car', 'wrong_number', 'call_back')
                ORDER BY k.customer_id, k.at, k.id""",
            {"since": since},
        )
    )


def of_customers(db: sqlite_utils.Database, customer_ids: Iterable[int]) -> list[Row]:
    """Every contact of these customers, oldest first."""
    ids = sorted(set(customer_ids))
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return list(db.query(f"{_SLIM} WHERE k.customer_id IN ({marks}) ORDER BY k.at, k.id", ids))


def call_backs_until(db: sqlite_utils.Database, day: str) -> list[Row]:
    """Call backs asked for a time on or before the local date ``day`` (coarse: the caller
    compares the times and checks they are still pending), with the customer and car."""
    return list(
        db.query(
            f"""{_CONTACT} WHERE k.outcome = 'call_back' AND substr(k.call_back_at, 1, 10) <= ?
                ORDER BY k.call_back_at, k.id""",
            [day],
        )
    )


def wrong_numbers(db: sqlite_utils.Database) -> list[Row]:
    """Each customer's latest contact that found their number wrong, with the customer's
    record (phones, last update) and a car of theirs (the contact's, else their first)."""
    return list(
        db.query(
            """SELECT k.id, k.at, k.customer_id, k.channel, k.note, s.name AS staff_name,
                      c.name AS customer_name, c.phone, c.phone2,
                      c.updated_at AS customer_updated_at,
                      coalesce(k.vehicle_id, (SELECT min(id) FROM vehicles
                                              WHERE owner_id = c.id)) AS vehicle_id
                 FROM contacts k JOIN staff s ON s.id = k.staff_id
                 JOIN customers c ON c.id = k.customer_id
                WHERE k.outcome = 'wrong_number'
                  AND k.id = (SELECT max(w.id) FROM contacts w
                              WHERE w.customer_id = k.customer_id
                                AND w.outcome = 'wrong_number')
                ORDER BY k.at, k.id"""
        )
    )


def last_order(db: sqlite_utils.Database, vehicle_id: int, customer_id: int) -> Row | None:
    """The car's latest repair order of this customer (voided ones aside): what a complaint
    made on a call is most likely about."""
    return one(
        db,
        """SELECT id, number, created_at FROM repair_orders
            WHERE vehicle_id = ? AND customer_id = ? AND state <> 'void'
            ORDER BY created_at DESC, id DESC LIMIT 1""",
        [vehicle_id, customer_id],
    )


def campaign_exists(db: sqlite_utils.Database, campaign_id: int) -> bool:
    """Whether the campaign is known (its table comes with migration 018)."""
    if one(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'campaigns'", []):
        return one(db, "SELECT 1 FROM campaigns WHERE id = ?", [campaign_id]) is not None
    return False


def taken_starts(db: sqlite_utils.Database, day: str) -> set[str]:
    """The slot starts (ISO) of the appointments that hold a place that day."""
    return {
        start
        for (start,) in db.execute(
            "SELECT slot_start FROM appointments WHERE day = ? "
            "AND state IN ('booked', 'reminded', 'arrived')",
            [day],
        )
    }
