"""Schema of migration 006: additional work found in the workshop (R11).

- extra_work: one row per item the workshop reports on an order: who reported it, what
  it is, the delay it adds, and how the customer's answer came about: contacted (channel,
  when, by which advisor), answered (when, who on the customer side authorised it), then
  either declined (who in the workshop was told, when) or approved (when the supplementary
  repair order was handed to the supervisor). The state only moves forward; what was
  reported and what was answered is never changed afterwards.
- extra_work_items: the priced lines of an item, with the same columns and rules as
  order_lines; order_line_id points at the order line created when the item was approved.
- repair_orders.promised_original_at: the promise the customer signed, kept once an
  approved item moves promised_at later.

The vocabularies below are frozen copies of domain/extra_work.py as of this migration.
Nothing is ever deleted.
"""

STATES = ("reported", "customer_contacted", "approved", "declined")
CHANNELS = ("in_person", "phone", "wechat", "sms")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _name(col: str) -> str:
    return f"{col} TEXT CHECK ({col} IS NULL OR length(trim({col})) BETWEEN 1 AND 60)"


STATEMENTS = [
    f"""CREATE TABLE extra_work (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        description TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 200),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        delay_minutes INTEGER NOT NULL CHECK (delay_minutes BETWEEN 0 AND 43200),
        reported_at TEXT NOT NULL,
        reported_by_name TEXT NOT NULL CHECK (length(trim(reported_by_name)) BETWEEN 1 AND 60),
        recorded_by INTEGER NOT NULL REFERENCES staff(id),
        state TEXT NOT NULL DEFAULT 'reported' CHECK (state IN {_in(STATES)}),
        channel TEXT CHECK (channel IS NULL OR channel IN {_in(CHANNELS)}),
        contacted_at TEXT,
        contacted_by INTEGER REFERENCES staff(id),
        contact_note TEXT NOT NULL DEFAULT '' CHECK (length(contact_note) <= 500),
        answer_at TEXT,
        answer_recorded_by INTEGER REFERENCES staff(id),
        {_name("authorised_by_name")},
        {_name("workshop_told_name")},
        workshop_told_at TEXT,
        handed_to_supervisor_at TEXT,
        handed_by INTEGER REFERENCES staff(id),
        CHECK ((state = 'reported') = (channel IS NULL)),
        CHECK ((channel IS NULL) = (contacted_at IS NULL)),
        CHECK ((channel IS NULL) = (contacted_by IS NULL)),
        CHECK ((state IN ('approved', 'declined')) = (answer_at IS NOT NULL)),
        CHECK ((answer_at IS NULL) = (answer_recorded_by IS NULL)),
        CHECK ((answer_at IS NULL) = (authorised_by_name IS NULL)),
        CHECK ((state = 'declined') = (workshop_told_name IS NOT NULL)),
        CHECK ((workshop_told_name IS NULL) = (workshop_told_at IS NULL)),
        CHECK (handed_to_supervisor_at IS NULL OR state = 'approved'),
        CHECK ((handed_to_supervisor_at IS NULL) = (handed_by IS NULL))
    )""",
    "CREATE INDEX extra_work_order ON extra_work(order_id, id)",
    # Forward only: reported -> contacted -> approved | declined, then only the hand-over
    # to the supervisor is written, once. What was reported or answered stays.
    """CREATE TRIGGER extra_work_kept BEFORE UPDATE ON extra_work
       WHEN NEW.order_id IS NOT OLD.order_id OR NEW.description IS NOT OLD.description
         OR NEW.note IS NOT OLD.note OR NEW.delay_minutes IS NOT OLD.delay_minutes
         OR NEW.reported_at IS NOT OLD.reported_at
         OR NEW.reported_by_name IS NOT OLD.reported_by_name
         OR NEW.recorded_by IS NOT OLD.recorded_by
         OR (OLD.state <> 'reported' AND (NEW.channel IS NOT OLD.channel
             OR NEW.contacted_at IS NOT OLD.contacted_at
             OR NEW.contacted_by IS NOT OLD.contacted_by
             OR NEW.contact_note IS NOT OLD.contact_note))
         OR (OLD.state IN ('approved', 'declined') AND (NEW.state IS NOT OLD.state
             OR NEW.answer_at IS NOT OLD.answer_at
             OR NEW.answer_recorded_by IS NOT OLD.answer_recorded_by
             OR NEW.authorised_by_name IS NOT OLD.authorised_by_name
             OR NEW.workshop_told_name IS NOT OLD.workshop_told_name
             OR NEW.workshop_told_at IS NOT OLD.workshop_told_at))
         OR (OLD.handed_to_supervisor_at IS NOT NULL
             AND (NEW.handed_to_supervisor_at IS NOT OLD.handed_to_supervisor_at
                  OR NEW.handed_by IS NOT OLD.handed_by))
         OR (OLD.state = 'reported' AND NEW.state NOT IN ('reported', 'customer_contacted'))
       BEGIN SELECT RAISE(ABORT, 'extra work only moves forward and is never rewritten'); END""",
    """CREATE TABLE extra_work_items (
        id INTEGER PRIMARY KEY,
        extra_work_id INTEGER NOT NULL REFERENCES extra_work(id),
        kind TEXT NOT NULL CHECK (kind IN ('labour', 'part', 'fee')),
        description TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 200),
        mode TEXT NOT NULL CHECK (mode IN ('system', 'symptom', 'item')),
        system_code TEXT,
        part_no TEXT NOT NULL DEFAULT '' CHECK (length(part_no) <= 40),
        qty_milli INTEGER NOT NULL CHECK (qty_milli BETWEEN 1 AND 1000000),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen BETWEEN 0 AND 1000000000),
        risk_margin_bp INTEGER NOT NULL DEFAULT 0 CHECK (risk_margin_bp BETWEEN 0 AND 10000),
        amount_fen INTEGER NOT NULL,
        parts_source TEXT,
        part_quality TEXT,
        payer TEXT NOT NULL CHECK (payer IN ('customer', 'warranty', 'internal')),
        order_line_id INTEGER UNIQUE REFERENCES order_lines(id),
        CHECK (mode = 'symptom' OR risk_margin_bp = 0),
        CHECK ((kind = 'part' AND parts_source IN ('dealer', 'customer')
                AND part_quality IN ('genuine', 'aftermarket'))
               OR (kind <> 'part' AND parts_source IS NULL AND part_quality IS NULL)),
        CHECK (amount_fen = (qty_milli * unit_price_fen + 500) / 1000
               + (((qty_milli * unit_price_fen + 500) / 1000) * risk_margin_bp + 5000) / 10000)
    )""",
    "CREATE INDEX extra_work_items_extra ON extra_work_items(extra_work_id, id)",
    # Lines are priced when the item is reported; the customer answers what was reported.
    """CREATE TRIGGER extra_work_items_when_reported BEFORE INSERT ON extra_work_items
       WHEN (SELECT state FROM extra_work WHERE id = NEW.extra_work_id) IS NOT 'reported'
       BEGIN SELECT RAISE(ABORT, 'lines are added only while the item is reported'); END""",
    # Only the link to the order line is written, once, and only for an approved item.
    """CREATE TRIGGER extra_work_items_kept BEFORE UPDATE ON extra_work_items
       WHEN OLD.order_line_id IS NOT NULL OR NEW.order_line_id IS NULL
         OR (SELECT state FROM extra_work WHERE id = OLD.extra_work_id) IS NOT 'approved'
         OR NEW.extra_work_id IS NOT OLD.extra_work_id OR NEW.kind IS NOT OLD.kind
         OR NEW.description IS NOT OLD.description OR NEW.mode IS NOT OLD.mode
         OR NEW.system_code IS NOT OLD.system_code OR NEW.part_no IS NOT OLD.part_no
         OR NEW.qty_milli IS NOT OLD.qty_milli OR NEW.unit_price_fen IS NOT OLD.unit_price_fen
         OR NEW.risk_margin_bp IS NOT OLD.risk_margin_bp OR NEW.amount_fen IS NOT OLD.amount_fen
         OR NEW.parts_source IS NOT OLD.parts_source OR NEW.part_quality IS NOT OLD.part_quality
         OR NEW.payer IS NOT OLD.payer
       BEGIN SELECT RAISE(ABORT, 'extra work lines are never rewritten'); END""",
    "ALTER TABLE repair_orders ADD COLUMN promised_original_at TEXT",
]

for _table in ("extra_work", "extra_work_items"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
