"""Crash safety, proven (R20): a writer process doing real counter work (walk-ins, repair
orders, lines, signatures) is killed with SIGKILL at a random moment, again and again on
the same database. After every kill: each transaction the writer saw return (it logs it,
flushed, after the action returned) is in the database, ``PRAGMA integrity_check`` says
ok, and the app opens the file (migrations included: the first runs are killed while
the database is being created).

    PYTHONPATH=. python benchmarks/crash_kill.py --runs 300

The test suite runs a few rounds of the same harness (tests/store/test_crash_safety.py).
POSIX only (SIGKILL); on Windows the same holds for TerminateProcess, not tested here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "staff": "staff",
    "customer": "customers",
    "order": "repair_orders",
    "line": "order_lines",
}


def child(db_path: Path, log_path: Path) -> None:
    """Write forever, logging each record after its action returned."""
    from service_desk.actions import archive, orders, staff
    from service_desk.actions.archive import CustomerInput, VehicleInput
    from service_desk.actions.context import Ctx
    from service_desk.domain.clock import fixed_clock
    from service_desk.domain.pricing import LineDraft
    from service_desk.store.open import open_database

    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 (kept open until killed)

    def logged(kind: str, record_id: int) -> None:
        log.write(f"{kind} {record_id}\n")
        log.flush()
        os.fsync(log.fileno())

    db = open_database(db_path)
    now = dt.datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    ctx = Ctx(db, fixed_clock(now))
    found = db.execute("SELECT id FROM staff WHERE name = '王芳'").fetchone()
    if found is None:
        ctx.user_id = staff.add_staff(ctx, "王芳", "advisor")
        logged("staff", ctx.user_id)
    else:
        ctx.user_id = found[0]
    n = db.execute("SELECT count(*) FROM vehicles").fetchone()[0]
    while True:
        n += 1
        _, vid = archive.register_walk_in(
            ctx,
            CustomerInput(name=f"客户{n}", phone=f"139{n:08d}"),
            VehicleInput(
                plate=f"皖A{n:05d}",
                model_code="TIGGO8PRO",
                category_code="small_passenger",
                odometer_km=1000 + n,
            ),
        )
        customer = db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vid]).fetchone()[0]
        logged("customer", customer)
        oid = orders.open_order(ctx, vid, "保养")
        logged("order", oid)
        for k in range(3):
            line = orders.add_line(
                ctx,
                oid,
                LineDraft(
                    kind="labour",
                    description=f"项目{k}",
                    mode="item",
                    qty_milli=1000,
                    unit_price_fen=10_000 + k,
                ),
            )
            logged("line", line)


@dataclass
class Outcome:
    runs: int = 0
    writes: int = 0
    lost: list[str] = field(default_factory=list)
    bad_integrity: int = 0
    reopen_failures: int = 0
    seconds: float = 0.0


def check(db_path: Path, log_path: Path) -> tuple[int, list[str], bool]:
    """(records logged, those missing, integrity ok) after a kill."""
    lines = log_path.read_text(encoding="utf-8").split("\n") if log_path.exists() else []
    records = [line.split() for line in lines if line.strip()]
    if not db_path.exists():
        return len(records), [" ".join(r) for r in records], True
    conn = sqlite3.connect(db_path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        lost = [
            f"{kind} {rid}"
            for kind, rid in records
            if conn.execute(f"SELECT 1 FROM {TABLES[kind]} WHERE id = ?", [int(rid)]).fetchone()
            is None
        ]
    finally:
        conn.close()
    return len(records), lost, ok


def reopens(db_path: Path) -> bool:
    from service_desk.store.open import open_database

    try:
        open_database(db_path).close()
    except Exception:
        return False
    return True


def run(folder: Path, runs: int, seed: int, kill_after: tuple[float, float]) -> Outcome:
    rnd = random.Random(seed)
    db_path, log_path = folder / "crash.sqlite3", folder / "written.log"
    outcome = Outcome()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    for _ in range(runs):
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(db_path), str(log_path)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rnd.uniform(*kill_after))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcome.runs += 1
        writes, lost, ok = check(db_path, log_path)
        outcome.writes, outcome.lost = writes, lost
        outcome.bad_integrity += 0 if ok else 1
        outcome.reopen_failures += 0 if reopens(db_path) else 1
    outcome.seconds = time.perf_counter() - start
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", help="where the database and log go (default: a temp dir)")
    parser.add_argument("--child", nargs=2, metavar=("DB", "LOG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return 0
    import tempfile

    folder = Path(args.folder or tempfile.mkdtemp(prefix="crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    o = run(folder, args.runs, args.seed, (0.3, 2.5))
    print(
        f"runs {o.runs}, writes logged {o.writes:,}, records lost {len(o.lost)}, "
        f"integrity failures {o.bad_integrity}, reopen failures {o.reopen_failures} "
        f"({o.seconds:.0f} s; {folder})"
    )
    return 0 if not o.lost and not o.bad_integrity and not o.reopen_failures else 1


if __name__ == "__main__":
    sys.exit(main())
