"""The repair scenarios: what customers ask for, how long it takes, what may happen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from service_desk.demo.lines import (
    Item,
    body_paint,
    brake_aftermarket,
    brake_soft,
    chassis_noise,
    cold_start,
    customer_bulb,
    dashcam,
    ev_range,
    jobs,
    maintenance,
    shocks,
    tyres,
    warning_light,
    warranty_screen,
    warranty_window,
)

if TYPE_CHECKING:
    from service_desk.demo.plan import Car
    from service_desk.demo.state import Demo


@dataclass(frozen=True)
class Scenario:
    key: str
    requests: tuple[str, ...]
    items: Callable[[Demo, Car, int], list[Item]]
    minutes: int  # workshop time
    weight: int = 1
    energies: frozenset[str] = frozenset({"petrol", "phev", "ev"})
    consent: bool = False  # a technical diagnosis first (R4)
    diagnosis: str = ""
    category: str | None = None  # None: taken from the standard job
    declinable: bool = False
    road_test: bool = False
    max_age_years: int | None = None  # warranty work only on young cars
    other: str = ""


_NEV = frozenset({"phev", "ev"})
_FUEL = frozenset({"petrol", "phev"})

SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        Scenario(
            "maintenance",
            (
                "做个保养",
                "到保养里程了，做个常规保养",
                "保养，机油该换了",
                "做保养，顺便全车检查一下",
            ),
            maintenance,
            70,
            weight=36,
        ),
        Scenario(
            "brake_soft",
            ("刹车发软", "刹车发软，踩下去有点空"),
            brake_soft,
            120,
            weight=4,
            consent=True,
            category="general_repair",
            declinable=True,
            road_test=True,
            diagnosis="制动液含水量超标（3%），前刹车片剩约3mm，建议更换制动液及前刹车片",
        ),
        Scenario(
            "brake_aftermarket",
            ("前轮刹车吱吱响，想换便宜点的片子",),
            brake_aftermarket,
            60,
            weight=3,
            category="general_repair",
            road_test=True,
            other="客户要求用副厂刹车片，已告知非原厂件不在质保范围",
        ),
        Scenario(
            "ac",
            ("空调不凉", "空调吹出来是热风", "空调制冷效果差"),
            jobs("ac_service"),
            90,
            weight=6,
        ),
        Scenario(
            "warning_light",
            ("仪表盘故障灯亮", "发动机故障灯亮了，开着没什么感觉"),
            warning_light,
            120,
            weight=5,
            energies=_FUEL,
            consent=True,
            declinable=True,
            diagnosis="读取故障码P0131：前氧传感器电路电压偏低，需更换",
        ),
        Scenario(
            "cold_start",
            ("冷车启动有异响", "早上冷车打火时发动机舱吱吱响"),
            cold_start,
            150,
            weight=4,
            energies=_FUEL,
            consent=True,
            category="general_repair",
            declinable=True,
            road_test=True,
            diagnosis="初步判断发电机皮带老化打滑，不排除张紧轮异响，按现象报价",
        ),
        Scenario(
            "shocks",
            ("过减速带咯噔响，车身晃得厉害", "前面减震好像漏油了"),
            shocks,
            240,
            weight=3,
            consent=True,
            category="general_repair",
            declinable=True,
            road_test=True,
            diagnosis="左右前减震器漏油失效，需成对更换，更换后做四轮定位",
        ),
        Scenario(
            "chassis_noise",
            ("底盘有异响，过坑咚咚响", "开快了底盘嗡嗡响"),
            chassis_noise,
            180,
            weight=3,
            consent=True,
            category="general_repair",
            declinable=True,
            road_test=True,
            diagnosis="异响来源需拆检确认，可能为稳定杆连杆或下摆臂胶套，按现象定价",
        ),
        Scenario(
            "customer_bulb",
            ("左边近光灯不亮了，灯泡我自己买好了，换上就行",),
            customer_bulb,
            30,
            weight=2,
            category="general_repair",
            other="客户自带配件，已告知不提供质量保证",
        ),
        Scenario(
            "dashcam",
            ("帮忙装个行车记录仪，我网上买的",),
            dashcam,
            60,
            weight=2,
            category="detailing",
            other="客户自带配件，已告知不提供质量保证",
        ),
        Scenario(
            "warranty_window",
            ("左前车窗升降有异响，有时升不上去", "车窗玻璃升不上去"),
            warranty_window,
            120,
            weight=3,
            category="warranty",
            max_age_years=3,
        ),
        Scenario(
            "warranty_screen",
            ("中控屏经常黑屏重启",),
            warranty_screen,
            60,
            weight=2,
            energies=_NEV,
            category="warranty",
            max_age_years=3,
        ),
        Scenario(
            "tyres",
            ("右后轮扎钉了，两条后胎也该换了", "轮胎磨得差不多了，换两条"),
            tyres,
            90,
            weight=4,
            declinable=True,
            category="general_repair",
        ),
        Scenario(
            "battery",
            ("早上打不着火，电瓶亏电", "打火没反应，可能是电瓶坏了"),
            jobs("battery_replacement"),
            45,
            weight=4,
        ),
        Scenario(
            "wipers",
            ("雨刮刮不干净", "下雨天雨刮有响声，刮不干净"),
            jobs("wiper_blades"),
            20,
            weight=4,
        ),
        Scenario(
            "alignment",
            ("方向盘跑偏", "开起来往右跑，方向盘不正"),
            jobs("wheel_alignment"),
            60,
            weight=3,
            road_test=True,
        ),
        Scenario(
            "body_paint",
            ("倒车蹭了右后门，补个漆", "右后门被蹭掉一块漆"),
            body_paint,
            480,
            weight=4,
            category="body_paint",
            declinable=True,
        ),
        Scenario(
            "safety_check",
            ("要跑长途，帮忙全车检查一下", "做个免费检测"),
            jobs("free_safety_check"),
            40,
            weight=3,
        ),
        Scenario(
            "ev_range",
            ("续航掉得厉害", "充电充不满，续航变短了"),
            ev_range,
            180,
            weight=3,
            energies=_NEV,
            consent=True,
            category="general_repair",
            declinable=True,
            diagnosis="动力电池健康度92%，单体压差偏大，建议做电池均衡维护",
        ),
    )
}
