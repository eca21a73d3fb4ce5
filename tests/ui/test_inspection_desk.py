"""The check-in desk driven like a user: clicks on the checklist and the car diagram, keys
in the fields, Ctrl+Enter; then the database and the printed forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from service_desk.actions import checkin
from service_desk.domain.checkin import BelongingInput
from service_desk.store import checkin_queries, queries
from service_desk.ui import ask
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages
from tests.ui.tabs import press_tab_key
from tests.ui.typing import type_text


def find(parent: QWidget, cls, name: str):
    widget = parent.findChild(cls, name)
    assert widget is not None, name
    return widget


def click(qtbot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    if isinstance(widget, QCheckBox | QRadioButton):  # click the box, not the label
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def error_of(form: QWidget, field: str) -> str:
    label = find(form, QLabel, f"error_{field}")
    return "" if label.isHidden() else label.text()


@pytest.fixture
def pdf_printer(pdf_printer, monkeypatch):
    """The shared PDF stand-in printer; the first print's dialog is answered OK."""
    monkeypatch.setattr(ask, "choose_printer", lambda *_a: True)
    return pdf_printer


@pytest.fixture
def desk(qtbot, ctx, order_id, window):
    """The inspection tab (its Ctrl+N) with the signed order picked in its queue."""
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
    press_tab_key(qtbot, window, window.inspection)
    desk = window.inspection
    assert window.tabs.currentWidget() is desk
    assert [r["id"] for r in desk.queue_model.rows] == [order_id]
    rect = desk.queue.visualRect(desk.queue_model.index(0, 1))
    qtbot.mouseClick(desk.queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.pages.currentWidget() is desk.form
    assert desk.form.order_id == order_id == window.session.current_order_id
    return desk


def add_belonging(qtbot, form, name: str, qty: int = 1) -> None:
    spin = find(form, QWidget, "belonging_qty")
    spin.setValue(qty)
    line = find(form, QComboBox, "belonging_item").lineEdit()
    type_text(qtbot, line, name)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_full_check_in(qtbot, ctx, order_id, desk, answers, monkeypatch, tmp_path, pdf_printer):
    form = desk.form
    # the walk-around: three anomalies, the rest OK
    for code, note in (
        ("front_bumper", "左下角刮花约5cm"),
        ("windscreen", "右下方小裂纹约2cm"),
        ("upholstery", "主驾座椅左侧磨损"),
    ):
        click(qtbot, find(form, QRadioButton, f"check_anomaly_{code}"))
        type_text(qtbot, find(form, QLineEdit, f"check_note_{code}"), note)
    click(qtbot, find(form, QPushButton, "checklist_all_ok"))

    # two damage marks placed with the mouse: a scratch (no photo), a dent with a photo
    photo = tmp_path / "dent.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
    photos = [None, str(photo)]
    monkeypatch.setattr(ask, "choose_file", lambda *_a: photos.pop(0))
    answers.choices += [0, 1]
    answers.texts += ["左后门下方划痕约10cm", "前保险杠右侧凹陷"]
    diagram = form.damage.diagram
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.point_for("left", 0.78, 0.55))
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.point_for("top", 0.06, 0.3))
    assert form.damage.list.count() == 2 and "(photo)" in form.damage.list.item(1).text()

    # fuel as the gauge reads (3/8) and the odometer
    eighths = find(form, QComboBox, "fuel_eighths")
    eighths.setFocus()
    for _ in range(4):  # —, E, 1/8, 1/4, 3/8
        qtbot.keyClick(eighths, Qt.Key.Key_Down)
    assert eighths.currentText() == "3/8"
    odometer = find(form, QLineEdit, "checkin_odometer")
    odometer.selectAll()
    type_text(qtbot, odometer, "41560")

    # documents: the licence has expired (a discrepancy the customer signs), the book is fine
    click(qtbot, find(form, QCheckBox, "doc_received_driving_licence"))
    click(qtbot, find(form, QCheckBox, "doc_valid_driving_licence"))
    type_text(qtbot, find(form, QLineEdit, "doc_note_driving_licence"), "行驶证检验有效期已过")
    click(qtbot, find(form, QCheckBox, "doc_signed_driving_licence"))
    click(qtbot, find(form, QCheckBox, "doc_received_maintenance_book"))

    # five belongings; without a box number the list is refused, nothing typed is lost
    for name, qty in (
        ("Jack", 1),
        ("Warning triangle", 1),
        ("Dash cam", 1),
        ("Umbrella", 2),
        ("儿童绘本", 3),
    ):
        add_belonging(qtbot, form, name, qty)
    assert form.belongings.list.count() == 5
    click(qtbot, find(form, QPushButton, "checkin_save"))
    assert "box" in error_of(form, "box_no").lower()
    assert checkin_queries.belongings(ctx.db, order_id) == []
    assert form.belongings.list.count() == 5
    assert find(form, QLineEdit, "check_note_windscreen").text() == "右下方小裂纹约2cm"
    type_text(qtbot, find(form, QLineEdit, "belongings_box"), "12")

    # the car goes straight to the workshop
    type_text(qtbot, find(form, QLineEdit, "receiver_name"), "赵师傅")

    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    message = find(form, QLabel, "checkin_message")
    order = queries.order(ctx.db, order_id)
    assert order["state"] == "checked_in", message.text()
    state = checkin_queries.checkin(ctx.db, order_id)
    assert (state["fuel_unit"], state["fuel_value"], state["odometer_km"]) == ("eighths", 3, 41560)
    assert state["box_no"] == "12" and state["completed_at"] == NOW.isoformat()
    assert (state["receiver_name"], state["receiver_at"]) == ("赵师傅", NOW.isoformat())
    assert order["odometer_in"] == 41560
    assert queries.vehicle(ctx.db, order["vehicle_id"])["last_km"] == 41560
    results = checkin_queries.checklist(ctx.db, order_id)
    anomalies = {code: r["note"] for code, r in results.items() if r["result"] == "anomaly"}
    assert anomalies == {
        "front_bumper": "左下角刮花约5cm",
        "windscreen": "右下方小裂纹约2cm",
        "upholstery": "主驾座椅左侧磨损",
    }
    assert len(results) == 30
    marks = checkin_queries.damage_marks(ctx.db, order_id)
    assert [(m["no"], m["view"], m["code"], m["note"]) for m in marks] == [
        (1, "left", "scratch", "左后门下方划痕约10cm"),
        (2, "top", "dent", "前保险杠右侧凹陷"),
    ]
    assert marks[0]["x"] == pytest.approx(0.78, abs=0.01)
    assert marks[1]["y"] == pytest.approx(0.3, abs=0.01)
    assert (marks[0]["photo_path"], marks[1]["photo_path"]) == ("", str(photo))
    documents = checkin_queries.documents(ctx.db, order_id)
    licence = documents["driving_licence"]
    assert (licence["received"], licence["valid"], licence["complete"], licence["intact"]) == (
        1,
        0,
        1,
        1,
    )
    assert (licence["discrepancy"], licence["customer_signed"]) == (1, 1)
    assert licence["note"] == "行驶证检验有效期已过"
    assert documents["maintenance_book"]["discrepancy"] == 0
    assert [d["doc_code"] for d in documents.values() if d["discrepancy"]] == ["driving_licence"]
    belongings = checkin_queries.belongings(ctx.db, order_id)
    assert [(b["item_code"], b["name"], b["qty"]) for b in belongings] == [
        ("jack", "千斤顶", 1),
        ("warning_triangle", "三角警示牌", 1),
        ("dash_cam", "行车记录仪", 1),
        ("umbrella", "雨伞", 2),
        (None, "儿童绘本", 3),
    ]
    assert not find(form, QPushButton, "checkin_complete").isEnabled()
    assert desk.queue_model.rows[0]["state"] == "checked_in"  # still listed today

    # the printed repair order and belongings list carry all of it
    repair_order = flat("".join(pdf_pages(form.printing.render("repair_order", order_id)[0])))
    for expected in (
        "3/8",
        "41,560km",
        "外观·前保险杠：左下角刮花约5cm",
        "玻璃·前挡风玻璃：右下方小裂纹约2cm",
        "座椅·座椅面料：主驾座椅左侧磨损",
        "划痕（左侧）：左后门下方划痕约10cm",
        "凹陷（俯视）：前保险杠右侧凹陷，有照片",
        "第1页/共1页",
    ):
        assert expected in repair_order, expected
    listing = flat("".join(pdf_pages(form.printing.render("belongings", order_id)[0])))
    for expected in ("随车物品清单", "千斤顶", "三角警示牌", "行车记录仪", "雨伞", "儿童绘本"):
        assert expected in listing, expected
    assert "储物箱号12" in listing and "5项，共8件" in listing

    # both forms print from the desk, logged on the order
    click(qtbot, find(form, QPushButton, "checkin_print_sheet"))
    click(qtbot, find(form, QPushButton, "checkin_print_belongings"))
    assert [r["form_kind"] for r in queries.print_log(ctx.db, order_id)] == [
        "check_in_sheet",
        "belongings",
    ]
    assert all(path.exists() for path in pdf_printer)


