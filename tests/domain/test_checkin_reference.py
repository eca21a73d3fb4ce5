"""The check-in catalogues in data/: checklist, documents, belongings; bad edits named."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

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
    for name in reference.ALL_FILES:
        shutil.copy(data_file(name), tmp_path / name)
    monkeypatch.setattr(reference, "data_file", lambda name: tmp_path / name)
    return tmp_path


def edit(directory: Path, name: str, change) -> None:
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_checklist_covers_the_walk_around():
    groups = {g.code: g for g in reference.checklist_groups()}
    assert {"exterior", "trim", "dashboard", "seats", "lights", "glass", "tyres"} <= set(groups)
    items = reference.checklist_items()
    assert len(items) == len({i.code for i in items}) >= 25
    assert reference.checklist_item("front_bumper").name("zh") == "前保险杠"
    assert reference.checklist_item("front_bumper").group == "exterior"
    assert all(i.name_zh and i.name_en for i in items)


def test_documents_and_when_they_are_required():
    docs = {d.code: d for d in reference.document_types()}
    assert docs["driving_licence"].name_zh == "机动车行驶证"
    assert docs["driving_licence"].required_for == ("always",)
    assert "annual_inspection" in docs["compulsory_insurance"].required_for
    assert "second_level" in docs["road_transport_permit"].required_for
    assert "maintenance" in docs["maintenance_book"].required_for
    conditions = set(reference.DOCUMENT_CONDITIONS) | {
        c.code for c in reference.repair_categories()
    }
    assert all(set(d.required_for) <= conditions for d in docs.values())


def test_the_belongings_catalogue():
    kinds = {b.code: b for b in reference.belonging_types()}
    assert {"jack", "warning_triangle", "umbrella", "dash_cam"} <= set(kinds)
    assert reference.belonging_type("jack").name("zh") == "千斤顶"
    assert len({b.name_zh for b in kinds.values()}) == len(kinds)
    with pytest.raises(KeyError, match="NOPE"):
        reference.belonging_type("NOPE")


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "inspection_checklist.json",
            lambda d: d["groups"][1]["items"].append(dict(d["groups"][0]["items"][0])),
            r"inspection_checklist\.json.*item #5.*duplicate item code 'body_paint'",
        ),
        (
            "inspection_checklist.json",
            lambda d: d["groups"][0].update(items=[]),
            r"inspection_checklist\.json.*'exterior'.*'items' must be a non-empty list",
        ),
        (
            "documents.json",
            lambda d: d["documents"][0].update(required_for=["sometimes"]),
            r"documents\.json.*'driving_licence'.*unknown condition 'sometimes'",
        ),
        (
            "documents.json",
            lambda d: d["documents"][0].update(required_for="always"),
            r"documents\.json.*'required_for' must be a list",
        ),
        (
            "belongings.json",
            lambda d: d["items"][0].pop("name_en"),
            r"belongings\.json.*'jack'.*missing field.*'name_en'",
        ),
    ],
)
def test_a_bad_edit_names_the_file_and_entry(data_dir, name, change, message):
    edit(data_dir, name, change)
    with pytest.raises(ReferenceDataError, match=message):
        reference.check_all()
