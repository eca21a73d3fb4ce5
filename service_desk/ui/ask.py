"""Every question and message box goes through here, so tests patch one name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:  # Qt's print support loads with the first print, not at start
    from PySide6.QtPrintSupport import QPrinter


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def text(parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None:
    """A line of text (a reason, a PIN); None when cancelled."""
    mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
    value, ok = QInputDialog.getText(parent, title, label, mode)
    return value if ok else None


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Index of the chosen item; None when cancelled."""
    if not items:
        return None
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok else None


def choose_printer(parent: QWidget | None, printer: QPrinter, title: str) -> bool:
    """The system print dialog for this printer; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_file(parent: QWidget | None, title: str, filter: str) -> str | None:
    """A file picked in the open-file dialog (filter e.g. "Pictures (*.png *.jpg)")."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, "", filter)
    return path or None


def choose_folder(parent: QWidget | None, title: str) -> str | None:
    """A folder picked in the folder dialog."""
    path = QFileDialog.getExistingDirectory(parent, title)
    return path or None


def save_file(parent: QWidget | None, title: str, default_name: str, filter: str) -> str | None:
    """A file name picked in the save-file dialog, which asks before replacing a file
    (default_name: a name or a full path; filter e.g. "Excel workbook (*.xlsx)")."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, default_name, filter)
    return path or None
