"""Business settings edited at the counter: the dealer's header, prices, printed texts,
the checkout desk's guarantee periods, comeback window and release limits.

Only a supervisor with the right PIN changes them. Every value is checked before anything
is written (all problems at once, like any form); each key whose value really changes is
written in one transaction with one audit row holding its value before and after.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.actions.staff import verify_supervisor
from service_desk.domain import validation as v
from service_desk.domain.validation import Problem
from service_desk.store import settings

NAME_MAX = 60
ADDRESS_MAX = 120
TEXT_MAX = 1000
MAX_FEN = 10_000_000  # ¥100,000.00
MAX_BP = 10_000  # 100 %
MAX_MINUTES = 1440  # one day
MAX_KM = 200_000  # a guarantee or comeback distance
MAX_DAYS = 3650  # ten years
MAX_DIFF_KM = 1000  # driven between check-in and release
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
# The legal texts printed on the forms; only the guarantee terms may not be left empty.
TEXT_KEYS = (
    "guarantee_terms",
    "clause_customer_parts",
    "clause_aftermarket_critical",
    "clause_item_pricing",
    "clause_symptom_pricing",
    "clause_estimate",
)

_PREFIX = re.compile(r"[A-Z]{2}\Z")
_FACE = re.compile(r"#[0-9]+\Z")  # a face of a font collection: simsun.ttc#1

Check = Callable[[str, Any], tuple[Any, Problem | None]]


def current(ctx: Ctx) -> dict[str, Any]:
    """Every setting, with the default where the dealer has not set one."""
    stored = {r["key"]: r["value"] for r in ctx.db.query("SELECT key, value FROM settings")}
    return {
        key: json.loads(stored[key]) if key in stored else default
        for key, default in settings.DEFAULTS.items()
    }


def validate(ctx: Ctx, changes: Mapping[str, object]) -> dict[str, Any]:
    """The values as they would be stored, only those that differ from the current ones.

    Raises ActionError("settings.unknown") for a key that is not a setting and
    ValidationError listing every problem. Writes nothing and needs no PIN, so a form can
    be checked before a supervisor is called over.
    """
    _refuse_unknown(changes)
    clean = _clean(changes)
    now = current(ctx)
    return {key: value for key, value in clean.items() if now[key] != value}


def update_settings(
    ctx: Ctx, changes: Mapping[str, object], supervisor_id: int, pin: str
) -> list[str]:
    """Write the changed settings; a supervisor approves with the PIN. Returns changed keys."""
    ctx.actor()
    _refuse_unknown(changes)
    supervisor = verify_supervisor(ctx, supervisor_id, pin)
    clean = _clean(changes)
    changed: list[str] = []
    with ctx.transaction() as db:
        before = current(ctx)
        for key, value in clean.items():
            if before[key] == value:
                continue
            settings.put(db, key, value)
            audit(
                ctx,
                "setting",
                None,
                "update",
                {"key": key, "value": before[key]},
                {"key": key, "value": value, "entered_by": ctx.user_id},
                staff_id=supervisor["id"],
            )
            changed.append(key)
    return changed


def _refuse_unknown(changes: Mapping[str, object]) -> None:
    unknown = [key for key in changes if key not in _CHECKS]
    if unknown:
        raise ActionError("settings.unknown", unknown[0], key=", ".join(map(str, unknown)))


def _clean(changes: Mapping[str, object]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in changes.items():
        normalized, problem = _CHECKS[key](key, value)
        if problem is None:
            clean[key] = normalized
        else:
            problems.append(problem)
    v.raise_if_errors(problems)
    return clean


# --- one check per setting: (value as stored, problem or None) ------------------------------


def _problem(key: str, code: str, **params: object) -> Problem:
    return Problem(key, code, params=tuple(params.items()))


def _line(key: str, value: object, max_len: int, required: bool) -> tuple[Any, Problem | None]:
    """One line of text (no newlines, no other control characters)."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.strip()
    if not text and not required:
        return "", None
    return text, v.check_name(text, key, max_len)


def _dealer_name(key: str, value: object) -> tuple[Any, Problem | None]:
    return _line(key, value, NAME_MAX, required=True)


def _dealer_address(key: str, value: object) -> tuple[Any, Problem | None]:
    return _line(key, value, ADDRESS_MAX, required=False)


def _dealer_phone(key: str, value: object) -> tuple[Any, Problem | None]:
    """Kept as typed (0553-5821234 reads better on the header than 05535821234)."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = " ".join(value.split())
    return text, (v.check_phone(text, key) if text else None)


def _dealer_tax_number(key: str, value: object) -> tuple[Any, Problem | None]:
    """Stored as the licence prints it: capitals, no spaces; empty: none printed."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    problem = v.check_credit_code(value, key)
    return (value.strip() if problem else v.normalize_credit_code(value)), problem


