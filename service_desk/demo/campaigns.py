"""The demo's customer groups and campaigns (R2, R3), written through actions/campaigns.py
(and actions/contacts.py for the calls) after the orders and the care desk, each step at
its own moment, in time order, all on days before ``today``:

- three saved groups: 首保到期客户 (cars at most a year old — under two — whose service is
  overdue or due within 30 days), 三个月未回厂客户 (last visit more than 90 days ago, or
  never: the demo's archive is four months deep) and 瑞虎8 车主 (every Tiggo 8 model);
- 冬季免费检测, a free inspection for the Tiggo 8 owners, launched six days ago and
  running to the end of January: its invitations printed the same morning, a few owners
  phoned about it since (one not interested, one not reached);
- 老客户回厂礼遇, a promotion for the customers not seen for three months, launched twelve
  days ago with its letters printed the next morning.

Each letter run is logged as the desk logs it: one print ('letter', no order) and one
contact per customer. Call it after the care desk: ``fill_campaigns(demo.ctx,
demo.cur_day)``; the context's clock and user are left as they were.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from service_desk.actions import campaigns as cp
from service_desk.actions import contacts
from service_desk.actions import printing as print_log
from service_desk.actions.context import Ctx
from service_desk.demo.roster import ADVISORS
from service_desk.domain import segments as rules
from service_desk.domain.clock import fixed_clock
from service_desk.store import settings

TIGGO_8 = ("TIGGO8", "TIGGO8PLUS", "TIGGO8PRO", "TIGGO8L", "TIGGO8PLUS_PHEV")
GROUPS = (
    ("首保到期客户", rules.Criteria(age_max=1, due="overdue_or_30"), "新车首保提醒，每周一打印"),
    ("三个月未回厂客户", rules.Criteria(last_visit_before_days=90), "流失客户回访"),
    ("瑞虎8 车主", rules.Criteria(models=TIGGO_8), ""),
)
WINTER = rules.CampaignDraft(
    name="冬季免费检测",
    kind="free_inspection",
    valid_from=None,
    valid_to=None,
    offer="免费检测蓄电池、轮胎、暖风、防冻液、刹车等 20 项，检测后维修工时费 8 折",
    letter_text=(
        "冬季气温低，蓄电池、轮胎和暖风系统更容易出问题。本店为瑞虎8车主准备了冬季免费检测，"
        "检测约 30 分钟，请提前来电预约，到店无需排队。"
    ),
)
WELCOME_BACK = rules.CampaignDraft(
    name="老客户回厂礼遇",
    kind="promotion",
    valid_from=None,
    valid_to=None,
    offer="凭本函到店保养，工时费 8 折，并赠送精洗一次",
    letter_text="好久不见！您的爱车已有一段时间没有回厂，我们为您准备了回厂礼遇，期待您的光临。",
)
PRINTER = "前台打印机"


def _staff_id(ctx: Ctx, name: str) -> int:
    return int(ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0])


def _letters(ctx: Ctx, campaign_id: int) -> int:
    """Print a campaign's letters as the page does: one print, one contact per letter."""
    run = cp.letter_run(ctx, campaign_id=campaign_id)
    print_log.record_print(ctx, None, "letter", PRINTER, len(run.letters))
    return len(cp.record_letters(ctx, run))


def _call(ctx: Ctx, campaign_id: int, vehicle_id: int, outcome: str, note: str) -> None:
    owner = ctx.db.execute("SELECT owner_id FROM vehicles WHERE id = ?", [vehicle_id]).fetchone()
    contacts.log_contact(
        ctx,
        contacts.ContactInput(
            customer_id=int(owner[0]),
            vehicle_id=vehicle_id,
            channel="phone",
            purpose="campaign",
            outcome=outcome,
            note=note,
            campaign_id=campaign_id,
        ),
    )


def fill_campaigns(ctx: Ctx, today: dt.date) -> int:
    """Save the demo's groups, launch its two campaigns and print their letters, on the
    days before ``today``; return how many letters were sent."""
    zone = ZoneInfo(settings.get(ctx.db, "timezone"))
    clock, user = ctx.clock, ctx.user_id

    def at(days_ago: int, hour: int, minute: int, who: str) -> None:
        day = today - dt.timedelta(days=days_ago)
        ctx.clock = fixed_clock(dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone))
        ctx.user_id = _staff_id(ctx, who)

    sent = 0
    try:
        at(20, 17, 10, ADVISORS[0])
        ids = {name: cp.save_group(ctx, name, criteria, note) for name, criteria, note in GROUPS}
        at(12, 16, 30, ADVISORS[1])
        welcome = cp.launch_campaign(
            ctx,
            ids["三个月未回厂客户"],
            _days(WELCOME_BACK, today - dt.timedelta(days=10), today + dt.timedelta(days=48)),
        )
        at(11, 9, 20, ADVISORS[1])
        sent += _letters(ctx, welcome)
        at(6, 8, 40, ADVISORS[0])
        winter = cp.launch_campaign(
            ctx,
            ids["瑞虎8 车主"],
            _days(WINTER, today - dt.timedelta(days=5), dt.date(today.year + 1, 1, 31)),
        )
        at(6, 9, 5, ADVISORS[0])
        sent += _letters(ctx, winter)
        targets = [m.vehicle_id for m in cp.targets(ctx.db, winter, ctx.clock().date())]
        at(3, 15, 20, ADVISORS[2])
        _call(ctx, winter, targets[0], "not_interested", "客户说车刚做过检查，暂时不需要。")
        at(2, 10, 45, ADVISORS[2])
        _call(ctx, winter, targets[1], "no_answer", "无人接听，明天再打。")
    finally:
        ctx.clock, ctx.user_id = clock, user
    return sent


def _days(draft: rules.CampaignDraft, first: dt.date, last: dt.date) -> rules.CampaignDraft:
    return rules.CampaignDraft(draft.name, draft.kind, first, last, draft.offer, draft.letter_text)


__all__ = ["fill_campaigns"]
