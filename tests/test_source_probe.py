"""PySide6's import hook asks of every new module whether it uses PySide6: answered from a
plain read of the file, not by keeping its source in linecache (service_desk/source_probe.py)."""

from __future__ import annotations

import importlib
import linecache
import sys

import service_desk.ui  # noqa: F401  (applies the probe, as the app does)
from service_desk import source_probe


def _import_fresh(tmp_path, monkeypatch, name: str, source: str):
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    try:
        return __import__(name)  # an import statement's way: PySide6 hooks __import__
    finally:
        sys.modules.pop(name, None)


def test_new_modules_are_probed_without_keeping_their_source(tmp_path, monkeypatch):
    feature = sys.modules[source_probe.FEATURE_MODULE]
    assert feature._mod_uses_pyside.lightened
    plain = _import_fresh(tmp_path, monkeypatch, "probe_plain", "ANSWER = 42\n" * 2000)
    qt = _import_fresh(
        tmp_path, monkeypatch, "probe_qt", "from PySide6.QtCore import QObject\nX = 1\n"
    )
    assert plain.ANSWER == 42 and qt.X == 1
    assert plain.__file__ not in linecache.cache
    assert qt.__file__ not in linecache.cache
    # the hook's own bookkeeping gets the answer it always had
    assert feature.pyside_feature_dict["probe_plain"] == -1
    assert feature.pyside_feature_dict["probe_qt"] == 0


def test_the_probe_is_replaced_once(monkeypatch):
    feature = sys.modules[source_probe.FEATURE_MODULE]
    current = feature._mod_uses_pyside
    assert source_probe.lighten() is False  # already done at import of service_desk.ui
    assert feature._mod_uses_pyside is current


def test_the_original_probe_would_have_kept_the_source(tmp_path, monkeypatch):
    """What this is about: PySide6's own probe fills linecache with each module."""
    feature = sys.modules[source_probe.FEATURE_MODULE]
    original = feature._mod_uses_pyside.__closure__[0].cell_contents
    module = _import_fresh(tmp_path, monkeypatch, "probe_kept", "VALUE = 'x'\n")
    linecache.checkcache()
    assert original(module) is False
    assert module.__file__ in linecache.cache
    linecache.clearcache()
