"""Money parsing and formatting, order numbers, supervisor PINs, due dates, the clock."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service_desk.domain import clock, pins
from service_desk.domain.money import MAX_FEN, MoneyError, format_yuan, parse_yuan
from service_desk.domain.order_number import format_number, spoken
from service_desk.domain.schedules import Cycle, add_months, next_service

SHANGHAI = ZoneInfo("Asia/Shanghai")

# --- parse_yuan -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("128", 12800),
        ("128.5", 12850),
        ("128.50", 12850),
        ("0.01", 1),
        ("0", 0),
        ("0.00", 0),
        ("¥1,280.00", 128000),
        ("￥1,280.00", 128000),  # full-width yen sign
        ("１２８", 12800),  # full-width digits
        ("１２８．５", 12850),
        ("１，２８０", 128000),
        ("38元", 3800),
        ("38 元", 3800),
        ("¥ 12", 1200),
        ("  99.9  ", 9990),
        (".5", 50),
        ("5.", 500),
        ("10000000", MAX_FEN),  # the largest accepted amount
        ("10,000,000.00", MAX_FEN),
    ],
)
def test_parse_yuan_accepts(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "¥",
        "元",
        "-1",
        "-0.01",
        "+5",  # no signs at all
        "1.234",  # fractions of a fen
        "1.500",
        "abc",
        "12a",
        "1 2",
        "1.2.3",
        "1e3",  # no exponents (used to be ¥1000)
        "1E-2",
        "1e999999999",  # used to raise decimal.Overflow instead of MoneyError
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "-Infinity",
        "1_000",  # Python's digit grouping (used to be ¥1000)
        "12,50",  # a comma only separates thousands (used to be ¥1,250.00)
        "1,28",
        "1,2800",
        "٣",  # non-ASCII digits other than full-width (used to be ¥3)
        "10000000.01",  # just over MAX_FEN
        "9" * 40,
        "0x10",
    ],
)
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_yuan(text)


def test_money_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        parse_yuan("")


# --- format_yuan ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (99, "¥0.99"),
        (12850, "¥128.50"),
        (128000, "¥1,280.00"),
        (MAX_FEN, "¥10,000,000.00"),
        (-150, "¥-1.50"),
        (-1, "¥-0.01"),
    ],
)
def test_format_yuan(fen: int, text: str) -> None:
    assert format_yuan(fen) == text
    assert format_yuan(fen, symbol=False) == text.removeprefix("¥")


@settings(max_examples=200)
@given(st.integers(0, MAX_FEN))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen
    assert parse_yuan(format_yuan(fen, symbol=False)) == fen


@settings(max_examples=100)
@given(st.integers(0, MAX_FEN))
def test_plain_yuan_and_fen_parse(fen: int) -> None:
    yuan, cents = divmod(fen, 100)
    assert parse_yuan(f"{yuan}.{cents:02d}") == fen
    assert parse_yuan(f"{yuan}元") == yuan * 100
    if cents % 10 == 0:
        assert parse_yuan(f"{yuan}.{cents // 10}") == fen


# --- order numbers --------------------------------------------------------------------------


def test_format_number_and_spoken() -> None:
    number = format_number("WX", dt.date(2026, 11, 27), 1)
    assert number == "WX202611270001"
    assert spoken(number) == "WX 20261127 0001"
    assert format_number("AB", dt.date(2027, 1, 5), 9999) == "AB202701059999"
    assert spoken("AB202701059999") == "AB 20270105 9999"


@pytest.mark.parametrize("prefix", ["wx", "W", "WXY", "W1", "", "ＷＸ", "WX\n", " WX"])
def test_format_number_refuses_bad_prefix(prefix: str) -> None:
    with pytest.raises(ValueError, match="two capital letters"):
        format_number(prefix, dt.date(2026, 11, 27), 1)


@pytest.mark.parametrize("seq", [0, -1, 10000])
def test_format_number_refuses_bad_sequence(seq: int) -> None:
    with pytest.raises(ValueError, match="9999"):
        format_number("WX", dt.date(2026, 11, 27), seq)


@settings(max_examples=100)
@given(
    st.from_regex(r"[A-Z]{2}", fullmatch=True),
    st.dates(dt.date(2000, 1, 1), dt.date(2999, 12, 31)),
    st.integers(1, 9999),
)
def test_order_numbers_have_the_schema_shape(prefix: str, day: dt.date, seq: int) -> None:
    number = format_number(prefix, day, seq)
    assert len(number) == 14 and number[:2] == prefix and number[2:].isdigit()
    assert dt.datetime.strptime(number[2:10], "%Y%m%d").date() == day
    assert int(number[10:]) == seq
    assert spoken(number).replace(" ", "") == number
    # numbers of one day sort in the order they were given out
    if seq < 9999:
        assert number < format_number(prefix, day, seq + 1)


# --- PINs -----------------------------------------------------------------------------------


def test_pin_hash_and_verify() -> None:
    digest, salt = pins.hash_pin("2468")
    assert len(salt) == 32 and int(salt, 16) >= 0
    assert len(digest) == 64 and "2468" not in digest
    assert pins.verify_pin("2468", digest, salt)
    assert not pins.verify_pin("2469", digest, salt)
    assert not pins.verify_pin("24680", digest, salt)
    assert not pins.verify_pin("", digest, salt)
    assert not pins.verify_pin("abcd", digest, salt)  # bad format is just "no"
    assert not pins.verify_pin("2468", None, salt)
    assert not pins.verify_pin("2468", digest, None)
    assert not pins.verify_pin("2468", "", "")


def test_same_pin_different_salts_give_different_hashes() -> None:
    first, salt1 = pins.hash_pin("1234")
    second, salt2 = pins.hash_pin("1234")
    assert salt1 != salt2 and first != second
    assert not pins.verify_pin("1234", first, salt2)
    # the same salt gives the same hash (that is how verification works)
    assert pins.hash_pin("1234", salt1) == (first, salt1)


@pytest.mark.parametrize("pin", ["0000", "12345678", "0123"])
def test_valid_pin_formats(pin: str) -> None:
    pins.check_pin_format(pin)


@pytest.mark.parametrize(
    "pin", ["", "123", "123456789", "12a4", "12 34", "１２３４", "-123", "½½½½"]
)
def test_bad_pin_formats(pin: str) -> None:
    with pytest.raises(pins.PinError, match=r"pin\.format"):
        pins.check_pin_format(pin)
    with pytest.raises(pins.PinError):
        pins.hash_pin(pin)


# --- schedules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),  # leap year
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)),
        (dt.date(2026, 11, 27), 2, dt.date(2027, 1, 27)),  # across the year
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
        (dt.date(2026, 5, 1), 0, dt.date(2026, 5, 1)),
        (dt.date(2026, 5, 1), 60, dt.date(2031, 5, 1)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@settings(max_examples=200)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)), st.integers(-120, 120))
def test_add_months_properties(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


CYCLE = Cycle(first_km=5000, first_months=6, interval_km=10000, interval_months=12)


def test_next_service_from_last_service() -> None:
    last = (dt.date(2025, 8, 31), 23000)
    assert next_service(CYCLE, dt.date(2024, 5, 1), last) == (dt.date(2026, 8, 31), 33000)


def test_next_service_from_purchase() -> None:
    assert next_service(CYCLE, dt.date(2024, 5, 1), None) == (dt.date(2024, 11, 1), 5000)
    assert next_service(CYCLE, dt.date(2024, 8, 31), None) == (dt.date(2025, 2, 28), 5000)


def test_next_service_unknown() -> None:
    assert next_service(CYCLE, None, None) == (None, None)


# --- clock ----------------------------------------------------------------------------------


def test_iso_keeps_the_offset_and_drops_microseconds() -> None:
    moment = dt.datetime(2026, 11, 27, 9, 30, 15, 123456, tzinfo=SHANGHAI)
    text = clock.iso(moment)
    assert text == "2026-11-27T09:30:15+08:00"
    assert clock.parse(text) == moment.replace(microsecond=0)
    assert clock.iso(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) == "2026-01-01T00:00:00+00:00"


def test_iso_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="offset"):
        clock.iso(dt.datetime(2026, 11, 27, 9, 30))


def test_fixed_clock() -> None:
    moment = dt.datetime(2026, 11, 27, 9, 30, tzinfo=SHANGHAI)
    now = clock.fixed_clock(moment)
    assert now() == moment and now() == moment
    with pytest.raises(ValueError, match="aware"):
        clock.fixed_clock(dt.datetime(2026, 11, 27, 9, 30))


def test_system_clock_is_aware_and_whole_seconds() -> None:
    now = clock.system_clock()()
    assert now.tzinfo is not None and now.utcoffset() == dt.timedelta(hours=8)
    assert now.microsecond == 0
    assert abs(now - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    utc = clock.system_clock("UTC")()
    assert utc.utcoffset() == dt.timedelta(0)
    assert clock.iso(now).endswith("+08:00")


@settings(max_examples=100)
@given(
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),  # Shanghai has had no summer time since 1991
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from([SHANGHAI, dt.UTC]),
    )
)
def test_iso_parse_round_trip(moment: dt.datetime) -> None:
    whole = moment.replace(microsecond=0)
    back = clock.parse(clock.iso(moment))
    assert back == whole and back.utcoffset() == whole.utcoffset()
