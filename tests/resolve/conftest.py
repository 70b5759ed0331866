"""Literal one-sentence reports and a helper that stores them, for the resolution tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.records import Event


@dataclass(frozen=True)
class Report:
    """One news sentence stating one event (its evidence is the whole sentence)."""

    text: str
    type: str
    status: str | None
    subject: str
    parties: tuple[str, ...]
    date: str | None
    published: str | None = None
    aliases: tuple[str, ...] = ()
    place: str | None = None
    quantity: int | None = None
    negated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def event(self) -> Event:
        """Return the event extraction would give for this sentence."""
        return Event(
            type=self.type, status=self.status, subject=self.subject,
            parties=tuple(sorted(self.parties)), date=self.date, evidence=self.text,
            span=(0, len(self.text)), aliases=self.aliases, place=self.place,
            quantity=self.quantity, negated=self.negated,
        )  # fmt: skip


def store_reports(store: Store, reports: Sequence[Report]) -> list[str]:
    """Store each report as a document of its own, in order; return the claim ids."""
    claim_ids = []
    for report in reports:
        doc = make_document(report.text, title=report.text[:40], published=report.published)
        store.add(doc, [report.event()])
        claim_ids.append(f"{doc.id[:16]}0000")
    return claim_ids


def store_document(store: Store, text: str, events: Sequence[Event], published: str) -> str:
    """Store one document with several events; return its id."""
    doc = make_document(text, title=text[:40], published=published)
    store.add(doc, list(events))
    return doc.id
