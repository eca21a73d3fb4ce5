"""The call list page: the day's cars to call, most urgent first, each saying why; a
Enter on a line opens the car at reception."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.actions.test_call_list import ONE, car


def test_an_overdue_car_is_listed_and_opens_at_reception(qtbot, ctx, window):
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)  # service due a week ago
    page = window.customer_care.calls
    window.tabs.setCurrentWidget(window.customer_care)
    window.customer_care.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    [row] = page.model.rows
    assert row["line"].plate == "皖B00002"
    assert "Service overdue since 2026-11-20" in row["why"]
    assert "1 cars to call today, 1 overdue" in page.summary.text()
    colour = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#c62828"
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.reception
