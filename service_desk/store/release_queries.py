"""Read-only queries of the checkout desk (R14). Writes go through service_desk.actions.release."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from service_desk.store.queries import Row, one


def release(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """The order's release record (readings out, documents, signature, release), if any."""
    return one(db, "SELECT * FROM releases WHERE order_id = ?", [order_id])


def released_at(db: sqlite_utils.Database, order_id: int) -> str | None:
    """When the car left: the release record, else the order's move to released (orders
    released before release records existed)."""
    found = release(db, order_id)
    if found is not None and found["released_at"]:
        return str(found["released_at"])
    row = db.execute(
        "SELECT at FROM order_events WHERE order_id = ? AND to_state = 'released' "
        "ORDER BY id DESC LIMIT 1",
        [order_id],
    ).fetchone()
    return row[0] if row else None


def comeback(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """The comeback link of a (new) order, with the original order's number."""
    return one(
        db,
        """SELECT c.*, o.number AS original_number FROM comebacks c
             JOIN repair_orders o ON o.id = c.original_order_id WHERE c.order_id = ?""",
        [order_id],
    )


def comeback_flags(db: sqlite_utils.Database, order_ids: Iterable[int]) -> dict[int, Row]:
    """For a list of orders (a board, a search result): the comeback link of each order
    that is a comeback, by order id, with the original order's number; the others are
    absent. One query, however many orders."""
    ids = sorted(set(order_ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = db.query(
        f"""SELECT c.*, o.number AS original_number FROM comebacks c
              JOIN repair_orders o ON o.id = c.original_order_id
             WHERE c.order_id IN ({marks})""",
        ids,
    )
    return {int(r["order_id"]): r for r in rows}


def guarantee_origin(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """For a comeback, the release its guarantee period counts from (a rework under
    guarantee does not restart it): the first order of the chain of comebacks, with its
    number, its odometer at the release (out, else in) and the comeback's guarantee_from.
    None when the order is no comeback."""
    return one(
        db,
        """WITH RECURSIVE chain(order_id, depth) AS (
               SELECT original_order_id, 1 FROM comebacks WHERE order_id = ?
               UNION ALL
               SELECT c.original_order_id, chain.depth + 1
                 FROM comebacks c JOIN chain ON c.order_id = chain.order_id
                WHERE chain.depth < 100
           )
           SELECT o.id AS order_id, o.number,
                  coalesce(r.odometer_out, o.odometer_in) AS odometer,
                  (SELECT guarantee_from FROM comebacks WHERE order_id = ?) AS guarantee_from
             FROM chain JOIN repair_orders o ON o.id = chain.order_id
             LEFT JOIN releases r ON r.order_id = o.id
            ORDER BY chain.depth DESC LIMIT 1""",
        [order_id, order_id],
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
