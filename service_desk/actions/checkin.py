"""Vehicle check-in (R8) after the customer signed: the walk-around checklist, damage marks,
fuel and odometer, the documents, the belongings counted into the car's storage box, the
workshop receiver; then the order becomes checked in. At pickup (R13/R14) the belongings
are handed back line by line and anything missing is recorded.

Each public function is one counter action: one transaction, audit rows, refusals as
ValidationError (problems per field) or ActionError (a rule of the order).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from service_desk import reference
from service_desk.actions import orders
from service_desk.actions.archive import _insert_odometer, _require, last_odometer
from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.domain import checkin as ci
from service_desk.domain import validation as v
from service_desk.domain.clock import iso, parse
from service_desk.store import checkin_queries

# The check-in is written while the order is signed and may be finished once checked in
# (a receiver's signature, a mark found later); after the workshop handoff it is history.
EDIT_STATES = ("signed", "checked_in")


def _order_for_edit(ctx: Ctx, order_id: int) -> dict[str, Any]:
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] not in EDIT_STATES:
        raise ActionError("checkin.state", None, state=order["state"])
    return order


def _checkin_row(ctx: Ctx, order_id: int) -> dict[str, Any]:
    """The order's check-in record, created on first use (inside a transaction)."""
    ctx.db.execute(
        "INSERT OR IGNORE INTO checkins(order_id, updated_at) VALUES (?, ?)",
        [order_id, ctx.now()],
    )
    found = row(ctx.db, "SELECT * FROM checkins WHERE order_id = ?", [order_id])
    assert found is not None
    return found


def _touch(ctx: Ctx, order_id: int, **changes: Any) -> None:
    ctx.db["checkins"].update(order_id, {**changes, "updated_at": ctx.now()})


# ------------------------------------------------------------------------------ checklist


def save_checklist(ctx: Ctx, order_id: int, entries: Iterable[ci.ChecklistEntry]) -> None:
    """Record the walk-around: each item OK or an anomaly with what is wrong. Items not
    given keep their earlier answer; a changed answer is audited."""
    _order_for_edit(ctx, order_id)
    given = [ci.ChecklistEntry(e.item_code, e.result, e.note.strip()) for e in entries]
    known = [item.code for item in reference.checklist_items()]
    v.raise_if_errors(ci.check_checklist(given, known))
    if not given:
        return
    now = ctx.now()
    with ctx.transaction() as db:
        _checkin_row(ctx, order_id)
        current = checkin_queries.checklist(db, order_id)
        before: dict[str, list[str]] = {}
        after: dict[str, list[str]] = {}
        for entry in given:
            old = current.get(entry.item_code)
            if old is not None and (old["result"], old["note"]) == (entry.result, entry.note):
                continue
            record = {"result": entry.result, "note": entry.note, "at": now}
            record["staff_id"] = ctx.user_id
            if old is None:
                db["inspection_results"].insert(
                    {"order_id": order_id, "item_code": entry.item_code, **record}
                )
            else:
                db["inspection_results"].update(old["id"], record)
                before[entry.item_code] = [old["result"], old["note"]]
            after[entry.item_code] = [entry.result, entry.note]
        _touch(ctx, order_id, checklist_at=now)
        if after:
            audit(ctx, "checkin", order_id, "checklist", before or None, after)


# ------------------------------------------------------------------------------ damage marks


def add_damage_mark(
    ctx: Ctx,
    order_id: int,
    view: str,
    x: float,
    y: float,
    code: str,
    note: str = "",
    photo_path: str = "",
) -> int:
    """Place a coded mark (划痕, 凹陷 …) on the car outline; returns its id. The photo is a
    file on this PC: its path is stored, the file itself is not copied."""
    _order_for_edit(ctx, order_id)
    photo = photo_path.strip()
    problems = ci.check_mark(view, x, y, code, note, photo)
    if photo and not any(p.field == "photo" for p in problems) and not Path(photo).is_file():
        problems.append(v.Problem("photo", "file.missing"))
    v.raise_if_errors(problems)
    record = {
        "view": view,
        "x": round(float(x), 4),
        "y": round(float(y), 4),
        "code": code,
        "note": note.strip(),
        "photo_path": photo,
    }
    with ctx.transaction() as db:
        _checkin_row(ctx, order_id)
        last_no = db.execute(
            "SELECT coalesce(max(no), 0) FROM damage_marks WHERE order_id = ?", [order_id]
        ).fetchone()[0]
        mark_id = (
            db["damage_marks"]
            .insert(
                {
                    **record,
                    "order_id": order_id,
                    "no": last_no + 1,
                    "status": "active",
                    "created_at": ctx.now(),
                    "created_by": ctx.user_id,
                }
            )
            .last_pk
        )
        _touch(ctx, order_id)
        audit(ctx, "damage_mark", mark_id, "add", None, {**record, "order_id": order_id})
    return int(mark_id)


