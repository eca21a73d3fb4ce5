"""The repair-order state machine: every (from, to) pair, the guards, reachability."""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import replace

import pytest

from service_desk.domain import lifecycle
from service_desk.domain.lifecycle import (
    AT_RECEPTION,
    EDITABLE,
    STATES,
    TERMINAL,
    TRANSITIONS,
    VOIDABLE,
    OrderFacts,
    TransitionError,
    allowed,
    check_transition,
    fee_applies,
)
from service_desk.store import schema_v1

PAIRS = list(itertools.product(STATES, STATES))


def legal(src: str, dst: str) -> bool:
    """The expected answer, written out independently of lifecycle.allowed."""
    if dst == "void":
        return src not in {"closed", "done", "void", "released"}
    return dst in TRANSITIONS[src]


def ready(state: str, **kw) -> OrderFacts:
    """Facts that satisfy every guard: consent, request, lines, promise, supervisor, reason."""
    base = OrderFacts(
        state=state,
        active_lines=2,
        request="刹车异响",
        diagnosis_consent=True,
        promised_at="2026-11-27T12:00:00+08:00",
        actor_role="supervisor",
        reason="重复开单",
    )
    return replace(base, **kw)


def code_of(facts: OrderFacts, to_state: str) -> str | None:
    try:
        check_transition(facts, to_state)
    except TransitionError as exc:
        assert exc.from_state == facts.state and exc.to_state == to_state
        assert exc.code in str(exc)
        return exc.code
    return None


# --- the table itself -----------------------------------------------------------------------


def test_schema_states_equal_lifecycle_states() -> None:
    assert schema_v1.STATES == lifecycle.STATES
    assert set(schema_v1.SIGNED_STATES) < set(STATES)


def test_transition_table_is_closed_over_states() -> None:
    assert len(set(STATES)) == len(STATES)
    assert set(TRANSITIONS) == set(STATES)
    for src, targets in TRANSITIONS.items():
        assert set(targets) <= set(STATES), src
        assert len(set(targets)) == len(targets), src
        assert src not in targets, f"{src} loops to itself"
        assert "void" not in targets, "void goes through VOIDABLE, not TRANSITIONS"


def test_state_sets_are_consistent() -> None:
    assert {"closed", "done", "void"} == TERMINAL
    assert set(STATES) - TERMINAL - {"released"} == VOIDABLE
    assert set(EDITABLE) <= VOIDABLE
    assert set(AT_RECEPTION) <= set(STATES)
    assert "reception" in EDITABLE and "signed" not in EDITABLE


@pytest.mark.parametrize("state", sorted(TERMINAL))
def test_terminal_states_have_no_exits(state: str) -> None:
    assert TRANSITIONS[state] == ()
    for dst in STATES:
        assert not allowed(state, dst)
        assert code_of(ready(state), dst) == "transition.illegal"


def test_only_terminal_states_have_no_exits() -> None:
    dead_ends = {s for s in STATES if not any(allowed(s, d) for d in STATES)}
    assert dead_ends == TERMINAL


def test_every_state_is_reachable_from_reception() -> None:
    seen = {"reception"}
    queue = deque(["reception"])
    while queue:
        src = queue.popleft()
        for dst in STATES:
            if allowed(src, dst) and dst not in seen:
                seen.add(dst)
                queue.append(dst)
    assert seen == set(STATES)


def test_every_state_can_still_end() -> None:
    """From every state some terminal state is reachable (no trap without an exit)."""
    for start in STATES:
        seen = {start}
        queue = deque([start])
        while queue:
            src = queue.popleft()
            for dst in STATES:
                if allowed(src, dst) and dst not in seen:
                    seen.add(dst)
                    queue.append(dst)
        assert seen & TERMINAL, start


def test_happy_path_walks_through_the_documented_order() -> None:
    path = [
        "reception",
        "diagnosis",
        "estimate",
        "signed",
        "checked_in",
        "handed_off",
        "in_progress",
        "completed",
        "ready",
        "settled",
        "released",
        "done",
    ]
    for src, dst in itertools.pairwise(path):
        check_transition(ready(src), dst)
    for src, dst in itertools.pairwise(["reception", "estimate", "declined", "closed"]):
        check_transition(ready(src), dst)


# --- every pair -----------------------------------------------------------------------------


