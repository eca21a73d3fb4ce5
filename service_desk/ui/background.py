"""Work that reads (or copies) the database off the UI thread, with its own connection.

A list that takes seconds to build on ten years of data (the call list), a backup of a
2 GB file: the window stays responsive while a worker thread does it. The worker opens
its own connection to the same file (SQLite connections are not shared between
threads; WAL lets it read while the counter writes) and its result comes back on the UI
thread through a queued signal.

A database without a file (``:memory:``) has nothing to open twice: the work then runs
on the UI thread with the session's connection, delivered from the event loop the
same way, so callers have one path.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from service_desk.store.db import connect

log = logging.getLogger(__name__)

Work = Callable[[sqlite_utils.Database], Any]


class Worker(QObject):
    """One kind of background job for one owner: a new request while a job runs waits for
    it and runs once after it (requests in between coalesce); ``done`` gets the newest
    job's result, ``failed`` its exception (a result of a superseded request is
    dropped)."""

    done = Signal(object)
    failed = Signal(object)
    _finished = Signal(int, object, object)  # generation, result, exception

    def __init__(self, db_path: Path | None, fallback: sqlite_utils.Database, parent=None):
        super().__init__(parent)
        self._path = db_path
        self._fallback = fallback
        self._generation = 0
        self._running = False
        self._pending: tuple[Work, bool] | None = None
        self._thread: threading.Thread | None = None
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def run(self, work: Work, *, read_only: bool = True) -> None:
        """Run ``work(connection)`` in the background (on the UI thread when the database
        has no file); ``read_only`` opens the worker's connection with query_only."""
        self._generation += 1
        if self._running:
            self._pending = (work, read_only)
            return
        self._start(work, read_only)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the running job's thread ends (at exit: a backup must finish)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _start(self, work: Work, read_only: bool) -> None:
        self._running = True
        generation = self._generation
        if self._path is None:
            QTimer.singleShot(0, self, lambda: self._run_here(work, generation))
            return
        self._thread = threading.Thread(
            target=self._run_there,
            args=(work, generation, read_only),
            name=f"worker-{type(self.parent()).__name__}",
            daemon=True,
        )
        self._thread.start()

    def _run_here(self, work: Work, generation: int) -> None:
        try:
            result, error = work(self._fallback), None
        except Exception as exc:
            result, error = None, exc
        self._deliver(generation, result, error)

    def _run_there(self, work: Work, generation: int, read_only: bool) -> None:
        result, error = None, None
        try:
            db = connect(self._path)  # type: ignore[arg-type]
            try:
                if read_only:
                    db.execute("PRAGMA query_only = ON")
                result = work(db)
            finally:
                db.conn.close()
        except Exception as exc:
            log.warning("background work failed", exc_info=True)
            error = exc
        # queued: the worker lives on the UI thread; a RuntimeError: its owner was closed
        # meanwhile, nobody waits for the result
        with contextlib.suppress(RuntimeError):
            self._finished.emit(generation, result, error)

    @Slot(int, object, object)
    def _deliver(self, generation: int, result: object, error: object) -> None:
        self._running = False
        self._thread = None
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(*pending)
            return
        if generation != self._generation:
            return
        if error is not None:
            self.failed.emit(error)
        else:
            self.done.emit(result)
