"""Registering a new walk-in: customer and vehicle in one form (R1)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from service_desk.actions import archive
from service_desk.actions.context import ActionError
from service_desk.domain.validation import ValidationError
from service_desk.store.errors import StorageError
from service_desk.ui.customer_fields import CustomerFields
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session
from service_desk.ui.vehicle_fields import VehicleFields


class RegistrationForm(QWidget):
    registered = Signal(int, int)  # customer id, vehicle id
    cancelled = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        title = QLabel("<b>" + self.tr("New walk-in: customer and vehicle") + "</b>")
        layout.addWidget(title)
        columns = QHBoxLayout()
        customer_box = QGroupBox(self.tr("Customer"))
        QVBoxLayout(customer_box).addWidget(customer := CustomerFields(self.errors))
        vehicle_box = QGroupBox(self.tr("Vehicle"))
        QVBoxLayout(vehicle_box).addWidget(vehicle := VehicleFields(self.errors, session.ctx.clock))
        self.customer, self.vehicle = customer, vehicle
        columns.addWidget(customer_box)
        columns.addWidget(vehicle_box)
        layout.addLayout(columns)
        self.message = QLabel(objectName="register_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.errors.fallback = self.message
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"), objectName="register_cancel")
        self.save = QPushButton(self.tr("Register and start the order"), objectName="register_save")
        self.save.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save.clicked.connect(self.submit)
        cancel.clicked.connect(self.cancelled)

    def start(self, plate: str = "") -> None:
        self.errors.clear()
        self.customer.set_value(None)
        self.vehicle.set_value({"plate": plate})
        self.customer.name.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        try:
            customer_id, vehicle_id = archive.register_walk_in(
                self.session.ctx, self.customer.value(), self.vehicle.value()
            )
        except ValidationError as exc:
            self.errors.show(exc.problems)
            self.vehicle.offer_confirmations(exc.problems)
            return
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.session.notify("customers", "vehicles")
        self.registered.emit(customer_id, vehicle_id)
