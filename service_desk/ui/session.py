"""The running counter: database, clock, who is working, the current order.

Widgets change data only through actions (service_desk.actions) and learn what
changed from one signal, `changed(kinds)`, then refresh themselves.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QObject, QSettings, Signal

from service_desk.actions.context import Ctx
from service_desk.domain.clock import Clock


class Session(QObject):
    changed = Signal(set)  # kinds: {"customers", "vehicles", "orders", "staff"}
    current_order_changed = Signal(object)  # order id or None
    user_changed = Signal(object)  # staff id or None

    def __init__(self, db: sqlite_utils.Database, clock: Clock, db_path: Path | None = None):
        super().__init__()
        self.ctx = Ctx(db, clock)
        self.db_path = db_path
        self.current_order_id: int | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        return self.ctx.db

    @property
    def user_id(self) -> int | None:
        return self.ctx.user_id

    def set_user(self, staff_id: int | None) -> None:
        if staff_id == self.ctx.user_id:
            return
        self.ctx.user_id = staff_id
        QSettings().setValue("counter/last_user", staff_id if staff_id else 0)
        self.user_changed.emit(staff_id)

    def set_current_order(self, order_id: int | None) -> None:
        if order_id == self.current_order_id:
            return
        self.current_order_id = order_id
        self.current_order_changed.emit(order_id)

    def notify(self, *kinds: str) -> None:
        self.changed.emit(set(kinds))
