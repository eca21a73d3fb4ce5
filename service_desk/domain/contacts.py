"""The contact log (R3): every call, message or letter to a customer, what may be logged,
and what its outcome means for the next days' call list (R2). Pure: no Qt, no SQL.

What an outcome means for the call list (``standing``), for one line (a car and its
owner; the contacts about that car and those about the customer without a car):

- call_back: the line leaves the list until the time the customer asked for, then comes
  back with the reason "call back as asked" (even when nothing else is due) until the
  customer is reached again. A try nobody answers does not end the promise: the line stays,
  with its unanswered tries; a letter or message sent does not end it either.
- no_answer: the line stays; it shows how many tries went unanswered since the customer
  was last reached.
- not_interested: the customer is not called again for the same purpose for
  NOT_INTERESTED_DAYS (a call back or an "other" call covers everything on the line).
- sold_car: the car is not called about again until it comes in again (a repair order
  opened after the contact), or has another owner in the archive.
- wrong_number: the customer is not called until their record is updated after the
  contact; meanwhile they are listed apart, as a number to mend.
- booked, complaint: the appointment and the complaint do the work. An open appointment
  takes the car off the list already; a customer whose complaint still waits for the
  counter's answer (open or escalated, however it was made) is not called to be offered
  service — the care desk holds the counter to the reply-by time; once answered, calls
  resume. sent: a letter or message went out, nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service_desk.domain import care
from service_desk.domain import next_service as ns
from service_desk.domain.validation import Problem, check_text, collect

CHANNELS = ("phone", "wechat", "sms", "letter", "in_person")
PURPOSES = ("service_due", "declined_work", "call_back", "campaign", "letter", "other")
OUTCOMES = (
    "booked",
    "call_back",
    "not_interested",
    "sold_car",
    "wrong_number",
    "complaint",
    "no_answer",
    "sent",
)
NOTE_MAX = 2000
COMPLAINT_MAX = 4000  # as a complaint logged at the care desk (actions.care)
ANSWER_MAX = 2000

# What each channel can end with. Nobody "does not answer" a letter or a message (it was
# sent); a complaint is taken in person or by phone (the complaints' own channels, R15);
# someone met in person has no wrong number and always answers.
_SPOKEN = ("booked", "call_back", "not_interested", "sold_car")
OUTCOMES_BY_CHANNEL: dict[str, tuple[str, ...]] = {
    "phone": (*_SPOKEN, "wrong_number", "complaint", "no_answer"),
    "wechat": (*_SPOKEN, "wrong_number", "sent"),
    "sms": (*_SPOKEN, "wrong_number", "sent"),
    "letter": ("sent",),
    "in_person": (*_SPOKEN, "complaint"),
}
# Outcomes after which the customer counts as reached (or the number as tried and found
# wrong): they end a pending call back and restart the count of unanswered tries.
NOT_REACHED = ("no_answer", "sent")
REACHED = tuple(o for o in OUTCOMES if o not in NOT_REACHED)

# The latest a call back may be asked for: a customer who wants a call "in three months"
# is better served by the service reminder itself; further than that is a typing error.
CALL_BACK_MAX = dt.timedelta(days=90)
# How long "not interested" holds for the same purpose. A month: long enough not to pester
# the customer (the next maintenance reminder is weeks away anyway), short enough that an
# overdue service is raised again before it becomes a safety matter.
NOT_INTERESTED_DAYS = 30

# The purpose of each reason on the call list, and what "not interested" in a purpose
# takes off the line.
REASON_PURPOSE = {
    ns.OVERDUE: "service_due",
    ns.DUE_7: "service_due",
    ns.DUE_30: "service_due",
    ns.DECLINED: "declined_work",
    ns.CALL_BACK: "call_back",
    ns.CAMPAIGN: "campaign",
}
_EVERYTHING = frozenset({"service_due", "declined_work"})
NOT_INTERESTED_COVERS: dict[str, frozenset[str]] = {
    "service_due": frozenset({"service_due"}),
    "declined_work": frozenset({"declined_work"}),
    "call_back": _EVERYTHING,
    "other": _EVERYTHING,
    "campaign": frozenset({"campaign"}),
    "letter": frozenset({"letter"}),
}

# Why a line is not called today.
HELD_CALL_BACK = "call_back_later"
HELD_SOLD = "sold_car"
HELD_WRONG_NUMBER = "wrong_number"
HELD_COMPLAINT = "complaint"


# --- what may be logged -------------------------------------------------------------------


def outcomes_for(channel: str) -> tuple[str, ...]:
    return OUTCOMES_BY_CHANNEL.get(channel, ())


def purpose_for(codes: Iterable[str]) -> str:
    """The purpose of a call about a call-list line: its most urgent reason's."""
    ranked = sorted((c for c in codes if c in REASON_PURPOSE), key=lambda c: ns.RANK[c])
    return REASON_PURPOSE[ranked[0]] if ranked else "other"


