"""The backups of the running app (R20), what the window needs from its start: the
automatic backup at the first start of a day and at exit, made in the background, and
"last good backup" in the status bar (a warning when older than a day). The backups
dialog (ui/backups.py) loads when it is opened."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from service_desk.actions import backups as actions
from service_desk.store import backup as bk
from service_desk.store.errors import StorageError
from service_desk.ui import colours
from service_desk.ui.background import Worker
from service_desk.ui.session import Session

log = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(days=1)
WARNING_STYLE = colours.text_style(colours.WAITING, bold=True)  # amber: waiting (UI.md)
ALL_KINDS = ("customers", "vehicles", "orders", "staff", "settings", "prints", "care", "keys")


def _t(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def failure_text(exc: bk.BackupError) -> str:
    texts = {
        "write": _t(
            QT_TRANSLATE_NOOP("Backups", "The backup could not be written: is the disk full?")
        ),
        "integrity": _t(
            QT_TRANSLATE_NOOP("Backups", "The backup failed its check and was thrown away.")
        ),
        "counts": _t(
            QT_TRANSLATE_NOOP("Backups", "The backup failed its check and was thrown away.")
        ),
        "mirror": _t(
            QT_TRANSLATE_NOOP(
                "Backups",
                "The backup is good here, but the second folder did not take a copy "
                "(stick not in? share not reachable?).",
            )
        ),
        "unreadable": _t(
            QT_TRANSLATE_NOOP("Backups", "This file is no Service Desk backup, or it is damaged.")
        ),
        "newer": _t(
            QT_TRANSLATE_NOOP(
                "Backups", "This backup was made by a newer Service Desk: update first."
            )
        ),
        "exists": _t(QT_TRANSLATE_NOOP("Backups", "A file of that name is there already.")),
    }
    return texts.get(exc.reason, exc.reason)


class Keeper(QObject):
    """Makes the backups of one session's database and says how recent the last is.

    A backup of a large database takes seconds: the daily one and "back up now" run on a
    worker thread with a connection of their own (``changed`` when one starts and when
    it ends, ``made`` with the backup, ``failed`` with the text of a failure); only one
    runs at a time. The exit backup runs here, after waiting for one under way."""

    changed = Signal()
    failed = Signal(str)
    made = Signal(object)  # the backup just made and checked (bk.Backup)

    def __init__(self, session: Session, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.folder = folder
        self.worker = Worker(session.db_path, session.ctx.db, self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)

    @property
    def busy(self) -> bool:
        """A backup is being made in the background."""
        return self.worker.busy

    def run(self, daily_only: bool = False) -> bool:
        """Start a backup in the background (``daily_only``: only when today has none).
        False when none was started: one is under way already, or today has its own."""
        ctx, folder = self.session.ctx, self.folder
        if self.busy or (daily_only and not actions.daily_backup_due(ctx, folder)):
            return False
        # the worker's connection reads: the backup writes files, not the database
        self.worker.run(lambda db: actions.back_up(ctx, folder, db))
        self.changed.emit()
        return True

    def _run_here(self) -> bk.Backup | None:
        """Back up on this thread with the counter's connection, waiting for it;
        failures are told, never raised."""
        try:
            made = actions.back_up(self.session.ctx, self.folder)
        except Exception as exc:  # told like a failure in the background
            self._failed(exc)
            return None
        self._done(made)
        return made

    def run_at_exit(self) -> bk.Backup | None:
        """The backup at exit: a backup under way is waited for (the process must not end
        in the middle of it), then this one is made before the process goes on."""
        if self.busy:
            log.info("waiting for the backup under way before the exit backup")
            self.worker.wait()
        return self._run_here()

    def _done(self, made: bk.Backup) -> None:
        self.changed.emit()
        self.made.emit(made)

    def _failed(self, exc: BaseException) -> None:
        log.error("backup failed: %s", exc)
        if isinstance(exc, bk.BackupError):
            text = failure_text(exc)
        else:  # the disk, the folder, the database could not be read
            if not isinstance(exc, OSError | StorageError):
                log.error("unexpected backup failure", exc_info=exc)
            text = _t(
                QT_TRANSLATE_NOOP("Backups", "The backup could not be written: is the disk full?")
            )
        self.failed.emit(text)
        self.changed.emit()

    def last(self) -> bk.Backup | None:
        return bk.last_good(self.folder)

    def status(self) -> tuple[str, bool]:
        """The status bar's text, and whether it is a warning (none, or older than a day)."""
        if self.busy:
            return _t(QT_TRANSLATE_NOOP("Backups", "Backing up…")), False
        last = self.last()
        if last is None:
            return _t(QT_TRANSLATE_NOOP("Backups", "No backup yet")), True
        now = self.session.ctx.clock()
        stamp = last.at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
        text = _t(QT_TRANSLATE_NOOP("Backups", "Last good backup: {at}")).format(at=stamp)
        return text, now - last.at > STALE_AFTER


class BackupStatus(QLabel):
    """The status bar's "last good backup", red when it is stale; "backing up…" while a
    backup is being made."""

    def __init__(self, keeper: Keeper, parent: QWidget | None = None):
        super().__init__(parent, objectName="backup_status")
        self.keeper = keeper
        keeper.changed.connect(self.refresh)
        timer = QTimer(self)
        timer.timeout.connect(self.refresh)
        timer.start(600_000)
        self.refresh()

    def refresh(self) -> None:
        text, warning = self.keeper.status()
        self.setText(("⚠ " if warning else "") + text)
        self.setStyleSheet(WARNING_STYLE if warning else "")
