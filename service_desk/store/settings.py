"""Business settings live in the database (backups carry them); defaults are declared here."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

DEFAULTS: dict[str, Any] = {
    "order_prefix": "WX",
    "timezone": "Asia/Shanghai",
    "labour_rate_fen": 12000,
    "diagnosis_fee_fen": 5000,
    "symptom_margin_bp": 1500,
    "promise_margin_minutes": 60,
}


def get(db: sqlite_utils.Database, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return DEFAULTS[key] if row is None else json.loads(row[0])


def put(db: sqlite_utils.Database, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )
