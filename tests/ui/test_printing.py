"""Printing from the order form: QtPdf onto a QPrinter (PDF output as the stand-in printer)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from service_desk.store import queries
from service_desk.ui import printing as ui_printing
from service_desk.ui.printing import PreviewDialog


def menu_action(form, menu, name) -> QAction:
    menu.aboutToShow.emit()
    action = menu.findChild(QAction, name) or next(
        (a for a in menu.actions() if a.objectName() == name), None
    )
    assert action is not None, [a.objectName() for a in menu.actions()]
    return action


def test_print_button_sends_the_order_to_the_printer_and_logs_it(
    qtbot, window, ctx, order_id, pdf_printer, answers, monkeypatch
):
    from service_desk.ui import ask

    asked = []
    monkeypatch.setattr(ask, "choose_printer", lambda *_a: asked.append(1) or True)
    order = queries.order(ctx.db, order_id)
    window.picked(order["customer_id"], order["vehicle_id"], order_id)
    form = window.reception.form
    assert form.print_button.isEnabled()
    form.print_menu.aboutToShow.emit()
    names = [a.objectName() for a in form.print_menu.actions()]
    assert names == [
        "print_repair_order",
        "print_diagnosis",
        "print_check_in_sheet",
        "print_belongings",
    ]
    menu_action(form, form.print_menu, "print_repair_order").trigger()

    assert asked == [1]  # the first print asks for the printer, once
    assert pdf_printer[0].exists()
    assert len(PdfReader(io.BytesIO(pdf_printer[0].read_bytes())).pages) == 1
    log = queries.print_log(ctx.db, order_id)
    assert [(r["form_kind"], r["copy_no"], r["staff_name"]) for r in log] == [
        ("repair_order", 0, "王芳")
    ]
    assert log[0]["printer"].endswith("repair_order-0.pdf")
    assert "1×" in form.findChild(QLabel, "order_print_log").text()

    # a second print goes straight to the same printer and is a copy
    monkeypatch.setattr(ui_printing, "has_remembered_printer", lambda _k: True)
    menu_action(form, form.print_menu, "print_repair_order").trigger()
    assert asked == [1]
    assert [r["copy_no"] for r in queries.print_log(ctx.db, order_id)] == [0, 1]
    _pdf, copy = form.printing.render("repair_order", order_id)
    assert copy is True


def test_preview_shows_the_form_and_prints_from_there(
    qtbot, window, ctx, order_id, pdf_printer, monkeypatch
):
    monkeypatch.setattr(ui_printing, "has_remembered_printer", lambda _k: True)
    order = queries.order(ctx.db, order_id)
    window.picked(order["customer_id"], order["vehicle_id"], order_id)
    form = window.reception.form
    menu_action(form, form.preview_menu, "preview_diagnosis").trigger()
    dialog = form.findChild(PreviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.document.pageCount() == 1
    dialog.print_button.click()
    assert [r["form_kind"] for r in queries.print_log(ctx.db, order_id)] == ["diagnosis"]
    assert not dialog.isVisible()


def test_a_missing_font_is_a_message_not_a_crash(
    qtbot, window, ctx, order_id, pdf_printer, monkeypatch
):
    from service_desk.printing import render as render_module

    monkeypatch.setattr(render_module, "add_cjk_font", _raise_missing)
    order = queries.order(ctx.db, order_id)
    window.picked(order["customer_id"], order["vehicle_id"], order_id)
    form = window.reception.form
    menu_action(form, form.print_menu, "print_repair_order").trigger()
    assert not form.message.isHidden() and "font" in form.message.text().lower()
    assert queries.print_log(ctx.db, order_id) == []


def _raise_missing(*_a, **_k):
    from service_desk.printing.fonts import FontMissingError

    raise FontMissingError(["C:/Windows/Fonts", "resources/fonts"])


def test_printer_and_paper_are_remembered_per_form_kind(qapp):
    from PySide6.QtGui import QPageLayout, QPageSize

    first = ui_printing.remembered_printer("repair_order")
    assert first.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    first.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5),
            QPageLayout.Orientation.Portrait,
            first.pageLayout().margins(),
        )
    )
    ui_printing.remember_printer("repair_order", first)
    assert ui_printing.has_remembered_printer("repair_order") is False  # no named printer here
    again = ui_printing.remembered_printer("repair_order")
    assert again.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    other = ui_printing.remembered_printer("diagnosis")
    assert other.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
