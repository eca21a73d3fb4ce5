"""The repair-order lifecycle as a state machine (REQUIREMENTS.md "The life of one visit").

appointment/walk-in -> reception -> diagnosis -> estimate -> declined -> closed
                                                          -> signed -> checked_in -> handed_off
    -> in_progress -> completed -> ready -> settled -> released -> done
Any open order may be voided by a supervisor with a reason. Nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = (
    "reception",
    "diagnosis",
    "estimate",
    "declined",
    "closed",
    "signed",
    "checked_in",
    "handed_off",
    "in_progress",
    "completed",
    "ready",
    "settled",
    "released",
    "done",
    "void",
)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "reception": ("diagnosis", "estimate", "declined"),
    "diagnosis": ("estimate", "declined"),
    "estimate": ("signed", "declined", "diagnosis"),
    "declined": ("closed",),
    "signed": ("checked_in",),
    "checked_in": ("handed_off",),
    "handed_off": ("in_progress", "completed"),
    "in_progress": ("completed",),
    "completed": ("ready",),
    "ready": ("settled",),
    "settled": ("released",),
    "released": ("done",),
    "closed": (),
    "done": (),
    "void": (),
}

TERMINAL = frozenset({"closed", "done", "void"})
# Once the car has left, or the order is finished, it can no longer be voided.
VOIDABLE = frozenset(STATES) - TERMINAL - {"released"}
# Lines may be edited freely only before the customer signs; afterwards extra work
# goes through the additional-work procedure (R11).
EDITABLE = frozenset({"reception", "diagnosis", "estimate"})
# Orders that still need the counter's attention before the car goes to the workshop.
AT_RECEPTION = ("reception", "diagnosis", "estimate", "signed")


class TransitionError(ValueError):
    """An illegal step; code says which rule refused it."""

    def __init__(self, code: str, from_state: str, to_state: str):
        super().__init__(f"{code}: {from_state} -> {to_state}")
        self.code = code
        self.from_state = from_state
        self.to_state = to_state


@dataclass(frozen=True)
class OrderFacts:
    """What the guards need to know about an order."""

    state: str
    active_lines: int = 0
    request: str = ""
    diagnosis_consent: bool = False
    promised_at: str | None = None
    actor_role: str = "advisor"
    reason: str = ""


def allowed(from_state: str, to_state: str) -> bool:
    if to_state == "void":
        return from_state in VOIDABLE
    return to_state in TRANSITIONS.get(from_state, ())


def check_transition(facts: OrderFacts, to_state: str) -> None:
    """Raise TransitionError unless facts.state -> to_state is legal now."""
    src = facts.state
    if src not in STATES or to_state not in STATES:
        raise TransitionError("state.unknown", src, to_state)
    if not allowed(src, to_state):
        raise TransitionError("transition.illegal", src, to_state)
    if to_state == "void":
        if facts.actor_role != "supervisor":
            raise TransitionError("void.supervisor_only", src, to_state)
        if not facts.reason.strip():
            raise TransitionError("void.reason_required", src, to_state)
    if to_state == "diagnosis" and not facts.diagnosis_consent:
        raise TransitionError("diagnosis.consent_required", src, to_state)
    if to_state == "signed":
        if not facts.request.strip():
            raise TransitionError("sign.request_required", src, to_state)
        if facts.active_lines == 0:
            raise TransitionError("sign.lines_required", src, to_state)
        if not facts.promised_at:
            raise TransitionError("sign.promised_required", src, to_state)


def fee_applies(from_state: str) -> bool:
    """A declined order pays the diagnosis/estimate fee once a diagnosis or estimate was made."""
    return from_state in ("diagnosis", "estimate")
