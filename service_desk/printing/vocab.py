"""Printed names of the fixed vocabularies, in Chinese and English (no Qt here)."""

from __future__ import annotations

_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {"labour": ("工时", "Lab."), "part": ("配件", "Part"), "fee": ("费用", "Fee")},
    "mode": {
        "system": ("系统估价", "System"),
        "symptom": ("现象估价", "Symptom"),
        "item": ("项目定价", "Item"),
    },
    "payer": {
        "customer": ("客户", "Cust."),
        "warranty": ("索赔", "Warr."),
        "internal": ("内部", "Int."),
    },
    "source": {"dealer": ("本店", "Dealer"), "customer": ("客户自带", "Cust.")},
    "quality": {"genuine": ("正厂件", "Genuine"), "aftermarket": ("副厂件", "Aftmkt")},
    "method": {
        "cash": ("现金", "Cash"),
        "card": ("银行卡", "Card"),
        "wechat": ("微信支付", "WeChat Pay"),
        "alipay": ("支付宝", "Alipay"),
        "transfer": ("转账", "Transfer"),
    },
    "origin": {"estimate": ("原估价", "Estimate"), "additional": ("追加", "Added")},
    "contact": {
        "phone": ("电话", "Phone"),
        "wechat": ("微信", "WeChat"),
        "sms": ("短信", "SMS"),
        "letter": ("信函", "Letter"),
    },
}


def name(vocabulary: str, code: str | None, lang: str = "zh") -> str:
    if not code:
        return ""
    zh, en = _NAMES[vocabulary].get(code, (code, code))
    return zh if lang == "zh" else en
