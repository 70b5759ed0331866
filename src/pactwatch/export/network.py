"""The dyad network for Gephi: states as nodes, pairs as weighted edges (GraphML, GEXF).

Built with networkx from the selected events: an edge's ``weight`` is how
many events the pair shares, with a count per event type (``n_agreement``...)
and the first and last year. Node labels are country names from pycountry.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any, BinaryIO

import networkx as nx
import pycountry

from pactwatch.export.selection import ExportReport, Selected
from pactwatch.records import EVENT_STATUSES


def dyad_graph(selected: list[Selected]) -> nx.Graph:
    """Return the undirected graph of states and the events each pair shares."""
    graph = nx.Graph()
    for item in selected:
        parties = sorted(set(item.event.parties))
        for party in parties:
            if party not in graph:
                graph.add_node(party, label=_name(party), events=0)
            graph.nodes[party]["events"] += 1
        for a, b in combinations(parties, 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, **{f"n_{t}": 0 for t in EVENT_STATUSES})
            edge = graph.edges[a, b]
            edge["weight"] += 1
            edge[f"n_{item.event.type}"] += 1
            if item.start:
                year = int(item.start[:4])
                edge["first_year"] = min(edge.get("first_year", year), year)
                edge["last_year"] = max(edge.get("last_year", year), year)
    return graph


def write_graphml(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write the dyad graph as GraphML; the report counts its edges' events."""
    return _write(selected, out, nx.write_graphml)


def write_gexf(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write the dyad graph as GEXF 1.2 for Gephi."""
    return _write(selected, out, nx.write_gexf)


def _write(selected: list[Selected], out: BinaryIO, writer: Callable[..., Any]) -> ExportReport:
    graph = dyad_graph(selected)
    writer(graph, out)
    alone = sum(1 for item in selected if len(set(item.event.parties)) < 2)
    reason = "they name fewer than two states" if alone else None
    return ExportReport(written=len(selected) - alone, left_out=alone, reason=reason)


def _name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return str(country.name) if country else code
