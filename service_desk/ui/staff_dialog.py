"""Staff list: add people with their role; supervisors get a PIN (stored hashed)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import staff
from service_desk.actions.context import ActionError
from service_desk.domain.validation import ValidationError
from service_desk.store.errors import StorageError
from service_desk.ui import labels
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session


class StaffDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Staff"))
        layout = QVBoxLayout(self)
        self.people = QListWidget(objectName="staff_list")
        layout.addWidget(self.people)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.name = QLineEdit(objectName="staff_name")
        self.role = QComboBox(objectName="staff_role")
        for code in staff.ROLES:
            self.role.addItem(labels.role(code), code)
        self.pin = QLineEdit(objectName="staff_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("4–8 digits, required for supervisors"))
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        form.addRow(self.tr("Role"), self.role)
        self.errors.add_row(form, self.tr("PIN"), self.pin, "pin")
        layout.addLayout(form)
        self.message = QLabel(objectName="staff_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        layout.addWidget(self.message)
        self.add = QPushButton(self.tr("Add to staff"), objectName="staff_add")
        layout.addWidget(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add.clicked.connect(self.submit)
        self.reload()

    def reload(self) -> None:
        self.people.clear()
        for person in staff.list_staff(self.session.ctx):
            self.people.addItem(f"{person['name']} — {labels.role(person['role'])}")

    def submit(self) -> None:
        self.errors.clear()
        try:
            new_id = staff.add_staff(
                self.session.ctx, self.name.text(), self.role.currentData(), self.pin.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.name.clear()
        self.pin.clear()
        self.reload()
        self.session.notify("staff")
        if self.session.user_id is None:
            self.session.set_user(new_id)
