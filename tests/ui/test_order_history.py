"""The order's history from the reception desk: History (or Ctrl+H) lists every change
with who and when, from the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from service_desk.store import queries
from service_desk.ui.order_history import OrderHistoryDialog
from tests.ui.test_inspection_desk import click, find


def test_history_of_the_order_at_reception(qtbot, window, order_id):
    order = queries.order(window.session.db, order_id)
    window.picked(order["customer_id"], order["vehicle_id"], order_id)
    button = find(window.reception, QPushButton, "order_history")
    click(qtbot, button)
    dialog = window.findChild(OrderHistoryDialog)
    assert dialog is not None and order["number"] in dialog.windowTitle()
    rows = dialog.model.rows
    assert rows[0]["entity"] == "order" and rows[0]["staff_name"] == "王芳"
    whats = {dialog.model.index(i, 2).data() for i in range(len(rows))}
    assert {"Order", "Line"} <= whats
    actions = [r["action"] for r in rows]
    assert "sign" in actions
    dialog.close()
    qtbot.keyClick(window.reception, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert len(window.findChildren(OrderHistoryDialog)) == 2
