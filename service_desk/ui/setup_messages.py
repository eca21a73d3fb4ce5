"""Texts of the first-run setup and of the dealer's tax number (settings desk too): the
refusals of actions.setup and the problems of domain.validation.check_credit_code.

Importing this module registers them with ui.messages.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.ui import messages


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "setup.done": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This database is already set up: change the dealer and prices in Settings "
                "and the staff under Counter → Staff.",
            )
        ),
    },
    fields={
        # the tax number (纳税人识别号): the unified social credit code, GB 32100-2015
        "tax_number.old": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This looks like an old tax registration number ({found} characters). Enter "
                "the 18-character unified social credit code from the business licence.",
            )
        ),
        "tax_number.length": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The unified social credit code has {expected} characters (found {found}).",
            )
        ),
        "tax_number.chars": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Only digits and capital letters, never I, O, S, V or Z (found: {chars}).",
            )
        ),
        "tax_number.region": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Characters 3 to 8 are the six digits of the region code."
            )
        ),
        "tax_number.check_digit": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The last character should be {expected}, found {found}: check the code "
                "against the business licence.",
            )
        ),
        # the staff of the setup
        "name.duplicate": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Someone with this name is already on the list.")
        ),
        "role.unknown": lambda: _m(QT_TRANSLATE_NOOP("Messages", "Choose a role.")),
        "pin.required": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A supervisor approves with a PIN: enter 4 to 8 digits.")
        ),
        "pin.format": lambda: _m(QT_TRANSLATE_NOOP("Messages", "The PIN is 4 to 8 digits.")),
        "setup.supervisor_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Add at least one supervisor: settings, discounts and voids need their PIN.",
            )
        ),
        "setup.advisor_required": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Add at least one service advisor: they work at the counter."
            )
        ),
    },
)
