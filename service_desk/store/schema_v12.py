"""Schema of migration 012: the advisors' self-reviews (R19) and their printed form.

- self_reviews: an advisor's daily self-review (kind 'day', one day: period_end =
  period_start) or monthly summary (kind 'month', a whole calendar month): the figures
  prefilled from the records at the moment it was saved (a JSON object), then the
  advisor's own words — what went well, what to improve, the plan. An edit appends the
  next version (1, 2, 3 … with no gap) of the same (staff, kind, period_start); the
  highest version is the current one. Nothing is ever updated or deleted.
- print_log accepts the printed self-review 'self_review' (rebuilt as in 003).

The vocabularies below are frozen copies of domain/report.py as of this migration.
"""

from service_desk.store import schema_v3, schema_v11

REVIEW_KINDS = ("day", "month")
TEXT_MAX = 2000

FORM_KINDS = (*schema_v11.FORM_KINDS, "self_review")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _date(column: str) -> str:
    """An ISO date 'YYYY-MM-DD' that SQLite reads back unchanged ('+0 days' normalises
    2026-11-31 to 2026-12-01, so only a real day passes)."""
    return f"date({column}, '+0 days') IS {column}"


_TEXT = f"TEXT NOT NULL DEFAULT '' CHECK (length({{c}}) <= {TEXT_MAX})"

STATEMENTS = [
    f"""CREATE TABLE self_reviews (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        kind TEXT NOT NULL CHECK (kind IN {_in(REVIEW_KINDS)}),
        period_start TEXT NOT NULL CHECK ({_date("period_start")}),
        period_end TEXT NOT NULL CHECK ({_date("period_end")}),
        figures TEXT NOT NULL CHECK (json_valid(figures) AND json_type(figures) = 'object'),
        went_well {_TEXT.format(c="went_well")},
        to_improve {_TEXT.format(c="to_improve")},
        plan {_TEXT.format(c="plan")},
        saved_at TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        UNIQUE (staff_id, kind, period_start, version),
        CHECK ((kind = 'day' AND period_end = period_start)
               OR (kind = 'month' AND strftime('%d', period_start) = '01'
                   AND period_end = date(period_start, '+1 month', '-1 day')))
    )""",
    "CREATE INDEX self_reviews_period ON self_reviews(period_start, period_end)",
    # One current row per (staff, kind, period): each save is the next version, no gaps.
    """CREATE TRIGGER self_reviews_next_version BEFORE INSERT ON self_reviews
       WHEN NEW.version IS NOT 1 + coalesce((SELECT max(version) FROM self_reviews
            WHERE staff_id = NEW.staff_id AND kind = NEW.kind
              AND period_start = NEW.period_start), 0)
       BEGIN SELECT RAISE(ABORT, 'a self-review is saved as its next version'); END""",
    "CREATE TRIGGER self_reviews_no_update BEFORE UPDATE ON self_reviews "
    "BEGIN SELECT RAISE(ABORT, 'self_reviews is append-only'); END",
    "CREATE TRIGGER self_reviews_no_delete BEFORE DELETE ON self_reviews "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
    *schema_v3.rebuild(FORM_KINDS, "print_log_v11"),
]
