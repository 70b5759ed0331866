"""Agreements described rather than named: "a memorandum of understanding on X", "strategic pacts
with Pyongyang and Belarus", "the 10-year pact on military cooperation was renewed".

A description counts only next to a word that makes it an event (signed,
renewed, "part of", "already has"); "pacts with A and B" gives one
agreement per state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

from pactwatch.extract.context import SentenceInfo

_STOP = (
    r"(?:the|an?|of|in|on|for|with|to|after|before|was|were|is|are|has|have|had|that|which|by"
    r"|its|their|his|her|this|these|those|and|or|but|as)"
)
_HEADS = (
    r"(?i:agreements?|pacts?|treaty|treaties|memorandum of understanding|memoranda of"
    r" understanding|memorand(?:um|a)|mous?|accords?|protocols?|plan|roadmap|arrangements?"
    r"|program(?:me)?)"
)
HEAD_WORDS: Final = (
    "agreement", "pact", "treat", "memorand", "mou", "accord", "protocol", "plan", "roadmap",
    "arrangement", "program",
)  # fmt: skip
"""Every match of ``_HEADS`` holds one of these (lower-cased): a sentence with none of them
describes no agreement and is not scanned."""
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|\d|last\b|this\b|next\b)"
)
_TAIL = (
    r"(?:\s+(?:on|for|with|regarding|concerning|between|to|of)\s+"
    rf"(?!{_WHEN})[^,;.“”\"()]{{3,120}}?"
    r"|\s+under which\s+[^,;.“”\"()]{3,120}?)?"
)
_END = (
    r"(?=\s*(?:,|;|\.|$|\)|\bthat\b|\bwhich\b|\bwas\b|\bwere\b|\bis\b|\bare\b|\bwill\b"
    r"|\bin\s+(?:19|20)\d\d|\bin\s+[A-Z][a-z]+\s+(?:19|20)\d\d|\bunder\b|\bsigned\b"
    r"|\bwith\s+[A-Z]|\bas\b|\bto\s+[a-z]+\b|\bthrough\b|\bduring\b|\bfor\s+(?:the\s+)?[a-z]+ing\b"
    r"|\b(?:in|at)\s+(?:the\s+)?[A-Z]|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|\d)|\b(?:last|this|next|earlier|later)\s+(?:week|month|year)|\bwhile\b"
    r"|\b(?:meant|intended|aimed|designed|expected|set)\s+to\b))"
)
_DESCRIBED = re.compile(
    r"\b(?P<intro>(?i:an?|the|signed|inked|concluded|sealed|has|have|had|part of|under"
    r"|execution of))"
    rf"\s+(?:an?\s+|the\s+)?(?P<np>(?:(?!{_STOP}\b)[\w’'-]+\s+){{0,4}}?{_HEADS}{_TAIL}){_END}"
)
_EVENT_WORD = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?|conclud(?:ed|es)|adopt(?:ed|s)"
    r"|entered into|renew(?:ed|s)|ratif(?:ied|ies)|reached|struck|extend(?:ed|s)|amend(?:ed|s)"
    r"|negotiat\w+|finali[sz]\w+|agreed)\b"
)
_CIVIL = re.compile(
    r"\b(?:nuclear power|power plant|energy|oil|gas pipeline|trade|tariff|investment|railway"
    r"|space|health|education|visa|tourism|culture|agricultur\w+|fisheries|climate|tax)\b",
    re.IGNORECASE,
)
_NAMED_STATE: Final = frozenset({"COUNTRY", "METONYM"})
_IN_FORCE_INTRO: Final = frozenset({"part of", "under", "execution of"})
_HAS_INTRO: Final = frozenset({"has", "have", "had"})
_ARTICLE = re.compile(r"\ban?\s+$")
_WITH_STATES = re.compile(r"^(?P<head>.+?\bwith)\s+")


@dataclass(frozen=True, slots=True)
class Described:
    """An agreement described in a sentence: absolute span, subject and a status it implies."""

    start: int
    end: int
    subject: str
    status: str | None
    indefinite: bool = False
    """Introduced by "a"/"an": a new agreement, not one told before ("the agreement")."""


def described_agreements(info: SentenceInfo) -> Iterator[Described]:
    """Yield the described agreements of a sentence, split per state where it lists several.

    Civil cooperation (energy, trade, space...) is left out, as the gold
    conventions say.
    """
    if not any(word in info.lower for word in HEAD_WORDS):
        return
    for match in _DESCRIBED.finditer(info.text):
        if _CIVIL.search(match.group("np")):
            continue
        intro = match.group("intro").lower()
        status = (
            "in_force" if intro in _IN_FORCE_INTRO else "signed" if intro in _HAS_INTRO else None
        )
        if intro in ("a", "an", "the") and not _near_event_word(info, match):
            continue
        start = info.start + match.start("np")
        end = info.start + match.end("np")
        indefinite = _ARTICLE.search(info.lower[match.start() : match.start("np")]) is not None
        for found in _per_state(info, match.group("np"), start, end, status):
            yield replace(found, indefinite=indefinite)


def _near_event_word(info: SentenceInfo, match: re.Match[str]) -> bool:
    before = info.lower[max(0, match.start() - 120) : match.start()]
    after = info.lower[match.end() : match.end() + 50]
    return _EVENT_WORD.search(before) is not None or _EVENT_WORD.search(after) is not None


def _per_state(
    info: SentenceInfo, np: str, start: int, end: int, status: str | None
) -> Iterator[Described]:
    """Split "pacts with Pyongyang and Belarus" into one description per state."""
    head = _WITH_STATES.match(np)
    states = [s for s in info.states if start < s.start and s.end <= end and s.how in _NAMED_STATE]
    if head is None or len({s.code for s in states}) < 2:
        yield Described(start, end, np, status)
        return
    for state in states:
        name = info.text[info.local(state.start) : info.local(state.end)]
        yield Described(state.start, state.end, f"{head.group('head')} {name}", status)
