"""A demo order taken in at the counter desk after desk, like on a busy morning: picked
at reception, the walk-around at the inspection desk, then its key on hook 7 at the key
cabinet; the current order follows from desk to desk."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QRadioButton

from service_desk.demo import fill_demo
from service_desk.domain.clock import fixed_clock
from service_desk.store import checkin_queries, key_queries, queries
from service_desk.ui import ask
from service_desk.ui.main_window import MainWindow
from service_desk.ui.session import Session
from tests.printing.conftest import flat, pdf_pages
from tests.ui.test_inspection_desk import add_belonging, click, find
from tests.ui.test_key_cabinet_desk import click_hook, open_desk
from tests.ui.typing import type_text

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def demo_window(qtbot, db, db_path):
    fill_demo(db, TODAY)
    session = Session(db, fixed_clock(TODAY + dt.timedelta(minutes=10)), db_path)
    session.set_user(queries.one(db, "SELECT id FROM staff WHERE name = '王芳'", [])["id"])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_demo_order_checked_in_and_its_key_on_hook_7(qtbot, demo_window, answers, monkeypatch):
    window = demo_window
    db = window.session.db
    order = queries.orders_in_states(db, ("signed",))[0]
    full = queries.order(db, order["id"])
    last_km = queries.vehicle(db, full["vehicle_id"])["last_km"] or 0
    window.picked(full["customer_id"], full["vehicle_id"], full["id"])  # found at reception
    window.tabs.setCurrentWidget(window.inspection)
    form = window.inspection.form
    assert form.order_id == full["id"]  # the current order followed

    for code, note in (
        ("front_bumper", "保险杠擦伤"),
        ("windscreen", "前挡小裂纹"),
        ("upholstery", "座椅磨损"),
    ):
        click(qtbot, find(form, QRadioButton, f"check_anomaly_{code}"))
        type_text(qtbot, find(form, QLineEdit, f"check_note_{code}"), note)
    click(qtbot, find(form, QPushButton, "checklist_all_ok"))
    monkeypatch.setattr(ask, "choose_file", lambda *_a: None)
    answers.choices += [0, 1]
    answers.texts += ["右前门划痕", "后保险杠凹陷"]
    diagram = form.damage.diagram
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.point_for("right", 0.4, 0.5))
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.point_for("top", 0.9, 0.5))
    eighths = find(form, QComboBox, "fuel_eighths")
    eighths.setCurrentIndex(eighths.findText("1/2"))
    odometer = find(form, QLineEdit, "checkin_odometer")
    odometer.selectAll()
    type_text(qtbot, odometer, str(last_km + 35))
    for what in ("received", "intact", "signed"):
        if what == "signed":
            type_text(qtbot, find(form, QLineEdit, "doc_note_driving_licence"), "行驶证塑封破损")
        click(qtbot, find(form, QCheckBox, f"doc_{what}_driving_licence"))
    for name in ("Jack", "Warning triangle", "Umbrella", "Dash cam", "儿童安全座椅"):
        add_belonging(qtbot, form, name)
    type_text(qtbot, find(form, QLineEdit, "belongings_box"), "13")
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert queries.order(db, full["id"])["state"] == "checked_in"
    assert checkin_queries.checkin(db, full["id"])["box_no"] == "13"
    assert len(checkin_queries.belongings(db, full["id"])) == 5

    desk = open_desk(qtbot, window)  # Ctrl+N: the same order is still current
    click_hook(qtbot, desk, 7)
    qtbot.mouseClick(desk.order_panel.register_button, Qt.MouseButton.LeftButton)
    key = key_queries.key_on_hook(db, 7)
    assert key is not None and key["order_id"] == full["id"]

    printed = flat("".join(pdf_pages(form.printing.render("repair_order", full["id"])[0])))
    for expected in ("保险杠擦伤", "前挡小裂纹", "座椅磨损", "右前门划痕", "后保险杠凹陷", "1/2"):
        assert expected in printed, expected
    listing = flat("".join(pdf_pages(form.printing.render("belongings", full["id"])[0])))
    for expected in ("千斤顶", "三角警示牌", "雨伞", "行车记录仪", "儿童安全座椅", "13"):
        assert expected in listing, expected
