"""The shipped reference data loads, is consistent, and a bad dealer edit fails clearly."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from service_desk import reference
from service_desk.paths import data_file
from service_desk.reference import ReferenceDataError


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    reference.reload()
    yield
    reference.reload()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data/ that the loader reads instead of the real one."""
    for name in reference.ALL_FILES:
        shutil.copy(data_file(name), tmp_path / name)
    monkeypatch.setattr(reference, "data_file", lambda name: tmp_path / name)
    return tmp_path


Edit = Callable[[Any], Any]


class Replace:
    """Returned by an edit to replace the whole file content (other edits change it in place)."""

    def __init__(self, value: Any) -> None:
        self.value = value


def edit(directory: Path, name: str, change: Edit) -> None:
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    result = change(data)
    if isinstance(result, Replace):
        data = result.value
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


# --------------------------------------------------------------------------- shipped data


def test_every_file_loads() -> None:
    reference.check_all()
    assert 20 <= len(reference.car_models()) <= 40
    assert {c.key for c in reference.maintenance_cycles()} >= {"petrol", "phev", "ev"}
    assert len(reference.vehicle_categories()) >= 5
    assert len(reference.repair_categories()) >= 8
    assert len(reference.vehicle_systems()) >= 15
    assert 10 <= len(reference.standard_jobs()) <= 20


def test_every_file_is_utf8_json_with_chinese_names() -> None:
    for name in reference.ALL_FILES:
        text = data_file(name).read_text(encoding="utf-8")
        json.loads(text)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), name


@pytest.mark.parametrize(
    "items",
    [
        reference.car_models,
        reference.vehicle_categories,
        reference.repair_categories,
        reference.vehicle_systems,
        reference.standard_jobs,
    ],
)
def test_codes_are_unique_ascii(items: Callable[[], tuple[Any, ...]]) -> None:
    codes = [item.code for item in items()]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert code.isascii() and code.replace("_", "").isalnum(), code


def test_names_are_filled_and_unique() -> None:
    for items in (
        reference.car_models(),
        reference.maintenance_cycles(),
        reference.vehicle_categories(),
        reference.repair_categories(),
        reference.vehicle_systems(),
        reference.standard_jobs(),
    ):
        zh = [item.name("zh") for item in items]
        en = [item.name("en") for item in items]
        assert all(zh) and all(en)
        assert len(set(zh)) == len(zh)
        assert len(set(en)) == len(en)


def test_name_picks_language() -> None:
    model = reference.car_model("TIGGO8PRO")
    assert model.name() == model.name("zh") == model.name("zh_CN") == "瑞虎8 PRO"
    assert model.name("en") == "Tiggo 8 Pro"
    line = reference.standard_job("service_10000").lines[0]
    assert line.description("zh") == line.description_zh
    assert line.description("en") == line.description_en


def test_models_have_known_fields_and_cycle() -> None:
    for model in reference.car_models():
        assert model.body in reference.BODIES
        assert model.energy in reference.ENERGIES
        assert reference.maintenance_cycle(model.maintenance).key == model.maintenance
        assert reference.cycle_for_model(model.code) is reference.maintenance_cycle(
            model.maintenance
        )


def test_catalogue_covers_the_main_series() -> None:
    series = {model.series for model in reference.car_models()}
    assert {"瑞虎", "艾瑞泽", "风云", "小蚂蚁", "QQ", "iCAR", "探索"} <= series
    energies = {model.energy for model in reference.car_models()}
    assert energies == {"petrol", "phev", "ev"}


def test_cycles_are_sensible() -> None:
    for cycle in reference.maintenance_cycles():
        assert 0 < cycle.first_km <= cycle.interval_km
        assert 0 < cycle.first_months <= cycle.interval_months


def test_cycles_file_carries_a_note_for_the_dealer() -> None:
    data = json.loads(data_file(reference.CYCLES_FILE).read_text(encoding="utf-8"))
    assert "保养手册" in data["_note"]
    jobs = json.loads(data_file(reference.STANDARD_JOBS_FILE).read_text(encoding="utf-8"))
    assert "adjust" in jobs["_note"]


