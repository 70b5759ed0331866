"""Ingest: read documents, extract their events, store them; one result per document.

A document whose text is already stored is reported as known before any
extraction runs. Documents are written in batches (each document still
all-or-nothing, see :mod:`pactwatch.store.write`); a document that cannot be
read, extracted or stored is rejected with a one-line reason and the run goes on.
"""

from __future__ import annotations

import glob
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from pactwatch.documents import map_span, strip_invisible
from pactwatch.errors import SourceError
from pactwatch.ingest.backends import Backend, collect, open_backend
from pactwatch.ingest.backends import Extractor as Extractor
from pactwatch.ingest.backends import extract_safely as extract_safely
from pactwatch.ingest.writer import BatchWriter, IngestResult
from pactwatch.records import Document, Event
from pactwatch.sources import DEFAULT_MAX_SIZE, DEFAULT_TIME_LIMIT, Item, Rejection, read
from pactwatch.store.schema import documents


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
    scheduler: str | None = None,
) -> Iterator[IngestResult]:
    """Store each document of ``items`` with its events; yield a result per item, in order.

    ``items`` is read lazily: at most a few tasks of documents are held at a
    time, and reading waits while the writer is behind (back-pressure), so
    memory does not grow with the corpus. With ``workers`` above 1,
    extraction runs in that many local processes; with ``scheduler``
    (``"local"`` or ``"tcp://host:port"``) on a Dask cluster (see
    :mod:`pactwatch.ingest.dask_run`). ``extractor`` must then pickle, as
    :class:`DefaultExtractor` does. This process reads, hashes, skips known
    documents before any work is sent, and is the one writer; the results are
    the same as with one worker.
    """
    writer = BatchWriter(engine, batch_size)
    backend = open_backend(extractor, workers=workers, scheduler=scheduler)
    window: deque[_Task] = deque()
    sent: set[str] = set()
    try:
        for chunk in _chunks(items, backend.task_size):
            window.append(_send(engine, writer, backend, chunk, sent))
            while len(window) > backend.in_flight:
                yield from _receive(writer, backend, window.popleft(), sent)
        while window:
            yield from _receive(writer, backend, window.popleft(), sent)
        yield from writer.finish()
    finally:
        writer.close()
        backend.close()


@dataclass(slots=True)
class _Task:
    """A chunk of items in input order, the new documents of it, and their pending extraction."""

    chunk: list[Item]
    todo: list[Document]
    pending: object


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _send(
    engine: Engine, writer: BatchWriter, backend: Backend, chunk: list[Item], sent: set[str]
) -> _Task:
    """Send the documents of ``chunk`` that are neither stored, queued nor sent already."""
    docs = [i for i in chunk if isinstance(i, Document) and i.id not in sent]
    unseen = [doc for doc in docs if not writer.pending(doc.id)]
    known = known_ids(engine, [doc.id for doc in unseen])
    todo: list[Document] = []
    for doc in unseen:
        if doc.id not in known and doc.id not in sent:
            sent.add(doc.id)
            todo.append(doc)
    return _Task(chunk, todo, backend.submit(todo) if todo else None)


def _receive(
    writer: BatchWriter, backend: Backend, task: _Task, sent: set[str]
) -> Iterator[IngestResult]:
    """Queue every item of ``task`` for the writer in input order; yield what is reported."""
    found = collect(backend, task.todo, task.pending) if task.todo else []
    extracted = dict(zip((doc.id for doc in task.todo), found, strict=True))
    for item in task.chunk:
        if isinstance(item, Rejection):
            yield from writer.done(IngestResult(item.source, "rejected", reason=item.reason))
            continue
        origin = str(item.meta.get("origin", item.id[:12]))
        events = extracted.pop(item.id, None)
        if events is None:
            yield from writer.done(IngestResult(origin, "known", doc_id=item.id))
            continue
        sent.discard(item.id)
        if isinstance(events, str):
            yield from writer.done(IngestResult(origin, "rejected", doc_id=item.id, reason=events))
        else:
            yield from writer.add(item, events, origin)


def known_ids(engine: Engine, ids: Sequence[str]) -> set[str]:
    """Return those of ``ids`` that the store already holds (one query per 500 ids)."""
    found: set[str] = set()
    if not ids:
        return found
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            found.update(conn.scalars(sa.select(documents.c.id).where(documents.c.id.in_(chunk))))
    return found
