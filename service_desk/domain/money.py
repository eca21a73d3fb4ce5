"""Money is integer fen (分). Parsing and formatting of yuan amounts."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_FEN = 1_000_000_000  # ¥10,000,000.00: above this a typo is far likelier than a price
# Plain decimal notation only: no exponent ("1e3"), sign, "_" or non-ASCII digits.
_PLAIN = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")


_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?\Z")


class MoneyError(ValueError):
    pass


def parse_yuan(text: str) -> int:
    """'128.5' / '¥1,280.00' / '１２８' -> fen. Raises MoneyError on anything else."""
    cleaned = (
        text.strip()
        .translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
        .replace("¥", "")
        .replace("￥", "")
        .replace("元", "")
        .strip()
    )
    if not cleaned:
        raise MoneyError("empty")
    if "," in cleaned:  # thousands separators only where they belong: 1,280.00
        if not _GROUPED.match(cleaned):
            raise MoneyError(text)
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.match(cleaned):
        raise MoneyError(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise MoneyError(text) from exc
    if not value.is_finite() or value < 0:
        raise MoneyError(text)
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise MoneyError(text)
    fen = int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))
    if fen > MAX_FEN:
        raise MoneyError(text)
    return fen


def format_yuan(fen: int, symbol: bool = True) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    text = f"{sign}{whole:,}.{cents:02d}"
    return f"¥{text}" if symbol else text
