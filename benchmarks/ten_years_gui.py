"""The measurements of benchmarks/ten_years.py that run the counter's window (imported by
it, and run as a child process for the start-up figures).

    python benchmarks/ten_years_gui.py bare QSETTINGS_DIR
    python benchmarks/ten_years_gui.py app DB QSETTINGS_DIR [--tabs]

A child prints one JSON line when its window is up (``ready``: the wall clock, for the
parent that timed the spawn; ``rss``: its resident memory then), and with ``--tabs`` a
second line after it showed every tab and customer-care page once (the milliseconds of
each first show, the memory after).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = dt.datetime(2026, 10, 31, 17, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def memory() -> dict[str, float]:
    """Resident memory now and at its peak (MB), from /proc."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return {"rss_mb": found.get("VmRSS", 0.0), "peak_mb": found.get("VmHWM", 0.0)}


def isolate_settings(folder: str) -> None:
    """QSettings (last user, language) in a scratch folder, never the real profile."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def advisor_id(db) -> int:  # type: ignore[no-untyped-def]
    return db.execute(
        "SELECT id FROM staff WHERE role = 'advisor' AND active = 1 ORDER BY id LIMIT 1"
    ).fetchone()[0]


PHASES: list[tuple[str, float, float]] = []  # (step, wall clock at its end, RSS MB then)


def phase(step: str) -> None:
    PHASES.append((step, time.time(), memory()["rss_mb"]))


def open_window(db_path: Path):  # type: ignore[no-untyped-def]
    """As ui/application.run_gui opens the counter (language, database, session, the print
    font preloaded in the background, the main window shown), with the clock fixed at the
    end of the data and its first advisor working; returns (app, window)."""
    from service_desk.domain.clock import fixed_clock
    from service_desk.store.open import open_database
    from service_desk.ui import i18n
    from service_desk.ui.application import make_app, open_counter
    from service_desk.ui.session import Session

    phase("imports")
    app = make_app()
    app._translators = i18n.install(app, "zh_CN")  # type: ignore[attr-defined]
    phase("QApplication")
    db = open_database(db_path)
    session = Session(db, fixed_clock(NOW), db_path)
    session.set_user(advisor_id(db))
    phase("database")
    window = open_counter(session)
    phase("window shown")
    return app, window


def idle(app, window) -> None:  # type: ignore[no-untyped-def]
    """Until no background work of the window runs (ui/background.Worker: the call list
    built in a thread) and its results have been shown."""
    from service_desk.ui.background import Worker

    while any(w.busy for w in window.findChildren(Worker)):
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def visit_tabs(app, window) -> list[tuple[str, float, float, float]]:  # type: ignore[no-untyped-def]
    """Show every tab (and every customer-care page) once, in order: ms of each first
    show (the switch and the events it caused: the page's refresh, layout, paint), the
    resident memory (MB) after it, and ms until what it started in the background (the
    call list) was shown too."""
    shown = []

    def visit(tabs, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for i in range(tabs.count()):
            start = time.perf_counter()
            tabs.setCurrentIndex(i)
            app.processEvents()
            ms = (time.perf_counter() - start) * 1000
            idle(app, window)  # what the page started in the background, arrived
            ready_ms = (time.perf_counter() - start) * 1000
            shown.append((prefix + tabs.tabText(i), ms, memory()["rss_mb"], ready_ms))
            if tabs.widget(i) is window.customer_care:
                visit(window.customer_care.pages, tabs.tabText(i) + " / ")

    visit(window.tabs, "")
    window.tabs.setCurrentIndex(0)
    app.processEvents()
    return shown


def warmed_up(app) -> None:  # type: ignore[no-untyped-def]
    """Wait for what the app loads once the first order is opened (ui/application._warm_up:
    the printing machinery and the parsed font, in a thread)."""
    import threading

    from service_desk.ui.application import WARM_UP_AFTER_MS

    deadline = time.monotonic() + WARM_UP_AFTER_MS / 1000 + 5
    while time.monotonic() < deadline:
        app.processEvents()
        started = [t for t in threading.enumerate() if t.name == "warm-up"]
        if started:
            started[0].join()
            return
        time.sleep(0.01)
    raise RuntimeError("the printing machinery was not loaded after the first order")


def print_one_order(app, window) -> None:  # type: ignore[no-untyped-def]
    """The advisor's first order: opened from a search hit (the printing machinery loads in
    the background), its repair order rendered as the print button does."""
    db = window.session.db
    order_id, customer_id, vehicle_id = db.execute(
        "SELECT id, customer_id, vehicle_id FROM repair_orders WHERE state = 'released'"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    window.picked(customer_id, vehicle_id, order_id)
    app.processEvents()
    warmed_up(app)
    from service_desk.ui.printing import Printing

    Printing(window.session, window).render("repair_order", order_id)


def child(argv: list[str]) -> None:
    import faulthandler

    from PySide6.QtCore import QTimer

    faulthandler.dump_traceback_later(300, exit=True)  # a hung child says where, on stderr

    kind = argv[0]
    if kind == "bare":
        isolate_settings(argv[1])
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1440, 900)
        window.show()
        tabs = False
    else:
        import service_desk.app  # noqa: F401  (the entry point, as the installed app starts)

        isolate_settings(argv[2])
        app, window = open_window(Path(argv[1]))
        tabs = "--tabs" in argv

    def ready() -> None:
        app.processEvents()  # the first paint of what show() laid out
        phase("first event loop turn")
        ready = time.time()
        if kind == "app":  # the Today board is built right after the window's first paint
            while not window.tabs.is_built("today"):
                app.processEvents()
            app.processEvents()  # and painted
            phase("Today board shown")
        print(json.dumps({"ready": ready, "phases": PHASES, **memory()}), flush=True)
        if tabs:
            shown = visit_tabs(app, window)
            after_tabs = memory()
            print_one_order(app, window)
            printing = memory()["rss_mb"]
            print(json.dumps({"tabs": shown, **after_tabs, "rss_printed_mb": printing}), flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    sys.stdout.flush()
    os._exit(0)  # no teardown of the widgets: its order can crash PySide6 at exit


if __name__ == "__main__":
    child(sys.argv[1:])
