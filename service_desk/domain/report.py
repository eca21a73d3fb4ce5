"""The statistics report of a period (R18, R19): what the reports tab shows, the Excel
workbook exports and the self-review is prefilled from. Plain data, no database, no Qt.

Money is integer fen. Counting rules (computed in domain/statistics.py):

- the period runs from local midnight of its first day to local midnight after its last
  day, in the dealer's time zone (settings 'timezone'): an order signed 23:59:59 on the
  last day counts, one signed 00:00:00 the next day does not; times are compared as
  instants, whatever offset they were stored with;
- void orders count nowhere (no figure, no breakdown, no detail row), whatever they went
  through before they were voided;
- received: orders signed (the car taken in) within the period, by signed_at; void orders
  are not counted; declined orders are counted under ``declined``, not received;
- declined: orders declined within the period, by declined_at (with or without a fee);
- released: orders whose car left (release time) within the period: the moment the
  order moved into ``released`` (the release record's time; older orders have the
  lifecycle step only);
- breakdowns (by model, vehicle category, repair category): the received orders, each
  with ``amount_fen`` = the total of its active lines (every payer, approved additional
  work included); an unknown or missing code is counted under '' (未分类 / Uncategorised);
- revenue: from the settlements made within the period (settled_at), so a month's
  revenue is what was billed that month; labour / parts / fees and the payers are those
  of the settled orders' active lines, except that a declined order's settlement is its
  diagnosis/estimate fee (a customer fee; its estimate was never worked); ``by_method``
  sums the payments of those settlements (so it adds up to ``paid_fen``);
  ``arrears_fen`` is what those settlements let out unpaid, ``open_arrears_fen`` every
  customer's arrears outstanding at the period end (all arrears let out before it:
  nothing pays them off yet);
- additional work: items reported within the period, accepted = approved by the
  customer, declined = declined; an item still waiting for the answer is offered only;
- workshop time: hand-off to completion of orders completed within the period
  (wall-clock minutes, the average rounded half up);
- promise kept: of the orders released within the period, those whose ready-for-pickup
  time was not later than the promised time (as it stood: a promise moved with the
  customer's agreement, by approved extra work or a progress check, is the one kept);
- exceptions: key outings that began within the period and lasted more than the
  settings' key_out_alert_hours (a key still out counts up to the report's moment);
  orders released within the period with a key not handed back by the release, or with
  belongings handed back short; received orders flagged as comebacks;
- details: the received orders, in signing order;
- one advisor's report counts the orders whose advisor_id is theirs (the advisor who
  has the case now, after any hand-on).

Customer care (``Care``, issue 7):

- appointments: those whose ``day`` (the slot's local date) falls within the period,
  whatever their state and whenever they were booked (so "made" is the appointments
  of the period's days, not those booked during it); kept = arrived, missed = missed,
  cancelled = cancelled (booked / reminded ones still open are made only);
- follow-ups due: released orders (void left out) whose follow-up window (release date
  + 2 .. + 7 days in the dealer's zone, domain/care.py) ends within the period, done or
  not; follow-ups done: follow-ups with the outcome 'reached' or 'declined' done
  (done_at) within the period; satisfaction: the average of the reached ones done in the
  period, in hundredths (4.5 -> 450, rounded half up), None when none;
- complaints: opened (received_at) within the period; of those, answered in time =
  answered at once (no reply-by time) or answered no later than the reply-by time
  (exactly at it is in time), escalated = escalated at any time so far;
- one advisor's care figures: the appointments they booked (booked_by), the follow-ups
  of their orders (repair_orders.advisor_id, due and done alike), the complaints they
  took (received_by).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

PERIOD_KINDS = ("day", "week", "month", "range")


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end`` inclusive, in the dealer's time zone."""

    start: dt.date
    end: dt.date
    kind: str = "range"

    def __post_init__(self) -> None:
        if self.kind not in PERIOD_KINDS:
            raise ValueError(f"period kind {self.kind!r}")
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day, "day")

    @classmethod
    def week(cls, day: dt.date) -> Period:
        """The ISO week (Monday to Sunday) holding ``day``."""
        monday = day - dt.timedelta(days=day.weekday())
        return cls(monday, monday + dt.timedelta(days=6), "week")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), "month")

    @property
    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    def previous(self) -> Period:
        """The period before this one, of the same kind (a range: as many days)."""
        if self.kind == "month":
            before = self.start - dt.timedelta(days=1)
            return Period.month(before.year, before.month)
        length = (self.end - self.start).days + 1
        return Period(
            self.start - dt.timedelta(days=length), self.start - dt.timedelta(days=1), self.kind
        )

    def label(self, lang: str = "zh") -> str:
        """'2026年10月' / 'October 2026', '2026年第44周' / 'Week 44 of 2026', or the dates."""
        if self.kind == "month":
            if lang == "zh":
                return f"{self.start.year}年{self.start.month}月"
            return self.start.strftime("%B %Y")
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}年第{week}周" if lang == "zh" else f"Week {week} of {year}"
        if self.kind == "day":
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class Count:
    """One row of a breakdown: a code with its names, a count and an amount."""

    code: str
    name_zh: str
    name_en: str
    count: int
    amount_fen: int = 0

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Revenue:
    labour_fen: int = 0
    parts_fen: int = 0
    fees_fen: int = 0
    total_fen: int = 0  # labour + parts + fees of the settled orders (every payer)
    customer_fen: int = 0  # the customers' share before discounts
    warranty_fen: int = 0
    internal_fen: int = 0
    discount_fen: int = 0
    paid_fen: int = 0  # collected on those settlements
    arrears_fen: int = 0  # let out unpaid on those settlements
    open_arrears_fen: int = 0  # every customer's arrears outstanding at the period end
    settled_orders: int = 0
    by_method: dict[str, int] = field(default_factory=dict)  # payment method -> fen


