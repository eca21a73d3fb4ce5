"""The key cabinet (车钥匙柜) rules: key kinds, where a key may move, hooks, reconciliation.

Plain Python over plain values and rows: no Qt, no SQL. A key is registered on a free
hook when the car is checked in (R8), goes out with someone (to the workshop or a
technician, for a test drive) and comes back to a hook, and is finally handed back to
the customer at pickup (R14)::

    register -> in_cabinet --to_workshop / test_drive--> out --back_to_cabinet--> in_cabinet
                in_cabinet --returned--> returned (final)

Only a key hanging in the cabinet may leave it; a returned key never moves again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from service_desk.domain import validation as v
from service_desk.domain.clock import parse
from service_desk.domain.validation import Problem

KINDS = ("main", "spare", "fob")  # 主钥匙, 备用钥匙, 遥控器/智能卡
STATES = ("in_cabinet", "out", "returned")
ACTIONS = ("register", "to_workshop", "test_drive", "back_to_cabinet", "returned")
OUT_ACTIONS = ("to_workshop", "test_drive")
# action -> (the state the key must be in, the state it ends in)
MOVES: dict[str, tuple[str, str]] = {
    "to_workshop": ("in_cabinet", "out"),
    "test_drive": ("in_cabinet", "out"),
    "back_to_cabinet": ("out", "in_cabinet"),
    "returned": ("in_cabinet", "returned"),
}
# The car is in the dealer's hands: its keys may be registered and taken out.
CAR_HERE = ("signed", "checked_in", "handed_off", "in_progress", "completed", "ready", "settled")
# The car was checked in and has not left: its key must be in the log.
KEY_EXPECTED = ("checked_in", "handed_off", "in_progress", "completed", "ready", "settled")
# The car has left (or never stayed): a key still here is an exception.
CAR_GONE = ("released", "done", "closed", "declined", "void")

LABEL_MAX = 40
NAME_MAX = 60
REASON_MAX = 200
MAX_HOOKS = 500


class KeyRuleError(ValueError):
    """A movement the cabinet refuses; code names the rule, params fill its message."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


# --- hooks ---------------------------------------------------------------------------------


def hooks(cabinet_size: int) -> range:
    """The hook numbers of a cabinet: 1 … size."""
    return range(1, max(0, min(cabinet_size, MAX_HOOKS)) + 1)


def check_hook(hook: int | None, cabinet_size: int) -> Problem | None:
    if hook is None:
        return Problem("hook", "hook.required")
    if type(hook) is not int or hook not in hooks(cabinet_size):
        return Problem("hook", "hook.range", params=(("max", cabinet_size),))
    return None


def suggest_hook(
    occupied: Iterable[int], cabinet_size: int, preferred: int | None = None
) -> int | None:
    """The hook to offer: the preferred one if it is free, else the lowest free one."""
    taken = set(occupied)
    if preferred is not None and preferred in hooks(cabinet_size) and preferred not in taken:
        return preferred
    return next((h for h in hooks(cabinet_size) if h not in taken), None)


# --- registering and moving ----------------------------------------------------------------


def check_kind(kind: str) -> Problem | None:
    return None if kind in KINDS else Problem("kind", "key.kind")


def check_register(order_state: str) -> None:
    """A key is registered while the car is in the dealer's hands (signed … settled)."""
    if order_state not in CAR_HERE:
        raise KeyRuleError("key.order_state", state=order_state)


def check_move(key_state: str, action: str, order_state: str) -> str:
    """The state the key ends in; raises KeyRuleError when the move is not allowed now."""
    if action not in MOVES:
        raise KeyRuleError("key.action", action=action)
    if key_state == "returned":
        raise KeyRuleError("key.returned")
    need, result = MOVES[action]
    if key_state != need:
        code = "key.not_out" if action == "back_to_cabinet" else "key.not_in_cabinet"
        raise KeyRuleError(code)
    if action in OUT_ACTIONS and order_state in CAR_GONE:
        raise KeyRuleError("key.car_gone", state=order_state)
    return result


