"""Business settings: every value checked, a supervisor's PIN, one audit row per change."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from service_desk.actions import settings as s
from service_desk.actions.context import ActionError, Ctx
from service_desk.domain.validation import ValidationError
from service_desk.store.settings import DEFAULTS
from tests.conftest import staff_id

PIN = "2468"


def boss(ctx: Ctx) -> int:
    return staff_id(ctx, "陈主管")


def save(ctx: Ctx, changes: dict[str, object]) -> list[str]:
    return s.update_settings(ctx, changes, boss(ctx), PIN)


def audit_rows(ctx: Ctx) -> list[dict]:
    return list(ctx.db.query("SELECT * FROM audit WHERE entity = 'setting' ORDER BY id"))


def stored_keys(ctx: Ctx) -> set[str]:
    return {r["key"] for r in ctx.db.query("SELECT key FROM settings")}


def codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "dealer files"
    folder.mkdir()
    for name in ("logo.png", "LOGO.JPG", "logo.gif", "simhei.ttf", "simsun.ttc", "font.pdf"):
        (folder / name).write_bytes(b"\x89PNG not really")
    return folder


# --- reading -----------------------------------------------------------------------------


def test_current_gives_every_setting_with_its_default(ctx):
    assert s.current(ctx) == DEFAULTS
    save(ctx, {"dealer_name": "芜湖瑞丰奇瑞4S店"})
    now = s.current(ctx)
    assert now["dealer_name"] == "芜湖瑞丰奇瑞4S店"
    assert {k: v for k, v in now.items() if k != "dealer_name"} == {
        k: v for k, v in DEFAULTS.items() if k != "dealer_name"
    }


def test_every_setting_has_a_check_and_the_defaults_pass_it(ctx):
    assert s.validate(ctx, DEFAULTS) == {}
    assert save(ctx, DEFAULTS) == []
    assert stored_keys(ctx) == set() and audit_rows(ctx) == []


def test_checkout_defaults_are_the_rules_defaults():
    """The thresholds were constants of the domain and the printed forms; the defaults
    keep them (《机动车维修管理规定》 art. 38 for the guarantee periods)."""
    from service_desk.domain import release as rules

    periods = {k: v for k, v in DEFAULTS.items() if k.endswith(("_km", "_days"))}
    assert {k: v for k, v in periods.items() if k.startswith("guarantee_")} == {
        "guarantee_major_km": 20000,
        "guarantee_major_days": 100,
        "guarantee_maintenance_km": 5000,
        "guarantee_maintenance_days": 30,
        "guarantee_minor_km": 2000,
        "guarantee_minor_days": 10,
    }
    assert DEFAULTS["comeback_days"] == rules.COMEBACK_DAYS
    assert DEFAULTS["comeback_km"] == rules.COMEBACK_KM
    assert DEFAULTS["release_odometer_diff_km"] == rules.ODOMETER_DIFF_KM
    assert DEFAULTS["release_fuel_drop_eighths"] == rules.FUEL_DROP_EIGHTHS


# --- writing -----------------------------------------------------------------------------


def test_supervisor_saves_the_changed_settings_with_one_audit_row_each(ctx):
    changed = save(
        ctx,
        {
            "dealer_name": " 芜湖瑞丰奇瑞4S店 ",
            "dealer_address": "安徽省芜湖市镜湖区赭山东路 88 号",
            "dealer_phone": "0553-5821234",
            "labour_rate_fen": 15000,
            "order_prefix": "wh",
        },
    )
    assert changed == [
        "dealer_name",
        "dealer_address",
        "dealer_phone",
        "labour_rate_fen",
        "order_prefix",
    ]
    now = s.current(ctx)
    assert now["dealer_name"] == "芜湖瑞丰奇瑞4S店"
    assert now["dealer_phone"] == "0553-5821234"  # kept as typed: it is printed
    assert now["labour_rate_fen"] == 15000
    assert now["order_prefix"] == "WH"
    rows = audit_rows(ctx)
    assert len(rows) == 5
    assert {r["staff_id"] for r in rows} == {boss(ctx)}
    assert {r["action"] for r in rows} == {"update"}
    rate = next(r for r in rows if json.loads(r["after_json"])["key"] == "labour_rate_fen")
    assert json.loads(rate["before_json"]) == {"key": "labour_rate_fen", "value": 12000}
    assert json.loads(rate["after_json"]) == {
        "key": "labour_rate_fen",
        "value": 15000,
        "entered_by": staff_id(ctx, "王芳"),
    }


def test_unchanged_values_are_not_written_again(ctx):
    save(ctx, {"diagnosis_fee_fen": 8000})
    form = s.current(ctx)  # the whole form comes back, one field edited
    form["clause_estimate"] = "以上为估价，最终以结算单为准。"
    assert s.validate(ctx, form) == {"clause_estimate": "以上为估价，最终以结算单为准。"}
    assert save(ctx, form) == ["clause_estimate"]
    assert stored_keys(ctx) == {"diagnosis_fee_fen", "clause_estimate"}
    assert len(audit_rows(ctx)) == 2
    assert save(ctx, form) == []  # saved twice: nothing new
    assert len(audit_rows(ctx)) == 2
    # a value typed back to its default is a change like any other
    assert save(ctx, {"diagnosis_fee_fen": DEFAULTS["diagnosis_fee_fen"]}) == ["diagnosis_fee_fen"]
    assert s.current(ctx)["diagnosis_fee_fen"] == 5000


@pytest.mark.parametrize(
    ("who", "pin", "code"),
    [
        ("王芳", "2468", "supervisor.required"),  # an advisor, whatever the PIN
        ("赵师傅", "", "supervisor.required"),
        ("陈主管", "1357", "pin.wrong"),
        ("陈主管", "", "pin.wrong"),
    ],
)
def test_only_a_supervisor_with_the_right_pin_changes_settings(ctx, who, pin, code):
    with pytest.raises(ActionError) as exc:
        s.update_settings(ctx, {"labour_rate_fen": 1}, staff_id(ctx, who), pin)
    assert exc.value.code == code
    assert stored_keys(ctx) == set() and audit_rows(ctx) == []


def test_a_supervisor_who_left_cannot_approve(ctx):
    from service_desk.actions import staff

    staff.set_active(ctx, boss(ctx), False)
    with pytest.raises(ActionError, match=r"supervisor\.required"):
        save(ctx, {"labour_rate_fen": 1})


def test_somebody_must_be_working_at_the_counter(ctx):
    ctx.user_id = None
    with pytest.raises(ActionError, match=r"user\.required"):
        save(ctx, {"labour_rate_fen": 1})


def test_unknown_keys_are_refused_before_anything_else(ctx):
    with pytest.raises(ActionError) as exc:
        s.update_settings(ctx, {"dealer_name": "某店", "vat_rate": 13}, boss(ctx), "0000")
    assert exc.value.code == "settings.unknown" and exc.value.params == {"key": "vat_rate"}
    with pytest.raises(ActionError, match=r"settings\.unknown"):
        s.validate(ctx, {"Dealer_Name": "某店"})
    assert stored_keys(ctx) == set()


def test_all_problems_are_reported_together_and_nothing_is_written(ctx):
    with pytest.raises(ValidationError) as exc:
        save(
            ctx,
            {
                "dealer_name": "",
                "dealer_phone": "12345",
                "order_prefix": "W1",
                "labour_rate_fen": -100,
                "timezone": "Asia/Wuhu",
                "guarantee_terms": "  ",
                "dealer_address": "芜湖市",  # fine, but not written alone
            },
        )
    assert codes(exc) == {
        "dealer_name": "text.required",
        "dealer_phone": "phone.format",
        "order_prefix": "prefix.format",
        "labour_rate_fen": "amount.range",
        "timezone": "timezone.unknown",
        "guarantee_terms": "text.required",
    }
    assert stored_keys(ctx) == set() and audit_rows(ctx) == []


# --- one check per setting ---------------------------------------------------------------

LONG = "保" * 1001


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("dealer_name", "", "text.required"),
        ("dealer_name", "   ", "text.required"),
        ("dealer_name", "奇" * 61, "text.too_long"),
        ("dealer_name", "芜湖瑞丰\n奇瑞4S店", "text.control"),
        ("dealer_name", 42, "value.type"),
        ("dealer_address", "芜" * 121, "text.too_long"),
        ("dealer_address", "镜湖区\t赭山东路", "text.control"),
        ("dealer_phone", "12345", "phone.format"),
        ("dealer_phone", "0553-582", "phone.format"),
        ("dealer_phone", "电话待定", "phone.format"),
        ("order_prefix", "W1", "prefix.format"),
        ("order_prefix", "W", "prefix.format"),
        ("order_prefix", "WXY", "prefix.format"),
        ("order_prefix", "", "prefix.format"),
        ("order_prefix", "ＷＸ", "prefix.format"),  # full-width letters
        ("order_prefix", "ß", "prefix.format"),  # 'ß'.upper() == 'SS': not a prefix
        ("order_prefix", "芜湖", "prefix.format"),
        ("labour_rate_fen", -1, "amount.range"),
        ("labour_rate_fen", 10_000_001, "amount.range"),
        ("labour_rate_fen", "12000", "number.format"),
        ("labour_rate_fen", 120.5, "number.format"),
        ("labour_rate_fen", True, "number.format"),
        ("diagnosis_fee_fen", -5000, "amount.range"),
        ("diagnosis_fee_fen", None, "number.format"),
        ("symptom_margin_bp", 10_001, "percent.range"),
        ("symptom_margin_bp", -1, "percent.range"),
        ("promise_margin_minutes", 1441, "minutes.range"),
        ("promise_margin_minutes", -30, "minutes.range"),
        ("timezone", "Asia/Wuhu", "timezone.unknown"),
        ("timezone", "Asia", "timezone.unknown"),
        ("timezone", "", "timezone.unknown"),
        ("timezone", "../../etc/passwd", "timezone.unknown"),
        ("timezone", "asia/shanghai", "timezone.unknown"),
        ("guarantee_terms", "", "text.required"),
        ("guarantee_terms", LONG, "text.too_long"),
        ("guarantee_terms", "质保\x07期", "text.control"),
        ("clause_customer_parts", LONG, "text.too_long"),
        ("clause_aftermarket_critical", "关键\x00系统", "text.control"),
        ("clause_item_pricing", "项目\x1b[0m定价", "text.control"),
        ("clause_symptom_pricing", LONG, "text.too_long"),
        ("clause_estimate", ["以上为估价"], "value.type"),
        ("guarantee_major_km", 200_001, "km.range"),
        ("guarantee_maintenance_km", -1, "km.range"),
        ("guarantee_minor_km", "2000", "number.format"),
        ("guarantee_major_days", 0, "days.range"),
        ("guarantee_maintenance_days", 3651, "days.range"),
        ("guarantee_minor_days", 10.5, "number.format"),
        ("comeback_days", 0, "days.range"),
        ("comeback_km", 200_001, "km.range"),
        ("release_odometer_diff_km", 1001, "diff_km.range"),
        ("release_odometer_diff_km", -1, "diff_km.range"),
        ("release_fuel_drop_eighths", 9, "eighths.range"),
        ("release_fuel_drop_eighths", True, "number.format"),
    ],
)
def test_bad_values_are_refused_with_their_rule(ctx, key, value, code):
    with pytest.raises(ValidationError) as exc:
        s.validate(ctx, {key: value})
    assert codes(exc) == {key: code}
    with pytest.raises(ValidationError):
        save(ctx, {key: value})
    assert stored_keys(ctx) == set()


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("dealer_name", "芜" * 60, "芜" * 60),
        ("dealer_address", " 安徽省芜湖市弋江区中山南路 1 号 ", "安徽省芜湖市弋江区中山南路 1 号"),
        ("dealer_phone", "13812345678", "13812345678"),
        ("dealer_phone", "  0553 - 5821234 转 801 ", "0553 - 5821234 转 801"),
        ("dealer_phone", "400-800-1234", "400-800-1234"),
        ("order_prefix", " WH ", "WH"),
        ("order_prefix", "ah", "AH"),
        ("labour_rate_fen", 0, 0),
        ("labour_rate_fen", 10_000_000, 10_000_000),
        ("diagnosis_fee_fen", 12_850, 12_850),
        ("symptom_margin_bp", 0, 0),
        ("symptom_margin_bp", 10_000, 10_000),
        ("promise_margin_minutes", 1440, 1440),
        ("promise_margin_minutes", 0, 0),
        ("timezone", "Asia/Urumqi", "Asia/Urumqi"),
        ("timezone", " UTC ", "UTC"),
        (
            "guarantee_terms",
            "质保期：\r\n整车修理 20000 公里或 100 日。\n",
            "质保期：\n整车修理 20000 公里或 100 日。",
        ),
        ("guarantee_terms", "第一条\t质保期" + "保" * 990, "第一条\t质保期" + "保" * 990),
        ("clause_customer_parts", "", ""),
        ("clause_estimate", "估" * 1000, "估" * 1000),
        ("guarantee_major_km", 200_000, 200_000),
        ("guarantee_maintenance_km", 0, 0),
        ("guarantee_minor_days", 1, 1),
        ("guarantee_major_days", 3650, 3650),
        ("comeback_days", 10, 10),
        ("comeback_km", 0, 0),
        ("release_odometer_diff_km", 0, 0),
        ("release_odometer_diff_km", 1000, 1000),
        ("release_fuel_drop_eighths", 8, 8),
        ("release_fuel_drop_eighths", 0, 0),
    ],
)
def test_good_values_are_stored_cleaned(ctx, key, value, stored):
    assert save(ctx, {key: value}) == [key]
    assert s.current(ctx)[key] == stored


def test_logo_is_empty_or_an_existing_png_or_jpg(ctx, files):
    for name in ("logo.png", "LOGO.JPG"):
        assert save(ctx, {"dealer_logo": str(files / name)}) == ["dealer_logo"]
        assert s.current(ctx)["dealer_logo"] == str(files / name)
    # Windows Explorer's "Copy as path" puts quotes around it
    save(ctx, {"dealer_logo": f'"{files / "logo.png"}"'})
    assert s.current(ctx)["dealer_logo"] == str(files / "logo.png")
    assert save(ctx, {"dealer_logo": "  "}) == ["dealer_logo"]
    assert s.current(ctx)["dealer_logo"] == ""
    (files / "folder.png").mkdir()
    for value, code in (
        (str(files / "logo.gif"), "logo.type"),
        (str(files / "simhei.ttf"), "logo.type"),
        (str(files), "logo.type"),  # the folder
        (str(files / "missing.png"), "file.missing"),
        (str(files / "folder.png"), "file.missing"),
        (str(files / "lo\ngo.png"), "text.control"),
    ):
        with pytest.raises(ValidationError) as exc:
            s.validate(ctx, {"dealer_logo": value})
        assert codes(exc) == {"dealer_logo": code}, value


def test_relative_paths_are_stored_absolute(ctx, files, monkeypatch):
    monkeypatch.chdir(files)
    save(ctx, {"dealer_logo": "logo.png", "print_font": "simsun.ttc#2"})
    assert s.current(ctx)["dealer_logo"] == os.path.join(str(files), "logo.png")
    assert s.current(ctx)["print_font"] == os.path.join(str(files), "simsun.ttc") + "#2"


def test_print_font_is_empty_or_an_existing_font_file_with_an_optional_face(ctx, files):
    assert save(ctx, {"print_font": str(files / "simhei.ttf")}) == ["print_font"]
    assert save(ctx, {"print_font": f"{files / 'simsun.ttc'}#1"}) == ["print_font"]
    assert s.current(ctx)["print_font"] == f"{files / 'simsun.ttc'}#1"
    assert save(ctx, {"print_font": ""}) == ["print_font"]
    for value, code in (
        (f"{files / 'simsun.ttc'}#x", "font.type"),
        (f"{files / 'simsun.ttc'}#", "font.type"),
        (str(files / "font.pdf"), "font.type"),
        (str(files / "logo.png"), "font.type"),
        (str(files / "NotoSansCJK.otf"), "file.missing"),
        (f"{files / 'msyh.ttc'}#0", "file.missing"),
    ):
        with pytest.raises(ValidationError) as exc:
            s.validate(ctx, {"print_font": value})
        assert codes(exc) == {"print_font": code}, value
