"""Typed results for documents: a listed document, a claim's span, a document in full."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A stored document without its text: where it came from and how many claims it makes."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "seq", "id", "title", "url", "source", "published", "chars", "claims",
    )  # fmt: skip

    seq: int
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    chars: int
    claims: int

    def to_dict(self) -> dict[str, Any]:
        """Return the document's fields; ``chars`` is the length of its text."""
        return {name: getattr(self, name) for name in self.COLUMNS}


@dataclass(frozen=True, slots=True)
class SpanRecord:
    """One claim's evidence span in its document's text (offsets into the text)."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "claim", "event", "type", "status", "subject", "date", "start", "end", "trigger",
    )  # fmt: skip

    claim: str
    event: str | None
    type: str
    status: str | None
    subject: str
    date: str | None
    start: int
    end: int
    trigger: tuple[int, int] | None

    def to_dict(self) -> dict[str, Any]:
        """Return the span; ``trigger`` is [start, end] of the words that state it, or None."""
        out = {name: getattr(self, name) for name in self.COLUMNS}
        out["trigger"] = list(self.trigger) if self.trigger else None
        return out


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with its text and the span of every claim it makes, in text order."""

    COLUMNS: ClassVar[tuple[str, ...]] = (*DocumentRecord.COLUMNS, "text", "spans")

    document: DocumentRecord
    text: str
    spans: tuple[SpanRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the document's dict with ``text`` and ``spans`` added."""
        return self.document.to_dict() | {
            "text": self.text,
            "spans": [span.to_dict() for span in self.spans],
        }
