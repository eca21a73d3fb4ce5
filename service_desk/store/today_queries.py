"""Read-only queries of the Today board (今日看板): the counter's day in one look.

Each returns the rows of one column of the board, with the order id, number, plate and
customer name every card shows. Progress checks due and keys out come from
actions.progress_checks.progress_checks_due and key_queries.keys_out.
"""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row

RECEPTION = ("reception", "diagnosis", "estimate", "signed")
IN_WORKSHOP = ("handed_off", "in_progress")

_ORDER = """SELECT o.id AS order_id, o.number, o.state, o.created_at, o.updated_at,
       o.promised_at, o.technician, v.plate, c.name AS customer_name
  FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
  JOIN customers c ON c.id = o.customer_id"""


def _in_states(db: sqlite_utils.Database, states: tuple[str, ...], order: str) -> list[Row]:
    marks = ",".join("?" * len(states))
    return list(db.query(f"{_ORDER} WHERE o.state IN ({marks}) ORDER BY {order}", list(states)))


def at_reception(db: sqlite_utils.Database) -> list[Row]:
    """Orders at the counter or signed and waiting for the check-in, oldest first."""
    return _in_states(db, RECEPTION, "o.created_at, o.id")


def in_workshop(db: sqlite_utils.Database) -> list[Row]:
    """Cars in the workshop with their hand-off, the nearest promise first (no promise
    last)."""
    marks = ",".join("?" * len(IN_WORKSHOP))
    return list(
        db.query(
            f"""SELECT o.id AS order_id, o.number, o.state, o.updated_at, o.promised_at,
                       o.technician, v.plate, c.name AS customer_name, h.team,
                       h.receiver_name, h.handed_at
                  FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
                  JOIN customers c ON c.id = o.customer_id
                  LEFT JOIN handoffs h ON h.order_id = o.id
                 WHERE o.state IN ({marks})
                 ORDER BY o.promised_at IS NULL, o.promised_at, o.id""",
            list(IN_WORKSHOP),
        )
    )


def waiting_for_answer(db: sqlite_utils.Database) -> list[Row]:
    """Extra work items waiting for the customer's answer, oldest report first."""
    return list(
        db.query(
            """SELECT x.id AS extra_id, x.state AS extra_state, x.description,
                      x.reported_at, x.contacted_at, x.delay_minutes,
                      (SELECT coalesce(sum(amount_fen), 0) FROM extra_work_items i
                        WHERE i.extra_work_id = x.id) AS amount_fen,
                      o.id AS order_id, o.number, o.state, v.plate, c.name AS customer_name
                 FROM extra_work x JOIN repair_orders o ON o.id = x.order_id
                 JOIN vehicles v ON v.id = o.vehicle_id
                 JOIN customers c ON c.id = o.customer_id
                WHERE x.state IN ('reported', 'customer_contacted')
                ORDER BY x.reported_at, x.id"""
        )
    )


def ready_not_collected(db: sqlite_utils.Database) -> list[Row]:
    """Cars ready for pickup, with when the customer was told, longest waiting first."""
    return list(
        db.query(
            """SELECT o.id AS order_id, o.number, o.state, o.updated_at, o.promised_at,
                      v.plate, c.name AS customer_name, p.notified_at, p.total_fen,
                      coalesce(p.notified_at, o.updated_at) AS ready_since
                 FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
                 JOIN customers c ON c.id = o.customer_id
                 LEFT JOIN pickup_ready p ON p.order_id = o.id
                WHERE o.state = 'ready'
                ORDER BY ready_since, o.id"""
        )
    )
