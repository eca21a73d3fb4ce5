"""Schema of migration 007: the workshop steps of an order (R10, R12, R13).

- handoffs: the car goes to the workshop, once per order: single-team work assigned by the
  advisor to a team, or multi-team work put in the workshop supervisor's queue; the
  planned working time, the washing step (washed_at, if the car was washed first), who
  in the workshop received it and when (rounded to ten minutes, as the counter writes
  it), and which staff member recorded it. Never rewritten.
- progress_checks: the check due at 70-80 % of the planned duration, one per order:
  when it was due, when the desk first raised it (set once), then what the workshop
  said (expected completion, any problem and the action taken) and, when the promised
  time moved, the new promise and how the customer was told. Written forward only.
- pickup_ready: the workshop handed the car back: the final clean-up checklist (all
  four items ticked), the workshop's and parts bills collected, the cashier's total and
  how the customer was notified. Never rewritten.

The vocabularies below are frozen copies of actions/workshop.py as of this migration.
Nothing is ever deleted.
"""

MODES = ("single_team", "supervisor_queue")
CHANNELS = ("phone", "wechat", "sms", "in_person")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _tick(col: str) -> str:
    return f"{col} INTEGER NOT NULL CHECK ({col} = 1)"


STATEMENTS = [
    f"""CREATE TABLE handoffs (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        mode TEXT NOT NULL CHECK (mode IN {_in(MODES)}),
        team TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 60),
        planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 1 AND 43200),
        washed_at TEXT,
        receiver_name TEXT NOT NULL CHECK (length(trim(receiver_name)) BETWEEN 1 AND 60),
        handed_at TEXT NOT NULL CHECK (substr(handed_at, 16, 4) = '0:00'),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        recorded_at TEXT NOT NULL,
        CHECK (mode <> 'single_team' OR length(trim(team)) > 0)
    )""",
    """CREATE TRIGGER handoffs_kept BEFORE UPDATE ON handoffs
       BEGIN SELECT RAISE(ABORT, 'a hand-off is never rewritten'); END""",
    f"""CREATE TABLE progress_checks (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        due_at TEXT NOT NULL,
        raised_at TEXT,
        raised_by INTEGER REFERENCES staff(id),
        checked_at TEXT,
        checked_by INTEGER REFERENCES staff(id),
        expected_done_at TEXT,
        problem TEXT NOT NULL DEFAULT '' CHECK (length(problem) <= 500),
        action TEXT NOT NULL DEFAULT '' CHECK (length(action) <= 500),
        promise_moved_to TEXT,
        customer_contact_channel TEXT
            CHECK (customer_contact_channel IS NULL OR customer_contact_channel IN {_in(CHANNELS)}),
        customer_contact_at TEXT,
        CHECK ((raised_at IS NULL) = (raised_by IS NULL)),
        CHECK ((checked_at IS NULL) = (checked_by IS NULL)),
        CHECK ((checked_at IS NULL) = (expected_done_at IS NULL)),
        CHECK (checked_at IS NOT NULL OR (problem = '' AND action = '')),
        CHECK (length(trim(problem)) = 0 OR length(trim(action)) > 0),
        CHECK (promise_moved_to IS NULL OR checked_at IS NOT NULL),
        CHECK ((promise_moved_to IS NULL) = (customer_contact_channel IS NULL)),
        CHECK ((customer_contact_channel IS NULL) = (customer_contact_at IS NULL))
    )""",
    # Forward only: raised once, checked once; what was recorded stays.
    """CREATE TRIGGER progress_checks_kept BEFORE UPDATE ON progress_checks
       WHEN NEW.order_id IS NOT OLD.order_id OR NEW.due_at IS NOT OLD.due_at
         OR (OLD.raised_at IS NOT NULL AND (NEW.raised_at IS NOT OLD.raised_at
             OR NEW.raised_by IS NOT OLD.raised_by))
         OR OLD.checked_at IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'a progress check only moves forward'); END""",
    f"""CREATE TABLE pickup_ready (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        {_tick("wash")},
        {_tick("interior")},
        {_tick("exterior")},
        {_tick("belongings_back")},
        {_tick("bills_collected")},
        total_fen INTEGER NOT NULL CHECK (total_fen BETWEEN 0 AND 100000000000),
        notified_channel TEXT NOT NULL CHECK (notified_channel IN {_in(CHANNELS)}),
        notified_at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id)
    )""",
    """CREATE TRIGGER pickup_ready_kept BEFORE UPDATE ON pickup_ready
       BEGIN SELECT RAISE(ABORT, 'a pickup record is never rewritten'); END""",
]

for _table in ("handoffs", "progress_checks", "pickup_ready"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
