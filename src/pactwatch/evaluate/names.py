"""When two names name the same thing: the folding and same-name rule of gold/SCHEMA.md.

SCHEMA.md, "How a system's output is scored against gold": names are compared
after case-folding, folding dashes and quotes, "defense" to "defence" and
"U.S." to "us", turning other punctuation into spaces and dropping stop words.
Two names are the same when they are equal, or one equals an alias of the
other, or their rapidfuzz ``token_set_ratio`` is at least 85 *and* the tokens
they share include one that is not a generic word ("the agreement" names
nothing).

One addition, stated in docs/eval.md: accents are folded with case
("Béchar" = "Bechar"), since a one-word place would otherwise miss by fuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from rapidfuzz import fuzz

SIMILARITY_THRESHOLD: Final = 85.0
"""Least ``token_set_ratio`` (0–100) at which two different names may be the same."""

STOP_WORDS: Final[frozenset[str]] = frozenset(
    ["the", "a", "an", "of", "for", "on", "and", "in", "to", "with", "between", "by", "at"]
)
"""Dropped from every name before comparing (SCHEMA.md)."""

_GENERIC_STEMS: Final = (
    *("agreement", "deal", "pact", "treaty", "memorandum", "understanding", "framework"),
    *("arrangement", "exercise", "drill", "meeting", "talk", "dialogue", "visit", "summit"),
    *("contract", "order", "purchase", "sale", "procurement", "delivery", "tariff", "joint"),
    *("defence", "military", "cooperation", "partnership", "strategic", "bilateral", "year"),
    "new",
)

_IRREGULAR_PLURALS: Final = ("treaties", "memoranda", "deliveries", "militaries")

GENERIC_WORDS: Final[frozenset[str]] = frozenset(
    [*_GENERIC_STEMS, *(f"{word}s" for word in _GENERIC_STEMS), *_IRREGULAR_PLURALS]
)
"""Words that name no particular thing: a shared one alone does not make names the same.

The list of SCHEMA.md with each word's singular and plural ("drills", "talks"
and "tariffs" are listed there in the plural; their singulars count too).
"""

_DASHES: Final = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
_QUOTES: Final = re.compile(r"[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]")
_DOUBLE_QUOTES: Final = re.compile(r"[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]")
_US: Final = re.compile(r"(?<![\w.])u\.s\.?(?!\w)")
_PUNCTUATION: Final = re.compile(r"[^\w\s]|_")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_tokens(name: str) -> tuple[str, ...]:
    """Return the tokens of ``name`` after the folding of SCHEMA.md, stop words dropped."""
    text = _strip_accents(name).casefold()
    text = _DOUBLE_QUOTES.sub('"', _QUOTES.sub("'", _DASHES.sub("-", text)))
    text = _US.sub("us", text.replace("defense", "defence"))
    text = _PUNCTUATION.sub(" ", text)
    return tuple(token for token in text.split() if token not in STOP_WORDS)


def fold_name(name: str) -> str:
    """Return ``name`` folded for comparison: its tokens joined by single spaces."""
    return " ".join(name_tokens(name))


def similar_names(first: str, second: str) -> bool:
    """Return True when two *folded* names pass the similarity half of the rule.

    That is: ``token_set_ratio`` at least 85 and a shared token outside
    :data:`GENERIC_WORDS`.
    """
    shared = set(first.split()) & set(second.split())
    if not shared - GENERIC_WORDS:
        return False
    return fuzz.token_set_ratio(first, second, processor=None) >= SIMILARITY_THRESHOLD


def same_name(
    first: str,
    second: str,
    *,
    first_aliases: Iterable[str] = (),
    second_aliases: Iterable[str] = (),
) -> bool:
    """Return True when ``first`` and ``second`` name the same thing by the rule of SCHEMA.md.

    Aliases count by equality only (after folding): a name matches the other
    side's alias when they fold to the same string; the similarity rule is
    applied to the two names themselves. A name that folds to nothing names
    nothing.
    """
    folded_first, folded_second = fold_name(first), fold_name(second)
    if not folded_first or not folded_second:
        return False
    if folded_first == folded_second:
        return True
    if folded_first in {fold_name(alias) for alias in second_aliases}:
        return True
    if folded_second in {fold_name(alias) for alias in first_aliases}:
        return True
    return similar_names(folded_first, folded_second)
