"""Groups and campaigns (R2, R3): build a customer group by its criteria on the left and see
its cars at once (a live count, the member table in the middle), save it; the saved groups
and the campaigns below the members; launch a campaign on a saved group on the right.
"Print letters…" previews one letter per customer — service reminders for a group, the
campaign's letters for a campaign — and once printed logs each as a contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import campaigns as cp
from service_desk.actions.context import ActionError
from service_desk.domain import segments as rules
from service_desk.domain.validation import ValidationError
from service_desk.printing.letter_forms import LETTER, render_letters
from service_desk.store.errors import StorageError
from service_desk.ui import ask, keyboard
from service_desk.ui import campaign_messages as texts
from service_desk.ui import printing as ui_printing
from service_desk.ui.campaign_forms import CampaignForm, CriteriaEditor
from service_desk.ui.fields import FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.messages import error_text, field_problem_text
from service_desk.ui.models import Row, RowsModel
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line

RECOUNT_MS = 250


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _heading(text: str) -> QLabel:
    return QLabel(f"<b>{text}</b>")


def _table(model: RowsModel, name: str) -> QTableView:
    view = queue_table(model, name)
    view.horizontalHeader().setResizeContentsPrecision(100)  # thousands of rows stay quick
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CampaignsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview: ui_printing.PreviewDialog | None = None
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._criteria_side())
        splitter.addWidget(self._lists())
        splitter.addWidget(self._launch_side())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([340, 760, 400])
        outer.addWidget(splitter, 1)
        self.result = QLabel(objectName="campaigns_result")
        self.result.setWordWrap(True)
        self.result.hide()
        outer.addWidget(self.result)
        self.message = message_line("campaigns_message")
        outer.addWidget(self.message)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECOUNT_MS)
        self.timer.timeout.connect(self.recount)
        self.editor.changed.connect(self._later)
        self.save_button.clicked.connect(self.save_group)
        keyboard.set_primary(self.criteria_box, self.save_button, self.save_group)
        keyboard.install_primary(self)  # save the group, or launch the campaign
        self.group_name.returnPressed.connect(self.save_group)
        self.groups.clicked.connect(self._group_picked)
        self.groups.activated.connect(self._group_picked)
        self.group_letters.clicked.connect(self.print_group_letters)
        self.retire_button.clicked.connect(self.retire_group)
        self.campaigns.clicked.connect(lambda _i: self._campaign_picked())
        self.campaigns.activated.connect(lambda _i: self._campaign_picked())
        self.campaign_letters.clicked.connect(self.print_campaign_letters)
        self.end_button.clicked.connect(self.end_campaign)
        self.form.launched.connect(self._launched)
        session.changed.connect(self._changed)
        self.stale = False
        self.refresh()
        self.recount()

    # ------------------------------------------------------------------ building
    def _criteria_side(self) -> QWidget:
        box = self.criteria_box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(_heading(self.tr("Customer group: criteria")))
        self.editor = CriteriaEditor()
        column.addWidget(self.editor)
        self.count = QLabel(objectName="segment_count")
        self.count.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.count.setWordWrap(True)
        column.addWidget(self.count)
        self.description = QLabel(objectName="segment_description")
        self.description.setWordWrap(True)
        column.addWidget(self.description)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.group_name = QLineEdit(objectName="group_name")
        self.group_name.setPlaceholderText(self.tr("e.g. First service due"))
        self.errors.add_row(form, self.tr("Group name"), self.group_name, "name")
        self.errors.labels["name"].setObjectName("error_group_name")  # the campaign has a name
        column.addLayout(form)
        self.group_message = message_line("group_message")
        column.addWidget(self.group_message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save group"), objectName="group_save")
        row.addWidget(self.save_button)
        column.addLayout(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(box)
        scroll.setMinimumWidth(330)
        return scroll

    def _lists(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical)
        members = QWidget()
        column = QVBoxLayout(members)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_heading(self.tr("Cars in the group today")))
        self.member_model = texts.member_model(self)
        self.members = _table(self.member_model, "segment_members")
        column.addWidget(self.members, 1)
        self.members_empty = QLabel(objectName="segment_empty")
        self.members_empty.setWordWrap(True)
        column.addWidget(self.members_empty)
        split.addWidget(members)

        campaigns = QWidget()
        column = QVBoxLayout(campaigns)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_heading(self.tr("Campaigns")))
        self.campaign_model = texts.campaign_model(self)
        self.campaigns = _table(self.campaign_model, "campaign_list")
        column.addWidget(self.campaigns, 1)
        self.campaigns_empty = QLabel(
            self.tr("No campaign yet: pick a saved group and launch one on the right.")
        )
        self.campaigns_empty.setWordWrap(True)
        column.addWidget(self.campaigns_empty)
        buttons = QHBoxLayout()
        self.end_button = QPushButton(self.tr("&End campaign …"), objectName="campaign_end")
        self.letter_lang = QComboBox(objectName="letters_lang")
        self.letter_lang.addItem("中文", "zh")
        self.letter_lang.addItem("English", "en")
        self.letter_lang.setToolTip(self.tr("Language of the printed letters"))
        self.campaign_letters = QPushButton(
            self.tr("Print letters …"), objectName="campaign_letters"
        )
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Letters in")))
        buttons.addWidget(self.letter_lang)
        buttons.addWidget(self.campaign_letters)
        column.addLayout(buttons)
        split.addWidget(campaigns)
        split.setSizes([540, 280])
        return split

    def _launch_side(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(_heading(self.tr("Saved groups")))
        self.group_model = texts.group_model(self)
        self.groups = _table(self.group_model, "saved_groups")
        self.groups.setMinimumHeight(150)
        column.addWidget(self.groups, 1)
        self.groups_empty = QLabel(
            self.tr("No saved group yet: choose criteria on the left, name the group, save it.")
        )
        self.groups_empty.setWordWrap(True)
        column.addWidget(self.groups_empty)
        buttons = QHBoxLayout()
        self.retire_button = QPushButton(self.tr("&Retire group …"), objectName="group_retire")
        self.group_letters = QPushButton(
            self.tr("Print reminder letters …"), objectName="group_letters"
        )
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.group_letters)
        column.addLayout(buttons)
        column.addSpacing(8)
        column.addWidget(_heading(self.tr("Launch a campaign on the picked group")))
        self.form = CampaignForm(self.session)
        column.addWidget(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(box)
        scroll.setMinimumWidth(360)
        return scroll

    # ------------------------------------------------------------------ the group
    def recount(self) -> None:
        """Count and list the cars meeting the criteria as they are now."""
        self.timer.stop()
        criteria = self.editor.criteria()
        problems = [] if criteria is None else rules.check_criteria(criteria, cp.known_models())
        if criteria is not None:
            self.editor.errors.show([p for p in problems if p.code != "criteria.required"])
        found: list[rules.Member] = []
        if criteria is None or problems:
            empty = [p for p in problems if p.code == "criteria.required"]
            self.count.setText(field_problem_text(empty[0]) if empty else "—")
            self.description.clear()
            self.members_empty.setText(
                self.tr("Choose criteria on the left: the cars meeting all of them appear here.")
            )
        else:
            try:
                found = cp.members(self.session.db, criteria, self.session.ctx.clock().date())
            except (ActionError, StorageError) as exc:
                self.count.setText(error_text(exc))
            else:
                total = rules.count_of(found)
                self.count.setText(texts.count_text(total.cars, total.customers))
            self.description.setText(cp.describe(criteria, ui_lang()))
            self.members_empty.setText(self.tr("No car meets these criteria today."))
        today = self.session.ctx.clock().date()
        self.member_model.set_rows(
            [{"id": m.vehicle_id, "m": m, "band": m.due.band(today)} for m in found]
        )
        self.members_empty.setVisible(not found)
        self.stale = False

    def save_group(self) -> bool:
        """Save the criteria under the name typed; problems under their fields."""
        criteria = self.editor.criteria()
        if criteria is None:
            return False
        self.errors.fallback = self.group_message
        self.errors.clear()
        try:
            group_id = cp.save_group(self.session.ctx, self.group_name.text(), criteria)
        except ValidationError as exc:
            named = [p for p in exc.problems if p.field == "name"]
            rest = self.editor.errors.show([p for p in exc.problems if p.field != "name"])
            self.errors.show(named + rest)
            return False
        except (ActionError, StorageError) as exc:
            label = self.errors.labels.get(exc.field or "", self.group_message)
            label.setText(error_text(exc))
            label.show()
            return False
        name = self.group_name.text().strip()
        self.group_name.clear()
        self.session.notify("campaigns")
        self._say(self.tr("Group {name} saved.").format(name=name))
        self._select(self.groups, self.group_model, group_id)
        self._group_picked()
        return True

    def _group_row(self) -> Row | None:
        return self.group_model.row_at(self.groups.currentIndex().row())

    def _group_picked(self, _index: Any = None) -> None:
        """A saved group: its criteria in the editor, its cars listed, the launch form
        aimed at it."""
        row = self._group_row()
        self._campaign_picked()
        if row is None:
            return
        self.editor.set_criteria(cp.criteria_of(row))
        self.recount()
        self.form.set_group(row, self.member_model.rowCount())

    def retire_group(self) -> None:
        row = self._group_row()
        if row is None or not ask.confirm(
            self,
            self.tr("Retire group"),
            self.tr("Retire the group {name}? Its campaigns keep their cars.").format(
                name=row["name"]
            ),
        ):
            return
        if self._run(lambda: cp.retire_group(self.session.ctx, int(row["id"]))):
            self.form.set_group(None)

    # ------------------------------------------------------------------ campaigns
    def _campaign_row(self) -> Row | None:
        return self.campaign_model.row_at(self.campaigns.currentIndex().row())

    def _campaign_picked(self) -> None:
        """What can be done depends on what is picked (and an ended campaign is done)."""
        group = self._group_row() is not None
        self.retire_button.setEnabled(group)
        self.group_letters.setEnabled(group)
        row = self._campaign_row()
        running = row is not None and row["status"] != rules.ENDED
        self.end_button.setEnabled(running)
        self.campaign_letters.setEnabled(running)

    def _launched(self, campaign_id: int) -> None:
        self._select(self.campaigns, self.campaign_model, campaign_id)
        row = self._campaign_row()
        if row is not None:
            self._say(
                self.tr("Campaign {name} launched on {n} cars.").format(
                    name=row["name"], n=row["targeted"]
                )
            )

    def end_campaign(self) -> None:
        row = self._campaign_row()
        if row is None or not ask.confirm(
            self,
            self.tr("End campaign"),
            self.tr("End the campaign {name} now? Its cars leave the call list.").format(
                name=row["name"]
            ),
        ):
            return
        self._run(lambda: cp.end_campaign(self.session.ctx, int(row["id"])))

    # ------------------------------------------------------------------ letters
    def print_group_letters(self) -> ui_printing.PreviewDialog | None:
        row = self._group_row()
        return None if row is None else self._letters(group_id=int(row["id"]))

    def print_campaign_letters(self) -> ui_printing.PreviewDialog | None:
        row = self._campaign_row()
        return None if row is None else self._letters(campaign_id=int(row["id"]))

    def _letters(self, **which: int) -> ui_printing.PreviewDialog | None:
        """Preview the run's letters; printing them logs each letter as a contact."""
        ctx = self.session.ctx
        self.message.hide()
        made: list[tuple[cp.LetterRun, bytes]] = []

        def make() -> None:
            run = cp.letter_run(ctx, **which)
            actor = ctx.actor()
            lang = self.letter_lang.currentData()
            pdf = render_letters(ctx.db, run, printed_by=actor["name"], now=ctx.clock(), lang=lang)
            made.append((run, pdf))

        if not ui_printing.run_print(make, self.message):
            return None
        run, pdf = made[0]
        self._say(texts.run_text(run))
        self.preview = ui_printing.preview_unattached(
            LETTER, pdf, lambda choose: self._print(run, pdf, choose), self
        )
        return self.preview

    def _print(self, run: cp.LetterRun, pdf: bytes, choose: bool) -> bool:
        printed: list[bool] = []
        step = lambda: printed.append(  # noqa: E731
            ui_printing.print_unattached(self.session, self, LETTER, pdf, choose)
        )
        if not ui_printing.run_print(step, self.message) or not printed[0]:
            return False
        if self._run(lambda: cp.record_letters(self.session.ctx, run), ("contacts", "campaigns")):
            self._say(
                self.tr("{n} letters printed and logged as contacts.").format(n=len(run.letters))
            )
        return True

    # ------------------------------------------------------------------ helpers
    def _changed(self, _kinds: set[str]) -> None:
        self.refresh()
        self._later()  # the members' figures may have moved too

    def _later(self) -> None:
        """Recount shortly (typing goes on); a hidden page recounts when shown again."""
        self.stale = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale:
            self.recount()

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def _run(self, step: Any, kinds: tuple[str, ...] = ("campaigns",)) -> bool:
        try:
            step()
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return False
        self.message.hide()
        self.session.notify(*kinds)
        return True

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()

    def _select(self, view: QTableView, model: RowsModel, record_id: int) -> None:
        for i, row in enumerate(model.rows):
            if row.get("id") == record_id:
                view.selectRow(i)
                return

    def refresh(self) -> None:
        """Reload the saved groups and the campaigns (keeping the picked ones)."""
        db = self.session.db
        today = self.session.ctx.clock().date()
        picked_group = (self._group_row() or {}).get("id")
        picked_campaign = (self._campaign_row() or {}).get("id")
        lang = ui_lang()
        groups = [{**g, "description": cp.describe(cp.criteria_of(g), lang)} for g in cp.groups(db)]
        self.group_model.set_rows(groups)
        self.groups_empty.setVisible(not groups)
        campaigns = cp.campaign_list(db, today)
        self.campaign_model.set_rows(campaigns)
        self.campaigns_empty.setVisible(not campaigns)
        if picked_group is not None:
            self._select(self.groups, self.group_model, picked_group)
        if picked_campaign is not None:
            self._select(self.campaigns, self.campaign_model, picked_campaign)
        if self._group_row() is None:
            self.form.set_group(None)
        self._campaign_picked()
