"""Schema of migration 002: the print log, and where an order line came from.

- print_log: every printed form, who printed it, when, on which printer; copy_no > 0
  marks a reprint (副本).
- order_lines.origin: 'estimate' for lines agreed before signing, 'additional' for
  work added later (R11), which the supplementary repair order prints.
"""

FORM_KINDS = ("repair_order", "diagnosis", "exit_notice", "supplementary")

STATEMENTS = [
    f"""CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        order_id INTEGER REFERENCES repair_orders(id),
        form_kind TEXT NOT NULL CHECK (form_kind IN ({", ".join(f"'{k}'" for k in FORM_KINDS)})),
        copy_no INTEGER NOT NULL CHECK (copy_no >= 0),
        printer TEXT NOT NULL DEFAULT '' CHECK (length(printer) <= 200),
        pages INTEGER NOT NULL CHECK (pages >= 1),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id)
    )""",
    "CREATE INDEX print_log_order ON print_log(order_id, form_kind)",
    "CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log "
    "BEGIN SELECT RAISE(ABORT, 'print_log is append-only'); END",
    "CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
    "ALTER TABLE order_lines ADD COLUMN origin TEXT NOT NULL DEFAULT 'estimate' "
    "CHECK (origin IN ('estimate', 'additional'))",
]
