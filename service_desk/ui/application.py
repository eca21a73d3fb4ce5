"""The GUI process: QApplication, language, fonts, crash hook, database, window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from service_desk import paths
from service_desk.domain.clock import system_clock
from service_desk.store import settings
from service_desk.store.errors import StorageError
from service_desk.store.open import open_database

if TYPE_CHECKING:
    from service_desk.ui.main_window import MainWindow
    from service_desk.ui.session import Session

log = logging.getLogger(__name__)

FREEZE_AFTER_MS = 1000  # once the first desk has been built and painted
WARM_UP_AFTER_MS = 300  # after the first order is shown: its form painted first


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationName(paths.APP_NAME)
    for font in sorted(paths.resource("fonts").glob("*.tt[fc]")) + sorted(
        paths.resource("fonts").glob("*.otf")
    ):
        QFontDatabase.addApplicationFont(str(font))
    icon = QIcon()
    for name in ("service_desk.ico", "service_desk.png"):  # every size of the .ico, then 256 px
        if paths.resource("icons", name).is_file():
            icon.addFile(str(paths.resource("icons", name)))
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def run_gui(data_dir: Path, lang: str | None) -> int:
    from service_desk.ui import ask, i18n
    from service_desk.ui.crash import install_excepthook
    from service_desk.ui.instance_lock import lock_data_folder
    from service_desk.ui.messages import storage_text
    from service_desk.ui.session import Session
    from service_desk.ui.setup_wizard import run_first_setup

    app = make_app()
    app._translators = i18n.install(app, lang or i18n.saved_language())  # type: ignore[attr-defined]
    install_excepthook(str(paths.log_dir(data_dir) / "service-desk.log"))
    lock = lock_data_folder(data_dir)
    if lock is None:
        log.warning("%s is in use by another Service Desk", data_dir)
        ask.error(
            None,
            app.translate("Application", "Service Desk"),
            app.translate(
                "Application",
                "Service Desk is already open with this data folder (on this computer, or on "
                "another one sharing the folder). Switch to the open window.",
            )
            + f"\n\n{data_dir}",
        )
        return 1
    db_path = paths.database_path(data_dir)
    try:
        db = open_database(db_path)
    except StorageError as exc:
        log.error("cannot open %s: %s", db_path, exc)
        ask.error(
            None, app.translate("Application", "Service Desk"), f"{storage_text(exc)}\n\n{db_path}"
        )
        lock.unlock()
        return 1
    session = Session(db, system_clock(settings.get(db, "timezone")), db_path)
    if not run_first_setup(session):  # a new database, its setup cancelled: nothing written
        log.info("first-run setup cancelled; nothing written")
        db.close()
        lock.unlock()
        return 0
    window = open_counter(session)
    if window.backups is not None:  # the day's first start backs up; so does every exit
        keeper = window.backups
        QTimer.singleShot(1500, lambda: keeper.run(daily_only=True))
        app.aboutToQuit.connect(keeper.run_at_exit)  # waits for a running backup
    if session.user_id is None:  # staff, but nobody remembered at this counter
        window.manage_staff()
    code = app.exec()
    db.close()
    lock.unlock()
    return code


def open_counter(session: Session) -> MainWindow:
    """The main window shown; what can wait starts after its first paint."""
    from service_desk.ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    window.fit_to_screen()  # a 1366×768 counter PC: the window fills the screen
    preferred = settings.get(session.db, "print_font")

    def first_order(order_id: int | None) -> None:
        if order_id is not None:
            session.current_order_changed.disconnect(first_order)
            QTimer.singleShot(WARM_UP_AFTER_MS, lambda: _warm_up(preferred))

    session.current_order_changed.connect(first_order)
    QTimer.singleShot(FREEZE_AFTER_MS, _freeze_start_objects)
    return window


def _freeze_start_objects() -> None:
    """What the start made (modules, classes, the window) lives as long as the app: the
    garbage collector stops walking it, so a full collection while a list is built in
    the background pauses the window for ~30 ms instead of 100–300 ms."""
    gc.collect()
    gc.freeze()


def _warm_up(preferred_font: str) -> None:
    """Load the printing machinery (fpdf2, fontTools) and parse the Chinese font in the
    background, so the first print is as fast as the rest (0.15 s instead of ~1 s).
    Started when the first order is opened — nearly every print is of an order, and the
    counter that only reads its lists never pays its ~80 MB — and not at start: the parse
    holds the interpreter for about a second, which must not delay the window."""
    import threading

    def work() -> None:
        try:
            from service_desk.printing import fonts

            fonts.preload(fonts.find_cjk_font(preferred_font or None))
        except Exception:
            log.warning("print font not preloaded", exc_info=True)

    threading.Thread(target=work, name="warm-up", daemon=True).start()