def strike_damage_mark(ctx: Ctx, mark_id: int) -> None:
    """A mark placed by mistake is struck out: it stays on record, off the printed forms."""
    mark = _require(ctx, "damage_marks", mark_id)
    _order_for_edit(ctx, mark["order_id"])
    if mark["status"] != "active":
        raise ActionError("mark.struck")
    with ctx.transaction() as db:
        db["damage_marks"].update(
            mark_id, {"status": "struck", "struck_at": ctx.now(), "struck_by": ctx.user_id}
        )
        _touch(ctx, mark["order_id"])
        audit(ctx, "damage_mark", mark_id, "strike", {"status": "active"}, {"status": "struck"})


# ------------------------------------------------------------------------------ readings


def record_fuel_odometer(
    ctx: Ctx,
    order_id: int,
    fuel: ci.Fuel | None,
    odometer_km: int | None,
    reason: str = "",
    confirmed: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Fuel gauge and odometer as read at check-in. A reading lower than the last one is a
    warning (R1): it needs a reason and the advisor's confirmation. A new reading joins
    the vehicle's odometer history (source 'reception') and the order's odometer in."""
    order = _order_for_edit(ctx, order_id)
    last_km = last_odometer(ctx, order["vehicle_id"])
    changed = odometer_km is not None and odometer_km != last_km
    problems = v.collect(
        ci.check_fuel(fuel),
        v.Problem("odometer", "odometer.required") if odometer_km is None else None,
        v.check_odometer(odometer_km, last_km, reason) if changed else None,
        v.check_text(reason, "odometer_reason", 200),
    )
    v.raise_if_errors(problems, set(confirmed))
    assert fuel is not None and odometer_km is not None
    now = ctx.now()
    with ctx.transaction() as db:
        before = _checkin_row(ctx, order_id)
        if changed:
            _insert_odometer(ctx, order["vehicle_id"], odometer_km, "reception", reason, order_id)
        after = {"fuel_unit": fuel.unit, "fuel_value": fuel.value, "odometer_km": odometer_km}
        _touch(ctx, order_id, **after, readings_at=now)
        db["repair_orders"].update(order_id, {"odometer_in": odometer_km, "updated_at": now})
        audit(
            ctx,
            "checkin",
            order_id,
            "readings",
            {k: before[k] for k in after},
            {**after, "reason": reason.strip()},
        )


# ------------------------------------------------------------------------------ documents


def record_documents(
    ctx: Ctx,
    order_id: int,
    checks: Iterable[ci.DocumentCheck],
    purposes: Iterable[str] = (),
) -> None:
    """The documents that came with the car (R8): each document of the catalogue is
    recorded (one not given was not received); every discrepancy needs a note and the
    customer's signature. purposes: 'second_level' / 'annual_inspection' when the car
    comes for those, which makes their papers required."""
    order = _order_for_edit(ctx, order_id)
    wanted = tuple(dict.fromkeys(purposes))
    catalogue = reference.document_types()
    known = [d.code for d in catalogue]
    required = ci.required_documents(
        {d.code: d.required_for for d in catalogue}, order["repair_category"], wanted
    )
    given = list(checks)
    codes = {c.code for c in given}
    complete = given + [ci.DocumentCheck(code) for code in known if code not in codes]
    normalized = [c.normalized(c.code in required) for c in complete]
    v.raise_if_errors(ci.check_purposes(wanted) + ci.check_documents(normalized, required, known))
    now = ctx.now()
    with ctx.transaction() as db:
        _checkin_row(ctx, order_id)
        current = checkin_queries.documents(db, order_id)
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        for check in normalized:
            is_required = check.code in required
            record = {
                "required": int(is_required),
                "received": int(check.received),
                "valid": int(check.valid),
                "complete": int(check.complete),
                "intact": int(check.intact),
                "discrepancy": int(ci.is_discrepancy(check, is_required)),
                "note": check.note,
                "customer_signed": int(check.customer_signed),
            }
            old = current.get(check.code)
            if old is not None and all(old[k] == value for k, value in record.items()):
                continue
            stamp = {"at": now, "staff_id": ctx.user_id}
            if old is None:
                db["checkin_documents"].insert(
                    {"order_id": order_id, "doc_code": check.code, **record, **stamp}
                )
            else:
                db["checkin_documents"].update(old["id"], {**record, **stamp})
                before[check.code] = {k: old[k] for k in record}
            after[check.code] = record
        flags = {p: int(p in wanted) for p in ci.PURPOSES}
        _touch(ctx, order_id, **flags, documents_at=now)
        audit(ctx, "checkin", order_id, "documents", before or None, {**after, **flags})


# ------------------------------------------------------------------------------ belongings


def set_belongings(
    ctx: Ctx, order_id: int, box_no: str, items: Sequence[ci.BelongingInput]
) -> None:
    """The belongings list (随车物品清单) as it stands now, with the car's storage box.

    Lines with an id keep their record (name and quantity may change); stored lines not
    in the list are struck out; lines without an id are added. An empty list records
    that nothing was left in the car. The box may not hold another car's belongings."""
    _order_for_edit(ctx, order_id)
    state = checkin_queries.checkin(ctx.db, order_id)
    if state is not None and state["returned_at"]:
        raise ActionError("belongings.already_returned")
    box = ci.normalize_box(box_no)
    lines = [_belonging_line(item) for item in items]
    problems = ci.check_belongings(lines, box)
    catalogue = {b.code for b in reference.belonging_types()}
    for index, line in enumerate(lines):
        if line.item_code is not None and line.item_code not in catalogue:
            problems.append(v.Problem(f"belongings.{index}", "belongings.unknown_item"))
    holder = checkin_queries.box_holder(ctx.db, box, order_id) if box else None
    if holder is not None and not any(p.field == "box_no" for p in problems):
        problems.append(
            v.Problem(
                "box_no",
                "box.taken",
                params=(("order", holder["number"]), ("plate", holder["plate"])),
            )
        )
    v.raise_if_errors(problems)
    current = {r["id"]: r for r in checkin_queries.belongings(ctx.db, order_id)}
    for line in lines:
        if line.id is not None and line.id not in current:
            raise ActionError("record.missing", None, table="belongings", id=line.id)
    keep = {line.id for line in lines if line.id is not None}
    now = ctx.now()
    with ctx.transaction() as db:
        _checkin_row(ctx, order_id)
        for line_id in current.keys() - keep:
            db["belongings"].update(
                line_id, {"status": "struck", "struck_at": now, "struck_by": ctx.user_id}
            )
        _touch(ctx, order_id, box_no=box or None, belongings_at=now)
        for line in lines:
            record = {"item_code": line.item_code, "name": line.name, "qty": line.qty}
            old = current.get(line.id) if line.id is not None else None
            if old is None:
                db["belongings"].insert(
                    {
                        **record,
                        "order_id": order_id,
                        "status": "active",
                        "created_at": now,
                        "created_by": ctx.user_id,
                    }
                )
            elif any(old[k] != value for k, value in record.items()):
                db["belongings"].update(old["id"], record)
        audit(
            ctx,
            "checkin",
            order_id,
            "belongings",
            {
                "box_no": state["box_no"] if state else None,
                "items": [[r["name"], r["qty"]] for r in current.values()],
            },
            {"box_no": box or None, "items": [[line.name, line.qty] for line in lines]},
        )


def _belonging_line(item: ci.BelongingInput) -> ci.BelongingInput:
    """Catalogue items carry their Chinese catalogue name (the form prints it)."""
    code = item.item_code or None
    name = " ".join(item.name.split())
    if code is not None:
        with contextlib.suppress(KeyError):  # an unknown code is refused by the caller
            name = reference.belonging_type(code).name_zh
    return ci.BelongingInput(name=name, qty=item.qty, item_code=code, id=item.id)


# ------------------------------------------------------------------------------ receiver


def record_workshop_receiver(ctx: Ctx, order_id: int, name: str, at: dt.datetime | None) -> None:
    """The car goes straight to the workshop: who took it, and when (stored to the
    minute, as given). An empty name and no time clear an earlier entry."""
    order = _order_for_edit(ctx, order_id)
    name = " ".join(name.split())
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=ctx.clock().tzinfo)
    if not name and at is None:
        changes: dict[str, Any] = {"receiver_name": None, "receiver_at": None}
    else:
        signed = parse(order["signed_at"]) if order["signed_at"] else None
        v.raise_if_errors(ci.check_receiver(name, at, ctx.clock(), signed))
        assert at is not None
        changes = {"receiver_name": name, "receiver_at": iso(at.replace(second=0, microsecond=0))}
    with ctx.transaction():
        before = _checkin_row(ctx, order_id)
        _touch(ctx, order_id, **changes)
        audit(ctx, "checkin", order_id, "receiver", {k: before[k] for k in changes}, changes)


