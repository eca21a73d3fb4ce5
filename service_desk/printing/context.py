"""Everything a printed form shows about one order, as ready-to-print strings."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from service_desk import reference
from service_desk.domain import clock as clocks
from service_desk.domain.money import format_yuan
from service_desk.domain.order_number import spoken
from service_desk.domain.pricing import LineDraft, clauses, format_qty, totals
from service_desk.printing.checkin_context import checkin_context
from service_desk.printing.header import dealer
from service_desk.printing.vocab import name
from service_desk.store import queries, settings

Context = dict[str, Any]


def when(text: str | None) -> str:
    """'2026-11-27T09:30:00+08:00' -> '2026-11-27 09:30' (the counter's own offset)."""
    return clocks.parse(text).strftime("%Y-%m-%d %H:%M") if text else ""


def _ref_name(lookup: Any, code: str | None, lang: str) -> str:
    if not code:
        return ""
    try:
        return lookup(code).name(lang)
    except KeyError:
        return code


def _line(no: int, row: dict[str, Any], lang: str) -> dict[str, str]:
    return {
        "no": str(no),
        "kind": name("kind", row["kind"], lang),
        "description": row["description"],
        "part_no": row["part_no"],
        "mode": name("mode", row["mode"], lang),
        "system": _ref_name(reference.vehicle_system, row["system_code"], lang),
        "qty": format_qty(row["qty_milli"]),
        "unit_price": format_yuan(row["unit_price_fen"], symbol=False),
        "margin": f"{row['risk_margin_bp'] / 100:g}%" if row["risk_margin_bp"] else "",
        "amount": format_yuan(row["amount_fen"], symbol=False),
        "source": name("source", row["parts_source"], lang),
        "quality": name("quality", row["part_quality"], lang),
        "payer": name("payer", row["payer"], lang),
    }


def _totals(rows: list[dict[str, Any]]) -> dict[str, str]:
    t = totals([LineDraft.from_row(r) for r in rows])
    return {
        "labour": format_yuan(t.labour_fen),
        "parts": format_yuan(t.parts_fen),
        "fees": format_yuan(t.fees_fen),
        "total": format_yuan(t.total_fen),
        "customer": format_yuan(t.by_payer["customer"]),
        "warranty": format_yuan(t.by_payer["warranty"]),
        "internal": format_yuan(t.by_payer["internal"]),
    }


def _clauses(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> list[str]:
    critical = {s.code for s in reference.vehicle_systems() if s.critical}
    c = clauses([LineDraft.from_row(r) for r in rows], critical)
    texts = [settings.get(db, "guarantee_terms")]
    for applies, key in (
        (c.customer_parts, "clause_customer_parts"),
        (c.aftermarket_critical, "clause_aftermarket_critical"),
        (c.item_pricing, "clause_item_pricing"),
        (c.symptom_pricing, "clause_symptom_pricing"),
        (True, "clause_estimate"),
    ):
        if applies:
            texts.append(settings.get(db, key))
    return [t for t in texts if t.strip()]


def order_context(
    db: sqlite_utils.Database, order_id: int, lang: str = "zh", origin: str | None = None
) -> Context:
    """The data of one order for printing; origin='additional' keeps only added work."""
    order = queries.order(db, order_id)
    if order is None:
        raise KeyError(order_id)
    customer = queries.customer(db, order["customer_id"]) or {}
    vehicle = queries.vehicle(db, order["vehicle_id"]) or {}
    rows = queries.order_lines(db, order_id)
    if origin is not None:
        rows = [r for r in rows if r["origin"] == origin]
    consent = when(order["consent_at"]) if order["diagnosis_consent"] else ""
    checkin = checkin_context(db, order, lang)
    return {
        "lang": lang,
        "dealer": dealer(db),
        "order": {
            "number": order["number"],
            "number_spoken": spoken(order["number"]),
            "created_at": when(order["created_at"]),
            "signed_at": when(order["signed_at"]),
            "promised_at": when(order["promised_at"]),
            "promised_original_at": when(order.get("promised_original_at") or order["promised_at"]),
            "declined_at": when(order["declined_at"]),
            "advisor": order["advisor_name"],
            "request": order["request"],
            "other_requests": order["other_requests"],
            "diagnosis": order["diagnosis"],
            "technician": order["technician"],
            "consent": consent,
            "odometer_in": f"{order['odometer_in']:,} km" if order["odometer_in"] else "",
            "fuel_in": checkin["fuel"],
            "category": _ref_name(reference.repair_category, order["repair_category"], lang),
            "decline_fee": format_yuan(order["decline_fee_fen"] or 0),
        },
        "customer": {
            "name": customer.get("name", ""),
            "phone": " / ".join(p for p in (customer.get("phone"), customer.get("phone2")) if p),
            "company": customer.get("company", ""),
            "address": customer.get("address", ""),
        },
        "vehicle": {
            "plate": vehicle.get("plate", ""),
            "vin": vehicle.get("vin") or "",
            "model": _ref_name(reference.car_model, vehicle.get("model_code"), lang),
            "category": _ref_name(reference.vehicle_category, vehicle.get("category_code"), lang),
            "colour": vehicle.get("colour", ""),
            "next_due": " / ".join(
                x
                for x in (
                    vehicle.get("next_due_date") or "",
                    f"{vehicle['next_due_km']:,} km" if vehicle.get("next_due_km") else "",
                )
                if x
            ),
        },
        "lines": [_line(i, r, lang) for i, r in enumerate(rows, start=1)],
        "totals": _totals(rows),
        "clauses": _clauses(db, rows),
        "anomalies": checkin["anomalies"],
        "checkin": checkin,
    }
