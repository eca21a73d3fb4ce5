"""Key cabinet rules: kinds, the movement state machine, hooks, the end-of-day check."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service_desk.domain import keys as rules
from service_desk.domain import lifecycle
from service_desk.domain.clock import iso
from service_desk.store import schema_v5

NOW = dt.datetime(2026, 11, 27, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_schema_keeps_a_copy_of_the_vocabularies():
    assert schema_v5.KEY_KINDS == rules.KINDS
    assert schema_v5.KEY_STATES == rules.STATES
    assert schema_v5.KEY_ACTIONS == rules.ACTIONS
    assert schema_v5.MAX_HOOK == rules.MAX_HOOKS
    assert (schema_v5.LABEL_MAX, schema_v5.NAME_MAX, schema_v5.REASON_MAX) == (
        rules.LABEL_MAX,
        rules.NAME_MAX,
        rules.REASON_MAX,
    )


def test_order_state_groups_are_lifecycle_states():
    for group in (rules.CAR_HERE, rules.KEY_EXPECTED, rules.CAR_GONE):
        assert set(group) <= set(lifecycle.STATES)
    assert set(rules.KEY_EXPECTED) < set(rules.CAR_HERE)
    assert not set(rules.CAR_HERE) & set(rules.CAR_GONE)


# --- the state machine ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "action", "result"),
    [
        ("in_cabinet", "to_workshop", "out"),
        ("in_cabinet", "test_drive", "out"),
        ("out", "back_to_cabinet", "in_cabinet"),
        ("in_cabinet", "returned", "returned"),
    ],
)
def test_allowed_moves(state, action, result):
    assert rules.check_move(state, action, "in_progress") == result


@pytest.mark.parametrize(
    ("state", "action", "code"),
    [
        ("out", "to_workshop", "key.not_in_cabinet"),
        ("out", "test_drive", "key.not_in_cabinet"),
        ("out", "returned", "key.not_in_cabinet"),  # releasing a key not in the cabinet
        ("in_cabinet", "back_to_cabinet", "key.not_out"),
        ("returned", "back_to_cabinet", "key.returned"),
        ("returned", "to_workshop", "key.returned"),
        ("returned", "returned", "key.returned"),
        ("in_cabinet", "register", "key.action"),
        ("in_cabinet", "lost", "key.action"),
    ],
)
def test_refused_moves(state, action, code):
    with pytest.raises(rules.KeyRuleError) as caught:
        rules.check_move(state, action, "in_progress")
    assert caught.value.code == code


@given(
    st.sampled_from(rules.STATES),
    st.sampled_from(list(rules.MOVES)),
    st.sampled_from(lifecycle.STATES),
)
def test_every_allowed_move_follows_the_table(state, action, order_state):
    try:
        result = rules.check_move(state, action, order_state)
    except rules.KeyRuleError:
        return
    assert rules.MOVES[action] == (state, result)
    assert state != "returned"


@pytest.mark.parametrize("order_state", rules.CAR_GONE)
def test_a_key_of_a_car_that_left_goes_back_but_never_out(order_state):
    with pytest.raises(rules.KeyRuleError) as caught:
        rules.check_move("in_cabinet", "test_drive", order_state)
    assert caught.value.code == "key.car_gone"
    assert rules.check_move("in_cabinet", "returned", order_state) == "returned"
    assert rules.check_move("out", "back_to_cabinet", order_state) == "in_cabinet"


@pytest.mark.parametrize("state", lifecycle.STATES)
def test_keys_are_registered_from_signing_until_the_car_leaves(state):
    if state in rules.CAR_HERE:
        rules.check_register(state)
    else:
        with pytest.raises(rules.KeyRuleError, match=r"key.order_state"):
            rules.check_register(state)


# --- hooks and forms -------------------------------------------------------------------------


def test_hooks_follow_the_cabinet_size():
    assert list(rules.hooks(5)) == [1, 2, 3, 4, 5]
    assert rules.check_hook(5, 5) is None
    assert rules.check_hook(6, 5).code == "hook.range"
    assert rules.check_hook(0, 5).code == "hook.range"
    assert rules.check_hook(None, 5).code == "hook.required"
    assert rules.check_hook(True, 5).code == "hook.range"  # a bool is no hook number
    assert len(rules.hooks(10_000)) == rules.MAX_HOOKS


def test_suggested_hook_is_the_clicked_one_if_free_else_the_lowest_free():
    assert rules.suggest_hook({1, 2, 4}, 5) == 3
    assert rules.suggest_hook({1, 2, 4}, 5, preferred=5) == 5
    assert rules.suggest_hook({1, 2, 4}, 5, preferred=4) == 3
    assert rules.suggest_hook({1, 2, 4}, 5, preferred=9) == 3
    assert rules.suggest_hook(set(range(1, 6)), 5) is None


def test_register_and_move_forms_report_every_problem():
    problems = rules.register_problems("wallet", 99, "a\nb", 60)
    assert {(p.field, p.code) for p in problems} == {
        ("kind", "key.kind"),
        ("hook", "hook.range"),
        ("label", "text.control"),
    }
    assert rules.register_problems("main", 7, "", 60) == []
    out = rules.move_problems("to_workshop", None, " ", "x" * 201, 60)
    assert {(p.field, p.code) for p in out} == {
        ("to_whom", "key.to_whom_required"),
        ("reason", "text.too_long"),
    }
    back = rules.move_problems("back_to_cabinet", None, "", "", 60)
    assert [(p.field, p.code) for p in back] == [("hook", "hook.required")]
    assert rules.move_problems("returned", None, "", "", 60) == []  # the customer, by default
    assert rules.move_problems("test_drive", None, "赵师傅", "路试", 60) == []


# --- the end-of-day check ------------------------------------------------------------------


def key(
    key_id: int, order_state: str, state: str = "in_cabinet", hook: int | None = 1, **kw
) -> dict:
    row = {
        "id": key_id,
        "order_id": 100 + key_id,
        "number": f"WX2026112700{key_id:02d}",
        "plate": f"皖B1234{key_id % 10}",
        "kind": "main",
        "label": "",
        "hook": hook if state == "in_cabinet" else None,
        "state": state,
        "holder": "",
        "out_since": None,
        "order_state": order_state,
    }
    row.update(kw)
    return row


def out_key(key_id: int, hours: float, order_state: str = "in_progress") -> dict:
    since = iso(NOW - dt.timedelta(hours=hours))
    return key(key_id, order_state, "out", holder="赵师傅", out_since=since)


def order(order_id: int, state: str, key_count: int) -> dict:
    return {
        "order_id": order_id,
        "number": f"WX20261127{order_id:04d}",
        "plate": "皖B00000",
        "state": state,
        "key_count": key_count,
    }


def test_a_clean_cabinet_has_no_findings():
    report = rules.reconcile(
        [key(1, "in_progress"), out_key(2, 3.9)], [order(1, "in_progress", 1)], NOW, 4
    )
    assert report.clean and report.findings == ()
    assert report.at == NOW and report.alert_hours == 4


def test_each_planted_exception_is_found_once_in_its_list():
    keys = [
        key(1, "in_progress", hook=7),  # fine
        key(2, "released", hook=12),  # car gone, key on a hook
        key(3, "done", hook=3),  # car gone, key on a hook
        out_key(4, 4.5),  # out too long
        out_key(5, 2.0),  # out, not long yet
        out_key(6, 9.0, order_state="released"),  # car gone and out: listed once, as gone
        key(7, "released", state="returned"),  # handed back: fine
    ]
    orders = [
        order(1, "checked_in", 0),  # no key registered
        order(2, "in_progress", 2),
        order(3, "signed", 0),  # not checked in yet: a key is not expected
        order(4, "ready", 0),  # no key registered
    ]
    report = rules.reconcile(keys, orders, NOW, 4)
    assert [(f.key_id, f.hook, f.holder) for f in report.released_keys] == [
        (3, 3, ""),
        (2, 12, ""),
        (6, None, "赵师傅"),
    ]
    assert [(f.key_id, round(f.hours, 1)) for f in report.out_too_long] == [(4, 4.5)]
    assert report.out_too_long[0].kind == "out_too_long"
    assert [(f.order_id, f.order_state) for f in report.no_key] == [
        (1, "checked_in"),
        (4, "ready"),
    ]
    assert len(report.findings) == 6 and not report.clean


def test_the_alert_is_strictly_longer_than_the_hours():
    exactly = rules.reconcile([out_key(1, 4.0)], [], NOW, 4)
    assert exactly.out_too_long == ()
    assert len(rules.reconcile([out_key(1, 4.0)], [], NOW, 3).out_too_long) == 1


def test_longest_out_comes_first():
    report = rules.reconcile([out_key(1, 5), out_key(2, 30), out_key(3, 8)], [], NOW, 4)
    assert [f.key_id for f in report.out_too_long] == [2, 3, 1]
