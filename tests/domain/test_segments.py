"""Customer groups and campaigns, the pure rules (R2): the criteria, their checks and
words, the windows they count in, campaign dates and letter runs."""

from __future__ import annotations

import datetime as dt

import pytest

from service_desk.domain import next_service as ns
from service_desk.domain import segments as s
from service_desk.domain.segments import CampaignDraft, Criteria

TODAY = dt.date(2026, 11, 27)
D = dt.date
MODELS = frozenset({"TIGGO8PRO", "ARRIZO5"})


def codes(problems) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


# --- criteria ---------------------------------------------------------------------------


def test_json_round_trip_keeps_only_what_is_given():
    c = Criteria(models=("TIGGO8PRO",), age_min=1, spend_max_fen=500_000, due="within_30")
    data = c.to_json()
    assert data == {
        "models": ["TIGGO8PRO"],
        "age_min": 1,
        "spend_max_fen": 500_000,
        "due": "within_30",
    }
    assert Criteria.from_json(data) == c
    assert Criteria().to_json() == {} and Criteria().is_empty()
    with pytest.raises(ValueError):
        Criteria.from_json({"colour": "white"})


def test_at_least_one_criterion():
    assert codes(s.check_criteria(Criteria(), MODELS)) == [("criteria", "criteria.required")]
    assert s.check_criteria(Criteria(visits_max=0), MODELS) == []


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (Criteria(age_min=5, age_max=3), [("age", "range.order")]),
        (Criteria(age_min=3, age_max=3), []),
        (Criteria(age_max=31), [("age", "age.range")]),
        (Criteria(age_min=-1), [("age", "age.range")]),
        (Criteria(visits_min=2, visits_max=1), [("visits", "range.order")]),
        (Criteria(visits_max=101), [("visits", "visits.range")]),
        (Criteria(spend_min_fen=100_00, spend_max_fen=99_99), [("spend", "range.order")]),
        (Criteria(spend_min_fen=-1), [("spend", "spend.range")]),
        (Criteria(spend_max_fen=s.SPEND_MAX_FEN + 1), [("spend", "spend.range")]),
        (Criteria(last_visit_before_days=0), [("last_visit", "last_visit.range")]),
        (Criteria(last_visit_within_days=3651), [("last_visit", "last_visit.range")]),
        (
            Criteria(last_visit_before_days=90, last_visit_within_days=30),
            [("last_visit", "last_visit.order")],
        ),
        (Criteria(last_visit_before_days=30, last_visit_within_days=90), []),
        (Criteria(due="soon"), [("due", "due.unknown")]),
        (Criteria(models=("TIGGO8PRO", "XX")), [("models", "models.unknown")]),
        (Criteria(models=("ARRIZO5", "ARRIZO5")), [("models", "models.duplicate")]),
        (Criteria(age_min=True), [("age", "age.range")]),  # a tick box is not a number
    ],
)
def test_criteria_checks(criteria, expected):
    assert codes(s.check_criteria(criteria, MODELS)) == expected


def test_range_problems_carry_their_bound():
    (problem,) = s.check_criteria(Criteria(age_max=40), MODELS)
    assert problem.param("max") == s.AGE_MAX_YEARS


# --- windows and bounds -----------------------------------------------------------------


def test_the_twelve_months_end_today():
    assert s.window_start(TODAY) == D(2025, 11, 28)
    assert s.window_start(D(2024, 2, 29)) == D(2023, 3, 1)  # 2023-02-28 + 1


@pytest.mark.parametrize(
    ("purchase", "years"),
    [
        (D(2023, 11, 27), 3),  # third birthday today
        (D(2023, 11, 28), 2),  # tomorrow
        (D(2026, 1, 1), 0),
        (D(2027, 1, 1), 0),  # a purchase date after today is never a negative age
        (D(2024, 2, 29), 2),
    ],
)
def test_age_in_whole_years(purchase, years):
    assert s.age_years(purchase, TODAY) == years


def test_purchase_bounds_agree_with_the_age():
    after, until = s.purchase_bounds(TODAY, 2, 3)
    assert (after, until) == (D(2022, 11, 27), D(2024, 11, 27))
    day = D(2022, 1, 1)
    while day < D(2026, 11, 28):
        in_bounds = after < day <= until
        assert in_bounds == (2 <= s.age_years(day, TODAY) <= 3), day
        day += dt.timedelta(days=13)
    assert s.purchase_bounds(TODAY, None, None) == (None, None)
    assert s.purchase_bounds(TODAY, 0, None) == (None, TODAY)


def test_last_visit_bounds():
    assert s.last_visit_bounds(TODAY, 365, 30) == (D(2025, 11, 27), D(2026, 10, 28))
    assert s.last_visit_bounds(TODAY, None, None) == (None, None)


@pytest.mark.parametrize(
    ("due", "day", "expected"),
    [
        ("overdue", D(2026, 11, 26), True),
        ("overdue", TODAY, False),  # due today is not overdue
        ("within_7", TODAY, True),
        ("within_7", D(2026, 12, 4), True),
        ("within_7", D(2026, 12, 5), False),
        ("within_30", D(2026, 12, 27), True),
        ("within_30", D(2026, 12, 28), False),
        ("within_30", D(2026, 11, 26), False),
        ("overdue_or_30", D(2020, 1, 1), True),
        ("overdue_or_30", D(2026, 12, 27), True),
        ("overdue", None, False),  # nothing known: never due
        (None, None, True),
    ],
)
def test_due_choices(due, day, expected):
    assert s.matches_due(Criteria(due=due), day, TODAY) is expected


