"""Full-text search over document text and evidence sentences (``pactwatch search``).

SQLite uses the FTS5 tables ``documents_fts`` and ``claims_fts`` (ranked by
bm25); PostgreSQL the ``search_vector`` columns (ranked by ``ts_rank``). The
query is words, all of which must occur, and ``"quoted phrases"``; words are
stemmed, so "exercises" finds "exercise". Snippets mark matches with ``**``.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.results import Results, SearchHit

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
_MARK = "**"


def search(conn: Connection, text: str, *, limit: int = 20) -> Results[SearchHit]:
    """Return the claims and documents that match ``text``, best first, at most ``limit``."""
    if conn.dialect.name == "sqlite":
        match = fts5_query(text)
        if not match:
            return Results(columns=SearchHit.COLUMNS)
        hits = _sqlite(conn, match, limit)
    else:
        if not _WORD.search(text):
            return Results(columns=SearchHit.COLUMNS)
        hits = _postgres(conn, text, limit)
    hits.sort(key=lambda hit: -hit.score)
    return Results(hits[:limit], columns=SearchHit.COLUMNS)


def fts5_query(text: str) -> str:
    """Return ``text`` as an FTS5 query: each word and quoted phrase quoted, all required.

    Quoting keeps user input from being read as FTS5 syntax (``NEAR``, ``-``,
    ``:``, ``*``); the result is empty when ``text`` holds no word.
    """
    terms = []
    for phrase, word in _TERM.findall(text):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


_SQLITE_CLAIMS = """
SELECT c.id, c.event_id, c.document_id, d.title,
       snippet(claims_fts, 1, '**', '**', '…', 24) AS snippet, -bm25(claims_fts) AS score
FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid
JOIN documents d ON d.id = c.document_id
WHERE claims_fts MATCH :match ORDER BY bm25(claims_fts) LIMIT :limit"""

_SQLITE_DOCUMENTS = """
SELECT d.id, d.title, snippet(documents_fts, 1, '**', '**', '…', 24) AS snippet,
       -bm25(documents_fts) AS score
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts) LIMIT :limit"""

_PG_OPTIONS = "StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=1"

_PG_CLAIMS = f"""
SELECT c.id, c.event_id, c.document_id, d.title,
       ts_headline('english', c.sentence, q, '{_PG_OPTIONS}') AS snippet,
       ts_rank(c.search_vector, q) AS score
FROM claims c JOIN documents d ON d.id = c.document_id,
     websearch_to_tsquery('english', :text) AS q
WHERE c.search_vector @@ q ORDER BY score DESC LIMIT :limit"""

_PG_DOCUMENTS = f"""
SELECT d.id, d.title, ts_headline('english', d.text, q, '{_PG_OPTIONS}') AS snippet,
       ts_rank(d.search_vector, q) AS score
FROM documents d, websearch_to_tsquery('english', :text) AS q
WHERE d.search_vector @@ q ORDER BY score DESC LIMIT :limit"""


def _sqlite(conn: Connection, match: str, limit: int) -> list[SearchHit]:
    params = {"match": match, "limit": limit}
    return _hits(conn, _SQLITE_CLAIMS, _SQLITE_DOCUMENTS, params)


def _postgres(conn: Connection, text: str, limit: int) -> list[SearchHit]:
    params = {"text": text, "limit": limit}
    return _hits(conn, _PG_CLAIMS, _PG_DOCUMENTS, params)


def _hits(
    conn: Connection, claims_sql: str, documents_sql: str, params: dict[str, object]
) -> list[SearchHit]:
    hits = [
        SearchHit("claim", r.id, r.event_id, r.document_id, r.title, r.snippet, float(r.score))
        for r in conn.execute(sa.text(claims_sql), params)
    ]
    hits += [
        SearchHit("document", r.id, None, r.id, r.title, r.snippet, float(r.score))
        for r in conn.execute(sa.text(documents_sql), params)
    ]
    return hits
