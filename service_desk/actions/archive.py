"""Customer and vehicle archive (R1): register, update, odometer, owner changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from service_desk import reference
from service_desk.actions.context import ActionError, Ctx, audit, row
from service_desk.domain import validation as v
from service_desk.domain.schedules import Cycle, next_service

CONTACT_CHANNELS = ("phone", "wechat", "sms", "letter")


@dataclass
class CustomerInput:
    name: str
    phone: str
    phone2: str = ""
    address: str = ""
    company: str = ""
    preferred_contact: str = "phone"
    wishes: str = ""

    def normalized(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.strip(),
            phone=v.normalize_phone(self.phone),
            phone2=v.normalize_phone(self.phone2),
            address=self.address.strip(),
            company=self.company.strip(),
            preferred_contact=self.preferred_contact,
            wishes=self.wishes.strip(),
        )


@dataclass
class VehicleInput:
    plate: str
    model_code: str
    category_code: str
    vin: str = ""
    colour: str = ""
    purchase_date: dt.date | None = None
    odometer_km: int | None = None
    odometer_reason: str = ""
    cycle_km: int | None = None
    cycle_months: int | None = None
    next_due_date: dt.date | None = None
    next_due_km: int | None = None
    wishes: str = ""
    confirmed: set[str] = field(default_factory=set)

    def normalized(self) -> VehicleInput:
        return VehicleInput(
            **{
                **asdict(self),
                "plate": v.normalize_plate(self.plate),
                "vin": v.normalize_vin(self.vin),
                "colour": self.colour.strip(),
                "wishes": self.wishes.strip(),
                "confirmed": set(self.confirmed),
            }
        )


def check_customer(c: CustomerInput) -> list[v.Problem]:
    problems = v.collect(
        v.check_name(c.name),
        v.check_phone(c.phone, "phone"),
        v.check_phone(c.phone2, "phone2") if c.phone2 else None,
        v.check_text(c.address, "address", 200),
        v.check_text(c.company, "company", 100),
        v.check_text(c.wishes, "wishes", 2000),
    )
    if c.preferred_contact not in CONTACT_CHANNELS:
        problems.append(v.Problem("preferred_contact", "contact.unknown"))
    return problems


def check_vehicle(ctx: Ctx, x: VehicleInput, vehicle_id: int | None = None) -> list[v.Problem]:
    last_km = last_odometer(ctx, vehicle_id) if vehicle_id else None
    problems = v.collect(
        v.check_plate(x.plate),
        v.check_vin(x.vin) if x.vin else None,
        v.check_odometer(x.odometer_km, last_km, x.odometer_reason),
        v.check_text(x.colour, "colour", 30),
        v.check_text(x.wishes, "vehicle_wishes", 2000),
    )
    known_models = {m.code for m in reference.car_models()}
    if x.model_code not in known_models:
        problems.append(v.Problem("model", "model.required"))
    if x.category_code not in {c.code for c in reference.vehicle_categories()}:
        problems.append(v.Problem("category", "category.required"))
    if x.cycle_km is not None and not 1000 <= x.cycle_km <= 100000:
        problems.append(v.Problem("cycle_km", "cycle_km.range"))
    if x.cycle_months is not None and not 1 <= x.cycle_months <= 60:
        problems.append(v.Problem("cycle_months", "cycle_months.range"))
    if x.purchase_date and x.purchase_date > ctx.clock().date():
        problems.append(v.Problem("purchase_date", "date.future"))
    taken = row(
        ctx.db, "SELECT id FROM vehicles WHERE plate = ? AND id IS NOT ?", [x.plate, vehicle_id]
    )
    if x.plate and taken:
        problems.append(v.Problem("plate", "plate.duplicate"))
    if x.vin and row(
        ctx.db, "SELECT id FROM vehicles WHERE vin = ? AND id IS NOT ?", [x.vin, vehicle_id]
    ):
        problems.append(v.Problem("vin", "vin.duplicate"))
    return problems


def last_odometer(ctx: Ctx, vehicle_id: int | None) -> int | None:
    r = row(
        ctx.db,
        "SELECT km FROM odometer_readings WHERE vehicle_id = ? ORDER BY id DESC LIMIT 1",
        [vehicle_id],
    )
    return None if r is None else int(r["km"])


def _customer_record(c: CustomerInput) -> dict[str, Any]:
    record = asdict(c)
    record["phone2"] = c.phone2 or None
    return record


def _vehicle_record(ctx: Ctx, x: VehicleInput) -> dict[str, Any]:
    cycle = reference.cycle_for_model(x.model_code)
    cycle_km = x.cycle_km or cycle.interval_km
    cycle_months = x.cycle_months or cycle.interval_months
    due_date, due_km = x.next_due_date, x.next_due_km
    if due_date is None and due_km is None:
        due_date, due_km = next_service(
            Cycle(cycle.first_km, cycle.first_months, cycle_km, cycle_months),
            x.purchase_date,
            None,
            today=ctx.clock().date(),
            current_km=x.odometer_km,
        )
    return {
        "plate": x.plate,
        "vin": x.vin or None,
        "vin_check_overridden": int(bool(x.vin) and "vin.check_digit" in x.confirmed),
        "model_code": x.model_code,
        "category_code": x.category_code,
        "colour": x.colour,
        "purchase_date": x.purchase_date.isoformat() if x.purchase_date else None,
        "cycle_km": cycle_km,
        "cycle_months": cycle_months,
        "next_due_date": due_date.isoformat() if due_date else None,
        "next_due_km": due_km,
        "wishes": x.wishes,
    }


def register_walk_in(ctx: Ctx, customer: CustomerInput, vehicle: VehicleInput) -> tuple[int, int]:
    """A new customer with their car, in one step. All problems are reported together."""
    ctx.actor()
    c, x = customer.normalized(), vehicle.normalized()
    problems = check_customer(c) + check_vehicle(ctx, x)
    v.raise_if_errors(problems, x.confirmed)
    with ctx.transaction():
        customer_id = _insert_customer(ctx, c)
        vehicle_id = _insert_vehicle(ctx, customer_id, x)
    return customer_id, vehicle_id


def register_customer(ctx: Ctx, customer: CustomerInput) -> int:
    ctx.actor()
    c = customer.normalized()
    v.raise_if_errors(check_customer(c))
    with ctx.transaction():
        return _insert_customer(ctx, c)


def register_vehicle(ctx: Ctx, owner_id: int, vehicle: VehicleInput) -> int:
    ctx.actor()
    x = vehicle.normalized()
    v.raise_if_errors(check_vehicle(ctx, x), x.confirmed)
    _require(ctx, "customers", owner_id)
    with ctx.transaction():
        return _insert_vehicle(ctx, owner_id, x)


def _insert_customer(ctx: Ctx, c: CustomerInput) -> int:
    now = ctx.now()
    record = {**_customer_record(c), "first_contact_id": ctx.user_id}
    cid = ctx.db["customers"].insert({**record, "created_at": now, "updated_at": now}).last_pk
    audit(ctx, "customer", cid, "register", None, record)
    return int(cid)


def _insert_vehicle(ctx: Ctx, owner_id: int, x: VehicleInput) -> int:
    now = ctx.now()
    record = {**_vehicle_record(ctx, x), "owner_id": owner_id}
    vid = ctx.db["vehicles"].insert({**record, "created_at": now, "updated_at": now}).last_pk
    ctx.db["vehicle_owners"].insert(
        {
            "vehicle_id": vid,
            "customer_id": owner_id,
            "since": now,
            "until": None,
            "staff_id": ctx.user_id,
            "note": "",
        }
    )
    if x.odometer_km is not None:
        _insert_odometer(ctx, int(vid), x.odometer_km, "registration", x.odometer_reason, None)
    audit(ctx, "vehicle", vid, "register", None, record)
    return int(vid)


def update_customer(ctx: Ctx, customer_id: int, customer: CustomerInput) -> None:
    ctx.actor()
    c = customer.normalized()
    v.raise_if_errors(check_customer(c))
    before = _require(ctx, "customers", customer_id)
    record = _customer_record(c)
    with ctx.transaction() as db:
        db["customers"].update(customer_id, {**record, "updated_at": ctx.now()})
        audit(ctx, "customer", customer_id, "update", _subset(before, record), record)


def update_vehicle(ctx: Ctx, vehicle_id: int, vehicle: VehicleInput) -> None:
    ctx.actor()
    x = vehicle.normalized()
    before = _require(ctx, "vehicles", vehicle_id)
    v.raise_if_errors(check_vehicle(ctx, x, vehicle_id), x.confirmed)
    record = _vehicle_record(ctx, x)
    with ctx.transaction() as db:
        db["vehicles"].update(vehicle_id, {**record, "updated_at": ctx.now()})
        if x.odometer_km is not None and x.odometer_km != last_odometer(ctx, vehicle_id):
            _insert_odometer(ctx, vehicle_id, x.odometer_km, "manual", x.odometer_reason, None)
        audit(ctx, "vehicle", vehicle_id, "update", _subset(before, record), record)


def record_odometer(
    ctx: Ctx,
    vehicle_id: int,
    km: int,
    source: str,
    reason: str = "",
    order_id: int | None = None,
    confirmed: set[str] | frozenset[str] = frozenset(),
) -> None:
    ctx.actor()
    _require(ctx, "vehicles", vehicle_id)
    v.raise_if_errors(
        v.collect(v.check_odometer(km, last_odometer(ctx, vehicle_id), reason)), set(confirmed)
    )
    with ctx.transaction():
        _insert_odometer(ctx, vehicle_id, km, source, reason, order_id)


def _insert_odometer(
    ctx: Ctx, vehicle_id: int, km: int, source: str, reason: str, order_id: int | None
) -> None:
    ctx.db["odometer_readings"].insert(
        {
            "vehicle_id": vehicle_id,
            "km": km,
            "at": ctx.now(),
            "source": source,
            "order_id": order_id,
            "reason": reason.strip(),
            "staff_id": ctx.user_id,
        }
    )


def change_owner(ctx: Ctx, vehicle_id: int, new_owner_id: int, note: str = "") -> None:
    """The car was sold: the old ownership is closed, never erased."""
    ctx.actor()
    vehicle = _require(ctx, "vehicles", vehicle_id)
    _require(ctx, "customers", new_owner_id)
    if vehicle["owner_id"] == new_owner_id:
        raise ActionError("owner.same", "owner")
    now = ctx.now()
    with ctx.transaction() as db:
        db.execute(
            "UPDATE vehicle_owners SET until = ? WHERE vehicle_id = ? AND until IS NULL",
            [now, vehicle_id],
        )
        db["vehicle_owners"].insert(
            {
                "vehicle_id": vehicle_id,
                "customer_id": new_owner_id,
                "since": now,
                "until": None,
                "staff_id": ctx.user_id,
                "note": note.strip(),
            }
        )
        db["vehicles"].update(vehicle_id, {"owner_id": new_owner_id, "updated_at": now})
        audit(
            ctx,
            "vehicle",
            vehicle_id,
            "change_owner",
            {"owner_id": vehicle["owner_id"]},
            {"owner_id": new_owner_id, "note": note},
        )


def _require(ctx: Ctx, table: str, record_id: int) -> dict[str, Any]:
    found = row(ctx.db, f"SELECT * FROM {table} WHERE id = ?", [record_id])
    if found is None:
        raise ActionError("record.missing", None, table=table, id=record_id)
    return found


def _subset(before: dict[str, Any], keys: dict[str, Any]) -> dict[str, Any]:
    return {k: before.get(k) for k in keys}
