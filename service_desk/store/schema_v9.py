"""Schema of migration 009: settlements, discounts and payments (R14, R5).

- discounts: the advisor asks for a discount on the customer's share, either a fixed
  amount in fen or a percentage in basis points, with a reason; a supervisor approves or
  refuses it with their PIN. The request is never rewritten; the decision (who, when,
  and for an approval the amount in fen it was worth at that moment) is written once.
- payments: cash, bank card, WeChat Pay, Alipay or transfer; several per order.
- arrears_approvals: a supervisor lets an unpaid balance (欠收) out, with a note.
- settlements: one per order, the figures at the moment it was settled:
  total (customer share) - discount = paid + arrears.

The vocabularies below are frozen copies of domain/settlement.py as of this migration.
Append-only: nothing is ever deleted, and only a discount's decision is ever written later.
"""

DISCOUNT_STATES = ("requested", "approved", "refused")
METHODS = ("cash", "card", "wechat", "alipay", "transfer")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_FEN = "BETWEEN 0 AND 100000000000"

STATEMENTS = [
    f"""CREATE TABLE discounts (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen BETWEEN 1 AND 100000000000),
        percent_bp INTEGER CHECK (percent_bp IS NULL OR percent_bp BETWEEN 1 AND 10000),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
        requested_by INTEGER NOT NULL REFERENCES staff(id),
        requested_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'requested' CHECK (state IN {_in(DISCOUNT_STATES)}),
        decided_by INTEGER REFERENCES staff(id),
        decided_at TEXT,
        applied_fen INTEGER CHECK (applied_fen IS NULL OR applied_fen {_FEN}),
        CHECK ((amount_fen IS NULL) <> (percent_bp IS NULL)),
        CHECK ((state = 'requested') = (decided_by IS NULL)),
        CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
        CHECK ((state = 'approved') = (applied_fen IS NOT NULL))
    )""",
    "CREATE INDEX discounts_order ON discounts(order_id, id)",
    # Decided once: requested -> approved | refused; the request itself stays as asked.
    """CREATE TRIGGER discounts_kept BEFORE UPDATE ON discounts
       WHEN OLD.state <> 'requested'
         OR NEW.order_id IS NOT OLD.order_id OR NEW.amount_fen IS NOT OLD.amount_fen
         OR NEW.percent_bp IS NOT OLD.percent_bp OR NEW.reason IS NOT OLD.reason
         OR NEW.requested_by IS NOT OLD.requested_by
         OR NEW.requested_at IS NOT OLD.requested_at
       BEGIN SELECT RAISE(ABORT, 'a discount is decided once and never rewritten'); END""",
    # The decision is a supervisor's.
    """CREATE TRIGGER discounts_supervisor BEFORE UPDATE ON discounts
       WHEN (SELECT role FROM staff WHERE id = NEW.decided_by) IS NOT 'supervisor'
       BEGIN SELECT RAISE(ABORT, 'only a supervisor decides a discount'); END""",
    f"""CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        method TEXT NOT NULL CHECK (method IN {_in(METHODS)}),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 100000000000),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 100)
    )""",
    "CREATE INDEX payments_order ON payments(order_id, id)",
    """CREATE TABLE arrears_approvals (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES repair_orders(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 100000000000),
        supervisor_id INTEGER NOT NULL REFERENCES staff(id),
        at TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) BETWEEN 1 AND 500)
    )""",
    "CREATE INDEX arrears_approvals_order ON arrears_approvals(order_id, id)",
    """CREATE TRIGGER arrears_approvals_supervisor BEFORE INSERT ON arrears_approvals
       WHEN (SELECT role FROM staff WHERE id = NEW.supervisor_id) IS NOT 'supervisor'
       BEGIN SELECT RAISE(ABORT, 'only a supervisor lets arrears out'); END""",
    f"""CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        total_fen INTEGER NOT NULL CHECK (total_fen {_FEN}),
        discount_fen INTEGER NOT NULL CHECK (discount_fen {_FEN}),
        paid_fen INTEGER NOT NULL CHECK (paid_fen {_FEN}),
        arrears_fen INTEGER NOT NULL CHECK (arrears_fen {_FEN}),
        settled_at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        CHECK (total_fen - discount_fen = paid_fen + arrears_fen)
    )""",
]

for _table in ("payments", "arrears_approvals", "settlements"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_update BEFORE UPDATE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, '{_table} is append-only'); END"
    )
for _table in ("discounts", "payments", "arrears_approvals", "settlements"):
    STATEMENTS.append(
        f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
        f"BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END"
    )
