"""The main window: one search box, the person working, the desks as tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions.staff import list_staff
from service_desk.store.backup import backup_dir
from service_desk.ui import ask, colours, i18n, keyboard, labels
from service_desk.ui.backup_keeper import BackupStatus, Keeper
from service_desk.ui.complaint_banner import ComplaintBanner
from service_desk.ui.desk_tabs import DeskTabs
from service_desk.ui.search_box import SearchBox
from service_desk.ui.session import Session


class _Desk:
    """A desk of the window (``window.reception``): built when first asked for."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type) -> Any:
        return self if window is None else window.tabs.desk(self.name)


def _build(name: str, session: Session) -> QWidget:
    """A desk, its module imported now (when it is first shown), not at start."""
    if name == "today":
        from service_desk.ui.today_board import TodayBoard as Desk
    elif name == "reception":
        from service_desk.ui.reception import ReceptionDesk as Desk
    elif name == "inspection":
        from service_desk.ui.inspection_desk import InspectionDesk as Desk
    elif name == "keys":
        from service_desk.ui.key_cabinet_desk import KeyCabinetDesk as Desk
    elif name == "workshop":
        from service_desk.ui.workshop_desk import WorkshopDesk as Desk
    elif name == "checkout":
        from service_desk.ui.checkout_desk import CheckoutDesk as Desk
    elif name == "customer_care":
        from service_desk.ui.customer_care import CustomerCare as Desk
    elif name == "archive":
        from service_desk.ui.archive import ArchiveDesk as Desk
    elif name == "reports":
        from service_desk.ui.reports_desk import ReportsDesk as Desk
    else:
        from service_desk.ui.settings_desk import SettingsDesk as Desk
    return Desk(session)


