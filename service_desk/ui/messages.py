"""User-facing texts for refusals from actions, lifecycle, pricing and storage."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.actions.context import ActionError
from service_desk.domain.pricing import PricingError
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store.errors import StorageError, StorageProblem
from service_desk.ui import labels
from service_desk.ui.validation_messages import problem_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


_ACTIONS: dict[str, Callable[[], str]] = {
    "user.required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Choose who is working at the counter first (top right).")
    ),
    "staff.role": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose a role.")),
    "staff.duplicate": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Someone with this name is already on the staff list.")
    ),
    "pin.format": lambda: _t(QT_TRANSLATE_NOOP("Messages", "The PIN is 4 to 8 digits.")),
    "pin.wrong": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Wrong PIN.")),
    "supervisor.required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Only a supervisor can approve this.")
    ),
    "record.missing": lambda: _t(QT_TRANSLATE_NOOP("Messages", "The record no longer exists.")),
    "owner.same": lambda: _t(QT_TRANSLATE_NOOP("Messages", "That is already the current owner.")),
    "order.not_editable": lambda: _t(
        QT_TRANSLATE_NOOP(
            "Messages", "This order is {state}: its lines can no longer be changed here."
        )
    ),
    "line.removed": lambda: _t(QT_TRANSLATE_NOOP("Messages", "This line was already removed.")),
    "system.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose the vehicle system.")),
    "fee.negative": lambda: _t(QT_TRANSLATE_NOOP("Messages", "The fee cannot be negative.")),
    "handon.not_owner": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Only the case owner or a supervisor can hand it on.")
    ),
    "handon.target": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Hand the case on to an advisor or a supervisor.")
    ),
    "transition.illegal": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "An order that is {from_state} cannot become {to_state}.")
    ),
    "transition.use_desk": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Use the desk that does this step.")
    ),
    "state.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Unknown order state.")),
    "void.supervisor_only": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Only a supervisor can void an order.")
    ),
    "void.reason_required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Give the reason for voiding the order.")
    ),
    "diagnosis.consent_required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Record the customer's consent before a diagnosis.")
    ),
    "sign.request_required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Write down the customer's request before signing.")
    ),
    "sign.lines_required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Add at least one work item before signing.")
    ),
    "sign.promised_required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Set the promised delivery time before signing.")
    ),
    "settings.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Unknown setting: {key}.")),
}

_PRICING: dict[str, Callable[[], str]] = {
    "qty.format": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Quantity: a number such as 1 or 4.2.")),
    "qty.positive": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Quantity must be more than 0.")),
    "qty.precision": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Quantity: at most 3 decimals.")),
    "qty.too_large": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Quantity is too large.")),
    "price.format": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Price: an amount in yuan such as 120 or 38.50.")
    ),
    "price.negative": lambda: _t(QT_TRANSLATE_NOOP("Messages", "The price cannot be negative.")),
    "price.too_large": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "At most ¥10,000,000 a unit: check the price.")
    ),
    "margin.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Risk margin: 0 to 100 %.")),
    "margin.only_symptom": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Only symptom pricing carries a risk margin.")
    ),
    "description.required": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Describe the work item.")),
    "description.too_long": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "The description is too long (200 characters at most).")
    ),
    "parts_source.required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Say who supplies the part.")
    ),
    "part_quality.required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Say whether the part is genuine or aftermarket.")
    ),
    "parts_source.only_parts": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Only parts have a source.")
    ),
    "system.required": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "System pricing needs the vehicle system.")
    ),
    "kind.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose labour, part or fee.")),
    "mode.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose the pricing mode.")),
    "payer.unknown": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose who pays.")),
}

_FIELD_CODES: dict[str, Callable[[], str]] = {
    "plate.duplicate": lambda: _t(
        QT_TRANSLATE_NOOP(
            "Messages", "This plate is already in the archive: search for it instead."
        )
    ),
    "vin.duplicate": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "This VIN is already in the archive: search for it instead.")
    ),
    "model.required": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose the model.")),
    "category.required": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Choose the category.")),
    "cycle_km.range": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Maintenance cycle: 1,000 to 100,000 km.")
    ),
    "cycle_months.range": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Maintenance cycle: 1 to 60 months.")
    ),
    "date.future": lambda: _t(QT_TRANSLATE_NOOP("Messages", "This date is in the future.")),
    "promised.past": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "The promised time must be later than now.")
    ),
    "contact.unknown": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Choose how the customer prefers to be contacted.")
    ),
    "number.format": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Enter a whole number.")),
    # settings desk
    "value.type": lambda: _t(QT_TRANSLATE_NOOP("Messages", "This value has the wrong type.")),
    "prefix.format": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Two capital letters A–Z, e.g. WX.")),
    "amount.format": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "An amount in yuan such as 120 or 38.50.")
    ),
    "amount.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "An amount from 0 to 100,000 yuan.")),
    "percent.format": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "A percentage such as 15 or 12.5 (at most 2 decimals).")
    ),
    "percent.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "A percentage from 0 to 100.")),
    "minutes.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "0 to 1,440 minutes (one day).")),
    "timezone.unknown": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "Unknown time zone: use a name such as Asia/Shanghai.")
    ),
    "file.missing": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "There is no file at this path: choose it again.")
    ),
    "folder.missing": lambda: _t(
        QT_TRANSLATE_NOOP(
            "Messages", "There is no folder at this path (stick not in? share not reachable?)."
        )
    ),
    "logo.type": lambda: _t(
        QT_TRANSLATE_NOOP("Messages", "The logo must be a PNG or JPG picture.")
    ),
    "font.type": lambda: _t(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The font must be a .ttf, .ttc or .otf file (a face number may follow, e.g. #1).",
        )
    ),
    "hooks.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "The key cabinet has 1 to 500 hooks.")),
    "hours.range": lambda: _t(QT_TRANSLATE_NOOP("Messages", "Between 1 and 72 hours.")),
}


def register_texts(
    actions: dict[str, Callable[[], str]] | None = None,
    fields: dict[str, Callable[[], str]] | None = None,
    params: dict[str, Callable[[str], str]] | None = None,
) -> None:
    """A desk adds the texts of its own refusal codes (ActionError codes, field problems)
    and the names of coded parameters (e.g. ``condition`` -> the condition's name)."""
    _ACTIONS.update(actions or {})
    _FIELD_CODES.update(fields or {})
    _PARAMS.update(params or {})


_PARAMS: dict[str, Callable[[str], str]] = {}


def storage_text(exc: StorageError) -> str:
    texts = {
        StorageProblem.DISK_FULL: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not saved: the disk is full. Free some space and try again; "
                "what you typed is still on the screen.",
            )
        ),
        StorageProblem.LOCKED: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not saved: the database is busy (another program is using it). Try again.",
            )
        ),
        StorageProblem.READ_ONLY: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not saved: the data folder is read-only. Check the folder's permissions.",
            )
        ),
        StorageProblem.CORRUPT: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database file is damaged. Restore the latest backup; do not keep working.",
            )
        ),
        StorageProblem.NOT_A_DATABASE: _t(
            QT_TRANSLATE_NOOP(
                "Messages", "The file at the data path is not a Service Desk database."
            )
        ),
        StorageProblem.IO: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not saved: the data folder cannot be written (drive removed?). Try again.",
            )
        ),
        StorageProblem.CANNOT_OPEN: _t(
            QT_TRANSLATE_NOOP("Messages", "The database cannot be opened. Check the data folder.")
        ),
        StorageProblem.NEWER_SCHEMA: _t(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This database was written by a newer version of Service Desk. "
                "Install that version; this one will not change the file.",
            )
        ),
        StorageProblem.CONSTRAINT: _t(
            QT_TRANSLATE_NOOP("Messages", "Not saved: the data broke a rule of the database.")
        ),
    }
    return texts[exc.problem]


