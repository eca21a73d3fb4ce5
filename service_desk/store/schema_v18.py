"""Schema of migration 018: customer groups and campaigns (R2), and the indexes that let a
group be counted over the whole archive.

- customer_groups: a saved segment of the archive: its name (unique among the groups in
  use), its criteria as a JSON object (domain/segments.py: models, vehicle age, visits
  and spend in the last 12 months, last visit, service due), a note, who saved it when.
  Its members are counted on the day asked, never stored. A group is never changed nor
  deleted: it is retired once (retired_at, by whom), and its name is free again.
- campaigns: a free inspection, promotion, service reminder or invitation aimed at a
  group: its name, kind, the group and the group's criteria as they were at the launch,
  the days it runs (valid_from .. valid_to, ISO dates), the offer (required for a free
  inspection or a promotion) and the text of its letters, who launched it when. It is
  ended early at most once (ended_at, by whom); nothing else of it changes.
- campaign_targets: the cars a campaign was launched on (the group's members that day)
  with their owner then, so its figures stay those of the cars it targeted whatever the
  archive becomes. Written once at the launch, never changed.

The letters of a run are contacts (migration 017: channel 'letter', outcome 'sent',
purpose 'campaign' with campaign_id, or 'letter' for a group's reminder letters); their
printing is in the print log ('letter', migration 020).

Indexes: vehicles by model and by purchase date (the model and age criteria), orders by
vehicle and creation time with their state (visits and last visit read from the index
alone). Spend goes through settlements_settled (migration 013).

The vocabularies below are frozen copies of domain/segments.py as of this migration.
"""

KINDS = ("free_inspection", "promotion", "service_reminder", "invitation")
NEEDS_OFFER = ("free_inspection", "promotion")
NAME_MAX = 60
NOTE_MAX = 200
OFFER_MAX = 200
LETTER_TEXT_MAX = 600


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _date(column: str) -> str:
    """An ISO date 'YYYY-MM-DD' that SQLite reads back unchanged (only a real day)."""
    return f"date({column}, '+0 days') IS {column}"


def _criteria(column: str) -> str:
    """A JSON object with at least one criterion."""
    return f"json_valid({column}) AND json_type({column}) = 'object' AND json({column}) <> '{{}}'"


STATEMENTS = [
    f"""CREATE TABLE customer_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND {NAME_MAX}),
        criteria TEXT NOT NULL CHECK ({_criteria("criteria")}),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= {NOTE_MAX}),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        retired_at TEXT,
        retired_by INTEGER REFERENCES staff(id),
        CHECK ((retired_at IS NULL) = (retired_by IS NULL))
    )""",
    "CREATE UNIQUE INDEX customer_groups_name ON customer_groups(name) WHERE retired_at IS NULL",
    # A group keeps what was saved; it is only retired, once.
    """CREATE TRIGGER customer_groups_kept BEFORE UPDATE ON customer_groups
       WHEN OLD.retired_at IS NOT NULL OR NEW.name IS NOT OLD.name
         OR NEW.criteria IS NOT OLD.criteria OR NEW.note IS NOT OLD.note
         OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
       BEGIN SELECT RAISE(ABORT, 'a customer group is kept as saved'); END""",
    f"""CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND {NAME_MAX}),
        kind TEXT NOT NULL CHECK (kind IN {_in(KINDS)}),
        group_id INTEGER NOT NULL REFERENCES customer_groups(id),
        criteria TEXT NOT NULL CHECK ({_criteria("criteria")}),
        valid_from TEXT NOT NULL CHECK ({_date("valid_from")}),
        valid_to TEXT NOT NULL CHECK ({_date("valid_to")}),
        offer TEXT NOT NULL DEFAULT '' CHECK (length(offer) <= {OFFER_MAX}),
        letter_text TEXT NOT NULL DEFAULT '' CHECK (length(letter_text) <= {LETTER_TEXT_MAX}),
        launched_at TEXT NOT NULL,
        launched_by INTEGER NOT NULL REFERENCES staff(id),
        ended_at TEXT,
        ended_by INTEGER REFERENCES staff(id),
        CHECK (valid_from <= valid_to),
        CHECK (kind NOT IN {_in(NEEDS_OFFER)} OR length(trim(offer)) > 0),
        CHECK ((ended_at IS NULL) = (ended_by IS NULL))
    )""",
    "CREATE INDEX campaigns_valid ON campaigns(valid_to, valid_from)",
    "CREATE INDEX campaigns_group ON campaigns(group_id)",
    # What was launched stays as launched; a campaign is ended once.
    """CREATE TRIGGER campaigns_kept BEFORE UPDATE ON campaigns
       WHEN OLD.ended_at IS NOT NULL OR NEW.name IS NOT OLD.name OR NEW.kind IS NOT OLD.kind
         OR NEW.group_id IS NOT OLD.group_id OR NEW.criteria IS NOT OLD.criteria
         OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_to IS NOT OLD.valid_to
         OR NEW.offer IS NOT OLD.offer OR NEW.letter_text IS NOT OLD.letter_text
         OR NEW.launched_at IS NOT OLD.launched_at OR NEW.launched_by IS NOT OLD.launched_by
       BEGIN SELECT RAISE(ABORT, 'a campaign is kept as launched'); END""",
    """CREATE TABLE campaign_targets (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        PRIMARY KEY (campaign_id, vehicle_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX campaign_targets_vehicle ON campaign_targets(vehicle_id)",
    "CREATE TRIGGER campaign_targets_no_update BEFORE UPDATE ON campaign_targets "
    "BEGIN SELECT RAISE(ABORT, 'campaign_targets is append-only'); END",
    "CREATE INDEX vehicles_model ON vehicles(model_code)",
    "CREATE INDEX vehicles_purchase ON vehicles(purchase_date)",
    "CREATE INDEX orders_vehicle_created ON repair_orders(vehicle_id, created_at, state)",
]

for _table in ("customer_groups", "campaigns", "campaign_targets"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