# ------------------------------------------------------------------------------ completion


def check_in_facts(ctx: Ctx, order: dict[str, Any]) -> ci.CheckInFacts:
    order_id = order["id"]
    state = checkin_queries.checkin(ctx.db, order_id) or {}
    results = checkin_queries.checklist(ctx.db, order_id)
    unchecked = sum(1 for item in reference.checklist_items() if item.code not in results)
    catalogue = reference.document_types()
    purposes = [p for p in ci.PURPOSES if state.get(p)]
    required = ci.required_documents(
        {d.code: d.required_for for d in catalogue}, order["repair_category"], purposes
    )
    documents = checkin_queries.documents(ctx.db, order_id)
    open_discrepancies = sum(
        1
        for d in documents.values()
        if d["discrepancy"] and not (d["note"].strip() and d["customer_signed"])
    )
    items = checkin_queries.belongings(ctx.db, order_id)
    return ci.CheckInFacts(
        unchecked_items=unchecked,
        fuel_recorded=state.get("fuel_unit") is not None,
        odometer_recorded=state.get("odometer_km") is not None,
        documents_recorded=bool(state.get("documents_at")) and required <= documents.keys(),
        open_discrepancies=open_discrepancies,
        belongings_recorded=bool(state.get("belongings_at")),
        belongings_without_box=bool(items) and not state.get("box_no"),
    )


