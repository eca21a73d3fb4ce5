"""Read-only queries of the warranty desk (R19): orders to claim, claims, and what the
first-service list needs (the young cars with their owner, their first maintenance order
and the order they are in the shop for). Each is one query; none runs per vehicle, none
reads more of the archive than its list can show. Dates are the local date of the stored
ISO time (its first ten characters)."""

from __future__ import annotations

import sqlite_utils

from service_desk.domain.warranty import CLAIMABLE_ORDER_STATES
from service_desk.domain.warranty import OPEN_STATES as OPEN
from service_desk.store.call_list_queries import IN_SHOP
from service_desk.store.queries import Row

# A first service counts once the car was serviced (the bill settled).
SERVICED = ("settled", "released", "done")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_CLAIM = """SELECT k.*, o.number AS order_number, o.state AS order_state, o.vehicle_id,
                   v.plate, v.model_code, c.id AS customer_id, c.name AS customer_name,
                   c.phone, sb.name AS submitted_by_name, ab.name AS approved_by_name,
                   rb.name AS rejected_by_name, pb.name AS paid_by_name,
                   r.claim_number AS refiles_number
              FROM warranty_claims k
              JOIN repair_orders o ON o.id = k.order_id
              JOIN vehicles v ON v.id = o.vehicle_id
              JOIN customers c ON c.id = o.customer_id
              JOIN staff sb ON sb.id = k.submitted_by
              LEFT JOIN staff ab ON ab.id = k.approved_by
              LEFT JOIN staff rb ON rb.id = k.rejected_by
              LEFT JOIN staff pb ON pb.id = k.paid_by
              LEFT JOIN warranty_claims r ON r.id = k.refiles"""


def warranty_lines_fen(db: sqlite_utils.Database, order_id: int) -> int:
    """The total of the order's active lines the manufacturer pays."""
    return int(
        db.execute(
            "SELECT coalesce(sum(amount_fen), 0) FROM order_lines "
            "WHERE order_id = ? AND status = 'active' AND payer = 'warranty'",
            [order_id],
        ).fetchone()[0]
    )


def orders_to_claim(db: sqlite_utils.Database) -> list[Row]:
    """Settled, released or done orders with warranty lines and no live claim, finished
    first first: order, car, customer, the warranty total, when the order was finished
    (released, else settled, else its last change) and its claims rejected so far."""
    return list(
        db.query(
            # the warranty lines alone (lines_warranty, migration 021); the orders with a
            # live claim (nearly all once claimed) are left before anything is joined
            f"""WITH w AS (
                    SELECT order_id, sum(amount_fen) AS warranty_fen FROM order_lines
                     WHERE payer = 'warranty' AND status = 'active' GROUP BY order_id),
                todo AS (
                    SELECT order_id, warranty_fen FROM w WHERE warranty_fen > 0
                       AND NOT EXISTS (SELECT 1 FROM warranty_claims k
                                        WHERE k.order_id = w.order_id AND k.state <> 'rejected'))
                SELECT o.id, o.id AS order_id, o.number, o.state, o.vehicle_id, v.plate,
                       v.model_code, c.id AS customer_id, c.name AS customer_name, c.phone,
                       todo.warranty_fen,
                       coalesce(r.released_at, s.settled_at, o.updated_at) AS finished_at,
                       (SELECT count(*) FROM warranty_claims k
                         WHERE k.order_id = o.id AND k.state = 'rejected') AS rejected_claims
                  FROM todo JOIN repair_orders o ON o.id = todo.order_id
                  JOIN vehicles v ON v.id = o.vehicle_id
                  JOIN customers c ON c.id = o.customer_id
                  LEFT JOIN settlements s ON s.order_id = o.id
                  LEFT JOIN releases r ON r.order_id = o.id
                 WHERE o.state IN {_in(CLAIMABLE_ORDER_STATES)}
                 ORDER BY finished_at, o.id"""
        )
    )


def claim(db: sqlite_utils.Database, claim_id: int) -> Row | None:
    rows = list(db.query(_CLAIM + " WHERE k.id = ?", [claim_id]))
    return rows[0] if rows else None


