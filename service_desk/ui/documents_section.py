"""The documents that came with the car (R8): received / valid / complete / intact, and
each discrepancy noted and signed by the customer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import PURPOSES, DocumentCheck, is_discrepancy, required_documents
from service_desk.store.queries import Row
from service_desk.ui import colours
from service_desk.ui.checkin_messages import purpose_name
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang

FLAGS = ("received", "valid", "complete", "intact")
DISCREPANCY_STYLE = colours.WARNING_STYLE


class _DocumentRow:
    def __init__(
        self,
        code: str,
        name: QLabel,
        boxes: dict[str, QCheckBox],
        note: QLineEdit,
        signed: QCheckBox,
    ):
        self.code, self.name, self.boxes, self.note, self.signed = code, name, boxes, note, signed

    def check(self) -> DocumentCheck:
        flags = {key: box.isChecked() for key, box in self.boxes.items()}
        return DocumentCheck(
            self.code, **flags, note=self.note.text(), customer_signed=self.signed.isChecked()
        )


class DocumentsSection(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Documents received"), parent)
        self.dirty = False
        self.repair_category: str | None = None
        self.editable = True
        layout = QVBoxLayout(self)
        purposes = QHBoxLayout()
        purposes.addWidget(QLabel(self.tr("The car comes for:")))
        self.purposes: dict[str, QCheckBox] = {}
        for purpose in PURPOSES:
            box = QCheckBox(purpose_name(purpose), objectName=f"purpose_{purpose}")
            box.toggled.connect(self._changed)
            self.purposes[purpose] = box
            purposes.addWidget(box)
        purposes.addStretch(1)
        layout.addLayout(purposes)
        layout.addWidget(errors.label("documents"))
        layout.addWidget(errors.label("purposes"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(5, 1)
        headings = (
            self.tr("Document (* required)"),
            self.tr("Received"),
            self.tr("Valid"),
            self.tr("Complete"),
            self.tr("Intact"),
            self.tr("Discrepancy"),
            self.tr("Customer signed"),
        )
        for column, text in enumerate(headings):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows: dict[str, _DocumentRow] = {}
        lang = ui_lang()
        for line, doc in enumerate(reference.document_types(), start=1):
            name = QLabel(doc.name(lang))
            boxes = {}
            for column, key in enumerate(FLAGS, start=1):
                box = QCheckBox(objectName=f"doc_{key}_{doc.code}")
                box.setToolTip(headings[column])
                boxes[key] = box
                grid.addWidget(box, line, column)
            note = QLineEdit(objectName=f"doc_note_{doc.code}")
            note.setPlaceholderText(self.tr("What is missing, expired or damaged"))
            signed = QCheckBox(self.tr("Signed"), objectName=f"doc_signed_{doc.code}")
            cell = QWidget()
            column_box = QVBoxLayout(cell)
            column_box.setContentsMargins(0, 0, 0, 0)
            column_box.setSpacing(0)
            column_box.addWidget(note)
            column_box.addWidget(errors.label(f"document.{doc.code}"))
            grid.addWidget(name, line, 0)
            grid.addWidget(cell, line, 5)
            grid.addWidget(signed, line, 6)
            row = _DocumentRow(doc.code, name, boxes, note, signed)
            self.rows[doc.code] = row
            boxes["received"].toggled.connect(lambda on, r=row: self._received(r, on))
            for key in FLAGS[1:]:
                boxes[key].toggled.connect(self._changed)
            note.textEdited.connect(self._changed)
            signed.toggled.connect(self._changed)
        layout.addLayout(grid)

    def load(self, stored: dict[str, Row], state: Row, repair_category: str | None) -> None:
        self.repair_category = repair_category
        for purpose, box in self.purposes.items():
            box.setChecked(bool(state.get(purpose)))
        for code, row in self.rows.items():
            found = stored.get(code) or {}
            for key, box in row.boxes.items():
                box.blockSignals(True)
                box.setChecked(bool(found.get(key)))
                box.blockSignals(False)
            row.note.setText(found.get("note", ""))
            row.signed.setChecked(bool(found.get("customer_signed")))
        self._refresh_rows()
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for box in self.purposes.values():
            box.setEnabled(editable)
        self._refresh_rows()

    def chosen_purposes(self) -> list[str]:
        return [p for p, box in self.purposes.items() if box.isChecked()]

    def required(self) -> set[str]:
        conditions = {d.code: d.required_for for d in reference.document_types()}
        return required_documents(conditions, self.repair_category, self.chosen_purposes())

    def save(self, ctx: Ctx, order_id: int) -> None:
        checks = [row.check() for row in self.rows.values()]
        checkin.record_documents(ctx, order_id, checks, self.chosen_purposes())

    def _received(self, row: _DocumentRow, on: bool) -> None:
        """A document handed over is usually fine: tick the rest, untick what is not."""
        for key in FLAGS[1:]:
            row.boxes[key].blockSignals(True)
            row.boxes[key].setChecked(on)
            row.boxes[key].blockSignals(False)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.dirty = True
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        """Required documents carry a *; a discrepancy shows in amber and may be signed."""
        required = self.required()
        lang = ui_lang()
        for code, row in self.rows.items():
            received = row.boxes["received"].isChecked()
            needed = code in required
            row.name.setText(reference.document_type(code).name(lang) + (" *" if needed else ""))
            discrepancy = is_discrepancy(row.check(), needed)
            row.name.setStyleSheet(DISCREPANCY_STYLE if discrepancy else "")
            row.boxes["received"].setEnabled(self.editable)
            for key in FLAGS[1:]:
                row.boxes[key].setEnabled(self.editable and received)
            row.note.setEnabled(self.editable)
            row.signed.setEnabled(self.editable and discrepancy)