def test_critical_systems() -> None:
    critical = {system.code for system in reference.vehicle_systems() if system.critical}
    assert critical == {"brakes", "steering", "suspension", "restraints", "tyres", "hv_system"}
    assert reference.vehicle_system("engine").critical is False


def test_job_lines_reference_known_codes_and_valid_amounts() -> None:
    for job in reference.standard_jobs():
        assert reference.repair_category(job.repair_category).code == job.repair_category
        assert job.lines
        for line in job.lines:
            assert reference.vehicle_system(line.system).code == line.system
            assert line.kind in reference.LINE_KINDS
            assert line.mode in reference.LINE_MODES
            assert isinstance(line.qty, Decimal)
            assert line.qty > 0
            assert type(line.unit_price_fen) is int
            assert line.unit_price_fen >= 0
            assert isinstance(line.part_no, str)


def test_standard_prices() -> None:
    labour = [
        line for job in reference.standard_jobs() for line in job.lines if line.kind == "labour"
    ]
    paid = {line.unit_price_fen for line in labour if line.unit_price_fen}
    assert paid == {12000}
    free = reference.standard_job("free_safety_check")
    assert free.repair_category == "free_inspection"
    assert all(line.unit_price_fen == 0 for line in free.lines)
    oil = reference.standard_job("service_10000").lines[1]
    assert oil.qty == Decimal("4.2")


def test_unknown_codes_raise_key_error() -> None:
    for lookup in (
        reference.car_model,
        reference.cycle_for_model,
        reference.maintenance_cycle,
        reference.vehicle_category,
        reference.repair_category,
        reference.vehicle_system,
        reference.standard_job,
    ):
        with pytest.raises(KeyError, match="NOPE"):
            lookup("NOPE")


def test_results_are_cached_and_frozen() -> None:
    assert reference.car_models() == reference.car_models()
    assert reference.car_model("TIGGO9") is reference.car_model("TIGGO9")
    with pytest.raises(AttributeError):
        reference.car_model("TIGGO9").code = "X"  # type: ignore[misc]


# --------------------------------------------------------------------------- bad edits


def test_copy_of_shipped_data_loads(data_dir: Path) -> None:
    reference.check_all()
    shipped = json.loads((data_dir / "models.json").read_text("utf-8"))
    assert len(reference.car_models()) == len(shipped)


def test_edit_is_seen_after_reload(data_dir: Path) -> None:
    reference.car_models()

    def rename(models: list[dict[str, Any]]) -> None:
        models[0]["name_en"] = "Renamed"

    edit(data_dir, "models.json", rename)
    assert reference.car_models()[0].name_en != "Renamed"
    reference.reload()
    assert reference.car_models()[0].name_en == "Renamed"


