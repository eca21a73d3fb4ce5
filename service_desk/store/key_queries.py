"""Read-only queries of the key cabinet. Writes go through service_desk.actions.keys."""

from __future__ import annotations

import sqlite_utils

from service_desk.store.queries import Row, one

_KEY = """SELECT k.*, o.number, o.state AS order_state, v.plate, v.model_code,
       c.name AS customer_name, s.name AS registered_by_name
  FROM keys k JOIN repair_orders o ON o.id = k.order_id
  JOIN vehicles v ON v.id = k.vehicle_id JOIN customers c ON c.id = o.customer_id
  JOIN staff s ON s.id = k.registered_by"""


def key(db: sqlite_utils.Database, key_id: int) -> Row | None:
    return one(db, f"{_KEY} WHERE k.id = ?", [key_id])


def keys_of_order(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """Every key the order ever had, returned ones included, in registration order."""
    return list(db.query(f"{_KEY} WHERE k.order_id = ? ORDER BY k.id", [order_id]))


def cabinet(db: sqlite_utils.Database) -> dict[int, Row]:
    """The keys hanging in the cabinet now, by hook number."""
    rows = db.query(f"{_KEY} WHERE k.state = 'in_cabinet' ORDER BY k.hook")
    return {r["hook"]: r for r in rows}


def key_on_hook(db: sqlite_utils.Database, hook: int) -> Row | None:
    return one(db, f"{_KEY} WHERE k.state = 'in_cabinet' AND k.hook = ?", [hook])


def keys_out(db: sqlite_utils.Database) -> list[Row]:
    """Keys out of the cabinet with someone, longest out first."""
    return list(db.query(f"{_KEY} WHERE k.state = 'out' ORDER BY k.out_since, k.id"))


def keys_not_returned(db: sqlite_utils.Database) -> list[Row]:
    """Every key still at the dealer (on a hook or out), with its order's state."""
    return list(db.query(f"{_KEY} WHERE k.state <> 'returned' ORDER BY k.id"))


def key_events(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """The history of an order's keys: who, when, what, hooks, to whom, why (oldest first)."""
    return list(
        db.query(
            """SELECT e.*, k.kind, k.label, s.name AS staff_name FROM key_events e
                 JOIN keys k ON k.id = e.key_id JOIN staff s ON s.id = e.staff_id
                WHERE e.order_id = ? ORDER BY e.id""",
            [order_id],
        )
    )


def last_event(db: sqlite_utils.Database, key_id: int) -> Row | None:
    return one(
        db,
        """SELECT e.*, s.name AS staff_name FROM key_events e
             JOIN staff s ON s.id = e.staff_id WHERE e.key_id = ? ORDER BY e.id DESC LIMIT 1""",
        [key_id],
    )


def orders_in_states_with_key_count(
    db: sqlite_utils.Database, states: tuple[str, ...]
) -> list[Row]:
    """Orders in these states with how many keys each ever had (0: none registered)."""
    marks = ",".join("?" * len(states))
    return list(
        db.query(
            f"""SELECT o.id AS order_id, o.number, o.state, o.updated_at, v.plate,
                       c.name AS customer_name,
                       (SELECT count(*) FROM keys k WHERE k.order_id = o.id) AS key_count
                  FROM repair_orders o JOIN vehicles v ON v.id = o.vehicle_id
                  JOIN customers c ON c.id = o.customer_id
                 WHERE o.state IN ({marks}) ORDER BY o.created_at, o.id""",
            list(states),
        )
    )


# --- the release gate of the checkout desk (R14: the key is handed back at pickup) --------


def outstanding_keys(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """The order's keys not yet handed back to the customer (on a hook or out)."""
    return [k for k in keys_of_order(db, order_id) if k["state"] != "returned"]


def key_returned(db: sqlite_utils.Database, order_id: int) -> bool:
    """True when the order had at least one key and every one of them was handed back."""
    keys = keys_of_order(db, order_id)
    return bool(keys) and all(k["state"] == "returned" for k in keys)


def release_gate(db: sqlite_utils.Database, order_id: int) -> str | None:
    """Why the car may not be released yet as far as keys go, or None when it may.

    'key.none_registered': no key was ever registered for the order;
    'key.not_returned': a key is still on a hook or out with someone.
    """
    keys = keys_of_order(db, order_id)
    if not keys:
        return "key.none_registered"
    if any(k["state"] != "returned" for k in keys):
        return "key.not_returned"
    return None


def keys_in_cabinet(db: sqlite_utils.Database, order_id: int) -> list[Row]:
    """The order's keys hanging in the cabinet now, by hook."""
    return list(
        db.query(
            f"{_KEY} WHERE k.order_id = ? AND k.state = 'in_cabinet' ORDER BY k.hook", [order_id]
        )
    )
