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

from pactwatch.extract.gazetteer import Gazetteer, load_gazetteer
from pactwatch.extract.pipeline import Sentence, get_nlp

# Labels of the things the lexicon finds.
COUNTRY = "COUNTRY"
DEMONYM = "DEMONYM"
METONYM = "METONYM"
PERSON = "PERSON"
TITLE = "TITLE"
ENTRY = "ENTRY"
KIND = "KIND"

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
        self.country_names = frozenset(
            name for country in gazetteer.countries for name in (*country.names, country.name)
        )
        nlp = get_nlp()
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, _Key] = {}
        self._seen: set[tuple[str, str]] = set()
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
        cased = any(ch.isupper() for ch in name)
        self._keys[match_id] = _Key(label, value, cased)
        self._matcher.add(key_text, [nlp.make_doc(name)])

    def find(self, sent: Sentence) -> list[Mention]:
        """Return the lexicon's names in ``sent``: longest first where they overlap."""
        span = sent.doc[sent.first_token : sent.last_token]
        found: list[Mention] = []
        for match_id, first, last in self._matcher(span):
            key = self._keys[match_id]
            tokens = sent.doc[first:last]  # match offsets are into the whole doc
            text = tokens.text
            if key.cased and text.islower():
                continue
            start = tokens.start_char + sent.doc_offset
            end = start + len(text)
            if key.label in (COUNTRY, DEMONYM) and _is_geographic(sent, start, end):
                continue
            found.append(Mention(start, end, text, key.label, key.value))
        return _longest_first(found)


def _is_geographic(sent: Sentence, start: int, end: int) -> bool:
    """Return True for a state's name inside a region's ("Indian Ocean", "Latin America")."""
    rest = sent.text[end - sent.start :]
    before = sent.text[: start - sent.start]
    return (
        _GEOGRAPHIC_AFTER.match(rest) is not None or _GEOGRAPHIC_BEFORE.search(before) is not None
    )


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions with the same label; return them by start."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        clash = any(
            other.label == mention.label and other.start < mention.end and mention.start < other.end
            for other in kept
        )
        if not clash:
            kept.append(mention)
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return kept


@lru_cache(maxsize=8)
def get_lexicon(data_dirs: tuple[str, ...] = ()) -> Lexicon:
    """Return the lexicon for the bundled data plus ``data_dirs`` (built once per tuple)."""
    paths: Sequence[Path] = tuple(Path(d) for d in data_dirs)
    return Lexicon(load_gazetteer(paths))
