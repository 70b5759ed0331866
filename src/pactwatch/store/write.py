"""The write path: documents with all their claims, one transaction per batch.

Each document is all-or-nothing. A batch is written in one transaction for
speed; if that transaction fails, every document of the batch is written again
in a transaction of its own, so that one bad document costs only itself. A
document whose id (the hash of its text) is already stored is *known* and
changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from pactwatch.errors import StoreError
from pactwatch.records import Document, Event
from pactwatch.resolve import link_new_claims
from pactwatch.store import ddl, schema
from pactwatch.store.rows import BatchRows, Row, check_events

Outcome = Literal["stored", "known", "failed"]
Extracted = tuple[Document, Sequence[Event]]
"""A document with the events extraction found in its text."""

_IGNORE_DUPLICATES = frozenset({"entities", "entity_names"})
_CHUNK = 500  # ids per IN (...): under SQLite's bound-parameter limit
_NOTHING = object()
_SQLITE_ROWS = 256  # rows per INSERT at most: 9 statement sizes per table to compile
Processor = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What happened to one document: stored (with ``claims`` claims), known, or failed."""

    doc_id: str
    outcome: Outcome
    claims: int = 0
    error: str | None = None


def write_batch(engine: Engine, batch: Sequence[Extracted]) -> list[WriteResult]:
    """Store each document of ``batch`` with its events; return one result per document."""
    checked: list[Extracted] = []
    refused: dict[int, WriteResult] = {}
    for index, (doc, events) in enumerate(batch):
        try:
            checked.append((doc, check_events(doc, events)))
        except StoreError as exc:
            refused[index] = WriteResult(doc.id, "failed", error=str(exc))
    written = iter(_write_checked(engine, checked))
    return [refused[i] if i in refused else next(written) for i in range(len(batch))]


def _write_checked(engine: Engine, batch: Sequence[Extracted]) -> list[WriteResult]:
    if not batch:
        return []
    try:
        with engine.begin() as conn:
            return _write_together(conn, batch)
    except sa.exc.DBAPIError:
        if len(batch) == 1:
            return [_write_alone(engine, *batch[0])]
    return [_write_alone(engine, doc, events) for doc, events in batch]


def write_document(engine: Engine, doc: Document, events: Sequence[Event]) -> WriteResult:
    """Store ``doc`` and its events in one transaction; raise StoreError when that fails."""
    result = _write_alone(engine, doc, check_events(doc, events))
    if result.outcome == "failed":
        raise StoreError(result.error or f"could not store document {doc.id[:12]}")
    return result


def _write_together(conn: Connection, batch: Sequence[Extracted]) -> list[WriteResult]:
    known = _known_ids(conn, [doc.id for doc, _ in batch])
    rows = BatchRows()
    now = datetime.now(UTC)
    results: list[WriteResult] = []
    for doc, events in batch:
        if doc.id in known:
            results.append(WriteResult(doc.id, "known"))
            continue
        known.add(doc.id)
        rows.add(doc, list(events), now)
        results.append(WriteResult(doc.id, "stored", claims=len(events)))
    _insert_rows(conn, rows, [row["id"] for row in rows.documents])
    return results


def _write_alone(engine: Engine, doc: Document, events: Sequence[Event]) -> WriteResult:
    rows = BatchRows()
    rows.add(doc, list(events), datetime.now(UTC))
    try:
        with engine.begin() as conn:
            insert = _insert_ignore(conn, schema.documents).returning(schema.documents.c.seq)
            if conn.execute(insert, rows.documents[0]).first() is None:
                return WriteResult(doc.id, "known")
            rows.documents.clear()
            _insert_rows(conn, rows, [doc.id])
    except sa.exc.DBAPIError as exc:
        return WriteResult(doc.id, "failed", error=_reason(doc, exc))
    return WriteResult(doc.id, "stored", claims=len(events))


