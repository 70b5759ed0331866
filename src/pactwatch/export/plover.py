"""A PLOVER-like JSON export: each event mapped to the nearest PLOVER category and mode.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event
Data Alliance, https://github.com/openeventdata/PLOVER) codes events as
actor → recipient with an event type (AGREE, CONSULT, COOPERATE, SANCTION...),
an optional mode and contexts. Our types map by the rows of :data:`MAPPING`;
every field of our own is kept under ``pactwatch``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, BinaryIO

from pactwatch.export.selection import ExportReport, Selected
from pactwatch.export.tables import event_record


@dataclass(frozen=True, slots=True)
class Mapping:
    """Our (type, status or None for any) → PLOVER event type, mode and contexts."""

    type: str
    status: str | None
    plover: str
    mode: str | None
    contexts: tuple[str, ...]


MAPPING: tuple[Mapping, ...] = (
    Mapping("agreement", "proposed", "REQUEST", None, ("military",)),
    Mapping("agreement", "negotiating", "CONSULT", None, ("military",)),
    Mapping("agreement", "ended", "RETREAT", None, ("military",)),
    Mapping("agreement", None, "AGREE", None, ("military",)),
    Mapping("designation", "revoked", "REJECT", None, ("military",)),
    Mapping("designation", None, "SUPPORT", None, ("military",)),
    Mapping("meeting", None, "CONSULT", None, ("military",)),
    Mapping("visit", None, "CONSULT", "visit", ("military",)),
    Mapping("port_call", None, "CONSULT", "visit", ("military",)),
    Mapping("exercise", None, "COOPERATE", None, ("military",)),
    Mapping("procurement", "negotiating", "CONSULT", None, ("military", "arms_trade")),
    Mapping("procurement", None, "COOPERATE", None, ("military", "arms_trade")),
    Mapping("coproduction", None, "COOPERATE", None, ("military", "arms_trade")),
    Mapping("institution", "dissolved", "RETREAT", None, ("military",)),
    Mapping("institution", None, "COOPERATE", None, ("military",)),
    Mapping("trade_measure", "lifted", "CONCEDE", None, ("economic",)),
    Mapping("trade_measure", None, "SANCTION", None, ("economic",)),
)
"""First matching row wins; a row with status None matches any status of its type."""


def plover_type(event_type: str, status: str | None) -> Mapping:
    """Return the first :data:`MAPPING` row for ``event_type`` and ``status``."""
    return next(
        row
        for row in MAPPING
        if row.type == event_type and (row.status is None or row.status == status)
    )


def write_plover(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write a JSON list of PLOVER-like event records."""
    records = [_record(item) for item in selected]
    out.write(json.dumps(records, ensure_ascii=False, indent=1).encode())
    return ExportReport(written=len(records))


def _record(item: Selected) -> dict[str, Any]:
    event = item.event
    row = plover_type(event.type, event.status)
    actor = event.from_ or (event.parties[0] if event.parties else None)
    recipients = [p for p in event.parties if p != actor]
    recipient = event.to or (recipients[0] if len(recipients) == 1 else None)
    return {
        "id": event.id,
        "event_date": item.start,
        "event_type": row.plover,
        "mode": row.mode,
        "contexts": list(row.contexts),
        "actor": {"country": actor},
        "recipient": {"country": recipient, "countries": recipients},
        "location": {"name": event.place},
        "text": item.evidence[0].sentence if item.evidence else None,
        "pactwatch": event_record(item) | {"evidence": [e.to_dict() for e in item.evidence]},
    }
