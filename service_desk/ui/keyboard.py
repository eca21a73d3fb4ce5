"""The counter without the mouse: one primary action per form on Ctrl+Enter, Enter to
move on.

Every desk (and every customer-care page) owns one Ctrl+Enter (Ctrl+Return and the
keypad's Enter). It runs the primary action of the form holding the focus — the form's
rightmost button, registered with `set_primary` — or, when the focus is elsewhere on the
desk (its queue, the search box), the desk's own next step. A form's shortcut of its own
would clash with the desk's (Qt then runs neither), so forms only register.

In the main window, Enter in a field moves on to the next field (a field that does
something with Enter, such as the search box or the price of a line, keeps doing it),
Enter on a focused button presses it, and Tab leaves a date or time field or a table at
once (Qt would walk a date's year, month, day … — and never leave one showing "unknown" —
and a table's cells one by one).
Dialogs keep their default button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from shiboken6 import isValid

PRIMARY_KEYS = ("Ctrl+Return", "Ctrl+Enter")
PRIMARY_HINT = "Ctrl+Enter"
_SLOT = "_primary_action"


def set_primary(form: QWidget, button: QAbstractButton | None, slot: Callable[[], object]) -> None:
    """The form's primary action (its rightmost button): Ctrl+Enter while the focus is in
    the form runs it, as long as the button is there to click."""
    setattr(form, _SLOT, (button, slot))
    if button is not None:
        tip = button.toolTip()
        if PRIMARY_HINT not in tip:
            button.setToolTip(f"{tip} ({PRIMARY_HINT})" if tip else PRIMARY_HINT)


def primary_of(form: QWidget) -> Callable[[], object] | None:
    """The form's primary action when its button can be clicked now, else None."""
    entry = getattr(form, _SLOT, None)
    if entry is None or not form.isVisible():
        return None
    button, slot = entry
    if button is not None and not (button.isVisible() and button.isEnabled()):
        return None
    return slot


def _has_primary(widget: QWidget) -> bool:
    return getattr(widget, _SLOT, None) is not None


def run_primary(page: QWidget, fallback: Callable[[], object] | None = None) -> bool:
    """Ctrl+Enter on a page: the form holding the focus, else fallback, else the first
    shown form with a primary action. True when something ran."""
    widget = QApplication.focusWidget()
    inside = widget is not None and (widget is page or page.isAncestorOf(widget))
    while inside and widget is not None:
        if _has_primary(widget):
            slot = primary_of(widget)
            if slot is None:  # the form in focus has nothing to do now: nor has the page
                return False
            slot()
            return True
        if widget is page:
            break
        widget = widget.parentWidget()
    if fallback is not None:
        fallback()
        return True
    for form in page.findChildren(QWidget):
        slot = primary_of(form) if _has_primary(form) else None
        if slot is not None:
            slot()
            return True
    return False


def install_primary(page: QWidget, fallback: Callable[[], object] | None = None) -> list[QShortcut]:
    """The page's Ctrl+Enter (active while the page is shown, wherever the focus is in
    its window)."""
    shortcuts = []
    for keys in PRIMARY_KEYS:
        shortcut = QShortcut(QKeySequence(keys), page)
        shortcut.activated.connect(lambda: run_primary(page, fallback))
        shortcuts.append(shortcut)
    return shortcuts


# ---------------------------------------------------------------------- Enter moves on
def _enter(event: QEvent) -> bool:
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods


def _tab(event: QEvent) -> int:
    """1 for Tab, -1 for Shift+Tab, 0 for any other event."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return 0
    mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    if mods:
        return 0
    if event.key() == Qt.Key.Key_Backtab:
        return -1
    if event.key() == Qt.Key.Key_Tab:
        return -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
    return 0


def _inner(widget: QWidget) -> bool:
    """The line edit inside a spin box or an editable combo box (its owner has the focus)."""
    parent = widget.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox))


def handles_enter(widget: QWidget) -> bool:
    """A field that does something with Enter itself (search, add a line, pick a province)."""
    if widget.property("enter_handled"):
        return True
    return isinstance(widget, QLineEdit) and widget.receivers("2returnPressed()") > 0


class EnterMovesOn(QObject):
    """Event filter for one window: Enter in a field moves to the next one, Enter on a
    focused button presses it.

    It sits on the widget holding the focus only (moved along by the application's
    focusChanged), not on the application: there every event of every object passed
    through Python, and PySide6 made a Python type, with all its enums, for each class
    of object and event it saw — ~135 enums and ~40 ms at start, and a Python call for
    every timer and paint event all day.
    """

    def __init__(self, window: QWidget):
        super().__init__(window)  # the window is its parent (no reference of ours keeps it)
        self.busy = False
        self.watched: QWidget | None = None
        self.watching = False

    def watch(self) -> None:
        """Follow the focus (the window is shown; again after a restore: once)."""
        if not self.watching:
            QApplication.instance().focusChanged.connect(self._focus_moved)
            self.watching = True
        self._focus_moved(None, QApplication.focusWidget())

    def unwatch(self) -> None:
        if self.watching:
            QApplication.instance().focusChanged.disconnect(self._focus_moved)
            self.watching = False
        self._focus_moved(None, None)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.watched is not None and isValid(self.watched):
            self.watched.removeEventFilter(self)
        self.watched = None
        if new is not None and new.window() is self.parent():
            new.installEventFilter(self)
            self.watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):  # every event of the focused field passes here
            return False
        tab = _tab(event)
        if self.busy or not (tab or _enter(event)) or not isinstance(watched, QWidget):
            return False
        if watched is not QApplication.focusWidget() or watched.window() is not self.parent():
            return False
        if tab:
            # out at once: not a date's year, month, day …, nor a table's cells one by one
            if isinstance(watched, (QDateTimeEdit, QAbstractItemView)):
                move_focus(watched, tab > 0)
                return True
            return False
        if isinstance(watched, QPushButton):
            if watched.isEnabled():
                watched.click()
                return True
            return False
        moves = isinstance(watched, (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox))
        moves = moves or isinstance(watched, QRadioButton)
        if not moves or _inner(watched) or handles_enter(watched):
            return False
        if isinstance(watched, QLineEdit) and watched.isReadOnly():
            return False
        assert isinstance(event, QKeyEvent)
        # the field takes the Enter first (a spin box reads its text, a combo box the item
        # typed), then the focus moves on unless the field moved it itself
        self.busy = True
        try:
            QApplication.sendEvent(
                watched, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            )
        finally:
            self.busy = False
        if QApplication.focusWidget() is watched:
            move_focus(watched)
        return True


def focusable(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not _inner(widget)
    )


def focus_first(container: QWidget) -> QWidget | None:
    """Put the focus on the first field of container Tab would reach."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if container.isAncestorOf(widget) and focusable(widget):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return widget
        widget = widget.nextInFocusChain()
    return None


def move_focus(widget: QWidget, forward: bool = True) -> QWidget | None:
    """The focus to the next (previous) field Tab reaches, past the widget's own parts."""
    window = widget.window()
    other = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    while other is not None and other is not widget:
        if other.window() is window and focusable(other) and not widget.isAncestorOf(other):
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            other.setFocus(reason)
            return other
        other = other.nextInFocusChain() if forward else other.previousInFocusChain()
    return None
