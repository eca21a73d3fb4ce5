"""Rules of the vehicle check-in (R8) and of handing belongings back at pickup (R13/R14).

Plain Python, no Qt and no SQL. Checks return ``Problem``s (domain/validation.py) whose
``field`` names the place on the check-in desk: "checklist.<item>", "fuel", "odometer",
"document.<code>", "belongings.<n>", "box_no", "receiver_name" …
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from service_desk.domain import car_outline
from service_desk.domain.clock import round_to_ten_minutes as round_to_ten_minutes
from service_desk.domain.validation import Problem, check_name, check_text

# --- fuel ------------------------------------------------------------------------------

FUEL_UNITS = ("eighths", "percent")
EIGHTHS = ("E", "1/8", "1/4", "3/8", "1/2", "5/8", "3/4", "7/8", "F")
_FUEL_WORDS = {"E": 0, "EMPTY": 0, "空": 0, "F": 8, "FULL": 8, "满": 8}


@dataclass(frozen=True)
class Fuel:
    """The fuel gauge (or the battery of an EV) as it reads: eighths 0..8 or percent."""

    unit: str
    value: int

    @property
    def fraction(self) -> float:
        return self.value / (8 if self.unit == "eighths" else 100)

    def label(self) -> str:
        """'3/8', 'E', 'F' or '45%'."""
        if self.unit == "eighths" and 0 <= self.value <= 8:
            return EIGHTHS[self.value]
        return f"{self.value}%"


def check_fuel(fuel: Fuel | None) -> Problem | None:
    if fuel is None:
        return Problem("fuel", "fuel.required")
    if fuel.unit not in FUEL_UNITS:
        return Problem("fuel", "fuel.unit")
    top = 8 if fuel.unit == "eighths" else 100
    if isinstance(fuel.value, bool) or not 0 <= fuel.value <= top:
        return Problem("fuel", "fuel.range", params=(("max", top),))
    return None


def parse_fuel(text: str) -> Fuel | None:
    """What the advisor reads off the gauge: 'E', '3/8', '1/2', 'F', '45%'; None if unclear.

    Quarters become eighths (1/4 -> 2/8); full-width digits and '％' are accepted."""
    value = unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")
    if value in _FUEL_WORDS:
        return Fuel("eighths", _FUEL_WORDS[value])
    percent = re.fullmatch(r"([0-9]{1,3})%", value)
    if percent:
        return Fuel("percent", int(percent[1]))
    fraction = re.fullmatch(r"([0-9])/([248])", value)
    if fraction:
        eighths = int(fraction[1]) * 8 // int(fraction[2])
        if int(fraction[1]) * 8 % int(fraction[2]) == 0 and 0 <= eighths <= 8:
            return Fuel("eighths", eighths)
    return None


# --- checklist -------------------------------------------------------------------------

RESULTS = ("ok", "anomaly")
NOTE_MAX = 200


@dataclass(frozen=True)
class ChecklistEntry:
    item_code: str
    result: str  # one of RESULTS
    note: str = ""


def check_checklist(entries: Iterable[ChecklistEntry], known: Iterable[str]) -> list[Problem]:
    """Each item once, a known item, OK or anomaly; an anomaly says what is wrong."""
    known_codes = set(known)
    seen: set[str] = set()
    problems: list[Problem] = []
    for entry in entries:
        field = f"checklist.{entry.item_code}"
        if entry.item_code not in known_codes:
            problems.append(Problem("checklist", "checklist.unknown_item"))
            continue
        if entry.item_code in seen:
            problems.append(Problem(field, "checklist.duplicate"))
            continue
        seen.add(entry.item_code)
        if entry.result not in RESULTS:
            problems.append(Problem(field, "checklist.result"))
            continue
        note = check_text(entry.note, field, NOTE_MAX)
        if note:
            problems.append(note)
        elif entry.result == "anomaly" and not entry.note.strip():
            problems.append(Problem(field, "checklist.note_required"))
    return problems


# --- damage marks ----------------------------------------------------------------------

DAMAGE_CODES = ("scratch", "dent", "crack", "chip", "missing")
# Printed names (the screen translates its own).
DAMAGE_NAMES = {
    "scratch": ("划痕", "Scratch"),
    "dent": ("凹陷", "Dent"),
    "crack": ("裂纹", "Crack"),
    "chip": ("掉漆", "Paint chip"),
    "missing": ("缺失", "Missing"),
}
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".heic", ".webp")
PHOTO_PATH_MAX = 500


def check_mark(view: str, x: float, y: float, code: str, note: str, photo: str) -> list[Problem]:
    problems: list[Problem] = []
    if view not in car_outline.VIEWS:
        problems.append(Problem("mark", "mark.view"))
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        problems.append(Problem("mark", "mark.position"))
    if code not in DAMAGE_CODES:
        problems.append(Problem("mark_code", "mark.code"))
    text = check_text(note, "mark_note", NOTE_MAX)
    if text:
        problems.append(text)
    photo = photo.strip()
    if photo:
        if len(photo) > PHOTO_PATH_MAX:
            problems.append(Problem("photo", "text.too_long", params=(("max", PHOTO_PATH_MAX),)))
        elif not photo.lower().endswith(PHOTO_SUFFIXES):
            problems.append(Problem("photo", "photo.type"))
    return problems


# --- documents -------------------------------------------------------------------------

PURPOSES = ("second_level", "annual_inspection")


@dataclass(frozen=True)
class DocumentCheck:
    """One document that came (or should have come) with the car."""

    code: str
    received: bool = False
    valid: bool = False
    complete: bool = False
    intact: bool = False
    note: str = ""
    customer_signed: bool = False  # the customer signed the recorded discrepancy

    def normalized(self, required: bool) -> DocumentCheck:
        """A document not received cannot be valid, complete or intact; a signature only
        counts for a discrepancy."""
        check = self if self.received else replace(self, valid=False, complete=False, intact=False)
        check = replace(check, note=check.note.strip())
        if not is_discrepancy(check, required):
            check = replace(check, customer_signed=False)
        return check


def is_discrepancy(check: DocumentCheck, required: bool) -> bool:
    """Received but not valid, complete and intact; or required and not received."""
    if check.received:
        return not (check.valid and check.complete and check.intact)
    return required


def required_documents(
    conditions: Mapping[str, Sequence[str]], repair_category: str | None, purposes: Iterable[str]
) -> set[str]:
    """Codes of the documents this visit needs. conditions: code -> its required_for list
    (reference.DocumentType.required_for): "always", a purpose, or a repair category."""
    applies = {"always", *purposes}
    if repair_category:
        applies.add(repair_category)
    return {code for code, needed in conditions.items() if applies.intersection(needed)}


def check_documents(
    checks: Iterable[DocumentCheck], required: set[str], known: Iterable[str]
) -> list[Problem]:
    """Every discrepancy is written down and signed by the customer."""
    known_codes = set(known)
    problems: list[Problem] = []
    seen: set[str] = set()
    for check in checks:
        field = f"document.{check.code}"
        if check.code not in known_codes:
            problems.append(Problem("documents", "document.unknown"))
            continue
        if check.code in seen:
            problems.append(Problem(field, "document.duplicate"))
            continue
        seen.add(check.code)
        text = check_text(check.note, field, NOTE_MAX)
        if text:
            problems.append(text)
            continue
        if is_discrepancy(check, check.code in required):
            if not check.note.strip():
                problems.append(Problem(field, "document.note_required"))
            elif not check.customer_signed:
                problems.append(Problem(field, "document.signature_required"))
    return problems


def check_purposes(purposes: Iterable[str]) -> list[Problem]:
    return [Problem("purposes", "purpose.unknown") for p in purposes if p not in PURPOSES]


# --- belongings ------------------------------------------------------------------------

MAX_QTY = 99
NAME_MAX = 40
BOX_MAX = 10
_BOX_RE = re.compile(rf"[0-9A-Z][0-9A-Z-]{{0,{BOX_MAX - 1}}}")


@dataclass(frozen=True)
class BelongingInput:
    """One line of the belongings list: a catalogue item (item_code) or a free entry."""

    name: str
    qty: int = 1
    item_code: str | None = None
    id: int | None = None  # the stored line it edits, None for a new line


def normalize_box(text: str) -> str:
    """'１２' -> '12', ' a-3 ' -> 'A-3': half-width, capitals, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def check_box(box: str, needed: bool) -> Problem | None:
    value = normalize_box(box)
    if not value:
        return Problem("box_no", "box.required") if needed else None
    if not _BOX_RE.fullmatch(value):
        return Problem("box_no", "box.format", params=(("max", BOX_MAX),))
    return None


