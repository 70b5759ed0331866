"""The corrections editors recorded for one record (append-only, oldest first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.store.schema import corrections


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    """One recorded correction: who changed which field from what to what, and why."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "created_at",
        "author",
        "action",
        "field",
        "old",
        "new",
        "reason",
    )

    id: int
    created_at: str
    author: str
    action: str
    field: str | None
    old: Any
    new: Any
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the correction; ``created_at`` is ISO 8601."""
        return {name: getattr(self, name) for name in self.COLUMNS}


def list_corrections(conn: Connection, target: str, target_id: str) -> list[CorrectionRecord]:
    """Return the corrections of the ``target`` (event, claim, entity) ``target_id``."""
    query = (
        sa.select(corrections)
        .where(corrections.c.target == target, corrections.c.target_id == target_id)
        .order_by(corrections.c.id)
    )
    return [
        CorrectionRecord(
            int(row.id),
            row.created_at.isoformat(),
            row.author,
            row.action,
            row.field,
            row.old_value,
            row.new_value,
            row.reason,
        )
        for row in conn.execute(query)
    ]
