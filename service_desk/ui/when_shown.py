"""Work for a desk that is not on the screen waits until the desk is shown.

Every desk listens to ``session.changed`` and ``session.current_order_changed``; a desk
behind another tab that refreshed its lists and its form at each of them would make
every click at the counter pay for all the desks (on ten years of data, two thirds of
opening an order went to desks nobody was looking at). Wrapped with ``WhenShown``, a
slot runs at once while its desk is visible; while the desk is hidden the call is only
remembered (the latest arguments of each slot), and the remembered calls run, in the
order they were last made, when the desk is shown again — before it is painted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

Slot = Callable[..., Any]


class WhenShown(QObject):
    """The slots of one desk that wait while it is hidden (``wrap`` each of them)."""

    def __init__(self, desk: QWidget):
        super().__init__(desk)
        self.desk = desk
        self.pending: dict[Slot, tuple[Any, ...]] = {}
        desk.installEventFilter(self)

    def wrap(self, slot: Slot) -> Slot:
        """``slot`` run now if the desk is visible, else when it is next shown. (A method
        of a child of the desk: a signal connected to it lets go when the desk goes.)"""
        return _Waiting(self, slot).call

    def call(self, slot: Slot, args: tuple[Any, ...]) -> None:
        self.pending.pop(slot, None)  # a call supersedes the one remembered; kept in order
        if self.desk.isVisible():
            slot(*args)
        else:
            self.pending[slot] = args

    def run_pending(self) -> None:
        while self.pending:
            slot = next(iter(self.pending))
            slot(*self.pending.pop(slot))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.desk and event.type() == QEvent.Type.Show:
            self.run_pending()
        return False


class _Waiting(QObject):
    def __init__(self, owner: WhenShown, slot: Slot):
        super().__init__(owner)
        self.owner = owner
        self.slot = slot

    def call(self, *args: Any) -> None:
        self.owner.call(self.slot, args)
