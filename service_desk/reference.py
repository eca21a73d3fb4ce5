"""Reference data shipped in data/: car models, service intervals, categories, systems, jobs,
and the check-in catalogues (inspection checklist, documents, belongings).

The files are JSON a dealer may edit by hand. Loading checks each file strictly (unknown
keys, missing fields, wrong types, duplicate codes, references to codes that do not exist)
and raises `ReferenceDataError` (a `ValueError`) naming the file and the entry, so a bad
edit fails with a message the dealer can act on. A key "_note" is allowed anywhere as a
comment and is ignored.

Everything is read once and cached; call `reload()` after the files change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from service_desk.paths import data_file

MODELS_FILE = "models.json"
CYCLES_FILE = "maintenance_cycles.json"
VEHICLE_CATEGORIES_FILE = "vehicle_categories.json"
VEHICLE_SYSTEMS_FILE = "vehicle_systems.json"
REPAIR_CATEGORIES_FILE = "repair_categories.json"
STANDARD_JOBS_FILE = "standard_jobs.json"
CHECKLIST_FILE = "inspection_checklist.json"
DOCUMENTS_FILE = "documents.json"
BELONGINGS_FILE = "belongings.json"

ALL_FILES = (
    MODELS_FILE,
    CYCLES_FILE,
    VEHICLE_CATEGORIES_FILE,
    VEHICLE_SYSTEMS_FILE,
    REPAIR_CATEGORIES_FILE,
    STANDARD_JOBS_FILE,
    CHECKLIST_FILE,
    DOCUMENTS_FILE,
    BELONGINGS_FILE,
)

BODIES = ("suv", "sedan", "mpv", "hatchback")
ENERGIES = ("petrol", "phev", "ev")
LINE_KINDS = ("labour", "part", "fee")
LINE_MODES = ("system", "symptom", "item")
# When a document must come with the car: always, for a service purpose, or (any other
# entry) for an order of that repair category.
DOCUMENT_CONDITIONS = ("always", "second_level", "annual_inspection")

NOTE_KEY = "_note"


class ReferenceDataError(ValueError):
    """A reference file is missing, not valid JSON, or does not match its schema."""


class _Bilingual:
    __slots__ = ()
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        """The Chinese name for "zh" (or "zh_CN", "zh-TW", ...), else the English one."""
        return self.name_zh if lang.lower().startswith("zh") else self.name_en


@dataclass(frozen=True, slots=True)
class MaintenanceCycle(_Bilingual):
    key: str
    name_zh: str
    name_en: str
    first_km: int
    first_months: int
    interval_km: int
    interval_months: int


@dataclass(frozen=True, slots=True)
class CarModel(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    series: str
    body: str  # one of BODIES
    energy: str  # one of ENERGIES
    maintenance: str  # a MaintenanceCycle key


@dataclass(frozen=True, slots=True)
class Category(_Bilingual):
    """A vehicle category (车种) or a repair category."""

    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class VehicleSystem(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    critical: bool


@dataclass(frozen=True, slots=True)
class StandardJobLine:
    kind: str  # one of LINE_KINDS
    description_zh: str
    description_en: str
    system: str  # a VehicleSystem code
    mode: str  # one of LINE_MODES
    qty: Decimal  # hours for labour, units or litres for parts; > 0
    unit_price_fen: int  # per hour for labour; >= 0
    part_no: str  # may be ""

    def description(self, lang: str = "zh") -> str:
        return self.description_zh if lang.lower().startswith("zh") else self.description_en


@dataclass(frozen=True, slots=True)
class StandardJob(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    repair_category: str  # a repair Category code
    lines: tuple[StandardJobLine, ...]


@dataclass(frozen=True, slots=True)
class ChecklistItem(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    group: str  # the ChecklistGroup code


@dataclass(frozen=True, slots=True)
class ChecklistGroup(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class DocumentType(_Bilingual):
    code: str
    name_zh: str
    name_en: str
    required_for: tuple[str, ...]  # DOCUMENT_CONDITIONS or repair Category codes


@dataclass(frozen=True, slots=True)
class BelongingType(_Bilingual):
    code: str
    name_zh: str
    name_en: str


# --------------------------------------------------------------------------- validation


class _Entry:
    """Checks the fields of one JSON object, with errors naming its file and entry."""

    def __init__(self, path: Path, where: str, raw: object) -> None:
        self.path = path
        self.where = where
        if not isinstance(raw, dict):
            self.fail(f"expected a JSON object, got {_json_type(raw)}")
        self.raw: dict[str, Any] = raw

    def fail(self, message: str) -> NoReturn:
        raise ReferenceDataError(f"{self.path.name} ({self.path}), {self.where}: {message}")

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        unknown = sorted(k for k in self.raw if k not in allowed and k != NOTE_KEY)
        if unknown:
            names = ", ".join(map(repr, unknown))
            self.fail(f"unknown key(s) {names}; allowed: {', '.join(allowed)}")
        missing = [k for k in allowed if k not in self.raw]
        if missing:
            self.fail(f"missing field(s) {', '.join(map(repr, missing))}")

    def text(self, key: str, *, allow_empty: bool = False) -> str:
        value = self.raw[key]
        if not isinstance(value, str):
            self.fail(f"{key!r} must be a string, got {_json_type(value)}")
        value = value.strip()
        if not value and not allow_empty:
            self.fail(f"{key!r} must not be empty")
        return value

    def code(self, key: str = "code") -> str:
        value = self.text(key)
        if not value.isascii() or not value.replace("_", "").isalnum():
            self.fail(f"{key!r} must use only ASCII letters, digits and '_', got {value!r}")
        return value

    def choice(
        self, key: str, choices: tuple[str, ...] | Mapping[str, object], what: str, see: str = ""
    ) -> str:
        value = self.text(key)
        if value not in choices:
            where = f" (defined in {see})" if see else ""
            self.fail(f"unknown {what} {value!r} in {key!r}{where}; known: {', '.join(choices)}")
        return value

    def flag(self, key: str) -> bool:
        value = self.raw[key]
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false, got {_json_type(value)}")
        return value

    def integer(self, key: str, *, minimum: int) -> int:
        value = self.raw[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{key!r} must be a whole number, got {_json_type(value)} {value!r}")
        if value < minimum:
            self.fail(f"{key!r} must be at least {minimum}, got {value}")
        return value

    def quantity(self, key: str) -> Decimal:
        value = self.raw[key]
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail(f'{key!r} must be a decimal string such as "1.5", got {_json_type(value)}')
        try:
            qty = Decimal(str(value).strip())
        except InvalidOperation:
            self.fail(f'{key!r} must be a decimal number such as "1.5", got {value!r}')
        if not qty.is_finite() or qty <= 0:
            self.fail(f"{key!r} must be greater than 0, got {value!r}")
        return qty


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__


def _read(name: str) -> tuple[Path, Any]:
    path = data_file(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReferenceDataError(f"{name}: reference file not found at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(f"{name} ({path}): cannot be read: {exc}") from exc
    try:
        return path, json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(
            f"{name} ({path}): not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


def _file_error(path: Path, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path.name} ({path}): {message}")


def _entries(path: Path, data: object, list_key: str | None = None) -> list[_Entry]:
    """The objects of a file: a top-level list, or the list under list_key of an object."""
    if list_key is not None:
        top = _Entry(path, "top level", data)
        top.check_keys((list_key,))
        data = top.raw[list_key]
    if not isinstance(data, list):
        where = f"{list_key!r}" if list_key else "the top level"
        raise _file_error(path, f"{where} must be a list, got {_json_type(data)}")
    if not data:
        raise _file_error(path, "the list is empty")
    entries = []
    for index, raw in enumerate(data, start=1):
        where = f"entry #{index}"
        if isinstance(raw, dict) and isinstance(raw.get("code"), str):
            where += f" {raw['code']!r}"
        entries.append(_Entry(path, where, raw))
    return entries


_T = TypeVar("_T")


def _by_code(
    path: Path, entries: list[_Entry], build: Callable[[_Entry], _T], code: Callable[[_T], str]
) -> dict[str, _T]:
    result: dict[str, _T] = {}
    for entry in entries:
        item = build(entry)
        if code(item) in result:
            entry.fail(f"duplicate code {code(item)!r}")
        result[code(item)] = item
    return result


# --------------------------------------------------------------------------- parsers


def _parse_cycles(path: Path, data: object) -> dict[str, MaintenanceCycle]:
    if not isinstance(data, dict):
        raise _file_error(path, f"the top level must be an object, got {_json_type(data)}")
    fields = ("name_zh", "name_en", "first_km", "first_months", "interval_km", "interval_months")
    cycles: dict[str, MaintenanceCycle] = {}
    for key, raw in data.items():
        if key == NOTE_KEY:
            continue
        entry = _Entry(path, f"cycle {key!r}", raw)
        if not key.isascii() or not key.replace("_", "").isalnum():
            entry.fail("the cycle key must use only ASCII letters, digits and '_'")
        entry.check_keys(fields)
        cycles[key] = MaintenanceCycle(
            key=key,
            name_zh=entry.text("name_zh"),
            name_en=entry.text("name_en"),
            first_km=entry.integer("first_km", minimum=1),
            first_months=entry.integer("first_months", minimum=1),
            interval_km=entry.integer("interval_km", minimum=1),
            interval_months=entry.integer("interval_months", minimum=1),
        )
    if not cycles:
        raise _file_error(path, "no maintenance cycles defined")
    return cycles


def _parse_models(
    path: Path, data: object, cycles: Mapping[str, MaintenanceCycle]
) -> dict[str, CarModel]:
    fields = ("code", "name_zh", "name_en", "series", "body", "energy", "maintenance")

    def build(entry: _Entry) -> CarModel:
        entry.check_keys(fields)
        return CarModel(
            code=entry.code(),
            name_zh=entry.text("name_zh"),
            name_en=entry.text("name_en"),
            series=entry.text("series"),
            body=entry.choice("body", BODIES, "body type"),
            energy=entry.choice("energy", ENERGIES, "energy type"),
            maintenance=entry.choice("maintenance", cycles, "maintenance cycle", CYCLES_FILE),
        )

    return _by_code(path, _entries(path, data), build, lambda m: m.code)


def _parse_categories(path: Path, data: object) -> dict[str, Category]:
    def build(entry: _Entry) -> Category:
        entry.check_keys(("code", "name_zh", "name_en"))
        return Category(
            code=entry.code(), name_zh=entry.text("name_zh"), name_en=entry.text("name_en")
        )

    return _by_code(path, _entries(path, data), build, lambda c: c.code)


def _parse_systems(path: Path, data: object) -> dict[str, VehicleSystem]:
    def build(entry: _Entry) -> VehicleSystem:
        entry.check_keys(("code", "name_zh", "name_en", "critical"))
        return VehicleSystem(
            code=entry.code(),
            name_zh=entry.text("name_zh"),
            name_en=entry.text("name_en"),
            critical=entry.flag("critical"),
        )

    return _by_code(path, _entries(path, data), build, lambda s: s.code)


def _parse_jobs(
    path: Path,
    data: object,
    systems: Mapping[str, VehicleSystem],
    repair_cats: Mapping[str, Category],
) -> dict[str, StandardJob]:
    job_fields = ("code", "name_zh", "name_en", "repair_category", "lines")
    line_fields = (
        "kind",
        "description_zh",
        "description_en",
        "system",
        "mode",
        "qty",
        "unit_price_fen",
        "part_no",
    )

    def build_line(entry: _Entry) -> StandardJobLine:
        entry.check_keys(line_fields)
        return StandardJobLine(
            kind=entry.choice("kind", LINE_KINDS, "line kind"),
            description_zh=entry.text("description_zh"),
            description_en=entry.text("description_en"),
            system=entry.choice("system", systems, "vehicle system", VEHICLE_SYSTEMS_FILE),
            mode=entry.choice("mode", LINE_MODES, "pricing mode"),
            qty=entry.quantity("qty"),
            unit_price_fen=entry.integer("unit_price_fen", minimum=0),
            part_no=entry.text("part_no", allow_empty=True),
        )

    def build(entry: _Entry) -> StandardJob:
        entry.check_keys(job_fields)
        code = entry.code()
        raw_lines = entry.raw["lines"]
        if not isinstance(raw_lines, list) or not raw_lines:
            entry.fail("'lines' must be a non-empty list")
        lines = tuple(
            build_line(_Entry(path, f"{entry.where}, line #{n}", raw))
            for n, raw in enumerate(raw_lines, start=1)
        )
        return StandardJob(
            code=code,
            name_zh=entry.text("name_zh"),
            name_en=entry.text("name_en"),
            repair_category=entry.choice(
                "repair_category", repair_cats, "repair category", REPAIR_CATEGORIES_FILE
            ),
            lines=lines,
        )

    return _by_code(path, _entries(path, data, "jobs"), build, lambda j: j.code)


def _list_field(entry: _Entry, key: str) -> list[object]:
    value = entry.raw[key]
    if not isinstance(value, list):
        entry.fail(f"{key!r} must be a list, got {_json_type(value)}")
    return value


def _parse_checklist(path: Path, data: object) -> dict[str, ChecklistGroup]:
    seen: set[str] = set()

    def build_item(entry: _Entry, group: str) -> ChecklistItem:
        entry.check_keys(("code", "name_zh", "name_en"))
        code = entry.code()
        if code in seen:
            entry.fail(f"duplicate item code {code!r}")
        seen.add(code)
        return ChecklistItem(code, entry.text("name_zh"), entry.text("name_en"), group)

    def build(entry: _Entry) -> ChecklistGroup:
        entry.check_keys(("code", "name_zh", "name_en", "items"))
        code = entry.code()
        raw_items = _list_field(entry, "items")
        if not raw_items:
            entry.fail("'items' must be a non-empty list")
        items = tuple(
            build_item(_Entry(path, f"{entry.where}, item #{n}", raw), code)
            for n, raw in enumerate(raw_items, start=1)
        )
        return ChecklistGroup(code, entry.text("name_zh"), entry.text("name_en"), items)

    return _by_code(path, _entries(path, data, "groups"), build, lambda g: g.code)


def _parse_documents(
    path: Path, data: object, repair_cats: Mapping[str, Category]
) -> dict[str, DocumentType]:
    conditions = (*DOCUMENT_CONDITIONS, *repair_cats)

    def build(entry: _Entry) -> DocumentType:
        entry.check_keys(("code", "name_zh", "name_en", "required_for"))
        required = []
        for value in _list_field(entry, "required_for"):
            if value not in conditions:
                entry.fail(
                    f"unknown condition {value!r} in 'required_for' (repair categories are "
                    f"defined in {REPAIR_CATEGORIES_FILE}); known: {', '.join(conditions)}"
                )
            required.append(str(value))
        return DocumentType(
            entry.code(), entry.text("name_zh"), entry.text("name_en"), tuple(required)
        )

    return _by_code(path, _entries(path, data, "documents"), build, lambda d: d.code)


def _parse_belongings(path: Path, data: object) -> dict[str, BelongingType]:
    def build(entry: _Entry) -> BelongingType:
        entry.check_keys(("code", "name_zh", "name_en"))
        return BelongingType(entry.code(), entry.text("name_zh"), entry.text("name_en"))

    return _by_code(path, _entries(path, data, "items"), build, lambda b: b.code)


# --------------------------------------------------------------------------- cached loaders


@cache
def _cycles() -> dict[str, MaintenanceCycle]:
    return _parse_cycles(*_read(CYCLES_FILE))


@cache
def _models() -> dict[str, CarModel]:
    return _parse_models(*_read(MODELS_FILE), _cycles())


@cache
def _vehicle_categories() -> dict[str, Category]:
    return _parse_categories(*_read(VEHICLE_CATEGORIES_FILE))


@cache
def _repair_categories() -> dict[str, Category]:
    return _parse_categories(*_read(REPAIR_CATEGORIES_FILE))


@cache
def _systems() -> dict[str, VehicleSystem]:
    return _parse_systems(*_read(VEHICLE_SYSTEMS_FILE))


@cache
def _jobs() -> dict[str, StandardJob]:
    return _parse_jobs(*_read(STANDARD_JOBS_FILE), _systems(), _repair_categories())


@cache
def _checklist() -> dict[str, ChecklistGroup]:
    return _parse_checklist(*_read(CHECKLIST_FILE))


@cache
def _documents() -> dict[str, DocumentType]:
    return _parse_documents(*_read(DOCUMENTS_FILE), _repair_categories())


@cache
def _belongings() -> dict[str, BelongingType]:
    return _parse_belongings(*_read(BELONGINGS_FILE))


_LOADERS = (
    _cycles,
    _models,
    _vehicle_categories,
    _repair_categories,
    _systems,
    _jobs,
    _checklist,
    _documents,
    _belongings,
)


def reload() -> None:
    """Forget everything read so far; the next call reads the files again."""
    for loader in _LOADERS:
        loader.cache_clear()


def check_all() -> None:
    """Load and validate every reference file (e.g. at start-up); ReferenceDataError if bad."""
    for loader in _LOADERS:
        loader()


def _lookup(table: Mapping[str, _T], code: str, what: str) -> _T:
    try:
        return table[code]
    except KeyError:
        raise KeyError(f"unknown {what} code {code!r}") from None


# --------------------------------------------------------------------------- public API


def car_models() -> tuple[CarModel, ...]:
    return tuple(_models().values())


def car_model(code: str) -> CarModel:
    return _lookup(_models(), code, "car model")


def maintenance_cycles() -> tuple[MaintenanceCycle, ...]:
    return tuple(_cycles().values())


def maintenance_cycle(key: str) -> MaintenanceCycle:
    return _lookup(_cycles(), key, "maintenance cycle")


def cycle_for_model(model_code: str) -> MaintenanceCycle:
    return maintenance_cycle(car_model(model_code).maintenance)


def vehicle_categories() -> tuple[Category, ...]:
    return tuple(_vehicle_categories().values())


def vehicle_category(code: str) -> Category:
    return _lookup(_vehicle_categories(), code, "vehicle category")


def repair_categories() -> tuple[Category, ...]:
    return tuple(_repair_categories().values())


def repair_category(code: str) -> Category:
    return _lookup(_repair_categories(), code, "repair category")


def vehicle_systems() -> tuple[VehicleSystem, ...]:
    return tuple(_systems().values())


def vehicle_system(code: str) -> VehicleSystem:
    return _lookup(_systems(), code, "vehicle system")


def standard_jobs() -> tuple[StandardJob, ...]:
    return tuple(_jobs().values())


def standard_job(code: str) -> StandardJob:
    return _lookup(_jobs(), code, "standard job")


def checklist_groups() -> tuple[ChecklistGroup, ...]:
    return tuple(_checklist().values())


def checklist_items() -> tuple[ChecklistItem, ...]:
    return tuple(item for group in _checklist().values() for item in group.items)


def checklist_item(code: str) -> ChecklistItem:
    return _lookup({i.code: i for i in checklist_items()}, code, "checklist item")


def checklist_group(code: str) -> ChecklistGroup:
    return _lookup(_checklist(), code, "checklist group")


def document_types() -> tuple[DocumentType, ...]:
    return tuple(_documents().values())


def document_type(code: str) -> DocumentType:
    return _lookup(_documents(), code, "document")


def belonging_types() -> tuple[BelongingType, ...]:
    return tuple(_belongings().values())


def belonging_type(code: str) -> BelongingType:
    return _lookup(_belongings(), code, "belonging")
