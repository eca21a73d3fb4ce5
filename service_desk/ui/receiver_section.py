"""The workshop receiver's signature when the car goes straight to the workshop (R8)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCompleter, QDateTimeEdit, QFormLayout, QGroupBox, QLineEdit, QWidget

from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import round_to_ten_minutes
from service_desk.domain.clock import parse
from service_desk.store.queries import Row
from service_desk.ui.fields import FieldErrors


class ReceiverSection(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Workshop receiver (car goes straight to the workshop)"), parent)
        self.dirty = False
        self.stored = False
        form = QFormLayout(self)
        self.name = QLineEdit(objectName="receiver_name")
        self.name.setPlaceholderText(self.tr("Name of the workshop receiver (optional)"))
        self.at = QDateTimeEdit(objectName="receiver_at")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        errors.add_row(form, self.tr("Received by"), self.name, "receiver_name")
        errors.add_row(form, self.tr("Time"), self.at, "receiver_at")
        self.name.textEdited.connect(self._changed)
        self.at.dateTimeChanged.connect(self._changed)

    def load(self, state: Row, now: dt.datetime, workshop_names: list[str]) -> None:
        completer = QCompleter(workshop_names, self.name)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.name.setCompleter(completer)
        self.name.setText(state.get("receiver_name") or "")
        at = state.get("receiver_at")
        moment = parse(at) if at else round_to_ten_minutes(now)
        self.at.setDateTime(QDateTime(moment.replace(tzinfo=None)))
        self.stored = bool(state.get("receiver_name"))
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        self.name.setEnabled(editable)
        self.at.setEnabled(editable)

    def should_save(self) -> bool:
        return self.dirty and (bool(self.name.text().strip()) or self.stored)

    def save(self, ctx: Ctx, order_id: int) -> None:
        name = self.name.text()
        at = self.at.dateTime().toPython().replace(tzinfo=ctx.clock().tzinfo)
        checkin.record_workshop_receiver(ctx, order_id, name, at if name.strip() else None)
        self.stored = bool(name.strip())

    def _changed(self, *_args: object) -> None:
        self.dirty = True
