"""PySide6 user interface."""

from service_desk.ui.none_guard import guard

guard()  # before any Qt call: see none_guard.py
