"""The print log: every printed form is recorded on its order; reprints are copies (副本)."""

from __future__ import annotations

from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.store.schema_v20 import FORM_KINDS


def prints_so_far(ctx: Ctx, order_id: int, kind: str) -> int:
    return ctx.db.execute(
        "SELECT count(*) FROM print_log WHERE order_id = ? AND form_kind = ?", [order_id, kind]
    ).fetchone()[0]


def is_reprint(ctx: Ctx, order_id: int, kind: str) -> bool:
    """The next print of this form is a copy when it was printed before."""
    return prints_so_far(ctx, order_id, kind) > 0


def record_print(ctx: Ctx, order_id: int | None, kind: str, printer: str, pages: int) -> int:
    """Log one print (after the printer took it); returns the copy number (0 = original).

    order_id None is a printout of no single order (the key cabinet's end-of-day report):
    each one is a snapshot of its moment, so it is never a copy."""
    ctx.actor()
    if kind not in FORM_KINDS:
        raise ActionError("print.kind", None, kind=kind)
    with ctx.transaction() as db:
        copy_no = prints_so_far(ctx, order_id, kind) if order_id is not None else 0
        log_id = (
            db["print_log"]
            .insert(
                {
                    "order_id": order_id,
                    "form_kind": kind,
                    "copy_no": copy_no,
                    "printer": printer[:200],
                    "pages": max(1, pages),
                    "at": ctx.now(),
                    "staff_id": ctx.user_id,
                }
            )
            .last_pk
        )
        audit(
            ctx,
            "print",
            log_id,
            "print",
            None,
            {"order_id": order_id, "kind": kind, "copy_no": copy_no, "printer": printer},
        )
    return copy_no
