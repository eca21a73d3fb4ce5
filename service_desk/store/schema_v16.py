"""Schema of migration 016: indexes for the customer-care figures of a period (R18):
follow-ups done and complaints received are selected by time like the other figures
(store/stats_queries.py), so they get their range indexes as migration 013 gave the
others."""

STATEMENTS = [
    "CREATE INDEX follow_ups_done_at ON follow_ups(done_at)",
    "CREATE INDEX complaints_received_at ON complaints(received_at)",
]
