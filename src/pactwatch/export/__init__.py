"""Exports of the record for other tools: CSV/JSONL tables, GraphML/GEXF networks for
Gephi, GeoJSON for QGIS and PLOVER-like JSON for political event data.

:func:`export` selects events (by party and start date) and writes them in one
format to a binary stream; it returns how many were written and left out.
"""

from __future__ import annotations

from typing import BinaryIO

from pactwatch.api import Store
from pactwatch.export.geo import write_geojson
from pactwatch.export.network import write_gexf, write_graphml
from pactwatch.export.plover import write_plover
from pactwatch.export.selection import ExportReport, select_events
from pactwatch.export.tables import write_csv, write_jsonl

__all__ = ["FORMATS", "ExportReport", "export"]

FORMATS = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "geojson": write_geojson,
    "plover": write_plover,
}
"""Format name → writer of selected events to a binary stream."""


def export(
    store: Store,
    fmt: str,
    out: BinaryIO,
    *,
    parties: tuple[str, ...] = (),
    since: str | None = None,
) -> ExportReport:
    """Write the events of ``parties`` dated from ``since`` on to ``out`` as ``fmt``.

    Raise ValueError for an unknown format, party or date.
    """
    if fmt not in FORMATS:
        raise ValueError(f"{fmt!r} is not an export format: {', '.join(FORMATS)}")
    bad = [p for p in parties if len(p) != 2 or not p.isalpha()]
    if bad:
        raise ValueError(f"not an ISO 3166-1 alpha-2 state code: {', '.join(bad)}")
    with store.engine.connect() as conn:
        selected = select_events(conn, parties=parties, since=since)
    return FORMATS[fmt](selected, out)
