"""Schema of migration 017: the contact log (R3) — every call, message or letter to a
customer, with why it was made and how it ended.

- contacts: one row per contact: the customer (and the car it was about, when one), when,
  who at the counter, the channel (phone, WeChat, SMS, letter, in person), the purpose
  (service due, declined work, a call back the customer asked for, a campaign, a reminder
  or invitation letter, other), the campaign it belongs to (campaign_id, the campaigns of
  migration 018; no foreign key since that table comes later, the action checks it), and
  the outcome code:
    booked          the customer booked: appointment_id is the appointment made
    call_back       call again: call_back_at is when the customer asked to be called
    not_interested  reached, does not want it (not called for the same reason for a while)
    sold_car        the customer sold the car (the car is not called about again)
    wrong_number    the number is wrong (the customer is not called until it is mended)
    complaint       the customer complained: complaint_id is the complaint logged
    no_answer       nobody answered (try again later)
    sent            a letter or message went out (no answer yet)
  plus a free note. The database refuses an outcome its channel cannot have (a letter is
  only sent; nobody fails to answer a message or a visit; a complaint is taken by phone or
  in person) and "sold the car" without the car. Written once, never changed; nothing is
  ever deleted.

The vocabularies below are frozen copies of domain/contacts.py as of this migration.
"""

CHANNELS = ("phone", "wechat", "sms", "letter", "in_person")
PURPOSES = ("service_due", "declined_work", "call_back", "campaign", "letter", "other")
OUTCOMES = (
    "booked",
    "call_back",
    "not_interested",
    "sold_car",
    "wrong_number",
    "complaint",
    "no_answer",
    "sent",
)
NOTE_MAX = 2000


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


STATEMENTS = [
    f"""CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        channel TEXT NOT NULL CHECK (channel IN {_in(CHANNELS)}),
        purpose TEXT NOT NULL CHECK (purpose IN {_in(PURPOSES)}),
        campaign_id INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN {_in(OUTCOMES)}),
        call_back_at TEXT,
        appointment_id INTEGER UNIQUE REFERENCES appointments(id),
        complaint_id INTEGER UNIQUE REFERENCES complaints(id),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= {NOTE_MAX}),
        CHECK ((purpose = 'campaign') = (campaign_id IS NOT NULL)),
        CHECK ((outcome = 'call_back') = (call_back_at IS NOT NULL)),
        CHECK (call_back_at IS NULL OR call_back_at > at),
        CHECK ((outcome = 'booked') = (appointment_id IS NOT NULL)),
        CHECK ((outcome = 'complaint') = (complaint_id IS NOT NULL)),
        CHECK (outcome <> 'sent' OR channel IN ('letter', 'sms', 'wechat')),
        CHECK (channel <> 'letter' OR outcome = 'sent'),
        CHECK (outcome <> 'no_answer' OR channel = 'phone'),
        CHECK (outcome <> 'wrong_number' OR channel IN ('phone', 'wechat', 'sms')),
        CHECK (outcome <> 'complaint' OR channel IN ('phone', 'in_person')),
        CHECK (outcome <> 'sold_car' OR vehicle_id IS NOT NULL)
    )""",
    "CREATE INDEX contacts_customer ON contacts(customer_id, at)",
    "CREATE INDEX contacts_vehicle ON contacts(vehicle_id, at)",
    "CREATE INDEX contacts_call_back ON contacts(outcome, call_back_at)",
    "CREATE INDEX contacts_at ON contacts(at)",
    "CREATE INDEX contacts_campaign ON contacts(campaign_id) WHERE campaign_id IS NOT NULL",
    "CREATE TRIGGER contacts_no_update BEFORE UPDATE ON contacts "
    "BEGIN SELECT RAISE(ABORT, 'contacts is append-only'); END",
    "CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts "
    "BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END",
]
