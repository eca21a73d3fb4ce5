"""Small view helpers shared by the desks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from service_desk.ui.session import Session

# Rows measured beyond those in sight when columns fit their contents. Qt's default is
# 1,000 rows a column at every reset: the warranty lists of ten years (400 rows each)
# asked their models 126,000 times for data, 1.5 s before the page showed.
FIT_ROWS = 60


def queue_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A desk's queue: whole rows selected one at a time, read-only, columns fitted."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their contents, measured on the rows in sight and FIT_ROWS more."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(FIT_ROWS)


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
