"""The figures of a period (R18, R19) from plain rows: pure functions, no SQL, no Qt.

The queries (store/stats_queries.py) select each family's rows by an index range on one
ISO-8601 timestamp column, one day wider than the period on both sides (see ``Bounds``);
every function here then keeps exactly the rows whose moment falls within the period,
comparing instants: parsed aware datetimes, or the strings themselves when both are
written as ``clock.iso`` writes them with the same offset (then the string order is the
time order; see ``_comparable``). So a time stored with another offset than the
dealer's (a changed time zone setting) still lands on the right side of a period edge.
The counting rules are those of domain/report.py's docstring (void orders count nowhere;
periods end at local midnight; an unknown or missing code is '' 未分类; averages and
rates round half up). A lifecycle moment (completed, ready, released, handed
off without a hand-off record) is that of the order's event moving it into the state,
never a note event that leaves the state as it was (a hand-on, a moved promise).

Rows are mappings with the keys the query of the family returns (see each function).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from service_desk.domain import care as care_rules
from service_desk.domain.clock import parse
from service_desk.domain.report import (
    REVIEW_FIGURES,
    Care,
    Count,
    DetailRow,
    Exceptions,
    ExtraWork,
    Period,
    Report,
    Revenue,
    Workshop,
)

Row = Mapping[str, Any]
Names = Mapping[str, tuple[str, str]]  # code -> (name_zh, name_en)

UNCATEGORISED = ("未分类", "Uncategorised")
VOID = "void"
DECLINED_STATES = ("declined", "closed")
METHODS = ("cash", "card", "wechat", "alipay", "transfer")  # domain/settlement.py order


# --- the period's edges --------------------------------------------------------------------


@dataclass(frozen=True)
class Bounds:
    """The period as aware datetimes: start <= moment < end (local midnights)."""

    start: dt.datetime
    end: dt.datetime

    def contains(self, text: str | None) -> bool:
        if not text:
            return False
        edges = self._edges
        if edges is not None and _comparable(text, edges[0]):
            return edges[0] <= text < edges[1]
        return self.start <= parse(text) < self.end

    @cached_property
    def _edges(self) -> tuple[str, str] | None:
        """start and end as the counter stores times, when both have the same offset:
        a time written with that offset is then compared as a string (see _comparable)."""
        start, end = _iso(self.start), _iso(self.end)
        return (start, end) if _comparable(start, end) else None

    def sql_range(self) -> tuple[str, str]:
        """ISO strings for an index range that holds every row of the period.

        Stored times are ``iso()`` strings with the offset of the clock that wrote them
        (the dealer's, +08:00); strings of one offset sort in time order. A string of
        another offset differs from the dealer's wall clock by less than a day (offsets
        span -12:00..+14:00), so the range is one day wider on each side and the rows are
        then kept exactly by ``contains``."""
        day = dt.timedelta(days=1)
        return _iso(self.start - day), _iso(self.end + day)


def bounds(period: Period, tz: str) -> Bounds:
    """Local midnight of the first day .. local midnight after the last day."""
    zone = ZoneInfo(tz)
    start = dt.datetime.combine(period.start, dt.time(0), tzinfo=zone)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return Bounds(start, end)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _comparable(a: str, b: str) -> bool:
    """Whether two stored times compare as strings as they do as instants: both
    'YYYY-MM-DDTHH:MM:SS+HH:MM' (as ``clock.iso`` writes them) with the same offset, so
    the fixed-width local times decide. Parsing every row's times costs more than the
    queries of a busy month; any other form is parsed."""
    return len(a) == 25 == len(b) and a[10] == "T" == b[10] and a[19:] == b[19:]


def _not_later(a: str, b: str) -> bool:
    """parse(a) <= parse(b)."""
    return a <= b if _comparable(a, b) else parse(a) <= parse(b)


def within(rows: Iterable[Row], key: str, b: Bounds, state_key: str = "state") -> list[Row]:
    """The rows whose ``key`` moment is in the period, void orders left out
    (``b.contains`` of each, its string test inlined: a busy month is ~30,000 rows)."""
    edges = b._edges
    if edges is None:
        return [r for r in rows if r.get(state_key) != VOID and b.contains(r[key])]
    start, end = edges
    offset = start[19:]
    kept = []
    for r in rows:
        if r.get(state_key) == VOID:
            continue
        text = r[key]
        if not text:
            continue
        if len(text) == 25 and text[10] == "T" and text.endswith(offset):  # _comparable
            if start <= text < end:
                kept.append(r)
        elif b.start <= parse(text) < b.end:
            kept.append(r)
    return kept


# --- counts and breakdowns -----------------------------------------------------------------


def received(orders: Iterable[Row], b: Bounds) -> list[Row]:
    """Orders signed in the period (not void), in signing order. Rows: id, state,
    signed_at (and whatever else the caller wants to carry)."""
    rows = within(orders, "signed_at", b)
    edges = b._edges
    if edges is not None and all(_comparable(r["signed_at"], edges[0]) for r in rows):
        return sorted(rows, key=lambda r: (r["signed_at"], r["id"]))  # one offset
    return sorted(rows, key=lambda r: (parse(r["signed_at"]), r["id"]))


def declined(orders: Iterable[Row], b: Bounds) -> int:
    """Orders the customer declined in the period (declined_at), not voided later.
    Rows: id, state, declined_at."""
    return len(within(orders, "declined_at", b))


def released(rows: Iterable[Row], b: Bounds) -> list[Row]:
    """Orders whose car left in the period. Rows: order_id, state, released_at, ..."""
    return within(rows, "released_at", b)


def daily_intake(orders: Iterable[Row], period: Period, tz: str) -> list[tuple[dt.date, int]]:
    """Received orders per local day, every day of the period (zeros included).
    ``orders``: the received rows (signed_at)."""
    zone = ZoneInfo(tz)
    per_day = Counter(parse(r["signed_at"]).astimezone(zone).date() for r in orders)
    return [(day, per_day.get(day, 0)) for day in period.days]


def name_of(code: str | None, names: Names) -> tuple[str, str, str]:
    """(code, name_zh, name_en); an unknown or missing code is '' 未分类 / Uncategorised."""
    if code and code in names:
        zh, en = names[code]
        return code, zh, en
    return "", *UNCATEGORISED


def breakdown(
    orders: Iterable[Row],
    code_of: Callable[[Row], str | None],
    names: Names,
    amount_of: Callable[[Row], int] = lambda _r: 0,
) -> list[Count]:
    """Orders counted by a code (model, vehicle category, repair category) with the sum of
    ``amount_of``; most first (then the larger amount, then the code)."""
    counts: dict[str, int] = {}
    amounts: dict[str, int] = {}
    labels: dict[str | None, tuple[str, str, str]] = {}
    for row in orders:
        raw = code_of(row)
        named = labels.get(raw)
        if named is None:
            named = labels[raw] = name_of(raw, names)
        code = named[0]
        if code in counts:
            counts[code] += 1
            amounts[code] += amount_of(row)
        else:
            counts[code] = 1
            amounts[code] = amount_of(row)
    names_of = {named[0]: named[1:] for named in labels.values()}
    result = [Count(code, *names_of[code], counts[code], amounts[code]) for code in counts]
    return sorted(result, key=lambda c: (-c.count, -c.amount_fen, c.code))


# --- money ---------------------------------------------------------------------------------


def revenue(
    settlements: Iterable[Row],
    payments: Iterable[Row],
    arrears: Iterable[Row],
    b: Bounds,
) -> Revenue:
    """What was billed in the period: the settlements made in it (settled_at).

    settlements: order_id, state (the order's), settled_at, total_fen, discount_fen,
    paid_fen, arrears_fen, and the order's active lines summed by kind and by payer
    (labour_fen, parts_fen, fees_fen, customer_fen, warranty_fen, internal_fen).
    payments: their payments (order_id, method, amount_fen). arrears: every settlement
    with arrears settled before the period end (order_id, state, settled_at,
    arrears_fen).

    A worked order's labour, parts, fees and payers are those of its lines (every payer;
    the customer's share is what its settlement billed). A declined order's settlement
    is its diagnosis/estimate fee: a fee paid by the customer, its estimate lines were
    never worked. Payments by method are those of the settled orders (all made before
    settling: the desk takes none afterwards), so they add up to paid_fen. The arrears
    outstanding at the period end are all arrears let out before it (nothing pays them
    off yet)."""
    settled = within(settlements, "settled_at", b)
    ids = {s["order_id"] for s in settled}
    labour = parts = fees = customer = warranty = internal = 0
    discount = paid = let_out = 0
    for s in settled:
        if s["state"] in DECLINED_STATES:
            fees += s["total_fen"]
            customer += s["total_fen"]
        else:
            labour += s["labour_fen"]
            parts += s["parts_fen"]
            fees += s["fees_fen"]
            customer += s["customer_fen"]
            warranty += s["warranty_fen"]
            internal += s["internal_fen"]
        discount += s["discount_fen"]
        paid += s["paid_fen"]
        let_out += s["arrears_fen"]
    methods: Counter[str] = Counter()
    for p in payments:
        if p["order_id"] in ids:
            methods[p["method"]] += p["amount_fen"]
    order = {m: i for i, m in enumerate(METHODS)}
    by_method = {
        m: methods[m] for m in sorted(methods, key=lambda m: (order.get(m, len(order)), m))
    }
    open_arrears = sum(
        a["arrears_fen"]
        for a in arrears
        if a["state"] != VOID and a["settled_at"] and parse(a["settled_at"]) < b.end
    )
    return Revenue(
        labour_fen=labour,
        parts_fen=parts,
        fees_fen=fees,
        total_fen=labour + parts + fees,
        customer_fen=customer,
        warranty_fen=warranty,
        internal_fen=internal,
        discount_fen=discount,
        paid_fen=paid,
        arrears_fen=let_out,
        open_arrears_fen=open_arrears,
        settled_orders=len(settled),
        by_method=by_method,
    )


# --- additional work -----------------------------------------------------------------------


def extra_work(items: Iterable[Row], b: Bounds) -> ExtraWork:
    """Items reported in the period (reported_at) on orders not void. Rows: id,
    order_state, reported_at, state, amount_fen (the item's lines). Accepted: approved
    by the customer; declined: declined; an item still waiting is offered only."""
    rows = within(items, "reported_at", b, state_key="order_state")
    accepted = [r for r in rows if r["state"] == "approved"]
    return ExtraWork(
        offered=len(rows),
        accepted=len(accepted),
        declined=sum(1 for r in rows if r["state"] == "declined"),
        offered_fen=sum(r["amount_fen"] for r in rows),
        accepted_fen=sum(r["amount_fen"] for r in accepted),
    )


# --- the workshop --------------------------------------------------------------------------


def round_half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def workshop(completed: Iterable[Row], released_rows: Iterable[Row], b: Bounds) -> Workshop:
    """completed: order_id, state, completed_at, handed_at (the hand-off record's time,
    else the event into handed_off). released_rows: order_id, state, released_at,
    promised_at, ready_at (the pickup record's time, else the event into ready).

    Workshop time: wall-clock minutes from the hand-off to the completion of the orders
    completed in the period, averaged and rounded half up (a hand-off time rounded up
    to ten minutes past a quick completion counts 0). Promise kept: of the cars released
    in the period with a promise, those ready no later than the promised time as it
    stood (the signed promise, or the one the customer agreed to when extra work or a
    progress check moved it)."""
    done = within(completed, "completed_at", b)
    seconds = [
        max(0, int((parse(r["completed_at"]) - parse(r["handed_at"])).total_seconds()))
        for r in done
        if r["handed_at"]
    ]
    due = [r for r in released(released_rows, b) if r["promised_at"]]
    kept = [r for r in due if r["ready_at"] and _not_later(r["ready_at"], r["promised_at"])]
    return Workshop(
        completed=len(done),
        average_minutes=round_half_up(sum(seconds), 60 * len(seconds)) if seconds else None,
        promises_due=len(due),
        promises_kept=len(kept),
    )


# --- exceptions ----------------------------------------------------------------------------


def exceptions(
    key_outings: Iterable[Row],
    released_rows: Iterable[Row],
    released_keys: Iterable[Row],
    received_orders: Iterable[Row],
    b: Bounds,
    alert_hours: int,
    now: dt.datetime,
) -> Exceptions:
    """key_outings: every key taken out (to the workshop, a test drive) in the period:
    order_state, out_at, back_at (the key's next event, None while it is still out).
    released_rows: order_id, state, released_at, belongings_short (active belongings
    lines handed back fewer than they came). released_keys: order_id, key_id,
    returned_at (its hand-back to the customer, None if never) of those orders.
    received_orders: the received rows with their comeback flag.

    - keys out late: outings that began in the period and lasted more than alert_hours
      (one still out counts until ``now``);
    - keys not returned: cars released in the period with a key not handed back by the
      release (the gate forbids it now; releases from before the gate, or past it);
    - belongings missing: cars released in the period whose belongings came back short
      (they are ticked back at pickup, just before the release);
    - comebacks: orders received in the period flagged as comebacks when signed."""
    limit = dt.timedelta(hours=alert_hours)
    late = 0
    for k in within(key_outings, "out_at", b, state_key="order_state"):
        back = parse(k["back_at"]) if k["back_at"] else now
        if back - parse(k["out_at"]) > limit:
            late += 1
    gone = released(released_rows, b)
    when = {r["order_id"]: parse(r["released_at"]) for r in gone}
    not_returned = {
        k["order_id"]
        for k in released_keys
        if k["order_id"] in when
        and (not k["returned_at"] or parse(k["returned_at"]) > when[k["order_id"]])
    }
    return Exceptions(
        keys_out_late=late,
        keys_not_returned=len(not_returned),
        belongings_missing=sum(1 for r in gone if r["belongings_short"]),
        comebacks=sum(1 for r in received_orders if r["comeback"]),
    )


# --- customer care -------------------------------------------------------------------------


def appointments(rows: Iterable[Row], period: Period) -> tuple[int, int, int, int]:
    """(made, kept, missed, cancelled) of the appointments of the period's days. Rows:
    day (the slot's local date, ISO), state. Made counts every state; kept = arrived."""
    first, last = period.start.isoformat(), period.end.isoformat()
    states = Counter(r["state"] for r in rows if first <= r["day"] <= last)
    return (
        sum(states.values()),
        states["arrived"],
        states["missed"],
        states["cancelled"],
    )


def follow_up_bounds(b: Bounds) -> Bounds:
    """The releases whose follow-up window can end within ``b``: the period moved back
    by the window's last day (care.FOLLOW_UP_TO_DAYS)."""
    back = dt.timedelta(days=care_rules.FOLLOW_UP_TO_DAYS)
    return Bounds(b.start - back, b.end - back)


def follow_ups_due(released_rows: Iterable[Row], period: Period, tz: str) -> int:
    """Released cars (not void) whose follow-up window (release date + 2 .. + 7 days in
    the dealer's zone) ends within the period, followed up or not. Rows: order_id,
    state, released_at."""
    zone = ZoneInfo(tz)
    due = set()
    for r in released_rows:
        if r["state"] == VOID or not r["released_at"]:
            continue
        window = care_rules.follow_up_window(parse(r["released_at"]), zone)
        if period.start <= window.due_to <= period.end:
            due.add(r["order_id"])
    return len(due)


def follow_ups_done(rows: Iterable[Row], b: Bounds) -> tuple[int, int | None]:
    """(done, average satisfaction in hundredths) of the follow-ups done in the period:
    reached or declined (a call not answered is not done); the average of the reached
    ones, rounded half up, None when none. Rows: order_state, done_at, outcome,
    satisfaction."""
    done = [
        r
        for r in within(rows, "done_at", b, state_key="order_state")
        if r["outcome"] in ("reached", "declined")
    ]
    scores = [r["satisfaction"] for r in done if r["outcome"] == "reached" and r["satisfaction"]]
    average = round_half_up(100 * sum(scores), len(scores)) if scores else None
    return len(done), average


def complaints(rows: Iterable[Row], b: Bounds) -> tuple[int, int, int]:
    """(opened, answered in time, escalated) of the complaints received in the period.
    In time: answered at once (no reply-by time) or no later than the reply-by time.
    Rows: received_at, reply_by, answered_at, escalated_at."""
    opened = [r for r in rows if b.contains(r["received_at"])]
    in_time = sum(
        1
        for r in opened
        if r["answered_at"] and (not r["reply_by"] or _not_later(r["answered_at"], r["reply_by"]))
    )
    escalated = sum(1 for r in opened if r["escalated_at"])
    return len(opened), in_time, escalated


def care(
    appointment_rows: Iterable[Row],
    released_rows: Iterable[Row],
    follow_up_rows: Iterable[Row],
    complaint_rows: Iterable[Row],
    period: Period,
    tz: str,
) -> Care:
    """The customer-care figures of the period (see domain/report.py)."""
    b = bounds(period, tz)
    made, kept, missed, cancelled = appointments(appointment_rows, period)
    done, satisfaction = follow_ups_done(follow_up_rows, b)
    opened, in_time, escalated = complaints(complaint_rows, b)
    return Care(
        appointments_made=made,
        appointments_kept=kept,
        appointments_missed=missed,
        appointments_cancelled=cancelled,
        follow_ups_due=follow_ups_due(released_rows, period, tz),
        follow_ups_done=done,
        satisfaction_x100=satisfaction,
        complaints_opened=opened,
        complaints_answered_in_time=in_time,
        complaints_escalated=escalated,
    )


# --- the detail sheet ----------------------------------------------------------------------


def detail_rows(
    orders: Sequence[Row],
    models: Names,
    vehicle_categories: Names,
    repair_categories: Names,
) -> list[DetailRow]:
    """One row per received order (signing order). orders: id, number, state, signed_at,
    released_at, plate, model_code, category_code, repair_category, advisor, customer,
    labour_fen, parts_fen, fees_fen (its active lines by kind), discount_fen (approved
    discounts), paid_fen (payments), arrears_fen (let out at the settlement, 0 before)."""
    model_name = _name_zh(models)
    vehicle_category = _name_zh(vehicle_categories)
    repair_category = _name_zh(repair_categories)
    rows = []
    for o in orders:
        labour, parts, fees = o["labour_fen"], o["parts_fen"], o["fees_fen"]
        rows.append(
            DetailRow(
                number=o["number"],
                signed_at=o["signed_at"],
                released_at=o["released_at"],
                plate=o["plate"],
                model_code=o["model_code"],
                model_name=model_name(o["model_code"]),
                vehicle_category=vehicle_category(o["category_code"]),
                repair_category=repair_category(o["repair_category"]),
                advisor=o["advisor"],
                customer=o["customer"],
                state=o["state"],
                labour_fen=labour,
                parts_fen=parts,
                fees_fen=fees,
                total_fen=labour + parts + fees,
                discount_fen=o["discount_fen"],
                paid_fen=o["paid_fen"],
                arrears_fen=o["arrears_fen"],
            )
        )
    return rows


def _name_zh(names: Names) -> Callable[[str | None], str]:
    """name_of(code, names)[1], each code looked up once."""
    known: dict[str | None, str] = {}

    def name_zh(code: str | None) -> str:
        name = known.get(code)
        if name is None:
            name = known[code] = name_of(code, names)[1]
        return name

    return name_zh


# --- the whole report ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """Every family's rows as the queries return them (one day wider than the period)."""

    signed: Sequence[Row]  # with their active lines summed by kind
    declined: Sequence[Row]
    settlements: Sequence[Row]  # with their order's active lines by kind and by payer
    settled_payments: Sequence[Row]
    arrears: Sequence[Row]
    extra: Sequence[Row]
    completed: Sequence[Row]
    released: Sequence[Row]
    released_keys: Sequence[Row]
    key_outings: Sequence[Row]
    # customer care (left empty: all zero)
    appointments: Sequence[Row] = ()  # day, state
    released_for_follow_up: Sequence[Row] = ()  # order_id, state, released_at
    follow_ups: Sequence[Row] = ()  # order_state, done_at, outcome, satisfaction
    complaints: Sequence[Row] = ()  # received_at, reply_by, answered_at, escalated_at


@dataclass(frozen=True)
class Reference:
    """The names of the codes (reference.py) and the settings the figures need."""

    models: Names
    vehicle_categories: Names
    repair_categories: Names
    tz: str = "Asia/Shanghai"
    key_out_alert_hours: int = 4


def build_report(
    period: Period, rows: Rows, ref: Reference, now: dt.datetime, *, details: bool = True
) -> Report:
    """The whole report of the period from the rows of every family; without the detail
    rows unless ``details`` (the signed rows then need only what the figures read)."""
    b = bounds(period, ref.tz)
    taken = received(rows.signed, b)

    def amount(o: Row) -> int:
        return o["labour_fen"] + o["parts_fen"] + o["fees_fen"]

    return Report(
        period=period,
        received=len(taken),
        released=len(released(rows.released, b)),
        declined=declined(rows.declined, b),
        daily_intake=daily_intake(taken, period, ref.tz),
        by_model=breakdown(taken, lambda o: o["model_code"], ref.models, amount),
        by_vehicle_category=breakdown(
            taken, lambda o: o["category_code"], ref.vehicle_categories, amount
        ),
        by_repair_category=breakdown(
            taken, lambda o: o["repair_category"], ref.repair_categories, amount
        ),
        revenue=revenue(rows.settlements, rows.settled_payments, rows.arrears, b),
        extra=extra_work(rows.extra, b),
        workshop=workshop(rows.completed, rows.released, b),
        exceptions=exceptions(
            rows.key_outings,
            rows.released,
            rows.released_keys,
            taken,
            b,
            ref.key_out_alert_hours,
            now,
        ),
        details=(
            detail_rows(taken, ref.models, ref.vehicle_categories, ref.repair_categories)
            if details
            else []
        ),
        care=care(
            rows.appointments,
            rows.released_for_follow_up,
            rows.follow_ups,
            rows.complaints,
            period,
            ref.tz,
        ),
    )


def review_figures(report: Report) -> dict[str, int]:
    """The self-review's prefilled figures (REVIEW_FIGURES) from a report of one advisor."""
    figures = {
        "received": report.received,
        "released": report.released,
        "declined": report.declined,
        "promises_due": report.workshop.promises_due,
        "promises_kept": report.workshop.promises_kept,
        "extra_offered": report.extra.offered,
        "extra_accepted": report.extra.accepted,
        "extra_accepted_fen": report.extra.accepted_fen,
        "revenue_fen": report.revenue.total_fen,
        "discount_fen": report.revenue.discount_fen,
        "arrears_fen": report.revenue.arrears_fen,
        "comebacks": report.exceptions.comebacks,
    }
    return {name: figures[name] for name in REVIEW_FIGURES}
