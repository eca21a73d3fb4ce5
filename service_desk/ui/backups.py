"""The backups dialog (R20): the backups made, back up now, restore one (a supervisor
approving). The automatic backups and the status bar's "last good backup" are in
ui/backup_keeper.py, loaded with the window."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import backups as actions
from service_desk.actions.context import ActionError
from service_desk.store import backup as bk
from service_desk.store.errors import StorageError
from service_desk.ui import ask
from service_desk.ui.backup_keeper import (  # noqa: F401  (where the app found them)
    ALL_KINDS,
    BackupStatus,
    Keeper,
    failure_text,
)
from service_desk.ui.messages import error_text
from service_desk.ui.models import RowsModel
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor
from service_desk.ui.views import queue_table
from service_desk.ui.workshop_common import message_line

log = logging.getLogger(__name__)


def _size(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1_048_576:.1f} MB"
    except OSError:
        return "—"


class BackupsDialog(QDialog):
    """The backups kept, newest first; back up now; restore the picked one or a file."""

    restored = Signal()

    def __init__(self, session: Session, keeper: Keeper, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.keeper = keeper
        self.setWindowTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        self.where = QLabel(objectName="backups_where")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        kinds = {"daily": self.tr("Daily"), "monthly": self.tr("Monthly")}
        self.model = RowsModel(
            [
                (self.tr("Made"), lambda b: b.at.strftime("%Y-%m-%d %H:%M")),
                (self.tr("Kept as"), lambda b: kinds.get(b.path.parent.name, "")),
                (self.tr("Orders"), lambda b: f"{b.counts.get('repair_orders', 0):,}"),
                (self.tr("Customers"), lambda b: f"{b.counts.get('customers', 0):,}"),
                (self.tr("Size"), lambda b: _size(b.path)),
            ],
            self,
        )
        self.table = queue_table(self.model, "backups_table")
        layout.addWidget(self.table, 1)
        self.message = message_line("backups_message")
        layout.addWidget(self.message)
        self.done_text = QLabel(objectName="backups_done")
        self.done_text.setWordWrap(True)
        layout.addWidget(self.done_text)
        self.progress = QProgressBar(objectName="backups_progress")
        self.progress.setRange(0, 0)  # busy: the online backup tells no steps
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"), objectName="backups_now")
        self.restore_button = QPushButton(
            self.tr("Restore the picked backup …"), objectName="backups_restore"
        )
        self.file_button = QPushButton(
            self.tr("Restore from a file …"), objectName="backups_restore_file"
        )
        row.addWidget(self.now_button)
        row.addStretch(1)
        row.addWidget(self.file_button)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_picked)
        self.file_button.clicked.connect(self.restore_file)
        keeper.failed.connect(self._failed)
        keeper.changed.connect(self._busy_changed)
        keeper.made.connect(self._made)
        self.refresh()
        self._busy_changed()
        self.resize(680, 460)

    def refresh(self) -> None:
        found = bk.backups(self.keeper.folder)
        self.model.set_rows(found)
        mirror = actions.mirror_of(self.session.ctx)
        where = self.tr("Backups are kept in {folder} (14 daily, 12 monthly).").format(
            folder=self.keeper.folder
        )
        if mirror is not None:
            where += " " + self.tr("A copy goes to {folder}.").format(folder=mirror)
        self.where.setText(where)
        self.restore_button.setEnabled(bool(found) and not self.keeper.busy)
        if found:
            self.table.selectRow(0)

    def _busy_changed(self) -> None:
        """While a backup is made: the bar moves, and no second backup nor a restore."""
        busy = self.keeper.busy
        self.progress.setVisible(busy)
        self.now_button.setEnabled(not busy)
        self.file_button.setEnabled(not busy)
        working = self.tr("Backing up… the counter can go on working meanwhile.")
        self.done_text.setText(working if busy else "")  # then what came of it
        self.refresh()

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def back_up_now(self) -> None:
        self.message.hide()
        if not self.keeper.run():
            self._failed(self.tr("A backup is being made already: wait for it to finish."))

    def _made(self, made: bk.Backup) -> None:
        self.done_text.setText(
            self.tr("Backed up and checked: {rows} rows.").format(
                rows=f"{sum(made.counts.values()):,}"
            )
        )

    def restore_picked(self) -> None:
        picked = self.model.row_at(self.table.currentIndex().row())
        if picked is not None:
            self.restore(picked.path)

    def restore_file(self) -> None:
        path = ask.choose_file(
            self, self.tr("Restore from a file"), self.tr("Service Desk backup (*.sqlite3)")
        )
        if path:
            self.restore(Path(path))

    def restore(self, source: Path) -> bool:
        """Everything typed since the backup is replaced: asked, then a supervisor's PIN.
        Refused while a backup is being made (it reads the database being replaced)."""
        self.message.hide()
        if self._backing_up() or not ask.confirm(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the whole database with the backup {name}? Everything entered "
                "since then is replaced (the current database is kept aside first)."
            ).format(name=source.name),
        ):
            return False
        approval = ask_supervisor(self, self.session, self.tr("Restore a backup"))
        if approval is None or self._backing_up():  # the day's backup may start meanwhile
            return False
        try:
            aside = actions.restore_backup(
                self.session.ctx, self.session.db_path, source, *approval
            )
        except bk.BackupError as exc:
            self._failed(failure_text(exc))
            return False
        except (ActionError, StorageError) as exc:
            self._failed(error_text(exc))
            return False
        self.session.set_current_order(None)
        self.session.user_changed.emit(self.session.user_id)  # None: not in the backup
        self.session.notify(*ALL_KINDS)
        self.restored.emit()
        self.done_text.setText(
            self.tr("Restored {name}. The database before is kept as {aside}.").format(
                name=source.name, aside=aside or "—"
            )
        )
        self.refresh()
        return True

    def _backing_up(self) -> bool:
        if self.keeper.busy:
            self._failed(self.tr("A backup is being made: restore when it has finished."))
        return self.keeper.busy
