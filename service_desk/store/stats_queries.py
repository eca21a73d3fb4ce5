"""Read-only queries of the statistics report (R18, R19): one query per figure family.

Each selects the rows of one period by a range ``lo <= column < hi`` on one ISO-8601
timestamp column (``domain.statistics.Bounds.sql_range``: one day wider than the period
on each side; the domain keeps the exact rows), optionally of one advisor
(``repair_orders.advisor_id``), and reaches the other tables through their order_id
indexes (lines_order, events_order, payments_order, discounts_order, keys_order,
key_events_key, belongings_order, the UNIQUE order_id of settlements, releases,
handoffs, pickup_ready and comebacks). Void orders are returned with their state; the
domain leaves them out.

The range columns and their indexes (migration 013, store/schema_v13.py):

- received, by model / category, details, comebacks: repair_orders.signed_at
- declined: repair_orders.declined_at
- completed, released (promises, keys not returned, belongings): order_events(to_state, at)
  (the event into the state: orders released before the release records existed have
  no releases row, and completion has no record but its event)
- revenue, payments by method: settlements.settled_at; open arrears: the settlements
  with arrears, settled before the period end
- additional work: extra_work.reported_at
- keys out late: key_events(action, at)

Customer care (issue 7; migrations 014 and 015):

- appointments: appointments.day (ISO dates, index appointments_day(day, slot_start));
  one advisor: booked_by (no index: filtered within the day range)
- follow-ups due: the release (order_events(to_state, at), as for released), over the
  range shifted back by the window's end (care.FOLLOW_UP_TO_DAYS); one advisor: the
  order's advisor_id
- follow-ups done: follow_ups.done_at; complaints: complaints.received_at. Neither
  column has an index (follow_ups has follow_ups_order / follow_ups_done on order_id,
  complaints complaints_state(state, reply_by)): both tables are scanned, which stays
  cheap at a counter's volume (a few rows per released car); an index would need a
  new migration.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from service_desk.store.queries import Row

OUT_ACTIONS = ("to_workshop", "test_drive")


def _advisor(advisor_id: int | None, alias: str = "o") -> tuple[str, list[Any]]:
    if advisor_id is None:
        return "", []
    return f" AND {alias}.advisor_id = ?", [advisor_id]


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[Row]:
    return list(db.query(sql, params))


# --- orders received (signed) ----------------------------------------------------------------

_SIGNED = "o.signed_at >= ? AND o.signed_at < ?"


def _sum_of(column: str, value: str) -> str:
    """The amount of the joined active lines ``l`` whose column is value (0 if none)."""
    return f"sum(CASE WHEN l.{column} = '{value}' THEN l.amount_fen ELSE 0 END) AS"


# the joined lines of an order summed by kind (order_lines.kind: CHECK labour, part, fee)
_BY_KIND = f"""{_sum_of("kind", "labour")} labour_fen,
                   {_sum_of("kind", "part")} parts_fen,
                   {_sum_of("kind", "fee")} fees_fen"""
# ... and by payer (order_lines.payer: CHECK customer, warranty, internal)
_BY_PAYER = f"""{_sum_of("payer", "customer")} customer_fen,
                   {_sum_of("payer", "warranty")} warranty_fen,
                   {_sum_of("payer", "internal")} internal_fen"""


def signed_orders(
    db: sqlite_utils.Database,
    lo: str,
    hi: str,
    advisor_id: int | None = None,
    *,
    details: bool = True,
) -> list[Row]:
    """Orders signed in [lo, hi), in signing order: what the breakdowns and the comeback
    count need (id, state, signed_at, repair_category, model_code, category_code,
    comeback, the active lines summed by kind: labour_fen, parts_fen, fees_fen, 0
    without any) and, with ``details``, what the detail sheet adds (number, plate,
    advisor, customer, released_at, approved discounts, payments, arrears let out).

    The lines join as a group per order (the group is the order: grouped in the order of
    the signed_at index, no sort); the correlated subqueries run once per order."""
    extra, params = _advisor(advisor_id)
    columns, joins = (_DETAIL_COLUMNS, _DETAIL_JOINS) if details else ("", "")
    return _rows(
        db,
        f"""SELECT o.id, o.state, o.signed_at, o.repair_category, v.model_code,
                   v.category_code,
                   EXISTS (SELECT 1 FROM comebacks cb WHERE cb.order_id = o.id) AS comeback,
                   {columns}{_BY_KIND}
              FROM repair_orders o
              JOIN vehicles v ON v.id = o.vehicle_id{joins}
              LEFT JOIN order_lines l ON l.order_id = o.id AND l.status = 'active'
             WHERE {_SIGNED}{extra}
             GROUP BY o.signed_at, o.id
             ORDER BY o.signed_at, o.id""",
        [lo, hi, *params],
    )


# what the detail sheet adds to a signed order (the staff and customer rows exist:
# foreign keys, and records are never deleted)
_DETAIL_COLUMNS = """o.number, v.plate, s.name AS advisor, c.name AS customer,
                   coalesce(r.released_at,
                            (SELECT max(e.at) FROM order_events e
                              WHERE e.order_id = o.id AND +e.to_state = 'released'
                                AND e.from_state IS NOT 'released')) AS released_at,
                   (SELECT coalesce(sum(d.applied_fen), 0) FROM discounts d
                     WHERE d.order_id = o.id AND d.state = 'approved') AS discount_fen,
                   (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p
                     WHERE p.order_id = o.id) AS paid_fen,
                   coalesce(st.arrears_fen, 0) AS arrears_fen,
                   """
_DETAIL_JOINS = """
              JOIN staff s ON s.id = o.advisor_id
              JOIN customers c ON c.id = o.customer_id
              LEFT JOIN releases r ON r.order_id = o.id
              LEFT JOIN settlements st ON st.order_id = o.id"""


# --- declined --------------------------------------------------------------------------------


def declined_orders(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Orders declined in [lo, hi) (the state tells a later void)."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT o.id, o.state, o.declined_at, o.decline_fee_fen FROM repair_orders o
             WHERE o.declined_at >= ? AND o.declined_at < ?{extra}""",
        [lo, hi, *params],
    )


