"""Working the call list with the contact log (R2, R3), as the advisor does: pick a line,
Ctrl+L, choose how the call ended, Enter. Booked: the appointment is made at the first
free slot and the car leaves the list; complaint: the complaint is logged with its
reply-by time and the customer is not called while it waits; call back: the line leaves
until the time asked, then comes back first after the overdue ones. A wrong number goes to
the numbers to mend; a refused input is shown under its field, what was typed kept."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from service_desk.actions import care
from service_desk.actions import contacts as cs
from service_desk.domain import next_service as ns
from service_desk.domain.clock import fixed_clock
from service_desk.store import appointment_queries as aq
from service_desk.ui.call_list_page import CallListPage
from service_desk.ui.contact_dialog import ContactDialog
from tests.actions.test_call_list import ONE, car
from tests.conftest import NOW
from tests.ui.test_call_list_page import wait_list
from tests.ui.test_checkout_desk import pick
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text

TODAY = NOW.date()
DAY = dt.timedelta(days=1)


@pytest.fixture
def page(qtbot, session) -> CallListPage:
    p = CallListPage(session)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)  # shortcuts reach the active window only
    wait_list(qtbot, p)
    return p


def plates(page: CallListPage) -> list[str]:
    return [line.plate for line in page.model.rows]


def refreshed(qtbot, page: CallListPage) -> None:
    """The list built again (in the page's worker thread) and shown."""
    page.refresh()
    wait_list(qtbot, page)


def click_line(qtbot, page: CallListPage, plate: str) -> None:
    row = plates(page).index(plate)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def ctrl_l(qtbot, page: CallListPage) -> ContactDialog:
    page.activateWindow()  # back from the last dialog
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def enter(qtbot, dialog: ContactDialog) -> None:
    """Enter in the note confirms (the dialog's default button)."""
    qtbot.keyClick(find(dialog, QLineEdit, "contact_note"), Qt.Key.Key_Return)


def move_clock(qtbot, page: CallListPage, moment: dt.datetime) -> None:
    page.session.ctx.clock = fixed_clock(moment)
    refreshed(qtbot, page)


def test_booked_complaint_and_call_back_worked_from_the_list(qtbot, ctx, session, page):
    car(ctx, 2, ONE, dt.date(2026, 11, 20), 50000)  # overdue
    car(ctx, 4, ONE, TODAY + 5 * DAY)  # due within a week
    car(ctx, 3, ONE, TODAY + 20 * DAY)  # due within a month
    refreshed(qtbot, page)
    assert plates(page) == ["皖B00002", "皖B00004", "皖B00003"]
    assert "3 cars to call today, 1 overdue" in page.summary.text()
    assert page.model.index(0, 5).data() == "—"  # nobody called yet

    # 1. booked, at the first free slot, with the standard service
    click_line(qtbot, page, "皖B00002")
    assert "皖B00002" in page.history_title.text()
    dialog = ctrl_l(qtbot, page)
    assert "Service overdue since 2026-11-20" in find(dialog, QLabel, "contact_title").text()
    assert find(dialog, QComboBox, "contact_channel").currentData() == "phone"
    assert find(dialog, QComboBox, "contact_purpose").currentData() == "service_due"
    assert not dialog.booking_box.isVisible()
    click(qtbot, dialog.outcome_buttons["booked"])
    assert dialog.booking_box.isVisible() and not dialog.complaint_box.isVisible()
    start = find(dialog, QLabel, "contact_places")
    assert start.text() == "2026-11-28: 12 of 12 places left"
    assert dialog.booking.start.dateTime().toPython() == dt.datetime(2026, 11, 28, 8, 30)
    pick(qtbot, find(dialog, QComboBox, "contact_job"), "service_10000")
    type_text(qtbot, find(dialog, QLineEdit, "contact_note"), "客户周六一早来")
    enter(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    [a] = aq.of_day(ctx.db, "2026-11-28")
    assert (a["plate"], a["slot_start"], a["requested_by"], a["state"]) == (
        "皖B00002",
        "2026-11-28T08:30:00+08:00",
        "dealer",
        "booked",
    )
    assert a["jobs"] == '["service_10000"]'
    [logged] = cs.contacts_of_vehicle(ctx.db, a["vehicle_id"])
    assert (logged["outcome"], logged["appointment_id"], logged["note"]) == (
        "booked",
        a["id"],
        "客户周六一早来",
    )
    wait_list(qtbot, page)
    assert plates(page) == ["皖B00004", "皖B00003"]  # the booked car left the list
    assert page.result.text() == "Logged for 皖B00002: Booked 11-28 08:30"

    # 2. a complaint, with the time the customer hears back; the next line is picked
    assert page.selected().plate == "皖B00004"
    dialog = ctrl_l(qtbot, page)
    click(qtbot, dialog.outcome_buttons["complaint"])
    assert dialog.complaint_box.isVisible() and not dialog.booking_box.isVisible()
    text = find(dialog, QPlainTextEdit, "contact_complaint_text")
    type_text(qtbot, text, "上次保养等了三个小时，没人解释")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    [k] = care.open_complaints(ctx.db, NOW)
    assert (k["text"], k["channel"], k["state"], k["reply_by"]) == (
        "上次保养等了三个小时，没人解释",
        "phone",
        "open",
        "2026-11-27T13:30:00+08:00",  # four hours from now
    )
    [logged] = cs.contacts_of_customer(ctx.db, k["customer_id"])
    assert (logged["outcome"], logged["complaint_id"]) == ("complaint", k["id"])
    wait_list(qtbot, page)
    assert plates(page) == ["皖B00003"]  # not offered service while the complaint waits

    # 3. a call back tomorrow at ten: the line leaves until then
    dialog = ctrl_l(qtbot, page)
    click(qtbot, dialog.outcome_buttons["call_back"])
    assert dialog.call_back_at.dateTime().toPython() == dt.datetime(2026, 11, 28, 10, 0)
    type_text(qtbot, find(dialog, QLineEdit, "contact_note"), "在开会，明早十点再打")
    enter(qtbot, dialog)
    wait_list(qtbot, page)
    assert plates(page) == [] and page.empty.isVisible()
    move_clock(qtbot, page, NOW.replace(hour=9, minute=59) + DAY)
    assert plates(page) == []
    move_clock(qtbot, page, NOW.replace(hour=10, minute=0) + DAY)
    assert plates(page) == ["皖B00003"]
    line = page.model.rows[0]
    assert line.codes == (ns.CALL_BACK, ns.DUE_30)
    assert page.model.index(0, 6).data().startswith("Call back as asked (11-28 10:00)")
    assert page.model.index(0, 5).data() == "11-27 09:30 Call back · 王芳"
    assert "asked to be called back" in page.summary.text()
    click_line(qtbot, page, "皖B00003")
    [history] = page.history_model.rows
    assert (history["outcome"], history["note"]) == ("call_back", "在开会，明早十点再打")
    assert page.history_model.index(0, 3).data() == "Call back 11-28 10:00"


def test_a_wrong_number_and_a_refused_input(qtbot, ctx, session, page):
    car(ctx, 5, ONE, dt.date(2026, 11, 1))
    car(ctx, 6, ONE, dt.date(2026, 11, 2))
    refreshed(qtbot, page)
    assert plates(page) == ["皖B00005", "皖B00006"]
    assert page.mend_model.rows == []

    # a wrong number, logged from the line's context menu
    menu = page.line_menu(page.model.index(0, 0))
    log_action, open_action = menu.actions()
    assert (log_action.text(), open_action.text()) == ("Log contact…", "Open at reception")
    log_action.trigger()
    dialog = page.dialog
    assert dialog.isVisible() and "皖B00005" in find(dialog, QLabel, "contact_title").text()
    click(qtbot, dialog.outcome_buttons["wrong_number"])
    type_text(qtbot, find(dialog, QLineEdit, "contact_note"), "空号")
    enter(qtbot, dialog)
    wait_list(qtbot, page)
    assert plates(page) == ["皖B00006"]
    [mend] = page.mend_model.rows
    assert (mend["customer_name"], mend["phone"], mend["note"]) == ("客户5", "13855320005", "空号")
    assert "Numbers to mend (1)" in page.mend_title.text()

    # a call back in the past: refused under its field, the note kept, nothing logged
    dialog = ctrl_l(qtbot, page)
    assert "皖B00006" in find(dialog, QLabel, "contact_title").text()
    click(qtbot, dialog.outcome_buttons["call_back"])
    dialog.call_back_at.setDateTime(QDateTime(dt.datetime(2026, 11, 27, 8, 0)))
    note = find(dialog, QLineEdit, "contact_note")
    type_text(qtbot, note, "客户说下午再联系")
    enter(qtbot, dialog)
    assert dialog.isVisible()
    assert error_of(dialog, "call_back_at") == "The call back must be later than now."
    assert note.text() == "客户说下午再联系"
    # booked with a parts estimate that is no amount: refused by the booking, under it
    click(qtbot, dialog.outcome_buttons["booked"])
    click(qtbot, find(dialog, QPushButton, "contact_log"))
    assert error_of(dialog, "items") == "This field is required."  # what is to be done?
    type_text(qtbot, find(dialog, QLineEdit, "contact_items"), "保养")
    parts = find(dialog, QLineEdit, "contact_parts")
    type_text(qtbot, parts, "abc")
    click(qtbot, find(dialog, QPushButton, "contact_log"))
    assert dialog.isVisible() and error_of(dialog, "parts")
    assert error_of(dialog, "call_back_at") == "" and error_of(dialog, "items") == ""
    assert (note.text(), parts.text()) == ("客户说下午再联系", "abc")
    assert cs.contacts_of_customer(ctx.db, 2) == [] and aq.of_day(ctx.db, "2026-11-28") == []
    # a letter can only have been sent
    pick(qtbot, find(dialog, QComboBox, "contact_channel"), "letter")
    assert dialog.outcome() == "sent"
    assert not dialog.outcome_buttons["booked"].isEnabled()
    click(qtbot, find(dialog, QPushButton, "contact_cancel"))
    assert not dialog.isVisible() and plates(page) == ["皖B00006"]
