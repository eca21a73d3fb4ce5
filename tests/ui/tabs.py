"""Switching desks the way the counter does: Ctrl+1 … Ctrl+9, Ctrl+0 for the tenth."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def press_tab_key(qtbot, window, desk: QWidget) -> None:
    number = window.tabs.indexOf(desk) + 1
    assert 1 <= number <= 10, "only the first ten desks have a Ctrl+digit"
    key = getattr(Qt.Key, f"Key_{number % 10}")
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is desk
