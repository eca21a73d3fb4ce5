"""What the panels of the workshop desk share (and the other desks' forms borrow): the
message line and the foot of a form, running a step with inline refusals, times in the
dealer's zone on a QDateTimeEdit, the channel picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from service_desk.actions.context import ActionError
from service_desk.actions.workshop import CHANNELS
from service_desk.domain.pricing import PricingError
from service_desk.domain.validation import ValidationError
from service_desk.store.errors import StorageError
from service_desk.ui import workshop_messages as texts
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session


def message_line(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def add_form_foot(
    layout: QBoxLayout, message_name: str, *buttons: QPushButton, fill_below: bool = True
) -> QLabel:
    """The foot of a form: its message line (hidden until there is something to say),
    then the buttons at the right; ``fill_below`` leaves the rest of the height empty
    under them, so the form stays at the top. Returns the message line."""
    message = message_line(message_name)
    layout.addWidget(message)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    if fill_below:
        layout.addStretch(1)
    return message


def time_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(objectName=name)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def set_time(edit: QDateTimeEdit, moment: dt.datetime, tz: dt.tzinfo | None) -> None:
    local = moment.astimezone(tz) if tz is not None else moment
    edit.setDateTime(QDateTime(local.replace(tzinfo=None, second=0, microsecond=0)))


def time_of(edit: QDateTimeEdit, tz: dt.tzinfo | None) -> dt.datetime:
    return edit.dateTime().toPython().replace(tzinfo=tz, second=0, microsecond=0)


def floor_ten(moment: dt.datetime) -> dt.datetime:
    """Now on the last ten minutes (rounding up could land in the future)."""
    return moment.replace(minute=moment.minute // 10 * 10, second=0, microsecond=0)


def channel_box(name: str, with_none: bool = False) -> QComboBox:
    box = QComboBox(objectName=name)
    if with_none:
        box.addItem("—", None)
    for code in CHANNELS:
        box.addItem(texts.channel_name(code), code)
    return box


def run_step(
    session: Session,
    errors: FieldErrors,
    message: QLabel,
    step: Callable[[], object],
    kinds: tuple[str, ...] = ("orders", "workshop"),
) -> bool:
    """Run one action; refusals show under their fields (a refusal naming a field on
    this form too) or on the message line, and what was typed stays. True when it went
    through (the desk is then told)."""
    errors.fallback = message
    errors.clear()
    message.hide()
    try:
        step()
    except ValidationError as exc:
        errors.show(exc.problems)
        return False
    except ActionError as exc:
        label = errors.labels.get(exc.field or "")
        target = label if label is not None else message
        target.setText(error_text(exc))
        target.show()
        return False
    except (PricingError, StorageError) as exc:
        message.setText(error_text(exc))
        message.show()
        return False
    session.notify(*kinds)
    return True
