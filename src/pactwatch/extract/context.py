"""What extraction knows about a document before it builds events.

For each sentence: the lexicon's names, the date mentions, and the states it
names (by name, adjective, seat of government, person or "Indo-" prefix).
For the document: its dyad, the two states it is most about, which fills in
parties that a sentence leaves implicit ("the two countries").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pactwatch.extract.dates import DateMention
from pactwatch.extract.lexicon import (
    COUNTRY,
    DEMONYM,
    ENTRY,
    METONYM,
    PERSON,
    Lexicon,
    Mention,
)
from pactwatch.extract.pipeline import Sentence

_STATE_LABELS = frozenset({COUNTRY, DEMONYM, METONYM, PERSON})


@dataclass(frozen=True, slots=True)
class StateMention:
    """A state named in a sentence: offsets, ISO code and how it was named."""

    start: int
    end: int
    code: str
    how: str


@dataclass(slots=True)
class SentenceInfo:
    """One sentence with the names, dates and states found in it."""

    sent: Sentence
    index: int
    mentions: list[Mention]
    dates: list[DateMention]
    states: list[StateMention]
    cues: frozenset[str] = frozenset()
    """Builders whose cue words the sentence holds (see :mod:`pactwatch.extract.cues`)."""
    lower: str = field(init=False)
    kinds: frozenset[str] = field(init=False)
    """Kinds of the listed names (platform, agreement, exercise...) the sentence holds."""
    trigger_matches: dict[str, list[tuple[str | None, int, int]]] = field(
        init=False, default_factory=dict
    )
    """Per event type, the (status, start, end) of its trigger phrases here (filled on demand
    by :func:`pactwatch.extract.triggers.triggers_in`, once per sentence, not once per draft)."""

    def __post_init__(self) -> None:
        self.lower = self.sent.text.lower()
        self.kinds = frozenset(
            str(getattr(m.value, "kind", "")) for m in self.mentions if m.label == ENTRY
        )

    @property
    def start(self) -> int:
        return self.sent.start

    @property
    def text(self) -> str:
        return self.sent.text

    def local(self, offset: int) -> int:
        """Return an absolute text offset as an offset into this sentence."""
        return offset - self.sent.start

    def codes(self) -> list[str]:
        """Return the states this sentence names, in order, each once."""
        return list(dict.fromkeys(s.code for s in self.states))


@dataclass(slots=True)
class DocumentInfo:
    """A document ready for event building: its sentences and its dyad."""

    text: str
    published: str | None
    sentences: list[SentenceInfo]
    dyad: tuple[str, ...]
    lexicon: Lexicon
    venue: tuple[int, str, str] | None = None
    """(sentence index, state, place) of the last meeting placed in a state, for "the meeting"."""
    fill_orders: dict[int, list[str]] = field(default_factory=dict)
    """Per sentence index, the states that complete an event's parties (computed once)."""


def find_states(sent: Sentence, mentions: list[Mention], lexicon: Lexicon) -> list[StateMention]:
    """Return the states a sentence names, by lexicon name and by "Indo-"-style prefixes."""
    states = [
        StateMention(m.start, m.end, m.value.state if m.label == PERSON else str(m.value), m.label)
        for m in mentions
        if m.label in _STATE_LABELS
    ]
    prefixes = _prefix_pattern(lexicon) if "-" in sent.text else None  # "Indo-" needs its "-"
    if prefixes is not None:
        for match in prefixes.finditer(sent.text):
            code = lexicon_prefix_code(lexicon, match.group(1))
            if code:
                start = sent.start + match.start(1)
                states.append(StateMention(start, start + len(match.group(1)), code, "PREFIX"))
    states.sort(key=lambda s: s.start)
    return states


_PREFIX_CACHE: dict[int, re.Pattern[str] | None] = {}


def _prefix_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    key = id(lexicon)
    if key not in _PREFIX_CACHE:
        forms = sorted(
            {p for c in lexicon.gazetteer.countries for p in c.prefixes}, key=len, reverse=True
        )
        _PREFIX_CACHE[key] = (
            re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")-(?!Pacific)")
            if forms
            else None
        )
    return _PREFIX_CACHE[key]


def lexicon_prefix_code(lexicon: Lexicon, prefix: str) -> str | None:
    """Return the state whose combining form is ``prefix`` ("Indo" -> "IN"), or None."""
    for country in lexicon.gazetteer.countries:
        if prefix in country.prefixes:
            return country.code
    return None


def document_dyad(sentences: list[SentenceInfo]) -> tuple[str, ...]:
    """Return the two states the document names most (first named wins a tie)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for info in sentences:
        for state in info.states:
            counts[state.code] += 1
            first_seen.setdefault(state.code, state.start)
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    return tuple(ranked[:2])
