"""Warranty claims and the first free service (首保), R19: the claim's state machine and
amounts, its age and chase, the figures, and the first-service status at each edge."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain import warranty as w
from service_desk.domain.next_service import Reading

TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=TZ)
DAY = dt.timedelta(days=1)


def refused(check, code: str, field: str | None = None, **params) -> w.WarrantyError:
    with pytest.raises(w.WarrantyError) as exc:
        check()
    assert (exc.value.code, exc.value.field) == (code, field)
    for key, value in params.items():
        assert exc.value.params[key] == value
    return exc.value


# --- the claim ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("SP20261127001", "SP20261127001"),
        (" sp-2026/11_07 ", "SP-2026/11_07"),
        ("ＳＰ２０２６　０００１", "SP20260001"),  # full width, an ideographic space
        ("ab12", "AB12"),  # four characters is the least
        ("A" * 40, "A" * 40),
    ],
)
def test_claim_numbers_are_read_loosely(typed, kept):
    assert w.check_number(typed) == kept


@pytest.mark.parametrize("typed", ["ab1", "A" * 41, "-SP2026", "SP.2026", "索赔2026", "SP#1"])
def test_claim_numbers_refused(typed):
    refused(lambda: w.check_number(typed), "claim_number.format", "claim_number", min=4, max=40)


def test_a_claim_number_is_required():
    refused(lambda: w.check_number("   "), "claim_number.required", "claim_number")


def test_the_state_machine():
    for state, to in (("submitted", "approved"), ("submitted", "rejected"), ("approved", "paid")):
        w.check_move(state, to)
    for state, to in (
        ("submitted", "paid"),  # paid only once approved
        ("approved", "rejected"),
        ("approved", "approved"),
        ("rejected", "submitted"),  # filed again as a new claim instead
        ("rejected", "approved"),
        ("paid", "approved"),
        ("paid", "paid"),
    ):
        error = refused(lambda s=state, t=to: w.check_move(s, t), "claim.state")
        assert error.params == {"claim_state": state, "to_claim_state": to}
    assert w.is_open("submitted") and w.is_open("approved")
    assert not w.is_open("rejected") and not w.is_open("paid")


def test_claimed_between_one_fen_and_the_warranty_lines():
    w.check_claimed(1, 54_000)
    w.check_claimed(54_000, 54_000)
    refused(
        lambda: w.check_claimed(54_001, 54_000), "claimed.over_lines", "claimed", lines_fen=54_000
    )
    refused(lambda: w.check_claimed(0, 54_000), "claimed.positive", "claimed")
    refused(lambda: w.check_claimed(-1, 54_000), "claimed.positive", "claimed")
    refused(lambda: w.check_claimed(100, 0), "claim.no_warranty_lines")


def test_approved_at_most_claimed_and_paid_at_most_approved():
    w.check_approved(30_000, 30_000)
    w.check_approved(1, 30_000)
    refused(
        lambda: w.check_approved(30_001, 30_000),
        "approved.over_claimed",
        "approved",
        claimed_fen=30_000,
    )
    refused(lambda: w.check_approved(0, 30_000), "approved.positive", "approved")
    w.check_paid(25_000, 25_000)
    w.check_paid(24_000, 25_000)  # the manufacturer paid less: a shortfall, accepted
    refused(lambda: w.check_paid(25_001, 25_000), "paid.over_approved", "paid", approved_fen=25_000)
    refused(lambda: w.check_paid(0, 25_000), "paid.positive", "paid")


def test_reason_and_note():
    assert w.check_reason("  超出保修范围  ") == "超出保修范围"
    refused(lambda: w.check_reason(" "), "rejection.reason_required", "reason")
    refused(lambda: w.check_reason("x" * 501), "rejection.reason_too_long", "reason", max=500)
    assert w.check_note("") == "" and w.check_note("x" * 500) == "x" * 500
    refused(lambda: w.check_note("x" * 501), "claim.note_too_long", "note")


def test_claim_age_counts_local_calendar_days():
    filed = dt.datetime(2026, 11, 26, 23, 50, tzinfo=TZ)
    assert w.days_between(filed, NOW) == 1
    # filed at 15:50 UTC = 23:50 in Shanghai: counted in the counter's zone
    assert w.days_between(filed.astimezone(dt.UTC), NOW) == 1
    assert w.days_between(NOW, NOW) == 0
    assert w.days_between(NOW + DAY, NOW) == 0  # never negative


def test_due_for_chase_on_the_fourteenth_day_after_filing():
    filed = NOW.replace(hour=16) - 14 * DAY  # later in the day than now: still 14 days
    assert w.due_for_chase("submitted", filed, None, NOW)
    assert not w.due_for_chase("submitted", filed + DAY, None, NOW)  # 13 days
    assert w.waiting_since("submitted", filed, None) == filed


def test_due_for_chase_thirty_days_after_approval():
    filed = NOW - 90 * DAY
    approved = NOW - 30 * DAY
    assert w.due_for_chase("approved", filed, approved, NOW)
    assert not w.due_for_chase("approved", filed, approved + DAY, NOW)  # 29 days
    # closed claims are never chased, however old
    assert not w.due_for_chase("paid", filed, approved, NOW)
    assert not w.due_for_chase("rejected", filed, None, NOW)
    assert w.waiting_since("paid", filed, approved) is None


def test_figures_of_a_period_and_what_is_open_now():
    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    claims = [
        # filed in October, approved in November, paid in November with a shortfall
        w.Claim(
            "paid",
            50_000,
            dt.datetime(2026, 10, 20, 10, tzinfo=TZ),
            approved_fen=45_000,
            approved_at=dt.datetime(2026, 11, 2, 10, tzinfo=TZ),
            paid_fen=44_000,
            paid_at=dt.datetime(2026, 11, 20, 10, tzinfo=TZ),
        ),
        # filed in November, still submitted, 16 days: due for a chase
        w.Claim("submitted", 12_000, dt.datetime(2026, 11, 11, 9, tzinfo=TZ)),
        # approved in October, not yet paid: open, expected the approved amount
        w.Claim(
            "approved",
            30_000,
            dt.datetime(2026, 10, 1, 9, tzinfo=TZ),
            approved_fen=28_000,
            approved_at=dt.datetime(2026, 10, 30, 23, 30, tzinfo=TZ),
        ),
        # rejected on the last day of the period (late in the evening, local time)
        w.Claim(
            "rejected",
            8_000,
            dt.datetime(2026, 11, 3, 9, tzinfo=TZ),
            rejected_at=dt.datetime(2026, 11, 30, 15, 59, tzinfo=dt.UTC),
        ),
        # rejected the next day (after the period)
        w.Claim(
            "rejected",
            9_000,
            dt.datetime(2026, 11, 3, 9, tzinfo=TZ),
            rejected_at=dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC),
        ),
    ]
    f = w.figures(claims, first, last, NOW)
    assert (f.open_count, f.open_fen, f.chase_count) == (2, 12_000 + 28_000, 1)
    assert (f.filed_count, f.filed_fen) == (3, 12_000 + 8_000 + 9_000)
    assert (f.approved_count, f.approved_fen) == (1, 45_000)
    assert (f.paid_count, f.paid_fen, f.shortfall_fen) == (1, 44_000, 1_000)
    assert (f.rejected_count, f.rejected_fen) == (1, 8_000)
    assert w.figures([], first, last, NOW) == w.Figures()
    with pytest.raises(ValueError):
        w.figures([w.Claim("lost", 1, NOW)], first, last, NOW)


# --- the first free service ---------------------------------------------------------------

FIRST_KM, FIRST_MONTHS = 5000, 6
BOUGHT = dt.date(2026, 5, 27)  # limit 2026-11-27; window opens 10-28; grace to 12-27
LIMIT = dt.date(2026, 11, 27)


def status(today: dt.date, readings=(), purchase=BOUGHT, done=None) -> w.FirstService:
    return w.first_service_status(FIRST_KM, FIRST_MONTHS, purchase, list(readings), today, done)


def test_the_window_by_date_for_a_car_driven_little():
    # 10 km a day from 20 km at delivery: 5000 km only after the months are up
    readings = [Reading(BOUGHT, 20), Reading(BOUGHT + dt.timedelta(days=60), 620)]
    s = status(dt.date(2026, 8, 1), readings)
    assert (s.limit_date, s.grace_until, s.grace_km) == (LIMIT, dt.date(2026, 12, 27), 6000)
    assert s.opens == dt.date(2026, 10, 28) and s.due_day == LIMIT
    cases = [
        (dt.date(2026, 9, 27), w.NOT_YET),
        (dt.date(2026, 9, 28), w.DUE_SOON),  # the window opens within 30 days
        (dt.date(2026, 10, 27), w.DUE_SOON),
        (dt.date(2026, 10, 28), w.DUE),  # a month before the limit
        (LIMIT, w.DUE),  # the last day of the free period
        (LIMIT + DAY, w.OVERDUE),  # past the months, within the grace
        (dt.date(2026, 12, 27), w.OVERDUE),  # the last day of the grace
        (dt.date(2026, 12, 28), w.LAPSED),
    ]
    for today, expected in cases:
        assert status(today, readings).status == expected, today


def test_the_window_by_km_for_a_car_driven_a_lot():
    # 100 km a day: 4000 km (window open) on day 40, 5000 on day 50, 6000 on day 60
    readings = [Reading(BOUGHT, 0), Reading(BOUGHT + dt.timedelta(days=30), 3000)]
    s = status(BOUGHT + dt.timedelta(days=31), readings)
    assert s.opens == BOUGHT + dt.timedelta(days=40)
    assert s.km_date == BOUGHT + dt.timedelta(days=50) == s.due_day
    assert s.predicted_km == 3100
    cases = [
        (9, w.NOT_YET),
        (10, w.DUE_SOON),
        (39, w.DUE_SOON),
        (40, w.DUE),  # predicted 4000 km
        (50, w.DUE),  # exactly 5000 km: still in the free period
        (51, w.OVERDUE),  # 5100 km
        (60, w.OVERDUE),  # 6000 km: the last km of the grace
        (61, w.LAPSED),  # 6100 km, months to spare
    ]
    for days, expected in cases:
        assert status(BOUGHT + dt.timedelta(days=days), readings).status == expected, days


def test_without_readings_only_the_date_counts():
    s = status(dt.date(2026, 11, 1))
    assert s.status == w.DUE and s.predicted_km is None and s.km_date is None
    assert status(dt.date(2026, 12, 1)).status == w.OVERDUE


def test_done_in_time_or_late():
    done = w.FirstServiceDone(7, "WX202611200001", dt.date(2026, 11, 20), 4800)
    s = status(dt.date(2026, 11, 27), done=done)
    assert (s.status, s.done, s.in_time) == (w.DONE, done, True)
    # within the grace by date and km: still the free first service
    ok = w.FirstServiceDone(7, "WX202612270001", dt.date(2026, 12, 27), 6000)
    assert status(dt.date(2027, 1, 5), done=ok).in_time is True
    # done after the grace (by date or km): no free first service, lapsed, the order kept
    late = w.FirstServiceDone(8, "WX202612280001", dt.date(2026, 12, 28), 5500)
    s = status(dt.date(2027, 1, 5), done=late)
    assert (s.status, s.done, s.in_time) == (w.LAPSED, late, False)
    far = w.FirstServiceDone(9, "WX202611010001", dt.date(2026, 11, 1), 6001)
    s = status(dt.date(2026, 11, 27), done=far)
    assert (s.status, s.in_time) == (w.LAPSED, False)
    assert not status(dt.date(2027, 1, 27), done=late).listed(dt.date(2027, 1, 27))
    no_km = w.FirstServiceDone(9, "WX202611010001", dt.date(2026, 11, 1), None)
    assert status(dt.date(2026, 11, 27), done=no_km).in_time is True


def test_unknown_purchase_date():
    young = [Reading(dt.date(2026, 10, 1), 1200)]
    s = status(dt.date(2026, 11, 27), young, purchase=None)
    assert s.status == w.UNKNOWN and s.limit_date is None and s.due_day == s.km_date
    assert s.listed(dt.date(2026, 11, 27))  # young by its odometer: ask the purchase date
    old = [Reading(dt.date(2026, 10, 1), 52_000)]
    assert not status(dt.date(2026, 11, 27), old, purchase=None).listed(dt.date(2026, 11, 27))
    assert not status(dt.date(2026, 11, 27), purchase=None).listed(dt.date(2026, 11, 27))
    done = w.FirstServiceDone(3, "WX202610010001", dt.date(2026, 10, 1), 4900)
    assert status(dt.date(2026, 11, 27), purchase=None, done=done).status == w.DONE


def test_what_is_listed():
    today = dt.date(2026, 11, 27)
    for day in (dt.date(2026, 9, 28), LIMIT, LIMIT + DAY):  # due soon, due, overdue
        assert status(day).listed(day)
    assert not status(dt.date(2026, 9, 27)).listed(dt.date(2026, 9, 27))  # not yet
    # lapsed: listed for 30 days after the grace, then dropped
    assert status(dt.date(2027, 1, 26)).listed(dt.date(2027, 1, 26))
    assert not status(dt.date(2027, 1, 27)).listed(dt.date(2027, 1, 27))
    # done: listed for 30 days after it was done
    done = w.FirstServiceDone(7, "WX202610280001", dt.date(2026, 10, 28), 4000)
    assert status(today, done=done).listed(today)
    assert not status(today + DAY, done=done).listed(today + DAY)


def test_listing_order():
    ranks = [status(d).rank for d in (LIMIT + DAY, LIMIT, dt.date(2026, 9, 28))]
    assert ranks == sorted(ranks)  # overdue, due, due soon
    done = w.FirstServiceDone(7, "WX202610280001", dt.date(2026, 10, 28), 4000)
    assert status(LIMIT, purchase=None).rank < status(LIMIT, done=done).rank
    assert status(LIMIT, done=done).rank < status(dt.date(2027, 1, 1)).rank  # lapsed last
