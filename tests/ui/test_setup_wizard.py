"""First-run setup driven as the person installing the counter does: keys and clicks on an
empty database, refusals under the fields, Back keeping what was typed, Finish writing
everything; an earlier release's database is not asked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWizard

from service_desk.actions import settings as settings_actions
from service_desk.actions import setup, staff
from service_desk.actions.context import Ctx
from service_desk.domain.validation import Problem, check_credit_code
from service_desk.store.open import open_database
from service_desk.ui import ask, setup_pages
from service_desk.ui import printing as ui_printing
from service_desk.ui.main_window import MainWindow
from service_desk.ui.messages import field_problem_text
from service_desk.ui.session import Session
from service_desk.ui.setup_wizard import SetupWizard, run_first_setup
from tests.ui.typing import type_text

FIXTURES = Path(__file__).parents[1] / "store" / "fixtures"
NAME = "芜湖瑞丰奇瑞4S店"
ADDRESS = "安徽省芜湖市镜湖区赭山东路88号"


@pytest.fixture
def session(db, clock, db_path) -> Session:
    """A new database: nobody on the staff list, nobody at the counter."""
    return Session(db, clock, db_path)


@pytest.fixture
def wizard(qtbot, session) -> SetupWizard:
    w = SetupWizard(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def logo(tmp_path: Path, monkeypatch) -> Path:
    """A logo picked in the file dialog."""
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(ask, "choose_file", lambda *_a: str(path))
    return path


def press(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard: QWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)


def retype(qtbot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    type_text(qtbot, field, text)


def error(page, field: str) -> str:
    label = page.findChild(QLabel, f"error_{field}")
    return "" if label.isHidden() else label.text()


def enter(qtbot, field: QLineEdit, text: str) -> None:
    retype(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def stored(ctx: Ctx) -> dict[str, object]:
    return {r["key"]: json.loads(r["value"]) for r in ctx.db.query("SELECT * FROM settings")}


def fill_dealer(qtbot, wizard: SetupWizard) -> None:
    page = wizard.dealer
    type_text(qtbot, page.name, NAME)
    type_text(qtbot, page.address, ADDRESS)
    type_text(qtbot, page.phone, "0553-5821234")
    type_text(qtbot, page.tax_number, "91350100m000100y43")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.counter


def add_people(qtbot, wizard: SetupWizard) -> None:
    page = wizard.staff
    type_text(qtbot, page.name, "陈建国")
    enter(qtbot, page.pin, "2468")
    enter(qtbot, page.name, "王芳")
    assert [p.name for p in page.people] == ["陈建国", "王芳"]


def test_first_run_setup_on_an_empty_database(qtbot, wizard, session, logo, answers):
    ctx = session.ctx
    assert setup.needs_setup(ctx)
    dealer = wizard.dealer
    assert wizard.currentPage() is dealer

    # nothing typed: refused under the name, the wizard stays
    next_page(qtbot, wizard)
    assert wizard.currentPage() is dealer
    assert error(dealer, "dealer_name") == "This field is required."

    type_text(qtbot, dealer.name, NAME)
    type_text(qtbot, dealer.address, ADDRESS)
    type_text(qtbot, dealer.phone, "12345")
    qtbot.mouseClick(dealer.choose_logo, Qt.MouseButton.LeftButton)
    assert dealer.logo.text() == str(logo)
    type_text(qtbot, dealer.tax_number, "91350100M000100Y44")  # one character wrong
    next_page(qtbot, wizard)
    assert wizard.currentPage() is dealer
    assert error(dealer, "dealer_name") == ""
    assert "Enter a mobile" in error(dealer, "dealer_phone")
    assert error(dealer, "dealer_tax_number") == (
        "The last character should be 3, found 4: check the code against the business licence."
    )
    assert dealer.tax_number.text() == "91350100M000100Y44"  # what was typed stays
    assert dealer.address.text() == ADDRESS

    type_text(qtbot, dealer.tax_number, "9")  # 19 characters now
    next_page(qtbot, wizard)
    assert "18 characters (found 19)" in error(dealer, "dealer_tax_number")
    retype(qtbot, dealer.phone, "0553-5821234")
    enter(qtbot, dealer.tax_number, "91350100m000100y43")  # Enter goes on, like Next
    counter = wizard.counter
    assert wizard.currentPage() is counter

    # the key cabinet and the labour rate: defaults shown, numbers checked
    assert counter.hooks.text() == "60"
    assert counter.labour_rate.text() == "120.00"
    enter(qtbot, counter.hooks, "sixty")
    assert wizard.currentPage() is counter
    assert error(counter, "key_cabinet_hooks") == "Enter a whole number."
    enter(qtbot, counter.hooks, "0")
    assert error(counter, "key_cabinet_hooks") == "The key cabinet has 1 to 500 hooks."
    retype(qtbot, counter.hooks, "80")
    retype(qtbot, counter.labour_rate, "15O")
    next_page(qtbot, wizard)
    assert error(counter, "labour_rate_fen") == "An amount in yuan such as 120 or 38.50."
    assert error(counter, "key_cabinet_hooks") == ""
    retype(qtbot, counter.labour_rate, "150")

    # Back keeps what was typed on both pages
    press(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage() is dealer
    assert dealer.name.text() == NAME
    assert dealer.tax_number.text() == "91350100m000100y43"
    next_page(qtbot, wizard)
    assert counter.hooks.text() == "80" and counter.labour_rate.text() == "150"
    next_page(qtbot, wizard)

    # the staff: nobody is refused, then people are added with Enter
    people = wizard.staff
    assert wizard.currentPage() is people
    assert not people.findChild(QLabel, "setup_staff_empty").isHidden()
    next_page(qtbot, wizard)
    assert wizard.currentPage() is people
    assert error(people, "staff") == (
        "Add at least one supervisor: settings, discounts and voids need their PIN.\n"
        "Add at least one service advisor: they work at the counter."
    )
    assert people.role.currentData() == "supervisor"  # the first one, until there is one
    type_text(qtbot, people.name, "陈建国")
    qtbot.keyClick(people.name, Qt.Key.Key_Return)
    assert wizard.currentPage() is people  # Enter adds, it does not leave the page
    assert error(people, "staff_pin") == "A supervisor approves with a PIN: enter 4 to 8 digits."
    enter(qtbot, people.pin, "24a8")
    assert error(people, "staff_pin") == "The PIN is 4 to 8 digits."
    assert people.name.text() == "陈建国"
    enter(qtbot, people.pin, "2468")
    assert people.list.count() == 1 and people.name.text() == "" and people.pin.text() == ""
    assert people.role.currentData() == "advisor"  # then advisors
    enter(qtbot, people.name, "王芳")
    enter(qtbot, people.name, "王芳")
    assert error(people, "staff_name") == "Someone with this name is already on the list."
    retype(qtbot, people.name, "周敏")
    people.role.setFocus()
    qtbot.keyClick(people.role, Qt.Key.Key_Down)  # advisor -> supervisor -> cashier
    qtbot.keyClick(people.role, Qt.Key.Key_Down)
    assert people.role.currentData() == "cashier"
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    enter(qtbot, people.name, "刘洋")  # a mistake: taken off again
    people.list.setCurrentRow(3)
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert [people.list.item(i).text() for i in range(people.list.count())] == [
        "陈建国 — Supervisor · PIN set",
        "王芳 — Service advisor",
        "周敏 — Cashier",
    ]
    press(qtbot, wizard, QWizard.WizardButton.BackButton)
    next_page(qtbot, wizard)
    assert people.list.count() == 3  # kept over Back
    type_text(qtbot, people.name, "马卫东")  # typed, not yet added: Next adds it
    people.role.setCurrentIndex(people.role.findData("workshop"))
    next_page(qtbot, wizard)

    # no printer offscreen: the page says so and lets the user go on
    assert wizard.currentPage() is wizard.printers
    notice = wizard.printers.findChild(QLabel, "setup_no_printers")
    assert notice is not None and "No printer is installed" in notice.text()
    next_page(qtbot, wizard)

    # a last look, then Finish writes everything
    assert wizard.currentPage() is wizard.summary
    summary = wizard.summary.findChild(QLabel, "setup_summary").text()
    for text in (NAME, ADDRESS, "91350100m000100y43", "80", "¥150.00", "马卫东 — Workshop"):
        assert text in summary
    assert stored(ctx) == {} and staff.list_staff(ctx) == []  # nothing written yet
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert answers.asked == []

    values = settings_actions.current(ctx)
    assert values["dealer_name"] == NAME
    assert values["dealer_address"] == ADDRESS
    assert values["dealer_phone"] == "0553-5821234"
    assert values["dealer_logo"] == str(logo.resolve())
    assert values["dealer_tax_number"] == "91350100M000100Y43"
    assert values["key_cabinet_hooks"] == 80
    assert values["labour_rate_fen"] == 15000
    assert setup.is_setup_done(ctx) and not setup.needs_setup(ctx)
    team = {p["name"]: p["role"] for p in staff.list_staff(ctx)}
    assert team == {
        "陈建国": "supervisor",
        "王芳": "advisor",
        "周敏": "cashier",
        "马卫东": "workshop",
    }

    # the main window: the staff in the user switch, the advisor at the counter
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    switch = window.findChild(QComboBox, "user_switch")
    names = [switch.itemText(i).split(" · ")[0] for i in range(switch.count() - 1)]
    assert sorted(names) == sorted(team)
    assert switch.currentText() == "王芳 · Service advisor"
    assert session.user_id == wizard.outcome.staff_ids["王芳"] == wizard.outcome.advisor_id
    assert window.settings_desk.dealer_tax_number.text() == "91350100M000100Y43"
    assert window.settings_desk.key_hooks.text() == "80"


def test_printers_per_form_kind_are_remembered_on_this_pc(qtbot, session, monkeypatch):
    monkeypatch.setattr(setup_pages, "printer_names", lambda: ["HP LaserJet", "Brother QL"])
    ui_printing.remember_printer_name("statement", "Brother QL")  # remembered before: shown
    wizard = SetupWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_dealer(qtbot, wizard)
    next_page(qtbot, wizard)
    add_people(qtbot, wizard)
    next_page(qtbot, wizard)

    page = wizard.printers
    assert page.findChild(QLabel, "setup_no_printers") is None
    statement = page.findChild(QComboBox, "setup_printer_statement")
    assert statement.currentText() == "Brother QL"
    repair = page.findChild(QComboBox, "setup_printer_repair_order")
    assert repair.currentText() == "Ask at the first print"
    every = page.findChild(QComboBox, "setup_printer_all")
    every.setFocus()
    qtbot.keyClick(every, Qt.Key.Key_Down)  # (choose for each form) -> ask
    qtbot.keyClick(every, Qt.Key.Key_Down)  # -> HP LaserJet, for every form
    assert repair.currentText() == "HP LaserJet" and statement.currentText() == "HP LaserJet"
    key_tag = page.findChild(QComboBox, "setup_printer_key_tag")
    key_tag.setCurrentIndex(key_tag.findText("Brother QL"))
    exit_notice = page.findChild(QComboBox, "setup_printer_exit_notice")
    exit_notice.setCurrentIndex(0)  # ask at the first print
    next_page(qtbot, wizard)
    summary = wizard.summary.findChild(QLabel, "setup_summary").text()
    assert "HP LaserJet: 15 forms" in summary
    assert "Brother QL: Key tag" in summary
    assert "Ask at the first print: Exit notice" in summary
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert ui_printing.remembered_printer_name("repair_order") == "HP LaserJet"
    assert ui_printing.remembered_printer_name("statement") == "HP LaserJet"
    assert ui_printing.remembered_printer_name("key_tag") == "Brother QL"
    assert ui_printing.remembered_printer_name("exit_notice") == ""
    assert ui_printing.has_remembered_printer("key_tag")
    assert not ui_printing.has_remembered_printer("exit_notice")


def test_finish_refused_goes_back_to_the_page_of_the_problem(qtbot, wizard, session, logo):
    qtbot.mouseClick(wizard.dealer.choose_logo, Qt.MouseButton.LeftButton)
    fill_dealer(qtbot, wizard)
    next_page(qtbot, wizard)
    add_people(qtbot, wizard)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    logo.unlink()  # the stick with the logo was pulled out meanwhile
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.currentPage() is wizard.dealer
    assert error(wizard.dealer, "dealer_logo") == (
        "There is no file at this path: choose it again."
    )
    assert setup.needs_setup(session.ctx) and stored(session.ctx) == {}
    retype(qtbot, wizard.dealer.logo, "")
    for _page in range(4):
        next_page(qtbot, wizard)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup.is_setup_done(session.ctx)


def test_cancelling_asks_first_and_writes_nothing(qtbot, wizard, session, answers):
    type_text(qtbot, wizard.dealer.name, NAME)
    answers.confirms += [False, True]
    press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert wizard.isVisible() and wizard.dealer.name.text() == NAME  # stays, typing kept
    qtbot.keyClick(wizard.dealer.name, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Rejected
    assert len(answers.asked) == 2 and "Nothing is saved" in answers.asked[0]
    assert setup.needs_setup(session.ctx) and stored(session.ctx) == {}


def test_cancelling_before_typing_asks_nothing(qtbot, wizard, answers):
    press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert answers.asked == [] and wizard.result() == QWizard.DialogCode.Rejected


def test_run_first_setup_on_a_new_database(session, monkeypatch):
    shown = []

    def cancelled(self) -> int:
        shown.append(self)
        return QWizard.DialogCode.Rejected

    monkeypatch.setattr(SetupWizard, "exec", cancelled)
    assert run_first_setup(session) is False
    assert len(shown) == 1 and setup.needs_setup(session.ctx)


@pytest.mark.parametrize("name", ["schema_001.sqlite3", "schema_020.sqlite3"])
def test_an_earlier_release_database_is_not_asked(name, tmp_path, clock, monkeypatch):
    path = tmp_path / "service_desk.sqlite3"
    shutil.copy(FIXTURES / name, path)
    db = open_database(path)
    try:
        monkeypatch.setattr(SetupWizard, "__init__", lambda *_a: pytest.fail("wizard shown"))
        session = Session(db, clock, path)
        assert staff.list_staff(session.ctx)
        assert run_first_setup(session) is True
        assert not setup.is_setup_done(session.ctx)  # nothing written either
    finally:
        db.close()


def test_a_demo_database_is_not_asked(session):
    setup.mark_setup_done(session.ctx)  # what fill_demo does at its end
    assert run_first_setup(session) is True


@pytest.mark.parametrize(
    "raw",
    ["91350100M000100Y44", "9135", "110108123456789", "91350100M000100Z43", "91AB0100M000100Y43"],
)
def test_every_tax_number_problem_reads_as_a_sentence(raw):
    problem = check_credit_code(raw, "dealer_tax_number")
    text = field_problem_text(problem)
    assert problem.code not in text and "{" not in text and text.endswith(".")


@pytest.mark.parametrize(
    "code",
    ["name.duplicate", "role.unknown", "pin.required", "pin.format", "setup.supervisor_required"],
)
def test_every_staff_problem_reads_as_a_sentence(code):
    text = field_problem_text(Problem("staff", code))
    assert code not in text and text.endswith(".")
