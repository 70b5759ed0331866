"""Corrections by hand: recorded, applied at once, reversible, and kept through rebuilds
and re-ingesting."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.cli.main import _register_commands, app
from pactwatch.documents import make_document
from pactwatch.errors import StoreError
from pactwatch.store.schema import corrections

from .conftest import Report, store_reports

US_IN = ("US", "IN")
SIGNED = [
    Report("India and the US signed LEMOA in August 2016.", "agreement", "signed", "LEMOA",
           US_IN, "2016-08", "2016-09-01"),
    Report("LEMOA was signed in 2016.", "agreement", "signed", "LEMOA", US_IN, "2016",
           "2017-01-01"),
    Report("India and Japan held JIMEX in 2024.", "exercise", "held", "JIMEX", ("IN", "JP"),
           "2024", "2024-06-01"),
]  # fmt: skip


def _one(store: Store, **filters: str) -> tuple[str, int]:
    (event,) = store.events(limit=None, **filters)
    return event.id, event.claims


def test_correct_then_rebuild_then_reingest_stays_corrected(db_url: str) -> None:
    with open_store(db_url) as store:
        store_reports(store, SIGNED)
        lemoa, _ = _one(store, type="agreement")
        done = store.correct(lemoa, field="date", value="2016-08-29", why="MoD release",
                             author="editor")  # fmt: skip
        assert store.show(lemoa).event.date == "2016-08-29"
        store.resolve_all()
        assert store.show(lemoa).event.date == "2016-08-29"
        text = "LEMOA, signed in 2016, lets each side use the other's bases."
        more = Report(text, "agreement", "signed", "LEMOA", US_IN, "2016", "2020-01-01")
        store.add(make_document(text, published="2020-01-01"), [more.event()])
        assert _one(store, type="agreement") == (lemoa, 3)
        assert store.show(lemoa).event.date == "2016-08-29"
        store.undo(done.correction, why="the release was about COMCASA", author="editor")
        assert store.show(lemoa).event.date == "2016-08"
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(corrections).order_by(corrections.c.id)).all()
    assert [(r.action, r.author, r.undoes) for r in rows] == [
        ("correct", "editor", None),
        ("undo", "editor", done.correction),
    ]
    assert rows[0].old_value == "2016-08" and rows[0].new_value == "2016-08-29"


def test_split_and_merge_survive_a_rebuild_and_undo(db_url: str) -> None:
    with open_store(db_url) as store:
        first, second, _ = store_reports(store, SIGNED)
        lemoa, claims = _one(store, type="agreement")
        assert (lemoa, claims) == (first, 2)
        split = store.split(lemoa, second, why="the 2016 report is about another pact")
        assert sorted(e.claims for e in store.events(type="agreement")) == [1, 1]
        store.resolve_all()
        assert sorted(e.id for e in store.events(type="agreement")) == sorted([first, second])
        store.undo(split.correction, why="it was LEMOA")
        assert _one(store, type="agreement") == (first, 2)
        store.split(lemoa, second, why="again")
        merged = store.merge(first, second, why="one pact after all")
        store.resolve_all()
        assert _one(store, type="agreement") == (first, 2)
        store.undo(merged.correction, why="no")
        assert sorted(e.claims for e in store.events(type="agreement")) == [1, 1]


def test_reject_takes_a_claim_out_and_undo_puts_it_back(db_url: str) -> None:
    with open_store(db_url) as store:
        first, second, third = store_reports(store, SIGNED)
        done = store.reject(second, why="not about India")
        assert _one(store, type="agreement") == (first, 1)
        store.reject(third, why="not an exercise")
        assert store.events(type="exercise") == []
        store.resolve_all()
        assert _one(store, type="agreement") == (first, 1)
        assert store.events(type="exercise") == []
        store.undo(done.correction, why="it is")
        assert _one(store, type="agreement") == (first, 2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("status", "in_service", "not a status of a agreement"),
        ("date", "last year", "not an EDTF date"),
        ("quantity", "many", "whole number"),
        ("parties", "US", "cannot be corrected"),
    ],
)
def test_bad_corrections_are_refused_with_a_reason(
    db_url: str, field: str, value: str, message: str
) -> None:
    with open_store(db_url) as store:
        store_reports(store, SIGNED[:1])
        lemoa, _ = _one(store)
        with pytest.raises(StoreError, match=message):
            store.correct(lemoa, field=field, value=value, why="x")


def test_the_commands_record_and_print_the_correction(tmp_path: object) -> None:
    db = f"sqlite:///{tmp_path}/cli.db"
    with open_store(db) as store:
        first, second, _ = store_reports(store, SIGNED)
    _register_commands()
    runner = CliRunner()
    out = runner.invoke(app, ["correct", first, "--field", "status", "--value", "in_force",
                              "--why", "ratified", "--db", db, "--author", "me"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert out.output.startswith("corrected: correction 1; event ")
    out = runner.invoke(app, ["split", first, "--claim", second, "--why", "x", "--db", db])
    assert out.exit_code == 0 and "split: correction 2" in out.output
    out = runner.invoke(app, ["resolve", "--all", "--db", db])
    assert out.exit_code == 0 and "3 claims linked into 3 events" in out.output
    out = runner.invoke(app, ["undo", "7", "--why", "x", "--db", db])
    assert out.exit_code == 1 and "no correction has the id 7" in out.output
    out = runner.invoke(app, ["conflicts", "--format", "json", "--db", db])
    assert out.exit_code == 0 and out.output.strip() == "[]"
    with open_store(db) as store:
        assert store.show(first).event.status == "in_force"
