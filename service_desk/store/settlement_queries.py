"""Read-only queries of the settlement desk (R14, R5). Writes go through
service_desk.actions.settlement."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one


def discount(db: sqlite_utils.Database, discount_id: int) -> Row | None:
    return one(db, "SELECT * FROM discounts WHERE id = ?", [discount_id])


def discounts_of(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """Every discount asked for on the order, with who asked and who decided."""
    return list(
        db.query(
            """SELECT d.*, r.name AS requested_by_name, s.name AS decided_by_name
               FROM discounts d JOIN staff r ON r.id = d.requested_by
               LEFT JOIN staff s ON s.id = d.decided_by
               WHERE d.order_id = ? ORDER BY d.id""",
            [order_id],
        )
    )


def payments_of(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT p.*, s.name AS staff_name FROM payments p JOIN staff s ON s.id = p.staff_id
               WHERE p.order_id = ? ORDER BY p.id""",
            [order_id],
        )
    )


def arrears_approvals_of(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT a.*, s.name AS supervisor_name FROM arrears_approvals a
               JOIN staff s ON s.id = a.supervisor_id WHERE a.order_id = ? ORDER BY a.id""",
            [order_id],
        )
    )


def latest_arrears_approval(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(
        db,
        "SELECT * FROM arrears_approvals WHERE order_id = ? ORDER BY id DESC LIMIT 1",
        [order_id],
    )


def settlement(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(db, "SELECT * FROM settlements WHERE order_id = ?", [order_id])


def customer_arrears(db: sqlite_utils.Database, customer_id: int) -> int:
    """The customer's unpaid balance (欠收) in fen: arrears let out on settled orders."""
    return int(
        db.execute(
            """SELECT coalesce(sum(s.arrears_fen), 0) FROM settlements s
               JOIN repair_orders o ON o.id = s.order_id WHERE o.customer_id = ?""",
            [customer_id],
        ).fetchone()[0]
    )


def customer_arrears_orders(db: sqlite_utils.Database, customer_id: int) -> list[Row]:
    """The settled orders of the customer that left with arrears, oldest first."""
    return list(
        db.query(
            """SELECT o.id AS order_id, o.number, s.arrears_fen, s.settled_at
               FROM settlements s JOIN repair_orders o ON o.id = s.order_id
               WHERE o.customer_id = ? AND s.arrears_fen > 0 ORDER BY s.id""",
            [customer_id],
        )
    )
