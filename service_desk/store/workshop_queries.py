"""Read-only queries of the workshop steps (R10, R12, R13). Writes go through
service_desk.actions.workshop."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one

IN_WORKSHOP = ("handed_off", "in_progress")


def handoff(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(db, "SELECT * FROM handoffs WHERE order_id = ?", [order_id])


def progress_check(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(db, "SELECT * FROM progress_checks WHERE order_id = ?", [order_id])


def pickup_ready(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(db, "SELECT * FROM pickup_ready WHERE order_id = ?", [order_id])


def unchecked_in_workshop(db: sqlite_utils.Database) -> list[Row]:
    """Orders in the workshop whose progress check is not recorded yet, with their
    hand-off and (if the desk raised it already) when it was raised."""
    marks = ",".join("?" * len(IN_WORKSHOP))
    return list(
        db.query(
            f"""SELECT o.id AS order_id, o.number, o.state, o.promised_at, v.plate,
                       c.name AS customer_name, h.mode, h.team, h.planned_minutes,
                       h.receiver_name, h.handed_at, p.raised_at
                  FROM handoffs h JOIN repair_orders o ON o.id = h.order_id
                  JOIN vehicles v ON v.id = o.vehicle_id
                  JOIN customers c ON c.id = o.customer_id
                  LEFT JOIN progress_checks p ON p.order_id = o.id
                 WHERE o.state IN ({marks}) AND p.checked_at IS NULL
                 ORDER BY h.handed_at, o.id""",
            list(IN_WORKSHOP),
        )
    )
