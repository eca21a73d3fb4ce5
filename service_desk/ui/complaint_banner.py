"""The alert over every desk when a complaint is past its reply-by time (R15): the
counter promised the customer an answer and did not give it, so whoever is working sees
it at once — how many, the oldest one, to whom it went — with a button that opens it.
Dismissed, it stays hidden until another complaint is escalated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from service_desk.domain.clock import parse
from service_desk.ui import colours
from service_desk.ui.session import Session

REFRESH_MS = 60_000


def overdue_complaints(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Escalated and not answered yet, or open past the reply-by time (escalated at the
    care desk's next refresh): oldest promise first."""
    return [r for r in rows if r["overdue"] and r["answered_at"] is None]


class ComplaintBanner(QFrame):
    open_complaint = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, objectName="complaint_banner")
        self.session = session
        self.dismissed: set[int] = set()
        self.shown_ids: list[int] = []
        self.setStyleSheet(
            f"QFrame#complaint_banner {{ background: {colours.OVERDUE_BG}; border: 1px solid "
            f"{colours.OVERDUE}; border-radius: 3px; }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel(objectName="complaint_banner_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(colours.text_style(colours.OVERDUE, bold=True))
        self.open_button = QPushButton(self.tr("Open it"), objectName="complaint_banner_open")
        self.close_button = QPushButton("×", objectName="complaint_banner_close")
        self.close_button.setToolTip(self.tr("Hide until another complaint is escalated"))
        self.close_button.setFixedWidth(28)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self.dismiss)
        session.changed.connect(lambda _kinds: self.refresh())
        timer = QTimer(self)
        timer.timeout.connect(self.refresh)
        timer.start(REFRESH_MS)
        self.hide()  # until its first check: the window runs it once it has painted

    def refresh(self) -> None:
        from service_desk.actions import care  # with the first check, not at start

        now = self.session.ctx.clock()
        late = overdue_complaints(care.open_complaints(self.session.db, now))
        self.shown_ids = [int(r["id"]) for r in late]
        if not late or set(self.shown_ids) <= self.dismissed:
            self.hide()
            return
        self.text.setText(self._text(late, now))
        self.show()

    def _text(self, late: list[dict[str, Any]], now: dt.datetime) -> str:
        from service_desk.ui import care_messages

        first = late[0]
        who = first["escalated_to_name"] or self.tr("the supervisor")
        reply_by = parse(first["reply_by"]) if first["reply_by"] else None
        head = self.tr("Complaint no. {id} of {customer}: {late}, escalated to {who}.").format(
            id=first["id"],
            customer=first["customer_name"],
            late=care_messages.reply_countdown(reply_by, False, now),
            who=who,
        )
        if len(late) > 1:
            head += " " + self.tr("{n} complaints past their reply-by time in all.").format(
                n=len(late)
            )
        return "⚠ " + head

    def dismiss(self) -> None:
        self.dismissed |= set(self.shown_ids)
        self.hide()

    def _open(self) -> None:
        if self.shown_ids:
            self.open_complaint.emit(self.shown_ids[0])
