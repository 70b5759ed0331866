"""Dialect-specific DDL that SQLAlchemy Core does not model: full-text search,
triggers and the views for Datasette.

SQLite gets FTS5 tables with external content (https://www.sqlite.org/fts5.html#external_content_tables)
kept in sync by triggers on update and delete, and (from revision 0002) by the
write path on insert, one statement per batch; PostgreSQL gets a generated
``tsvector`` column with a GIN index on each searchable table. The corrections
table refuses UPDATE and DELETE on both. Migrations call these functions, so
what they return for a revision must never change: a later revision adds new
functions instead.
"""

from __future__ import annotations

_APPEND_ONLY = "corrections are append-only: record a new correction instead"

_SQLITE_FTS = {
    "documents": ("documents_fts", ("title", "text")),
    "claims": ("claims_fts", ("subject", "sentence")),
}

_PG_FTS = {
    "documents": (
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, text), 'B')"
    ),
    "claims": (
        "setweight(to_tsvector('english'::regconfig, subject), 'A')"
        " || setweight(to_tsvector('english'::regconfig, sentence), 'B')"
    ),
}

VIEWS = {
    "event_view": """
SELECT e.id, e.type, e.status, e.subject, e.parties, e.from_state, e.to_state, e.date,
       e.place, e.quantity, e.confidence, e.claim_count,
       c.sentence AS evidence, c.document_id, d.title AS document_title,
       d.url AS document_url, d.published AS document_published
FROM events e
LEFT JOIN claims c ON c.seq = (SELECT min(c2.seq) FROM claims c2 WHERE c2.event_id = e.id)
LEFT JOIN documents d ON d.id = c.document_id""",
    "evidence_view": """
SELECT c.event_id, c.id AS claim_id, c.type, c.status, c.subject, c.parties, c.date,
       c.sentence, c.evidence, c.hedged, c.negated, c.confidence, c.document_id,
       d.title AS document_title, d.url AS document_url, d.source AS document_source,
       d.published AS document_published
FROM claims c JOIN documents d ON d.id = c.document_id""",
    "event_status_history": """
SELECT c.event_id, c.status, c.date, c.date_start, d.published AS reported,
       c.id AS claim_id, c.document_id
FROM claims c JOIN documents d ON d.id = c.document_id
WHERE c.status IS NOT NULL""",
    "dyad_view": """
SELECT party_a, party_b, count(*) AS events, min(date_start) AS first_date,
       max(date_start) AS last_date
FROM event_dyads GROUP BY party_a, party_b""",
}
"""Views for the common joins, named so that Datasette lists them beside the tables."""


def create_statements(dialect: str) -> list[str]:
    """Return the DDL (FTS, triggers, views) to run after the tables exist."""
    if dialect == "sqlite":
        out = [stmt for table in _SQLITE_FTS for stmt in _sqlite_fts(table)]
        out += _sqlite_append_only()
    else:
        out = [stmt for table in _PG_FTS for stmt in _pg_fts(table)]
        out += _pg_append_only() + _pg_newest_first()
    out += [f"CREATE VIEW {name} AS {body.strip()}" for name, body in VIEWS.items()]
    return out


def drop_statements(dialect: str) -> list[str]:
    """Return the DDL that undoes :func:`create_statements` (before the tables go)."""
    out = [f"DROP VIEW IF EXISTS {name}" for name in VIEWS]
    if dialect == "sqlite":
        out += [f"DROP TABLE IF EXISTS {fts}" for fts, _ in _SQLITE_FTS.values()]
    else:
        out += ["DROP FUNCTION IF EXISTS corrections_append_only() CASCADE"]
    return out


def _sqlite_fts(table: str) -> list[str]:
    fts, columns = _SQLITE_FTS[table]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.seq, {new});"
    return [
        # content="table" is the form Datasette looks for to offer search on that table.
        f'CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content="{table}", '
        "content_rowid=\"seq\", tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


def sqlite_fts_fill(table: str, count: int) -> str:
    """Return the statement that indexes the text of ``count`` documents given as its
    parameters (by id), or of their claims (revision 0002 on: the write path runs it
    once per batch instead of a trigger per row).
    """
    fts, columns = _SQLITE_FTS[table]
    cols = ", ".join(columns)
    key = "id" if table == "documents" else "document_id"
    marks = ", ".join("?" * count)
    return (
        f"INSERT INTO {fts}(rowid, {cols}) SELECT seq, {cols} FROM {table} WHERE {key} IN ({marks})"
    )


def sqlite_batch_fts_0002() -> list[str]:
    """Return the DDL of revision 0002 on SQLite: no FTS trigger on insert, and the
    update trigger only when an indexed column changes.

    An FTS5 insert from a trigger costs about four times a bulk ``INSERT ... SELECT``
    (each trigger statement flushes FTS5's pending terms), so the write path
    indexes new rows itself with :func:`sqlite_fts_fill`.
    """
    out = []
    for table, (fts, columns) in _SQLITE_FTS.items():
        cols = ", ".join(columns)
        delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.seq, " + (
            ", ".join(f"old.{c}" for c in columns) + ");"
        )
        insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.seq, " + (
            ", ".join(f"new.{c}" for c in columns) + ");"
        )
        out += [f"DROP TRIGGER {fts}_ai", f"DROP TRIGGER {fts}_au"]
        out.append(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END"
        )
    return out


def sqlite_batch_fts_0002_undo() -> list[str]:
    """Return the DDL that puts back revision 0001's FTS triggers."""
    out = []
    for table, (fts, _columns) in _SQLITE_FTS.items():
        _create, insert_trigger, _delete_trigger, update_trigger = _sqlite_fts(table)
        out += [f"DROP TRIGGER {fts}_au", insert_trigger, update_trigger]
    return out


def _sqlite_append_only() -> list[str]:
    return [
        f"CREATE TRIGGER corrections_no_{verb.lower()} BEFORE {verb} ON corrections "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def _pg_fts(table: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({_PG_FTS[table]}) STORED",
        f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)",
    ]


_NEWEST_FIRST = {
    "ix_event_parties_party_type_date": ("event_parties", "party, type"),
    "ix_event_parties_party_date": ("event_parties", "party"),
    "ix_events_type_date": ("events", "type"),
    "ix_events_date": ("events", None),
}


def _pg_newest_first() -> list[str]:
    # `events` lists newest first with undated events last (DESC NULLS LAST). A
    # PostgreSQL B-tree read backwards gives DESC NULLS FIRST, so these indexes,
    # used only by that order, are rebuilt in it; SQLite reads them backwards as is.
    out = []
    for name, (table, leading) in _NEWEST_FIRST.items():
        columns = f"{leading}, " if leading else ""
        out.append(f"DROP INDEX {name}")
        out.append(f"CREATE INDEX {name} ON {table} ({columns}date_start DESC NULLS LAST)")
    return out


def _pg_append_only() -> list[str]:
    return [
        "CREATE FUNCTION corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$",
        "CREATE TRIGGER corrections_no_change BEFORE UPDATE OR DELETE ON corrections "
        "FOR EACH ROW EXECUTE FUNCTION corrections_append_only()",
    ]