def test_a_lower_odometer_needs_a_reason(qtbot, ctx, order_id, desk, answers):
    form = desk.form
    eighths = find(form, QComboBox, "fuel_eighths")
    eighths.setFocus()
    qtbot.keyClick(eighths, Qt.Key.Key_Down)
    odometer = find(form, QLineEdit, "checkin_odometer")
    odometer.selectAll()
    type_text(qtbot, odometer, "40100")
    click(qtbot, find(form, QPushButton, "checkin_save"))
    assert "41,500" in error_of(form, "odometer") or "41500" in error_of(form, "odometer")
    assert checkin_queries.checkin(ctx.db, order_id) is None
    assert odometer.text() == "40100"
    type_text(qtbot, find(form, QLineEdit, "checkin_odometer_reason"), "更换过仪表")
    click(qtbot, find(form, QPushButton, "checkin_save"))
    assert error_of(form, "odometer") == ""
    assert checkin_queries.checkin(ctx.db, order_id)["odometer_km"] == 40100
    history = queries.odometer_history(ctx.db, queries.order(ctx.db, order_id)["vehicle_id"])
    assert (history[0]["km"], history[0]["source"], history[0]["reason"]) == (
        40100,
        "reception",
        "更换过仪表",
    )


def test_completing_too_early_says_what_is_missing(qtbot, ctx, order_id, desk):
    form = desk.form
    click(qtbot, find(form, QPushButton, "checkin_complete"))
    assert queries.order(ctx.db, order_id)["state"] == "signed"
    assert error_of(form, "checklist")  # not walked around yet
    assert error_of(form, "fuel")
    assert error_of(form, "document.driving_licence")  # required, not received, not noted
    # the documents section is judged; the others wait for the advisor
    assert checkin_queries.checkin(ctx.db, order_id) is None


