"""Schema of migration 021: what ten years of a busy dealer (120,000 cars, 400,000 orders,
2.5 million lines) need so that no list reads a whole table.

- service_due: each car's next maintenance as actions/service_due.py predicts it from its
  model's cycle, its last maintenance and its own odometer history (the due date and km,
  the day the km is predicted, the day that counts, the daily distance and its basis,
  the latest reading). The daily call list and the customer groups read it by due day
  instead of predicting every car of the archive each time. It is derived, never a
  record: a row is marked stale (``stale = 1``) by the triggers below whenever something
  the prediction reads changes — a reading, the car's schedule fields, a maintenance
  order's state, category, time or odometer — and recomputed by the next reader. A new
  car gets a stale row. ``follows_today = 1`` marks a due that moves with the calendar
  (no maintenance and no stored due: the schedule runs from the purchase and the
  predicted odometer), recomputed once a day (``computed_on``). ``service_due_rules``
  holds the version of the rules and cycles the rows were computed with; another version
  recomputes them all.
- Indexes: the active warranty lines with their amount (the orders to claim read them
  alone, not the 2.5 million lines), releases by time (the follow-ups due read the last
  weeks' releases, not every release).
"""

STATEMENTS = [
    """CREATE TABLE service_due (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        stale INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1)),
        due_date TEXT,
        due_km INTEGER,
        km_date TEXT,
        due_day TEXT,
        km_per_day REAL,
        rate_basis TEXT,
        last_day TEXT,
        last_km INTEGER,
        follows_today INTEGER NOT NULL DEFAULT 0 CHECK (follows_today IN (0, 1)),
        computed_on TEXT
    )""",
    "CREATE INDEX service_due_day ON service_due(due_day)",
    "CREATE INDEX service_due_stale ON service_due(stale) WHERE stale = 1",
    "CREATE INDEX service_due_daily ON service_due(computed_on) WHERE follows_today = 1",
    """CREATE TABLE service_due_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL
    )""",
    "INSERT INTO service_due (vehicle_id) SELECT id FROM vehicles",
    """CREATE TRIGGER service_due_new_car AFTER INSERT ON vehicles
       BEGIN INSERT INTO service_due (vehicle_id) VALUES (NEW.id); END""",
    """CREATE TRIGGER service_due_car AFTER UPDATE OF model_code, purchase_date, cycle_km,
       cycle_months, next_due_date, next_due_km ON vehicles
       BEGIN UPDATE service_due SET stale = 1 WHERE vehicle_id = NEW.id; END""",
    """CREATE TRIGGER service_due_reading AFTER INSERT ON odometer_readings
       BEGIN UPDATE service_due SET stale = 1 WHERE vehicle_id = NEW.vehicle_id; END""",
    """CREATE TRIGGER service_due_reading_changed AFTER UPDATE ON odometer_readings
       BEGIN UPDATE service_due SET stale = 1
             WHERE vehicle_id IN (NEW.vehicle_id, OLD.vehicle_id); END""",
    """CREATE TRIGGER service_due_maintenance AFTER INSERT ON repair_orders
       WHEN NEW.repair_category = 'maintenance'
       BEGIN UPDATE service_due SET stale = 1 WHERE vehicle_id = NEW.vehicle_id; END""",
    """CREATE TRIGGER service_due_maintenance_changed AFTER UPDATE OF state, repair_category,
       signed_at, created_at, odometer_in, vehicle_id ON repair_orders
       WHEN NEW.repair_category = 'maintenance' OR OLD.repair_category = 'maintenance'
       BEGIN UPDATE service_due SET stale = 1
             WHERE vehicle_id IN (NEW.vehicle_id, OLD.vehicle_id); END""",
    "CREATE INDEX lines_warranty ON order_lines(order_id, amount_fen) "
    "WHERE payer = 'warranty' AND status = 'active'",
    "CREATE INDEX releases_released ON releases(released_at)",
]
