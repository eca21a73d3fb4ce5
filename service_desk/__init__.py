"""Service Desk: the service counter of a Chery dealership."""

from service_desk.source_probe import lighten

__version__ = "0.1.0"

lighten()  # when PySide6 is loaded already: see source_probe.py
