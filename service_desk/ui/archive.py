"""Archive desk: customer and vehicle records with their history (R1)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import archive
from service_desk.actions.context import ActionError
from service_desk.domain.validation import ValidationError
from service_desk.store import queries
from service_desk.store.errors import StorageError
from service_desk.ui import ask
from service_desk.ui.customer_fields import CustomerFields
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.messages import error_text
from service_desk.ui.models import PagedModel, Row, RowsModel, _c, history_model
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.vehicle_fields import VehicleFields
from service_desk.ui.views import queue_table

PICK = Qt.ItemDataRole.UserRole
HISTORY_MIN_HEIGHT = 180  # the tabs, the header and about five orders


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """The customer's record scrolls when the window is low (1366×768, 150 % on
    1920×1080) instead of squeezing the forms; Tab scrolls to the field it lands on."""
    scroll = QScrollArea(objectName=name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    return scroll


def _table(model: RowsModel, name: str) -> QTableView:
    view = queue_table(model, name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _pages(db, read, vehicle_id: int | None):
    """The pages of one of the car's lists (newest first, by id), or None without a car."""
    if vehicle_id is None:
        return None

    def page(after: Row | None, limit: int) -> list[Row]:
        return read(db, vehicle_id, after["id"] if after is not None else None, limit)

    return page


