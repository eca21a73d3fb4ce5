"""Supervisor PINs, stored as salted PBKDF2 hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ITERATIONS = 120_000


class PinError(ValueError):
    pass


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise PinError("pin.format")


def hash_pin(pin: str, salt: str | None = None) -> tuple[str, str]:
    check_pin_format(pin)
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), ITERATIONS)
    return digest.hex(), salt


def verify_pin(pin: str, pin_hash: str | None, salt: str | None) -> bool:
    if not pin_hash or not salt or not pin:
        return False
    try:
        candidate, _ = hash_pin(pin, salt)
    except (PinError, ValueError):  # a malformed PIN or a damaged salt never matches
        return False
    return hmac.compare_digest(candidate, pin_hash)
