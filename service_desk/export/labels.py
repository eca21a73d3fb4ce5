"""Chinese names the workbook prints: sheets, order states, payment methods, payers,
weekdays and the self-review's figures."""

from __future__ import annotations

SHEETS = {
    "summary": "汇总",
    "models": "车型",
    "categories": "维修类别",
    "revenue": "营收与欠收",
    "daily": "每日进厂",
    "extra": "追加项目",
    "appointments": "预约",
    "care": "回访与投诉",
    "details": "明细",
    "reviews": "月度总结",
}

STATES = {
    "reception": "接待中",
    "diagnosis": "检测诊断",
    "estimate": "已估价",
    "declined": "客户拒修",
    "closed": "已关闭",
    "signed": "已签字",
    "checked_in": "已交车",
    "handed_off": "已进车间",
    "in_progress": "维修中",
    "completed": "已完工",
    "ready": "待取车",
    "settled": "已结算",
    "released": "已出厂",
    "done": "已完成",
    "void": "已作废",
}

METHODS = {
    "cash": "现金",
    "card": "银行卡",
    "wechat": "微信支付",
    "alipay": "支付宝",
    "transfer": "转账",
}

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

REVIEW_KINDS = {"day": "每日自评", "month": "月度总结"}

# SelfReview.figures -> column heading; keys ending in _fen are money.
REVIEW_FIGURES = {
    "received": "进厂台次",
    "released": "出厂台次",
    "declined": "拒修",
    "promises_due": "应守约",
    "promises_kept": "守约",
    "extra_offered": "追加建议",
    "extra_accepted": "追加同意",
    "extra_accepted_fen": "追加同意金额",
    "revenue_fen": "营业额",
    "discount_fen": "优惠",
    "arrears_fen": "欠收",
    "comebacks": "返修",
}


def state(code: str) -> str:
    return STATES.get(code, code)


def method(code: str) -> str:
    return METHODS.get(code, code)
