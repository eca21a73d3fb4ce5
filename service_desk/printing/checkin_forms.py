"""Printed forms of the check-in desk (registered with printing.forms):

- check_in_sheet (车辆交接检查单, A4): the walk-around results, the damage diagram with its
  marks, fuel and odometer, the documents and their discrepancies, the belongings and
  their box, the workshop receiver; signed by customer, advisor and workshop receiver;
- belongings (随车物品清单, A5): the belongings with their quantities and box, signed by
  the customer at check-in, with the returned / missing columns and a second signature
  for the tick-back at pickup.

Both are printed once the customer has signed the repair order (not for a void order).
The damage diagram is drawn by printing/diagram.py (loaded with the renderer).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from service_desk.domain.lifecycle import STATES
from service_desk.printing.context import order_context
from service_desk.printing.forms import Context, Order, OrderForm, register

# The states of an order from the customer's signature to the end of the visit.
SIGNED_STATES = STATES[STATES.index("signed") : STATES.index("done") + 1]


def signed(_db: sqlite_utils.Database, order: Order) -> bool:
    return order["state"] in SIGNED_STATES


def _context(db: sqlite_utils.Database, order: Order, _now: dt.datetime, lang: str) -> Context:
    return order_context(db, order["id"], lang)


register(OrderForm("check_in_sheet", "check-in-sheet", signed, _context))
register(OrderForm("belongings", "belongings", signed, _context))
