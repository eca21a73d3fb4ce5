"""What keeps the lists small on ten years of data gives the same answers: the first-service
list reads only the young cars, the search reads only the columns that can hold what was
typed, the follow-ups only the releases of the last weeks."""

from __future__ import annotations

import datetime as dt

from service_desk import reference
from service_desk.actions import warranty
from service_desk.domain import next_service as ns
from service_desk.domain import warranty as rules
from service_desk.domain.schedules import add_months
from service_desk.store import queries
from tests.actions.test_archive_orders import walk_in

D = dt.date


def test_no_car_bought_before_the_bound_is_ever_listed():
    """Every status a car can have on any day: when listed, it was bought on or after
    the day the first-service list starts reading."""
    today = D(2026, 11, 27)
    since = warranty._first_service_since(today)
    months = {reference.cycle_for_model(m.code).first_months for m in reference.car_models()}
    first_km = {reference.cycle_for_model(m.code).first_km for m in reference.car_models()}
    for first_months in months:
        for km in first_km:
            for back in range(0, 900, 3):
                purchase = today - dt.timedelta(days=back)
                limit = add_months(purchase, first_months)
                readings = [ns.Reading(purchase, 10), ns.Reading(today, 10 + back * 10)]
                done_days = [None, limit, limit + dt.timedelta(days=rules.GRACE_DAYS)]
                for done_day in done_days:
                    done = (
                        None
                        if done_day is None or done_day > today
                        else rules.FirstServiceDone(1, "WX", done_day, None)
                    )
                    status = rules.first_service_status(
                        km, first_months, purchase, readings, today, done
                    )
                    if status.listed(today):
                        assert purchase >= since, (first_months, purchase, done_day)


def test_search_reads_only_the_records_that_can_hold_the_fragment(ctx, monkeypatch):
    walk_in(ctx, plate="皖B12345", phone="13812345678", name="张三")
    walk_in(ctx, plate="皖BD3456", phone="13955550000", name="B2李")
    seen = []
    execute = ctx.db.execute

    def spy(sql, *args):
        seen.append(sql)
        return execute(sql, *args)

    monkeypatch.setattr(ctx.db, "execute", spy)

    def found(text):
        seen.clear()
        return sorted(h["plate"] for h in queries.search(ctx.db, text))

    assert found("张") == ["皖B12345"]
    assert not any("plate LIKE" in s for s in seen)  # a Chinese name is never among plates
    assert found("B2") == ["皖BD3456"]  # the name, not a plate
    assert not any("LIKE" in s for s in seen)  # two characters: the pairs index alone
    assert found("12") == ["皖B12345"]  # plate and phone
    assert found("34") == ["皖B12345", "皖BD3456"]
    assert found("皖") == ["皖B12345", "皖BD3456"]
