"""Warranty claims (索赔) and the first free service (首保), R19: pure rules, no Qt, no SQL.

Claims. The manufacturer pays the lines of an order marked 'warranty' once the dealer has
filed a claim for them under the manufacturer's claim number:

- a claim moves submitted -> approved | rejected, approved -> paid, and nothing else; a
  rejected claim stays rejected (the order may be claimed again: a new claim, with its
  own number) and a paid one is closed;
- the claim number is the manufacturer's, checked loosely: 4 to 40 letters, digits, '-',
  '/' or '_', starting with a letter or a digit; spaces are dropped, full-width
  characters and lower case are read as their ASCII capitals;
- amounts in fen: claimed between 1 fen and the order's warranty lines (a claim never
  asks the manufacturer for more than the warranty work on the order); approved between
  1 fen and the claimed amount (nothing approved is a rejection); paid between 1 fen and
  the approved amount (a manufacturer that pays less leaves a shortfall; one that pays
  more is a typing error);
- a claim is open while submitted or approved and not paid. It is due for a chase when
  the manufacturer has not answered CHASE_SUBMITTED_DAYS after it was filed, or has not
  paid CHASE_APPROVED_DAYS after approving it (counted in calendar days of the counter's
  zone; on that day itself it is due).

The first free service. Each model's maintenance cycle names the first service
(first_km / first_months, whichever comes first, data/maintenance_cycles.json), usually
free to the customer and claimed from the manufacturer:

- its limit is the purchase date + first_months, or first_km on the odometer (predicted
  from the car's own readings, domain/next_service.py), whichever comes first;
- due: the window is open, WINDOW_DAYS before the limit date or WINDOW_KM before the limit
  km; due soon: the window opens within SOON_DAYS; overdue: past the limit date or km but
  still within the grace the counter allows (GRACE_DAYS after the limit date and
  GRACE_KM over the limit km, both): still done as the free first service; lapsed: past
  either grace; done: a first maintenance was done within the free window or its grace
  (which order, when, at what km). A first maintenance done later is no free first
  service: lapsed, the order kept (in_time False) — the app often knows a car only from
  some later visit on, so its "first" maintenance here is seldom its first one;
  unknown: no purchase date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service_desk.domain import next_service as ns
from service_desk.domain.schedules import add_months

# --- claims ---------------------------------------------------------------------------------

STATES = ("submitted", "approved", "rejected", "paid")
OPEN_STATES = ("submitted", "approved")
FINAL_STATES = ("rejected", "paid")
MOVES = {"submitted": ("approved", "rejected"), "approved": ("paid",)}
# An order is claimed once the car is finished and its bill settled.
CLAIMABLE_ORDER_STATES = ("settled", "released", "done")
NUMBER_MIN = 4
NUMBER_MAX = 40
REASON_MAX = 500
NOTE_MAX = 500
MAX_FEN = 100_000_000_000
CHASE_SUBMITTED_DAYS = 14
CHASE_APPROVED_DAYS = 30

_NUMBER = re.compile(r"[0-9A-Z][0-9A-Z/_-]*\Z")


class WarrantyError(ValueError):
    """A warranty rule refused the step; code names the rule, params fill its text."""

    def __init__(self, code: str, field: str | None = None, **params: object):
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params


def normalise_number(text: str) -> str:
    """' sp-2026 1104７ ' -> 'SP-202611047'."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def check_number(text: str) -> str:
    """The claim number as stored, or a refusal under the claim number field."""
    number = normalise_number(text)
    if not number:
        raise WarrantyError("claim_number.required", "claim_number")
    if not (NUMBER_MIN <= len(number) <= NUMBER_MAX and _NUMBER.match(number)):
        raise WarrantyError("claim_number.format", "claim_number", min=NUMBER_MIN, max=NUMBER_MAX)
    return number


def check_move(state: str, to: str) -> None:
    if to not in MOVES.get(state, ()):
        raise WarrantyError("claim.state", None, claim_state=state, to_claim_state=to)


def check_claimed(claimed_fen: int, lines_fen: int) -> None:
    if lines_fen <= 0:
        raise WarrantyError("claim.no_warranty_lines")
    if claimed_fen < 1:
        raise WarrantyError("claimed.positive", "claimed")
    if claimed_fen > lines_fen:
        raise WarrantyError("claimed.over_lines", "claimed", lines_fen=lines_fen)


