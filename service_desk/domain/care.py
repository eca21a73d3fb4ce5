"""Customer care rules: the follow-up window (R16) and complaints held to their reply-by
time (R15). Plain Python, no Qt and no SQL.

- The first follow-up is due from two days to one week after the car left, counted in
  calendar days of the dealer's zone: a car released on the 27th is due from the 29th
  to the 4th (inclusive); from the 5th the follow-up is overdue.
- Satisfaction is 1 (very unhappy) .. 5 (very happy). A follow-up becomes a complaint
  when the customer is unhappy (satisfaction 2 or lower) or the advisor ticks
  "complaint".
- A complaint is answered at once, or the customer is given a reply-by time: later than
  now, at most two weeks ahead. Unanswered past that time (one second after it, not at
  it) it is overdue and escalated to a supervisor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service_desk.domain.validation import Problem

FOLLOW_UP_FROM_DAYS = 2
FOLLOW_UP_TO_DAYS = 7
# Cars released longer ago than this are no longer listed (an old database upgraded to
# this schema would otherwise list every car it ever released as overdue).
FOLLOW_UP_LIST_DAYS = 30

CHANNELS = ("phone", "wechat", "sms", "in_person")
OUTCOMES = ("reached", "not_reached", "declined")
SATISFACTION_MIN = 1
SATISFACTION_MAX = 5
UNHAPPY_AT_MOST = 2

COMPLAINT_CHANNELS = ("in_person", "phone", "follow_up")
COMPLAINT_STATES = ("open", "answered", "escalated", "resolved")
REPLY_BY_MAX = dt.timedelta(days=14)
# A complaint found at a follow-up: the customer hears back within a day by default.
FOLLOW_UP_REPLY = dt.timedelta(hours=24)

EARLY = "early"
DUE = "due"
OVERDUE = "overdue"


@dataclass(frozen=True)
class Window:
    """The days (inclusive) in which the first follow-up is due."""

    due_from: dt.date
    due_to: dt.date

    def status(self, today: dt.date) -> str:
        if today < self.due_from:
            return EARLY
        if today <= self.due_to:
            return DUE
        return OVERDUE


def follow_up_window(released_at: dt.datetime, tz: dt.tzinfo | None = None) -> Window:
    """The window of a car released at ``released_at`` (its date in ``tz``, the dealer's
    zone; the release's own offset when None)."""
    day = (released_at.astimezone(tz) if tz is not None else released_at).date()
    return Window(
        day + dt.timedelta(days=FOLLOW_UP_FROM_DAYS), day + dt.timedelta(days=FOLLOW_UP_TO_DAYS)
    )


def follow_up_status(released_at: dt.datetime, now: dt.datetime) -> str:
    """EARLY, DUE or OVERDUE, in the zone of ``now`` (the counter's clock)."""
    return follow_up_window(released_at, now.tzinfo).status(now.date())


def check_satisfaction(value: int | None, field: str = "satisfaction") -> Problem | None:
    if value is None:
        return Problem(field, "satisfaction.required")
    if isinstance(value, bool) or not isinstance(value, int):
        return Problem(field, "satisfaction.range")
    if not SATISFACTION_MIN <= value <= SATISFACTION_MAX:
        return Problem(field, "satisfaction.range")
    return None


def becomes_complaint(satisfaction: int | None, ticked: bool) -> bool:
    """An unhappy customer at the follow-up is a complaint (R16 → R15)."""
    return ticked or (satisfaction is not None and satisfaction <= UNHAPPY_AT_MOST)


def check_reply_by(reply_by: dt.datetime | None, now: dt.datetime) -> Problem | None:
    """The time promised to a customer whose complaint is not answered at once."""
    if reply_by is None:
        return Problem("reply_by", "reply_by.required")
    if reply_by.tzinfo is None:
        return Problem("reply_by", "reply_by.naive")
    if reply_by <= now:
        return Problem("reply_by", "reply_by.past")
    if reply_by - now > REPLY_BY_MAX:
        return Problem("reply_by", "reply_by.too_far", params=(("days", REPLY_BY_MAX.days),))
    return None


def reply_overdue(reply_by: dt.datetime | None, answered: bool, now: dt.datetime) -> bool:
    """Unanswered and past the reply-by time (at the reply-by time itself: not yet)."""
    return not answered and reply_by is not None and now > reply_by


def needs_escalation(state: str, reply_by: dt.datetime | None, now: dt.datetime) -> bool:
    """An open complaint past its reply-by time goes to the supervisor (once)."""
    return state == "open" and reply_overdue(reply_by, False, now)


def time_to_reply(reply_by: dt.datetime, now: dt.datetime) -> dt.timedelta:
    """Time left to the reply-by time; negative once overdue."""
    return reply_by - now
