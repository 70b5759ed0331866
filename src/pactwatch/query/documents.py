"""Documents as stored, and one document with the spans of every claim it makes."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.errors import StoreError
from pactwatch.query.results import Results
from pactwatch.query.texts import DocumentDetail, DocumentRecord, SpanRecord
from pactwatch.store.schema import claims, documents

_LISTED = (
    documents.c.seq,
    documents.c.id,
    documents.c.title,
    documents.c.url,
    documents.c.source,
    documents.c.published,
    sa.func.length(documents.c.text).label("chars"),
)


def list_documents(
    conn: Connection, *, after: int | None = None, limit: int = 50
) -> Results[DocumentRecord]:
    """Return up to ``limit`` documents in the order they were stored, after the ``after`` seq."""
    counts = (
        sa.select(sa.func.count())
        .where(claims.c.document_id == documents.c.id)
        .scalar_subquery()
        .label("claims")
    )
    query = sa.select(*_LISTED, counts).order_by(documents.c.seq).limit(limit)
    if after is not None:
        query = query.where(documents.c.seq > after)
    return Results((_record(row._mapping) for row in conn.execute(query)),
                   columns=DocumentRecord.COLUMNS)  # fmt: skip


def show_document(conn: Connection, doc_id: str) -> DocumentDetail:
    """Return the document ``doc_id`` with its text and claim spans; StoreError when unknown."""
    row = conn.execute(
        sa.select(*_LISTED, sa.literal(0).label("claims"), documents.c.text).where(
            documents.c.id == doc_id.strip().lower()
        )
    ).first()
    if row is None:
        raise StoreError(f"no document has the id {doc_id!r}; /api/v1/documents lists them")
    query = (
        sa.select(claims)
        .where(claims.c.document_id == row.id)
        .order_by(claims.c.span_start, claims.c.ordinal)
    )
    spans = tuple(_span(m._mapping) for m in conn.execute(query))
    record = _record(row._mapping, claim_count=len(spans))
    return DocumentDetail(document=record, text=row.text, spans=spans)


def _record(m: sa.RowMapping, *, claim_count: int | None = None) -> DocumentRecord:
    return DocumentRecord(
        seq=int(m["seq"]),
        id=m["id"],
        title=m["title"],
        url=m["url"],
        source=m["source"],
        published=m["published"],
        chars=int(m["chars"]),
        claims=int(m["claims"]) if claim_count is None else claim_count,
    )


def _span(m: Any) -> SpanRecord:
    return SpanRecord(
        claim=m["id"],
        event=m["event_id"],
        type=m["type"],
        status=m["status"],
        subject=m["subject"],
        date=m["date"],
        start=int(m["span_start"]),
        end=int(m["span_end"]),
        trigger=(m["trigger_start"], m["trigger_end"]) if m["trigger_start"] is not None else None,
    )
