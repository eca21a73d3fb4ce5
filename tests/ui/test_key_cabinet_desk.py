"""The key cabinet desk driven like the counter: pick an order, click hooks, type, print."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QLabel

from service_desk.actions import keys
from service_desk.store import key_queries, queries, settings
from service_desk.ui import printing as ui_printing
from service_desk.ui.key_cabinet_desk import KeyCabinetDesk
from service_desk.ui.key_grid import GONE
from tests.conftest import staff_id
from tests.keys_dataset import advance, planted_day, signed_order
from tests.ui.tabs import press_tab_key
from tests.ui.typing import type_text


@pytest.fixture
def pdf_printer(pdf_printer, monkeypatch):
    """The shared PDF stand-in printer, already chosen once (no print dialog)."""
    monkeypatch.setattr(ui_printing, "has_remembered_printer", lambda _k: True)
    return pdf_printer


def open_desk(qtbot, window, order_id: int | None = None) -> KeyCabinetDesk:
    if order_id is not None:
        order = queries.order(window.session.db, order_id)
        window.picked(order["customer_id"], order["vehicle_id"], order_id)  # at reception
    window.activateWindow()
    press_tab_key(qtbot, window, window.keys)
    assert window.tabs.currentWidget() is window.keys
    return window.keys


def click_hook(qtbot, desk: KeyCabinetDesk, hook: int) -> None:
    grid = desk.grid
    rect = grid.visualRect(grid.hooks.index_of(hook))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell(desk: KeyCabinetDesk, hook: int, role=Qt.ItemDataRole.DisplayRole):
    return desk.grid.hooks.index_of(hook).data(role)


def error(desk: KeyCabinetDesk, field: str) -> QLabel:
    return desk.order_panel.findChild(QLabel, f"error_{field}")


def test_the_current_order_follows_the_counter_to_the_key_desk(qtbot, window, ctx, order_id):
    desk = open_desk(qtbot, window)
    panel = desk.order_panel
    assert not panel.empty.isHidden() and panel.body.isHidden()
    assert cell(desk, 1) == "1\nfree" and desk.grid.hooks.rowCount() == 6
    assert "0 of 60 hooks in use" in desk.summary.text()
    assert desk.queue_model.rows[0]["plate"] == "皖B7K2M9"  # signed, no key yet

    desk = open_desk(qtbot, window, order_id)
    assert panel.empty.isHidden() and not panel.body.isHidden()
    assert "WX 20261127 0001" in panel.header.text() and "皖B7K2M9" in panel.header.text()
    assert not panel.no_keys.isHidden()
    assert panel.hook.value() == 1  # the lowest free hook is offered
    assert panel.kind.currentData() == "main"
    assert not panel.print_tag.isEnabled()


def test_register_the_key_on_the_clicked_hook_7(qtbot, window, ctx, order_id, answers):
    desk = open_desk(qtbot, window, order_id)
    panel = desk.order_panel
    click_hook(qtbot, desk, 7)
    assert panel.hook.value() == 7
    type_text(qtbot, panel.label, "黑色遥控")
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)

    on_7 = key_queries.key_on_hook(ctx.db, 7)
    assert (on_7["order_id"], on_7["kind"], on_7["label"]) == (order_id, "main", "黑色遥控")
    assert cell(desk, 7) == "7 · Main\n皖B7K2M9\nSigned"
    assert cell(desk, 7, Qt.ItemDataRole.FontRole).bold()  # a key of the current order
    assert "1 of 60 hooks in use" in desk.summary.text()
    assert [r["plate"] for r in desk.queue_model.rows] == []
    assert [r["hook"] for r in panel.keys_model.rows] == [7]
    assert "In cabinet: hook 7" in panel.keys_model.rows[0]["where"]
    assert [(r["action"], r["to_hook"]) for r in panel.history.rows] == [("register", 7)]
    assert panel.label.text() == ""
    assert panel.kind.currentData() == "main" and panel.hook.value() == 1  # next suggestion
    assert panel.print_tag.isEnabled()
    assert answers.asked == []  # no confirmation for a registration

    # Ctrl+Enter in the form registers too: the spare goes on the offered hook 1
    panel.kind.setCurrentIndex(panel.kind.findData("spare"))
    panel.label.setFocus()
    qtbot.keyClick(panel.label, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert key_queries.key_on_hook(ctx.db, 1)["kind"] == "spare"


def test_an_occupied_hook_is_refused_under_the_hook_field(qtbot, window, ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7)
    other = signed_order(ctx, "皖B20002", "钱多多", "13900000002")
    window.session.notify("keys")
    desk = open_desk(qtbot, window, other)
    panel = desk.order_panel
    panel.hook.setValue(7)
    type_text(qtbot, panel.label, "备用")
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    assert not error(desk, "hook").isHidden()
    assert error(desk, "hook").text() == (
        "Hook 7 already holds a key of 皖B7K2M9: choose a free hook."
    )
    assert panel.label.text() == "备用"  # the typing is kept
    assert key_queries.keys_of_order(ctx.db, other) == []
    # clicking the occupied hook shows whose key it is: that order becomes current
    click_hook(qtbot, desk, 7)
    assert window.session.current_order_id == order_id
    assert "皖B7K2M9" in panel.header.text()


def test_movements_are_recorded_with_who_and_why(qtbot, window, ctx, order_id, answers):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    ctx.db.execute("UPDATE repair_orders SET technician = '' WHERE id = ?", [order_id])
    desk = open_desk(qtbot, window, order_id)
    panel = desk.order_panel
    assert panel.action.currentData() == "to_workshop"
    assert panel.to_whom.text() == ""
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert error(desk, "to_whom").text() == "Say who takes the key (technician, driver)."
    assert key_queries.key(ctx.db, key_id)["state"] == "in_cabinet"

    type_text(qtbot, panel.to_whom, "赵师傅")
    type_text(qtbot, panel.reason, "换刹车片")
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)  # Enter in the last field records it
    out = key_queries.key(ctx.db, key_id)
    assert (out["state"], out["holder"]) == ("out", "赵师傅")
    assert cell(desk, 7) == "7\nfree"
    assert "Out: with 赵师傅 since 11-27 09:30 (0 min)" in panel.keys_model.rows[0]["where"]
    assert panel.action.currentData() == "back_to_cabinet"  # the usual next step

    # handing an out key back to the customer is refused, and says why
    panel.action.setCurrentIndex(panel.action.findData("returned"))
    answers.confirms.append(True)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert "not in the cabinet" in panel.message.text() and not panel.message.isHidden()

    # back on the free hook clicked in the grid
    click_hook(qtbot, desk, 9)
    assert panel.action.currentData() == "back_to_cabinet" and panel.back_hook.value() == 9
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert key_queries.key_on_hook(ctx.db, 9)["id"] == key_id
    assert [
        (r["action"], r["to_whom"], r["reason"], r["staff_name"]) for r in panel.history.rows
    ] == [
        ("register", "", "", "王芳"),
        ("to_workshop", "赵师傅", "换刹车片", "王芳"),
        ("back_to_cabinet", "", "", "王芳"),
    ]


def test_returning_the_key_to_the_customer_asks_first(qtbot, window, ctx, order_id, answers):
    key_id = keys.register_key(ctx, order_id, "main", 7)
    desk = open_desk(qtbot, window, order_id)
    panel = desk.order_panel
    panel.action.setCurrentIndex(panel.action.findData("returned"))
    assert panel.to_whom.placeholderText() == "Customer: 张伟"
    answers.confirms.append(False)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert "Hand the Main key of 皖B7K2M9 back to 张伟?" in answers.asked[-1]
    assert key_queries.key(ctx.db, key_id)["state"] == "in_cabinet"
    answers.confirms.append(True)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert key_queries.key(ctx.db, key_id)["state"] == "returned"
    assert key_queries.key_returned(ctx.db, order_id)
    assert panel.keys_model.rows[0]["where"] == "Returned: to 张伟"
    assert cell(desk, 7) == "7\nfree"
    assert not panel.print_tag.isEnabled()


def test_the_end_of_day_check_shows_and_prints_the_planted_exceptions(
    qtbot, window, ctx, order_id, pdf_printer, answers
):
    day = planted_day(ctx, order_id)
    window.session.ctx.clock = ctx.clock
    desk = open_desk(qtbot, window)
    assert desk.tabs.tabText(1) == "End-of-day check (3)"
    qtbot.keyClick(desk, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    check = desk.check_panel
    assert desk.tabs.currentWidget() is check
    assert check.verdict.text().startswith("3 exceptions to clear")
    assert [r["plate"] for r in check.released.rows] == ["皖B20002"]
    assert [(r["plate"], r["holder"]) for r in check.overdue.rows] == [("皖B30003", "吴海涛")]
    assert [r["plate"] for r in check.no_key.rows] == ["皖B40004"]
    assert [b.title() for b in check.boxes] == [
        "1. Car has left, key still here (1)",
        "2. Out longer than 4 h (1)",
        "3. Car checked in, no key registered (1)",
    ]
    assert cell(desk, 12, Qt.ItemDataRole.BackgroundRole).name() == GONE[0]
    assert cell(desk, 12).endswith("Car left")

    check.print_button.click()
    [pdf] = pdf_printer  # the page went to the stand-in printer (its content: tests/printing)
    assert len(PdfReader(io.BytesIO(pdf.read_bytes())).pages) == 1
    log = list(ctx.db.query("SELECT * FROM print_log"))
    assert [(r["order_id"], r["form_kind"], r["copy_no"]) for r in log] == [(None, "key_report", 0)]

    # a picked exception opens its order; clearing it clears the check
    view = check.views[2]
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 0)).center(),
    )
    assert window.session.current_order_id == day.no_key
    assert desk.tabs.currentWidget() is desk.order_panel
    panel = desk.order_panel
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    assert key_queries.keys_of_order(ctx.db, day.no_key)
    assert desk.tabs.tabText(1) == "End-of-day check (2)"


def test_print_the_key_tag_from_the_desk(qtbot, window, ctx, order_id, pdf_printer):
    keys.register_key(ctx, order_id, "main", 7)
    desk = open_desk(qtbot, window, order_id)
    panel = desk.order_panel
    qtbot.keyClick(panel.label, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [pdf] = pdf_printer
    assert pdf.exists()
    assert [(r["form_kind"], r["copy_no"]) for r in queries.print_log(ctx.db, order_id)] == [
        ("key_tag", 0)
    ]
    # the reception's print menu offers the tag too, under its name
    form = window.reception.form
    form.print_menu.aboutToShow.emit()
    names = {a.objectName(): a.text() for a in form.print_menu.actions()}
    assert names["print_key_tag"] == "Key tag"


def test_the_key_tag_goes_to_label_paper(qapp):
    printer = ui_printing.remembered_printer("key_tag")
    size = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (70, 40)
    ui_printing.remember_printer("key_tag", printer)  # a custom size is kept by the template
    again = ui_printing.remembered_printer("key_tag").pageLayout()
    assert round(again.fullRect(QPageLayout.Unit.Millimeter).width()) == 70
    report = ui_printing.remembered_printer("key_report").pageLayout()
    assert round(report.fullRect(QPageLayout.Unit.Millimeter).width()) == 210


def test_a_smaller_cabinet_still_shows_a_key_on_a_high_hook(qtbot, window, ctx, order_id):
    keys.register_key(ctx, order_id, "main", 58)
    settings.put(ctx.db, "key_cabinet_hooks", 20)
    desk = open_desk(qtbot, window, order_id)
    window.session.notify("settings")
    assert desk.grid.hooks.size == 58
    assert cell(desk, 58).startswith("58 · Main")
    assert "1 of 20 hooks in use" in desk.summary.text()


def test_a_key_of_a_car_gone_is_red_and_said_in_words(qtbot, window, ctx, order_id):
    keys.register_key(ctx, order_id, "main", 7)
    ctx.user_id = staff_id(ctx, "李强")
    advance(ctx, order_id, "released")
    desk = open_desk(qtbot, window)
    window.session.notify("orders")
    assert cell(desk, 7) == "7 · Main\n皖B7K2M9\nCar left"
    assert cell(desk, 7, Qt.ItemDataRole.ForegroundRole).name() == GONE[1]


def test_cabinet_size_and_alert_hours_are_set_in_settings(qtbot, window, ctx, answers):
    desk = window.settings_desk
    window.tabs.setCurrentWidget(desk)
    assert (desk.key_hooks.text(), desk.key_alert.text()) == ("60", "4")
    for field, text in ((desk.key_hooks, "８０"), (desk.key_alert, "abc")):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        type_text(qtbot, field, text)
    qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
    assert desk.findChild(QLabel, "error_key_out_alert_hours").text() == "Enter a whole number."
    assert answers.asked == []
    desk.key_alert.setText("0")
    qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
    assert desk.findChild(QLabel, "error_key_out_alert_hours").text() == "Between 1 and 72 hours."
    desk.key_alert.setText("6")
    answers.choices.append(0)
    answers.texts.append("2468")
    qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
    assert (
        settings.get(ctx.db, "key_cabinet_hooks"),
        settings.get(ctx.db, "key_out_alert_hours"),
    ) == (
        80,
        6,
    )
    keys_desk = open_desk(qtbot, window)
    assert keys_desk.grid.hooks.size == 80 and keys_desk.grid.hooks.rowCount() == 8
    assert "2. Out longer than 6 h (0)" in [b.title() for b in keys_desk.check_panel.boxes]


def test_previews_show_one_label_per_key_and_the_report(qtbot, window, ctx, order_id, pdf_printer):
    from service_desk.ui.printing import PreviewDialog

    keys.register_key(ctx, order_id, "main", 7)
    keys.register_key(ctx, order_id, "spare", 8)
    desk = open_desk(qtbot, window, order_id)
    qtbot.mouseClick(desk.order_panel.preview_tag, Qt.MouseButton.LeftButton)
    dialog = desk.order_panel.findChild(PreviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.document.pageCount() == 2 and dialog.windowTitle() == "Key tag"
    dialog.print_button.click()
    assert [r["form_kind"] for r in queries.print_log(ctx.db, order_id)] == ["key_tag"]

    check = desk.check_panel
    qtbot.mouseClick(check.preview_button, Qt.MouseButton.LeftButton)
    report = check.findChild(PreviewDialog)
    assert report is not None and report.windowTitle() == "Key cabinet end-of-day check"
    report.print_button.click()
    kinds = [r[0] for r in ctx.db.execute("SELECT form_kind FROM print_log ORDER BY id")]
    assert kinds == ["key_tag", "key_report"]
