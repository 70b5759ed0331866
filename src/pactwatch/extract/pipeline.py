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
from typing import Any, cast

import spacy
from numpy.typing import NDArray
from spacy.attrs import IDX, LENGTH
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
    "Rs.",
    "Gp.",
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

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]»]*(?=\s+[\"“‘'(\[«]?[A-Z0-9])")
"""A full stop (with closing quotes) followed by a word that can start a sentence."""
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
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


def _is_abbreviation(word: str) -> bool:
    """Return True for a word whose full stop does not end a sentence ("Gen.", "U.S.", "J.")."""
    word = re.split(r"[-–—/]", word.lstrip("\"“‘'(["))[-1]
    return word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def _sentence_spans(para: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of one paragraph."""
    start = 0
    for match in _BOUNDARY.finditer(para):
        head = para[start : match.start() + 1].rsplit(None, 1)
        if head and _is_abbreviation(head[-1]):
            continue
        yield start, match.end()
        start = match.end()
    if start < len(para):
        yield start, len(para)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank paragraph: its offset into the whole text, its text and its spaCy doc."""

    offset: int
    text: str
    doc: Doc
    starts: NDArray[Any]
    """Each token's offset into ``text``."""
    lengths: NDArray[Any]
    """Each token's length in characters."""


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Yield each non-blank paragraph of ``text``, tokenized by spaCy."""
    nlp = get_nlp()
    for para in _PARAGRAPH.finditer(text):
        if para.group().strip():
            doc = nlp.make_doc(para.group())
            table = doc.to_array([IDX, LENGTH])
            yield Paragraph(para.start(), para.group(), doc, table[:, 0], table[:, 1])


def sentences_of(text: str, para: Paragraph) -> Iterator[Sentence]:
    """Yield the sentences of one paragraph of ``text``, with absolute offsets."""
    starts = para.starts
    for local_start, local_end in _sentence_spans(para.text):
        chunk = para.text[local_start:local_end]
        local_start += len(chunk) - len(chunk.lstrip())
        local_end -= len(chunk) - len(chunk.rstrip())
        if local_start >= local_end:
            continue
        first = int(starts.searchsorted(local_start, "left"))
        last = int(starts.searchsorted(local_end, "left"))
        start, end = para.offset + local_start, para.offset + local_end
        yield Sentence(start, end, text[start:end], para.doc, para.offset, first, last)


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text`` (paragraph by paragraph) with absolute offsets."""
    for para in paragraphs(text):
        yield from sentences_of(text, para)
