"""GUI fixtures: the real main window over a fresh database, with dialogs answered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer

from service_desk.ui.main_window import MainWindow
from service_desk.ui.session import Session


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """QSettings (window state, last user) go to a temporary folder, never the real profile."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    qapp.setOrganizationName("ServiceDeskTests")
    yield


@pytest.fixture(autouse=True)
def no_widget_outlives_its_test(qapp):
    """After each test (its database closed by then): every window's timers stopped and
    the windows deleted, so that no minute timer of an old desk fires in a later test
    against a closed database (a slow machine makes the suite outlast those timers)."""
    yield
    for widget in qapp.topLevelWidgets():
        for timer in widget.findChildren(QTimer):
            timer.stop()
        widget.close()
        widget.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def session(ctx, db_path) -> Session:
    s = Session(ctx.db, ctx.clock, db_path)
    s.set_user(ctx.user_id)
    return s


@pytest.fixture
def window(qtbot, session) -> MainWindow:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path):
    """Every print goes to a PDF file (the stand-in printer); returns the files written."""
    from PySide6.QtPrintSupport import QPrinter

    from service_desk.ui import printing as ui_printing

    outputs = []

    def make(kind):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = tmp_path / f"{kind}-{len(outputs)}.pdf"
        printer.setOutputFileName(str(path))
        outputs.append(path)
        return printer

    monkeypatch.setattr(ui_printing, "remembered_printer", make)
    return outputs


@pytest.fixture
def printed(pdf_printer, monkeypatch) -> list[bytes]:
    """The PDF stand-in printer, its first dialog answered OK; returns the documents as
    sent to it (the printer's file holds them as pictures, these hold their text)."""
    from service_desk.ui import ask
    from service_desk.ui import printing as ui_printing

    monkeypatch.setattr(ask, "choose_printer", lambda *_a: True)
    sent: list[bytes] = []
    send = ui_printing.send_to_printer

    def keep(pdf: bytes, printer) -> int:
        sent.append(pdf)
        return send(pdf, printer)

    monkeypatch.setattr(ui_printing, "send_to_printer", keep)
    return sent


class Answers:
    """Scripted answers for ui.ask: tests never block on a modal dialog."""

    def __init__(self) -> None:
        self.texts: list[str | None] = []
        self.choices: list[int | None] = []
        self.confirms: list[bool] = []
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch) -> Answers:
    from service_desk.ui import ask

    a = Answers()

    def text(_parent, title, label, secret=False):
        a.asked.append(label)
        return a.texts.pop(0)

    def choose(_parent, title, label, items):
        a.asked.append(label)
        return a.choices.pop(0)

    def confirm(_parent, title, body):
        a.asked.append(body)
        return a.confirms.pop(0)

    monkeypatch.setattr(ask, "text", text)
    monkeypatch.setattr(ask, "choose", choose)
    monkeypatch.setattr(ask, "confirm", confirm)
    monkeypatch.setattr(ask, "info", lambda *_a: a.asked.append("info"))
    monkeypatch.setattr(ask, "error", lambda *_a: a.asked.append("error"))
    return a
