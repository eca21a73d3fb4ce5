"""Schema of migration 010: release (odometer and fuel out, documents returned, comebacks).

- releases: one row per order at the checkout desk (R14): odometer and fuel as read when
  the car leaves (fuel in the units of the check-in, schema_v4: eighths 0..8 or percent
  0..100), the explanation of a big difference from the readings in, when the documents
  were handed back, when the customer signed the belongings list back, and when and by
  whom the car was released. A released row is never changed again.
- comebacks: a new order of a vehicle that came back within the comeback window with
  related work, linked to the original order and its team. guarantee_from is when the
  guarantee period of the work started: the original release (a rework under guarantee
  does not restart it). Written once, never changed.

Nothing is ever deleted.
"""

FUEL_UNITS = ("eighths", "percent")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


STATEMENTS = [
    f"""CREATE TABLE releases (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        odometer_out INTEGER CHECK (odometer_out IS NULL OR odometer_out BETWEEN 0 AND 2000000),
        fuel_unit TEXT CHECK (fuel_unit IS NULL OR fuel_unit IN {_in(FUEL_UNITS)}),
        fuel_value INTEGER,
        readings_at TEXT,
        readings_by INTEGER REFERENCES staff(id),
        difference_note TEXT NOT NULL DEFAULT '' CHECK (length(difference_note) <= 500),
        documents_returned INTEGER NOT NULL DEFAULT 0 CHECK (documents_returned IN (0, 1)),
        documents_returned_at TEXT,
        documents_returned_by INTEGER REFERENCES staff(id),
        belongings_signed_at TEXT,
        belongings_signed_by INTEGER REFERENCES staff(id),
        released_at TEXT,
        released_by INTEGER REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK ((fuel_unit IS NULL) = (fuel_value IS NULL)),
        CHECK (fuel_unit IS NULL
               OR (fuel_unit = 'eighths' AND fuel_value BETWEEN 0 AND 8)
               OR (fuel_unit = 'percent' AND fuel_value BETWEEN 0 AND 100)),
        CHECK ((odometer_out IS NULL) = (readings_at IS NULL)),
        CHECK ((fuel_unit IS NULL) = (readings_at IS NULL)),
        CHECK ((readings_at IS NULL) = (readings_by IS NULL)),
        CHECK ((documents_returned = 1) = (documents_returned_at IS NOT NULL)),
        CHECK ((documents_returned_at IS NULL) = (documents_returned_by IS NULL)),
        CHECK ((belongings_signed_at IS NULL) = (belongings_signed_by IS NULL)),
        CHECK ((released_at IS NULL) = (released_by IS NULL)),
        CHECK (released_at IS NULL
               OR (readings_at IS NOT NULL AND documents_returned = 1
                   AND belongings_signed_at IS NOT NULL))
    )""",
    # A released car's record stays as it was; documents handed back stay handed back.
    """CREATE TRIGGER releases_kept BEFORE UPDATE ON releases
       WHEN OLD.released_at IS NOT NULL OR NEW.order_id IS NOT OLD.order_id
         OR (OLD.documents_returned = 1 AND NEW.documents_returned_at
             IS NOT OLD.documents_returned_at)
         OR (OLD.belongings_signed_at IS NOT NULL
             AND NEW.belongings_signed_at IS NOT OLD.belongings_signed_at)
       BEGIN SELECT RAISE(ABORT, 'a release is never rewritten'); END""",
    """CREATE TABLE comebacks (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        original_order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
        days INTEGER NOT NULL CHECK (days >= 0),
        km INTEGER CHECK (km IS NULL OR km >= 0),
        original_team TEXT NOT NULL DEFAULT '' CHECK (length(original_team) <= 60),
        guarantee_from TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        CHECK (order_id <> original_order_id)
    )""",
    "CREATE INDEX comebacks_original ON comebacks(original_order_id)",
    """CREATE TRIGGER comebacks_kept BEFORE UPDATE ON comebacks
       BEGIN SELECT RAISE(ABORT, 'a comeback link is never rewritten'); END""",
]

for _table in ("releases", "comebacks"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
