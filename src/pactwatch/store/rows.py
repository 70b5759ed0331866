"""Turn documents and their events into table rows, with ids that re-runs reproduce.

Ids are derived from content, never from a counter: a claim's id is the first
16 hex digits of its document's id (the SHA-256 of the text) followed by its
ordinal (its position in what extraction returned) in at least four hex
digits, and the canonical event a claim creates takes that claim's id.
Merging (issue 6) keeps the id of the event that already exists.

Sharing the document's prefix keeps a document's claims and events next to
each other in every index keyed by id, so a batch writes a few index pages
per document instead of a few per claim.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, lru_cache
from itertools import combinations
from typing import Any, Final

import pycountry

from pactwatch.errors import StoreError
from pactwatch.records import Document, Event
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.sentences import SentenceIndex

Row = dict[str, Any]

SUBJECT_KINDS: Final[dict[str, str]] = {
    "agreement": "agreement",
    "designation": "designation",
    "exercise": "exercise",
    "procurement": "platform",
    "coproduction": "platform",
    "institution": "institution",
    "port_call": "ship",
}
"""The entity kind an event's subject names, by event type (meetings, visits and
trade measures name no standing entity)."""

_NON_WORD = re.compile(r"[^a-z0-9]+")


def short_hash(*parts: str) -> str:
    """Return 16 hex digits of the SHA-256 of ``parts`` joined by ``/``."""
    return hashlib.sha256("/".join(parts).encode("utf-8")).hexdigest()[:16]


def claim_id(doc_id: str, ordinal: int) -> str:
    """Return the id of the ``ordinal``-th claim of document ``doc_id``."""
    return f"{doc_id[:16]}{ordinal:04x}"


def event_id_for(claim: str) -> str:
    """Return the id of the canonical event first created for claim ``claim``: the same."""
    return claim


@lru_cache(maxsize=8192)
def entity_id(kind: str, name: str) -> str:
    """Return ``kind:slug`` for an entity; long or non-Latin names get a hash suffix."""
    if kind == "state":
        return f"state:{name.upper()}"
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")
    if not slug or len(slug) > 60 or len(folded) < len(name):
        slug = f"{slug[:50]}-{short_hash(name.casefold())[:8]}".lstrip("-")
    return f"{kind}:{slug}"


@cache
def state_names(code: str) -> tuple[str, ...]:
    """Return the names ISO 3166 gives state ``code`` (first the usual one), or ``(code,)``."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return (code,)
    names = [getattr(country, "common_name", None), country.name]
    names.append(getattr(country, "official_name", None))
    return tuple(dict.fromkeys(n for n in names if n))


def check_events(doc: Document, events: Sequence[Event]) -> list[Event]:
    """Return ``events`` with spans that hold their evidence in ``doc.text``.

    An event whose span does not hold its evidence is moved to where the
    evidence first occurs; raise StoreError when the text does not contain it.
    """
    return [_located(doc, ordinal, event) for ordinal, event in enumerate(events)]


def _located(doc: Document, ordinal: int, event: Event) -> Event:
    start, end = event.span
    if 0 <= start <= end <= len(doc.text) and doc.text[start:end] == event.evidence:
        return event
    found = doc.text.find(event.evidence) if event.evidence else -1
    if found < 0:
        raise StoreError(
            f"event {ordinal} of document {doc.id[:12]} has evidence that is not in its text"
        )
    return replace(event, span=(found, found + len(event.evidence)))


