"""Short-range reference between sentences: "signed a 10-year deal" ... "The X was signed".

News often states an event generically first (with its date) and names it
in the next sentence, or names it and then calls it "the agreement". The
generic mention gives no event of its own; its date goes to the named one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactwatch.extract.context import SentenceInfo
from pactwatch.extract.drafts import Draft

_GENERIC_SIGNING = re.compile(
    r"\b(?P<verb>sign(?:ed|s)?|ink(?:ed|s)?|seal(?:ed|s)?|conclud(?:ed|es)|adopt(?:ed|s)|clinch(?:ed|es))"
    r"\s+(?:an?|the|their|its|two|three|four|five|several|\d+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<noun>deals?|contracts?|agreements?|pacts?|frameworks?|treat(?:y|ies)|accords?|roadmaps?"
    r"|declarations?)\b"
)
_THE_DEAL = re.compile(
    r"\b(?:the|this|that|these|those) (?:deal|contract|agreement|order|package)s?\b"
)
"""A definite reference to a deal just reported ("the deal includes", "of the agreements")."""
_REACH = 2
"""How many sentences later a named agreement may take a generic mention's date."""


@dataclass(frozen=True, slots=True)
class GenericSigning:
    """A sentence that reports a signing without naming the agreement, and its date."""

    sentence: int
    date: str


def find_generic_signing(info: SentenceInfo, drafts: list[Draft]) -> GenericSigning | None:
    """Return the dated generic signing in a sentence that names no agreement, or None."""
    dates = [d for d in info.dates if d.kind != "duration"]
    if any(d.type == "agreement" for d in drafts) or not dates:
        return None
    match = _GENERIC_SIGNING.search(info.lower)
    if match is None:
        return None
    nearest = min(dates, key=lambda d: abs(info.local(d.start) - match.start()))
    return GenericSigning(info.index, nearest.edtf)


def _apply_to_contents(pending: GenericSigning, drafts: list[Draft]) -> None:
    """ "The deal includes six helicopters": what a signed deal covers was ordered when it was.

    Also "the most important of the agreements is the procurement of ...".
    """
    for draft in drafts:
        if draft.type != "procurement" or draft.status is not None:
            continue
        if draft.info.index - pending.sentence > _REACH:
            continue
        if _THE_DEAL.search(draft.info.lower):
            draft.status = "ordered"
            draft.date = draft.date or pending.date


def apply_generic_signing(pending: GenericSigning | None, drafts: list[Draft]) -> bool:
    """Date the first undated signed agreement in ``drafts``; return True if one took it."""
    if pending is None:
        return False
    _apply_to_contents(pending, drafts)
    for draft in drafts:
        if draft.type != "agreement" or draft.date is not None:
            continue
        if draft.info.index - pending.sentence > _REACH:
            return False
        if draft.status in (None, "signed"):
            draft.date = pending.date
            draft.status = "signed"
            return True
    return False


_DEAL_SIGNED = re.compile(
    r"\b(?:the|this) (?:deal|contract|order)\b(?:[^.;]{0,60}?)\b(?:was|were|has been|had been)"
    r"\s+(?:formally\s+|officially\s+)?(?:signed|inked|sealed|concluded)\b"
)
"""A purchase just reported, now said to be signed ("The deal, worth $16 billion, was signed")."""
_NOT_YET_ORDERED = frozenset({None, "agreed", "negotiating"})


def sign_reported_deal(info: SentenceInfo, drafts: list[Draft], earlier: list[Draft]) -> None:
    """Make the last purchase reported before ``info`` ordered when this sentence, which names
    no platform of its own, says "the deal was signed"."""
    if any(d.type in ("procurement", "agreement") for d in drafts):
        return
    if _DEAL_SIGNED.search(info.lower) is None:
        return
    for draft in reversed(earlier):
        if info.index - draft.info.index > _REACH:
            return
        if draft.type == "procurement":
            if draft.status in _NOT_YET_ORDERED and not draft.hedged and not draft.negated:
                draft.status = "ordered"
            return
