"""Check-in actions (R8) and the pickup tick-back: what they store, what they refuse, and
that the database refuses the same things on its own."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from service_desk import reference
from service_desk.actions import checkin, orders
from service_desk.actions.context import ActionError
from service_desk.domain.checkin import (
    BelongingInput,
    ChecklistEntry,
    DocumentCheck,
    Fuel,
)
from service_desk.domain.validation import ValidationError
from service_desk.store import checkin_queries, queries
from tests.conftest import NOW, staff_id

ALL_OK = [ChecklistEntry(item.code, "ok") for item in reference.checklist_items()]
LICENCE_OK = DocumentCheck("driving_licence", True, True, True, True)
BOOK_OK = DocumentCheck("maintenance_book", True, True, True, True)


def problem_codes(exc: pytest.ExceptionInfo) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in exc.value.problems]


def audit_actions(ctx, entity: str = "checkin") -> list[str]:
    return [
        r[0]
        for r in ctx.db.execute("SELECT action FROM audit WHERE entity = ? ORDER BY id", [entity])
    ]


def ready(ctx, order_id: int, box: str = "12") -> None:
    """Everything recorded, not yet completed."""
    checkin.save_checklist(ctx, order_id, ALL_OK)
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 4), 41560)
    checkin.record_documents(ctx, order_id, [LICENCE_OK, BOOK_OK])
    checkin.set_belongings(
        ctx,
        order_id,
        box,
        [BelongingInput("", 1, "jack"), BelongingInput("雨伞", 2), BelongingInput("儿童绘本", 3)],
    )


def second_signed_order(ctx, order_id: int) -> int:
    """Another signed order, for another car of the same customer."""
    from service_desk.actions import archive
    from service_desk.actions.archive import VehicleInput

    owner = queries.order(ctx.db, order_id)["customer_id"]
    vid = archive.register_vehicle(
        ctx, owner, VehicleInput(plate="皖B66666", model_code="TIGGO7", category_code="small_car")
    )
    oid = orders.open_order(ctx, vid, "保养")
    orders.apply_standard_job(ctx, oid, "service_10000")
    orders.save_reception(ctx, oid, request="保养", promised_at=NOW + dt.timedelta(hours=2))
    orders.sign(ctx, oid)
    return oid


# --- checklist -------------------------------------------------------------------------


def test_the_checklist_is_stored_and_a_changed_answer_audited(ctx, order_id):
    checkin.save_checklist(ctx, order_id, ALL_OK)
    results = checkin_queries.checklist(ctx.db, order_id)
    assert len(results) == len(ALL_OK) and {r["result"] for r in results.values()} == {"ok"}
    checkin.save_checklist(ctx, order_id, [ChecklistEntry("front_bumper", "anomaly", " 刮花 ")])
    bumper = checkin_queries.checklist(ctx.db, order_id)["front_bumper"]
    assert (bumper["result"], bumper["note"], bumper["staff_id"]) == (
        "anomaly",
        "刮花",
        ctx.user_id,
    )
    before, after = ctx.db.execute(
        "SELECT before_json, after_json FROM audit WHERE action = 'checklist' ORDER BY id DESC"
    ).fetchone()
    assert json.loads(before) == {"front_bumper": ["ok", ""]}
    assert json.loads(after) == {"front_bumper": ["anomaly", "刮花"]}


def test_an_anomaly_without_a_note_is_refused(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.save_checklist(ctx, order_id, [ChecklistEntry("windscreen", "anomaly", "")])
    assert problem_codes(exc) == [("checklist.windscreen", "checklist.note_required")]
    assert checkin_queries.checklist(ctx.db, order_id) == {}
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute(
            "INSERT INTO inspection_results(order_id, item_code, result, note, at, staff_id) "
            "VALUES (?, 'windscreen', 'anomaly', '', ?, ?)",
            [order_id, NOW.isoformat(), ctx.user_id],
        )


def test_check_in_needs_a_signed_order_and_someone_at_the_counter(ctx, order_id):
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    fresh = orders.open_order(ctx, vehicle_id, "洗车")
    with pytest.raises(ActionError) as exc:
        checkin.save_checklist(ctx, fresh, ALL_OK)
    assert (exc.value.code, exc.value.params["state"]) == ("checkin.state", "reception")
    ctx.user_id = None
    with pytest.raises(ActionError, match=r"user.required"):
        checkin.save_checklist(ctx, order_id, ALL_OK)


# --- damage marks ----------------------------------------------------------------------


def test_marks_are_numbered_and_struck_out_never_deleted(ctx, order_id, tmp_path):
    photo = tmp_path / "dent.jpg"
    photo.write_bytes(b"jpeg")
    first = checkin.add_damage_mark(ctx, order_id, "left", 0.78123, 0.5, "scratch", "左后门 ")
    second = checkin.add_damage_mark(ctx, order_id, "top", 0.1, 0.3, "dent", "", str(photo))
    checkin.strike_damage_mark(ctx, first)
    third = checkin.add_damage_mark(ctx, order_id, "right", 0.2, 0.6, "chip")
    marks = checkin_queries.damage_marks(ctx.db, order_id, include_struck=True)
    assert [(m["id"], m["no"], m["status"]) for m in marks] == [
        (first, 1, "struck"),
        (second, 2, "active"),
        (third, 3, "active"),
    ]
    assert (marks[0]["x"], marks[0]["note"]) == (0.7812, "左后门")
    assert marks[1]["photo_path"] == str(photo)
    assert [m["no"] for m in checkin_queries.damage_marks(ctx.db, order_id)] == [2, 3]
    with pytest.raises(ActionError, match=r"mark.struck"):
        checkin.strike_damage_mark(ctx, first)
    assert audit_actions(ctx, "damage_mark") == ["add", "add", "strike", "add"]
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        ctx.db.execute("UPDATE damage_marks SET note = 'x' WHERE id = ?", [second])
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        ctx.db.execute("UPDATE damage_marks SET status = 'active' WHERE id = ?", [first])


def test_a_mark_with_a_missing_photo_or_an_unknown_code_is_refused(ctx, order_id, tmp_path):
    with pytest.raises(ValidationError) as exc:
        checkin.add_damage_mark(
            ctx, order_id, "left", 0.5, 0.5, "scratch", "", str(tmp_path / "x.jpg")
        )
    assert problem_codes(exc) == [("photo", "file.missing")]
    with pytest.raises(ValidationError) as exc:
        checkin.add_damage_mark(ctx, order_id, "under", 0.5, 1.5, "rust")
    assert {code for _f, code in problem_codes(exc)} == {"mark.view", "mark.position", "mark.code"}
    assert checkin_queries.damage_marks(ctx.db, order_id, include_struck=True) == []


# --- fuel and odometer -----------------------------------------------------------------


def test_fuel_and_odometer_join_the_order_and_the_vehicle_history(ctx, order_id):
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    readings = len(queries.odometer_history(ctx.db, vehicle_id))
    checkin.record_fuel_odometer(ctx, order_id, Fuel("percent", 62), 41500)  # as at reception
    assert len(queries.odometer_history(ctx.db, vehicle_id)) == readings
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 3), 41560)
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["fuel_unit"], state["fuel_value"], state["odometer_km"]) == ("eighths", 3, 41560)
    assert queries.order(ctx.db, order_id)["odometer_in"] == 41560
    latest = queries.odometer_history(ctx.db, vehicle_id)[0]
    assert (latest["km"], latest["source"], latest["order_id"]) == (41560, "reception", order_id)


def test_an_odometer_below_the_last_reading_needs_confirmation_and_a_reason(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 3), 40000)
    assert problem_codes(exc) == [("odometer", "odometer.lower")]
    assert exc.value.problems[0].param("last") == 41500
    assert checkin_queries.checkin(ctx.db, order_id) is None
    # the database refuses the lower reading on its own, too
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    with pytest.raises(sqlite3.IntegrityError, match="needs a reason"):
        ctx.db.execute(
            "INSERT INTO odometer_readings(vehicle_id, km, at, source, reason, staff_id) "
            "VALUES (?, 40000, ?, 'reception', '', ?)",
            [vehicle_id, NOW.isoformat(), ctx.user_id],
        )
    checkin.record_fuel_odometer(
        ctx, order_id, Fuel("eighths", 3), 40000, "仪表更换", confirmed={"odometer.lower"}
    )
    latest = queries.odometer_history(ctx.db, vehicle_id)[0]
    assert (latest["km"], latest["reason"]) == (40000, "仪表更换")


def test_fuel_must_be_read_and_stays_in_range(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.record_fuel_odometer(ctx, order_id, None, None)
    assert problem_codes(exc) == [("fuel", "fuel.required"), ("odometer", "odometer.required")]
    checkin.record_fuel_odometer(ctx, order_id, Fuel("eighths", 2), 41500)
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute("UPDATE checkins SET fuel_value = 9 WHERE order_id = ?", [order_id])


# --- documents -------------------------------------------------------------------------


def test_documents_with_a_discrepancy_signed_by_the_customer(ctx, order_id):
    expired = DocumentCheck("driving_licence", True, False, True, True, "检验有效期已过", True)
    checkin.record_documents(ctx, order_id, [expired, BOOK_OK])
    stored = checkin_queries.documents(ctx.db, order_id)
    assert set(stored) == {d.code for d in reference.document_types()}  # every one recorded
    licence = stored["driving_licence"]
    assert (licence["required"], licence["discrepancy"], licence["customer_signed"]) == (1, 1, 1)
    assert stored["maintenance_book"]["required"] == 1  # a maintenance order
    assert stored["warranty_card"]["received"] == 0 and stored["warranty_card"]["discrepancy"] == 0
    assert checkin_queries.checkin(ctx.db, order_id)["documents_at"] == NOW.isoformat()


def test_a_discrepancy_must_be_noted_and_signed(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.record_documents(
            ctx, order_id, [DocumentCheck("driving_licence", True, True, False, True), BOOK_OK]
        )
    assert problem_codes(exc) == [("document.driving_licence", "document.note_required")]
    with pytest.raises(ValidationError) as exc:  # a required document not brought
        checkin.record_documents(ctx, order_id, [LICENCE_OK])
    assert problem_codes(exc) == [("document.maintenance_book", "document.note_required")]
    with pytest.raises(ValidationError) as exc:
        checkin.record_documents(
            ctx, order_id, [LICENCE_OK, DocumentCheck("maintenance_book", note="客户忘带")]
        )
    assert problem_codes(exc) == [("document.maintenance_book", "document.signature_required")]
    assert checkin_queries.documents(ctx.db, order_id) == {}
    checkin.record_documents(ctx, order_id, [LICENCE_OK, BOOK_OK])
    with pytest.raises(sqlite3.IntegrityError):  # the database re-checks the signature
        ctx.db.execute(
            "UPDATE checkin_documents SET valid = 0, discrepancy = 1, note = '过期' "
            "WHERE doc_code = 'driving_licence'"
        )


def test_annual_inspection_papers_become_required(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.record_documents(ctx, order_id, [LICENCE_OK, BOOK_OK], ["annual_inspection"])
    fields = {field for field, _code in problem_codes(exc)}
    assert {"document.compulsory_insurance", "document.inspection_mark"} <= fields
    with pytest.raises(ValidationError) as exc:
        checkin.record_documents(ctx, order_id, [LICENCE_OK, BOOK_OK], ["tuning"])
    assert problem_codes(exc) == [("purposes", "purpose.unknown")]


# --- belongings ------------------------------------------------------------------------


def test_a_belongings_list_without_a_box_number_is_refused(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.set_belongings(ctx, order_id, " ", [BelongingInput("雨伞", 1)])
    assert problem_codes(exc) == [("box_no", "box.required")]
    assert checkin_queries.belongings(ctx.db, order_id) == []
    # the database refuses it on its own, too
    ctx.db.execute(
        "INSERT INTO checkins(order_id, updated_at) VALUES (?, ?)", [order_id, NOW.isoformat()]
    )
    with pytest.raises(sqlite3.IntegrityError, match="storage box"):
        ctx.db.execute(
            "INSERT INTO belongings(order_id, name, qty, created_at, created_by) "
            "VALUES (?, '雨伞', 1, ?, ?)",
            [order_id, NOW.isoformat(), ctx.user_id],
        )


def test_the_belongings_list_is_edited_in_place_and_lines_struck_out(ctx, order_id):
    checkin.set_belongings(
        ctx, order_id, "１２", [BelongingInput("Jack", 1, "jack"), BelongingInput("雨伞", 1)]
    )
    rows = checkin_queries.belongings(ctx.db, order_id)
    assert [(r["item_code"], r["name"], r["qty"]) for r in rows] == [
        ("jack", "千斤顶", 1),  # catalogue items carry their Chinese name
        (None, "雨伞", 1),
    ]
    assert checkin_queries.checkin(ctx.db, order_id)["box_no"] == "12"
    jack, umbrella = rows
    checkin.set_belongings(
        ctx,
        order_id,
        "12",
        [BelongingInput("雨伞", 2, None, umbrella["id"]), BelongingInput("儿童绘本", 3)],
    )
    every = checkin_queries.belongings(ctx.db, order_id, include_struck=True)
    assert [(r["name"], r["qty"], r["status"]) for r in every] == [
        ("千斤顶", 1, "struck"),
        ("雨伞", 2, "active"),
        ("儿童绘本", 3, "active"),
    ]
    assert every[0]["struck_by"] == ctx.user_id
    with pytest.raises(sqlite3.IntegrityError, match="storage box"):  # box kept while in use
        ctx.db.execute("UPDATE checkins SET box_no = NULL WHERE order_id = ?", [order_id])
    checkin.set_belongings(ctx, order_id, "", [])  # nothing left in the car after all
    assert checkin_queries.belongings(ctx.db, order_id) == []
    assert checkin_queries.checkin(ctx.db, order_id)["box_no"] is None
    assert audit_actions(ctx) == ["belongings", "belongings", "belongings"]
    with pytest.raises(ActionError, match=r"record.missing"):
        checkin.set_belongings(ctx, order_id, "12", [BelongingInput("雨伞", 1, None, jack["id"])])


def test_a_box_holds_one_car_until_its_belongings_go_back(ctx, order_id):
    other = second_signed_order(ctx, order_id)
    checkin.set_belongings(ctx, order_id, "12", [BelongingInput("雨伞", 1)])
    with pytest.raises(ValidationError) as exc:
        checkin.set_belongings(ctx, other, "12", [BelongingInput("太阳镜", 1)])
    assert problem_codes(exc) == [("box_no", "box.taken")]
    assert exc.value.problems[0].param("plate") == "皖B7K2M9"
    checkin.set_belongings(ctx, other, "13", [BelongingInput("太阳镜", 1)])
    assert checkin_queries.boxes_in_use(ctx.db) == {"12", "13"}
    # once the first car's belongings were handed back, box 12 is free again
    ready(ctx, order_id)
    checkin.complete_check_in(ctx, order_id)
    items = checkin_queries.belongings(ctx.db, order_id)
    checkin.return_belongings(ctx, order_id, {r["id"]: r["qty"] for r in items})
    checkin.set_belongings(ctx, other, "12", [BelongingInput("太阳镜", 1)])
    assert checkin_queries.boxes_in_use(ctx.db) == {"12"}


# --- workshop receiver -----------------------------------------------------------------


def test_the_workshop_receiver_signs_with_name_and_time(ctx, order_id):
    checkin.record_workshop_receiver(ctx, order_id, " 赵师傅 ", NOW.replace(second=41))
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["receiver_name"], state["receiver_at"]) == (
        "赵师傅",
        "2026-11-27T09:30:00+08:00",
    )
    with pytest.raises(ValidationError) as exc:  # before the customer signed
        checkin.record_workshop_receiver(ctx, order_id, "赵师傅", NOW - dt.timedelta(minutes=20))
    assert problem_codes(exc) == [("receiver_at", "receiver.before_signed")]
    with pytest.raises(ValidationError) as exc:
        checkin.record_workshop_receiver(ctx, order_id, "赵师傅", NOW + dt.timedelta(hours=2))
    assert problem_codes(exc) == [("receiver_at", "receiver.future")]
    checkin.record_workshop_receiver(ctx, order_id, "", None)  # cleared, the audit keeps it
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["receiver_name"], state["receiver_at"]) == (None, None)
    assert audit_actions(ctx) == ["receiver", "receiver"]


# --- completing ------------------------------------------------------------------------


def test_complete_check_in_moves_the_order_on_once_everything_is_recorded(ctx, order_id):
    with pytest.raises(ValidationError) as exc:
        checkin.complete_check_in(ctx, order_id)
    assert [code for _f, code in problem_codes(exc)] == [
        "checkin.checklist_incomplete",
        "fuel.required",
        "odometer.required",
        "checkin.documents_required",
        "checkin.belongings_required",
    ]
    ready(ctx, order_id)
    checkin.complete_check_in(ctx, order_id)
    order = queries.order(ctx.db, order_id)
    assert order["state"] == "checked_in"
    event = queries.order_events(ctx.db, order_id)[-1]
    assert (event["from_state"], event["to_state"], event["staff_id"]) == (
        "signed",
        "checked_in",
        ctx.user_id,
    )
    assert "box 12" in event["note"]
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["completed_at"], state["completed_by"]) == (NOW.isoformat(), ctx.user_id)
    with pytest.raises(ActionError) as again:
        checkin.complete_check_in(ctx, order_id)
    assert again.value.code == "checkin.not_signed"
    # finishing touches stay possible until the workshop takes the car
    checkin.record_workshop_receiver(ctx, order_id, "赵师傅", NOW)
    with pytest.raises(sqlite3.IntegrityError, match="kept"):
        ctx.db.execute("UPDATE checkins SET completed_at = NULL, completed_by = NULL")


def test_after_the_workshop_handoff_the_check_in_is_history(ctx, order_id):
    ready(ctx, order_id)
    checkin.complete_check_in(ctx, order_id)
    orders.advance(ctx, order_id, "handed_off")
    with pytest.raises(ActionError) as exc:
        checkin.add_damage_mark(ctx, order_id, "left", 0.5, 0.5, "dent")
    assert (exc.value.code, exc.value.params["state"]) == ("checkin.state", "handed_off")


# --- pickup ----------------------------------------------------------------------------


def test_belongings_are_ticked_back_at_pickup_and_missing_ones_recorded(ctx, order_id):
    ready(ctx, order_id)
    with pytest.raises(ActionError, match=r"belongings.not_checked_in"):
        checkin.return_belongings(ctx, order_id, {})
    checkin.complete_check_in(ctx, order_id)
    jack, umbrella, _book = checkin_queries.belongings(ctx.db, order_id)
    returned = {jack["id"]: 1, umbrella["id"]: 1}  # one umbrella short, the book not ticked
    with pytest.raises(ValidationError) as exc:
        checkin.return_belongings(ctx, order_id, returned)
    assert problem_codes(exc) == [("return_note", "return.note_required")]
    result = checkin.return_belongings(ctx, order_id, returned, "雨伞少一把，绘本客户说不要了")
    assert [(line.name, line.missing) for line in result.missing] == [("雨伞", 1), ("儿童绘本", 3)]
    stored = checkin_queries.belongings(ctx.db, order_id)
    assert [r["returned_qty"] for r in stored] == [1, 1, 0]  # nothing dropped
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["returned_at"], state["returned_by"]) == (NOW.isoformat(), ctx.user_id)
    assert state["return_note"] == "雨伞少一把，绘本客户说不要了"
    after = json.loads(
        ctx.db.execute(
            "SELECT after_json FROM audit WHERE action = 'return_belongings'"
        ).fetchone()[0]
    )
    assert after["missing"] == {"雨伞": 1, "儿童绘本": 3}
    with pytest.raises(ActionError, match=r"belongings.already_returned"):
        checkin.return_belongings(ctx, order_id, {})
    with pytest.raises(ActionError, match=r"belongings.already_returned"):
        checkin.set_belongings(ctx, order_id, "12", [])
    with pytest.raises(sqlite3.IntegrityError, match="kept"):
        ctx.db.execute("UPDATE belongings SET returned_qty = 2 WHERE id = ?", [umbrella["id"]])


def test_a_void_order_still_hands_the_belongings_back(ctx, order_id):
    checkin.set_belongings(ctx, order_id, "12", [BelongingInput("雨伞", 1)])
    orders.void(ctx, order_id, staff_id(ctx, "陈主管"), "2468", "客户改约下周")
    umbrella = checkin_queries.belongings(ctx.db, order_id)[0]
    result = checkin.return_belongings(ctx, order_id, {umbrella["id"]: 1})
    assert result.complete


# --- nothing is deleted ----------------------------------------------------------------


@pytest.mark.parametrize(
    "table", ["checkins", "inspection_results", "damage_marks", "checkin_documents", "belongings"]
)
def test_check_in_records_are_never_deleted(ctx, order_id, table):
    ready(ctx, order_id)
    checkin.add_damage_mark(ctx, order_id, "left", 0.5, 0.5, "dent")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        ctx.db.execute(f"DELETE FROM {table}")
