"""The events an export writes, each with its evidence, and what an export reports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from pactwatch.query.events import EventFilter, list_events
from pactwatch.query.evidence import evidence_by_event
from pactwatch.query.results import Evidence, StoredEvent
from pactwatch.store.dates import edtf_bounds


@dataclass(frozen=True, slots=True)
class Selected:
    """An event to export with its evidence and its date bounds."""

    event: StoredEvent
    evidence: tuple[Evidence, ...]

    @property
    def start(self) -> str | None:
        """Return the first day the event's date can mean, or None."""
        bounds = edtf_bounds(self.event.date)
        return bounds[0] if bounds else None

    @property
    def end(self) -> str | None:
        """Return the last day the event's date can mean, or None."""
        bounds = edtf_bounds(self.event.date)
        return bounds[1] if bounds else None


@dataclass(frozen=True, slots=True)
class ExportReport:
    """How many events an export wrote, and how many it left out and why."""

    written: int
    left_out: int = 0
    reason: str | None = None


def select_events(
    conn: Connection, *, parties: tuple[str, ...] = (), since: str | None = None
) -> list[Selected]:
    """Return the events with all ``parties`` dated on or after ``since``, oldest first,
    undated last."""
    where = EventFilter(parties=tuple(p.upper() for p in parties), since=since, limit=None)
    newest_first = list_events(conn, where)
    found = [e for e in reversed(newest_first) if e.date] + [e for e in newest_first if not e.date]
    evidence = evidence_by_event(conn, [event.id for event in found])
    return [Selected(event, tuple(evidence.get(event.id, ()))) for event in found]
