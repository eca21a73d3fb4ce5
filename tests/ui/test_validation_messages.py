"""Every validation problem code has a formatted, non-empty message."""

from __future__ import annotations

import pytest

from service_desk.domain.validation import (
    Problem,
    check_landline,
    check_mobile,
    check_name,
    check_odometer,
    check_phone,
    check_plate,
    check_text,
    check_vin,
)
from service_desk.ui import validation_messages
from service_desk.ui.validation_messages import problem_text


def _problems() -> list[Problem | None]:
    """One real problem for every code the validators can produce."""
    return [
        check_plate(""),
        check_plate("B12345"),
        check_plate("皖B1234"),
        check_vin(""),
        check_vin("LSVAM4187C218484"),
        check_vin("LSVAM4187CIOQ4847"),
        check_vin("LSVAM4186C2184847"),
        check_mobile("1381234567"),
        check_mobile("12345678901"),
        check_landline("0553-1234567"),
        check_phone("", field="phone2"),
        check_phone("110", field="phone2"),
        check_odometer(-1, None),
        check_odometer(2_000_001, None),
        check_odometer(40_000, 48_000),
        check_name(""),
        check_name("张\x07伟"),
        check_name("张" * 61),
        check_text("x" * 501, "remarks", 500),
    ]


PROBLEMS = [p for p in _problems() if p is not None]
ALL_CODES = {
    "plate.required": "error",
    "plate.province": "error",
    "plate.format": "error",
    "vin.required": "error",
    "vin.length": "error",
    "vin.chars": "error",
    "vin.check_digit": "warning",
    "mobile.length": "error",
    "mobile.format": "error",
    "landline.format": "error",
    "phone.required": "error",
    "phone.format": "error",
    "odometer.negative": "error",
    "odometer.too_large": "error",
    "odometer.lower": "warning",
    "text.required": "error",
    "text.control": "error",
    "text.too_long": "error",
}


def test_the_samples_cover_every_code_once() -> None:
    assert len(PROBLEMS) == len(_problems())
    assert {p.code for p in PROBLEMS} == set(ALL_CODES)
    for problem in PROBLEMS:
        assert problem.severity == ALL_CODES[problem.code]


def test_every_code_has_a_message() -> None:
    assert set(validation_messages._MESSAGES) == set(ALL_CODES)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: f"{p.field}-{p.code}")
def test_problem_text_is_formatted(problem: Problem) -> None:
    text = problem_text(problem)
    assert text
    assert text != problem.code
    assert "{" not in text
    assert "}" not in text
    for _, value in problem.params:
        assert str(value) in text


@pytest.mark.usefixtures("qapp")
def test_unknown_code_falls_back_to_the_code() -> None:
    assert problem_text(Problem("plate", "plate.sparkles")) == "plate.sparkles"


@pytest.mark.usefixtures("qapp")
def test_missing_params_do_not_raise() -> None:
    text = problem_text(Problem("vin", "vin.check_digit", "warning"))
    assert text
    assert "{" not in text
