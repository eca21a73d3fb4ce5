"""The pieces of the Today board: a small framed card per order and a column of cards.

A card shows the plate, the customer, the order number, a status word on its colour
(never colour alone) and the one fact that matters in its column. Clicking it emits
`picked(order_id)`. A column is a title with its count over a scroll area of cards, or
a line saying what to do when it is empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.clock import parse
from service_desk.ui import colours

# Status colours mean the same everywhere (UI.md, ui/colours.py)
WAITING = colours.WAITING
OVERDUE = colours.OVERDUE
WORKSHOP = colours.WORKSHOP
READY = colours.READY
DONE = colours.DONE


def tinted(widget: QWidget, text: str, background: str | None = None) -> None:
    """A widget's text (and background) colour through its palette, not a style sheet: a
    style sheet is matched against every widget under it, and a board of cards made
    that way took a good part of a second to show."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    if background is not None:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        widget.setAutoFillBackground(True)
    widget.setPalette(palette)


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


class Card(QWidget):
    """One order, painted: no child widgets. A board of 28 cards made of labels and
    layouts was ~140 widgets to create, polish and lay out at every start; painted, a
    card is one widget whose height follows its width (the fact wraps)."""

    picked = Signal(int)
    MARGINS = (10, 5, 6, 5)  # left (after the colour bar), top, right, bottom
    GAP = 1  # between lines
    CHIP_PAD = 5  # left and right of the status word on its colour

    def __init__(self, data: CardData, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setObjectName("today_card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to a card, Enter picks it
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.who = f"{data.customer} · {data.number}"
        self.setAccessibleName(f"{data.plate} {data.word} {self.who} {data.fact}".strip())
        self.setToolTip(
            _t(QT_TRANSLATE_NOOP("TodayBoard", "Click (or Enter) to make this order current"))
        )

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _fact_rect(self, width: int) -> QRect:
        left, _top, right, _bottom = self.MARGINS
        bounds = QRect(0, 0, max(1, width - left - right), 100_000)
        return self.fontMetrics().boundingRect(bounds, Qt.TextFlag.TextWordWrap, self.data.fact)

    def _top_height(self) -> int:
        return max(QFontMetrics(self._bold()).height(), self.fontMetrics().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _left, top, _right, bottom = self.MARGINS
        height = top + self._top_height() + self.GAP + self.fontMetrics().height() + bottom
        if self.data.fact:
            height += self.GAP + self._fact_rect(width).height()
        return height

    def sizeHint(self) -> QSize:
        return QSize(180, self.heightForWidth(180))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(120))

    def paintEvent(self, event: QPaintEvent) -> None:
        """A white card with a thin border (black and thicker when it has the focus), a bar
        of its status colour on the left, the plate and the status word on its colour,
        the customer and order number, then the fact in the status colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        width = 2 if focused else 1
        painter.setPen(QPen(QColor(colours.SELECTED if focused else colours.BORDER), width))
        painter.setBrush(QColor(colours.CARD))
        edge = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(edge, edge, -edge, -edge), 3, 3)
        painter.fillRect(QRectF(0, 0, 4, self.height()), QColor(self.data.colour))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        left, top, right, _bottom = self.MARGINS
        inner = self.width() - left - right
        metrics = self.fontMetrics()
        line = self._top_height()
        # the status word on its colour, right-aligned on the first line
        chip_width = metrics.horizontalAdvance(self.data.word) + 2 * self.CHIP_PAD
        chip = QRect(left + inner - chip_width, top, chip_width, line)
        painter.fillRect(chip, QColor(self.data.colour))
        painter.setPen(QColor(colours.ON_STATUS))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, self.data.word)
        # the plate in bold before it
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        bold = self._bold()
        painter.setFont(bold)
        plate_room = max(0, chip.left() - left - 4)
        plate = QFontMetrics(bold).elidedText(
            self.data.plate, Qt.TextElideMode.ElideRight, plate_room
        )
        painter.drawText(QRect(left, top, plate_room, line), Qt.AlignmentFlag.AlignVCenter, plate)
        painter.setFont(self.font())
        y = top + line + self.GAP
        who = metrics.elidedText(self.who, Qt.TextElideMode.ElideRight, inner)
        painter.drawText(
            QRect(left, y, inner, metrics.height()), Qt.AlignmentFlag.AlignVCenter, who
        )
        if self.data.fact:
            y += metrics.height() + self.GAP
            painter.setPen(QColor(self.data.colour))
            fact = self._fact_rect(self.width()).translated(left, y)
            painter.drawText(fact, Qt.TextFlag.TextWordWrap, self.data.fact)

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


SHOWN = 12  # cards of a column shown before "show all"


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
        self.empty.setContentsMargins(6, 6, 6, 6)
        tinted(self.empty, colours.FAINT)
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
        self.more = QPushButton(objectName=f"today_more_{name}")
        self.more.setFlat(True)
        palette = self.more.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(colours.ACCENT))
        self.more.setPalette(palette)
        self.more.clicked.connect(self.show_all)
        self.cards_layout.insertWidget(0, self.more)
        layout.addWidget(self.scroll, 1)
        self.cards: list[Card] = []  # the cards shown, most urgent first
        self.all: list[CardData] = []
        self.expanded = False
        self.set_cards([])

    def set_cards(self, cards: list[CardData]) -> None:
        """The column's orders; the first SHOWN of a long column, the rest on request (a
        column of a hundred cards is not read, and its widgets cost a second to make)."""
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self.all = cards
        shown = cards if self.expanded else cards[:SHOWN]
        for data in shown:
            card = Card(data)
            card.picked.connect(self.picked)
            self.cards_layout.insertWidget(self.cards_layout.count() - 2, card)
            self.cards.append(card)
        hidden = len(cards) - len(shown)
        self.more.setText(
            _t(QT_TRANSLATE_NOOP("TodayBoard", "Show all {n} (+{hidden} more)")).format(
                n=len(cards), hidden=hidden
            )
        )
        self.more.setVisible(hidden > 0)
        self.title.setText(f"<b>{self.title_text}</b> ({len(cards)})")
        self.empty.setVisible(not cards)
        self.scroll.setVisible(bool(cards))

    def show_all(self) -> None:
        self.expanded = True
        self.set_cards(self.all)
