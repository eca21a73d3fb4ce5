"""The alert over every desk when a complaint misses its reply-by time: it appears when
the time passes (whatever desk is open), names the complaint and whom it went to, opens
it at the care desk, and once dismissed stays away until another one is late."""

from __future__ import annotations

import datetime as dt

from service_desk.actions import care
from service_desk.domain.clock import fixed_clock
from tests.conftest import NOW
from tests.ui.test_inspection_desk import click


def late_by(window, minutes: int, reply_by: dt.datetime) -> None:
    window.session.ctx.clock = fixed_clock(reply_by + dt.timedelta(minutes=minutes))
    window.customer_care.care.refresh()  # the care desk's minute timer: escalates
    window.complaint_banner.refresh()  # the banner's minute timer


def test_a_late_complaint_raises_the_banner_and_opens(qtbot, ctx, order_id, window):
    banner = window.complaint_banner
    assert not banner.isVisible()
    customer = ctx.db.execute("SELECT customer_id FROM repair_orders WHERE id = ?", [order_id])
    customer_id = customer.fetchone()[0]
    reply_by = NOW + dt.timedelta(hours=2)
    first = care.open_complaint(ctx, customer_id, "结算价格不对", "phone", reply_by=reply_by)
    window.session.notify("care")
    assert not banner.isVisible()  # promised, not late
    window.tabs.setCurrentWidget(window.checkout)
    late_by(window, 0, reply_by)
    assert not banner.isVisible()  # at the time itself: not late yet
    late_by(window, 25, reply_by)
    assert banner.isVisible()
    text = banner.text.text()
    assert f"Complaint no. {first} of 张伟" in text and "Overdue by 25 min" in text
    assert "陈主管" in text  # escalated to the supervisor on duty
    click(qtbot, banner.open_button)
    assert window.tabs.currentWidget() is window.customer_care
    assert window.customer_care.care.complaint.complaint_id == first
    # dismissed: gone, and stays gone while nothing new is late
    click(qtbot, banner.close_button)
    assert not banner.isVisible()
    late_by(window, 40, reply_by)
    assert not banner.isVisible()
    # a second late complaint brings it back, counting both
    second_by = window.session.ctx.clock() + dt.timedelta(minutes=30)
    window.session.ctx.clock = fixed_clock(NOW + dt.timedelta(hours=2, minutes=40))
    care.open_complaint(
        window.session.ctx, customer_id, "洗车没洗干净", "in_person", reply_by=second_by
    )
    late_by(window, 1, second_by)
    assert banner.isVisible() and "2 complaints past their reply-by time" in banner.text.text()
    # answered: the banner goes
    for cid in (first, care.open_complaints(ctx.db, window.session.ctx.clock())[1]["id"]):
        care.answer_complaint(window.session.ctx, cid, "已回复客户", *supervisor(ctx))
    window.session.notify("care")
    assert not banner.isVisible()


def supervisor(ctx) -> tuple[int, str]:
    sid = ctx.db.execute("SELECT id FROM staff WHERE role = 'supervisor'").fetchone()[0]
    return sid, "2468"


def test_a_complaint_late_before_the_start_shows_once_the_window_has_painted(
    qtbot, ctx, order_id, session
):
    from service_desk.ui.main_window import MainWindow

    customer = ctx.db.execute("SELECT customer_id FROM repair_orders WHERE id = ?", [order_id])
    reply_by = NOW + dt.timedelta(hours=1)
    care.open_complaint(ctx, customer.fetchone()[0], "结算价格不对", "phone", reply_by=reply_by)
    session.ctx.clock = fixed_clock(reply_by + dt.timedelta(hours=1))  # late by an hour
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert not window.complaint_banner.isVisibleTo(window)  # not read before the paint
    window.show()
    qtbot.waitUntil(window.complaint_banner.isVisible)
    assert "张伟" in window.complaint_banner.text.text()
