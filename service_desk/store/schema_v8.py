"""Schema of migration 008: the order keeps the suggested delivery time beside the
promised one (R7: the advisor may override the suggestion; both are kept)."""

STATEMENTS = [
    "ALTER TABLE repair_orders ADD COLUMN promised_suggested_at TEXT",
]
