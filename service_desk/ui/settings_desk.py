"""Settings desk (设置): the dealer's header, prices, the texts printed on the forms, and
the checkout desk's guarantee periods, comeback window and release limits.

Anyone may type here; saving needs a supervisor and their PIN. The form is checked
before the supervisor is asked, problems appear under their fields, and what was typed
stays on the screen until it is saved.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDir, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import settings as settings_actions
from service_desk.actions.context import ActionError
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store.errors import StorageError
from service_desk.store.settings import DEFAULTS
from service_desk.ui import ask, messages, setup_messages  # noqa: F401  (tax number texts)
from service_desk.ui.fields import ERROR_STYLE, FieldErrors, beside
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor

SAVED_STYLE = "color: #2e7d32;"
_PERCENT = re.compile(r"([0-9]+)(?:\.([0-9]{0,2}))?\Z")
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def percent_text(bp: int) -> str:
    """Basis points as a percentage to type over: 1500 -> '15', 1250 -> '12.5'."""
    whole, rest = divmod(bp, 100)
    return str(whole) if not rest else f"{whole}.{rest:02d}".rstrip("0")


def parse_percent(text: str) -> int | None:
    """'15' / '12.5 %' / '１５％' -> basis points; None if it is not such a number."""
    cleaned = text.translate(_HALF_WIDTH).strip().removesuffix("%").strip()
    match = _PERCENT.match(cleaned)
    if match is None:
        return None
    return int(match[1]) * 100 + int((match[2] or "").ljust(2, "0"))


def parse_whole(text: str) -> int | None:
    """'60' / '６０' / ' 60 ' -> 60; None if it is not a whole number."""
    cleaned = text.translate(_HALF_WIDTH).strip()
    return int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


# the ranges of actions/settings.py for the checkout desk's numbers
messages.register_texts(
    fields={
        "km.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "0 to 200,000 km.")),
        "days.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "1 to 3,650 days.")),
        "diff_km.range": lambda: _m(QT_TRANSLATE_NOOP("Messages", "0 to 1,000 km.")),
        "eighths.range": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "0 to 8 eighths of a tank (8: a full tank).")
        ),
    }
)


class SettingsDesk(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.errors = FieldErrors()
        self._loaded: dict[str, str] = {}

        dealer = QGroupBox(self.tr("Dealer"))
        dealer_form = QFormLayout(dealer)
        self.dealer_name = QLineEdit(objectName="settings_dealer_name")
        self.dealer_address = QLineEdit(objectName="settings_dealer_address")
        self.dealer_phone = QLineEdit(objectName="settings_dealer_phone")
        self.dealer_phone.setPlaceholderText(self.tr("e.g. 0553-5821234"))
        self.dealer_logo = QLineEdit(objectName="settings_dealer_logo")
        self.dealer_logo.setPlaceholderText(self.tr("Empty: no logo on the forms"))
        self.choose_logo = QPushButton(self.tr("Choose…"), objectName="settings_choose_logo")
        self.dealer_tax_number = QLineEdit(objectName="settings_dealer_tax_number")
        self.dealer_tax_number.setMaxLength(30)
        self.dealer_tax_number.setPlaceholderText(
            self.tr("18 characters, on the business licence; empty: not printed")
        )
        self.dealer_tax_number.setToolTip(
            self.tr("The dealer's unified social credit code, printed on the statement")
        )
        self.errors.add_row(dealer_form, self.tr("Name"), self.dealer_name, "dealer_name")
        self.errors.add_row(dealer_form, self.tr("Address"), self.dealer_address, "dealer_address")
        self.errors.add_row(dealer_form, self.tr("Phone"), self.dealer_phone, "dealer_phone")
        self.errors.add_row(
            dealer_form,
            self.tr("Logo (PNG or JPG)"),
            beside(self.dealer_logo, self.choose_logo),
            "dealer_logo",
        )
        self.errors.add_row(
            dealer_form,
            self.tr("Tax number"),
            self.dealer_tax_number,
            "dealer_tax_number",
        )

        pricing = QGroupBox(self.tr("Pricing"))
        pricing_form = QFormLayout(pricing)
        self.labour_rate = QLineEdit(objectName="settings_labour_rate")
        self.diagnosis_fee = QLineEdit(objectName="settings_diagnosis_fee")
        self.symptom_margin = QLineEdit(objectName="settings_symptom_margin")
        self.order_prefix = QLineEdit(objectName="settings_order_prefix")
        self.order_prefix.setMaxLength(8)
        self.order_prefix.setToolTip(
            self.tr("Two letters at the start of every order number, e.g. WX 20261127 0001")
        )
        self.errors.add_row(
            pricing_form, self.tr("Labour rate (¥/h)"), self.labour_rate, "labour_rate_fen"
        )
        self.errors.add_row(
            pricing_form, self.tr("Diagnosis fee (¥)"), self.diagnosis_fee, "diagnosis_fee_fen"
        )
        self.errors.add_row(
            pricing_form,
            self.tr("Symptom risk margin (%)"),
            self.symptom_margin,
            "symptom_margin_bp",
        )
        self.errors.add_row(
            pricing_form, self.tr("Order number prefix"), self.order_prefix, "order_prefix"
        )

        cabinet = QGroupBox(self.tr("Key cabinet"))
        cabinet_form = QFormLayout(cabinet)
        self.key_hooks = QLineEdit(objectName="settings_key_cabinet_hooks")
        self.key_hooks.setToolTip(self.tr("How many numbered hooks the key cabinet has (1–500)"))
        self.key_alert = QLineEdit(objectName="settings_key_out_alert_hours")
        self.key_alert.setToolTip(
            self.tr("A key out of the cabinet longer than this shows in the end-of-day check")
        )
        self.errors.add_row(
            cabinet_form, self.tr("Number of hooks"), self.key_hooks, "key_cabinet_hooks"
        )
        self.errors.add_row(
            cabinet_form, self.tr("Key out alert (hours)"), self.key_alert, "key_out_alert_hours"
        )

        guarantee = QGroupBox(self.tr("Guarantee periods"))
        guarantee.setToolTip(
            self.tr(
                "Printed on the guarantee certificate per work item, counted from the release:"
                " whichever of the distance or the days comes first (art. 38 of the"
                " Regulations on Motor Vehicle Maintenance). The guarantee terms under"
                " Printing name these periods too: change them together."
            )
        )
        guarantee_form = QFormLayout(guarantee)
        self.guarantee: dict[str, QLineEdit] = {}
        for key, label in (
            ("guarantee_major_km", self.tr("Major / assembly repair (km)")),
            ("guarantee_major_days", self.tr("Major / assembly repair (days)")),
            ("guarantee_maintenance_km", self.tr("Second-level maintenance (km)")),
            ("guarantee_maintenance_days", self.tr("Second-level maintenance (days)")),
            ("guarantee_minor_km", self.tr("Minor / special repair (km)")),
            ("guarantee_minor_days", self.tr("Minor / special repair (days)")),
        ):
            edit = QLineEdit(objectName=f"settings_{key}")
            self.errors.add_row(guarantee_form, label, edit, key)
            self.guarantee[key] = edit

        checkout = QGroupBox(self.tr("Checkout"))
        checkout_form = QFormLayout(checkout)
        self.comeback_days = QLineEdit(objectName="settings_comeback_days")
        self.comeback_km = QLineEdit(objectName="settings_comeback_km")
        for edit in (self.comeback_days, self.comeback_km):
            edit.setToolTip(
                self.tr(
                    "A car back with related work within these days or this distance"
                    " after its release is flagged as a comeback (either suffices)"
                )
            )
        self.odometer_diff = QLineEdit(objectName="settings_release_odometer_diff_km")
        self.odometer_diff.setToolTip(
            self.tr(
                "Driven more than this between check-in and release: the car leaves only"
                " with an explanation"
            )
        )
        self.fuel_drop = QLineEdit(objectName="settings_release_fuel_drop_eighths")
        self.fuel_drop.setToolTip(
            self.tr(
                "Fuel dropped by more eighths of a tank than this between check-in and"
                " release: the car leaves only with an explanation"
            )
        )
        self.errors.add_row(
            checkout_form, self.tr("Comeback window (days)"), self.comeback_days, "comeback_days"
        )
        self.errors.add_row(
            checkout_form, self.tr("Comeback window (km)"), self.comeback_km, "comeback_km"
        )
        self.errors.add_row(
            checkout_form,
            self.tr("Distance without explanation (km)"),
            self.odometer_diff,
            "release_odometer_diff_km",
        )
        self.errors.add_row(
            checkout_form,
            self.tr("Fuel drop without explanation (eighths)"),
            self.fuel_drop,
            "release_fuel_drop_eighths",
        )

        appointments = QGroupBox(self.tr("Appointments"))
        appointments_form = QFormLayout(appointments)
        self.capacity = QLineEdit(objectName="settings_appointment_capacity_per_day")
        self.capacity.setToolTip(
            self.tr("Cars the workshop takes by appointment a day; a full day takes no more")
        )
        self.slot = QLineEdit(objectName="settings_appointment_slot_minutes")
        self.slot.setToolTip(self.tr("The length of one appointment slot in the calendar"))
        self.errors.add_row(
            appointments_form,
            self.tr("Cars a day by appointment"),
            self.capacity,
            "appointment_capacity_per_day",
        )
        self.errors.add_row(
            appointments_form,
            self.tr("Slot length (minutes)"),
            self.slot,
            "appointment_slot_minutes",
        )

        printing = QGroupBox(self.tr("Printing"))
        printing_form = QFormLayout(printing)
        self.print_font = QLineEdit(objectName="settings_print_font")
        self.print_font.setPlaceholderText(self.tr("Empty: a Chinese font found on this computer"))
        self.print_font.setToolTip(
            self.tr("A .ttf, .ttc or .otf file; add #1 after a .ttc to use its second font")
        )
        self.choose_font = QPushButton(self.tr("Choose…"), objectName="settings_choose_font")
        self.errors.add_row(
            printing_form,
            self.tr("Font file"),
            beside(self.print_font, self.choose_font),
            "print_font",
        )
        backups = QGroupBox(self.tr("Backups"))
        backups_form = QFormLayout(backups)
        self.backup_mirror = QLineEdit(objectName="settings_backup_mirror_dir")
        self.backup_mirror.setPlaceholderText(self.tr("Empty: backups stay on this computer"))
        self.backup_mirror.setToolTip(
            self.tr("A USB stick or network share that receives a copy of every backup")
        )
        self.choose_mirror = QPushButton(self.tr("Choose…"), objectName="settings_choose_mirror")
        self.errors.add_row(
            backups_form,
            self.tr("Second folder"),
            beside(self.backup_mirror, self.choose_mirror),
            "backup_mirror_dir",
        )
        self.texts: dict[str, QPlainTextEdit] = {}
        self.restore: dict[str, QPushButton] = {}
        for key, label in (
            ("guarantee_terms", self.tr("Guarantee terms")),
            ("clause_customer_parts", self.tr("Customer-supplied parts")),
            ("clause_aftermarket_critical", self.tr("Aftermarket parts on critical systems")),
            ("clause_item_pricing", self.tr("Item pricing")),
            ("clause_symptom_pricing", self.tr("Symptom pricing")),
            ("clause_estimate", self.tr("Estimate note")),
        ):
            editor = QPlainTextEdit(objectName=f"settings_{key}")
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(76)
            restore = QPushButton(
                self.tr("Restore default text"), objectName=f"settings_restore_{key}"
            )
            restore.clicked.connect(lambda _checked=False, k=key: self.restore_default(k))
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(restore, 0, Qt.AlignmentFlag.AlignRight)
            self.errors.add_row(printing_form, label, box, key)
            self.texts[key] = editor
            self.restore[key] = restore

        content = QWidget()
        columns = QHBoxLayout(content)
        left = QVBoxLayout()
        left.addWidget(dealer)
        left.addWidget(pricing)
        left.addWidget(cabinet)
        left.addWidget(guarantee)
        left.addWidget(checkout)
        left.addWidget(appointments)
        left.addWidget(backups)
        left.addStretch(1)
        columns.addLayout(left, 2)
        columns.addWidget(printing, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.message = QLabel(objectName="settings_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        self.saved = QLabel(objectName="settings_saved")
        self.saved.setStyleSheet(SAVED_STYLE)
        self.saved.hide()
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="settings_save")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 3)
        bottom.addWidget(self.saved)
        bottom.addStretch(1)  # the button stays on the right, at its own size
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        # what is typed as text, and the setting each field holds
        self.lines = {
            "dealer_name": self.dealer_name,
            "dealer_address": self.dealer_address,
            "dealer_phone": self.dealer_phone,
            "dealer_logo": self.dealer_logo,
            "dealer_tax_number": self.dealer_tax_number,
            "print_font": self.print_font,
            "order_prefix": self.order_prefix,
            "backup_mirror_dir": self.backup_mirror,
        }
        self.money = {"labour_rate_fen": self.labour_rate, "diagnosis_fee_fen": self.diagnosis_fee}
        self.whole = {
            "key_cabinet_hooks": self.key_hooks,
            "key_out_alert_hours": self.key_alert,
            **self.guarantee,
            "comeback_days": self.comeback_days,
            "comeback_km": self.comeback_km,
            "release_odometer_diff_km": self.odometer_diff,
            "release_fuel_drop_eighths": self.fuel_drop,
            "appointment_capacity_per_day": self.capacity,
            "appointment_slot_minutes": self.slot,
        }

        self.choose_logo.clicked.connect(self._choose_logo)
        self.choose_font.clicked.connect(self._choose_font)
        self.choose_mirror.clicked.connect(self._choose_mirror)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        session.changed.connect(self._changed)
        self.reload()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """The settings as stored; what was typed and not saved is replaced."""
        values = settings_actions.current(self.session.ctx)
        for key, edit in self.lines.items():
            edit.setText(str(values[key]))
        for key, edit in self.money.items():
            edit.setText(format_yuan(int(values[key]), symbol=False))
        for key, edit in self.whole.items():
            edit.setText(str(values[key]))
        self.symptom_margin.setText(percent_text(int(values["symptom_margin_bp"])))
        for key, editor in self.texts.items():
            editor.setPlainText(str(values[key]))
        self.errors.clear()
        self._loaded = self._typed()

    def _typed(self) -> dict[str, str]:
        fields = {**self.lines, **self.money, **self.whole}
        typed = {key: edit.text() for key, edit in fields.items()}
        typed["symptom_margin_bp"] = self.symptom_margin.text()
        typed.update({key: editor.toPlainText() for key, editor in self.texts.items()})
        return typed

    def is_dirty(self) -> bool:
        """Something was typed and not saved."""
        return self._typed() != self._loaded

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.is_dirty():  # coming back to a half-typed form keeps it
            self.reload()

    def _changed(self, kinds: set[str]) -> None:
        if "settings" in kinds:
            self.reload()

    # --- editing -------------------------------------------------------------------------

    def restore_default(self, key: str) -> None:
        """The default text goes into the editor (undo with Ctrl+Z); nothing is saved."""
        editor = self.texts[key]
        cursor = editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(str(DEFAULTS[key]))
        editor.setTextCursor(cursor)
        editor.setFocus()

    def _choose_logo(self) -> None:
        path = ask.choose_file(
            self, self.tr("Dealer logo"), self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if path:
            self.dealer_logo.setText(QDir.toNativeSeparators(path))

    def _choose_mirror(self) -> None:
        path = ask.choose_folder(self, self.tr("Second folder for backups"))
        if path:
            self.backup_mirror.setText(QDir.toNativeSeparators(path))

    def _choose_font(self) -> None:
        path = ask.choose_file(self, self.tr("Font file"), self.tr("Fonts (*.ttf *.ttc *.otf)"))
        if path:
            self.print_font.setText(QDir.toNativeSeparators(path))

    # --- saving --------------------------------------------------------------------------

    def _changes(self) -> tuple[dict[str, object], list[Problem]]:
        """Every setting on the form as the action takes it, and what cannot be read."""
        changes: dict[str, object] = {key: edit.text() for key, edit in self.lines.items()}
        problems: list[Problem] = []
        for key, edit in self.money.items():
            try:
                changes[key] = parse_yuan(edit.text())
            except MoneyError:
                problems.append(Problem(key, "amount.format"))
        for key, edit in self.whole.items():
            number = parse_whole(edit.text())
            if number is None:
                problems.append(Problem(key, "number.format"))
            else:
                changes[key] = number
        margin = parse_percent(self.symptom_margin.text())
        if margin is None:
            problems.append(Problem("symptom_margin_bp", "percent.format"))
        else:
            changes["symptom_margin_bp"] = margin
        changes.update({key: editor.toPlainText() for key, editor in self.texts.items()})
        return changes, problems

    def _refused(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    def save(self) -> None:
        self.errors.clear()
        self.saved.hide()
        ctx = self.session.ctx
        changes, problems = self._changes()
        try:
            changed = settings_actions.validate(ctx, changes)
        except ValidationError as exc:
            problems += exc.problems
        except (ActionError, StorageError) as exc:
            self._refused(exc)
            return
        if problems:
            self.errors.show(problems)
            return
        if not changed:
            self._say(self.tr("Nothing to save: no setting was changed."))
            return
        if self.session.user_id is None:
            self._refused(ActionError("user.required"))
            return
        answer = ask_supervisor(self, self.session, self.tr("Save settings"))
        if answer is None:
            return
        try:
            keys = settings_actions.update_settings(ctx, changes, *answer)
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except (ActionError, StorageError) as exc:
            self._refused(exc)
            return
        self.session.notify("settings")
        self._say(self.tr("Saved: {count} settings changed").format(count=len(keys)))

    def _say(self, text: str) -> None:
        self.saved.setText(text)
        self.saved.show()
