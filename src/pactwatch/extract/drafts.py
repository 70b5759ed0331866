"""Draft events: what a builder found in a sentence, before parties and dates are settled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactwatch.extract.context import SentenceInfo

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " ,.;:“”\"‘’'()-–—"


@dataclass(slots=True)
class Draft:
    """A candidate event in one sentence, with the subject's absolute span."""

    type: str
    subject: str
    start: int
    end: int
    info: SentenceInfo
    aliases: list[str] = field(default_factory=list)
    status: str | None = None
    status_fixed: bool = False
    """True when the builder set the status itself (the trigger table is not asked)."""
    parties: list[str] = field(default_factory=list)
    from_: str | None = None
    to: str | None = None
    date: str | None = None
    place: str | None = None
    quantity: int | None = None
    trigger: tuple[int, int] | None = None
    hedged: bool = False
    negated: bool = False
    confidence: float = 0.7
    oriented: bool = True
    """False when nothing in the text gave the direction (a deal naming no platform)."""
    joint: tuple[str, ...] = ()
    """For co-development by several states together: all of them, and no direction."""
    usual: tuple[str, ...] = ()
    """A listed exercise's usual participants: parties when the text names fewer than two."""


def clean_subject(text: str) -> str:
    """Return a subject with whitespace collapsed and edge punctuation and articles removed."""
    text = _SPACE.sub(" ", text).strip(_EDGE_PUNCT)
    lowered = text.lower()
    for article in ("the ", "a ", "an ", "its ", "their "):
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    text = text.strip(_EDGE_PUNCT)
    if text.count("(") > text.count(")"):
        text = text.rsplit("(", 1)[0].rstrip(_EDGE_PUNCT + " ")  # "agency (SSB" -> "agency"
    return text
