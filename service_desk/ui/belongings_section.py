"""The belongings list (随车物品清单): catalogue items or free entries with quantities, and
the number of the storage box they go into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import checkin
from service_desk.actions.context import Ctx
from service_desk.domain.checkin import MAX_QTY, BelongingInput, belonging_key
from service_desk.store import checkin_queries
from service_desk.store.queries import Row
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang


def display_name(line: BelongingInput) -> str:
    if line.item_code:
        try:
            return reference.belonging_type(line.item_code).name(ui_lang())
        except KeyError:
            pass
    return line.name


class BelongingsSection(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Belongings"), parent)
        self.dirty = False
        self.recorded = False
        self.lines: list[BelongingInput] = []
        layout = QVBoxLayout(self)
        entry = QHBoxLayout()
        self.item = QComboBox(objectName="belonging_item")
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item.lineEdit().setPlaceholderText(self.tr("Pick from the list or type any item"))
        for kind in reference.belonging_types():
            self.item.addItem(kind.name(ui_lang()), kind.code)
        self.item.setCurrentIndex(-1)
        self.qty = QSpinBox(objectName="belonging_qty")
        self.qty.setRange(1, MAX_QTY)
        self.qty.setPrefix("× ")
        self.add = QPushButton(self.tr("Add"), objectName="belonging_add")
        entry.addWidget(self.item, 1)
        entry.addWidget(self.qty)
        entry.addWidget(self.add)
        layout.addLayout(entry)
        layout.addWidget(errors.label("belongings"))
        row = QHBoxLayout()
        self.list = QListWidget(objectName="belongings_list")
        self.list.setMaximumHeight(130)
        self.remove = QPushButton(self.tr("Remove line"), objectName="belonging_remove")
        row.addWidget(self.list, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.none = QCheckBox(self.tr("Nothing left in the car"), objectName="belongings_none")
        layout.addWidget(self.none)
        form = QFormLayout()
        self.box = QLineEdit(objectName="belongings_box")
        self.box.setPlaceholderText(self.tr("e.g. 12"))
        self.box.setMaximumWidth(160)
        errors.add_row(form, self.tr("Storage box no."), self.box, "box_no")
        layout.addLayout(form)
        self.add.clicked.connect(self._add)
        self.item.lineEdit().returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self._remove)
        self.none.toggled.connect(self._changed)
        self.box.textEdited.connect(self._changed)

    def load(self, rows: list[Row], state: Row) -> None:
        self.lines = [BelongingInput(r["name"], r["qty"], r["item_code"], r["id"]) for r in rows]
        self.box.setText(state.get("box_no") or "")
        self.recorded = bool(state.get("belongings_at"))
        self.none.setChecked(self.recorded and not rows)
        self.item.setCurrentIndex(-1)
        self.item.setEditText("")
        self.qty.setValue(1)
        self._show()
        self.dirty = False

    def set_editable(self, editable: bool) -> None:
        for widget in (self.item, self.qty, self.add, self.remove, self.box, self.none):
            widget.setEnabled(editable)
        if editable:
            self.none.setEnabled(not self.lines)

    def should_save(self) -> bool:
        return self.dirty or (not self.recorded and (bool(self.lines) or self.none.isChecked()))

    def save(self, ctx: Ctx, order_id: int) -> None:
        checkin.set_belongings(ctx, order_id, self.box.text(), self.lines)
        self.recorded = True
        # the stored lines with their ids, so that the next save edits them in place
        self.lines = [
            BelongingInput(r["name"], r["qty"], r["item_code"], r["id"])
            for r in checkin_queries.belongings(ctx.db, order_id)
        ]
        self._show()

    def _add(self) -> None:
        text = " ".join(self.item.currentText().split())
        if not text:
            return
        code = None
        index = self.item.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            code, text = self.item.itemData(index), self.item.itemText(index)
        line = BelongingInput(text, self.qty.value(), code)
        for i, existing in enumerate(self.lines):
            if belonging_key(existing) == belonging_key(line):  # the same item: add it up
                total = min(MAX_QTY, existing.qty + line.qty)
                self.lines[i] = BelongingInput(
                    existing.name, total, existing.item_code, existing.id
                )
                break
        else:
            self.lines.append(line)
        self.item.setCurrentIndex(-1)
        self.item.setEditText("")
        self.qty.setValue(1)
        self.none.setChecked(False)
        self._changed()
        self._show()
        self.item.setFocus()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.lines) and self.remove.isEnabled():
            del self.lines[row]
            self._changed()
            self._show()

    def _show(self) -> None:
        self.list.clear()
        for line in self.lines:
            self.list.addItem(f"{display_name(line)}  × {line.qty}")
        self.none.setEnabled(self.add.isEnabled() and not self.lines)

    def _changed(self, *_args: object) -> None:
        self.dirty = True
