"""Customer groups and campaigns (R2, R3): pure rules, no Qt and no SQL.

A customer group is a saved set of criteria; its members are the cars (with their owner)
that meet every criterion given, counted on the day asked:

- models: the car is one of these models (codes of data/models.json);
- vehicle age in whole years since its purchase date, at least / at most (a car bought
  on 2023-06-18 turns 3 on 2026-06-18; a car without a purchase date has no age and
  meets no age criterion);
- visits in the last 12 months (orders opened, voided ones aside), at least / at most;
  the 12 months end today: on 2026-11-27 they run from 2025-11-28;
- spend in the last 12 months, in fen: what the settlements of the car's orders billed
  the customer after discounts (paid plus arrears; warranty and internal lines are not
  the customer's), at least / at most;
- last visit more than N days ago (a car never seen at the counter counts too) and / or
  within the last N days;
- service due: overdue, due within 7 days, within 30 days, or overdue or within 30 days,
  as the daily call list bands it (domain/next_service.py).

A campaign (free inspection, promotion, service reminder, invitation) targets a group:
the group's members the day it is launched are kept as its targets, so its figures stay
those of the cars it was launched on. It runs from its first to its last valid day.
A letter run prints one letter per customer: a service reminder letter (保养提醒函) for a
group or a service-reminder campaign, an invitation letter (邀请函) for the other kinds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from service_desk.domain import next_service as ns
from service_desk.domain.money import format_yuan
from service_desk.domain.schedules import add_months
from service_desk.domain.validation import Problem, check_name, check_text

AGE_MAX_YEARS = 30
VISITS_MAX = 100
SPEND_MAX_FEN = 1_000_000_000  # ¥10,000,000
DAYS_MAX = 3650
WINDOW_MONTHS = 12

# The due-service choices and the call-list bands each one takes.
DUE_CHOICES: dict[str, tuple[str, ...]] = {
    "overdue": (ns.OVERDUE,),
    "within_7": (ns.DUE_7,),
    "within_30": (ns.DUE_7, ns.DUE_30),
    "overdue_or_30": (ns.OVERDUE, ns.DUE_7, ns.DUE_30),
}

NAME_MAX = 60
NOTE_MAX = 200

KINDS = ("free_inspection", "promotion", "service_reminder", "invitation")
NEEDS_OFFER = ("free_inspection", "promotion")
REMINDER = "reminder"
INVITATION = "invitation"
OFFER_MAX = 200
LETTER_TEXT_MAX = 600
CAMPAIGN_MAX_DAYS = 366

# A campaign's status on a day.
NOT_STARTED = "not_started"
RUNNING = "running"
OVER = "over"
ENDED = "ended"


@dataclass(frozen=True)
class Criteria:
    models: tuple[str, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    visits_min: int | None = None
    visits_max: int | None = None
    spend_min_fen: int | None = None
    spend_max_fen: int | None = None
    last_visit_before_days: int | None = None  # last visit more than N days ago (or never)
    last_visit_within_days: int | None = None  # last visit within the last N days
    due: str | None = None  # a key of DUE_CHOICES

    def is_empty(self) -> bool:
        return self == Criteria()

    def to_json(self) -> dict[str, Any]:
        """The criteria given, as a JSON object (what customer_groups.criteria holds)."""
        out: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if key == "models":
                if value:
                    out[key] = list(value)
            elif value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Criteria:
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown criteria {sorted(unknown)}")
        values = dict(data)
        values["models"] = tuple(values.get("models", ()))
        return cls(**values)

    @property
    def due_bands(self) -> tuple[str, ...]:
        return DUE_CHOICES.get(self.due or "", ())


# --- the criteria -----------------------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range(
    field_name: str, low: int | None, high: int | None, top: int, bottom: int = 0
) -> Problem | None:
    for value in (low, high):
        if value is not None and (not _is_int(value) or not bottom <= value <= top):
            return Problem(field_name, f"{field_name}.range", params=(("max", top),))
    if low is not None and high is not None and low > high:
        return Problem(field_name, "range.order")
    return None


def check_criteria(c: Criteria, known_models: frozenset[str] | None = None) -> list[Problem]:
    """What is wrong with the criteria: each range within its bounds and its least not
    above its most, known models, a known due choice, and at least one criterion."""
    problems: list[Problem] = []
    if known_models is not None and any(m not in known_models for m in c.models):
        problems.append(Problem("models", "models.unknown"))
    if len(set(c.models)) != len(c.models):
        problems.append(Problem("models", "models.duplicate"))
    for p in (
        _range("age", c.age_min, c.age_max, AGE_MAX_YEARS),
        _range("visits", c.visits_min, c.visits_max, VISITS_MAX),
        _range("spend", c.spend_min_fen, c.spend_max_fen, SPEND_MAX_FEN),
        _range("last_visit", c.last_visit_before_days, None, DAYS_MAX, 1),
        _range("last_visit", c.last_visit_within_days, None, DAYS_MAX, 1),
    ):
        if p is not None and all(q.field != p.field for q in problems):
            problems.append(p)
    before, within = c.last_visit_before_days, c.last_visit_within_days
    if (
        not any(p.field == "last_visit" for p in problems)
        and before is not None
        and within is not None
        and before >= within
    ):
        problems.append(Problem("last_visit", "last_visit.order"))
    if c.due is not None and c.due not in DUE_CHOICES:
        problems.append(Problem("due", "due.unknown"))
    if c.is_empty():
        problems.append(Problem("criteria", "criteria.required"))
    return problems


def window_start(today: dt.date) -> dt.date:
    """The first day of the 12 months ending today (2026-11-27 -> 2025-11-28)."""
    return add_months(today, -WINDOW_MONTHS) + dt.timedelta(days=1)


def age_years(purchase: dt.date, today: dt.date) -> int:
    """Whole years since the purchase (0 in the first year; never negative)."""
    years = today.year - purchase.year - ((today.month, today.day) < (purchase.month, purchase.day))
    return max(0, years)


def purchase_bounds(
    today: dt.date, age_min: int | None, age_max: int | None
) -> tuple[dt.date | None, dt.date | None]:
    """(after, on_or_before): a car is at least ``age_min`` years old when bought on or
    before the second date, at most ``age_max`` when bought after the first."""
    latest = None if age_min is None else add_months(today, -12 * age_min)
    earliest = None if age_max is None else add_months(today, -12 * (age_max + 1))
    return earliest, latest


def last_visit_bounds(
    today: dt.date, before_days: int | None, within_days: int | None
) -> tuple[dt.date | None, dt.date | None]:
    """(visited_before, visited_since): last visit more than N days ago means before
    today - N; within M days means on or after today - M."""
    before = None if before_days is None else today - dt.timedelta(days=before_days)
    since = None if within_days is None else today - dt.timedelta(days=within_days)
    return before, since


def matches_due(c: Criteria, due_day: dt.date | None, today: dt.date) -> bool:
    """The due criterion on one car (its due day from next_service.predict_due)."""
    if c.due is None:
        return True
    return due_day is not None and ns.band(due_day, today) in c.due_bands


# --- members and letters -----------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """One car of a group, with its owner and the figures the criteria look at."""

    vehicle_id: int
    plate: str
    model_code: str
    purchase_date: dt.date | None
    age: int | None
    customer_id: int
    customer_name: str
    phone: str
    address: str
    visits: int
    spend_fen: int
    last_visit: dt.date | None
    due: ns.Due
    sold_car: bool = False
    wrong_number: bool = False

    @property
    def due_day(self) -> dt.date | None:
        return self.due.day

    @property
    def reachable(self) -> bool:
        """A letter may go to it."""
        return not (self.sold_car or self.wrong_number)


@dataclass(frozen=True)
class Letter:
    """One customer's letter: the cars of the run they own."""

    customer_id: int
    customer_name: str
    phone: str
    address: str
    cars: tuple[Member, ...]


