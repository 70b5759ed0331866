"""Timeline pages: ``limit`` and ``after`` walk the same order the whole timeline has.

The order is date_start, then date_end (a day before the month that holds it,
the month before its year), then id; undated events come last. Every page is
an index range scan of ``ix_event_dyads_timeline`` (checked on SQLite's plan).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.documents import make_document
from pactwatch.records import Event
from pactwatch.store.dates import edtf_bounds

# (date, sentence): ties on date_start (2019, 2019-01, 2019-01-01), equal dates, undated.
SENTENCES = [
    ("2019", "Chile and Peru held a border staff talk in 2019."),
    ("2019-01-01", "Chile and Peru signed a coast guard note on 1 January 2019."),
    ("2019-01", "Chile and Peru held naval drills in January 2019."),
    ("2017-05", "Chile and Peru agreed a search and rescue plan in May 2017."),
    (None, "Chile and Peru once discussed a river survey."),
    ("2019", "Chile and Peru held a second staff talk in 2019."),
    ("2021-11-30", "Chile and Peru met in Arica on 30 November 2021."),
    (None, "Chile and Peru also talked about fisheries."),
    ("2010/2012", "Chile and Peru ran a mine clearance project from 2010 to 2012."),
    ("2017-05", "Chile and Peru exchanged liaison officers in May 2017."),
]


def _events(text: str, rows: list[tuple[str | None, str]] = SENTENCES) -> list[Event]:
    out = []
    for date, sentence in rows:
        start = text.index(sentence)
        out.append(
            Event(
                type="meeting",
                status="held",
                subject=sentence[15:40],
                parties=("CL", "PE"),
                date=date,
                evidence=sentence,
                span=(start, start + len(sentence)),
            )
        )
    return out


@pytest.fixture
def andes(db_url: str) -> Iterator[Store]:
    """A store with the ten Chile–Peru events of SENTENCES, in two documents."""
    with open_store(db_url) as store:
        for half in (SENTENCES[:5], SENTENCES[5:]):
            doc = make_document(" ".join(s for _, s in half))
            store.add(doc, _events(doc.text, half))
        yield store


def _expected(store: Store) -> list[str]:
    def key(event: Any) -> tuple[bool, str, str, str]:
        bounds = edtf_bounds(event.date)
        return (bounds is None, *(bounds or ("", "")), event.id)

    return [e.id for e in sorted(store.events(party="CL,PE", limit=None), key=key)]


def test_the_whole_timeline_is_in_date_then_end_then_id_order(andes: Store) -> None:
    timeline = andes.timeline("PE", "CL")
    assert [e.id for e in timeline] == _expected(andes)
    assert [e.date for e in timeline][:4] == ["2010/2012", "2017-05", "2017-05", "2019-01-01"]
    assert [e.date for e in timeline][-2:] == [None, None]


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 7, 9, 10, 11, 50])
def test_pages_after_the_last_id_give_the_whole_timeline(andes: Store, limit: int) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = andes.timeline("CL", "PE", limit=limit, after=after)
        assert len(page) <= limit
        seen += [e.id for e in page]
        if len(page) < limit:
            break
        after = page[-1].id
    assert seen == _expected(andes)


@pytest.mark.parametrize(
    ("since", "until", "dates"),
    [
        ("2019", None, ["2019-01-01", "2019-01", "2019", "2019", "2021-11-30"]),
        (None, "2017", ["2010/2012", "2017-05", "2017-05"]),
        ("2011", "2017-05", ["2010/2012", "2017-05", "2017-05"]),
    ],
)
def test_pages_keep_the_date_filters(
    andes: Store, since: str | None, until: str | None, dates: list[str]
) -> None:
    first = andes.timeline("CL", "PE", since=since, until=until, limit=2)
    rest = andes.timeline("CL", "PE", since=since, until=until, after=first[-1].id)
    assert [e.date for e in first + rest] == dates


def test_after_an_event_of_another_pair_is_refused(andes: Store) -> None:
    (event,) = andes.events(limit=1)
    with pytest.raises(ValueError, match="not an event of the timeline of AR and CL"):
        andes.timeline("CL", "AR", after=event.id)


def test_a_page_is_read_in_index_order_without_a_sort(tmp_path: Path) -> None:
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        if "FROM events JOIN event_dyads" in sql:
            statements.append((sql, params))

    with open_store(tmp_path / "pw.db") as store:
        doc = make_document(" ".join(s for _, s in SENTENCES))
        store.add(doc, _events(doc.text))
        sa.event.listen(store.engine, "before_cursor_execute", record)
        middle = store.timeline("CL", "PE")[4].id
        store.timeline("CL", "PE", limit=3, after=middle)
        sa.event.remove(store.engine, "before_cursor_execute", record)
        assert len(statements) == 3  # whole: dated, then undated; the page: dated rows fill it
        with store.engine.connect() as conn:
            for sql, params in statements:
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
                plan = " | ".join(row[-1] for row in rows)
                assert "ix_event_dyads_timeline" in plan, plan
                assert "TEMP B-TREE" not in plan, plan
