"""The demo advisors' self-reviews (R19): daily self-reviews of their last working days and
王芳's monthly summary of the month before, written through actions/self_review.py at
the end of each working day (so their figures are the demo's own records).

Deterministic: the texts are picked by advisor and day, no random source is drawn (the
rest of the demo stays as it was for a given seed). Call it after the orders are
replayed: ``fill_reviews(demo.ctx, demo.cur_day)``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from service_desk.actions import self_review
from service_desk.actions.context import Ctx
from service_desk.demo.roster import ADVISORS
from service_desk.domain.clock import fixed_clock
from service_desk.domain.report import Period
from service_desk.store import settings

WENT_WELL = (
    "上午接车集中，环车检查逐项和客户当面确认，外观划痕都拍照留档，交车时没有出现争议。",
    "两台保养车比承诺时间提前半小时交车，客户当场表示满意，并预约了下次保养。",
    "一位客户反映空调有异味，主动建议做蒸发箱清洗，讲清楚价格和工时，客户同意增项。",
    "结算时把每项工时和配件逐条解释给客户，客户对费用没有疑问，回访电话也已登记。",
    "车间反馈增项后第一时间电话联系客户，十分钟内拿到确认，没有耽误维修进度。",
)
TO_IMPROVE = (
    "下午一台车配件到货晚，没有提前给客户打电话说明，客户到店后等了四十分钟，以后要主动告知。",
    "接车时没有问清客户的取车时间，承诺时间定得太紧，最后延误了二十分钟。",
    "随车物品登记时没有请客户当面清点后签字，虽然没出问题，但流程要做完整。",
    "增项报价时只说了总价，没有区分工时和配件，客户有疑虑，下次要分开讲清楚。",
    "中午前后接待高峰，有两位客户等候超过十五分钟，需要和同事协调轮流接待。",
)
PLANS = (
    "明早九点前回访今天交车的客户；跟进待料车辆的配件到货时间，到货当天通知客户。",
    "提前查看明天的预约，把保养套餐的配件清单交给库房备好，减少客户等待。",
    "和车间主管确认两台在修车的完工时间，按时通知客户取车。",
    "整理本周的增项记录，下班前把还没确认的增项再电话跟进一次。",
    "接车时每台车都确认取车时间和联系方式，承诺时间留足余量。",
)
REVISED_PLAN = "补充：客户来电改约，明天下午两点到店取车，提前半小时确认车辆已洗好。"

MONTH_WENT_WELL = (
    "本月接车台次比上月有所增加，保养套餐推荐的成功率明显提高；环车检查和随车物品登记"
    "做到每台车当面确认，全月没有外观纠纷；车间反馈的增项都在半小时内联系客户确认。"
)
MONTH_TO_IMPROVE = (
    "月中有几台车因配件晚到延误交车，没有及时向客户说明原因；部分结算解释不够细，个别客户"
    "对工时费有疑问；交车后的回访电话有遗漏，需要每天下班前核对一遍。"
)
MONTH_PLAN = (
    "一、承诺交车时间留足余量，按时交车率争取达到 95% 以上；\n"
    "二、增项报价分开说明工时和配件，报价前先和车间确认；\n"
    "三、每天下班前完成当日交车客户的回访登记；\n"
    "四、配合车间做好冬季检测活动的预约和接待。"
)

# How many of the last days each advisor (ADVISORS order) wrote a daily review for.
DAYS_WRITTEN = (3, 2, 1)
LOOK_BACK_DAYS = 21


def _staff_id(ctx: Ctx, name: str) -> int:
    return int(ctx.db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()[0])


def _days_worked(ctx: Ctx, today: dt.date, count: int) -> list[dt.date]:
    """The last ``count`` days before today (of the last three weeks) on which the advisor
    at ``ctx`` received or released a car, oldest first: a review needs a day's work."""
    found: list[dt.date] = []
    for back in range(1, LOOK_BACK_DAYS + 1):
        day = today - dt.timedelta(days=back)
        figures = self_review.draft(ctx, "day", Period.day(day)).figures
        if figures["received"] or figures["released"]:
            found.append(day)
            if len(found) == count:
                break
    return found[::-1]


def fill_reviews(ctx: Ctx, today: dt.date) -> int:
    """Write the demo's reviews, each by its advisor at the end of its day, all before
    ``today`` and in time order; return how many versions were saved. The context's
    clock and user are left as they were."""
    zone = ZoneInfo(settings.get(ctx.db, "timezone"))
    clock, user = ctx.clock, ctx.user_id

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    saves: list[tuple[dt.datetime, int, str, Period, tuple[str, str, str]]] = []
    try:
        wang = _staff_id(ctx, ADVISORS[0])
        last_month = today.replace(day=1) - dt.timedelta(days=1)
        month = Period.month(last_month.year, last_month.month)
        texts = (MONTH_WENT_WELL, MONTH_TO_IMPROVE, MONTH_PLAN)
        saves.append((at(last_month, 17, 50), wang, "month", month, texts))
        for a, (name, days) in enumerate(zip(ADVISORS, DAYS_WRITTEN, strict=True)):
            ctx.user_id = _staff_id(ctx, name)
            worked = _days_worked(ctx, today, days)
            for n, day in enumerate(worked):
                pick = (a * 2 + day.toordinal()) % len(PLANS)
                texts = (WENT_WELL[pick], TO_IMPROVE[(pick + a) % len(TO_IMPROVE)], PLANS[pick])
                saves.append((at(day, 17, 30 + 5 * a), ctx.user_id, "day", Period.day(day), texts))
                if a == 1 and n == len(worked) - 1:  # 刘洋 adds to the plan: a version 2
                    revised = (texts[0], texts[1], f"{texts[2]}\n{REVISED_PLAN}")
                    saves.append((at(day, 17, 55), ctx.user_id, "day", Period.day(day), revised))
        for moment, staff_id, kind, period, words in sorted(saves, key=lambda s: s[0]):
            ctx.clock, ctx.user_id = fixed_clock(moment), staff_id
            self_review.save(ctx, kind, period, *words)
    finally:
        ctx.clock, ctx.user_id = clock, user
    return len(saves)
