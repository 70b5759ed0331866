"""The first schema: documents, claims, events, entities, corrections, FTS and views.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pactwatch.store import ddl

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_ROWID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create every table, index, full-text index, trigger and view."""
    _documents()
    _entities()
    _events()
    _claims()
    _event_links()
    _corrections()
    for stmt in ddl.create_statements(op.get_bind().dialect.name):
        op.execute(stmt)


def downgrade() -> None:
    """Drop everything :func:`upgrade` created."""
    for stmt in ddl.drop_statements(op.get_bind().dialect.name):
        op.execute(stmt)
    for name in (
        "corrections",
        "event_dyads",
        "event_parties",
        "claims",
        "events",
        "entity_names",
        "entities",
        "documents",
    ):
        op.drop_table(name)


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("seq", _ROWID, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, comment="SHA-256 of the text"),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text, comment="who published it"),
        sa.Column("published", sa.String(64), comment="EDTF"),
        sa.Column("origin", sa.Text, comment="the file or line it was read from"),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.UniqueConstraint("id"),
    )


def _entities() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.String(120), primary_key=True, comment="kind:slug, e.g. state:IN"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("category", sa.String(40)),
        sa.Column("states", sa.JSON, comment="ISO codes of the states it belongs to"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_entities_kind_name", "entities", ["kind", "name"])
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(120), primary_key=True),
        sa.Column("name", sa.Text, primary_key=True),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_entity_names_name", "entity_names", ["name"])


def _event_columns() -> list[sa.Column[object]]:
    # The fields a claim and its canonical event share.
    return [
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20)),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("parties", sa.JSON, nullable=False),
        sa.Column("from_state", sa.String(2)),
        sa.Column("to_state", sa.String(2)),
        sa.Column("date", sa.String(64), comment="EDTF"),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("place", sa.Text),
        sa.Column("quantity", sa.BigInteger),
    ]


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(24), primary_key=True),
        *_event_columns(),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("claim_count", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.String(120)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="SET NULL"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_events_type_date", "events", ["type", "date_start"])
    op.create_index("ix_events_date", "events", ["date_start"])
    op.create_index("ix_events_entity", "events", ["entity_id"])


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("seq", _ROWID, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(24), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False, comment="position in its document"),
        sa.Column("event_id", sa.String(24)),
        *_event_columns(),
        sa.Column("evidence", sa.Text, nullable=False, comment="text[span_start:span_end]"),
        sa.Column("sentence", sa.Text, nullable=False, comment="the sentence around the evidence"),
        sa.Column("sentence_start", sa.Integer, nullable=False, comment="its offset in the text"),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("trigger_start", sa.Integer),
        sa.Column("trigger_end", sa.Integer),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.UniqueConstraint("id"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_claims_document_ordinal"),
        sa.CheckConstraint("span_start <= span_end", name="ck_claims_span"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="ck_claims_confidence"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="SET NULL"),
    )
    op.create_index("ix_claims_event", "claims", ["event_id", "document_id"])


def _event_links() -> None:
    op.create_table(
        "event_parties",
        sa.Column("event_id", sa.String(24), primary_key=True),
        sa.Column("party", sa.String(2), primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_event_parties_party_type_date", "event_parties", ["party", "type", "date_start"]
    )
    op.create_index("ix_event_parties_party_date", "event_parties", ["party", "date_start"])
    op.create_table(
        "event_dyads",
        sa.Column("event_id", sa.String(24), primary_key=True),
        sa.Column("party_a", sa.String(2), primary_key=True, comment="the lower code of the pair"),
        sa.Column("party_b", sa.String(2), primary_key=True),
        sa.Column("date_start", sa.String(10)),
        sa.CheckConstraint("party_a < party_b", name="ck_event_dyads_order"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_event_dyads_pair_date", "event_dyads", ["party_a", "party_b", "date_start"])


def _corrections() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", _ROWID, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("action", sa.String(20), nullable=False, comment="correct, merge, split, reject"),
        sa.Column("target", sa.String(20), nullable=False, comment="event, claim or entity"),
        sa.Column("target_id", sa.String(120), nullable=False),
        sa.Column("field", sa.String(40)),
        sa.Column("old_value", sa.JSON),
        sa.Column("new_value", sa.JSON),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("undoes", _ROWID),
        sa.ForeignKeyConstraint(["undoes"], ["corrections.id"]),
    )
    op.create_index("ix_corrections_target", "corrections", ["target", "target_id"])
