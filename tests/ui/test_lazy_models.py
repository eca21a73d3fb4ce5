"""Lists give their views the rows a batch at a time (canFetchMore / fetchMore): a list of
thousands costs a view what it shows; the archive's repair history and odometer readings
are read from the database a page at a time (keyset paging), never whole."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

from service_desk.actions import archive, orders
from service_desk.domain.clock import fixed_clock
from service_desk.store import queries
from service_desk.ui.models import PagedModel, RowsModel
from tests.actions.test_archive_orders import walk_in
from tests.conftest import NOW

COLUMNS = [("N", lambda r: str(r["id"]))]


def test_rows_reach_the_view_a_batch_at_a_time(qtbot):
    batch = RowsModel.BATCH
    model = RowsModel(COLUMNS)
    model.set_rows([{"id": i} for i in range(2 * batch + 50)])
    assert model.rowCount() == batch and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * batch + 50 and not model.canFetchMore(QModelIndex())
    assert model.row_at(2 * batch + 49) == {"id": 2 * batch + 49}
    # a new list keeps as many rows shown as before (the picked row stays reachable)
    model.set_rows([{"id": i} for i in range(10 * batch)])
    assert model.rowCount() == 2 * batch + 50
    model.show_row(4 * batch)
    assert model.rowCount() == 4 * batch + 50
    assert model.index(4 * batch, 0).data() == str(4 * batch)
    model.set_rows([{"id": 1}])
    assert model.rowCount() == 1


def test_a_view_scrolled_to_the_bottom_fetches_the_next_batch(qtbot):
    model = RowsModel(COLUMNS)
    model.set_rows([{"id": i} for i in range(1000)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == RowsModel.BATCH
    view.scrollToBottom()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: model.rowCount() > RowsModel.BATCH)


def test_paged_model_reads_page_after_page(qtbot):
    batch = PagedModel.BATCH
    calls = []

    def page(after, limit):
        calls.append((after["id"] if after else None, limit))
        start = after["id"] + 1 if after else 0
        return [{"id": i} for i in range(start, min(start + limit, 2 * batch + 50))]

    model = PagedModel(COLUMNS)
    model.set_page(page)
    assert model.rowCount() == batch and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * batch + 50 and not model.canFetchMore(QModelIndex())
    # each page asks one row more than it keeps: whether there is a next page
    assert calls == [(None, batch + 1), (batch - 1, batch + 1), (2 * batch - 1, batch + 1)]
    model.set_page(None)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_archive_history_is_read_a_page_at_a_time(ctx, window, monkeypatch):
    monkeypatch.setattr(PagedModel, "BATCH", 3)
    customer_id, vehicle_id = walk_in(ctx)
    for n in range(7):
        ctx.clock = fixed_clock(NOW + dt.timedelta(days=n))
        oid = orders.open_order(ctx, vehicle_id, f"第{n}次")
        orders.decline(ctx, oid, fee_fen=0)
        archive.record_odometer(ctx, vehicle_id, 24000 + n * 100, "manual")
    desk = window.archive
    window.tabs.setCurrentWidget(desk)
    desk.show_customer(customer_id, vehicle_id)
    model = desk.orders_model
    newest = queries.orders_of_vehicle(ctx.db, vehicle_id)
    assert [r["id"] for r in model.rows] == [r["id"] for r in newest[:3]]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [r["id"] for r in model.rows] == [r["id"] for r in newest]
    km = desk.km_model
    while km.canFetchMore(QModelIndex()):
        km.fetchMore(QModelIndex())
    assert [r["id"] for r in km.rows] == [
        r["id"] for r in queries.odometer_history(ctx.db, vehicle_id)
    ]
