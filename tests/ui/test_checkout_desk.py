"""The checkout desk driven like a user: a full pickup — the statement, a discount refused
then approved with the supervisor's PIN (a wrong PIN approves nothing), a split payment,
settling, the release refused while something is missing, the key handed back, the
belongings ticked back and signed, documents, readings out, release — then the printed
exit notice, statement and guarantee hold the right figures."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from service_desk.actions import appointments, keys, orders
from service_desk.actions import settlement as st
from service_desk.domain.money import format_yuan
from service_desk.store import (
    appointment_queries,
    checkin_queries,
    key_queries,
    queries,
    release_queries,
)
from service_desk.store import settlement_queries as sq
from tests.actions.test_appointments import booking
from tests.actions.test_settlement import walk_in
from tests.actions.test_workshop import bring_to_ready
from tests.conftest import NOW
from tests.printing.conftest import flat, pdf_pages
from tests.ui.tabs import press_tab_key
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text

SUPERVISOR_PIN = "2468"


@pytest.fixture
def ready(ctx, order_id) -> int:
    """The conftest order, worked and ready for pickup at 17:00 (its key out with the
    workshop, half a tank and 41,560 km at check-in)."""
    bring_to_ready(ctx, order_id, 123456, "phone")
    return order_id


def open_desk(qtbot, window):
    """The checkout tab (its Ctrl+N)."""
    qtbot.waitUntil(window.isActiveWindow)
    press_tab_key(qtbot, window, window.checkout)
    assert window.tabs.currentWidget() is window.checkout
    return window.checkout


@pytest.fixture
def desk(qtbot, ready, window):
    desk = open_desk(qtbot, window)
    assert [(r["id"], r["state"]) for r in desk.queue_model.rows] == [(ready, "ready")]
    rect = desk.queue.visualRect(desk.queue_model.index(0, 1))
    qtbot.mouseClick(desk.queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.order_id == ready == window.session.current_order_id
    return desk


def label(desk, name: str) -> str:
    return find(desk, QLabel, name).text()


def pick(qtbot, box: QComboBox, code) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentData() != code:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def supervisor_says(answers, pin: str) -> None:
    answers.choices.append(0)  # 陈主管, the only supervisor
    answers.texts.append(pin)


def test_a_full_pickup(qtbot, ctx, ready, desk, answers, printed):
    db = ctx.db
    oid = ready
    s = st.statement(db, oid)
    due = s["customer_due_fen"]
    assert due > 0
    assert label(desk, "statement_actual") == format_yuan(s["actual"]["total_fen"])
    assert label(desk, "statement_due") == format_yuan(due)
    assert format_yuan(due) in label(desk, "statement_balance")
    assert desk.statement.lines_model.rowCount() == len(s["lines"])

    # --- a discount asked, refused by the supervisor
    discounts = desk.discounts
    click(qtbot, find(discounts, QPushButton, "discount_ask"))  # nothing typed
    assert error_of(discounts, "amount")
    type_text(qtbot, find(discounts, QLineEdit, "discount_amount"), "50")
    type_text(qtbot, find(discounts, QLineEdit, "discount_reason"), "老客户，等候时间长")
    click(qtbot, find(discounts, QPushButton, "discount_ask"))
    assert [d["state"] for d in sq.discounts_of(db, oid)] == ["requested"]
    supervisor_says(answers, SUPERVISOR_PIN)
    click(qtbot, find(discounts, QPushButton, "discount_refuse"))
    refused = sq.discounts_of(db, oid)[0]
    assert (refused["state"], refused["decided_by_name"]) == ("refused", "陈主管")
    assert label(desk, "statement_discount") == format_yuan(0)

    # --- asked again; a wrong PIN approves nothing; the right one does
    type_text(qtbot, find(discounts, QLineEdit, "discount_amount"), "50")
    type_text(qtbot, find(discounts, QLineEdit, "discount_reason"), "老客户")
    click(qtbot, find(discounts, QPushButton, "discount_ask"))
    supervisor_says(answers, "0000")
    click(qtbot, find(discounts, QPushButton, "discount_approve"))
    assert "PIN" in label(discounts, "discount_message")
    assert [d["state"] for d in sq.discounts_of(db, oid)] == ["refused", "requested"]
    supervisor_says(answers, SUPERVISOR_PIN)
    click(qtbot, find(discounts, QPushButton, "discount_approve"))
    approved = sq.discounts_of(db, oid)[1]
    assert (approved["state"], approved["applied_fen"]) == ("approved", 5000)
    assert label(desk, "statement_discount") == format_yuan(5000)
    after_discount = due - 5000

    # --- a split payment: WeChat for ¥300, the rest in cash (the amount is prefilled)
    payments = desk.payments
    amount = find(payments, QLineEdit, "payment_amount")
    assert amount.text() == format_yuan(after_discount, False)
    click(qtbot, find(payments, QPushButton, "payment_settle"))
    assert "balance" in label(payments, "payment_message").lower()
    assert queries.order(db, oid)["state"] == "ready"
    pick(qtbot, find(payments, QComboBox, "payment_method"), "wechat")
    amount.selectAll()
    type_text(qtbot, amount, "999999")
    click(qtbot, find(payments, QPushButton, "payment_take"))
    assert error_of(payments, "amount")  # more than what is left
    amount.selectAll()
    type_text(qtbot, amount, "300")
    type_text(qtbot, find(payments, QLineEdit, "payment_reference"), "4200001234")
    click(qtbot, find(payments, QPushButton, "payment_take"))
    assert amount.text() == format_yuan(after_discount - 30000, False)
    pick(qtbot, find(payments, QComboBox, "payment_method"), "cash")
    click(qtbot, find(payments, QPushButton, "payment_take"))
    paid = [(p["method"], p["amount_fen"]) for p in sq.payments_of(db, oid)]
    assert paid == [("wechat", 30000), ("cash", after_discount - 30000)]
    click(qtbot, find(payments, QPushButton, "payment_settle"))
    assert queries.order(db, oid)["state"] == "settled"
    settled = sq.settlement(db, oid)
    assert (settled["total_fen"], settled["discount_fen"], settled["paid_fen"]) == (
        due,
        5000,
        after_discount,
    )
    assert settled["arrears_fen"] == 0

    # --- release refused while something is missing, naming it
    panel = desk.release_panel
    release = find(panel, QPushButton, "release_car")
    assert not release.isEnabled()
    assert label(panel, "release_not_settled").startswith("✓")
    assert label(panel, "release_key_not_returned").startswith("✗")
    click(qtbot, find(panel, QPushButton, "release_keys"))  # the key is still out
    assert "not in the cabinet" in label(panel, "release_message")
    main = key_queries.keys_of_order(db, oid)[0]
    keys.back_to_cabinet(ctx, main["id"], 7)  # the workshop hangs it back
    desk.session.notify("keys")
    click(qtbot, find(panel, QPushButton, "release_keys"))
    assert key_queries.key_returned(db, oid)

    # --- belongings ticked back and signed, documents, readings out
    click(qtbot, find(panel, QPushButton, "release_belongings"))
    assert checkin_queries.checkin(db, oid)["returned_at"] is not None
    click(qtbot, find(panel, QPushButton, "release_belongings_signed"))
    click(qtbot, find(panel, QPushButton, "release_documents"))
    click(qtbot, find(panel, QPushButton, "release_readings"))  # nothing read yet
    assert error_of(panel, "odometer")
    type_text(qtbot, find(panel, QLineEdit, "release_odometer"), "41572")
    pick(qtbot, find(panel, QComboBox, "release_fuel_eighths"), 4)
    click(qtbot, find(panel, QPushButton, "release_readings"))
    recorded = release_queries.release(db, oid)
    assert (recorded["odometer_out"], recorded["fuel_unit"], recorded["fuel_value"]) == (
        41572,
        "eighths",
        4,
    )
    assert recorded["documents_returned"] and recorded["belongings_signed_at"]

    # --- release: the order leaves, four papers are printed
    assert release.isEnabled()
    click(qtbot, release)
    assert queries.order(db, oid)["state"] == "released"
    assert release_queries.release(db, oid)["released_at"] is not None
    kinds = [r["form_kind"] for r in db.query("SELECT form_kind FROM print_log ORDER BY id")]
    assert kinds == ["exit_notice", "statement", "guarantee", "repair_order"]
    texts = [flat("".join(pdf_pages(pdf))) for pdf in printed]
    exit_notice, statement, guarantee, repair_order = texts
    yuan = format_yuan  # the figures as printed
    assert "出厂通知单" in exit_notice and "41,572" in exit_notice.replace("，", ",")
    assert flat(yuan(after_discount)) in exit_notice
    assert "结算单" in statement
    for figure in (due, 5000, 30000, after_discount - 30000):
        assert flat(yuan(figure)) in statement
    assert "微信" in statement
    assert "质量保证书" in guarantee and "皖B7K2M9" in guarantee
    assert "进厂维修单" in repair_order
    assert desk.queue_model.rowCount() == 0


def test_nothing_missing_but_unsettled_names_the_bill(qtbot, ctx, ready, desk):
    assert label(desk.release_panel, "release_not_settled").startswith("✗")
    assert not find(desk.release_panel, QPushButton, "release_car").isEnabled()


@pytest.fixture
def declined(ctx) -> int:
    _, vid = walk_in(ctx)
    oid = orders.open_order(ctx, vid, "发动机故障灯亮")
    orders.record_consent(ctx, oid)
    orders.decline(ctx, oid, note="价格太高")
    return oid


def test_a_declined_order_settles_its_fee_and_prints(
    qtbot, ctx, declined, window, answers, printed
):
    desk = open_desk(qtbot, window)
    window.session.set_current_order(declined)
    assert desk.order_id == declined
    assert not desk.release_panel.isVisible() and not desk.discounts.isVisible()
    assert format_yuan(5000) in label(desk, "statement_balance")
    payments = desk.payments
    assert not find(payments, QPushButton, "payment_settle").isVisible()
    pick(qtbot, find(payments, QComboBox, "payment_method"), "alipay")
    click(qtbot, find(payments, QPushButton, "payment_fee"))
    assert queries.order(ctx.db, declined)["state"] == "closed"
    assert [(p["method"], p["amount_fen"]) for p in sq.payments_of(ctx.db, declined)] == [
        ("alipay", 5000)
    ]
    kinds = [r["form_kind"] for r in ctx.db.query("SELECT form_kind FROM print_log ORDER BY id")]
    assert kinds == ["exit_notice", "statement"]
    notice = flat("".join(pdf_pages(printed[0])))
    assert flat(format_yuan(5000)) in notice


def test_no_supervisor_no_discount(qtbot, ctx, ready, desk, answers):
    discounts = desk.discounts
    type_text(qtbot, find(discounts, QLineEdit, "discount_percent"), "10")
    type_text(qtbot, find(discounts, QLineEdit, "discount_reason"), "pay quickly")
    click(qtbot, find(discounts, QPushButton, "discount_ask"))
    answers.choices.append(None)  # the supervisor does not come
    click(qtbot, find(discounts, QPushButton, "discount_approve"))
    assert [d["state"] for d in sq.discounts_of(ctx.db, ready)] == ["requested"]
    assert label(desk, "statement_discount") == format_yuan(0)


def test_arrears_need_the_supervisor_then_settle(qtbot, ctx, ready, desk, answers):
    payments = desk.payments
    amount = find(payments, QLineEdit, "payment_amount")
    amount.selectAll()
    type_text(qtbot, amount, "100")
    click(qtbot, find(payments, QPushButton, "payment_take"))
    left = st.statement(ctx.db, ready)["balance_fen"]
    supervisor_says(answers, SUPERVISOR_PIN)
    answers.texts.append("月底公司转账")
    click(qtbot, find(payments, QPushButton, "payment_arrears"))
    click(qtbot, find(payments, QPushButton, "payment_settle"))
    assert queries.order(ctx.db, ready)["state"] == "settled"
    assert sq.settlement(ctx.db, ready)["arrears_fen"] == left
    customer = queries.order(ctx.db, ready)["customer_id"]
    assert sq.customer_arrears(ctx.db, customer) == left


def test_the_appointment_deposit_is_credited_at_the_checkout(qtbot, ctx, window):
    vehicle = walk_in(ctx)[1]
    booked = appointments.book(ctx, booking(vehicle, jobs=("service_10000",)))
    deposit = appointment_queries.appointment(ctx.db, booked)["deposit_required_fen"]
    appointments.record_deposit(ctx, booked, "wechat", deposit, "WX9")
    oid = appointments.arrive(ctx, booked)
    orders.save_reception(
        ctx, oid, request="常规保养", odometer_in=23100, promised_at=NOW + dt.timedelta(hours=3)
    )
    orders.sign(ctx, oid)
    bring_to_ready(ctx, oid, 0, "phone")
    desk = open_desk(qtbot, window)
    window.session.set_current_order(oid)
    due = st.statement(ctx.db, oid)["balance_fen"]
    credit = find(desk.payments, QPushButton, "payment_deposit")
    assert credit.isVisible() and format_yuan(deposit) in credit.text()
    click(qtbot, credit)
    payments = sq.payments_of(ctx.db, oid)
    assert [(p["method"], p["amount_fen"]) for p in payments] == [("wechat", deposit)]
    assert st.statement(ctx.db, oid)["balance_fen"] == due - deposit
    assert not credit.isVisible()  # credited once
