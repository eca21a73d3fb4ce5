"""Small charts drawn with QPainter (no Qt Charts): horizontal bars with an optional
previous-period series, a daily line with an optional dashed previous line, a pie with a
legend and percentages.

Each chart keeps what it was given (``labels``/``values``/``previous``, ``points``,
``slices``) so tests read what is drawn, draws in device-independent coordinates with
antialiasing (crisp at any scale factor), takes its fonts from the widget (Chinese renders
through the system font) and says so when there is nothing to draw.

Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies; the
previous period is also told apart by more than colour (a dashed line, its own legend
entry, always the lower bar of a pair).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from service_desk.ui import colours

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any common deficiency.
BLUE = colours.CHART_BLUE
ORANGE = colours.CHART_ORANGE
GREEN = colours.CHART_GREEN
PURPLE = colours.CHART_PURPLE
SKY = colours.CHART_SKY
VERMILION = colours.CHART_VERMILION
YELLOW = colours.CHART_YELLOW
GREY = colours.CHART_GREY
CURRENT = BLUE  # this period, everywhere
PREVIOUS = ORANGE  # the previous period, everywhere
SLICES = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION, YELLOW)  # then "other" in GREY

PAD = 8.0  # between the frame and the drawing
GAP = 6.0  # between parts of the drawing


def _t(text: str) -> str:
    # one context for the base class and its subclasses (self.tr would take the subclass)
    return QCoreApplication.translate("Charts", text)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    return small


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def nice_step(top: float, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving about ``ticks`` intervals up to ``top``."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def percent(value: int, total: int) -> str:
    return f"{value * 100 / total:.1f}%" if total else "—"


class Chart(QWidget):
    """The frame every chart shares: a title, the drawing, or the empty-state text."""

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.empty_text = _t(QT_TRANSLATE_NOOP("Charts", "No data for this period"))
        self.series_names = (
            _t(QT_TRANSLATE_NOOP("Charts", "This period")),
            _t(QT_TRANSLATE_NOOP("Charts", "Previous period")),
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.tips: list[tuple[QRectF, str]] = []  # where the pointer shows which tooltip

    # --- what subclasses provide --------------------------------------------------------
    def has_data(self) -> bool:
        raise NotImplementedError

    def draw(self, p: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    # --- sizes -------------------------------------------------------------------------
    def line_height(self) -> float:
        return QFontMetricsF(self.font()).height()

    def minimumSizeHint(self) -> QSize:
        return QSize(260, int(self.line_height() * 9))

    def sizeHint(self) -> QSize:
        return QSize(420, int(self.line_height() * 14))

    # --- painting ----------------------------------------------------------------------
    def text_colour(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def faint_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlphaF(0.55)
        return colour

    def grid_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlphaF(0.15)
        return colour

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            at = QPointF(event.pos())
            tip = next((text for rect, text in self.tips if rect.contains(at)), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        self.tips = []
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(self.grid_colour(), 1.0))
        p.setBrush(self.palette().base())
        p.drawRoundedRect(frame, 4.0, 4.0)
        area = frame.adjusted(PAD, PAD, -PAD, -PAD)
        if self.title:
            p.setFont(_bold(self.font()))
            p.setPen(self.text_colour())
            metrics = QFontMetricsF(p.font())
            title = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, area.width())
            p.drawText(
                QRectF(area.left(), area.top(), area.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                title,
            )
            area.setTop(area.top() + metrics.height() + GAP)
        p.setFont(self.font())
        if area.width() < 20 or area.height() < 20:
            p.end()
            return
        if self.has_data():
            self.draw(p, area)
        else:
            p.setPen(self.faint_colour())
            p.drawText(
                area,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        p.end()

    def draw_legend(self, p: QPainter, area: QRectF, entries: Sequence[tuple[str, QPen]]) -> float:
        """A row of entries (a short sample of each pen, then its name) at the top right of
        ``area``; returns the height used."""
        p.setFont(_small(self.font()))
        metrics = QFontMetricsF(p.font())
        sample = metrics.height() * 1.4
        widths = [sample + 4 + metrics.horizontalAdvance(name) for name, _pen in entries]
        total = sum(widths) + 12 * (len(entries) - 1)
        x = max(area.left(), area.right() - total)
        y = area.top() + metrics.height() / 2
        for (name, pen), width in zip(entries, widths, strict=True):
            sample_pen = QPen(pen)
            sample_pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # the sample stops where it ends
            p.setPen(sample_pen)
            p.drawLine(QPointF(x, y), QPointF(x + sample, y))
            p.setPen(self.text_colour())
            p.drawText(
                QRectF(x + sample + 4, area.top(), width - sample - 4, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += width + 12
        p.setFont(self.font())
        return metrics.height() + GAP


class BarChart(Chart):
    """Labelled horizontal bars, the value written at the end of each bar; with a
    previous period, a pair per label (this period above, the previous below)."""

    def __init__(
        self,
        title: str = "",
        value_text: Callable[[int], str] = str,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.value_text = value_text
        self.labels: list[str] = []
        self.values: list[int] = []
        self.previous: list[int] | None = None

    def set_data(
        self, bars: Sequence[tuple[str, int]], previous: Sequence[int] | None = None
    ) -> None:
        """``bars``: (label, value) in the order drawn; ``previous``: one value per bar."""
        if previous is not None and len(previous) != len(bars):
            raise ValueError("one previous value per bar")
        self.labels = [label for label, _value in bars]
        self.values = [value for _label, value in bars]
        self.previous = list(previous) if previous is not None else None
        self.updateGeometry()
        self.update()

    def has_data(self) -> bool:
        return any(self.values) or any(self.previous or ())

    def _row_height(self) -> float:
        bar = self.line_height() * 0.95
        return bar * (2 if self.previous is not None else 1) + self.line_height() * 0.45

    def minimumSizeHint(self) -> QSize:
        rows = max(3, len(self.labels))
        height = self.line_height() * 3 + rows * self._row_height() + 2 * PAD
        return QSize(260, int(max(height, self.line_height() * 9)))

    def sizeHint(self) -> QSize:
        return QSize(420, max(self.minimumSizeHint().height(), int(self.line_height() * 14)))

    def draw(self, p: QPainter, area: QRectF) -> None:
        if self.previous is not None:
            pens = [
                (self.series_names[0], QPen(QColor(CURRENT), 6)),
                (self.series_names[1], QPen(QColor(PREVIOUS), 6)),
            ]
            area.setTop(area.top() + self.draw_legend(p, area, pens))
        metrics = QFontMetricsF(p.font())
        series = [self.values] + ([self.previous] if self.previous is not None else [])
        top = max(max(s) for s in series) or 1
        value_width = max(metrics.horizontalAdvance(self.value_text(v)) for s in series for v in s)
        label_width = min(
            max(metrics.horizontalAdvance(label) for label in self.labels) + GAP,
            area.width() * 0.4,
        )
        bar_left = area.left() + label_width
        bar_room = max(1.0, area.right() - bar_left - value_width - GAP)
        row = min(area.height() / len(self.labels), self._row_height() * 1.6)
        pairs = len(series)
        bar = min(metrics.height() * 1.1, row * 0.8 / pairs)
        for i, label in enumerate(self.labels):
            y = area.top() + i * row
            tip = f"{label}: {self.value_text(self.values[i])}"
            if self.previous is not None:
                tip += f"\n{self.series_names[1]}: {self.value_text(self.previous[i])}"
            self.tips.append((QRectF(area.left(), y, area.width(), row), tip))
            block = bar * pairs
            y0 = y + (row - block) / 2
            p.setPen(self.text_colour())
            p.drawText(
                QRectF(area.left(), y, label_width - GAP, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - GAP),
            )
            for k, (values, colour) in enumerate(zip(series, (CURRENT, PREVIOUS), strict=False)):
                value = values[i]
                length = bar_room * value / top
                rect = QRectF(bar_left, y0 + k * bar, length, bar - 1)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(colour))
                if length > 0:
                    p.drawRect(rect)
                p.setPen(self.text_colour() if k == 0 else self.faint_colour())
                p.drawText(
                    QRectF(bar_left + length + 4, y0 + k * bar, value_width + GAP, bar),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    self.value_text(value),
                )
        p.setPen(QPen(self.grid_colour(), 1))
        p.drawLine(QPointF(bar_left, area.top()), QPointF(bar_left, area.bottom()))


class LineChart(Chart):
    """A value per day over the period with its axes; the previous period's line dashed,
    day by day from its own first day."""

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(title, parent)
        self.points: list[tuple[dt.date, int]] = []
        self.previous: list[int] | None = None

    def set_data(
        self, points: Sequence[tuple[dt.date, int]], previous: Sequence[int] | None = None
    ) -> None:
        self.points = list(points)
        self.previous = list(previous) if previous is not None else None
        self.update()

    def has_data(self) -> bool:
        return bool(self.points) and (any(v for _d, v in self.points) or any(self.previous or ()))

    def draw(self, p: QPainter, area: QRectF) -> None:
        current_pen = QPen(QColor(CURRENT), 2.0)
        current_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        previous_pen = QPen(QColor(PREVIOUS), 2.0, Qt.PenStyle.DashLine)
        if self.previous is not None:
            entries = [(self.series_names[0], current_pen), (self.series_names[1], previous_pen)]
            area.setTop(area.top() + self.draw_legend(p, area, entries))
        p.setFont(_small(self.font()))
        metrics = QFontMetricsF(p.font())
        values = [v for _d, v in self.points]
        previous = self.previous or []
        step = nice_step(max([*values, *previous, 1]))
        top = step * math.ceil(max([*values, *previous, 1]) / step)
        y_width = metrics.horizontalAdvance(str(top)) + GAP
        plot = QRectF(
            area.left() + y_width,
            area.top() + metrics.height() / 2,
            max(1.0, area.width() - y_width - metrics.horizontalAdvance("00-00") / 2),
            max(1.0, area.height() - metrics.height() * 1.5 - GAP),
        )
        count = max(len(values), len(previous))

        def x_at(i: int) -> float:
            return plot.center().x() if count == 1 else plot.left() + plot.width() * i / (count - 1)

        def y_at(v: int) -> float:
            return plot.bottom() - plot.height() * v / top

        # the value axis: gridlines at each step, numbers on the left
        for tick in range(0, top + 1, step):
            y = y_at(tick)
            p.setPen(QPen(self.grid_colour(), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(self.faint_colour())
            p.drawText(
                QRectF(area.left(), y - metrics.height() / 2, y_width - GAP, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        # the day axis: as many dates as fit without touching
        label_width = metrics.horizontalAdvance("00-00") + GAP * 2
        room = plot.width() / max(1, count - 1) if count > 1 else plot.width()
        every = max(1, math.ceil(label_width / room))
        for i, (day, value) in enumerate(self.points):
            x = x_at(i)
            tip = f"{day.isoformat()}: {value}"
            if i < len(previous):
                tip += f"\n{self.series_names[1]}: {previous[i]}"
            half = plot.width() / max(1, count - 1) / 2 if count > 1 else plot.width() / 2
            self.tips.append((QRectF(x - half, plot.top(), 2 * half, plot.height()), tip))
            p.setPen(QPen(self.grid_colour(), 1))
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            if i % every == 0:
                p.setPen(self.faint_colour())
                p.drawText(
                    QRectF(x - label_width / 2, plot.bottom() + 3, label_width, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    day.strftime("%m-%d"),
                )
        if previous:
            self._polyline(
                p, [QPointF(x_at(i), y_at(v)) for i, v in enumerate(previous)], previous_pen
            )
        points = [QPointF(x_at(i), y_at(v)) for i, v in enumerate(values)]
        self._polyline(p, points, current_pen)
        if len(points) <= 40:  # a dot per day while they stay apart
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(CURRENT))
            for point in points:
                p.drawEllipse(point, 2.5, 2.5)
        p.setFont(self.font())

    @staticmethod
    def _polyline(p: QPainter, points: list[QPointF], pen: QPen) -> None:
        if not points:
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


class PieChart(Chart):
    """Shares of a whole: the pie on the left, a legend with counts and percentages on the
    right. More slices than colours fold into one "Other" slice (grey)."""

    def __init__(
        self,
        title: str = "",
        value_text: Callable[[int], str] = str,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.value_text = value_text
        self.other_text = _t(QT_TRANSLATE_NOOP("Charts", "Other"))
        self.slices: list[tuple[str, int]] = []

    def set_data(self, slices: Sequence[tuple[str, int]]) -> None:
        """(label, value) in the order drawn, clockwise from twelve o'clock."""
        self.slices = list(slices)
        self.updateGeometry()
        self.update()

    def has_data(self) -> bool:
        return any(v > 0 for _label, v in self.slices)

    def shown(self) -> list[tuple[str, int, str]]:
        """The slices drawn, with their colours: zero slices left out, the tail folded."""
        kept = [(label, v) for label, v in self.slices if v > 0]
        if len(kept) > len(SLICES) + 1:
            kept = [
                *kept[: len(SLICES)],
                (self.other_text, sum(v for _l, v in kept[len(SLICES) :])),
            ]
        return [
            (label, v, SLICES[i] if i < len(SLICES) else GREY) for i, (label, v) in enumerate(kept)
        ]

    def minimumSizeHint(self) -> QSize:
        rows = max(4, min(len(self.slices), len(SLICES) + 1))
        return QSize(300, int(self.line_height() * (3 + rows * 1.3) + 2 * PAD))

    def draw(self, p: QPainter, area: QRectF) -> None:
        slices = self.shown()
        total = sum(v for _l, v, _c in slices)
        metrics = QFontMetricsF(p.font())
        row = metrics.height() * 1.3
        legend_height = row * len(slices)
        numbers = [f"{self.value_text(v)} · {percent(v, total)}" for _l, v, _c in slices]
        number_width = max(metrics.horizontalAdvance(n) for n in numbers)
        swatch = metrics.height() * 0.7
        legend_width = (
            swatch
            + max(metrics.horizontalAdvance(label) for label, _v, _c in slices)
            + number_width
            + 3 * GAP
        )
        # the legend gets the room it needs while the pie keeps at least a third
        diameter = min(
            area.height(), area.width() * 0.5, max(area.width() * 0.33, area.width() - legend_width)
        )
        diameter = max(10.0, diameter - 2 * GAP)
        pie = QRectF(area.left(), area.top() + (area.height() - diameter) / 2, diameter, diameter)
        angle = 90 * 16  # twelve o'clock, then clockwise (negative spans)
        border = QPen(self.palette().base().color(), 1.5)
        for _label, value, colour in slices:
            span = -round(value * 360 * 16 / total)
            p.setPen(border if len(slices) > 1 else Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawPie(pie, angle, span)
            angle += span
        left = pie.right() + GAP * 2
        width = area.right() - left
        top = area.top() + max(0.0, (area.height() - legend_height) / 2)
        for i, (label, _value, colour) in enumerate(slices):
            y = top + i * row
            if y + row > area.bottom() + 1:
                break
            self.tips.append((QRectF(left, y, width, row), f"{label}: {numbers[i]}"))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawRect(QRectF(left, y + (row - swatch) / 2, swatch, swatch))
            name_width = max(0.0, width - swatch - GAP - number_width - GAP)
            p.setPen(self.text_colour())
            p.drawText(
                QRectF(left + swatch + GAP, y, name_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, name_width),
            )
            p.drawText(
                QRectF(area.right() - number_width, y, number_width, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                numbers[i],
            )