def check_approved(approved_fen: int, claimed_fen: int) -> None:
    if approved_fen < 1:
        raise WarrantyError("approved.positive", "approved")
    if approved_fen > claimed_fen:
        raise WarrantyError("approved.over_claimed", "approved", claimed_fen=claimed_fen)


def check_paid(paid_fen: int, approved_fen: int) -> None:
    if paid_fen < 1:
        raise WarrantyError("paid.positive", "paid")
    if paid_fen > approved_fen:
        raise WarrantyError("paid.over_approved", "paid", approved_fen=approved_fen)


def check_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise WarrantyError("rejection.reason_required", "reason")
    if len(text) > REASON_MAX:
        raise WarrantyError("rejection.reason_too_long", "reason", max=REASON_MAX)
    return text


def check_note(note: str) -> str:
    text = note.strip()
    if len(text) > NOTE_MAX:
        raise WarrantyError("claim.note_too_long", "note", max=NOTE_MAX)
    return text


def is_open(state: str) -> bool:
    return state in OPEN_STATES


def days_between(since: dt.datetime, now: dt.datetime) -> int:
    """Calendar days from ``since`` to ``now`` in the zone of ``now`` (never negative)."""
    return max(0, (now.date() - since.astimezone(now.tzinfo).date()).days)


def waiting_since(
    state: str, submitted_at: dt.datetime, approved_at: dt.datetime | None
) -> dt.datetime | None:
    """Since when the dealer waits for the manufacturer: the filing for a submitted claim,
    the approval for an approved one; None once the claim is closed."""
    if state == "submitted":
        return submitted_at
    if state == "approved":
        return approved_at
    return None


def due_for_chase(
    state: str, submitted_at: dt.datetime, approved_at: dt.datetime | None, now: dt.datetime
) -> bool:
    since = waiting_since(state, submitted_at, approved_at)
    if since is None:
        return False
    limit = CHASE_SUBMITTED_DAYS if state == "submitted" else CHASE_APPROVED_DAYS
    return days_between(since, now) >= limit


@dataclass(frozen=True)
class Claim:
    """What the figures need of one claim."""

    state: str
    claimed_fen: int
    submitted_at: dt.datetime
    approved_fen: int | None = None
    approved_at: dt.datetime | None = None
    rejected_at: dt.datetime | None = None
    paid_fen: int | None = None
    paid_at: dt.datetime | None = None

    @property
    def expected_fen(self) -> int:
        """What the dealer still expects from the manufacturer."""
        if self.state == "submitted":
            return self.claimed_fen
        if self.state == "approved":
            return self.approved_fen or 0
        return 0


@dataclass(frozen=True)
class Figures:
    """Open claims now; claims filed, approved, rejected and paid in a period."""

    open_count: int = 0
    open_fen: int = 0  # still expected: claimed (submitted) or approved (not yet paid)
    chase_count: int = 0
    filed_count: int = 0
    filed_fen: int = 0
    approved_count: int = 0
    approved_fen: int = 0
    rejected_count: int = 0
    rejected_fen: int = 0  # what those claims asked for
    paid_count: int = 0
    paid_fen: int = 0
    shortfall_fen: int = 0  # approved minus paid, of the claims paid in the period


def figures(claims: Iterable[Claim], first: dt.date, last: dt.date, now: dt.datetime) -> Figures:
    """The claims' figures: open ones as of ``now``; each step counted on its local day
    (the zone of ``now``) when that day lies in ``first`` .. ``last``."""

    def within(moment: dt.datetime | None) -> bool:
        return moment is not None and first <= moment.astimezone(now.tzinfo).date() <= last

    counts = dict.fromkeys(Figures.__dataclass_fields__, 0)
    for c in claims:
        if c.state not in STATES:
            raise ValueError(f"unknown claim state {c.state!r}")
        if is_open(c.state):
            counts["open_count"] += 1
            counts["open_fen"] += c.expected_fen
            counts["chase_count"] += due_for_chase(c.state, c.submitted_at, c.approved_at, now)
        if within(c.submitted_at):
            counts["filed_count"] += 1
            counts["filed_fen"] += c.claimed_fen
        if within(c.approved_at):
            counts["approved_count"] += 1
            counts["approved_fen"] += c.approved_fen or 0
        if within(c.rejected_at):
            counts["rejected_count"] += 1
            counts["rejected_fen"] += c.claimed_fen
        if within(c.paid_at):
            counts["paid_count"] += 1
            counts["paid_fen"] += c.paid_fen or 0
            counts["shortfall_fen"] += (c.approved_fen or 0) - (c.paid_fen or 0)
    return Figures(**counts)


