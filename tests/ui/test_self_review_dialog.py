"""The self-review dialog driven like a user: the figures shown read-only, Chinese typed
through the input method, saved as versions, printed to the stand-in printer; refusals
shown in the dialog with everything typed kept."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from service_desk.actions import reports, self_review
from service_desk.domain.report import REVIEW_FIGURES, Period
from service_desk.ui import ask
from service_desk.ui.self_review_dialog import SelfReviewDialog
from tests.conftest import NOW, staff_id
from tests.printing.conftest import flat, pdf_pages
from tests.ui.typing import type_text

DAY = Period.day(NOW.date())
FIGURES = {
    "received": 6,
    "released": 5,
    "promises_due": 5,
    "promises_kept": 4,
    "revenue_fen": 1_234_550,
}


@pytest.fixture(autouse=True)
def figures(monkeypatch) -> dict[str, int]:
    values = {**dict.fromkeys(REVIEW_FIGURES, 0), **FIGURES}
    monkeypatch.setattr(reports, "self_review_figures", lambda *_a: dict(values))
    return values


@pytest.fixture(autouse=True)
def close_without_asking(monkeypatch) -> None:
    """A dialog left with unsaved text is closed at teardown: never a real message box
    (tests that check the question use the answers fixture, which patches over this)."""
    monkeypatch.setattr(ask, "confirm", lambda *_a: True)


def open_dialog(qtbot, session, kind: str = "day", period: Period = DAY) -> SelfReviewDialog:
    dialog = SelfReviewDialog(session, kind, period)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def box(dialog, name: str) -> QPlainTextEdit:
    return dialog.findChild(QPlainTextEdit, f"review_{name}")


def label(dialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)


def click(qtbot, dialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def saved(ctx) -> list[tuple]:
    return ctx.db.execute(
        "SELECT version, went_well, to_improve, plan FROM self_reviews ORDER BY id"
    ).fetchall()


def test_type_save_and_print_a_daily_self_review(qtbot, session, ctx, printed):
    changes: list[set] = []
    session.changed.connect(changes.append)
    dialog = open_dialog(qtbot, session)
    assert dialog.windowTitle() == "Daily self-review"
    assert label(dialog, "review_heading").text() == "王芳 · 2026-11-27 (Fri)"
    assert label(dialog, "review_status").text() == "Not saved yet."
    assert label(dialog, "figure_received").text() == "6"
    assert label(dialog, "figure_promises_kept").text() == "4 (80%)"
    assert label(dialog, "figure_revenue_fen").text() == "¥12,345.50"
    assert label(dialog, "figure_comebacks").text() == "0"

    type_text(qtbot, box(dialog, "went_well"), "环车检查当面确认，客户满意。")
    type_text(qtbot, box(dialog, "to_improve"), "延误20分钟没有提前打电话。")
    type_text(qtbot, box(dialog, "plan"), "明早9点回访今天交车的客户。")
    assert dialog.is_dirty()
    click(qtbot, dialog, "review_save")
    assert saved(ctx) == [
        (
            1,
            "环车检查当面确认，客户满意。",
            "延误20分钟没有提前打电话。",
            "明早9点回访今天交车的客户。",
        )
    ]
    assert label(dialog, "review_status").text().startswith("Saved 2026-11-27 09:30")
    assert not dialog.is_dirty() and {"reviews"} in changes

    click(qtbot, dialog, "review_print")
    assert len(printed) == 1
    text = flat("".join(pdf_pages(printed[0])))
    for expected in (
        "服务顾问工作日自评",
        "王芳",
        "接车台次6",
        "按时交车4（80%）",
        "环车检查当面确认",
    ):
        assert expected in text, expected
    assert "明早9点回访今天交车的客户" in text and "服务经理（签字）" in text
    log = ctx.db.execute("SELECT order_id, form_kind, copy_no, staff_id FROM print_log").fetchall()
    assert log == [(None, "self_review", 0, ctx.user_id)]
    assert {"prints"} in changes
    assert saved(ctx)[-1][0] == 1  # printing what was saved adds no version


def test_print_saves_the_changes_first_and_reopening_shows_the_stored_review(
    qtbot, session, ctx, printed, pdf_printer, figures
):
    self_review.save(ctx, "day", DAY, "第一稿", "", "")
    figures["received"] = 8  # two more cars since the first save
    dialog = open_dialog(qtbot, session)
    assert box(dialog, "went_well").toPlainText() == "第一稿"
    assert label(dialog, "figure_received").text() == "6"  # as saved, not as now
    type_text(qtbot, box(dialog, "plan"), "跟进配件到货。")
    click(qtbot, dialog, "review_print")
    assert [row[0] for row in saved(ctx)] == [1, 2]
    assert saved(ctx)[-1][3] == "跟进配件到货。"
    assert label(dialog, "figure_received").text() == "8"  # counted again on saving
    assert "接车台次8" in flat(pdf_pages(printed[0])[0])
    assert pdf_printer[0].exists() and pdf_printer[0].stat().st_size > 0
    dialog.close()
    assert not dialog.isVisible()  # nothing unsaved: no question asked


def test_an_over_long_text_shows_the_inline_message_and_keeps_the_text(qtbot, session, ctx):
    dialog = open_dialog(qtbot, session)
    long = "客户满意。" * 401  # 2005 characters
    type_text(qtbot, box(dialog, "went_well"), long)
    type_text(qtbot, box(dialog, "plan"), "明早回访。")
    click(qtbot, dialog, "review_save")
    error = label(dialog, "error_went_well")
    assert error.isVisible() and error.text() == "At most 2000 characters."
    assert not label(dialog, "error_plan").isVisible()
    assert box(dialog, "went_well").toPlainText() == long
    assert box(dialog, "plan").toPlainText() == "明早回访。"
    assert saved(ctx) == []
    box(dialog, "went_well").setPlainText(long[:2000])
    click(qtbot, dialog, "review_save")
    assert not error.isVisible() and len(saved(ctx)) == 1


def test_an_empty_review_is_refused_under_its_first_box(qtbot, session, ctx, printed):
    dialog = open_dialog(qtbot, session)
    type_text(qtbot, box(dialog, "to_improve"), "   ")
    click(qtbot, dialog, "review_save")
    error = label(dialog, "error_went_well")
    assert error.isVisible() and "at least one of the three parts" in error.text()
    assert saved(ctx) == []
    # an untouched new review prints the figures with empty boxes, to fill in by hand
    dialog.to_improve.clear()
    click(qtbot, dialog, "review_print")
    assert len(printed) == 1 and "（未保存）" in flat(pdf_pages(printed[0])[0])
    assert saved(ctx) == []


def test_refusals_show_in_the_dialog_and_nothing_typed_is_lost(qtbot, session, ctx, answers):
    tomorrow = Period.day(NOW.date() + dt.timedelta(days=1))
    dialog = open_dialog(qtbot, session, "day", tomorrow)
    type_text(qtbot, box(dialog, "plan"), "提前写明天的计划")
    click(qtbot, dialog, "review_save")
    message = label(dialog, "review_message")
    assert message.isVisible() and message.text() == (
        "This period has not begun yet: review it afterwards."
    )
    assert box(dialog, "plan").toPlainText() == "提前写明天的计划"
    answers.confirms.append(True)
    dialog.reject()  # closing drops the text only after "yes"
    assert not dialog.isVisible()

    # someone else takes the counter: the review is not saved under their name
    today = open_dialog(qtbot, session)
    type_text(qtbot, box(today, "went_well"), "王芳写的")
    session.set_user(staff_id(ctx, "李强"))
    click(qtbot, today, "review_save")
    assert "Someone else is now at the counter" in label(today, "review_message").text()
    assert saved(ctx) == [] and box(today, "went_well").toPlainText() == "王芳写的"

    # closing with unsaved text asks first; "no" keeps the dialog and the text
    answers.confirms += [False, True]
    today.reject()
    assert today.isVisible() and box(today, "went_well").toPlainText() == "王芳写的"
    today.reject()
    assert not today.isVisible()
    assert [a for a in answers.asked if a.startswith("Close without saving")] == [
        "Close without saving? What you wrote since the last save is lost."
    ] * 3


def test_a_monthly_summary_and_a_period_that_is_no_month(qtbot, session, ctx):
    dialog = open_dialog(qtbot, session, "month", Period.month(2026, 11))
    assert dialog.windowTitle() == "Monthly summary"
    assert label(dialog, "review_heading").text() == "王芳 · November 2026"
    type_text(qtbot, box(dialog, "went_well"), "本月守时率提高。")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(box(dialog, "went_well"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved(ctx) == [(1, "本月守时率提高。", "", "")]

    half = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 15))
    refused = open_dialog(qtbot, session, "month", half)
    assert label(refused, "review_message").text() == (
        "A monthly summary covers one whole calendar month."
    )
    assert not refused.findChild(QPushButton, "review_save").isEnabled()
    assert not refused.findChild(QPushButton, "review_print").isEnabled()
