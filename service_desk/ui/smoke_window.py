"""The smoke test's look at the GUI (service_desk/smoke.py judges what it saw): the main
window in Chinese over the smoke dataset, and one form printed through QtPdf and
QtPrintSupport into a PDF file. The settings of whoever runs it are left alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings
from PySide6.QtPrintSupport import QPrinter

from service_desk.actions.context import Ctx
from service_desk.ui import i18n
from service_desk.ui.application import make_app
from service_desk.ui.printing import send_to_printer


@dataclass(frozen=True)
class Seen:
    platform: str  # the Qt platform plugin ("offscreen")
    icon_sizes: int  # sizes of the window icon (0: none)
    translations: int  # translators loaded for zh_CN (ours and Qt's)
    tabs: list[str]  # the desks' tab titles, as shown
    pages: int  # pages painted onto the printer
    printed: Path  # the printer's PDF file


def open_window_and_print(ctx: Ctx, pdf: bytes, folder: Path) -> Seen:
    """Show the main window on ctx's database as ctx's user, close it; print pdf."""
    from service_desk.ui.main_window import MainWindow
    from service_desk.ui.session import Session

    app = make_app()
    locale = QLocale()
    translators = i18n.install(app, "zh_CN")
    try:
        with _private_settings(folder / "settings"):
            session = Session(ctx.db, ctx.clock)
            session.set_user(ctx.user_id)
            window = MainWindow(session)
            window.show()
            app.processEvents()
            tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    printed = folder / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    pages = send_to_printer(pdf, printer)
    return Seen(
        platform=app.platformName(),
        icon_sizes=len(app.windowIcon().availableSizes()),
        translations=len(translators),
        tabs=tabs,
        pages=pages,
        printed=printed,
    )


@contextmanager
def _private_settings(folder: Path) -> Iterator[None]:
    """QSettings (last user, window state) in folder while the window lives."""
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    before_format = QSettings.defaultFormat()
    probe = QSettings(fmt, scope, "organization", "application").fileName()
    before_path = str(Path(probe).parent.parent)
    QSettings.setDefaultFormat(fmt)
    QSettings.setPath(fmt, scope, str(folder))
    try:
        yield
    finally:
        QSettings.setPath(fmt, scope, before_path)
        QSettings.setDefaultFormat(before_format)
