"""Field validators for the service counter: plates, VINs, phones, odometer, names.

Plain Python, no Qt and no SQL. A check returns ``None`` when the value is fine, or a
``Problem`` whose ``code`` the UI turns into a translated message
(``service_desk.ui.validation_messages``). An ``"error"`` blocks saving; a ``"warning"``
may be kept once the advisor explicitly confirms it (see ``raise_if_errors``).

The ``check_*`` functions normalize their input themselves, never raise on any text, and
return at most one problem (the first rule that fails).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_EXAMPLE = "皖B12345"
ODOMETER_MAX_KM = 2_000_000
VIN_LENGTH = 17
MOBILE_LENGTH = 11


@dataclass(frozen=True)
class Problem:
    """One rule a field breaks; ``params`` feed the placeholders of the message."""

    field: str
    code: str
    severity: str = ERROR
    params: tuple[tuple[str, object], ...] = ()

    def param(self, key: str, default: object = None) -> object:
        for name, value in self.params:
            if name == key:
                return value
        return default

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class ValidationError(Exception):
    """Raised by ``raise_if_errors``; ``problems`` lists everything that blocks saving."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in self.problems))


def _problem(field: str, code: str, severity: str = ERROR, **params: object) -> Problem:
    return Problem(field, code, severity, tuple(params.items()))


# --- shared text clean-up ----------------------------------------------------------------

_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: chr(0x30 + i) for i in range(10)},  # ０-９
    **{0xFF21 + i: chr(0x41 + i) for i in range(26)},  # Ａ-Ｚ
    **{0xFF41 + i: chr(0x41 + i) for i in range(26)},  # ａ-ｚ, uppercased on the way
}
_UPPER_ASCII = {ord(c): c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}


def _remove_whitespace(text: str) -> str:
    return "".join(text.split())


# --- plates --------------------------------------------------------------------------------

_PLATE_SEPARATORS = "·•・‧∙.．-－‐‑–—"
_PLATE_TABLE = str.maketrans(
    {**_FULLWIDTH_ALNUM, **_UPPER_ASCII, **{ord(c): None for c in _PLATE_SEPARATORS}}
)

_P = f"[{PROVINCES}]"
_L = "[A-HJ-NP-Z]"  # a latin letter except I and O
_C = "[A-HJ-NP-Z0-9]"  # a digit or such a letter
_PLATE_FORMS = (
    rf"{_P}{_L}{_C}{{5}}",  # ordinary: 皖B12345
    rf"{_P}{_L}[DF]{_C}{{5}}",  # new energy, small car: 皖BD12345, 皖BF1A234
    rf"{_P}{_L}[0-9]{{5}}[DF]",  # new energy, large vehicle: 皖B12345D
    rf"{_P}{_L}{_C}{{4}}[学警挂领]",  # driving school, police, trailer, consulate
    rf"{_P}{_L}{_C}{{4}}应急",  # emergency services
    rf"粤Z{_C}{{4}}[港澳]",  # Hong Kong / Macao cross-border
    rf"使{_C}{{6}}",  # embassy: 使014578
    rf"WJ(?:{_P}|[0-9]{{2}})?{_C}{{4}}[A-HJ-NP-Z0-9消边通森金警电]",  # armed police
)
_PLATE_RE = re.compile("|".join(f"(?:{form})" for form in _PLATE_FORMS))


def normalize_plate(text: str) -> str:
    """皖b·１2345 -> 皖B12345: no spaces or separators, half-width capital latin letters."""
    return _remove_whitespace(text).translate(_PLATE_TABLE)


def check_plate(text: str) -> Problem | None:
    plate = normalize_plate(text)
    if not plate:
        return _problem("plate", "plate.required")
    if plate[0] not in PROVINCES and not plate.startswith(("WJ", "使")):
        return _problem("plate", "plate.province", example=PLATE_EXAMPLE)
    if _PLATE_RE.fullmatch(plate) is None:
        return _problem("plate", "plate.format", example=PLATE_EXAMPLE)
    return None


# --- VIN -----------------------------------------------------------------------------------

_VIN_TABLE = str.maketrans({**_FULLWIDTH_ALNUM, **_UPPER_ASCII})
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARACTERS = "".join(sorted(_VIN_VALUES))  # 0-9 and A-Z without I, O, Q


def normalize_vin(text: str) -> str:
    """No whitespace, half-width capital letters and digits."""
    return _remove_whitespace(text).translate(_VIN_TABLE)


