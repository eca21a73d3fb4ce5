"""Start-up, the person at the counter, storage failures at start, the archive desk."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.actions.context import Ctx
from service_desk.store import queries
from service_desk.ui.main_window import MainWindow
from service_desk.ui.session import Session
from service_desk.ui.staff_dialog import StaffDialog
from tests.conftest import staff_id
from tests.ui.typing import type_text


def test_first_start_adds_the_first_member_of_staff(qtbot, db, clock, db_path):
    session = Session(db, clock, db_path)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.manage_staff()
    dialog = window.findChild(StaffDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.name, "王芳")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert session.user_id is not None
    assert queries.one(db, "SELECT name, role FROM staff", []) == {
        "name": "王芳",
        "role": "advisor",
    }
    type_text(qtbot, dialog.name, "陈主管")
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert not dialog.errors.labels["name"].isHidden() or not dialog.message.isHidden()
    assert db.execute("SELECT count(*) FROM staff").fetchone()[0] == 1  # no PIN, refused
    type_text(qtbot, dialog.pin, "2468")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert db.execute("SELECT count(*) FROM staff").fetchone()[0] == 2
    dialog.close()
    switch = window.findChild(QComboBox, "user_switch")
    assert switch.count() == 3  # two people and "Staff …"


def test_user_switch_changes_who_acts(qtbot, window, ctx):
    switch = window.findChild(QComboBox, "user_switch")
    li = staff_id(ctx, "李强")
    switch.activated.emit(switch.findData(li))
    assert window.session.user_id == li
    cid = archive.register_customer(
        window.session.ctx, CustomerInput(name="周七", phone="13611112222")
    )
    assert queries.customer(ctx.db, cid)["first_contact_name"] == "李强"


def test_unreadable_database_at_start_is_a_message_not_a_crash(tmp_path, monkeypatch, qapp):
    from service_desk.ui import application, ask

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    (tmp_path / "service_desk.sqlite3").write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(ask, "error", lambda _p, _t, text: shown.append(text))
    assert application.run_gui(tmp_path, "en") == 1
    assert shown and "not a Service Desk database" in shown[0]


def test_a_second_start_on_the_same_data_folder_is_refused(tmp_path, monkeypatch, qapp):
    from service_desk.ui import application, ask
    from service_desk.ui.instance_lock import lock_data_folder

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    held = lock_data_folder(tmp_path)  # the Service Desk already open
    assert held is not None
    assert lock_data_folder(tmp_path) is None
    shown = []
    monkeypatch.setattr(ask, "error", lambda _p, _t, text: shown.append(text))
    assert application.run_gui(tmp_path, "en") == 1
    assert shown and "already open with this data folder" in shown[0]
    assert not (tmp_path / "service_desk.sqlite3").exists()  # nothing was opened
    held.unlock()
    again = lock_data_folder(tmp_path)  # the first one closed: the next start may go on
    assert again is not None
    again.unlock()


def test_archive_shows_history_and_edits_keep_validation(qtbot, window, ctx: Ctx):
    cid, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(
            plate="皖B12345",
            model_code="TIGGO7",
            category_code="small_passenger",
            purchase_date=dt.date(2023, 3, 1),
            odometer_km=30000,
        ),
    )
    orders.open_order(ctx, vid, "保养")
    window.session.notify("orders")
    desk = window.archive
    window.tabs.setCurrentWidget(desk)
    type_text(qtbot, desk.find, "张三")
    assert desk.hits.count() == 1
    qtbot.mouseClick(
        desk.hits.viewport(),
        Qt.MouseButton.LeftButton,
        pos=desk.hits.visualItemRect(desk.hits.item(0)).center(),
    )
    assert desk.customer_id == cid and desk.vehicle_id == vid
    assert desk.orders_model.rowCount() == 1
    assert "张三" in desk.owners_model.rows[0]["customer_name"]
    phone = desk.customer.findChild(QLineEdit, "customer_phone")
    phone.selectAll()
    type_text(qtbot, phone, "12345")
    qtbot.mouseClick(desk.findChild(QPushButton, "archive_save_c"), Qt.MouseButton.LeftButton)
    error = desk.findChild(QLabel, "error_phone")
    assert not error.isHidden()
    assert queries.customer(ctx.db, cid)["phone"] == "13812345678"
    phone.selectAll()
    type_text(qtbot, phone, "13812340000")
    qtbot.mouseClick(desk.findChild(QPushButton, "archive_save_c"), Qt.MouseButton.LeftButton)
    assert queries.customer(ctx.db, cid)["phone"] == "13812340000"
    # receive the car at the counter: its open order opens in reception
    qtbot.mouseClick(desk.findChild(QPushButton, "archive_open"), Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.reception
    assert window.reception.form.order_id is not None


def test_archive_change_owner(qtbot, window, ctx, answers):
    cid, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(plate="皖B12345", model_code="TIGGO7", category_code="small_passenger"),
    )
    new = archive.register_customer(ctx, CustomerInput(name="李四", phone="13900001111"))
    desk = window.archive
    desk.show_customer(cid, vid)
    answers.texts += ["李四", "二手车过户"]
    answers.choices.append(0)
    qtbot.mouseClick(desk.findChild(QPushButton, "archive_owner_b"), Qt.MouseButton.LeftButton)
    assert queries.vehicle(ctx.db, vid)["owner_id"] == new
    assert [o["customer_name"] for o in desk.owners_model.rows] == ["张三", "李四"]


def test_an_order_picked_from_the_repair_history_opens_in_reception(qtbot, window, ctx):
    cid, vid = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(plate="皖B12345", model_code="TIGGO7", category_code="small_passenger"),
    )
    oid = orders.open_order(ctx, vid, "更换雨刮片")
    orders.decline(ctx, oid)
    desk = window.archive
    desk.show_customer(cid, vid)
    view = desk.orders_view
    view.setCurrentIndex(desk.orders_model.index(0, 0))
    view.activated.emit(view.currentIndex())
    assert window.tabs.currentWidget() is window.reception
    form = window.reception.form
    assert form.order_id == oid and window.session.current_order_id == oid
    assert not form.request.isEnabled()  # a declined order is read-only at reception
