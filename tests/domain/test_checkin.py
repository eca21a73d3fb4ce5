"""Check-in rules (R8, R13/R14) and the car outline, as plain Python."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service_desk import reference
from service_desk.domain import car_outline
from service_desk.domain import checkin as ci
from service_desk.domain.checkin import (
    BelongingInput,
    CheckInFacts,
    ChecklistEntry,
    DocumentCheck,
    Fuel,
)
from service_desk.store import schema_v4

TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=TZ)


def codes(problems) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


# --- fuel ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fuel"),
    [
        ("E", Fuel("eighths", 0)),
        ("空", Fuel("eighths", 0)),
        ("1/8", Fuel("eighths", 1)),
        ("1/4", Fuel("eighths", 2)),
        ("3/8", Fuel("eighths", 3)),
        (" 1/2 ", Fuel("eighths", 4)),
        ("３/４", Fuel("eighths", 6)),
        ("f", Fuel("eighths", 8)),
        ("满", Fuel("eighths", 8)),
        ("45%", Fuel("percent", 45)),
        ("100％", Fuel("percent", 100)),
    ],
)
def test_the_gauge_as_it_reads(text, fuel):
    assert ci.parse_fuel(text) == fuel
    assert ci.check_fuel(fuel) is None


@pytest.mark.parametrize("text", ["", "half", "9/8", "1/3", "3/", "50"])
def test_an_unclear_gauge_reading_is_not_guessed(text):
    assert ci.parse_fuel(text) is None


def test_fuel_labels_and_fractions():
    assert [Fuel("eighths", v).label() for v in (0, 3, 4, 8)] == ["E", "3/8", "1/2", "F"]
    assert Fuel("percent", 45).label() == "45%"
    assert Fuel("eighths", 2).fraction == Fuel("percent", 25).fraction == 0.25


@pytest.mark.parametrize(
    ("fuel", "code"),
    [
        (None, "fuel.required"),
        (Fuel("litres", 20), "fuel.unit"),
        (Fuel("eighths", 9), "fuel.range"),
        (Fuel("eighths", -1), "fuel.range"),
        (Fuel("percent", 101), "fuel.range"),
        (Fuel("percent", True), "fuel.range"),
    ],
)
def test_bad_fuel_readings(fuel, code):
    problem = ci.check_fuel(fuel)
    assert problem is not None and (problem.field, problem.code) == ("fuel", code)


# --- checklist -------------------------------------------------------------------------

KNOWN = ("front_bumper", "windscreen", "horn")


def test_an_anomaly_says_what_is_wrong():
    entries = [
        ChecklistEntry("front_bumper", "anomaly", "左下角刮花"),
        ChecklistEntry("windscreen", "anomaly", "  "),
        ChecklistEntry("horn", "ok"),
    ]
    assert codes(ci.check_checklist(entries, KNOWN)) == [
        ("checklist.windscreen", "checklist.note_required")
    ]


def test_checklist_items_are_known_answered_once_ok_or_anomaly():
    entries = [
        ChecklistEntry("sunroof_motor", "ok"),
        ChecklistEntry("horn", "ok"),
        ChecklistEntry("horn", "ok"),
        ChecklistEntry("windscreen", "maybe"),
        ChecklistEntry("front_bumper", "ok", "x" * 201),
    ]
    assert codes(ci.check_checklist(entries, KNOWN)) == [
        ("checklist", "checklist.unknown_item"),
        ("checklist.horn", "checklist.duplicate"),
        ("checklist.windscreen", "checklist.result"),
        ("checklist.front_bumper", "text.too_long"),
    ]


# --- damage marks ----------------------------------------------------------------------


def test_a_mark_is_a_known_code_on_a_view():
    assert ci.check_mark("left", 0.5, 0.5, "scratch", "左后门", "") == []
    assert ci.check_mark("top", 0.0, 1.0, "missing", "", "C:/photos/IMG_0012.JPG") == []
    assert codes(ci.check_mark("front", 1.2, 0.5, "rust", "x" * 201, "notes.txt")) == [
        ("mark", "mark.view"),
        ("mark", "mark.position"),
        ("mark_code", "mark.code"),
        ("mark_note", "text.too_long"),
        ("photo", "photo.type"),
    ]


def test_the_damage_codes_match_the_symbols_and_the_schema():
    assert set(car_outline.MARK_SYMBOLS) == set(ci.DAMAGE_CODES) == set(ci.DAMAGE_NAMES)
    assert ci.DAMAGE_NAMES["scratch"] == ("划痕", "Scratch")
    assert [ci.DAMAGE_NAMES[c][0] for c in ci.DAMAGE_CODES] == [
        "划痕",
        "凹陷",
        "裂纹",
        "掉漆",
        "缺失",
    ]
    # the migration keeps frozen copies of the vocabularies
    assert schema_v4.DAMAGE_CODES == ci.DAMAGE_CODES
    assert schema_v4.FUEL_UNITS == ci.FUEL_UNITS
    assert schema_v4.VIEWS == car_outline.VIEWS


# --- documents -------------------------------------------------------------------------


def test_what_is_a_discrepancy():
    fine = DocumentCheck("driving_licence", True, True, True, True)
    expired = DocumentCheck("driving_licence", True, False, True, True)
    absent = DocumentCheck("driving_licence")
    assert not ci.is_discrepancy(fine, required=True)
    assert ci.is_discrepancy(expired, required=False)
    assert ci.is_discrepancy(absent, required=True)
    assert not ci.is_discrepancy(absent, required=False)


def test_a_document_not_received_cannot_be_valid_and_only_a_discrepancy_is_signed():
    odd = DocumentCheck("warranty_card", False, True, True, True, " 未带 ", True)
    normalized = odd.normalized(required=False)
    assert (normalized.valid, normalized.complete, normalized.intact) == (False, False, False)
    assert normalized.note == "未带" and normalized.customer_signed is False
    assert odd.normalized(required=True).customer_signed is True


def test_required_documents_follow_purpose_and_repair_category():
    conditions = {d.code: d.required_for for d in reference.document_types()}
    assert ci.required_documents(conditions, "general_repair", []) == {"driving_licence"}
    assert ci.required_documents(conditions, "maintenance", []) == {
        "driving_licence",
        "maintenance_book",
    }
    annual = ci.required_documents(conditions, None, ["annual_inspection"])
    assert {"compulsory_insurance", "inspection_mark", "owner_id_copy"} <= annual
    second = ci.required_documents(conditions, "general_repair", ["second_level"])
    assert {"road_transport_permit", "maintenance_record"} <= second


def test_every_discrepancy_is_noted_and_signed():
    known = ("driving_licence", "maintenance_book", "warranty_card")
    checks = [
        DocumentCheck("driving_licence", True, False, True, True),  # expired, no note
        DocumentCheck("maintenance_book", True, True, True, False, "封面破损"),  # not signed
        DocumentCheck("warranty_card", True, True, True, True),
    ]
    assert codes(ci.check_documents(checks, {"driving_licence"}, known)) == [
        ("document.driving_licence", "document.note_required"),
        ("document.maintenance_book", "document.signature_required"),
    ]
    signed = [
        DocumentCheck("driving_licence", False, note="客户未带行驶证", customer_signed=True),
        DocumentCheck("maintenance_book"),  # not required, not received: nothing to say
    ]
    assert ci.check_documents(signed, {"driving_licence"}, known) == []
    odd = [
        DocumentCheck("passport"),
        DocumentCheck("warranty_card"),
        DocumentCheck("warranty_card"),
    ]
    assert codes(ci.check_documents(odd, set(), known)) == [
        ("documents", "document.unknown"),
        ("document.warranty_card", "document.duplicate"),
    ]
    assert codes(ci.check_purposes(["annual_inspection", "tuning"])) == [
        ("purposes", "purpose.unknown")
    ]


# --- belongings ------------------------------------------------------------------------


def test_box_numbers_are_normalized():
    assert ci.normalize_box(" １２ ") == "12"
    assert ci.normalize_box("a-3") == "A-3"
    assert ci.check_box("12", needed=True) is None
    assert ci.check_box("", needed=False) is None
    assert ci.check_box(" ", needed=True).code == "box.required"
    assert ci.check_box("12号", needed=True).code == "box.format"
    assert ci.check_box("-1", needed=True).code == "box.format"
    assert ci.check_box("A" * 11, needed=True).code == "box.format"


def test_belongings_need_a_box():
    items = [BelongingInput("千斤顶", 1, "jack"), BelongingInput("雨伞", 2)]
    assert codes(ci.check_belongings(items, "")) == [("box_no", "box.required")]
    assert ci.check_belongings(items, "12") == []
    assert ci.check_belongings([], "") == []  # nothing in the car, no box needed


def test_belonging_lines_are_named_once_with_a_sensible_quantity():
    items = [
        BelongingInput(" ", 1),
        BelongingInput("雨伞", 0),
        BelongingInput("Umbrella ", 1),
        BelongingInput("umbrella", 1),
        BelongingInput("千斤顶", 1, "jack"),
        BelongingInput("Jack", 1, "jack"),
        BelongingInput("儿童绘本", 100),
    ]
    assert codes(ci.check_belongings(items, "12")) == [
        ("belongings.0", "text.required"),
        ("belongings.1", "belongings.qty_range"),
        ("belongings.3", "belongings.duplicate"),
        ("belongings.5", "belongings.duplicate"),
        ("belongings.6", "belongings.qty_range"),
    ]


def test_pickup_reconciliation_records_what_is_missing():
    items = [(1, "千斤顶", 1), (2, "雨伞", 2), (3, "儿童绘本", 3)]
    result, problems = ci.reconcile(items, {1: 1, 2: 2, 3: 3})
    assert problems == [] and result.complete
    result, problems = ci.reconcile(items, {1: 1, 2: 1})
    assert codes(problems) == [("return_note", "return.note_required")]
    assert [(line.name, line.missing) for line in result.missing] == [("雨伞", 1), ("儿童绘本", 3)]
    result, problems = ci.reconcile(items, {1: 1, 2: 1}, "雨伞客户已自取一把；绘本客户说不要了")
    assert problems == [] and not result.complete
    _result, problems = ci.reconcile(items, {1: 2, 9: 1, 3: -1}, "x")
    assert codes(problems) == [
        ("returned", "return.unknown_item"),
        ("returned.1", "return.qty_range"),
        ("returned.3", "return.qty_range"),
    ]


# --- workshop receiver -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("minute", "rounded"), [(0, (9, 0)), (34, (9, 30)), (35, (9, 40)), (56, (10, 0))]
)
def test_handover_times_round_to_ten_minutes(minute, rounded):
    moment = dt.datetime(2026, 11, 27, 9, minute, 42, tzinfo=TZ)
    result = ci.round_to_ten_minutes(moment)
    assert (result.hour, result.minute, result.second) == (*rounded, 0)


def test_the_receiver_signs_with_name_and_a_plausible_time():
    signed = NOW - dt.timedelta(hours=1)
    assert ci.check_receiver("赵师傅", NOW, NOW, signed) == []
    assert codes(ci.check_receiver("", None, NOW, signed)) == [
        ("receiver_name", "text.required"),
        ("receiver_at", "receiver.time_required"),
    ]
    later = NOW + dt.timedelta(hours=1)
    assert codes(ci.check_receiver("赵师傅", later, NOW, signed)) == [
        ("receiver_at", "receiver.future")
    ]
    early = signed - dt.timedelta(minutes=30)
    assert codes(ci.check_receiver("赵师傅", early, NOW, signed)) == [
        ("receiver_at", "receiver.before_signed")
    ]


# --- completing ------------------------------------------------------------------------


def test_the_check_in_is_complete_only_with_everything_recorded():
    done = CheckInFacts(0, True, True, True, 0, True, False)
    assert ci.check_complete(done) == []
    nothing = CheckInFacts(30, False, False, False, 0, False, False)
    assert codes(ci.check_complete(nothing)) == [
        ("checklist", "checkin.checklist_incomplete"),
        ("fuel", "fuel.required"),
        ("odometer", "odometer.required"),
        ("documents", "checkin.documents_required"),
        ("belongings", "checkin.belongings_required"),
    ]
    assert ci.check_complete(nothing)[0].param("count") == 30
    odd = CheckInFacts(0, True, True, True, 1, True, True)
    assert codes(ci.check_complete(odd)) == [
        ("documents", "document.signature_required"),
        ("box_no", "box.required"),
    ]


# --- the car outline -------------------------------------------------------------------


def test_every_view_is_drawn_inside_its_box():
    assert set(car_outline.OUTLINE) == set(car_outline.VIEWS)
    for view in car_outline.OUTLINE.values():
        assert len(view.lines) >= 8
        for line in view.lines:
            assert len(line) >= 2
            for x, y in line:
                assert -1e-9 <= x <= 1 + 1e-9 and -1e-9 <= y <= 1 + 1e-9
    left, right = car_outline.OUTLINE["left"], car_outline.OUTLINE["right"]
    assert right.lines[0] == tuple((1 - x, y) for x, y in left.lines[0])  # a mirror image


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_the_views_do_not_overlap_and_fit_the_canvas(columns):
    canvas = car_outline.arrange(columns)
    boxes = list(canvas.boxes.items())
    assert {view for view, _box in boxes} == set(car_outline.VIEWS)
    for view, box in boxes:
        assert box.w / box.h == pytest.approx(car_outline.OUTLINE[view].aspect)
        assert box.x >= 0 and box.x + box.w <= canvas.width + 1e-9
        assert box.y >= 0 and box.y + box.h <= canvas.height + 1e-9
    for i, (_a, one) in enumerate(boxes):
        for _b, other in boxes[i + 1 :]:
            apart_x = one.x + one.w <= other.x or other.x + other.w <= one.x
            apart_y = one.y + one.h <= other.y or other.y + other.h <= one.y
            assert apart_x or apart_y
    assert (canvas.legend is not None) == (columns == 2)


@given(
    st.integers(1, 3),
    st.sampled_from(car_outline.VIEWS),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_a_point_placed_is_found_again(columns, view, x, y):
    canvas = car_outline.arrange(columns)
    found = canvas.locate(*canvas.to_canvas(view, x, y))
    assert found is not None
    assert found[0] == view
    assert found[1] == pytest.approx(x, abs=1e-9) and found[2] == pytest.approx(y, abs=1e-9)


def test_a_click_between_views_finds_nothing():
    canvas = car_outline.arrange(2)
    left = canvas.boxes["left"]
    assert canvas.locate(left.x + left.w + car_outline.GAP / 2, left.y + 1) is None
    assert canvas.locate(-1, -1) is None


def test_mark_symbols_stay_in_their_square():
    for lines in car_outline.MARK_SYMBOLS.values():
        for line in lines:
            assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in line)
