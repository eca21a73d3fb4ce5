"""The pages of the first-run setup wizard: the dealer, the key cabinet and the labour
rate, the staff, the printers, and a last look before everything is written.

A page only holds what was typed (going Back keeps it) and shows problems under its
fields; ``SetupWizard`` checks the pages and writes everything at the end.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QDir, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from service_desk.actions import setup, staff
from service_desk.actions.setup import NewStaff
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.validation import Problem
from service_desk.printing.templates import kinds, load
from service_desk.store.settings import DEFAULTS
from service_desk.ui import ask, i18n, labels
from service_desk.ui import printing as ui_printing
from service_desk.ui.fields import ERROR_STYLE, FieldErrors, beside
from service_desk.ui.settings_desk import parse_whole


def printer_names() -> list[str]:
    """The printers installed on this PC (none offscreen)."""
    return list(QPrinterInfo.availablePrinterNames())


def form_title(kind: str) -> str:
    """The form kind's name in the UI language (its template's title if no desk named it)."""
    if kind in ui_printing.FORM_NAMES:
        return ui_printing.form_name(kind)
    return load(kind).title[i18n.ui_lang()]


class SetupPage(QWizardPage):
    """A page whose problems (``fields``) are shown under its own fields."""

    fields: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.message = QLabel(objectName=f"setup_message_{type(self).__name__}")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message

    def problems(self) -> list[Problem]:
        """What cannot even be read (a number that is not one); the action checks the rest."""
        return []

    def validatePage(self) -> bool:
        return self.wizard().check_page(self)  # type: ignore[attr-defined]


class DealerPage(SetupPage):
    fields = ("dealer_name", "dealer_address", "dealer_phone", "dealer_logo", "dealer_tax_number")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Your dealership"))
        self.setSubTitle(
            self.tr(
                "Welcome to Service Desk. Five short steps set up this counter. The dealer's "
                "name, address, phone, logo and tax number are printed at the top of the "
                "forms; all of it can be changed later in the Settings tab."
            )
        )
        form = QFormLayout(self)
        self.name = QLineEdit(objectName="setup_dealer_name")
        self.name.setPlaceholderText(self.tr("e.g. 芜湖瑞丰奇瑞4S店"))
        self.address = QLineEdit(objectName="setup_dealer_address")
        self.phone = QLineEdit(objectName="setup_dealer_phone")
        self.phone.setPlaceholderText(self.tr("e.g. 0553-5821234"))
        self.logo = QLineEdit(objectName="setup_dealer_logo")
        self.logo.setPlaceholderText(self.tr("Empty: no logo on the forms"))
        self.choose_logo = QPushButton(self.tr("Choose…"), objectName="setup_choose_logo")
        self.tax_number = QLineEdit(objectName="setup_dealer_tax_number")
        self.tax_number.setMaxLength(30)
        self.tax_number.setPlaceholderText(
            self.tr("18 characters, on the business licence; empty: not printed")
        )
        self.errors.add_row(form, self.tr("Name"), self.name, "dealer_name")
        self.errors.add_row(form, self.tr("Address"), self.address, "dealer_address")
        self.errors.add_row(form, self.tr("Phone"), self.phone, "dealer_phone")
        self.errors.add_row(
            form, self.tr("Logo (PNG or JPG)"), beside(self.logo, self.choose_logo), "dealer_logo"
        )
        self.errors.add_row(
            form,
            self.tr("Tax number (unified social credit code)"),
            self.tax_number,
            "dealer_tax_number",
        )
        form.addRow(self.message)
        self.choose_logo.clicked.connect(self._choose_logo)

    def _choose_logo(self) -> None:
        path = ask.choose_file(
            self, self.tr("Dealer logo"), self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo.setText(QDir.toNativeSeparators(path))

    def values(self) -> dict[str, str]:
        return {
            "dealer_name": self.name.text(),
            "dealer_address": self.address.text(),
            "dealer_phone": self.phone.text(),
            "dealer_logo": self.logo.text(),
            "dealer_tax_number": self.tax_number.text(),
        }


class CounterPage(SetupPage):
    fields = ("key_cabinet_hooks", "labour_rate_fen")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Key cabinet and labour rate"))
        self.setSubTitle(self.tr("You can change both later in the Settings tab."))
        form = QFormLayout(self)
        self.hooks = QLineEdit(str(DEFAULTS["key_cabinet_hooks"]), objectName="setup_key_hooks")
        self.hooks.setToolTip(self.tr("How many numbered hooks the key cabinet has (1–500)"))
        self.labour_rate = QLineEdit(
            format_yuan(DEFAULTS["labour_rate_fen"], symbol=False), objectName="setup_labour_rate"
        )
        self.labour_rate.setToolTip(self.tr("The price of one hour of labour, in yuan"))
        self.errors.add_row(form, self.tr("Key cabinet hooks"), self.hooks, "key_cabinet_hooks")
        self.errors.add_row(form, self.tr("Labour rate (¥/h)"), self.labour_rate, "labour_rate_fen")
        form.addRow(self.message)

    def problems(self) -> list[Problem]:
        problems = []
        if parse_whole(self.hooks.text()) is None:
            problems.append(Problem("key_cabinet_hooks", "number.format"))
        try:
            parse_yuan(self.labour_rate.text())
        except MoneyError:
            problems.append(Problem("labour_rate_fen", "amount.format"))
        return problems

    def values(self) -> dict[str, int]:
        """The numbers as the action takes them; what cannot be read stays as typed."""
        hooks = parse_whole(self.hooks.text())
        try:
            rate = parse_yuan(self.labour_rate.text())
        except MoneyError:
            rate = DEFAULTS["labour_rate_fen"]
        return {
            "key_cabinet_hooks": DEFAULTS["key_cabinet_hooks"] if hooks is None else hooks,
            "labour_rate_fen": rate,
        }


class _EnterAdds(QObject):
    """Enter in the staff entry adds the person instead of going to the next page."""

    def __init__(self, page: StaffPage):
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.page.add()
            return True
        return False


class StaffPage(SetupPage):
    fields = setup.STAFF_FIELDS

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Staff and their roles"))
        self.setSubTitle(
            self.tr(
                "Add everyone who works with Service Desk: at least one supervisor, whose PIN "
                "approves settings, discounts and voids, and one service advisor. More can be "
                "added later under Counter → Staff."
            )
        )
        self.people: list[NewStaff] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(objectName="setup_staff_name")
        self.role = QComboBox(objectName="setup_staff_role")
        for code in staff.ROLES:
            self.role.addItem(labels.role(code), code)
        self.pin = QLineEdit(objectName="setup_staff_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("4–8 digits, required for supervisors"))
        self.add_button = QPushButton(self.tr("Add to staff (Enter)"), objectName="setup_staff_add")
        self.errors.add_row(form, self.tr("Name"), self.name, "staff_name")
        self.errors.add_row(form, self.tr("Role"), self.role, "staff_role")
        self.errors.add_row(form, self.tr("PIN"), self.pin, "staff_pin")
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form.addRow("", add_row)
        layout.addLayout(form)
        self.list = QListWidget(objectName="setup_staff_list")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="setup_staff_remove")
        self.empty = QLabel(
            self.tr("Nobody yet: type a name, choose the role and press Enter."),
            objectName="setup_staff_empty",
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.errors.label("staff"))
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        enter = _EnterAdds(self)
        self.name.installEventFilter(enter)
        self.pin.installEventFilter(enter)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self._refresh()

    def pending(self) -> bool:
        """Something typed in the entry that is not on the list yet."""
        return bool(self.name.text().strip() or self.pin.text())

    def add(self) -> bool:
        """The person typed goes onto the list, or the problems show under the entry."""
        person = NewStaff(self.name.text().strip(), self.role.currentData(), self.pin.text())
        problems = setup.check_person(person, [p.name for p in self.people])
        if problems:
            self.errors.show(problems)
            return False
        self.errors.clear()
        self.people.append(person)
        self.name.clear()
        self.pin.clear()
        self._refresh()
        self.name.setFocus()
        return True

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.people):
            del self.people[row]
            self._refresh()

    def _refresh(self) -> None:
        self.list.clear()
        for person in self.people:
            pin = self.tr(" · PIN set") if person.pin else ""
            self.list.addItem(f"{person.name} — {labels.role(person.role)}{pin}")
        self.empty.setVisible(not self.people)
        self.remove_button.setEnabled(bool(self.people))
        # the next one is a supervisor until there is one, then an advisor
        roles = {p.role for p in self.people}
        self.role.setCurrentIndex(
            self.role.findData("supervisor" if "supervisor" not in roles else "advisor")
        )

    def validatePage(self) -> bool:
        if self.pending() and not self.add():
            return False
        return super().validatePage()


class PrintersPage(SetupPage):
    """One printer per form kind, kept on this PC; none installed: say so and go on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Printers"))
        self.names = printer_names()
        self.choices: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        if not self.names:
            self.setSubTitle(self.tr("Which printer each form goes to, on this computer."))
            notice = QLabel(
                self.tr(
                    "No printer is installed on this computer. That is fine: each form asks "
                    "for its printer the first time it is printed, and remembers it. Press "
                    "Next to go on."
                ),
                objectName="setup_no_printers",
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addStretch(1)
            return
        self.setSubTitle(
            self.tr(
                "Which printer each form goes to, on this computer. “Ask at the first print”: "
                "the print dialog appears once, then the choice is remembered."
            )
        )
        self.all = self._combo("setup_printer_all")
        self.all.insertItem(0, self.tr("(choose for each form)"), None)
        self.all.setCurrentIndex(0)
        top = QFormLayout()
        top.addRow(self.tr("Every form"), self.all)
        layout.addLayout(top)
        rows = QWidget()
        form = QFormLayout(rows)
        for kind in sorted(kinds(), key=form_title):
            combo = self._combo(f"setup_printer_{kind}")
            remembered = ui_printing.remembered_printer_name(kind)
            combo.setCurrentIndex(max(combo.findData(remembered), 0))
            form.addRow(form_title(kind), combo)
            self.choices[kind] = combo
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        layout.addWidget(scroll, 1)
        self.all.activated.connect(self._apply_to_all)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(self.tr("Ask at the first print"), "")
        for printer in self.names:
            combo.addItem(printer, printer)
        return combo

    def _apply_to_all(self, index: int) -> None:
        name = self.all.itemData(index)
        if name is None:
            return
        for combo in self.choices.values():
            combo.setCurrentIndex(combo.findData(name))

    def chosen(self) -> dict[str, str]:
        """form kind -> printer name ('' asks at the first print)."""
        return {kind: combo.currentData() for kind, combo in self.choices.items()}


class SummaryPage(SetupPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Check and finish"))
        self.setSubTitle(self.tr("Finish writes all of this; Back changes it."))
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="setup_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()  # a long staff list scrolls, the buttons stay in view
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    def show_summary(self, rows: list[tuple[str, str]]) -> None:
        cells = "".join(
            f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in rows
        )
        self.summary.setText(f"<table cellspacing='4'>{cells}</table>")
