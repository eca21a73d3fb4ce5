"""What every counter action receives: the database, a clock and the person acting."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk.domain.clock import Clock, iso
from service_desk.store.db import transaction


class ActionError(Exception):
    """The counter refused an action; code names the rule (the UI translates it)."""

    def __init__(self, code: str, field: str | None = None, **params: Any):
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params


@dataclass
class Ctx:
    db: sqlite_utils.Database
    clock: Clock
    user_id: int | None = None

    def now(self) -> str:
        return iso(self.clock())

    def actor(self) -> dict[str, Any]:
        """The staff member at the counter; every change is attributed to them."""
        if self.user_id is None:
            raise ActionError("user.required")
        staff = row(self.db, "SELECT * FROM staff WHERE id = ? AND active = 1", [self.user_id])
        if staff is None:
            raise ActionError("user.required")
        return staff

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        with transaction(self.db) as db:
            yield db


def audit(
    ctx: Ctx,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    staff_id: int | None = None,
) -> None:
    """Append one audit row (the table refuses UPDATE and DELETE)."""
    ctx.db["audit"].insert(
        {
            "at": ctx.now(),
            "staff_id": staff_id if staff_id is not None else ctx.user_id,
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "before_json": _dump(before),
            "after_json": _dump(after),
        }
    )


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def row(db: sqlite_utils.Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None
