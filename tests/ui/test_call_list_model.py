"""The call list's model (ui/call_list_model.py): thousands of lines reach the view a batch
at a time, and the texts of a line (why to call, last contact) are made only when the
view shows it, not for the whole list up front."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from service_desk.domain import next_service as ns
from service_desk.ui import call_list_model
from service_desk.ui.call_list_model import WHY_COLUMN, CallModel
from service_desk.ui.views import queue_table
from tests.conftest import NOW
from tests.domain.test_call_list import TODAY, due, line


def lines(count: int):
    found = []
    for n in range(1, count + 1):
        the_due = due(TODAY - dt.timedelta(days=1 + n % 300))
        found.append(line(n, ns.reasons(the_due, [], TODAY), the_due))
    return found


def test_texts_are_made_for_the_rows_shown_only(qtbot, monkeypatch):
    made = []
    why = call_list_model.why_text
    monkeypatch.setattr(call_list_model, "why_text", lambda x, now: made.append(x) or why(x, now))
    model = CallModel()
    view = queue_table(model, "call_list")
    qtbot.addWidget(view)
    view.resize(900, 400)
    model.set_lines(lines(2500), NOW)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == model.BATCH < 2500  # a batch reaches the view
    assert 0 < len(made) <= model.BATCH  # texts of the rows the view measured or painted
    assert len({x.vehicle_id for x in made}) == len(made)  # each made once, then kept
    first = model.index(0, WHY_COLUMN).data()
    assert first.startswith("Service overdue since 2026-11-25")
    assert "about 18,000 km now, due at 20,000 km" in first
    count = len(made)
    view.scrollToBottom()  # the next batch, as the user scrolls
    qtbot.waitUntil(lambda: model.rowCount() > model.BATCH and len(made) > count)
    assert len(made) <= model.rowCount() < 2500
    # a fresh list forgets the texts of the old one
    model.set_lines(lines(3), NOW)
    assert model.rowCount() == 3 and model.index(2, 0).data() == "皖B00003"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1
    colour = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == "#c62828"  # overdue: red
