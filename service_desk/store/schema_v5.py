"""Schema of migration 005: the key cabinet (车钥匙柜): keys, their hooks, key events.

- keys: one row per physical key of a car in the dealer's hands (main key, spare,
  remote fob), tied to the order it came in with. ``state`` says where it is now: on a
  hook (``in_cabinet``, ``hook`` set), ``out`` with someone (``holder``, ``out_since``),
  or ``returned`` to the customer (final). A partial UNIQUE index lets a hook hold at
  most one key in the cabinet; a trigger allows only the moves of the state machine.
- key_events: every registration and movement, append-only: who (staff), when, what,
  from / to which hook, to whom, why.

The vocabularies below are a frozen copy of domain/keys.py as of this migration (the
same rule as schema_v1: a migration builds the same schema forever; tests compare).
"""

KEY_KINDS = ("main", "spare", "fob")
KEY_STATES = ("in_cabinet", "out", "returned")
KEY_ACTIONS = ("register", "to_workshop", "test_drive", "back_to_cabinet", "returned")
MAX_HOOK = 500  # the largest cabinet the settings allow
LABEL_MAX = 40
NAME_MAX = 60
REASON_MAX = 200


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_HOOK = f"BETWEEN 1 AND {MAX_HOOK}"

STATEMENTS = [
    f"""CREATE TABLE keys (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        kind TEXT NOT NULL CHECK (kind IN {_in(KEY_KINDS)}),
        label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= {LABEL_MAX}),
        hook INTEGER CHECK (hook IS NULL OR hook {_HOOK}),
        state TEXT NOT NULL CHECK (state IN {_in(KEY_STATES)}),
        holder TEXT NOT NULL DEFAULT '' CHECK (length(holder) <= {NAME_MAX}),
        out_since TEXT,
        registered_at TEXT NOT NULL,
        registered_by INTEGER NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK ((state = 'in_cabinet') = (hook IS NOT NULL)),
        CHECK ((state = 'out') = (out_since IS NOT NULL)),
        CHECK ((state = 'out') = (length(trim(holder)) > 0))
    )""",
    "CREATE UNIQUE INDEX keys_one_per_hook ON keys(hook) WHERE state = 'in_cabinet'",
    "CREATE INDEX keys_order ON keys(order_id, id)",
    "CREATE INDEX keys_state ON keys(state)",
    """CREATE TRIGGER keys_vehicle_of_order BEFORE INSERT ON keys
       WHEN NEW.vehicle_id IS NOT (SELECT vehicle_id FROM repair_orders WHERE id = NEW.order_id)
       BEGIN SELECT RAISE(ABORT, 'a key belongs to the vehicle of its order'); END""",
    """CREATE TRIGGER keys_registered_in_cabinet BEFORE INSERT ON keys
       WHEN NEW.state <> 'in_cabinet'
       BEGIN SELECT RAISE(ABORT, 'a key is registered on a hook of the cabinet'); END""",
    """CREATE TRIGGER keys_identity_fixed BEFORE UPDATE ON keys
       WHEN NEW.order_id IS NOT OLD.order_id OR NEW.vehicle_id IS NOT OLD.vehicle_id
            OR NEW.kind IS NOT OLD.kind OR NEW.registered_at IS NOT OLD.registered_at
            OR NEW.registered_by IS NOT OLD.registered_by
       BEGIN SELECT RAISE(ABORT, 'a key keeps its order, vehicle, kind and registration'); END""",
    # The state machine: in_cabinet -> out | returned; out -> in_cabinet; returned is final.
    """CREATE TRIGGER keys_moves BEFORE UPDATE OF state ON keys
       WHEN NOT ((OLD.state = 'in_cabinet' AND NEW.state IN ('out', 'returned'))
                 OR (OLD.state = 'out' AND NEW.state = 'in_cabinet'))
       BEGIN SELECT RAISE(ABORT, 'illegal key movement'); END""",
    f"""CREATE TABLE key_events (
        id INTEGER PRIMARY KEY,
        key_id INTEGER NOT NULL REFERENCES keys(id),
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        action TEXT NOT NULL CHECK (action IN {_in(KEY_ACTIONS)}),
        from_hook INTEGER CHECK (from_hook IS NULL OR from_hook {_HOOK}),
        to_hook INTEGER CHECK (to_hook IS NULL OR to_hook {_HOOK}),
        to_whom TEXT NOT NULL DEFAULT '' CHECK (length(to_whom) <= {NAME_MAX}),
        reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= {REASON_MAX}),
        CHECK ((action IN ('register', 'back_to_cabinet')) = (to_hook IS NOT NULL)),
        CHECK ((action IN ('to_workshop', 'test_drive', 'returned'))
               = (length(trim(to_whom)) > 0)),
        CHECK ((action IN ('register', 'back_to_cabinet')) = (from_hook IS NULL))
    )""",
    "CREATE INDEX key_events_key ON key_events(key_id, id)",
    "CREATE INDEX key_events_order ON key_events(order_id, id)",
    """CREATE TRIGGER key_events_of_its_order BEFORE INSERT ON key_events
       WHEN NEW.order_id IS NOT (SELECT order_id FROM keys WHERE id = NEW.key_id)
       BEGIN SELECT RAISE(ABORT, 'a key event belongs to the order of its key'); END""",
    "CREATE TRIGGER key_events_no_update BEFORE UPDATE ON key_events "
    "BEGIN SELECT RAISE(ABORT, 'key_events is append-only'); END",
    "CREATE TRIGGER key_events_no_delete BEFORE DELETE ON key_events "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
    "CREATE TRIGGER keys_no_delete BEFORE DELETE ON keys "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
]