@dataclass(frozen=True)
class Count:
    cars: int
    customers: int


def count_of(found: Sequence[Member]) -> Count:
    """How many cars and how many customers (owners) a list of members holds."""
    return Count(len(found), len({m.customer_id for m in found}))


def letters_of(found: Sequence[Member]) -> tuple[Letter, ...]:
    """One letter per customer, with their cars of the run; by customer name."""
    by_customer: dict[int, list[Member]] = {}
    for m in found:
        by_customer.setdefault(m.customer_id, []).append(m)
    letters = [
        Letter(
            cars[0].customer_id, cars[0].customer_name, cars[0].phone, cars[0].address, tuple(cars)
        )
        for cars in by_customer.values()
    ]
    letters.sort(key=lambda x: (x.customer_name, x.cars[0].plate))
    return tuple(letters)


# --- describing a group -----------------------------------------------------------------------

_DUE_TEXT = {
    "overdue": ("保养已逾期", "service overdue"),
    "within_7": ("7 天内保养到期", "service due within 7 days"),
    "within_30": ("30 天内保养到期", "service due within 30 days"),
    "overdue_or_30": ("保养已逾期或 30 天内到期", "service overdue or due within 30 days"),
}


def _between(low: str | None, high: str | None, lang: str) -> str:
    if low is not None and high is not None:
        return f"{low}–{high}" if lang == "zh" else f"{low} to {high}"
    if low is not None:
        return f"≥ {low}" if lang == "zh" else f"at least {low}"
    return f"≤ {high}" if lang == "zh" else f"at most {high}"


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def _yuan(value: int | None) -> str | None:
    return None if value is None else format_yuan(value)