def _file(
    key: str, value: object, suffixes: tuple[str, ...], code: str, face: bool = False
) -> tuple[Any, Problem | None]:
    """Empty, or an existing file of the right kind, stored as an absolute path."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.strip().strip('"').strip()  # Windows "Copy as path" adds the quotes
    if not text:
        return "", None
    problem = v.check_name(text, key, 1000)
    if problem is not None:
        return text, problem
    suffix = _FACE.search(text) if face else None
    path = text[: suffix.start()] if suffix else text
    if Path(path).suffix.lower() not in suffixes:
        return text, _problem(key, code)
    if not Path(path).is_file():
        return text, _problem(key, "file.missing")
    return os.path.abspath(path) + (suffix.group() if suffix else ""), None


def _dealer_logo(key: str, value: object) -> tuple[Any, Problem | None]:
    return _file(key, value, LOGO_SUFFIXES, "logo.type")


def _print_font(key: str, value: object) -> tuple[Any, Problem | None]:
    return _file(key, value, FONT_SUFFIXES, "font.type", face=True)


def _backup_mirror(key: str, value: object) -> tuple[Any, Problem | None]:
    """A folder that exists now (the stick is in, the share reachable); empty: none."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.strip().strip('"').strip()
    if not text:
        return "", None
    problem = v.check_name(text, key, 1000)
    if problem is not None:
        return text, problem
    if not Path(text).is_dir():
        return text, _problem(key, "folder.missing")
    return os.path.abspath(text), None


def _order_prefix(key: str, value: object) -> tuple[Any, Problem | None]:
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.strip()
    if text.isascii():
        text = text.upper()
    return text, (None if _PREFIX.match(text) else _problem(key, "prefix.format"))


def _whole(code: str, top: int, bottom: int = 0) -> Check:
    def check(key: str, value: object) -> tuple[Any, Problem | None]:
        if type(value) is not int:  # bool is an int too, and no setting is a bool
            return value, _problem(key, "number.format")
        if not bottom <= value <= top:
            return value, _problem(key, code, min=bottom, max=top)
        return value, None

    return check


def _timezone(key: str, value: object) -> tuple[Any, Problem | None]:
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return text, _problem(key, "timezone.unknown")
    return text, None


def _legal_text(key: str, value: object) -> tuple[Any, Problem | None]:
    """Several lines allowed; Windows line ends become plain newlines."""
    if not isinstance(value, str):
        return value, _problem(key, "value.type")
    text = value.replace("\r\n", "\n").strip()
    return text, v.check_text(text, key, TEXT_MAX, required=key == "guarantee_terms")


_CHECKS: dict[str, Check] = {
    "order_prefix": _order_prefix,
    "timezone": _timezone,
    "labour_rate_fen": _whole("amount.range", MAX_FEN),
    "diagnosis_fee_fen": _whole("amount.range", MAX_FEN),
    "symptom_margin_bp": _whole("percent.range", MAX_BP),
    "promise_margin_minutes": _whole("minutes.range", MAX_MINUTES),
    "key_cabinet_hooks": _whole("hooks.range", 500, bottom=1),
    "key_out_alert_hours": _whole("hours.range", 72, bottom=1),
    "appointment_capacity_per_day": _whole("capacity.range", 200, bottom=1),
    "appointment_slot_minutes": _whole("slot.range", 240, bottom=10),
    "guarantee_major_km": _whole("km.range", MAX_KM),
    "guarantee_major_days": _whole("days.range", MAX_DAYS, bottom=1),
    "guarantee_maintenance_km": _whole("km.range", MAX_KM),
    "guarantee_maintenance_days": _whole("days.range", MAX_DAYS, bottom=1),
    "guarantee_minor_km": _whole("km.range", MAX_KM),
    "guarantee_minor_days": _whole("days.range", MAX_DAYS, bottom=1),
    "comeback_days": _whole("days.range", MAX_DAYS, bottom=1),
    "comeback_km": _whole("km.range", MAX_KM),
    "release_odometer_diff_km": _whole("diff_km.range", MAX_DIFF_KM),
    "release_fuel_drop_eighths": _whole("eighths.range", 8),
    "dealer_name": _dealer_name,
    "dealer_address": _dealer_address,
    "dealer_phone": _dealer_phone,
    "dealer_logo": _dealer_logo,
    "dealer_tax_number": _dealer_tax_number,
    "print_font": _print_font,
    "backup_mirror_dir": _backup_mirror,
    **dict.fromkeys(TEXT_KEYS, _legal_text),
}
