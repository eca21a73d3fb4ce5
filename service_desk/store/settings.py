"""Business settings live in the database (backups carry them); defaults are declared here."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

DEFAULTS: dict[str, Any] = {
    "order_prefix": "WX",
    "timezone": "Asia/Shanghai",
    "labour_rate_fen": 12000,
    "diagnosis_fee_fen": 5000,
    "symptom_margin_bp": 1500,
    "promise_margin_minutes": 60,
    # The dealer's header on every printed form (first-run setup fills these in).
    "dealer_name": "奇瑞汽车授权服务站",
    "dealer_address": "",
    "dealer_phone": "",
    "dealer_logo": "",
    # 纳税人识别号: the 18-character unified social credit code; empty: not printed.
    "dealer_tax_number": "",
    "print_font": "",
    # A second folder (USB stick, network share) that receives a copy of every backup.
    "backup_mirror_dir": "",
    # The key cabinet (钥匙柜): number of hooks, and when a key out is overdue.
    "key_cabinet_hooks": 60,
    "key_out_alert_hours": 4,
    # Appointments (预约): cars the workshop takes by appointment per day, and the length
    # of one slot of the day calendar.
    "appointment_capacity_per_day": 12,
    "appointment_slot_minutes": 30,
    # The checkout desk. Guarantee periods per class of 《机动车维修管理规定》 art. 38,
    # counted from the release, whichever of the distance or the days comes first.
    "guarantee_major_km": 20000,  # complete-vehicle or assembly (总成) repair
    "guarantee_major_days": 100,
    "guarantee_maintenance_km": 5000,  # second-level maintenance (二级维护)
    "guarantee_maintenance_days": 30,
    "guarantee_minor_km": 2000,  # first-level maintenance, minor and special repairs
    "guarantee_minor_days": 10,
    # A car back with related work within this many days or km of its release is a comeback.
    "comeback_days": 30,
    "comeback_km": 1000,
    # The release gate wants an explanation when the car was driven more than this many km,
    # or its fuel dropped by more than this many eighths of a tank, since the check-in.
    "release_odometer_diff_km": 50,
    "release_fuel_drop_eighths": 2,
    # Legal texts printed on the forms; the defaults follow the guarantee periods of
    # 《机动车维修管理规定》 (交通运输部), art. 38, and may be edited in the app.
    "guarantee_terms": (
        "本店对竣工出厂的车辆实行质量保证期制度：整车修理或总成修理为车辆行驶 20000 公里"
        "或者 100 日；二级维护为车辆行驶 5000 公里或者 30 日；一级维护、小修及专项修理为"
        "车辆行驶 2000 公里或者 10 日（以先到者为准）。质量保证期内因维修质量原因造成的故障，"
        "本店负责免费返修。"
    ),
    "clause_customer_parts": (
        "客户自带配件：本店仅按客户要求安装，不对该配件的质量及由此引起的故障承担质量保证责任。"
    ),
    "clause_aftermarket_critical": (
        "关键系统（制动、转向、悬架、安全气囊、轮胎、高压系统等）应客户坚持使用副厂件：本店已"
        "告知风险，不对该配件的质量及由此引起的故障承担质量保证责任。"
    ),
    "clause_item_pricing": (
        "项目定价（按实际工时或客户指定项目计费）：已告知客户，此类项目的维修质量可能无法保证。"
    ),
    "clause_symptom_pricing": (
        "现象估价：为排除所述故障现象而定价，因故障原因尚不明确，价格中含风险加价。"
    ),
    "clause_estimate": ("以上为估价，实际费用以结算单为准；如需追加项目，本店将事先征得客户同意。"),
}


def get(db: sqlite_utils.Database, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return DEFAULTS[key] if row is None else json.loads(row[0])


def put(db: sqlite_utils.Database, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )
