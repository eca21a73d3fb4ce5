"""The pieces of the Today board: a small framed card per order and a column of cards.

A card shows the plate, the customer, the order number, a status word on its colour
(never colour alone) and the one fact that matters in its column. Clicking it emits
`picked(order_id)`. A column is a title with its count over a scroll area of cards, or
a line saying what to do when it is empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from service_desk.domain.clock import parse
from service_desk.ui import colours

# Status colours mean the same everywhere (UI.md, ui/colours.py)
WAITING = colours.WAITING
OVERDUE = colours.OVERDUE
WORKSHOP = colours.WORKSHOP
READY = colours.READY
DONE = colours.DONE


def _t(text: str) -> str:
    return QCoreApplication.translate("TodayBoard", text)


def duration(minutes: int) -> str:
    minutes = max(0, minutes)
    if minutes < 60:
        return _t(QT_TRANSLATE_NOOP("TodayBoard", "{n} min")).format(n=minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return _t(QT_TRANSLATE_NOOP("TodayBoard", "{h} h {m} min")).format(h=hours, m=rest)
    return _t(QT_TRANSLATE_NOOP("TodayBoard", "{n} days")).format(n=hours // 24)


def minutes_between(earlier: dt.datetime, later: dt.datetime) -> int:
    return int((later - earlier).total_seconds() // 60)


def clock_time(at: str, now: dt.datetime) -> str:
    """10:30 today, 11-26 10:30 another day (in the counter's time zone)."""
    local = parse(at).astimezone(now.tzinfo)
    return local.strftime("%H:%M") if local.date() == now.date() else local.strftime("%m-%d %H:%M")


@dataclass(frozen=True)
class CardData:
    order_id: int
    plate: str
    customer: str
    number: str
    word: str
    colour: str
    fact: str


class Card(QFrame):
    picked = Signal(int)

    def __init__(self, data: CardData, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setObjectName("today_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to a card, Enter picks it
        self.setStyleSheet(
            f"#today_card {{ background: {colours.CARD}; border: 1px solid {colours.BORDER}; "
            f"border-left: 4px solid {data.colour}; border-radius: 3px; }}"
            f"#today_card:focus {{ border: 2px solid {colours.SELECTED}; "
            f"border-left: 4px solid {data.colour}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(1)
        top = QHBoxLayout()
        self.plate = QLabel(f"<b>{data.plate}</b>")
        top.addWidget(self.plate)
        top.addStretch(1)
        self.status = QLabel(data.word, objectName="today_card_status")
        self.status.setStyleSheet(colours.chip_style(data.colour))
        top.addWidget(self.status)
        layout.addLayout(top)
        self.who = QLabel(f"{data.customer} · {data.number}")
        layout.addWidget(self.who)
        self.fact = QLabel(data.fact, objectName="today_card_fact")
        self.fact.setWordWrap(True)
        self.fact.setStyleSheet(f"color: {data.colour};")
        layout.addWidget(self.fact)
        self.setToolTip(
            _t(QT_TRANSLATE_NOOP("TodayBoard", "Click (or Enter) to make this order current"))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self.data.order_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.picked.emit(self.data.order_id)
            event.accept()
            return
        super().mousePressEvent(event)


class Column(QFrame):
    """One column of the board: title and count, cards, or what to do when empty."""

    picked = Signal(int)

    def __init__(self, name: str, title: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"today_column_{name}")
        self.title_text = title
        self.setMinimumWidth(150)  # six columns fit 1280 px (1920 × 1080 at 150 %)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.empty = QLabel(empty, objectName="today_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {colours.FAINT}; padding: 6px;")
        layout.addWidget(self.empty)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self.cards_layout = QVBoxLayout(holder)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(4)
        self.cards_layout.addStretch(1)
        self.scroll.setWidget(holder)
        layout.addWidget(self.scroll, 1)
        self.cards: list[Card] = []
        self.set_cards([])

    def set_cards(self, cards: list[CardData]) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for data in cards:
            card = Card(data)
            card.picked.connect(self.picked)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
        self.title.setText(f"<b>{self.title_text}</b> ({len(cards)})")
        self.empty.setVisible(not cards)
        self.scroll.setVisible(bool(cards))
