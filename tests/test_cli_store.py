"""The store commands end to end: ingest, events, timeline, show, entities, search, demo, db."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import typer
from typer.testing import CliRunner

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.cli import store_cmds
from pactwatch.documents import make_document
from pactwatch.query.results import EntityRecord, Evidence, SearchHit, StoredEvent
from pactwatch.records import Event
from pactwatch.store import migrate

ARTICLE = (
    "Vietnam welcomes a US carrier\n\n"
    "The aircraft carrier USS Ronald Reagan arrived in Da Nang on 25 June 2023 for a port call, "
    "officials in Hanoi said."
)
FEED = [
    {"text": "Australia and Japan signed the Reciprocal Access Agreement in Tokyo in 2022.",
     "published": "2022-01-07", "title": "RAA signed"},
    {"text": "Poland ordered 180 K2 tanks from South Korea in August 2022.",
     "published": "2022-08-27", "url": "https://news.example/k2"},
]  # fmt: skip


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """The store commands on an app of their own (main.py adds them to the real one)."""
    built = typer.Typer()
    store_cmds.register(built)
    return built


def _untimed(summary: str) -> str:
    """Return an ingest summary line without its time and rate."""
    return summary.rsplit(" in ", 1)[0]


def run(app: typer.Typer, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Return (exit code, stdout, stderr) of ``pactwatch ARGS``."""
    result = CliRunner().invoke(app, list(args), input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "reagan.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(row) for row in FEED) + "\n")
    return folder


def test_ingest_prints_a_line_per_document_and_a_summary(
    app: typer.Typer, corpus: Path, db_url: str
) -> None:
    code, out, err = run(app, "ingest", str(corpus), "--db", db_url)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["ingested"] * 3
    assert f"{corpus}/2023/reagan.txt (" in lines[0]
    assert f"{corpus}/feed.jsonl:2 (" in lines[2]
    assert lines[-1].startswith("3 ingested (") and _untimed(lines[-1]).endswith("0 rejected")
    assert re.search(r" in \d+\.\d s \(\d+\.\d docs/s\)$", lines[-1])
    with open_store(db_url) as store:
        claims = store.counts()["claims"]
    assert f"3 ingested ({claims} events)" in lines[-1]


def test_ingesting_again_is_all_known_and_exits_0(
    app: typer.Typer, corpus: Path, db_url: str
) -> None:
    run(app, "ingest", str(corpus), "--db", db_url)
    code, out, _ = run(app, "ingest", str(corpus / "feed.jsonl"), str(corpus), "--db", db_url)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[:-1]] == ["known"] * 5
    assert _untimed(out.splitlines()[-1]) == "0 ingested (0 events), 5 already known, 0 rejected"


def test_bad_lines_are_rejected_one_line_each_and_exit_1(app: typer.Typer, tmp_path: Path) -> None:
    feed = tmp_path / "mixed.jsonl"
    feed.write_text(
        json.dumps(FEED[0]) + "\n{oops\n" + json.dumps({"text": ""}) + "\n" + json.dumps(FEED[1])
    )
    db = tmp_path / "pw.db"
    code, out, _ = run(app, "ingest", str(feed), "--db", str(db))
    assert code == 1
    assert f"rejected  {feed}:2: not JSON: Expecting property name" in out
    assert f"rejected  {feed}:3: no text: `text` is missing, empty or not a string" in out
    assert _untimed(out.splitlines()[-1]).endswith("2 rejected")
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 2
    engine.dispose()


