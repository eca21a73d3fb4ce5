"""One Service Desk per data folder (R20): a second start on the same folder — a double
click too many, or a second PC on a shared folder — is refused politely instead of two
programs writing one database. QLockFile notices the lock of a crashed process (its PID
is gone) and takes it over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "service_desk.lock"


def lock_data_folder(data_dir: Path) -> QLockFile | None:
    """The folder's lock, held until it is unlocked or the process ends; None when
    another Service Desk holds it."""
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # never stale by age: only a dead holder frees it
    return lock if lock.tryLock(300) else None