def check_call_back(at: dt.datetime | None, now: dt.datetime) -> Problem | None:
    """When the customer asked to be called back: later than now, within CALL_BACK_MAX."""
    if at is None:
        return Problem("call_back_at", "call_back.required")
    if at.tzinfo is None or at.utcoffset() is None:
        return Problem("call_back_at", "call_back.naive")
    if at <= now:
        return Problem("call_back_at", "call_back.past")
    if at - now > CALL_BACK_MAX:
        return Problem("call_back_at", "call_back.too_far", params=(("days", CALL_BACK_MAX.days),))
    return None


def check_contact(
    channel: str,
    purpose: str,
    outcome: str,
    now: dt.datetime,
    *,
    note: str = "",
    call_back_at: dt.datetime | None = None,
    has_vehicle: bool = True,
    has_booking: bool = False,
    complaint_text: str | None = None,
    complaint_answer: str = "",
    reply_by: dt.datetime | None = None,
    has_campaign: bool = False,
) -> list[Problem]:
    """Everything wrong with a contact about to be logged, each under its field: the
    vocabularies, the outcome possible on the channel, the note's length, and what the
    outcome needs — a call-back time, a booking, the complaint's text with its answer or
    reply-by time, a car for "sold the car"."""
    problems = collect(
        None if channel in CHANNELS else Problem("channel", "contact.channel"),
        None if purpose in PURPOSES else Problem("purpose", "contact.purpose"),
        check_text(note, "note", NOTE_MAX),
    )
    if outcome not in OUTCOMES:
        return [*problems, Problem("outcome", "contact.outcome")]
    if channel in CHANNELS and outcome not in outcomes_for(channel):
        problems.append(Problem("outcome", "contact.outcome_channel"))
    if purpose in PURPOSES and (purpose == "campaign") != has_campaign:
        problems.append(Problem("purpose", "contact.campaign"))
    if outcome == "call_back":
        problems += collect(check_call_back(call_back_at, now))
    if outcome == "sold_car" and not has_vehicle:
        problems.append(Problem("outcome", "contact.sold_car_vehicle"))
    if outcome == "booked" and not has_booking:
        problems.append(Problem("booking", "contact.booking_required"))
    if outcome == "complaint":
        answer = complaint_answer.strip()
        problems += collect(
            check_text(complaint_text or "", "complaint_text", COMPLAINT_MAX, required=True),
            check_text(complaint_answer, "complaint_answer", ANSWER_MAX),
            None if answer else care.check_reply_by(reply_by, now),
        )
    return problems


# --- what the log means for the call list -------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """One logged contact, as the call list reads it."""

    id: int
    at: dt.datetime
    customer_id: int
    vehicle_id: int | None
    channel: str
    purpose: str
    outcome: str
    staff_name: str = ""
    call_back_at: dt.datetime | None = None
    note: str = ""

    @property
    def reached(self) -> bool:
        return self.outcome in REACHED


def in_scope(contact: Contact, customer_id: int, vehicle_id: int | None) -> bool:
    """A contact counts for a line (a car and its owner) when it is with that customer,
    about that car or about no car in particular; a line of no car in particular
    (``vehicle_id`` None) takes every contact with the customer."""
    if contact.customer_id != customer_id:
        return False
    return vehicle_id is None or contact.vehicle_id is None or contact.vehicle_id == vehicle_id


