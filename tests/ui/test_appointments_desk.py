"""The appointments desk driven like a user (R17): find the car, book it for tomorrow with
parts to order and the least deposit filled in, take the deposit, print the appointment
form on the stand-in printer, then the car arrives: the repair order opens with the
booked work and becomes the current order."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from service_desk.actions import appointments as ap
from service_desk.actions import orders
from service_desk.store import appointment_queries as aq
from service_desk.store import queries
from service_desk.ui.appointments_desk import AppointmentsDesk
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text


@pytest.fixture
def desk(qtbot, session) -> AppointmentsDesk:
    d = AppointmentsDesk(session)
    qtbot.addWidget(d)
    d.resize(1400, 900)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_book_with_deposit_print_and_arrive(qtbot, ctx, session, desk, pdf_printer, printed):
    _, vid = walk_in(ctx)
    session.notify("customers")
    assert desk.empty.isVisible()  # nothing booked today
    # the car, searched by its plate
    type_text(qtbot, desk.booking.search.edit, "B12345")
    qtbot.keyClick(desk.booking.search.edit, "\r")
    assert desk.booking.vehicle_id == vid
    assert "皖B12345" in find(desk, QLabel, "appointments_vehicle").text()
    # tomorrow's first slot is the default time
    assert desk.booking.start.dateTime().toPython() == dt.datetime(2026, 11, 28, 8, 30)
    job = find(desk, QComboBox, "appointments_job")
    job.setCurrentIndex(job.findData("front_brake_pads"))
    items = find(desk, QLineEdit, "appointments_items")
    assert items.text() == "Replace front brake pads"  # the UI language
    parts = find(desk, QLineEdit, "appointments_parts")
    parts.clear()
    type_text(qtbot, parts, "538.01")
    click(qtbot, find(desk, QCheckBox, "appointments_to_order"))
    deposit = find(desk, QLineEdit, "appointments_deposit")
    assert deposit.text() == "269.01"  # half, rounded up to the fen
    # a lower deposit is refused under its field, the form kept
    deposit.clear()
    type_text(qtbot, deposit, "100")
    click(qtbot, find(desk, QPushButton, "appointments_book"))
    assert "269.01" in error_of(desk, "deposit")
    assert items.text() == "Replace front brake pads"  # the UI language
    deposit.clear()
    type_text(qtbot, deposit, "300")
    click(qtbot, find(desk, QPushButton, "appointments_book"))
    [a] = aq.of_day(ctx.db, "2026-11-28")
    assert (a["deposit_required_fen"], a["parts_estimate_fen"]) == (30_000, 53_801)
    assert a["slot_start"] == "2026-11-28T08:30:00+08:00"
    # the desk shows the day booked, with the place taken, and the appointment picked
    assert desk.shown_day() == dt.date(2026, 11, 28)
    assert "11 of 12" in find(desk, QLabel, "appointments_capacity").text()
    assert desk.appointment_id == a["id"]
    assert desk.model.rows[0]["id"] == a["id"]
    # the deposit: the amount still open is filled in
    amount = find(desk, QLineEdit, "appointments_deposit_amount")
    assert amount.text() == "300.00"
    method = find(desk, QComboBox, "appointments_deposit_method")
    method.setCurrentIndex(method.findData("wechat"))
    click(qtbot, find(desk, QPushButton, "appointments_take"))
    assert aq.appointment(ctx.db, a["id"])["deposit_paid_fen"] == 30_000
    assert not find(desk, QPushButton, "appointments_take").isEnabled()
    # the appointment form, on the stand-in printer
    click(qtbot, find(desk, QPushButton, "appointments_print"))
    assert len(printed) == 1 and pdf_printer[-1].is_file()
    text = flat(pdf_pages(printed[0])[0])
    assert "预约单" in text and "皖B12345" in text and "¥300.00" in text
    assert "2026-11-28（星期六）08:30–09:00" in text
    log = ctx.db.execute("SELECT form_kind, order_id FROM print_log").fetchall()
    assert log == [("appointment", None)]
    # the bay list for today and tomorrow
    click(qtbot, find(desk, QPushButton, "appointments_bay_list"))
    assert len(printed) == 2 and "车间预约工位表" in flat(pdf_pages(printed[1])[0])
    # tomorrow, the car arrives: the order opens with the booked work, made current
    session.ctx.clock = lambda: NOW + dt.timedelta(days=1, minutes=-65)
    click(qtbot, find(desk, QPushButton, "appointments_arrived"))
    order_id = session.current_order_id
    assert order_id is not None
    order = queries.order(ctx.db, order_id)
    assert order["vehicle_id"] == vid and order["state"] == "estimate"
    assert [x["description"] for x in queries.order_lines(ctx.db, order_id)] == [
        d.description for d in orders.standard_job_lines("front_brake_pads")
    ]
    assert aq.appointment(ctx.db, a["id"])["state"] == "arrived"
    assert order["number"] in find(desk, QLabel, "appointments_title").text()
    assert not find(desk, QPushButton, "appointments_arrived").isEnabled()


def test_reminders_cancel_and_a_full_day(qtbot, ctx, session, desk, answers):
    from service_desk.store import settings

    settings.put(ctx.db, "appointment_capacity_per_day", 1)
    _, vid = walk_in(ctx)
    _, other = walk_in(ctx, plate="皖B54321", phone="13955550000", name="李四")
    tomorrow_9 = NOW.replace(hour=9, minute=0) + dt.timedelta(days=1)
    aid = ap.book(ctx, ap.Booking(vehicle_id=vid, start=tomorrow_9, items="保养"))
    session.notify("appointments")
    # due for its reminder: tomorrow 09:00 is 23.5 h away
    assert [r["id"] for r in desk.reminder_model.rows] == [aid]
    desk.reminders.clicked.emit(desk.reminder_model.index(0, 0))
    assert desk.appointment_id == aid and desk.shown_day() == dt.date(2026, 11, 28)
    click(qtbot, find(desk, QPushButton, "appointments_reminded"))
    assert desk.reminder_model.rows == []
    assert aq.appointment(ctx.db, aid)["state"] == "reminded"
    # the day is full: booking another car is refused on the message line
    desk.booking.set_vehicle(other)
    desk.booking.set_start(NOW.replace(hour=10, minute=0) + dt.timedelta(1))
    type_text(qtbot, find(desk, QLineEdit, "appointments_items"), "wash")
    click(qtbot, find(desk, QPushButton, "appointments_book"))
    assert "full" in error_of(desk, "start")
    assert "0 of 1" in find(desk, QLabel, "appointments_capacity").text()
    # cancelled with a reason: the place is free again
    answers.texts.append("客户出差")
    click(qtbot, find(desk, QPushButton, "appointments_cancel"))
    assert aq.appointment(ctx.db, aid)["state"] == "cancelled"
    assert "1 of 1" in find(desk, QLabel, "appointments_capacity").text()
    click(qtbot, find(desk, QPushButton, "appointments_book"))
    assert aq.appointment(ctx.db, aid + 1)["vehicle_id"] == other


def test_a_free_slot_picked_sets_the_time(qtbot, desk):
    desk.day.setDate(QDate(2026, 11, 30))
    free = [i for i, r in enumerate(desk.model.rows) if r["id"] is None]
    assert len(free) == 15  # 08:30–12:00 and 13:30–17:30 in half hours
    desk.table.clicked.emit(desk.model.index(free[2], 0))
    assert desk.booking.start.dateTime().toPython() == dt.datetime(2026, 11, 30, 9, 30)
