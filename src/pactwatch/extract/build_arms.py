"""Arms trade: procurement, co-production, and trade measures between states."""

from __future__ import annotations

import re
from typing import Any, Final

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.kind_phrases import kind_phrases
from pactwatch.extract.lexicon import ENTRY, KIND, Mention

_PROCUREMENT_CUE = re.compile(
    r"\b(?:buy\w*|bought|purchas\w+|procur\w+|acquir\w+|acquisition|order\w*|contract\w*|deal"
    r"|deliver\w*|handed over|hand over|sale|sell\w*|sold|supply|supplied|supplies|induct\w*"
    r"|commission\w*|operates|arrived|received|transferr?\w*|import\w*|export\w*|use of)\b"
)
_COPRODUCTION_CUE = re.compile(
    r"\b(?:co-?produc\w+|co-?develop\w*|joint(?:ly)? (?:produc\w+|develop\w*|manufactur\w+|build)"
    r"|licen[cs]ed? (?:production|manufactur\w+)|technology transfer|transfer of technology"
    r"|joint venture|manufactur\w+ (?:\S+ ){0,5}in (?:India|[A-Z]\w+)|locally manufactur\w+"
    r"|build (?:\S+ ){0,3}locally|make in \w+)\b"
)
_COPRODUCTION_OF = re.compile(
    r"\b(?:co-?development|co-?production|joint production|collaboration regarding|manufacture)"
    r"\s+of\s+(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?\s+(?:engines?|aircraft|missiles?"
    r"|submarines?|helicopters?|drones?|systems?))\b"
    r"|\bcollaboration regarding\s+(?P<np2>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+engines?)\b"
)
_MEASURE = re.compile(
    r"(?P<np>(?:\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+)?(?:tariffs?|sanctions|embargo"
    r"|export controls?|(?:[\w-]+\s+){0,2}ban)(?:\s+on\s+[^,.;]{3,70}?)?)"
    r"(?=\s*(?:,|;|\.|$|\bhas\b|\bhave\b|\bduring\b|\bin\s+\d|\bwhich\b|\bthat\b|\bafter\b))"
)
_MEASURE_TRIGGER = re.compile(
    r"\b(?:impos\w*|slap\w*|levie?\w*|lift\w*|remov\w*|waiv\w*|eas(?:e|ed|es|ing)|end(?:ed|s)?"
    r"|announc\w*|sanction(?:ed|s))\b"
)
_KIND_REACH: Final = 60
_FOR_PLATFORM = re.compile(
    r"\b(?:for|to equip|to power|on)\s+(?:the|its|their|\w+[’']s)\s+(?:[\w-]+\s+){0,2}$"
)
_DIRECTION_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_DIRECTION_TO = re.compile(r"\b(?:to|for|by)\s+(?:the\s+)?$")
_MODEL_TOKEN = re.compile(r"^(?:[A-Z0-9][\w./-]*|\([A-Z]+\)|[A-Z][a-z]+(?:-[A-Z][a-z]+)*)$")
_LOWER_MODIFIER = re.compile(r"^[a-z][\w-]*$")

_PLATFORM_STOP: Final = frozenset(
    [
        "and",
        "or",
        "for",
        "to",
        "from",
        "with",
        "in",
        "on",
        "of",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "by",
        "under",
        "between",
        "which",
        "that",
        "the",
        "a",
        "an",
        "its",
        "their",
        "as",
        "at",
        "has",
        "have",
        "had",
        "will",
        "would",
        "procured",
        "bought",
        "ordered",
        "delivered",
    ]
)
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\s,;:]+)")


def _platform_mentions(info: SentenceInfo) -> list[Mention]:
    return [
        m for m in info.mentions if m.label == ENTRY and getattr(m.value, "kind", "") == "platform"
    ]


def _extend_platform(info: SentenceInfo, mention: Mention) -> tuple[int, int]:
    """Extend a platform name over the words up to its kind noun ("M777 ultra-light howitzers").

    Without a kind noun close behind, only model words and an acronym in
    parentheses extend it ("MH-60R Seahawk", "Rafale Marine (M)").
    """
    for kind in info.mentions:
        if kind.label != KIND or kind.start < mention.end or kind.start - mention.end > 45:
            continue
        words = info.text[info.local(mention.end) : info.local(kind.start)].split()
        if all(_is_modifier(word) for word in words):
            return mention.start, kind.end
        break
    end = mention.end
    for match in _NEXT_WORD.finditer(info.text, info.local(mention.end)):
        if match.start() != info.local(end) or not _MODEL_TOKEN.match(match.group("word")):
            break
        end = info.start + match.end()
    return mention.start, end


def _is_modifier(word: str) -> bool:
    return (
        word.lower() not in _PLATFORM_STOP
        and not word.endswith((",", ";", ":"))
        and (_MODEL_TOKEN.match(word) is not None or _LOWER_MODIFIER.match(word) is not None)
    )


def platform_states(mention: Mention) -> tuple[str, ...]:
    """Return the states whose makers design or supply a platform entry."""
    return tuple(getattr(mention.value, "states", ()) or ())