class MainWindow(QMainWindow):
    today = _Desk()
    reception = _Desk()
    inspection = _Desk()
    keys = _Desk()
    workshop = _Desk()
    checkout = _Desk()
    customer_care = _Desk()
    archive = _Desk()
    reports = _Desk()
    settings_desk = _Desk()

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Service Desk"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(colours.MARGIN, colours.MARGIN, colours.MARGIN, 0)
        layout.setSpacing(colours.SPACING // 2)
        bar = QHBoxLayout()
        bar.setSpacing(colours.SPACING)
        self.search = SearchBox(session)
        self.walk_in = QPushButton(self.tr("New walk-in (F3)"), objectName="walk_in")
        self.walk_in.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.user = QComboBox(objectName="user_switch")
        self.user.setMinimumWidth(160)
        self.user.setToolTip(self.tr("Who is working at the counter"))
        self.clock = QLabel(objectName="clock")
        bar.addWidget(self.search, 1)
        bar.addWidget(self.walk_in)
        working = QLabel(self.tr("&Working:"))
        working.setBuddy(self.user)  # Alt+W: the person at the counter
        bar.addWidget(working)
        bar.addWidget(self.user)
        bar.addWidget(self.clock)
        layout.addLayout(bar)
        self.complaint_banner = ComplaintBanner(session)
        layout.addWidget(self.complaint_banner)
        self.tabs = DeskTabs()
        self.tabs.built.connect(self._desk_built)
        for name, title in (
            ("today", self.tr("Today")),
            ("reception", self.tr("Reception")),
            ("inspection", self.tr("Inspection")),
            ("keys", self.tr("Key cabinet")),
            ("workshop", self.tr("Workshop")),
            ("checkout", self.tr("Checkout")),
            ("customer_care", self.tr("Customer care")),
            ("archive", self.tr("Archive")),
            ("reports", self.tr("Reports")),
            ("settings_desk", self.tr("Settings")),  # stays the last tab
        ):
            self.tabs.add_desk(name, title, lambda name=name: _build(name, session))
        self.complaint_banner.open_complaint.connect(self.show_complaint)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_user = QLabel()
        self.status_db = QLabel(str(session.db_path or ""))
        self.statusBar().addWidget(self.status_user)
        self.backups: Keeper | None = None
        if session.db_path is not None:
            self.backups = Keeper(session, backup_dir(session.db_path.parent), self)
            self.backups.failed.connect(lambda text: self.statusBar().showMessage(text, 30_000))
            self.statusBar().addPermanentWidget(BackupStatus(self.backups))
        self.statusBar().addPermanentWidget(self.status_db)
        self._menus()

        QShortcut(QKeySequence("F2"), self, self.search.focus)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.focus)
        QShortcut(QKeySequence("F3"), self, self.new_walk_in)
        for number in range(1, min(self.tabs.count(), 10) + 1):  # Ctrl+1 … Ctrl+9, Ctrl+0
            QShortcut(
                QKeySequence(f"Ctrl+{number % 10}"),
                self,
                lambda n=number: self.tabs.setCurrentIndex(n - 1),
            )
        self.walk_in.clicked.connect(self.new_walk_in)
        self.tabs.currentChanged.connect(self._desk_shown)
        # Enter moves on from field to field on every desk (dialogs keep their default
        # button); the filter follows the focus while the window is shown
        self.enter_moves_on = keyboard.EnterMovesOn(self)
        self.search.picked.connect(self.picked)
        self.user.activated.connect(self._user_chosen)
        session.changed.connect(self._changed)
        session.user_changed.connect(lambda _u: self._fill_users())
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(30_000)
        self._tick()
        self._restore_user()
        self._fill_users()
        self.resize(1440, 900)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.enter_moves_on.watch()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.enter_moves_on.unwatch()
        super().closeEvent(event)

    def fit_to_screen(self) -> None:
        """On a screen smaller than the window (1366×768, or 1920×1080 at 150 %): fill it."""
        screen = self.screen().availableGeometry()
        if self.width() > screen.width() or self.height() > screen.height():
            self.resize(
                QSize(min(self.width(), screen.width()), min(self.height(), screen.height()))
            )
            self.showMaximized()

    def _desk_built(self, name: str, desk: QWidget) -> None:
        """A desk just made: what the window does for it."""
        if name == "today":  # the window has painted: the checks that can wait
            QTimer.singleShot(0, self, self.complaint_banner.refresh)
        elif name == "archive":
            desk.open_order_for.connect(self.picked)
        elif name == "customer_care":
            for page in (desk.calls, desk.warranty):
                page.open_vehicle.connect(
                    lambda customer, vehicle: self.picked(customer, vehicle, None)
                )

    def _desk_shown(self, index: int) -> None:
        """A desk brought up (Ctrl+1 …): the keyboard lands in its queue, on the current
        order's row (Enter picks a row), or on the desk's first field."""
        desk = self.tabs.widget(index)
        if desk is None:
            return
        queue = getattr(desk, "queue", None)
        if isinstance(queue, QAbstractItemView) and queue.isVisible():
            model = queue.model()
            if model is not None and model.rowCount() > 0:
                queue.setFocus(Qt.FocusReason.TabFocusReason)
                if not queue.currentIndex().isValid():
                    queue.setCurrentIndex(model.index(0, 0))
                return
        keyboard.focus_first(desk)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Counter"))
        staff = QAction(self.tr("Staff …"), self)
        staff.triggered.connect(self.manage_staff)
        menu.addAction(staff)
        if self.backups is not None:
            backups = QAction(self.tr("Backups …"), self)
            backups.triggered.connect(self.open_backups)
            menu.addAction(backups)
        language = menu.addMenu(self.tr("Language"))
        for code, name in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(name, self)
            action.triggered.connect(lambda _c=False, lang=code: self._set_language(lang))
            language.addAction(action)
        menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _set_language(self, lang: str) -> None:
        i18n.save_language(lang)
        ask.info(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time Service Desk starts."),
        )

    def _tick(self) -> None:
        self.clock.setText(self.session.ctx.clock().strftime("%Y-%m-%d %H:%M"))

    def _restore_user(self) -> None:
        last = int(QSettings().value("counter/last_user", 0) or 0)
        ids = {s["id"] for s in list_staff(self.session.ctx)}
        if last in ids:
            self.session.set_user(last)

    def _fill_users(self) -> None:
        self.user.blockSignals(True)
        self.user.clear()
        people = list_staff(self.session.ctx)
        for person in people:
            self.user.addItem(f"{person['name']} · {labels.role(person['role'])}", person["id"])
        self.user.addItem(self.tr("Staff …"), None)
        index = self.user.findData(self.session.user_id)
        if self.session.user_id is None and people:
            index = -1
        self.user.setCurrentIndex(index)
        if index < 0:
            self.user.setPlaceholderText(self.tr("Who is working?"))
        self.user.blockSignals(False)
        name = self.user.currentText().split(" · ")[0] if index >= 0 else "—"
        self.status_user.setText(self.tr("Working: {name}").format(name=name))

    def _user_chosen(self, index: int) -> None:
        staff_id = self.user.itemData(index)
        if staff_id is None:
            self.manage_staff()
            self._fill_users()
            return
        self.session.set_user(staff_id)

    def open_backups(self) -> QWidget:
        from service_desk.ui.backups import BackupsDialog

        assert self.backups is not None
        dialog = BackupsDialog(self.session, self.backups, self)
        dialog.restored.connect(self._fill_users)
        dialog.open()
        return dialog

    def manage_staff(self) -> None:
        from service_desk.ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.session, self)
        dialog.open()
        dialog.finished.connect(lambda _r: self._fill_users())

    def new_walk_in(self) -> None:
        self.tabs.setCurrentWidget(self.reception)
        self.reception.new_walk_in(self.search.edit.text().strip())

    def picked(self, customer_id: int, vehicle_id: int | None, order_id: int | None) -> None:
        """A search hit or an archive record: reception shows it, the order becomes current."""
        if vehicle_id is None:
            self.tabs.setCurrentWidget(self.archive)
            self.archive.show_customer(customer_id)
            return
        self.tabs.setCurrentWidget(self.reception)
        self.reception.show_vehicle(customer_id, vehicle_id, order_id)

    def show_complaint(self, complaint_id: int) -> None:
        self.tabs.setCurrentWidget(self.customer_care)
        self.customer_care.pages.setCurrentWidget(self.customer_care.care)
        self.customer_care.care.open_complaint(complaint_id)

    def _changed(self, kinds: set[str]) -> None:
        if "staff" in kinds:
            self._fill_users()
