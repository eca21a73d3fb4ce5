"""Read-only queries of additional work (R11). Writes go through
service_desk.actions.extra_work."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one

_OPEN = "('reported', 'customer_contacted')"
_TOTAL = "(SELECT coalesce(sum(amount_fen), 0) FROM extra_work_items WHERE extra_work_id = x.id)"


def extra_item(db: sqlite_utils.Database, extra_id: int) -> Row | None:
    return one(
        db, f"SELECT x.*, {_TOTAL} AS amount_fen FROM extra_work x WHERE x.id = ?", [extra_id]
    )


def extra_lines(db: sqlite_utils.Database, extra_id: int) -> list[Row]:
    return list(
        db.query("SELECT * FROM extra_work_items WHERE extra_work_id = ? ORDER BY id", [extra_id])
    )


def extra_of_order(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """Every item reported on the order, in the order reported."""
    return list(
        db.query(
            f"SELECT x.*, {_TOTAL} AS amount_fen FROM extra_work x WHERE x.order_id = ? "
            "ORDER BY x.id",
            [order_id],
        )
    )


def open_extra_items(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """Items still waiting for the customer's answer."""
    return list(
        db.query(
            f"SELECT x.*, {_TOTAL} AS amount_fen FROM extra_work x "
            f"WHERE x.order_id = ? AND x.state IN {_OPEN} ORDER BY x.id",
            [order_id],
        )
    )


def declined_work(db: sqlite_utils.Database, vehicle_id: int) -> list[Row]:
    """Work the customer declined on this vehicle, newest first (it feeds reminders)."""
    return list(
        db.query(
            f"""SELECT x.*, {_TOTAL} AS amount_fen, o.number AS order_number,
                       o.vehicle_id AS vehicle_id
                FROM extra_work x JOIN repair_orders o ON o.id = x.order_id
                WHERE o.vehicle_id = ? AND x.state = 'declined'
                ORDER BY x.answer_at DESC, x.id DESC""",
            [vehicle_id],
        )
    )
