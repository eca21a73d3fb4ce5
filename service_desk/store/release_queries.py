"""Read-only queries of the checkout desk (R14). Writes go through service_desk.actions.release."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one


def release(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """The order's release record (readings out, documents, signature, release), if any."""
    return one(db, "SELECT * FROM releases WHERE order_id = ?", [order_id])


def comeback(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """The comeback link of a (new) order, with the original order's number."""
    return one(
        db,
        """SELECT c.*, o.number AS original_number FROM comebacks c
             JOIN repair_orders o ON o.id = c.original_order_id WHERE c.order_id = ?""",
        [order_id],
    )


def comebacks_of(db: sqlite_utils.Database, original_order_id: int) -> list[Row]:
    """The later orders flagged as comebacks of this one, oldest first."""
    return list(
        db.query(
            "SELECT * FROM comebacks WHERE original_order_id = ? ORDER BY id", [original_order_id]
        )
    )


def active_systems(db: sqlite_utils.Database, order_id: int) -> frozenset[str]:
    """The vehicle systems of the order's active lines."""
    rows = db.execute(
        "SELECT DISTINCT system_code FROM order_lines WHERE order_id = ? AND status = 'active' "
        "AND system_code IS NOT NULL AND system_code <> ''",
        [order_id],
    ).fetchall()
    return frozenset(r[0] for r in rows)


def released_visits(db: sqlite_utils.Database, vehicle_id: int, except_order_id: int) -> list[Row]:
    """Earlier released orders of the vehicle: release time, odometer out, category, team
    and, when that order was itself a comeback, the guarantee start it carried."""
    return list(
        db.query(
            """SELECT o.id AS order_id, o.repair_category, r.released_at, r.odometer_out,
                      coalesce(h.team, '') AS team, c.guarantee_from
                 FROM repair_orders o JOIN releases r ON r.order_id = o.id
                 LEFT JOIN handoffs h ON h.order_id = o.id
                 LEFT JOIN comebacks c ON c.order_id = o.id
                WHERE o.vehicle_id = ? AND o.id <> ? AND r.released_at IS NOT NULL
                ORDER BY r.released_at DESC, o.id DESC""",
            [vehicle_id, except_order_id],
        )
    )
