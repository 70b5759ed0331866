"""Trigger words, as rows: for each event type, the phrases that state each status.

A row is ``(status, pattern)``; the pattern is a regular expression over the
lower-cased sentence. The first row of a type that matches nearest to the
event's subject gives its status (see :func:`pactwatch.extract.status.find_status`).
Rows are tried in order within a type, so a longer, more specific phrase
comes before a shorter one it contains ("entered into force" before
"entered into").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pactwatch.extract.context import SentenceInfo

_SIGN = (
    r"sign(?:ed|s|ing)?|ink(?:ed|s|ing)|seal(?:ed|s|ing)|conclud(?:ed|es|ing)|adopt(?:ed|s|ing)"
    r"|clinch(?:ed|es)?|entered into|reached|finali[sz]ed|struck|ratified|agreed to the"
)


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One row of the trigger table: a status of a type and the phrases that state it."""

    type: str
    status: str | None
    pattern: re.Pattern[str]


def _rows(event_type: str, *rows: tuple[str | None, str]) -> tuple[TriggerRow, ...]:
    return tuple(
        TriggerRow(event_type, status, re.compile(rf"\b(?:{pattern})\b"))
        for status, pattern in rows
    )


TRIGGERS: Final[dict[str, tuple[TriggerRow, ...]]] = {
    "agreement": _rows(
        "agreement",
        ("in_force", r"(?:entered|enters|came|comes|coming|entry) into force|in force|existing"),
        (
            "extended",
            r"renew(?:ed|s|al|ing)?|extend(?:ed|s|ing)?|extension|updated|amend(?:ed|ing)",
        ),
        ("ended", r"expired?|terminat(?:ed|es|ion)|scrapped|withdr(?:ew|awn|awal) from|annulled"),
        (
            "negotiating",
            r"negotiat(?:ed|ing|ions?)|talks (?:on|for|over)|close to (?:finali[sz]|sign)\w*"
            r"|develop(?:s|ing)?|draft(?:s|ing)|prepar(?:e|es|ing)"
            r"|working on|finali[sz]ing|under discussion",
        ),
        ("proposed", r"propos(?:ed|al|es)|offered|floated"),
        ("signed", _SIGN + r"|signing|signatories|agreed|under which"),
    ),
    "designation": _rows(
        "designation",
        ("revoked", r"revok(?:ed|es|ing)|stripp(?:ed|ing)|withdr(?:ew|awn)|suspend(?:ed|s)"),
        ("granted", r"designat(?:ed|es|ing|ion)|grant(?:ed|s|ing)|recogni[sz](?:ed|es)|named"),
    ),
    "meeting": _rows(
        "meeting",
        (
            "planned",
            r"will (?:hold|meet|take part)|to (?:hold|meet)|scheduled|ahead of|upcoming|next",
        ),
        (
            "held",
            r"held|hold|met|meets|meeting|talks|conducted|co-?chaired|presided|hosted|discussed"
            r"|discussions|summit|dialogue|consultations?",
        ),
    ),
    "visit": _rows(
        "visit",
        ("planned", r"will (?:visit|travel)|(?:to|expected to) visit|scheduled to"),
        (
            "held",
            r"visit(?:ed|ing|s)?|trip|tour(?:ed)?|travell?ed|arriv(?:ed|al)|departure"
            r"|in the presence"
            r"|met|hosted|received|welcomed|greeted",
        ),
    ),
    "exercise": _rows(
        "exercise",
        ("held", r"planned and (?:organi[sz]ed|conducted|held|staged)"),
        (
            "planned",
            r"(?:will|would) (?:\w+ly )?(?:hold|conduct|take part|participate|organi[sz]e|stage"
            r"|launch|host)"
            r"|scheduled|plann?ed",
        ),
        (
            "held",
            r"held|conduct(?:ed|ing)|carried out|took part|taking place|engaged|began|commenced"
            r"|participat(?:ed|ing)|concluded|ended|staged|launched|kicked off|under way|underway"
            r"|host(?:ed|ing)",
        ),
    ),
    "port_call": _rows(
        "port_call",
        ("planned", r"scheduled to|will (?:visit|dock|arrive|call)|expected to (?:visit|dock)"),
        (
            "held",
            r"port call|docked|arrived|berthed|anchored|called at|landed"
            r"|made a (?:\w+ )?(?:call|visit)|deploy(?:ed|ment) (?:\S+ ){0,6}?to"
            r"|visit(?:ed|ing)?",
        ),
    ),
    "procurement": _rows(
        "procurement",
        (
            "negotiating",
            r"negotiat(?:ed|ing|ions?)|talks (?:on|for|to|over|about)|in talks"
            r"|awaiting (?:final )?approval"
            r"|close to (?:finali[sz]|sign)\w*|being prepared|in the works"
            r"|(?:expected|set|poised|likely|due|hop(?:es|ing)|aim(?:s|ing)) to (?:finali[sz]e"
            r"|conclude|seal|clinch|ink|sign)",
        ),
        (
            "delivering",
            r"deliver(?:ies|y)(?: \S+){0,6}? (?:are |is )?(?:already )?"
            r"(?:under ?way|continu\w+|began|begun"
            r"|commenced|started)"
            r"|began deliver\w*|began (?:receiving|arriving)|(?:exports?"
            r"|shipments?) (?:commenced|began)"
            r"|being delivered|(?:is|are) (?:\S+ )?(?:delivering|supplying)",
        ),
        (
            "in_service",
            r"commission(?:ed|ing)|induct(?:ed|ing|ion)|operat(?:es|ed|ing)|in service"
            r"|entered service",
        ),
        (
            "delivered",
            r"deliver(?:ed|s)|(?:accepted|took) delivery|handed over|hand(?:ed|s) over|arrived"
            r"|shipped"
            r"|received"
            r"|transferred"
            r"|supplied|donated|gifted|provided"
            r"|accused (?:\S+ ){1,5}?of (?:delivering|supplying|sending|transferring)",
        ),
        (
            "ordered",
            r"ordered|(?:bought|purchased)(?! (?:from|by|under|in|with|for|through)\b)"
            r"|won (?:a |an )?(?:\S+ ){0,3}contract|order (?:for|of)"
            r"|letters? of offer and acceptance|loas?"
            r"|(?:inked|sealed|concluded|clinched|struck|finali[sz]ed) (?:a |an |the )?(?:\S+ )?"
            r"(?:contracts?|deals?|orders?)"
            r"|contract(?:s|ed)? (?:for|with|from)|signed (?:a "
            r"|an )?(?:\S+ )?"
            r"(?:contract|deal|order)|contract signed|awarded|placed an order|purchase agreement"
            r"|contracted|signed"
            r"|(?:began|begun|started|starts?) (?:the )?(?:construction|building) of"
            r"|under construction for",
        ),
        (
            "agreed",
            r"agreed to (?:buy|sell|supply|purchase|acquire|procure)|will (?:buy|sell|supply"
            r"|acquire|provide|donate|transfer|give)"
            r"|selected|chose|chosen|picked|opted for|framework agreements?"
            r"|announced (?:it|that it) would (?:buy|acquire)|future sale"
            r"|agreed(?! to (?!buy|sell|supply|purchase|acquire|procure|jointly))"
            r"|under which (?:\S+ ){0,12}?would (?:provide|supply|build|sell|deliver|buy|acquire)",
        ),
        (
            None,
            r"approv(?:ed|al)|purchas(?:es|ed|e|ing)|buy(?:s|ing)?|bought|procure(?:d|ment|s)?"
            r"|acquir(?:e|ed|es|ing)|acquisition|sale|sell|use of|uses|deal",
        ),
    ),
    "coproduction": _rows(
        "coproduction",
        ("negotiating", r"negotiat(?:ed|ing|ions?)|talks (?:on|for|to)"),
        (
            "underway",
            r"joint venture|being (?:produced|built|manufactured)|production (?:is )?under ?way"
            r"|jointly produces|is a joint",
        ),
        (
            "agreed",
            r"agreed|announced|signed|will (?:jointly )?(?:produce|build|manufacture|co-?produce)"
            r"|under technology transfer",
        ),
        (None, r"consider(?:ing|ed)?|plans? to|explor(?:e|ing)"),
    ),
    "institution": _rows(
        "institution",
        ("dissolved", r"dissolv(?:ed|es)|disband(?:ed|s)|abolish(?:ed|es)|wound up"),
        (
            "established",
            r"form(?:ed|s)|set up|establish(?:ed|es|ing|ment)|creat(?:ed|es|ion)|launch(?:ed|es)"
            r"|constitut(?:ed|es)|construct|inaugurat(?:ed|es)|instituted",
        ),
    ),
    "trade_measure": _rows(
        "trade_measure",
        (
            "lifted",
            r"lift(?:ed|s|ing)?|remov(?:ed|es|ing)|waiv(?:ed|er|es)|eas(?:ed|es|ing)|end(?:ed|s)",
        ),
        (
            "imposed",
            r"impos(?:ed|es|ing|e)|slap(?:ped|s)|levi(?:ed|es)|announc(?:ed|es)|placed|added"
            r"|blacklist(?:ed|s)|sanction(?:ed|s)|designated",
        ),
    ),
}
"""Each event type's trigger rows, most specific first."""