def test_stdin_is_read_with_a_dash(app: typer.Typer, tmp_path: Path) -> None:
    code, out, _ = run(app, "ingest", "-", "--db", str(tmp_path / "pw.db"), stdin=ARTICLE)
    assert code == 0 and out.startswith("ingested  - (")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "no/such/file.txt"], "no/such/file.txt does not exist"),
        (["ingest", "{corpus}", "--published", "someday"], "--published 'someday' is not an EDTF"),
        (["ingest", "{corpus}", "--db", "{tmp}/missing/dir/pw.db"], "folder"),
        (["events", "--db", "mysql://u@h/db"], "is not SQLite or PostgreSQL"),
        (["events", "--db", "postgresql+psycopg://u@127.0.0.1:1/x"], "cannot open the database"),
        (["events", "--db", "{tmp}/pw.db", "--type", "treaty"], "not an event type"),
        (["events", "--db", "{tmp}/pw.db", "--since", "yesterday"], "status or EDTF date"),
        (["timeline", "US", "USA", "--db", "{tmp}/pw.db"], "two different ISO 3166-1"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_and_exit_2(
    app: typer.Typer, corpus: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    filled = [a.format(corpus=corpus, tmp=tmp_path) for a in args]
    code, _, err = run(app, *filled)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1, err


def test_an_unknown_format_is_a_usage_error(app: typer.Typer, tmp_path: Path) -> None:
    code, _, err = run(app, "events", "--db", str(tmp_path / "pw.db"), "--format", "xml")
    assert code == 2 and "xml" in err


def _literal_events(store: Store) -> None:
    doc = make_document(ARTICLE, title="Vietnam welcomes a US carrier", published="2023-06-26")
    sentence = doc.text.split("\n\n")[1]
    start = doc.text.index(sentence)
    store.add(
        doc,
        [
            Event(type="port_call", status="held", subject="USS Ronald Reagan",
                  parties=("US", "VN"), from_="US", to="VN", date="2023-06-25",
                  place="Da Nang", evidence=sentence, span=(start, start + len(sentence)),
                  trigger=(doc.text.index("arrived"), doc.text.index("arrived") + 7)),
        ],
    )  # fmt: skip


@pytest.fixture
def filled_db(db_url: str) -> Iterator[str]:
    with open_store(db_url) as store:
        _literal_events(store)
    yield db_url


def test_events_json_and_csv_have_the_documented_columns(app: typer.Typer, filled_db: str) -> None:
    code, out, _ = run(app, "events", "--db", filled_db, "--format", "json")
    (row,) = json.loads(out)
    assert code == 0 and list(row) == list(StoredEvent.COLUMNS)
    assert (row["type"], row["from"], row["to"], row["place"]) == (
        "port_call",
        "US",
        "VN",
        "Da Nang",
    )
    code, out, _ = run(app, "events", "--db", filled_db, "--format", "csv", "--party", "vn")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(StoredEvent.COLUMNS)
    assert rows[0]["parties"] == "US;VN" and rows[0]["id"] == row["id"]
    code, out, _ = run(app, "events", "--db", filled_db, "--format", "csv", "--party", "FR")
    assert out.splitlines() == [",".join(StoredEvent.COLUMNS)]


def test_timeline_groups_by_year(app: typer.Typer, filled_db: str) -> None:
    code, out, _ = run(app, "timeline", "vn", "us", "--db", filled_db)
    assert code == 0
    assert "Vietnam (VN) – United States (US): 1 events" in out
    assert "2023" in out and "port_call" in out and "held" in out
    code, out, _ = run(app, "timeline", "US", "VN", "--db", filled_db, "--format", "json")
    assert [e["subject"] for e in json.loads(out)] == ["USS Ronald Reagan"]


def test_show_prints_evidence_with_its_source(app: typer.Typer, filled_db: str) -> None:
    _, out, _ = run(app, "events", "--db", filled_db, "--format", "json")
    event_id = json.loads(out)[0]["id"]
    code, out, _ = run(app, "show", event_id[:6], "--db", filled_db)
    assert code == 0
    assert "USS Ronald Reagan" in out and "Vietnam welcomes a US carrier" in out
    assert "Status history" in out and "2023-06-25" in out
    code, out, _ = run(app, "show", event_id, "--db", filled_db, "--format", "json")
    detail = json.loads(out)
    (evidence,) = detail["evidence"]
    assert evidence["sentence"][slice(*evidence["highlight"])] == "arrived"
    assert [h["status"] for h in detail["history"]] == ["held"]
    code, out, _ = run(app, "show", event_id, "--db", filled_db, "--format", "csv")
    assert out.splitlines()[0] == ",".join(Evidence.COLUMNS)


def test_show_of_an_unknown_id_exits_1_with_one_line(app: typer.Typer, filled_db: str) -> None:
    code, out, err = run(app, "show", "ffffffffffffffff", "--db", filled_db)
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [
        "StoreError: no event has the id 'ffffffffffffffff'; `pactwatch events` lists them"
    ]


def test_entities_and_search(app: typer.Typer, filled_db: str) -> None:
    code, out, _ = run(app, "entities", "--db", filled_db, "--kind", "ship", "--format", "json")
    (ship,) = json.loads(out)
    assert list(ship) == list(EntityRecord.COLUMNS) and ship["name"] == "USS Ronald Reagan"
    code, out, _ = run(app, "search", "carrier Da Nang", "--db", filled_db, "--format", "json")
    hits = json.loads(out)
    assert code == 0 and {h["kind"] for h in hits} == {"claim", "document"}
    assert list(hits[0]) == list(SearchHit.COLUMNS)
    code, out, _ = run(app, "search", "carrier", "--db", filled_db)
    assert code == 0 and out.startswith("2 matches") and "document" in out


def test_env_var_names_the_database(
    app: typer.Typer, filled_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACTWATCH_DB", filled_db)
    code, out, _ = run(app, "events", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 1


def test_db_status_and_upgrade(app: typer.Typer, tmp_path: Path) -> None:
    db, head = str(tmp_path / "new.db"), migrate.head_revision()
    code, out, _ = run(app, "db", "status", "--db", db)
    assert (code, out.strip()) == (1, f"{db}: schema revision none, needs {head}")
    code, out, _ = run(app, "db", "upgrade", "--db", db)
    assert (code, out.strip()) == (0, f"{db} upgraded from schema revision none to {head}")
    code, out, _ = run(app, "db", "upgrade", "--db", db)
    assert out.strip() == f"{db} is already at schema revision {head}"
    assert run(app, "db", "status", "--db", db)[0] == 0


def test_a_database_at_another_revision_is_refused_with_the_fix(
    app: typer.Typer, filled_db: str
) -> None:
    engine = sa.create_engine(filled_db)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0000'"))
    engine.dispose()
    code, _, err = run(app, "events", "--db", filled_db)
    assert code == 2
    assert "is at schema revision 0000, which this pactwatch does not know" in err


def test_demo_builds_a_database_and_prints_timelines(app: typer.Typer, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out, err = run(app, "demo", "--db", str(db), "--pairs", "2")
    assert code == 0, err
    assert out.startswith("Sample documents: ")
    assert "0 rejected" in out.splitlines()[0]
    with open_store(db) as store:
        counts = store.counts()
        pairs = store.dyads()
    assert counts["documents"] >= 8 and counts["events"] > 0
    assert len(pairs) >= 4
    assert out.count(" events") >= 2
    assert f"Database: {db}." in out


def test_the_installed_command_ingests_and_exits_1_on_rejections(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    good = tmp_path / "reagan.txt"
    good.write_text(ARTICLE)
    db = tmp_path / "pw.db"
    done = subprocess.run(
        [sys.executable, "-m", "pactwatch", "ingest", str(good), str(bad), "--db", str(db)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert f"rejected  {bad}: damaged or truncated PDF" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr and done.stderr == ""


def test_timeline_reads_in_pages(app: typer.Typer, db_url: str) -> None:
    text = (
        "Vietnam and the United States signed a Memorandum of Understanding on Advancing "
        "Bilateral Defense Cooperation in September 2011. "
        "The United States lifted its arms embargo on Vietnam in May 2016. "
        "The USS Carl Vinson docked in Da Nang in March 2018."
    )
    with open_store(db_url) as store:
        list(store.ingest_items([make_document(text, published="2018-03-10")]))
    code, out, _ = run(app, "timeline", "US", "VN", "--db", db_url, "--format", "json")
    whole = [e["id"] for e in json.loads(out)]
    assert code == 0 and len(whole) >= 3
    pages: list[str] = []
    after: list[str] = []
    while True:
        args = ["timeline", "US", "VN", "--db", db_url, "--format", "json", "--limit", "1"]
        code, out, _ = run(app, *args, *after)
        page = [e["id"] for e in json.loads(out)]
        assert code == 0 and len(page) <= 1
        if not page:
            break
        pages += page
        after = ["--after", page[-1]]
    assert pages == whole
