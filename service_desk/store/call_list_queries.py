"""Read-only queries behind the daily call list (R2): vehicles to consider with their owner,
last visit and last maintenance; every odometer reading; the work customers declined. The
contacts logged (R3) come from store/contact_queries.for_call_list.

Each is one query over the whole archive (thousands of vehicles), grouped in Python by the
caller; none runs per vehicle. Dates are the local date of the stored ISO time (its first
ten characters).
"""

from __future__ import annotations

from collections import defaultdict

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


def call_candidates(db: sqlite_utils.Database) -> list[Row]:
    """Every vehicle not in the shop and without an open appointment, with its owner's name
    and phones, the schedule fields, the last visit (local date of its latest order, voided
    ones aside; ``last_order_at`` the time that order was opened), the last maintenance
    (date and odometer of its latest serviced maintenance order), when the owner's
    record was last updated (``customer_updated_at``) and how many of the owner's
    complaints wait for the counter's answer (``complaints_waiting``: open or escalated)."""
    return list(
        db.query(
            f"""WITH visits AS (
                    SELECT vehicle_id, max(substr(created_at, 1, 10)) AS last_visit,
                           max(created_at) AS last_order_at
                    FROM repair_orders WHERE state <> 'void' GROUP BY vehicle_id
                ),
                services AS (
                    SELECT vehicle_id, max(coalesce(signed_at, created_at)) AS at,
                           odometer_in AS km
                    FROM repair_orders
                    WHERE repair_category = 'maintenance' AND state IN {_in(SERVICED)}
                    GROUP BY vehicle_id
                )
                SELECT v.id AS vehicle_id, v.plate, v.model_code, v.purchase_date,
                       v.cycle_km, v.cycle_months, v.next_due_date, v.next_due_km,
                       c.id AS customer_id, c.name AS customer_name, c.phone, c.phone2,
                       c.preferred_contact, c.updated_at AS customer_updated_at,
                       visits.last_visit, visits.last_order_at,
                       (SELECT count(*) FROM complaints k WHERE k.customer_id = c.id
                          AND k.state IN ('open', 'escalated')) AS complaints_waiting,
                       substr(services.at, 1, 10) AS last_service_date,
                       services.km AS last_service_km
                FROM vehicles v
                JOIN customers c ON c.id = v.owner_id
                LEFT JOIN visits ON visits.vehicle_id = v.id
                LEFT JOIN services ON services.vehicle_id = v.id
                WHERE NOT EXISTS (SELECT 1 FROM repair_orders o
                                  WHERE o.vehicle_id = v.id AND o.state IN {_in(IN_SHOP)})
                  AND NOT EXISTS (SELECT 1 FROM appointments a
                                  WHERE a.vehicle_id = v.id
                                    AND a.state IN {_in(OPEN_APPOINTMENT)})
                ORDER BY v.id"""
        )
    )


def readings_by_vehicle(db: sqlite_utils.Database) -> dict[int, list[tuple[str, int]]]:
    """Every odometer reading as (local date, km), per vehicle, in the order recorded."""
    grouped: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for vehicle_id, day, km in db.execute(
        "SELECT vehicle_id, substr(at, 1, 10), km FROM odometer_readings ORDER BY vehicle_id, id"
    ):
        grouped[vehicle_id].append((day, km))
    return dict(grouped)


def declined_by_vehicle(db: sqlite_utils.Database, since: str) -> dict[int, list[Row]]:
    """Work declined on or after the local date `since`, per vehicle, newest first: the
    extra-work items the customer declined (with their total) and the active estimate lines
    of orders the customer declined (state declined, or closed after declining)."""
    rows = db.query(
        """SELECT o.vehicle_id, 'extra_work' AS source, x.description,
                  (SELECT coalesce(sum(amount_fen), 0) FROM extra_work_items
                   WHERE extra_work_id = x.id) AS amount_fen,
                  substr(x.answer_at, 1, 10) AS day, o.number AS order_number, x.id AS ord
           FROM extra_work x JOIN repair_orders o ON o.id = x.order_id
           WHERE x.state = 'declined' AND substr(x.answer_at, 1, 10) >= :since
           UNION ALL
           SELECT o.vehicle_id, 'estimate', l.description, l.amount_fen,
                  substr(o.declined_at, 1, 10), o.number, l.id
           FROM order_lines l JOIN repair_orders o ON o.id = l.order_id
           WHERE o.declined_at IS NOT NULL AND o.state IN ('declined', 'closed')
             AND l.status = 'active' AND substr(o.declined_at, 1, 10) >= :since
           ORDER BY 1, day DESC, source, ord""",
        {"since": since},
    )
    grouped: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        grouped[r["vehicle_id"]].append(r)
    return dict(grouped)
