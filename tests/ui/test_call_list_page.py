"""The call list page: the day's cars to call, most urgent first, each saying why; Enter
on a line opens the car at reception; the last contact of each line and the history of the
picked one, kept current as the counter works (the contact log itself: test_contact_log)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from service_desk.ui.call_list_page import CallListPage
from tests.actions.test_call_list import ONE, car


def wait_list(qtbot, page: CallListPage) -> None:
    """Until the newest list asked for is on the page (built in a worker thread)."""
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)


def test_an_overdue_car_is_listed_and_opens_at_reception(qtbot, ctx, window):
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)  # service due a week ago
    page = window.customer_care.calls
    window.tabs.setCurrentWidget(window.customer_care)
    window.customer_care.pages.setCurrentWidget(page)
    wait_list(qtbot, page)
    [line] = page.model.rows
    assert line.plate == "皖B00002"
    assert "Service overdue since 2026-11-20" in page.model.index(0, 6).data()
    assert "1 cars to call today, 1 overdue" in page.summary.text()
    colour = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#c62828"
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.reception


def test_the_page_follows_changes_and_shows_the_last_contact(qtbot, ctx, window):
    from service_desk.actions import appointments as ap
    from service_desk.actions import contacts as cs
    from tests.conftest import NOW

    vid = car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)
    session = window.session
    page = window.customer_care.calls
    window.tabs.setCurrentWidget(window.customer_care)
    window.customer_care.pages.setCurrentWidget(page)
    wait_list(qtbot, page)
    assert page.model.index(0, 5).data() == "—"
    customer = ctx.db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vid]).fetchone()[0]
    data = cs.ContactInput(customer, vid, "phone", "service_due", "no_answer", note="占线")
    cs.log_contact(session.ctx, data)
    session.notify("contacts")  # what a desk does after an action: the page follows
    wait_list(qtbot, page)
    assert page.model.index(0, 5).data() == "11-27 09:30 No answer · 王芳 · 1 unanswered"
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r["note"] for r in page.history_model.rows] == ["占线"]
    assert page.history_model.index(0, 0).data() == "2026-11-27 09:30"
    # booked at the appointments desk: the car leaves the list
    start = NOW.replace(hour=9, minute=0) + dt.timedelta(days=1)
    ap.book(session.ctx, ap.Booking(vehicle_id=vid, start=start, items="保养"))
    session.notify("appointments")
    wait_list(qtbot, page)
    assert page.model.rows == [] and not page.log_button.isEnabled()
    assert "pick a line" in page.history_title.text()
