"""``pactwatch export`` as a process: files written whole, bad options one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from pactwatch.api import open as open_store


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pactwatch", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_writes_the_file_and_says_what_it_left_out(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    done = _run("--db", str(sample_db), "--to", "geojson", "-o", str(out))
    assert done.returncode == 0, done.stderr
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert f"exported {len(features)} events as geojson" in done.stderr
    assert "left out because" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]


def test_export_with_a_party_goes_to_stdout(sample_db: Path, tmp_path: Path) -> None:
    done = _run("--db", str(sample_db), "--to", "graphml", "--party", "jp")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "jp.graphml"
    path.write_text(done.stdout, encoding="utf-8")
    graph = nx.read_graphml(path)
    with open_store(sample_db) as store:
        events = store.events(party="JP", limit=None)
    assert set(graph) == {party for event in events for party in event.parties}
    assert sum(int(n) for _, n in graph.nodes(data="events")) == sum(
        len(set(event.parties)) for event in events
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--to", "xls"), "xls"),
        (("--to", "csv", "--since", "someday"), "someday"),
        (("--to", "csv", "--party", "USA"), "USA"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    sample_db: Path, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "out.csv"
    done = _run("--db", str(sample_db), *args, "-o", str(out))
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
