"""The appointment statistics table (预约统计表) from the appointments desk, driven like a
user: open it, read this month's figures, pick a period the wrong way round (refused under
the field, nothing printed), go back to the month, print it and read what was printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton

from service_desk.ui.appointment_stats_dialog import AppointmentStatsDialog
from tests.actions.test_appointment_stats import period  # noqa: F401  (the fixture)
from tests.printing.conftest import flat, pdf_pages
from tests.ui.test_appointments_desk import desk  # noqa: F401  (the fixture)
from tests.ui.test_inspection_desk import click, error_of, find


def test_read_refuse_and_print_the_statistics(qtbot, ctx, session, desk, period, printed):  # noqa: F811
    session.ctx.clock = ctx.clock  # the clock after the day's arrivals and misses
    click(qtbot, find(desk, QPushButton, "appointments_stats"))
    dialog = desk.findChild(AppointmentStatsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.period()[0].isoformat() == "2026-11-01"
    summary = find(dialog, QLabel, "stats_summary").text()
    assert "4 appointments: 1 kept, 1 missed, 1 cancelled, 1 still to come" in summary
    assert "50.0%" in summary
    names = [r["name"] for r in dialog.model.rows]
    assert names[:3] == ["2026-11-27", "2026-11-28", "Total"]
    assert {"Customer asked", "Dealer proposed", "王芳", "李强"} <= set(names)
    # the first day typed after the last: refused under the field, no figures
    first = find(dialog, QDateEdit, "stats_first")
    first.setFocus()
    first.setCurrentSection(QDateEdit.Section.MonthSection)
    qtbot.keyClick(first, Qt.Key.Key_Up)  # 2026-12-01
    assert "on or after the first" in error_of(dialog, "last")
    assert dialog.model.rows == []
    click(qtbot, find(dialog, QPushButton, "stats_print"))
    assert printed == []
    # back to this month; print
    click(qtbot, find(dialog, QPushButton, "stats_this_month"))
    assert error_of(dialog, "last") == ""
    click(qtbot, find(dialog, QPushButton, "stats_print"))
    [pdf] = printed
    text = flat(pdf_pages(pdf)[0])
    assert "预约统计表" in text and "王芳" in text and "50.0%" in text
    logged = ctx.db.execute(
        "SELECT order_id, copy_no FROM print_log WHERE form_kind = 'appointment_stats'"
    ).fetchall()
    assert logged == [(None, 0)]
