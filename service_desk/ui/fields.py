"""Inline validation: a red line under each field, in the user's language."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from service_desk.domain.validation import Problem
from service_desk.ui import colours
from service_desk.ui.messages import field_problem_text

ERROR_STYLE = colours.ERROR_STYLE
WARNING_STYLE = colours.WARNING_STYLE


class FieldErrors:
    """Owns one hidden error label per field; shows problems next to their fields."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.fallback: QLabel | None = None

    def label(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        self.labels[field] = label
        return label

    def add_row(self, form: QFormLayout, text: str, widget: QWidget, field: str) -> None:
        """A form row whose field has its message line right under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(self.label(field))
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form.addRow(text, box)

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()
        if self.fallback is not None:
            self.fallback.hide()

    def show(self, problems: Iterable[Problem]) -> list[Problem]:
        """Show each problem under its field; return those with no field on this form."""
        self.clear()
        unplaced: list[Problem] = []
        for problem in problems:
            label = self.labels.get(problem.field)
            if label is None:
                unplaced.append(problem)
                continue
            text = field_problem_text(problem)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.setStyleSheet(WARNING_STYLE if problem.severity == "warning" else ERROR_STYLE)
            label.show()
        if unplaced and self.fallback is not None:
            self.fallback.setText("\n".join(field_problem_text(p) for p in unplaced))
            self.fallback.show()
        return unplaced

    def text(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def beside(widget: QWidget, button: QPushButton) -> QWidget:
    """A field with its button (Choose…) on its right, as one form row's widget."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget, 1)
    row.addWidget(button)
    return box
