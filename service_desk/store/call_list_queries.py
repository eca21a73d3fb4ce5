"""Read-only queries behind the daily call list (R2) and the cached due of each car.

The call list reads the cars whose cached due day (table service_due, migration 021) falls
in its range, plus the few cars given by id (declined work, call backs, campaigns), with
their owner and last visit; never the whole archive. The cache itself is recomputed for
the cars the triggers marked stale (``stale_due``, ``due_inputs``, ``readings_of``,
``save_due``). The contacts logged (R3) come from store/contact_queries.for_call_list.
Dates are the local date of the stored ISO time (its first ten characters).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator

import sqlite_utils

from service_desk.domain.lifecycle import STATES, TERMINAL
from service_desk.store.queries import Row

# The car is at the dealer (or its order still needs the counter): not to be called.
IN_SHOP = tuple(s for s in STATES if s not in TERMINAL and s not in ("declined", "released"))
# The car has been serviced: the order's maintenance counts as done.
SERVICED = ("settled", "released", "done")
OPEN_APPOINTMENT = ("booked", "reminded")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _ids(ids) -> str:
    return json.dumps(sorted({int(i) for i in ids}))


# --- the cached due of each car (service_due, migration 021) -------------------------------


def due_rules(db: sqlite_utils.Database) -> str | None:
    row = db.execute("SELECT version FROM service_due_rules WHERE id = 1").fetchone()
    return row[0] if row else None


def start_due_rules(db: sqlite_utils.Database, version: str) -> None:
    """Every cached due is to be recomputed with the rules of ``version``."""
    db.execute("UPDATE service_due SET stale = 1 WHERE stale = 0")
    db.execute(
        "INSERT INTO service_due_rules (id, version) VALUES (1, ?)"
        " ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        [version],
    )


def stale_due(db: sqlite_utils.Database, today: str) -> list[int]:
    """Cars whose cached due is to be recomputed: marked stale, or following the
    calendar and computed another day than ``today``."""
    return [
        r[0]
        for r in db.execute(
            """SELECT vehicle_id FROM service_due WHERE stale = 1
               UNION SELECT vehicle_id FROM service_due
                      WHERE follows_today = 1 AND computed_on IS NOT ?""",
            [today],
        )
    ]


def stale_among(db: sqlite_utils.Database, ids, today: str) -> list[int]:
    """Those of these cars whose cached due is still to be recomputed on ``today``."""
    return [
        r[0]
        for r in db.execute(
            """SELECT vehicle_id FROM service_due
               WHERE vehicle_id IN (SELECT value FROM json_each(?))
                 AND (stale = 1 OR (follows_today = 1 AND computed_on IS NOT ?))
               ORDER BY vehicle_id""",
            [_ids(ids), today],
        )
    ]


def due_inputs(db: sqlite_utils.Database, ids) -> list[Row]:
    """What the prediction of these cars reads (service_due.predict): the model, the
    schedule fields and the last maintenance (date and odometer of its latest serviced
    maintenance order)."""
    return list(
        db.query(
            # "+" keeps the planner on the orders of these cars (orders_vehicle), not on
            # every serviced order of the archive (orders_state)
            f"""WITH services AS (
                    SELECT vehicle_id, max(coalesce(signed_at, created_at)) AS at,
                           odometer_in AS km
                    FROM repair_orders
                    WHERE vehicle_id IN (SELECT value FROM json_each(:ids))
                      AND +repair_category = 'maintenance' AND +state IN {_in(SERVICED)}
                    GROUP BY vehicle_id
                )
                SELECT v.id AS vehicle_id, v.model_code, v.purchase_date, v.cycle_km,
                       v.cycle_months, v.next_due_date, v.next_due_km,
                       substr(services.at, 1, 10) AS last_service_date,
                       services.km AS last_service_km
                FROM vehicles v LEFT JOIN services ON services.vehicle_id = v.id
                WHERE v.id IN (SELECT value FROM json_each(:ids)) ORDER BY v.id""",
            {"ids": _ids(ids)},
        )
    )


def readings_of(db: sqlite_utils.Database, ids) -> dict[int, list[tuple[str, int]]]:
    """The odometer readings of these cars as (local date, km), in the order recorded."""
    grouped: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for vehicle_id, day, km in db.execute(
        """SELECT vehicle_id, substr(at, 1, 10), km FROM odometer_readings
           WHERE vehicle_id IN (SELECT value FROM json_each(?)) ORDER BY vehicle_id, id""",
        [_ids(ids)],
    ):
        grouped[vehicle_id].append((day, km))
    return dict(grouped)


DUE_COLUMNS = (
    "due_date",
    "due_km",
    "km_date",
    "due_day",
    "km_per_day",
    "rate_basis",
    "last_day",
    "last_km",
    "follows_today",
    "computed_on",
)


def save_due(db: sqlite_utils.Database, rows: list[tuple]) -> None:
    """Store computed dues: each row the DUE_COLUMNS values, then the vehicle id. The rows
    go to a temporary table of this connection first (no lock on the database file), then
    into service_due in one statement: the database's write lock is held for that one
    statement, not for a thousand (the counter may be writing from another thread)."""
    columns = ", ".join(DUE_COLUMNS)
    db.execute(
        f"""CREATE TEMP TABLE IF NOT EXISTS due_computed
            ({columns}, vehicle_id INTEGER PRIMARY KEY)"""
    )
    marks = ", ".join("?" for _ in range(len(DUE_COLUMNS) + 1))
    db.conn.executemany(
        f"INSERT OR REPLACE INTO temp.due_computed ({columns}, vehicle_id) VALUES ({marks})",
        rows,
    )
    db.execute(
        f"""UPDATE main.service_due SET stale = 0, ({columns}) = (
                SELECT {columns} FROM temp.due_computed AS computed
                WHERE computed.vehicle_id = service_due.vehicle_id)
            WHERE vehicle_id IN (SELECT vehicle_id FROM temp.due_computed)"""
    )
    db.execute("DELETE FROM temp.due_computed")


# --- the call list -----------------------------------------------------------------------


def call_candidates(
    db: sqlite_utils.Database, due_from: str, due_to: str, extra_ids=()
) -> Iterator[sqlite3.Row]:
    """The cars whose cached due day is from ``due_from`` to ``due_to`` (ISO dates) and the
    cars ``extra_ids``, when not in the shop and without an open appointment, by id: with
    their owner's name and phones, the cached due (DUE_COLUMNS), the last visit (local
    date of its latest order, voided ones aside; ``last_order_at`` the time that order was
    opened), when the owner's record was last updated (``customer_updated_at``) and how
    many of the owner's complaints wait for the counter's answer (``complaints_waiting``:
    open or escalated). The cached dues are to be fresh (service_due.refresh). The rows
    come as the caller reads them (thousands on ten years of data: never all held)."""
    due = ", ".join(f"d.{c}" for c in DUE_COLUMNS)
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row  # rows read by name, cheaper than dicts by thousands
    return iter(
        cursor.execute(
            f"""WITH picked(id) AS (
                    SELECT vehicle_id FROM service_due WHERE due_day BETWEEN :due_from AND :due_to
                    UNION SELECT value FROM json_each(:extra)
                )
                SELECT v.id AS vehicle_id, v.plate, v.model_code,
                       c.id AS customer_id, c.name AS customer_name, c.phone, c.phone2,
                       c.preferred_contact, c.updated_at AS customer_updated_at,
                       (SELECT max(substr(o.created_at, 1, 10)) FROM repair_orders o
                         WHERE o.vehicle_id = v.id AND o.state <> 'void') AS last_visit,
                       (SELECT max(o.created_at) FROM repair_orders o
                         WHERE o.vehicle_id = v.id AND o.state <> 'void') AS last_order_at,
                       (SELECT count(*) FROM complaints k WHERE k.customer_id = c.id
                          AND k.state IN ('open', 'escalated')) AS complaints_waiting,
                       {due}
                FROM picked
                JOIN vehicles v ON v.id = picked.id
                JOIN customers c ON c.id = v.owner_id
                JOIN service_due d ON d.vehicle_id = v.id
                WHERE NOT EXISTS (SELECT 1 FROM repair_orders o
                                  WHERE o.vehicle_id = v.id AND o.state IN {_in(IN_SHOP)})
                  AND NOT EXISTS (SELECT 1 FROM appointments a
                                  WHERE a.vehicle_id = v.id
                                    AND a.state IN {_in(OPEN_APPOINTMENT)})
                ORDER BY v.id""",
            {"due_from": due_from, "due_to": due_to, "extra": _ids(extra_ids)},
        )
    )


def vehicles_of_customers(db: sqlite_utils.Database, customer_ids) -> list[int]:
    """The cars these customers own now."""
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM vehicles WHERE owner_id IN (SELECT value FROM json_each(?))",
            [_ids(customer_ids)],
        )
    ]


def readings_by_vehicle(db: sqlite_utils.Database) -> dict[int, list[tuple[str, int]]]:
    """Every odometer reading as (local date, km), per vehicle, in the order recorded."""
    grouped: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for vehicle_id, day, km in db.execute(
        "SELECT vehicle_id, substr(at, 1, 10), km FROM odometer_readings ORDER BY vehicle_id, id"
    ):
        grouped[vehicle_id].append((day, km))
    return dict(grouped)


def declined_by_vehicle(db: sqlite_utils.Database, since: str) -> dict[int, list[sqlite3.Row]]:
    """Work declined on or after the local date `since`, per vehicle, newest first: the
    extra-work items the customer declined (with their total) and the active estimate lines
    of orders the customer declined (state declined, or closed after declining; by the day
    they were declined, orders_declined). An ISO time is on or after the date ``since``
    exactly when its first ten characters are. Rows read by name (sqlite3.Row: ten years
    give ~12,000 of them, lighter than dicts)."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    rows = cursor.execute(
        """SELECT o.vehicle_id, 'extra_work' AS source, x.description,
                  (SELECT coalesce(sum(amount_fen), 0) FROM extra_work_items
                   WHERE extra_work_id = x.id) AS amount_fen,
                  substr(x.answer_at, 1, 10) AS day, o.number AS order_number, x.id AS ord
           FROM extra_work x JOIN repair_orders o ON o.id = x.order_id
           WHERE x.state = 'declined' AND substr(x.answer_at, 1, 10) >= :since
           UNION ALL
           SELECT o.vehicle_id, 'estimate', l.description, l.amount_fen,
                  substr(o.declined_at, 1, 10), o.number, l.id
           FROM repair_orders o INDEXED BY orders_declined
           CROSS JOIN order_lines l ON l.order_id = o.id
           WHERE o.declined_at >= :since AND +o.state IN ('declined', 'closed')
             AND l.status = 'active'
           ORDER BY 1, day DESC, source, ord""",
        {"since": since},
    )
    grouped: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for r in rows:
        grouped[r["vehicle_id"]].append(r)
    return dict(grouped)
