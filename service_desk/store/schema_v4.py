"""Schema of migration 004: check-in (inspection, damage marks, documents, belongings)."""

STATEMENTS: list[str] = []
