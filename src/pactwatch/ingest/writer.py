"""The write side of ingest: batches written on a thread of their own, results in input order.

Extraction is CPU work in the calling thread; writing a batch is mostly
database work, during which the drivers release the GIL. So while one batch
is written, the next is extracted: at most two batches wait for the writer
(so a slow commit does not stall extraction), and ingest runs at the speed of
extraction. Results come back in the order the items
went in, whichever finished first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.engine import Engine

from pactwatch.records import Document, Event
from pactwatch.store.write import Extracted, WriteResult, write_batch

Status = Literal["ingested", "known", "rejected"]
_IN_FLIGHT = 2


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one document (or one unreadable file or line)."""

    source: str
    status: Status
    doc_id: str | None = None
    events: int = 0
    reason: str | None = None


class BatchWriter:
    """Documents waiting to be written, the batch being written, and results held back."""

    def __init__(self, engine: Engine, batch_size: int) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.batch: list[Extracted] = []
        self.origins: dict[str, str] = {}
        self.queue: deque[IngestResult | str] = deque()
        self.written: dict[str, IngestResult] = {}
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pactwatch-writer")
        self.in_flight: deque[Future[list[WriteResult]]] = deque()

    def pending(self, doc_id: str) -> bool:
        """Return True when ``doc_id`` is waiting or being written."""
        return doc_id in self.origins

    def done(self, result: IngestResult) -> list[IngestResult]:
        """Queue a result known without writing; return what can be reported now."""
        self.queue.append(result)
        return self._ready()

    def add(self, doc: Document, events: Sequence[Event], origin: str) -> list[IngestResult]:
        """Queue ``doc`` for writing; return what can be reported now."""
        self.origins[doc.id] = origin
        self.batch.append((doc, events))
        self.queue.append(doc.id)
        if len(self.batch) >= self.batch_size:
            self._collect(keep=_IN_FLIGHT - 1)
            self.in_flight.append(self.pool.submit(write_batch, self.engine, self.batch))
            self.batch = []
        return self._ready()

    def finish(self) -> list[IngestResult]:
        """Write what is left, wait for it, and return every result not yet reported."""
        self._collect()
        if self.batch:
            self._record(write_batch(self.engine, self.batch))
            self.batch = []
        self.pool.shutdown()
        return self._ready()

    def close(self) -> None:
        """Stop the writer thread, waiting for a batch in flight."""
        self.pool.shutdown(wait=True)

    def _collect(self, keep: int = 0) -> None:
        """Wait until at most ``keep`` batches are being written; record the others' results."""
        while len(self.in_flight) > keep:
            self._record(self.in_flight.popleft().result())

    def _record(self, results: list[WriteResult]) -> None:
        for written in results:
            origin = self.origins.pop(written.doc_id)
            self.written[written.doc_id] = _outcome(origin, written)

    def _ready(self) -> list[IngestResult]:
        out: list[IngestResult] = []
        while self.queue:
            head = self.queue[0]
            if isinstance(head, str):
                if head not in self.written:
                    break
                head = self.written.pop(head)
            out.append(head)
            self.queue.popleft()
        return out


def _outcome(origin: str, written: WriteResult) -> IngestResult:
    if written.outcome == "stored":
        return IngestResult(origin, "ingested", doc_id=written.doc_id, events=written.claims)
    if written.outcome == "known":
        return IngestResult(origin, "known", doc_id=written.doc_id)
    return IngestResult(origin, "rejected", doc_id=written.doc_id, reason=written.error)
