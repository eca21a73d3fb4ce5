"""Additional work found in the workshop (R11): the life of one reported item.

reported -> customer_contacted -> approved | declined

The workshop reports an item (what, priced lines, the delay it adds) while the car is in
the workshop; the advisor contacts the customer (in person, phone, WeChat, SMS); the
customer's answer is recorded with time and who authorised it. A declined item needs the
workshop person who was told, and when; an approved item becomes order lines of origin
'additional' and moves the promised time by its delay. While an item waits for the
customer's answer the order may not be completed or marked ready.

Plain Python, no SQL: the actions in service_desk.actions.extra_work apply these rules.
"""

from __future__ import annotations

import datetime as dt

from service_desk.domain.validation import Problem

STATES = ("reported", "customer_contacted", "approved", "declined")
CHANNELS = ("in_person", "phone", "wechat", "sms")
# An item waiting for the customer's answer.
OPEN = frozenset({"reported", "customer_contacted"})
# Extra work is reported, and answered, only while the car is in the workshop.
ORDER_STATES = frozenset({"handed_off", "in_progress"})
# Order steps refused while an item is open.
BLOCKED_ORDER_STEPS = frozenset({"completed", "ready"})

MAX_DELAY_MINUTES = 30 * 24 * 60
NAME_MAX = 60
NOTE_MAX = 500

# action -> the item state it needs
_NEEDS = {
    "contact": "reported",
    "approve": "customer_contacted",
    "decline": "customer_contacted",
    "handover": "approved",
}


def step_refusal(action: str, state: str) -> str | None:
    """The code refusing `action` on an item in `state`, or None when it is allowed."""
    needed = _NEEDS[action]
    if state == needed:
        return None
    if action in ("approve", "decline") and state == "reported":
        return "extra.contact_first"
    if state in ("approved", "declined"):
        return "extra.answered"
    return "extra.state"


def order_refusal(order_state: str) -> str | None:
    """Items are reported and answered only while the car is in the workshop."""
    return None if order_state in ORDER_STATES else "extra.order_state"


def _name(value: str, field: str, required_code: str) -> Problem | None:
    if not value:
        return Problem(field, required_code)
    if len(value) > NAME_MAX:
        return Problem(field, "name.too_long", params=(("max", NAME_MAX),))
    return None


def clean_name(value: str) -> str:
    return " ".join(value.split())


def check_report(reported_by: str, line_count: int, delay_minutes: int, note: str) -> list[Problem]:
    problems = [
        _name(clean_name(reported_by), "reported_by", "extra.reporter_required"),
        None if line_count > 0 else Problem("lines", "extra.lines_required"),
        None
        if 0 <= delay_minutes <= MAX_DELAY_MINUTES
        else Problem("delay_minutes", "extra.delay_range", params=(("max", MAX_DELAY_MINUTES),)),
        None
        if len(note.strip()) <= NOTE_MAX
        else Problem("note", "text.too_long", params=(("max", NOTE_MAX),)),
    ]
    return [p for p in problems if p is not None]


def check_contact(channel: str, note: str) -> list[Problem]:
    problems = []
    if channel not in CHANNELS:
        problems.append(Problem("channel", "extra.channel_unknown"))
    if len(note.strip()) > NOTE_MAX:
        problems.append(Problem("note", "text.too_long", params=(("max", NOTE_MAX),)))
    return problems


def check_answer(authorised_by: str) -> list[Problem]:
    problem = _name(clean_name(authorised_by), "authorised_by", "extra.authoriser_required")
    return [problem] if problem else []


def check_told(
    name: str, at: dt.datetime | None, now: dt.datetime, reported_at: dt.datetime
) -> list[Problem]:
    """Who in the workshop was told of a declined item, and when (not before the report,
    not in the future)."""
    problems = []
    problem = _name(clean_name(name), "workshop_told_name", "extra.workshop_name_required")
    if problem:
        problems.append(problem)
    problems.extend(check_time(at, now, reported_at, "workshop_told_at"))
    return problems


def check_time(
    at: dt.datetime | None, now: dt.datetime, earliest: dt.datetime, field: str
) -> list[Problem]:
    if at is None:
        return [Problem(field, "extra.time_required")]
    if at > now:
        return [Problem(field, "extra.time_future")]
    if at < earliest.replace(second=0):
        return [Problem(field, "extra.time_too_early")]
    return []


def moved_promise(promised_at: dt.datetime | None, delay_minutes: int) -> dt.datetime | None:
    """The promised delivery time after an approved item adds its delay."""
    if promised_at is None:
        return None
    return promised_at + dt.timedelta(minutes=delay_minutes)
