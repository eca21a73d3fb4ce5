"""What gets written on the demo orders: extra requests, decline notes, step notes."""

from __future__ import annotations

OTHER_REQUESTS = (
    "顺便检查一下胎压",
    "右后门关门有点响，顺便看看",
    "车里有点异味，帮忙看看空调滤",
    "玻璃水加满",
    "看看刹车片还剩多少",
)
DECLINE_NOTES = (
    "价格有点高，先不修了",
    "客户要跟家里商量一下，暂不施工",
    "客户去别家比价",
    "暂时不修，下次保养时一起做",
)
STEP_NOTES = {
    "checked_in": "车辆进店，环车检查完毕",
    "in_progress": "开工",
    "completed": "完工，班组自检合格",
    "ready": "质检合格，已通知客户取车",
    "released": "客户已取车，交车讲解完毕",
    "done": "电话回访完成，客户满意",
}
