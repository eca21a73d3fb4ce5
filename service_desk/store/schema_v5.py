"""Schema of migration 005: the key cabinet (keys, hooks, key events)."""

STATEMENTS: list[str] = []
