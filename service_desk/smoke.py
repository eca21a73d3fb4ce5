"""The smoke test of an installed or frozen build: ``service-desk --smoke-test``.

In a temporary folder it migrates a new database, fills a small dataset through the
real actions (one repair order from the counter to the release gate with a key, a
check-in, extra work and a warranty claim; an appointment; the self-reviews; a letter
run), renders every printed form kind in forms/ (each PDF must start with %PDF and end
with %%EOF), writes the month's workbook, and opens the main window offscreen (the
translation loaded, one form printed through QtPdf and QtPrintSupport). It exits 0 when
all passed, else 1 with the failing checks named. Nothing outside the temporary folder
is touched. The report goes to stdout (the log in a windowed build) and, when asked, to
a file (``--smoke-report FILE``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service_desk import __version__, paths
from service_desk.smoke_dataset import Dataset

MOMENT = (2026, 11, 27, 9, 30)  # "now" for the dataset: a Friday morning at the counter


class SmokeFailure(Exception):
    """A check that did not pass; str() says what was wrong."""


@dataclass
class Report:
    """The checks done so far: one line each, failures kept apart for the summary."""

    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    reported: BaseException | None = None  # the last exception already reported

    @contextmanager
    def check(self, name: str) -> Iterator[dict[str, str]]:
        """Time one check; the body may put a detail into the yielded dict."""
        started = time.perf_counter()
        detail: dict[str, str] = {}
        try:
            yield detail
        except Exception as exc:
            self.failed(name, exc)
            raise
        took = time.perf_counter() - started
        self.lines.append(f"ok   {name}: {detail.get('text', '')} ({took:.2f} s)".rstrip())

    def failed(self, name: str, exc: BaseException | None, message: str = "") -> None:
        self.failures.append(name)
        if exc is None:
            self.lines.append(f"FAIL {name}: {message}")
            return
        self.lines.append(f"FAIL {name}: {type(exc).__name__}: {exc}")
        if not isinstance(exc, SmokeFailure):  # where it broke, for a frozen build's log
            trace = traceback.format_exception(exc)
            self.lines.extend("     " + line for line in "".join(trace).splitlines())
        self.reported = exc


def run(report_file: Path | None = None) -> int:
    """Run every check; print the report (and write it to report_file). 0: all passed."""
    started = time.perf_counter()
    report = Report()
    report.lines.append(
        f"Service Desk {__version__} smoke test, installed in {paths.install_root()}"
    )
    with tempfile.TemporaryDirectory(prefix="service-desk-smoke-") as folder:
        try:
            _checks(Path(folder), report)
        except Exception as exc:
            if exc is not report.reported:  # an error between the checks
                report.failed("smoke test", exc)
    took = time.perf_counter() - started
    checks = sum(line.startswith(("ok ", "FAIL ")) for line in report.lines)
    if report.failures:
        report.lines.append(f"smoke test FAILED ({took:.1f} s): {', '.join(report.failures)}")
    else:
        report.lines.append(f"smoke test passed: {checks} checks in {took:.1f} s")
    text = "\n".join(report.lines) + "\n"
    print(text, end="")  # without a console, app.main has sent stdout to the log
    if report_file is not None:
        report_file.write_text(text, encoding="utf-8")
    return 1 if report.failures else 0


def _checks(folder: Path, report: Report) -> None:
    """The checks in order; a failed step that later ones need stops the run (raises)."""
    from service_desk.store.open import open_database

    with report.check("database") as detail:
        db = open_database(folder / paths.DB_FILENAME)
        detail["text"] = _database_detail(db)
    try:
        with report.check("reference data") as detail:
            from service_desk import reference

            reference.check_all()
            detail["text"] = f"{len(reference.checklist_items())} checklist items"
        with report.check("print font") as detail:
            from service_desk.printing import fonts
            from service_desk.store import settings

            font = fonts.find_cjk_font(settings.get(db, "print_font") or None)
            detail["text"] = f"{font.name} ({font.path}#{font.index})"
        with report.check("time zone") as detail:
            now, detail["text"] = _zone(db)
        data = Dataset(db, now)
        rendered: dict[str, bytes] = {}  # by template kind
        for name, stage, forms_now in data.stages():
            with report.check(f"dataset: {name}") as detail:
                stage()
                detail["text"] = data.summary()
            if forms_now:
                for kind, render in data.order_forms(rendered).items():
                    _form_check(report, kind, render, rendered)
        for kind, render in data.other_forms().items():
            _form_check(report, kind, render, rendered)
        _missing_forms(report, rendered)
        with report.check("workbook") as detail:
            detail["text"] = _workbook(db, data.now, folder / "month.xlsx")
        with report.check("window") as detail:
            detail["text"] = _window(data, rendered["repair_order"], folder)
    finally:
        db.close()


def _zone(db: Any) -> tuple[dt.datetime, str]:
    """The dealer's time zone (Windows has no zone database: the tzdata package must be
    in the build) and the moment the dataset is made at."""
    from zoneinfo import ZoneInfo

    from service_desk.store import settings

    name = settings.get(db, "timezone")
    moment = dt.datetime(*MOMENT, tzinfo=ZoneInfo(name))
    try:
        import tzdata  # noqa: F401

        source = "tzdata package"
    except ImportError:
        source = "system zone database"
    return moment, f"{name} ({source}), UTC{moment:%z}"


def _database_detail(db: Any) -> str:
    from service_desk.store.migrations import schema_version

    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise SmokeFailure("integrity check of the new database failed")
    return f"schema {schema_version(db)}, integrity ok"


def check_pdf(pdf: bytes) -> str:
    """'N bytes' when pdf looks like a whole PDF file; raises SmokeFailure otherwise."""
    if not pdf:
        raise SmokeFailure("empty PDF")
    if not pdf.startswith(b"%PDF-"):
        raise SmokeFailure(f"not a PDF: starts with {pdf[:8]!r}")
    if not pdf.rstrip().endswith(b"%%EOF"):
        raise SmokeFailure("the PDF is cut short (no %%EOF)")
    return f"{len(pdf):,} bytes"


def _form_check(
    report: Report, name: str, render: Callable[[], bytes], rendered: dict[str, bytes]
) -> None:
    """Render one form; a failing form is reported and the others still run."""
    try:
        with report.check(f"form {name}") as detail:
            pdf = render()
            detail["text"] = check_pdf(pdf)
    except Exception:
        return
    rendered.setdefault(name.split(" ")[0], pdf)


def _missing_forms(report: Report, rendered: dict[str, bytes]) -> None:
    from service_desk.printing import templates

    for kind in templates.kinds():
        if kind not in rendered and f"form {kind}" not in report.failures:
            where = "service_desk/smoke_dataset.py"
            report.failed(f"form {kind}", None, f"no smoke check renders it ({where})")


def _workbook(db: Any, now: dt.datetime, path: Path) -> str:
    """The month's workbook as the export command writes it (openpyxl and its charts)."""
    from service_desk.actions.reports import report
    from service_desk.actions.self_review import reviews_for
    from service_desk.domain.report import Period
    from service_desk.export import write_workbook

    period = Period.month(now.year, now.month)
    current = report(db, period, now=now)
    previous = report(db, period.previous(), now=now, details=False)
    written = write_workbook(current, path, previous=previous, reviews=reviews_for(db, period))
    data = written.read_bytes()
    if not data.startswith(b"PK"):
        raise SmokeFailure(f"{written.name} is no .xlsx (zip) file")
    return f"{period.label()}, {len(data):,} bytes"


def _window(data: Dataset, pdf: bytes, folder: Path) -> str:
    """The main window in Chinese over the dataset, offscreen (never on the screen of the
    person running it); then one form printed through QtPdf and QtPrintSupport."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from service_desk.ui.smoke_window import open_window_and_print

    seen = open_window_and_print(data.ctx, pdf, folder)
    if not seen.icon_sizes:
        raise SmokeFailure(f"no window icon in {paths.resource('icons')}")
    if seen.translations < 2:  # ours and Qt's own (the standard buttons)
        raise SmokeFailure(f"Chinese translations: {seen.translations} of 2 loaded")
    if not seen.tabs or seen.tabs[0] == "Today":
        raise SmokeFailure(f"the window is not in Chinese: its tabs are {seen.tabs}")
    printed = check_pdf(seen.printed.read_bytes())
    return (
        f"{seen.platform}, {len(seen.tabs)} tabs ({seen.tabs[0]} …), icon {seen.icon_sizes} "
        f"sizes, printed {seen.pages} page(s) via Qt: {printed}"
    )
