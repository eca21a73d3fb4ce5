"""Field validators: real-format samples plus property tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service_desk.domain.validation import (
    CREDIT_CODE_CHARACTERS,
    PROVINCES,
    Problem,
    ValidationError,
    check_credit_code,
    check_landline,
    check_mobile,
    check_name,
    check_odometer,
    check_phone,
    check_plate,
    check_text,
    check_vin,
    collect,
    credit_code_check_digit,
    normalize_credit_code,
    normalize_phone,
    normalize_plate,
    normalize_vin,
    raise_if_errors,
    vin_check_digit,
)


def code(problem: Problem | None) -> str | None:
    return None if problem is None else problem.code


# --- Problem / ValidationError -------------------------------------------------------------


def test_problem_param_lookup() -> None:
    problem = Problem("vin", "vin.check_digit", "warning", (("expected", "7"), ("found", "0")))
    assert problem.param("expected") == "7"
    assert problem.param("found") == "0"
    assert problem.param("missing") is None
    assert problem.param("missing", "-") == "-"
    assert not problem.is_error
    assert Problem("plate", "plate.required").severity == "error"


def test_validation_error_lists_the_codes() -> None:
    error = ValidationError([Problem("plate", "plate.format"), Problem("phone2", "phone.format")])
    assert [p.code for p in error.problems] == ["plate.format", "phone.format"]
    assert "plate.format" in str(error)
    assert "phone.format" in str(error)


def test_provinces_are_the_31_mainland_abbreviations() -> None:
    assert len(PROVINCES) == 31
    assert len(set(PROVINCES)) == 31
    for abbreviation in "京沪皖粤川藏琼":
        assert abbreviation in PROVINCES
    for not_mainland in "港澳台":
        assert not_mainland not in PROVINCES


# --- plates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("皖B12345", "皖B12345"),
        ("  皖b·12345 ", "皖B12345"),
        ("皖 B 12345", "皖B12345"),
        ("皖B-12345", "皖B12345"),
        ("皖B.12345", "皖B12345"),
        ("皖Ｂ１２３４５", "皖B12345"),  # full-width
        ("皖ｂ１２ｋ４５", "皖B12K45"),
        ("京a·8k9f2", "京A8K9F2"),
        ("wj皖12345", "WJ皖12345"),
        ("", ""),
    ],
)
def test_normalize_plate(raw: str, expected: str) -> None:
    assert normalize_plate(raw) == expected


@pytest.mark.parametrize(
    "plate",
    [
        # ordinary
        "皖B12345",
        "皖BK9F21",
        "京A8K9F2",  # 5 characters after the letter
        "沪AD1234",  # D + 4 digits is 5 characters: an ordinary plate
        "粤B88888",
        "川A0X1Y2",
        "琼A12345",
        "皖b·12345",  # normalized first
        "皖Ｂ１２３４５",
        # new energy
        "皖BD12345",
        "皖BF1A234",
        "皖BDA1234",
        "京AF12345",
        "皖B12345D",
        "苏E54321F",
        # special forms
        "皖B1234学",
        "皖B1234警",
        "皖B1234挂",
        "沪A1234领",
        "京A1234应急",
        "粤Z1234港",
        "粤ZA123澳",
        "使014578",
        "使 014·578",
        "WJ皖12345",
        "WJ京1234X",
        "WJ0112345",
        "WJ011234消",
    ],
)
def test_valid_plates(plate: str) -> None:
    assert check_plate(plate) is None


@pytest.mark.parametrize(
    "plate",
    [
        "京A8K9F23",  # 6 characters after the letter, and not a new-energy form
        "皖B1234",  # too short
        "皖B123456",  # ordinary with 6 digits
        "皖I12345",  # I is not an issuing letter
        "皖O12345",
        "皖1B2345",  # the letter comes second
        "皖B1234O",  # O never appears
        "皖B12I45",
        "皖BA12345",  # 8 characters need D or F
        "皖B12345A",
        "皖B1234港",  # Hong Kong / Macao plates are 粤Z only
        "粤B1234澳",
        "皖B12345学",
        "皖B123学",
        "皖B学1234",
        "使12345",
        "使1234567",
        "WJ皖1234",
        "皖",
        "皖B",
        "皖B 12345 6",
    ],
)
def test_plate_format_errors(plate: str) -> None:
    problem = check_plate(plate)
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == ("plate", "plate.format", "error")
    assert problem.param("example") == "皖B12345"


@pytest.mark.parametrize(
    "plate",
    ["B12345", "台B12345", "港B12345", "AB12345", "12345", "WA12345", "军A12345", "?皖B12345"],
)
def test_plate_province_errors(plate: str) -> None:
    assert code(check_plate(plate)) == "plate.province"


@pytest.mark.parametrize("plate", ["", "   ", " · - "])
def test_plate_required(plate: str) -> None:
    problem = check_plate(plate)
    assert problem is not None
    assert (problem.field, problem.code) == ("plate", "plate.required")


@pytest.mark.parametrize("province", list(PROVINCES))
def test_every_province_is_accepted(province: str) -> None:
    assert check_plate(f"{province}A12345") is None
    assert check_plate(f"{province}AD12345") is None


# --- VIN -----------------------------------------------------------------------------------

# Hand-worked check digits. Transliteration: A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9
# S2 T3 U4 V5 W6 X7 Y8 Z9, digits are themselves; weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2.
#
# 1M8GDM9AXKP042788 (the classic textbook example)
#   values   1 4 8 7 4 4 9  1 - 2 7 0 4 2 7 8 8
#   products 8+28+48+35+16+12+18+10+0+18+56+0+24+10+28+24+16 = 351; 351 mod 11 = 10 -> X
# LSVAM4187C2184847 (SAIC Volkswagen style)
#   values   3 2 5 1 4 4 1 8 - 3 2 1 8 4 8 4 7
#   products 24+14+30+5+16+12+2+80+0+27+16+7+48+20+32+12+14 = 359; 359 mod 11 = 7
# LVVDB11B6PD123456 (Chery WMI LVV)
#   values   3 5 5 4 2 1 1 2 - 7 4 1 2 3 4 5 6
#   products 24+35+30+20+8+3+2+20+0+63+32+7+12+15+16+15+12 = 314; 314 mod 11 = 6
HAND_WORKED = [
    ("1M8GDM9AXKP042788", "X"),
    ("LSVAM4187C2184847", "7"),
    ("LVVDB11B6PD123456", "6"),
]


@pytest.mark.parametrize(("vin", "digit"), HAND_WORKED)
def test_vin_check_digit_hand_worked(vin: str, digit: str) -> None:
    assert vin_check_digit(vin) == digit
    assert check_vin(vin) is None


def test_vin_check_digit_ignores_position_9() -> None:
    assert vin_check_digit("1M8GDM9A0KP042788") == "X"
    assert vin_check_digit("LVVDB11BXPD123456") == "6"


@pytest.mark.parametrize("bad", ["", "LVVDB11B6PD12345", "LVVDB11B6PD12345O", "lvvdb11b6pd123456"])
def test_vin_check_digit_rejects_non_vins(bad: str) -> None:
    with pytest.raises(ValueError):
        vin_check_digit(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("lsvam4187c2184847", "LSVAM4187C2184847"),
        (" LSVAM 4187 C218 4847 ", "LSVAM4187C2184847"),
        ("ＬＳＶＡＭ４１８７Ｃ２１８４８４７", "LSVAM4187C2184847"),
        ("ｌｓｖａｍ4187c2184847", "LSVAM4187C2184847"),
        ("", ""),
    ],
)
def test_normalize_vin(raw: str, expected: str) -> None:
    assert normalize_vin(raw) == expected


@pytest.mark.parametrize(
    "vin",
    [
        "lsvam4187c2184847",  # lowercase
        "LSVAM 4187 C218 4847",
        "ＬＳＶＡＭ４１８７Ｃ２１８４８４７",  # full-width
        "1m8gdm9axkp042788",
    ],
)
def test_vin_input_is_normalized(vin: str) -> None:
    assert check_vin(vin) is None


@pytest.mark.parametrize(
    ("vin", "found"),
    [("LSVAM4187C218484", 16), ("LSVAM4187C21848477", 18), ("LSVAM", 5)],
)
def test_vin_length(vin: str, found: int) -> None:
    problem = check_vin(vin)
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == ("vin", "vin.length", "error")
    assert problem.param("expected") == 17
    assert problem.param("found") == found


def test_vin_required() -> None:
    assert code(check_vin("  ")) == "vin.required"


@pytest.mark.parametrize(
    ("vin", "chars"),
    [
        ("LSVAM4187C2I84847", "I"),
        ("LSVAM4187C2O84847", "O"),
        ("LSVAM4187C2Q84847", "Q"),
        ("LSVAM4187CIOQ4847", "I O Q"),
        ("LSVAM4187C21848-7", "-"),
        ("LSVAM4187C218484车", "车"),
        ("LSVAM4187C218484ö", "ö"),  # only ASCII letters are uppercased
    ],
)
def test_vin_forbidden_characters(vin: str, chars: str) -> None:
    problem = check_vin(vin)
    assert problem is not None
    assert (problem.code, problem.severity) == ("vin.chars", "error")
    assert problem.param("chars") == chars


@pytest.mark.parametrize(
    ("vin", "expected", "found"),
    [
        ("LSVAM4186C2184847", "7", "6"),
        ("1M8GDM9A1KP042788", "X", "1"),
        ("LVVDB11B0PD123456", "6", "0"),
    ],
)
def test_vin_check_digit_is_a_warning(vin: str, expected: str, found: str) -> None:
    problem = check_vin(vin)
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == ("vin", "vin.check_digit", "warning")
    assert problem.param("expected") == expected
    assert problem.param("found") == found


# --- phones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("(+86) 138 1234 5678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("＋８６ １３８１２３４５６７８", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("(0553) 582-1234", "05535821234"),
        ("0553-5821234-801", "05535821234转801"),
        ("0553 58212345 转 801", "055358212345转801"),
        ("400-800-1234", "4008001234"),
        ("86123", "86123"),  # not followed by a mobile: kept
        ("", ""),
    ],
)
def test_normalize_phone(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "mobile",
    [
        "13812345678",
        "15955301234",
        "18655378888",
        "19912345678",
        "17012345678",
        "+86 138 1234 5678",
        "0086 139-5530-1234",
        "１３８１２３４５６７８",
    ],
)
def test_valid_mobiles(mobile: str) -> None:
    assert check_mobile(mobile) is None
    assert check_phone(mobile) is None


@pytest.mark.parametrize(
    ("mobile", "expected_code"),
    [
        ("12345678901", "mobile.format"),  # 12x is not a mobile prefix
        ("10086123456", "mobile.format"),
        ("23812345678", "mobile.format"),
        ("1381234567a", "mobile.format"),
        ("0553-5821234", "mobile.format"),
        ("1381234567", "mobile.length"),
        ("138123456789", "mobile.length"),
        ("", "mobile.length"),
    ],
)
def test_invalid_mobiles(mobile: str, expected_code: str) -> None:
    problem = check_mobile(mobile)
    assert code(problem) == expected_code
    assert problem is not None and problem.field == "phone"


def test_mobile_length_params() -> None:
    problem = check_mobile("1381234567", field="phone2")
    assert problem is not None
    assert problem.field == "phone2"
    assert problem.param("expected") == 11
    assert problem.param("found") == 10


@pytest.mark.parametrize(
    "landline",
    [
        "0553-5821234",
        "0553-58212345",
        "05535821234",
        "(0553) 5821234",
        "（0553）5821234",
        "010-62345678",
        "010 6234 5678",
        "021-58881234",
        "0755-83212345",
        "0553 58212345转801",
        "0553-5821234转8",
        "0553-5821234分机801",
        "0553-5821234-801",
        "010-62345678-12",
        "4008001234",
        "400-800-1234",
        "400 880 1234",
        "800-820-8820",
        "400-883-8888转2",
        "０５５３－５８２１２３４",
    ],
)
def test_valid_landlines(landline: str) -> None:
    assert check_landline(landline) is None
    assert check_phone(landline) is None
    assert check_landline(normalize_phone(landline)) is None


@pytest.mark.parametrize(
    "landline",
    [
        "0553-1234567",  # a local number never starts with 0 or 1
        "010-12345678",
        "010-02345678",
        "0553-582123",  # local number too short
        "0553-582123456",  # too long
        "553-5821234",  # area code missing its 0
        "5821234",  # area code missing
        "0153-5821234",  # no area code 015x
        "0553-5821234-",
        "0553-5821234转",
        "0553-5821234转1234567",
        "05535821234801",  # an extension needs 转 or -
        "400800123",
        "40080012345",
        "500-800-1234",
        "13812345678",
        "+86 553 5821234",
        "0553-5821234 ext 8",
        "",
    ],
)
def test_invalid_landlines(landline: str) -> None:
    problem = check_landline(landline)
    assert problem is not None
    assert (problem.field, problem.code) == ("landline", "landline.format")


@pytest.mark.parametrize("phone", ["12345678901", "0553-1234567", "110", "abc", "1381234567"])
def test_phone_format(phone: str) -> None:
    problem = check_phone(phone, field="phone2")
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == ("phone2", "phone.format", "error")


@pytest.mark.parametrize("phone", ["", "  ", "-", "( )"])
def test_phone_required(phone: str) -> None:
    problem = check_phone(phone)
    assert problem is not None
    assert (problem.field, problem.code) == ("phone", "phone.required")


# --- odometer ------------------------------------------------------------------------------


def test_odometer_not_recorded() -> None:
    assert check_odometer(None, None) is None
    assert check_odometer(None, 52_000) is None


@pytest.mark.parametrize(
    ("km", "last"),
    [(0, None), (15, None), (52_300, 48_000), (48_000, 48_000), (2_000_000, 1_999_999)],
)
def test_odometer_ok(km: int, last: int | None) -> None:
    assert check_odometer(km, last) is None


def test_odometer_negative() -> None:
    problem = check_odometer(-1, None)
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == (
        "odometer",
        "odometer.negative",
        "error",
    )


def test_odometer_too_large() -> None:
    problem = check_odometer(2_000_001, 10)
    assert problem is not None
    assert (problem.code, problem.severity) == ("odometer.too_large", "error")
    assert problem.param("max") == 2_000_000


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_odometer_lower_needs_confirmation(reason: str) -> None:
    problem = check_odometer(40_000, 48_000, reason)
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == (
        "odometer",
        "odometer.lower",
        "warning",
    )
    assert problem.param("last") == 48_000


def test_odometer_lower_with_reason_is_accepted() -> None:
    assert check_odometer(120, 48_000, "仪表总成更换") is None
    assert check_odometer(40_000, 48_000, " last reading was a typo ") is None


def test_odometer_errors_come_before_the_lower_warning() -> None:
    assert code(check_odometer(-5, 100, "")) == "odometer.negative"


# --- names and free text -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["张伟", "  欧阳娜娜 ", "Li Wei", "芜湖奇瑞汽车销售服务有限公司", "A"]
)
def test_valid_names(name: str) -> None:
    assert check_name(name) is None


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_name_required(name: str) -> None:
    problem = check_name(name, field="contact")
    assert problem is not None
    assert (problem.field, problem.code) == ("contact", "text.required")


@pytest.mark.parametrize(
    "name", ["张\x00伟", "张伟\x07", "张\n伟", "张\t伟", "张\x85伟", "张\ud800伟"]
)
def test_name_control_characters(name: str) -> None:
    assert code(check_name(name)) == "text.control"


def test_name_length_counts_the_stripped_text() -> None:
    assert check_name("  " + "张" * 60 + "  ") is None
    problem = check_name("张" * 61)
    assert problem is not None
    assert problem.code == "text.too_long"
    assert problem.param("max") == 60
    assert code(check_name("张" * 11, max_len=10)) == "text.too_long"


def test_text_optional_and_required() -> None:
    assert check_text("", "remarks", 500) is None
    assert check_text("  \n ", "remarks", 500) is None
    assert code(check_text("", "complaint", 500, required=True)) == "text.required"


def test_text_allows_layout_but_not_other_controls() -> None:
    assert check_text("异响\n\t左前轮\r\n刹车时明显", "complaint", 500) is None
    problem = check_text("异响\x1b[31m", "complaint", 500)
    assert problem is not None
    assert (problem.field, problem.code) == ("complaint", "text.control")


def test_text_too_long() -> None:
    problem = check_text("a" * 501, "remarks", 500)
    assert problem is not None
    assert (problem.code, problem.param("max")) == ("text.too_long", 500)


# --- collect / raise_if_errors -------------------------------------------------------------


def test_collect_drops_nones() -> None:
    plate = check_plate("皖B1234")
    assert collect(None, plate, None, check_vin("")) == [plate, check_vin("")]
    assert collect() == []


def test_raise_if_errors_nothing_to_report() -> None:
    raise_if_errors([])
    raise_if_errors(collect(check_plate("皖B12345"), check_vin("LSVAM4187C2184847")))


def test_raise_if_errors_raises_every_error() -> None:
    problems = collect(check_plate("皖B1234"), check_phone("", field="phone"))
    with pytest.raises(ValidationError) as caught:
        raise_if_errors(problems)
    assert [p.code for p in caught.value.problems] == ["plate.format", "phone.required"]


def test_unconfirmed_warning_blocks() -> None:
    with pytest.raises(ValidationError) as caught:
        raise_if_errors([check_vin("LSVAM4186C2184847")])
    assert [p.code for p in caught.value.problems] == ["vin.check_digit"]


def test_confirmed_warnings_pass_but_errors_still_block() -> None:
    vin_warning = check_vin("LSVAM4186C2184847")
    odometer_warning = check_odometer(40_000, 48_000)
    warnings = collect(vin_warning, odometer_warning)
    raise_if_errors(warnings, {"vin.check_digit", "odometer.lower"})

    with pytest.raises(ValidationError) as caught:
        raise_if_errors(warnings, {"vin.check_digit"})
    assert caught.value.problems == [odometer_warning]

    plate_error = check_plate("B12345")
    with pytest.raises(ValidationError) as caught:
        raise_if_errors([*warnings, plate_error], {"vin.check_digit", "odometer.lower"})
    assert [p.code for p in caught.value.problems] == ["plate.province"]


def test_confirming_an_error_code_does_not_unblock_it() -> None:
    with pytest.raises(ValidationError):
        raise_if_errors([check_plate("皖B1234")], {"plate.format"})


# --- properties ----------------------------------------------------------------------------

VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
PLATE_SERIAL = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # Q is allowed on plates
CHECKS = [check_plate, check_vin, check_mobile, check_landline, check_phone, check_name]


@given(st.text())
def test_normalize_plate_is_idempotent(text: str) -> None:
    once = normalize_plate(text)
    assert normalize_plate(once) == once


@given(st.text())
def test_normalize_vin_is_idempotent(text: str) -> None:
    once = normalize_vin(text)
    assert normalize_vin(once) == once


@given(st.text())
def test_normalize_phone_is_idempotent(text: str) -> None:
    once = normalize_phone(text)
    assert normalize_phone(once) == once


@given(st.text(alphabet="0123456789 -+()转（）０１８６", max_size=24))
def test_normalize_phone_is_idempotent_on_phone_like_text(text: str) -> None:
    once = normalize_phone(text)
    assert normalize_phone(once) == once


@given(st.text(alphabet="0123456789 -+()转（）０１８６", max_size=24))
def test_normalizing_a_valid_phone_keeps_it_valid(text: str) -> None:
    if check_phone(text) is None:
        assert check_phone(normalize_phone(text)) is None


@pytest.mark.parametrize("check", CHECKS)
@given(text=st.text())
def test_checks_never_raise(check: Callable[[str], Problem | None], text: str) -> None:
    result = check(text)
    assert result is None or isinstance(result, Problem)


@given(st.text(), st.integers(1, 5000))
def test_check_text_never_raises(text: str, max_len: int) -> None:
    for required in (False, True):
        result = check_text(text, "remarks", max_len, required)
        assert result is None or isinstance(result, Problem)


@given(st.one_of(st.none(), st.integers()), st.one_of(st.none(), st.integers()), st.text())
def test_check_odometer_never_raises(km: int | None, last: int | None, reason: str) -> None:
    result = check_odometer(km, last, reason)
    assert result is None or isinstance(result, Problem)


@given(st.text(alphabet=VIN_ALPHABET, min_size=16, max_size=16))
def test_vin_with_computed_check_digit_passes(chars: str) -> None:
    placeholder = chars[:8] + "0" + chars[8:]
    vin = chars[:8] + vin_check_digit(placeholder) + chars[8:]
    assert check_vin(vin) is None
    assert check_vin(vin.lower()) is None


@given(st.text(alphabet=VIN_ALPHABET, min_size=17, max_size=17))
def test_a_wrong_check_digit_is_only_a_warning(vin: str) -> None:
    problem = check_vin(vin)
    if vin[8] == vin_check_digit(vin):
        assert problem is None
    else:
        assert problem is not None
        assert (problem.code, problem.severity) == ("vin.check_digit", "warning")


@given(
    st.sampled_from(PROVINCES),
    st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ"),
    st.text(alphabet=PLATE_SERIAL, min_size=5, max_size=5),
)
def test_generated_ordinary_plates_pass(province: str, letter: str, serial: str) -> None:
    assert check_plate(f"{province}{letter}{serial}") is None
    assert check_plate(f"{province}{letter.lower()}·{serial.lower()}") is None
    assert check_plate(f"{province}{letter}{serial}{serial[:2]}") is not None  # 7 characters


# --- the unified social credit code (纳税人识别号), GB 32100-2015 ----------------------------

# Published codes of registered enterprises and institutions: the standard's own example,
# 华为技术有限公司, 深圳市腾讯计算机系统有限公司, 阿里巴巴（中国）有限公司, 小米科技有限责任公司,
# and codes of the registration departments 1 (organs) and 5 (social organizations).
REAL_CREDIT_CODES = [
    "91350100M000100Y43",
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
    "91110108551385082Q",
    "91110105771583283D",
    "91110000802100433B",
    "112302070019030687",
    "51610700305332460K",
    "11610923MB2900168E",
    "1134082855783407XL",
    "91341000MA2N0ABGXX",
]


@pytest.mark.parametrize("code_", REAL_CREDIT_CODES)
def test_real_credit_codes_pass(code_: str) -> None:
    assert check_credit_code(code_) is None
    assert credit_code_check_digit(code_) == code_[17]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("91350100m000100y43", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y 43 ", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        ("91350100-M000100Y4-3", "91350100M000100Y43"),
        ("", ""),
    ],
)
def test_normalize_credit_code(raw: str, expected: str) -> None:
    assert normalize_credit_code(raw) == expected
    assert check_credit_code(raw) is None


def test_credit_code_check_digit_of_the_standards_example() -> None:
    # GB 32100-2015 annex: weights 3^(i-1) mod 31; sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
    assert credit_code_check_digit("91350100M000100Y4") == "3"
    with pytest.raises(ValueError):
        credit_code_check_digit("91350100M000100Y")  # 16 characters
    with pytest.raises(ValueError):
        credit_code_check_digit("91350100M000100I4")  # I is not used


@pytest.mark.parametrize(
    ("raw", "code_", "params"),
    [
        ("91350100M000100Y44", "tax_number.check_digit", {"expected": "3", "found": "4"}),
        ("91440300708461136Y", "tax_number.check_digit", {"expected": "T", "found": "Y"}),
        ("91350100M000100Y4", "tax_number.length", {"expected": 18, "found": 17}),
        ("91350100M000100Y433", "tax_number.length", {"expected": 18, "found": 19}),
        ("110108123456789", "tax_number.old", {"found": 15}),  # 税务登记证号
        ("34020219800101123401", "tax_number.old", {"found": 20}),  # 个人: ID number + 01
        ("91350100M000100Z43", "tax_number.chars", {"chars": "Z"}),
        ("913501O0M0S0100V43", "tax_number.chars", {"chars": "O S V"}),
        ("9135Ｉ100M000100Y43", "tax_number.chars", {"chars": "I"}),
        ("91AB0100M000100Y43", "tax_number.region", {}),
    ],
)
def test_wrong_credit_codes(raw: str, code_: str, params: dict[str, object]) -> None:
    problem = check_credit_code(raw, "dealer_tax_number")
    assert problem is not None
    assert (problem.field, problem.code, problem.severity) == (
        code_ and "dealer_tax_number",
        code_,
        "error",
    )
    assert dict(problem.params) == params


def test_an_empty_tax_number_is_no_problem() -> None:
    assert check_credit_code("") is None
    assert check_credit_code("   ") is None


def test_one_wrong_character_is_always_caught() -> None:
    """The check digit of GB 32100 catches every single substitution (31 is prime)."""
    for real in REAL_CREDIT_CODES:
        for position in range(18):
            for char in CREDIT_CODE_CHARACTERS:
                if char == real[position]:
                    continue
                typo = real[:position] + char + real[position + 1 :]
                if 2 <= position <= 7 and not char.isdigit():
                    continue  # the region digits: a letter there is refused for itself
                assert check_credit_code(typo) is not None, typo


@given(st.text(alphabet=CREDIT_CODE_CHARACTERS, min_size=17, max_size=17))
def test_credit_code_with_computed_check_digit_passes(body: str) -> None:
    code_ = body[:2] + "350100" + body[8:]
    code_ += credit_code_check_digit(code_)
    assert check_credit_code(code_) is None
    assert check_credit_code(code_.lower()) is None


@given(st.text())
def test_check_credit_code_never_raises(text: str) -> None:
    result = check_credit_code(text)
    assert result is None or isinstance(result, Problem)
