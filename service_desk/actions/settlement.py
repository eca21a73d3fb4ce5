"""The settlement desk (R14, R5): the statement 结算单, discounts approved or refused by a
supervisor with their PIN, payments, arrears (欠收) let out by a supervisor, settling a
ready order and settling the diagnosis/estimate fee of a declined one."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from service_desk.actions import orders
from service_desk.actions.archive import _require
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.actions.staff import verify_supervisor
from service_desk.domain import settlement as st
from service_desk.domain.pricing import Totals
from service_desk.store import extra_work_queries, queries
from service_desk.store import settlement_queries as sq

# Orders whose bill is being made up: discounts and payments are taken.
SETTLING = ("completed", "ready")
DECLINED = ("declined", "closed")


def figures(db: sqlite_utils.Database, order: dict[str, Any]) -> st.Figures:
    """The order's figures now, from its lines, approved discounts and payments."""
    lines = queries.order_lines(db, order["id"])
    discounts = [
        d["applied_fen"] for d in sq.discounts_of(db, order["id"]) if d["state"] == "approved"
    ]
    payments = [p["amount_fen"] for p in sq.payments_of(db, order["id"])]
    due = (order["decline_fee_fen"] or 0) if order["state"] in DECLINED else None
    return st.figures(lines, discounts, payments, customer_due_fen=due)


def _totals(t: Totals) -> dict[str, Any]:
    return {
        "labour_fen": t.labour_fen,
        "parts_fen": t.parts_fen,
        "fees_fen": t.fees_fen,
        "total_fen": t.total_fen,
        "by_payer": dict(t.by_payer),
    }


def statement(db: sqlite_utils.Database, order_id: int) -> dict[str, Any]:
    """The statement 结算单: lines, estimate beside actual (with the customer's approvals
    of additional work), split by kind and payer, discounts, payments and the balance."""
    order = queries.order(db, order_id)
    if order is None:
        raise ActionError("record.missing", None, table="repair_orders", id=order_id)
    fig = figures(db, order)
    approval = sq.latest_arrears_approval(db, order_id)
    return {
        "order_id": order_id,
        "number": order["number"],
        "state": order["state"],
        "customer_id": order["customer_id"],
        "declined": order["state"] in DECLINED,
        "lines": [
            {k: line[k] for k in ("id", "kind", "description", "payer", "origin", "amount_fen")}
            for line in queries.order_lines(db, order_id)
        ],
        "estimate": _totals(fig.estimate),
        "actual": _totals(fig.actual),
        "difference_fen": fig.difference_fen,
        "additional_approvals": [
            {
                "id": x["id"],
                "description": x["description"],
                "amount_fen": x["amount_fen"],
                "answer_at": x["answer_at"],
                "authorised_by_name": x["authorised_by_name"],
            }
            for x in extra_work_queries.extra_of_order(db, order_id)
            if x["state"] == "approved"
        ],
        "customer_due_fen": fig.customer_due_fen,
        "discount_fen": fig.discount_fen,
        "paid_fen": fig.paid_fen,
        "balance_fen": fig.balance_fen,
        "discounts": sq.discounts_of(db, order_id),
        "payments": sq.payments_of(db, order_id),
        "arrears_approved_fen": approval["amount_fen"] if approval else None,
        "customer_arrears_fen": sq.customer_arrears(db, order["customer_id"]),
        "settlement": sq.settlement(db, order_id),
    }


def request_discount(
    ctx: Ctx,
    order_id: int,
    *,
    reason: str,
    amount_fen: int | None = None,
    percent_bp: int | None = None,
) -> int:
    """The advisor asks for a discount on the customer's share; a supervisor decides."""
    actor = ctx.actor()
    order = _settling(ctx, order_id)
    _domain(st.check_discount_request, amount_fen, percent_bp)
    if not reason.strip():
        raise ActionError("discount.reason", "reason")
    if len(reason.strip()) > 500:
        raise ActionError("discount.reason_too_long", "reason")
    fig = figures(ctx.db, order)
    _domain(st.check_discount, fig, st.discount_fen(fig.customer_due_fen, amount_fen, percent_bp))
    record = {
        "order_id": order_id,
        "amount_fen": amount_fen,
        "percent_bp": percent_bp,
        "reason": reason.strip(),
        "requested_by": actor["id"],
        "requested_at": ctx.now(),
        "state": "requested",
    }
    with ctx.transaction() as db:
        discount_id = int(db["discounts"].insert(record).last_pk)
        audit(ctx, "discount", discount_id, "request", None, record)
    return discount_id


