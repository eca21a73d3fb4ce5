"""Read-only queries the desks need. Writes go through service_desk.actions."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from service_desk.store.schema_v1 import SEARCH_KINDS

Row = dict[str, Any]
_KIND_BY_CODE = {code: table for table, code in SEARCH_KINDS.items()}


def one(db: sqlite_utils.Database, sql: str, params: list[Any]) -> Row | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def search_ids(db: sqlite_utils.Database, text: str, limit: int = 50) -> dict[str, list[int]]:
    """Ids of customers, vehicles and orders matching a fragment of name, phone, plate, VIN
    or order number. Three or more characters use the FTS5 trigram index; one or two
    (张三, 刹车, B1) fall back to LIKE on the narrow columns."""
    text = " ".join(text.split())
    found: dict[str, list[int]] = {t: [] for t in SEARCH_KINDS}
    if not text:
        return found
    if len(text) >= 3:
        rows = db.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            [_fts_phrase(text), limit * 3],
        ).fetchall()
        for (rowid,) in rows:
            found[_KIND_BY_CODE[rowid % 4]].append(rowid // 4)
        return found
    like = f"%{text}%"
    found["customers"] = [
        r[0]
        for r in db.execute(
            "SELECT id FROM customers WHERE name LIKE ? OR phone LIKE ? ORDER BY id DESC LIMIT ?",
            [like, like, limit],
        )
    ]
    found["vehicles"] = [
        r[0]
        for r in db.execute(
            "SELECT id FROM vehicles WHERE plate LIKE ? ORDER BY id DESC LIMIT ?", [like, limit]
        )
    ]
    return found


def search(db: sqlite_utils.Database, text: str, limit: int = 50) -> list[Row]:
    """Hits grouped customer → vehicle → open order: one row per (customer, vehicle)."""
    ids = search_ids(db, text, limit)
    vehicle_ids: list[int] = list(ids["vehicles"])
    for oid in ids["repair_orders"]:
        r = one(db, "SELECT vehicle_id FROM repair_orders WHERE id = ?", [oid])
        if r:
            vehicle_ids.append(r["vehicle_id"])
    customer_only = list(ids["customers"])
    rows: list[Row] = []
    seen: set[tuple[int, int | None]] = set()
    if vehicle_ids:
        marks = ",".join("?" * len(vehicle_ids))
        for r in db.query(f"{_HIT_SQL} WHERE v.id IN ({marks})", vehicle_ids):
            rows.append(r)
            seen.add((r["customer_id"], r["vehicle_id"]))
    if customer_only:
        marks = ",".join("?" * len(customer_only))
        for r in db.query(f"{_HIT_SQL_CUSTOMER} WHERE c.id IN ({marks})", customer_only):
            if (r["customer_id"], r["vehicle_id"]) not in seen:
                rows.append(r)
                seen.add((r["customer_id"], r["vehicle_id"]))
    rows.sort(key=lambda r: (r["customer_name"], r["plate"] or ""))
    return rows[:limit]


_OPEN = "('void', 'closed', 'done', 'released')"
_HIT_COLUMNS = f"""c.id AS customer_id, c.name AS customer_name, c.phone, c.company,
    v.id AS vehicle_id, v.plate, v.vin, v.model_code,
    (SELECT number FROM repair_orders o WHERE o.vehicle_id = v.id
       AND o.state NOT IN {_OPEN} ORDER BY o.id DESC LIMIT 1) AS open_order,
    (SELECT id FROM repair_orders o WHERE o.vehicle_id = v.id
       AND o.state NOT IN {_OPEN} ORDER BY o.id DESC LIMIT 1) AS open_order_id"""
_HIT_SQL = f"SELECT {_HIT_COLUMNS} FROM vehicles v JOIN customers c ON c.id = v.owner_id"
_HIT_SQL_CUSTOMER = (
    f"SELECT {_HIT_COLUMNS} FROM customers c LEFT JOIN vehicles v ON v.owner_id = c.id"
)


def customer(db: sqlite_utils.Database, customer_id: int) -> Row | None:
    return one(
        db,
        """SELECT c.*, s.name AS first_contact_name FROM customers c
                      JOIN staff s ON s.id = c.first_contact_id WHERE c.id = ?""",
        [customer_id],
    )


def vehicle(db: sqlite_utils.Database, vehicle_id: int) -> Row | None:
    return one(
        db,
        """SELECT v.*, (SELECT km FROM odometer_readings r WHERE r.vehicle_id = v.id
                                  ORDER BY r.id DESC LIMIT 1) AS last_km
                      FROM vehicles v WHERE v.id = ?""",
        [vehicle_id],
    )


def vehicles_of(db: sqlite_utils.Database, customer_id: int) -> list[Row]:
    return list(db.query("SELECT * FROM vehicles WHERE owner_id = ? ORDER BY id", [customer_id]))


def owner_history(db: sqlite_utils.Database, vehicle_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT o.*, c.name AS customer_name, c.phone FROM vehicle_owners o
                            JOIN customers c ON c.id = o.customer_id
                            WHERE o.vehicle_id = ? ORDER BY o.id""",
            [vehicle_id],
        )
    )


