"""Cross-document resolution: blocking keys per event and the conflicts found.

- ``event_keys`` (key, event_id, seq): each canonical event's blocking keys
  (type, sorted parties and one normalised name of its subject) and when it
  was first stated, so that linking a new document's claims looks the most
  recent candidates up by index and never scans ``claims``.
- ``event_basis`` (event_id, claim_id): the few claims that decide an event's
  best values, so that an event that gains a claim is recomputed from them and
  the new claim, not from all its claims.
- ``conflicts``: what the claims of one event (or one document) disagree about.

The upgrade then rebuilds every link from the claims (``pactwatch resolve
--all``): events stated by several documents become one.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_ROWID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create ``event_keys`` and ``conflicts``, then link every stored claim."""
    op.create_table(
        "event_keys",
        sa.Column("key", sa.Text, nullable=False, comment="type|parties|name key (resolve.keys)"),
        sa.Column("event_id", sa.String(24), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, comment="documents.seq of its first claim"),
        sa.PrimaryKeyConstraint("key", "event_id"),
        comment="blocking keys: an incoming claim looks up the events it may be about here",
        sqlite_with_rowid=False,
    )
    op.create_index("ix_event_keys_recent", "event_keys", ["key", "seq"])
    op.create_index("ix_event_keys_event", "event_keys", ["event_id"])
    op.create_table(
        "event_basis",
        sa.Column("event_id", sa.String(24), nullable=False),
        sa.Column("claim_id", sa.String(24), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "claim_id"),
        comment="the few claims that decide an event's best values (resolve.best.basis)",
        sqlite_with_rowid=False,
    )
    op.create_table(
        "conflicts",
        sa.Column("id", _ROWID, primary_key=True, autoincrement=True),
        sa.Column(
            "kind", sa.String(20), nullable=False, comment="date, status, quantity, count..."
        ),
        sa.Column("event_id", sa.String(24), comment="the event the claims disagree about"),
        sa.Column("document_id", sa.String(64), comment="the document of a count conflict"),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False, comment="values, each with its documents"),
    )
    op.create_index("ix_conflicts_event", "conflicts", ["event_id"])
    op.create_index("ix_conflicts_document", "conflicts", ["document_id"])
    from pactwatch.resolve.rebuild import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    """Drop the resolution tables (events keep their current links)."""
    op.drop_table("conflicts")
    op.drop_table("event_basis")
    op.drop_table("event_keys")