def decide_discount(
    ctx: Ctx, discount_id: int, supervisor_id: int, pin: str, approve: bool
) -> None:
    """A supervisor approves or refuses a discount with their PIN at the same PC.
    A wrong PIN records nothing: no PIN, no discount."""
    ctx.actor()
    supervisor = verify_supervisor(ctx, supervisor_id, pin)
    discount = sq.discount(ctx.db, discount_id)
    if discount is None:
        raise ActionError("record.missing", None, table="discounts", id=discount_id)
    if discount["state"] != "requested":
        raise ActionError("discount.decided", None, state=discount["state"])
    order = _settling(ctx, discount["order_id"])
    changes: dict[str, Any] = {
        "state": "approved" if approve else "refused",
        "decided_by": supervisor["id"],
        "decided_at": ctx.now(),
    }
    if approve:
        fig = figures(ctx.db, order)
        fen = st.discount_fen(fig.customer_due_fen, discount["amount_fen"], discount["percent_bp"])
        _domain(st.check_discount, fig, fen)
        changes["applied_fen"] = fen
    with ctx.transaction() as db:
        db["discounts"].update(discount_id, changes)
        audit(
            ctx,
            "discount",
            discount_id,
            "approve" if approve else "refuse",
            {"state": "requested"},
            changes,
            staff_id=supervisor["id"],
        )


def add_payment(ctx: Ctx, order_id: int, method: str, amount_fen: int, reference: str = "") -> int:
    """One payment (cash, card, WeChat Pay, Alipay, transfer); several make up a bill,
    none may take the balance below zero."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in (*SETTLING, "declined"):
        raise ActionError("settle.state", None, state=order["state"])
    if len(reference.strip()) > 100:
        raise ActionError("payment.reference", "reference")
    with ctx.transaction():
        return _pay(ctx, order, method, amount_fen, reference)


def approve_arrears(ctx: Ctx, order_id: int, supervisor_id: int, pin: str, note: str) -> int:
    """A supervisor lets the current unpaid balance out as arrears (欠收) of the customer."""
    ctx.actor()
    supervisor = verify_supervisor(ctx, supervisor_id, pin)
    order = _settling(ctx, order_id)
    if not note.strip():
        raise ActionError("arrears.note", "note")
    if len(note.strip()) > 500:
        raise ActionError("arrears.note_too_long", "note")
    balance = figures(ctx.db, order).balance_fen
    if balance <= 0:
        raise ActionError("arrears.nothing_open", None)
    record = {
        "order_id": order_id,
        "amount_fen": balance,
        "supervisor_id": supervisor["id"],
        "at": ctx.now(),
        "note": note.strip(),
    }
    with ctx.transaction() as db:
        approval_id = int(db["arrears_approvals"].insert(record).last_pk)
        audit(ctx, "arrears", approval_id, "approve", None, record, staff_id=supervisor["id"])
    return approval_id


def settle(ctx: Ctx, order_id: int) -> int:
    """Settle a ready order: only when the balance is paid, or let out as arrears by a
    supervisor for exactly what is still open. The order moves ready -> settled."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] != "ready":
        raise ActionError("settle.not_ready", None, state=order["state"])
    approval = sq.latest_arrears_approval(ctx.db, order_id)
    row = _domain(
        st.settlement_row, figures(ctx.db, order), approval["amount_fen"] if approval else None
    )
    with ctx.transaction():
        settlement_id = _record_settlement(ctx, order_id, row)
        orders.advance(ctx, order_id, "settled", "settled at the counter")
    return settlement_id


def settle_fee(ctx: Ctx, order_id: int, method: str = "cash", reference: str = "") -> int:
    """A declined order pays what is left of its diagnosis/estimate fee through the same
    desk, and closes (declined -> closed)."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] != "declined":
        raise ActionError("fee.not_declined", None, state=order["state"])
    with ctx.transaction():
        fig = figures(ctx.db, order)
        if fig.balance_fen > 0:
            _pay(ctx, order, method, fig.balance_fen, reference)
            fig = figures(ctx.db, order)
        row = _domain(st.settlement_row, fig, None)
        settlement_id = _record_settlement(ctx, order_id, row)
        orders.advance(ctx, order_id, "closed", "diagnosis/estimate fee settled")
    return settlement_id


# --- helpers -----------------------------------------------------------------------------


def _settling(ctx: Ctx, order_id: int) -> dict[str, Any]:
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in SETTLING:
        raise ActionError("settle.state", None, state=order["state"])
    return order


def _pay(ctx: Ctx, order: dict[str, Any], method: str, amount_fen: int, reference: str) -> int:
    _domain(st.check_payment, figures(ctx.db, order), method, amount_fen)
    record = {
        "order_id": order["id"],
        "method": method,
        "amount_fen": amount_fen,
        "at": ctx.now(),
        "staff_id": ctx.user_id,
        "reference": reference.strip(),
    }
    payment_id = int(ctx.db["payments"].insert(record).last_pk)
    audit(ctx, "payment", payment_id, "add", None, record)
    return payment_id


def _record_settlement(ctx: Ctx, order_id: int, row: dict[str, int]) -> int:
    record = {**row, "order_id": order_id, "settled_at": ctx.now(), "staff_id": ctx.user_id}
    settlement_id = int(ctx.db["settlements"].insert(record).last_pk)
    audit(ctx, "settlement", settlement_id, "settle", None, record)
    return settlement_id


def _domain(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except st.SettlementError as exc:
        raise ActionError(exc.code, exc.field) from exc


__all__ = [
    "add_payment",
    "approve_arrears",
    "decide_discount",
    "request_discount",
    "settle",
    "settle_fee",
    "statement",
]
