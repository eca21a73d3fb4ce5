"""First-run setup: the dealer's header, the key cabinet, the labour rate and the staff of a
new database, written in one go.

A database needs setting up when it has no staff and no ``setup_done`` marker: a new file.
A database from an earlier release already has its staff (and its dealer header in the
settings, or the default one) and is never asked again, marker or not.

``complete_setup`` checks everything first (all problems at once, each under its field,
like any form), then writes the staff, the settings and the marker in one transaction:
on any failure nothing is written. The first supervisor is registered first and the rest
of the setup is written in their name (the audit trail's ``staff_id``), the settings with
their PIN as in the settings desk. The printer of each form kind is this PC's business
(QSettings), not the database's: the setup wizard keeps it after this action succeeded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from service_desk.actions import settings as settings_actions
from service_desk.actions import staff
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import validation as v
from service_desk.domain.pins import PinError, check_pin_format
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store.settings import DEFAULTS

SETUP_DONE = "setup_done"  # the marker in the settings table: when the setup was completed
# The settings the setup asks for, in the order of the wizard; all editable later.
SETTING_KEYS = (
    "dealer_name",
    "dealer_address",
    "dealer_phone",
    "dealer_logo",
    "dealer_tax_number",
    "key_cabinet_hooks",
    "labour_rate_fen",
)
STAFF_FIELDS = ("staff_name", "staff_role", "staff_pin", "staff")


@dataclass(frozen=True)
class NewStaff:
    name: str
    role: str
    pin: str = ""


@dataclass(frozen=True)
class SetupInput:
    dealer_name: str
    dealer_address: str = ""
    dealer_phone: str = ""
    dealer_logo: str = ""
    dealer_tax_number: str = ""
    key_cabinet_hooks: int = DEFAULTS["key_cabinet_hooks"]
    labour_rate_fen: int = DEFAULTS["labour_rate_fen"]
    staff: tuple[NewStaff, ...] = ()

    def settings(self) -> dict[str, object]:
        return {key: getattr(self, key) for key in SETTING_KEYS}


@dataclass(frozen=True)
class SetupResult:
    staff_ids: dict[str, int] = field(default_factory=dict)  # name -> id
    supervisor_id: int = 0  # the first supervisor: the setup is written in their name
    advisor_id: int = 0  # the first advisor: who is at the counter when the window opens


def is_setup_done(ctx: Ctx) -> bool:
    return (
        ctx.db.execute("SELECT 1 FROM settings WHERE key = ?", [SETUP_DONE]).fetchone() is not None
    )


def needs_setup(ctx: Ctx) -> bool:
    """A new database: no marker and nobody on the staff list (an earlier release's
    database has its staff and is not asked again)."""
    if is_setup_done(ctx):
        return False
    return ctx.db.execute("SELECT count(*) FROM staff").fetchone()[0] == 0


def check_person(person: NewStaff, taken: Iterable[str] = ()) -> list[Problem]:
    """One member of staff as typed: a name not yet on the list, a role, a PIN of 4 to 8
    digits (required for a supervisor, who approves with it)."""
    name = person.name.strip()
    problems = v.collect(v.check_name(name, "staff_name"))
    if not problems and name in {t.strip() for t in taken}:
        problems.append(Problem("staff_name", "name.duplicate"))
    if person.role not in staff.ROLES:
        problems.append(Problem("staff_role", "role.unknown"))
    if person.role == "supervisor" and not person.pin:
        problems.append(Problem("staff_pin", "pin.required"))
    elif person.pin:
        try:
            check_pin_format(person.pin)
        except PinError:
            problems.append(Problem("staff_pin", "pin.format"))
    return problems


def check_staff(people: Iterable[NewStaff]) -> list[Problem]:
    """The whole list: each person, then at least one supervisor and one advisor."""
    problems: list[Problem] = []
    names: list[str] = []
    roles: set[str] = set()
    for number, person in enumerate(people, start=1):
        for problem in check_person(person, names):
            problems.append(
                Problem(problem.field, problem.code, params=(*problem.params, ("number", number)))
            )
        names.append(person.name)
        roles.add(person.role)
    if "supervisor" not in roles:
        problems.append(Problem("staff", "setup.supervisor_required"))
    if "advisor" not in roles:
        problems.append(Problem("staff", "setup.advisor_required"))
    return problems


def validate(ctx: Ctx, inp: SetupInput) -> None:
    """Every problem of the whole setup at once (ValidationError); writes nothing."""
    if not needs_setup(ctx):
        raise ActionError("setup.done")
    problems: list[Problem] = []
    try:
        settings_actions.validate(ctx, inp.settings())
    except ValidationError as exc:
        problems += exc.problems
    problems += check_staff(inp.staff)
    v.raise_if_errors(problems)


def complete_setup(ctx: Ctx, inp: SetupInput) -> SetupResult:
    """Write the setup: staff, settings and the marker, in one transaction, audited."""
    validate(ctx, inp)
    first_supervisor = next(p for p in inp.staff if p.role == "supervisor")
    order = [first_supervisor, *(p for p in inp.staff if p is not first_supervisor)]
    acting = ctx.user_id
    try:
        with ctx.transaction():
            ids: dict[str, int] = {}
            for person in order:
                ids[person.name.strip()] = staff.add_staff(
                    ctx, person.name, person.role, person.pin
                )
                ctx.user_id = ids[first_supervisor.name.strip()]
            supervisor_id = ids[first_supervisor.name.strip()]
            changed = settings_actions.update_settings(
                ctx, inp.settings(), supervisor_id, first_supervisor.pin
            )
            _write_marker(ctx, {"settings": changed, "staff": list(ids)})
    finally:
        ctx.user_id = acting
    advisor = next(p for p in inp.staff if p.role == "advisor")
    return SetupResult(ids, supervisor_id, ids[advisor.name.strip()])


def mark_setup_done(ctx: Ctx) -> None:
    """The marker alone (the demo dealership is set up by its own data)."""
    if is_setup_done(ctx):
        return
    with ctx.transaction():
        _write_marker(ctx, {})


def _write_marker(ctx: Ctx, what: dict[str, object]) -> None:
    now = ctx.now()
    ctx.db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?)",
        [SETUP_DONE, json.dumps(now)],
    )
    audit(ctx, "setup", None, "complete", None, {"at": now, **what})
