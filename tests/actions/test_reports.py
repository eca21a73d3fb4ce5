"""The statistics report over the fixed two months of tests/stats_dataset.py: every figure
of a month, the previous month, a week and one advisor equals the hand-computed answer;
the same figures computed by brute force over every row (no period query) agree for
every month, week and day; the self-review's figures; the period queries' plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from service_desk.actions import reports
from service_desk.actions import settlement as sa
from service_desk.domain.clock import parse
from service_desk.domain.report import REVIEW_FIGURES, Period, Report
from service_desk.store import (
    checkin_queries,
    extra_work_queries,
    key_queries,
    queries,
    release_queries,
    schema_v13,
    schema_v16,
    settings,
    stats_queries,
    workshop_queries,
)
from tests import stats_dataset as sd


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    ctx = sd.make_ctx(tmp_path_factory.mktemp("stats") / "service_desk.sqlite3")
    dataset = sd.build(ctx)
    yield dataset
    ctx.db.close()


def report(data, period: Period, advisor: str | None = None) -> Report:
    advisor_id = data.staff[advisor] if advisor else None
    return reports.report(data.ctx.db, period, advisor_id, now=sd.NOW_REPORT)


def numbers(data, names: list[str]) -> list[str]:
    """The order numbers of the dataset's orders, by their names in stats_dataset."""
    rows = data.ctx.db.query("SELECT id, number FROM repair_orders")
    number = {r["id"]: r["number"] for r in rows}
    return [number[data.orders[n]] for n in names]


def check(data, r: Report, known: dict) -> None:
    """Every figure of the report against the known answers of stats_dataset."""
    assert r.received == len(known["received"])
    assert [d.number for d in r.details] == numbers(data, known["received"])
    assert r.declined == known["declined"]
    assert r.released == known["released"]
    assert [day for day, _ in r.daily_intake] == r.period.days
    assert {day: n for day, n in r.daily_intake if n} == known["intake"]
    for family in ("by_model", "by_vehicle_category", "by_repair_category"):
        assert [(c.code, c.count, c.amount_fen) for c in getattr(r, family)] == known[family]
    assert dataclasses.asdict(r.revenue) == known["revenue"]
    assert dataclasses.asdict(r.extra) == known["extra"]
    assert dataclasses.asdict(r.workshop) == known["workshop"]
    assert r.workshop.kept_rate_bp == known["kept_rate_bp"]
    assert dataclasses.asdict(r.exceptions) == known["exceptions"]


def test_november(data):
    r = report(data, Period.month(2026, 11))
    check(data, r, sd.NOVEMBER)
    assert r.period.label("zh") == "2026年11月"
    # the revenue adds up: the customers' share less discounts is paid or owed
    rev = r.revenue
    assert rev.total_fen == rev.customer_fen + rev.warranty_fen + rev.internal_fen
    assert rev.customer_fen - rev.discount_fen == rev.paid_fen + rev.arrears_fen
    assert sum(rev.by_method.values()) == rev.paid_fen
    assert list(rev.by_method) == ["cash", "card", "wechat", "alipay", "transfer"]
    # the names come from the reference data; an order without category is 未分类
    assert r.by_model[0].name_zh == "瑞虎8 PRO" and r.by_model[0].name("en") == "Tiggo 8 Pro"
    assert r.by_vehicle_category[0].name_zh == "小型轿车"
    assert r.by_repair_category[-1].name_zh == "返修"


