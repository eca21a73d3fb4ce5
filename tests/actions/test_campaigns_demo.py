"""The demo's customer groups and campaigns (demo/campaigns.py): three saved groups, a
winter free inspection and a promotion, their letters printed and logged as contacts.

Until ``fill_campaigns`` is called from ``fill_demo`` the fixture calls it itself after the
demo fill; once it is, the fixture only reads what ``fill_demo`` made."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service_desk.actions import campaigns as cp
from service_desk.actions.context import Ctx
from service_desk.domain.clock import fixed_clock, parse
from tests.conftest import open_demo_copy

TODAY = dt.datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    """The demo dealership (with its groups and campaigns), shared by this module."""
    db = open_demo_copy(demo_file, tmp_path_factory)
    yield db, Ctx(db, fixed_clock(TODAY))
    db.close()


def test_groups_campaigns_and_letters(demo):
    db, ctx = demo
    assert ctx.clock() == TODAY and ctx.user_id is None
    assert max(parse(a) for (a,) in db.execute("SELECT at FROM audit")) <= TODAY
    groups = {g["name"]: g for g in cp.groups(db)}
    assert set(groups) == {"首保到期客户", "三个月未回厂客户", "瑞虎8 车主"}
    today = TODAY.date()
    for g in groups.values():
        assert cp.group_members(db, g["id"], today), g["name"]
    campaigns = {c["name"]: c for c in cp.campaign_list(db, today)}
    assert set(campaigns) == {"冬季免费检测", "老客户回厂礼遇"}
    winter, welcome = campaigns["冬季免费检测"], campaigns["老客户回厂礼遇"]
    assert (winter["kind"], winter["group_name"], winter["status"]) == (
        "free_inspection",
        "瑞虎8 车主",
        "running",
    )
    assert (welcome["kind"], welcome["group_name"], welcome["status"]) == (
        "promotion",
        "三个月未回厂客户",
        "running",
    )
    # every targeted car got its letter but those the contact log holds back: a sold car,
    # an owner whose number was found wrong (demo/contacts.py)
    held = """SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = ? AND (
                  EXISTS (SELECT 1 FROM contacts k WHERE k.outcome = 'sold_car'
                          AND k.vehicle_id = t.vehicle_id)
                  OR EXISTS (SELECT 1 FROM contacts k WHERE k.outcome = 'wrong_number'
                             AND k.customer_id = t.customer_id))"""
    for c in (winter, welcome):
        left_out = db.execute(held, [c["id"]]).fetchone()[0]
        assert c["targeted"] >= 3 and c["letters"] == c["targeted"] - left_out
    assert winter["contacted"] == 1  # one reached (not interested), one not answered
    letters = db.execute(
        "SELECT count(*) FROM contacts WHERE channel = 'letter' AND outcome = 'sent'"
    ).fetchone()[0]
    assert letters <= winter["targeted_customers"] + welcome["targeted_customers"]
    assert letters >= winter["letters"] // 2 + welcome["letters"] // 2  # one per customer
    prints = db.execute("SELECT count(*) FROM print_log WHERE form_kind = 'letter'").fetchone()[0]
    assert prints == 2
    # the running campaigns give the call list its reasons: the winter cars not reached nor
    # booked yet (the care desk's appointments made after the letter count as booked)
    reasons = cp.campaign_reasons(db, today)
    winter_cars = [v for v, rs in reasons.items() if any(r["name"] == "冬季免费检测" for r in rs)]
    assert len(winter_cars) == winter["targeted"] - winter["contacted"] - winter["booked"]
    assert all(r["letter_sent_on"] is not None for rs in reasons.values() for r in rs)
