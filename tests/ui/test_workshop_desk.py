"""The workshop desk driven like a user: one car from checked in through hand-off,
additional work (one approved and printed, one declined), the progress check raised once,
completion and ready for pickup; each record checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from service_desk.actions import keys, promise, workshop
from service_desk.domain.clock import fixed_clock, iso, parse
from service_desk.store import extra_work_queries, queries, workshop_queries
from service_desk.ui import ask
from tests.actions.test_workshop import check_in
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages
from tests.ui.tabs import press_tab_key
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text


def pick_channel(qtbot, box: QComboBox, code: str) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentData() != code:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def pick_item(qtbot, items: QListWidget, row: int) -> None:
    rect = items.visualItemRect(items.item(row))
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert items.currentRow() == row


@pytest.fixture
def pdf_printer(pdf_printer, monkeypatch):
    """The shared PDF stand-in printer; the first print's dialog is answered OK."""
    monkeypatch.setattr(ask, "choose_printer", lambda *_a: True)
    return pdf_printer


@pytest.fixture
def checked_in(ctx, order_id) -> int:
    keys.register_key(ctx, order_id, "main", 7)
    check_in(ctx, order_id)
    return order_id


@pytest.fixture
def desk(qtbot, checked_in, window):
    """The workshop tab (its Ctrl+N) with the checked-in order picked in its queue."""
    qtbot.waitUntil(window.isActiveWindow)
    press_tab_key(qtbot, window, window.workshop)
    desk = window.workshop
    assert window.tabs.currentWidget() is desk
    assert [(r["id"], r["state"]) for r in desk.queue_model.rows] == [(checked_in, "checked_in")]
    rect = desk.queue.visualRect(desk.queue_model.index(0, 1))
    qtbot.mouseClick(desk.queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.current_order_id == checked_in
    assert desk.pages.currentWidget() is desk.handoff
    return desk


def report_item(qtbot, extra, by, what, hours, parts, delay) -> None:
    line = find(extra, QLineEdit, "extra_reported_by")
    if not line.text():
        type_text(qtbot, line, by)
    type_text(qtbot, find(extra, QLineEdit, "extra_description"), what)
    type_text(qtbot, find(extra, QLineEdit, "extra_hours"), hours)
    type_text(qtbot, find(extra, QLineEdit, "extra_parts"), parts)
    spin = find(extra, QSpinBox, "extra_delay")
    spin.selectAll()
    type_text(qtbot, spin.lineEdit(), str(delay))
    click(qtbot, find(extra, QPushButton, "extra_report"))


def board_numbers(window, column: str) -> list[str]:
    """The order numbers on a column of the Today board, looked at (the board reads the
    day when it is shown), then back to the desk that was up."""
    desk = window.tabs.currentWidget()
    window.tabs.setCurrentWidget(window.today)
    numbers = [c.data.number for c in window.today.columns[column].cards]
    window.tabs.setCurrentWidget(desk)
    return numbers


def test_checked_in_to_ready(qtbot, ctx, desk, answers, pdf_printer, window):
    oid = desk.session.current_order_id
    db = ctx.db
    form = desk.handoff

    # --- hand-off: defaults, a refusal that keeps the typing, then Ctrl+Enter
    planned = int(promise.planned_time(ctx, oid).total_seconds() // 60)
    assert find(form, QSpinBox, "handoff_planned").value() == planned
    assert find(form, QWidget, "handoff_at").dateTime() == QDateTime(NOW.replace(tzinfo=None))
    type_text(qtbot, find(form, QLineEdit, "handoff_team"), "机修一组")
    click(qtbot, find(form, QPushButton, "handoff_submit"))
    assert error_of(form, "receiver_name")
    assert find(form, QLineEdit, "handoff_team").text() == "机修一组"
    assert queries.order(db, oid)["state"] == "checked_in"
    type_text(qtbot, find(form, QLineEdit, "handoff_receiver"), "赵师傅")
    click(qtbot, find(form, QCheckBox, "handoff_washed"))
    qtbot.keyClick(
        find(form, QLineEdit, "handoff_receiver"),
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    handoff = workshop_queries.handoff(db, oid)
    assert handoff is not None
    assert (handoff["mode"], handoff["team"], handoff["receiver_name"]) == (
        "single_team",
        "机修一组",
        "赵师傅",
    )
    assert handoff["planned_minutes"] == planned
    assert handoff["handed_at"] == iso(NOW)
    assert handoff["washed_at"] == iso(NOW)
    assert queries.order(db, oid)["state"] == "handed_off"

    work = desk.work
    assert desk.pages.currentWidget().widget() is work
    assert desk.queue_model.rows[0]["state"] == "handed_off"
    click(qtbot, find(work, QPushButton, "work_start"))
    assert queries.order(db, oid)["state"] == "in_progress"
    assert not find(work, QPushButton, "work_start").isEnabled()

    # --- additional work 1: reported, then "work completed" is refused while it waits
    extra = work.extra
    promised_signed = parse(queries.order(db, oid)["promised_at"])
    click(qtbot, find(extra, QPushButton, "extra_report"))
    assert error_of(extra, "reported_by")
    report_item(qtbot, extra, "赵师傅", "更换前刹车盘", "1.5", "380", 60)
    [first] = extra_work_queries.extra_of_order(db, oid)
    assert (first["description"], first["state"], first["delay_minutes"]) == (
        "更换前刹车盘",
        "reported",
        60,
    )
    assert first["reported_by_name"] == "赵师傅"
    assert first["amount_fen"] == 18000 + 38000  # 1.5 h at ¥120 + the parts
    assert find(extra, QLineEdit, "extra_description").text() == ""

    # the Today board lists it as waiting for the customer's answer
    number = queries.order(db, oid)["number"]
    assert board_numbers(window, "answers") == [number]
    assert number in board_numbers(window, "workshop")

    click(qtbot, find(work, QPushButton, "work_complete"))
    message = find(work, QLabel, "work_message")
    assert not message.isHidden() and "customer's answer" in message.text()
    assert queries.order(db, oid)["state"] == "in_progress"

    # contacted by phone, approved, printed, handed to the supervisor
    items = find(extra, QListWidget, "extra_items")
    pick_item(qtbot, items, 0)
    pick_channel(qtbot, find(extra, QComboBox, "extra_channel"), "phone")
    click(qtbot, find(extra, QPushButton, "extra_contact"))
    assert extra_work_queries.extra_item(db, first["id"])["channel"] == "phone"
    click(qtbot, find(extra, QPushButton, "extra_approve"))
    assert error_of(extra, "authorised_by")
    type_text(qtbot, find(extra, QLineEdit, "extra_authorised_by"), "张伟")
    click(qtbot, find(extra, QPushButton, "extra_approve"))
    first = extra_work_queries.extra_item(db, first["id"])
    assert (first["state"], first["authorised_by_name"]) == ("approved", "张伟")
    promised = parse(queries.order(db, oid)["promised_at"])
    assert promised == promised_signed + dt.timedelta(minutes=60)
    assert "Approved" in items.item(0).text()

    click(qtbot, find(extra, QPushButton, "extra_print"))
    assert find(extra, QLabel, "extra_answer_message").isHidden()
    assert len(pdf_printer) == 1 and pdf_printer[0].exists()
    assert pdf_printer[0].read_bytes().startswith(b"%PDF")
    assert [p["form_kind"] for p in queries.print_log(db, oid)] == ["supplementary"]
    text = flat("".join(pdf_pages(extra.printing.render("supplementary", oid)[0])))
    assert "追加维修单" in text and "更换前刹车盘" in text and "¥560.00" in text

    click(qtbot, find(extra, QPushButton, "extra_handover"))
    first = extra_work_queries.extra_item(db, first["id"])
    assert first["handed_to_supervisor_at"] == iso(NOW)
    assert not find(extra, QPushButton, "extra_handover").isEnabled()

    # --- additional work 2: contacted on WeChat and declined; the workshop is told
    report_item(qtbot, extra, "赵师傅", "更换空调滤芯", "0.5", "", 20)
    second = extra_work_queries.extra_of_order(db, oid)[1]
    assert items.currentRow() == 1
    pick_channel(qtbot, find(extra, QComboBox, "extra_channel"), "wechat")
    click(qtbot, find(extra, QPushButton, "extra_contact"))
    type_text(qtbot, find(extra, QLineEdit, "extra_authorised_by"), "张伟")
    click(qtbot, find(extra, QPushButton, "extra_decline"))
    assert error_of(extra, "workshop_told_name")
    assert find(extra, QLineEdit, "extra_authorised_by").text() == "张伟"
    type_text(qtbot, find(extra, QLineEdit, "extra_told_name"), "赵师傅")
    click(qtbot, find(extra, QPushButton, "extra_decline"))
    second = extra_work_queries.extra_item(db, second["id"])
    assert (second["state"], second["channel"]) == ("declined", "wechat")
    assert (second["workshop_told_name"], second["workshop_told_at"]) == ("赵师傅", iso(NOW))
    assert parse(queries.order(db, oid)["promised_at"]) == promised  # no delay added

    # --- the progress check falls due: raised once on the line at the top
    due = workshop.check_due_at(workshop_queries.handoff(db, oid), workshop.open_hours(db))
    later = due + dt.timedelta(minutes=5)
    alert = find(desk, QLabel, "workshop_alert")
    desk.refresh()
    assert alert.isHidden()
    window.session.ctx.clock = fixed_clock(later)
    desk.refresh()
    assert not alert.isHidden()
    assert "Progress check due" in alert.text()
    assert queries.order(db, oid)["number"] in alert.text()
    assert desk.queue_model.rows[0]["check_due"]
    check = workshop_queries.progress_check(db, oid)
    assert check["raised_at"] == iso(later) and check["checked_at"] is None
    desk.refresh()
    desk.refresh()
    assert alert.text().count("Progress check due") == 1
    click(qtbot, find(desk, QPushButton, "workshop_alert_close"))
    assert alert.isHidden()
    desk.refresh()
    assert alert.isHidden()  # not raised again

    # a problem and its action, the promise moved and the customer told by phone
    progress = work.progress
    assert "Due now" in find(progress, QLabel, "progress_due").text()
    type_text(qtbot, find(progress, QLineEdit, "progress_problem"), "刹车卡钳螺栓锈死")
    click(qtbot, find(progress, QCheckBox, "progress_move"))
    new_promise = (later + dt.timedelta(hours=2)).replace(second=0, microsecond=0)
    find(progress, QWidget, "progress_promise").setDateTime(
        QDateTime(new_promise.replace(tzinfo=None))
    )
    click(qtbot, find(progress, QPushButton, "progress_record"))
    assert error_of(progress, "action")
    assert find(progress, QLineEdit, "progress_problem").text() == "刹车卡钳螺栓锈死"
    type_text(qtbot, find(progress, QLineEdit, "progress_action"), "加热后拆卸，已订新螺栓")
    pick_channel(qtbot, find(progress, QComboBox, "progress_channel"), "phone")
    click(qtbot, find(progress, QPushButton, "progress_record"))
    check = workshop_queries.progress_check(db, oid)
    assert check["checked_at"] == iso(later)
    assert (check["problem"], check["action"]) == ("刹车卡钳螺栓锈死", "加热后拆卸，已订新螺栓")
    assert check["promise_moved_to"] == iso(new_promise)
    assert check["customer_contact_channel"] == "phone"
    order = queries.order(db, oid)
    assert order["promised_at"] == iso(new_promise)
    assert order["promised_original_at"] == iso(promised_signed)
    assert not find(progress, QPushButton, "progress_record").isEnabled()
    assert not desk.queue_model.rows[0]["check_due"]

    # --- work completed: the ready-for-pickup checklist
    click(qtbot, find(work, QPushButton, "work_complete"))
    assert queries.order(db, oid)["state"] == "completed"
    ready = desk.ready
    assert desk.pages.currentWidget() is ready
    type_text(qtbot, find(ready, QLineEdit, "ready_total"), "1,280.50")
    click(qtbot, find(ready, QPushButton, "ready_submit"))
    assert error_of(ready, "wash") and error_of(ready, "bills_collected")
    assert find(ready, QLineEdit, "ready_total").text() == "1,280.50"
    assert queries.order(db, oid)["state"] == "completed"
    for name in ("wash", "interior", "exterior", "belongings", "bills"):
        click(qtbot, find(ready, QCheckBox, f"ready_{name}"))
    pick_channel(qtbot, find(ready, QComboBox, "ready_channel"), "sms")
    qtbot.keyClick(
        find(ready, QLineEdit, "ready_total"),
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    done = workshop_queries.pickup_ready(db, oid)
    assert done is not None
    assert (done["total_fen"], done["notified_channel"]) == (128050, "sms")
    assert all(done[k] == 1 for k in ("wash", "interior", "exterior", "belongings_back"))
    assert queries.order(db, oid)["state"] == "ready"
    assert board_numbers(window, "ready") == [number]
    assert board_numbers(window, "answers") == []
    assert desk.queue_model.rows == []
    assert desk.pages.currentWidget() is desk.empty


def test_a_future_handover_time_is_refused_under_its_field(qtbot, desk):
    """A refused hand-off time stays on the form; the message is under the field."""
    form = desk.handoff
    moment = find(form, QWidget, "handoff_at")
    moment.setDateTime(QDateTime((NOW + dt.timedelta(hours=1)).replace(tzinfo=None)))
    type_text(qtbot, find(form, QLineEdit, "handoff_receiver"), "赵师傅")
    type_text(qtbot, find(form, QLineEdit, "handoff_team"), "机修一组")
    click(qtbot, find(form, QPushButton, "handoff_submit"))
    assert "future" in error_of(form, "handed_at")
    assert find(form, QLineEdit, "handoff_receiver").text() == "赵师傅"