def vin_check_digit(vin: str) -> str:
    """The 9th character a 17-character VIN must carry (ISO 3779 / GB 16735).

    Raises ``ValueError`` if ``vin`` is not 17 characters from ``VIN_CHARACTERS``; the
    character currently in position 9 does not matter (its weight is 0).
    """
    if len(vin) != VIN_LENGTH or any(c not in _VIN_VALUES for c in vin):
        raise ValueError(f"not a 17-character VIN: {vin!r}")
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def check_vin(text: str) -> Problem | None:
    vin = normalize_vin(text)
    if not vin:
        return _problem("vin", "vin.required")
    if len(vin) != VIN_LENGTH:
        return _problem("vin", "vin.length", expected=VIN_LENGTH, found=len(vin))
    wrong = "".join(dict.fromkeys(c for c in vin if c not in _VIN_VALUES))
    if wrong:
        return _problem("vin", "vin.chars", chars=" ".join(wrong))
    expected = vin_check_digit(vin)
    if vin[8] != expected:
        return _problem("vin", "vin.check_digit", WARNING, expected=expected, found=vin[8])
    return None


# --- phones --------------------------------------------------------------------------------

_PHONE_TABLE = str.maketrans(
    {
        **{0xFF10 + i: chr(0x30 + i) for i in range(10)},
        **{ord(c): "-" for c in "－‐‑‒–—―−"},
        **{ord(c): None for c in "()（）"},
        ord("＋"): "+",
    }
)
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_AREA_AND_LOCAL = r"0(?:10|2[0-9]|[3-9][0-9]{2})-?[2-9][0-9]{6,7}"
_EXTENSION = r"(?:转|分机|-)(?P<ext>[0-9]{1,6})"
# Dashes are kept at this point: "-801" after the local number is an extension.
_LANDLINE_RE = re.compile(rf"(?P<main>{_AREA_AND_LOCAL})(?:{_EXTENSION})?")
_SERVICE_RE = re.compile(r"(?P<main>[48]00-?[0-9]{3}-?[0-9]{4})(?:转(?P<ext>[0-9]{1,6}))?")
_COUNTRY_PREFIXES = ("+86", "0086", "86")


def _clean_phone(text: str) -> str:
    """Half-width digits, one kind of dash, no whitespace or parentheses."""
    return _remove_whitespace(text).translate(_PHONE_TABLE)


def normalize_phone(text: str) -> str:
    """'+86 138-1234-5678' -> '13812345678'; '(0553) 582-1234 转 801' -> '05535821234转801'.

    Spaces, dashes and parentheses go; a landline extension is kept as '转<digits>' so
    that the stored value still validates.
    """
    phone = _clean_phone(text)
    for pattern in (_LANDLINE_RE, _SERVICE_RE):
        match = pattern.fullmatch(phone)
        if match:
            main = match["main"].replace("-", "")
            return f"{main}转{match['ext']}" if match["ext"] else main
    phone = phone.replace("-", "")
    for prefix in _COUNTRY_PREFIXES:
        rest = phone.removeprefix(prefix)
        if rest != phone and _MOBILE_RE.fullmatch(rest):
            return rest
    return phone


def check_mobile(text: str, field: str = "phone") -> Problem | None:
    """A mainland mobile number: 11 digits starting 13-19 (+86 allowed)."""
    phone = normalize_phone(text)
    digits_only = phone.isascii() and phone.isdigit()
    if (digits_only or not phone) and len(phone) != MOBILE_LENGTH:
        return _problem(field, "mobile.length", expected=MOBILE_LENGTH, found=len(phone))
    if _MOBILE_RE.fullmatch(phone) is None:
        return _problem(field, "mobile.format")
    return None


def check_landline(text: str, field: str = "landline") -> Problem | None:
    """Area code + local number (0553-5821234, 010-62345678), optional extension
    ('转801' or '-801'), or a 400/800 service number (400-800-1234)."""
    phone = _clean_phone(text)
    if _LANDLINE_RE.fullmatch(phone) or _SERVICE_RE.fullmatch(phone):
        return None
    return _problem(field, "landline.format")


def check_phone(text: str, field: str = "phone") -> Problem | None:
    """Either a mobile or a landline."""
    if not normalize_phone(text):
        return _problem(field, "phone.required")
    if check_mobile(text) is None or check_landline(text) is None:
        return None
    return _problem(field, "phone.format")


# --- unified social credit code (统一社会信用代码, the tax number) ---------------------------

