"""The plate typed the way the counter says it: the province by its pinyin, then the rest.

Two fields side by side. The province field takes the character (皖, through the input
method) or pinyin, as an input method does: the whole pinyin of one province (wan, su,
anhui) is put in at once and the rest of the plate follows; a part of one (w) or a pinyin
several share (ji, hu) lists them beside the field — Enter, Space or Tab takes the first,
a digit another. The dealer's province is there from the start (Enter or Tab keeps it). A whole
plate typed or pasted into either field is split into the two.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from service_desk.domain import plates
from service_desk.ui import colours

MAX_SHOWN = 9  # candidates a digit can pick


class _Upper(QValidator):
    """Latin letters of the plate in capitals as they are typed."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return QValidator.State.Acceptable, text.upper(), pos


class ProvinceEdit(QLineEdit):
    """The province part; emits chosen(mark) when a province is put in."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="vehicle_plate_province")
        self.preferred: list[str] = []
        self.mark = ""

    def pending(self) -> list[str]:
        """The provinces the typed text may mean while it is not one yet."""
        text = self.text().strip()
        return [] if not text or plates.is_mark(text) else plates.candidates(text, self.preferred)

    def take(self, mark: str) -> None:
        self.mark = mark
        self.setText(mark)
        self.chosen.emit(mark)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        found = self.pending()
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if found and plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            index = key - Qt.Key.Key_1
            if index < min(len(found), MAX_SHOWN):
                self.take(found[index])
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            text = self.text().strip()
            if found or plates.is_mark(text):  # the first it may mean, or keep the one shown
                self.take(found[0] if found else text)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        found = self.pending()
        if found:  # Tab, or a click elsewhere: the first one it may mean
            self.mark = found[0]
            self.setText(found[0])
        super().focusOutEvent(event)


class PlateField(QWidget):
    """Province + rest of the plate; text() is the whole plate ("" while no rest)."""

    recent: ClassVar[list[str]] = []  # provinces picked lately on this counter, latest first

    def __init__(self, default: str = plates.DEFAULT_PROVINCE, parent: QWidget | None = None):
        super().__init__(parent, objectName="vehicle_plate_field")
        self.default = default
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(colours.SPACING // 2)
        self.province = ProvinceEdit()
        self.province.setToolTip(
            self.tr("Province: type its pinyin (w or wan for 皖) or the character")
        )
        self.province.setMaxLength(12)
        width = self.province.fontMetrics().horizontalAdvance("皖皖皖") + 16
        self.province.setFixedWidth(width)
        self.province.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rest = QLineEdit(objectName="vehicle_plate")
        self.rest.setPlaceholderText(self.tr("e.g. B12345"))
        self.rest.setMaxLength(12)
        self.rest.setValidator(_Upper(self.rest))
        self.choices = QLabel(objectName="vehicle_plate_choices")
        self.choices.setStyleSheet(f"color: {colours.FAINT};")
        row.addWidget(self.province)
        row.addWidget(self.rest, 1)
        row.addWidget(self.choices)
        self.setFocusProxy(self.province)
        self.setTabOrder(self.province, self.rest)
        self.province.textEdited.connect(self._province_typed)
        self.province.chosen.connect(self._chosen)
        self.province.editingFinished.connect(self._show_choices)
        self.rest.textEdited.connect(self._rest_typed)
        self.rest.installEventFilter(self)
        self.set_text("")

    # ------------------------------------------------------------------ value
    def text(self) -> str:
        rest = self.rest.text().strip()
        return f"{self.province.text().strip()}{rest}" if rest else ""

    def set_text(self, plate: str) -> None:
        mark, rest = plates.split(plate or "")
        mark = mark or self.default
        self.province.mark = mark
        self.province.setText(mark)
        self.rest.setText(rest.upper())
        self.choices.clear()

    # ------------------------------------------------------------------ typing
    def _preferred(self) -> list[str]:
        return list(dict.fromkeys([self.default, *PlateField.recent]))

    def _province_typed(self, text: str) -> None:
        self.province.preferred = self._preferred()
        mark, rest = plates.split(text)
        if mark and rest:  # a whole plate typed or pasted here
            self.province.take(mark)
            self.rest.setText(rest.upper())
            return
        settled = plates.pick(text, self.province.preferred)
        if settled is not None:  # 皖, wan, su, anhui: the rest of the plate follows
            self.province.take(settled)
            return
        self._show_choices()  # w, ji, hu: listed beside, Enter (or a digit) picks

    def _show_choices(self) -> None:
        found = self.province.pending()
        text = self.province.text().strip()
        if found:
            listed = "  ".join(f"{i}\u2009{m}" for i, m in enumerate(found[:MAX_SHOWN], 1))
            self.choices.setText(listed + "  " + self.tr("(Enter: {first})").format(first=found[0]))
            self.choices.setStyleSheet(f"color: {colours.FAINT};")
        elif text and not plates.is_mark(text):
            self.choices.setText(self.tr("No province is typed “{text}”").format(text=text))
            self.choices.setStyleSheet(f"color: {colours.ERROR};")
        else:
            self.choices.clear()

    def _chosen(self, mark: str) -> None:
        self.choices.clear()
        if mark in PlateField.recent:
            PlateField.recent.remove(mark)
        PlateField.recent.insert(0, mark)
        del PlateField.recent[5:]
        self.rest.setFocus(Qt.FocusReason.TabFocusReason)
        self.rest.end(False)

    def _rest_typed(self, text: str) -> None:
        mark, rest = plates.split(text)
        if mark:  # the whole plate typed into the rest: its province goes to its field
            self.province.mark = mark
            self.province.setText(mark)
            self.rest.setText(rest.upper())

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.rest
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and self.rest.cursorPosition() == 0
            and not self.rest.hasSelectedText()
        ):
            self.province.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().eventFilter(watched, event)