def _model(models: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(m for m in models if m["code"] == code)


def _job_line(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(j for j in data["jobs"] if j["code"] == code)["lines"][0]


BAD_EDITS: list[tuple[str, str, Edit, str]] = [
    (
        "model with unknown cycle",
        "models.json",
        lambda d: _model(d, "TIGGO8PRO").update(maintenance="diesel"),
        r"models\.json.*'TIGGO8PRO'.*maintenance cycle 'diesel'",
    ),
    (
        "model missing a field",
        "models.json",
        lambda d: _model(d, "ARRIZO8").pop("body"),
        r"models\.json.*'ARRIZO8'.*missing field.*'body'",
    ),
    (
        "model with unknown key",
        "models.json",
        lambda d: _model(d, "TIGGO7").update(colour="red"),
        r"models\.json.*'TIGGO7'.*unknown key.*'colour'",
    ),
    (
        "model with bad body",
        "models.json",
        lambda d: _model(d, "TIGGO7").update(body="truck"),
        r"models\.json.*'TIGGO7'.*body type 'truck'",
    ),
    (
        "duplicate model code",
        "models.json",
        lambda d: d.append(dict(_model(d, "TIGGO9"))),
        r"models\.json.*'TIGGO9'.*duplicate code",
    ),
    (
        "non-ASCII code",
        "models.json",
        lambda d: _model(d, "TIGGO9").update(code="瑞虎9"),
        r"models\.json.*'瑞虎9'.*ASCII",
    ),
    (
        "empty name",
        "vehicle_categories.json",
        lambda d: d[0].update(name_zh="  "),
        r"vehicle_categories\.json.*'small_car'.*'name_zh' must not be empty",
    ),
    (
        "cycle with text km",
        "maintenance_cycles.json",
        lambda d: d["petrol"].update(interval_km="10000"),
        r"maintenance_cycles\.json.*'petrol'.*'interval_km' must be a whole number",
    ),
    (
        "cycle with zero months",
        "maintenance_cycles.json",
        lambda d: d["ev"].update(first_months=0),
        r"maintenance_cycles\.json.*'ev'.*'first_months' must be at least 1",
    ),
    (
        "system critical not a bool",
        "vehicle_systems.json",
        lambda d: d[0].update(critical="yes"),
        r"vehicle_systems\.json.*'engine'.*'critical' must be true or false",
    ),
    (
        "job line with unknown system",
        "standard_jobs.json",
        lambda d: _job_line(d, "wheel_alignment").update(system="gearbox"),
        r"standard_jobs\.json.*'wheel_alignment', line #1.*vehicle system 'gearbox'",
    ),
    (
        "job with unknown repair category",
        "standard_jobs.json",
        lambda d: d["jobs"][0].update(repair_category="tuning"),
        r"standard_jobs\.json.*'first_service_5000'.*repair category 'tuning'",
    ),
    (
        "job line with zero qty",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(qty="0"),
        r"standard_jobs\.json.*'diagnosis', line #1.*'qty' must be greater than 0",
    ),
    (
        "job line with float qty",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(qty=1.5),
        r"standard_jobs\.json.*'diagnosis', line #1.*'qty' must be a decimal string",
    ),
    (
        "job line with garbage qty",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(qty="one"),
        r"standard_jobs\.json.*'diagnosis', line #1.*'qty' must be a decimal number",
    ),
    (
        "job line with negative price",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(unit_price_fen=-1),
        r"standard_jobs\.json.*'diagnosis', line #1.*'unit_price_fen' must be at least 0",
    ),
    (
        "job line with yuan price",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(unit_price_fen=200.0),
        r"standard_jobs\.json.*'diagnosis', line #1.*'unit_price_fen' must be a whole number",
    ),
    (
        "job line with unknown kind",
        "standard_jobs.json",
        lambda d: _job_line(d, "diagnosis").update(kind="misc"),
        r"standard_jobs\.json.*'diagnosis', line #1.*line kind 'misc'",
    ),
    (
        "job without lines",
        "standard_jobs.json",
        lambda d: d["jobs"][0].update(lines=[]),
        r"standard_jobs\.json.*'first_service_5000'.*'lines' must be a non-empty list",
    ),
    (
        "jobs file as a bare list",
        "standard_jobs.json",
        lambda d: Replace(d["jobs"]),
        r"standard_jobs\.json.*top level.*expected a JSON object",
    ),
    (
        "entry that is not an object",
        "repair_categories.json",
        lambda d: d.append("warranty"),
        r"repair_categories\.json.*entry #9.*expected a JSON object",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [pytest.param(name, change, message, id=label) for label, name, change, message in BAD_EDITS],
)
def test_bad_edit_fails_with_clear_message(
    data_dir: Path, name: str, change: Edit, message: str
) -> None:
    edit(data_dir, name, change)
    with pytest.raises(ReferenceDataError, match=message) as caught:
        reference.check_all()
    assert isinstance(caught.value, ValueError)
    assert str(data_dir / name) in str(caught.value)


def test_note_keys_are_ignored(data_dir: Path) -> None:
    edit(data_dir, "models.json", lambda d: d[0].update(_note="checked 2024"))
    reference.check_all()


def test_invalid_json_names_file_and_line(data_dir: Path) -> None:
    (data_dir / "vehicle_systems.json").write_text('[\n  {"code": "engine",}\n]', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"vehicle_systems\.json.*line 2"):
        reference.vehicle_systems()


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "repair_categories.json").unlink()
    with pytest.raises(ReferenceDataError, match=r"repair_categories\.json.*not found"):
        reference.repair_categories()
