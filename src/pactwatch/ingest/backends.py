"""Where extraction runs: in this process, in local processes, or on a Dask cluster.

A backend takes tasks (a few documents each) and hands back, per document,
its events or a one-line reason. Tasks are submitted ahead and collected in
the order they went in, so workers stay busy while this process reads,
hashes and writes. A worker that dies (killed, out of memory, a crash in a
native library) costs no document: its task is sent again, and when it
fails again each of its documents is tried alone, so that one document that
kills its worker is rejected by itself.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

from pactwatch.records import Document, Event

Extractor = Callable[[Document], Sequence[Event]]
"""What ingest calls to find a document's events."""

Found = list[Event] | str
"""A document's events, or why extraction failed (one line)."""

WORKER_DIED = "extraction failed: the worker process died while extracting this document"


class WorkerLost(Exception):
    """The process (or Dask worker) running a task died before it answered."""


class Backend(Protocol):
    """Runs extraction tasks; ``in_flight`` tasks of ``task_size`` documents are kept going."""

    task_size: int
    in_flight: int

    def submit(self, docs: list[Document]) -> object:
        """Start extracting ``docs``; return a handle for :meth:`results`."""

    def results(self, pending: object) -> list[Found]:
        """Wait for ``pending``; return one result per document; raise WorkerLost."""

    def close(self) -> None:
        """Stop the workers (a no-op in process)."""


def extract_safely(extractor: Extractor, doc: Document) -> Found:
    """Return the events ``extractor`` finds in ``doc``, or why extraction failed (one line)."""
    try:
        return list(extractor(doc))
    except Exception as exc:  # extraction bugs must not stop the batch
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return f"extraction failed: {type(exc).__name__}{': ' + detail if detail else ''}"


def extract_chunk(extractor: Extractor, docs: list[Document]) -> list[Found]:
    """Return :func:`extract_safely` of each of ``docs`` (the task a worker runs)."""
    return [extract_safely(extractor, doc) for doc in docs]


class InProcess:
    """Extraction in the calling thread, one task at a time (``--workers 1``)."""

    in_flight = 0

    def __init__(self, extractor: Extractor, task_size: int = 50) -> None:
        self.extractor = extractor
        self.task_size = task_size

    def submit(self, docs: list[Document]) -> object:
        """Extract ``docs`` now."""
        return extract_chunk(self.extractor, docs)

    def results(self, pending: object) -> list[Found]:
        """Return what :meth:`submit` found."""
        assert isinstance(pending, list)
        return pending

    def close(self) -> None:
        """Nothing to stop."""


@dataclass(frozen=True, slots=True)
class _Sent:
    """A task sent to ``pool``."""

    pool: ProcessPoolExecutor
    future: Future[list[Found]]


class LocalProcesses:
    """Extraction in ``workers`` spawned processes; a broken pool is replaced."""

    def __init__(self, extractor: Extractor, workers: int, task_size: int = 8) -> None:
        self.extractor = extractor
        self.workers = workers
        self.task_size = task_size
        self.in_flight = workers * 3
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the writer thread may hold a lock at fork time
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context)

    def submit(self, docs: list[Document]) -> object:
        """Send ``docs`` to the pool (to a new pool if this one broke)."""
        try:
            return _Sent(self.pool, self.pool.submit(extract_chunk, self.extractor, docs))
        except BrokenProcessPool:
            self._restart(self.pool)
            return _Sent(self.pool, self.pool.submit(extract_chunk, self.extractor, docs))

    def results(self, pending: object) -> list[Found]:
        """Wait for the task; raise WorkerLost (and start a new pool) if its process died."""
        assert isinstance(pending, _Sent)
        try:
            found = pending.future.result()
        except BrokenProcessPool as exc:
            self._restart(pending.pool)
            raise WorkerLost(str(exc)) from exc
        return found

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if broken is self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()

    def close(self) -> None:
        """Stop the processes."""
        self.pool.shutdown(cancel_futures=True)


def collect(backend: Backend, docs: list[Document], pending: object) -> list[Found]:
    """Return the results of ``pending`` (extracting ``docs``), retrying if a worker died.

    The task is sent once more; if its worker dies again, each document is
    tried alone and the one that kills its worker is rejected with
    :data:`WORKER_DIED`.
    """
    try:
        return backend.results(pending)
    except WorkerLost:
        pass
    try:
        return backend.results(backend.submit(docs))
    except WorkerLost:
        if len(docs) == 1:
            return [WORKER_DIED]
    out: list[Found] = []
    for doc in docs:
        try:
            out.extend(backend.results(backend.submit([doc])))
        except WorkerLost:
            out.append(WORKER_DIED)
    return out


def open_backend(extractor: Extractor, *, workers: int, scheduler: str | None) -> Backend:
    """Return the backend for ``--workers``/``--scheduler``: Dask, local processes, or none."""
    if scheduler:
        from pactwatch.ingest.dask_run import DaskCluster

        return DaskCluster(extractor, scheduler, workers=workers)
    if workers > 1:
        return LocalProcesses(extractor, workers)
    return InProcess(extractor)
