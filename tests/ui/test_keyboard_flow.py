"""The counter without the mouse.

The measure (issue 10): a returning customer's order found, opened and printed with key
events only — every key event counted — in at most 12 keystrokes and 20 s of a person's
time. Then: each desk's primary action on Ctrl+Enter, and Tab walking the main forms in
reading order.

Time per keystroke: the keystroke-level model (Card, Moran & Newell 1980) — K = 0.28 s a
key for an average typist (a chord such as Ctrl+P counts as two keys) and M = 1.35 s of
thinking / reading before each step that needs it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QStackedWidget, QWidget

from service_desk.actions import archive, orders, settlement
from service_desk.actions import keys as key_actions
from service_desk.actions.archive import CustomerInput, VehicleInput
from service_desk.domain.money import format_yuan
from service_desk.store import key_queries, queries
from service_desk.ui import ask
from service_desk.ui import printing as ui_printing
from tests.actions.test_workshop import check_in, record_check_in

SECONDS_PER_KEY = 0.28  # K, average skilled typist
SECONDS_TO_THINK = 1.35  # M, reading the screen / deciding before a step


class Keys:
    """Types as a person does — each key to the widget holding the focus — and counts
    every key event sent (a key with its modifiers is one event)."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0
        self.keys_pressed = 0  # physical keys: a chord counts each of its keys
        self.pauses = 0
        self.log: list[str] = []

    @staticmethod
    def target():
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard"
        return widget

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.count += 1
        self.keys_pressed += 1 + bin(modifier.value).count("1")
        self.log.append(f"{modifier.name}+{key.name}" if modifier.value else key.name)

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(self.target(), char)
            self.count += 1
            self.keys_pressed += 1 + char.isupper()
            self.log.append(char)

    def think(self) -> None:
        """A reading pause before the next step (no key)."""
        self.pauses += 1

    def seconds(self) -> float:
        return self.keys_pressed * SECONDS_PER_KEY + self.pauses * SECONDS_TO_THINK


def returning_customer(ctx) -> tuple[int, int]:
    """张三's car is back at the dealer (an open order), among other customers."""
    for i, (name, phone, plate) in enumerate(
        [
            ("李四", "13955531234", "皖B23451"),
            ("王五", "13700002345", "皖A88888"),
            ("赵六", "18655530000", "苏E12345"),
        ]
    ):
        archive.register_walk_in(
            ctx,
            CustomerInput(name=name, phone=phone),
            VehicleInput(plate=plate, model_code="TIGGO7", category_code="small_passenger"),
        )
        assert i < 3
    _, vehicle_id = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(
            plate="皖B7K2M9",
            model_code="TIGGO8PRO",
            category_code="small_passenger",
            purchase_date=dt.date(2024, 5, 1),
            odometer_km=23000,
        ),
    )
    order_id = orders.open_order(ctx, vehicle_id, "保养，右前轮异响")
    return vehicle_id, order_id


def test_returning_customer_found_opened_and_printed_in_seven_keystrokes(
    qtbot, window, ctx, printed, monkeypatch
):
    _, order_id = returning_customer(ctx)
    # the counter printed repair orders before: the printer is remembered, no dialog
    QSettings().setValue("printing/repair_order/printer", "counter")
    assert ui_printing.has_remembered_printer("repair_order")
    monkeypatch.setattr(ask, "choose_printer", lambda *_a: pytest.fail("a printer dialog"))
    window.tabs.setCurrentWidget(window.today)
    keys = Keys(qtbot)

    keys.think()  # the customer says the plate: 皖B 7K2M9
    keys.press(Qt.Key.Key_F2)
    assert window.search.edit.hasFocus()
    keys.type("k2m9")  # the last four of the plate
    hits = window.search.results
    assert hits.isVisible() and "张三" in hits.topLevelItem(0).text(0)
    keys.think()  # the right car, with its open order, is on top
    keys.press(Qt.Key.Key_Return)
    form = window.reception.form
    assert window.tabs.currentWidget() is window.reception
    assert form.order_id == order_id and form.isVisible()
    keys.think()  # the order on the screen is the customer's
    keys.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert len(printed) == 1
    log = queries.print_log(ctx.db, order_id)
    assert [r["form_kind"] for r in log] == ["repair_order"]
    assert keys.count == 7 <= 12, keys.log
    assert keys.seconds() <= 20
    print(f"\nkeyboard flow: {keys.count} key events {keys.log}, ~{keys.seconds():.1f} s")


