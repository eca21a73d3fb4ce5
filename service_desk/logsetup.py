"""A rotating log file in the data folder; never writes to a missing console.

A windowed build (PyInstaller ``console=False`` on Windows) starts with ``sys.stdout``
and ``sys.stderr`` set to None: ``print`` then does nothing, but anything calling
``.write`` on them would fail. :func:`console_to_log` gives such a process streams that
write into the log file instead, so a headless command run from the windowed build
(``ServiceDesk.exe --smoke-test``, ``… backup``) leaves its output in the log.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

LOG_NAME = "service-desk.log"
# Libraries chatty at INFO: fontTools logs ~30 lines ("head pruned" …) per printed form.
QUIET = ("fontTools",)


def setup_logging(log_folder: Path, level: int = logging.INFO) -> Path:
    """Log to log_folder/service-desk.log (once per process and file); returns its path."""
    path = log_folder / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    for old in root.handlers:
        if isinstance(old, logging.FileHandler) and old.baseFilename == os.path.abspath(path):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if sys.stderr is not None and not isinstance(sys.stderr, LogStream):
        console = logging.StreamHandler(sys.stderr)  # a windowed build has no console
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    return path


def console_missing() -> bool:
    return sys.stdout is None or sys.stderr is None


class LogStream(io.TextIOBase):
    """A text stream that writes whole lines to a logger (for a process without console).

    Lines are logged when complete; a write that happens while logging (a handler
    failing and reporting to sys.stderr) is dropped instead of looping."""

    def __init__(self, name: str, level: int) -> None:
        super().__init__()
        self.logger = logging.getLogger(name)
        self.level = level
        self._pending = ""
        self._busy = threading.local()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if getattr(self._busy, "on", False):
            return len(text)
        self._busy.on = True
        try:
            *lines, self._pending = (self._pending + text).split("\n")
            for line in lines:
                if line.strip():
                    self.logger.log(self.level, line.rstrip())
        finally:
            self._busy.on = False
        return len(text)

    def flush(self) -> None:
        if self._pending.strip():
            pending, self._pending = self._pending, ""
            self.write(pending + "\n")


def console_to_log(log_folder: Path | None) -> Path | None:
    """Without a console: send stdout (INFO) and stderr (WARNING) to the log file in
    log_folder; when there is no usable log folder, to os.devnull. With a console this
    does nothing. Returns the log file's path when output goes there."""
    if not console_missing():
        return None
    path: Path | None = None
    if log_folder is not None:
        try:
            path = setup_logging(log_folder)
        except OSError:
            path = None
    for name, level in (("stdout", logging.INFO), ("stderr", logging.WARNING)):
        if getattr(sys, name) is None:
            stream = (
                LogStream(f"service_desk.{name}", level)
                if path is not None
                else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (for the process)
            )
            setattr(sys, name, stream)
    return path