def build_procurements(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return procurement and co-production drafts for the platforms a sentence names."""
    procurement = _PROCUREMENT_CUE.search(info.lower) is not None
    coproduction = any(_builds_locally(info, m) for m in _COPRODUCTION_CUE.finditer(info.text))
    if not (procurement or coproduction):
        return []
    drafts: list[Draft] = []
    seen: set[int] = set()
    for mention in _platform_mentions(info):
        if id(mention.value) in seen:
            continue
        seen.add(id(mention.value))
        if _is_destination(info, mention.start):
            continue
        start, end = _extend_platform(info, mention)
        event_type = (
            "coproduction"
            if coproduction and not _nearer_procurement(info, start)
            else "procurement"
        )
        draft = Draft(
            event_type,
            clean_subject(info.text[info.local(start) : info.local(end)]),
            start,
            end,
            info,
        )
        draft.aliases = [
            n for n in (mention.value.name, *mention.value.aliases) if n != draft.subject
        ][:4]
        draft.from_ = _supplier(info, doc, mention, start)
        makers = platform_states(mention)
        if event_type == "coproduction" and len(makers) > 1 and set(makers) <= set(info.codes()):
            draft.joint = makers
        drafts.append(draft)
    if procurement:
        drafts.extend(_kind_drafts(info, [(d.start, d.end) for d in drafts]))
    for match in _COPRODUCTION_OF.finditer(info.text):
        group = "np" if match.group("np") else "np2"
        start, end = info.start + match.start(group), info.start + match.end(group)
        if not any(d.start < end and start < d.end for d in drafts):
            drafts.append(
                Draft(
                    "coproduction",
                    clean_subject(match.group(group)),
                    start,
                    end,
                    info,
                    confidence=0.5,
                )
            )
    return drafts


def _kind_drafts(info: SentenceInfo, taken: list[tuple[int, int]]) -> list[Draft]:
    """Return procurements of platforms named by kind ("Iranian drones") near a buying word."""
    cues = [info.start + m.start() for m in _PROCUREMENT_CUE.finditer(info.lower)]
    drafts: list[Draft] = []
    for phrase in kind_phrases(info, taken):
        if _is_destination(info, phrase.start):
            continue
        if not any(abs(cue - phrase.start) <= _KIND_REACH for cue in cues):
            continue
        draft = Draft("procurement", clean_subject(phrase.text), phrase.start, phrase.end, info)
        draft.from_ = phrase.state or _from_state(info, phrase.end)
        draft.confidence = 0.5
        drafts.append(draft)
    return drafts


def _from_state(info: SentenceInfo, after: int) -> str | None:
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
        if state.start >= after and _DIRECTION_FROM.search(before):
            return state.code
    return None


def _builds_locally(info: SentenceInfo, cue: re.Match[str]) -> bool:
    """Return False for "manufactured in Russia" said of a Russian platform: not co-production."""
    where = re.search(r"\bin ([A-Z]\w+)$", cue.group())
    if where is None:
        return True
    place = info.start + cue.start() + where.start(1)
    states = [s.code for s in info.states if s.start == place]
    inside = range(info.start + cue.start(), info.start + cue.end())
    makers = {
        code for m in _platform_mentions(info) if m.start in inside for code in platform_states(m)
    }
    return not states or states[0] not in makers


def _is_destination(info: SentenceInfo, start: int) -> bool:
    """Return True for the platform something is for ("engines for the upcoming Tejas")."""
    before = info.text[max(0, info.local(start) - 40) : info.local(start)]
    return _FOR_PLATFORM.search(before) is not None


def _nearer_procurement(info: SentenceInfo, start: int) -> bool:
    local = info.local(start)
    co = [abs(m.start() - local) for m in _COPRODUCTION_CUE.finditer(info.text)]
    pr = [abs(m.start() - local) for m in _PROCUREMENT_CUE.finditer(info.lower)]
    return bool(pr) and bool(co) and min(pr) < min(co) - 40


def _supplier(info: SentenceInfo, doc: DocumentInfo, mention: Mention, start: int) -> str | None:
    """Return the supplying state: "from X", "X-made", an adjective before, or the maker's state.

    "from X" counts when no other platform stands between the platform and it.
    """
    others = [m.start for m in _platform_mentions(info) if m.start > mention.start]
    limit = min(others, default=info.sent.end)
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
        if _DIRECTION_FROM.search(before) and (state.start < limit or state.start < start):
            return state.code
    for state in reversed(info.states):
        if state.end <= start and start - state.end <= 20 and state.how in ("DEMONYM", "COUNTRY"):
            between = info.text[info.local(state.end) : info.local(start)]
            if (
                "-made" in between
                or "-built" in between
                or state.end == start - 1
                or between.strip() in ("", "-made", "-built")
            ):
                return state.code
    makers = platform_states(mention)
    dyad_makers = [code for code in makers if code in doc.dyad]
    if dyad_makers:
        return dyad_makers[0]
    return makers[0] if makers else None


def recipient(info: SentenceInfo, doc: DocumentInfo, supplier: str | None) -> str | None:
    """Return the receiving state: "to X"/"for X", else the dyad member that is not the supplier."""
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 10) : info.local(state.start)]
        if _DIRECTION_TO.search(before) and state.code != supplier:
            return state.code
    named = [s.code for s in info.states if s.code != supplier and s.code in doc.dyad]
    if named:
        return named[0]
    others = [code for code in doc.dyad if code != supplier]
    if others:
        return others[0]
    return None


def build_trade_measures(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return tariffs, sanctions, bans and embargoes imposed or lifted."""
    if not _MEASURE_TRIGGER.search(info.lower):
        return []
    drafts: list[Draft] = []
    for match in _MEASURE.finditer(info.text):
        start, end = info.start + match.start("np"), info.start + match.end("np")
        draft = Draft("trade_measure", clean_subject(match.group("np")), start, end, info)
        targets = [s for s in info.states if start <= s.start < end]
        imposers = [s for s in info.states if s.end <= start]
        draft.to = targets[0].code if targets else None
        draft.from_ = imposers[-1].code if imposers else None
        drafts.append(draft)
    return drafts


def entry_value(mention: Mention) -> Any:
    """Return the gazetteer entry behind a mention."""
    return mention.value
