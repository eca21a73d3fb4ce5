"""First-run setup: a new database gets its dealer, prices, staff and the marker in one
audited transaction; every refusal names its field; an earlier release is not asked."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from service_desk.actions import settings as settings_actions
from service_desk.actions import setup, staff
from service_desk.actions.context import ActionError, Ctx
from service_desk.actions.setup import NewStaff, SetupInput
from service_desk.domain.pins import verify_pin
from service_desk.domain.validation import ValidationError
from service_desk.store.open import open_database
from service_desk.store.settings import DEFAULTS

FIXTURES = Path(__file__).parents[1] / "store" / "fixtures"
TAX_NUMBER = "91350100M000100Y43"  # the example of GB 32100-2015


@pytest.fixture
def fresh(db, clock) -> Ctx:
    """A new database: migrated, nobody on the staff list, nobody at the counter."""
    return Ctx(db, clock)


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    return path


def valid(logo: Path | None = None) -> SetupInput:
    return SetupInput(
        dealer_name=" 芜湖瑞丰奇瑞4S店 ",
        dealer_address="安徽省芜湖市镜湖区赭山东路88号",
        dealer_phone="0553-5821234",
        dealer_logo=str(logo) if logo else "",
        dealer_tax_number="91350100m000100y43",
        key_cabinet_hooks=80,
        labour_rate_fen=15000,
        staff=(
            NewStaff("王芳", "advisor"),
            NewStaff("陈建国", "supervisor", "2468"),
            NewStaff("周敏", "cashier"),
            NewStaff("马卫东", "workshop"),
        ),
    )


def stored(ctx: Ctx) -> dict[str, object]:
    return {r["key"]: json.loads(r["value"]) for r in ctx.db.query("SELECT * FROM settings")}


def problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def nothing_written(ctx: Ctx) -> bool:
    counts = [ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("staff",)]
    return counts == [0] and stored(ctx) == {} and setup.needs_setup(ctx)


def test_a_new_database_needs_the_setup_one_with_staff_does_not(fresh):
    assert setup.needs_setup(fresh)
    staff.add_staff(fresh, "王芳", "advisor")  # e.g. through the staff dialog of a release
    assert setup.needs_setup(fresh) is False
    assert setup.is_setup_done(fresh) is False


def test_valid_setup_writes_staff_settings_and_marker(fresh, logo):
    result = setup.complete_setup(fresh, valid(logo))

    assert fresh.user_id is None  # the UI decides who is at the counter
    people = {s["name"]: s for s in staff.list_staff(fresh)}
    assert {n: p["role"] for n, p in people.items()} == {
        "王芳": "advisor",
        "陈建国": "supervisor",
        "周敏": "cashier",
        "马卫东": "workshop",
    }
    # the supervisor is registered first; the rest of the setup is written in their name
    assert result.supervisor_id == people["陈建国"]["id"] == min(result.staff_ids.values())
    assert result.advisor_id == people["王芳"]["id"]
    boss = next(fresh.db.query("SELECT * FROM staff WHERE name = '陈建国'"))
    assert verify_pin("2468", boss["pin_hash"], boss["pin_salt"])

    values = settings_actions.current(fresh)
    assert values["dealer_name"] == "芜湖瑞丰奇瑞4S店"
    assert values["dealer_address"] == "安徽省芜湖市镜湖区赭山东路88号"
    assert values["dealer_phone"] == "0553-5821234"
    assert values["dealer_logo"] == str(logo.resolve())
    assert values["dealer_tax_number"] == TAX_NUMBER  # capitals, as on the licence
    assert values["key_cabinet_hooks"] == 80
    assert values["labour_rate_fen"] == 15000
    assert values["diagnosis_fee_fen"] == DEFAULTS["diagnosis_fee_fen"]
    assert setup.is_setup_done(fresh) and not setup.needs_setup(fresh)
    assert stored(fresh)[setup.SETUP_DONE] == "2026-11-27T09:30:00+08:00"

    audit = list(fresh.db.query("SELECT * FROM audit ORDER BY id"))
    by_entity = [a["entity"] for a in audit]
    assert by_entity.count("staff") == 4
    assert by_entity.count("setting") == 7
    assert by_entity[-1] == "setup"
    assert {a["staff_id"] for a in audit} == {result.supervisor_id}
    done = json.loads(audit[-1]["after_json"])
    assert done["staff"] == ["陈建国", "王芳", "周敏", "马卫东"]
    assert set(done["settings"]) == set(setup.SETTING_KEYS)


def test_setup_is_not_done_twice(fresh):
    setup.complete_setup(fresh, valid())
    with pytest.raises(ActionError) as exc:
        setup.complete_setup(fresh, replace(valid(), staff=(NewStaff("孙丽", "advisor"),)))
    assert exc.value.code == "setup.done"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"dealer_name": "  "}, "dealer_name", "text.required"),
        ({"dealer_name": "店" * 61}, "dealer_name", "text.too_long"),
        ({"dealer_address": "镜湖区\n赭山东路"}, "dealer_address", "text.control"),
        ({"dealer_phone": "12345"}, "dealer_phone", "phone.format"),
        ({"dealer_logo": "/no/such/logo.png"}, "dealer_logo", "file.missing"),
        ({"dealer_logo": "logo.gif"}, "dealer_logo", "logo.type"),
        (
            {"dealer_tax_number": "91350100M000100Y44"},
            "dealer_tax_number",
            "tax_number.check_digit",
        ),
        ({"dealer_tax_number": "110108123456789"}, "dealer_tax_number", "tax_number.old"),
        ({"dealer_tax_number": "91350100M000100Y4"}, "dealer_tax_number", "tax_number.length"),
        ({"key_cabinet_hooks": 0}, "key_cabinet_hooks", "hooks.range"),
        ({"key_cabinet_hooks": 501}, "key_cabinet_hooks", "hooks.range"),
        ({"labour_rate_fen": -1}, "labour_rate_fen", "amount.range"),
        ({"staff": (NewStaff("王芳", "advisor"),)}, "staff", "setup.supervisor_required"),
        ({"staff": (NewStaff("陈建国", "supervisor", "2468"),)}, "staff", "setup.advisor_required"),
        (
            {"staff": (NewStaff("王芳", "advisor"), NewStaff("陈建国", "supervisor"))},
            "staff_pin",
            "pin.required",
        ),
        (
            {"staff": (NewStaff("王芳", "advisor"), NewStaff("陈建国", "supervisor", "24a8"))},
            "staff_pin",
            "pin.format",
        ),
        (
            {"staff": (NewStaff("", "advisor"), NewStaff("陈建国", "supervisor", "2468"))},
            "staff_name",
            "text.required",
        ),
        (
            {
                "staff": (
                    NewStaff("王芳", "advisor"),
                    NewStaff("陈建国", "supervisor", "2468"),
                    NewStaff("王芳 ", "cashier"),
                )
            },
            "staff_name",
            "name.duplicate",
        ),
        (
            {"staff": (NewStaff("王芳", "boss"), NewStaff("陈建国", "supervisor", "2468"))},
            "staff_role",
            "role.unknown",
        ),
    ],
)
def test_each_refusal_names_its_field_and_writes_nothing(fresh, change, field, code):
    with pytest.raises(ValidationError) as exc:
        setup.complete_setup(fresh, replace(valid(), **change))
    assert problems(exc).get(field) == code
    assert nothing_written(fresh)


def test_every_problem_at_once(fresh):
    bad = replace(
        valid(),
        dealer_name="",
        dealer_tax_number="123",
        key_cabinet_hooks=0,
        staff=(NewStaff("王芳", "advisor"),),
    )
    with pytest.raises(ValidationError) as exc:
        setup.validate(fresh, bad)
    assert problems(exc) == {
        "dealer_name": "text.required",
        "dealer_tax_number": "tax_number.length",
        "key_cabinet_hooks": "hooks.range",
        "staff": "setup.supervisor_required",
    }


def test_the_staff_problems_say_which_person(fresh):
    found = setup.check_staff([NewStaff("王芳", "advisor"), NewStaff("陈建国", "supervisor", "12")])
    assert [(p.field, p.code, p.param("number")) for p in found] == [("staff_pin", "pin.format", 2)]


def test_an_empty_tax_number_is_fine(fresh):
    setup.complete_setup(fresh, replace(valid(), dealer_tax_number=" "))
    assert settings_actions.current(fresh)["dealer_tax_number"] == ""


def test_a_failure_while_writing_leaves_nothing_half_written(fresh, monkeypatch):
    def broken(ctx, what):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(setup, "_write_marker", broken)
    with pytest.raises(RuntimeError):
        setup.complete_setup(fresh, valid())
    assert nothing_written(fresh)
    assert fresh.db.execute("SELECT count(*) FROM audit").fetchone()[0] == 0
    assert fresh.user_id is None
    monkeypatch.undo()
    setup.complete_setup(fresh, valid())  # and it can be done again
    assert setup.is_setup_done(fresh)


def test_mark_setup_done_alone(fresh):
    setup.mark_setup_done(fresh)
    setup.mark_setup_done(fresh)  # once is enough
    assert setup.is_setup_done(fresh) and not setup.needs_setup(fresh)
    assert fresh.db.execute("SELECT count(*) FROM audit WHERE entity = 'setup'").fetchone()[0] == 1


@pytest.mark.parametrize("name", ["schema_001.sqlite3", "schema_020.sqlite3"])
def test_an_earlier_release_with_staff_is_not_asked(name, tmp_path, clock):
    path = tmp_path / "service_desk.sqlite3"
    shutil.copy(FIXTURES / name, path)
    db = open_database(path)
    try:
        ctx = Ctx(db, clock)
        assert staff.list_staff(ctx)  # its staff, no marker
        assert not setup.is_setup_done(ctx)
        assert not setup.needs_setup(ctx)
        with pytest.raises(ActionError):
            setup.validate(ctx, valid())
    finally:
        db.close()