def test_a_car_through_every_desk_on_ctrl_enter(qtbot, window, ctx, order_id, printed):
    """Keys, check-in, workshop, checkout: each desk's primary action on Ctrl+Enter, the
    desk reached by Ctrl+digit and its order picked in its queue with Enter."""
    db = ctx.db
    record_check_in(ctx, order_id)
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keys(qtbot)

    def desk(number: int, widget) -> None:
        keys.press(getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is widget
        assert QApplication.focusWidget() is widget.queue  # the keyboard lands in the queue
        keys.press(Qt.Key.Key_Return)  # Enter picks the row
        assert window.session.current_order_id == order_id

    def ctrl_enter() -> None:
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    desk(4, window.keys)  # key cabinet: the car has no key yet -> register it
    ctrl_enter()
    assert [k["kind"] for k in key_queries.keys_of_order(db, order_id)] == ["main"]

    desk(3, window.inspection)  # check-in: complete
    ctrl_enter()
    assert queries.order(db, order_id)["state"] == "checked_in"

    desk(5, window.workshop)  # hand-off: the receiver typed, then Ctrl+Enter
    handoff = window.workshop.handoff
    handoff.team.setFocus()
    keys.type("Team 1")
    keys.press(Qt.Key.Key_Return)  # Enter moves on: planned time, washed, received by
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)
    assert handoff.receiver.hasFocus()
    keys.type("Zhao")
    ctrl_enter()
    assert queries.order(db, order_id)["state"] == "handed_off"
    assert QApplication.focusWidget() is window.workshop.work.start_button  # the next step
    ctrl_enter()  # the work panel: work started …
    assert queries.order(db, order_id)["state"] == "in_progress"
    ctrl_enter()  # … then completed
    assert queries.order(db, order_id)["state"] == "completed"
    ready = window.workshop.ready
    assert window.workshop.pages.currentWidget() is ready
    assert ready.ticks["wash"].hasFocus()  # the form of the next step has the keyboard
    for _tick in ready.ticks:
        keys.press(Qt.Key.Key_Space)  # tick it
        keys.press(Qt.Key.Key_Return)  # Enter moves on to the next one
    assert all(t.isChecked() for t in ready.ticks.values()) and ready.total.hasFocus()
    lines = queries.order_lines(db, order_id)
    total = sum(x["amount_fen"] for x in lines if x["status"] == "active")
    keys.type(format_yuan(total, False).replace(",", ""))
    ctrl_enter()
    assert queries.order(db, order_id)["state"] == "ready"

    desk(6, window.checkout)  # checkout: the balance is offered, Ctrl+Enter takes it …
    checkout = window.checkout
    assert checkout.payments.amount.text()
    ctrl_enter()
    assert settlement.figures(db, queries.order(db, order_id)).balance_fen == 0
    ctrl_enter()  # … then settles
    assert queries.order(db, order_id)["state"] == "settled"
    ctrl_enter()  # … then the release: not while the keys are not back (its list says so)
    assert queries.order(db, order_id)["state"] == "settled"
    release = checkout.release_panel
    assert not release.release_button.isEnabled() or not release.message.isHidden()
    assert keys.count < 60, keys.log
    print(f"\na car through every desk: {keys.count} key events")


def test_reception_opens_the_order_on_ctrl_enter_and_signs_it_next(qtbot, window, ctx):
    customer_id, vehicle_id = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(plate="皖B12345", model_code="TIGGO7", category_code="small_passenger"),
    )
    window.picked(customer_id, vehicle_id, None)
    form = window.reception.form
    assert form.request.hasFocus() and form.order_id is None
    keys = Keys(qtbot)
    keys.type("noise")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.order_id is not None
    assert queries.order(ctx.db, form.order_id)["request"] == "noise"
    window.reception.queue.setFocus()  # from the queue too: the shown form's action
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # sign: refused,
    assert not form.message.isHidden() or any(  # no lines yet — and said so
        not label.isHidden() for label in form.errors.labels.values()
    )
    assert queries.order(ctx.db, form.order_id)["state"] == "reception"


