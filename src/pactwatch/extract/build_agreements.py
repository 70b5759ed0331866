"""Agreements, designations and institutions: named things that states sign, grant or set up."""

from __future__ import annotations

import re
from typing import Any, Final

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.described import Described, described_agreements
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.lexicon import ENTRY
from pactwatch.extract.names import (
    AGREEMENT_HEADS,
    DATE_AFTER,
    INSTITUTION_HEADS,
    RAISED_TO,
    agreement_names,
    headed_names,
    parenthesis_after,
)

_GENERIC_NAME_WORDS: Final = frozenset(
    """agreement agreements deal pact treaty memorandum understanding framework arrangement
    accord protocol statement minute roadmap plan program programme joint defence defense
    military cooperation partnership strategic bilateral new historic the a an of on for and
    in to with between declaration vision charter convention compact intergovernmental
    inter-governmental government-to-government formal legal existing""".split()
)
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")
"""An acronym in a parenthesis after a name ("Comprehensive Strategic Partnership (CSP)")."""
_PARTNERSHIP_ONLY = re.compile(
    r"^(?!.*\b(?:Agreement|Treaty|Pact|Accord|Declaration|Memorandum|MoU)\b).*\bPartnership\b"
)
_PARTNERSHIP_ACT = re.compile(
    r"\b(?:elevat|upgrad|conclud|sign|establish|set up|forg|launch|inaugurat|enter)\w*"
)
"""A partnership is an event only when the sentence says it was made or raised."""
_HEAD_WORD = re.compile(
    r"\b(?:agreements?|pacts?|treat(?:y|ies)|memorand\w+|mous?|accords?|protocols?|plan"
    r"|roadmap|arrangements?|program\w*|deal)\b",
    re.IGNORECASE,
)
_GRANT_VERB = re.compile(
    r"\b(?:granted|grants|gave|gives|conferred|awarded|designat(?:ed|es|ing)|plac(?:e|ed|ing)"
    r"|mov(?:e|ed|ing)|elevat(?:e|ed|ing)|upgrad(?:e|ed|ing))\b"
)
_SIGNED = re.compile(r"\b(?:signed|inked|sealed|concluded|clinched|struck)\b")
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_PURCHASE = re.compile(r"\b(?:procure|purchas|suppl|sale|sell|acqui|deliver|buy|order)\w*")
_INSTITUTION_TRIGGER = re.compile(
    r"\b(?:form(?:ed|s|ing)?|set(?:ting)? up|establish(?:ed|es|ing)?|creat(?:e|ed|es|ing)"
    r"|launch(?:ed|es)?|constitut(?:e|ed|es)|construct|inaugurat(?:ed|es)|institut(?:e|ed))\b"
)
_DESCRIPTIVE_INSTITUTION = re.compile(
    r"\b(?:an?|the)\s+(?P<np>(?:new\s+)?(?:[\w’'-]+\s+){0,3}?(?:task force|working group|joint"
    r" committee|committee|commission|mechanism|council|cell|headquarters|command|group)"
    r"(?:\s+(?:to|on|for)\s+[^,;.]{3,60}?)?)(?=\s*(?:,|;|\.|$|\bthat\b|\bwhich\b|\bfor\b"
    r"|\bin\s|\bat\s|\blast\b|\bthis\b|\bearlier\b|\bon\s+[A-Z\d]))"
)
_DESIGNATION_QUOTED = re.compile(
    r"\bdesignat\w*\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:as\s+)?(?:an?\s+)?"
    r"(?:[“\"‘](?P<quoted>[A-Z][^”\"’]{3,60}?)[,.]?[”\"’]"
    r"|(?P<name>(?:[\w-]+,?\s+){0,4}?(?:ally|partner|partner country|partner state)))\b"
)


def _head_at(subject: str) -> int:
    """Return where the head noun of a described agreement starts ("Rafale M *agreement*")."""
    match = _HEAD_WORD.search(subject)
    return match.start() if match else len(subject)


def _entry_kind(value: Any) -> str | None:
    return getattr(value, "kind", None)


def _entry_names(value: Any) -> list[str]:
    return [value.name, *value.aliases]


def _is_specific(name: str) -> bool:
    words = re.findall(r"[\w’'-]+", name.lower())
    return any(w not in _GENERIC_NAME_WORDS and not w.isdigit() for w in words)


def _entry_drafts(info: SentenceInfo, kind: str, event_type: str) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[int] = set()
    for mention in info.mentions:
        if mention.label != ENTRY or _entry_kind(mention.value) != kind:
            continue
        if id(mention.value) in seen:
            continue
        if kind == "institution" and getattr(mention.value, "category", None) == "domestic":
            continue
        seen.add(id(mention.value))
        draft = Draft(event_type, mention.text, mention.start, mention.end, info)
        draft.aliases = [n for n in _entry_names(mention.value) if n != mention.text]
        drafts.append(draft)
    return drafts


def _overlaps(drafts: list[Draft], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in drafts)


