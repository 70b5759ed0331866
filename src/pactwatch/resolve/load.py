"""Reading what resolution needs from the store: claims, candidate events, corrections.

Every read is by index: claims by document or by event (``ix_claims_event``),
events by id, keys by key (``event_keys``'s primary key), corrections by
target (``ix_corrections_target``). Long id lists are read in chunks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.resolve.claims import Claim, claim_from_row
from pactwatch.resolve.match import Candidate
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import (
    claims,
    corrections,
    documents,
    event_basis,
    events,
)

CHUNK: Final = 500
"""Ids per ``IN (...)``: under SQLite's bound-parameter limit."""


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """Yield ``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _claim_query() -> sa.Select[Any]:
    return sa.select(claims, documents.c.seq, documents.c.published).join(
        documents, documents.c.id == claims.c.document_id
    )


def _claims_of(rows: Iterable[sa.Row[Any]]) -> list[Claim]:
    found = []
    for row in rows:
        m = row._mapping
        found.append(claim_from_row(m, seq=int(m["seq"]), published=m["published"]))
    return found


def claims_of_documents(conn: Connection, doc_ids: Sequence[str]) -> list[Claim]:
    """Return the claims of documents ``doc_ids`` in storage order."""
    found: list[Claim] = []
    for part in chunks(list(doc_ids)):
        found += _claims_of(conn.execute(_claim_query().where(claims.c.document_id.in_(part))))
    return sorted(found, key=lambda c: c.order)


def claims_of_events(conn: Connection, event_ids: Iterable[str]) -> dict[str, list[Claim]]:
    """Return the claims of each event in ``event_ids``, in storage order."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for part in chunks(sorted(set(event_ids))):
        query = _claim_query().where(claims.c.event_id.in_(part))
        for row in conn.execute(query):
            m = row._mapping
            grouped[m["event_id"]].append(
                claim_from_row(m, seq=int(m["seq"]), published=m["published"])
            )
    return {key: sorted(found, key=lambda c: c.order) for key, found in grouped.items()}


def basis_of_events(conn: Connection, event_ids: Iterable[str]) -> dict[str, list[Claim]]:
    """Return the deciding claims of each event (``event_basis``; all its claims when it
    has no basis rows, as an event of one claim has none), in storage order."""
    wanted = sorted(set(event_ids))
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for part in chunks(wanted):
        query = (
            _claim_query()
            .add_columns(event_basis.c.event_id.label("basis_of"))
            .join(event_basis, event_basis.c.claim_id == claims.c.id)
            .where(event_basis.c.event_id.in_(part))
        )
        for row in conn.execute(query):
            m = row._mapping
            grouped[m["basis_of"]].append(
                claim_from_row(m, seq=int(m["seq"]), published=m["published"])
            )
    missing = [eid for eid in wanted if eid not in grouped]
    grouped.update(claims_of_events(conn, missing))
    return {key: sorted(found, key=lambda c: c.order) for key, found in grouped.items()}


def claims_by_id(conn: Connection, claim_ids: Sequence[str]) -> list[Claim]:
    """Return the claims with the ids ``claim_ids`` (those that exist), in storage order."""
    found: list[Claim] = []
    for part in chunks(list(claim_ids)):
        found += _claims_of(conn.execute(_claim_query().where(claims.c.id.in_(part))))
    return sorted(found, key=lambda c: c.order)


PER_KEY: Final = 32
"""Candidates read per blocking key: the events most recently started under it."""

_TERMS: Final = 200  # SELECTs per UNION ALL, under SQLite's limit of 500


def events_by_key(conn: Connection, keys: Iterable[str]) -> dict[str, set[str]]:
    """Return, for each of ``keys`` that some event has, the ids of the (at most
    :data:`PER_KEY`) events most recently started under it: one index range per key."""
    found: dict[str, set[str]] = defaultdict(set)
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    # Plain SQL: one statement of many small SELECTs; SQLAlchemy would compile
    # each new number of them afresh.
    one = (
        f"SELECT * FROM (SELECT key, event_id FROM event_keys WHERE key = {mark} "
        f"ORDER BY seq DESC LIMIT {PER_KEY}) AS k"
    )
    for part in chunks(sorted(set(keys)), _TERMS):
        numbered = [one + str(n) for n in range(len(part))]
        sql = " UNION ALL ".join(numbered)
        for key, event_id in conn.exec_driver_sql(sql, tuple(part)):
            found[key].add(event_id)
    return found


def candidates(conn: Connection, event_ids: Iterable[str]) -> dict[str, Candidate]:
    """Return the stored events ``event_ids`` as match candidates (best values and names)."""
    found: dict[str, Candidate] = {}
    for part in chunks(sorted(set(event_ids))):
        query = sa.select(events).where(events.c.id.in_(part))
        for row in conn.execute(query):
            m = row._mapping
            found[m["id"]] = Candidate(
                id=m["id"],
                type=m["type"],
                parties=tuple(m["parties"]),
                status=m["status"],
                bounds=edtf_bounds(m["date"]),
                place=m["place"],
                quantity=m["quantity"],
                names={m["subject"], *m["aliases"]},
                count=int(m["claim_count"]),
            )
    return found


def active_corrections(
    conn: Connection, *, target: str | None = None, target_ids: Iterable[str] = ()
) -> list[sa.RowMapping]:
    """Return the corrections not undone, oldest first: all, or those of ``target_ids``."""
    rows: list[sa.RowMapping] = []
    if target is None:
        rows = [r._mapping for r in conn.execute(sa.select(corrections))]
    else:
        for part in chunks(sorted(set(target_ids))):
            query = sa.select(corrections).where(
                corrections.c.target == target, corrections.c.target_id.in_(part)
            )
            rows += [r._mapping for r in conn.execute(query)]
    undone = {r["undoes"] for r in rows if r["undoes"] is not None}
    live = [r for r in rows if r["undoes"] is None and r["id"] not in undone]
    return sorted(live, key=lambda r: r["id"])
