"""The workshop handoff desk (tab)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from service_desk.ui.session import Session


class WorkshopDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
