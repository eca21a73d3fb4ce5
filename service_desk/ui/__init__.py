"""PySide6 user interface."""

from service_desk.ui.none_guard import guard
from service_desk.ui.source_probe import lighten

guard()  # before any Qt call: see none_guard.py
lighten()  # before the window's modules are imported: see source_probe.py
