"""Read-only queries of the check-in desk. Writes go through service_desk.actions.checkin."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one

# Orders whose box is free again: the car has left (or the order is finished / void).
_BOX_FREED = "('released', 'done', 'closed', 'declined', 'void')"


def checkin(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(
        db,
        """SELECT c.*, s.name AS completed_by_name FROM checkins c
           LEFT JOIN staff s ON s.id = c.completed_by WHERE c.order_id = ?""",
        [order_id],
    )


def checklist(db: sqlite_utils.Database, order_id: int) -> dict[str, Row]:
    """item code -> its result on this order."""
    rows = db.query("SELECT * FROM inspection_results WHERE order_id = ? ORDER BY id", [order_id])
    return {r["item_code"]: r for r in rows}


def damage_marks(
    db: sqlite_utils.Database, order_id: int, include_struck: bool = False
) -> list[Row]:
    status = "" if include_struck else "AND m.status = 'active'"
    return list(
        db.query(
            f"""SELECT m.*, s.name AS created_by_name FROM damage_marks m
                JOIN staff s ON s.id = m.created_by
                WHERE m.order_id = ? {status} ORDER BY m.no""",
            [order_id],
        )
    )


def damage_mark(db: sqlite_utils.Database, mark_id: int) -> Row | None:
    return one(db, "SELECT * FROM damage_marks WHERE id = ?", [mark_id])


def documents(db: sqlite_utils.Database, order_id: int) -> dict[str, Row]:
    """document code -> what was recorded for it on this order."""
    rows = db.query("SELECT * FROM checkin_documents WHERE order_id = ? ORDER BY id", [order_id])
    return {r["doc_code"]: r for r in rows}


def belongings(db: sqlite_utils.Database, order_id: int, include_struck: bool = False) -> list[Row]:
    status = "" if include_struck else "AND status = 'active'"
    return list(
        db.query(f"SELECT * FROM belongings WHERE order_id = ? {status} ORDER BY id", [order_id])
    )


def box_holder(db: sqlite_utils.Database, box_no: str, except_order_id: int) -> Row | None:
    """The other order whose belongings are still in this storage box, if any."""
    return one(
        db,
        f"""SELECT o.id, o.number, v.plate FROM checkins c
            JOIN repair_orders o ON o.id = c.order_id JOIN vehicles v ON v.id = o.vehicle_id
            WHERE c.box_no = ? AND c.order_id <> ? AND c.returned_at IS NULL
              AND o.state NOT IN {_BOX_FREED}
            ORDER BY o.id LIMIT 1""",
        [box_no, except_order_id],
    )


def boxes_in_use(db: sqlite_utils.Database) -> set[str]:
    rows = db.execute(
        f"""SELECT c.box_no FROM checkins c JOIN repair_orders o ON o.id = c.order_id
            WHERE c.box_no IS NOT NULL AND c.returned_at IS NULL
              AND o.state NOT IN {_BOX_FREED}"""
    ).fetchall()
    return {r[0] for r in rows}


def queue(db: sqlite_utils.Database, day_start: str) -> list[Row]:
    """Orders waiting for check-in (signed, oldest first), then those checked in since
    day_start (an ISO time) that may still need finishing."""
    return list(
        db.query(
            """SELECT o.id, o.number, o.state, o.created_at, o.updated_at, o.signed_at,
                      v.plate, v.model_code, c.name AS customer_name,
                      s.name AS advisor_name, k.completed_at
               FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
               JOIN customers c ON c.id = o.customer_id JOIN staff s ON s.id = o.advisor_id
               LEFT JOIN checkins k ON k.order_id = o.id
               WHERE o.state = 'signed'
                  OR (o.state = 'checked_in' AND k.completed_at >= ?)
               ORDER BY o.state = 'checked_in', coalesce(o.signed_at, o.created_at), o.id""",
            [day_start],
        )
    )
