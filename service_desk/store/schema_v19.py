"""Schema of migration 019: warranty claims (索赔) and the first free service (首保), R19.

- warranty_claims: the dealer's claim to the manufacturer for the warranty lines of one
  order (order_lines.payer = 'warranty', extra work included once it is on the order),
  filed once the order is settled (settled, released or done) under the manufacturer's
  claim number (unique, upper case, 4..40 of A-Z 0-9 - / _). What was filed is kept as
  filed: the order, the number, the total of the order's active warranty lines at that
  moment (lines_fen, checked against the lines by the insert trigger), the amount
  claimed (1 fen .. lines_fen), when and by whom, and the note. State:
  submitted -> approved | rejected, approved -> paid; each step written once with when
  and who: the amount approved (1 fen .. claimed), the rejection's reason, the amount the
  manufacturer paid (1 fen .. approved; less is a shortfall). A rejected claim may be
  filed again: a new claim with its own number (refiles = the rejected one, same order).
  At most one live (not rejected) claim per order. Every change is also in the audit
  table; nothing is deleted.
- The first free service is not stored: it is derived from the vehicle (purchase date,
  its model's first_km / first_months in data/maintenance_cycles.json), its odometer
  readings and its first maintenance order (repair_category 'maintenance', settled,
  released or done, on or after the purchase date) — see domain/warranty.py and
  actions/warranty.py. Nothing has to be recorded at the counter and an upgraded
  database needs no back-filling; a first service done elsewhere shows as due, overdue
  and then lapsed, which is what the counter needs to know (the customer is called).

The vocabulary below is a frozen copy of domain/warranty.py as of this migration.
"""

STATES = ("submitted", "approved", "rejected", "paid")
CLAIMABLE_ORDER_STATES = ("settled", "released", "done")
TEXT_MAX = 500


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _moment(column: str, nullable: bool = True) -> str:
    check = f"julianday({column}) IS NOT NULL"
    return (
        f"{column} TEXT CHECK ({column} IS NULL OR {check})"
        if nullable
        else f"{column} TEXT NOT NULL CHECK ({check})"
    )


_FEN = "BETWEEN 1 AND 100000000000"
_NUMBER = (
    "length(claim_number) BETWEEN 4 AND 40 AND claim_number NOT GLOB '*[^0-9A-Z/_-]*'"
    " AND substr(claim_number, 1, 1) GLOB '[0-9A-Z]'"
)

