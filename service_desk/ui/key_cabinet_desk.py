"""The key cabinet log desk (钥匙柜): which hook holds which car's key (R8, R14).

Left: the cabinet as a grid of numbered hooks and, under it, the cars in the dealer's
hands whose key is not registered yet (the desk's queue). Right: the current order's
keys with their history, registering and moving them, its key tag; and the end-of-day
check. The current order follows the counter across desks (session); clicking an
occupied hook makes that key's order current, clicking a free hook offers it for the
next key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain import keys as rules
from service_desk.store import key_queries, settings
from service_desk.ui import colours, keyboard
from service_desk.ui.key_check_panel import KeyCheckPanel
from service_desk.ui.key_grid import FREE, GONE, READY, WAITING, WORKSHOP, KeyGrid
from service_desk.ui.key_order_panel import KeyOrderPanel, table
from service_desk.ui.models import orders_model
from service_desk.ui.session import Session
from service_desk.ui.when_shown import WhenShown


def _swatch(pair: tuple[str, str], word: str) -> QLabel:
    label = QLabel(word)
    label.setStyleSheet(
        f"background: {pair[0]}; color: {pair[1]}; border: 1px solid {colours.BORDER}; "
        "padding: 1px 6px;"
    )
    return label


class KeyCabinetDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(objectName="keys_summary")
        left_layout.addWidget(self.summary)
        self.grid = KeyGrid()
        left_layout.addWidget(self.grid, 3)
        legend = QHBoxLayout()
        legend.addWidget(_swatch(FREE, self.tr("Free hook")))
        legend.addWidget(_swatch(WAITING, self.tr("Waiting")))
        legend.addWidget(_swatch(WORKSHOP, self.tr("In workshop")))
        legend.addWidget(_swatch(READY, self.tr("Ready")))
        legend.addWidget(_swatch(GONE, self.tr("Car left: hand the key back")))
        legend.addStretch(1)
        left_layout.addLayout(legend)
        queue_title = self.tr("Cars here without a registered key")
        left_layout.addWidget(QLabel(f"<b>{queue_title}</b>"))
        self.queue_model = orders_model(session.ctx.clock, self)
        self.queue = table(self.queue_model, "keys_queue")
        left_layout.addWidget(self.queue, 1)
        self.queue_empty = QLabel(
            self.tr("Every car in the dealer's hands has its key registered.")
        )
        self.queue_empty.setStyleSheet(colours.EMPTY_STYLE)
        left_layout.addWidget(self.queue_empty)
        splitter.addWidget(left)

        self.tabs = QTabWidget(objectName="keys_tabs")
        self.order_panel = KeyOrderPanel(session)
        self.check_panel = KeyCheckPanel(session)
        self.tabs.addTab(self.order_panel, self.tr("Current order"))
        self.tabs.addTab(self.check_panel, "")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([840, 580])
        QVBoxLayout(self).addWidget(splitter)

        self.grid.hook_clicked.connect(self._hook_clicked)
        self.order_panel.key_selected.connect(self._key_selected)
        self.check_panel.order_picked.connect(self._order_picked)
        self.queue.clicked.connect(self._queue_picked)
        self.queue.activated.connect(self._queue_picked)
        keyboard.set_primary(
            self.check_panel, self.check_panel.print_button, self.check_panel.print_report
        )
        keyboard.install_primary(self, self._primary)
        QShortcut(QKeySequence("Ctrl+G"), self, self.grid.setFocus)
        QShortcut(
            QKeySequence("Ctrl+E"), self, lambda: self.tabs.setCurrentWidget(self.check_panel)
        )
        # the lists are read each time the desk is shown (showEvent: the clock moves keys
        # to overdue); behind another desk a change waits for that, the current order too
        self.when_shown = WhenShown(self)
        session.changed.connect(self._changed)
        session.current_order_changed.connect(self.when_shown.wrap(self._current_order))
        self.order_panel.show_order(session.current_order_id)

    def refresh(self) -> None:
        db = self.session.db
        size = int(settings.get(db, "key_cabinet_hooks"))
        cabinet = key_queries.cabinet(db)
        out = key_queries.keys_out(db)
        self.grid.set_cabinet(size, cabinet, self.session.current_order_id)
        self.summary.setText(
            self.tr("{used} of {size} hooks in use · {out} keys out").format(
                used=len(cabinet), size=size, out=len(out)
            )
        )
        waiting = key_queries.orders_in_states_with_key_count(db, rules.CAR_HERE)
        rows = [{**o, "id": o["order_id"]} for o in waiting if not o["key_count"]]
        self.queue_model.set_rows(rows)
        self.queue_empty.setVisible(not rows)
        self.order_panel.refresh()
        self.check_panel.refresh()
        count = self.check_panel.count()
        self.tabs.setTabText(
            1,
            self.tr("End-of-day check ({n})").format(n=count)
            if count
            else self.tr("End-of-day check"),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # the clock moved on: keys out may have become overdue

    def _changed(self, _kinds: set[str]) -> None:
        if self.isVisible():  # hidden: read when next shown
            self.refresh()

    def _primary(self) -> None:
        """Ctrl+Enter outside the forms (the grid, the queue): the shown tab's action."""
        if self.tabs.currentWidget() is self.check_panel:
            slot = keyboard.primary_of(self.check_panel)
            if slot is not None:
                slot()
        else:
            self.order_panel.primary()

    def _current_order(self, order_id: int | None) -> None:
        self.order_panel.show_order(order_id)
        self.grid.set_cabinet(
            int(settings.get(self.session.db, "key_cabinet_hooks")),
            key_queries.cabinet(self.session.db),
            order_id,
        )

    def _hook_clicked(self, hook: int) -> None:
        key = key_queries.key_on_hook(self.session.db, hook)
        if key is None:
            self.order_panel.take_hook(hook)
            return
        self.session.set_current_order(key["order_id"])
        self.order_panel.select_key(key["id"])
        self.tabs.setCurrentWidget(self.order_panel)

    def _key_selected(self, hook: int) -> None:
        if hook:
            self.grid.select_hook(hook)

    def _order_picked(self, order_id: int) -> None:
        self.session.set_current_order(order_id)
        self.tabs.setCurrentWidget(self.order_panel)

    def _queue_picked(self) -> None:
        row = self.queue_model.row_at(self.queue.currentIndex().row())
        if row is not None:
            self.session.set_current_order(row["id"])