CREDIT_CODE_LENGTH = 18
OLD_TAX_NUMBER_LENGTHS = (15, 20)  # 税务登记证号 before 三证合一 (replaced by the end of 2017)
# GB 32100-2015: 31 characters, I, O, S, V and Z left out; each worth its position here.
CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_CHARACTERS)}
_CREDIT_WEIGHTS = tuple(3**i % 31 for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, …
_CREDIT_TABLE = str.maketrans({**_FULLWIDTH_ALNUM, **_UPPER_ASCII, ord("-"): None, ord("－"): None})


def normalize_credit_code(text: str) -> str:
    """No whitespace or dashes, half-width capital letters and digits."""
    return _remove_whitespace(text).translate(_CREDIT_TABLE)


def credit_code_check_digit(code: str) -> str:
    """The 18th character the first 17 of a unified social credit code call for.

    GB 32100-2015: C18 = 31 - (sum of value x 3^(i-1) mod 31) mod 31, written with
    ``CREDIT_CODE_CHARACTERS``. Raises ``ValueError`` if ``code`` has fewer than 17
    characters of that set (an 18th is ignored).
    """
    body = code[:17]
    if len(body) != 17 or any(c not in _CREDIT_VALUES for c in body):
        raise ValueError(f"not the first 17 characters of a credit code: {code!r}")
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARACTERS[(31 - total % 31) % 31]


def check_credit_code(text: str, field: str = "tax_number") -> Problem | None:
    """The dealer's tax number: the 18-character unified social credit code on its business
    licence (GB 32100-2015). Empty is fine (no number printed); the old 15- or 20-character
    tax registration numbers are refused: every enterprise has had a credit code since 2018.
    """
    code = normalize_credit_code(text)
    if not code:
        return None
    if len(code) in OLD_TAX_NUMBER_LENGTHS and code.isalnum() and code.isascii():
        return _problem(field, "tax_number.old", found=len(code))
    if len(code) != CREDIT_CODE_LENGTH:
        return _problem(field, "tax_number.length", expected=CREDIT_CODE_LENGTH, found=len(code))
    wrong = "".join(dict.fromkeys(c for c in code if c not in _CREDIT_VALUES))
    if wrong:
        return _problem(field, "tax_number.chars", chars=" ".join(wrong))
    if not code[2:8].isdigit():  # the six-digit administrative division code
        return _problem(field, "tax_number.region")
    expected = credit_code_check_digit(code)
    if code[17] != expected:
        return _problem(field, "tax_number.check_digit", expected=expected, found=code[17])
    return None


# --- odometer ------------------------------------------------------------------------------


def check_odometer(km: int | None, last_km: int | None, reason: str = "") -> Problem | None:
    """``km`` as read today against the last recorded reading of the same vehicle.

    A lower reading (cluster replaced, earlier typo) is a warning: the advisor confirms it
    and gives a reason; with a reason it is accepted.
    """
    if km is None:
        return None
    if km < 0:
        return _problem("odometer", "odometer.negative")
    if km > ODOMETER_MAX_KM:
        return _problem("odometer", "odometer.too_large", max=ODOMETER_MAX_KM)
    if last_km is not None and km < last_km and not reason.strip():
        return _problem("odometer", "odometer.lower", WARNING, last=last_km)
    return None


# --- names and free text -------------------------------------------------------------------

_TEXT_LAYOUT = frozenset("\n\r\t")


def _has_control(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    # Cc: C0/C1 controls; Cs: lone surrogates, which cannot be stored as UTF-8.
    return any(unicodedata.category(c) in ("Cc", "Cs") and c not in allowed for c in text)


def _check_text(
    text: str, field: str, max_len: int, required: bool, allowed: frozenset[str]
) -> Problem | None:
    value = text.strip()
    if not value:
        return _problem(field, "text.required") if required else None
    if _has_control(value, allowed):
        return _problem(field, "text.control")
    if len(value) > max_len:
        return _problem(field, "text.too_long", max=max_len)
    return None


def check_name(text: str, field: str = "name", max_len: int = 60) -> Problem | None:
    """A required one-line name: no control characters (not even tabs or newlines)."""
    return _check_text(text, field, max_len, required=True, allowed=frozenset())


def check_text(text: str, field: str, max_len: int, required: bool = False) -> Problem | None:
    """Free text (remarks, complaint): newlines and tabs allowed, other controls refused."""
    return _check_text(text, field, max_len, required=required, allowed=_TEXT_LAYOUT)


# --- combining -----------------------------------------------------------------------------


def collect(*problems: Problem | None) -> list[Problem]:
    return [p for p in problems if p is not None]


def raise_if_errors(
    problems: Iterable[Problem], confirmed_warnings: Iterable[str] = frozenset()
) -> None:
    """Raise ``ValidationError`` with every error and every warning not confirmed by code."""
    confirmed = set(confirmed_warnings)
    blocking = [p for p in problems if p.severity != WARNING or p.code not in confirmed]
    if blocking:
        raise ValidationError(blocking)
