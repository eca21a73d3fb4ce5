"""The current order at the key cabinet: its keys, their history, register and move them.

Registering takes a kind, an optional label (黑色遥控, 带车库门卡) and a hook (the
lowest free one is offered; a free hook clicked in the grid is taken). A movement
applies to the key selected in the list: to the workshop / a technician or a test
drive (with the name of who takes it), back to the cabinet on a hook, or returned to
the customer (the only step that asks for confirmation: it cannot be undone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import keys as key_actions
from service_desk.actions.context import ActionError
from service_desk.actions.staff import list_staff
from service_desk.domain import keys as rules
from service_desk.domain.clock import parse
from service_desk.domain.order_number import spoken
from service_desk.domain.validation import ValidationError
from service_desk.store import key_queries, queries, settings
from service_desk.store.errors import StorageError
from service_desk.ui import ask, colours, keyboard, labels
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.key_messages import (
    action_name,
    hours_text,
    kind_name,
    overdue_word,
    state_name,
)
from service_desk.ui.messages import error_text
from service_desk.ui.models import RowsModel, _c
from service_desk.ui.printing import Printing, run_print
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table

Row = dict[str, Any]
MOVES = ("to_workshop", "test_drive", "back_to_cabinet", "returned")
KEY_COLOURS = {"in_cabinet": colours.READY, "out": colours.WORKSHOP, "returned": colours.DONE}
OVERDUE_COLOUR = colours.OVERDUE


def table(model: RowsModel, name: str) -> QTableView:
    view = queue_table(model, name)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def hhmm(at: str | None) -> str:
    return parse(at).strftime("%m-%d %H:%M") if at else ""


class KeysModel(RowsModel):
    """The order's keys (rows carry 'where' and 'overdue', worked out when loaded); the
    'Where' column in the key state's colour, red when out too long."""

    def __init__(self, parent: QWidget):
        super().__init__(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Hook")), lambda r: str(r["hook"] or "—")),
                (_c(QT_TRANSLATE_NOOP("Columns", "Key")), lambda r: kind_name(r["kind"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Label")), lambda r: r["label"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Where")), lambda r: r["where"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Registered")),
                    lambda r: f"{hhmm(r['registered_at'])} {r['registered_by_name']}",
                ),
            ],
            parent,
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 3:
            row = self.rows[index.row()]
            colour = KEY_COLOURS.get(row["state"], colours.TEXT)
            return QColor(OVERDUE_COLOUR if row["overdue"] else colour)
        return super().data(index, role)


def history_model(parent: QWidget) -> RowsModel:
    def hooks(r: Row) -> str:
        if r["from_hook"] is None and r["to_hook"] is None:
            return ""
        return f"{r['from_hook'] or '—'} → {r['to_hook'] or '—'}"

    return RowsModel(
        [
            (_c(QT_TRANSLATE_NOOP("Columns", "When")), lambda r: hhmm(r["at"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Who")), lambda r: r["staff_name"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "What")), lambda r: action_name(r["action"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Key")), lambda r: kind_name(r["kind"])),
            (_c(QT_TRANSLATE_NOOP("Columns", "Hook")), hooks),
            (_c(QT_TRANSLATE_NOOP("Columns", "To whom")), lambda r: r["to_whom"]),
            (_c(QT_TRANSLATE_NOOP("Columns", "Why")), lambda r: r["reason"]),
        ],
        parent,
    )


class KeyOrderPanel(QWidget):
    """Keys of the current order; emits key_selected(hook or 0) when a key row is picked."""

    key_selected = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order: Row | None = None
        self.errors = FieldErrors()
        self.printing = Printing(session, self)
        self._build()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel(objectName="keys_order_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.empty = QLabel(
            self.tr(
                "No order picked. Search a plate or order (F2), pick a car from the list "
                "on the left, or click an occupied hook."
            ),
            objectName="keys_empty",
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(colours.FAINT_STYLE)
        layout.addWidget(self.empty)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.keys_model = KeysModel(self)
        self.keys_view = table(self.keys_model, "keys_list")
        self.keys_view.setMaximumHeight(150)
        body.addWidget(QLabel("<b>" + self.tr("Keys of this car") + "</b>"))
        body.addWidget(self.keys_view)
        self.no_keys = QLabel(
            self.tr("No key registered yet — hang it on a free hook and register it below."),
            objectName="keys_none",
        )
        self.no_keys.setStyleSheet(colours.WARNING_STYLE)
        body.addWidget(self.no_keys)

        forms = QHBoxLayout()
        forms.addWidget(self._register_box(), 1)
        forms.addWidget(self._move_box(), 1)
        body.addLayout(forms)

        self.message = QLabel(objectName="keys_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        body.addWidget(self.message)

        prints = QHBoxLayout()
        self.print_tag = QPushButton(self.tr("Print key tag (Ctrl+P)"), objectName="keys_print")
        self.preview_tag = QPushButton(self.tr("Preview key tag …"), objectName="keys_preview")
        prints.addWidget(self.print_tag)
        prints.addWidget(self.preview_tag)
        prints.addStretch(1)
        body.addLayout(prints)

        body.addWidget(QLabel("<b>" + self.tr("History of the keys") + "</b>"))
        self.history = history_model(self)
        self.history_view = table(self.history, "keys_history")
        body.addWidget(self.history_view, 1)
        layout.addWidget(self.body, 1)

        self.keys_view.clicked.connect(self._key_clicked)
        self.keys_view.activated.connect(self._key_clicked)
        self.print_tag.clicked.connect(self.print_key_tag)
        self.preview_tag.clicked.connect(self.preview_key_tag)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_key_tag)

    def _register_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Register a key"), objectName="keys_register_box")
        form = QFormLayout(box)
        self.kind = QComboBox(objectName="keys_kind")
        for code in rules.KINDS:
            self.kind.addItem(kind_name(code), code)
        self.label = QLineEdit(objectName="keys_label")
        self.label.setPlaceholderText(self.tr("e.g. black remote, with garage card"))
        self.label.setMaxLength(rules.LABEL_MAX)
        self.hook = QSpinBox(objectName="keys_hook")
        self.hook.setSpecialValueText("—")
        self.register_button = QPushButton(self.tr("&Register on hook"), objectName="keys_register")
        self.errors.add_row(form, self.tr("Key"), self.kind, "kind")
        self.errors.add_row(form, self.tr("Label"), self.label, "label")
        self.errors.add_row(form, self.tr("Hook"), self.hook, "hook")
        form.addRow("", self.register_button)
        self.register_button.clicked.connect(self.register_key)
        self.label.returnPressed.connect(lambda: self.hook.setFocus())
        keyboard.set_primary(box, self.register_button, self.register_key)
        return box

    def _move_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Move the selected key"), objectName="keys_move_box")
        form = QFormLayout(box)
        self.action = QComboBox(objectName="keys_action")
        for code in MOVES:
            self.action.addItem(action_name(code), code)
        self.to_whom = QLineEdit(objectName="keys_to_whom")
        self.to_whom.setMaxLength(rules.NAME_MAX)
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self.to_whom)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.to_whom.setCompleter(completer)
        self.back_hook = QSpinBox(objectName="keys_back_hook")
        self.back_hook.setSpecialValueText("—")
        self.reason = QLineEdit(objectName="keys_reason")
        self.reason.setMaxLength(rules.REASON_MAX)
        self.reason.setPlaceholderText(self.tr("Why (optional): replace brake pads, road test …"))
        self.move_button = QPushButton(self.tr("Record &movement"), objectName="keys_move")
        self.errors.add_row(form, self.tr("What"), self.action, "action")
        self.errors.add_row(form, self.tr("To whom"), self.to_whom, "to_whom")
        self.errors.add_row(form, self.tr("Back on hook"), self.back_hook, "back_hook")
        self.errors.add_row(form, self.tr("Why"), self.reason, "reason")
        form.addRow("", self.move_button)
        self.action.currentIndexChanged.connect(lambda _i: self._action_changed())
        self.move_button.clicked.connect(self.move_selected)
        self.reason.returnPressed.connect(self.move_selected)
        keyboard.set_primary(box, self.move_button, self.move_selected)
        return box

    # ---------------------------------------------------------------- showing
    def show_order(self, order_id: int | None) -> None:
        """Another order: the forms are cleared, the suggestions made again."""
        changed = self.order is None or order_id != self.order["id"]
        self.order = queries.order(self.session.db, order_id) if order_id else None
        if changed:
            self.errors.clear()
            self.label.clear()
            self.reason.clear()
            self.to_whom.clear()
        self.refresh(reset=changed)

    def refresh(self, reset: bool = False) -> None:
        db = self.session.db
        if self.order is not None:
            self.order = queries.order(db, self.order["id"])
        self.empty.setVisible(self.order is None)
        self.body.setVisible(self.order is not None)
        size = int(settings.get(db, "key_cabinet_hooks"))
        for spin in (self.hook, self.back_hook):
            spin.setRange(0, max(size, spin.value()))
        if self.order is None:
            self.header.clear()
            return
        oid = self.order["id"]
        selected = self.selected_key()
        keys = [self._shown(k) for k in key_queries.keys_of_order(db, oid)]
        self.keys_model.set_rows(keys)
        self.no_keys.setVisible(not keys)
        self.history.set_rows(key_queries.key_events(db, oid))
        self.history_view.scrollToBottom()
        self.header.setText(self._header_text())
        kept = next((k for k in keys if selected and not reset and k["id"] == selected["id"]), None)
        if kept is not None:  # what was chosen in the form stays while the key did not move
            self.select_key(kept["id"], suggest=kept["state"] != selected["state"])
        elif keys:
            waiting = [k for k in keys if k["state"] != "returned"] or keys
            self.select_key(waiting[0]["id"])
        free = rules.suggest_hook(key_queries.cabinet(db), size)
        if reset or self.hook.value() == 0 or key_queries.key_on_hook(db, self.hook.value()):
            self.hook.setValue(free or 0)
        if (
            reset
            or self.back_hook.value() == 0
            or key_queries.key_on_hook(db, self.back_hook.value())
        ):
            self.back_hook.setValue(free or 0)
        if reset:
            has_main = any(k["kind"] == "main" for k in keys)
            self.kind.setCurrentIndex(self.kind.findData("spare" if has_main else "main"))
            self._suggest_action()
        self._completer()
        tag = bool(key_queries.keys_in_cabinet(db, oid))
        self.print_tag.setEnabled(tag)
        self.preview_tag.setEnabled(tag)

    def _header_text(self) -> str:
        assert self.order is not None
        vehicle = queries.vehicle(self.session.db, self.order["vehicle_id"]) or {}
        customer = queries.customer(self.session.db, self.order["customer_id"]) or {}
        state = self.order["state"]
        colour = labels.state_colour(state)
        return (
            f"<b>{spoken(self.order['number'])}</b> · <b>{vehicle.get('plate', '')}</b> · "
            f"{customer.get('name', '')} · "
            f"<span style='color:{colour}'>{labels.state(state)}</span>"
        )

    def _shown(self, key: Row) -> Row:
        """The key with where it is in words, and whether it is out too long."""
        hours = key_actions.hours_out(self.session.ctx, key)
        limit = int(settings.get(self.session.db, "key_out_alert_hours"))
        overdue = hours is not None and hours > limit
        if key["state"] == "in_cabinet":
            where = self.tr("{state}: hook {hook}").format(
                state=state_name("in_cabinet"), hook=key["hook"]
            )
        elif key["state"] == "out":
            where = self.tr("{state}: with {name} since {time} ({duration})").format(
                state=overdue_word() if overdue else state_name("out"),
                name=key["holder"],
                time=hhmm(key["out_since"]),
                duration=hours_text(hours or 0.0),
            )
        else:
            event = key_queries.last_event(self.session.db, key["id"])
            where = self.tr("{state}: to {name}").format(
                state=state_name("returned"), name=event["to_whom"] if event else ""
            )
        return {**key, "where": where, "overdue": overdue}

    def selected_key(self) -> Row | None:
        index = self.keys_view.currentIndex()
        return self.keys_model.row_at(index.row()) if index.isValid() else None

    def select_key(self, key_id: int, suggest: bool = True) -> None:
        """Select the key in the list; suggest: offer its usual next movement."""
        for row, key in enumerate(self.keys_model.rows):
            if key["id"] == key_id:
                self.keys_view.selectRow(row)
                if suggest:
                    self._suggest_action()
                return

    def take_hook(self, hook: int) -> None:
        """A free hook clicked in the grid: where the next key goes (or comes back to)."""
        for spin in (self.hook, self.back_hook):
            spin.setMaximum(max(spin.maximum(), hook))
            spin.setValue(hook)
        key = self.selected_key()
        if key is not None and key["state"] == "out":
            self.action.setCurrentIndex(self.action.findData("back_to_cabinet"))

    def _key_clicked(self, index: QModelIndex) -> None:
        key = self.keys_model.row_at(index.row())
        if key is not None:
            self._suggest_action()
            self.key_selected.emit(key["hook"] or 0)

    def _suggest_action(self) -> None:
        """The usual next step of the selected key: out -> back to the cabinet, else to
        the workshop; the technician of the order as the one who takes it."""
        key = self.selected_key()
        code = "back_to_cabinet" if key is not None and key["state"] == "out" else "to_workshop"
        self.action.setCurrentIndex(self.action.findData(code))
        self._action_changed()

    def _action_changed(self) -> None:
        code = self.action.currentData()
        self.back_hook.setEnabled(code == "back_to_cabinet")
        self.to_whom.setEnabled(code != "back_to_cabinet")
        customer = ""
        if self.order is not None:
            customer = (queries.customer(self.session.db, self.order["customer_id"]) or {}).get(
                "name", ""
            )
        if code == "returned":
            self.to_whom.clear()
            self.to_whom.setPlaceholderText(
                self.tr("Customer: {name}").format(name=customer) if customer else ""
            )
        elif code in rules.OUT_ACTIONS:
            self.to_whom.setPlaceholderText(self.tr("Technician or driver (required)"))
            technician = (self.order or {}).get("technician", "")
            if not self.to_whom.text().strip() and technician:
                self.to_whom.setText(technician)
        else:
            self.to_whom.clear()
            self.to_whom.setPlaceholderText("")

    def _completer(self) -> None:
        """The workshop's people (and the order's technician) complete the name typed."""
        names = [p["name"] for p in list_staff(self.session.ctx) if p["role"] == "workshop"]
        technician = (self.order or {}).get("technician", "")
        if technician and technician not in names:
            names.insert(0, technician)
        self.names.setStringList(names)

    # ---------------------------------------------------------------- actions
    def register_key(self) -> None:
        self._run(self._register, "hook")

    def move_selected(self) -> None:
        self._run(self._move, "back_hook")

    def primary(self) -> None:
        """Ctrl+Enter outside the two forms: register while the car has no key, else
        move the selected key."""
        if self.order is None:
            return
        if not self.keys_model.rows:
            self.register_key()
        else:
            self.move_selected()

    def _run(self, step: Callable[[], bool | None], hook_field: str) -> None:
        """Run one action; refusals appear under their fields (a refused 'hook' under
        hook_field, the spin box of this form), the typing is kept."""
        self.errors.clear()
        self.message.hide()
        if self.order is None:
            return
        try:
            done = step()
        except ValidationError as exc:
            self.errors.show(
                replace(p, field=hook_field) if p.field == "hook" else p for p in exc.problems
            )
            return
        except (ActionError, StorageError) as exc:
            field = getattr(exc, "field", None)
            label = self.errors.labels.get(hook_field if field == "hook" else field or "")
            target = label if label is not None else self.message
            target.setText(error_text(exc))
            target.show()
            return
        if done is not False:
            self.session.notify("keys")

    def _register(self) -> None:
        assert self.order is not None
        key_actions.register_key(
            self.session.ctx,
            self.order["id"],
            self.kind.currentData(),
            self.hook.value() or None,
            self.label.text(),
        )
        self.label.clear()

    def _move(self) -> bool:
        self._moving = True
        key = self.selected_key()
        if key is None:
            self.message.setText(self.tr("Select the key in the list first."))
            self.message.show()
            return False
        action = self.action.currentData()
        if action == "returned" and not ask.confirm(
            self,
            self.tr("Return the key to the customer"),
            self.tr(
                "Hand the {key} of {plate} back to {name}? "
                "It leaves the cabinet for good and cannot be taken out again."
            ).format(
                key=kind_name(key["kind"]),
                plate=key["plate"],
                name=self.to_whom.text().strip() or key["customer_name"],
            ),
        ):
            return False
        hook = (self.back_hook.value() or None) if action == "back_to_cabinet" else None
        key_actions.move_key(
            self.session.ctx, key["id"], action, self.to_whom.text(), self.reason.text(), hook
        )
        self.reason.clear()
        return True

    # ---------------------------------------------------------------- printing
    def print_key_tag(self) -> None:
        if self.order is not None and self.print_tag.isEnabled():
            self._run_print(lambda: self.printing.print("key_tag", self.order["id"]))

    def preview_key_tag(self) -> None:
        if self.order is not None and self.preview_tag.isEnabled():
            self._run_print(lambda: self.printing.preview("key_tag", self.order["id"]))

    def _run_print(self, step: Callable[[], object]) -> None:
        self.message.hide()
        run_print(step, self.message)