def _ordered(contacts: Iterable[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda c: (c.at, c.id))


def pending_call_back(contacts: Sequence[Contact]) -> Contact | None:
    """The latest call back asked for in these contacts (one line's), unless the customer
    was reached after it."""
    pending: Contact | None = None
    for c in _ordered(contacts):
        if c.outcome == "call_back":
            pending = c
        elif c.reached:
            pending = None
    return pending


def unanswered_tries(contacts: Sequence[Contact]) -> int:
    """Tries nobody answered since the customer was last reached."""
    count = 0
    for c in _ordered(contacts):
        if c.outcome == "no_answer":
            count += 1
        elif c.reached:
            count = 0
    return count


def wrong_number_open(wrong_at: dt.datetime, customer_updated_at: dt.datetime) -> bool:
    """The number found wrong at ``wrong_at`` has not been mended since."""
    return customer_updated_at <= wrong_at


@dataclass(frozen=True)
class Standing:
    """What the log says about one call-list line today."""

    held: str | None  # why the line is not called today (HELD_*); None: it is called
    call_back: Contact | None  # a call back asked for whose time has come
    call_back_later: dt.datetime | None  # a call back asked for a time still to come
    not_interested: frozenset[str]  # purposes the customer is not to be called about
    unanswered: int
    last: Contact | None  # the latest contact of the line, whatever it was
    wrong_number: Contact | None  # the customer's number found wrong, not mended since

    def keeps(self, reason: ns.Reason) -> bool:
        """Whether a reason to call still stands (not one the customer declined lately)."""
        return REASON_PURPOSE.get(reason.code, "other") not in self.not_interested


def standing(
    contacts: Sequence[Contact],
    customer_id: int,
    vehicle_id: int,
    now: dt.datetime,
    *,
    customer_updated_at: dt.datetime,
    last_order_at: dt.datetime | None = None,
    complaint_open: bool = False,
) -> Standing:
    """The standing of the line of ``vehicle_id`` owned by ``customer_id`` at ``now``,
    from the contacts with that customer (any car: a wrong number is the customer's),
    the customer record's last update, the car's latest repair order and whether the
    customer has a complaint waiting for an answer."""
    mine = [c for c in contacts if c.customer_id == customer_id and c.at <= now]
    line = [c for c in mine if in_scope(c, customer_id, vehicle_id)]
    wrong = _ordered(c for c in mine if c.outcome == "wrong_number")
    wrong_open = (
        wrong[-1] if wrong and wrong_number_open(wrong[-1].at, customer_updated_at) else None
    )
    sold = [
        c
        for c in line
        if c.outcome == "sold_car"
        and c.vehicle_id == vehicle_id
        and (last_order_at is None or last_order_at <= c.at)
    ]
    since = now - dt.timedelta(days=NOT_INTERESTED_DAYS)
    declined: frozenset[str] = frozenset()
    for c in line:
        if c.outcome == "not_interested" and c.at > since:
            declined |= NOT_INTERESTED_COVERS.get(c.purpose, frozenset({c.purpose}))
    asked = pending_call_back(line)
    due = asked if asked is not None and asked.call_back_at and asked.call_back_at <= now else None
    later = asked.call_back_at if asked is not None and due is None else None
    held = None
    if sold:
        held = HELD_SOLD
    elif wrong_open is not None:
        held = HELD_WRONG_NUMBER
    elif complaint_open:
        held = HELD_COMPLAINT
    elif later is not None:
        held = HELD_CALL_BACK
    return Standing(
        held=held,
        call_back=due,
        call_back_later=later,
        not_interested=declined,
        unanswered=unanswered_tries(line),
        last=_ordered(line)[-1] if line else None,
        wrong_number=wrong_open,
    )


def apply(found: Sequence[ns.Reason], state: Standing) -> list[ns.Reason]:
    """The reasons to call a line today: a call back whose time has come first, then the
    others the customer has not declined lately; empty when the line is held."""
    if state.held is not None:
        return []
    kept = [r for r in found if state.keeps(r)]
    if state.call_back is not None:
        c = state.call_back
        assert c.call_back_at is not None
        kept.insert(0, ns.call_back_reason(c.call_back_at, c.at, c.staff_name, c.note))
    return kept
