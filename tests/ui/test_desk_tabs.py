"""Desks are built the first time they are shown or asked for (ui/desk_tabs.py); the
printing machinery loads when the first order is opened (ui/application.open_counter)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from service_desk.ui import application
from service_desk.ui.reception import ReceptionDesk
from service_desk.ui.today_cards import SHOWN, CardData, Column


def test_only_the_desk_shown_is_built_at_start(window):
    tabs = window.tabs
    built = [name for name in tabs._pages if tabs.is_built(name)]
    assert built == ["today"]
    assert tabs.currentIndex() == 0


def test_a_desk_is_built_when_its_tab_is_first_shown(qtbot, window):
    tabs = window.tabs
    made = []
    tabs.built.connect(lambda name, desk: made.append((name, desk)))
    tabs.setCurrentIndex(1)
    assert [name for name, _ in made] == ["reception"]
    desk = made[0][1]
    assert isinstance(desk, ReceptionDesk) and desk.isVisible()
    # the tab widget speaks of desks, never of the pages holding them
    assert tabs.currentWidget() is desk is window.reception is tabs.widget(1)
    assert tabs.indexOf(desk) == 1
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert len(made) == 1  # once


def test_asking_for_a_desk_builds_it_without_showing_it(window):
    assert not window.tabs.is_built("archive")
    archive = window.archive
    assert window.tabs.is_built("archive") and not archive.isVisible()
    window.tabs.setCurrentWidget(archive)
    assert window.tabs.currentIndex() == window.tabs.indexOf(archive)
    assert archive.isVisible()


def test_a_desk_built_later_is_wired_to_the_window(qtbot, window, ctx):
    """The archive's 'open order' reaches reception though it was made after the window."""
    seen = []
    window.picked = lambda *args: seen.append(args)  # what the window connects it to
    window.archive.open_order_for.emit(1, 2, 3)
    assert seen == [(1, 2, 3)]


def test_printing_loads_after_the_first_order_not_at_start(qtbot, window, monkeypatch):
    calls = []
    monkeypatch.setattr(application, "_warm_up", lambda font: calls.append(font))
    monkeypatch.setattr(application, "WARM_UP_AFTER_MS", 0)
    session = window.session
    other = application.open_counter(session)
    qtbot.addWidget(other)
    qtbot.wait(50)
    assert calls == []  # the window is up; nothing of printing loaded
    session.set_current_order(None)
    session.current_order_id = -1  # so that the next call is a change
    session.set_current_order(None)
    qtbot.wait(20)
    assert calls == []  # no order: still nothing
    session.set_current_order(7)
    qtbot.waitUntil(lambda: len(calls) == 1)
    session.set_current_order(8)
    qtbot.wait(20)
    assert len(calls) == 1  # once
    assert not any(t.name == "warm-up" for t in threading.enumerate())


def test_a_long_column_shows_its_first_cards_and_the_rest_on_request(qtbot):
    column = Column("ready", "Ready", "Nothing")
    qtbot.addWidget(column)
    cards = [
        CardData(i, f"皖A{i:05d}", "客户", f"WX{i:04d}", "Ready", "#2e7d32", "fact")
        for i in range(SHOWN + 5)
    ]
    column.set_cards(cards)
    column.show()
    assert [c.data.order_id for c in column.cards] == list(range(SHOWN))
    assert column.more.isVisible() and "+5" in column.more.text()
    assert f"({SHOWN + 5})" in column.title.text()  # the count is of all of them
    qtbot.mouseClick(column.more, Qt.MouseButton.LeftButton)
    assert len(column.cards) == SHOWN + 5 and not column.more.isVisible()
    column.set_cards(cards[:3])  # a refresh keeps it open, and a short list needs no button
    assert len(column.cards) == 3 and not column.more.isVisible()
