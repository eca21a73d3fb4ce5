"""The call list is built in a worker thread (ui/background.Worker, its own connection):
the page says it is building meanwhile (no empty-list message before there is a list),
the window goes on working, a change while it builds brings a fresh list after it, and a
failure of the worker's storage is said on the page, in the storage's words."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from service_desk.actions import call_list as calls
from service_desk.store.errors import StorageError, StorageProblem
from service_desk.store.open import open_database
from service_desk.ui.call_list_page import CallListPage
from service_desk.ui.session import Session
from tests.actions.test_call_list import ONE, car
from tests.ui.test_call_list_page import wait_list

TODAY = dt.date(2026, 11, 27)


class Gate:
    """todays_calls held in the worker until opened (the first ``hold`` builds)."""

    def __init__(self, hold: int = 1):
        self.real = calls.todays_calls
        self.hold = hold
        self.opened = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, db, now):
        self.threads.append(threading.current_thread())
        if len(self.threads) <= self.hold:
            assert self.opened.wait(10)
        return self.real(db, now)


@pytest.fixture
def gate(monkeypatch) -> Gate:
    g = Gate()
    monkeypatch.setattr(calls, "todays_calls", g)
    yield g
    g.opened.set()  # never leave a worker waiting


def shown_page(qtbot, session: Session) -> CallListPage:
    page = CallListPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_list_arrives_from_the_worker_while_the_window_works(qtbot, ctx, window, gate):
    vid = car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    care = window.customer_care
    page = care.calls
    window.tabs.setCurrentWidget(care)
    care.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: len(gate.threads) == 1)  # the worker is at it, and held
    assert page.status.isVisible()
    assert page.status.text().startswith("Building the call list…")
    assert not page.empty.isVisible() and page.summary.text() == ""
    assert page.model.rows == [] and not page.log_button.isEnabled()
    assert page.log_contact() is None and not page.loaded
    # the window is not waiting for it: another page, and back
    care.pages.setCurrentWidget(care.appointments)
    qtbot.waitUntil(care.appointments.isVisible)
    care.pages.setCurrentWidget(page)
    gate.opened.set()
    wait_list(qtbot, page)
    assert [line.plate for line in page.model.rows] == ["皖B00002"]
    assert "1 cars to call today, 1 overdue" in page.summary.text()
    assert not page.status.isVisible() and not page.empty.isVisible()
    assert page.log_button.isEnabled()
    assert gate.threads[0] is not threading.main_thread()
    # the worker brought the car's cached due up to date (it writes that table)
    stale = ctx.db.execute("SELECT stale FROM service_due WHERE vehicle_id = ?", [vid])
    assert stale.fetchone()[0] == 0


def test_a_change_while_it_builds_brings_a_fresh_list(qtbot, ctx, session, gate):
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    page = shown_page(qtbot, session)
    qtbot.waitUntil(lambda: len(gate.threads) == 1)
    resets = []
    page.model.modelReset.connect(lambda: resets.append(len(page.model.rows)))
    car(ctx, 3, ONE, TODAY + dt.timedelta(days=5))  # registered meanwhile at the counter
    session.notify("vehicles")
    session.notify("customers")  # a burst of changes: one more list
    assert not page.loaded and page.status.isVisible()
    gate.opened.set()
    wait_list(qtbot, page)
    assert [line.plate for line in page.model.rows] == ["皖B00002", "皖B00003"]
    assert resets == [2]  # the list begun before the change was never shown
    assert len(gate.threads) == 2
    assert "2 cars to call today, 1 overdue" in page.summary.text()


def test_a_change_while_the_page_is_hidden_is_built_when_shown(qtbot, ctx, session):
    page = shown_page(qtbot, session)
    wait_list(qtbot, page)
    assert page.empty.isVisible() and page.summary.text() == "0 cars to call today, 0 overdue"
    page.hide()
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    session.notify("vehicles")
    assert not page.building  # nothing built for a hidden page
    page.show()
    assert page.status.text() == "Updating the call list…"
    wait_list(qtbot, page)
    assert [line.plate for line in page.model.rows] == ["皖B00002"]
    assert not page.empty.isVisible()


def test_a_storage_failure_in_the_worker_is_said_on_the_page(qtbot, ctx, tmp_path: Path):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database " * 100)
    page = shown_page(qtbot, Session(ctx.db, ctx.clock, damaged))  # the worker opens that
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert page.error.text() == (
        "The call list could not be built. "
        "The file at the data path is not a Service Desk database."
    )
    assert not page.status.isVisible() and not page.empty.isVisible()
    assert not page.loaded and not page.log_button.isEnabled()


def test_a_busy_database_is_said_and_refresh_tries_again(qtbot, ctx, session, monkeypatch):
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    real = calls.todays_calls
    tries = []

    def busy_once(db, now):
        tries.append(now)
        if len(tries) == 1:
            raise StorageError(StorageProblem.LOCKED, "database is locked")
        return real(db, now)

    monkeypatch.setattr(calls, "todays_calls", busy_once)
    page = shown_page(qtbot, session)
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert "the database is busy" in page.error.text()
    assert page.error.text().startswith("The call list could not be built.")
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    wait_list(qtbot, page)
    assert not page.error.isVisible()
    assert [line.plate for line in page.model.rows] == ["皖B00002"]


def test_a_database_without_a_file_builds_on_the_ui_thread(qtbot, ctx, clock):
    memory = open_database(Path(":memory:"))
    c = type(ctx)(memory, clock)
    from service_desk.actions import staff

    c.user_id = staff.add_staff(c, "王芳", "advisor")
    car(c, 2, ONE, dt.date(2026, 11, 20), 50000)
    session = Session(memory, clock)
    page = shown_page(qtbot, session)
    wait_list(qtbot, page)
    assert [line.plate for line in page.model.rows] == ["皖B00002"]
    # the session's own connection was used, and is left writable
    assert memory.execute("PRAGMA query_only").fetchone()[0] == 0
    car(c, 3, ONE, TODAY + dt.timedelta(days=5))
    memory.close()


def test_the_minute_timer_builds_again_only_when_the_clock_changed_the_list(qtbot, ctx, session):
    from service_desk.actions import contacts as cs
    from service_desk.domain.clock import fixed_clock
    from tests.conftest import NOW

    vid = car(ctx, 3, ONE, TODAY + dt.timedelta(days=20))
    page = shown_page(qtbot, session)
    wait_list(qtbot, page)
    customer = ctx.db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vid]).fetchone()[0]
    three = NOW.replace(hour=15, minute=0)
    data = cs.ContactInput(customer, vid, "phone", "service_due", "call_back", call_back_at=three)
    cs.log_contact(session.ctx, data)
    session.notify("contacts")
    wait_list(qtbot, page)
    assert page.model.rows == [] and page.changes_at == three  # held until 15:00
    session.ctx.clock = fixed_clock(three - dt.timedelta(minutes=1))
    page.timer.timeout.emit()  # a minute passes: nothing changed, nothing built
    assert not page.building and page.loaded
    session.ctx.clock = fixed_clock(three)
    page.timer.timeout.emit()
    assert page.building
    wait_list(qtbot, page)
    assert [line.plate for line in page.model.rows] == ["皖B00003"]
    assert page.model.index(0, 6).data().startswith("Call back as asked (11-27 15:00)")
