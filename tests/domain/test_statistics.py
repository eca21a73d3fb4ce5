"""The statistics' pure functions on small hand-made rows: period edges in the dealer's
time zone, Period.previous, counting rules, money, workshop time, promise kept rate and
its rounding, exceptions, the self-review figures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service_desk.domain import statistics as stats
from service_desk.domain.report import REVIEW_FIGURES, Care, Period, Workshop

TZ = "Asia/Shanghai"
OCTOBER = Period.month(2026, 10)
B = stats.bounds(OCTOBER, TZ)
NAMES = {"TIGGO8PRO": ("瑞虎8 PRO", "Tiggo 8 Pro"), "EQ1": ("小蚂蚁", "eQ1 Little Ant")}


def order(oid: int, signed_at: str | None, state: str = "released", **more) -> dict:
    return {"id": oid, "state": state, "signed_at": signed_at, **more}


# --- period edges ----------------------------------------------------------------------------


def test_bounds_are_local_midnights():
    zone = ZoneInfo(TZ)
    assert B.start == dt.datetime(2026, 10, 1, tzinfo=zone)
    assert B.end == dt.datetime(2026, 11, 1, tzinfo=zone)
    assert B.sql_range() == ("2026-09-30T00:00:00+08:00", "2026-11-02T00:00:00+08:00")


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        ("2026-10-01T00:00:00+08:00", True),  # the first second
        ("2026-09-30T23:59:59+08:00", False),
        ("2026-10-31T23:59:00+08:00", True),  # 23:59 on the last day
        ("2026-10-31T23:59:59+08:00", True),
        ("2026-11-01T00:00:00+08:00", False),  # midnight after: the next period
        # the same instants written with another offset
        ("2026-10-31T15:59:59+00:00", True),
        ("2026-10-31T16:00:00+00:00", False),
        ("2026-10-31T16:00:00Z", False),
        ("2026-09-30T16:00:00+00:00", True),
        (None, False),
    ],
)
def test_a_moment_is_in_the_period_up_to_local_midnight_after_its_last_day(moment, inside):
    assert B.contains(moment) is inside


def test_signed_23_59_on_the_last_day_counts_00_00_next_day_does_not():
    rows = [
        order(1, "2026-10-31T23:59:00+08:00"),
        order(2, "2026-11-01T00:00:00+08:00"),
        order(3, "2026-10-01T00:00:00+08:00"),
        order(4, "2026-09-30T23:59:59+08:00"),
    ]
    assert [o["id"] for o in stats.received(rows, B)] == [3, 1]
    november = stats.bounds(Period.month(2026, 11), TZ)
    assert [o["id"] for o in stats.received(rows, november)] == [2]


@given(
    st.datetimes(min_value=dt.datetime(2026, 9, 25), max_value=dt.datetime(2026, 11, 6)),
    st.integers(min_value=-12 * 4, max_value=14 * 4),
)
def test_the_query_range_holds_every_moment_of_the_period_in_any_offset(local, quarters):
    """Whatever offset a time was stored with, the SQL string range (one day wider) keeps
    it when it is in the period; ``contains`` then decides exactly."""
    offset = dt.timezone(dt.timedelta(minutes=15 * quarters))
    moment = local.replace(microsecond=0, tzinfo=offset)
    text = moment.isoformat(timespec="seconds")
    lo, hi = B.sql_range()
    in_period = B.start <= moment < B.end
    assert B.contains(text) is in_period
    if in_period:
        assert lo <= text < hi


def test_bounds_of_a_day_and_of_another_zone():
    day = stats.bounds(Period.day(dt.date(2026, 11, 27)), "Asia/Urumqi")
    assert day.start.isoformat() == "2026-11-27T00:00:00+06:00"
    assert day.end.isoformat() == "2026-11-28T00:00:00+06:00"
    assert day.contains("2026-11-28T01:59:59+08:00")  # 23:59:59 in Urumqi
    assert not day.contains("2026-11-28T02:00:00+08:00")


# --- Period.previous -------------------------------------------------------------------------


def test_previous_month():
    assert Period.month(2026, 11).previous() == Period.month(2026, 10)
    january = Period.month(2026, 1).previous()
    assert (january.start, january.end, january.kind) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
        "month",
    )
    march = Period.month(2028, 3).previous()  # a leap year
    assert (march.start, march.end) == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    # a long month before a short one and back
    assert Period.month(2026, 3).previous().end == dt.date(2026, 2, 28)
    assert Period.month(2026, 8).previous().days[-1] == dt.date(2026, 7, 31)


def test_previous_week_is_the_monday_to_sunday_before():
    week = Period.week(dt.date(2026, 11, 27))  # a Friday
    assert (week.start, week.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    before = week.previous()
    assert (before.start, before.end, before.kind) == (
        dt.date(2026, 11, 16),
        dt.date(2026, 11, 22),
        "week",
    )
    assert before.start.weekday() == 0 and len(before.days) == 7
    # across a year end: ISO week 1 of 2026 starts on Monday 2025-12-29
    first = Period.week(dt.date(2026, 1, 1))
    assert first.start == dt.date(2025, 12, 29)
    assert first.previous().start == dt.date(2025, 12, 22)


def test_previous_range_is_as_many_days_just_before():
    span = Period(dt.date(2026, 11, 10), dt.date(2026, 11, 19))
    before = span.previous()
    assert (before.start, before.end, before.kind) == (
        dt.date(2026, 10, 31),
        dt.date(2026, 11, 9),
        "range",
    )
    assert len(before.days) == len(span.days) == 10
    day = Period.day(dt.date(2026, 3, 1)).previous()
    assert (day.start, day.end, day.kind) == (dt.date(2026, 2, 28), dt.date(2026, 2, 28), "day")


# --- counts ----------------------------------------------------------------------------------


def test_void_orders_count_nowhere():
    rows = [order(1, "2026-10-05T10:00:00+08:00", "void"), order(2, "2026-10-05T11:00:00+08:00")]
    assert [o["id"] for o in stats.received(rows, B)] == [2]
    declined = [
        {"id": 3, "state": "declined", "declined_at": "2026-10-05T10:00:00+08:00"},
        {"id": 4, "state": "closed", "declined_at": "2026-10-06T10:00:00+08:00"},
        {"id": 5, "state": "void", "declined_at": "2026-10-07T10:00:00+08:00"},
        {"id": 6, "state": "closed", "declined_at": "2026-11-01T00:00:00+08:00"},
    ]
    assert stats.declined(declined, B) == 2


def test_daily_intake_has_every_day_of_the_period_in_the_dealer_zone():
    rows = [
        order(1, "2026-10-01T00:00:00+08:00"),
        order(2, "2026-10-01T23:59:59+08:00"),
        order(3, "2026-10-01T16:30:00+00:00"),  # 00:30 on the 2nd in Shanghai
    ]
    intake = stats.daily_intake(rows, OCTOBER, TZ)
    assert [day for day, _ in intake] == OCTOBER.days
    assert len(intake) == 31
    assert intake[:3] == [
        (dt.date(2026, 10, 1), 2),
        (dt.date(2026, 10, 2), 1),
        (dt.date(2026, 10, 3), 0),
    ]
    assert stats.daily_intake([], Period.day(dt.date(2026, 10, 3)), TZ) == [
        (dt.date(2026, 10, 3), 0)
    ]


def test_breakdown_most_first_unknown_and_missing_are_uncategorised():
    rows = [
        {"id": 1, "code": "EQ1", "fen": 100},
        {"id": 2, "code": "TIGGO8PRO", "fen": 300},
        {"id": 3, "code": "TIGGO8PRO", "fen": 50},
        {"id": 4, "code": None, "fen": 10},
        {"id": 5, "code": "NO_SUCH_MODEL", "fen": 20},
        {"id": 6, "code": "", "fen": 5},
    ]
    counts = stats.breakdown(rows, lambda r: r["code"], NAMES, lambda r: r["fen"])
    assert [(c.code, c.name_zh, c.name_en, c.count, c.amount_fen) for c in counts] == [
        ("", "未分类", "Uncategorised", 3, 35),
        ("TIGGO8PRO", "瑞虎8 PRO", "Tiggo 8 Pro", 2, 350),
        ("EQ1", "小蚂蚁", "eQ1 Little Ant", 1, 100),
    ]
    assert counts[0].name("en") == "Uncategorised"
    # equal counts: the larger amount first, then the code
    tie = stats.breakdown(
        [{"code": "EQ1", "fen": 5}, {"code": "TIGGO8PRO", "fen": 5}],
        lambda r: r["code"],
        NAMES,
        lambda r: r["fen"],
    )
    assert [c.code for c in tie] == ["EQ1", "TIGGO8PRO"]
    assert stats.breakdown([], lambda r: r["code"], NAMES) == []


# --- money -----------------------------------------------------------------------------------


MONEY = ("labour_fen", "parts_fen", "fees_fen", "customer_fen", "warranty_fen", "internal_fen")


def settlement(oid: int, at: str, total: int, state: str = "released", **money) -> dict:
    """A settlement row with its order's active lines summed by kind and payer (0 if
    none given)."""
    row = {"order_id": oid, "state": state, "settled_at": at, "total_fen": total}
    row.update({"discount_fen": 0, "paid_fen": total, "arrears_fen": 0})
    row.update({key: 0 for key in MONEY})
    row.update(money)
    return row


def test_revenue_of_the_settlements_made_in_the_period():
    settlements = [
        # lines: labour 400 and parts 500 (customer), parts 2000 (warranty), a fee of 30
        # (internal)
        settlement(
            1,
            "2026-10-10T16:00:00+08:00",
            900,
            discount_fen=100,
            paid_fen=500,
            arrears_fen=300,
            labour_fen=400,
            parts_fen=2500,
            fees_fen=30,
            customer_fen=900,
            warranty_fen=2000,
            internal_fen=30,
        ),
        # a declined order: its fee is what counts, not its estimate's labour line
        settlement(
            2,
            "2026-10-11T10:00:00+08:00",
            5000,
            state="closed",
            labour_fen=99999,
            fees_fen=5000,
            customer_fen=104999,
        ),
        settlement(3, "2026-10-12T10:00:00+08:00", 700, state="void", labour_fen=700),
        settlement(4, "2026-11-01T00:00:00+08:00", 800, labour_fen=800),  # November
    ]
    payments = [
        {"order_id": 1, "method": "transfer", "amount_fen": 200},
        {"order_id": 1, "method": "cash", "amount_fen": 300},
        {"order_id": 2, "method": "wechat", "amount_fen": 5000},
        {"order_id": 3, "method": "cash", "amount_fen": 700},
        {"order_id": 4, "method": "card", "amount_fen": 800},
    ]
    arrears = [
        {
            "order_id": 1,
            "state": "released",
            "settled_at": "2026-10-10T16:00:00+08:00",
            "arrears_fen": 300,
        },
        {
            "order_id": 9,
            "state": "done",
            "settled_at": "2025-01-01T10:00:00+08:00",
            "arrears_fen": 1000,
        },
        {
            "order_id": 8,
            "state": "void",
            "settled_at": "2026-10-02T10:00:00+08:00",
            "arrears_fen": 70,
        },
        {
            "order_id": 7,
            "state": "done",
            "settled_at": "2026-11-01T00:00:00+08:00",
            "arrears_fen": 40,
        },
    ]
    rev = stats.revenue(settlements, payments, arrears, B)
    assert (rev.labour_fen, rev.parts_fen, rev.fees_fen, rev.total_fen) == (400, 2500, 5030, 7930)
    assert (rev.customer_fen, rev.warranty_fen, rev.internal_fen) == (5900, 2000, 30)
    assert (rev.discount_fen, rev.paid_fen, rev.arrears_fen) == (100, 5500, 300)
    assert rev.open_arrears_fen == 1300  # before November, void left out
    assert rev.settled_orders == 2
    assert rev.by_method == {"cash": 300, "wechat": 5000, "transfer": 200}
    assert list(rev.by_method) == ["cash", "wechat", "transfer"]  # the desk's order


def test_revenue_of_nothing_is_zero():
    rev = stats.revenue([], [], [], B)
    assert (rev.total_fen, rev.settled_orders, rev.by_method, rev.open_arrears_fen) == (0, 0, {}, 0)


# --- additional work -------------------------------------------------------------------------


def test_extra_work_reported_in_the_period():
    items = [
        {
            "id": 1,
            "order_state": "released",
            "reported_at": "2026-10-03T10:00:00+08:00",
            "state": "approved",
            "amount_fen": 300,
        },
        {
            "id": 2,
            "order_state": "released",
            "reported_at": "2026-10-03T11:00:00+08:00",
            "state": "declined",
            "amount_fen": 200,
        },
        {
            "id": 3,
            "order_state": "in_progress",
            "reported_at": "2026-10-31T23:00:00+08:00",
            "state": "customer_contacted",
            "amount_fen": 50,
        },
        {
            "id": 4,
            "order_state": "void",
            "reported_at": "2026-10-04T10:00:00+08:00",
            "state": "approved",
            "amount_fen": 1000,
        },
        {
            "id": 5,
            "order_state": "released",
            "reported_at": "2026-11-01T00:00:00+08:00",
            "state": "approved",
            "amount_fen": 1000,
        },
    ]
    extra = stats.extra_work(items, B)
    assert (extra.offered, extra.accepted, extra.declined) == (3, 1, 1)
    assert (extra.offered_fen, extra.accepted_fen) == (550, 300)


# --- the workshop ----------------------------------------------------------------------------


def done(oid: int, handed: str | None, completed: str, state: str = "released") -> dict:
    return {"order_id": oid, "state": state, "handed_at": handed, "completed_at": completed}


def gone(oid: int, released: str, promised: str | None, ready: str | None, **more) -> dict:
    row = {"order_id": oid, "state": "released", "released_at": released}
    row.update({"promised_at": promised, "ready_at": ready, "belongings_short": 0, **more})
    return row


def test_workshop_time_is_averaged_and_rounded_half_up():
    rows = [
        done(1, "2026-10-05T09:00:00+08:00", "2026-10-05T09:01:00+08:00"),  # 1 min
        done(2, "2026-10-05T09:00:00+08:00", "2026-10-05T09:02:00+08:00"),  # 2 min
        done(3, "2026-10-05T09:10:00+08:00", "2026-10-05T09:06:00+08:00"),  # rounded past: 0
        done(4, None, "2026-10-05T12:00:00+08:00"),  # no hand-off time: counted, not timed
        done(5, "2026-10-05T09:00:00+08:00", "2026-10-05T12:00:00+08:00", state="void"),
        done(6, "2026-10-31T23:00:00+08:00", "2026-11-01T01:00:00+08:00"),  # November
    ]
    w = stats.workshop(rows, [], B)
    assert w.completed == 4
    assert w.average_minutes == 1  # (1 + 2 + 0) / 3 = 1.0
    w2 = stats.workshop(rows[:2], [], B)
    assert w2.average_minutes == 2  # 1.5 -> 2
    odd = [done(1, "2026-10-05T09:00:00+08:00", "2026-10-05T09:01:29+08:00")]
    assert stats.workshop(odd, [], B).average_minutes == 1  # 89 s
    odd = [done(1, "2026-10-05T09:00:00+08:00", "2026-10-05T09:01:30+08:00")]
    assert stats.workshop(odd, [], B).average_minutes == 2  # 90 s: half up
    assert stats.workshop([], [], B) == Workshop()
    assert Workshop().average_minutes is None and Workshop().kept_rate_bp is None


def test_promise_kept_when_ready_no_later_than_the_promise():
    rows = [
        gone(
            1, "2026-10-05T18:00:00+08:00", "2026-10-05T17:00:00+08:00", "2026-10-05T17:00:00+08:00"
        ),  # exactly on time: kept
        gone(
            2, "2026-10-05T18:00:00+08:00", "2026-10-05T17:00:00+08:00", "2026-10-05T17:00:01+08:00"
        ),  # a second late
        # the promise written in UTC: 18:00 in Shanghai; ready 17:30 there: kept
        gone(
            3, "2026-10-05T18:00:00+08:00", "2026-10-05T10:00:00+00:00", "2026-10-05T17:30:00+08:00"
        ),
        gone(4, "2026-10-05T18:00:00+08:00", None, "2026-10-05T17:30:00+08:00"),  # no promise
        gone(5, "2026-10-05T18:00:00+08:00", "2026-10-05T17:00:00+08:00", None),  # never ready
        gone(
            6, "2026-11-01T00:00:00+08:00", "2026-10-31T17:00:00+08:00", "2026-10-31T16:00:00+08:00"
        ),  # released in November
        {
            **gone(
                7,
                "2026-10-05T18:00:00+08:00",
                "2026-10-05T17:00:00+08:00",
                "2026-10-05T16:00:00+08:00",
            ),
            "state": "void",
        },
    ]
    w = stats.workshop([], rows, B)
    assert (w.promises_due, w.promises_kept) == (4, 2)
    assert w.kept_rate_bp == 5000


@pytest.mark.parametrize(
    ("due", "kept", "bp"),
    [
        (0, 0, None),
        (1, 1, 10000),
        (3, 2, 6667),  # 6666.67 -> 6667
        (3, 1, 3333),  # 3333.33 -> 3333
        (7, 6, 8571),  # 8571.43 -> 8571
        (32, 1, 313),  # 312.5 -> 313: half up
        (32, 3, 938),  # 937.5 -> 938
        (16, 1, 625),
        (5, 0, 0),
    ],
)
def test_kept_rate_in_basis_points_rounds_half_up(due, kept, bp):
    assert Workshop(promises_due=due, promises_kept=kept).kept_rate_bp == bp


def test_round_half_up():
    assert [stats.round_half_up(n, 2) for n in (0, 1, 2, 3, 5)] == [0, 1, 1, 2, 3]
    assert stats.round_half_up(149, 100) == 1 and stats.round_half_up(150, 100) == 2


# --- exceptions ------------------------------------------------------------------------------


def test_exceptions():
    now = dt.datetime(2026, 11, 5, 12, 0, tzinfo=ZoneInfo(TZ))
    outings = [
        {
            "order_state": "released",
            "out_at": "2026-10-05T09:00:00+08:00",
            "back_at": "2026-10-05T13:00:00+08:00",
        },  # exactly 4 h: not late
        {
            "order_state": "released",
            "out_at": "2026-10-05T09:00:00+08:00",
            "back_at": "2026-10-05T13:00:01+08:00",
        },  # late
        {
            "order_state": "in_progress",
            "out_at": "2026-10-31T23:00:00+08:00",
            "back_at": None,
        },  # still out: late by now
        {"order_state": "void", "out_at": "2026-10-06T09:00:00+08:00", "back_at": None},
        {"order_state": "released", "out_at": "2026-11-01T00:00:00+08:00", "back_at": None},
    ]
    released = [
        gone(1, "2026-10-05T18:00:00+08:00", None, None),
        gone(2, "2026-10-06T18:00:00+08:00", None, None, belongings_short=2),
        gone(3, "2026-10-07T18:00:00+08:00", None, None),
        gone(4, "2026-11-01T00:00:00+08:00", None, None, belongings_short=1),  # November
    ]
    keys = [
        {"order_id": 1, "key_id": 1, "returned_at": "2026-10-05T17:59:00+08:00"},
        {"order_id": 1, "key_id": 2, "returned_at": "2026-10-05T18:00:00+08:00"},
        {"order_id": 2, "key_id": 3, "returned_at": "2026-10-06T18:30:00+08:00"},  # after
        {"order_id": 3, "key_id": 4, "returned_at": None},  # never
        {"order_id": 3, "key_id": 5, "returned_at": None},
        {"order_id": 4, "key_id": 6, "returned_at": None},
    ]
    received = [{"id": 1, "comeback": 1}, {"id": 2, "comeback": 0}, {"id": 3, "comeback": 1}]
    ex = stats.exceptions(outings, released, keys, received, B, 4, now)
    assert (ex.keys_out_late, ex.keys_not_returned, ex.belongings_missing, ex.comebacks) == (
        2,
        2,
        1,
        2,
    )
    # measured to an earlier "now", the key still out is not late yet
    early = dt.datetime(2026, 11, 1, 3, 0, tzinfo=ZoneInfo(TZ))
    assert stats.exceptions(outings, [], [], [], B, 4, early).keys_out_late == 1


# --- detail rows and the whole report --------------------------------------------------------


def test_details_use_names_and_money():
    orders = [
        {
            "id": 7,
            "number": "WX202610050001",
            "state": "settled",
            "signed_at": "2026-10-05T09:00:00+08:00",
            "released_at": None,
            "plate": "皖B12345",
            "model_code": "GONE_MODEL",
            "category_code": "small_car",
            "repair_category": None,
            "advisor": "王芳",
            "customer": "张三",
            "labour_fen": 60,
            "parts_fen": 40,
            "fees_fen": 10,
            "discount_fen": 10,
            "paid_fen": 80,
            "arrears_fen": 20,
        }
    ]
    [row] = stats.detail_rows(orders, NAMES, {"small_car": ("小型轿车", "Small car")}, {})
    assert (row.model_code, row.model_name, row.vehicle_category, row.repair_category) == (
        "GONE_MODEL",
        "未分类",
        "小型轿车",
        "未分类",
    )
    assert (row.labour_fen, row.parts_fen, row.fees_fen, row.total_fen) == (60, 40, 10, 110)
    assert (row.discount_fen, row.paid_fen, row.arrears_fen) == (10, 80, 20)


def test_an_empty_period():
    empty = stats.Rows(*([] for _ in range(10)))
    ref = stats.Reference(models=NAMES, vehicle_categories={}, repair_categories={})
    now = dt.datetime(2026, 11, 5, tzinfo=ZoneInfo(TZ))
    report = stats.build_report(OCTOBER, empty, ref, now)
    assert (report.received, report.released, report.declined) == (0, 0, 0)
    assert report.daily_intake == [(day, 0) for day in OCTOBER.days]
    assert report.by_model == report.details == []
    assert report.workshop.average_minutes is None and report.workshop.kept_rate_bp is None
    figures = stats.review_figures(report)
    assert list(figures) == list(REVIEW_FIGURES)
    assert set(figures.values()) == {0}


def test_review_figures_come_from_the_report():
    rows = stats.Rows(
        signed=[
            {
                **order(1, "2026-10-05T09:00:00+08:00"),
                "number": "WX202610050001",
                "released_at": None,
                "plate": "皖B12345",
                "model_code": "EQ1",
                "category_code": "mini_car",
                "repair_category": "maintenance",
                "advisor": "王芳",
                "customer": "张三",
                "labour_fen": 500,
                "parts_fen": 0,
                "fees_fen": 0,
                "discount_fen": 0,
                "paid_fen": 0,
                "arrears_fen": 0,
                "comeback": 1,
            },
        ],
        declined=[{"id": 2, "state": "declined", "declined_at": "2026-10-06T09:00:00+08:00"}],
        settlements=[
            settlement(
                3,
                "2026-10-07T10:00:00+08:00",
                1000,
                discount_fen=100,
                paid_fen=600,
                arrears_fen=300,
                parts_fen=1000,
                customer_fen=1000,
            )
        ],
        settled_payments=[],
        arrears=[],
        extra=[
            {
                "id": 1,
                "order_state": "released",
                "reported_at": "2026-10-05T10:00:00+08:00",
                "state": "approved",
                "amount_fen": 250,
            },
            {
                "id": 2,
                "order_state": "released",
                "reported_at": "2026-10-05T10:00:00+08:00",
                "state": "declined",
                "amount_fen": 90,
            },
        ],
        completed=[],
        released=[
            gone(
                3,
                "2026-10-07T10:10:00+08:00",
                "2026-10-07T12:00:00+08:00",
                "2026-10-07T09:00:00+08:00",
            )
        ],
        released_keys=[],
        key_outings=[],
    )
    ref = stats.Reference(models=NAMES, vehicle_categories={}, repair_categories={})
    report = stats.build_report(OCTOBER, rows, ref, dt.datetime(2026, 11, 5, tzinfo=ZoneInfo(TZ)))
    assert stats.review_figures(report) == {
        "received": 1,
        "released": 1,
        "declined": 1,
        "promises_due": 1,
        "promises_kept": 1,
        "extra_offered": 2,
        "extra_accepted": 1,
        "extra_accepted_fen": 250,
        "revenue_fen": 1000,
        "discount_fen": 100,
        "arrears_fen": 300,
        "comebacks": 1,
    }
    assert [(c.code, c.name_zh, c.count, c.amount_fen) for c in report.by_model] == [
        ("EQ1", "小蚂蚁", 1, 500)
    ]
    assert report.by_repair_category[0].code == ""  # no names given: 未分类
    [detail] = report.details
    assert (detail.number, detail.labour_fen, detail.total_fen) == ("WX202610050001", 500, 500)


def test_a_report_without_details_reads_only_the_figures_columns():
    """details=False: the signed rows need no detail sheet columns; the same figures."""
    signed = [
        {
            **order(1, "2026-10-05T09:00:00+08:00"),
            "model_code": "EQ1",
            "category_code": None,
            "repair_category": "maintenance",
            "comeback": 0,
            "labour_fen": 500,
            "parts_fen": 250,
            "fees_fen": 5,
        },
        {**order(2, "2026-11-01T00:00:00+08:00"), "model_code": "EQ1"},  # November
    ]
    rows = stats.Rows(signed, *([] for _ in range(9)))
    ref = stats.Reference(models=NAMES, vehicle_categories={}, repair_categories={})
    now = dt.datetime(2026, 11, 5, tzinfo=ZoneInfo(TZ))
    report = stats.build_report(OCTOBER, rows, ref, now, details=False)
    assert report.details == []
    assert report.received == 1 and report.daily_intake[4] == (dt.date(2026, 10, 5), 1)
    assert [(c.code, c.count, c.amount_fen) for c in report.by_model] == [("EQ1", 1, 755)]
    with pytest.raises(KeyError):  # the detail sheet's columns are needed with details
        stats.build_report(OCTOBER, rows, ref, now)


# --- customer care ---------------------------------------------------------------------------


def appointment(day: str, state: str) -> dict:
    return {"day": day, "state": state}


def test_appointments_by_their_day_the_last_day_included():
    rows = [
        appointment("2026-09-30", "arrived"),  # the day before
        appointment("2026-10-01", "arrived"),
        appointment("2026-10-15", "missed"),
        appointment("2026-10-20", "cancelled"),
        appointment("2026-10-25", "booked"),  # still open: made only
        appointment("2026-10-31", "arrived"),  # the last day counts
        appointment("2026-11-01", "missed"),  # the day after
    ]
    assert stats.appointments(rows, OCTOBER) == (5, 2, 1, 1)
    assert stats.appointments([], OCTOBER) == (0, 0, 0, 0)


def test_follow_ups_due_when_the_window_ends_within_the_period():
    rows = [
        # released 24 October: window 26 .. 31 October, ends on the last day
        {"order_id": 1, "state": "released", "released_at": "2026-10-24T17:00:00+08:00"},
        # released 25 October: window ends 1 November, the next period
        {"order_id": 2, "state": "done", "released_at": "2026-10-25T08:00:00+08:00"},
        # released 24 September (window ends 1 October): the first day counts
        {"order_id": 3, "state": "done", "released_at": "2026-09-24T23:59:59+08:00"},
        # released 23 September 23:59 local (15:59 UTC): its window ends 30 September
        {"order_id": 4, "state": "done", "released_at": "2026-09-23T15:59:59+00:00"},
        {"order_id": 5, "state": "void", "released_at": "2026-10-10T10:00:00+08:00"},
        {"order_id": 6, "state": "released", "released_at": None},
    ]
    assert stats.follow_ups_due(rows, OCTOBER, TZ) == 2
    b = stats.follow_up_bounds(B)
    assert b.contains("2026-09-24T00:00:00+08:00") and b.contains("2026-10-24T23:59:59+08:00")
    assert not b.contains("2026-10-25T00:00:00+08:00")
    assert not b.contains("2026-09-23T23:59:59+08:00")


def follow_up(done_at: str, outcome: str, satisfaction: int | None = None, **more) -> dict:
    return {
        "order_state": "released",
        "done_at": done_at,
        "outcome": outcome,
        "satisfaction": satisfaction,
        **more,
    }


def test_follow_ups_done_and_the_average_satisfaction_in_hundredths():
    rows = [
        follow_up("2026-10-01T00:00:00+08:00", "reached", 5),
        follow_up("2026-10-31T23:59:59+08:00", "reached", 4),
        follow_up("2026-10-15T10:00:00+08:00", "reached", 4),
        follow_up("2026-10-16T10:00:00+08:00", "declined"),
        follow_up("2026-10-17T10:00:00+08:00", "not_reached"),  # not done
        follow_up("2026-11-01T00:00:00+08:00", "reached", 1),  # next period
        follow_up("2026-10-18T10:00:00+08:00", "reached", 1, order_state="void"),
    ]
    # 13 / 3 = 4.333… -> 433
    assert stats.follow_ups_done(rows, B) == (4, 433)
    assert stats.follow_ups_done([follow_up("2026-10-02T10:00:00+08:00", "declined")], B) == (
        1,
        None,
    )
    half = [
        follow_up("2026-10-02T10:00:00+08:00", "reached", 4),
        follow_up("2026-10-03T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-04T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-05T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-06T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-07T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-08T10:00:00+08:00", "reached", 5),
        follow_up("2026-10-09T10:00:00+08:00", "reached", 5),
    ]
    assert stats.follow_ups_done(half, B) == (8, 488)  # 4.875 rounds half up


def complaint(received: str, reply_by: str | None, answered: str | None, escalated=None):
    return {
        "received_at": received,
        "reply_by": reply_by,
        "answered_at": answered,
        "escalated_at": escalated,
    }


def test_complaints_opened_answered_in_time_and_escalated():
    rows = [
        # answered at once: in time
        complaint("2026-10-01T09:00:00+08:00", None, "2026-10-01T09:00:00+08:00"),
        # answered exactly at the reply-by time: in time
        complaint(
            "2026-10-02T09:00:00+08:00", "2026-10-03T09:00:00+08:00", "2026-10-03T09:00:00+08:00"
        ),
        # the same instant written in UTC: still in time
        complaint(
            "2026-10-04T09:00:00+08:00", "2026-10-05T09:00:00+08:00", "2026-10-05T01:00:00+00:00"
        ),
        # one second late, after the escalation
        complaint(
            "2026-10-06T09:00:00+08:00",
            "2026-10-07T09:00:00+08:00",
            "2026-10-07T09:00:01+08:00",
            "2026-10-07T09:00:01+08:00",
        ),
        # still open, escalated
        complaint(
            "2026-10-31T23:59:59+08:00",
            "2026-11-01T09:00:00+08:00",
            None,
            "2026-11-01T09:05:00+08:00",
        ),
        complaint("2026-11-01T00:00:00+08:00", None, "2026-11-01T00:00:00+08:00"),  # next period
    ]
    assert stats.complaints(rows, B) == (5, 3, 2)


def test_care_figures_in_the_report():
    rows = stats.Rows(
        *([] for _ in range(10)),
        appointments=[appointment("2026-10-31", "arrived"), appointment("2026-10-30", "missed")],
        released_for_follow_up=[
            {"order_id": 1, "state": "done", "released_at": "2026-10-24T17:00:00+08:00"}
        ],
        follow_ups=[follow_up("2026-10-27T10:00:00+08:00", "reached", 5)],
        complaints=[complaint("2026-10-27T10:00:00+08:00", None, "2026-10-27T10:00:00+08:00")],
    )
    ref = stats.Reference({}, {}, {}, TZ)
    now = dt.datetime(2026, 11, 1, tzinfo=ZoneInfo(TZ))
    care = stats.build_report(OCTOBER, rows, ref, now).care
    assert care == Care(
        appointments_made=2,
        appointments_kept=1,
        appointments_missed=1,
        follow_ups_due=1,
        follow_ups_done=1,
        satisfaction_x100=500,
        complaints_opened=1,
        complaints_answered_in_time=1,
    )
    empty = stats.build_report(OCTOBER, stats.Rows(*([] for _ in range(10))), ref, now)
    assert empty.care == Care() and empty.care.satisfaction_x100 is None