def test_november_detail_rows(data):
    rows = {d.number: d for d in report(data, Period.month(2026, 11)).details}
    [a5, b2, b1, b3, b8, b7, b6] = (rows[n] for n in numbers(data, sd.NOVEMBER["received"]))
    assert a5.signed_at == "2026-11-01T00:00:00+08:00"
    assert (a5.model_code, a5.model_name, a5.vehicle_category) == ("ARRIZO5", "艾瑞泽5", "小型轿车")
    assert b1 == dataclasses.replace(
        b1,
        signed_at="2026-11-10T09:00:00+08:00",
        released_at="2026-11-10T17:50:00+08:00",
        plate="皖B10001",
        model_code="TIGGO8PRO",
        model_name="瑞虎8 PRO",
        vehicle_category="小型普通客车",
        repair_category="保养",
        advisor="王芳",
        customer="客户01",
        state="released",
        labour_fen=40000,
        parts_fen=70000,
        fees_fen=0,
        total_fen=110000,
        discount_fen=11000,
        paid_fen=99000,
        arrears_fen=0,
    )
    assert (b2.labour_fen, b2.parts_fen, b2.fees_fen, b2.total_fen) == (20000, 30000, 2000, 52000)
    assert (b2.paid_fen, b2.repair_category, b2.advisor) == (2000, "返修", "李强")
    assert (b3.total_fen, b3.paid_fen, b3.arrears_fen) == (150000, 100000, 50000)
    assert (b3.vehicle_category, b8.vehicle_category) == ("小型越野客车", "微型轿车")
    # released the old way: the time of the lifecycle step
    assert (b7.state, b7.released_at) == ("released", "2026-11-23T13:30:00+08:00")
    assert (b6.state, b6.released_at, b6.paid_fen, b6.total_fen) == ("in_progress", None, 0, 60000)


def test_october_the_previous_month(data):
    november = Period.month(2026, 11)
    r = report(data, november.previous())
    assert (r.period.start, r.period.end, r.period.kind) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 31),
        "month",
    )
    check(data, r, sd.OCTOBER)
    # signed in the last second of October: counted there, worked and billed in November
    a4 = r.details[-1]
    assert (a4.signed_at, a4.repair_category) == ("2026-10-31T23:59:59+08:00", "未分类")
    assert a4.released_at == "2026-11-01T11:40:00+08:00"


