"""The search box as the counter types into it: the floating result list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from service_desk.actions import archive
from service_desk.actions.archive import CustomerInput, VehicleInput
from tests.ui.typing import type_text


def car(plate: str) -> VehicleInput:
    return VehicleInput(
        plate=plate,
        model_code="TIGGO8PRO",
        category_code="small_passenger",
        purchase_date=dt.date(2024, 5, 1),
        odometer_km=1000,
    )


class Paints(QObject):
    """Counts the paint events of a widget and everything in it."""

    def __init__(self, root: QWidget):
        super().__init__()
        self.root = root
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_paint = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
        if is_paint and (watched is self.root or self.root.isAncestorOf(watched)):
            self.count += 1
        return False


def test_typing_repaints_the_list_not_the_desk_under_it(qtbot, window, ctx):
    for n in range(4):
        archive.register_walk_in(
            ctx, CustomerInput(name=f"客户{n}", phone=f"1380000000{n}"), car(f"皖B1000{n}")
        )
    window.tabs.setCurrentWidget(window.today)
    type_text(qtbot, window.search.edit, "1380")
    results = window.search.results
    qtbot.waitUntil(results.isVisible)
    qtbot.wait(50)  # what typing so far had to paint is painted
    assert results.autoFillBackground()  # it paints all of itself: nothing shows through
    desk = window.tabs.currentWidget()
    under = desk.rect().translated(desk.mapTo(window, desk.rect().topLeft()))
    assert results.geometry().intersects(under)
    paints = Paints(desk)
    QApplication.instance().installEventFilter(paints)
    try:
        type_text(qtbot, window.search.edit, "0")  # the same four hits: the list keeps its size
        for _ in range(3):
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(paints)
    assert results.topLevelItemCount() == 4
    assert paints.count == 0


def test_each_customer_with_its_cars_expanded_under_it(qtbot, window, ctx):
    customer_id, first = archive.register_walk_in(
        ctx, CustomerInput(name="张三", phone="13812345678"), car("皖B12345")
    )
    second = archive.register_vehicle(ctx, customer_id, car("皖B54321"))
    archive.register_walk_in(ctx, CustomerInput(name="张四", phone="13912345678"), car("皖B77777"))
    type_text(qtbot, window.search.edit, "张")
    results = window.search.results
    assert results.isVisible()
    tops = [results.topLevelItem(i) for i in range(results.topLevelItemCount())]
    assert [t.text(0).split()[0] for t in tops] == ["张三", "张四"]
    assert all(t.isExpanded() for t in tops)
    cars = [tops[0].child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(2)]
    assert sorted(cars) == sorted([(customer_id, first, None), (customer_id, second, None)])
    assert "瑞虎" in tops[0].child(0).text(0) or "Tiggo" in tops[0].child(0).text(0)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    assert results.hasFocus() and results.currentItem() is tops[0]
