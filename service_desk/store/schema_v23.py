"""Schema of migration 023: partial indexes of what is still open, for lists that ask
for the few open rows among ten years of closed ones.

- extra_work_waiting: the extra work waiting for the customer's answer (the Today
  board's column, read at every start): without it the board stepped through all
  45,000 extra work items of ten years by report time to find none (27 ms of the start).
- keys_at_dealer: the keys not yet handed back (the key cabinet's end-of-day check):
  ``state <> 'returned'`` cannot use the index on state, so it read all 400,000 keys
  (150 ms at the key cabinet's first show).
"""

STATEMENTS = [
    "CREATE INDEX extra_work_waiting ON extra_work(reported_at, id)"
    " WHERE state IN ('reported', 'customer_contacted')",
    "CREATE INDEX keys_at_dealer ON keys(id) WHERE state <> 'returned'",
]
