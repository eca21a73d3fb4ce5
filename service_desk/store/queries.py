"""Read-only queries the desks need. Writes go through service_desk.actions."""

from __future__ import annotations

import string
from typing import Any

import sqlite_utils

from service_desk.domain.validation import PROVINCES
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
    (张三, 刹车, B1) the two-character index of names, phones and plates."""
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
    found["customers"] = _short(db, "customers", text, limit)
    if _only(text.upper(), _PLATE_CHARACTERS):  # a Chinese name is never among plates
        found["vehicles"] = _short(db, "vehicles", text, limit)
    return found


_RECENT = 2000  # rows a one-character fragment is first looked for among
# The columns a short fragment is looked for in, and their kind in search_pairs (and in
# search_fts): customers by name and phone, cars by plate.
_SHORT = {"customers": (1, ("name", "phone")), "vehicles": (2, ("plate",))}


def _short(db: sqlite_utils.Database, table: str, text: str, limit: int) -> list[int]:
    """Ids (newest first) of the customers or cars whose columns hold a fragment of one
    or two characters, from the two-character index (schema_v22.search_pairs): a pair is
    one index range. A single character common enough to be among the newest rows is
    found there at once; a rarer one reads the pairs that start with it."""
    kind, columns = _SHORT[table]
    fragment = text.lower()  # the pairs are lower-case: LIKE's folding of A-Z
    if len(fragment) == 2:
        sql = "SELECT id FROM search_pairs WHERE kind = ? AND pair = ? ORDER BY id DESC LIMIT ?"
        return [r[0] for r in db.execute(sql, [kind, fragment, limit])]
    likes = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)  # % and _ as typed
    recent = [
        r[0]
        for r in db.execute(
            f"SELECT id FROM (SELECT id, {', '.join(columns)} FROM {table} ORDER BY id DESC"
            f" LIMIT {_RECENT}) WHERE {likes} ORDER BY id DESC LIMIT ?",
            [f"%{_escaped(text)}%"] * len(columns) + [limit],
        )
    ]
    if len(recent) >= limit:
        return recent
    sql = (
        "SELECT DISTINCT id FROM search_pairs WHERE kind = ? AND pair >= ? AND pair < ?"
        " ORDER BY id DESC LIMIT ?"
    )
    return [r[0] for r in db.execute(sql, [kind, fragment, fragment + "\U0010ffff", limit])]


# What a stored plate (validation.normalize_plate) is made of.
_PLATE_CHARACTERS = frozenset(
    PROVINCES + "学警挂领应急港澳使" + string.ascii_uppercase + string.digits
)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _only(text: str, characters: frozenset[str]) -> bool:
    return all(c in characters for c in text)


def search(db: sqlite_utils.Database, text: str, limit: int = 50) -> list[Row]:
    """Hits grouped customer → vehicle → open order: one row per (customer, vehicle)."""
    ids = search_ids(db, text, limit)
    vehicle_ids: list[int] = list(ids["vehicles"])
    if ids["repair_orders"]:  # the cars of the orders found, in one query
        marks = ",".join("?" * len(ids["repair_orders"]))
        vehicle_ids += [
            r[0]
            for r in db.execute(
                f"SELECT vehicle_id FROM repair_orders WHERE id IN ({marks}) ORDER BY id DESC",
                ids["repair_orders"],
            )
        ]
    customer_only = list(ids["customers"])
    rows: list[Row] = []
    seen: set[tuple[int, int | None]] = set()
    if vehicle_ids:
        marks = ",".join("?" * len(vehicle_ids))
        for r in _hits(db, f"{_HIT_SQL} WHERE v.id IN ({marks})", vehicle_ids):
            rows.append(r)
            seen.add((r["customer_id"], r["vehicle_id"]))
    if customer_only:
        marks = ",".join("?" * len(customer_only))
        for r in _hits(db, f"{_HIT_SQL_CUSTOMER} WHERE c.id IN ({marks})", customer_only):
            if (r["customer_id"], r["vehicle_id"]) not in seen:
                rows.append(r)
                seen.add((r["customer_id"], r["vehicle_id"]))
    rows.sort(key=lambda r: (r["customer_name"], r["plate"] or ""))
    rows = rows[:limit]
    _add_open_orders(db, rows)
    return rows


def _hits(db: sqlite_utils.Database, sql: str, params: list[int]) -> list[Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def _add_open_orders(db: sqlite_utils.Database, rows: list[Row]) -> None:
    """Each hit's car's latest open order (number and id), looked up only for the hits
    kept: an order-number fragment finds up to 150 cars, of which 50 are shown."""
    vehicle_ids = sorted({r["vehicle_id"] for r in rows if r["vehicle_id"] is not None})
    found: dict[int, tuple[str, int]] = {}
    if vehicle_ids:
        marks = ",".join("?" * len(vehicle_ids))
        found = {
            vehicle_id: (number, order_id)
            for vehicle_id, order_id, number in db.execute(
                f"""SELECT o.vehicle_id, o.id, o.number FROM repair_orders o WHERE o.id IN (
                      SELECT (SELECT x.id FROM repair_orders x WHERE x.vehicle_id = v.id
                                AND x.state NOT IN {_OPEN} ORDER BY x.id DESC LIMIT 1)
                      FROM vehicles v WHERE v.id IN ({marks}))""",
                vehicle_ids,
            )
        }
    for r in rows:
        r["open_order"], r["open_order_id"] = found.get(r["vehicle_id"], (None, None))


_OPEN = "('void', 'closed', 'done', 'released')"
_HIT_COLUMNS = """c.id AS customer_id, c.name AS customer_name, c.phone, c.company,
    v.id AS vehicle_id, v.plate, v.vin, v.model_code"""
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


def open_order_of_vehicle(db: sqlite_utils.Database, vehicle_id: int) -> int | None:
    """The car's latest order still open (not void, closed, done nor released)."""
    row = db.execute(
        f"SELECT id FROM repair_orders WHERE vehicle_id = ? AND state NOT IN {_OPEN}"
        " ORDER BY id DESC LIMIT 1",
        [vehicle_id],
    ).fetchone()
    return None if row is None else int(row[0])


def orders_of_vehicle_page(
    db: sqlite_utils.Database, vehicle_id: int, before_id: int | None, limit: int
) -> list[Row]:
    """One page of the car's orders, newest first: those before the order ``before_id``
    (from the newest when None), at most ``limit`` (orders_vehicle_created and the key)."""
    return list(
        db.query(
            f"{_ORDER_LIST} WHERE o.vehicle_id = ? AND o.id < ? ORDER BY o.id DESC LIMIT ?",
            [vehicle_id, before_id if before_id is not None else 2**62, limit],
        )
    )


def odometer_page(
    db: sqlite_utils.Database, vehicle_id: int, before_id: int | None, limit: int
) -> list[Row]:
    """One page of the car's odometer readings, latest first (as odometer_history)."""
    return list(
        db.query(
            """SELECT r.*, s.name AS staff_name FROM odometer_readings r
                            JOIN staff s ON s.id = r.staff_id
                            WHERE r.vehicle_id = ? AND r.id < ? ORDER BY r.id DESC LIMIT ?""",
            [vehicle_id, before_id if before_id is not None else 2**62, limit],
        )
    )


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
