"""Compile the gazetteer into one spaCy PhraseMatcher, and find its names in a sentence.

Every name in the data files (states and their adjectives and seats of
government, people, titles, platforms, agreements, exercises, institutions,
platform kind nouns) becomes a LOWER-attribute phrase pattern. A match keeps
its label and payload (a country code, an entry, a title...). Matching is
case-insensitive, but a name written with capitals in the data is not found
in all-lowercase text ("Patriot" the missile, not "patriot").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher

from pactwatch.extract.cues import CUES
from pactwatch.extract.gazetteer import Gazetteer, load_gazetteer
from pactwatch.extract.pipeline import Tokens, get_nlp

# Labels of the things the lexicon finds.
COUNTRY = "COUNTRY"
DEMONYM = "DEMONYM"
METONYM = "METONYM"
PERSON = "PERSON"
TITLE = "TITLE"
ENTRY = "ENTRY"
KIND = "KIND"
CUE = "CUE"

# A state's adjective or name that is part of a sea, ocean or region name, not the state.
_GEOGRAPHIC_AFTER = re.compile(
    r"\s*[-–]?\s*(?:Ocean|Sea|Seas|Peninsula|Gulf|Subcontinent|Pacific|Basin|Strait|Straits"
    r"|Archipelago|Airlines|Express|Railways?)\b"
)


_GEOGRAPHIC_BEFORE = re.compile(
    r"\b(?:Latin|Central|North|South|East|West|Sub-Saharan|Southeast|Northeast)\s+$"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a sentence: absolute offsets, label and payload."""

    start: int
    end: int
    text: str
    label: str
    value: Any
    """Country code (COUNTRY/DEMONYM/METONYM), Person, Title, Entry, or kind name (KIND)."""


@dataclass(frozen=True, slots=True)
class _Key:
    label: str
    value: Any
    cased: bool


class Lexicon:
    """The gazetteer compiled for matching; build with :func:`get_lexicon`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.surnames = _unique_surnames(gazetteer)
        nlp = get_nlp()
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, _Key] = {}
        self._seen: set[tuple[str, str]] = set()
        self._names_of: dict[tuple[str, ...], frozenset[str]] = {}
        for country in gazetteer.countries:
            for name in country.names:
                self._add(COUNTRY, country.code, name)
            for adjective in country.adjectives:
                self._add(DEMONYM, country.code, adjective)
            for form in country.aliases_ambiguous:
                if form not in country.names and form[:1].isupper():
                    self._add(COUNTRY, country.code, form)
            for metonym in country.metonyms:
                self._add(METONYM, country.code, metonym)
        for person in gazetteer.people:
            for name in (person.name, *person.aliases):
                self._add(PERSON, person, name)
        for title in gazetteer.titles:
            self._add(TITLE, title, title.text)
        for entry in gazetteer.entries:
            for name in (entry.name, *entry.aliases):
                self._add(ENTRY, entry, name)
        for kind, nouns in gazetteer.platform_kinds.items():
            for noun in nouns:
                self._add(KIND, kind, noun)
        for builder, words in CUES.items():
            for word in words:
                self._add(CUE, builder, word)

    def _add(self, label: str, value: Any, name: str) -> None:
        name = name.strip()
        if not name:
            return
        key_text = f"{label}\x1f{id(value)}\x1f{name}"
        if (label, key_text) in self._seen:
            return
        self._seen.add((label, key_text))
        nlp = get_nlp()
        match_id = nlp.vocab.strings.add(key_text)
        cased = label != TITLE and any(ch.isupper() for ch in name)
        self._keys[match_id] = _Key(label, value, cased)
        self._matcher.add(key_text, [nlp.make_doc(name)])

    def names_of(self, codes: Sequence[str]) -> frozenset[str]:
        """Return every name of the states ``codes`` ("India", "Republic of India"...)."""
        key = tuple(codes)
        names = self._names_of.get(key)
        if names is None:
            names = self._names_of[key] = frozenset(
                name
                for country in self.gazetteer.countries
                if country.code in codes
                for name in (*country.names, country.name)
            )
        return names

    def find(self, text: str, tokens: Tokens) -> tuple[list[Mention], list[tuple[int, str]]]:
        """Return the lexicon's names in ``text``, and its cue words as (offset, builder).

        Where names of one label overlap, the longest wins.
        """
        found: list[Mention] = []
        cues: list[tuple[int, str]] = []
        starts, lengths = tokens.starts, tokens.lengths
        for match_id, first, last in self._matcher(tokens.doc):
            key = self._keys[match_id]
            start = starts[first]
            if key.label == CUE:
                cues.append((start, str(key.value)))
                continue
            end = starts[last - 1] + lengths[last - 1]
            name = text[start:end]
            if key.cased and name.islower():
                continue
            if key.label in (COUNTRY, DEMONYM) and _is_geographic(text, start, end):
                continue
            found.append(Mention(start, end, name, key.label, key.value))
        cues.sort()
        return _longest_first(found), cues


def _unique_surnames(gazetteer: Gazetteer) -> dict[str, Any]:
    """Return family name -> person, for family names only one known official has.

    Both the first and the last word of a name are tried: family names come
    first in Chinese and Korean names ("Xi Jinping", "Yoon Suk Yeol").
    """
    owners: dict[str, list[Any]] = {}
    for person in gazetteer.people:
        words = person.name.split()
        for family in {words[0], words[-1]} if len(words) > 1 else set():
            if len(family) > 2 and family[:1].isupper():
                owners.setdefault(family, []).append(person)
    return {name: people[0] for name, people in owners.items() if len(people) == 1}


def _is_geographic(text: str, start: int, end: int) -> bool:
    """Return True for a state's name inside a region's ("Indian Ocean", "Latin America")."""
    before = text[max(0, start - 20) : start]
    return (
        _GEOGRAPHIC_AFTER.match(text, end) is not None
        or _GEOGRAPHIC_BEFORE.search(before) is not None
    )


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions with the same label; return them by start.

    One sweep in order of start: a mention that overlaps the one held for its
    label replaces it when it is longer, else is dropped.
    """
    kept: list[Mention] = []
    held: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        current = held.get(mention.label)
        if current is not None and mention.start < current.end:
            if mention.end - mention.start > current.end - current.start:
                held[mention.label] = mention
            continue
        if current is not None:
            kept.append(current)
        held[mention.label] = mention
    kept.extend(held.values())
    kept.sort(key=lambda m: (m.start, m.start - m.end))
    return kept


@lru_cache(maxsize=8)
def get_lexicon(data_dirs: tuple[str, ...] = ()) -> Lexicon:
    """Return the lexicon for the bundled data plus ``data_dirs`` (built once per tuple)."""
    paths: Sequence[Path] = tuple(Path(d) for d in data_dirs)
    return Lexicon(load_gazetteer(paths))
