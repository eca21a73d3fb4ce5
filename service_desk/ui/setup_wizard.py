"""First-run setup (设置向导): a new database asks for the dealer, the key cabinet, the
labour rate, the staff and the printers before the main window is used.

Each page is checked by Next (problems under the fields, what was typed kept; Back keeps
it too); Finish writes everything in one action (``actions.setup.complete_setup``), then
keeps this PC's printer per form kind. Cancelling writes nothing: Service Desk closes and
asks again at the next start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from service_desk.actions import setup
from service_desk.actions.context import ActionError
from service_desk.actions.setup import SetupInput
from service_desk.domain.money import format_yuan
from service_desk.domain.validation import Problem, ValidationError
from service_desk.store.errors import StorageError
from service_desk.ui import ask, i18n, labels, setup_messages  # noqa: F401  (registers the texts)
from service_desk.ui import printing as ui_printing
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session
from service_desk.ui.setup_pages import (
    CounterPage,
    DealerPage,
    PrintersPage,
    SetupPage,
    StaffPage,
    SummaryPage,
    form_title,
)


class SetupWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.outcome: setup.SetupResult | None = None  # what Finish wrote
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Service Desk — first-run setup"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.dealer = DealerPage()
        self.counter = CounterPage()
        self.staff = StaffPage()
        self.printers = PrintersPage()
        self.summary = SummaryPage()
        self.pages: list[SetupPage] = [
            self.dealer,
            self.counter,
            self.staff,
            self.printers,
            self.summary,
        ]
        for number, page in enumerate(self.pages):
            self.setPage(number, page)
        self.currentIdChanged.connect(self._entered)
        self.resize(760, 620)

    # --- what was typed ------------------------------------------------------------------

    def typed(self) -> SetupInput:
        return SetupInput(
            **self.dealer.values(), **self.counter.values(), staff=tuple(self.staff.people)
        )

    def touched(self) -> bool:
        """Anything typed that cancelling would lose."""
        return (
            any(self.dealer.values().values())
            or bool(self.staff.people)
            or self.staff.pending()
            or self.currentId() > 0
        )

    # --- checking and writing ------------------------------------------------------------

    def _problems(self) -> list[Problem]:
        """Every problem of every page, as the action and the pages see them now."""
        problems = [p for page in self.pages for p in page.problems()]
        unreadable = {p.field for p in problems}
        try:
            setup.validate(self.session.ctx, self.typed())
        except ValidationError as exc:
            problems += [p for p in exc.problems if p.field not in unreadable]
        return problems

    def check_page(self, page: SetupPage) -> bool:
        """Next: the page's own problems under its fields; later pages' wait their turn."""
        page.errors.clear()
        try:
            mine = [p for p in self._problems() if p.field in page.fields]
        except (ActionError, StorageError) as exc:
            page.message.setText(error_text(exc))
            page.message.show()
            return False
        if mine:
            page.errors.show(mine)
            return False
        if page is self.summary:
            return self._finish()
        return True

    def _finish(self) -> bool:
        try:
            self.outcome = setup.complete_setup(self.session.ctx, self.typed())
        except ValidationError as exc:
            self._back_to_problems(exc.problems)
            return False
        except (ActionError, StorageError) as exc:
            self.summary.message.setText(error_text(exc))
            self.summary.message.show()
            return False
        for kind, name in self.printers.chosen().items():
            ui_printing.remember_printer_name(kind, name)
        self.session.set_user(self.outcome.advisor_id)
        self.session.notify("staff", "settings")
        return True

    def _back_to_problems(self, problems: list[Problem]) -> None:
        """The first page with a problem is shown again, the problems under its fields."""
        for number, page in enumerate(self.pages):
            mine = [p for p in problems if p.field in page.fields]
            if mine:
                while self.currentId() > number:
                    self.back()
                page.errors.show(mine)
                return
        self.summary.message.setText(error_text(ValidationError(problems)))
        self.summary.message.show()

    def reject(self) -> None:
        if self.touched() and not ask.confirm(
            self,
            self.tr("First-run setup"),
            self.tr(
                "Stop the setup? Nothing is saved, and Service Desk closes. It asks again "
                "the next time it starts."
            ),
        ):
            return
        super().reject()

    # --- the last page -------------------------------------------------------------------

    def _entered(self, page_id: int) -> None:
        if self.page(page_id) is self.summary:
            self.summary.message.hide()
            self.summary.show_summary(self._summary_rows())

    def _summary_rows(self) -> list[tuple[str, str]]:
        inp = self.typed()
        people = "\n".join(f"{p.name} — {labels.role(p.role)}" for p in inp.staff)
        chosen = "\n".join(self._printer_lines())
        dash = "—"
        return [
            (self.tr("Dealer"), inp.dealer_name),
            (self.tr("Address"), inp.dealer_address or dash),
            (self.tr("Phone"), inp.dealer_phone or dash),
            (self.tr("Logo"), inp.dealer_logo or dash),
            (self.tr("Tax number"), inp.dealer_tax_number or dash),
            (self.tr("Key cabinet hooks"), str(inp.key_cabinet_hooks)),
            (self.tr("Labour rate"), format_yuan(inp.labour_rate_fen) + self.tr(" an hour")),
            (self.tr("Staff"), people),
            (self.tr("Printers"), chosen or self.tr("Asked at the first print of each form")),
        ]

    def _printer_lines(self) -> list[str]:
        """One line per printer: the forms it prints (their number when there are many)."""
        by_printer: dict[str, list[str]] = {}
        for kind, name in self.printers.chosen().items():
            by_printer.setdefault(name, []).append(form_title(kind))
        lines = []
        for name, forms in sorted(by_printer.items(), key=lambda item: -len(item[1])):
            what = (
                ("、" if i18n.ui_lang() == "zh" else ", ").join(sorted(forms))
                if len(forms) <= 3
                else self.tr("{count} forms").format(count=len(forms))
            )
            printer = name or self.tr("Ask at the first print")
            lines.append(f"{printer}: {what}")
        return lines if any(self.printers.chosen().values()) else []


def run_first_setup(session: Session, parent: QWidget | None = None) -> bool:
    """The setup wizard if this database needs one; False when it was cancelled (nothing
    written), True when it is done or was not needed."""
    if not setup.needs_setup(session.ctx):
        return True
    wizard = SetupWizard(session, parent)
    return wizard.exec() == QWizard.DialogCode.Accepted
