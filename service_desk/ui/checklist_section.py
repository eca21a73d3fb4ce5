"""The walk-around checklist of the check-in desk: each item OK or anomaly, with a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import ChecklistEntry
from service_desk.store.queries import Row
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang


class _ItemRow:
    def __init__(self, code: str, ok: QRadioButton, anomaly: QRadioButton, note: QLineEdit):
        self.code, self.ok, self.anomaly, self.note = code, ok, anomaly, note
        self.group = QButtonGroup(ok)
        self.group.addButton(ok)
        self.group.addButton(anomaly)

    def result(self) -> str | None:
        if self.anomaly.isChecked():
            return "anomaly"
        return "ok" if self.ok.isChecked() else None

    def set(self, result: str | None, note: str) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot go back to "no answer"
        self.ok.setChecked(result == "ok")
        self.anomaly.setChecked(result == "anomaly")
        self.group.setExclusive(True)
        self.note.setText(note)


class ChecklistSection(QGroupBox):
    """Rows grouped as in data/inspection_checklist.json; unanswered rows have no result."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Walk-around checklist"), parent)
        self.dirty = False
        self.rows: dict[str, _ItemRow] = {}
        layout = QVBoxLayout(self)
        self.all_ok = QPushButton(self.tr("All remaining OK"), objectName="checklist_all_ok")
        self.all_ok.setToolTip(self.tr("Every item not answered yet becomes OK"))
        layout.addWidget(self.all_ok, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(errors.label("checklist"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(3, 1)
        lang = ui_lang()
        line = 0
        for group in reference.checklist_groups():
            title = QLabel(f"<b>{group.name(lang)}</b>")
            grid.addWidget(title, line, 0, 1, 4)
            line += 1
            for item in group.items:
                ok = QRadioButton(self.tr("OK"), objectName=f"check_ok_{item.code}")
                anomaly = QRadioButton(self.tr("Anomaly"), objectName=f"check_anomaly_{item.code}")
                note = QLineEdit(objectName=f"check_note_{item.code}")
                note.setPlaceholderText(self.tr("Note"))
                note.setToolTip(self.tr("What is wrong (an anomaly needs a note)"))
                note.setMinimumWidth(140)
                cell = QWidget()
                column = QVBoxLayout(cell)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(0)
                column.addWidget(note)
                column.addWidget(errors.label(f"checklist.{item.code}"))
                grid.addWidget(QLabel(item.name(lang)), line, 0)
                grid.addWidget(ok, line, 1)
                grid.addWidget(anomaly, line, 2)
                grid.addWidget(cell, line, 3)
                row = _ItemRow(item.code, ok, anomaly, note)
                self.rows[item.code] = row
                row.group.buttonToggled.connect(self._changed)
                note.textEdited.connect(lambda _t, r=row: self._noted(r))
                line += 1
        layout.addLayout(grid)
        self.all_ok.clicked.connect(self._all_ok)

    def load(self, results: dict[str, Row]) -> None:
        for code, row in self.rows.items():
            found = results.get(code)
            row.set(found["result"] if found else None, found["note"] if found else "")
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        self.all_ok.setEnabled(editable)
        for row in self.rows.values():
            for widget in (row.ok, row.anomaly, row.note):
                widget.setEnabled(editable)

    def entries(self) -> list[ChecklistEntry]:
        found = []
        for code, row in self.rows.items():
            result = row.result()
            if result is not None:
                found.append(ChecklistEntry(code, result, row.note.text()))
        return found

    def save(self, ctx: Ctx, order_id: int) -> None:
        checkin.save_checklist(ctx, order_id, self.entries())

    def _changed(self, *_args: object) -> None:
        self.dirty = True

    def _noted(self, row: _ItemRow) -> None:
        """A note on an unanswered item means something is wrong with it."""
        self.dirty = True
        if row.result() is None and row.note.text().strip():
            row.anomaly.setChecked(True)

    def _all_ok(self) -> None:
        for row in self.rows.values():
            if row.result() is None:
                row.ok.setChecked(True)
        self.dirty = True