def _known_ids(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    table = schema.documents
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(conn.scalars(sa.select(table.c.id).where(table.c.id.in_(chunk))))
    return found


def _insert_rows(conn: Connection, rows: BatchRows, doc_ids: Sequence[str]) -> None:
    """Insert ``rows``, those of the new documents ``doc_ids``; on SQLite, then index their text."""
    for name, table_rows in rows.tables():
        if table_rows:
            table = schema.metadata.tables[name]
            _executemany(conn, table, table_rows, ignore=name in _IGNORE_DUPLICATES)
    link_new_claims(conn, rows.claims)
    if conn.dialect.name == "sqlite":
        for start in range(0, len(doc_ids), _CHUNK):
            chunk = tuple(doc_ids[start : start + _CHUNK])
            for name in ("documents", "claims"):
                conn.exec_driver_sql(ddl.sqlite_fts_fill(name, len(chunk)), chunk)


def _executemany(conn: Connection, table: sa.Table, rows: list[Row], *, ignore: bool) -> None:
    """Insert ``rows`` (dicts with the same keys) in one go: on PostgreSQL ``COPY``, or
    ``INSERT ... SELECT FROM unnest(...)`` where duplicates are skipped; on SQLite
    multi-row INSERTs.

    Bulk writes bypass SQLAlchemy's per-row statement machinery, which costs
    more than the database itself here; values still go through each column
    type's bind processor (JSON, DateTime, Boolean), so what is stored is the same.
    """
    dialect = conn.dialect
    columns = list(rows[0])
    values = _values(dialect, table, columns, rows)
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c) for c in columns)
    if dialect.name == "postgresql":
        if ignore:
            _insert_unnest(conn, table, columns, values)
        else:
            _copy(conn, f"COPY {quote(table.name)} ({names}) FROM STDIN", values)
        return
    # Multi-row INSERTs: sqlite3's executemany releases and retakes the GIL for
    # every row, and while extraction holds it each retake waits. Compiling a
    # statement costs several times running it, so the rows go in chunks of a
    # power of two (256, then 128, 64... for the rest): a handful of statements,
    # each compiled once per connection and then taken from sqlite3's cache.
    most = min(_SQLITE_ROWS, _sqlite_parameters(conn) // len(columns))
    start = 0
    while start < len(values):
        size = 1 << (min(most, len(values) - start).bit_length() - 1)
        flat = tuple(chain.from_iterable(values[start : start + size]))
        conn.exec_driver_sql(_sqlite_insert(table.name, tuple(columns), size, ignore), flat)
        start += size


@lru_cache(maxsize=256)
def _sqlite_insert(table: str, columns: tuple[str, ...], rows: int, ignore: bool) -> str:
    """Return the SQLite INSERT of ``rows`` rows into ``columns`` of ``table`` (the same
    string object each time, so that sqlite3 finds its compiled statement at once)."""
    names = ", ".join(f'"{c}"' for c in columns)
    row = f"({', '.join(['?'] * len(columns))})"
    conflict = " ON CONFLICT DO NOTHING" if ignore else ""
    return f'INSERT INTO "{table}" ({names}) VALUES {", ".join([row] * rows)}{conflict}'


def _insert_unnest(
    conn: Connection, table: sa.Table, columns: list[str], values: list[tuple[Any, ...]]
) -> None:
    """Insert ``values`` skipping keys already stored, in one statement: one array per column.

    (An ``executemany`` of ``INSERT ... ON CONFLICT DO NOTHING`` is a round trip and
    a statement per row.)
    """
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    arrays = ", ".join(f"%s::{table.c[c].type.compile(dialect)}[]" for c in columns)
    names = ", ".join(quote(c) for c in columns)
    sql = (
        f"INSERT INTO {quote(table.name)} ({names}) SELECT * FROM unnest({arrays}) "
        "ON CONFLICT DO NOTHING"
    )
    conn.exec_driver_sql(sql, tuple(list(column) for column in zip(*values, strict=True)))


def _sqlite_parameters(conn: Connection) -> int:
    """Return how many parameters one statement may bind on this SQLite connection."""
    import sqlite3

    driver = conn.connection.driver_connection
    return int(driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[union-attr]


def _values(
    dialect: sa.Dialect, table: sa.Table, columns: list[str], rows: list[Row]
) -> list[tuple[Any, ...]]:
    """Return each row's values in ``columns`` order, through the columns' bind processors."""
    out = []
    for name in columns:
        column = [row[name] for row in rows]
        processor = _bind_processor(dialect, table.c[name].type)
        out.append(column if processor is None else list(map(processor, column)))
    return list(zip(*out, strict=True))


def _bind_processor(dialect: sa.Dialect, kind: sa.types.TypeEngine[Any]) -> Processor | None:
    """Return what converts a value of type ``kind`` for the driver (None: nothing does).

    A batch repeats the same JSON lists (parties, aliases) and timestamp many
    times, so those are converted once per distinct value. On PostgreSQL JSON
    goes as its text, which is what psycopg's ``Json`` would send.
    """
    if isinstance(kind, sa.JSON) and dialect.name == "postgresql":
        return _json_memo(json.dumps)
    processor = kind.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return None
    if isinstance(kind, sa.JSON):
        return _json_memo(processor)
    if isinstance(kind, sa.DateTime):
        return _last_memo(processor)
    return processor


def _json_memo(processor: Processor) -> Processor:
    """Return ``processor`` remembering its result for lists of strings and None."""
    seen: dict[tuple[str, ...] | None, Any] = {}

    def process(value: Any) -> Any:
        if value is None:
            key = None
        elif type(value) is list and all(type(item) is str for item in value):
            key = tuple(value)
        else:
            return processor(value)
        if key not in seen:
            seen[key] = processor(value)
        return seen[key]

    return process


def _last_memo(processor: Processor) -> Processor:
    """Return ``processor`` remembering its last result, for the same object again."""
    last: list[Any] = [_NOTHING, None]

    def process(value: Any) -> Any:
        if value is not last[0]:
            last[:] = [value, processor(value)]
        return last[1]

    return process


def _copy(conn: Connection, sql: str, values: list[tuple[Any, ...]]) -> None:
    # psycopg 3's COPY is several times faster than executemany for bulk rows.
    import psycopg

    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(sql) as copy:
            for row in values:
                copy.write_row(row)
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError(sql, None, exc) from exc


def _insert_ignore(conn: Connection, table: sa.Table) -> sa.Insert:
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    return postgresql.insert(table).on_conflict_do_nothing()


def _reason(doc: Document, exc: sa.exc.DBAPIError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return f"the database refused document {doc.id[:12]}: {detail}"