def test_a_week(data):
    week = Period.week(dt.date(2026, 11, 26))
    assert (week.start, week.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert week.label("zh") == "2026年第48周"
    check(data, report(data, week), sd.WEEK_48)
    before = report(data, week.previous())
    assert (before.period.start, before.period.end, before.period.kind) == (
        dt.date(2026, 11, 16),
        dt.date(2026, 11, 22),
        "week",
    )
    assert (before.received, before.declined, before.released) == (1, 1, 0)  # B8; B5


def test_one_advisor(data):
    check(data, report(data, Period.month(2026, 11), "李强"), sd.LI_NOVEMBER)


def test_advisors_add_up_to_the_dealer(data):
    month = Period.month(2026, 11)
    whole = report(data, month)
    parts = [report(data, month, name) for name in ("王芳", "李强")]
    assert sum(p.received for p in parts) == whole.received
    assert sum(p.declined for p in parts) == whole.declined
    assert sum(p.released for p in parts) == whole.released
    assert sum(p.revenue.total_fen for p in parts) == whole.revenue.total_fen
    assert sum(p.revenue.open_arrears_fen for p in parts) == whole.revenue.open_arrears_fen
    assert sum(p.extra.offered for p in parts) == whole.extra.offered
    assert sum(p.workshop.promises_kept for p in parts) == whole.workshop.promises_kept
    assert sum(p.exceptions.keys_out_late for p in parts) == whole.exceptions.keys_out_late


def test_self_review_figures(data):
    db, ids = data.ctx.db, data.staff
    month = Period.month(2026, 11)
    li = reports.self_review_figures(db, "month", month, ids["李强"], now=sd.NOW_REPORT)
    assert list(li) == list(REVIEW_FIGURES)
    assert li == sd.REVIEW_LI_NOVEMBER
    wang = reports.self_review_figures(db, "month", month, ids["王芳"], now=sd.NOW_REPORT)
    assert wang == sd.REVIEW_WANG_NOVEMBER
    day = Period.day(dt.date(2026, 11, 10))
    assert reports.self_review_figures(db, "day", day, ids["王芳"]) == sd.REVIEW_WANG_NOV_10
    with pytest.raises(ValueError):
        reports.self_review_figures(db, "week", Period.week(dt.date(2026, 11, 10)), ids["王芳"])
    with pytest.raises(ValueError):
        reports.self_review_figures(db, "day", month, ids["王芳"])
    with pytest.raises(ValueError):
        reports.self_review_figures(db, "month", Period.week(dt.date(2026, 11, 10)), ids["王芳"])


def test_a_key_still_out_is_late_once_the_limit_passed(data):
    week = Period.week(dt.date(2026, 11, 23))
    db = data.ctx.db
    # B7's key went out at 09:10 on the 23rd and never came back
    early = reports.report(db, week, now=sd.at(11, 23, 13, 10))
    assert early.exceptions.keys_out_late == 1  # B8's 6 h only
    late = reports.report(db, week, now=sd.at(11, 23, 13, 11))
    assert late.exceptions.keys_out_late == 2


# --- the brute force cross-check ---------------------------------------------------------


def brute(db, period: Period, advisor_id: int | None, now: dt.datetime) -> dict:
    """The report's figures from every row of every table, through the desks' own
    queries and the settlement statement, no period query involved."""
    tz = ZoneInfo(settings.get(db, "timezone"))
    start = dt.datetime.combine(period.start, dt.time(0), tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(0), tzinfo=tz)

    def inside(text: str | None) -> bool:
        return text is not None and start <= parse(text) < end

    orders = {o["id"]: o for o in db.query("SELECT * FROM repair_orders")}
    mine = [
        o for o in orders.values() if o["state"] != "void" and advisor_id in (None, o["advisor_id"])
    ]
    ids = {o["id"] for o in mine}
    received = sorted(
        (o for o in mine if inside(o["signed_at"])), key=lambda o: parse(o["signed_at"])
    )

    def moved(order_id: int, state: str) -> str | None:
        found = [
            e["at"]
            for e in queries.order_events(db, order_id)
            if e["to_state"] == state and e["from_state"] != state
        ]
        return found[-1] if found else None

    released_at = {oid: release_queries.released_at(db, oid) for oid in ids}
    released = [oid for oid in ids if inside(released_at[oid])]

    def line_total(order_id: int) -> int:
        return sum(x["amount_fen"] for x in queries.order_lines(db, order_id))

    def tally(code_of) -> dict:
        counts: Counter = Counter()
        amounts: Counter = Counter()
        for o in received:
            code = code_of(o) or ""
            counts[code] += 1
            amounts[code] += line_total(o["id"])
        return {code: (counts[code], amounts[code]) for code in counts}

    vehicles = {v["id"]: v for v in db.query("SELECT * FROM vehicles")}
    revenue: Counter = Counter()
    methods: Counter = Counter()
    settled = [
        s
        for s in db.query("SELECT * FROM settlements")
        if s["order_id"] in ids and inside(s["settled_at"])
    ]
    for s in settled:
        oid = s["order_id"]
        if orders[oid]["state"] in ("declined", "closed"):
            revenue["fees_fen"] += s["total_fen"]
            revenue["customer_fen"] += s["total_fen"]
        else:
            actual = sa.statement(db, oid)["actual"]
            for kind in ("labour_fen", "parts_fen", "fees_fen"):
                revenue[kind] += actual[kind]
            for payer, fen in actual["by_payer"].items():
                revenue[f"{payer}_fen"] += fen
        for name in ("discount_fen", "paid_fen", "arrears_fen"):
            revenue[name] += s[name]
        for p in sa.statement(db, oid)["payments"]:
            methods[p["method"]] += p["amount_fen"]
    open_arrears = sum(
        s["arrears_fen"]
        for s in db.query("SELECT * FROM settlements")
        if s["order_id"] in ids and parse(s["settled_at"]) < end
    )
    items = [
        x
        for oid in ids
        for x in extra_work_queries.extra_of_order(db, oid)
        if inside(x["reported_at"])
    ]
    minutes = []
    for oid in ids:
        done = moved(oid, "completed")
        if inside(done):
            handed = workshop_queries.handoff(db, oid)["handed_at"]
            minutes.append((parse(done) - parse(handed)).total_seconds() / 60)
    due = kept = 0
    for oid in released:
        ready = workshop_queries.pickup_ready(db, oid)
        ready_at = ready["notified_at"] if ready else moved(oid, "ready")
        due += 1
        kept += parse(ready_at) <= parse(orders[oid]["promised_at"])
    alert = dt.timedelta(hours=settings.get(db, "key_out_alert_hours"))
    late = not_returned = 0
    for oid in ids:
        events = key_queries.key_events(db, oid)
        for i, e in enumerate(events):
            if e["action"] in ("to_workshop", "test_drive") and inside(e["at"]):
                after = [n for n in events[i + 1 :] if n["key_id"] == e["key_id"]]
                back = parse(after[0]["at"]) if after else now
                late += back - parse(e["at"]) > alert
        if oid in released:
            gone = parse(released_at[oid])
            handed_back = {e["key_id"]: parse(e["at"]) for e in events if e["action"] == "returned"}
            not_returned += any(
                k["id"] not in handed_back or handed_back[k["id"]] > gone
                for k in key_queries.keys_of_order(db, oid)
            )
    short = sum(
        any(
            b["returned_qty"] is not None and b["returned_qty"] < b["qty"]
            for b in checkin_queries.belongings(db, oid)
        )
        for oid in released
    )
    return {
        "received": [o["number"] for o in received],
        "declined": sum(1 for o in mine if inside(o["declined_at"])),
        "released": len(released),
        "by_model": tally(lambda o: vehicles[o["vehicle_id"]]["model_code"]),
        "by_vehicle_category": tally(lambda o: vehicles[o["vehicle_id"]]["category_code"]),
        "by_repair_category": tally(lambda o: o["repair_category"]),
        "revenue": {
            **{
                k: revenue[k]
                for k in (
                    "labour_fen",
                    "parts_fen",
                    "fees_fen",
                    "customer_fen",
                    "warranty_fen",
                    "internal_fen",
                    "discount_fen",
                    "paid_fen",
                    "arrears_fen",
                )
            },
            "total_fen": revenue["labour_fen"] + revenue["parts_fen"] + revenue["fees_fen"],
            "open_arrears_fen": open_arrears,
            "settled_orders": len(settled),
            "by_method": dict(methods),
        },
        "extra": {
            "offered": len(items),
            "accepted": sum(1 for x in items if x["state"] == "approved"),
            "declined": sum(1 for x in items if x["state"] == "declined"),
            "offered_fen": sum(x["amount_fen"] for x in items),
            "accepted_fen": sum(x["amount_fen"] for x in items if x["state"] == "approved"),
        },
        "workshop": {
            "completed": len(minutes),
            "average_minutes": int(sum(minutes) / len(minutes) + 0.5) if minutes else None,
            "promises_due": due,
            "promises_kept": kept,
        },
        "exceptions": {
            "keys_out_late": late,
            "keys_not_returned": not_returned,
            "belongings_missing": short,
            "comebacks": sum(
                1 for o in received if release_queries.comeback(db, o["id"]) is not None
            ),
        },
    }


def figures(r: Report) -> dict:
    def tally(counts):
        return {c.code: (c.count, c.amount_fen) for c in counts}

    return {
        "received": [d.number for d in r.details],
        "declined": r.declined,
        "released": r.released,
        "by_model": tally(r.by_model),
        "by_vehicle_category": tally(r.by_vehicle_category),
        "by_repair_category": tally(r.by_repair_category),
        "revenue": dataclasses.asdict(r.revenue),
        "extra": dataclasses.asdict(r.extra),
        "workshop": dataclasses.asdict(r.workshop),
        "exceptions": dataclasses.asdict(r.exceptions),
    }


def periods() -> list[Period]:
    found = [Period.month(2026, m) for m in (9, 10, 11, 12)]
    found.append(Period(dt.date(2026, 9, 1), dt.date(2026, 12, 31)))  # everything
    day = dt.date(2026, 9, 28)
    while day <= dt.date(2026, 12, 1):
        found.append(Period.day(day))
        if day.weekday() == 0:
            found.append(Period.week(day))
        day += dt.timedelta(days=1)
    return found


def test_figures_equal_brute_force_over_all_rows(data):
    db = data.ctx.db
    advisors = (None, data.staff["王芳"], data.staff["李强"])
    checked = Counter()
    for period in periods():
        for advisor_id in advisors:
            r = reports.report(db, period, advisor_id, now=sd.NOW_REPORT)
            expected = brute(db, period, advisor_id, sd.NOW_REPORT)
            assert figures(r) == expected, (period, advisor_id)
            assert r.received == len(expected["received"])
            checked[period.kind] += 1
            checked["orders"] += r.received
    assert checked["orders"] > 0 and checked["week"] >= 27 and checked["day"] >= 180


def test_a_report_without_details_has_the_same_figures(data):
    """details=False (the previous period of a comparison, a self-review's figures)
    reads less of each signed order: every figure is the same, no detail rows."""
    db = data.ctx.db
    with_rows = 0
    for period in periods():
        for advisor_id in (None, data.staff["王芳"]):
            full = reports.report(db, period, advisor_id, now=sd.NOW_REPORT)
            light = reports.report(db, period, advisor_id, now=sd.NOW_REPORT, details=False)
            assert light == dataclasses.replace(full, details=[]), (period, advisor_id)
            with_rows += bool(full.details)
    assert with_rows > 20


def test_the_whole_span_holds_every_order_once(data):
    r = report(data, Period(dt.date(2026, 9, 1), dt.date(2026, 12, 31)))
    # A1 A2 A4 A5 B1 B2 B3 B6 B7 B8 signed; B4 void; A3 and B5 declined
    assert r.received == 10 and r.declined == 2 and r.released == 9
    assert r.revenue.settled_orders == 10
    # A4, signed in October, was settled in November: billed once, in November
    october, november = sd.OCTOBER["revenue"], sd.NOVEMBER["revenue"]
    assert r.revenue.total_fen == october["total_fen"] + november["total_fen"]
    assert r.revenue.open_arrears_fen == 50000
    assert sum(n for _, n in r.daily_intake) == r.received


# --- query plans -------------------------------------------------------------------------


def test_each_period_query_uses_a_range_index_and_no_full_scan(db, monkeypatch):
    """With the indexes of migrations 013 and 016 (and 014's appointments_day), no query
    of a period scans a table: the range index finds the period's rows, the order_id
    indexes the rest."""
    ranges = [s.split()[2] for s in (*schema_v13.STATEMENTS, *schema_v16.STATEMENTS)]
    ranges.append("appointments_day")
    seen: list[tuple[str, list]] = []
    real = stats_queries._rows

    def spy(database, sql, params):
        seen.append((sql, params))
        return real(database, sql, params)

    monkeypatch.setattr(stats_queries, "_rows", spy)
    for advisor_id in (None, 1):
        for details in (True, False):
            period = Period.month(2026, 11)
            reports.report(db, period, advisor_id, now=sd.NOW_REPORT, details=details)
    assert len(seen) == 4 * 14
    for sql, params in seen:
        plan = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
        assert not [step for step in plan if step.startswith("SCAN")], (sql, plan)
        assert any(f"INDEX {name} (" in step for step in plan for name in ranges), plan