def test_customer_care_pages_run_their_form_on_ctrl_enter(qtbot, window, ctx):
    care = window.customer_care
    keys = Keys(qtbot)
    qtbot.waitUntil(window.isActiveWindow)
    keys.press(Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is care
    care.pages.setCurrentWidget(care.appointments)
    booking = care.appointments.booking
    booking.items.setFocus()
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Book, no car yet
    assert not booking.errors.labels["vehicle"].isHidden()
    care.pages.setCurrentWidget(care.care)
    care.care.new_enquiry.setFocus()
    keys.press(Qt.Key.Key_Space)  # Log an enquiry
    form = care.care.enquiry
    assert form.isVisible()
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save: refused
    assert any(not label.isHidden() for label in form.errors.labels.values())


def chain_from(qtbot, first, count: int) -> list[str]:
    """The objectNames Tab reaches, starting at first."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    names = []
    for _ in range(count):
        widget = QApplication.focusWidget()
        names.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return names


def test_tab_walks_the_walk_in_form_in_reading_order(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F3)
    reg = window.reception.register
    names = chain_from(qtbot, reg.customer.name, 20)
    assert names == [
        "customer_name",
        "customer_phone",
        "customer_phone2",
        "customer_address",
        "customer_company",
        "customer_contact",
        "customer_wishes",
        "vehicle_plate_province",
        "vehicle_plate",
        "vehicle_vin",
        "vehicle_model",
        "vehicle_category",
        "vehicle_colour",
        "vehicle_purchase",  # one Tab out of a date, not its year, month, day
        "vehicle_odometer",
        "vehicle_odometer_reason",
        "vehicle_cycle_km",
        "vehicle_cycle_months",
        "register_cancel",
        "register_save",
    ]


def test_tab_walks_the_repair_order_in_reading_order(qtbot, window, ctx):
    customer_id, vehicle_id = archive.register_walk_in(
        ctx,
        CustomerInput(name="张三", phone="13812345678"),
        VehicleInput(plate="皖B12345", model_code="TIGGO7", category_code="small_passenger"),
    )
    oid = orders.open_order(ctx, vehicle_id, "保养")
    window.picked(customer_id, vehicle_id, oid)
    names = chain_from(qtbot, window.reception.form.request, 22)
    assert names[:13] == [
        "order_request",
        "order_other",
        "order_consent",
        "order_technician",
        "order_diagnosis",
        "order_odometer",
        "order_odometer_reason",
        "order_category",
        "order_promised",  # one Tab out of the date and time
        "order_suggest_promise",
        "order_job",
        "order_apply_job",
        "order_remove_line",
    ]
    assert names[13] == "order_lines" and names[14] == "line_kind"  # out of the table at once
    assert names.index("line_add") < len(names)


def test_tab_walks_the_hand_off_and_the_ready_form(qtbot, window, ctx, order_id):
    checkin_all(ctx, order_id)
    window.session.set_current_order(order_id)
    window.tabs.setCurrentWidget(window.workshop)
    handoff = window.workshop.handoff
    assert chain_from(qtbot, handoff.mode, 7) == [
        "handoff_mode",
        "handoff_team",
        "handoff_planned",
        "handoff_washed",
        "handoff_receiver",
        "handoff_at",
        "handoff_submit",
    ]


def checkin_all(ctx, order_id: int) -> None:
    key_actions.register_key(ctx, order_id, "main", 7)
    check_in(ctx, order_id)


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _alternatives(a: QWidget, b: QWidget) -> bool:
    """Never shown together: on different pages of one stacked widget."""
    widget = a.parentWidget()
    while widget is not None and not widget.isAncestorOf(b):
        widget = widget.parentWidget()
    return isinstance(widget, QStackedWidget)


def test_alt_letters_are_unique_on_each_desk(window):
    care = window.customer_care
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    pages = [p for p in pages if p is not care]
    pages += [care.pages.widget(i) for i in range(care.pages.count())]
    global_letters = {"c", "w"}  # the Counter menu, "Working:" (the person at the counter)
    counted = 0
    for page in pages:
        seen: dict[str, QWidget] = {}
        for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
            letter = _mnemonic(widget.text())
            if letter is None:
                continue
            counted += 1
            assert letter not in global_letters, widget.text()
            other = seen.get(letter)
            assert other is None or _alternatives(other, widget), (other.text(), widget.text())
            seen[letter] = widget
    assert counted > 50