@dataclass(slots=True)
class BatchRows:
    """The rows one or more documents add, table by table, in insertion order."""

    documents: list[Row] = field(default_factory=list)
    entities: dict[str, Row] = field(default_factory=dict)
    entity_names: dict[tuple[str, str], Row] = field(default_factory=dict)
    events: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    event_parties: list[Row] = field(default_factory=list)
    event_dyads: list[Row] = field(default_factory=list)

    def add(self, doc: Document, events: list[Event], now: datetime) -> None:
        """Add the rows of ``doc`` and its ``events``."""
        self.documents.append(_document_row(doc, now))
        sentences = SentenceIndex(doc.text)
        for ordinal, event in enumerate(events):
            self._add_event(doc, ordinal, event, now, sentences)

    def _add_event(
        self, doc: Document, ordinal: int, event: Event, now: datetime, sentences: SentenceIndex
    ) -> None:
        claim = claim_id(doc.id, ordinal)
        canonical = event_id_for(claim)
        fields = _event_fields(event)
        entity = self._add_entities(event)
        self.events.append(
            {
                "id": canonical,
                **fields,
                "confidence": event.confidence,
                "claim_count": 1,
                "entity_id": entity,
                "updated_at": now,
            }
        )
        sentence = sentences.bounds(*event.span)
        self.claims.append(_claim_row(doc, (claim, ordinal, canonical), event, fields, sentence))
        self._add_links(canonical, event.type, fields)

    def _add_links(self, event: str, kind: str, fields: Row) -> None:
        parties, start, end = fields["parties"], fields["date_start"], fields["date_end"]
        self.event_parties += [
            {"event_id": event, "party": party, "type": kind, "date_start": start}
            for party in parties
        ]
        self.event_dyads += [
            {"event_id": event, "party_a": a, "party_b": b, "date_start": start, "date_end": end}
            for a, b in combinations(parties, 2)
        ]

    def _add_entities(self, event: Event) -> str | None:
        states = {*event.parties, *(s for s in (event.from_, event.to) if s)}
        for code in states:
            # A state's names depend on its code alone: once added, nothing more to add.
            if entity_id("state", code) not in self.entities:
                self._add_entity("state", code, (*state_names(code), code))
        kind = SUBJECT_KINDS.get(event.type)
        if kind is None or not event.subject.strip():
            return None
        return self._add_entity(kind, event.subject, (event.subject, *event.aliases))

    def _add_entity(self, kind: str, key: str, names: tuple[str, ...]) -> str:
        ident = entity_id(kind, key)
        if ident not in self.entities:
            self.entities[ident] = {"id": ident, "kind": kind, "name": names[0], "category": None}
            self.entities[ident]["states"] = [key] if kind == "state" else None
        for name in names:
            self.entity_names.setdefault((ident, name), {"entity_id": ident, "name": name})
        return ident

    def tables(self) -> Iterator[tuple[str, list[Row]]]:
        """Yield (table name, rows) in an order that satisfies the foreign keys."""
        yield "documents", self.documents
        yield "entities", list(self.entities.values())
        yield "entity_names", list(self.entity_names.values())
        yield "events", self.events
        yield "claims", self.claims
        yield "event_parties", self.event_parties
        yield "event_dyads", self.event_dyads


def _document_row(doc: Document, now: datetime) -> Row:
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "origin": doc.meta.get("origin"),
        "ingested_at": now,
        "text": doc.text,
    }


def _event_fields(event: Event) -> Row:
    bounds = edtf_bounds(event.date)
    return {
        "type": event.type,
        "status": event.status,
        "subject": event.subject,
        "aliases": list(event.aliases),
        "parties": sorted(set(event.parties)),
        "from_state": event.from_,
        "to_state": event.to,
        "date": event.date,
        "date_start": bounds[0] if bounds else None,
        "date_end": bounds[1] if bounds else None,
        "place": event.place,
        "quantity": event.quantity,
    }


def _claim_row(
    doc: Document, ids: tuple[str, int, str], event: Event, fields: Row, sentence: tuple[int, int]
) -> Row:
    """Return the row of claim ``ids`` = (claim id, ordinal, event id) of ``doc``."""
    claim, ordinal, canonical = ids
    start, end = event.span
    sent_start, sent_end = sentence
    trigger = event.trigger or (None, None)
    return {
        "id": claim,
        "document_id": doc.id,
        "ordinal": ordinal,
        "event_id": canonical,
        **fields,
        "evidence": event.evidence,
        "sentence": doc.text[sent_start:sent_end] or event.evidence,
        "sentence_start": sent_start,
        "span_start": start,
        "span_end": end,
        "trigger_start": trigger[0],
        "trigger_end": trigger[1],
        "hedged": event.hedged,
        "negated": event.negated,
        "confidence": event.confidence,
    }
