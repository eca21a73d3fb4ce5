"""The history of one repair order (R20): every change to it and to what belongs to it —
lines, check-in, keys, extra work, workshop steps, discounts, payments, release, prints —
with who and when and what it was before and after, straight from the audit table (which
refuses any change to its rows)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from service_desk.domain.clock import parse
from service_desk.store import queries
from service_desk.store.audit_queries import order_history
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

MAX_CHANGE = 300  # characters of one row's change shown; the rest is in the database


def _t(text: str) -> str:
    return QCoreApplication.translate("OrderHistory", text)


ENTITY_NAMES = {
    "order": QT_TRANSLATE_NOOP("OrderHistory", "Order"),
    "checkin": QT_TRANSLATE_NOOP("OrderHistory", "Check-in"),
    "order_line": QT_TRANSLATE_NOOP("OrderHistory", "Line"),
    "damage_mark": QT_TRANSLATE_NOOP("OrderHistory", "Damage mark"),
    "key": QT_TRANSLATE_NOOP("OrderHistory", "Key"),
    "extra_work": QT_TRANSLATE_NOOP("OrderHistory", "Extra work"),
    "handoff": QT_TRANSLATE_NOOP("OrderHistory", "Workshop handoff"),
    "progress_check": QT_TRANSLATE_NOOP("OrderHistory", "Progress check"),
    "pickup_ready": QT_TRANSLATE_NOOP("OrderHistory", "Ready for pickup"),
    "discount": QT_TRANSLATE_NOOP("OrderHistory", "Discount"),
    "payment": QT_TRANSLATE_NOOP("OrderHistory", "Payment"),
    "arrears": QT_TRANSLATE_NOOP("OrderHistory", "Arrears"),
    "settlement": QT_TRANSLATE_NOOP("OrderHistory", "Settlement"),
    "release": QT_TRANSLATE_NOOP("OrderHistory", "Release"),
    "comeback": QT_TRANSLATE_NOOP("OrderHistory", "Comeback"),
    "appointment_credit": QT_TRANSLATE_NOOP("OrderHistory", "Deposit credited"),
    "complaint": QT_TRANSLATE_NOOP("OrderHistory", "Complaint"),
    "follow_up": QT_TRANSLATE_NOOP("OrderHistory", "Follow-up"),
    "warranty_claim": QT_TRANSLATE_NOOP("OrderHistory", "Warranty claim"),
    "print": QT_TRANSLATE_NOOP("OrderHistory", "Print"),
}


def _load(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def change_text(before_json: str | None, after_json: str | None) -> str:
    """'state: estimate → signed; promised_at: … → …' — only what changed; a new record
    shows what it was made with."""
    before, after = _load(before_json), _load(after_json)
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if before.get(k) != after.get(k)]
        text = "; ".join(f"{k}: {before.get(k)} → {after.get(k)}" for k in keys)
    elif isinstance(after, dict):
        text = "; ".join(f"{k}: {v}" for k, v in after.items() if v not in (None, ""))
    elif after is not None:
        text = str(after)
    elif isinstance(before, dict):
        text = "; ".join(f"{k}: {v}" for k, v in before.items())
    else:
        text = ""
    return text if len(text) <= MAX_CHANGE else text[: MAX_CHANGE - 1] + "…"


class OrderHistoryDialog(QDialog):
    def __init__(self, session: Session, order_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("order_history")
        order = queries.order(session.db, order_id)
        number = order["number"] if order else str(order_id)
        self.setWindowTitle(self.tr("History of {number}").format(number=number))
        tz = session.ctx.clock().tzinfo
        layout = QVBoxLayout(self)
        rows = order_history(session.db, order_id)
        note = QLabel(
            self.tr(
                "{n} changes, oldest first. The audit trail cannot be changed or deleted."
            ).format(n=len(rows))
        )
        layout.addWidget(note)
        self.model = RowsModel(
            [
                (self.tr("When"), lambda r: parse(r["at"]).astimezone(tz).strftime("%m-%d %H:%M")),
                (self.tr("Who"), lambda r: r["staff_name"] or "—"),
                (self.tr("What"), lambda r: _t(ENTITY_NAMES.get(r["entity"], r["entity"]))),
                (self.tr("Action"), lambda r: r["action"]),
                (self.tr("Change"), lambda r: change_text(r["before_json"], r["after_json"])),
            ],
            self,
        )
        self.model.set_rows(rows)
        self.table = queue_table(self.model, "order_history_table")
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 600)