def claim_by_number(db: sqlite_utils.Database, number: str) -> Row | None:
    rows = list(db.query(_CLAIM + " WHERE k.claim_number = ?", [number]))
    return rows[0] if rows else None


def claims_of_order(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    return list(db.query(_CLAIM + " WHERE k.order_id = ? ORDER BY k.id", [order_id]))


def live_claim(db: sqlite_utils.Database, order_id: int) -> Row | None:
    rows = list(db.query(_CLAIM + " WHERE k.order_id = ? AND k.state <> 'rejected'", [order_id]))
    return rows[0] if rows else None


def last_rejected_id(db: sqlite_utils.Database, order_id: int) -> int | None:
    value = db.execute(
        "SELECT max(id) FROM warranty_claims WHERE order_id = ? AND state = 'rejected'",
        [order_id],
    ).fetchone()[0]
    return None if value is None else int(value)


def open_claims(db: sqlite_utils.Database) -> list[Row]:
    """Claims submitted or approved and not yet paid, oldest filed first."""
    return list(
        db.query(
            _CLAIM + f" WHERE k.state IN {_in(OPEN)} ORDER BY k.submitted_at, k.id",
        )
    )


def claims_for_figures(db: sqlite_utils.Database, since: str) -> list[Row]:
    """Every open claim, and every claim with a step on or after the local date ``since``
    (its latest step is the last of submitted, approved or rejected, paid)."""
    return list(
        db.query(
            f"""SELECT state, claimed_fen, approved_fen, paid_fen, submitted_at, approved_at,
                       rejected_at, paid_at FROM warranty_claims
                 WHERE state IN {_in(OPEN)}
                    OR substr(coalesce(paid_at, rejected_at, approved_at, submitted_at), 1, 10)
                       >= ?
                 ORDER BY id""",
            [since],
        )
    )


def first_service_candidates(db: sqlite_utils.Database, purchased_since: str) -> list[Row]:
    """The vehicles bought on or after ``purchased_since`` (an ISO date) or with no purchase
    date, with their owner (name, phones), purchase date and model, their first
    maintenance order (settled, released or done, on or after the purchase date: id,
    number, local date, odometer in) and the number of an order they are in the shop for.
    Only those cars: an older one is past its first service (vehicles_purchase)."""
    return list(
        db.query(
            f"""WITH cars AS (
                    SELECT id, purchase_date FROM vehicles
                     WHERE purchase_date >= :since OR purchase_date IS NULL
                ),
                firsts AS (
                    SELECT o.vehicle_id, o.id AS order_id, o.number,
                           coalesce(o.signed_at, o.created_at) AS at, o.odometer_in AS km,
                           row_number() OVER (PARTITION BY o.vehicle_id
                               ORDER BY coalesce(o.signed_at, o.created_at), o.id) AS n
                      FROM cars JOIN repair_orders o ON o.vehicle_id = cars.id
                     WHERE +o.repair_category = 'maintenance' AND +o.state IN {_in(SERVICED)}
                       AND (cars.purchase_date IS NULL OR substr(coalesce(o.signed_at,
                            o.created_at), 1, 10) >= cars.purchase_date)
                )
                SELECT v.id AS vehicle_id, v.plate, v.model_code, v.purchase_date,
                       c.id AS customer_id, c.name AS customer_name, c.phone, c.phone2,
                       f.order_id AS first_order_id, f.number AS first_number,
                       substr(f.at, 1, 10) AS first_day, f.km AS first_order_km,
                       (SELECT min(number) FROM repair_orders o WHERE o.vehicle_id = v.id
                          AND o.state IN {_in(IN_SHOP)}) AS open_order
                  FROM cars CROSS JOIN vehicles v ON v.id = cars.id  -- the young cars first
                  JOIN customers c ON c.id = v.owner_id
                  LEFT JOIN firsts f ON f.vehicle_id = v.id AND f.n = 1
                 ORDER BY v.id""",
            {"since": purchased_since},
        )
    )
