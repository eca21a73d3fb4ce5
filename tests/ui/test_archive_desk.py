"""The archive desk on a low window (150 % on 1920×1080: about 1280×650 for the desk):
the customer's record scrolls instead of squeezing or clipping its fields, and Tab
scrolls to the field it lands on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QScrollArea

from service_desk.actions import orders
from service_desk.ui.archive import HISTORY_MIN_HEIGHT, ArchiveDesk
from tests.actions.test_archive_orders import walk_in

FIELDS = ("customer_", "vehicle_")


def shown_desk(qtbot, session, ctx, height: int) -> ArchiveDesk:
    cid, vid = walk_in(ctx)
    for request in ("保养", "空调不凉", "更换轮胎"):
        orders.open_order(ctx, vid, request)
    desk = ArchiveDesk(session)
    qtbot.addWidget(desk)
    desk.resize(1280, height)
    desk.show()
    qtbot.waitExposed(desk)
    desk.show_customer(cid, vid)
    return desk


def test_a_low_window_scrolls_the_record_instead_of_squeezing_it(qtbot, session, ctx):
    desk = shown_desk(qtbot, session, ctx, 560)
    assert desk.height() == 560  # the desk asks for little height of the window
    assert desk.minimumSizeHint().height() < 300
    scroll = desk.findChild(QScrollArea, "archive_scroll")
    assert scroll.widgetResizable() and scroll.widget().objectName() == "archive_record"
    assert scroll.verticalScrollBar().maximum() > 0  # scrolls: nothing cut off
    record = scroll.widget()
    fields = [e for e in record.findChildren(QLineEdit) if e.objectName().startswith(FIELDS)]
    assert len(fields) >= 8
    for edit in fields:  # every field at its full height
        assert edit.height() >= edit.minimumSizeHint().height(), edit.objectName()
    assert desk.history.height() >= HISTORY_MIN_HEIGHT
    assert desk.orders_model.rowCount() == 3


def test_tab_scrolls_to_the_field_it_lands_on(qtbot, session, ctx):
    desk = shown_desk(qtbot, session, ctx, 500)
    scroll = desk.findChild(QScrollArea, "archive_scroll")
    bar = scroll.verticalScrollBar()
    assert bar.value() == 0
    save = desk.findChild(QPushButton, "archive_save_v")
    save.setFocus()
    qtbot.keyClick(save, Qt.Key.Key_Tab)  # on to the repair history, below the fold
    landed = desk.focusWidget()
    assert landed is not save and desk.history.isAncestorOf(landed)
    assert bar.value() > 0
    top = landed.mapTo(scroll.viewport(), landed.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()  # in sight


def test_a_tall_window_gives_the_history_the_room(qtbot, session, ctx):
    desk = shown_desk(qtbot, session, ctx, 1000)
    scroll = desk.findChild(QScrollArea, "archive_scroll")
    assert scroll.verticalScrollBar().maximum() == 0
    assert desk.history.height() > HISTORY_MIN_HEIGHT + 200
