"""The audit trail of one repair order (R20): every audit row about the order itself or
about a record that belongs to it (lines, check-in, keys, extra work, workshop steps,
discounts, payments, settlement, release, claims, prints …), oldest first, with who."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row

# audit entity -> the table holding that record, whose order_id ties it to the order.
# (The check-in's audit rows name the order itself.)
ENTITY_TABLES = {
    "order_line": "order_lines",
    "damage_mark": "damage_marks",
    "key": "keys",
    "extra_work": "extra_work",
    "handoff": "handoffs",
    "progress_check": "progress_checks",
    "pickup_ready": "pickup_ready",
    "discount": "discounts",
    "payment": "payments",
    "arrears": "arrears_approvals",
    "settlement": "settlements",
    "release": "releases",
    "comeback": "comebacks",
    "appointment_credit": "appointment_credits",
    "complaint": "complaints",
    "follow_up": "follow_ups",
    "warranty_claim": "warranty_claims",
    "print": "print_log",
}
DIRECT = ("order", "checkin")


def order_history(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """The order's audit rows with the staff member's name, in the order they were made.
    One indexed lookup per kind of record (audit_entity on (entity, entity_id))."""
    parts = [
        f"SELECT a.* FROM audit a WHERE a.entity IN ({', '.join('?' * len(DIRECT))})"
        " AND a.entity_id = ?"
    ]
    params: list[object] = [*DIRECT, order_id]
    for entity, table in ENTITY_TABLES.items():
        parts.append(
            f"SELECT a.* FROM audit a JOIN {table} r ON r.id = a.entity_id"
            " WHERE a.entity = ? AND r.order_id = ?"
        )
        params += [entity, order_id]
    sql = (
        "SELECT h.*, s.name AS staff_name FROM ("
        + " UNION ALL ".join(parts)
        + ") h LEFT JOIN staff s ON s.id = h.staff_id ORDER BY h.id"
    )
    return list(db.query(sql, params))
