"""PySide6 6.12.0 on Python 3.11 loses a reference to None per void Qt call; the guard
(ui/none_guard.py) keeps the process alive through a long day at the counter."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
before = sys.getrefcount(None)
for _ in range({n}):
    widget.setEnabled(True)
print(sys.getrefcount(None) - before)
"""


def run(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from 3.12 on")
def test_without_the_guard_void_qt_calls_lose_references_to_none():
    """The bug itself: when a PySide6 upgrade fixes it, this fails, and the guard can go."""
    done = run(CALLS.format(n=1000))
    assert done.stdout.split() == ["-1000"], done.stderr[-500:]


def test_with_the_guard_a_day_of_qt_calls_ends_normally():
    done = run("import service_desk.ui\n" + CALLS.format(n=300_000))
    assert done.returncode == 0, done.stderr[-500:]


def test_the_guard_is_applied_once():
    from service_desk.ui import none_guard

    assert none_guard.guard() is False  # importing service_desk.ui applied it already
