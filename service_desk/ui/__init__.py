"""PySide6 user interface."""

import PySide6  # noqa: F401  (installs the import hook that source_probe lightens)

from service_desk.source_probe import lighten
from service_desk.ui.none_guard import guard

guard()  # before any Qt call: see none_guard.py
lighten()  # before the window's modules are imported: see source_probe.py