def test_a_mark_is_struck_out_not_deleted(qtbot, ctx, order_id, desk, answers, monkeypatch):
    form = desk.form
    monkeypatch.setattr(ask, "choose_file", lambda *_a: None)
    answers.choices.append(2)
    answers.texts.append("")
    diagram = form.damage.diagram
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.point_for("right", 0.5, 0.4))
    assert form.damage.list.count() == 1
    form.damage.list.setCurrentRow(0)
    click(qtbot, find(form, QPushButton, "mark_strike"))
    assert form.damage.list.count() == 0 and diagram.marks == []
    stored = checkin_queries.damage_marks(ctx.db, order_id, include_struck=True)
    assert [(m["code"], m["status"]) for m in stored] == [("crack", "struck")]


def test_a_click_between_the_views_places_nothing(qtbot, ctx, order_id, desk, answers):
    diagram = desk.form.damage.diagram
    canvas = diagram.canvas
    gap = diagram._to_widget(canvas.boxes["left"].w + 1.5, canvas.boxes["left"].y + 5).toPoint()
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=gap)
    assert answers.asked == []
    assert checkin_queries.damage_marks(ctx.db, order_id) == []


def test_the_current_order_follows_from_reception(qtbot, ctx, order_id, window):
    order = queries.order(ctx.db, order_id)
    window.picked(order["customer_id"], order["vehicle_id"], order_id)  # at reception
    window.tabs.setCurrentWidget(window.inspection)
    assert window.inspection.pages.currentWidget() is window.inspection.form
    assert window.inspection.form.order_id == order_id


