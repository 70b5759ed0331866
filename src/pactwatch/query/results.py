"""Typed query results, with stable dict/CSV columns and an optional DataFrame.

Every record has ``to_dict()`` (the JSON shape the CLI prints, documented in
``docs/commands.md``) and a ``COLUMNS`` tuple (the CSV header). A
:class:`Results` is a list of records with ``to_pandas()`` when pandas is
installed (``pip install 'pactwatch[pandas]'``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

from pactwatch.errors import PactwatchError
from pactwatch.store.dates import edtf_bounds


class Record(Protocol):
    """What every query result offers: its columns and a JSON-ready dict."""

    COLUMNS: ClassVar[tuple[str, ...]]

    def to_dict(self) -> dict[str, Any]:
        """Return the record with the documented field names."""
        ...


T = TypeVar("T", bound=Record)


class Results(list[T]):
    """A list of query results; ``to_pandas()`` returns them as a DataFrame.

    ``columns`` names the DataFrame's columns even when there are no results.
    """

    def __init__(self, items: Iterable[T] = (), *, columns: Sequence[str] = ()) -> None:
        super().__init__(items)
        self.columns = tuple(columns)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Return each result as its documented dict."""
        return [item.to_dict() for item in self]

    def to_pandas(self) -> Any:
        """Return a ``pandas.DataFrame`` with one row per result (needs pandas)."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as exc:
            raise PactwatchError(
                "to_pandas() needs pandas: install it with pip install 'pactwatch[pandas]'"
            ) from exc
        columns = list(self[0].COLUMNS if self else self.columns) or None
        return pandas.DataFrame(self.to_dicts(), columns=columns)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A canonical event as stored: best values, how many claims state it, and where."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id", "type", "status", "subject", "aliases", "parties", "from", "to", "date",
        "place", "quantity", "confidence", "claims", "documents",
    )  # fmt: skip

    id: str
    type: str
    status: str | None
    subject: str
    aliases: tuple[str, ...]
    parties: tuple[str, ...]
    from_: str | None
    to: str | None
    date: str | None
    place: str | None
    quantity: int | None
    confidence: float
    claims: int
    documents: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the event with the gold field names (SCHEMA.md) plus id, claims, documents."""
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "subject": self.subject,
            "aliases": list(self.aliases),
            "parties": list(self.parties),
            "from": self.from_,
            "to": self.to,
            "date": self.date,
            "place": self.place,
            "quantity": self.quantity,
            "confidence": round(self.confidence, 3),
            "claims": self.claims,
            "documents": list(self.documents),
        }

    @property
    def year(self) -> str | None:
        """Return the first year the event's date can mean, or None when undated."""
        bounds = edtf_bounds(self.date)
        return bounds[0][:4] if bounds else None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim behind an event: its sentence, the words to highlight, its document."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "claim", "document", "title", "url", "published", "status", "date", "sentence",
        "evidence", "highlight", "hedged", "negated", "confidence",
    )  # fmt: skip

    claim: str
    document: str
    title: str | None
    url: str | None
    published: str | None
    status: str | None
    date: str | None
    sentence: str
    evidence: str
    highlight: tuple[int, int]
    hedged: bool
    negated: bool
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence; ``highlight`` is (start, end) into ``sentence``."""
        return {
            "claim": self.claim,
            "document": self.document,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "status": self.status,
            "date": self.date,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "highlight": list(self.highlight),
            "hedged": self.hedged,
            "negated": self.negated,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One status a source reports for an event, with when it happened and was reported."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("status", "date", "reported", "claim", "document")

    status: str
    date: str | None
    reported: str | None
    claim: str
    document: str

    def to_dict(self) -> dict[str, Any]:
        """Return the change as a dict of its fields."""
        return {
            "status": self.status,
            "date": self.date,
            "reported": self.reported,
            "claim": self.claim,
            "document": self.document,
        }


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with every piece of evidence and its status history."""

    COLUMNS: ClassVar[tuple[str, ...]] = (*StoredEvent.COLUMNS, "evidence", "history")

    event: StoredEvent
    evidence: tuple[Evidence, ...]
    history: tuple[StatusChange, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the event's dict with ``evidence`` and ``history`` lists added."""
        return self.event.to_dict() | {
            "evidence": [item.to_dict() for item in self.evidence],
            "history": [item.to_dict() for item in self.history],
        }


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A state, platform, agreement, exercise, institution... with its names."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "kind", "name", "names", "states", "events")

    id: str
    kind: str
    name: str
    names: tuple[str, ...]
    states: tuple[str, ...]
    events: int

    def to_dict(self) -> dict[str, Any]:
        """Return the entity; ``events`` counts the events that name it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "names": list(self.names),
            "states": list(self.states),
            "events": self.events,
        }


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document or claim that matches a full-text query, best first."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "kind", "id", "event", "document", "title", "snippet", "score",
    )  # fmt: skip

    kind: str
    id: str
    event: str | None
    document: str
    title: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Return the hit; ``snippet`` marks the matched words with ``**``."""
        return {
            "kind": self.kind,
            "id": self.id,
            "event": self.event,
            "document": self.document,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }
