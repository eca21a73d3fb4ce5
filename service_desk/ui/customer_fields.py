"""The customer's part of the archive form (R1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from service_desk.actions.archive import CONTACT_CHANNELS, CustomerInput
from service_desk.ui import labels
from service_desk.ui.fields import FieldErrors


class CustomerFields(QWidget):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.name = QLineEdit(objectName="customer_name")
        self.name.setMaxLength(60)
        self.phone = QLineEdit(objectName="customer_phone")
        self.phone.setPlaceholderText(self.tr("Mobile 138… or landline 0553-…"))
        self.phone2 = QLineEdit(objectName="customer_phone2")
        self.address = QLineEdit(objectName="customer_address")
        self.company = QLineEdit(objectName="customer_company")
        self.contact = QComboBox(objectName="customer_contact")
        for code in CONTACT_CHANNELS:
            self.contact.addItem(labels.contact(code), code)
        self.wishes = QPlainTextEdit(objectName="customer_wishes")
        self.wishes.setPlaceholderText(self.tr("Services the customer wishes to receive"))
        self.wishes.setFixedHeight(48)
        self.wishes.setTabChangesFocus(True)
        errors.add_row(form, self.tr("Name *"), self.name, "name")
        errors.add_row(form, self.tr("Phone *"), self.phone, "phone")
        errors.add_row(form, self.tr("Second phone"), self.phone2, "phone2")
        errors.add_row(form, self.tr("Address"), self.address, "address")
        errors.add_row(form, self.tr("Company / unit"), self.company, "company")
        form.addRow(self.tr("Preferred contact"), self.contact)
        errors.add_row(form, self.tr("Wishes"), self.wishes, "wishes")

    def value(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.text(),
            phone=self.phone.text(),
            phone2=self.phone2.text(),
            address=self.address.text(),
            company=self.company.text(),
            preferred_contact=self.contact.currentData(),
            wishes=self.wishes.toPlainText(),
        )

    def set_value(self, row: dict[str, Any] | None) -> None:
        row = row or {}
        self.name.setText(row.get("name", ""))
        self.phone.setText(row.get("phone", ""))
        self.phone2.setText(row.get("phone2") or "")
        self.address.setText(row.get("address", ""))
        self.company.setText(row.get("company", ""))
        self.contact.setCurrentIndex(max(0, self.contact.findData(row.get("preferred_contact"))))
        self.wishes.setPlainText(row.get("wishes", ""))
