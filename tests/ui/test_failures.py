"""Storage failures are messages that keep the form; bugs reach the crash dialog and log."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from service_desk.logsetup import setup_logging
from service_desk.ui.crash import CrashDialog, install_excepthook
from tests.ui.typing import type_text


def test_read_only_database_keeps_the_registration_form(qtbot, window, ctx):
    qtbot.keyClick(window, Qt.Key.Key_F3)
    reg = window.reception.register
    type_text(qtbot, reg.findChild(QLineEdit, "customer_name"), "赵六")
    type_text(qtbot, reg.findChild(QLineEdit, "customer_phone"), "13800001111")
    type_text(qtbot, reg.findChild(QLineEdit, "vehicle_plate"), "皖B99999")
    reg.vehicle.model.setCurrentIndex(reg.vehicle.model.findData("TIGGO9"))
    ctx.db.execute("PRAGMA query_only = ON")  # every write now fails like a read-only file
    qtbot.mouseClick(reg.findChild(QPushButton, "register_save"), Qt.MouseButton.LeftButton)
    message = reg.findChild(QLabel, "register_message")
    assert not message.isHidden() and "read-only" in message.text()
    assert reg.findChild(QLineEdit, "customer_name").text() == "赵六"
    ctx.db.execute("PRAGMA query_only = OFF")
    assert ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    qtbot.mouseClick(reg.findChild(QPushButton, "register_save"), Qt.MouseButton.LeftButton)
    assert ctx.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1


def test_a_database_locked_by_another_program_keeps_the_form(qtbot, window, ctx, db_path):
    import sqlite3

    qtbot.keyClick(window, Qt.Key.Key_F3)
    reg = window.reception.register
    type_text(qtbot, reg.findChild(QLineEdit, "customer_name"), "钱七")
    type_text(qtbot, reg.findChild(QLineEdit, "customer_phone"), "13800002222")
    type_text(qtbot, reg.findChild(QLineEdit, "vehicle_plate"), "皖B88888")
    reg.vehicle.model.setCurrentIndex(reg.vehicle.model.findData("TIGGO9"))
    ctx.db.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    qtbot.mouseClick(reg.findChild(QPushButton, "register_save"), Qt.MouseButton.LeftButton)
    message = reg.findChild(QLabel, "register_message")
    assert not message.isHidden() and "busy" in message.text()
    assert reg.vehicle.plate.text() == "皖B88888"  # province and rest, as typed
    other.execute("ROLLBACK")
    other.close()
    qtbot.mouseClick(reg.findChild(QPushButton, "register_save"), Qt.MouseButton.LeftButton)
    assert ctx.db.execute("SELECT name FROM customers").fetchall() == [("钱七",)]


def test_crash_dialog_shows_details_and_copies_them(qtbot):
    dialog = CrashDialog("Traceback: boom", "/tmp/x.log")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback: boom"


def test_unhandled_exception_is_logged_and_shown(qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText()))
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        log_file = setup_logging(tmp_path)
        install_excepthook(str(log_file))
        try:
            raise RuntimeError("bug at the counter")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        for handler in root.handlers:
            handler.flush()
        assert "bug at the counter" in shown[0]
        assert "bug at the counter" in log_file.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
