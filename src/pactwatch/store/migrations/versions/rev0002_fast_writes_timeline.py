"""Faster writes and timelines: FTS rows indexed per batch, the timeline's order in one index.

- SQLite: the FTS5 insert triggers go (the write path indexes each batch's new
  rows with one ``INSERT ... SELECT``); the update triggers fire only when an
  indexed column changes.
- ``event_dyads`` gains ``date_end`` (copied from its event), and the index
  ``(party_a, party_b, date_start, date_end, event_id)`` replaces
  ``(party_a, party_b, date_start)``, so a timeline page is an index range
  scan in its final order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pactwatch.store import ddl

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_TIMELINE = ["party_a", "party_b", "date_start", "date_end", "event_id"]


def upgrade() -> None:
    """Move FTS inserts to the write path; add ``event_dyads.date_end`` and its index."""
    if op.get_bind().dialect.name == "sqlite":
        for stmt in ddl.sqlite_batch_fts_0002():
            op.execute(stmt)
    op.add_column("event_dyads", sa.Column("date_end", sa.String(10)))
    op.execute(
        "UPDATE event_dyads SET date_end = "
        "(SELECT events.date_end FROM events WHERE events.id = event_dyads.event_id)"
    )
    op.drop_index("ix_event_dyads_pair_date", table_name="event_dyads")
    op.create_index("ix_event_dyads_timeline", "event_dyads", _TIMELINE)


def downgrade() -> None:
    """Put back revision 0001's triggers, index and columns."""
    op.drop_index("ix_event_dyads_timeline", table_name="event_dyads")
    op.create_index("ix_event_dyads_pair_date", "event_dyads", ["party_a", "party_b", "date_start"])
    # Plain SQL on both engines (SQLite >= 3.35): Alembic would rebuild the table on SQLite.
    op.execute("ALTER TABLE event_dyads DROP COLUMN date_end")
    if op.get_bind().dialect.name == "sqlite":
        for stmt in ddl.sqlite_batch_fts_0002_undo():
            op.execute(stmt)
