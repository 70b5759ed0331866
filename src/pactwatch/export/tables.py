"""Events and evidence as CSV (one row per piece of evidence) and JSONL (one event a line).

The columns are documented in ``docs/export.md``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from pactwatch.export.selection import ExportReport, Selected

CSV_COLUMNS = (
    "event", "type", "status", "subject", "aliases", "parties", "from", "to", "date",
    "start", "end", "place", "quantity", "confidence", "claims",
    "claim", "document", "title", "url", "published", "claim_status", "claim_date",
    "sentence", "evidence", "hedged", "negated",
)  # fmt: skip
"""The CSV header: the event's fields, then one piece of its evidence."""


def write_csv(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write one CSV row per piece of evidence (an event without any gets one row)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for item in selected:
        base = _event_cells(item)
        for row in _evidence_cells(item) or [{}]:
            writer.writerow(base | row)
    text.flush()
    text.detach()
    return ExportReport(written=len(selected))


def write_jsonl(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write one JSON object per event: its dict, ``start``/``end`` and an ``evidence`` list."""
    for item in selected:
        line = event_record(item) | {"evidence": [e.to_dict() for e in item.evidence]}
        out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return ExportReport(written=len(selected))


def event_record(item: Selected) -> dict[str, Any]:
    """Return the event's documented dict with its date bounds added."""
    return item.event.to_dict() | {"start": item.start, "end": item.end}


def _event_cells(item: Selected) -> dict[str, Any]:
    record = event_record(item)
    record["event"] = record.pop("id")
    record["aliases"] = "; ".join(record["aliases"])
    record["parties"] = ",".join(record["parties"])
    del record["documents"]
    return record


def _evidence_cells(item: Selected) -> list[dict[str, Any]]:
    return [
        {
            "claim": e.claim,
            "document": e.document,
            "title": e.title,
            "url": e.url,
            "published": e.published,
            "claim_status": e.status,
            "claim_date": e.date,
            "sentence": e.sentence,
            "evidence": e.evidence,
            "hedged": int(e.hedged),
            "negated": int(e.negated),
        }
        for e in item.evidence
    ]
