"""The invented customers: unique names and mobiles, Wuhu addresses, a few companies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from service_desk.actions.archive import CustomerInput
from service_desk.demo.names import (
    COMMUNITIES,
    COMPANY_NAMES,
    COMPANY_TRADES,
    CONTACT_WEIGHTS,
    CONTACTS,
    CUSTOMER_WISHES,
    DISTRICT_WEIGHTS,
    DISTRICTS,
    GIVEN,
    MOBILE_PREFIXES,
    SURNAMES,
)
from service_desk.demo.plan import Customer

if TYPE_CHECKING:
    from service_desk.demo.state import Demo

N_CUSTOMERS = 60


def _name(demo: Demo) -> str:
    while True:
        name = demo.rng.choice(SURNAMES) + demo.rng.choice(GIVEN)
        if name not in demo.names:
            demo.names.add(name)
            return name


def _mobile(demo: Demo) -> str:
    while True:
        phone = demo.rng.choice(MOBILE_PREFIXES) + f"{demo.rng.randrange(10**8):08d}"
        if phone not in demo.phones:
            demo.phones.add(phone)
            return phone


def _address(demo: Demo) -> str:
    rng = demo.rng
    district = rng.choices(list(DISTRICTS), DISTRICT_WEIGHTS)[0]
    street = rng.choice(DISTRICTS[district])
    place = "" if district == "无为市" else "芜湖市"
    text = f"{place}{district}{street}{rng.randint(1, 300)}号"
    if rng.random() < 0.6:
        text += (
            f"{rng.choice(COMMUNITIES)}{rng.randint(1, 30)}栋"
            f"{rng.randint(1, 3)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
        )
    return text


def make_customers(demo: Demo) -> None:
    rng = demo.rng
    companies = rng.sample(
        [f"芜湖{n}{t}有限公司" for n in COMPANY_NAMES for t in COMPANY_TRADES],
        round(N_CUSTOMERS * 0.15),
    )
    company_of = dict(zip(rng.sample(range(N_CUSTOMERS), len(companies)), companies, strict=True))
    landline_of = set(rng.sample(range(N_CUSTOMERS), 6))
    for i in range(N_CUSTOMERS):
        phone2 = ""
        if i in landline_of:
            phone2 = f"0553-{rng.randint(2, 8)}{rng.randrange(10**6):06d}"
        wishes = rng.choice(CUSTOMER_WISHES) if rng.random() < 0.3 else ""
        demo.customers.append(
            Customer(
                CustomerInput(
                    name=_name(demo),
                    phone=_mobile(demo),
                    phone2=phone2,
                    address=_address(demo),
                    company=company_of.get(i, ""),
                    preferred_contact=rng.choices(CONTACTS, CONTACT_WEIGHTS)[0],
                    wishes=wishes,
                )
            )
        )
