"""The key cabinet as the counter sees it: a grid of numbered hooks (UI.md).

Each cell is a hook: its number, and on an occupied hook the plate, the key and the
order's state as a word on the state's colour (amber waiting, blue in the workshop,
green ready, red: the car has left and its key is still here). The keys of the current
order are in bold. Click or Enter on a hook emits ``hook_clicked(hook)``; arrow keys
move between hooks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from service_desk.domain import keys as rules
from service_desk.ui import colours, labels
from service_desk.ui.key_messages import car_gone_word, free_word, kind_name, kind_short

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex
COLUMNS = 10  # hooks per row, as cabinets are usually built

# (background, text) per group of order states; the word beside it is the state's name
GONE = (colours.OVERDUE_BG, colours.OVERDUE)
FREE = (colours.FREE_BG, colours.FREE)
WAITING = (colours.WAITING_BG, colours.WAITING)
WORKSHOP = (colours.WORKSHOP_BG, colours.WORKSHOP)
READY = (colours.READY_BG, colours.READY)
_GROUPS = {
    "signed": WAITING,
    "checked_in": WAITING,
    "handed_off": WORKSHOP,
    "in_progress": WORKSHOP,
    "completed": READY,
    "ready": READY,
    "settled": READY,
}


def hook_colours(key: Row | None) -> tuple[str, str]:
    if key is None:
        return FREE
    if key["order_state"] in rules.CAR_GONE:
        return GONE
    return _GROUPS.get(key["order_state"], WAITING)


def hook_word(key: Row | None) -> str:
    """The word that goes with the colour: free, the order's state, or 'car left'."""
    if key is None:
        return free_word()
    if key["order_state"] in rules.CAR_GONE:
        return car_gone_word()
    return labels.state(key["order_state"])


class HooksModel(QAbstractTableModel):
    def __init__(self, columns: int = COLUMNS, parent: QObject | None = None):
        super().__init__(parent)
        self.columns = columns
        self.size = 0
        self.keys: dict[int, Row] = {}
        self.current_order_id: int | None = None

    def set_cabinet(self, size: int, keys: dict[int, Row], current_order_id: int | None) -> None:
        """size hooks, or more when a key hangs on a hook above it (the cabinet shrank)."""
        self.beginResetModel()
        self.size = max([size, *keys])
        self.keys = keys
        self.current_order_id = current_order_id
        self.endResetModel()

    def hook_at(self, index: Index) -> int | None:
        if not index.isValid():
            return None
        hook = index.row() * self.columns + index.column() + 1
        return hook if hook <= self.size else None

    def index_of(self, hook: int) -> QModelIndex:
        return self.index((hook - 1) // self.columns, (hook - 1) % self.columns)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else -(-self.size // self.columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.hook_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hook = self.hook_at(index)
        if hook is None:
            return None
        key = self.keys.get(hook)
        if role == Qt.ItemDataRole.DisplayRole:
            if key is None:
                return f"{hook}\n{free_word()}"
            return f"{hook} · {kind_short(key['kind'])}\n{key['plate']}\n{hook_word(key)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(hook_colours(key)[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(hook_colours(key)[1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and key and key["order_id"] == self.current_order_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key is not None:
            label = f" · {key['label']}" if key["label"] else ""
            return (
                f"{key['number']} · {key['plate']} · {key['customer_name']}\n"
                f"{kind_name(key['kind'])}{label} · {labels.state(key['order_state'])}"
            )
        if role == Qt.ItemDataRole.UserRole:
            return hook
        return None


class KeyGrid(QTableView):
    """The hooks as a grid; emits hook_clicked(hook) on click or Enter."""

    hook_clicked = Signal(int)

    def __init__(self, columns: int = COLUMNS, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("key_grid")
        self.hooks = HooksModel(columns, self)
        self.setModel(self.hooks)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)  # a plate never breaks; long words end in …
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)  # an 8-character plate fits a cell
        self.setFont(font)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # rows share the height; below three lines of text each, the grid scrolls
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() * 3 + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setStyleSheet(f"QTableView::item:selected {{ border: 2px solid {colours.SELECTED}; }}")
        self.clicked.connect(self._picked)
        self.activated.connect(self._picked)

    def set_cabinet(self, size: int, keys: dict[int, Row], current_order_id: int | None) -> None:
        selected = self.selected_hook()
        self.hooks.set_cabinet(size, keys, current_order_id)
        if selected is not None and selected <= self.hooks.size:
            self.select_hook(selected)

    def selected_hook(self) -> int | None:
        return self.hooks.hook_at(self.currentIndex())

    def select_hook(self, hook: int) -> None:
        index = self.hooks.index_of(hook)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def _picked(self, index: QModelIndex) -> None:
        hook = self.hooks.hook_at(index)
        if hook is not None:
            self.hook_clicked.emit(hook)
