"""The Today board (今日看板): the counter's day as columns of cards.

In the workshop (time left to the promise, red "Overdue" when past it) · Checks due
(progress checks due now) · Waiting for the customer's answer (extra work) · Ready,
not collected · Keys out · Waiting at reception / check-in. Clicking a card makes its
order current, and the other desks follow. The board refreshes when the data changes
and once a minute (times left and waited move with the clock). Expected arrivals need
appointments, which do not exist yet, so there is no such column.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from service_desk.actions import progress_checks
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.store import key_queries, today_queries
from service_desk.store.queries import Row
from service_desk.ui import key_messages, labels
from service_desk.ui.session import Session
from service_desk.ui.today_cards import (
    OVERDUE,
    READY,
    WAITING,
    WORKSHOP,
    CardData,
    Column,
    _t,
    clock_time,
    duration,
    minutes_between,
)
from service_desk.ui.when_shown import WhenShown

REFRESH_MS = 60_000


def _card(r: Row, word: str, colour: str, fact: str) -> CardData:
    return CardData(
        order_id=r["order_id"],
        plate=r["plate"] or "",
        customer=r["customer_name"] or "",
        number=r["number"] or "",
        word=word,
        colour=colour,
        fact=fact,
    )


def workshop_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    cards = []
    for r in rows:
        who = r["team"] or r["receiver_name"] or r["technician"] or ""
        if not r["promised_at"]:
            fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "No promised time"))
            word, colour = labels.state(r["state"]), WORKSHOP
        else:
            left = minutes_between(now, parse(r["promised_at"]))
            at = clock_time(r["promised_at"], now)
            if left < 0:
                word, colour = _t(QT_TRANSLATE_NOOP("TodayBoard", "Overdue")), OVERDUE
                fact = _t(
                    QT_TRANSLATE_NOOP("TodayBoard", "Promised {at}, overdue by {late}")
                ).format(at=at, late=duration(-left))
            else:
                word, colour = labels.state(r["state"]), WORKSHOP
                fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "Promised {at}, {left} left")).format(
                    at=at, left=duration(left)
                )
        if who:
            fact = f"{fact} · {who}"
        cards.append(_card(r, word, colour, fact))
    return cards


def check_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    word = _t(QT_TRANSLATE_NOOP("TodayBoard", "Check due"))
    cards = []
    for r in rows:
        fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "Ask {who}: due since {at}")).format(
            who=r["team"] or r["receiver_name"], at=clock_time(r["due_at"], now)
        )
        cards.append(_card(r, word, WAITING, fact))
    return cards


def answer_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    cards = []
    for r in rows:
        if r["extra_state"] == "reported":
            word = _t(QT_TRANSLATE_NOOP("TodayBoard", "Call the customer"))
            since = r["reported_at"]
        else:
            word = _t(QT_TRANSLATE_NOOP("TodayBoard", "Awaiting answer"))
            since = r["contacted_at"] or r["reported_at"]
        fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "{what} ({amount}), waiting {waited}")).format(
            what=r["description"],
            amount=format_yuan(r["amount_fen"]),
            waited=duration(minutes_between(parse(since), now)),
        )
        cards.append(_card(r, word, WAITING, fact))
    return cards


def ready_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    word = labels.state("ready")
    return [
        _card(
            r,
            word,
            READY,
            _t(QT_TRANSLATE_NOOP("TodayBoard", "Ready for {waited}, customer told")).format(
                waited=duration(minutes_between(parse(r["ready_since"]), now))
            ),
        )
        for r in rows
    ]


def key_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    word = _t(QT_TRANSLATE_NOOP("TodayBoard", "Key out"))
    cards = []
    for r in rows:
        fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "{kind} with {holder} for {waited}")).format(
            kind=key_messages.kind_name(r["kind"]),
            holder=r["holder"],
            waited=duration(minutes_between(parse(r["out_since"]), now)),
        )
        cards.append(_card(r, word, WAITING, fact))
    return cards


def reception_cards(rows: list[Row], now: dt.datetime) -> list[CardData]:
    cards = []
    for r in rows:
        fact = _t(QT_TRANSLATE_NOOP("TodayBoard", "Waiting {waited}")).format(
            waited=duration(minutes_between(parse(r["updated_at"]), now))
        )
        cards.append(_card(r, labels.state(r["state"]), WAITING, fact))
    return cards


class TodayBoard(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="today_summary")
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        nothing = _t(QT_TRANSLATE_NOOP("TodayBoard", "Nothing waiting"))
        self.columns = {
            "workshop": Column(
                "workshop",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "In the workshop")),
                _t(
                    QT_TRANSLATE_NOOP(
                        "TodayBoard", "No car in the workshop — hand off checked-in cars"
                    )
                ),
            ),
            "checks": Column(
                "checks",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Checks due")),
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Nothing waiting — no progress check due")),
            ),
            "answers": Column(
                "answers",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Waiting for the customer's answer")),
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Nothing waiting — no extra work open")),
            ),
            "ready": Column(
                "ready",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Ready, not collected")),
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Nothing waiting — no car ready for pickup")),
            ),
            "keys": Column(
                "keys",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Keys out")),
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Every key is in the cabinet")),
            ),
            "reception": Column(
                "reception",
                _t(QT_TRANSLATE_NOOP("TodayBoard", "Waiting at reception / check-in")),
                nothing + " — " + _t(QT_TRANSLATE_NOOP("TodayBoard", "F3 registers a walk-in")),
            ),
        }
        for column in self.columns.values():
            column.picked.connect(self.session.set_current_order)
            row.addWidget(column, 1)
        # behind another desk, the day is read again when the board is next shown
        self.when_shown = WhenShown(self)
        refresh_when_shown = self.when_shown.wrap(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(refresh_when_shown)
        self.timer.start()
        session.changed.connect(refresh_when_shown)
        refresh_when_shown()  # read when first shown

    def refresh(self, _kinds: object = None) -> None:
        db = self.session.db
        now = self.session.ctx.clock()
        due = progress_checks.progress_checks_due(db, now, progress_checks.open_hours(db))
        content = {
            "workshop": workshop_cards(today_queries.in_workshop(db), now),
            "checks": check_cards(due, now),
            "answers": answer_cards(today_queries.waiting_for_answer(db), now),
            "ready": ready_cards(today_queries.ready_not_collected(db), now),
            "keys": key_cards(key_queries.keys_out(db), now),
            "reception": reception_cards(today_queries.at_reception(db), now),
        }
        for name, cards in content.items():
            self.columns[name].set_cards(cards)
        overdue = sum(c.colour == OVERDUE for c in content["workshop"])
        self.summary.setText(
            _t(
                QT_TRANSLATE_NOOP(
                    "TodayBoard", "{date} {time} — {workshop} in the workshop, {overdue} overdue"
                )
            ).format(
                date=now.strftime("%Y-%m-%d"),
                time=now.strftime("%H:%M"),
                workshop=len(content["workshop"]),
                overdue=overdue,
            )
        )
