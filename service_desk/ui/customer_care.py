"""The customer care tab (客户关怀): the desks before the car comes and after it leaves,
one page each — appointments (R17), follow-ups, enquiries and complaints (R15, R16), the
daily call list with its contact log (R2, R3), customer groups and campaigns with their
letters (R2, R3), warranty claims and first free service (R19)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from service_desk.ui.appointments_desk import AppointmentsDesk
from service_desk.ui.call_list_page import CallListPage
from service_desk.ui.campaigns_page import CampaignsPage
from service_desk.ui.care_desk import CareDesk
from service_desk.ui.session import Session
from service_desk.ui.warranty_page import WarrantyPage


class CustomerCare(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget(objectName="care_pages")
        self.appointments = AppointmentsDesk(session)
        self.pages.addTab(self.appointments, self.tr("Appointments"))
        self.care = CareDesk(session)
        self.pages.addTab(self.care, self.tr("Follow-ups and complaints"))
        self.calls = CallListPage(session)
        self.pages.addTab(self.calls, self.tr("Call list"))
        self.campaigns = CampaignsPage(session)
        self.pages.addTab(self.campaigns, self.tr("Groups and campaigns"))
        self.warranty = WarrantyPage(session)
        self.pages.addTab(self.warranty, self.tr("Warranty and first service"))
        layout.addWidget(self.pages)
