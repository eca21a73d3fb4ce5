"""The check-in of one order as ready-to-print strings: the check-in sheet and the
belongings list print all of it; the repair order prints the fuel, the anomalies and the
damage diagram (printing/context.py puts it under "checkin")."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from service_desk import reference
from service_desk.domain import car_outline
from service_desk.domain import clock as clocks
from service_desk.domain.checkin import DAMAGE_NAMES, PURPOSES, Fuel
from service_desk.store import checkin_queries

Context = dict[str, Any]
GRID_COLUMNS = 4  # checklist items per printed row

_WORDS = {
    "ok": ("正常", "OK"),
    "anomaly": ("异常", "Anomaly"),
    "unchecked": ("未检", "—"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "received": ("已收", "Received"),
    "not_received": ("未收", "Not received"),
    "signed": ("已签认", "Signed"),
    "second_level": ("二级维护", "Second-level maintenance"),
    "annual_inspection": ("代办年检", "Annual inspection"),
    "none": ("无", "None"),
    "pieces": ("{lines} 项，共 {qty} 件", "{lines} line(s), {qty} item(s)"),
}


def word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def _punctuation(lang: str) -> tuple[str, str, str]:
    """Colon and brackets: full-width in Chinese text, ASCII in English."""
    return ("：", "（", "）") if lang == "zh" else (": ", " (", ")")


def _when(text: str | None) -> str:
    return clocks.parse(text).strftime("%Y-%m-%d %H:%M") if text else ""


def _name(lookup: Any, code: str, lang: str, fallback: str = "") -> str:
    try:
        return lookup(code).name(lang)
    except KeyError:
        return fallback or code


def fuel_label(state: dict[str, Any]) -> str:
    if state.get("fuel_unit") is None:
        return ""
    return Fuel(state["fuel_unit"], state["fuel_value"]).label()


def view_name(view: str, lang: str) -> str:
    zh, en = car_outline.VIEW_NAMES.get(view, (view, view))
    return zh if lang == "zh" else en


def damage_name(code: str, lang: str) -> str:
    zh, en = DAMAGE_NAMES.get(code, (code, code))
    return zh if lang == "zh" else en


def _checklist(db: sqlite_utils.Database, order_id: int, lang: str) -> tuple[list, list]:
    """(grid rows of item/result pairs, anomaly texts) in the order of the checklist."""
    results = checkin_queries.checklist(db, order_id)
    cells: list[tuple[str, str]] = []
    anomalies: list[str] = []
    for group in reference.checklist_groups():
        for item in group.items:
            found = results.get(item.code)
            result = found["result"] if found else "unchecked"
            cells.append((item.name(lang), word(result, lang)))
            if result == "anomaly":
                colon = _punctuation(lang)[0]
                anomalies.append(f"{group.name(lang)}·{item.name(lang)}{colon}{found['note']}")
    grid = []
    for start in range(0, len(cells), GRID_COLUMNS):
        row: dict[str, str] = {}
        for i, (item, result) in enumerate(cells[start : start + GRID_COLUMNS], start=1):
            row[f"item{i}"], row[f"result{i}"] = item, result
        grid.append(row)
    return grid, anomalies


def _marks(db: sqlite_utils.Database, order_id: int, lang: str) -> list[dict[str, Any]]:
    colon, left, right = _punctuation(lang)
    marks = []
    for m in checkin_queries.damage_marks(db, order_id):
        name = damage_name(m["code"], lang)
        where = view_name(m["view"], lang)
        detail = f"{name}{left}{where}{right}" + (f"{colon}{m['note']}" if m["note"] else "")
        if m["photo_path"]:
            detail += "，有照片" if lang == "zh" else ", photo"
        label = "标记" if lang == "zh" else "Mark"
        marks.append(
            {
                "no": m["no"],
                "code": m["code"],
                "view": m["view"],
                "x": m["x"],
                "y": m["y"],
                "name": name,
                "view_name": where,
                "note": m["note"],
                "photo": m["photo_path"],
                "detail": detail,
                "text": f"{label} {m['no']} {detail}",
            }
        )
    return marks


def _documents(
    db: sqlite_utils.Database, order_id: int, lang: str
) -> tuple[list[dict[str, str]], list[str]]:
    """Rows for the documents that were required or received, and the discrepancies."""
    stored = checkin_queries.documents(db, order_id)
    rows, discrepancies = [], []
    for doc in reference.document_types():
        found = stored.get(doc.code)
        if found is None or not (found["required"] or found["received"]):
            continue
        received = bool(found["received"])

        def flag(key: str, received: bool = received, found: dict = found) -> str:
            return word("yes" if found[key] else "no", lang) if received else "—"

        rows.append(
            {
                "name": doc.name(lang),
                "received": word("received" if received else "not_received", lang),
                "valid": flag("valid"),
                "complete": flag("complete"),
                "intact": flag("intact"),
                "note": found["note"],
                "signed": word("signed", lang) if found["customer_signed"] else "",
            }
        )
        if found["discrepancy"]:
            colon, left, right = _punctuation(lang)
            signed = "客户已签认" if lang == "zh" else "signed by the customer"
            discrepancies.append(f"{doc.name(lang)}{colon}{found['note']}{left}{signed}{right}")
    return rows, discrepancies


def _belongings(db: sqlite_utils.Database, order_id: int, lang: str) -> list[dict[str, str]]:
    rows = []
    for no, b in enumerate(checkin_queries.belongings(db, order_id), start=1):
        name = b["name"]
        if b["item_code"]:
            name = _name(reference.belonging_type, b["item_code"], lang, b["name"])
        returned = b["returned_qty"]
        rows.append(
            {
                "no": str(no),
                "name": name,
                "qty": str(b["qty"]),
                "returned": "" if returned is None else str(returned),
                "missing": "" if returned is None else str(b["qty"] - returned),
            }
        )
    return rows


def checkin_context(db: sqlite_utils.Database, order: dict[str, Any], lang: str) -> Context:
    order_id = order["id"]
    state = checkin_queries.checkin(db, order_id) or {}
    grid, checklist_anomalies = _checklist(db, order_id, lang)
    marks = _marks(db, order_id, lang)
    documents, discrepancies = _documents(db, order_id, lang)
    belongings = _belongings(db, order_id, lang)
    km = state.get("odometer_km")
    purposes = [word(p, lang) for p in PURPOSES if state.get(p)]
    sep = "、" if lang == "zh" else ", "
    total = sum(int(b["qty"]) for b in belongings)
    summary = word("pieces", lang).format(lines=len(belongings), qty=total)
    box = state.get("box_no") or ""
    return {
        "recorded": bool(state),
        "fuel": fuel_label(state),
        "odometer": f"{km:,} km" if km is not None else "",
        "purposes": sep.join(purposes) or word("none", lang),
        "box": box,
        "completed_at": _when(state.get("completed_at")),
        "completed_by": state.get("completed_by_name") or "",
        "receiver": {
            "name": state.get("receiver_name") or "",
            "at": _when(state.get("receiver_at")),
        },
        "checklist_grid": grid,
        "checklist_anomalies": checklist_anomalies,
        "marks": marks,
        "anomalies": checklist_anomalies + [m["text"] for m in marks],
        "documents": documents,
        "discrepancies": discrepancies,
        "belongings": belongings,
        "belongings_summary": summary if belongings else word("none", lang),
        "belongings_text": sep.join(f"{b['name']} ×{b['qty']}" for b in belongings)
        or word("none", lang),
        "returned_at": _when(state.get("returned_at")),
        "return_note": state.get("return_note") or "",
    }
