"""Trade measures between states: tariffs, sanctions, bans and embargoes, imposed or lifted."""

from __future__ import annotations

import re

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.dates_patterns import MONTH_NAMES
from pactwatch.extract.directions import company_state
from pactwatch.extract.drafts import Draft, clean_subject

_MEASURE = re.compile(
    r"(?P<np>(?:\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+)?(?:tariffs?|sanctions|embargo"
    r"|restrictions|curbs|(?:arms\s+)?embargo"
    r"|(?:its\s+|the\s+)?(?:Entity List|entity list|blacklist|sanctions list)"
    r"|export controls?|\b(?:(?!(?:the|an?|its|their|removed|lifted|imposed|eased|ended|announced"
    r"|slapped|placed|scrapped)\b)[\w-]+\s+){0,2}ban)(?:\s+on\s+[^,.;]{3,70}?)?)"
    r"(?=\s*(?:,|;|\.|$|\bhas\b|\bhave\b|\bduring\b|\bin\s+\d|\bwhich\b|\bthat\b|\bafter\b"
    rf"|\b(?:in|on)\s+(?:early\s+|late\s+|mid-)?(?:{MONTH_NAMES})\b|\bon\s+\d"
    r"|\bover\b|\bfor\b|\bbecause\b|\bunder\b|\bin response\b|\bas\b"
    r"|\b(?:last|this|next|earlier)\s+(?:week|month|year)\b|\bon\s+(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)\b))"
)
_LIST = re.compile(r"(?i:entity list|blacklist|sanctions list)")
_TRIGGER = re.compile(
    r"\b(?:impos\w*|slap\w*|levie?\w*|lift\w*|remov\w*|waiv\w*|eas(?:e|ed|es|ing)|end(?:ed|s)?"
    r"|add(?:ed|s)? (?:\w+ ){0,4}to"
    r"|announc\w*|sanction(?:ed|s))\b"
)


def build_trade_measures(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return tariffs, sanctions, bans and embargoes a sentence says were imposed or lifted.

    The target is the state named inside the measure ("on Indian goods",
    "on Turkey's procurement body"), else the home state of a company named
    there ("on Lockheed Martin"); the imposer is the last state before it.
    """
    if not _TRIGGER.search(info.lower):
        return []
    drafts: list[Draft] = []
    for match in _MEASURE.finditer(info.text):
        start, end = info.start + match.start("np"), info.start + match.end("np")
        draft = Draft("trade_measure", clean_subject(match.group("np")), start, end, info)
        targets = [s for s in info.states if start <= s.start < end]
        imposers = [s for s in info.states if s.end <= start]
        if _LIST.search(match.group("np")) and len(imposers) >= 2:
            # "Washington added five Chinese firms to its Entity List"
            targets, imposers = imposers[1:], imposers[:1]
        draft.to = targets[0].code if targets else company_state(info, start, end)
        draft.from_ = imposers[-1].code if imposers else None
        drafts.append(draft)
    return drafts