def triggers_in(info: SentenceInfo, event_type: str) -> list[tuple[str | None, int, int]]:
    """Return (status, start, end) of each trigger of ``event_type`` in the sentence.

    Offsets are into the sentence; rows come in table order, each row's matches
    in text order. Every draft of the type in the sentence asks for the same
    list, so it is found once per sentence and kept on ``info``.
    """
    found = info.trigger_matches.get(event_type)
    if found is None:
        found = [
            (row.status, match.start(), match.end())
            for row in TRIGGERS[event_type]
            for match in row.pattern.finditer(info.lower)
        ]
        info.trigger_matches[event_type] = found
    return found


# Cues that make a statement hedged (reported, expected, possible) or negated.
HEDGE_CUES: Final = re.compile(
    r"\b(?:(?<!last )(?<!next )(?<!this )(?<!in )(?<!early )(?<!late )(?<!mid-)(?<!since )"
    r"(?<!until )(?<!from )(?<!of )(?<!by )may(?!\s+\d)"
    r"|might|could|would|reportedly|is expected to|are expected to|expected to|likely"
    r"|is set to|are set to|plans? to|intends? to|intention to|aims? to|proposed"
    r"|considering|mulling|poised to|set to|anticipated|according to (?:reports|sources))\b"
)
NEGATION_CUES: Final = re.compile(
    r"\b(?:not|never|no longer|has yet to|have yet to|yet to be|refused to|declined to|denies"
    r"|denied|rejected|failed to|did not|didn't|has not|have not|hasn't|haven't|cancell?ed"
    r"|scrapped|called off|pulled out of|withdrew from)\b"
)
FUTURE_CUES: Final = re.compile(
    r"\b(?:will|shall|to be (?:signed|held|concluded)|is to|are to|scheduled|upcoming|next week"
    r"|next month|next year|later this|ahead of|expected to|set to|plans? to|intention to"
    r"|intend(?:s|ed)? to|would)\b"
)
