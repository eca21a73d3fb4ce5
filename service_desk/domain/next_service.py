"""Next service and needs (R2): who to call today and why.

The maintenance due (date and km, whichever comes first) comes from
`domain.schedules.next_service`; this module adds what the schedule cannot know: when the
car will *reach* the due km, predicted from its own odometer history, and merges that with
the work the customer declined earlier into one call line per vehicle. A call back the
customer asked for is a reason of its own (CALL_BACK); the contact log decides when it
stands (domain/contacts.py).

Pure: no Qt, no SQL. The store fetches, the action (`actions.call_list`) assembles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from service_desk.domain.schedules import Cycle, next_service

# A private car in China drives roughly 12-15 000 km a year; used when a car's own history
# is too short to tell (a single reading, or readings only days apart).
DEFAULT_KM_PER_DAY = 40.0
# The rate is taken from the readings of the last twelve months (the car's current use),
# falling back to its whole history when those are too few or too close together.
RATE_WINDOW_DAYS = 365
MIN_SPAN_DAYS = 30

# Urgency bands, most urgent first. "Due today" is not overdue: it is due within 7 days.
OVERDUE = "service_overdue"
DUE_7 = "service_due_7"
DUE_30 = "service_due_30"
LATER = "later"
DECLINED = "declined_work"
# The customer asked to be called back at a time that has come (the contact log, R3).
CALL_BACK = "call_back"
# A running campaign (free inspection, promotion …) targets the car and nobody has reached
# its owner about it yet (customer groups and campaigns, R2).
CAMPAIGN = "campaign"
BANDS = (OVERDUE, DUE_7, DUE_30, LATER)
# Sorting rank of a call line: its most urgent reason. A call back the customer asked for
# ranks right after overdue service: it is a promise made to the customer for a time they
# chose, so it goes before a service that is merely coming due; an overdue car is late
# already (and a call back is usually about that same car, so both show on one line).
# Declined work alone ranks after every service band that calls for a call; a campaign
# alone comes last (an offer, not a need of the car).
RANK = {OVERDUE: 0, CALL_BACK: 1, DUE_7: 2, DUE_30: 3, DECLINED: 4, CAMPAIGN: 5}


@dataclass(frozen=True)
class Reading:
    day: dt.date
    km: int


@dataclass(frozen=True)
class Rate:
    km_per_day: float
    basis: str  # "window" (last 12 months), "history" (all readings) or "default"


@dataclass(frozen=True)
class Due:
    """The next maintenance: the schedule's due date and km, the day the car is predicted to
    reach that km, and the due day that counts (whichever comes first)."""

    due_date: dt.date | None
    due_km: int | None
    km_date: dt.date | None
    day: dt.date | None
    predicted_km: int | None  # the odometer predicted for today
    rate: Rate

    def band(self, today: dt.date) -> str | None:
        return None if self.day is None else band(self.day, today)


@dataclass(frozen=True)
class Declined:
    """One piece of work the customer declined (an extra-work item or a declined order's
    estimate line)."""

    source: str  # "extra_work" or "estimate"
    description: str
    amount_fen: int
    day: dt.date
    order_number: str


@dataclass(frozen=True)
class Reason:
    code: str  # OVERDUE, DUE_7, DUE_30, DECLINED, CALL_BACK or CAMPAIGN
    figures: dict[str, object]


def band(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return OVERDUE
    if days <= 7:
        return DUE_7
    if days <= 30:
        return DUE_30
    return LATER


def _slope(points: Sequence[tuple[int, int]]) -> float | None:
    """Least-squares km per day through (day number, km) points; None if undefined."""
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def km_per_day(readings: Sequence[Reading]) -> Rate:
    """The car's own daily distance: least squares over the readings of the last twelve
    months before its latest reading (robust to irregular visits); all readings when those
    span less than MIN_SPAN_DAYS; DEFAULT_KM_PER_DAY when the history is too short or the
    slope is not positive (an odometer replaced, a typing error)."""
    if not readings:
        return Rate(DEFAULT_KM_PER_DAY, "default")
    ordered = sorted(readings, key=lambda r: r.day)
    last = ordered[-1].day
    recent = [r for r in ordered if (last - r.day).days <= RATE_WINDOW_DAYS]
    for chosen, basis in ((recent, "window"), (ordered, "history")):
        if (last - chosen[0].day).days < MIN_SPAN_DAYS:
            continue
        slope = _slope([((r.day - last).days, r.km) for r in chosen])
        if slope is not None and slope > 0:
            return Rate(slope, basis)
    return Rate(DEFAULT_KM_PER_DAY, "default")


def _latest(readings: Sequence[Reading]) -> Reading:
    """The latest reading: of the last day, the one recorded last (readings come in the
    order recorded)."""
    return sorted(readings, key=lambda r: r.day)[-1]


def predict_km(readings: Sequence[Reading], rate: Rate, today: dt.date) -> int | None:
    """The odometer today: the latest reading plus the daily distance since."""
    if not readings:
        return None
    last = _latest(readings)
    return last.km + round(rate.km_per_day * max(0, (today - last.day).days))


def km_reached_on(readings: Sequence[Reading], rate: Rate, km: int) -> dt.date | None:
    """The day the car reaches `km` at its rate (in the past when it already has)."""
    if not readings:
        return None
    last = _latest(readings)
    return last.day + dt.timedelta(days=math.ceil((km - last.km) / rate.km_per_day))


def predict_due(
    cycle: Cycle,
    readings: Sequence[Reading],
    today: dt.date,
    *,
    purchase_date: dt.date | None = None,
    last_service: tuple[dt.date, int] | None = None,
    stored_due: tuple[dt.date | None, int | None] = (None, None),
) -> Due:
    """The next maintenance of one car.

    The schedule (`schedules.next_service`) runs from the last maintenance when there is
    one; otherwise the due stored on the vehicle (set at registration, possibly by hand)
    counts; otherwise the schedule runs from the purchase with the predicted odometer.
    The due day is the earlier of the due date and the day the due km is predicted."""
    rate = km_per_day(readings)
    current_km = predict_km(readings, rate, today)
    if last_service is not None:
        due_date, due_km = next_service(cycle, purchase_date, last_service, today, current_km)
    elif stored_due != (None, None):
        due_date, due_km = stored_due
    else:
        due_date, due_km = next_service(cycle, purchase_date, None, today, current_km)
    km_date = None if due_km is None else km_reached_on(readings, rate, due_km)
    days = [d for d in (due_date, km_date) if d is not None]
    return Due(due_date, due_km, km_date, min(days) if days else None, current_km, rate)


def reasons(due: Due, declined: Sequence[Declined], today: dt.date) -> list[Reason]:
    """Why to call: the service band (when due within 30 days or overdue) with its figures,
    and each declined item with its amount. Empty when there is nothing to call about."""
    found: list[Reason] = []
    code = due.band(today)
    if code is not None and code != LATER:
        found.append(
            Reason(
                code,
                {
                    "due_day": due.day,
                    "due_date": due.due_date,
                    "due_km": due.due_km,
                    "km_date": due.km_date,
                    "predicted_km": due.predicted_km,
                    "km_per_day": round(due.rate.km_per_day, 1),
                    "rate_basis": due.rate.basis,
                },
            )
        )
    for item in declined:
        found.append(
            Reason(
                DECLINED,
                {
                    "source": item.source,
                    "description": item.description,
                    "amount_fen": item.amount_fen,
                    "declined_on": item.day,
                    "order_number": item.order_number,
                },
            )
        )
    return found


def call_back_reason(
    call_back_at: dt.datetime, asked_at: dt.datetime, asked_by: str, note: str = ""
) -> Reason:
    """The customer asked (at ``asked_at``, to ``asked_by``) to be called at
    ``call_back_at``, and that time has come: a reason to call of its own, even when the
    car has no other."""
    return Reason(
        CALL_BACK,
        {"call_back_at": call_back_at, "asked_at": asked_at, "asked_by": asked_by, "note": note},
    )


def campaign_reason(
    campaign_id: int, name: str, offer: str, valid_to: dt.date, letter_sent_on: dt.date | None
) -> Reason:
    """A running campaign targets the car and its owner was not reached about it yet."""
    return Reason(
        CAMPAIGN,
        {
            "campaign_id": campaign_id,
            "name": name,
            "offer": offer,
            "valid_to": valid_to,
            "letter_sent_on": letter_sent_on,
        },
    )


def rank(found: Sequence[Reason]) -> int:
    """The urgency of a call line: its most urgent reason."""
    return min(RANK[r.code] for r in found)
