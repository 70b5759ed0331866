"""Platforms named only by their kind: "Iranian drones", "SIG Sauer rifles", "close-range missiles".

When no listed platform is named, a kind noun with what qualifies it still
says what was bought or delivered. A bare "weapons" or "systems" says too
little, and needs a capitalised name in front of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pactwatch.extract.context import SentenceInfo
from pactwatch.extract.lexicon import DEMONYM, ENTRY, KIND, Mention

VAGUE_KINDS: Final = frozenset(
    {"combat_system", "ammunition", "radar", "weapon", "equipment", "vehicle", "ship", "aircraft"}
)
_TRADED_AS_SUCH: Final = frozenset({"ammunition"})
"""Vague kinds that still make a sale when they are the object of one ("sell ammunition")."""
_STOP: Final = frozenset(
    """the a an of to from for with and or in on at by its their his her this that these those
    some many more most several other all any such is are was were has have had be been being
    which who use delivering supplying selling buying purchasing acquiring procuring ordering
    receiving transferring providing sending shipping exporting importing using operating
    deploying building producing manufacturing making one two three four five six seven eight
    nine ten eleven twelve dozen would will could should can may might must provide provides
    provided get gets got make makes regarding concerning including such like about
    collaboration cooperation development production""".split()
)
_VERB = re.compile(
    r"^(?:buy\w*|bought|purchas\w+|procur\w+|acquir\w+|order\w*|deliver\w*|sell\w*|sold"
    r"|suppl\w+|receiv\w+|transferr?\w*|import\w*|export\w*|operat\w+|induct\w+"
    r"|licen[cs]e-\w+|co-?(?:produc|develop|build|manufactur)\w*)$"
)
_SUPPLY_VERB = re.compile(
    r"\b(?:provid\w*|suppl(?:y|ies|ied|ying)|deliver\w*|sell\w*|sold|transferr?\w*|export\w*"
    r"|buy\w*|bought|purchas\w+|acquir\w+|order\w*|develop|produce|co-?produce|co-?develop"
    r"|manufacture|build)\s+(?:an?\s+|the\s+)?$"
)
_DEFINITE = re.compile(
    r"(?:\bthe|\bthese|\bthose|\bits|\btheir|[’']s)\s+(?:[\w-]+,?\s+){0,3}$", re.IGNORECASE
)
_WORD = re.compile(r"[\w’'./-]+$")


@dataclass(frozen=True, slots=True)
class KindPhrase:
    """A platform named by its kind, with the state of an adjective in front if any."""

    start: int
    end: int
    text: str
    state: str | None
    named: bool = False
    """True when capitalised words name the maker or model ("SIG Sauer rifles")."""
    kind: str = ""
    """The platform kind of the noun ("frigate", "drone")."""


def kind_phrases(info: SentenceInfo, taken: list[tuple[int, int]]) -> list[KindPhrase]:
    """Return the kind-noun phrases of a sentence outside the spans in ``taken``."""
    found: list[KindPhrase] = []
    kinds = [m for m in info.mentions if m.label == KIND]
    for mention in kinds:
        if any(s < mention.end and mention.start < e for s, e in taken):
            continue
        if any(0 < k.start - mention.end <= 1 for k in kinds):
            continue  # "helicopter engines": the first noun qualifies the second
        phrase = _phrase(info, mention)
        if phrase is not None and not _names_platform(info, phrase):
            found.append(phrase)
    return found


def _phrase(info: SentenceInfo, kind: Mention) -> KindPhrase | None:
    start = kind.start
    words = 0
    before = info.text[: info.local(kind.start)]
    while words < 4:
        last = last_word(before)
        if last is None or not _WORD.match(last[0]):
            break
        word, word_start = last
        if (
            word.lower() in _STOP
            or _VERB.match(word.lower())
            or word[:1].isdigit()
            or word.endswith(("’s", "'s", ","))
        ):
            break
        at = info.start + word_start
        named_state = next((s for s in info.states if s.start == at), None)
        if named_state is not None and named_state.how != DEMONYM:
            break  # "Ukraine would provide ...": the state is no modifier
        start = at
        before = before[:word_start]
        words += 1
        if named_state is not None:
            break  # "Iranian drones": the adjective ends the phrase
    state = _state_at(info, start)
    text = info.text[info.local(start) : info.local(kind.end)]
    named = any(w[:1].isupper() for w in text.split()[:-1])
    supplied = words == 0 and _SUPPLY_VERB.search(before) is not None
    traded = supplied and str(kind.value) in _TRADED_AS_SUCH
    if str(kind.value) in VAGUE_KINDS and not named and not traded:
        return None  # "the equipment": too vague; "agreed to sell ammunition" is a sale
    if state is None and _DEFINITE.search(info.text[: info.local(start)]):
        return None  # "the combat UAVs": a platform named before, not a new one
    if not named and state is None and words == 0 and not supplied:
        return None
    return KindPhrase(start, kind.end, text, state, named, str(kind.value))


def last_word(text: str) -> tuple[str, int] | None:
    """Return the last word of ``text`` and its offset, or None unless whitespace ends ``text``.

    What ``re.search(r"(\\S+)\\s+$", text)`` finds, without its scan from every offset.
    """
    stripped = text.rstrip()
    if not stripped or len(stripped) == len(text):
        return None
    word = stripped.rsplit(None, 1)[-1]
    return word, len(stripped) - len(word)


def _names_platform(info: SentenceInfo, phrase: KindPhrase) -> bool:
    return any(
        m.label == ENTRY
        and getattr(m.value, "kind", "") != "company"  # "Airbus helicopters": a maker, no name
        and phrase.start <= m.start < phrase.end
        for m in info.mentions
    )


def _state_at(info: SentenceInfo, start: int) -> str | None:
    for state in info.states:
        if state.start == start and state.how == DEMONYM:
            return state.code
    return None
