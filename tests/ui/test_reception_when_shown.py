"""The reception desk behind another desk: its queue and form catch up when it is shown;
the order form's line columns fit their contents."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from service_desk.actions import archive, orders
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.domain.pricing import LineDraft
from service_desk.ui.when_shown import WhenShown
from tests.ui.test_reception import register_zhang


def walk_in(ctx) -> int:
    return register_zhang(ctx)[1]


def test_hidden_reception_catches_up_when_shown(qtbot, window, ctx):
    reception = window.reception
    window.tabs.setCurrentWidget(window.today)
    assert not reception.isVisible()
    order_id = orders.open_order(ctx, walk_in(ctx), "保养")
    window.session.notify("orders")
    window.session.set_current_order(order_id)
    # nothing read for a desk nobody looks at
    assert reception.queue_model.rows == [] and reception.form.order_id is None

    window.tabs.setCurrentWidget(reception)
    assert [r["id"] for r in reception.queue_model.rows] == [order_id]
    assert reception.queue_empty.isHidden()
    assert reception.pages.currentWidget() is reception.form
    assert reception.form.order_id == order_id

    # shown, it follows at once
    second = orders.open_order(ctx, walk_in_second(ctx), "换机油")
    window.session.notify("orders")
    assert [r["id"] for r in reception.queue_model.rows] == [order_id, second]
    window.session.set_current_order(second)
    assert reception.form.order_id == second


def walk_in_second(ctx) -> int:
    _, vehicle_id = archive.register_walk_in(
        ctx,
        CustomerInput(name="李四", phone="13912345678"),
        VehicleInput(
            plate="皖B54321",
            model_code="TIGGO7",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=1000,
        ),
    )
    return vehicle_id


class Source(QObject):
    changed = Signal(set)
    current = Signal(object)


def test_when_shown_replays_the_latest_call_of_each_slot_in_order(qtbot):
    desk = QWidget()
    qtbot.addWidget(desk)
    calls = []
    source = Source()
    waiting = WhenShown(desk)
    source.current.connect(waiting.wrap(lambda order: calls.append(("current", order))))
    source.changed.connect(waiting.wrap(lambda kinds: calls.append(("changed", kinds))))
    source.current.emit(1)
    source.changed.emit({"orders"})
    source.current.emit(2)  # supersedes 1, and now comes after the change
    assert calls == []
    desk.show()
    assert calls == [("changed", {"orders"}), ("current", 2)]
    source.current.emit(3)
    assert calls[-1] == ("current", 3)
    desk.hide()
    desk.show()  # nothing waiting: nothing run again
    assert len(calls) == 3


def test_order_lines_columns_fit_their_contents(qtbot, window, ctx, order_id):
    form = window.reception.form
    order = ctx.db.execute(
        "SELECT customer_id, vehicle_id FROM repair_orders WHERE id = ?", [order_id]
    ).fetchone()
    window.picked(order[0], order[1], order_id)
    table, header = form.table, form.table.horizontalHeader()

    def fitted() -> bool:
        return all(
            header.sectionSize(c) == max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(form.lines.columnCount())
            if c != 1  # the description takes the rest of the width
        )

    assert fitted()
    part = form.lines.columns[8][1]
    before = header.sectionSize(8)
    oid = orders.open_order(ctx, order[1], "换轮胎")
    orders.add_line(
        ctx,
        oid,
        LineDraft(
            kind="part",
            description="轮胎",
            mode="item",
            qty_milli=4000,
            unit_price_fen=88888888,
            system_code="brakes",
            parts_source="customer",
            part_quality="aftermarket",
        ),
    )
    window.session.set_current_order(oid)
    assert form.order_id == oid and part(form.lines.rows[0])
    assert fitted() and header.sectionSize(5) >= header.fontMetrics().horizontalAdvance("888,888")
    assert before > 0