_catalog_loaded = False


def _catalog() -> None:
    """Every desk's texts, the first time one is needed (desks are built when first shown,
    so the desk a refusal names may not have been imported yet)."""
    global _catalog_loaded
    if not _catalog_loaded:
        _catalog_loaded = True
        from service_desk.ui import message_catalog  # noqa: F401  (its registrations)


def field_problem_text(problem: Problem) -> str:
    _catalog()
    extra = _FIELD_CODES.get(problem.code)
    return _filled(extra(), dict(problem.params)) if extra else problem_text(problem)


def _filled(template: str, params: dict[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):  # a broken translation: show it as is
        return template


def action_text(exc: ActionError) -> str:
    _catalog()
    factory = _ACTIONS.get(exc.code)
    if factory is None:
        return exc.code
    params = dict(exc.params)
    for key in ("state", "from_state", "to_state"):
        if key in params:
            params[key] = labels.state(str(params[key]))
    for key, name in _PARAMS.items():
        if key in params:
            params[key] = name(str(params[key]))
    return _filled(factory(), params)


def pricing_text(exc: PricingError) -> str:
    factory = _PRICING.get(exc.code)
    return factory() if factory else exc.code


def error_text(exc: Exception) -> str:
    """One line for any refusal the UI may show."""
    if isinstance(exc, ActionError):
        return action_text(exc)
    if isinstance(exc, PricingError):
        return pricing_text(exc)
    if isinstance(exc, StorageError):
        return storage_text(exc)
    if isinstance(exc, ValidationError):
        return "；".join(field_problem_text(p) for p in exc.problems)
    raise exc
