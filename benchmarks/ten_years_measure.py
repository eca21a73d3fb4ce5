"""The measurements of benchmarks/ten_years.py that run in its own process, on the main
window it opens: search as you type, open an order, render the repair order, export a
month, each beside its bare-library baseline (see ten_years.py)."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


def fragments(con: sqlite3.Connection, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) for every keystroke of what the counter types."""
    typed: list[tuple[str, str]] = []

    def keys(kind: str, text: str, first: int = 1) -> None:
        typed.extend((kind, text[:n]) for n in range(first, len(text) + 1))

    def pick(sql: str, n: int) -> list[str]:
        rows = [r[0] for r in con.execute(sql)]
        return rng.sample(rows, min(n, len(rows)))

    for plate in pick("SELECT plate FROM vehicles", 12):
        keys("plate", plate[-5:])
    for phone in pick("SELECT phone FROM customers", 12):
        keys("phone", phone[-4:])
    for phone in pick("SELECT phone FROM customers", 6):
        keys("phone", phone[:7], 3)
    for name in pick("SELECT name FROM customers", 12):
        keys("name", name[:3])
    for number in pick("SELECT number FROM repair_orders", 8):
        keys("order", number[-6:])
    return typed


def bare_search(con: sqlite3.Connection, text: str) -> None:
    con.execute(
        "SELECT id, name, phone FROM customers WHERE phone >= ? AND phone < ? ORDER BY phone"
        " LIMIT 50",
        [text, text + "\U0010ffff"],
    ).fetchall()


def measure_search(app, window, con, rng) -> dict:  # type: ignore[no-untyped-def]
    from service_desk.store.queries import search

    typed = fragments(con, rng)
    ours: dict[str, list[float]] = {}
    bare: list[float] = []
    store: list[float] = []
    for kind, text in typed:
        start = time.perf_counter()
        window.search.edit.setText(text)  # as typing does: textChanged -> run
        app.processEvents()
        ours.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        search(window.session.db, text)
        store.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        bare_search(con, text)
        bare.append((time.perf_counter() - start) * 1000)
    window.search.edit.clear()
    window.search.results.hide()
    every = [ms for values in ours.values() for ms in values]
    return {
        "ours_ms": every,
        "by_kind": ours,
        "store_ms": store,
        "bare_ms": bare,
        "keystrokes": len(typed),
    }


def measure_open(app, window, con, rng) -> dict:  # type: ignore[no-untyped-def]
    rows = con.execute("SELECT id, customer_id, vehicle_id FROM repair_orders").fetchall()
    picked = rng.sample(rows, 30)
    ours, bare = [], []
    for order_id, customer_id, vehicle_id in picked:
        start = time.perf_counter()
        window.picked(customer_id, vehicle_id, order_id)
        app.processEvents()
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        con.execute("SELECT * FROM repair_orders WHERE id = ?", [order_id]).fetchall()
        con.execute(
            "SELECT * FROM order_lines WHERE order_id = ? ORDER BY id", [order_id]
        ).fetchall()
        con.execute("SELECT * FROM vehicles WHERE id = ?", [vehicle_id]).fetchall()
        con.execute("SELECT * FROM customers WHERE id = ?", [customer_id]).fetchall()
        bare.append((time.perf_counter() - start) * 1000)
    return {"ours_ms": ours, "bare_ms": bare}


def measure_render(db, con, rng) -> dict:  # type: ignore[no-untyped-def]
    import fpdf
    from ten_years_gui import NOW

    from service_desk.printing import fonts
    from service_desk.printing.forms import render_form

    fonts.preload(fonts.find_cjk_font())
    rows = con.execute(
        """SELECT o.id FROM repair_orders o WHERE o.state = 'done' AND o.created_at >= '2026-09'
           AND (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id
                AND l.status = 'active') >= 8"""
    ).fetchall()
    picked = [r[0] for r in rng.sample(rows, 10)]
    texts = {
        oid: [
            r[0]
            for r in con.execute(
                "SELECT description FROM order_lines WHERE order_id = ? ORDER BY id", [oid]
            )
        ]
        for oid in picked
    }
    render_form(db, "repair_order", picked[0], now=NOW, printed_by="王芳")  # the first one
    ours, bare, pages = [], [], 0
    for _ in range(3):
        for oid in picked:
            start = time.perf_counter()
            pdf_bytes = render_form(db, "repair_order", oid, now=NOW, printed_by="王芳")
            ours.append((time.perf_counter() - start) * 1000)
            pages = max(pages, pdf_bytes.count(b"/Type /Page") - pdf_bytes.count(b"/Type /Pages"))
            start = time.perf_counter()
            pdf = fpdf.FPDF(format="A4")
            fonts.add_cjk_font(pdf)
            pdf.add_page()
            pdf.set_font("cjk", size=10)
            for line in ["维修委托书", *texts[oid], *texts[oid]]:
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.output()
            bare.append((time.perf_counter() - start) * 1000)
    return {"ours_ms": ours, "bare_ms": bare, "orders": len(picked), "max_pages": pages}


def measure_export(db_path: Path, scratch: Path, runs: int) -> dict:
    import openpyxl
    from export_month import data_dir_for

    from service_desk.app import main as app_main

    data_dir = data_dir_for(db_path, scratch)
    out = scratch / "month.xlsx"
    ours = []
    for _ in range(runs):
        out.unlink(missing_ok=True)
        start = time.perf_counter()
        code = app_main(
            ["export", "--month", "2026-10", "--out", str(out), "--data-dir", str(data_dir)]
        )
        ours.append(time.perf_counter() - start)
        assert code == 0, code
    book = openpyxl.load_workbook(out, read_only=True)
    shapes = [(ws.title, ws.max_row, ws.max_column) for ws in book.worksheets]
    book.close()
    bare = []
    for _ in range(runs):
        start = time.perf_counter()
        plain = openpyxl.Workbook()
        plain.remove(plain.active)
        for title, rows, columns in shapes:
            sheet = plain.create_sheet(title)
            for r in range(rows):
                sheet.append([r * columns + c if c % 2 else f"值{c}" for c in range(columns)])
        plain.save(scratch / "plain.xlsx")
        bare.append(time.perf_counter() - start)
    cells = sum(rows * columns for _t, rows, columns in shapes)
    return {"ours_s": ours, "bare_s": bare, "sheets": len(shapes), "cells": cells}


def in_process(db_path: Path, scratch: Path, runs: int) -> dict:
    from ten_years_gui import isolate_settings, open_window, print_one_order

    isolate_settings(str(scratch / "qs-parent"))
    rng = random.Random(1)
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    app, window = open_window(db_path)
    app.processEvents()
    print_one_order(app, window)  # the first order of the day: printing loaded, not measured
    results = {
        "search": measure_search(app, window, con, rng),
        "open": measure_open(app, window, con, rng),
        "render": measure_render(window.session.db, con, rng),
    }
    window.close()
    results["export"] = measure_export(db_path, scratch, max(3, runs))
    con.close()
    return results
