"""The Today board (今日看板) over the demo dealership late in the day: a column of cards
for each part of the counter's day, matching the database; a click makes the order
current and the other desks follow."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from service_desk.actions import workshop
from service_desk.demo import fill_demo
from service_desk.domain.clock import fixed_clock
from service_desk.store import key_queries, queries
from service_desk.ui.main_window import MainWindow
from service_desk.ui.session import Session
from service_desk.ui.today_cards import OVERDUE

LATE = dt.datetime(2026, 11, 27, 17, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
NOW = LATE + dt.timedelta(minutes=15)


@pytest.fixture
def board_window(qtbot, db, db_path):
    fill_demo(db, LATE)
    session = Session(db, fixed_clock(NOW), db_path)
    session.set_user(queries.one(db, "SELECT id FROM staff WHERE name = '王芳'", [])["id"])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def numbers(column) -> list[str]:
    return [card.data.number for card in column.cards]


def column_numbers(db, sql: str) -> list[str]:
    return [r[0] for r in db.execute(sql).fetchall()]


def test_board_shows_the_day_as_cards_matching_the_database(qtbot, board_window):
    window = board_window
    board = window.today
    db = window.session.db
    assert window.tabs.currentWidget() is board  # the first tab
    cols = board.columns

    in_workshop = column_numbers(
        db, "SELECT number FROM repair_orders WHERE state IN ('handed_off', 'in_progress')"
    )
    assert in_workshop and sorted(numbers(cols["workshop"])) == sorted(in_workshop)
    for card in cols["workshop"].cards:
        promised = queries.order_by_number(db, card.data.number)["promised_at"]
        late = promised is not None and dt.datetime.fromisoformat(promised) < NOW
        assert (card.data.colour == OVERDUE) == late
        assert (card.data.word == "Overdue") == late
        assert card.data.plate and card.data.customer and card.data.fact

    due = workshop.progress_checks_due(db, NOW, workshop.open_hours(db))
    assert due and sorted(numbers(cols["checks"])) == sorted(r["number"] for r in due)

    answers = column_numbers(
        db,
        "SELECT o.number FROM extra_work x JOIN repair_orders o ON o.id = x.order_id "
        "WHERE x.state IN ('reported', 'customer_contacted')",
    )
    assert len(answers) == 2 and sorted(numbers(cols["answers"])) == sorted(answers)
    words = {card.data.word for card in cols["answers"].cards}
    assert words == {"Call the customer", "Awaiting answer"}

    ready = column_numbers(db, "SELECT number FROM repair_orders WHERE state = 'ready'")
    assert ready and sorted(numbers(cols["ready"])) == sorted(ready)
    assert all(c.data.word == "Ready for pickup" for c in cols["ready"].cards)

    out = key_queries.keys_out(db)
    assert out and numbers(cols["keys"]) == [k["number"] for k in out]

    waiting = column_numbers(
        db,
        "SELECT number FROM repair_orders "
        "WHERE state IN ('reception', 'diagnosis', 'estimate', 'signed')",
    )
    assert waiting and sorted(numbers(cols["reception"])) == sorted(waiting)
    for column in cols.values():
        assert column.cards and not column.empty.isVisibleTo(board)
        assert f"({len(column.cards)})" in column.title.text()

    # a click on a card makes its order current; the reception desk follows
    card = cols["ready"].cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.session.current_order_id == card.data.order_id


def test_empty_board_says_what_to_do(window):
    board = window.today
    for column in board.columns.values():
        assert column.cards == []
        assert column.empty.isVisibleTo(board) and column.empty.text()
    assert "Nothing waiting" in board.columns["reception"].empty.text()


def test_board_follows_changes_and_the_clock(qtbot, board_window):
    board = board_window.today
    session = board_window.session
    before = len(board.columns["workshop"].cards)
    assert board.timer.isActive() and board.timer.interval() == 60_000
    # later in the evening every car in the workshop is overdue after the next tick
    session.ctx.clock = fixed_clock(NOW + dt.timedelta(days=3))
    board.timer.timeout.emit()
    cards = board.columns["workshop"].cards
    assert len(cards) == before
    assert all(c.data.word == "Overdue" for c in cards if c.data.fact)
    session.notify("orders")
    assert len(board.columns["workshop"].cards) == before


def test_a_card_paints_its_plate_status_and_fact_and_grows_when_the_fact_wraps(qtbot):
    from PySide6.QtGui import QColor

    from service_desk.ui.today_cards import WORKSHOP, Card, CardData

    fact = "承诺 18:50，还剩 1 小时 20 分 · 机修二组"
    card = Card(CardData(7, "皖B91088", "高明波", "WX202610310085", "维修中", WORKSHOP, fact))
    qtbot.addWidget(card)
    assert card.accessibleName() == f"皖B91088 维修中 高明波 · WX202610310085 {fact}"
    assert card.heightForWidth(160) > card.heightForWidth(400)  # the fact wraps
    card.resize(400, card.heightForWidth(400))
    card.show()
    qtbot.waitExposed(card)
    image = card.grab().toImage()
    colours_seen = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert WORKSHOP in colours_seen  # the bar and the status chip
    top, fact_top = 5, image.height() - 20
    ink = [  # dark text on the white card: the plate and the customer line
        (x, y)
        for x in range(12, 150)
        for y in range(top, fact_top)
        if QColor(image.pixel(x, y)).lightness() < 90
    ]
    assert len(ink) > 50
