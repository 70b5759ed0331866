"""Ingest: read documents, extract their events, store them; one result per document.

A document whose text is already stored is reported as known before any
extraction runs. Documents are written in batches (each document still
all-or-nothing, see :mod:`pactwatch.store.write`); a document that cannot be
read, extracted or stored is rejected with a one-line reason and the run goes on.
"""

from __future__ import annotations

import glob
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from pactwatch.documents import map_span, strip_invisible
from pactwatch.errors import SourceError
from pactwatch.ingest.writer import BatchWriter, IngestResult
from pactwatch.records import Document, Event
from pactwatch.sources import DEFAULT_MAX_SIZE, DEFAULT_TIME_LIMIT, Item, Rejection, read
from pactwatch.store.schema import documents

Extractor = Callable[[Document], Sequence[Event]]
"""What ingest calls to find a document's events."""


@dataclass(slots=True)
class IngestSummary:
    """Counts over an ingest run; ``exit_code`` is 1 when anything was rejected."""

    ingested: int = 0
    known: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    """Wall-clock time of the run, when the caller timed it."""

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
        line = (
            f"{self.ingested} ingested ({self.events} events), "
            f"{self.known} already known, {self.rejected} rejected"
        )
        if self.seconds > 0:
            total = self.ingested + self.known + self.rejected
            line += f" in {self.seconds:.1f} s ({total / self.seconds:.1f} docs/s)"
        return line


@dataclass(frozen=True)
class DefaultExtractor:
    """Runs :func:`pactwatch.extract.api.extract` on a document without its invisible characters.

    Zero-width and bidi-control characters are taken out before matching and
    every span is mapped back, so evidence points at the stored text. It can
    be pickled, so ``--workers`` can send it to other processes.
    """

    data_dirs: tuple[Path, ...] = field(default=())

    def __call__(self, doc: Document) -> Sequence[Event]:
        """Return the events stated in ``doc``, spans into ``doc.text``."""
        from pactwatch.extract.api import extract

        text, offsets = strip_invisible(doc.text)
        events = extract(text, published=doc.published, data_dirs=self.data_dirs)
        if offsets is None:
            return events
        return [_mapped(event, doc.text, offsets) for event in events]


def default_extractor(*, data_dirs: Sequence[Path] = ()) -> Extractor:
    """Return the :class:`DefaultExtractor` for ``data_dirs``."""
    return DefaultExtractor(tuple(data_dirs))


def _mapped(event: Event, text: str, offsets: list[int]) -> Event:
    start, end = map_span(event.span, offsets)
    trigger = map_span(event.trigger, offsets) if event.trigger else None
    return replace(event, span=(start, end), evidence=text[start:end], trigger=trigger)


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


def read_all(
    paths: Iterable[Path],
    *,
    published: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Item]:
    """Yield the documents of every path; ``published`` fills in a missing date."""
    for path in paths:
        for item in read(path, max_size=max_size, time_limit=time_limit):
            if published and isinstance(item, Document) and item.published is None:
                item = replace(item, published=published)
            yield item


def ingest(
    engine: Engine,
    items: Iterable[Item],
    *,
    extractor: Extractor,
    batch_size: int = 50,
    workers: int = 1,
) -> Iterator[IngestResult]:
    """Store each document of ``items`` with its events; yield a result per item, in order.

    Batches are written on a thread of their own while the next is extracted
    (see :mod:`pactwatch.ingest.writer`). With ``workers`` above 1, extraction
    runs in that many processes (``extractor`` must then pickle, as
    :class:`DefaultExtractor` does) and this process stays the one writer;
    the results are the same as with one worker.
    """
    writer = BatchWriter(engine, batch_size)
    pool = _pool(workers)
    try:
        for chunk in _chunks(items, 1 if pool is None else workers * _PER_WORKER):
            yield from _run_chunk(engine, writer, chunk, extractor, pool)
        yield from writer.finish()
    finally:
        writer.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)


_PER_WORKER = 4
"""Documents sent to each worker at a time: enough to keep it busy, few enough to resume fast."""


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers <= 1:
        return None
    # spawn, not fork: the writer thread may hold a lock at fork time
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_chunk(
    engine: Engine,
    writer: BatchWriter,
    chunk: list[Item],
    extractor: Extractor,
    pool: ProcessPoolExecutor | None,
) -> Iterator[IngestResult]:
    """Extract the new documents of ``chunk`` (in ``pool`` if any); queue all in input order."""
    seen: set[str] = set()
    todo: list[Document] = []
    for item in chunk:
        if isinstance(item, Document) and item.id not in seen:
            seen.add(item.id)
            if not writer.pending(item.id) and not _is_known(engine, item.id):
                todo.append(item)
    if pool is None:
        found = [extract_safely(extractor, doc) for doc in todo]
    else:
        found = list(pool.map(extract_safely, [extractor] * len(todo), todo))
    extracted = {doc.id: events for doc, events in zip(todo, found, strict=True)}
    for item in chunk:
        if isinstance(item, Rejection):
            yield from writer.done(IngestResult(item.source, "rejected", reason=item.reason))
            continue
        origin = str(item.meta.get("origin", item.id[:12]))
        events = extracted.pop(item.id, None)
        if events is None:
            yield from writer.done(IngestResult(origin, "known", doc_id=item.id))
        elif isinstance(events, str):
            yield from writer.done(IngestResult(origin, "rejected", doc_id=item.id, reason=events))
        else:
            yield from writer.add(item, events, origin)


def extract_safely(extractor: Extractor, doc: Document) -> list[Event] | str:
    """Return the events ``extractor`` finds in ``doc``, or why extraction failed (one line)."""
    try:
        return list(extractor(doc))
    except Exception as exc:  # extraction bugs must not stop the batch
        return _failed(exc)


def _is_known(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(sa.select(documents.c.seq).where(documents.c.id == doc_id))
        return found.first() is not None


def _failed(exc: Exception) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"extraction failed: {type(exc).__name__}{': ' + detail if detail else ''}"
