"""The check-in of the current order (R8): the sections of the walk-around, the prints,
and "Complete check-in" (Ctrl+Enter).

Each section keeps what was typed until it is saved; a refusal shows next to its field
and nothing typed is lost. Save (Ctrl+S) stores the sections that changed; Complete saves
them all, then asks the domain whether the check-in is complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import checkin
from service_desk.actions.context import ActionError
from service_desk.actions.staff import list_staff
from service_desk.domain.checkin import check_complete
from service_desk.domain.clock import parse
from service_desk.domain.order_number import spoken
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store import checkin_queries, queries
from service_desk.store.errors import StorageError
from service_desk.ui import keyboard, labels
from service_desk.ui.belongings_section import BelongingsSection
from service_desk.ui.checklist_section import ChecklistSection
from service_desk.ui.damage_diagram import DamagePanel
from service_desk.ui.documents_section import DocumentsSection
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.printing import Printing, form_name, run_print
from service_desk.ui.readings_section import ReadingsSection
from service_desk.ui.receiver_section import ReceiverSection
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session

EDIT_STATES = checkin.EDIT_STATES
PRINTS = ("check_in_sheet", "belongings")


class CheckInForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order_id: int | None = None
        self.errors = FieldErrors()
        self.printing = Printing(session, self)
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.header = QLabel(objectName="checkin_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        outer.addWidget(self.header)

        self.checklist = ChecklistSection(self.errors)
        self.damage = DamagePanel(self.errors, self._place_mark, self._strike_mark)
        self.readings = ReadingsSection(self.errors)
        self.documents = DocumentsSection(self.errors)
        self.belongings = BelongingsSection(self.errors)
        self.receiver = ReceiverSection(self.errors)
        body = QWidget()
        grid = QGridLayout(body)
        left = QVBoxLayout()
        left.addWidget(self.checklist)
        left.addStretch(1)
        right = QVBoxLayout()
        for section in (self.damage, self.readings, self.belongings, self.receiver):
            right.addWidget(section)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.documents, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(objectName="checkin_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.message = QLabel(objectName="checkin_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        outer.addWidget(self.message)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), objectName="checkin_save")
        self.print_sheet = QPushButton(
            self.tr("&Print check-in sheet"), objectName="checkin_print_sheet"
        )
        self.print_belongings = QPushButton(
            self.tr("Print &belongings list"), objectName="checkin_print_belongings"
        )
        self.preview_button = QPushButton(self.tr("P&review …"), objectName="checkin_preview")
        self.preview_menu = QMenu(self.preview_button)
        for kind in PRINTS:
            action = self.preview_menu.addAction(form_name(kind))
            action.setObjectName(f"preview_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self._print(k, preview=True))
        self.preview_button.setMenu(self.preview_menu)
        self.complete_button = QPushButton(
            self.tr("Co&mplete check-in"), objectName="checkin_complete"
        )
        self.complete_button.setDefault(True)
        for widget in (self.print_sheet, self.print_belongings, self.preview_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.complete_button)
        outer.addLayout(buttons)

        self.save_button.clicked.connect(lambda: self._run(self.save))
        self.complete_button.clicked.connect(self.complete)
        self.print_sheet.clicked.connect(lambda: self._print("check_in_sheet"))
        self.print_belongings.clicked.connect(lambda: self._print("belongings"))
        keyboard.set_primary(self, self.complete_button, self.complete)
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self._run(self.save))

    @property
    def sections(self) -> tuple[Any, ...]:
        return (self.checklist, self.readings, self.documents, self.belongings, self.receiver)

    # ------------------------------------------------------------------ loading
    def load(self, order_id: int) -> None:
        """Show an order's check-in as stored; the only place typed text is replaced."""
        db = self.session.db
        order = queries.order(db, order_id)
        if order is None:
            return
        self.order_id = order_id
        self.errors.clear()
        vehicle = queries.vehicle(db, order["vehicle_id"]) or {}
        state = checkin_queries.checkin(db, order_id) or {}
        odometer = state.get("odometer_km") or order["odometer_in"] or vehicle.get("last_km")
        ev = _is_ev(vehicle.get("model_code"))
        self.checklist.load(checkin_queries.checklist(db, order_id))
        self.readings.load(state, odometer, vehicle.get("last_km"), ev)
        self.documents.load(
            checkin_queries.documents(db, order_id), state, order["repair_category"]
        )
        self.belongings.load(checkin_queries.belongings(db, order_id), state)
        workshop = [s["name"] for s in list_staff(self.session.ctx) if s["role"] == "workshop"]
        self.receiver.load(state, self.session.ctx.clock(), workshop)
        self.refresh()

    def refresh(self) -> None:
        """Header, marks and which buttons apply — never the text being typed."""
        if self.order_id is None:
            return
        db = self.session.db
        order = queries.order(db, self.order_id)
        if order is None:
            return
        state = checkin_queries.checkin(db, self.order_id) or {}
        self.header.setText(self._header_html(order, state))
        self.damage.set_marks(checkin_queries.damage_marks(db, self.order_id))
        editable = order["state"] in EDIT_STATES
        for section in self.sections:
            section.set_editable(editable)
        self.damage.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.complete_button.setEnabled(order["state"] == "signed")
        printable = order["state"] != "void" and order["signed_at"] is not None
        for widget in (self.print_sheet, self.print_belongings, self.preview_button):
            widget.setEnabled(printable)

    def _header_html(self, order: dict[str, Any], state: dict[str, Any]) -> str:
        vehicle = queries.vehicle(self.session.db, order["vehicle_id"]) or {}
        customer = queries.customer(self.session.db, order["customer_id"]) or {}
        colour = labels.state_colour(order["state"])
        line = (
            f"<span style='font-size:16pt'><b>{spoken(order['number'])}</b></span> "
            f"<span style='color:{colour}'>● {labels.state(order['state'])}</span> · "
            f"<b>{vehicle.get('plate', '')}</b> {model_name(vehicle.get('model_code') or '')} · "
            f"{customer.get('name', '')} {customer.get('phone', '')}"
        )
        if state.get("completed_at"):
            done = parse(state["completed_at"]).strftime("%H:%M")
            line += "<br>" + self.tr("Checked in at {time} by {name}.").format(
                time=done, name=state.get("completed_by_name") or ""
            )
            if order["state"] in EDIT_STATES:
                line += " " + self.tr("Details can still be finished until the workshop takes it.")
        elif order["state"] not in EDIT_STATES:
            line += "<br>" + self.tr("Shown for reference: this order is past check-in.")
        return line

    # ------------------------------------------------------------------ actions
    def save(self, completing: bool = False) -> list[Problem]:
        """Save the sections that changed (on completion also those never recorded);
        returns the refusals, each already shown at its field."""
        if self.order_id is None:
            return []
        ctx, order_id = self.session.ctx, self.order_id
        state = checkin_queries.checkin(ctx.db, order_id) or {}
        wanted = {
            self.checklist: self.checklist.dirty,
            self.readings: self.readings.dirty or (completing and not state.get("readings_at")),
            self.documents: self.documents.dirty or (completing and not state.get("documents_at")),
            self.belongings: self.belongings.should_save(),
            self.receiver: self.receiver.should_save(),
        }
        problems: list[Problem] = []
        for section, needed in wanted.items():
            if not needed:
                continue
            try:
                section.save(ctx, order_id)
            except ValidationError as exc:
                problems += exc.problems
                continue
            section.dirty = False
        if problems:
            self.errors.show(_placed(problems))
        return problems

    def complete(self) -> None:
        """Save everything, then check the order in; all that is missing shows at once."""
        if self.order_id is None or not self.complete_button.isEnabled():
            return
        ctx, order_id = self.session.ctx, self.order_id

        def step() -> None:
            problems = self.save(completing=True)
            if problems:
                order = queries.order(ctx.db, order_id)
                missing = check_complete(checkin.check_in_facts(ctx, order))
                raise ValidationError(problems + _not_shown(missing, problems))
            checkin.complete_check_in(ctx, order_id)

        self._run(step)

    @property
    def dirty(self) -> bool:
        return any(section.dirty for section in self.sections)

    def save_quietly(self) -> None:
        """Before another order is shown: keep what was typed for this one (every section
        that passes its checks is saved; the refusals of the others are not shown)."""
        with contextlib.suppress(ActionError, StorageError):
            self.save()

    def _place_mark(self, view: str, x: float, y: float, code: str, note: str, photo: str) -> None:
        def step() -> None:
            checkin.add_damage_mark(self.session.ctx, self.order_id, view, x, y, code, note, photo)

        if self.order_id is not None:
            self._run(step)

    def _strike_mark(self, mark_id: int) -> None:
        def step() -> None:
            checkin.strike_damage_mark(self.session.ctx, mark_id)

        self._run(step)

    def _run(self, step: Callable[[], object]) -> None:
        """Run one step; refusals show next to the fields, the typing is kept."""
        self.errors.clear()
        try:
            step()
        except ValidationError as exc:
            self.errors.show(_placed(exc.problems))
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
        self.refresh()
        self.session.notify("orders", "checkin")

    # ------------------------------------------------------------------ printing
    def _print(self, kind: str, preview: bool = False) -> None:
        """Print (or preview) what is on the screen: unsaved changes are saved first, and
        nothing prints while a section is refused."""
        order_id = self.order_id
        if order_id is None:
            return

        def step() -> None:
            if not self.save():
                (self.printing.preview if preview else self.printing.print)(kind, order_id)

        self._run_print(step)

    def _run_print(self, step: Callable[[], object]) -> None:
        self.errors.clear()
        run_print(step, self.message)
        self.session.notify("orders", "checkin")


def _placed(problems: list[Problem]) -> list[Problem]:
    """A belongings line's problem shows under the list (lines have no field of their own)."""
    return [
        Problem("belongings", p.code, p.severity, p.params)
        if p.field.startswith("belongings.")
        else p
        for p in problems
    ]


# The fields of each section of the form: the guard's word on a section that already
# shows its own refusal would only repeat it (or mislead: "not checked" when unsaved).
SECTION_FIELDS = (
    {"checklist"},
    {"fuel", "odometer", "odometer_reason"},
    {"documents", "document", "purposes"},
    {"belongings", "box_no"},
    {"receiver_name", "receiver_at"},
)


def _section(field: str) -> int:
    head = field.split(".")[0]
    return next((i for i, fields in enumerate(SECTION_FIELDS) if head in fields), -1)


def _not_shown(missing: list[Problem], shown: list[Problem]) -> list[Problem]:
    """What the completion guard adds to the problems the sections already showed."""
    refused = {_section(p.field) for p in shown}
    return [p for p in missing if _section(p.field) not in refused]


def _is_ev(model_code: str | None) -> bool:
    if not model_code:
        return False
    try:
        return reference.car_model(model_code).energy == "ev"
    except KeyError:
        return False
