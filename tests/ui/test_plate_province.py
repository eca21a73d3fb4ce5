"""The plate's province typed as the counter says it: pinyin or the character, then the
rest of the plate follows — in the walk-in form, with key events only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from service_desk.store import queries
from service_desk.ui.plate_field import PlateField
from tests.ui.test_keyboard_flow import Keys
from tests.ui.typing import _commit


def walk_in(qtbot, window) -> tuple[Keys, PlateField]:
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F3)
    reg = window.reception.register
    assert QApplication.focusWidget() is reg.customer.name
    plate = reg.vehicle.plate
    plate.province.setFocus(Qt.FocusReason.TabFocusReason)
    return keys, plate


def test_w_then_enter_is_anhui_and_the_rest_follows(qtbot, window):
    keys, plate = walk_in(qtbot, window)
    assert plate.province.text() == "皖" and plate.province.selectedText() == "皖"
    keys.type("w")
    assert plate.province.text() == "w" and "皖" in plate.choices.text()
    keys.press(Qt.Key.Key_Return)
    assert plate.province.text() == "皖" and plate.rest.hasFocus()
    keys.type("a12345")  # Hefei: the A is the plate's, not more pinyin
    assert plate.text() == "皖A12345" and plate.rest.text() == "A12345"


def test_a_whole_pinyin_or_the_character_moves_on_by_itself(qtbot, window):
    keys, plate = walk_in(qtbot, window)
    keys.type("wan")
    assert plate.province.text() == "皖" and plate.rest.hasFocus()
    keys.type("b7k2m9")
    assert plate.text() == "皖B7K2M9"
    plate.province.setFocus(Qt.FocusReason.BacktabFocusReason)
    keys.type("su")  # 苏: one province, a whole pinyin
    assert plate.province.text() == "苏" and plate.rest.hasFocus()
    assert plate.text() == "苏B7K2M9"
    plate.province.setFocus(Qt.FocusReason.BacktabFocusReason)
    _commit(plate.province, "粤")  # the character, through the input method
    assert plate.province.text() == "粤" and plate.rest.hasFocus()


def test_a_shared_pinyin_lists_the_provinces_and_a_digit_or_tab_picks(qtbot, window):
    keys, plate = walk_in(qtbot, window)
    keys.type("ji")
    shown = plate.choices.text()
    assert plate.province.text() == "ji" and shown.startswith("1\u2009冀  2\u2009吉")
    keys.type("2")
    assert plate.province.text() == "吉" and plate.rest.hasFocus()
    plate.province.setFocus(Qt.FocusReason.BacktabFocusReason)
    keys.type("hu")  # 沪, 湖南, 湖北
    assert "沪" in plate.choices.text() and "湘" in plate.choices.text()
    keys.press(Qt.Key.Key_Tab)  # Tab takes the first, as Enter does
    assert plate.province.text() == "沪" and plate.rest.hasFocus()
    plate.province.setFocus(Qt.FocusReason.BacktabFocusReason)
    keys.type("qq")
    assert "No province" in plate.choices.text()


def test_backspace_at_the_start_goes_back_and_a_whole_plate_is_split(qtbot, window):
    keys, plate = walk_in(qtbot, window)
    keys.press(Qt.Key.Key_Return)  # keep 皖
    assert plate.rest.hasFocus()
    keys.press(Qt.Key.Key_Backspace)
    assert plate.province.hasFocus()
    plate.rest.setFocus()
    _commit(plate.rest, "沪A12345")  # the whole plate typed (or pasted) into the rest
    assert (plate.province.text(), plate.rest.text(), plate.text()) == ("沪", "A12345", "沪A12345")
    plate.set_text("")
    assert (plate.province.text(), plate.text()) == ("皖", "")  # no rest, no plate


def test_walk_in_registered_with_the_typed_plate(qtbot, window, ctx):
    keys, plate = walk_in(qtbot, window)
    reg = window.reception.register
    reg.customer.name.setFocus()
    _commit(reg.customer.name, "周八")
    keys.press(Qt.Key.Key_Return)  # Enter moves on to the phone
    assert reg.customer.phone.hasFocus()
    keys.type("13900001111")
    plate.province.setFocus(Qt.FocusReason.TabFocusReason)
    keys.type("zhe")
    keys.type("a88888")
    keys.press(Qt.Key.Key_Return)  # Enter in the plate moves on to the VIN
    assert QApplication.focusWidget() is reg.findChild(QLineEdit, "vehicle_vin")
    reg.vehicle.model.setCurrentIndex(reg.vehicle.model.findData("TIGGO7"))
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # register
    vehicle = queries.one(ctx.db, "SELECT plate FROM vehicles", [])
    assert vehicle == {"plate": "浙A88888"}
