"""Read-only queries of the warranty desk (R19): orders to claim, claims, and what the
first-service list needs (every vehicle with its owner, its first maintenance order and
the order it is in the shop for). Each is one query over the whole archive; none runs per
vehicle. Dates are the local date of the stored ISO time (its first ten characters)."""

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
            f"""WITH w AS (
                    SELECT order_id, sum(amount_fen) AS warranty_fen FROM order_lines
                     WHERE payer = 'warranty' AND status = 'active' GROUP BY order_id)
                SELECT o.id, o.id AS order_id, o.number, o.state, o.vehicle_id, v.plate,
                       v.model_code, c.id AS customer_id, c.name AS customer_name, c.phone,
                       w.warranty_fen,
                       coalesce(r.released_at, s.settled_at, o.updated_at) AS finished_at,
                       (SELECT count(*) FROM warranty_claims k
                         WHERE k.order_id = o.id AND k.state = 'rejected') AS rejected_claims
                  FROM w JOIN repair_orders o ON o.id = w.order_id
                  JOIN vehicles v ON v.id = o.vehicle_id
                  JOIN customers c ON c.id = o.customer_id
                  LEFT JOIN settlements s ON s.order_id = o.id
                  LEFT JOIN releases r ON r.order_id = o.id
                 WHERE o.state IN {_in(CLAIMABLE_ORDER_STATES)} AND w.warranty_fen > 0
                   AND NOT EXISTS (SELECT 1 FROM warranty_claims k
                                    WHERE k.order_id = o.id AND k.state <> 'rejected')
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


def first_service_candidates(db: sqlite_utils.Database) -> list[Row]:
    """Every vehicle with its owner (name, phones), purchase date and model, its first
    maintenance order (settled, released or done, on or after the purchase date: id,
    number, local date, odometer in) and the number of an order it is in the shop for."""
    return list(
        db.query(
            f"""WITH firsts AS (
                    SELECT o.vehicle_id, o.id AS order_id, o.number,
                           coalesce(o.signed_at, o.created_at) AS at, o.odometer_in AS km,
                           row_number() OVER (PARTITION BY o.vehicle_id
                               ORDER BY coalesce(o.signed_at, o.created_at), o.id) AS n
                      FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
                     WHERE o.repair_category = 'maintenance' AND o.state IN {_in(SERVICED)}
                       AND (v.purchase_date IS NULL OR substr(coalesce(o.signed_at,
                            o.created_at), 1, 10) >= v.purchase_date)
                ),
                in_shop AS (
                    SELECT vehicle_id, min(number) AS number FROM repair_orders
                     WHERE state IN {_in(IN_SHOP)} GROUP BY vehicle_id
                )
                SELECT v.id AS vehicle_id, v.plate, v.model_code, v.purchase_date,
                       c.id AS customer_id, c.name AS customer_name, c.phone, c.phone2,
                       f.order_id AS first_order_id, f.number AS first_number,
                       substr(f.at, 1, 10) AS first_day, f.km AS first_order_km,
                       in_shop.number AS open_order
                  FROM vehicles v JOIN customers c ON c.id = v.owner_id
                  LEFT JOIN firsts f ON f.vehicle_id = v.id AND f.n = 1
                  LEFT JOIN in_shop ON in_shop.vehicle_id = v.id
                 ORDER BY v.id"""
        )
    )
