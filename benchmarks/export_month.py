"""How long the Excel export of a busy month takes (issue 7: "exporting a month of a busy
dealer (about 3,000 orders and 20,000 lines) takes ≤ 2 s").

    python benchmarks/export_month.py [--runs 5] [--orders 3000] [--lines 6.7]
        [--db FILE.sqlite3] [--cache DIR] [--processes 3] [--check]
        [--keep FILE.xlsx] [--keep-export FILE.xlsx] [--synthetic-only]

1. Synthetic (no database): builds in memory the Report of October 2026 at a busy
   dealer: 3,000 orders (one detail row each) over the 28 Chery models of
   data/models.json, the 8 repair categories and 5 vehicle categories of data/, every
   day of the month, money in all payers and payment methods; the Report of September as
   the previous period (the workbook then carries 上期 / 变化 columns, as `service-desk
   export` writes it) and the 8 advisors' monthly summaries. Then times
   `write_workbook` (build the workbook and save it to a temporary folder) --runs times
   in this process: the best and the median wall time, the best CPU time of the process
   (less moved by other load on a shared machine) and the file size.

2. End to end, on a database: benchmarks/dataset.py generates September and October
   2026 with --orders orders a month and --lines order lines an order (3,000 and 6.7:
   ~20,000 lines a month), once, cached in --cache (default: a folder in the temporary
   directory, named after the parameters, the generator's version and the schema), or
   takes --db. Then times `service-desk export --month 2026-10` as the counter runs it:
   ``service_desk.app.main(["export", "--month", "2026-10", "--out", F, "--data-dir",
   D])`` in this process (open the database, report of October, report of September,
   reviews_for, write_workbook), --runs times, best and median; the same parts one by
   one on one open database (report current, report previous, reviews_for,
   write_workbook); and --processes fresh processes ``python -m service_desk export
   ...`` (interpreter start and imports included; informative, not the claim).
   ``--check`` also writes the month's workbook with openpyxl's own ``Workbook.save``
   and compares every part of the file with service_desk/export/saving.py's output
   byte for byte (only docProps/core.xml's save time may differ).

Prints the versions it ran with, the load average and, for scale, ``python -m timeit
"sum(range(10**6))"``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import zipfile
from pathlib import Path

import openpyxl

from service_desk.domain.report import (
    REVIEW_FIGURES,
    Count,
    DetailRow,
    Exceptions,
    ExtraWork,
    Period,
    Report,
    Revenue,
    SelfReview,
    Workshop,
)
from service_desk.export import write_workbook

DATA = Path(__file__).resolve().parent.parent / "data"
ADVISORS = ("王芳", "李强", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄涛")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
STATES = ("released", "done", "settled", "ready", "in_progress", "declined")
METHODS = ("cash", "card", "wechat", "alipay", "transfer")


def _load(name: str) -> list[dict]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def busy_period(period: Period, orders: int, seed: int) -> Report:
    rnd = random.Random(seed)
    models = _load("models")
    repairs = _load("repair_categories")
    vehicles = _load("vehicle_categories")
    days = period.days
    details = []
    by_model: dict[str, int] = {}
    by_vehicle: dict[str, int] = {}
    by_repair: dict[str, list[int]] = {}
    daily = dict.fromkeys(days, 0)
    weights = [1 / (i + 1) for i in range(len(models))]
    for n in range(orders):
        day = days[n * len(days) // orders]
        daily[day] += 1
        model = rnd.choices(models, weights)[0]
        vehicle = rnd.choice(vehicles)
        repair = rnd.choice(repairs)
        labour = rnd.randrange(5_000, 150_000)
        parts = rnd.randrange(0, 400_000)
        fees = rnd.choice((0, 0, 5_000, 10_000))
        total = labour + parts + fees
        discount = rnd.choice((0, 0, 0, total // 20))
        arrears = rnd.choice((0,) * 19 + (total // 3,))
        paid = total - discount - arrears
        signed = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=rnd.randrange(600))
        released = signed + dt.timedelta(hours=rnd.randrange(2, 60))
        details.append(
            DetailRow(
                number=f"WX{day:%Y%m%d}{n % 200 + 1:04d}",
                signed_at=signed.isoformat() + "+08:00",
                released_at=released.isoformat() + "+08:00" if rnd.random() < 0.9 else None,
                plate=f"皖B{rnd.randrange(10_000, 99_999)}",
                model_code=model["code"],
                model_name=model["name_zh"],
                vehicle_category=vehicle["name_zh"],
                repair_category=repair["name_zh"],
                advisor=rnd.choice(ADVISORS),
                customer=rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(("", *GIVEN)),
                state=rnd.choice(STATES),
                labour_fen=labour,
                parts_fen=parts,
                fees_fen=fees,
                total_fen=total,
                discount_fen=discount,
                paid_fen=paid,
                arrears_fen=arrears,
            )
        )
        by_model[model["code"]] = by_model.get(model["code"], 0) + 1
        by_vehicle[vehicle["code"]] = by_vehicle.get(vehicle["code"], 0) + 1
        slot = by_repair.setdefault(repair["code"], [0, 0])
        slot[0] += 1
        slot[1] += total

    def counts(items: list[dict], values: dict) -> list[Count]:
        rows = []
        for item in items:
            value = values.get(item["code"])
            if value:
                count, fen = value if isinstance(value, list) else (value, 0)
                rows.append(Count(item["code"], item["name_zh"], item["name_en"], count, fen))
        return sorted(rows, key=lambda c: -c.count)

    labour = sum(d.labour_fen for d in details)
    parts = sum(d.parts_fen for d in details)
    fees = sum(d.fees_fen for d in details)
    total = labour + parts + fees
    warranty, internal = total * 10 // 100, total * 2 // 100
    customer = total - warranty - internal
    discount = sum(d.discount_fen for d in details)
    arrears = sum(d.arrears_fen for d in details)
    paid = customer - discount - arrears
    split = [rnd.random() for _ in METHODS]
    by_method = {m: paid * s // sum(split) for m, s in zip(METHODS, split, strict=True)}
    by_method["cash"] += paid - sum(by_method.values())
    return Report(
        period=period,
        received=orders,
        released=orders * 9 // 10,
        declined=orders // 40,
        daily_intake=sorted(daily.items()),
        by_model=counts(models, by_model),
        by_vehicle_category=counts(vehicles, by_vehicle),
        by_repair_category=counts(repairs, by_repair),
        revenue=Revenue(
            labour_fen=labour,
            parts_fen=parts,
            fees_fen=fees,
            total_fen=total,
            customer_fen=customer,
            warranty_fen=warranty,
            internal_fen=internal,
            discount_fen=discount,
            paid_fen=paid,
            arrears_fen=arrears,
            open_arrears_fen=arrears * 3,
            settled_orders=orders * 9 // 10,
            by_method=by_method,
        ),
        extra=ExtraWork(420, 300, 100, 42_000_000, 30_500_000),
        workshop=Workshop(orders * 9 // 10, 263, orders * 9 // 10, orders * 8 // 10),
        exceptions=Exceptions(12, 3, 2, 18),
        details=details,
    )


def monthly_summaries(period: Period, seed: int) -> list[SelfReview]:
    rnd = random.Random(seed)
    return [
        SelfReview(
            kind="month",
            period=period,
            advisor=name,
            figures={
                key: rnd.randrange(0, 5_000_000 if key.endswith("_fen") else 400)
                for key in REVIEW_FIGURES
            },
            went_well="本月接车量稳定，保养客户回访及时，追加项目沟通清楚，客户满意度较高。",
            to_improve="个别车辆交车时间比承诺晚，需要提前与车间确认进度。",
            plan="下月重点跟进欠收客户，提高守约率到95%以上。",
            saved_at=f"{period.end.isoformat()}T18:00:00+08:00",
        )
        for name in ADVISORS
    ]


def synthetic(args: argparse.Namespace) -> None:
    period = Period.month(2026, 10)
    report = busy_period(period, args.orders, seed=7)
    previous = busy_period(period.previous(), args.orders * 9 // 10, seed=8)
    reviews = monthly_summaries(period, seed=9)
    print(
        f"## Synthetic Report (no database)\n\n"
        f"report: {len(report.details):,} detail rows, {len(report.by_model)} models, "
        f"{len(report.by_repair_category)} repair categories, previous period, "
        f"{len(reviews)} monthly summaries"
    )
    times, cpu = [], []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "export.xlsx"
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            write_workbook(report, out, previous=previous, reviews=reviews)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        size = out.stat().st_size
        if args.keep:
            Path(args.keep).write_bytes(out.read_bytes())
    print(
        f"write_workbook: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"of {args.runs} runs (CPU best {min(cpu):.3f} s); {size / 1024:,.0f} KB\n"
    )


# --- end to end on a generated database ----------------------------------------------------

MONTH = "2026-10"
FIRST = dt.date(2026, 9, 1)  # September (the previous period) and October
GOAL_S = 2.0


def dataset_file(args: argparse.Namespace) -> Path:
    """The database to export from: --db, else the cached generated one (made if missing)."""
    import dataset  # benchmarks/dataset.py, beside this script

    from service_desk.paths import DB_FILENAME
    from service_desk.store.migrations import STEPS

    if args.db:
        path = Path(args.db)
    else:
        name = (
            f"export-{FIRST:%Y%m}x2-{args.orders}x{args.lines:g}-seed{args.seed}"
            f"-gen{dataset.VERSION}-schema{len(STEPS)}"
        )
        path = Path(args.cache) / name / DB_FILENAME
    if path.exists():
        print(f"database: {path} (cached)")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"database: generating {path} …", flush=True)
    made = dataset.generate(path, FIRST, 2, args.orders, args.lines, args.seed)
    print(
        f"generated {made['orders']:,.0f} orders, {made['lines']:,.0f} lines, "
        f"{made['rows']:,.0f} rows in {made['seconds']:.1f} s "
        f"({made['rows'] / made['seconds']:,.0f} rows/s)"
    )
    return path


def data_dir_for(db_path: Path, scratch: Path) -> Path:
    """A --data-dir whose database is db_path (a folder with a link when it is named
    otherwise than the app's database file)."""
    from service_desk.paths import DB_FILENAME

    if db_path.name == DB_FILENAME:
        return db_path.parent
    folder = scratch / "data"
    folder.mkdir(exist_ok=True)
    (folder / DB_FILENAME).symlink_to(db_path.resolve())
    return folder


def timed(fn, runs: int) -> tuple[list[float], list[float], object]:  # type: ignore[no-untyped-def]
    walls, cpus, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return walls, cpus, result


def row(label: str, walls: list[float], cpus: list[float] | None = None) -> str:
    cpu = f"{min(cpus):.3f} s" if cpus else "—"
    return (
        f"| {label} | {min(walls):.3f} s | {statistics.median(walls):.3f} s | {cpu} "
        f"| {len(walls)} |"
    )


def period_sizes(db, period: Period) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(orders opened in the period, their order lines) straight from the tables."""
    start = f"{period.start.isoformat()}T00:00:00+08:00"
    end = f"{(period.end + dt.timedelta(days=1)).isoformat()}T00:00:00+08:00"
    orders, lines = db.execute(
        "SELECT count(DISTINCT o.id), count(l.id) FROM repair_orders o "
        "LEFT JOIN order_lines l ON l.order_id = o.id "
        "WHERE o.created_at >= ? AND o.created_at < ?",
        [start, end],
    ).fetchone()
    return orders, lines


def end_to_end(args: argparse.Namespace) -> bool:
    from service_desk.actions.reports import report
    from service_desk.actions.self_review import reviews_for
    from service_desk.app import main as app_main
    from service_desk.store.open import open_database

    print("## End to end on a generated database\n")
    db_path = dataset_file(args)
    period = Period.month(2026, 10)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        data_dir = data_dir_for(db_path, scratch)
        out = scratch / "export.xlsx"
        argv = ["export", "--month", MONTH, "--out", str(out), "--data-dir", str(data_dir)]
        db = open_database(db_path)
        try:
            orders, lines = period_sizes(db, period)
            prev_orders, prev_lines = period_sizes(db, period.previous())
            print(
                f"opened in October: {orders:,} orders with {lines:,} order lines; "
                f"in September: {prev_orders:,} orders, {prev_lines:,} lines"
            )
            cur_t, cur_c, current = timed(lambda: report(db, period), args.runs)
            prev_t, prev_c, previous = timed(lambda: report(db, period.previous()), args.runs)
            rev_t, rev_c, reviews = timed(lambda: reviews_for(db, period), args.runs)
        finally:
            db.close()
        book_t, book_c, _ = timed(
            lambda: write_workbook(current, out, previous=previous, reviews=reviews), args.runs
        )
        size = out.stat().st_size

        def export() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                code = app_main(argv)
            if code != 0:
                raise SystemExit(f"service-desk export failed with {code}")

        end_t, end_c, _ = timed(export, args.runs)
        if args.keep_export:
            Path(args.keep_export).write_bytes(out.read_bytes())
        fresh = fresh_processes(argv, args.processes)
        if args.check:
            check_same_file(current, previous, reviews, scratch)
    print(
        f"report of October: {current.received:,} received (signed), {len(current.details):,} "
        f"detail rows, {current.released:,} released, {current.revenue.settled_orders:,} "
        f"settled; {len(reviews)} self-reviews; workbook {size / 1024:,.0f} KB\n"
    )
    print("| step | best | median | CPU best | runs |")
    print("|---|---:|---:|---:|---:|")
    print(row("report(October) — current", cur_t, cur_c))
    print(row("report(September) — previous", prev_t, prev_c))
    print(row("reviews_for(October)", rev_t, rev_c))
    print(row("write_workbook", book_t, book_c))
    parts = [sum(x) for x in zip(cur_t, prev_t, rev_t, book_t, strict=True)]
    print(row("sum of the parts", parts))
    print(row(f"**service-desk export --month {MONTH}** (in process)", end_t, end_c))
    if fresh:
        print(row("python -m service_desk export … (fresh process)", fresh))
    best = min(end_t)
    verdict = "met" if best <= GOAL_S else "NOT met"
    print(
        f"\nGoal (issue 7): export of a busy month ≤ {GOAL_S:.0f} s: {verdict}, best "
        f"{best:.2f} s, median {statistics.median(end_t):.2f} s (in process)."
    )
    return best <= GOAL_S


def fresh_processes(argv: list[str], processes: int) -> list[float]:
    """Wall time of `python -m service_desk export …` in new processes (the package
    imported from the same folder as here)."""
    import service_desk

    root = Path(service_desk.__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    times = []
    for _ in range(processes):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "service_desk", *argv],
            check=True,
            env=env,
            cwd=root,  # -m looks in the working folder first
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return times


def check_same_file(report: Report, previous: Report, reviews, scratch: Path) -> None:  # type: ignore[no-untyped-def]
    """service_desk/export/saving.py writes what openpyxl's Workbook.save writes."""
    from service_desk.export.saving import save_workbook
    from service_desk.export.workbook import build_workbook

    ours, theirs = scratch / "ours.xlsx", scratch / "openpyxl.xlsx"
    save_workbook(build_workbook(report, previous, reviews), ours)
    build_workbook(report, previous, reviews).save(theirs)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        if a.namelist() != b.namelist():
            raise SystemExit(f"--check: parts differ: {a.namelist()} / {b.namelist()}")
        differ = [n for n in a.namelist() if a.read(n) != b.read(n) and n != "docProps/core.xml"]
    if differ:
        raise SystemExit(f"--check: saving.py and openpyxl wrote different {differ}")
    print(f"--check: saving.py wrote the same {len(a.namelist())} parts as openpyxl's save")


def scale() -> str:
    """`python -m timeit "sum(range(10**6))"`, best of 5 (this machine's speed)."""
    number = 10
    best = min(timeit.repeat("sum(range(10**6))", number=number, repeat=5)) / number
    return f"{best * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--orders", type=int, default=3000, help="orders a month")
    parser.add_argument("--lines", type=float, default=6.7, help="order lines an order")
    parser.add_argument("--seed", type=int, default=1, help="of the generated database")
    parser.add_argument("--db", help="export from this database (generated there if missing)")
    parser.add_argument(
        "--cache",
        default=str(Path(tempfile.gettempdir()) / "service-desk-bench"),
        help="folder of the generated databases",
    )
    parser.add_argument("--processes", type=int, default=3, help="fresh-process exports")
    parser.add_argument("--check", action="store_true", help="compare with openpyxl's save")
    parser.add_argument("--keep", help="also write the synthetic workbook to this file")
    parser.add_argument("--keep-export", help="also write the exported workbook to this file")
    parser.add_argument("--synthetic-only", action="store_true")
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, openpyxl {openpyxl.__version__} "
        f"(lxml: {'yes' if openpyxl.LXML else 'no'}), SQLite {sqlite3.sqlite_version}, "
        f"{platform.machine()} {platform.system()}, {os.cpu_count()} cores; "
        f'timeit "sum(range(10**6))": {scale()}; load average {load_average()}\n'
    )
    print(f"code measured: {code_version()}\n")
    synthetic(args)
    if args.synthetic_only:
        return 0
    met = end_to_end(args)
    print(f"load average after: {load_average()}")
    return 0 if met else 1


def code_version() -> str:
    """Which service_desk was measured: its folder, git commit and uncommitted changes."""
    import service_desk

    root = Path(service_desk.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{root} (not a git checkout)"
    dirty = git("status", "--porcelain", "--", "service_desk")
    return f"{root} at commit {commit}" + (" + uncommitted changes" if dirty else "")


def load_average() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


if __name__ == "__main__":
    sys.exit(main())
