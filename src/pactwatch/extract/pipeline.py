"""Build the spaCy pipeline once: a blank English tokenizer tuned for news, and sentences.

No trained model is loaded and nothing is downloaded. The tokenizer gets the
abbreviations that news prose uses before names and numbers ("Lt.", "Gen.",
"Sept.", "No."), and splits dashes that join names ("U.S.–India").

Texts are tokenized paragraph by paragraph: spaCy 3.8's tokenizer stops using
its cache after the first newline of a text (spaCy issue #13950), and
sentences never cross a paragraph anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

# Abbreviations that end in a full stop but do not end a sentence.
_ABBREVIATIONS = (
    "Lt.",
    "Gen.",
    "Col.",
    "Maj.",
    "Capt.",
    "Cmdr.",
    "Cdr.",
    "Adm.",
    "Brig.",
    "Sgt.",
    "Cpl.",
    "Rear.",
    "Vice.",
    "Air.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Amb.",
    "Hon.",
    "Rt.",
    "St.",
    "Ft.",
    "Jr.",
    "Sr.",
    "No.",
    "Nos.",
    "Vol.",
    "Art.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Pvt.",
    "Ltd.",
    "Co.",
    "Corp.",
    "Inc.",
    "Bros.",
    "approx.",
    "est.",
    "vs.",
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "U.A.E.",
    "U.S.A.",
    "P.M.",
    "a.m.",
    "p.m.",
)

_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
_PARAGRAPH = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets into the whole text, and the spaCy doc of its paragraph."""

    start: int
    end: int
    text: str
    doc: Doc
    doc_offset: int
    """Offset of ``doc``'s first character in the whole text."""
    first_token: int
    last_token: int
    """Token indices into ``doc``: ``doc[first_token:last_token]`` is this sentence."""


def _customise_tokenizer(nlp: Language) -> None:
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for abbreviation in _ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    infixes = [
        *(nlp.Defaults.infixes or ()),
        r"(?<=[.A-Za-z0-9])[–—](?=[A-Za-z])",
        r"(?<=\.)-(?=[A-Z])",
        r"(?<=[A-Za-z])[–—](?=[0-9])",
    ]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the blank English pipeline with pactwatch's tokenizer rules (built once)."""
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp)
    return nlp


def _sentence_token_bounds(doc: Doc) -> Iterator[tuple[int, int]]:
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        if token.text in _SENTENCE_END or (
            token.text.endswith((".", "!", "?"))
            and len(token.text) > 1
            and token.text not in _ABBREVIATIONS
            and token.whitespace_
            and not token.text[:-1].isupper()
        ):
            j = i + 1
            while j < n and doc[j].text in _CLOSERS:
                j += 1
            if j >= n or _starts_sentence(doc[j].text):
                yield start, j
                start = j
                i = j
                continue
        i += 1
    if start < n:
        yield start, n


def _starts_sentence(word: str) -> bool:
    first = word[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'(["


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text`` (paragraph by paragraph) with absolute offsets."""
    nlp = get_nlp()
    for para in _PARAGRAPH.finditer(text):
        if not para.group().strip():
            continue
        doc = nlp.make_doc(para.group())
        offset = para.start()
        for first, last in _sentence_token_bounds(doc):
            while first < last and doc[first].is_space:
                first += 1
            while last > first and doc[last - 1].is_space:
                last -= 1
            if first >= last:
                continue
            start = doc[first].idx + offset
            end = doc[last - 1].idx + len(doc[last - 1].text) + offset
            yield Sentence(start, end, text[start:end], doc, offset, first, last)