def odometer_history(db: sqlite_utils.Database, vehicle_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT r.*, s.name AS staff_name FROM odometer_readings r
                            JOIN staff s ON s.id = r.staff_id
                            WHERE r.vehicle_id = ? ORDER BY r.id DESC""",
            [vehicle_id],
        )
    )


_ORDER_LIST = """SELECT o.id, o.number, o.state, o.created_at, o.updated_at, o.promised_at,
       o.request, o.repair_category, v.plate, v.model_code, c.name AS customer_name,
       s.name AS advisor_name,
       CASE WHEN o.state IN ('declined', 'closed') THEN o.decline_fee_fen
            ELSE (SELECT coalesce(sum(amount_fen), 0) FROM order_lines l
                  WHERE l.order_id = o.id AND l.status = 'active') END AS total_fen
  FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
  JOIN customers c ON c.id = o.customer_id JOIN staff s ON s.id = o.advisor_id"""


def orders_of_vehicle(db: sqlite_utils.Database, vehicle_id: int) -> list[Row]:
    return list(db.query(f"{_ORDER_LIST} WHERE o.vehicle_id = ? ORDER BY o.id DESC", [vehicle_id]))


def orders_of_customer(db: sqlite_utils.Database, customer_id: int, limit: int = 20) -> list[Row]:
    """The customer's latest orders, newest first (orders_customer index)."""
    return list(
        db.query(
            f"{_ORDER_LIST} WHERE o.customer_id = ? ORDER BY o.id DESC LIMIT ?",
            [customer_id, limit],
        )
    )


def orders_in_ids(db: sqlite_utils.Database, ids: list[int]) -> list[Row]:
    marks = ",".join("?" * len(ids))
    return list(db.query(f"{_ORDER_LIST} WHERE o.id IN ({marks}) ORDER BY o.id DESC", ids))


def orders_in_states(db: sqlite_utils.Database, states: tuple[str, ...]) -> list[Row]:
    marks = ",".join("?" * len(states))
    return list(
        db.query(
            f"{_ORDER_LIST} WHERE o.state IN ({marks}) ORDER BY o.created_at, o.id", list(states)
        )
    )


def order(db: sqlite_utils.Database, order_id: int) -> Row | None:
    return one(
        db,
        """SELECT o.*, s.name AS advisor_name FROM repair_orders o
                      JOIN staff s ON s.id = o.advisor_id WHERE o.id = ?""",
        [order_id],
    )


def order_by_number(db: sqlite_utils.Database, number: str) -> Row | None:
    return one(db, "SELECT * FROM repair_orders WHERE number = ?", [number])


def order_lines(
    db: sqlite_utils.Database, order_id: int, include_removed: bool = False
) -> list[Row]:
    status = "" if include_removed else "AND status = 'active'"
    return list(
        db.query(f"SELECT * FROM order_lines WHERE order_id = ? {status} ORDER BY id", [order_id])
    )


def order_events(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT e.*, s.name AS staff_name FROM order_events e
                            JOIN staff s ON s.id = e.staff_id
                            WHERE e.order_id = ? ORDER BY e.id""",
            [order_id],
        )
    )


def print_log(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT p.*, s.name AS staff_name FROM print_log p
                            JOIN staff s ON s.id = p.staff_id
                            WHERE p.order_id = ? ORDER BY p.id""",
            [order_id],
        )
    )