def describe(
    c: Criteria, lang: str = "zh", model_name: Callable[[str, str], str] | None = None
) -> str:
    """The criteria in words, in Chinese ("zh") or English ("en"); ``model_name(code,
    lang)`` names a model (the code itself when not given)."""
    zh = lang == "zh"
    parts: list[str] = []
    if c.models:
        names = [model_name(m, lang) if model_name else m for m in c.models]
        parts.append(("车型：" + "、".join(names)) if zh else ("model " + " or ".join(names)))
    if c.age_min is not None or c.age_max is not None:
        span = _between(_text(c.age_min), _text(c.age_max), lang)
        parts.append(f"车龄 {span} 年" if zh else f"vehicle age (years) {span}")
    if c.visits_min is not None or c.visits_max is not None:
        if c.visits_max == 0:
            parts.append("近 12 个月未进厂" if zh else "no visit in the last 12 months")
        else:
            span = _between(_text(c.visits_min), _text(c.visits_max), lang)
            parts.append(
                f"近 12 个月进厂 {span} 次" if zh else f"{span} visits in the last 12 months"
            )
    if c.spend_min_fen is not None or c.spend_max_fen is not None:
        span = _between(_yuan(c.spend_min_fen), _yuan(c.spend_max_fen), lang)
        parts.append(f"近 12 个月消费 {span}" if zh else f"spent {span} in the last 12 months")
    if c.last_visit_before_days is not None:
        n = c.last_visit_before_days
        parts.append(
            f"最近一次进厂在 {n} 天以前（或从未进厂）"
            if zh
            else f"last visit more than {n} days ago (or never)"
        )
    if c.last_visit_within_days is not None:
        n = c.last_visit_within_days
        parts.append(f"最近一次进厂在 {n} 天以内" if zh else f"last visit within {n} days")
    if c.due in _DUE_TEXT:
        parts.append(_DUE_TEXT[c.due][0 if zh else 1])
    return ("；" if zh else "; ").join(parts)


# --- campaigns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignDraft:
    """What the launch form holds."""

    name: str
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    offer: str = ""
    letter_text: str = ""


def check_campaign(d: CampaignDraft, today: dt.date) -> list[Problem]:
    """A campaign to launch: a name, a known kind, its days (from ≤ to, not over already,
    at most a year), the offer of a free inspection or a promotion, texts in bounds."""
    problems = [
        p
        for p in (
            check_name(d.name, "name", NAME_MAX),
            check_text(d.offer, "offer", OFFER_MAX, required=d.kind in NEEDS_OFFER),
            check_text(d.letter_text, "letter_text", LETTER_TEXT_MAX),
        )
        if p is not None
    ]
    if d.kind not in KINDS:
        problems.append(Problem("kind", "campaign.kind"))
    if d.valid_from is None:
        problems.append(Problem("valid_from", "date.required"))
    if d.valid_to is None:
        problems.append(Problem("valid_to", "date.required"))
    if d.valid_from is not None and d.valid_to is not None:
        if d.valid_from > d.valid_to:
            problems.append(Problem("valid_to", "campaign.dates_order"))
        elif (d.valid_to - d.valid_from).days + 1 > CAMPAIGN_MAX_DAYS:
            problems.append(
                Problem("valid_to", "campaign.too_long", params=(("days", CAMPAIGN_MAX_DAYS),))
            )
        elif d.valid_to < today:
            problems.append(Problem("valid_to", "campaign.over"))
    return problems


def campaign_status(valid_from: dt.date, valid_to: dt.date, ended: bool, today: dt.date) -> str:
    if ended:
        return ENDED
    if today < valid_from:
        return NOT_STARTED
    if today > valid_to:
        return OVER
    return RUNNING


def is_active(valid_from: dt.date, valid_to: dt.date, ended: bool, today: dt.date) -> bool:
    """Running today: the call list carries its cars."""
    return campaign_status(valid_from, valid_to, ended, today) == RUNNING


def letter_kind(campaign_kind: str | None) -> str:
    """The letter a run prints: a reminder for a group or a service-reminder campaign, an
    invitation for the other campaigns."""
    return REMINDER if campaign_kind in (None, "service_reminder") else INVITATION


def check_letter_run(
    kind: str, letter_text: str, valid_to: dt.date, ended: bool, today: dt.date
) -> Problem | None:
    """A campaign's letters are printed while it can still be taken up, with their text."""
    if ended:
        return Problem("campaign", "campaign.ended")
    if valid_to < today:
        return Problem("campaign", "campaign.over")
    if not letter_text.strip():
        return Problem("letter_text", "letter_text.required")
    return None
