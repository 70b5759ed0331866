"""The Python face of the store: ``pactwatch.open(url)`` and its :class:`Store`.

```python
import pactwatch

with pactwatch.open("sqlite:///pactwatch.db") as store:
    for event in store.timeline("US", "IN"):
        print(event.date, event.type, event.subject)
    frame = store.events(type="procurement", party="IN").to_pandas()
```

Every method is the library behind a CLI command of the same name and returns
typed records (:mod:`pactwatch.query.results`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from pactwatch.ingest.run import Extractor, default_extractor, expand_paths, read_all
from pactwatch.ingest.run import ingest as ingest_items
from pactwatch.ingest.writer import IngestResult
from pactwatch.query.conflicts import list_conflicts
from pactwatch.query.entities import list_entities
from pactwatch.query.events import EventFilter, list_events, timeline
from pactwatch.query.results import EntityRecord, EventDetail, Results, SearchHit, StoredEvent
from pactwatch.query.search import search
from pactwatch.query.show import show_event
from pactwatch.records import Document, Event
from pactwatch.resolve import corrections as fixes
from pactwatch.resolve.conflicts import Conflict
from pactwatch.resolve.corrections import Done
from pactwatch.resolve.rebuild import RebuildResult, rebuild
from pactwatch.sources import Item
from pactwatch.store import schema
from pactwatch.store.engine import create_store_engine, display_url
from pactwatch.store.migrate import ensure_current
from pactwatch.store.write import Extracted, WriteResult, write_batch, write_document

Names = str | Sequence[str] | None


class Store:
    """A pactwatch database: write documents with their events, query what they say."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        """Return where the store is, for messages (a file path, or a URL without password)."""
        return display_url(self.engine.url)

    def add(self, doc: Document, events: Sequence[Event]) -> WriteResult:
        """Store ``doc`` with the ``events`` already extracted from it; return what happened."""
        return write_document(self.engine, doc, events)

    def add_many(self, batch: Sequence[Extracted]) -> list[WriteResult]:
        """Store many (document, events) pairs, each all-or-nothing; return one result each."""
        return write_batch(self.engine, batch)

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        published: str | None = None,
        extractor: Extractor | None = None,
        data_dirs: Sequence[Path] = (),
    ) -> Iterator[IngestResult]:
        """Read, extract and store every document under ``paths``; yield a result for each."""
        found = expand_paths(os.fspath(p) for p in paths)
        return self.ingest_items(
            read_all(found, published=published), extractor=extractor, data_dirs=data_dirs
        )

    def ingest_items(
        self,
        items: Iterable[Item],
        *,
        extractor: Extractor | None = None,
        data_dirs: Sequence[Path] = (),
        batch_size: int = 50,
    ) -> Iterator[IngestResult]:
        """Extract and store documents already read; yield a result for each."""
        run = extractor or default_extractor(data_dirs=data_dirs)
        return ingest_items(self.engine, items, extractor=run, batch_size=batch_size)

    def events(
        self,
        *,
        type: Names = None,
        status: Names = None,
        party: Names = None,
        since: str | None = None,
        until: str | None = None,
        subject: str | None = None,
        limit: int | None = 100,
    ) -> Results[StoredEvent]:
        """Return events that match every filter given, newest first."""
        where = EventFilter(
            types=_names(type),
            statuses=_names(status),
            parties=tuple(p.upper() for p in _names(party)),
            since=since,
            until=until,
            subject=subject,
            limit=limit,
        )
        with self.engine.connect() as conn:
            return list_events(conn, where)

    def timeline(
        self,
        a: str,
        b: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        after: str | None = None,
    ) -> Results[StoredEvent]:
        """Return the events between states ``a`` and ``b`` in date order.

        ``limit`` and ``after`` (the last event id of the previous page) page through it.
        """
        with self.engine.connect() as conn:
            return timeline(conn, a, b, since=since, until=until, limit=limit, after=after)

    def show(self, event_id: str) -> EventDetail:
        """Return one event (by id or unique id prefix) with its evidence and status history."""
        with self.engine.connect() as conn:
            return show_event(conn, event_id)

    def entities(
        self, *, kind: str | None = None, limit: int | None = None
    ) -> Results[EntityRecord]:
        """Return the entities the store knows, by kind and name."""
        with self.engine.connect() as conn:
            return list_entities(conn, kind=kind, limit=limit)

    def search(self, text: str, *, limit: int = 20) -> Results[SearchHit]:
        """Return the claims and documents whose words match ``text``, best first."""
        with self.engine.connect() as conn:
            return search(conn, text, limit=limit)

    def dyads(self) -> list[tuple[str, str, int]]:
        """Return each pair of states with events, as (a, b, count), most events first."""
        pairs = schema.event_dyads
        count = sa.func.count().label("n")
        query = (
            sa.select(pairs.c.party_a, pairs.c.party_b, count)
            .group_by(pairs.c.party_a, pairs.c.party_b)
            .order_by(count.desc(), pairs.c.party_a, pairs.c.party_b)
        )
        with self.engine.connect() as conn:
            return [(a, b, int(n)) for a, b, n in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """Return how many documents, claims, events and entities the store holds."""
        names = ("documents", "claims", "events", "entities")
        with self.engine.connect() as conn:
            return {
                name: int(
                    conn.scalar(
                        sa.select(sa.func.count()).select_from(schema.metadata.tables[name])
                    )
                    or 0
                )
                for name in names
            }

    def conflicts(self, *, party: str | None = None, limit: int | None = None) -> list[Conflict]:
        """Return the conflicts between sources (of events ``party`` takes part in)."""
        with self.engine.connect() as conn:
            return list_conflicts(conn, party=party, limit=limit)

    def resolve_all(self) -> RebuildResult:
        """Rebuild every link between claims and events (``pactwatch resolve --all``)."""
        with self.engine.begin() as conn:
            return rebuild(conn)

    def correct(
        self, event_id: str, *, field: str, value: object, why: str, author: str | None = None
    ) -> Done:
        """Set one field of an event by hand (recorded, reversible); return the correction."""
        with self.engine.begin() as conn:
            return fixes.correct(conn, event_id, field=field, value=value, reason=why,
                                 author=author or _user())  # fmt: skip

    def merge(self, keep: str, other: str, *, why: str, author: str | None = None) -> Done:
        """Merge event ``other`` into event ``keep`` (recorded, reversible)."""
        with self.engine.begin() as conn:
            return fixes.merge(conn, keep, other, reason=why, author=author or _user())

    def split(self, event_id: str, claim_id: str, *, why: str, author: str | None = None) -> Done:
        """Take claim ``claim_id`` out of event ``event_id`` (recorded, reversible)."""
        with self.engine.begin() as conn:
            return fixes.split(conn, event_id, claim_id, reason=why, author=author or _user())

    def reject(self, claim_id: str, *, why: str, author: str | None = None) -> Done:
        """Take claim ``claim_id`` out of every event (recorded, reversible)."""
        with self.engine.begin() as conn:
            return fixes.reject(conn, claim_id, reason=why, author=author or _user())

    def undo(self, correction: int, *, why: str, author: str | None = None) -> Done:
        """Undo correction number ``correction`` (recorded as a correction of its own)."""
        with self.engine.begin() as conn:
            return fixes.undo(conn, correction, reason=why, author=author or _user())

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<pactwatch.Store {self.url}>"


def open(db: str | os.PathLike[str] | None = None) -> Store:
    """Return the store at ``db`` (a URL or SQLite path; default ``$PACTWATCH_DB`` or
    ``./pactwatch.db``), creating an empty database at the current schema.

    Raise StoreError when it cannot be opened or needs ``pactwatch db upgrade``.
    """
    engine = create_store_engine(db)
    try:
        ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _names(value: Names) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item.strip())
