"""Small view helpers shared by the desks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from service_desk.ui.session import Session


def queue_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A desk's queue: whole rows selected one at a time, read-only, columns fitted."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def pick_queue_row(view: QTableView, session: Session, show_order: Callable[[int], object]) -> None:
    """The row picked in a desk's queue becomes the current order; picking the order that
    is already current shows it again (the session does not announce an unchanged order)."""
    row = view.model().row_at(view.currentIndex().row())
    if row is None:
        return
    if row["id"] == session.current_order_id:
        show_order(row["id"])
    else:
        session.set_current_order(row["id"])
