"""The damage diagram on screen: the car outline of domain/car_outline.py painted with
QPainter (the same polylines the paper prints); a click places a coded mark.

DamageDiagram paints and reports clicks; DamagePanel asks what the mark is (ask.choose),
a note (ask.text) and an optional photo (ask.choose_file), lists the marks beside the
drawing and strikes one out (never deletes it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QShortcut,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain import car_outline
from service_desk.domain.checkin import DAMAGE_CODES, PHOTO_SUFFIXES
from service_desk.ui import ask, colours
from service_desk.ui.checkin_messages import damage_name, side_name, view_name
from service_desk.ui.fields import FieldErrors

MARK_COLOUR = QColor(colours.DIAGRAM_MARK)
OUTLINE_COLOUR = QColor(colours.DIAGRAM_OUTLINE)
MARGIN = 6.0
MARK_RADIUS = 7.0


class DamageDiagram(QWidget):
    """The outline in two columns (left | right, top | key) with the marks on it."""

    placed = Signal(str, float, float)  # view, x, y (normalized in the view)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("damage_diagram")
        self.canvas = car_outline.arrange(2)
        self.marks: list[dict[str, Any]] = []
        self.editable = True
        self.setMinimumSize(380, 200)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Click where the damage is to place a mark."))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int((width - 2 * MARGIN) * self.canvas.height / self.canvas.width + 2 * MARGIN)

    def set_marks(self, marks: list[dict[str, Any]]) -> None:
        self.marks = marks
        self.update()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        shape = Qt.CursorShape.CrossCursor if editable else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)

    # ------------------------------------------------------------------ geometry
    def _frame(self) -> tuple[float, float, float]:
        """(left, top, scale): the canvas fitted and centred in the widget."""
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        scale = max(0.1, min(width / self.canvas.width, height / self.canvas.height))
        left = (self.width() - self.canvas.width * scale) / 2
        top = (self.height() - self.canvas.height * scale) / 2
        return left, top, scale

    def _to_widget(self, cx: float, cy: float) -> QPointF:
        left, top, scale = self._frame()
        return QPointF(left + cx * scale, top + cy * scale)

    def point_for(self, view: str, x: float, y: float) -> QPoint:
        """The widget pixel showing point (x, y) of a view (tests click there)."""
        return self._to_widget(*self.canvas.to_canvas(view, x, y)).toPoint()

    def locate(self, pos: QPointF) -> tuple[str, float, float] | None:
        left, top, scale = self._frame()
        return self.canvas.locate((pos.x() - left) / scale, (pos.y() - top) / scale)

    # ------------------------------------------------------------------ events
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.editable:
            super().mousePressEvent(event)
            return
        hit = self.locate(event.position())
        if hit is not None:
            self.placed.emit(*hit)
        event.accept()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, scale = self._frame()
        canvas = self.canvas
        painter.fillRect(self.rect(), QColor(colours.CARD))
        painter.setPen(QPen(QColor(colours.DIAGRAM_GRID), 1))
        painter.drawRect(QRectF(left, top, canvas.width * scale, canvas.height * scale))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        for view, box in canvas.boxes.items():
            outline = car_outline.OUTLINE[view]
            painter.setPen(QPen(OUTLINE_COLOUR, 1.2))
            for line in outline.lines:
                painter.drawPolyline(
                    QPolygonF(
                        [self._to_widget(box.x + x * box.w, box.y + y * box.h) for x, y in line]
                    )
                )
            title = self._to_widget(*canvas.titles[view])
            painter.setPen(QColor(colours.DIAGRAM_LABEL))
            painter.drawText(
                QRectF(title.x() + 2, title.y(), box.w * scale, canvas.title_height * scale),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                view_name(view),
            )
            painter.setPen(QColor(colours.DIAGRAM_STRUCK))
            for x, y, side in outline.labels:
                centre = self._to_widget(box.x + x * box.w, box.y + y * box.h)
                painter.drawText(
                    QRectF(centre.x() - 20, centre.y() - 10, 40, 20),
                    Qt.AlignmentFlag.AlignCenter,
                    side_name(side),
                )
        self._paint_key(painter, scale)
        self._paint_marks(painter)
        painter.end()

    def _paint_key(self, painter: QPainter, scale: float) -> None:
        cell = self.canvas.legend
        if cell is None:
            return
        origin = self._to_widget(cell.x, cell.y)
        step = min(22.0, cell.h * scale / len(DAMAGE_CODES))
        for i, code in enumerate(DAMAGE_CODES):
            centre = QPointF(origin.x() + 16, origin.y() + step * (i + 0.5))
            self._symbol(painter, code, centre, 5.5)
            painter.setPen(QColor(colours.DIAGRAM_TEXT))
            painter.drawText(
                QRectF(centre.x() + 12, centre.y() - step / 2, cell.w * scale - 30, step),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                damage_name(code),
            )

    def _symbol(self, painter: QPainter, code: str, centre: QPointF, radius: float) -> None:
        painter.setPen(QPen(MARK_COLOUR, 2))
        for line in car_outline.MARK_SYMBOLS.get(code, ()):
            painter.drawPolyline(
                QPolygonF(
                    [QPointF(centre.x() + x * radius, centre.y() + y * radius) for x, y in line]
                )
            )

    def _paint_marks(self, painter: QPainter) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for mark in self.marks:
            if mark["view"] not in self.canvas.boxes:
                continue
            centre = self._to_widget(*self.canvas.to_canvas(mark["view"], mark["x"], mark["y"]))
            self._symbol(painter, mark["code"], centre, MARK_RADIUS)
            painter.setPen(MARK_COLOUR)
            painter.drawText(
                QPointF(centre.x() + MARK_RADIUS + 2, centre.y() - MARK_RADIUS / 2), str(mark["no"])
            )


class DamagePanel(QGroupBox):
    """The diagram, the list of its marks and "Strike out"; place(…) runs the action."""

    def __init__(
        self,
        errors: FieldErrors,
        place: Callable[[str, float, float, str, str, str], None],
        strike: Callable[[int], None],
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Damage diagram"), parent)
        self._place, self._strike = place, strike
        self.diagram = DamageDiagram()
        self.list = QListWidget(objectName="mark_list")
        self.list.setMaximumHeight(90)
        self.strike_button = QPushButton(self.tr("Strike out mark"), objectName="mark_strike")
        hint = QLabel(
            self.tr(
                "Click the car where the damage is, then choose scratch, dent, crack, "
                "paint chip or missing part."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(colours.FAINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.diagram)
        for field in ("mark", "mark_code", "mark_note", "photo"):
            layout.addWidget(errors.label(field))
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.strike_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.diagram.placed.connect(self._placed)
        self.strike_button.clicked.connect(self._strike_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self._strike_selected)

    def set_marks(self, marks: list[dict[str, Any]]) -> None:
        self.diagram.set_marks(marks)
        self.list.clear()
        for mark in marks:
            text = f"{mark['no']}  {damage_name(mark['code'])} · {view_name(mark['view'])}"
            if mark["note"]:
                text += f" — {mark['note']}"
            if mark["photo_path"]:
                text += " " + self.tr("(photo)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, mark["id"])
            if mark["photo_path"]:
                item.setToolTip(mark["photo_path"])
            self.list.addItem(item)
        self.strike_button.setEnabled(self.diagram.editable and bool(marks))

    def set_editable(self, editable: bool) -> None:
        self.diagram.set_editable(editable)
        self.strike_button.setEnabled(editable and self.list.count() > 0)

    def _placed(self, view: str, x: float, y: float) -> None:
        title = self.tr("Damage mark")
        codes = list(DAMAGE_CODES)
        pick = ask.choose(self, title, self.tr("What is it?"), [damage_name(c) for c in codes])
        if pick is None:
            return
        note = ask.text(self, title, self.tr("Where and how big (optional), e.g. 10 cm scratch"))
        if note is None:
            return
        pattern = " ".join(f"*{suffix}" for suffix in PHOTO_SUFFIXES)
        photo = ask.choose_file(
            self,
            self.tr("Photo of the damage (optional — Cancel for none)"),
            self.tr("Pictures ({patterns})").format(patterns=pattern),
        )
        self._place(view, x, y, codes[pick], note, photo or "")

    def _strike_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.diagram.editable:
            self._strike(int(item.data(Qt.ItemDataRole.UserRole)))