# --- the first free service (首保) ------------------------------------------------------------

DONE = "done"
DUE = "due"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
LAPSED = "lapsed"
UNKNOWN = "unknown"  # no purchase date
NOT_YET = "not_yet"
FIRST_STATUSES = (OVERDUE, DUE, DUE_SOON, UNKNOWN, DONE, LAPSED, NOT_YET)  # listing order

WINDOW_DAYS = 30
WINDOW_KM = 1000
SOON_DAYS = 30
GRACE_DAYS = 30
GRACE_KM = 1000
# How long a done or lapsed first service stays on the list, for the record.
LIST_DONE_DAYS = 30
LIST_LAPSED_DAYS = 30


@dataclass(frozen=True)
class FirstServiceDone:
    """The maintenance order that was the car's first."""

    order_id: int
    number: str
    day: dt.date
    km: int | None


@dataclass(frozen=True)
class FirstService:
    status: str
    first_km: int
    limit_date: dt.date | None  # purchase + first_months
    opens: dt.date | None  # the window opens (by date, or the day the km is predicted)
    km_date: dt.date | None  # the day the car is predicted to reach first_km
    grace_until: dt.date | None  # the last day still done as the free first service
    grace_km: int  # the highest odometer still done as the free first service
    predicted_km: int | None  # the odometer today
    done: FirstServiceDone | None = None
    in_time: bool | None = None  # a done one: within the free window (with its grace)

    @property
    def due_day(self) -> dt.date | None:
        """The limit that comes first: the limit date or the day first_km is reached."""
        days = [d for d in (self.limit_date, self.km_date) if d is not None]
        return min(days) if days else None

    def listed(self, today: dt.date) -> bool:
        """Worth a line on the first-service list today."""
        if self.status in (DUE, DUE_SOON, OVERDUE):
            return True
        if self.status == DONE:
            return self.done is not None and self.done.day >= today - dt.timedelta(
                days=LIST_DONE_DAYS
            )
        if self.status == LAPSED:
            return self.grace_until is not None and today <= self.grace_until + dt.timedelta(
                days=LIST_LAPSED_DAYS
            )
        if self.status == UNKNOWN:  # young by its odometer: ask for the purchase date
            return self.predicted_km is not None and self.predicted_km <= self.grace_km
        return False

    @property
    def rank(self) -> int:
        return FIRST_STATUSES.index(self.status)


def first_service_status(
    first_km: int,
    first_months: int,
    purchase_date: dt.date | None,
    readings: Sequence[ns.Reading],
    today: dt.date,
    done: FirstServiceDone | None = None,
) -> FirstService:
    """The first service of one car as of ``today`` (see the module doc)."""
    rate = ns.km_per_day(readings)
    km = ns.predict_km(readings, rate, today)
    km_date = ns.km_reached_on(readings, rate, first_km) if readings else None
    grace_km = first_km + GRACE_KM
    if purchase_date is None:
        status = DONE if done is not None else UNKNOWN
        return FirstService(status, first_km, None, None, km_date, None, grace_km, km, done)
    limit = add_months(purchase_date, first_months)
    grace_until = limit + dt.timedelta(days=GRACE_DAYS)
    opens = limit - dt.timedelta(days=WINDOW_DAYS)
    if readings:
        km_opens = ns.km_reached_on(readings, rate, first_km - WINDOW_KM)
        if km_opens is not None:
            opens = min(opens, km_opens)
    parts = (first_km, limit, opens, km_date, grace_until, grace_km, km)
    if done is not None:
        in_time = done.day <= grace_until and (done.km is None or done.km <= grace_km)
        return FirstService(DONE if in_time else LAPSED, *parts, done=done, in_time=in_time)
    by_km = km is not None
    if today > grace_until or (by_km and km > grace_km):
        status = LAPSED
    elif today > limit or (by_km and km > first_km):
        status = OVERDUE
    elif today >= limit - dt.timedelta(days=WINDOW_DAYS) or (by_km and km >= first_km - WINDOW_KM):
        status = DUE
    elif today >= opens - dt.timedelta(days=SOON_DAYS):
        status = DUE_SOON
    else:
        status = NOT_YET
    return FirstService(status, *parts)
