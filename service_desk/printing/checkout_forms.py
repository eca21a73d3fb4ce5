"""Printed forms of the checkout desk (registered with printing.forms), R14:

- statement (结算单, A4): the order's lines as done, the estimate total beside the actual
  total and their difference, the split by payer, the discounts approved, the payments,
  the balance or the arrears (欠收); signed by the customer and the cashier. A declined
  order's statement bills its diagnosis/estimate fee;
- guarantee (质量保证书, A4): the certificate with, per work item (labour line), the
  guarantee period of 《机动车维修管理规定》 art. 38 from the release: valid until a date
  or an odometer reading, whichever comes first. The periods are business settings
  (guarantee_<class>_km / _days). A rework under guarantee (a comeback) does not restart
  them: they count from the original release, and the certificate says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from service_desk import reference
from service_desk.actions.settlement import statement
from service_desk.domain import clock as clocks
from service_desk.domain.money import format_yuan
from service_desk.printing.context import order_context, when
from service_desk.printing.forms import Context, Order, OrderForm, register
from service_desk.printing.vocab import name
from service_desk.store import queries, release_queries, settings

STATEMENT_STATES = ("ready", "settled", "released", "done", "declined", "closed")
GUARANTEE_STATES = ("settled", "released", "done")

# The guarantee classes of 《机动车维修管理规定》 (交通运输部), art. 38, whose periods are
# counted from the day the car leaves the workshop, whichever of the distance or the days
# comes first: complete-vehicle or major-assembly (总成) repair (by law 20000 km / 100
# days); second-level maintenance (二级维护, 5000 km / 30 days); first-level maintenance,
# minor and special repairs (2000 km / 10 days). The periods are the settings
# guarantee_<class>_km and guarantee_<class>_days. class -> (Chinese name, English name).
GUARANTEE_CLASSES: dict[str, tuple[str, str]] = {
    "major": ("整车/总成修理", "Major / assembly repair"),
    "maintenance": ("二级维护", "Second-level maintenance"),
    "minor": ("小修及专项修理", "Minor / special repair"),
}
# Repair categories (data/repair_categories.json) whose work is major repair.
MAJOR_CATEGORIES = ("accident", "body_paint")


def guarantee_periods(db: sqlite_utils.Database) -> dict[str, tuple[int, int]]:
    """class -> (km, days) as the dealer set them."""
    return {
        cls: (settings.get(db, f"guarantee_{cls}_km"), settings.get(db, f"guarantee_{cls}_days"))
        for cls in GUARANTEE_CLASSES
    }


def maintenance_work() -> frozenset[str]:
    """The labour descriptions (Chinese and English) of the standard maintenance jobs."""
    return frozenset(
        text
        for job in reference.standard_jobs()
        if job.repair_category == "maintenance"
        for line in job.lines
        if line.kind == "labour"
        for text in (line.description_zh, line.description_en)
    )


def guarantee_class(repair_category: str | None, description: str) -> str:
    """The art. 38 class of one work item: accident and body work is major repair; the
    maintenance labour of a maintenance order (a standard maintenance job's labour line,
    or an item named 保养 / 维护) is second-level maintenance; anything else minor repair."""
    if repair_category in MAJOR_CATEGORIES:
        return "major"
    if repair_category == "maintenance" and (
        description in maintenance_work() or any(w in description for w in ("保养", "维护"))
    ):
        return "maintenance"
    return "minor"


def _signed_yuan(fen: int) -> str:
    return ("+" if fen > 0 else "") + format_yuan(fen)


# ---------------------------------------------------------------- statement 结算单
def _statement(db: sqlite_utils.Database, order: Order, _now: dt.datetime, lang: str) -> Context:
    context = order_context(db, order["id"], lang)
    rows = queries.order_lines(db, order["id"])
    for line, row in zip(context["lines"], rows, strict=True):
        line["origin"] = name("origin", row["origin"], lang)
    s = statement(db, order["id"])
    zh = lang == "zh"
    settled = s["settlement"]
    if settled is not None:
        arrears = format_yuan(settled["arrears_fen"])
    elif s["arrears_approved_fen"] is not None:
        arrears = format_yuan(s["arrears_approved_fen"])
    else:
        arrears = format_yuan(0)
    release = release_queries.release(db, order["id"]) or {}
    context["statement"] = {
        "basis": (
            ("客户不修：诊断/估价费" if zh else "Declined: diagnosis / estimate fee")
            if s["declined"]
            else ("维修完工结算" if zh else "Repair work completed")
        ),
        "settled_at": when(settled["settled_at"]) if settled else "",
        "released_at": when(release.get("released_at")),
        "estimate_total": format_yuan(s["estimate"]["total_fen"]),
        "actual_total": format_yuan(s["actual"]["total_fen"]),
        "difference": _signed_yuan(s["difference_fen"]),
        "labour": format_yuan(s["actual"]["labour_fen"]),
        "parts": format_yuan(s["actual"]["parts_fen"]),
        "fees": format_yuan(s["actual"]["fees_fen"]),
        "customer": format_yuan(s["actual"]["by_payer"]["customer"]),
        "warranty": format_yuan(s["actual"]["by_payer"]["warranty"]),
        "internal": format_yuan(s["actual"]["by_payer"]["internal"]),
        "due": format_yuan(s["customer_due_fen"]),
        "discount": format_yuan(s["discount_fen"]),
        "paid": format_yuan(s["paid_fen"]),
        "balance": format_yuan(s["balance_fen"]),
        "arrears": arrears,
        "customer_arrears": format_yuan(s["customer_arrears_fen"]),
    }
    context["discounts"] = [
        {
            "no": str(i),
            "amount": format_yuan(d["applied_fen"] or 0),
            "reason": d["reason"],
            "requested_by": d["requested_by_name"],
            "approved_by": d["decided_by_name"] or "",
            "at": when(d["decided_at"]),
        }
        for i, d in enumerate((d for d in s["discounts"] if d["state"] == "approved"), start=1)
    ]
    context["payments"] = [
        {
            "no": str(i),
            "method": name("method", p["method"], lang),
            "amount": format_yuan(p["amount_fen"]),
            "at": when(p["at"]),
            "reference": p["reference"] or "",
            "staff": p["staff_name"],
        }
        for i, p in enumerate(s["payments"], start=1)
    ]
    return context


# ---------------------------------------------------------------- guarantee 质量保证书
def _guarantee(db: sqlite_utils.Database, order: Order, now: dt.datetime, lang: str) -> Context:
    context = order_context(db, order["id"], lang)
    release = release_queries.release(db, order["id"]) or {}
    released_at = release_queries.released_at(db, order["id"])
    released = clocks.parse(released_at) if released_at else now
    odometer = release.get("odometer_out") or order["odometer_in"]
    # a rework under guarantee counts from the original release, distance and days
    origin = release_queries.guarantee_origin(db, order["id"])
    start = clocks.parse(origin["guarantee_from"]) if origin else released
    start_km = origin["odometer"] if origin else odometer
    periods = guarantee_periods(db)
    zh = lang == "zh"
    items = []
    for row in queries.order_lines(db, order["id"]):
        if row["kind"] != "labour":
            continue
        cls = guarantee_class(order["repair_category"], row["description"])
        km, days = periods[cls]
        name_zh, name_en = GUARANTEE_CLASSES[cls]
        until = (start + dt.timedelta(days=days)).strftime("%Y-%m-%d")
        until_km = f"{start_km + km:,} km" if start_km else ""
        if not until_km:
            valid = f"至 {until}" if zh else f"until {until}"
        elif zh:
            valid = f"至 {until} 或 {until_km}，以先到者为准"
        else:
            valid = f"until {until} or {until_km}, whichever first"
        items.append(
            {
                "no": str(len(items) + 1),
                "description": row["description"],
                "class": name_zh if zh else name_en,
                "period": f"{km:,} km / {days} 日" if zh else f"{km:,} km / {days} days",
                "until_date": until,
                "until_km": until_km,
                "valid": valid,
            }
        )
    released_text = released.strftime("%Y-%m-%d")
    odometer_text = f"{odometer:,} km" if odometer else "—"
    vehicle = context["vehicle"]
    if zh:
        text = (
            f"兹证明 {vehicle['plate']} 车辆（VIN {vehicle['vin'] or '—'}）于 {released_text} "
            f"在本店完成维修并竣工出厂，出厂里程 {odometer_text}。本店依照《机动车维修管理规定》"
            "第三十八条，对下列维修项目实行质量保证期制度，自出厂之日起计算，以行驶里程或日期"
            "先到者为准。质量保证期内因维修质量原因造成的故障或损坏，本店负责免费返修。"
        )
    else:
        text = (
            f"This certifies that the vehicle {vehicle['plate']} (VIN {vehicle['vin'] or '—'}) "
            f"was repaired and released by us on {released_text} at {odometer_text}. Under art. 38 "
            "of the Regulations on Motor Vehicle Maintenance, the work items below are "
            "guaranteed from the release, until the date or the distance below, whichever "
            "comes first; a failure due to the quality of our work is repaired free of charge."
        )
    if origin:
        text += ("" if zh else " ") + _rework_sentence(origin, start, zh)
    skip = {settings.get(db, "clause_estimate"), settings.get(db, "clause_symptom_pricing")}
    context["clauses"] = [c for c in context["clauses"] if c not in skip]
    context["guarantee"] = {
        "text": text,
        "from": released_text,
        "odometer": odometer_text,
        "released": released_at is not None,
    }
    context["guarantee_items"] = items
    return context


def _rework_sentence(origin: dict[str, Any], start: dt.datetime, zh: bool) -> str:
    """The one sentence saying the periods of a rework run from the original release."""
    day = start.strftime("%Y-%m-%d")
    km = f"{origin['odometer']:,} km" if origin["odometer"] else ""
    if zh:
        at = f"（出厂里程 {km}）" if km else ""
        return (
            f"本次为返修（原单 {origin['number']}），质量保证期自原出厂日 {day}{at} 起计算，"
            "不重新计算。"
        )
    at = f" at {km}" if km else ""
    return (
        f"This is a rework under guarantee (original order {origin['number']}): the "
        f"guarantee periods count from the original release on {day}{at} and do not restart."
    )


def _available(states: tuple[str, ...]) -> Any:
    return lambda _db, order: order["state"] in states


register(OrderForm("statement", "statement", _available(STATEMENT_STATES), _statement))
register(OrderForm("guarantee", "guarantee", _available(GUARANTEE_STATES), _guarantee))
