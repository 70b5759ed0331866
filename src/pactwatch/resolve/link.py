"""Linking claims to the events they are about, a batch of documents at a time.

For a batch: the claims' blocking keys are looked up in ``event_keys`` (one
query, an index range of at most 32 events per key), the candidate events are
read by id, and then each claim, in storage order, joins its best candidate
(:func:`pactwatch.resolve.match.best_candidate`) or becomes an event of its
own, which later claims of the batch can join. An event's claims are read
(by index) when it gains one, and only the events that gained a claim are
rewritten. Nothing here scans a table: the cost of a batch depends
on its claims and on how many stored events share their keys, not on the size
of the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.resolve import load
from pactwatch.resolve.best import best_values
from pactwatch.resolve.claims import Claim, claim_from_row
from pactwatch.resolve.conflicts import count_conflicts
from pactwatch.resolve.match import Candidate, best_candidate
from pactwatch.resolve.materialise import (
    add_keys,
    drop_events,
    drop_orphan_entities,
    entity_of,
    insert_conflicts,
    write_events,
)
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import documents


@dataclass(slots=True)
class _Batch:
    """The events a batch can join, by key, with the claims each holds."""

    conn: Connection
    by_key: dict[str, set[str]]
    events: dict[str, Candidate]
    groups: dict[str, list[Claim]]
    prefetched: dict[str, list[Claim]] = field(default_factory=dict)
    new_events: set[str] = field(default_factory=set)
    grown: set[str] = field(default_factory=set)

    def place(self, claim: Claim) -> str:
        """Link ``claim`` to an event (joined or new); return that event's id."""
        keys = claim.blocking_keys()
        seen = {eid for key in claim.lookup_keys() for eid in self.by_key.get(key, ())}
        found = best_candidate(claim, [self.events[eid] for eid in sorted(seen)])
        if found is None:
            self._start(claim, keys)
            return claim.id
        self._join(found, claim, keys)
        return found.id

    def _start(self, claim: Claim, keys: set[str]) -> None:
        self.events[claim.id] = Candidate(
            id=claim.id, type=claim.type, parties=claim.parties, status=claim.status,
            bounds=claim.bounds, place=claim.place, quantity=claim.quantity,
            names=set(claim.names), documents={claim.document}, count=1,
        )  # fmt: skip
        self.groups[claim.id] = [claim]
        self.new_events.add(claim.id)
        for key in keys:
            self.by_key.setdefault(key, set()).add(claim.id)

    def _join(self, event: Candidate, claim: Claim, keys: set[str]) -> None:
        if event.id not in self.groups:
            stored = self.prefetched.get(event.id)
            if stored is None:
                stored = load.basis_of_events(self.conn, [event.id]).get(event.id, [])
            self.groups[event.id] = list(stored)
        group = self.groups[event.id]
        group.append(claim)
        event.count += 1
        best = best_values(group)
        event.status, event.bounds = best["status"], edtf_bounds(best["date"])
        event.place, event.quantity = best["place"], best["quantity"]
        event.names.update(claim.names)
        event.documents.add(claim.document)
        self.grown.add(event.id)
        for key in keys:
            self.by_key.setdefault(key, set()).add(event.id)


def _prepare(conn: Connection, found: Sequence[Claim], *, documents: bool) -> _Batch:
    keys = {key for claim in found for key in claim.lookup_keys()}
    by_key = load.events_by_key(conn, keys)
    events = load.candidates(conn, {eid for ids in by_key.values() for eid in ids})
    groups: dict[str, list[Claim]] = {}
    # Read at once the basis of each stored event some claim would join as things
    # stand (nearly always the one it joins), instead of one query per join.
    likely = set()
    for claim in found:
        seen = {eid for key in claim.lookup_keys() for eid in by_key.get(key, ())}
        best = best_candidate(claim, [events[eid] for eid in sorted(seen) if eid in events])
        if best is not None:
            likely.add(best.id)
    prefetched = load.basis_of_events(conn, likely)
    if documents:
        # Only a claim linked again by hand can meet stored events of its own document.
        groups = load.claims_of_events(conn, events)
        for eid, event in events.items():
            event.documents = {c.document for c in groups.get(eid, ())}
    return _Batch(conn=conn, by_key=dict(by_key), events=events, groups=groups,
                  prefetched=prefetched)  # fmt: skip


def link(
    conn: Connection, found: Sequence[Claim], *, provisional: bool, documents: bool = False
) -> dict[str, str]:
    """Link the claims ``found`` (new, in storage order) to events; return claim -> event.

    With ``provisional``, each claim already has an event of its own (as the
    write path stores it): those of claims that joined another are dropped,
    the others are kept as they are. Otherwise every event is written here.
    Stored events cannot hold claims of new documents; ``documents`` checks
    that they hold none of the claims' documents (for claims linked again).
    """
    if not found:
        return {}
    batch = _prepare(conn, found, documents=documents)
    placed = {claim.id: batch.place(claim) for claim in found}
    merged = [cid for cid, eid in placed.items() if cid != eid]
    grown = batch.grown
    if provisional:
        drop_events(conn, merged)
        orphans = {entity_of(batch_claim) for batch_claim in found if batch_claim.id in merged}
        singles = batch.new_events - grown
        add_keys(conn, {eid: batch.groups[eid] for eid in singles})
        rewrite, stored = grown, grown
    else:
        rewrite, stored = batch.new_events | grown, grown - batch.new_events
    counts = {eid: batch.events[eid].count for eid in rewrite}
    groups = {eid: batch.groups[eid] for eid in sorted(rewrite)}
    write_events(conn, groups, counts=counts, stored=stored)
    if provisional:
        drop_orphan_entities(conn, {e for e in orphans if e is not None})
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in found:
        by_doc[claim.document].append(claim)
    insert_conflicts(conn, [c for doc in by_doc.values() for c in count_conflicts(doc)])
    return placed


def link_new_claims(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Link the claims the write path has just stored (``claims`` rows, each with an
    event of its own) to the events already stored; part of the write's transaction."""
    if not rows:
        return
    doc_ids = sorted({row["document_id"] for row in rows})
    seen: dict[str, tuple[int, str | None]] = {}
    for part in load.chunks(doc_ids):
        query = sa.select(documents.c.id, documents.c.seq, documents.c.published)
        for doc_id, seq, published in conn.execute(query.where(documents.c.id.in_(part))):
            seen[doc_id] = (int(seq), published)
    found = [
        claim_from_row(row, seq=seen[row["document_id"]][0], published=seen[row["document_id"]][1])
        for row in rows
    ]
    link(conn, sorted(found, key=lambda c: c.order), provisional=True)
