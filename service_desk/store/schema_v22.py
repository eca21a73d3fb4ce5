"""Schema of migration 022: a two-character index for the search box.

The full-text index (search_fts, trigrams) needs three characters. One or two — a
two-character Chinese name (陈斌), a plate fragment (P4, V7) — were looked for with LIKE
over every customer name and phone and every plate: ~20 ms each on ten years of data,
the tail of search as you type. ``search_pairs`` holds every pair of neighbouring
characters of those columns (lower-case, so that LIKE's ASCII case folding is kept) and
the last character alone, by the record's kind: a two-character fragment is one index
range, newest first; a one-character fragment the range of the pairs that start with it
(among the records of its kind only: every plate starts with a letter after 皖).
Kept by the triggers below (customers and cars are never deleted).

kind: 1 customers (name, phone), 2 vehicles (plate) — the kinds of search_fts.
"""

MAX_LENGTH = 64  # longer than any name, phone or plate the CHECKs allow

STATEMENTS = [
    """CREATE TABLE search_pairs (
        kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
        pair TEXT NOT NULL,
        id INTEGER NOT NULL,
        PRIMARY KEY (kind, pair, id)
    ) WITHOUT ROWID""",
    "CREATE TABLE search_positions (n INTEGER PRIMARY KEY)",
    "WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < "
    f"{MAX_LENGTH}) INSERT INTO search_positions SELECT n FROM p",
]


def _pairs(kind: int, id_: str, text: str) -> str:
    """INSERT of the pairs of ``text`` (an SQL expression) for record ``id_``."""
    return (
        "INSERT OR IGNORE INTO search_pairs (kind, pair, id) "
        f"SELECT {kind}, lower(substr({text}, n, 2)), {id_} FROM search_positions "
        f"WHERE n <= length({text})"
    )


_COLUMNS = {1: ("customers", ("name", "phone")), 2: ("vehicles", ("plate",))}
for _kind, (_table, _cols) in _COLUMNS.items():
    for _col in _cols:  # the archive as it is
        STATEMENTS.append(
            f"INSERT OR IGNORE INTO search_pairs (kind, pair, id) "
            f"SELECT {_kind}, lower(substr(t.{_col}, p.n, 2)), t.id FROM {_table} t "
            f"JOIN search_positions p ON p.n <= length(t.{_col})"
        )
    inserts = "; ".join(_pairs(_kind, "NEW.id", f"NEW.{c}") for c in _cols)
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_pairs_ins AFTER INSERT ON {_table} BEGIN {inserts}; END"
    )
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_pairs_upd AFTER UPDATE OF {', '.join(_cols)} ON {_table} "
        f"BEGIN DELETE FROM search_pairs WHERE kind = {_kind} AND id = OLD.id; {inserts}; END"
    )
