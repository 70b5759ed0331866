"""The records every stage of pactwatch passes along: documents and events.

These are the contract between extraction, the store, resolution and the
ways out. They are frozen dataclasses: extraction builds them, nothing edits
them in place (a correction is a new record plus a row in the corrections
table).

The fields of :class:`Event` are exactly those of a gold event in
``shared/gold/SCHEMA.md`` (``from`` is spelt ``from_`` in Python), plus the
evidence span, a confidence and the hedged/negated flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

EVENT_STATUSES: Final[dict[str, tuple[str, ...]]] = {
    "agreement": ("proposed", "negotiating", "signed", "in_force", "extended", "ended"),
    "designation": ("granted", "revoked"),
    "meeting": ("held", "planned"),
    "visit": ("held", "planned"),
    "exercise": ("held", "planned"),
    "port_call": ("held", "planned"),
    "procurement": (
        "negotiating",
        "agreed",
        "ordered",
        "delivering",
        "delivered",
        "in_service",
    ),
    "coproduction": ("negotiating", "agreed", "underway"),
    "institution": ("established", "dissolved"),
    "trade_measure": ("imposed", "lifted"),
}
"""Each event type with the statuses it may take, in the order of SCHEMA.md."""

EVENT_TYPES: Final[tuple[str, ...]] = tuple(EVENT_STATUSES)

DIRECTED_TYPES: Final[frozenset[str]] = frozenset(
    {"procurement", "coproduction", "designation", "visit", "port_call", "trade_measure"}
)
"""Types whose ``from_``/``to`` are meaningful (supplier → recipient and so on)."""


@dataclass(frozen=True, slots=True)
class Event:
    """One defence-relations event that a text states.

    ``span`` is ``(start, end)`` into the text given to extraction, and
    ``text[start:end] == evidence`` always holds. ``parties`` is a sorted
    tuple of ISO 3166-1 alpha-2 codes; ``date`` is an EDTF string or None.
    """

    type: str
    status: str | None
    subject: str
    parties: tuple[str, ...]
    date: str | None
    evidence: str
    span: tuple[int, int]
    aliases: tuple[str, ...] = ()
    from_: str | None = None
    to: str | None = None
    place: str | None = None
    quantity: int | None = None
    confidence: float = 1.0
    hedged: bool = False
    negated: bool = False
    trigger: tuple[int, int] | None = None
    """Offsets of the word(s) that signalled the event, for highlighting."""

    def __post_init__(self) -> None:
        if self.type not in EVENT_STATUSES:
            raise ValueError(f"unknown event type {self.type!r}")
        if self.status is not None and self.status not in EVENT_STATUSES[self.type]:
            raise ValueError(f"status {self.status!r} is not one of {self.type}'s")

    def to_gold(self) -> dict[str, Any]:
        """Return the event as a gold-format dict (SCHEMA.md) plus span, confidence, flags."""
        out: dict[str, Any] = {
            "type": self.type,
            "status": self.status,
            "subject": self.subject,
            "aliases": list(self.aliases),
            "parties": list(self.parties),
            "date": self.date,
        }
        if self.from_ is not None:
            out["from"] = self.from_
        if self.to is not None:
            out["to"] = self.to
        if self.place is not None:
            out["place"] = self.place
        if self.quantity is not None:
            out["quantity"] = self.quantity
        out["evidence"] = self.evidence
        out["span"] = list(self.span)
        out["confidence"] = round(self.confidence, 3)
        out["hedged"] = self.hedged
        out["negated"] = self.negated
        return out

    @classmethod
    def from_gold(cls, row: dict[str, Any], *, span: tuple[int, int] = (0, 0)) -> Event:
        """Build an event from a gold-format dict (as in SCHEMA.md); return it."""
        given_span = row.get("span")
        return cls(
            type=row["type"],
            status=row.get("status"),
            subject=row["subject"],
            parties=tuple(sorted(row.get("parties") or ())),
            date=row.get("date"),
            evidence=row.get("evidence", ""),
            span=(int(given_span[0]), int(given_span[1])) if given_span else span,
            aliases=tuple(row.get("aliases") or ()),
            from_=row.get("from"),
            to=row.get("to"),
            place=row.get("place"),
            quantity=row.get("quantity"),
            confidence=float(row.get("confidence", 1.0)),
            hedged=bool(row.get("hedged", False)),
            negated=bool(row.get("negated", False)),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A text to extract from, with what is known about where it came from.

    ``id`` is the SHA-256 hex digest of the normalised text (see
    :func:`pactwatch.documents.document_id`); ``published`` is EDTF or None.
    """

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
