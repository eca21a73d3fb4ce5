"""The groups and campaigns page driven like a user (R2, R3): build a group by its criteria
and see the count, mistakes shown under their fields; save it, launch a campaign on it,
print its letters on the stand-in printer (one page per customer, each letter logged as
a contact), print a group's reminder letters, retire the group, end the campaign.

The cars are those of tests/actions/test_campaigns.py (the ``fleet``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)

from service_desk.ui.campaigns_page import CampaignsPage
from tests.actions.test_campaigns import fleet  # noqa: F401  (the fixture)
from tests.printing.conftest import flat, pdf_pages
from tests.ui.test_inspection_desk import click, error_of, find
from tests.ui.typing import type_text


@pytest.fixture
def page(qtbot, session, fleet) -> CampaignsPage:  # noqa: F811
    p = CampaignsPage(session)
    qtbot.addWidget(p)
    p.resize(1500, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def tick_model(qtbot, page: CampaignsPage, code: str) -> None:
    models = find(page, QListWidget, "segment_models")
    for i in range(models.count()):
        if models.item(i).data(Qt.ItemDataRole.UserRole) == code:
            models.setCurrentRow(i)
            models.setFocus()
            qtbot.keyClick(models.viewport(), Qt.Key.Key_Space)
            assert models.item(i).checkState() == Qt.CheckState.Checked
            return
    raise AssertionError(code)


def pick_row(qtbot, view: QTableView, row: int) -> None:
    index = view.model().index(row, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def set_spin(qtbot, box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value))


def counted(qtbot, page: CampaignsPage, text: str) -> None:
    label = find(page, QLabel, "segment_count")
    qtbot.waitUntil(lambda: label.text() == text, timeout=3000)


def contacts(ctx) -> list[dict]:
    return list(ctx.db.query("SELECT * FROM contacts ORDER BY id"))


def test_build_a_group_launch_a_campaign_print_its_letters(
    qtbot, ctx, session, page, printed, answers
):
    count = find(page, QLabel, "segment_count")
    assert count.text() == "Choose at least one criterion on the left."
    assert find(page, QLabel, "segment_empty").isVisible()
    assert page.groups_empty.isVisible() and page.campaigns_empty.isVisible()

    # the Tiggo 8 Pro owners whose service is overdue: 皖B00001 (客户1) and 皖B00006 (客户2)
    tick_model(qtbot, page, "TIGGO8PRO")
    counted(qtbot, page, "3 cars, 2 customers")
    due = find(page, QComboBox, "segment_due")
    due.setCurrentIndex(due.findData("overdue"))
    counted(qtbot, page, "2 cars, 2 customers")
    assert [r["m"].plate for r in page.member_model.rows] == ["皖B00001", "皖B00006"]
    assert "Tiggo 8 Pro" in find(page, QLabel, "segment_description").text()
    # mistakes show under their fields, the count waits for a valid group
    spend = find(page, QLineEdit, "segment_spend_min")
    type_text(qtbot, spend, "abc")
    qtbot.waitUntil(lambda: "yuan" in error_of(page, "spend"), timeout=3000)
    spend.clear()
    set_spin(qtbot, find(page, QSpinBox, "segment_age_min"), 6)
    set_spin(qtbot, find(page, QSpinBox, "segment_age_max"), 2)
    qtbot.waitUntil(lambda: "swap" in error_of(page, "age"), timeout=3000)
    assert count.text() == "—" and page.member_model.rowCount() == 0
    set_spin(qtbot, find(page, QSpinBox, "segment_age_max"), 9)
    counted(qtbot, page, "1 cars, 1 customers")  # only 皖B00006 is 6 years old
    assert error_of(page, "age") == "" and error_of(page, "spend") == ""
    set_spin(qtbot, find(page, QSpinBox, "segment_age_min"), 0)
    counted(qtbot, page, "2 cars, 2 customers")

    # save it: a name first, then Enter
    click(qtbot, find(page, QPushButton, "group_save"))
    assert "required" in error_of(page, "group_name")
    name = find(page, QLineEdit, "group_name")
    type_text(qtbot, name, "瑞虎8逾期")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert [g["name"] for g in page.group_model.rows] == ["瑞虎8逾期"]
    assert name.text() == "" and not page.groups_empty.isVisible()
    assert "瑞虎8逾期 (2 cars today)" in find(page, QLabel, "campaign_group").text()

    # launch a promotion on it: what is missing is said next to its field, kept as typed
    kind = find(page, QComboBox, "campaign_kind")
    kind.setCurrentIndex(kind.findData("promotion"))
    click(qtbot, find(page, QPushButton, "campaign_launch"))
    assert "required" in error_of(page, "name") and "required" in error_of(page, "offer")
    type_text(qtbot, find(page, QLineEdit, "campaign_name"), "冬季保养促销")
    type_text(qtbot, find(page, QLineEdit, "campaign_offer"), "工时费8折")
    letter = find(page, QPlainTextEdit, "campaign_letter")
    type_text(qtbot, letter, "冬季来临，欢迎您到店保养。")
    last = find(page, QDateEdit, "campaign_to")
    last.setDate(QDate(2026, 11, 20))
    click(qtbot, find(page, QPushButton, "campaign_launch"))
    assert "before the first day" in error_of(page, "valid_to")
    assert find(page, QLineEdit, "campaign_name").text() == "冬季保养促销"
    last.setDate(QDate(2027, 1, 31))
    qtbot.keyClick(letter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (row,) = page.campaign_model.rows
    assert (row["name"], row["kind"], row["targeted"], row["letters"]) == (
        "冬季保养促销",
        "promotion",
        2,
        0,
    )
    assert "launched on 2 cars" in find(page, QLabel, "campaigns_result").text()
    assert find(page, QLineEdit, "campaign_name").text() == ""

    # its letters: previewed, printed, one page per customer, each logged as a contact
    pick_row(qtbot, page.campaigns, 0)
    click(qtbot, find(page, QPushButton, "campaign_letters"))
    assert page.preview is not None and page.preview.document.pageCount() == 2
    assert "2 letters for 2 cars." in find(page, QLabel, "campaigns_result").text()
    assert contacts(ctx) == []  # nothing logged before the printer took them
    click(qtbot, page.preview.print_button)
    assert len(printed) == 1
    first, second = (flat(p) for p in pdf_pages(printed[0]))
    assert "邀请函" in first and "尊敬的客户1客户：" in first and "皖B00001" in first
    assert "尊敬的客户2客户：" in second and "皖B00006" in second and "皖B00002" not in second
    assert "工时费8折" in second and "冬季来临，欢迎您到店保养。" in second
    logged = contacts(ctx)
    assert [(c["channel"], c["purpose"], c["outcome"], c["campaign_id"]) for c in logged] == [
        ("letter", "campaign", "sent", row["id"])
    ] * 2
    assert ctx.db.execute("SELECT form_kind, order_id, pages FROM print_log").fetchall() == [
        ("letter", None, 2)
    ]
    assert page.campaign_model.rows[0]["letters"] == 2
    assert "2 letters printed and logged as contacts" in page.result.text()
    # again: everybody has it already
    click(qtbot, find(page, QPushButton, "campaign_letters"))
    message = find(page, QLabel, "campaigns_message")
    assert message.isVisible() and "2 customers have this letter already" in message.text()

    # the group's reminder letters, in English
    pick_row(qtbot, page.groups, 0)
    lang = find(page, QComboBox, "letters_lang")
    lang.setCurrentIndex(lang.findData("en"))
    click(qtbot, find(page, QPushButton, "group_letters"))
    click(qtbot, page.preview.print_button)
    pages = [flat(p) for p in pdf_pages(printed[1])]
    assert len(pages) == 2 and all("Servicereminder" in p for p in pages)
    assert [c["purpose"] for c in contacts(ctx)[2:]] == ["letter", "letter"]

    # retire the group (asked first), end the campaign (asked first)
    answers.confirms += [True, True]
    click(qtbot, find(page, QPushButton, "group_retire"))
    assert page.group_model.rows == [] and page.groups_empty.isVisible()
    assert "Pick a saved group" in find(page, QLabel, "campaign_group").text()
    pick_row(qtbot, page.campaigns, 0)
    click(qtbot, find(page, QPushButton, "campaign_end"))
    assert page.campaign_model.rows[0]["status"] == "ended"
    assert not find(page, QPushButton, "campaign_end").isEnabled()
    assert any("Retire the group 瑞虎8逾期" in a for a in answers.asked)


def test_a_saved_group_loads_its_criteria(qtbot, ctx, page):
    from service_desk.actions import campaigns as cp
    from service_desk.domain.segments import Criteria

    cp.save_group(ctx, "没来过的车", Criteria(visits_max=0, last_visit_before_days=365))
    page.session.notify("campaigns")
    pick_row(qtbot, page.groups, 0)
    assert find(page, QSpinBox, "segment_visits_max").value() == 0
    assert find(page, QSpinBox, "segment_before_days").value() == 365
    counted(qtbot, page, "2 cars, 2 customers")  # 皖B00003 and 皖B00006, never seen
    # nothing picked in the campaigns: nothing to print or end there
    assert find(page, QPushButton, "group_letters").isEnabled()
    assert not find(page, QPushButton, "campaign_letters").isEnabled()
    assert not find(page, QPushButton, "campaign_end").isEnabled()
