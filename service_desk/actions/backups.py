"""Backups and restore at the counter (R20): the automatic daily backup, a backup made on
demand, and the restore — which replaces everything typed since the backup, so it needs a
supervisor's PIN and leaves an audit row in the restored database (who, when, from which
backup, where the replaced database was kept)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from service_desk.actions.context import Ctx, audit
from service_desk.actions.staff import verify_supervisor
from service_desk.store import backup as bk
from service_desk.store import settings


def mirror_of(ctx: Ctx, db: sqlite_utils.Database | None = None) -> Path | None:
    """The second folder a backup is copied to (read from ``db``, the counter's own
    connection by default), or None."""
    mirror = settings.get(db if db is not None else ctx.db, "backup_mirror_dir")
    return Path(mirror) if mirror else None


def back_up(ctx: Ctx, folder: Path, source: sqlite_utils.Database | None = None) -> bk.Backup:
    """Today's backup now (verified; the mirror folder gets a copy). Raises BackupError.
    ``source``: another connection to the same file to copy from — a backup made in the
    background reads on a connection of its own (``ctx.db`` is then never touched)."""
    db = source if source is not None else ctx.db
    return bk.make_backup(db, folder, ctx.clock(), mirror_of(ctx, db))


def daily_backup_due(ctx: Ctx, folder: Path) -> bool:
    """Today has no good backup yet (the first start of a day makes one)."""
    return bk.needs_daily_backup(folder, ctx.clock().date())


def daily_backup_if_due(
    ctx: Ctx, folder: Path, source: sqlite_utils.Database | None = None
) -> bk.Backup | None:
    """The first start of a day backs up (None when today has its backup already)."""
    if not daily_backup_due(ctx, folder):
        return None
    return back_up(ctx, folder, source)


def restore_backup(
    ctx: Ctx, db_path: Path | None, source: Path, supervisor_id: int, pin: str
) -> Path | None:
    """Replace the database with the backup ``source`` (a supervisor approving); returns
    where the replaced database was kept."""
    actor = ctx.actor()
    sup = verify_supervisor(ctx, supervisor_id, pin)
    aside = bk.restore(ctx.db, db_path, source, ctx.clock())
    # the staff list is the backup's now: someone added since is not on it any more
    known = {r[0] for r in ctx.db.execute("SELECT id FROM staff WHERE active = 1")}
    if ctx.user_id not in known:
        ctx.user_id = None
    audit(
        ctx,
        "database",
        None,
        "restore",
        None,
        {
            "from": str(source),
            "kept_aside": str(aside) if aside else None,
            "by": actor["name"],
            "supervisor": sup["name"],
        },
    )
    return aside