def build_agreements(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return agreement drafts: listed agreements, "X Agreement" names, described agreements."""
    drafts = _entry_drafts(info, "agreement", "agreement")
    for local_start, local_end in agreement_names(info.text):
        start, end = info.start + local_start, info.start + local_end
        name = info.text[local_start:local_end]
        inner = parenthesis_after(info.text, local_end)
        dated = DATE_AFTER.match(info.text, local_end) is not None
        acronym = inner is not None and _ACRONYM.fullmatch(inner[0]) is not None
        if _overlaps(drafts, start, end) or not (_is_specific(name) or dated or acronym):
            continue  # "the Joint Statement" names nothing; "their Vision Statement of 2018" does
        if _PARTNERSHIP_ONLY.search(name) and not _PARTNERSHIP_ACT.search(info.lower):
            continue  # "a pillar of the Strategic Partnership": background, not an event
        draft = Draft("agreement", clean_subject(name), start, end, info)
        if inner is not None and inner[0].isupper() and len(inner[0]) <= 12:
            draft.aliases.append(inner[0])
        drafts.append(draft)
    for found in described_agreements(info):
        if _overlaps(drafts, found.start, found.end):
            continue
        if not (_is_specific(found.subject) or _newly_signed(info, found)):
            continue  # "the agreement" is one told before; "signed a defence pact" is new
        if any(
            m.label == ENTRY
            and getattr(m.value, "kind", "") == "platform"
            and found.start <= m.start < found.end
            and (_PURCHASE.search(found.subject) or m.start < found.start + _head_at(found.subject))
            for m in info.mentions
        ):
            continue  # "the Rafale M agreement", "an agreement to buy X": a procurement
        draft = Draft("agreement", clean_subject(found.subject), found.start, found.end, info)
        draft.status, draft.status_fixed = found.status, found.status is not None
        draft.confidence = 0.5
        drafts.append(draft)
    return drafts


def _newly_signed(info: SentenceInfo, found: Described) -> bool:
    """Whether a generic description is a new agreement: "signed a defence cooperation pact",
    "signed an agreement on military cooperation" (a signing verb just before "a"/"an", and
    more than the head noun)."""
    before = info.lower[max(0, info.local(found.start) - 20) : info.local(found.start)]
    bare = len(found.subject.split()) < 2  # "an agreement" says nothing of what it is
    return found.indefinite and not bare and _SIGNED.search(before) is not None


def build_institutions(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return institutions a sentence says were formed, set up or dissolved."""
    raised = [
        d
        for d in _entry_drafts(info, "institution", "institution")
        if RAISED_TO.search(info.text[max(0, info.local(d.start) - 60) : info.local(d.start)])
    ]  # "raising it to a 2+2 dialogue": the mechanism is set up
    if not _INSTITUTION_TRIGGER.search(info.lower) and "dissol" not in info.lower:
        return raised
    drafts = _entry_drafts(info, "institution", "institution")
    for local_start, local_end in headed_names(info.text, INSTITUTION_HEADS):
        start, end = info.start + local_start, info.start + local_end
        name = info.text[local_start:local_end]
        if not _overlaps(drafts, start, end) and _is_specific(name):
            drafts.append(Draft("institution", clean_subject(name), start, end, info))
    for match in _DESCRIPTIVE_INSTITUTION.finditer(info.text):
        start, end = info.start + match.start("np"), info.start + match.end("np")
        before = info.lower[max(0, match.start() - 30) : match.start()]
        if not _overlaps(drafts, start, end) and _INSTITUTION_TRIGGER.search(before):
            subject = clean_subject(match.group("np"))
            drafts.append(Draft("institution", subject, start, end, info, confidence=0.5))
    return [d for d in drafts if not AGREEMENT_HEADS.search(d.subject)]


def build_designations(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return designations granted or revoked ("designated as a Major Defence Partner")."""
    drafts = _entry_drafts(info, "designation", "designation")
    if drafts or "designat" not in info.lower:
        return drafts
    for match in _DESIGNATION_QUOTED.finditer(info.text):
        group = "quoted" if match.group("quoted") else "name"
        name = clean_subject(match.group(group))
        if name[:1].isupper() or "ally" in name.lower() or "partner" in name.lower():
            start = info.start + match.start(group)
            drafts.append(Draft("designation", name, start, start + len(name), info))
    return drafts


def designation_direction(draft: Draft) -> tuple[str | None, str | None]:
    """Return (designating, designated) states of a designation draft.

    "by X" names the giver; in "X granted Y ..." or "X designated Y as ..." the
    state just before the nearest such verb gives and the one after receives; otherwise the
    state before the designation ("India was designated", "Pakistan's
    designation") receives it.
    """
    info = draft.info
    by: str | None = None
    giver: str | None = None
    receiver: str | None = None
    verbs = list(_GRANT_VERB.finditer(info.text[: info.local(draft.start)]))
    verb = verbs[-1] if verbs else None  # the nearest: "conferred in 2016, ... to place India in"
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
        if _BY.search(before):
            by = state.code
        elif verb is not None and state.end <= info.start + verb.start():
            giver = state.code  # the last state before the verb ("the decision of X to place")
        elif verb is not None and state.start >= info.start + verb.end():
            receiver = receiver or state.code
        elif state.end <= draft.start and receiver is None:
            receiver = state.code
    return by or giver, receiver
