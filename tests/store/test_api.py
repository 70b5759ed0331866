"""``pactwatch.open``: the store object the package exports."""

from __future__ import annotations

from pathlib import Path

import pytest

import pactwatch
from pactwatch.documents import make_document


def test_open_creates_the_store_and_closes_with_the_block(db_url: str) -> None:
    with pactwatch.open(db_url) as store:
        assert isinstance(store, pactwatch.Store)
        assert store.counts() == {"documents": 0, "claims": 0, "events": 0, "entities": 0}
        assert store.add(make_document("Talks resumed."), []).outcome == "stored"
    with pactwatch.open(db_url) as again:
        assert again.counts()["documents"] == 1


def test_a_bare_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pactwatch.open("team.db") as store:
        assert store.url == "team.db"
        assert repr(store) == "<pactwatch.Store team.db>"
    assert (tmp_path / "team.db").is_file()


def test_open_defaults_to_the_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACTWATCH_DB", str(tmp_path / "env.db"))
    with pactwatch.open() as store:
        assert store.url == str(tmp_path / "env.db")


def test_an_empty_result_still_makes_a_dataframe(db_url: str) -> None:
    with pactwatch.open(db_url) as store:
        frame = store.events().to_pandas()
    assert len(frame) == 0
    assert list(frame.columns) == list(pactwatch.StoredEvent.COLUMNS)


def test_ingest_reads_paths_and_reports_each_document(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("France and India held the Varuna exercise off Goa in 2023.")
    (tmp_path / "b.jsonl").write_text('{"text": "Talks resumed."}\n{"oops"\n')
    with pactwatch.open(db_url) as store:
        results = list(store.ingest([tmp_path], published="2023-05-01"))
        assert [(r.source, r.status) for r in results] == [
            (str(tmp_path / "a.txt"), "ingested"),
            (f"{tmp_path / 'b.jsonl'}:1", "ingested"),
            (f"{tmp_path / 'b.jsonl'}:2", "rejected"),
        ]
        assert store.counts()["documents"] == 2
        with pytest.raises(pactwatch.SourceError, match="does not exist"):
            list(store.ingest([tmp_path / "missing"]))
