"""Each export format read back by its standard reader, on SQLite and PostgreSQL stores."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

import networkx as nx
import pytest

from pactwatch.api import Store
from pactwatch.export import ExportReport, export
from pactwatch.export.geo import locate
from pactwatch.export.plover import MAPPING, plover_type
from pactwatch.export.tables import CSV_COLUMNS
from pactwatch.records import EVENT_STATUSES

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def _export(store: Store, fmt: str, **kwargs: Any) -> tuple[bytes, ExportReport]:
    out = io.BytesIO()
    report = export(store, fmt, out, **kwargs)
    return out.getvalue(), report


def _ids(store: Store, **kwargs: Any) -> set[str]:
    return {event.id for event in store.events(limit=None, **kwargs)}


def test_csv_has_one_row_per_piece_of_evidence(web_store: Store) -> None:
    data, report = _export(web_store, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {row["event"] for row in rows} == _ids(web_store) and report.written == len(
        _ids(web_store)
    )
    assert len(rows) == web_store.counts()["claims"]
    for row in rows[:25]:
        shown = web_store.show(row["event"])
        assert row["evidence"] in {e.evidence for e in shown.evidence}
        assert row["parties"].split(",") == list(shown.event.parties)


def test_jsonl_is_one_event_a_line_with_its_evidence(web_store: Store) -> None:
    data, _ = _export(web_store, "jsonl", parties=("IN",), since="2010")
    events = [json.loads(line) for line in data.decode().splitlines()]
    assert {e["id"] for e in events} == _ids(web_store, party="IN", since="2010")
    for event in events:
        assert "IN" in event["parties"] and event["end"] >= "2010-01-01"
        assert len(event["evidence"]) == event["claims"]
    starts = [event["start"] for event in events]
    assert starts == sorted(starts)


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_round_trip_through_networkx(
    web_store: Store, fmt: str, read: Any, tmp_path: Any
) -> None:
    data, report = _export(web_store, fmt)
    path = tmp_path / f"net.{fmt}"
    path.write_bytes(data)
    graph = read(path)
    weights = {tuple(sorted((a, b))): int(w) for a, b, w in graph.edges(data="weight")}
    assert weights == {(a, b): n for a, b, n in web_store.dyads()}
    assert graph.nodes["IN"]["label"] == "India"
    for a, b, attrs in graph.edges(data=True):
        by_type = sum(int(attrs[f"n_{kind}"]) for kind in EVENT_STATUSES)
        assert by_type == int(attrs["weight"]), (a, b)
    assert report.written + report.left_out == len(_ids(web_store))


def test_geojson_places_the_events_it_can_and_counts_the_rest(web_store: Store) -> None:
    data, report = _export(web_store, "geojson")
    collection = json.loads(data)
    _check_rfc7946(collection)
    features = collection["features"]
    assert report.written == len(features) > 0
    assert report.written + report.left_out == len(_ids(web_store))
    unplaced = [e for e in web_store.events(limit=None) if not e.place]
    assert report.left_out >= len(unplaced)
    for feature in features:
        assert feature["properties"]["place"]
        lon, lat = feature["geometry"]["coordinates"]
        if feature["properties"]["place"] == "New Delhi":
            assert math.isclose(lon, 77.2, abs_tol=0.3) and math.isclose(lat, 28.6, abs_tol=0.3)


def _check_rfc7946(collection: dict[str, Any]) -> None:
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, dict | list) for v in feature["properties"].values())


@pytest.mark.parametrize(
    ("place", "prefer", "country_box"),
    [
        ("Da Nang", (), (107, 110, 15, 17)),
        ("Canberra", ("AU",), (148, 150, -36, -34)),
        ("Tokyo", (), (139, 141, 35, 36.5)),
        ("Bay of Bengal", (), None),
        ("", (), None),
    ],
)
def test_locate_uses_the_offline_gazetteer(
    place: str, prefer: tuple[str, ...], country_box: tuple[float, float, float, float] | None
) -> None:
    found = locate(place, prefer=prefer)
    if country_box is None:
        assert found is None
        return
    assert found is not None
    lon, lat = found
    assert country_box[0] <= lon <= country_box[1] and country_box[2] <= lat <= country_box[3]


def test_plover_records_keep_our_fields(web_store: Store) -> None:
    data, report = _export(web_store, "plover", parties=("US",))
    records = json.loads(data)
    assert report.written == len(records) == len(_ids(web_store, party="US"))
    for record in records:
        ours = record["pactwatch"]
        assert record["event_type"] in PLOVER_TYPES
        assert record["event_type"] == plover_type(ours["type"], ours["status"]).plover
        assert record["id"] == ours["id"] and record["event_date"] == ours["start"]
        if ours["from"]:
            assert (record["actor"]["country"], record["recipient"]["country"]) == (
                ours["from"], ours["to"],
            )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "status", "plover"),
    [
        ("agreement", "signed", "AGREE"),
        ("agreement", "negotiating", "CONSULT"),
        ("agreement", None, "AGREE"),
        ("exercise", "held", "COOPERATE"),
        ("visit", "held", "CONSULT"),
        ("procurement", "negotiating", "CONSULT"),
        ("procurement", "delivered", "COOPERATE"),
        ("trade_measure", "imposed", "SANCTION"),
        ("trade_measure", "lifted", "CONCEDE"),
        ("designation", "granted", "SUPPORT"),
    ],
)
def test_plover_mapping_rows(kind: str, status: str | None, plover: str) -> None:
    assert plover_type(kind, status).plover == plover


def test_every_type_and_status_has_a_plover_row() -> None:
    for kind, statuses in EVENT_STATUSES.items():
        for status in (*statuses, None):
            assert plover_type(kind, status).plover in PLOVER_TYPES
    assert {row.plover for row in MAPPING} <= PLOVER_TYPES


def test_an_unknown_format_or_date_is_a_value_error(web_store: Store) -> None:
    with pytest.raises(ValueError, match="xls"):
        _export(web_store, "xls")
    with pytest.raises(ValueError, match="USA"):
        _export(web_store, "csv", parties=("USA",))
    with pytest.raises(ValueError, match="someday"):
        _export(web_store, "csv", since="someday")
