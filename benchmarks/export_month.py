"""How long the Excel export of a busy month takes (issue 7: well under 2 s).

    python benchmarks/export_month.py [--runs 5] [--orders 3000] [--keep FILE.xlsx]

Builds in memory, without a database, the Report of October 2026 at a busy dealer:
3,000 orders (one detail row each) over the 28 Chery models of data/models.json, the
8 repair categories and 5 vehicle categories of data/, every day of the month, money
in all payers and payment methods; the Report of September as the previous period (the
workbook then carries 上期 / 变化 columns, as `service-desk export` writes it) and the
8 advisors' monthly summaries. Then times `write_workbook` (build the workbook and
save it to a temporary folder) --runs times in this process and prints the best and
the median wall time, the best CPU time of the process (less moved by other load on a
shared machine), the file size and the versions it ran with.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import statistics
import sys
import tempfile
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--keep", help="also write the workbook to this file")
    args = parser.parse_args()
    period = Period.month(2026, 10)
    report = busy_period(period, args.orders, seed=7)
    previous = busy_period(period.previous(), args.orders * 9 // 10, seed=8)
    reviews = monthly_summaries(period, seed=9)
    print(
        f"Python {platform.python_version()}, openpyxl {openpyxl.__version__}, "
        f"{platform.machine()} {platform.system()}"
    )
    print(
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
        f"of {args.runs} runs (CPU best {min(cpu):.3f} s); {size / 1024:,.0f} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
