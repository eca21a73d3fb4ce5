"""The invented cars: model choice by popularity and age, plates, VINs, mileage."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from service_desk import reference
from service_desk.demo.names import COLOUR_WEIGHTS, COLOURS, VEHICLE_WISHES
from service_desk.demo.plan import Car
from service_desk.domain.validation import vin_check_digit

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

N_SECOND_CARS = 10  # customers with a second car

# Popularity at this counter and (roughly) the first year a model could be bought.
_MODEL_WEIGHTS = {
    "TIGGO8PRO": 7,
    "TIGGO7PLUS": 7,
    "ARRIZO5PLUS": 7,
    "TIGGO5X": 5,
    "TIGGO8PLUS": 5,
    "ARRIZO8": 4,
    "TIGGO3X": 3,
    "ARRIZO5": 3,
    "TIGGO7": 3,
    "TIGGO8": 3,
    "TIGGO9": 2,
    "QQ_ICE_CREAM": 3,
    "FULWIN_A8": 3,
    "TIGGO8PLUS_PHEV": 2,
    "TIGGO7PLUS_PHEV": 2,
    "EQ5": 2,
}
_MODEL_FROM = {
    "TIGGO7PLUS": 2020,
    "TIGGO7PLUS_PHEV": 2023,
    "TIGGO8PLUS_PHEV": 2022,
    "TIGGO8PRO": 2021,
    "TIGGO8L": 2024,
    "TIGGO9": 2023,
    "ARRIZO8": 2022,
    "FULWIN_A8": 2024,
    "FULWIN_A9L": 2025,
    "FULWIN_T8": 2024,
    "FULWIN_T9": 2024,
    "FULWIN_T10": 2025,
    "TANSUO06": 2024,
    "TANSUO06_CDM": 2024,
    "EQ5": 2020,
    "QQ_ICE_CREAM": 2021,
    "QQ_WUJIE_PRO": 2024,
    "ICAR03": 2024,
}
_CATEGORY_BY_BODY = {
    "sedan": "small_car",
    "suv": "small_passenger",
    "mpv": "small_passenger",
    "hatchback": "mini_car",
}
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY"  # model-year codes from 2010
_VIN_FREE = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, O


def _plate(demo: Demo, energy: str) -> str:
    rng = demo.rng
    while True:
        if energy in ("ev", "phev"):
            body = ("D" if energy == "ev" else "F") + f"{rng.randrange(10**5):05d}"
            if rng.random() < 0.3:
                body = body[0] + rng.choice(_PLATE_LETTERS) + body[2:]
            prefix = "皖B"
        else:
            prefix = rng.choices(("皖B", "皖A", "苏E"), (90, 6, 4))[0]
            digits = [str(rng.randrange(10)) for _ in range(5)]
            for pos in rng.sample(range(5), rng.choice((0, 0, 1, 1, 2))):
                digits[pos] = rng.choice(_PLATE_LETTERS)
            body = "".join(digits)
        plate = prefix + body
        if plate not in demo.plates:
            demo.plates.add(plate)
            return plate


def _vin(demo: Demo, year: int) -> str:
    rng = demo.rng
    while True:
        vds = rng.choice("BCDF") + "".join(rng.choice(_VIN_FREE) for _ in range(4))
        year_code = _VIN_YEARS[min(max(year - 2010, 0), len(_VIN_YEARS) - 1)]
        draft = f"LVV{vds}0{year_code}D{rng.randrange(10**6):06d}"
        vin = draft[:8] + vin_check_digit(draft) + draft[9:]
        if vin not in demo.vins:
            demo.vins.add(vin)
            return vin


def make_cars(demo: Demo) -> None:
    rng = demo.rng
    models = list(reference.car_models())
    weights = [_MODEL_WEIGHTS.get(m.code, 1) for m in models]
    categories = {c.code for c in reference.vehicle_categories()}
    latest = demo.cur_day - dt.timedelta(days=20)
    owners = list(demo.customers)
    owners += rng.sample(demo.customers, N_SECOND_CARS)
    with_vin = set(rng.sample(range(len(owners)), round(len(owners) * 0.8)))
    for i, owner in enumerate(owners):
        model = rng.choices(models, weights)[0]
        first = dt.date(_MODEL_FROM.get(model.code, 2019), 1, 1)
        first = min(max(first, dt.date(2019, 1, 1)), latest - dt.timedelta(days=60))
        purchase = first + dt.timedelta(days=rng.randrange((latest - first).days + 1))
        category = _CATEGORY_BY_BODY.get(model.body, "small_passenger")
        if category not in categories:
            category = next(iter(sorted(categories)))
        car = Car(
            owner=owner,
            plate=_plate(demo, model.energy),
            vin=_vin(demo, purchase.year) if i in with_vin else "",
            model=model,
            category=category,
            colour=rng.choices(COLOURS, COLOUR_WEIGHTS)[0],
            purchase=purchase,
            km_per_day=40 * rng.uniform(0.55, 1.5),
            delivery_km=rng.randint(5, 60),
            wishes=rng.choice(VEHICLE_WISHES) if rng.random() < 0.1 else "",
        )
        owner.cars.append(car)
        demo.cars.append(car)
