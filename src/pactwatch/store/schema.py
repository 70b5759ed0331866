"""The relational schema: one SQLAlchemy Core definition for SQLite and PostgreSQL.

```
documents 1──* claims *──1 events *──1 entities 1──* entity_names
                               1──* event_parties   (one row per state, for filters)
                               1──* event_dyads     (one row per pair of states, for timelines)
corrections                    (append-only: who, when, what, old, new, why)
event_keys event_basis conflicts  (resolution: blocking keys and deciding claims per event;
                                  disagreements found)
```

A *claim* is what one document states (one per extracted :class:`~pactwatch.records.Event`,
with its evidence); an *event* is the canonical record the claims are about.
Resolution (:mod:`pactwatch.resolve`, issue 6) points the claims about one
real event at one event and keeps its best values. ``event_parties``
copies ``type``/``date_start`` and ``event_dyads`` ``date_start``/``date_end``
from their event so that the common filters and the dyad timeline are ordered
index scans; whatever changes an event's dates must change them there too.

Tables without an integer key are ``WITHOUT ROWID`` on SQLite (one B-tree
lookup per row instead of two, and secondary indexes that cover the key).
Dates are kept as the EDTF text plus ``date_start``/``date_end`` (ISO
``YYYY-MM-DD`` bounds, sortable as text on both engines). Full-text search and
the Datasette views are dialect-specific DDL in :mod:`pactwatch.store.ddl`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData()

# SQLite only autoincrements (and aliases the rowid, which FTS5 needs) for
# "INTEGER PRIMARY KEY"; PostgreSQL gets a 64-bit identity.
_ROWID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_DATE = sa.String(10)
_STATE = sa.String(2)
_ID = sa.String(24)


def _event_fields() -> list[sa.Column[Any]]:
    """Return fresh columns for the fields an event and a claim both carry (one per table)."""
    return [
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20)),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("parties", sa.JSON, nullable=False),
        sa.Column("from_state", _STATE),
        sa.Column("to_state", _STATE),
        sa.Column("date", sa.String(64), comment="EDTF"),
        sa.Column("date_start", _DATE),
        sa.Column("date_end", _DATE),
        sa.Column("place", sa.Text),
        sa.Column("quantity", sa.BigInteger),
    ]


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("seq", _ROWID, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True, comment="SHA-256 of the text"),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text, comment="who published it"),
    sa.Column("published", sa.String(64), comment="EDTF"),
    sa.Column("origin", sa.Text, comment="the file or line it was read from"),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(120), primary_key=True, comment="kind:slug, e.g. state:IN"),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("category", sa.String(40)),
    sa.Column("states", sa.JSON, comment="ISO codes of the states it belongs to"),
    sa.Index("ix_entities_kind_name", "kind", "name"),
    sqlite_with_rowid=False,
)

entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column("entity_id", sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),
    sa.Index("ix_entity_names_name", "name"),
    sqlite_with_rowid=False,
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    *_event_fields(),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("claim_count", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.ForeignKey("entities.id", ondelete="SET NULL")),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_events_type_date", "type", "date_start"),
    sa.Index("ix_events_date", "date_start"),
    sa.Index("ix_events_entity", "entity_id"),
    sqlite_with_rowid=False,
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("seq", _ROWID, primary_key=True, autoincrement=True),
    sa.Column("id", _ID, nullable=False, unique=True),
    sa.Column(
        "document_id",
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("ordinal", sa.Integer, nullable=False, comment="position in its document"),
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="SET NULL")),
    *_event_fields(),
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
    sa.UniqueConstraint("document_id", "ordinal", name="uq_claims_document_ordinal"),
    sa.CheckConstraint("span_start <= span_end", name="ck_claims_span"),
    sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="ck_claims_confidence"),
    sa.Index("ix_claims_event", "event_id", "document_id"),
)

event_parties = sa.Table(
    "event_parties",
    metadata,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("party", _STATE, primary_key=True),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("date_start", _DATE),
    sa.Index("ix_event_parties_party_type_date", "party", "type", "date_start"),
    sa.Index("ix_event_parties_party_date", "party", "date_start"),
    sqlite_with_rowid=False,
)

event_dyads = sa.Table(
    "event_dyads",
    metadata,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("party_a", _STATE, primary_key=True, comment="the lower code of the pair"),
    sa.Column("party_b", _STATE, primary_key=True),
    sa.Column("date_start", _DATE),
    sa.Column("date_end", _DATE),
    sa.CheckConstraint("party_a < party_b", name="ck_event_dyads_order"),
    # The timeline's whole order (date_start, date_end, event_id) within a pair:
    # pages are index range scans with no sort (migration 0002).
    sa.Index("ix_event_dyads_timeline", "party_a", "party_b", "date_start", "date_end", "event_id"),
    sqlite_with_rowid=False,
)

corrections = sa.Table(
    "corrections",
    metadata,
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
    sa.Column("undoes", sa.ForeignKey("corrections.id")),
    sa.Index("ix_corrections_target", "target", "target_id"),
)

event_keys = sa.Table(
    "event_keys",
    metadata,
    sa.Column("key", sa.Text, primary_key=True, comment="type|parties|name key (resolve.keys)"),
    sa.Column("event_id", _ID, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False, comment="documents.seq of its first claim"),
    sa.Index("ix_event_keys_recent", "key", "seq"),
    sa.Index("ix_event_keys_event", "event_id"),
    comment="blocking keys: an incoming claim looks up the events it may be about here",
    sqlite_with_rowid=False,
)

event_basis = sa.Table(
    "event_basis",
    metadata,
    sa.Column("event_id", _ID, primary_key=True),
    sa.Column("claim_id", _ID, primary_key=True),
    comment="the few claims that decide an event's best values (resolve.best.basis)",
    sqlite_with_rowid=False,
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", _ROWID, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False, comment="date, status, quantity, count..."),
    sa.Column("event_id", _ID, comment="the event the claims disagree about"),
    sa.Column("document_id", sa.String(64), comment="the document of a count conflict"),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("detail", sa.JSON, nullable=False, comment="values, each with its documents"),
    sa.Index("ix_conflicts_event", "event_id"),
    sa.Index("ix_conflicts_document", "document_id"),
)

TABLES = (
    documents,
    entities,
    entity_names,
    events,
    claims,
    event_parties,
    event_dyads,
    corrections,
    event_keys,
    event_basis,
    conflicts,
)
"""Every table, parents before children (the order to create and bulk-write)."""
