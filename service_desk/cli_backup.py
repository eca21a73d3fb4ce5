"""``service-desk backup`` and ``service-desk restore``: the backups of store/backup.py
from the command line (scripts, a scheduled task, the restore of a dead counter PC)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service_desk import paths


def add_commands(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser(
        "backup",
        help="back the database up, verified: into the backups folder, or --out FILE",
    )
    backup.add_argument("--out", help="write one backup to this new file instead")
    backup.add_argument("--data-dir", dest="sub_data_dir", help="folder of the database")
    restore = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)"
    )
    restore.add_argument("file", help="the backup to restore (.sqlite3)")
    restore.add_argument("--data-dir", dest="sub_data_dir", help="folder of the database")


def _open(args: argparse.Namespace, data_dir_of) -> tuple[object, Path] | None:
    from service_desk.store.errors import StorageError
    from service_desk.store.open import open_database

    target = paths.database_path(data_dir_of(args))
    try:
        return open_database(target), target
    except StorageError as exc:
        print(f"cannot open {target}: {exc}", file=sys.stderr)
        return None


def backup_command(args: argparse.Namespace, data_dir_of) -> int:
    from service_desk.domain.clock import system_clock
    from service_desk.store import backup as bk
    from service_desk.store import settings

    opened = _open(args, data_dir_of)
    if opened is None:
        return 2
    db, target = opened
    try:
        if args.out:
            counts = bk.backup_to_file(db, Path(args.out))
            print(f"backup {target} -> {args.out} ({sum(counts.values()):,} rows, verified)")
            return 0
        mirror = settings.get(db, "backup_mirror_dir")
        now = system_clock(settings.get(db, "timezone"))()
        made = bk.make_backup(
            db, bk.backup_dir(target.parent), now, Path(mirror) if mirror else None
        )
        print(f"backup {target} -> {made.path} ({sum(made.counts.values()):,} rows, verified)")
        return 0
    except bk.BackupError as exc:
        print(f"backup failed ({exc.reason}): {exc.detail}", file=sys.stderr)
        return 1
    finally:
        db.close()


def restore_command(args: argparse.Namespace, data_dir_of) -> int:
    from service_desk.domain.clock import system_clock
    from service_desk.store import backup as bk
    from service_desk.store import settings

    source = Path(args.file)
    if not source.is_file():
        print(f"restore: no file {source}", file=sys.stderr)
        return 2
    opened = _open(args, data_dir_of)
    if opened is None:
        return 2
    db, target = opened
    try:
        now = system_clock(settings.get(db, "timezone"))()
        aside = bk.restore(db, target, source, now)
    except bk.BackupError as exc:
        print(f"restore refused ({exc.reason}): {exc.detail}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"restored {source} into {target}; the database before is kept as {aside}")
    return 0
