"""Blocking keys: the names under which an event can be found by a claim about it.

A claim and an event are candidates for each other only when they share a key.
Every key starts with the event type and the sorted parties
(``agreement|IN,US|``), then names the subject one of these ways:

- ``n:`` a name folded as the scorer folds it (gold/SCHEMA.md: case, dashes,
  quotes, "defense"/"defence", "U.S.", punctuation, stop words), plurals made
  singular: the subject and each alias;
- ``a:`` the acronym of a name of three or more words, with and without its
  short words ("Logistics Exchange Memorandum of Agreement" gives ``lemoa``
  and ``lema``), which a one-word name ("LEMOA") looks up, and ``s:`` a
  one-word name, which an expansion looks its acronyms up under: an acronym
  finds its expansion and the other way round, two expansions with the same
  initials never meet;
- ``c:`` the folded name without generic words ("Exercise Yudh Abhyas" and
  "Yudh Abhyas" share ``yudh abhyas``);
- ``m:`` a platform's model number ("F-404", "F404", "GE 404" share ``404``)
  for procurement and co-production.

Two names whose model numbers differ never match ("F404" is not "F414").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from pactwatch.evaluate.names import GENERIC_WORDS, STOP_WORDS, name_tokens

_MODEL: Final = re.compile(r"\b[A-Z]{1,4}[- ]?(\d{1,4}[A-Za-z]{0,2})\b")
_MODEL_TYPES: Final = frozenset({"procurement", "coproduction"})
_WORD: Final = re.compile(r"[A-Za-z0-9]+")


def _singular(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def fold(name: str) -> str:
    """Return ``name`` folded for matching: scorer folding, then plurals made singular."""
    return " ".join(_singular(token) for token in name_tokens(name))


def acronyms(name: str) -> set[str]:
    """Return the acronyms of a name of three or more words (with and without short words)."""
    words = _WORD.findall(name.replace("-", " "))
    if len(words) < 3:
        return set()
    every = "".join(word[0] for word in words).lower()
    content = "".join(word[0] for word in words if word.lower() not in STOP_WORDS).lower()
    return {every, content} - {""}


def model_numbers(name: str) -> set[str]:
    """Return the model numbers a platform name holds ("MQ-9B" gives ``9b``)."""
    return {found.lower() for found in _MODEL.findall(name)}


def name_keys(names: Iterable[str], *, event_type: str, lookup: bool = False) -> set[str]:
    """Return the name parts of the keys of a subject known by ``names``.

    Acronyms work one way: an expansion is stored under ``a:`` its acronyms and
    a one-word name looks ``a:`` itself up (and the other way round), so two
    expansions with the same initials never meet through them.
    """
    keys: set[str] = set()
    for name in names:
        raw = name_tokens(name)
        folded = " ".join(_singular(token) for token in raw)
        if not folded:
            continue
        keys.add(f"n:{folded}")
        found, alone = acronyms(name), len(raw) == 1
        # An expansion is stored under a:ACRONYM and looks up s:ACRONYM; a one-word
        # name (unfolded: "AAAS" is no plural) is stored under s: and looks up a:.
        keys.update(f"{'s' if lookup else 'a'}:{acronym}" for acronym in found)
        if alone:
            keys.add(f"{'a' if lookup else 's'}:{raw[0]}")
        core = " ".join(t for t in folded.split() if t not in GENERIC_WORDS)
        if core:
            keys.add(f"c:{core}")
        if event_type in _MODEL_TYPES:
            keys.update(f"m:{number}" for number in model_numbers(name))
    return keys


def event_keys(
    event_type: str, parties: Iterable[str], names: Iterable[str], *, lookup: bool = False
) -> set[str]:
    """Return every blocking key of an event of ``event_type`` between ``parties`` (the keys
    it is stored under, or with ``lookup`` those a claim about it looks up)."""
    return set(_keys(event_type, tuple(sorted(parties)), tuple(names), lookup))


@lru_cache(maxsize=65536)
def _keys(
    event_type: str, parties: tuple[str, ...], names: tuple[str, ...], lookup: bool
) -> frozenset[str]:
    prefix = f"{event_type}|{','.join(parties)}|"
    found = name_keys(names, event_type=event_type, lookup=lookup)
    return frozenset(prefix + key for key in found)


def is_named(name: str) -> bool:
    """Return True when ``name`` holds a proper name or a number ("Yudh Abhyas", "MQ-9B"),
    not only common words ("fighter jets", "the deal")."""
    return any(ch.isupper() or ch.isdigit() for ch in name)


def models_clash(first: Iterable[str], second: Iterable[str]) -> bool:
    """Return True when both name lists hold model numbers and none is shared."""
    ours = {n for name in first for n in model_numbers(name)}
    theirs = {n for name in second for n in model_numbers(name)}
    return bool(ours and theirs and not ours & theirs)
