"""Schema of migration 014: appointments (预约维修服务, R17) and their printed forms.

- appointments: a car booked for an exact slot (start and end, ISO-8601 with offset; ``day``
  is the slot's local date, the first ten characters of its start), asked for by the
  customer or proposed by the dealer, with what is to be done (standard jobs as a JSON
  array of codes, and the request in words), the estimated price of the parts and whether
  they must be ordered (then the deposit asked is at least half of it, rounded up to the
  fen), and its state: booked -> reminded -> arrived | missed | cancelled (booked may skip
  the reminder). An arrival records the repair order it became; a cancellation its reason.
  What was booked is never rewritten (a new time is a new appointment); the state moves
  only forward, once, with who and when.
- appointment_deposits: the deposit taken for an appointment (cash, bank card, WeChat
  Pay, Alipay, transfer), several allowed; append-only.
- appointment_credits: each deposit credited, once, to the order its appointment became,
  as a payment of that order (payments.id) at the checkout; append-only.
- print_log accepts the appointment form 预约单 'appointment' and the workshop's bay list
  车间预约工位表 'bay_list' (rebuilt as in 003).

The vocabularies below are frozen copies of domain/appointments.py and
domain/settlement.py as of this migration.
"""

from service_desk.store import schema_v3, schema_v12

REQUESTED_BY = ("customer", "dealer")
STATES = ("booked", "reminded", "arrived", "missed", "cancelled")
METHODS = ("cash", "card", "wechat", "alipay", "transfer")
ITEMS_MAX = 2000
REASON_MAX = 200

FORM_KINDS = (*schema_v12.FORM_KINDS, "appointment", "bay_list")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_FEN = "BETWEEN 0 AND 100000000000"

