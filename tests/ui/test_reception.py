"""The reception desk driven like a user: keys and clicks, then the database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from service_desk.actions import archive
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.store import queries
from tests.conftest import NOW
from tests.ui.typing import type_text


def find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def click(qtbot, window, name):
    button = find(window, QPushButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(combo: QComboBox, data) -> None:
    """Choose an item the way the keyboard does: focus, then move to it."""
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def register_zhang(ctx):
    return archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678", company="芜湖市某物流公司"),
        VehicleInput(
            plate="皖B12345",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=23000,
        ),
    )


def test_returning_customer_order_written_priced_and_signed(qtbot, window, ctx):
    _, vehicle_id = register_zhang(ctx)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    search = find(window, QLineEdit, "search_edit")
    assert search.hasFocus()
    type_text(qtbot, search, "B123")
    results = window.search.results
    assert results.isVisible() and results.topLevelItemCount() == 1
    assert "张三" in results.topLevelItem(0).text(0)
    qtbot.keyClick(search, Qt.Key.Key_Return)

    form = window.reception.form
    assert window.reception.pages.currentWidget() is form
    assert form.vehicle_id == vehicle_id and form.order_id is None
    request = find(window, QPlainTextEdit, "order_request")
    type_text(qtbot, request, "刹车有异响，顺便做保养")
    qtbot.keyClick(request, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order_id = form.order_id
    assert order_id is not None
    assert window.session.current_order_id == order_id

    pick(find(window, QComboBox, "order_job"), "service_10000")
    click(qtbot, window, "order_apply_job")
    description = find(window, QLineEdit, "line_description")
    type_text(qtbot, description, "前刹车异响检查")
    pick(find(window, QComboBox, "line_mode"), "symptom")
    pick(find(window, QComboBox, "line_system"), "brakes")
    price = find(window, QLineEdit, "line_price")
    type_text(qtbot, price, "100")
    qtbot.keyClick(price, Qt.Key.Key_Return)
    assert form.lines.rowCount() == 5

    odometer = find(window, QLineEdit, "order_odometer")
    odometer.selectAll()
    type_text(qtbot, odometer, "23800")
    click(qtbot, window, "order_sign")

    order = queries.order(ctx.db, order_id)
    assert order["state"] == "signed", find(window, QLabel, "order_message").text()
    assert order["request"] == "刹车有异响，顺便做保养"
    assert order["odometer_in"] == 23800
    assert order["signed_at"] == NOW.isoformat()
    lines = queries.order_lines(ctx.db, order_id)
    symptom = [x for x in lines if x["mode"] == "symptom"]
    assert [(x["amount_fen"], x["risk_margin_bp"]) for x in symptom] == [(11500, 1500)]
    assert sum(x["amount_fen"] for x in lines) == 6000 + 28560 + 4500 + 500 + 11500
    events = [(e["from_state"], e["to_state"]) for e in queries.order_events(ctx.db, order_id)]
    assert events == [(None, "reception"), ("reception", "estimate"), ("estimate", "signed")]
    assert "¥510.60" in find(window, QLabel, "order_totals").text()
    assert queries.vehicle(ctx.db, vehicle_id)["last_km"] == 23800
    # once signed, the lines can no longer be changed from reception
    assert not find(window, QPushButton, "line_add").isEnabled()


def test_new_walk_in_bad_plate_and_vin_then_corrected(qtbot, window, ctx):
    qtbot.keyClick(window, Qt.Key.Key_F3)
    reg = window.reception.register
    assert window.reception.pages.currentWidget() is reg
    type_text(qtbot, find(window.reception.register, QLineEdit, "customer_name"), "李四")
    type_text(qtbot, find(window.reception.register, QLineEdit, "customer_phone"), "139 0553 1234")
    type_text(
        qtbot,
        find(window.reception.register, QLineEdit, "customer_address"),
        "芜湖市弋江区中山南路1号",
    )
    plate = find(window.reception.register, QLineEdit, "vehicle_plate")
    vin = find(window.reception.register, QLineEdit, "vehicle_vin")
    assert find(reg, QLineEdit, "vehicle_plate_province").text() == "皖"  # the dealer's own
    type_text(qtbot, plate, "B1234")  # one character short
    type_text(qtbot, vin, "LVVDB11B9KD12345O")
    pick(find(window.reception.register, QComboBox, "vehicle_model"), "ARRIZO5PLUS")
    click(qtbot, window.reception.register, "register_save")

    plate_error = find(reg, QLabel, "error_plate")
    vin_error = find(reg, QLabel, "error_vin")
    assert not plate_error.isHidden() and "皖B12345" in plate_error.text()
    assert not vin_error.isHidden() and "O" in vin_error.text()
    assert ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    # what was typed is still there
    assert find(window.reception.register, QLineEdit, "customer_name").text() == "李四"
    assert (
        find(window.reception.register, QLineEdit, "customer_address").text()
        == "芜湖市弋江区中山南路1号"
    )

    plate.selectAll()
    type_text(qtbot, plate, "皖B7K2M9")
    vin.selectAll()
    type_text(qtbot, vin, "LVVDB11B9KD123458")
    click(qtbot, window.reception.register, "register_save")

    assert plate_error.isHidden() and vin_error.isHidden()
    customer = queries.one(ctx.db, "SELECT * FROM customers WHERE name = '李四'", [])
    assert customer["phone"] == "13905531234"
    assert customer["address"] == "芜湖市弋江区中山南路1号"
    vehicle = queries.vehicles_of(ctx.db, customer["id"])[0]
    assert (vehicle["plate"], vehicle["vin"], vehicle["model_code"]) == (
        "皖B7K2M9",
        "LVVDB11B9KD123458",
        "ARRIZO5PLUS",
    )
    assert vehicle["category_code"] == "small_car"
    assert window.reception.pages.currentWidget() is window.reception.form
    assert window.reception.form.vehicle_id == vehicle["id"]


def test_vin_check_digit_warning_can_be_confirmed(qtbot, window, ctx):
    qtbot.keyClick(window, Qt.Key.Key_F3)
    type_text(qtbot, find(window.reception.register, QLineEdit, "customer_name"), "王五")
    type_text(qtbot, find(window.reception.register, QLineEdit, "customer_phone"), "13700001111")
    type_text(qtbot, find(window.reception.register, QLineEdit, "vehicle_plate"), "皖B66666")
    type_text(qtbot, find(window.reception.register, QLineEdit, "vehicle_vin"), "LVVDB11B5KD123458")
    pick(find(window.reception.register, QComboBox, "vehicle_model"), "TIGGO7")
    click(qtbot, window.reception.register, "register_save")
    confirm = window.reception.register.vehicle.vin_confirm
    assert not confirm.isHidden()
    assert ctx.db.execute("SELECT count(*) FROM vehicles").fetchone()[0] == 0
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton, pos=QPoint(6, confirm.height() // 2))
    click(qtbot, window.reception.register, "register_save")
    assert ctx.db.execute("SELECT vin_check_overridden FROM vehicles").fetchone()[0] == 1


def test_decline_after_diagnosis_charges_the_fee(qtbot, window, ctx, answers):
    _, vehicle_id = register_zhang(ctx)
    window.picked(1, vehicle_id, None)
    type_text(qtbot, find(window, QPlainTextEdit, "order_request"), "发动机故障灯亮")
    click(qtbot, window, "order_open")
    click(qtbot, window, "order_consent")
    order_id = window.reception.form.order_id
    assert queries.order(ctx.db, order_id)["state"] == "diagnosis"
    fee = find(window, QLineEdit, "order_fee")
    fee.selectAll()
    type_text(qtbot, fee, "80")
    answers.confirms.append(True)
    click(qtbot, window, "order_decline")
    order = queries.order(ctx.db, order_id)
    assert order["state"] == "declined" and order["decline_fee_fen"] == 8000
    assert "¥80.00" in answers.asked[-1]


def test_void_refused_with_wrong_pin_then_done_by_supervisor(qtbot, window, ctx, answers):
    _, vehicle_id = register_zhang(ctx)
    window.picked(1, vehicle_id, None)
    type_text(qtbot, find(window, QPlainTextEdit, "order_request"), "保养")
    click(qtbot, window, "order_open")
    order_id = window.reception.form.order_id
    answers.choices.append(0)
    answers.texts += ["1111", "重复开单"]
    click(qtbot, window, "order_void")
    message = find(window, QLabel, "order_message")
    assert not message.isHidden() and message.text()
    assert queries.order(ctx.db, order_id)["state"] == "reception"
    answers.choices.append(0)
    answers.texts += ["2468", "重复开单"]
    click(qtbot, window, "order_void")
    assert queries.order(ctx.db, order_id)["state"] == "void"


def test_sign_refusal_names_what_is_missing_and_keeps_typing(qtbot, window, ctx):
    _, vehicle_id = register_zhang(ctx)
    window.picked(1, vehicle_id, None)
    request = find(window, QPlainTextEdit, "order_request")
    type_text(qtbot, request, "空调不凉")
    click(qtbot, window, "order_open")
    diagnosis = find(window, QPlainTextEdit, "order_diagnosis")
    type_text(qtbot, diagnosis, "冷媒不足")
    click(qtbot, window, "order_sign")
    message = find(window, QLabel, "order_message")
    assert not message.isHidden()
    assert diagnosis.toPlainText() == "冷媒不足"
    assert queries.order(ctx.db, window.reception.form.order_id)["state"] == "reception"


def test_suggested_promise_fills_the_field_and_the_order_keeps_both(qtbot, window, ctx):
    _, vehicle_id = register_zhang(ctx)
    window.picked(1, vehicle_id, None)
    type_text(qtbot, find(window, QPlainTextEdit, "order_request"), "保养")
    click(qtbot, window, "order_open")
    pick(find(window, QComboBox, "order_job"), "service_10000")
    click(qtbot, window, "order_apply_job")
    click(qtbot, window, "order_suggest_promise")
    form = window.reception.form
    # 09:30 Friday + 0.5 h labour + 60 min margin = 11:00 (open 08:30–12:00)
    assert form.promised.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-27 11:00"
    assert "11-27 11:00" in find(window, QLabel, "order_suggestion").text()
    form.promised.setDateTime(form.promised.dateTime().addSecs(3600))  # the advisor overrides
    click(qtbot, window, "order_sign")
    order = queries.order(ctx.db, form.order_id)
    assert order["state"] == "signed"
    assert order["promised_suggested_at"] == "2026-11-27T11:00:00+08:00"
    assert order["promised_at"] == "2026-11-27T12:00:00+08:00"