@dataclass(frozen=True)
class ExtraWork:
    offered: int = 0
    accepted: int = 0
    declined: int = 0
    offered_fen: int = 0
    accepted_fen: int = 0


@dataclass(frozen=True)
class Workshop:
    completed: int = 0
    average_minutes: int | None = None  # hand-off to completion; None when none
    promises_due: int = 0  # orders released in the period with a promise
    promises_kept: int = 0

    @property
    def kept_rate_bp(self) -> int | None:
        """Promise kept rate in basis points (10000 = all kept), None when none was due."""
        if not self.promises_due:
            return None
        return (self.promises_kept * 10_000 + self.promises_due // 2) // self.promises_due


@dataclass(frozen=True)
class Exceptions:
    keys_out_late: int = 0  # key movements out longer than the alert hours, in the period
    keys_not_returned: int = 0  # released in the period with a key not handed back
    belongings_missing: int = 0  # orders whose belongings came back short
    comebacks: int = 0  # orders flagged as comebacks, signed in the period


@dataclass(frozen=True)
class Care:
    """Customer-care figures of the period (appointments, follow-ups, complaints)."""

    appointments_made: int = 0  # appointments for the period's days, any state
    appointments_kept: int = 0  # arrived
    appointments_missed: int = 0
    appointments_cancelled: int = 0
    follow_ups_due: int = 0  # released orders whose window ends in the period
    follow_ups_done: int = 0  # reached or declined, done in the period
    satisfaction_x100: int | None = None  # average of the reached ones; None when none
    complaints_opened: int = 0
    complaints_answered_in_time: int = 0
    complaints_escalated: int = 0


@dataclass(frozen=True)
class DetailRow:
    """One order of the period (the workbook's detail sheet)."""

    number: str
    signed_at: str  # ISO-8601 with offset
    released_at: str | None
    plate: str
    model_code: str
    model_name: str
    vehicle_category: str  # its name (zh)
    repair_category: str  # its name (zh)
    advisor: str
    customer: str
    state: str
    labour_fen: int
    parts_fen: int
    fees_fen: int
    total_fen: int
    discount_fen: int
    paid_fen: int
    arrears_fen: int


@dataclass(frozen=True)
class Report:
    period: Period
    received: int
    released: int
    declined: int
    daily_intake: list[tuple[dt.date, int]]  # every day of the period, in order
    by_model: list[Count]  # received orders; most first
    by_vehicle_category: list[Count]
    by_repair_category: list[Count]  # count and total_fen of the lines
    revenue: Revenue
    extra: ExtraWork
    workshop: Workshop
    exceptions: Exceptions
    details: list[DetailRow]  # every order signed in the period, in signing order
    care: Care = field(default_factory=Care)


REVIEW_KINDS = ("day", "month")
# The figures a self-review is prefilled with (statistics of one advisor and period).
REVIEW_FIGURES = (
    "received",  # orders signed by this advisor
    "released",
    "declined",
    "promises_due",
    "promises_kept",
    "extra_offered",
    "extra_accepted",
    "extra_accepted_fen",
    "revenue_fen",  # total_fen of the settlements of this advisor's orders
    "discount_fen",
    "arrears_fen",
    "comebacks",
)


@dataclass(frozen=True)
class SelfReview:
    """The advisor's daily self-review or monthly summary (R19): figures prefilled from
    the records (statistics of that advisor and period), then the advisor's own words."""

    kind: str  # 'day' | 'month'
    period: Period
    advisor: str
    figures: dict[str, int]  # REVIEW_FIGURES -> value
    went_well: str = ""
    to_improve: str = ""
    plan: str = ""
    saved_at: str | None = None  # ISO-8601 with offset; None while not saved
