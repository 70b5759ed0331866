"""The records of the gazetteer: states, named things, titles, people, and the whole.

Import them from :mod:`pactwatch.extract.gazetteer`; they live here so that the
row checker and the loader can share them without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

ROLES: Final[tuple[str, ...]] = (
    "head_of_state",
    "head_of_government",
    "defence_minister",
    "foreign_minister",
    "military_chief",
    "official",
)
"""What a title or a person does, as far as extraction cares."""


@dataclass(frozen=True, slots=True)
class Country:
    """A state (or ISO 3166-1 territory) and every way prose names it.

    ``names`` always holds ``name``. Forms in ``aliases_ambiguous`` also name
    something else (a person, a US state, a common word, the other Korea or
    Congo): match them only when capitalised and not part of a person's or
    company's name. A form may be both in ``names`` and there ("Turkey",
    "Jordan", "Georgia"): it is the usual name but needs that care.
    ``sovereign`` is set for a dependent territory (Guam -> "US").
    """

    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    prefixes: tuple[str, ...]
    metonyms: tuple[str, ...]
    aliases_ambiguous: tuple[str, ...] = ()
    sovereign: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A named platform, agreement, designation, exercise, institution or organisation.

    ``states``: for platforms the states whose makers design or supply it; for
    exercises and institutions the usual participants when fixed; for
    agreements the dyad when the name belongs to one; for designations the
    granting state first, then the holder when there is only one.
    ``category`` is a platform kind for platforms, the agreement type for
    agreements, ``"domestic"`` for a state's own bodies, else None.
    """

    kind: str
    name: str
    aliases: tuple[str, ...]
    category: str | None
    states: tuple[str, ...]
    maker: str | None = None


@dataclass(frozen=True, slots=True)
class Title:
    """An office as written before a name; ``state`` when the title alone implies one."""

    text: str
    state: str | None
    role: str


@dataclass(frozen=True, slots=True)
class Person:
    """A known official, with the state they act for and their main role."""

    name: str
    aliases: tuple[str, ...]
    state: str
    role: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything extraction knows by name; build it with ``load_gazetteer``."""

    countries: tuple[Country, ...]
    entries: tuple[Entry, ...]
    titles: tuple[Title, ...]
    people: tuple[Person, ...]
    ship_prefixes: dict[str, str]
    """Ship prefix -> state: "USS" -> "US", "INS" -> "IN"."""
    platform_kinds: dict[str, tuple[str, ...]]
    """Platform kind -> the nouns that name it in prose, singular and plural."""

    def country(self, code: str) -> Country:
        """Return the country with ISO code ``code``; raise KeyError when there is none."""
        for country in self.countries:
            if country.code == code:
                return country
        raise KeyError(code)

    def entries_of(self, kind: str) -> tuple[Entry, ...]:
        """Return the entries of one kind ("platform", "exercise", ...) in data order."""
        return tuple(entry for entry in self.entries if entry.kind == kind)
