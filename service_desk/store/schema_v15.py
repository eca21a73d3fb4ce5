"""Schema of migration 015: customer care — follow-ups (R16), enquiries and complaints (R15).

- complaints: a customer's complaint, in person, by phone or found at a follow-up (then
  linked to the order followed up), logged in full as the customer said it. Either it is
  answered at once (answered_at, by whom, the answer) or the customer is given a time by
  which they will hear back (reply_by). An open complaint past its reply-by time is
  escalated to a supervisor (escalated_at; escalated_to is the supervisor on duty, NULL
  when the dealer has none on the staff list). Resolved once the customer accepts the
  answer (resolution, customer_accepted = 1 and when); a customer who does not accept it
  sends it to the supervisor (customer_accepted = 0, escalated). State:
  open -> answered -> resolved, open -> escalated -> answered, answered -> escalated.
  What the customer said, when and how never changes; a resolved complaint never
  changes again. Each change is also in the audit table.
- follow_ups: one row per call (or visit) after a car left: who called when, over which
  channel, the outcome ('reached', 'not_reached' to try again, 'declined' the customer
  did not want to talk), the window it was due in (release date + 2 .. + 7 days), and for
  a reached customer the four answers (how the car runs, their view of the service, the
  driving and maintenance advice given, the next maintenance date), the satisfaction
  1..5 and the complaint it became (an unhappy customer, domain/care.py). At most one
  reached/declined row per order; written once, never changed.
- enquiries: a question answered at the counter or on the phone: who asked (a known
  customer or only a name), their workplace and contact, the question, the answer, who
  answered and when. Written once, never changed.

Nothing is ever deleted. The vocabularies below are frozen copies of domain/care.py as of
this migration.
"""

CHANNELS = ("phone", "wechat", "sms", "in_person")
OUTCOMES = ("reached", "not_reached", "declined")
COMPLAINT_CHANNELS = ("in_person", "phone", "follow_up")
COMPLAINT_STATES = ("open", "answered", "escalated", "resolved")
TEXT_MAX = 2000
COMPLAINT_MAX = 4000


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _date(column: str) -> str:
    """An ISO date 'YYYY-MM-DD' that SQLite reads back unchanged (only a real day)."""
    return f"date({column}, '+0 days') IS {column}"


def _text(column: str, max_len: int = TEXT_MAX) -> str:
    return f"{column} TEXT NOT NULL DEFAULT '' CHECK (length({column}) <= {max_len})"


STATEMENTS = [
    f"""CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        order_id INTEGER REFERENCES repair_orders(id),
        channel TEXT NOT NULL CHECK (channel IN {_in(COMPLAINT_CHANNELS)}),
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND {COMPLAINT_MAX}),
        received_at TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES staff(id),
        reply_by TEXT,
        {_text("answer")},
        answered_at TEXT,
        answered_by INTEGER REFERENCES staff(id),
        escalated_at TEXT,
        escalated_to INTEGER REFERENCES staff(id),
        {_text("resolution")},
        resolved_at TEXT,
        resolved_by INTEGER REFERENCES staff(id),
        customer_accepted INTEGER CHECK (customer_accepted IS NULL OR customer_accepted IN (0, 1)),
        accepted_at TEXT,
        state TEXT NOT NULL CHECK (state IN {_in(COMPLAINT_STATES)}),
        updated_at TEXT NOT NULL,
        CHECK (channel <> 'follow_up' OR order_id IS NOT NULL),
        CHECK (reply_by IS NOT NULL OR answered_at IS NOT NULL),
        CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
        CHECK ((answered_at IS NULL) = (length(trim(answer)) = 0)),
        CHECK (escalated_to IS NULL OR escalated_at IS NOT NULL),
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
        CHECK ((resolved_at IS NULL) = (length(trim(resolution)) = 0)),
        CHECK ((customer_accepted IS NULL) = (accepted_at IS NULL)),
        CHECK (state <> 'open' OR (answered_at IS NULL AND escalated_at IS NULL)),
        CHECK (state <> 'answered' OR answered_at IS NOT NULL),
        CHECK (state <> 'escalated' OR escalated_at IS NOT NULL),
        CHECK ((state = 'resolved') = (resolved_at IS NOT NULL)),
        CHECK (state <> 'resolved' OR (answered_at IS NOT NULL AND customer_accepted = 1))
    )""",
    "CREATE INDEX complaints_state ON complaints(state, reply_by)",
    "CREATE INDEX complaints_customer ON complaints(customer_id)",
    "CREATE INDEX complaints_order ON complaints(order_id)",
    # What the customer said, when and how, is kept as logged; a resolved one is closed.
    """CREATE TRIGGER complaints_kept BEFORE UPDATE ON complaints
       WHEN OLD.state = 'resolved' OR NEW.customer_id IS NOT OLD.customer_id
         OR NEW.order_id IS NOT OLD.order_id OR NEW.channel IS NOT OLD.channel
         OR NEW.text IS NOT OLD.text OR NEW.received_at IS NOT OLD.received_at
         OR NEW.received_by IS NOT OLD.received_by
       BEGIN SELECT RAISE(ABORT, 'a complaint is kept as it was logged'); END""",
    f"""CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        due_from TEXT NOT NULL CHECK ({_date("due_from")}),
        due_to TEXT NOT NULL CHECK ({_date("due_to")}),
        done_at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        channel TEXT NOT NULL CHECK (channel IN {_in(CHANNELS)}),
        outcome TEXT NOT NULL CHECK (outcome IN {_in(OUTCOMES)}),
        {_text("car_runs")},
        {_text("service_opinion")},
        {_text("advice_given")},
        next_maintenance_date TEXT
            CHECK (next_maintenance_date IS NULL OR {_date("next_maintenance_date")}),
        satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
        {_text("note")},
        complaint_id INTEGER UNIQUE REFERENCES complaints(id),
        CHECK (due_from <= due_to),
        CHECK ((outcome = 'reached') = (satisfaction IS NOT NULL)),
        CHECK (outcome = 'reached' OR complaint_id IS NULL)
    )""",
    # One follow-up done per order (reached or declined); unanswered calls may repeat.
    "CREATE UNIQUE INDEX follow_ups_done ON follow_ups(order_id) WHERE outcome <> 'not_reached'",
    "CREATE INDEX follow_ups_order ON follow_ups(order_id, id)",
    f"""CREATE TABLE enquiries (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER REFERENCES customers(id),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        {_text("workplace", 100)},
        contact TEXT NOT NULL CHECK (length(trim(contact)) BETWEEN 1 AND 40),
        question TEXT NOT NULL CHECK (length(trim(question)) BETWEEN 1 AND {TEXT_MAX}),
        answer TEXT NOT NULL CHECK (length(trim(answer)) BETWEEN 1 AND {TEXT_MAX}),
        answered_at TEXT NOT NULL,
        answered_by INTEGER NOT NULL REFERENCES staff(id)
    )""",
    "CREATE INDEX enquiries_answered ON enquiries(answered_at)",
]

# Follow-ups and enquiries are written once; nothing of customer care is ever deleted.
for _table in ("follow_ups", "enquiries"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_update BEFORE UPDATE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, '{_table} is append-only'); END"
    )
for _table in ("complaints", "follow_ups", "enquiries"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