def belonging_key(item: BelongingInput) -> str:
    return item.item_code or " ".join(item.name.split()).casefold()


def check_belongings(items: Sequence[BelongingInput], box: str) -> list[Problem]:
    """Each line named once with a quantity 1..99; things in the car need a box number."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        field = f"belongings.{index}"
        name = check_name(item.name, field, NAME_MAX)
        if name:
            problems.append(name)
            continue
        if isinstance(item.qty, bool) or not 1 <= item.qty <= MAX_QTY:
            problems.append(Problem(field, "belongings.qty_range", params=(("max", MAX_QTY),)))
        key = belonging_key(item)
        if key in seen:
            problems.append(Problem(field, "belongings.duplicate"))
        seen.add(key)
    box_problem = check_box(box, needed=bool(items))
    if box_problem:
        problems.append(box_problem)
    return problems


@dataclass(frozen=True)
class ReturnLine:
    item_id: int
    name: str
    qty: int
    returned: int

    @property
    def missing(self) -> int:
        return self.qty - self.returned


@dataclass(frozen=True)
class Reconciliation:
    """The belongings list ticked back at pickup: what came back, what is missing."""

    lines: tuple[ReturnLine, ...]

    @property
    def missing(self) -> tuple[ReturnLine, ...]:
        return tuple(line for line in self.lines if line.missing > 0)

    @property
    def complete(self) -> bool:
        return not self.missing


def reconcile(
    items: Sequence[tuple[int, str, int]], returned: Mapping[int, int], note: str = ""
) -> tuple[Reconciliation, list[Problem]]:
    """items: (id, name, qty) of the list; returned: id -> quantity handed back. A line not
    ticked back counts as not returned: it is recorded missing, never dropped; anything
    missing needs a note (what happened, what was agreed)."""
    problems: list[Problem] = []
    known = {item_id for item_id, _n, _q in items}
    for item_id in returned:
        if item_id not in known:
            problems.append(Problem("returned", "return.unknown_item"))
    lines = []
    for item_id, name, qty in items:
        count = returned.get(item_id, 0)
        if isinstance(count, bool) or not 0 <= count <= qty:
            problems.append(
                Problem(f"returned.{item_id}", "return.qty_range", params=(("max", qty),))
            )
            count = max(0, min(qty, int(count)))
        lines.append(ReturnLine(item_id, name, qty, count))
    result = Reconciliation(tuple(lines))
    text = check_text(note, "return_note", 500)
    if text:
        problems.append(text)
    elif result.missing and not note.strip():
        problems.append(Problem("return_note", "return.note_required"))
    return result, problems


# --- workshop receiver -----------------------------------------------------------------

RECEIVER_SLACK = dt.timedelta(minutes=10)


def check_receiver(
    name: str, at: dt.datetime | None, now: dt.datetime, signed_at: dt.datetime | None
) -> list[Problem]:
    """The workshop receiver signs with their name and the time they took the car."""
    problems: list[Problem] = []
    text = check_name(name, "receiver_name", 60)
    if text:
        problems.append(text)
    if at is None:
        problems.append(Problem("receiver_at", "receiver.time_required"))
    elif at > now + RECEIVER_SLACK:
        problems.append(Problem("receiver_at", "receiver.future"))
    elif signed_at is not None and at < signed_at.replace(second=0, microsecond=0):
        problems.append(Problem("receiver_at", "receiver.before_signed"))
    return problems


# --- completing the check-in -----------------------------------------------------------


@dataclass(frozen=True)
class CheckInFacts:
    """What the guard needs to know before the order becomes checked in."""

    unchecked_items: int
    fuel_recorded: bool
    odometer_recorded: bool
    documents_recorded: bool
    open_discrepancies: int
    belongings_recorded: bool
    belongings_without_box: bool


def check_complete(facts: CheckInFacts) -> list[Problem]:
    """Everything R8 asks for is on record: the walk-around, fuel and odometer, the
    documents (every discrepancy signed) and the belongings counted into their box."""
    problems: list[Problem] = []
    if facts.unchecked_items:
        problems.append(
            Problem(
                "checklist",
                "checkin.checklist_incomplete",
                params=(("count", facts.unchecked_items),),
            )
        )
    if not facts.fuel_recorded:
        problems.append(Problem("fuel", "fuel.required"))
    if not facts.odometer_recorded:
        problems.append(Problem("odometer", "odometer.required"))
    if not facts.documents_recorded:
        problems.append(Problem("documents", "checkin.documents_required"))
    elif facts.open_discrepancies:
        problems.append(Problem("documents", "document.signature_required"))
    if not facts.belongings_recorded:
        problems.append(Problem("belongings", "checkin.belongings_required"))
    elif facts.belongings_without_box:
        problems.append(Problem("box_no", "box.required"))
    return problems
