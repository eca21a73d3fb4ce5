"""Only service_desk.ui may use Qt: the domain, store, actions and CLI stay plain Python."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import service_desk

PACKAGE = Path(service_desk.__file__).parent
ROOT = PACKAGE.parent
QT_PACKAGES = ("PySide6", "shiboken6")
# Modules that may not even be imported: running service_desk.__main__ starts the app.
NOT_IMPORTABLE = {"service_desk.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def non_ui_files() -> list[Path]:
    ui = PACKAGE / "ui"
    return sorted(p for p in PACKAGE.rglob("*.py") if ui not in p.parents)


def package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imported_modules(node: ast.AST, package: str = "") -> list[str]:
    """Every module an import statement anywhere below node names (relative ones resolved)."""
    names = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Import):
            names += [alias.name for alias in sub.names]
        elif isinstance(sub, ast.ImportFrom):
            base = sub.module or ""
            if sub.level:
                parent = package.rsplit(".", sub.level - 1)[0] if sub.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if base:
                names.append(base)
            names += [f"{base}.{alias.name}" if base else alias.name for alias in sub.names]
        elif (
            isinstance(sub, ast.Call)
            and sub.args
            and isinstance(sub.args[0], ast.Constant)
            and isinstance(sub.args[0].value, str)
            and (
                (isinstance(sub.func, ast.Name) and sub.func.id == "__import__")
                or (isinstance(sub.func, ast.Attribute) and sub.func.attr == "import_module")
            )
        ):
            names.append(sub.args[0].value)
    return names


def is_qt(name: str) -> bool:
    return name.split(".")[0] in QT_PACKAGES


def test_the_walk_finds_the_package() -> None:
    names = {module_name(p) for p in non_ui_files()}
    assert {"service_desk", "service_desk.app", "service_desk.domain.pricing"} <= names
    assert {"service_desk.store.db", "service_desk.actions.orders"} <= names
    assert not any(n.startswith("service_desk.ui") for n in names)


def test_no_qt_import_outside_the_ui_at_any_level() -> None:
    offenders = []
    for path in non_ui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = imported_modules(tree, package_of(path))
        offenders += [f"{module_name(path)}: {n}" for n in names if is_qt(n)]
    assert offenders == []


def test_the_ui_is_imported_only_inside_functions() -> None:
    """Outside service_desk.ui, importing the UI must wait until a function runs (app.main)."""
    offenders = []
    for path in non_ui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        top_level = [
            n
            for stmt in tree.body
            if not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
            for n in imported_modules(stmt, package_of(path))
        ]
        offenders += [
            f"{module_name(path)}: {n}"
            for n in top_level
            if n == "service_desk.ui" or n.startswith("service_desk.ui.")
        ]
    assert offenders == []


def test_the_detector_sees_nested_and_dynamic_imports() -> None:
    source = (
        "def f():\n"
        "    if True:\n"
        "        from PySide6.QtWidgets import QWidget\n"
        "class C:\n"
        "    import shiboken6\n"
        "importlib.import_module('PySide6.QtCore')\n"
        "__import__('PySide6')\n"
    )
    found = {n for n in imported_modules(ast.parse(source)) if is_qt(n)}
    assert found == {
        "PySide6.QtWidgets",
        "PySide6.QtWidgets.QWidget",
        "shiboken6",
        "PySide6.QtCore",
        "PySide6",
    }
    relative = imported_modules(ast.parse("from . import ui\nfrom ..ui import x\n"), "a.b")
    assert set(relative) == {"a.b", "a.b.ui", "a.ui", "a.ui.x"}


def test_importing_every_non_ui_module_loads_no_qt() -> None:
    modules = sorted({module_name(p) for p in non_ui_files()} - NOT_IMPORTABLE)
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "             or m == 'service_desk.ui' or m.startswith('service_desk.ui.'))\n"
        "print(len(sys.modules), bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("[]")
