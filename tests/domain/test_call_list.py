"""domain/call_list: a call-list line keeps what it cannot rebuild (the service band's
reason comes back from the car's due and the list's day, with the same figures), the
summary's counts, which row stays picked when a fresh list arrives, and when the clock
alone changes a list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from service_desk.domain import next_service as ns
from service_desk.domain.call_list import (
    NO_SERVICE,
    CallLine,
    changes_at,
    row_to_keep,
    summarize,
)
from service_desk.domain.contacts import Contact

TODAY = dt.date(2026, 11, 27)
AT = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def due(day: dt.date | None, predicted: int | None = 18000) -> ns.Due:
    return ns.Due(day, 20000, day, day, predicted, ns.Rate(30.0, "window"))


DECLINED = ns.Declined("estimate", "更换雨刮片", 8000, dt.date(2026, 11, 10), "RO-1")
BACK = ns.call_back_reason(AT, AT - dt.timedelta(days=1), "王芳", "在开会")
CAMPAIGN = ns.campaign_reason(3, "冬季检测", "免费检测", dt.date(2026, 12, 31), None)


def line(n: int, reasons, the_due: ns.Due, plate: str | None = None) -> CallLine:
    return CallLine.of(
        reasons=reasons,
        due=the_due,
        today=TODAY,
        vehicle_id=n,
        plate=plate or f"皖B{n:05d}",
        model_code="TIGGO8PRO",
        customer_id=100 + n,
        customer_name=f"客户{n}",
        phone="13855320000",
        phone2=None,
        preferred_contact="phone",
        last_visit=None,
    )


@pytest.mark.parametrize(
    ("day", "extra", "codes"),
    [
        (dt.date(2026, 11, 20), [], (ns.OVERDUE,)),
        (dt.date(2026, 12, 1), [DECLINED], (ns.DUE_7, ns.DECLINED)),
        (dt.date(2026, 12, 20), [DECLINED, CAMPAIGN], (ns.DUE_30, ns.DECLINED, ns.CAMPAIGN)),
        (dt.date(2027, 6, 1), [DECLINED], (ns.DECLINED,)),  # service later: not a reason
    ],
)
def test_a_line_gives_back_its_reasons_with_their_figures(day, extra, codes):
    the_due = due(day)
    reasons = ns.reasons(the_due, [DECLINED] if DECLINED in extra else [], TODAY)
    reasons += [r for r in extra if r is not DECLINED]
    made = line(1, reasons, the_due)
    assert made.reasons == tuple(reasons)
    assert made.codes == codes
    assert made.rank == ns.rank(reasons)


def test_a_call_back_before_the_service_reason_keeps_its_place():
    the_due = due(dt.date(2026, 12, 20))
    [service] = ns.reasons(the_due, [], TODAY)
    made = line(1, [BACK, service], the_due)
    assert made.service_at == 1 and made.others == (BACK,)
    assert made.reasons == (BACK, service)
    assert made.codes == (ns.CALL_BACK, ns.DUE_30)
    assert (made.rank, made.purpose, made.call_back_at) == (ns.RANK[ns.CALL_BACK], "call_back", AT)


def test_a_line_of_the_service_alone_keeps_no_reason_object():
    the_due = due(dt.date(2026, 11, 20))
    made = line(1, ns.reasons(the_due, [], TODAY), the_due)
    assert (made.service_at, made.others) == (0, ())
    assert not hasattr(made, "__dict__")  # slots: ~18,000 of them on ten years of data
    without = line(2, [CAMPAIGN], due(None))
    assert without.service_at == NO_SERVICE and without.reasons == (CAMPAIGN,)
    assert without.campaign_id == 3 and without.purpose == "campaign"
    assert dataclasses.replace(made) == made


def test_the_summary_counts_the_overdue_lines_and_the_call_backs():
    overdue, soon = due(dt.date(2026, 11, 20)), due(dt.date(2026, 12, 1))
    lines = [
        line(1, ns.reasons(overdue, [], TODAY), overdue),
        line(2, [BACK, *ns.reasons(overdue, [], TODAY)], overdue),
        line(3, [BACK, *ns.reasons(soon, [], TODAY)], soon),
        line(4, ns.reasons(soon, [], TODAY), soon),
    ]
    s = summarize(lines)
    assert (s.lines, s.overdue, s.call_backs) == (4, 2, 2)
    assert summarize([]).lines == 0


def test_the_row_kept_picked_in_a_fresh_list():
    the_due = due(dt.date(2026, 11, 20))
    lines = [line(n, ns.reasons(the_due, [], TODAY), the_due) for n in (1, 2, 3)]
    assert row_to_keep(lines, 3, 0) == 2  # the same car, wherever it moved
    assert row_to_keep(lines, 9, 1) == 1  # it left: the line now in its place
    assert row_to_keep(lines, 9, 7) == 2  # … or the last
    assert row_to_keep(lines, None, -1) is None  # nothing was picked
    assert row_to_keep([], 3, 0) is None


def contact(n: int, at: dt.datetime, outcome: str, call_back_at=None) -> Contact:
    return Contact(n, at, 100, None, "phone", "service_due", outcome, call_back_at=call_back_at)


def test_when_the_clock_alone_changes_the_list():
    now = AT.replace(hour=9, minute=30)
    midnight = dt.datetime(2026, 11, 28, tzinfo=AT.tzinfo)
    assert changes_at([], now) == midnight  # a new day: the bands move
    past = [contact(1, now - dt.timedelta(days=40), "not_interested")]  # ran out already
    assert changes_at(past, now) == midnight
    quiet = contact(2, AT.replace(hour=20) - dt.timedelta(days=30), "not_interested")
    back = contact(3, now - dt.timedelta(hours=1), "call_back", call_back_at=AT)
    assert changes_at([*past, quiet, back], now) == AT  # 15:00, before the quiet runs out
    assert changes_at([*past, quiet, back], AT) == AT.replace(hour=20)  # quiet runs out
