"""Deals named by their value or size: "the $374.9 million contract", "a huge contract".

A contract or deal that names no platform is still a procurement (or, where
the sentence speaks of local manufacture, a co-production); its direction
comes from the sentence ("from Russia") or from the document's other
procurements.
"""

from __future__ import annotations

import re

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.directions import state_after_from
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.kind_phrases import KindPhrase, kind_phrases
from pactwatch.extract.lexicon import ENTRY

_DEAL = re.compile(
    r"\b(?:a|an|the)\s+(?P<np>(?:(?:US)?\$\s?[\d.,]+(?:[\s-]?(?:million|billion|bn|mn|crore))?"
    r"(?:[\s-]dollar)?|[\d.,]+[\s-](?:million|billion)[\s-]dollar|huge|major|massive|landmark"
    r"|multi-?billion(?:[\s-]dollar)?)\s+(?:arms\s+|defen[cs]e\s+|weapons\s+)?"
    r"(?:contract|deal|order)s?(?:\s+with\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?)"
)
_WHAT = re.compile(
    r"\s+(?:for|of)\s+(?:the\s+|an?\s+)?(?P<what>[a-z][^,.;()]{3,60}?)"
    r"(?=\s+(?:to|from|in|with|under|at|which|that|approved|signed)\b|[,.;]|$)"
)
"""What a deal is for, when the sentence says it in words rather than by a platform's name."""
_PLATFORM_REACH = 60
_LOCAL_BUILD = re.compile(
    r"\b(?:locally manufactur\w+|manufactur\w+ (?:\w+ ){0,3}locally|built in|build (?:\w+ ){0,3}in"
    r"|technology transfer|transfer of technology|under licen[cs]e|co-?produc\w+)\b"
)


def build_deals(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return procurements (or co-productions) of deals named by their value or size."""
    drafts: list[Draft] = []
    phrases = kind_phrases(info, [])
    for match in _DEAL.finditer(info.text):
        start, end = info.start + match.start("np"), info.start + match.end("np")
        if _names_platform(info, phrases, start, end + _PLATFORM_REACH):
            continue  # a deal for a platform is found with the platform
        subject, aliases = clean_subject(match.group("np")), []
        what = _WHAT.match(info.text, match.end("np"))
        if what is not None:
            subject, aliases = clean_subject(what.group("what")), [subject]
            start, end = info.start + what.start("what"), info.start + what.end("what")
        event_type = "coproduction" if _LOCAL_BUILD.search(info.lower) else "procurement"
        draft = Draft(event_type, subject, start, end, info, aliases=aliases)
        draft.from_ = state_after_from(info, info.start + match.start()) or _state_of_seller(
            info, start, end
        )
        draft.confidence = 0.5
        draft.oriented = draft.from_ is not None
        drafts.append(draft)
    return drafts


def _names_platform(info: SentenceInfo, phrases: list[KindPhrase], start: int, end: int) -> bool:
    """Return True when a platform that gets its own event is named between start and end."""
    return any(
        m.label == ENTRY and getattr(m.value, "kind", "") == "platform" and start <= m.start < end
        for m in info.mentions
    ) or any(start <= p.start < end for p in phrases)


def _state_of_seller(info: SentenceInfo, start: int, end: int) -> str | None:
    """Return the state written in "with Rosoboronexport of Russia" right after the deal."""
    tail = info.text[info.local(end) : info.local(end) + 30]
    if not re.match(r"\s+of\s+", tail):
        return None
    for state in info.states:
        if end < state.start <= end + 30:
            return state.code
    return None
