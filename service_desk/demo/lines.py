"""The order lines each repair scenario puts on its estimate.

A scenario's lines are standard job codes or hand-written labour and part lines
(labour at the dealer's hourly rate, symptom lines with the dealer's risk margin).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from service_desk.domain.pricing import LineDraft, parse_qty

if TYPE_CHECKING:
    from service_desk.demo.plan import Car
    from service_desk.demo.state import Demo

Item = str | LineDraft  # a standard job code, or one hand-written line


def _qty(text: str) -> int:
    return parse_qty(text)


def _lab(
    demo: Demo,
    text: str,
    hours: str,
    system: str,
    mode: str = "system",
    *,
    payer: str = "customer",
    margin: bool = False,
    price: int | None = None,
) -> LineDraft:
    return LineDraft(
        kind="labour",
        description=text,
        mode=mode,
        qty_milli=_qty(hours),
        unit_price_fen=demo.labour_rate if price is None else price,
        payer=payer,
        risk_margin_bp=demo.symptom_margin if margin else 0,
        system_code=system,
    )


def _part(
    text: str,
    qty: str,
    price: int,
    system: str,
    mode: str = "item",
    *,
    source: str = "dealer",
    quality: str = "genuine",
    payer: str = "customer",
) -> LineDraft:
    return LineDraft(
        kind="part",
        description=text,
        mode=mode,
        qty_milli=_qty(qty),
        unit_price_fen=price,
        payer=payer,
        system_code=system,
        parts_source=source,
        part_quality=quality,
    )


def maintenance(demo: Demo, car: Car, km: int) -> list[Item]:
    if car.model.energy == "ev":
        return [
            _lab(demo, "纯电车定期保养（高压绝缘检测、底盘及制动检查）", "1", "hv_system"),
            _lab(demo, "更换空调滤清器工时", "0.2", "aircon", "item"),
            _part("空调滤清器滤芯", "1", 9800, "aircon"),
        ]
    if km < 8000:
        return ["first_service_5000"]
    step = round(km / 10000)
    if step and step % 4 == 0:
        return ["service_40000"]
    return ["service_20000"] if step % 2 == 0 else ["service_10000"]


def brake_soft(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        "front_brake_pads",
        _lab(demo, "更换制动液并排空气", "1", "brakes"),
        _part("制动液 DOT4（升）", "1", 8000, "brakes"),
    ]


def brake_aftermarket(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "更换前刹车片工时", "0.8", "brakes", "item"),
        _part("前刹车片（副厂，客户选用经济型）", "1", 16000, "brakes", quality="aftermarket"),
    ]


def warning_light(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        "diagnosis",
        _part("前氧传感器", "1", 38000, "engine", "system"),
        _lab(demo, "更换前氧传感器", "0.6", "engine"),
    ]


def cold_start(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "冷车启动异响排查及处理", "1.5", "engine", "symptom", margin=True),
        _part("发电机皮带", "1", 15000, "engine"),
    ]


def shocks(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "更换前减震器（左右）", "2", "suspension"),
        _part("前减震器总成", "2", 68000, "suspension", "system"),
        "wheel_alignment",
    ]


def chassis_noise(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "底盘异响排查及处理", "2", "suspension", "symptom", margin=True),
        _part("前稳定杆连杆", "2", 9500, "suspension"),
    ]


def customer_bulb(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "更换左近光灯泡（客户指定项目）", "0.3", "lighting", "item"),
        _part(
            "H7近光灯泡（客户自带）", "1", 0, "lighting", source="customer", quality="aftermarket"
        ),
    ]


def dashcam(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "加装行车记录仪（走线取电，客户指定）", "1", "electrical", "item"),
        _part(
            "行车记录仪（客户自带）", "1", 0, "electrical", source="customer", quality="aftermarket"
        ),
    ]


def warranty_window(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "更换左前车窗升降器（保修）", "1", "body", payer="warranty"),
        _part("左前车窗升降器总成", "1", 42000, "body", payer="warranty"),
    ]


def warranty_screen(demo: Demo, car: Car, km: int) -> list[Item]:
    return [_lab(demo, "中控主机检测及软件升级（保修）", "1", "electrical", payer="warranty")]


def tyres(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _part("轮胎 225/60R18（原厂配套）", "2", 78000, "tyres"),
        _lab(demo, "拆装轮胎", "0.5", "tyres", "item"),
        "tyre_rotation_balance",
    ]


def body_paint(demo: Demo, car: Car, km: int) -> list[Item]:
    return [
        _lab(demo, "右后门钣金修复", "2", "body", "item"),
        _lab(demo, "右后门喷漆（单面）", "1", "paint", "item", price=80000),
    ]


def ev_range(demo: Demo, car: Car, km: int) -> list[Item]:
    return [_lab(demo, "动力电池检测及均衡维护", "1.5", "hv_system")]


def jobs(*codes: str) -> Callable[[Demo, Car, int], list[Item]]:
    def items(demo: Demo, car: Car, km: int) -> list[Item]:
        return list(codes)

    return items