def register_problems(kind: str, hook: int | None, label: str, cabinet_size: int) -> list[Problem]:
    return v.collect(
        check_kind(kind),
        check_hook(hook, cabinet_size),
        v.check_name(label, "label", LABEL_MAX) if label.strip() else None,
    )


def move_problems(
    action: str, hook: int | None, to_whom: str, reason: str, cabinet_size: int
) -> list[Problem]:
    """What is missing or malformed in a movement form (all at once)."""
    problems = v.collect(v.check_text(reason, "reason", REASON_MAX))
    if action == "back_to_cabinet":
        problems += v.collect(check_hook(hook, cabinet_size))
    # who takes the key out must be named; returned defaults to the order's customer
    if action in OUT_ACTIONS or (action == "returned" and to_whom.strip()):
        problems += v.collect(_check_person(to_whom))
    return problems


def _check_person(name: str) -> Problem | None:
    if not name.strip():
        return Problem("to_whom", "key.to_whom_required")
    return v.check_name(name, "to_whom", NAME_MAX)


# --- end-of-day reconciliation -------------------------------------------------------------

Row = Mapping[str, Any]


def hours_between(since: str, now: dt.datetime) -> float:
    return max(0.0, (now - parse(since)).total_seconds() / 3600)


@dataclass(frozen=True)
class Finding:
    """One exception of the reconciliation: a key (or a missing key) of one order."""

    kind: str  # "released_key" | "out_too_long" | "no_key"
    order_id: int
    number: str
    plate: str
    order_state: str
    key_id: int | None = None
    key_kind: str | None = None
    label: str = ""
    hook: int | None = None
    holder: str = ""
    since: str | None = None
    hours: float | None = None


@dataclass(frozen=True)
class Reconciliation:
    at: dt.datetime
    alert_hours: int
    released_keys: tuple[Finding, ...]  # cars gone, keys still here (on a hook or out)
    out_too_long: tuple[Finding, ...]  # out with someone for more than alert_hours
    no_key: tuple[Finding, ...]  # checked-in cars without any key registered

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.released_keys + self.out_too_long + self.no_key

    @property
    def clean(self) -> bool:
        return not self.findings


def reconcile(
    keys: Iterable[Row], orders: Iterable[Row], now: dt.datetime, alert_hours: int
) -> Reconciliation:
    """The end-of-day check over plain rows.

    keys: every key not yet returned, with its order (id, order_id, number, plate, kind,
    label, hook, state, holder, out_since, order_state). orders: the open orders with how
    many keys they ever had (order_id, number, plate, state, key_count).
    """
    released: list[Finding] = []
    overdue: list[Finding] = []
    for k in keys:
        if k["state"] == "returned":
            continue
        finding = Finding(
            kind="released_key",
            order_id=k["order_id"],
            number=k["number"],
            plate=k["plate"],
            order_state=k["order_state"],
            key_id=k["id"],
            key_kind=k["kind"],
            label=k["label"] or "",
            hook=k["hook"],
            holder=k["holder"] or "",
            since=k["out_since"],
            hours=hours_between(k["out_since"], now) if k["out_since"] else None,
        )
        if k["order_state"] in CAR_GONE:
            released.append(finding)
        elif k["state"] == "out" and finding.hours is not None and finding.hours > alert_hours:
            overdue.append(replace(finding, kind="out_too_long"))
    missing = [
        Finding(
            kind="no_key",
            order_id=o["order_id"],
            number=o["number"],
            plate=o["plate"],
            order_state=o["state"],
        )
        for o in orders
        if o["state"] in KEY_EXPECTED and not o["key_count"]
    ]
    return Reconciliation(
        at=now,
        alert_hours=alert_hours,
        released_keys=tuple(sorted(released, key=lambda f: (f.hook or 10**6, f.number))),
        out_too_long=tuple(sorted(overdue, key=lambda f: (-(f.hours or 0), f.number))),
        no_key=tuple(sorted(missing, key=lambda f: f.number)),
    )
