"""Schema of migration 004: check-in (inspection, damage marks, documents, belongings).

- checkins: one row per order checked in: fuel and odometer as read, what the car came
  for (second-level maintenance, annual inspection), the storage box, the workshop
  receiver, when each part was recorded, when the check-in was completed and when the
  belongings were handed back at pickup.
- inspection_results: the walk-around checklist, one row per order and item (changes are
  audited; the last answer stands).
- damage_marks: coded marks on the car outline; struck out, never changed or deleted.
- checkin_documents: one row per order and document type: received / valid / complete /
  intact, and every discrepancy noted and signed by the customer.
- belongings: the belongings list; lines are struck out, never deleted; the quantity
  handed back at pickup is written once.

The vocabularies below are frozen copies of domain/checkin.py and domain/car_outline.py
as of this migration (a later change is a new migration). Nothing is ever deleted.
"""

FUEL_UNITS = ("eighths", "percent")
VIEWS = ("left", "top", "right")
DAMAGE_CODES = ("scratch", "dent", "crack", "chip", "missing")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _flag(col: str) -> str:
    return f"{col} INTEGER NOT NULL DEFAULT 0 CHECK ({col} IN (0, 1))"


_CODE = "length({col}) BETWEEN 1 AND 40 AND {col} NOT GLOB '*[^0-9A-Za-z_]*'"

