"""Ingest: read documents, extract their events, store them; one result per document.

A document whose text is already stored is reported as known before any
extraction runs. Documents are written in batches (each document still
all-or-nothing, see :mod:`pactwatch.store.write`); a document that cannot be
read, extracted or stored is rejected with a one-line reason and the run goes on.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from pactwatch.errors import SourceError
from pactwatch.ingest.readers import Item, Rejection, read
from pactwatch.records import Document, Event
from pactwatch.store.schema import documents
from pactwatch.store.write import Extracted, WriteResult, write_batch

Extractor = Callable[[Document], Sequence[Event]]
"""What ingest calls to find a document's events."""

Status = Literal["ingested", "known", "rejected"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one document (or one unreadable file or line)."""

    source: str
    status: Status
    doc_id: str | None = None
    events: int = 0
    reason: str | None = None


@dataclass(slots=True)
class IngestSummary:
    """Counts over an ingest run; ``exit_code`` is 1 when anything was rejected."""

    ingested: int = 0
    known: int = 0
    rejected: int = 0
    events: int = 0

    def add(self, result: IngestResult) -> None:
        """Count ``result``."""
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.events += result.events

    @property
    def exit_code(self) -> int:
        """Return 0 when every document was ingested or known, else 1."""
        return 1 if self.rejected else 0

    def line(self) -> str:
        """Return the summary as one line of text."""
        return (
            f"{self.ingested} ingested ({self.events} events), "
            f"{self.known} already known, {self.rejected} rejected"
        )


def default_extractor(*, data_dirs: Sequence[Path] = ()) -> Extractor:
    """Return an extractor that runs :func:`pactwatch.extract.api.extract` on a document."""
    from pactwatch.extract.api import extract

    def run(doc: Document) -> Sequence[Event]:
        return extract(doc.text, published=doc.published, data_dirs=data_dirs)

    return run


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Return ``paths`` with quoted globs expanded; raise SourceError for one that is missing."""
    out: list[Path] = []
    for text in paths:
        path = Path(text).expanduser()
        if path.exists():
            out.append(path)
        elif glob.has_magic(text) and (matches := sorted(glob.glob(text, recursive=True))):
            out.extend(Path(m) for m in matches)
        else:
            raise SourceError(f"{text} does not exist; give a file, folder or glob", source=text)
    return out


def read_all(paths: Iterable[Path], *, published: str | None = None) -> Iterator[Item]:
    """Yield the documents of every path; ``published`` fills in a missing date."""
    for path in paths:
        for item in read(path):
            if published and isinstance(item, Document) and item.published is None:
                item = replace(item, published=published)
            yield item


def ingest(
    engine: Engine,
    items: Iterable[Item],
    *,
    extractor: Extractor,
    batch_size: int = 20,
) -> Iterator[IngestResult]:
    """Store each document of ``items`` with its events; yield a result per item, in order."""
    run = _Run(engine, batch_size)
    for item in items:
        if isinstance(item, Rejection):
            yield from run.done(IngestResult(item.source, "rejected", reason=item.reason))
            continue
        origin = str(item.meta.get("origin", item.id[:12]))
        if item.id in run.origins or _is_known(engine, item.id):
            yield from run.done(IngestResult(origin, "known", doc_id=item.id))
            continue
        try:
            events = list(extractor(item))
        except Exception as exc:  # extraction bugs must not stop the batch
            yield from run.done(
                IngestResult(origin, "rejected", doc_id=item.id, reason=_failed(exc))
            )
            continue
        yield from run.add(item, events, origin)
    yield from run.flush()


class _Run:
    """Documents waiting to be written, and results held back to keep input order."""

    def __init__(self, engine: Engine, batch_size: int) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.batch: list[Extracted] = []
        self.origins: dict[str, str] = {}
        self.queue: list[IngestResult | str] = []

    def done(self, result: IngestResult) -> list[IngestResult]:
        """Return ``result`` now, or hold it back while earlier documents wait."""
        if not self.batch:
            return [result]
        self.queue.append(result)
        return []

    def add(self, doc: Document, events: list[Event], origin: str) -> list[IngestResult]:
        """Queue ``doc``; return the batch's results when it is full."""
        self.origins[doc.id] = origin
        self.batch.append((doc, events))
        self.queue.append(doc.id)
        return self.flush() if len(self.batch) >= self.batch_size else []

    def flush(self) -> list[IngestResult]:
        """Write the waiting documents; return every held-back result in input order."""
        written = {r.doc_id: self._result(r) for r in write_batch(self.engine, self.batch)}
        out = [written[item] if isinstance(item, str) else item for item in self.queue]
        self.batch.clear()
        self.queue.clear()
        return out

    def _result(self, written: WriteResult) -> IngestResult:
        origin = self.origins.pop(written.doc_id)
        if written.outcome == "stored":
            return IngestResult(origin, "ingested", doc_id=written.doc_id, events=written.claims)
        if written.outcome == "known":
            return IngestResult(origin, "known", doc_id=written.doc_id)
        return IngestResult(origin, "rejected", doc_id=written.doc_id, reason=written.error)


def _is_known(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(sa.select(documents.c.seq).where(documents.c.id == doc_id))
        return found.first() is not None


def _failed(exc: Exception) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"extraction failed: {type(exc).__name__}{': ' + detail if detail else ''}"
