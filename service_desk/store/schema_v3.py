"""Schema of migration 003: the print log accepts the check-in desk's forms.

SQLite cannot change a CHECK constraint in place, so print_log is rebuilt with the
longer list of form kinds, its rows copied, its triggers and index recreated.
"""

FORM_KINDS = (
    "repair_order",
    "diagnosis",
    "exit_notice",
    "supplementary",
    "check_in_sheet",
    "belongings",
    "key_tag",
    "key_report",
)


def rebuild(kinds: tuple[str, ...], old_name: str) -> list[str]:
    """Statements that rebuild print_log accepting ``kinds`` (rows, index, triggers kept)."""
    kinds_sql = ", ".join(f"'{k}'" for k in kinds)
    return [
        "DROP TRIGGER print_log_no_update",
        "DROP TRIGGER print_log_no_delete",
        f"ALTER TABLE print_log RENAME TO {old_name}",
        f"""CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        order_id INTEGER REFERENCES repair_orders(id),
        form_kind TEXT NOT NULL CHECK (form_kind IN ({kinds_sql})),
        copy_no INTEGER NOT NULL CHECK (copy_no >= 0),
        printer TEXT NOT NULL DEFAULT '' CHECK (length(printer) <= 200),
        pages INTEGER NOT NULL CHECK (pages >= 1),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id)
    )""",
        f"INSERT INTO print_log SELECT * FROM {old_name}",
        f"DROP TABLE {old_name}",
        "CREATE INDEX print_log_order ON print_log(order_id, form_kind)",
        "CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log "
        "BEGIN SELECT RAISE(ABORT, 'print_log is append-only'); END",
        "CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log "
        "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
    ]


STATEMENTS = rebuild(FORM_KINDS, "print_log_v2")