class ArchiveDesk(QWidget):
    open_order_for = Signal(int, int, object)  # customer, vehicle, open order id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.customer_id: int | None = None
        self.vehicle_id: int | None = None
        self.errors = FieldErrors()
        splitter = QSplitter(Qt.Orientation.Horizontal)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.find = QLineEdit(objectName="archive_find")
        self.find.setPlaceholderText(self.tr("Plate, phone, name or VIN fragment"))
        self.hits = QListWidget(objectName="archive_hits")
        left_layout.addWidget(self.find)
        left_layout.addWidget(self.hits)
        splitter.addWidget(left)

        right = QWidget(objectName="archive_record")
        right_layout = QVBoxLayout(right)
        self.owner_line = QLabel(objectName="archive_owner")
        right_layout.addWidget(self.owner_line)
        forms = QHBoxLayout()
        customer_box = QGroupBox(self.tr("Customer"))
        customer_layout = QVBoxLayout(customer_box)
        self.customer = CustomerFields(self.errors)
        self.save_customer = QPushButton(self.tr("Save customer"), objectName="archive_save_c")
        customer_layout.addWidget(self.customer)
        customer_layout.addWidget(self.save_customer, 0, Qt.AlignmentFlag.AlignRight)
        vehicle_box = QGroupBox(self.tr("Vehicle"))
        vehicle_layout = QVBoxLayout(vehicle_box)
        self.vehicles = QListWidget(objectName="archive_vehicles")
        self.vehicles.setMaximumHeight(70)
        self.vehicle = VehicleFields(self.errors, session.ctx.clock)
        vehicle_buttons = QHBoxLayout()
        self.new_vehicle = QPushButton(self.tr("Add a vehicle"), objectName="archive_new_v")
        self.change_owner = QPushButton(self.tr("Change owner …"), objectName="archive_owner_b")
        self.open_order = QPushButton(self.tr("Receive at the counter"), objectName="archive_open")
        self.save_vehicle = QPushButton(self.tr("Save vehicle"), objectName="archive_save_v")
        for button in (self.new_vehicle, self.change_owner, self.open_order, self.save_vehicle):
            vehicle_buttons.addWidget(button)
        vehicle_layout.addWidget(self.vehicles)
        vehicle_layout.addWidget(self.vehicle)
        vehicle_layout.addLayout(vehicle_buttons)
        forms.addWidget(customer_box)
        forms.addWidget(vehicle_box)
        right_layout.addLayout(forms)
        self.message = QLabel(objectName="archive_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        right_layout.addWidget(self.message)

        self.history = QTabWidget()
        self.orders_model = history_model(self)
        self.owners_model = RowsModel(
            [
                (_c("Owner"), lambda r: r["customer_name"]),
                (_c("Phone"), lambda r: r["phone"]),
                (_c("Since"), lambda r: r["since"][:10]),
                (_c("Until"), lambda r: (r["until"] or "")[:10]),
                (_c("Note"), lambda r: r["note"]),
            ],
            self,
        )
        self.km_model = PagedModel(
            [
                (_c("Date"), lambda r: r["at"][:16].replace("T", " ")),
                (_c("km"), lambda r: f"{r['km']:,}"),
                (_c("Source"), lambda r: r["source"]),
                (_c("Reason"), lambda r: r["reason"]),
                (_c("By"), lambda r: r["staff_name"]),
            ],
            self,
        )
        self.orders_view = _table(self.orders_model, "archive_orders")
        self.history.addTab(self.orders_view, self.tr("Repair history"))
        self.history.addTab(_table(self.owners_model, "archive_owners"), self.tr("Owners"))
        self.history.addTab(_table(self.km_model, "archive_km"), self.tr("Odometer"))
        # room for a few orders when the record scrolls; more when the window has it
        self.history.setMinimumHeight(HISTORY_MIN_HEIGHT)
        right_layout.addWidget(self.history, 1)
        splitter.addWidget(scrolling(right, "archive_scroll"))
        splitter.setSizes([300, 1100])
        QVBoxLayout(self).addWidget(splitter)

        self.find.textChanged.connect(self._search)
        self.hits.itemActivated.connect(self._hit)
        self.hits.itemClicked.connect(self._hit)
        self.vehicles.currentItemChanged.connect(self._vehicle_picked)
        self.save_customer.clicked.connect(self._save_customer)
        self.save_vehicle.clicked.connect(self._save_vehicle)
        self.new_vehicle.clicked.connect(self._new_vehicle)
        self.change_owner.clicked.connect(self._change_owner)
        self.open_order.clicked.connect(self._open_order)
        self.orders_view.activated.connect(self._history_order)
        session.changed.connect(lambda _k: self._reload_lists())
        self._enable()

    def _enable(self) -> None:
        has_customer = self.customer_id is not None
        for widget in (
            self.customer,
            self.save_customer,
            self.new_vehicle,
            self.vehicle,
            self.save_vehicle,
        ):
            widget.setEnabled(has_customer)
        for widget in (self.change_owner, self.open_order):
            widget.setEnabled(self.vehicle_id is not None)

    def _search(self, text: str) -> None:
        self.hits.clear()
        for hit in queries.search(self.session.db, text) if text.strip() else []:
            label = f"{hit['customer_name']}  {hit['phone']}"
            if hit["plate"]:
                label += f"  ·  {hit['plate']} {model_name(hit['model_code'])}"
            item = QListWidgetItem(label)
            item.setData(PICK, (hit["customer_id"], hit["vehicle_id"]))
            self.hits.addItem(item)

    def _hit(self, item: QListWidgetItem) -> None:
        customer_id, vehicle_id = item.data(PICK)
        self.show_customer(customer_id, vehicle_id)

    def show_customer(self, customer_id: int, vehicle_id: int | None = None) -> None:
        self.errors.clear()
        self.customer_id = customer_id
        customer = queries.customer(self.session.db, customer_id)
        self.customer.set_value(customer)
        self.owner_line.setText(
            self.tr("First contact: {name} · registered {date}").format(
                name=customer["first_contact_name"], date=customer["created_at"][:10]
            )
        )
        self.vehicle_id = vehicle_id
        self._reload_lists()

    def _reload_lists(self) -> None:
        if self.customer_id is None:
            return
        wanted = self.vehicle_id
        self.vehicles.blockSignals(True)
        self.vehicles.clear()
        for v in queries.vehicles_of(self.session.db, self.customer_id):
            item = QListWidgetItem(f"{v['plate']}  {model_name(v['model_code'])}")
            item.setData(PICK, v["id"])
            self.vehicles.addItem(item)
            if v["id"] == wanted:
                self.vehicles.setCurrentItem(item)
        self.vehicles.blockSignals(False)
        if wanted is None and self.vehicles.count():
            self.vehicles.setCurrentRow(0)
        else:
            self._show_vehicle(wanted)

    def _vehicle_picked(self, item: QListWidgetItem | None) -> None:
        self._show_vehicle(item.data(PICK) if item else None)

    def _show_vehicle(self, vehicle_id: int | None) -> None:
        self.vehicle_id = vehicle_id
        db = self.session.db
        self.vehicle.set_value(queries.vehicle(db, vehicle_id) if vehicle_id else None)
        # the repair history and the readings are read a page at a time as they scroll
        self.orders_model.set_page(_pages(db, queries.orders_of_vehicle_page, vehicle_id))
        self.owners_model.set_rows(queries.owner_history(db, vehicle_id) if vehicle_id else [])
        self.km_model.set_page(_pages(db, queries.odometer_page, vehicle_id))
        self._enable()

    def _run(self, step) -> bool:
        self.errors.clear()
        try:
            step()
        except ValidationError as exc:
            self.errors.show(exc.problems)
            self.vehicle.offer_confirmations(exc.problems)
            return False
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return False
        return True

    def _save_customer(self) -> None:
        if self._run(
            lambda: archive.update_customer(
                self.session.ctx, self.customer_id, self.customer.value()
            )
        ):
            self.session.notify("customers")

    def _save_vehicle(self) -> None:
        ctx = self.session.ctx
        if self.vehicle_id is None:

            def step() -> None:
                self.vehicle_id = archive.register_vehicle(
                    ctx, self.customer_id, self.vehicle.value()
                )
        else:

            def step() -> None:
                archive.update_vehicle(ctx, self.vehicle_id, self.vehicle.value())

        if self._run(step):
            self.session.notify("vehicles")

    def _new_vehicle(self) -> None:
        self.vehicles.clearSelection()
        self.vehicle_id = None
        self.vehicle.set_value(None)
        self.orders_model.set_page(None)
        self.vehicle.plate.setFocus()
        self._enable()

    def _change_owner(self) -> None:
        text = ask.text(
            self,
            self.tr("Change owner"),
            self.tr("New owner: phone or name (register them first if new)"),
        )
        if not text:
            return
        ids = queries.search_ids(self.session.db, text)["customers"]
        people = [queries.customer(self.session.db, i) for i in ids]
        people = [p for p in people if p and p["id"] != self.customer_id]
        pick = ask.choose(
            self,
            self.tr("Change owner"),
            self.tr("New owner"),
            [f"{p['name']} {p['phone']}" for p in people],
        )
        if pick is None:
            return
        note = ask.text(self, self.tr("Change owner"), self.tr("Note (e.g. sold, transfer)"))
        vehicle_id, new_owner = self.vehicle_id, people[pick]["id"]
        if self._run(
            lambda: archive.change_owner(self.session.ctx, vehicle_id, new_owner, note or "")
        ):
            self.show_customer(new_owner, vehicle_id)
            self.session.notify("vehicles")

    def _history_order(self) -> None:
        """An order picked from the repair history becomes the current order."""
        row = self.orders_model.row_at(self.orders_view.currentIndex().row())
        if row is not None and self.customer_id is not None and self.vehicle_id is not None:
            self.open_order_for.emit(self.customer_id, self.vehicle_id, row["id"])

    def _open_order(self) -> None:
        if self.vehicle_id is None or self.customer_id is None:
            return
        self.open_order_for.emit(
            self.customer_id,
            self.vehicle_id,
            queries.open_order_of_vehicle(self.session.db, self.vehicle_id),
        )
