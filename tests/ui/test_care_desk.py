"""The customer care desk: a follow-up that becomes a complaint, and a complaint held to
its reply-by time — escalated once the counter's clock passes it, answered with the
supervisor's PIN, resolved with the customer's acceptance."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from service_desk.actions import care
from service_desk.domain.clock import fixed_clock
from service_desk.ui.care_desk import CareDesk
from service_desk.ui.care_messages import OVERDUE_COLOUR
from tests.actions.test_care import release_order
from tests.actions.test_workshop import at
from tests.ui.test_checkout_desk import pick, supervisor_says
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text

DAY = dt.timedelta(days=1)


@pytest.fixture
def released(ctx, order_id) -> int:
    return release_order(ctx, order_id)


@pytest.fixture
def desk(qtbot, session):
    desk = CareDesk(session)
    qtbot.addWidget(desk)
    desk.resize(1400, 900)
    desk.show()
    qtbot.waitExposed(desk)
    return desk


def move_clock(desk, moment: dt.datetime) -> None:
    desk.session.ctx.clock = fixed_clock(moment)
    desk.refresh()


def status_cell(model, row: int):
    column = next(i for i, (h, _f) in enumerate(model.columns) if h == model.state_header)
    index = model.index(row, column)
    return index.data(), index.data(Qt.ItemDataRole.ForegroundRole)


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_follow_up_that_becomes_a_complaint(qtbot, released, desk):
    assert desk.follow_model.rows == [] and desk.follow_empty.isVisible()
    move_clock(desk, at(10, 0) + 8 * DAY)  # a week and a day after release: overdue
    assert [r["order_id"] for r in desk.follow_model.rows] == [released]
    text, colour = status_cell(desk.follow_model, 0)
    assert text == "Overdue" and colour == QColor(OVERDUE_COLOUR)

    click_row(qtbot, desk.follow_ups, 0)
    form = desk.follow_up
    assert form.isVisible() and form.order_id == released
    assert "皖B7K2M9" in find(form, QLabel, "follow_up_title").text()
    # reached but nothing asked: each missing answer under its question
    click(qtbot, find(form, QPushButton, "follow_up_save"))
    assert error_of(form, "car_runs") and error_of(form, "satisfaction")
    assert care.follow_ups_of_order(desk.session.db, released) == []

    type_text(qtbot, find(form, QLineEdit, "follow_up_car_runs"), "刹车还是有点响")
    type_text(qtbot, find(form, QLineEdit, "follow_up_opinion"), "等了太久，也没修好")
    type_text(qtbot, find(form, QLineEdit, "follow_up_advice"), "建议尽快回店复查")
    assert not find(form, QLabel, "error_reply_by").isVisible()
    pick(qtbot, find(form, QComboBox, "follow_up_satisfaction"), 2)
    assert form.reply_by.isVisible()  # unhappy: when the customer hears back
    assert find(form, QCheckBox, "follow_up_complaint").isEnabled()
    click(qtbot, find(form, QPushButton, "follow_up_save"))

    [saved] = care.follow_ups_of_order(desk.session.db, released)
    assert saved["satisfaction"] == 2 and saved["complaint_id"] is not None
    assert desk.follow_model.rows == []
    assert "complaint no. {}".format(saved["complaint_id"]) in desk.result.text()
    assert desk.complaint.isVisible() and desk.complaint.complaint_id == saved["complaint_id"]
    assert [r["id"] for r in desk.complaint_model.rows] == [saved["complaint_id"]]
    found = care.complaint(desk.session.db, saved["complaint_id"])
    assert found["channel"] == "follow_up" and found["text"] == "等了太久，也没修好"


def test_a_complaint_held_to_its_reply_by_time(qtbot, order_id, desk, answers):
    session = desk.session
    session.set_current_order(order_id)
    click(qtbot, desk.new_complaint)
    form = desk.complaint
    assert form.isVisible() and "张伟" in find(form, QLabel, "complaint_title").text()
    pick(qtbot, find(form, QComboBox, "complaint_channel"), "phone")
    type_text(qtbot, find(form, QPlainTextEdit, "complaint_text"), "电话里说好的价格和结算不一样")
    # no answer now: the reply-by time (now + 4 h, 13:30) is given
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    [row] = desk.complaint_model.rows
    cid = row["id"]
    assert row["state"] == "open" and row["reply_by"] == "2026-11-27T13:30:00+08:00"
    assert status_cell(desk.complaint_model, 0)[0] == "Open"
    assert desk.complaint_model.index(0, 6).data() == "4 h 0 min left"

    move_clock(desk, at(13, 30))  # at the time itself: not yet late
    assert desk.complaint_model.rows[0]["state"] == "open"
    move_clock(desk, at(13, 31))
    [row] = desk.complaint_model.rows
    assert row["state"] == "escalated" and row["overdue"]
    text, colour = status_cell(desk.complaint_model, 0)
    assert text == "Escalated to the supervisor" and colour == QColor(OVERDUE_COLOUR)
    assert desk.complaint_model.index(0, 6).data() == "Overdue by 1 min"
    move_clock(desk, at(13, 40))  # refreshing again escalates nothing twice
    escalations = session.db.execute(
        "SELECT count(*) FROM audit WHERE entity = 'complaint' AND action = 'escalate_overdue'"
    ).fetchone()[0]
    assert escalations == 1

    # the supervisor's answer
    click_row(qtbot, desk.complaints, 0)
    assert form.complaint_id == cid and "陈主管" in find(form, QLabel, "complaint_title").text()
    type_text(qtbot, find(form, QPlainTextEdit, "complaint_answer"), "已核对，按报价结算并退差价")
    supervisor_says(answers, "2468")
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    assert care.complaint(session.db, cid)["state"] == "answered"
    assert desk.complaint_model.rows[0]["state"] == "answered"

    # the customer accepts: resolved, off the list
    type_text(qtbot, find(form, QPlainTextEdit, "complaint_resolution"), "退还差价，客户满意")
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    found = care.complaint(session.db, cid)
    assert found["state"] == "resolved" and found["customer_accepted"] == 1
    assert desk.complaint_model.rows == [] and desk.complaints_empty.isVisible()
    assert not find(form, QPushButton, "complaint_submit").isVisible()


def test_a_complaint_of_a_customer_searched_on_the_form(qtbot, order_id, desk):
    """No current order (the customer phones in): the form asks whose complaint it is."""
    click(qtbot, desk.new_complaint)
    form = desk.complaint
    assert "search the customer" in find(form, QLabel, "complaint_title").text()
    type_text(qtbot, find(form, QPlainTextEdit, "complaint_text"), "上次保养后异响")
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    assert "Search the customer first" in error_of(form, "customer")
    assert form.text.toPlainText() == "上次保养后异响"  # kept
    type_text(qtbot, form.search.edit, "13855321234")
    qtbot.keyClick(form.search.edit, "\r")
    assert "张伟" in find(form, QLabel, "complaint_title").text()
    about = find(form, QComboBox, "complaint_order")
    # the car's open order, found by the search, is what it is about (or none, at will)
    assert about.count() == 2 and about.currentData() == order_id
    assert about.itemData(0) is None
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    [row] = desk.complaint_model.rows
    found = care.complaint(desk.session.db, row["id"])
    assert (found["order_id"], found["text"]) == (order_id, "上次保养后异响")


def test_a_complaint_with_a_past_reply_by_is_refused_inline(qtbot, order_id, desk):
    desk.session.set_current_order(order_id)
    click(qtbot, desk.new_complaint)
    form = desk.complaint
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    assert error_of(form, "text")
    form.reply_by.setDateTime(form.reply_by.dateTime().addDays(-1))
    type_text(qtbot, find(form, QPlainTextEdit, "complaint_text"), "too slow")
    click(qtbot, find(form, QPushButton, "complaint_submit"))
    assert "later than now" in error_of(form, "reply_by")
    assert desk.complaint_model.rows == []


def test_log_an_enquiry(qtbot, order_id, desk):
    desk.session.set_current_order(order_id)
    click(qtbot, desk.new_enquiry)
    form = desk.enquiry
    assert find(form, QLineEdit, "enquiry_workplace").text() == "芜湖顺达物流有限公司"
    type_text(qtbot, find(form, QPlainTextEdit, "enquiry_question"), "保养周期多长？")
    click(qtbot, find(form, QPushButton, "enquiry_save"))
    assert error_of(form, "answer")
    type_text(qtbot, find(form, QPlainTextEdit, "enquiry_answer"), "每 10000 公里或 12 个月")
    click(qtbot, find(form, QPushButton, "enquiry_save"))
    [saved] = care.recent_enquiries(desk.session.db)
    assert saved["name"] == "张伟" and saved["contact"] == "13855321234"
    assert desk.result.text() == "Enquiry saved."