STATEMENTS = [
    f"""CREATE TABLE warranty_claims (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        claim_number TEXT NOT NULL UNIQUE CHECK ({_NUMBER}),
        refiles INTEGER REFERENCES warranty_claims(id),
        state TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN {_in(STATES)}),
        lines_fen INTEGER NOT NULL CHECK (lines_fen {_FEN}),
        claimed_fen INTEGER NOT NULL CHECK (claimed_fen {_FEN}),
        approved_fen INTEGER CHECK (approved_fen IS NULL OR approved_fen {_FEN}),
        paid_fen INTEGER CHECK (paid_fen IS NULL OR paid_fen {_FEN}),
        {_moment("submitted_at", nullable=False)},
        submitted_by INTEGER NOT NULL REFERENCES staff(id),
        {_moment("approved_at")},
        approved_by INTEGER REFERENCES staff(id),
        {_moment("rejected_at")},
        rejected_by INTEGER REFERENCES staff(id),
        rejection_reason TEXT NOT NULL DEFAULT ''
            CHECK (length(rejection_reason) <= {TEXT_MAX}),
        {_moment("paid_at")},
        paid_by INTEGER REFERENCES staff(id),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= {TEXT_MAX}),
        updated_at TEXT NOT NULL,
        CHECK (claimed_fen <= lines_fen),
        CHECK (approved_fen IS NULL OR approved_fen <= claimed_fen),
        CHECK (paid_fen IS NULL OR paid_fen <= approved_fen),
        CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
        CHECK ((approved_at IS NULL) = (approved_fen IS NULL)),
        CHECK ((rejected_at IS NULL) = (rejected_by IS NULL)),
        CHECK ((rejected_at IS NULL) = (length(trim(rejection_reason)) = 0)),
        CHECK ((paid_at IS NULL) = (paid_by IS NULL)),
        CHECK ((paid_at IS NULL) = (paid_fen IS NULL)),
        CHECK ((state IN ('approved', 'paid')) = (approved_at IS NOT NULL)),
        CHECK ((state = 'rejected') = (rejected_at IS NOT NULL)),
        CHECK ((state = 'paid') = (paid_at IS NOT NULL)),
        CHECK (approved_at IS NULL OR julianday(approved_at) >= julianday(submitted_at)),
        CHECK (rejected_at IS NULL OR julianday(rejected_at) >= julianday(submitted_at)),
        CHECK (paid_at IS NULL OR julianday(paid_at) >= julianday(approved_at))
    )""",
    # One live claim per order: a rejected one leaves room for the claim filed again.
    "CREATE UNIQUE INDEX warranty_claims_live ON warranty_claims(order_id) "
    "WHERE state <> 'rejected'",
    "CREATE INDEX warranty_claims_order ON warranty_claims(order_id, id)",
    "CREATE INDEX warranty_claims_state ON warranty_claims(state, submitted_at)",
    # Filed as submitted, for a settled order, for its warranty lines as they are.
    f"""CREATE TRIGGER warranty_claims_filed BEFORE INSERT ON warranty_claims
       WHEN NEW.state <> 'submitted' OR NEW.approved_at IS NOT NULL
         OR NEW.rejected_at IS NOT NULL OR NEW.paid_at IS NOT NULL
         OR (SELECT state FROM repair_orders WHERE id = NEW.order_id)
            NOT IN {_in(CLAIMABLE_ORDER_STATES)}
         OR NEW.lines_fen IS NOT (SELECT sum(amount_fen) FROM order_lines
                                  WHERE order_id = NEW.order_id AND status = 'active'
                                    AND payer = 'warranty')
         OR (NEW.refiles IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM warranty_claims r WHERE r.id = NEW.refiles
                   AND r.order_id = NEW.order_id AND r.state = 'rejected'))
       BEGIN SELECT RAISE(ABORT, 'a claim is filed as submitted for a settled order'); END""",
    # What was filed stays as filed; a decision and a payment are written once.
    """CREATE TRIGGER warranty_claims_kept BEFORE UPDATE ON warranty_claims
       WHEN NEW.order_id IS NOT OLD.order_id OR NEW.claim_number IS NOT OLD.claim_number
         OR NEW.refiles IS NOT OLD.refiles OR NEW.lines_fen IS NOT OLD.lines_fen
         OR NEW.claimed_fen IS NOT OLD.claimed_fen OR NEW.submitted_at IS NOT OLD.submitted_at
         OR NEW.submitted_by IS NOT OLD.submitted_by OR NEW.note IS NOT OLD.note
         OR (OLD.approved_at IS NOT NULL AND (NEW.approved_at IS NOT OLD.approved_at
             OR NEW.approved_by IS NOT OLD.approved_by
             OR NEW.approved_fen IS NOT OLD.approved_fen))
       BEGIN SELECT RAISE(ABORT, 'a claim keeps what was filed and decided'); END""",
    # The state machine: submitted -> approved | rejected; approved -> paid; the rest final.
    """CREATE TRIGGER warranty_claims_moves BEFORE UPDATE ON warranty_claims
       WHEN NOT ((OLD.state = 'submitted' AND NEW.state IN ('approved', 'rejected'))
                 OR (OLD.state = 'approved' AND NEW.state = 'paid'))
       BEGIN SELECT RAISE(ABORT, 'illegal claim move'); END""",
    "CREATE TRIGGER warranty_claims_no_delete BEFORE DELETE ON warranty_claims "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
]
