"""Typing like a user: ASCII through key events, Chinese through the input method.

QTest.keyClicks asserts on non-ASCII characters (qasciikey.cpp), and a real
counter types Chinese through an IME anyway, which delivers a committed string
with a QInputMethodEvent. This helper does both, in order.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    run = ""
    for char in text:
        if char.isascii():
            if run:
                _commit(widget, run)
                run = ""
            qtbot.keyClicks(widget, char)
        else:
            run += char
    if run:
        _commit(widget, run)


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)
