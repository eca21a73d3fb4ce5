"""One search box for everything: results appear as you type, customer → vehicle → order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from service_desk.store import queries
from service_desk.ui import colours
from service_desk.ui.i18n import ui_lang
from service_desk.ui.session import Session

PICK_ROLE = Qt.ItemDataRole.UserRole


def model_name(code: str | None) -> str:
    from service_desk import reference  # the reference data: at the first name, not at start

    if not code:
        return ""
    try:
        return reference.car_model(code).name(ui_lang())
    except KeyError:
        return code


class SearchBox(QWidget):
    """A line edit with a result tree under it; emits picked(customer, vehicle, order)."""

    picked = Signal(int, object, object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(objectName="search_edit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Search plate, phone, name, VIN or order number (F2)"))
        self.results = QTreeWidget(objectName="search_results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(True)
        self.results.setUniformRowHeights(True)  # one line each: no row measured on its own
        self.results.setStyleSheet(f"QTreeWidget {{ border: 1px solid {colours.BORDER_STRONG}; }}")
        # The list floats over the desk and fills its own background (the viewport fills
        # its base already): an opaque widget, so what is under it (the Today board's
        # cards, ~2/3 of a keystroke's time) is not repainted each time the list is.
        self.results.setAutoFillBackground(True)
        self.results.hide()
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self.run)
        self.edit.returnPressed.connect(self._pick_first)
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if watched is self.edit and is_key and event.key() == Qt.Key.Key_Escape:
            self.results.hide()
            return True
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results.isVisible()
        ):
            self.results.setFocus()
            self.results.setCurrentItem(self.results.topLevelItem(0))
            return True
        return super().eventFilter(watched, event)

    def run(self, text: str) -> None:
        self.results.clear()
        hits = queries.search(self.session.db, text) if text.strip() else []
        customers: dict[int, QTreeWidgetItem] = {}
        children: dict[int, list[QTreeWidgetItem]] = {}
        models: dict[str | None, str] = {}
        for hit in hits:
            top = customers.get(hit["customer_id"])
            if top is None:
                label = f"{hit['customer_name']}  {hit['phone']}"
                if hit["company"]:
                    label += f"  · {hit['company']}"
                top = QTreeWidgetItem([label])
                top.setData(0, PICK_ROLE, (hit["customer_id"], None, None))
                customers[hit["customer_id"]] = top
                children[hit["customer_id"]] = []
            if hit["vehicle_id"] is None:
                continue
            code = hit["model_code"]
            if code not in models:
                models[code] = model_name(code)
            label = f"{hit['plate']}  {models[code]}"
            if hit["open_order"]:
                label += "  · " + self.tr("open order {number}").format(number=hit["open_order"])
            child = QTreeWidgetItem([label])
            child.setData(
                0, PICK_ROLE, (hit["customer_id"], hit["vehicle_id"], hit["open_order_id"])
            )
            children[hit["customer_id"]].append(child)
        if hits:
            # built off the tree, then put in at once: one insertion, not one per row
            for customer_id, top in customers.items():
                top.addChildren(children[customer_id])
            self.results.addTopLevelItems(list(customers.values()))
            for top in customers.values():
                top.setExpanded(True)
            self._show_results()
        elif text.strip():
            self.results.addTopLevelItem(
                QTreeWidgetItem([self.tr("Nothing found — F3 registers a new walk-in")])
            )
            self._show_results()
        else:
            self.results.hide()

    def _show_results(self) -> None:
        """The results float over the window, right under the search field."""
        window = self.window()
        if self.results.parent() is not window:
            self.results.setParent(window)
        corner = self.edit.mapTo(window, self.edit.rect().bottomLeft())
        rows = self.results.topLevelItemCount() + sum(
            self.results.topLevelItem(i).childCount()
            for i in range(self.results.topLevelItemCount())
        )
        row_height = max(self.results.sizeHintForRow(0), 20)
        height = min(360, rows * row_height + 8, window.height() - corner.y() - 8)
        self.results.setGeometry(corner.x(), corner.y() + 2, max(self.edit.width(), 420), height)
        self.results.show()
        self.results.raise_()

    def _pick_first(self) -> None:
        first = self.results.topLevelItem(0)
        if first is None:
            return
        target = first.child(0) if first.childCount() == 1 else first
        self._activated(target)

    def _activated(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, PICK_ROLE)
        if not data:
            return
        customer_id, vehicle_id, order_id = data
        self.results.hide()
        self.edit.clear()
        self.picked.emit(customer_id, vehicle_id, order_id)

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()
