"""Crash-safe and resumable: kill -9 mid-batch, run again, get what one run gives; --workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

CITIES = ["Delhi", "Paris", "Tokyo", "Seoul", "Warsaw", "Athens", "Manila", "Hanoi", "Perth"]
PAIRS = [
    ("India", "France"),
    ("Japan", "Australia"),
    ("Poland", "South Korea"),
    ("Greece", "France"),
    ("the Philippines", "Japan"),
    ("Vietnam", "the United States"),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        first, second = PAIRS[n % len(PAIRS)]
        city, month, year = CITIES[n % len(CITIES)], MONTHS[n % len(MONTHS)], 2000 + n % 25
        text = (
            f"{first} and {second} held defence talks in {city} on {n % 27 + 1} {month} {year}.\n\n"
            f"The ministers of {first} and {second} signed a memorandum on logistics "
            f"cooperation, officials said in report number {n}."
        )
        if n % 3:
            (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
        else:
            line = json.dumps({"text": text, "published": f"{year}-12-31", "title": f"No. {n}"})
            (folder / f"{n:03d}.jsonl").write_text(line + "\n", encoding="utf-8")


def _command(folder: Path, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pactwatch", "ingest", str(folder), "--db", db, *extra]


def _snapshot(db: str) -> dict[str, list[tuple[object, ...]]]:
    url = db if "://" in db else f"sqlite:///{db}"
    engine = sa.create_engine(url)
    queries = {
        "documents": "SELECT id, url, title, source, published, origin, text FROM documents",
        "claims": "SELECT id, document_id, ordinal, event_id, type, status, subject, date, "
        "evidence, span_start, span_end, trigger_start, trigger_end FROM claims",
        "events": "SELECT id, type, status, subject, date, claim_count FROM events",
    }
    try:
        with engine.connect() as conn:
            return {
                name: sorted(tuple(row) for row in conn.execute(sa.text(query)))
                for name, query in queries.items()
            }
    finally:
        engine.dispose()


def _count(db: str) -> int:
    url = db if "://" in db else f"sqlite:///{db}"
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM documents")).scalar() or 0)
    except sa.exc.DBAPIError:
        return 0  # not created yet
    finally:
        engine.dispose()


@pytest.mark.slow
def test_kill_9_mid_batch_then_rerun_equals_one_uninterrupted_run(
    tmp_path: Path, db_url: str
) -> None:
    corpus, total = tmp_path / "corpus", 90
    _write_corpus(corpus, total)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    whole = subprocess.run(_command(corpus, reference), capture_output=True, text=True)
    assert whole.returncode == 0, whole.stderr
    stored_at_kill = 0
    with subprocess.Popen(
        _command(corpus, db_url, "--batch-size", "3"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as killed:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and killed.poll() is None:
            stored_at_kill = _count(db_url)
            if stored_at_kill >= 6:
                os.kill(killed.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
        killed.wait(timeout=60)
    assert killed.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < _count(db_url) < total
    again = subprocess.run(_command(corpus, db_url), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{total - _known(again.stdout)} ingested" in again.stdout.splitlines()[-1]
    assert _snapshot(db_url) == _snapshot(reference)
    third = subprocess.run(_command(corpus, db_url, "--quiet"), capture_output=True, text=True)
    assert third.stdout.startswith(f"0 ingested (0 events), {total} already known, 0 rejected")


def _known(output: str) -> int:
    return sum(1 for line in output.splitlines() if line.startswith("known "))


@pytest.mark.slow
def test_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 24)
    (corpus / "024.txt").write_text((corpus / "001.txt").read_text())  # a repeat: known
    (corpus / "025.jsonl").write_text("{broken\n")
    outputs = []
    for workers in ("1", "2"):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        done = subprocess.run(
            _command(corpus, db, "--workers", workers, "--batch-size", "5"),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1, done.stderr
        outputs.append((done.stdout.splitlines()[:-1], _snapshot(db)))
    assert outputs[0] == outputs[1]
    assert any(line.startswith("known ") for line in outputs[0][0])