# --- revenue ---------------------------------------------------------------------------------

_SETTLED = "st.settled_at >= ? AND st.settled_at < ?"


def settlements(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """The settlements made in [lo, hi), with their order's state and its active lines
    summed by kind and by payer (labour_fen, parts_fen, fees_fen, customer_fen,
    warranty_fen, internal_fen; 0 without any), grouped per settlement in the order of
    the settled_at index (no sort)."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT st.order_id, o.state, st.settled_at, st.total_fen, st.discount_fen,
                   st.paid_fen, st.arrears_fen,
                   {_BY_KIND},
                   {_BY_PAYER}
              FROM settlements st JOIN repair_orders o ON o.id = st.order_id
              LEFT JOIN order_lines l ON l.order_id = st.order_id AND l.status = 'active'
             WHERE {_SETTLED}{extra}
             GROUP BY st.settled_at, st.id""",
        [lo, hi, *params],
    )


def settled_payments(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """The payments of the orders settled in [lo, hi), summed by order and method (the
    order joins only to pick one advisor's)."""
    extra, params = _advisor(advisor_id)
    join = " JOIN repair_orders o ON o.id = st.order_id" if advisor_id is not None else ""
    return _rows(
        db,
        f"""SELECT p.order_id, p.method, sum(p.amount_fen) AS amount_fen
              FROM settlements st{join}
              JOIN payments p ON p.order_id = st.order_id
             WHERE {_SETTLED}{extra}
             GROUP BY p.order_id, p.method""",
        [lo, hi, *params],
    )


def arrears_before(db: sqlite_utils.Database, hi: str, advisor_id: int | None = None) -> list[Row]:
    """Every settlement that let arrears out, settled before ``hi``."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT st.order_id, o.state, st.settled_at, st.arrears_fen
              FROM settlements st JOIN repair_orders o ON o.id = st.order_id
             WHERE st.settled_at < ? AND st.arrears_fen > 0{extra}""",
        [hi, *params],
    )


# --- additional work -------------------------------------------------------------------------


def extra_items(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """The additional-work items reported in [lo, hi), with their amount and order state."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT x.id, x.order_id, o.state AS order_state, x.reported_at, x.state,
                   (SELECT coalesce(sum(i.amount_fen), 0) FROM extra_work_items i
                     WHERE i.extra_work_id = x.id) AS amount_fen
              FROM extra_work x JOIN repair_orders o ON o.id = x.order_id
             WHERE x.reported_at >= ? AND x.reported_at < ?{extra}""",
        [lo, hi, *params],
    )


# --- the workshop and the release ------------------------------------------------------------


def _moved_into(state: str) -> str:
    """Events moving an order into ``state`` in [lo, hi) (not the notes that keep it)."""
    return f"e.to_state = '{state}' AND e.from_state IS NOT '{state}' AND e.at >= ? AND e.at < ?"


def _event_at(state: str, order: str = "e.order_id") -> str:
    return (
        f"(SELECT max(x.at) FROM order_events x WHERE x.order_id = {order} "
        f"AND +x.to_state = '{state}' AND x.from_state IS NOT '{state}')"
    )


