"""One line of the daily call list (R2): a car worth a call today and why, kept small.

On ten years of data the list holds ~18,000 lines for as long as the page shows it, so a
line keeps what it cannot rebuild and rebuilds the rest when asked: the service band's
reason (overdue, due within 7 / 30 days, with its figures) follows from the car's due and
the list's day, so a line stores only where that reason stands among its reasons; the
others (declined work, a call back, a campaign: a few lines in a hundred) are kept as
they are. Slots, no per-line dict. Pure: no Qt, no SQL; actions/call_list.py builds the
lines, ui/call_list_model.py shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service_desk.domain import contacts as contact_rules
from service_desk.domain import next_service as ns

SERVICE_BANDS = (ns.OVERDUE, ns.DUE_7, ns.DUE_30)
NO_SERVICE = -1  # the line has no service reason


@dataclass(frozen=True, slots=True)
class CallLine:
    vehicle_id: int
    plate: str
    model_code: str
    customer_id: int
    customer_name: str
    phone: str
    phone2: str | None
    preferred_contact: str
    last_visit: dt.date | None
    due: ns.Due
    today: dt.date  # the list's day: the service band of ``due``
    service_at: int  # where the service reason stands among the reasons (NO_SERVICE: none)
    others: tuple[ns.Reason, ...]  # the other reasons, in their order
    last_contact: contact_rules.Contact | None = None
    unanswered: int = 0  # tries nobody answered since the customer was last reached

    @classmethod
    def of(
        cls, *, reasons: Sequence[ns.Reason], due: ns.Due, today: dt.date, **fields: object
    ) -> CallLine:
        """The line of these reasons (the service band's, when there is one, is the one
        ``next_service.reasons(due, …, today)`` gives)."""
        at, others = NO_SERVICE, tuple(reasons)
        for i, reason in enumerate(others):
            if reason.code in SERVICE_BANDS:
                at, others = i, others[:i] + others[i + 1 :]
                break
        return cls(due=due, today=today, service_at=at, others=others, **fields)  # type: ignore[arg-type]

    @property
    def reasons(self) -> tuple[ns.Reason, ...]:
        """Why to call, most urgent first as the list found them, with their figures."""
        if self.service_at == NO_SERVICE:
            return self.others
        [service] = [r for r in ns.reasons(self.due, (), self.today) if r.code in SERVICE_BANDS]
        at = self.service_at
        return (*self.others[:at], service, *self.others[at:])

    @property
    def codes(self) -> tuple[str, ...]:
        codes = [r.code for r in self.others]
        if self.service_at != NO_SERVICE:
            codes.insert(self.service_at, self.due.band(self.today) or ns.LATER)
        return tuple(codes)

    @property
    def rank(self) -> int:
        return min(ns.RANK[c] for c in self.codes)

    @property
    def call_back_at(self) -> dt.datetime | None:
        found = [r.figures["call_back_at"] for r in self.others if r.code == ns.CALL_BACK]
        return found[0] if found else None  # type: ignore[return-value]

    @property
    def campaign_id(self) -> int | None:
        """The campaign a call about this line is for (when that is its purpose)."""
        found = [r.figures["campaign_id"] for r in self.others if r.code == ns.CAMPAIGN]
        return int(found[0]) if found and self.purpose == "campaign" else None  # type: ignore[arg-type]

    @property
    def purpose(self) -> str:
        """What a call about this line is for (its most urgent reason)."""
        return contact_rules.purpose_for(self.codes)

    def sort_key(self) -> tuple[int, int, dt.date, str]:
        """Most urgent first; within a rank a call back asked for first (the customer is
        waiting for it), then the earliest call back or due day, then the plate."""
        at, rank = self.call_back_at, self.rank
        if at is not None and rank == ns.RANK[ns.CALL_BACK]:
            day = at.date()
        else:
            day = self.due.day or dt.date.max
        return (rank, 0 if at is not None else 1, day, self.plate)


@dataclass(frozen=True, slots=True)
class Summary:
    lines: int
    overdue: int
    call_backs: int  # lines with a call back asked for whose time has come


def summarize(lines: Sequence[CallLine]) -> Summary:
    overdue = backs = 0
    for line in lines:
        codes = line.codes
        overdue += ns.OVERDUE in codes
        backs += ns.CALL_BACK in codes
    return Summary(len(lines), overdue, backs)


def changes_at(contacts: Iterable[contact_rules.Contact], now: dt.datetime) -> dt.datetime:
    """The first moment after ``now`` at which the list built at ``now`` may change with no
    new data: the next day (the service bands, what counts as recent), a call back asked
    for coming due, a "not interested" running out, a contact logged for later. Any
    customer's: a list built again then may well be the same."""
    tomorrow = now.date() + dt.timedelta(days=1)
    moments = [dt.datetime.combine(tomorrow, dt.time(), tzinfo=now.tzinfo)]
    quiet_for = dt.timedelta(days=contact_rules.NOT_INTERESTED_DAYS)
    for c in contacts:
        moments.append(c.at)
        if c.call_back_at is not None:
            moments.append(c.call_back_at)
        if c.outcome == "not_interested":
            moments.append(c.at + quiet_for)
    return min(m for m in moments if m > now)


def row_to_keep(lines: Sequence[CallLine], vehicle_id: int | None, row: int) -> int | None:
    """The row to pick in a fresh list: the same car's line when still listed, else the
    line now in the place of the one picked (the last when the list got shorter), else
    none (nothing was picked, or the list is empty)."""
    if vehicle_id is not None:
        for i, line in enumerate(lines):
            if line.vehicle_id == vehicle_id:
                return i
    if row >= 0 and lines:
        return min(row, len(lines) - 1)
    return None
