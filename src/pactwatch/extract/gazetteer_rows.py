"""Check raw data rows and merge them into a :class:`Gazetteer`.

Rows are checked one by one, so that an error names its ``file:line``. A row
whose key (a country code, an entry's kind and name, a title's text...) was
seen in an earlier file extends that record: lists are joined, and a value the
later row gives replaces the earlier one. The same key twice in one file is an
error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final, TypeVar

from pactwatch.extract.gazetteer_files import ENTRY_KINDS, RawRow
from pactwatch.extract.gazetteer_records import (
    ROLES,
    Country,
    Entry,
    Gazetteer,
    Person,
    Title,
)

_CODE: Final = re.compile(r"[A-Z]{2}")
_KEYS: Final[dict[str, frozenset[str]]] = {
    "country": frozenset(
        [
            "code",
            "name",
            "names",
            "adjectives",
            "prefixes",
            "metonyms",
            "aliases_ambiguous",
            "sovereign",
            "note",
        ]
    ),
    "platform_kind": frozenset({"category", "nouns", "note"}),
    "ship_prefix": frozenset({"prefix", "state", "meaning", "note"}),
    "title": frozenset({"text", "state", "role", "note"}),
    "person": frozenset({"name", "aliases", "state", "role", "note"}),
    "entry": frozenset({"name", "aliases", "category", "states", "maker", "note"}),
}
T = TypeVar("T")


def build_gazetteer(rows: Sequence[RawRow]) -> Gazetteer:
    """Return the gazetteer the rows describe; raise DataFileError on the first bad row."""
    countries = _merge(_of(rows, "country"), lambda r: _code(r, "code"), _country)
    codes = frozenset(countries)
    for row in _of(rows, "country"):
        _check_code(row, row.fields.get("sovereign"), codes, "sovereign")
    kinds = _merge(_of(rows, "platform_kind"), lambda r: _text(r, "category"), _platform_kind)
    prefixes = _merge(_of(rows, "ship_prefix"), lambda r: _text(r, "prefix"), _ship_prefix(codes))
    titles = _merge(_of(rows, "title"), lambda r: _text(r, "text"), _title(codes))
    people = _merge(_of(rows, "person"), lambda r: _text(r, "name"), _person(codes))
    entry_rows = [row for row in rows if row.kind in ENTRY_KINDS]
    entries = _merge(entry_rows, lambda r: (r.kind, _text(r, "name")), _entry(codes, kinds))
    return Gazetteer(
        countries=tuple(countries.values()),
        entries=tuple(entries.values()),
        titles=tuple(titles.values()),
        people=tuple(people.values()),
        ship_prefixes=dict(prefixes.values()),
        platform_kinds=dict(kinds.values()),
    )


def _of(rows: Iterable[RawRow], kind: str) -> list[RawRow]:
    return [row for row in rows if row.kind == kind]


def _merge(
    rows: Iterable[RawRow],
    key_of: Callable[[RawRow], Any],
    make: Callable[[RawRow, T | None], T],
) -> dict[Any, T]:
    """Return key -> record, each row checked and merged onto the record of its key."""
    merged: dict[Any, T] = {}
    seen: dict[tuple[Path, Any], int] = {}
    for row in rows:
        kind = "entry" if row.kind in ENTRY_KINDS else row.kind
        unknown = sorted(set(row.fields) - _KEYS[kind])
        if unknown:
            raise row.fail(f"unknown key(s) {', '.join(unknown)}")
        key = key_of(row)
        if (row.path, key) in seen:
            raise row.fail(f"duplicate of the row at line {seen[(row.path, key)]}")
        seen[(row.path, key)] = row.line
        merged[key] = make(row, merged.get(key))
    return merged


def _text(row: RawRow, key: str, *, required: bool = True) -> str:
    value = row.fields.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise row.fail(f"`{key}` must be a non-empty string")
    return value.strip()


def _texts(row: RawRow, key: str) -> tuple[str, ...]:
    value = row.fields.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise row.fail(f"`{key}` must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _code(row: RawRow, key: str) -> str:
    code = _text(row, key)
    if not _CODE.fullmatch(code):
        raise row.fail(f"`{key}` {code!r} is not an ISO 3166-1 alpha-2 code such as 'US'")
    return code


def _check_code(row: RawRow, code: object, codes: frozenset[str], key: str) -> str | None:
    if code is None:
        return None
    if not isinstance(code, str) or code not in codes:
        raise row.fail(f"unknown state code {code!r} in `{key}` (add it to countries.yaml first)")
    return code


def _join(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))


def _country(row: RawRow, old: Country | None) -> Country:
    name = _text(row, "name", required=old is None) or (old.name if old else "")
    parts = {k: _texts(row, k) for k in ("names", "adjectives", "prefixes", "metonyms")}
    ambiguous = _texts(row, "aliases_ambiguous")
    sovereign = row.fields.get("sovereign")
    if old is None:
        return Country(
            code=_code(row, "code"),
            name=name,
            names=_join((name,), parts["names"]),
            adjectives=parts["adjectives"],
            prefixes=parts["prefixes"],
            metonyms=parts["metonyms"],
            aliases_ambiguous=ambiguous,
            sovereign=str(sovereign) if sovereign else None,
        )
    return replace(
        old,
        name=name,
        names=_join(old.names, (name, *parts["names"])),
        adjectives=_join(old.adjectives, parts["adjectives"]),
        prefixes=_join(old.prefixes, parts["prefixes"]),
        metonyms=_join(old.metonyms, parts["metonyms"]),
        aliases_ambiguous=_join(old.aliases_ambiguous, ambiguous),
        sovereign=str(sovereign) if sovereign else old.sovereign,
    )


def _platform_kind(
    row: RawRow, old: tuple[str, tuple[str, ...]] | None
) -> tuple[str, tuple[str, ...]]:
    nouns = _texts(row, "nouns")
    if not nouns:
        raise row.fail("`nouns` must list at least one noun")
    return _text(row, "category"), _join(old[1] if old else (), nouns)


def _ship_prefix(codes: frozenset[str]) -> Callable[[RawRow, Any], tuple[str, str]]:
    def make(row: RawRow, old: Any) -> tuple[str, str]:
        _text(row, "meaning", required=False)
        state = _check_code(row, _text(row, "state"), codes, "state")
        return _text(row, "prefix"), str(state)

    return make


def _role(row: RawRow) -> str:
    role = _text(row, "role")
    if role not in ROLES:
        raise row.fail(f"`role` {role!r} is not one of {', '.join(ROLES)}")
    return role


def _title(codes: frozenset[str]) -> Callable[[RawRow, Any], Title]:
    def make(row: RawRow, old: Any) -> Title:
        state = _check_code(row, row.fields.get("state"), codes, "state")
        return Title(text=_text(row, "text"), state=state, role=_role(row))

    return make


def _person(codes: frozenset[str]) -> Callable[[RawRow, Person | None], Person]:
    def make(row: RawRow, old: Person | None) -> Person:
        state = _check_code(row, _text(row, "state"), codes, "state")
        aliases = _join(old.aliases if old else (), _texts(row, "aliases"))
        return Person(name=_text(row, "name"), aliases=aliases, state=str(state), role=_role(row))

    return make


def _entry(
    codes: frozenset[str], kinds: dict[str, tuple[str, tuple[str, ...]]]
) -> Callable[[RawRow, Entry | None], Entry]:
    def make(row: RawRow, old: Entry | None) -> Entry:
        states = _texts(row, "states")
        for state in states:
            _check_code(row, state, codes, "states")
        category = _text(row, "category", required=False) or None
        if row.kind == "platform" and category not in kinds and not (old and category is None):
            raise row.fail(f"`category` {category!r} of a platform must be a platform kind")
        maker = _text(row, "maker", required=False) or None
        return Entry(
            kind=row.kind,
            name=_text(row, "name"),
            aliases=_join(old.aliases if old else (), _texts(row, "aliases")),
            category=category or (old.category if old else None),
            states=_join(old.states if old else (), states),
            maker=maker or (old.maker if old else None),
        )

    return make
