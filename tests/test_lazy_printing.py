"""The printing machinery (fpdf2, fontTools, PIL, segno: ~0.4 s of imports and ~37 MB) is
imported only when a form is rendered: not with the window, not with any desk, not when
the reception desk lists the forms an order can print. Each check runs in a fresh Python
(a module once imported stays in sys.modules for the rest of a test run)."""

from __future__ import annotations

import json
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import service_desk.printing
from tests.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("fpdf", "fontTools", "PIL", "segno")
# The modules that draw: loaded by the first render. Every other printing module says
# what a form is (its kind, when it applies, its data) and must stay light.
DRAWING = {"render", "fonts", "font_source", "fpdf_fonts", "qr", "diagram", "key_tags"}

WINDOW = """
import json, sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget

import service_desk.ui.main_window as main_window
from service_desk.domain.clock import fixed_clock, parse
from service_desk.store.open import open_database
from service_desk.ui.session import Session

HEAVY = {heavy!r}
steps = []

def step(name):
    steps.append((name, [m for m in HEAVY if m in sys.modules]))

step("import main_window")
db_path, now = Path(sys.argv[1]), parse(sys.argv[2])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
app = QApplication([])
app.setOrganizationName("ServiceDeskTests")
db = open_database(db_path)
session = Session(db, fixed_clock(now), db_path)
advisor = "SELECT id FROM staff WHERE role = 'advisor' AND active ORDER BY id LIMIT 1"
session.set_user(db.execute(advisor).fetchone()[0])
window = main_window.MainWindow(session)
window.show()
app.processEvents()
step("window shown")

def every_page():
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
        for pages in window.tabs.widget(i).findChildren(QTabWidget):
            for j in range(pages.count()):
                pages.setCurrentIndex(j)
                app.processEvents()

every_page()
assert all(window.tabs.is_built(n) for n in window.tabs._pages), "a desk was not built"
step("every desk and page shown")
order = db.execute(
    "SELECT id, customer_id, vehicle_id FROM repair_orders WHERE state = 'in_progress' "
    "ORDER BY id LIMIT 1"
).fetchone()
window.picked(order[1], order[2], order[0])
app.processEvents()
form = window.reception.form
for menu in (form.print_menu, form.preview_menu):
    menu.aboutToShow.emit()  # the forms the order can print, listed (printing.forms.kinds_for)
names = [a.objectName() for a in form.print_menu.actions()]
assert "print_repair_order" in names, names
step("an order shown at reception")
every_page()
step("every desk shown with the order current")
pdf, _copy = form.printing.render("repair_order", order[0])
assert pdf.startswith(b"%PDF"), pdf[:20]
step("repair order rendered")
print(json.dumps(steps))
"""


def _run(code: str, *args: str, tmp_path: Path) -> list[tuple[str, list[str]]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [tuple(s) for s in json.loads(done.stdout.strip().splitlines()[-1])]


def test_the_window_and_every_desk_load_no_printing_until_a_form_is_rendered(demo_file, tmp_path):
    db_path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, db_path)
    code = WINDOW.format(heavy=HEAVY)
    steps = _run(
        code, str(db_path), DEMO_TODAY.isoformat(), str(tmp_path / "qs"), tmp_path=tmp_path
    )
    assert [name for name, _loaded in steps] == [
        "import main_window",
        "window shown",
        "every desk and page shown",
        "an order shown at reception",
        "every desk shown with the order current",
        "repair order rendered",
    ]
    *before, (_rendered, after) = steps
    assert [(name, loaded) for name, loaded in before if loaded] == []
    assert set(after) == set(HEAVY)  # the check can fail both ways: rendering loads them


def test_what_a_form_is_loads_no_renderer(tmp_path):
    """Every printing module but the drawing ones imports without fpdf2, and the forms of
    an order (the desks' extensions registered) are listed without it."""
    light = sorted(
        f"service_desk.printing.{m.name}"
        for m in pkgutil.iter_modules(service_desk.printing.__path__)
        if m.name not in DRAWING
    )
    assert "service_desk.printing.forms" in light and len(light) > 10
    code = (
        "import importlib, json, sys\n"
        f"for name in {light!r}:\n"
        "    importlib.import_module(name)\n"
        "from service_desk.printing.forms import forms\n"
        "kinds = sorted(forms())\n"
        f"loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "from service_desk.printing import render\n"
        f"after = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(json.dumps([['listed', loaded], ['render', after], ['kinds', kinds]]))\n"
    )
    (_listed, loaded), (_render, after), (_kinds, kinds) = _run(code, tmp_path=tmp_path)
    assert loaded == []
    assert "fpdf" in after and "fontTools" in after
    assert {"repair_order", "check_in_sheet", "key_tag", "statement"} <= set(kinds)
