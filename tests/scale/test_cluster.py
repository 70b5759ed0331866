"""Extraction on a real Dask LocalCluster and in local processes stores what one process stores.

Same documents, claims and events, with the same ids in the same order; a
worker killed mid-run costs nothing; a document that kills its worker is
rejected alone.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pactwatch.api import open as open_store
from pactwatch.documents import make_document
from pactwatch.ingest.backends import WORKER_DIED
from pactwatch.ingest.run import default_extractor, ingest
from pactwatch.ingest.writer import IngestResult
from pactwatch.sources import Item

pytestmark = pytest.mark.slow

PAIRS = [
    ("India", "France"),
    ("Japan", "Australia"),
    ("Poland", "South Korea"),
    ("Greece", "France"),
    ("the Philippines", "Japan"),
    ("Vietnam", "the United States"),
]
CITIES = ["Delhi", "Paris", "Tokyo", "Seoul", "Warsaw", "Athens", "Manila", "Hanoi"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
QUERIES = {
    "documents": "SELECT id, title, published, origin, text FROM documents ORDER BY seq",
    "claims": "SELECT id, document_id, ordinal, event_id, type, status, subject, date, evidence, "
    "span_start, span_end FROM claims ORDER BY id",
    "events": "SELECT id, type, status, subject, date, claim_count FROM events ORDER BY id",
    "claim order": "SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id "
    "ORDER BY d.seq, c.ordinal",
}


def _texts(count: int) -> list[str]:
    out = []
    for n in range(count):
        first, second = PAIRS[n % len(PAIRS)]
        city, month, year = CITIES[n % len(CITIES)], MONTHS[n % len(MONTHS)], 2000 + n % 25
        out.append(
            f"{first} and {second} held a joint naval exercise off {city} in {month} {year}.\n\n"
            f"{first} signed a contract with {second} for {n % 90 + 10} K9 howitzers "
            f"on {n % 27 + 1} {month} {year}, officials said in dispatch number {n}."
        )
    return out


def _items(texts: list[str]) -> list[Item]:
    items: list[Item] = []
    for n, text in enumerate(texts):
        doc = make_document(text, title=f"Dispatch {n}", published="2024-12-31")
        doc.meta["origin"] = f"dispatch-{n}"
        items.append(doc)
    return items


def _store(url: str, items: list[Item], **options: object) -> tuple[list[IngestResult], dict]:
    with open_store(url) as store:
        results = list(
            ingest(store.engine, items, extractor=default_extractor(), batch_size=20, **options)  # type: ignore[arg-type]
        )
    return results, _snapshot(url)


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: [tuple(r) for r in conn.execute(sa.text(q))] for name, q in QUERIES.items()
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[IngestResult], dict]:
    """One process, no cluster: what every other way of running must store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'one.db'}"
    return _store(url, _items(_texts(240) + _texts(3)))  # three repeats: known


@pytest.mark.parametrize(
    "options", [{"scheduler": "local", "workers": 2}, {"workers": 2}], ids=["dask", "processes"]
)
def test_a_cluster_stores_what_one_process_stores(
    db_url: str, reference: tuple[list[IngestResult], dict], options: dict[str, object]
) -> None:
    results, snapshot = _store(db_url, _items(_texts(240) + _texts(3)), **options)
    assert results == reference[0]
    assert [r.status for r in results[-3:]] == ["known"] * 3
    assert snapshot == reference[1]
    assert len(snapshot["documents"]) == 240 and len(snapshot["claims"]) > 240


@pytest.fixture
def cluster() -> Iterator[tuple[str, list[int]]]:
    """A 2-process LocalCluster of our own: its address and its workers' process ids."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        Client(local) as client,
    ):
        pids = list(client.run(os.getpid).values())
        yield local.scheduler_address, pids


def test_a_worker_killed_mid_run_costs_nothing(
    tmp_path: Path, reference: tuple[list[IngestResult], dict], cluster: tuple[str, list[int]]
) -> None:
    address, pids = cluster
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    results: list[IngestResult] = []
    with open_store(url) as store:
        run = ingest(
            store.engine,
            _items(_texts(240) + _texts(3)),
            extractor=default_extractor(),
            batch_size=20,
            scheduler=address,
        )
        for result in run:
            results.append(result)
            if len(results) == 40:
                os.kill(pids[0], signal.SIGKILL)
    assert results == reference[0]
    assert _snapshot(url) == reference[1]


@pytest.mark.parametrize(
    "options", [{"scheduler": "local", "workers": 2}, {"workers": 2}], ids=["dask", "processes"]
)
def test_a_document_that_kills_its_worker_is_rejected_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, object]
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent))  # workers import `crashing`
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(Path(__file__).parent), *sys.path]))
    import dask
    from crashing import CrashOn  # type: ignore[import-not-found]

    texts = _texts(40)
    texts[17] += " POISON"
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), open_store(url) as store:
        results = list(
            ingest(store.engine, _items(texts), extractor=CrashOn("POISON"), **options)  # type: ignore[arg-type]
        )
    assert [r.status for r in results] == ["ingested"] * 17 + ["rejected"] + ["ingested"] * 22
    assert results[17].reason == WORKER_DIED
    assert len(_snapshot(url)["documents"]) == 39


def test_a_killed_dask_run_resumes_without_duplicates(
    tmp_path: Path, reference: tuple[list[IngestResult], dict]
) -> None:
    texts = _texts(240) + _texts(3)
    feed = tmp_path / "feed.jsonl"
    lines = (
        json.dumps({"text": t, "title": f"Dispatch {n % 240}", "published": "2024-12-31"})
        for n, t in enumerate(texts)
    )
    feed.write_text("\n".join(lines) + "\n")
    url = f"sqlite:///{tmp_path / 'resumed.db'}"
    command = [sys.executable, "-m", "pactwatch", "ingest", str(feed), "--db", url, "-q"]
    command += ["--scheduler", "local", "--workers", "2", "--batch-size", "5"]
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    ) as killed:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and killed.poll() is None:
            if _stored(url) >= 20:
                os.killpg(killed.pid, signal.SIGKILL)  # the client and its cluster
                break
            time.sleep(0.05)
        killed.wait(timeout=60)
    assert killed.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < _stored(url) < 240
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert re.match(r"\d+ ingested \(\d+ events\), \d+ already known, 0 rejected", again.stdout)
    snapshot = _snapshot(url)
    expected = reference[1]
    without_origin = [sorted(r[:3] + r[4:] for r in s["documents"]) for s in (snapshot, expected)]
    assert without_origin[0] == without_origin[1]  # the origin names the feed line here
    assert {k: sorted(v) for k, v in snapshot.items() if k in ("claims", "events")} == {
        k: sorted(v) for k, v in expected.items() if k in ("claims", "events")
    }


def _stored(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM documents")).scalar() or 0)
    except sa.exc.DBAPIError:
        return 0  # not created yet
    finally:
        engine.dispose()