def test_an_order_not_yet_signed_says_what_to_do(qtbot, ctx, order_id, window):
    from service_desk.actions import orders

    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    fresh = orders.open_order(ctx, vehicle_id, "洗车")
    window.session.set_current_order(fresh)
    desk = window.inspection
    assert desk.pages.currentWidget() is desk.empty
    assert "WX202611270002" in desk.empty.text()


def test_stored_belongings_are_edited_in_place(qtbot, ctx, order_id, desk):
    checkin.set_belongings(ctx, order_id, "7", [BelongingInput("雨伞", 1)])
    desk.form.load(order_id)
    form = desk.form
    assert find(form, QLineEdit, "belongings_box").text() == "7"
    add_belonging(qtbot, form, "雨伞", 1)  # the same item again: the quantity adds up
    assert form.belongings.list.count() == 1
    click(qtbot, find(form, QPushButton, "checkin_save"))
    rows = checkin_queries.belongings(ctx.db, order_id, include_struck=True)
    assert [(r["name"], r["qty"], r["status"]) for r in rows] == [("雨伞", 2, "active")]


def test_picking_another_order_keeps_what_was_typed(qtbot, ctx, order_id, desk):
    from service_desk.actions import orders

    form = desk.form
    click(qtbot, find(form, QPushButton, "checklist_all_ok"))
    type_text(qtbot, find(form, QLineEdit, "belongings_box"), "5")
    add_belonging(qtbot, form, "Umbrella", 1)
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    other = orders.open_order(ctx, vehicle_id, "洗车")
    desk.window().session.set_current_order(other)  # e.g. picked in the search box
    assert len(checkin_queries.checklist(ctx.db, order_id)) == 30
    assert [b["name"] for b in checkin_queries.belongings(ctx.db, order_id)] == ["雨伞"]
    desk.window().session.set_current_order(order_id)
    assert find(form, QLineEdit, "belongings_box").text() == "5"
    assert find(form, QRadioButton, "check_ok_horn").isChecked()


def test_preview_and_print_show_what_is_on_the_screen(qtbot, ctx, order_id, desk, pdf_printer):
    from PySide6.QtGui import QAction

    from service_desk.ui.printing import PreviewDialog

    form = desk.form
    add_belonging(qtbot, form, "Umbrella", 1)  # no box yet: nothing prints
    click(qtbot, find(form, QPushButton, "checkin_print_belongings"))
    assert error_of(form, "box_no") and queries.print_log(ctx.db, order_id) == []
    type_text(qtbot, find(form, QLineEdit, "belongings_box"), "8")
    action = next(a for a in form.preview_menu.actions() if a.objectName() == "preview_belongings")
    assert isinstance(action, QAction)
    action.trigger()
    dialog = form.findChild(PreviewDialog)
    assert dialog is not None and dialog.isVisible() and dialog.document.pageCount() == 1
    assert checkin_queries.checkin(ctx.db, order_id)["box_no"] == "8"  # saved before
    dialog.print_button.click()
    assert [r["form_kind"] for r in queries.print_log(ctx.db, order_id)] == ["belongings"]


def test_another_order_picked_behind_the_desk_keeps_what_was_typed(qtbot, ctx, order_id, desk):
    """The desk waits behind another tab (it is brought up to date when shown), but what
    was typed for its car is saved the moment another order becomes current."""
    from service_desk.actions import orders

    window = desk.window()
    form = desk.form
    type_text(qtbot, find(form, QLineEdit, "belongings_box"), "5")
    add_belonging(qtbot, form, "Umbrella", 1)
    window.tabs.setCurrentWidget(window.reception)
    assert not desk.isVisible()
    vehicle_id = queries.order(ctx.db, order_id)["vehicle_id"]
    other = orders.open_order(ctx, vehicle_id, "洗车")
    window.session.set_current_order(other)
    assert [b["name"] for b in checkin_queries.belongings(ctx.db, order_id)] == ["雨伞"]
    assert desk.pages.currentWidget() is desk.form  # not brought up to date yet
    window.tabs.setCurrentWidget(desk)
    assert desk.pages.currentWidget() is desk.empty  # now: the new order is not signed
