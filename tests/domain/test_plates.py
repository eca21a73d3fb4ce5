"""The plate's province picked by typing: character, abbreviation pinyin or province name."""

from __future__ import annotations

import pytest

from service_desk.domain import plates
from service_desk.domain.validation import PROVINCES, check_plate


@pytest.mark.parametrize("typed", ["w", "W", "wa", "wan", "WAN", "an", "anhui", "皖", " wan "])
def test_anhui_from_its_initial_pinyin_name_or_character(typed):
    assert plates.candidates(typed) == ["皖"]


@pytest.mark.parametrize("typed", ["wan", "WAN", " wan ", "anhui", "皖", "皖B12345"])
def test_a_whole_pinyin_or_the_character_settles_by_itself(typed):
    assert plates.pick(typed) == "皖"


@pytest.mark.parametrize("typed", ["w", "wa", "an", "anh"])
def test_a_part_of_a_pinyin_waits_for_enter_like_an_input_method(typed):
    assert plates.pick(typed) is None  # 皖A…: the plate's A is not more pinyin


@pytest.mark.parametrize(
    ("typed", "mark"),
    [
        ("su", "苏"),
        ("zhe", "浙"),
        ("e", "鄂"),
        ("xin", "新"),
        ("xiang", "湘"),
        ("lu", "鲁"),
        ("beijing", "京"),
        ("tianjin", "津"),
        ("hebei", "冀"),
        ("jilin", "吉"),
        ("shanxi", "晋"),
        ("shaanxi", "陕"),
        ("gansu", "甘"),
        ("jiangxi", "赣"),
        ("guizhou", "贵"),
        ("guangxi", "桂"),
        ("henan", "豫"),
        ("chongqing", "渝"),
        ("yue", "粤"),
        ("qiong", "琼"),
        ("hainan", "琼"),
        ("xizang", "藏"),
        ("neimeng", "蒙"),
        ("fujian", "闽"),
        ("liao", "辽"),
    ],
)
def test_a_unique_key_picks_its_province(typed, mark):
    assert plates.pick(typed) == mark


def test_every_province_is_reached_by_its_character_and_by_some_pinyin():
    assert len(plates.PROVINCE_LIST) == 31 == len(PROVINCES)
    for p in plates.PROVINCE_LIST:
        assert plates.pick(p.mark) == p.mark
        assert any(plates.pick(key) == p.mark for key in (p.abbreviation, *p.names)), p


def test_an_ambiguous_key_lists_its_provinces_the_exact_abbreviation_first():
    assert plates.pick("hu") is None and plates.pick("shan") is None
    assert plates.candidates("shan")[0] == "陕"
    found = plates.candidates("hu")
    assert found[0] == "沪" and set(found) == {"沪", "湘", "鄂"}  # hu, hunan, hubei
    ji = plates.candidates("ji")
    assert ji[:2] == ["冀", "吉"] and {"京", "津", "晋", "苏", "赣"} <= set(ji)
    assert plates.candidates("gan")[:2] == ["赣", "甘"]  # both gan: traditional order
    assert plates.candidates("jin")[:2] == ["津", "晋"]


def test_preferred_provinces_come_first_among_equals():
    assert plates.candidates("yu")[:2] == ["渝", "豫"]
    assert plates.candidates("yu", preferred=["皖", "豫"])[:2] == ["豫", "渝"]
    assert plates.candidates("s", preferred=["苏"])[0] == "苏"


def test_specials_need_their_whole_key_and_nothing_else_is_made_up():
    assert "WJ" not in plates.candidates("w")
    assert plates.candidates("wj") == ["WJ"] == plates.candidates("WJ")
    assert plates.pick("wj") == "WJ" and plates.pick("shi") == "使"
    assert plates.candidates("shi") == ["使"]
    assert plates.candidates("使") == ["使"]
    for nonsense in ("", "q1", "vv", "b1", "ö", "朝"):
        assert plates.candidates(nonsense) == []
        assert plates.pick(nonsense) is None


def test_split_and_usual_province():
    assert plates.split("皖B12345") == ("皖", "B12345")
    assert plates.split(" 苏E 95849") == ("苏", "E95849")
    assert plates.split("WJ皖12345") == ("WJ", "皖12345")
    assert plates.split("使014578") == ("使", "014578")
    assert plates.split("B12345") == ("", "B12345")
    assert plates.split("") == ("", "")
    assert plates.usual([]) == "皖"
    assert plates.usual(["苏E1", "苏E2", "皖B1"]) == "苏"
    assert plates.usual(["苏E1", "皖B1"]) == "皖"  # a tie keeps the default
    assert plates.usual(["WJ皖12345", "使014578"], default="沪") == "沪"


def test_a_picked_province_and_the_rest_make_a_valid_plate():
    for typed, rest in (("wan", "B12345"), ("su", "E95849"), ("hebei", "A7K2M9")):
        assert check_plate(plates.pick(typed) + rest) is None
    assert check_plate(plates.candidates("w")[0] + "A12345") is None