@pytest.mark.parametrize(("src", "dst"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_pair_with_all_guards_satisfied(src: str, dst: str) -> None:
    assert allowed(src, dst) == legal(src, dst)
    expected = None if legal(src, dst) else "transition.illegal"
    assert code_of(ready(src), dst) == expected


@pytest.mark.parametrize(("src", "dst"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_pair_as_an_advisor(src: str, dst: str) -> None:
    """An advisor may take every ordinary step but never void."""
    facts = ready(src, actor_role="advisor")
    if not legal(src, dst):
        expected = "transition.illegal"
    elif dst == "void":
        expected = "void.supervisor_only"
    else:
        expected = None
    assert code_of(facts, dst) == expected


def test_legal_pair_count_matches_the_table() -> None:
    accepted = [(a, b) for a, b in PAIRS if code_of(ready(a), b) is None]
    expected = sum(len(t) for t in TRANSITIONS.values()) + len(VOIDABLE)
    assert len(accepted) == expected


# --- guards ---------------------------------------------------------------------------------


@pytest.mark.parametrize("src", ["reception", "estimate"])
def test_diagnosis_needs_consent(src: str) -> None:
    assert code_of(ready(src, diagnosis_consent=False), "diagnosis") == (
        "diagnosis.consent_required"
    )
    assert code_of(ready(src, diagnosis_consent=True), "diagnosis") is None


def test_consent_is_only_asked_for_diagnosis() -> None:
    facts = ready("reception", diagnosis_consent=False)
    assert code_of(facts, "estimate") is None
    assert code_of(facts, "declined") is None


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"request": ""}, "sign.request_required"),
        ({"request": "  \t\n"}, "sign.request_required"),
        ({"active_lines": 0}, "sign.lines_required"),
        ({"promised_at": None}, "sign.promised_required"),
        ({"promised_at": ""}, "sign.promised_required"),
    ],
)
def test_signing_needs_request_lines_and_promise(change: dict, code: str) -> None:
    assert code_of(ready("estimate", **change), "signed") == code


def test_signing_guards_are_checked_in_order() -> None:
    nothing = OrderFacts(state="estimate")
    assert code_of(nothing, "signed") == "sign.request_required"
    assert code_of(replace(nothing, request="保养"), "signed") == "sign.lines_required"
    assert code_of(replace(nothing, request="保养", active_lines=1), "signed") == (
        "sign.promised_required"
    )
    assert (
        code_of(
            replace(nothing, request="保养", active_lines=1, promised_at="2026-11-27T12:00"),
            "signed",
        )
        is None
    )


def test_signing_only_from_estimate() -> None:
    for src in STATES:
        if src != "estimate":
            assert code_of(ready(src), "signed") == "transition.illegal"


@pytest.mark.parametrize("src", sorted(VOIDABLE))
def test_void_needs_supervisor_and_reason(src: str) -> None:
    assert code_of(ready(src, actor_role="advisor"), "void") == "void.supervisor_only"
    assert code_of(ready(src, actor_role="cashier"), "void") == "void.supervisor_only"
    assert code_of(ready(src, reason=""), "void") == "void.reason_required"
    assert code_of(ready(src, reason="   "), "void") == "void.reason_required"
    assert code_of(ready(src), "void") is None


@pytest.mark.parametrize("src", ["released", "closed", "done", "void"])
def test_void_refused_once_the_car_left_or_the_order_ended(src: str) -> None:
    assert src not in VOIDABLE
    # the illegal step is reported before any missing role or reason
    assert code_of(ready(src, actor_role="advisor", reason=""), "void") == "transition.illegal"


def test_illegal_step_is_reported_before_guards() -> None:
    facts = OrderFacts(state="reception")  # no consent, no lines, no promise
    assert code_of(facts, "signed") == "transition.illegal"
    assert code_of(facts, "done") == "transition.illegal"


def test_guards_of_other_targets_do_not_interfere() -> None:
    """A bare order may still move along where no guard applies."""
    for src, targets in TRANSITIONS.items():
        for dst in targets:
            if dst in ("diagnosis", "signed"):
                continue
            check_transition(OrderFacts(state=src), dst)


@pytest.mark.parametrize(
    ("src", "dst"), [("nowhere", "reception"), ("reception", "nowhere"), ("", "")]
)
def test_unknown_states_are_refused(src: str, dst: str) -> None:
    assert code_of(ready(src), dst) == "state.unknown"


def test_transition_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"transition\.illegal: done -> reception"):
        check_transition(OrderFacts(state="done"), "reception")


# --- decline fee ----------------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
def test_fee_applies_only_after_diagnosis_or_estimate(state: str) -> None:
    assert fee_applies(state) == (state in ("diagnosis", "estimate"))


def test_every_state_that_may_decline_is_covered_by_fee_rule() -> None:
    decliners = {s for s in STATES if allowed(s, "declined")}
    assert decliners == {"reception", "diagnosis", "estimate"}
    assert [s for s in sorted(decliners) if fee_applies(s)] == ["diagnosis", "estimate"]
