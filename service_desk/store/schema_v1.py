"""Schema of migration 001: staff, archive, repair orders, events, audit, search.

Every rule the domain layer checks is enforced again here with CHECK constraints
and triggers, so that invalid data never reaches the file whatever writes it.

The state lists below are a frozen copy of domain/lifecycle.py as of this migration,
on purpose: a migration must build the same schema forever, whatever the domain code
becomes later. A later change of states is a new migration (tests compare the two).
"""

STATES = (
    "reception",
    "diagnosis",
    "estimate",
    "declined",
    "closed",
    "signed",
    "checked_in",
    "handed_off",
    "in_progress",
    "completed",
    "ready",
    "settled",
    "released",
    "done",
    "void",
)
SIGNED_STATES = (
    "signed",
    "checked_in",
    "handed_off",
    "in_progress",
    "completed",
    "ready",
    "settled",
    "released",
    "done",
)


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_NOT_BLANK = "length(trim({col})) > 0"

STATEMENTS = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        role TEXT NOT NULL CHECK (role IN ('advisor', 'supervisor', 'cashier', 'workshop')),
        pin_hash TEXT,
        pin_salt TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        CHECK (role <> 'supervisor' OR (pin_hash IS NOT NULL AND pin_salt IS NOT NULL))
    )""",
    "CREATE UNIQUE INDEX staff_name ON staff(name)",
    """CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        phone TEXT NOT NULL CHECK (length(phone) BETWEEN 7 AND 24 AND phone GLOB '[0-9]*'),
        phone2 TEXT CHECK (phone2 IS NULL OR (length(phone2) BETWEEN 7 AND 24
                           AND phone2 GLOB '[0-9]*')),
        address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 200),
        company TEXT NOT NULL DEFAULT '' CHECK (length(company) <= 100),
        preferred_contact TEXT NOT NULL DEFAULT 'phone'
            CHECK (preferred_contact IN ('phone', 'wechat', 'sms', 'letter')),
        wishes TEXT NOT NULL DEFAULT '' CHECK (length(wishes) <= 2000),
        first_contact_id INTEGER NOT NULL REFERENCES staff(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX customers_phone ON customers(phone)",
    """CREATE TABLE vehicles (
        id INTEGER PRIMARY KEY,
        plate TEXT NOT NULL UNIQUE CHECK (length(plate) BETWEEN 7 AND 9),
        vin TEXT CHECK (vin IS NULL OR (length(vin) = 17
                        AND vin NOT GLOB '*[^0-9A-HJ-NPR-Z]*')),
        vin_check_overridden INTEGER NOT NULL DEFAULT 0 CHECK (vin_check_overridden IN (0, 1)),
        model_code TEXT NOT NULL CHECK (length(model_code) > 0),
        category_code TEXT NOT NULL CHECK (length(category_code) > 0),
        colour TEXT NOT NULL DEFAULT '' CHECK (length(colour) <= 30),
        purchase_date TEXT CHECK (purchase_date IS NULL OR date(purchase_date) = purchase_date),
        cycle_km INTEGER NOT NULL CHECK (cycle_km BETWEEN 1000 AND 100000),
        cycle_months INTEGER NOT NULL CHECK (cycle_months BETWEEN 1 AND 60),
        next_due_date TEXT CHECK (next_due_date IS NULL OR date(next_due_date) = next_due_date),
        next_due_km INTEGER CHECK (next_due_km IS NULL OR next_due_km BETWEEN 0 AND 2000000),
        owner_id INTEGER NOT NULL REFERENCES customers(id),
        wishes TEXT NOT NULL DEFAULT '' CHECK (length(wishes) <= 2000),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX vehicles_vin ON vehicles(vin) WHERE vin IS NOT NULL",
    "CREATE INDEX vehicles_owner ON vehicles(owner_id)",
    """CREATE TABLE vehicle_owners (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        since TEXT NOT NULL,
        until TEXT,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX vehicle_owners_vehicle ON vehicle_owners(vehicle_id)",
    """CREATE TABLE odometer_readings (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        km INTEGER NOT NULL CHECK (km BETWEEN 0 AND 2000000),
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('registration', 'reception', 'checkout', 'manual')),
        order_id INTEGER REFERENCES repair_orders(id),
        reason TEXT NOT NULL DEFAULT '',
        staff_id INTEGER NOT NULL REFERENCES staff(id)
    )""",
    "CREATE INDEX odometer_vehicle ON odometer_readings(vehicle_id, id)",
    """CREATE TRIGGER odometer_lower_needs_reason BEFORE INSERT ON odometer_readings
       WHEN NEW.km < (SELECT km FROM odometer_readings WHERE vehicle_id = NEW.vehicle_id
                      ORDER BY id DESC LIMIT 1)
            AND length(trim(NEW.reason)) = 0
       BEGIN SELECT RAISE(ABORT, 'odometer lower than last reading needs a reason'); END""",
    f"""CREATE TABLE repair_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE CHECK (length(number) = 14
                                           AND number GLOB '[A-Z][A-Z][0-9]*'),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        advisor_id INTEGER NOT NULL REFERENCES staff(id),
        state TEXT NOT NULL CHECK (state IN {_in(STATES)}),
        request TEXT NOT NULL DEFAULT '' CHECK (length(request) <= 4000),
        other_requests TEXT NOT NULL DEFAULT '' CHECK (length(other_requests) <= 2000),
        diagnosis_consent INTEGER NOT NULL DEFAULT 0 CHECK (diagnosis_consent IN (0, 1)),
        consent_at TEXT,
        diagnosis TEXT NOT NULL DEFAULT '' CHECK (length(diagnosis) <= 4000),
        technician TEXT NOT NULL DEFAULT '' CHECK (length(technician) <= 60),
        repair_category TEXT,
        odometer_in INTEGER CHECK (odometer_in IS NULL OR odometer_in BETWEEN 0 AND 2000000),
        promised_at TEXT,
        signed_at TEXT,
        declined_at TEXT,
        decline_fee_fen INTEGER CHECK (decline_fee_fen IS NULL OR decline_fee_fen >= 0),
        void_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (diagnosis_consent = 0 OR consent_at IS NOT NULL),
        CHECK (state NOT IN {_in(SIGNED_STATES)}
               OR (signed_at IS NOT NULL AND promised_at IS NOT NULL)),
        CHECK (state NOT IN ('declined', 'closed')
               OR (declined_at IS NOT NULL AND decline_fee_fen IS NOT NULL)),
        CHECK (state <> 'diagnosis' OR diagnosis_consent = 1),
        CHECK (state <> 'void' OR {_NOT_BLANK.format(col="coalesce(void_reason, '')")})
    )""",
    "CREATE INDEX orders_vehicle ON repair_orders(vehicle_id)",
    "CREATE INDEX orders_customer ON repair_orders(customer_id)",
    "CREATE INDEX orders_state ON repair_orders(state, created_at)",
    """CREATE TABLE order_counters (
        day TEXT PRIMARY KEY,
        last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 1 AND 9999)
    )""",
    """CREATE TABLE order_lines (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
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
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        removed_at TEXT,
        removed_by INTEGER REFERENCES staff(id),
        CHECK (mode = 'symptom' OR risk_margin_bp = 0),
        CHECK ((kind = 'part' AND parts_source IN ('dealer', 'customer')
                AND part_quality IN ('genuine', 'aftermarket'))
               OR (kind <> 'part' AND parts_source IS NULL AND part_quality IS NULL)),
        CHECK (amount_fen = (qty_milli * unit_price_fen + 500) / 1000
               + (((qty_milli * unit_price_fen + 500) / 1000) * risk_margin_bp + 5000) / 10000),
        CHECK (status = 'active' OR (removed_at IS NOT NULL AND removed_by IS NOT NULL))
    )""",
    "CREATE INDEX lines_order ON order_lines(order_id, id)",
    """CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX events_order ON order_events(order_id, id)",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
    )""",
    "CREATE INDEX audit_entity ON audit(entity, entity_id)",
    """CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'trigram')""",
]

# Append-only tables refuse UPDATE and DELETE; archive tables refuse DELETE.
for _table in ("audit", "order_events"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_update BEFORE UPDATE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, '{_table} is append-only'); END"
    )
for _table in (
    "audit",
    "order_events",
    "staff",
    "customers",
    "vehicles",
    "vehicle_owners",
    "odometer_readings",
    "repair_orders",
    "order_lines",
):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )

# Search index: one FTS row per customer, vehicle and order; rowid = id * 4 + kind.
SEARCH_KINDS = {"customers": 1, "vehicles": 2, "repair_orders": 3}
_SEARCH_BODY = {
    "customers": "NEW.name || ' ' || NEW.phone || ' ' || coalesce(NEW.phone2, '') "
    "|| ' ' || NEW.company",
    "vehicles": "NEW.plate || ' ' || coalesce(NEW.vin, '')",
    "repair_orders": "NEW.number",
}
for _table, _kind in SEARCH_KINDS.items():
    _body = _SEARCH_BODY[_table]
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_search_ins AFTER INSERT ON {_table} BEGIN "
        f"INSERT INTO search_fts(rowid, body) VALUES (NEW.id * 4 + {_kind}, {_body}); END"
    )
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_search_upd AFTER UPDATE ON {_table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = OLD.id * 4 + {_kind}; "
        f"INSERT INTO search_fts(rowid, body) VALUES (NEW.id * 4 + {_kind}, {_body}); END"
    )
