"""Who supplies and who receives: the direction of a procurement or co-production.

The supplier is the state a sentence says the platform comes "from", the
state in "U.S.-made", or the maker's state from the data; the recipient is
the state it goes "to", the one whose purchase it is ("Beijing's purchases",
"Turkey agreed to buy"), else another state the sentence or document names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.lexicon import ENTRY, Mention

_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_TO = re.compile(r"\b(?:to|for|by)\s+(?:the\s+)?$")
_MADE = re.compile(r"^\s*-?\s*(?:made|built|designed|supplied|origin)?\s*$")
_BUYER_AFTER = re.compile(
    r"^(?:[’']s\s+(?:\w+\s+){0,2}(?:purchases?|acquisitions?|orders?|procurement|imports?"
    r"|buys?|deal)"
    r"|\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+|also\s+|then\s+|recently\s+){0,2}"
    r"(?:agreed to (?:buy|purchase|acquire)|bought|buys|purchased|purchases|ordered|orders"
    r"|acquired|acquires|received|receives|took delivery|inducted|signed|plans to (?:buy|acquire)"
    r"|is buying|was buying|operates|imports|imported))\b"
)

_SELLER_AFTER = re.compile(
    r"(?:\s+(?:in\s+\w+\s+|last\s+\w+\s+)?of\s+"
    r"|\s+(?:has\s+|had\s+|have\s+|is\s+|are\s+|was\s+|also\s+|will\s+|would\s+|not\s+|never\s+){0,3})"
    r"(?:delivering|supplying|sending|selling|transferring|delivered|supplied|sold|shipped"
    r"|sent|transferred|provid(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|gift(?:s|ed)?"
    r"|supply|sell|deliver|transfer)\b"
)
"""What follows the supplier: "Iran delivered", "accused Tehran in September of supplying"."""


def platform_states(mention: Mention) -> tuple[str, ...]:
    """Return the states whose makers design or supply a platform entry."""
    return tuple(getattr(mention.value, "states", ()) or ())


def supplier(
    info: SentenceInfo,
    doc: DocumentInfo,
    mention: Mention,
    start: int,
    *,
    others: Sequence[Mention] = (),
) -> str | None:
    """Return the supplying state: "from X", "X-made", an adjective before, or the maker's state.

    "from X" counts when no other platform (of ``others``) stands between
    the platform and it.
    """
    limit = min((m.start for m in others if m.start > mention.start), default=info.sent.end)
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
        if _FROM.search(before) and (state.start < limit or state.start < start):
            return state.code
    seller = seller_before(info, start)
    if seller is not None:
        return seller
    for state in reversed(info.states):
        close = state.end <= start and start - state.end <= 20
        if (
            close
            and state.how in ("DEMONYM", "COUNTRY")
            and _MADE.match(info.text[info.local(state.end) : info.local(start)])
        ):
            return state.code
    makers = platform_states(mention)
    in_dyad = [code for code in makers if code in doc.dyad]
    if makers:
        return (in_dyad or list(makers))[0]
    return company_state(info, mention.start, mention.end)


def company_state(info: SentenceInfo, start: int, end: int) -> str | None:
    """Return the home state of the first listed company named within ``start:end``
    ("Boeing helicopters", "sanctions on Lockheed Martin"), or None."""
    for mention in info.mentions:
        if mention.label != ENTRY or getattr(mention.value, "kind", "") != "company":
            continue
        states = getattr(mention.value, "states", ())
        if start <= mention.start < end and states:
            return str(states[0])
    return None


def seller_before(info: SentenceInfo, start: int) -> str | None:
    """Return the state written as the seller before ``start`` ("Iran delivered"), or None."""
    for state in info.states:
        if state.end <= start and _SELLER_AFTER.match(
            info.text, info.local(state.end), info.local(start)
        ):
            return state.code
    return None


def state_after_from(info: SentenceInfo, after: int) -> str | None:
    """Return the state written "from X" after offset ``after``, or None."""
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
        if state.start >= after and _FROM.search(before):
            return state.code
    return None


def recipient(info: SentenceInfo, doc: DocumentInfo, source: str | None) -> str | None:
    """Return the receiving state of something ``source`` supplies.

    In order: "to X"/"for X"; the buyer of "X's purchase" or "X bought";
    another state the sentence names; the other state of the document's dyad.
    """
    for state in info.states:
        before = info.lower[max(0, info.local(state.start) - 10) : info.local(state.start)]
        if _TO.search(before) and state.code != source:
            return state.code
    for state in info.states:
        if state.code != source and _BUYER_AFTER.match(info.text[info.local(state.end) :]):
            return state.code
    named = [s.code for s in info.states if s.code != source]
    in_dyad = [code for code in named if code in doc.dyad]
    if in_dyad or named:
        return (in_dyad or named)[0]
    return next((code for code in doc.dyad if code != source), None)
