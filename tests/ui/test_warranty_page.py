"""The warranty page (R19), driven like a user: a claim filed for a released warranty
order, approved with an amount, paid; a rejection with its reason (the order back on the
list); an approval above the claim refused under the field; the open claims printed;
a claim to chase in red; a car due for its first service, opened at reception."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from service_desk.actions import warranty as wa
from service_desk.domain.clock import fixed_clock
from service_desk.ui import warranty_messages as texts
from service_desk.ui.warranty_page import WarrantyPage
from tests.actions.test_warranty import WARRANTY, release, warranty_order, young_car
from tests.actions.test_workshop import at
from tests.printing.conftest import flat, pdf_pages
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text

DAY = dt.timedelta(days=1)


@pytest.fixture
def released(ctx) -> int:
    return release(ctx, warranty_order(ctx))


@pytest.fixture
def page(qtbot, session, released):
    session.ctx.clock = fixed_clock(at(10, 0) + DAY)  # the morning after the release
    page = WarrantyPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 950)
    page.show()
    qtbot.waitExposed(page)
    return page


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(qtbot, edit, text)


def enter(qtbot, edit: QLineEdit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def status_cell(model, row: int, header: str):
    column = next(i for i, (h, _f) in enumerate(model.columns) if h == header)
    index = model.index(row, column)
    return index.data(), index.data(Qt.ItemDataRole.ForegroundRole)


def test_file_approve_and_pay_a_claim(qtbot, ctx, released, page):
    db = ctx.db
    [order] = page.to_claim_model.rows
    assert order["order_id"] == released and not page.to_claim_empty.isVisible()
    assert page.open_empty.isVisible() and not page.file_button.isEnabled()
    click_row(qtbot, page.to_claim, 0)
    click(qtbot, page.file_button)
    form = page.form
    number = find(form, QLineEdit, "warranty_claim_number")
    amount = find(form, QLineEdit, "warranty_amount")
    assert form.isVisible() and number.hasFocus()
    assert amount.text() == "540.00"  # the order's warranty lines
    type_text(qtbot, number, "sp20261128001")
    enter(qtbot, number)
    assert not form.isVisible()
    [claim] = wa.open_claims(db, page.now())
    assert (claim["claim_number"], claim["claimed_fen"], claim["state"]) == (
        "SP20261128001",
        WARRANTY,
        "submitted",
    )
    assert page.result.text() == "Claim SP20261128001 filed."
    assert page.to_claim_model.rows == [] and page.to_claim_empty.isVisible()
    assert page.open_model.rows[0]["id"] == claim["id"]

    # approved above the claim: refused under the amount, what was typed kept
    page.session.ctx.clock = fixed_clock(at(10, 0) + 12 * DAY)
    page.refresh()
    click_row(qtbot, page.open_claims, 0)
    assert not page.paid_button.isEnabled()
    click(qtbot, page.approve_button)
    assert amount.text() == "540.00" and amount.hasFocus()
    retype(qtbot, amount, "600")
    enter(qtbot, amount)
    assert error_of(form, "amount") == "At most the amount claimed, ¥540.00."
    assert form.isVisible() and amount.text() == "600"
    assert wa.claim(db, claim["id"])["state"] == "submitted"
    retype(qtbot, amount, "500")
    click(qtbot, find(form, QPushButton, "warranty_form_ok"))
    approved = wa.claim(db, claim["id"])
    assert (approved["state"], approved["approved_fen"]) == ("approved", 50_000)
    assert page.result.text() == "Claim SP20261128001: approval recorded."
    assert "approved" in page.open_model.rows[0]["state"]

    # paid, a little short of the approval
    page.session.ctx.clock = fixed_clock(at(15, 0) + 30 * DAY)
    page.refresh()
    click_row(qtbot, page.open_claims, 0)
    assert page.paid_button.isEnabled() and not page.approve_button.isEnabled()
    qtbot.keyClick(page.open_claims, Qt.Key.Key_Return)  # Enter: the claim's next step
    assert form.title() == "Paid by the manufacturer" and amount.text() == "500.00"
    retype(qtbot, amount, "495.5")
    enter(qtbot, amount)
    paid = wa.claim(db, claim["id"])
    assert (paid["state"], paid["paid_fen"]) == ("paid", 49_550)
    assert page.open_model.rows == [] and page.open_empty.isVisible()
    figures = page.figures.text()
    assert "¥495.50" in figures and "¥4.50" in figures  # paid this month, and the shortfall


def test_a_rejection_with_its_reason(qtbot, ctx, released, page):
    cid = wa.file_claim(page.session.ctx, released, "SP0001")
    page.refresh()
    click_row(qtbot, page.open_claims, 0)
    click(qtbot, page.reject_button)
    form = page.form
    reason = find(form, QLineEdit, "warranty_reason")
    assert reason.hasFocus() and not find(form, QLineEdit, "warranty_amount").isVisible()
    enter(qtbot, reason)
    assert error_of(form, "reason") == "Say why the manufacturer rejected the claim."
    type_text(qtbot, reason, "缺少故障照片")
    enter(qtbot, reason)
    claim = wa.claim(ctx.db, cid)
    assert (claim["state"], claim["rejection_reason"]) == ("rejected", "缺少故障照片")
    assert "can be claimed again" in page.result.text()
    # back among the orders to claim, its rejected claim counted; filed again
    [order] = page.to_claim_model.rows
    assert order["order_id"] == released and order["rejected_claims"] == 1
    click_row(qtbot, page.to_claim, 0)
    qtbot.keyClick(page.to_claim, Qt.Key.Key_Return)
    number = find(form, QLineEdit, "warranty_claim_number")
    type_text(qtbot, number, "SP0001")
    enter(qtbot, number)  # the rejected claim's number: refused under the field
    assert "already" in error_of(form, "claim_number") and number.text() == "SP0001"
    type_text(qtbot, number, "-2")
    enter(qtbot, number)
    assert wa.claims_of_order(ctx.db, released)[-1]["refiles"] == cid


def test_a_claim_to_chase_and_the_printed_list(qtbot, ctx, released, page, printed):
    wa.file_claim(page.session.ctx, released, "SP0001")
    page.session.ctx.clock = fixed_clock(at(10, 0) + 16 * DAY)  # 15 days unanswered
    page.refresh()
    header = page.open_model.status_header
    text, colour = status_cell(page.open_model, 0, header)
    assert text == "15 days · chase" and colour.name() == texts.RED
    assert "1 claims open (1 to chase), ¥540.00 expected" in page.summary.text()
    click(qtbot, page.print_button)
    [pdf] = printed
    body = flat("".join(pdf_pages(pdf)))
    assert "索赔单跟踪表" in body and "SP0001" in body and "催办" in body
    log = list(ctx.db.query("SELECT order_id, form_kind, staff_id FROM print_log"))
    assert log == [{"order_id": None, "form_kind": "warranty_claims", "staff_id": ctx.user_id}]


def test_a_car_due_for_its_first_service_opens_at_reception(qtbot, ctx, session):
    cid, vid = young_car(ctx, "皖B10001", dt.date(2026, 6, 10), 3100, "13900000001")
    session.ctx.clock = fixed_clock(at(10, 0))
    page = WarrantyPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 950)
    page.show()
    qtbot.waitExposed(page)
    assert page.to_claim_empty.isVisible() and page.open_empty.isVisible()
    [row] = page.first_model.rows
    assert row["line"].plate == "皖B10001"
    text, colour = status_cell(page.first_model, 0, page.first_model.status_header)
    assert text == "Due now" and colour.name() == texts.AMBER
    assert "1 cars due for their first service" in page.summary.text()
    click_row(qtbot, page.first, 0)
    with qtbot.waitSignal(page.open_vehicle) as signal:
        qtbot.keyClick(page.first, Qt.Key.Key_Return)
    assert signal.args == [cid, vid]
    assert find(page, QLabel, "warranty_first_empty").isHidden()