STATEMENTS = [
    f"""CREATE TABLE checkins (
        order_id INTEGER PRIMARY KEY REFERENCES repair_orders(id),
        {_flag("second_level")},
        {_flag("annual_inspection")},
        fuel_unit TEXT CHECK (fuel_unit IS NULL OR fuel_unit IN {_in(FUEL_UNITS)}),
        fuel_value INTEGER,
        odometer_km INTEGER CHECK (odometer_km IS NULL OR odometer_km BETWEEN 0 AND 2000000),
        readings_at TEXT,
        checklist_at TEXT,
        documents_at TEXT,
        box_no TEXT CHECK (box_no IS NULL OR (length(box_no) BETWEEN 1 AND 10
                           AND box_no GLOB '[0-9A-Z]*' AND box_no NOT GLOB '*[^0-9A-Z-]*')),
        belongings_at TEXT,
        receiver_name TEXT CHECK (receiver_name IS NULL
                                  OR length(trim(receiver_name)) BETWEEN 1 AND 60),
        receiver_at TEXT,
        completed_at TEXT,
        completed_by INTEGER REFERENCES staff(id),
        returned_at TEXT,
        returned_by INTEGER REFERENCES staff(id),
        return_note TEXT NOT NULL DEFAULT '' CHECK (length(return_note) <= 500),
        updated_at TEXT NOT NULL,
        CHECK ((fuel_unit IS NULL) = (fuel_value IS NULL)),
        CHECK (fuel_unit IS NULL
               OR (fuel_unit = 'eighths' AND fuel_value BETWEEN 0 AND 8)
               OR (fuel_unit = 'percent' AND fuel_value BETWEEN 0 AND 100)),
        CHECK ((fuel_unit IS NULL) = (readings_at IS NULL)),
        CHECK ((odometer_km IS NULL) = (readings_at IS NULL)),
        CHECK ((receiver_name IS NULL) = (receiver_at IS NULL)),
        CHECK ((completed_at IS NULL) = (completed_by IS NULL)),
        CHECK ((returned_at IS NULL) = (returned_by IS NULL)),
        CHECK (completed_at IS NULL
               OR (readings_at IS NOT NULL AND checklist_at IS NOT NULL
                   AND documents_at IS NOT NULL AND belongings_at IS NOT NULL)),
        CHECK (returned_at IS NULL OR belongings_at IS NOT NULL)
    )""",
    # A completed check-in and a hand-back stay as they were recorded.
    """CREATE TRIGGER checkins_completed_kept BEFORE UPDATE ON checkins
       WHEN (OLD.completed_at IS NOT NULL AND NEW.completed_at IS NOT OLD.completed_at)
         OR (OLD.returned_at IS NOT NULL AND NEW.returned_at IS NOT OLD.returned_at)
       BEGIN SELECT RAISE(ABORT, 'a completed check-in or hand-back is kept'); END""",
    """CREATE TABLE inspection_results (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        item_code TEXT NOT NULL CHECK ("""
    + _CODE.format(col="item_code")
    + """),
        result TEXT NOT NULL CHECK (result IN ('ok', 'anomaly')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        CHECK (result = 'ok' OR length(trim(note)) > 0),
        UNIQUE (order_id, item_code)
    )""",
    f"""CREATE TABLE damage_marks (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        no INTEGER NOT NULL CHECK (no >= 1),
        view TEXT NOT NULL CHECK (view IN {_in(VIEWS)}),
        x REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
        y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
        code TEXT NOT NULL CHECK (code IN {_in(DAMAGE_CODES)}),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        photo_path TEXT NOT NULL DEFAULT '' CHECK (length(photo_path) <= 500),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'struck')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        struck_at TEXT,
        struck_by INTEGER REFERENCES staff(id),
        CHECK (status = 'active' OR (struck_at IS NOT NULL AND struck_by IS NOT NULL)),
        UNIQUE (order_id, no)
    )""",
    "CREATE INDEX damage_marks_order ON damage_marks(order_id, no)",
    # A mark is only ever struck out: what it says and where it is never change.
    """CREATE TRIGGER damage_marks_kept BEFORE UPDATE ON damage_marks
       WHEN OLD.status = 'struck' OR NEW.order_id IS NOT OLD.order_id OR NEW.no IS NOT OLD.no
         OR NEW.view IS NOT OLD.view OR NEW.x IS NOT OLD.x OR NEW.y IS NOT OLD.y
         OR NEW.code IS NOT OLD.code OR NEW.note IS NOT OLD.note
         OR NEW.photo_path IS NOT OLD.photo_path OR NEW.created_at IS NOT OLD.created_at
         OR NEW.created_by IS NOT OLD.created_by
       BEGIN SELECT RAISE(ABORT, 'damage marks are struck out, never changed'); END""",
    """CREATE TABLE checkin_documents (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        doc_code TEXT NOT NULL CHECK ("""
    + _CODE.format(col="doc_code")
    + f"""),
        {_flag("required")},
        {_flag("received")},
        {_flag("valid")},
        {_flag("complete")},
        {_flag("intact")},
        {_flag("discrepancy")},
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        {_flag("customer_signed")},
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        CHECK (received = 1 OR (valid = 0 AND complete = 0 AND intact = 0)),
        CHECK (discrepancy = CASE WHEN received = 1
                                  THEN (valid = 0 OR complete = 0 OR intact = 0)
                                  ELSE required END),
        CHECK (discrepancy = 0 OR (length(trim(note)) > 0 AND customer_signed = 1)),
        CHECK (discrepancy = 1 OR customer_signed = 0),
        UNIQUE (order_id, doc_code)
    )""",
    """CREATE TABLE belongings (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        item_code TEXT CHECK (item_code IS NULL OR ("""
    + _CODE.format(col="item_code")
    + """)),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
        qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 99),
        returned_qty INTEGER CHECK (returned_qty IS NULL OR returned_qty BETWEEN 0 AND qty),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'struck')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        struck_at TEXT,
        struck_by INTEGER REFERENCES staff(id),
        CHECK (status = 'active' OR (struck_at IS NOT NULL AND struck_by IS NOT NULL)),
        CHECK (status = 'active' OR returned_qty IS NULL)
    )""",
    "CREATE INDEX belongings_order ON belongings(order_id, id)",
    "CREATE UNIQUE INDEX belongings_active_name ON belongings(order_id, name) "
    "WHERE status = 'active'",
    # Things in the car go into the car's own storage box (R8): no box, no list.
    """CREATE TRIGGER belongings_need_box BEFORE INSERT ON belongings
       WHEN NEW.status = 'active'
        AND coalesce((SELECT box_no FROM checkins WHERE order_id = NEW.order_id), '') = ''
       BEGIN SELECT RAISE(ABORT, 'belongings need a storage box number'); END""",
    """CREATE TRIGGER checkins_box_kept BEFORE UPDATE OF box_no ON checkins
       WHEN NEW.box_no IS NULL AND EXISTS (SELECT 1 FROM belongings
                                           WHERE order_id = NEW.order_id AND status = 'active')
       BEGIN SELECT RAISE(ABORT, 'belongings need a storage box number'); END""",
    # A struck line stays as it was; a hand-back count is written once.
    """CREATE TRIGGER belongings_kept BEFORE UPDATE ON belongings
       WHEN OLD.status = 'struck' OR OLD.returned_qty IS NOT NULL
         OR NEW.order_id IS NOT OLD.order_id OR NEW.created_at IS NOT OLD.created_at
         OR NEW.created_by IS NOT OLD.created_by
       BEGIN SELECT RAISE(ABORT, 'struck or handed-back belongings are kept'); END""",
]

for _table in (
    "checkins",
    "inspection_results",
    "damage_marks",
    "checkin_documents",
    "belongings",
):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
