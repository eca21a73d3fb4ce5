"""Pricing of order lines in integer fen, by estimate mode (R6).

- system (系统估价): priced by the vehicle system(s) the fault involves;
- symptom (现象估价): priced to remove a symptom; carries a risk margin;
- item (项目定价): by actual labour; the customer is told quality may not be guaranteed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

KINDS = ("labour", "part", "fee")
MODES = ("system", "symptom", "item")
PARTS_SOURCES = ("dealer", "customer")
PART_QUALITIES = ("genuine", "aftermarket")
PAYERS = ("customer", "warranty", "internal")

MAX_QTY_MILLI = 1_000_000
MAX_MARGIN_BP = 10_000
MAX_PRICE_FEN = 1_000_000_000  # ¥10,000,000 a unit: more is a typing slip
# Plain decimal notation only: no exponent ("1e3"), "_" or non-ASCII digits.
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")


class PricingError(ValueError):
    def __init__(self, field: str, code: str):
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


def parse_qty(text: str) -> int:
    """'1' / '4.2' / '0.5' -> thousandths (1000 / 4200 / 500)."""
    cleaned = text.strip().replace("．", ".")
    if not _PLAIN.match(cleaned):
        raise PricingError("qty", "qty.format")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise PricingError("qty", "qty.format") from exc
    if not value.is_finite() or value <= 0:
        raise PricingError("qty", "qty.positive")
    with localcontext(prec=len(cleaned) + 4):  # exact: no rounding of long inputs
        milli = value * 1000
    if milli != milli.to_integral_value():
        raise PricingError("qty", "qty.precision")
    if milli > MAX_QTY_MILLI:
        raise PricingError("qty", "qty.too_large")
    return int(milli)


def format_qty(milli: int) -> str:
    text = f"{Decimal(milli) / 1000:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def base_amount(qty_milli: int, unit_price_fen: int) -> int:
    """Quantity × unit price, rounded half up to the fen."""
    return (qty_milli * unit_price_fen + 500) // 1000


def line_amount(qty_milli: int, unit_price_fen: int, mode: str, risk_margin_bp: int = 0) -> int:
    """The amount of one line; the symptom mode adds its risk margin (basis points)."""
    if mode not in MODES:
        raise PricingError("mode", "mode.unknown")
    if mode != "symptom" and risk_margin_bp:
        raise PricingError("risk_margin", "margin.only_symptom")
    if not 0 <= risk_margin_bp <= MAX_MARGIN_BP:
        raise PricingError("risk_margin", "margin.range")
    if not 0 < qty_milli <= MAX_QTY_MILLI:
        raise PricingError("qty", "qty.positive")
    if unit_price_fen < 0:
        raise PricingError("unit_price", "price.negative")
    if unit_price_fen > MAX_PRICE_FEN:
        raise PricingError("unit_price", "price.too_large")
    base = base_amount(qty_milli, unit_price_fen)
    return base + (base * risk_margin_bp + 5000) // 10000


@dataclass(frozen=True)
class LineDraft:
    """One labour, part or fee line as the advisor enters it, validated on creation."""

    kind: str
    description: str
    mode: str
    qty_milli: int
    unit_price_fen: int
    payer: str = "customer"
    risk_margin_bp: int = 0
    system_code: str | None = None
    parts_source: str | None = None
    part_quality: str | None = None
    part_no: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise PricingError("kind", "kind.unknown")
        if not self.description.strip():
            raise PricingError("description", "description.required")
        if len(self.description) > 200:
            raise PricingError("description", "description.too_long")
        if self.payer not in PAYERS:
            raise PricingError("payer", "payer.unknown")
        if self.kind == "part":
            if self.parts_source not in PARTS_SOURCES:
                raise PricingError("parts_source", "parts_source.required")
            if self.part_quality not in PART_QUALITIES:
                raise PricingError("part_quality", "part_quality.required")
        elif self.parts_source is not None or self.part_quality is not None:
            raise PricingError("parts_source", "parts_source.only_parts")
        if self.mode == "system" and self.kind != "fee" and not self.system_code:
            raise PricingError("system", "system.required")
        line_amount(self.qty_milli, self.unit_price_fen, self.mode, self.risk_margin_bp)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> LineDraft:
        """The draft behind a stored order line (a dict with the order_lines columns)."""
        return cls(
            kind=row["kind"],
            description=row["description"],
            mode=row["mode"],
            qty_milli=row["qty_milli"],
            unit_price_fen=row["unit_price_fen"],
            payer=row["payer"],
            risk_margin_bp=row["risk_margin_bp"],
            system_code=row["system_code"],
            parts_source=row["parts_source"],
            part_quality=row["part_quality"],
            part_no=row["part_no"],
        )

    @property
    def amount_fen(self) -> int:
        return line_amount(self.qty_milli, self.unit_price_fen, self.mode, self.risk_margin_bp)


@dataclass(frozen=True)
class Totals:
    labour_fen: int = 0
    parts_fen: int = 0
    fees_fen: int = 0
    by_payer: dict[str, int] = field(default_factory=dict)

    @property
    def total_fen(self) -> int:
        return self.labour_fen + self.parts_fen + self.fees_fen

    @property
    def customer_fen(self) -> int:
        return self.by_payer.get("customer", 0)


def totals(lines: Iterable[LineDraft]) -> Totals:
    labour = parts = fees = 0
    by_payer = dict.fromkeys(PAYERS, 0)
    for line in lines:
        amount = line.amount_fen
        if line.kind == "labour":
            labour += amount
        elif line.kind == "part":
            parts += amount
        else:
            fees += amount
        by_payer[line.payer] += amount
    return Totals(labour, parts, fees, by_payer)


@dataclass(frozen=True)
class Clauses:
    """Which printed notices apply to an order (R6)."""

    customer_parts: bool = False  # customer-supplied parts: no quality guarantee
    aftermarket_critical: bool = False  # aftermarket part on a critical system
    item_pricing: bool = False  # item pricing: quality may not be guaranteed
    symptom_pricing: bool = False  # symptom pricing: risk margin explained

    @property
    def no_guarantee(self) -> bool:
        return self.customer_parts or self.aftermarket_critical


def clauses(lines: Iterable[LineDraft], critical_systems: set[str]) -> Clauses:
    customer_parts = aftermarket_critical = item = symptom = False
    for line in lines:
        if line.kind == "part" and line.parts_source == "customer":
            customer_parts = True
        if (
            line.kind == "part"
            and line.part_quality == "aftermarket"
            and line.system_code in critical_systems
        ):
            aftermarket_critical = True
        item = item or line.mode == "item"
        symptom = symptom or line.mode == "symptom"
    return Clauses(customer_parts, aftermarket_critical, item, symptom)