STATEMENTS = [
    f"""CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        requested_by TEXT NOT NULL CHECK (requested_by IN {_in(REQUESTED_BY)}),
        slot_start TEXT NOT NULL CHECK (julianday(slot_start) IS NOT NULL),
        slot_end TEXT NOT NULL CHECK (julianday(slot_end) IS NOT NULL),
        day TEXT NOT NULL CHECK (day = substr(slot_start, 1, 10)
                                 AND date(day, '+0 days') IS day),
        jobs TEXT NOT NULL DEFAULT '[]'
            CHECK (json_valid(jobs) AND json_type(jobs) = 'array'),
        items TEXT NOT NULL CHECK (length(trim(items)) BETWEEN 1 AND {ITEMS_MAX}),
        parts_to_order INTEGER NOT NULL DEFAULT 0 CHECK (parts_to_order IN (0, 1)),
        parts_estimate_fen INTEGER NOT NULL DEFAULT 0 CHECK (parts_estimate_fen {_FEN}),
        deposit_required_fen INTEGER NOT NULL DEFAULT 0 CHECK (deposit_required_fen {_FEN}),
        state TEXT NOT NULL DEFAULT 'booked' CHECK (state IN {_in(STATES)}),
        order_id INTEGER UNIQUE REFERENCES repair_orders(id),
        cancel_reason TEXT NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= {REASON_MAX}),
        booked_by INTEGER NOT NULL REFERENCES staff(id),
        booked_at TEXT NOT NULL,
        reminded_by INTEGER REFERENCES staff(id),
        reminded_at TEXT,
        ended_by INTEGER REFERENCES staff(id),
        ended_at TEXT,
        CHECK (julianday(slot_end) > julianday(slot_start)),
        CHECK (parts_to_order = 0 OR deposit_required_fen * 2 >= parts_estimate_fen),
        CHECK ((state = 'arrived') = (order_id IS NOT NULL)),
        CHECK ((state = 'cancelled') = (length(trim(cancel_reason)) > 0)),
        CHECK ((reminded_by IS NULL) = (reminded_at IS NULL)),
        CHECK (state <> 'reminded' OR reminded_at IS NOT NULL),
        CHECK ((ended_by IS NULL) = (ended_at IS NULL)),
        CHECK ((state IN ('arrived', 'missed', 'cancelled')) = (ended_at IS NOT NULL))
    )""",
    "CREATE INDEX appointments_day ON appointments(day, slot_start)",
    "CREATE INDEX appointments_vehicle ON appointments(vehicle_id, slot_start)",
    """CREATE TRIGGER appointments_booked_on_time BEFORE INSERT ON appointments
       WHEN NEW.state <> 'booked' OR NEW.order_id IS NOT NULL OR NEW.reminded_at IS NOT NULL
            OR NEW.ended_at IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'an appointment starts as booked'); END""",
    # What was booked stays as booked; a reminder and an ending are written once.
    """CREATE TRIGGER appointments_kept BEFORE UPDATE ON appointments
       WHEN NEW.customer_id IS NOT OLD.customer_id OR NEW.vehicle_id IS NOT OLD.vehicle_id
            OR NEW.requested_by IS NOT OLD.requested_by
            OR NEW.slot_start IS NOT OLD.slot_start OR NEW.slot_end IS NOT OLD.slot_end
            OR NEW.day IS NOT OLD.day OR NEW.jobs IS NOT OLD.jobs OR NEW.items IS NOT OLD.items
            OR NEW.parts_to_order IS NOT OLD.parts_to_order
            OR NEW.parts_estimate_fen IS NOT OLD.parts_estimate_fen
            OR NEW.deposit_required_fen IS NOT OLD.deposit_required_fen
            OR NEW.booked_by IS NOT OLD.booked_by OR NEW.booked_at IS NOT OLD.booked_at
            OR (OLD.reminded_at IS NOT NULL AND (NEW.reminded_at IS NOT OLD.reminded_at
                                                 OR NEW.reminded_by IS NOT OLD.reminded_by))
       BEGIN SELECT RAISE(ABORT, 'an appointment keeps what was booked'); END""",
    # The state machine: booked -> reminded | arrived | missed | cancelled;
    # reminded -> arrived | missed | cancelled; the last three are final.
    """CREATE TRIGGER appointments_moves BEFORE UPDATE ON appointments
       WHEN NOT ((OLD.state = 'booked'
                  AND NEW.state IN ('reminded', 'arrived', 'missed', 'cancelled'))
                 OR (OLD.state = 'reminded' AND NEW.state IN ('arrived', 'missed', 'cancelled')))
       BEGIN SELECT RAISE(ABORT, 'illegal appointment move'); END""",
    f"""CREATE TABLE appointment_deposits (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        method TEXT NOT NULL CHECK (method IN {_in(METHODS)}),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 100000000000),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 100)
    )""",
    "CREATE INDEX appointment_deposits_appointment ON appointment_deposits(appointment_id, id)",
    """CREATE TABLE appointment_credits (
        id INTEGER PRIMARY KEY,
        deposit_id INTEGER NOT NULL UNIQUE REFERENCES appointment_deposits(id),
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        payment_id INTEGER NOT NULL UNIQUE REFERENCES payments(id),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id)
    )""",
    """CREATE TRIGGER appointment_credits_own_order BEFORE INSERT ON appointment_credits
       WHEN NEW.order_id IS NOT (SELECT order_id FROM appointments WHERE id = NEW.appointment_id)
         OR NEW.appointment_id IS NOT (SELECT appointment_id FROM appointment_deposits
                                       WHERE id = NEW.deposit_id)
       BEGIN SELECT RAISE(ABORT, 'a deposit is credited to the order its appointment became');
       END""",
    "CREATE TRIGGER appointments_no_delete BEFORE DELETE ON appointments "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
]

for _table in ("appointment_deposits", "appointment_credits"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_update BEFORE UPDATE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, '{_table} is append-only'); END"
    )
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )

STATEMENTS += schema_v3.rebuild(FORM_KINDS, "print_log_v13")
