"""PySide6's import hook without the whole source of every module kept in memory.

From ``import PySide6`` on, PySide6 (shibokensupport/feature.py, PYSIDE-2029) asks
of each newly imported module whether its source mentions "PySide6", for its
optional ``from __feature__ import snake_case`` switch. It asks through
``inspect.getsource(module)``, which reads the file through ``linecache`` and keeps
every line of it there for the life of the process: at the counter ~260 modules,
~9 MB of strings for nothing (measured on the ten-year benchmark), plus the reading
and line splitting at start.

:func:`lighten` gives the hook the same answer from a plain read of the file (still
"PySide6" in the source, so the feature bookkeeping is unchanged), kept nowhere.
Modules without a ``.py`` file (the frozen build, built-ins) are still asked the
original way, which answers False for them without reading anything.

It is applied as early as possible: when ``service_desk`` is imported in a process that
has PySide6 already (tests, benchmarks), and by ``service_desk.ui`` right after its own
first import of PySide6 (the app), before sqlite-utils and the window's modules.
This module imports no Qt: the command line never loads it.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def lighten() -> bool:
    """Replace the hook's source probe once per process; False when PySide6 is not
    loaded (yet), has no such probe, or it is replaced already."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "lightened", False):
        return False

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            return original(module)

    _mod_uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()  # the sources the hook read before (those imported earlier)
    return True