def test_due_choices_are_call_list_bands():
    assert set(s.DUE_CHOICES["overdue_or_30"]) == {ns.OVERDUE, ns.DUE_7, ns.DUE_30}


# --- words -------------------------------------------------------------------------------


def test_description_in_both_languages():
    c = Criteria(
        models=("TIGGO8PRO", "ARRIZO5"),
        age_min=3,
        age_max=5,
        visits_max=0,
        spend_min_fen=100_000,
        last_visit_before_days=365,
        due="overdue_or_30",
    )
    names = {"TIGGO8PRO": ("瑞虎8 PRO", "Tiggo 8 Pro"), "ARRIZO5": ("艾瑞泽5", "Arrizo 5")}

    def name(code, lang):
        return names[code][0 if lang == "zh" else 1]

    assert s.describe(c, "zh", name) == (
        "车型：瑞虎8 PRO、艾瑞泽5；车龄 3–5 年；近 12 个月未进厂；近 12 个月消费 ≥ ¥1,000.00；"
        "最近一次进厂在 365 天以前（或从未进厂）；保养已逾期或 30 天内到期"
    )
    assert s.describe(c, "en", name) == (
        "model Tiggo 8 Pro or Arrizo 5; vehicle age (years) 3 to 5; "
        "no visit in the last 12 months; spent at least ¥1,000.00 in the last 12 months; "
        "last visit more than 365 days ago (or never); service overdue or due within 30 days"
    )
    assert s.describe(Criteria(visits_min=2, last_visit_within_days=30), "en") == (
        "at least 2 visits in the last 12 months; last visit within 30 days"
    )
    assert s.describe(Criteria(age_max=1, models=("EQ1",)), "zh") == "车型：EQ1；车龄 ≤ 1 年"


# --- members and letters ---------------------------------------------------------------------


def member(vid: int, cid: int, name: str, plate: str) -> s.Member:
    due = ns.Due(None, None, None, None, None, ns.Rate(40.0, "default"))
    return s.Member(vid, plate, "TIGGO8PRO", None, None, cid, name, "138", "", 0, 0, None, due)


def test_one_letter_per_customer_with_their_cars():
    found = [
        member(1, 10, "李四", "皖B00002"),
        member(2, 11, "张三", "皖B00001"),
        member(3, 10, "李四", "皖B00003"),
    ]
    letters = s.letters_of(found)
    assert [(x.customer_name, [m.plate for m in x.cars]) for x in letters] == [
        ("张三", ["皖B00001"]),
        ("李四", ["皖B00002", "皖B00003"]),
    ]
    assert s.count_of(found) == s.Count(cars=3, customers=2)
    assert not s.Member(**{**member(1, 1, "a", "p").__dict__, "sold_car": True}).reachable


# --- campaigns ---------------------------------------------------------------------------


def draft(**kw) -> CampaignDraft:
    base = {
        "name": "冬季免费检测",
        "kind": "free_inspection",
        "valid_from": D(2026, 12, 1),
        "valid_to": D(2027, 1, 31),
        "offer": "免费检测 20 项，工时 8 折",
    }
    return CampaignDraft(**{**base, **kw})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"name": "  "}, [("name", "text.required")]),
        ({"kind": "raffle"}, [("kind", "campaign.kind")]),
        ({"offer": ""}, [("offer", "text.required")]),
        ({"offer": "", "kind": "invitation"}, []),
        ({"offer": "x" * 201}, [("offer", "text.too_long")]),
        ({"letter_text": "x" * 601}, [("letter_text", "text.too_long")]),
        ({"valid_from": None}, [("valid_from", "date.required")]),
        ({"valid_to": D(2026, 11, 30)}, [("valid_to", "campaign.dates_order")]),
        (
            {"valid_from": D(2026, 11, 1), "valid_to": D(2026, 11, 26)},
            [("valid_to", "campaign.over")],
        ),
        ({"valid_from": D(2026, 11, 1), "valid_to": TODAY}, []),  # the last day is today
        ({"valid_to": D(2027, 12, 2)}, [("valid_to", "campaign.too_long")]),
        ({"valid_to": D(2027, 12, 1)}, []),  # 366 days, both included
    ],
)
def test_campaign_checks(changes, expected):
    assert codes(s.check_campaign(draft(**changes), TODAY)) == expected


def test_campaign_status_and_letters():
    first, last = D(2026, 12, 1), D(2027, 1, 31)
    assert s.campaign_status(first, last, False, TODAY) == s.NOT_STARTED
    assert s.campaign_status(first, last, False, first) == s.RUNNING
    assert s.campaign_status(first, last, False, last) == s.RUNNING
    assert s.campaign_status(first, last, False, D(2027, 2, 1)) == s.OVER
    assert s.campaign_status(first, last, True, first) == s.ENDED
    assert s.is_active(first, last, False, D(2027, 1, 1))
    assert not s.is_active(first, last, True, D(2027, 1, 1))
    assert s.letter_kind(None) == s.REMINDER
    assert s.letter_kind("service_reminder") == s.REMINDER
    assert s.letter_kind("promotion") == s.INVITATION
    assert s.check_letter_run("promotion", "欢迎到店", last, False, TODAY) is None
    assert s.check_letter_run("promotion", " ", last, False, TODAY).code == "letter_text.required"
    assert s.check_letter_run("promotion", "x", TODAY, True, TODAY).code == "campaign.ended"
    late = D(2027, 2, 1)
    assert s.check_letter_run("promotion", "x", last, False, late).code == "campaign.over"
