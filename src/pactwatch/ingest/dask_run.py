"""Extraction on a Dask distributed cluster: ``pactwatch ingest … --scheduler``.

``--scheduler local`` starts a :class:`distributed.LocalCluster` of
``--workers`` processes (one thread each) on this machine;
``--scheduler tcp://host:port`` joins a running cluster (``dask scheduler``
and ``dask worker``, dask-kubernetes, dask-jobqueue), whose workers must
have pactwatch installed. This process stays the client: it reads and
hashes the documents, skips the known ones, sends tasks of a few texts,
collects the results in order and writes them. The pipeline and the data
files load once per worker process (module-level caches in
:mod:`pactwatch.extract`), on the first task.

A worker that dies is replaced by its nanny and the scheduler runs its
tasks again elsewhere; a task that keeps killing workers fails with
``KilledWorker``, which :func:`pactwatch.ingest.backends.collect` turns into
a retry of each of its documents alone.
"""

from __future__ import annotations

import logging
from typing import Any

from pactwatch.errors import PactwatchError
from pactwatch.ingest.backends import Extractor, Found, WorkerLost, extract_chunk
from pactwatch.records import Document

_QUIET = ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker")


class DaskCluster:
    """Extraction tasks on the Dask cluster at ``scheduler`` (or a new local one)."""

    def __init__(
        self, extractor: Extractor, scheduler: str, *, workers: int = 2, task_size: int = 8
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency, but say what to do
            raise PactwatchError("--scheduler needs Dask: pip install 'dask[distributed]'") from exc
        self.extractor = extractor
        self.task_size = task_size
        self.cluster: Any = None
        for name in _QUIET:  # a lost worker is handled here; its tracebacks are noise
            logging.getLogger(name).setLevel(logging.CRITICAL)
        if scheduler == "local":
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                protocol="tcp",
            )
            self.client: Any = Client(self.cluster)
        else:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise PactwatchError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}; "
                    "start one with `dask scheduler` or give --scheduler local"
                ) from exc
        threads = sum(self.client.nthreads().values()) or workers
        self.in_flight = max(2, threads * 3)
        """Tasks kept going: three per worker thread, so none waits for the next."""

    def submit(self, docs: list[Document]) -> object:
        """Send ``docs`` to a worker as one task."""
        return self.client.submit(extract_chunk, self.extractor, docs, pure=False)

    def results(self, pending: object) -> list[Found]:
        """Wait for the task; raise WorkerLost when workers kept dying on it."""
        from distributed import KilledWorker

        try:
            found: list[Found] = pending.result()  # type: ignore[attr-defined]
        except KilledWorker as exc:
            raise WorkerLost(str(exc)) from exc
        finally:
            pending.release()  # type: ignore[attr-defined]
        return found

    def close(self) -> None:
        """Leave the cluster (and stop it when this run started it)."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
