"""The settings desk driven like the counter does: type, Save, a supervisor's PIN."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton

from service_desk.actions import settings as settings_actions
from service_desk.store.settings import DEFAULTS
from service_desk.ui.settings_desk import SettingsDesk, parse_percent, percent_text
from tests.conftest import staff_id
from tests.ui.tabs import press_tab_key
from tests.ui.typing import type_text


def open_desk(qtbot, window) -> SettingsDesk:
    window.activateWindow()
    press_tab_key(qtbot, window, window.settings_desk)
    desk = window.settings_desk
    assert window.tabs.currentWidget() is desk
    return desk


def retype(qtbot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    type_text(qtbot, field, text)


def click(qtbot, desk: SettingsDesk, name: str) -> None:
    qtbot.mouseClick(desk.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def error(desk: SettingsDesk, key: str) -> QLabel:
    return desk.findChild(QLabel, f"error_{key}")


def stored(ctx) -> dict[str, object]:
    return {r["key"]: json.loads(r["value"]) for r in ctx.db.query("SELECT * FROM settings")}


def test_settings_is_the_last_tab_and_the_other_shortcuts_still_work(qtbot, window):
    assert window.tabs.indexOf(window.settings_desk) == window.tabs.count() - 1
    assert window.tabs.tabText(window.tabs.count() - 1) == "Settings"
    open_desk(qtbot, window)
    press_tab_key(qtbot, window, window.reception)
    assert window.tabs.currentWidget() is window.reception
    press_tab_key(qtbot, window, window.archive)
    assert window.tabs.currentWidget() is window.archive


def test_dealer_and_prices_are_saved_with_the_supervisors_pin(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    assert desk.dealer_name.text() == "奇瑞汽车授权服务站"
    assert desk.labour_rate.text() == "120.00"
    assert desk.diagnosis_fee.text() == "50.00"
    assert desk.symptom_margin.text() == "15"
    assert desk.order_prefix.text() == "WX"

    retype(qtbot, desk.dealer_name, "芜湖瑞丰奇瑞4S店")
    type_text(qtbot, desk.dealer_address, "安徽省芜湖市镜湖区赭山东路88号")
    type_text(qtbot, desk.dealer_phone, "0553-5821234")
    retype(qtbot, desk.labour_rate, "1,350")
    retype(qtbot, desk.diagnosis_fee, "¥80")
    retype(qtbot, desk.symptom_margin, "12.5")
    retype(qtbot, desk.order_prefix, "W1")
    click(qtbot, desk, "settings_save")

    # checked before anybody is asked for a PIN; what was typed stays
    assert answers.asked == []
    assert not error(desk, "order_prefix").isHidden()
    assert "Two capital letters" in error(desk, "order_prefix").text()
    assert error(desk, "dealer_name").isHidden()
    assert desk.dealer_name.text() == "芜湖瑞丰奇瑞4S店"
    assert desk.dealer_address.text() == "安徽省芜湖市镜湖区赭山东路88号"
    assert desk.labour_rate.text() == "1,350"
    assert desk.symptom_margin.text() == "12.5"
    assert desk.order_prefix.text() == "W1"
    assert stored(ctx) == {}

    retype(qtbot, desk.order_prefix, "wh")
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")

    assert answers.asked == ["Supervisor approving", "PIN of 陈主管"]
    assert stored(ctx) == {
        "dealer_name": "芜湖瑞丰奇瑞4S店",
        "dealer_address": "安徽省芜湖市镜湖区赭山东路88号",
        "dealer_phone": "0553-5821234",
        "labour_rate_fen": 135000,
        "diagnosis_fee_fen": 8000,
        "symptom_margin_bp": 1250,
        "order_prefix": "WH",
    }
    saved = desk.findChild(QLabel, "settings_saved")
    assert not saved.isHidden() and saved.text() == "Saved: 7 settings changed"
    assert error(desk, "order_prefix").isHidden()
    audit = list(ctx.db.query("SELECT staff_id FROM audit WHERE entity = 'setting'"))
    assert len(audit) == 7 and {a["staff_id"] for a in audit} == {staff_id(ctx, "陈主管")}
    # the form shows what is stored now, as the counter reads it
    assert desk.labour_rate.text() == "1,350.00"
    assert desk.diagnosis_fee.text() == "80.00"
    assert desk.order_prefix.text() == "WH"
    assert not desk.is_dirty()

    # nothing typed since: Ctrl+S says so and asks nobody
    qtbot.keyClick(desk.dealer_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.text() == "Nothing to save: no setting was changed."
    assert len(answers.asked) == 2


def test_wrong_pin_keeps_the_form_and_ctrl_s_saves_it(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    retype(qtbot, desk.diagnosis_fee, "66.5")
    answers.choices += [0, 0]
    answers.texts += ["1111", "2468"]
    click(qtbot, desk, "settings_save")
    message = desk.findChild(QLabel, "settings_message")
    assert not message.isHidden() and message.text() == "Wrong PIN."
    assert desk.diagnosis_fee.text() == "66.5"
    assert stored(ctx) == {}
    qtbot.keyClick(desk.diagnosis_fee, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(ctx) == {"diagnosis_fee_fen": 6650}
    assert message.isHidden()
    assert desk.findChild(QLabel, "settings_saved").text() == "Saved: 1 settings changed"


def test_cancelling_the_supervisor_question_saves_nothing(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    retype(qtbot, desk.labour_rate, "130")
    answers.choices.append(None)
    click(qtbot, desk, "settings_save")
    answers.choices.append(0)
    answers.texts.append(None)
    click(qtbot, desk, "settings_save")
    assert stored(ctx) == {}
    assert desk.labour_rate.text() == "130"


def test_amounts_and_percentages_that_cannot_be_read(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    retype(qtbot, desk.labour_rate, "12O")  # letter O
    retype(qtbot, desk.diagnosis_fee, "200000")  # ¥200,000: above the limit
    retype(qtbot, desk.symptom_margin, "150")
    retype(qtbot, desk.dealer_name, "")
    click(qtbot, desk, "settings_save")
    assert "amount in yuan" in error(desk, "labour_rate_fen").text()
    assert "0 to 100,000 yuan" in error(desk, "diagnosis_fee_fen").text()
    assert "0 to 100" in error(desk, "symptom_margin_bp").text()
    assert error(desk, "dealer_name").text() == "This field is required."
    retype(qtbot, desk.symptom_margin, "1.234")
    click(qtbot, desk, "settings_save")
    assert "at most 2 decimals" in error(desk, "symptom_margin_bp").text()
    assert answers.asked == [] and stored(ctx) == {}


def test_checkout_thresholds_are_checked_and_saved_with_the_pin(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)

    def field(key: str) -> QLineEdit:
        return desk.findChild(QLineEdit, f"settings_{key}")

    assert field("guarantee_major_km").text() == "20000"
    assert field("guarantee_minor_days").text() == "10"
    assert field("comeback_days").text() == "30"
    assert field("comeback_km").text() == "1000"
    assert field("release_odometer_diff_km").text() == "50"
    assert field("release_fuel_drop_eighths").text() == "2"

    retype(qtbot, field("guarantee_minor_days"), "0")
    retype(qtbot, field("guarantee_major_km"), "250000")
    retype(qtbot, field("comeback_km"), "1O00")  # letter O
    retype(qtbot, field("release_odometer_diff_km"), "5000")
    retype(qtbot, field("release_fuel_drop_eighths"), "9")
    click(qtbot, desk, "settings_save")
    assert error(desk, "guarantee_minor_days").text() == "1 to 3,650 days."
    assert error(desk, "guarantee_major_km").text() == "0 to 200,000 km."
    assert error(desk, "comeback_km").text() == "Enter a whole number."
    assert error(desk, "release_odometer_diff_km").text() == "0 to 1,000 km."
    assert "0 to 8 eighths" in error(desk, "release_fuel_drop_eighths").text()
    assert answers.asked == [] and stored(ctx) == {}

    retype(qtbot, field("guarantee_minor_days"), "20")
    retype(qtbot, field("guarantee_major_km"), "20000")
    retype(qtbot, field("comeback_km"), "1500")
    retype(qtbot, field("release_odometer_diff_km"), "200")
    retype(qtbot, field("release_fuel_drop_eighths"), "3")
    answers.choices.append(0)
    answers.texts.append("2468")
    qtbot.keyClick(desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked == ["Supervisor approving", "PIN of 陈主管"]
    assert stored(ctx) == {
        "guarantee_minor_days": 20,
        "comeback_km": 1500,
        "release_odometer_diff_km": 200,
        "release_fuel_drop_eighths": 3,
    }
    assert desk.findChild(QLabel, "settings_saved").text() == "Saved: 4 settings changed"
    assert error(desk, "guarantee_minor_days").isHidden()
    assert not desk.is_dirty()


def test_restore_default_text_fills_the_editor_without_saving(qtbot, window, ctx, answers):
    settings_actions.update_settings(
        ctx, {"guarantee_terms": "本店质保 30 日。"}, staff_id(ctx, "陈主管"), "2468"
    )
    window.session.notify("settings")
    desk = open_desk(qtbot, window)
    terms = desk.texts["guarantee_terms"]
    assert terms.toPlainText() == "本店质保 30 日。"
    clause = desk.texts["clause_customer_parts"]
    retype(qtbot, clause, "客户自带配件不保修。")
    click(qtbot, desk, "settings_restore_guarantee_terms")
    assert terms.toPlainText() == DEFAULTS["guarantee_terms"]
    assert clause.toPlainText() == "客户自带配件不保修。"  # only that text
    assert stored(ctx) == {"guarantee_terms": "本店质保 30 日。"}
    click(qtbot, desk, "settings_restore_clause_customer_parts")
    assert clause.toPlainText() == DEFAULTS["clause_customer_parts"]
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")
    assert stored(ctx)["guarantee_terms"] == DEFAULTS["guarantee_terms"]
    assert desk.findChild(QLabel, "settings_saved").text() == "Saved: 1 settings changed"


def test_an_emptied_guarantee_text_is_refused_under_it(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    desk.texts["guarantee_terms"].clear()
    # pasted from a web page along with a bell character
    QGuiApplication.clipboard().setText("以上为估价\x07。")
    desk.texts["clause_estimate"].selectAll()
    qtbot.keyClick(desk.texts["clause_estimate"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, desk, "settings_save")
    assert error(desk, "guarantee_terms").text() == "This field is required."
    assert "control characters" in error(desk, "clause_estimate").text()
    assert stored(ctx) == {}


def test_logo_and_font_are_chosen_in_the_file_dialog(
    qtbot, window, ctx, answers, monkeypatch, tmp_path: Path
):
    from service_desk.ui import ask

    logo = tmp_path / "瑞丰 logo.png"
    font = tmp_path / "simsun.ttc"
    logo.write_bytes(b"png")
    font.write_bytes(b"ttc")
    picked = [str(logo), None, str(font)]
    asked = []

    def choose_file(_parent, title, filter):
        asked.append(filter)
        return picked.pop(0)

    monkeypatch.setattr(ask, "choose_file", choose_file)
    desk = open_desk(qtbot, window)
    click(qtbot, desk, "settings_choose_logo")
    assert desk.dealer_logo.text() == QDir.toNativeSeparators(str(logo))
    click(qtbot, desk, "settings_choose_font")  # cancelled: nothing changes
    assert desk.print_font.text() == ""
    click(qtbot, desk, "settings_choose_font")
    type_text(qtbot, desk.print_font, "#1")
    assert asked == ["Pictures (*.png *.jpg *.jpeg)", *["Fonts (*.ttf *.ttc *.otf)"] * 2]
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")
    assert stored(ctx) == {"dealer_logo": str(logo), "print_font": f"{font}#1"}

    desk.dealer_logo.setText(str(tmp_path / "gone.png"))
    click(qtbot, desk, "settings_save")
    assert "no file at this path" in error(desk, "dealer_logo").text()


def test_the_form_follows_the_database_unless_something_is_typed(qtbot, window, ctx):
    desk = open_desk(qtbot, window)
    boss = staff_id(ctx, "陈主管")
    settings_actions.update_settings(ctx, {"labour_rate_fen": 14000}, boss, "2468")
    window.session.notify("settings")
    assert desk.labour_rate.text() == "140.00"
    # away and back: stored values are shown again
    window.tabs.setCurrentWidget(window.archive)
    settings_actions.update_settings(ctx, {"labour_rate_fen": 14500}, boss, "2468")
    window.tabs.setCurrentWidget(desk)
    assert desk.labour_rate.text() == "145.00"
    # a half-typed form survives a look at another desk
    retype(qtbot, desk.dealer_address, "芜湖市")
    window.tabs.setCurrentWidget(window.archive)
    window.tabs.setCurrentWidget(desk)
    assert desk.dealer_address.text() == "芜湖市"
    assert desk.is_dirty()


@pytest.mark.parametrize(
    ("bp", "text"), [(1500, "15"), (1250, "12.5"), (1234, "12.34"), (5, "0.05"), (0, "0")]
)
def test_percent_text_round_trips(bp, text):
    assert percent_text(bp) == text
    assert parse_percent(text) == bp


@pytest.mark.parametrize(
    ("text", "bp"),
    [
        (" 15 % ", 1500),
        ("１５％", 1500),
        ("7.", 700),
        ("0.5", 50),
        ("", None),
        ("-5", None),
        ("1.234", None),
        ("十五", None),
        ("1e2", None),
    ],
)
def test_parse_percent(text, bp):
    assert parse_percent(text) == bp


def test_appointment_capacity_and_slot_are_settings(qtbot, window, ctx, answers):
    desk = open_desk(qtbot, window)
    capacity = desk.findChild(QLineEdit, "settings_appointment_capacity_per_day")
    slot = desk.findChild(QLineEdit, "settings_appointment_slot_minutes")
    assert (capacity.text(), slot.text()) == ("12", "30")
    retype(qtbot, capacity, "0")
    retype(qtbot, slot, "5")
    click(qtbot, desk, "settings_save")
    assert error(desk, "appointment_capacity_per_day").text() == "Between 1 and 200 cars a day."
    assert error(desk, "appointment_slot_minutes").text() == "Between 10 and 240 minutes."
    assert stored(ctx) == {}
    retype(qtbot, capacity, "16")
    retype(qtbot, slot, "45")
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")
    assert stored(ctx) == {"appointment_capacity_per_day": 16, "appointment_slot_minutes": 45}
    # the appointments desk books against the new capacity
    assert "of 16 places left" in window.customer_care.appointments.capacity.text()


def test_the_second_backup_folder(qtbot, window, ctx, answers, monkeypatch, tmp_path: Path):
    from service_desk.store import backup as bk
    from service_desk.ui import ask

    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr(ask, "choose_folder", lambda _parent, _title: str(stick))
    desk = open_desk(qtbot, window)
    desk.backup_mirror.setText(str(tmp_path / "gone"))
    click(qtbot, desk, "settings_save")
    assert "no folder at this path" in error(desk, "backup_mirror_dir").text()
    click(qtbot, desk, "settings_choose_mirror")
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")
    assert stored(ctx) == {"backup_mirror_dir": str(stick)}
    with qtbot.waitSignal(window.backups.made, timeout=15_000) as backed_up:
        assert window.backups.run()  # made in the background
    made = backed_up.args[0]
    assert bk.verify(stick / made.path.name) == made.counts  # the stick got its copy


def test_the_tax_number_is_checked_saved_and_printed_on_the_statement(
    qtbot, window, ctx, answers, order_id
):
    from service_desk.actions import orders
    from service_desk.printing.forms import render_form
    from service_desk.store import queries
    from tests.conftest import NOW
    from tests.printing.conftest import flat, pdf_pages

    declined = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "仪表灯亮")
    orders.record_consent(ctx, declined)
    orders.decline(ctx, declined, fee_fen=8000)

    def statement(lang: str = "zh") -> str:
        pdf = render_form(ctx.db, "statement", declined, now=NOW, printed_by="王芳", lang=lang)
        return flat("\n".join(pdf_pages(pdf)))

    assert "纳税人识别号" not in statement()  # not set: no empty box on the form
    desk = open_desk(qtbot, window)
    assert desk.dealer_tax_number.text() == ""
    type_text(qtbot, desk.dealer_tax_number, "91350100M000100Y34")  # two swapped
    click(qtbot, desk, "settings_save")
    assert answers.asked == []  # refused before anybody is asked for a PIN
    assert error(desk, "dealer_tax_number").text() == (
        "The last character should be 0, found 4: check the code against the business licence."
    )
    retype(qtbot, desk.dealer_tax_number, "110108123456789")
    click(qtbot, desk, "settings_save")
    assert "old tax registration number (15 characters)" in error(desk, "dealer_tax_number").text()
    assert stored(ctx) == {}

    retype(qtbot, desk.dealer_tax_number, "9135 0100 m000 100y 43")
    answers.choices.append(0)
    answers.texts.append("2468")
    click(qtbot, desk, "settings_save")
    assert stored(ctx) == {"dealer_tax_number": "91350100M000100Y43"}
    assert desk.dealer_tax_number.text() == "91350100M000100Y43"
    assert error(desk, "dealer_tax_number").isHidden()
    assert "纳税人识别号91350100M000100Y43" in statement()
    assert "Dealertaxno.91350100M000100Y43" in statement("en")
