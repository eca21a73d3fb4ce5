"""The release gate (R14) and comeback detection (R14/issue 6): plain Python, no SQL.

Release gate: given the facts of an order at the checkout desk, ``missing`` lists the
conditions still open, as codes in a fixed order (the screen shows them as a list; the
first one is the one a refusal names):

    release.not_settled             the order is not settled (arrears approval settles it)
    release.key_not_returned        a key is still in the cabinet / out, or none registered
    release.belongings_not_returned the belongings list was not ticked back and signed
    release.documents_not_returned  the documents were not handed back
    release.odometer_out_missing    no odometer reading out
    release.fuel_out_missing        no fuel reading out
    release.difference_unexplained  odometer out - in > the allowed km, or the fuel
                                    dropped by more than the allowed eighths, unexplained

Comeback: a new order of the same vehicle within a number of days or km of an earlier
released order whose work is related (a vehicle system in common, or the same repair
category when one of them names no system) is a comeback of the most recent such order;
scheduled work (maintenance, free inspection, detailing) never is.

The thresholds are business settings (store/settings.py: release_odometer_diff_km,
release_fuel_drop_eighths, comeback_days, comeback_km); the actions read them and pass
them in. The constants below are their defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from service_desk.domain.checkin import Fuel

COMEBACK_DAYS = 30
COMEBACK_KM = 1000
ODOMETER_DIFF_KM = 50
FUEL_DROP_EIGHTHS = 2  # two eighths of a tank (a percent gauge: 25 %)

NOT_SETTLED = "release.not_settled"
KEY_NOT_RETURNED = "release.key_not_returned"
BELONGINGS_NOT_RETURNED = "release.belongings_not_returned"
DOCUMENTS_NOT_RETURNED = "release.documents_not_returned"
ODOMETER_OUT_MISSING = "release.odometer_out_missing"
FUEL_OUT_MISSING = "release.fuel_out_missing"
DIFFERENCE_UNEXPLAINED = "release.difference_unexplained"

CONDITIONS = (
    NOT_SETTLED,
    KEY_NOT_RETURNED,
    BELONGINGS_NOT_RETURNED,
    DOCUMENTS_NOT_RETURNED,
    ODOMETER_OUT_MISSING,
    FUEL_OUT_MISSING,
    DIFFERENCE_UNEXPLAINED,
)


@dataclass(frozen=True)
class ReleaseFacts:
    """What the gate needs to know about an order."""

    state: str
    keys_returned: bool = False
    belongings_returned: bool = False
    belongings_signed: bool = False
    documents_returned: bool = False
    odometer_in: int | None = None
    odometer_out: int | None = None
    fuel_in: Fuel | None = None
    fuel_out: Fuel | None = None
    explanation: str = ""
    # the dealer's limits above which the difference needs an explanation
    odometer_diff_km: int = ODOMETER_DIFF_KM
    fuel_drop_eighths: int = FUEL_DROP_EIGHTHS


def difference_needs_explanation(
    odometer_in: int | None,
    odometer_out: int | None,
    fuel_in: Fuel | None,
    fuel_out: Fuel | None,
    odometer_diff_km: int = ODOMETER_DIFF_KM,
    fuel_drop_eighths: int = FUEL_DROP_EIGHTHS,
) -> bool:
    """True when the car was driven more than ``odometer_diff_km`` km, or its fuel dropped
    by more than ``fuel_drop_eighths`` eighths of a tank, between check-in and release."""
    driven = (
        odometer_in is not None
        and odometer_out is not None
        and odometer_out - odometer_in > odometer_diff_km
    )
    drained = (
        fuel_in is not None
        and fuel_out is not None
        and fuel_in.fraction - fuel_out.fraction > fuel_drop_eighths / 8 + 1e-9
    )
    return driven or drained


def missing(facts: ReleaseFacts) -> list[str]:
    """The release conditions still open, in CONDITIONS order (empty: the car may go)."""
    found: list[str] = []
    if facts.state != "settled":
        found.append(NOT_SETTLED)
    if not facts.keys_returned:
        found.append(KEY_NOT_RETURNED)
    if not (facts.belongings_returned and facts.belongings_signed):
        found.append(BELONGINGS_NOT_RETURNED)
    if not facts.documents_returned:
        found.append(DOCUMENTS_NOT_RETURNED)
    if facts.odometer_out is None:
        found.append(ODOMETER_OUT_MISSING)
    if facts.fuel_out is None:
        found.append(FUEL_OUT_MISSING)
    if not facts.explanation.strip() and difference_needs_explanation(
        facts.odometer_in,
        facts.odometer_out,
        facts.fuel_in,
        facts.fuel_out,
        facts.odometer_diff_km,
        facts.fuel_drop_eighths,
    ):
        found.append(DIFFERENCE_UNEXPLAINED)
    return found


# --- comebacks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """One visit's work: its repair category and the vehicle systems of its lines."""

    category: str | None = None
    systems: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class EarlierVisit:
    """An earlier released order of the same vehicle."""

    order_id: int
    released_at: dt.datetime
    odometer_out: int | None
    work: Work
    team: str = ""
    guarantee_from: dt.datetime | None = None  # set when it was itself a comeback


@dataclass(frozen=True)
class ComebackMatch:
    original_order_id: int
    reason: str
    days: int
    km: int | None
    team: str
    guarantee_from: dt.datetime


# Scheduled work is no complaint about earlier work: such a visit is never a comeback
# (an oil change 20 days after a brake job shares no complaint with it).
SCHEDULED_CATEGORIES = frozenset({"maintenance", "free_inspection", "detailing"})


def related(new: Work, old: Work) -> str | None:
    """Why two visits' work is related ('system:brakes, …' or 'category:…'), or None.
    The repair category decides only when one of the visits names no vehicle system: a
    battery job after a brake job is general repair twice, but not the same complaint."""
    common = sorted(new.systems & old.systems)
    if common:
        return "system:" + ",".join(common)
    if new.systems and old.systems:
        return None
    if new.category and new.category == old.category:
        return f"category:{new.category}"
    return None


def find_comeback(
    arrived_at: dt.datetime,
    odometer_km: int | None,
    work: Work,
    earlier: Iterable[EarlierVisit],
    days: int = COMEBACK_DAYS,
    km: int = COMEBACK_KM,
) -> ComebackMatch | None:
    """The most recent earlier visit this one is a comeback of, or None.

    Within the window means at most ``days`` days after the release, or at most ``km``
    km driven since the odometer out (either suffices). The guarantee period stays the
    original one: when the earlier visit was itself a rework, its guarantee_from passes on.
    """
    if work.category in SCHEDULED_CATEGORIES:
        return None
    visits: Sequence[EarlierVisit] = sorted(
        earlier, key=lambda e: (e.released_at, e.order_id), reverse=True
    )
    for visit in visits:
        if visit.released_at > arrived_at:
            continue
        reason = related(work, visit.work)
        if reason is None:
            continue
        elapsed = (arrived_at.date() - visit.released_at.date()).days  # calendar days
        driven = (
            odometer_km - visit.odometer_out
            if odometer_km is not None and visit.odometer_out is not None
            else None
        )
        in_days = elapsed <= days
        in_km = driven is not None and 0 <= driven <= km
        if in_days or in_km:
            return ComebackMatch(
                visit.order_id,
                reason,
                elapsed,
                driven if driven is not None and driven >= 0 else None,
                visit.team,
                visit.guarantee_from or visit.released_at,
            )
    return None
