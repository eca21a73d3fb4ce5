"""User-facing texts for the domain validation problems (``service_desk.domain.validation``).

Each source text is a literal inside ``QCoreApplication.translate("Validation", ...)`` so that
pyside6-lupdate extracts it; ``{name}`` placeholders are filled from ``Problem.params`` and must
be kept as they are in translations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from service_desk.domain.validation import Problem

# code -> the translated message template (looked up at call time: the UI language may change)
_MESSAGES: dict[str, Callable[[], str]] = {
    "plate.required": lambda: QCoreApplication.translate("Validation", "Enter the plate number."),
    "plate.province": lambda: QCoreApplication.translate(
        "Validation",
        "A plate starts with a province abbreviation (皖, 京, 沪 …), e.g. {example}",
    ),
    "plate.format": lambda: QCoreApplication.translate(
        "Validation",
        "Plate format: province abbreviation + letter + 5 characters (new energy: 6), "
        "e.g. {example}",
    ),
    "vin.required": lambda: QCoreApplication.translate(
        "Validation", "Enter the VIN (17 characters)."
    ),
    "vin.length": lambda: QCoreApplication.translate(
        "Validation", "The VIN has {expected} characters (found {found})."
    ),
    "vin.chars": lambda: QCoreApplication.translate(
        "Validation",
        "The VIN uses only digits and capital letters, never I, O or Q (found: {chars}).",
    ),
    "vin.check_digit": lambda: QCoreApplication.translate(
        "Validation",
        "VIN check digit (9th character) should be {expected}, found {found}. "
        "Imported car? Tick “Keep this VIN” to save it anyway.",
    ),
    "mobile.length": lambda: QCoreApplication.translate(
        "Validation", "A mobile number has {expected} digits (found {found})."
    ),
    "mobile.format": lambda: QCoreApplication.translate(
        "Validation", "Mobile number: 11 digits starting 13–19, e.g. 13812345678."
    ),
    "landline.format": lambda: QCoreApplication.translate(
        "Validation",
        "Landline: area code + number, e.g. 0553-5821234 or 010-62345678 "
        "(extension: 转801), or 400-800-1234.",
    ),
    "phone.required": lambda: QCoreApplication.translate("Validation", "Enter a phone number."),
    "phone.format": lambda: QCoreApplication.translate(
        "Validation",
        "Enter a mobile (e.g. 13812345678) or a landline with area code (e.g. 0553-5821234).",
    ),
    "odometer.negative": lambda: QCoreApplication.translate(
        "Validation", "The mileage cannot be negative."
    ),
    "odometer.too_large": lambda: QCoreApplication.translate(
        "Validation", "The mileage cannot exceed {max} km."
    ),
    "odometer.lower": lambda: QCoreApplication.translate(
        "Validation", "Lower than the last reading ({last} km): confirm and give a reason."
    ),
    "text.required": lambda: QCoreApplication.translate("Validation", "This field is required."),
    "text.control": lambda: QCoreApplication.translate(
        "Validation", "Remove the control characters (often pasted along with the text)."
    ),
    "text.too_long": lambda: QCoreApplication.translate("Validation", "At most {max} characters."),
}


class _Params(dict[str, object]):
    """Format arguments; a placeholder without a value shows as an ellipsis, never raises."""

    def __missing__(self, key: str) -> object:
        return "…"


def problem_text(problem: Problem) -> str:
    """The user-facing message for a problem, in the UI language."""
    message = _MESSAGES.get(problem.code)
    if message is None:
        return problem.code
    template = message()
    try:
        return template.format_map(_Params(problem.params))
    except (ValueError, IndexError, AttributeError):  # a broken translation: show it as is
        return template