def complete_check_in(ctx: Ctx, order_id: int) -> None:
    """Everything R8 asks for is on record: the order moves signed -> checked_in."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    if order["state"] != "signed":
        raise ActionError("checkin.not_signed", None, state=order["state"])
    v.raise_if_errors(ci.check_complete(check_in_facts(ctx, order)))
    state = checkin_queries.checkin(ctx.db, order_id) or {}
    now = ctx.now()
    box = state.get("box_no")
    note = "check-in completed" + (f", belongings in box {box}" if box else "")
    with ctx.transaction():
        _touch(ctx, order_id, completed_at=now, completed_by=ctx.user_id)
        orders.advance(ctx, order_id, "checked_in", note)
        audit(ctx, "checkin", order_id, "complete", None, {"completed_at": now, "box_no": box})


# ------------------------------------------------------------------------------ pickup


def return_belongings(
    ctx: Ctx, order_id: int, returned: Mapping[int, int], note: str = ""
) -> ci.Reconciliation:
    """At pickup the belongings list is ticked back line by line (R13/R14): returned maps
    a line's id to the quantity handed back. A line not ticked back is recorded missing,
    never dropped; anything missing needs a note. Done once per order."""
    ctx.actor()
    order = _require(ctx, "repair_orders", order_id)
    state = checkin_queries.checkin(ctx.db, order_id)
    if state is None or state["belongings_at"] is None:
        raise ActionError("belongings.not_recorded")
    if state["completed_at"] is None and order["state"] != "void":
        raise ActionError("belongings.not_checked_in", None, state=order["state"])
    if state["returned_at"] is not None:
        raise ActionError("belongings.already_returned")
    items = checkin_queries.belongings(ctx.db, order_id)
    result, problems = ci.reconcile(
        [(r["id"], r["name"], r["qty"]) for r in items], dict(returned), note
    )
    v.raise_if_errors(problems)
    now = ctx.now()
    with ctx.transaction() as db:
        for line in result.lines:
            db["belongings"].update(line.item_id, {"returned_qty": line.returned})
        _touch(ctx, order_id, returned_at=now, returned_by=ctx.user_id, return_note=note.strip())
        audit(
            ctx,
            "checkin",
            order_id,
            "return_belongings",
            None,
            {
                "returned": {line.name: line.returned for line in result.lines},
                "missing": {line.name: line.missing for line in result.missing},
                "note": note.strip(),
            },
        )
    return result