def completed_orders(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Orders completed in [lo, hi) with when they were handed to the workshop."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT e.order_id, o.state, max(e.at) AS completed_at,
                   coalesce(h.handed_at, {_event_at("handed_off")}) AS handed_at
              FROM order_events e JOIN repair_orders o ON o.id = e.order_id
              LEFT JOIN handoffs h ON h.order_id = e.order_id
             WHERE {_moved_into("completed")}{extra}
             GROUP BY e.order_id""",
        [lo, hi, *params],
    )


def released_orders(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Orders whose car left in [lo, hi): the promise, when the car was ready, and how
    many belongings lines came back short."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT e.order_id, o.state, max(e.at) AS released_at, o.promised_at,
                   coalesce(pr.notified_at, {_event_at("ready")}) AS ready_at,
                   (SELECT count(*) FROM belongings b
                     WHERE b.order_id = e.order_id AND b.status = 'active'
                       AND b.returned_qty < b.qty) AS belongings_short
              FROM order_events e JOIN repair_orders o ON o.id = e.order_id
              LEFT JOIN pickup_ready pr ON pr.order_id = e.order_id
             WHERE {_moved_into("released")}{extra}
             GROUP BY e.order_id""",
        [lo, hi, *params],
    )


def released_keys(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """The keys of the orders released in [lo, hi), with when each went back to the
    customer (None: never)."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT DISTINCT k.order_id, k.id AS key_id,
                   (SELECT min(r.at) FROM key_events r
                     WHERE r.key_id = k.id AND +r.action = 'returned') AS returned_at
              FROM order_events e JOIN repair_orders o ON o.id = e.order_id
              JOIN keys k ON k.order_id = e.order_id
             WHERE {_moved_into("released")}{extra}""",
        [lo, hi, *params],
    )


def key_outings(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Keys taken out of the cabinet in [lo, hi), with the key's next event (its return
    to a hook; None while it is still out)."""
    extra, params = _advisor(advisor_id)
    marks = ", ".join("?" * len(OUT_ACTIONS))
    return _rows(
        db,
        f"""SELECT e.id, e.key_id, e.order_id, o.state AS order_state, e.at AS out_at,
                   (SELECT n.at FROM key_events n WHERE n.key_id = e.key_id AND n.id > e.id
                     ORDER BY n.id LIMIT 1) AS back_at
              FROM key_events e JOIN repair_orders o ON o.id = e.order_id
             WHERE e.action IN ({marks}) AND e.at >= ? AND e.at < ?{extra}""",
        [*OUT_ACTIONS, lo, hi, *params],
    )


# --- customer care ---------------------------------------------------------------------------


def appointments(
    db: sqlite_utils.Database, first: str, last: str, booked_by: int | None = None
) -> list[Row]:
    """Appointments whose day is within [first, last] (ISO dates), with their state."""
    extra, params = ("", []) if booked_by is None else (" AND a.booked_by = ?", [booked_by])
    return _rows(
        db,
        f"""SELECT a.id, a.day, a.state, a.booked_by FROM appointments a
             WHERE a.day >= ? AND a.day <= ?{extra}""",
        [first, last, *params],
    )


def released_for_follow_up(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Orders moved into released in [lo, hi), with when the car left (the release
    record, else the latest move into released, as actions/care.py reads it)."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT e.order_id, o.state,
                   coalesce(r.released_at, max(e.at)) AS released_at
              FROM order_events e JOIN repair_orders o ON o.id = e.order_id
              LEFT JOIN releases r ON r.order_id = e.order_id
             WHERE {_moved_into("released")}{extra}
             GROUP BY e.order_id""",
        [lo, hi, *params],
    )


def follow_ups(
    db: sqlite_utils.Database, lo: str, hi: str, advisor_id: int | None = None
) -> list[Row]:
    """Follow-ups done in [lo, hi) (every outcome), with their order's state."""
    extra, params = _advisor(advisor_id)
    return _rows(
        db,
        f"""SELECT f.id, f.order_id, o.state AS order_state, f.done_at, f.outcome,
                   f.satisfaction
              FROM follow_ups f JOIN repair_orders o ON o.id = f.order_id
             WHERE f.done_at >= ? AND f.done_at < ?{extra}""",
        [lo, hi, *params],
    )


def complaints(
    db: sqlite_utils.Database, lo: str, hi: str, received_by: int | None = None
) -> list[Row]:
    """Complaints received in [lo, hi), with their reply-by, answer and escalation times."""
    extra, params = ("", []) if received_by is None else (" AND c.received_by = ?", [received_by])
    return _rows(
        db,
        f"""SELECT c.id, c.received_at, c.reply_by, c.answered_at, c.escalated_at, c.state
              FROM complaints c
             WHERE c.received_at >= ? AND c.received_at < ?{extra}""",
        [lo, hi, *params],
    )
