"""Read-only queries of appointments (R17). Writes go through service_desk.actions.appointments."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one

_APPOINTMENT = """SELECT a.*, v.plate, v.model_code, v.vin, c.name AS customer_name,
       c.phone AS customer_phone, s.name AS booked_by_name, o.number AS order_number,
       coalesce((SELECT sum(d.amount_fen) FROM appointment_deposits d
                 WHERE d.appointment_id = a.id), 0) AS deposit_paid_fen,
       coalesce((SELECT sum(d.amount_fen) FROM appointment_credits k
                 JOIN appointment_deposits d ON d.id = k.deposit_id
                 WHERE k.appointment_id = a.id), 0) AS deposit_credited_fen
  FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
  JOIN customers c ON c.id = a.customer_id JOIN staff s ON s.id = a.booked_by
  LEFT JOIN repair_orders o ON o.id = a.order_id"""


def appointment(db: sqlite_utils.Database, appointment_id: int) -> Row | None:
    return one(db, f"{_APPOINTMENT} WHERE a.id = ?", [appointment_id])


def of_day(db: sqlite_utils.Database, day: str) -> list[Row]:
    """Every appointment of a day (ISO date), by slot, cancelled ones too."""
    return list(db.query(f"{_APPOINTMENT} WHERE a.day = ? ORDER BY a.slot_start, a.id", [day]))


def places_taken(db: sqlite_utils.Database, day: str) -> int:
    """Appointments that hold a place in the workshop that day (not cancelled or missed)."""
    return db.execute(
        "SELECT count(*) FROM appointments WHERE day = ? "
        "AND state IN ('booked', 'reminded', 'arrived')",
        [day],
    ).fetchone()[0]


def open_between(db: sqlite_utils.Database, first_day: str, last_day: str) -> list[Row]:
    """Appointments still expected (booked or reminded) on these days, by slot."""
    return list(
        db.query(
            f"{_APPOINTMENT} WHERE a.day BETWEEN ? AND ? AND a.state IN ('booked', 'reminded') "
            "ORDER BY a.slot_start, a.id",
            [first_day, last_day],
        )
    )


def open_of_vehicle(db: sqlite_utils.Database, vehicle_id: int, day: str) -> Row | None:
    return one(
        db,
        "SELECT id FROM appointments WHERE vehicle_id = ? AND day = ? "
        "AND state IN ('booked', 'reminded')",
        [vehicle_id, day],
    )


def deposits(db: sqlite_utils.Database, appointment_id: int) -> list[Row]:
    return list(
        db.query(
            """SELECT d.*, s.name AS staff_name, k.payment_id AS credited_payment_id
                 FROM appointment_deposits d JOIN staff s ON s.id = d.staff_id
                 LEFT JOIN appointment_credits k ON k.deposit_id = d.id
                WHERE d.appointment_id = ? ORDER BY d.id""",
            [appointment_id],
        )
    )


def of_order(db: sqlite_utils.Database, order_id: int) -> Row | None:
    """The appointment an order came from, if any."""
    return one(db, f"{_APPOINTMENT} WHERE a.order_id = ?", [order_id])


def states_between(db: sqlite_utils.Database, first_day: str, last_day: str) -> list[Row]:
    """(day, state) of each appointment for these days (the statistics)."""
    return list(
        db.query(
            "SELECT day, state FROM appointments WHERE day BETWEEN ? AND ? ORDER BY day, id",
            [first_day, last_day],
        )
    )


def statistics_rows(db: sqlite_utils.Database, first_day: str, last_day: str) -> list[Row]:
    """Each appointment for these days with what the statistics table groups it by: its
    day, state, who asked for it and the advisor who booked it."""
    return list(
        db.query(
            "SELECT a.day, a.state, a.requested_by, s.name AS booked_by_name"
            " FROM appointments a JOIN staff s ON s.id = a.booked_by"
            " WHERE a.day BETWEEN ? AND ? ORDER BY a.day, a.id",
            [first_day, last_day],
        )
    )
