"""Build the spaCy pipeline once: a blank English tokenizer tuned for news, and sentences.

No trained model is loaded and nothing is downloaded. The tokenizer gets the
abbreviations that news prose uses before names and numbers ("Lt.", "Gen.",
"Sept.", "No."), and splits dashes that join names ("U.S.–India").

A text is tokenized as one Doc. spaCy issue #13950: 3.8's tokenizer stops
filling its cache for the rest of a text once a piece of it hits a special
case, and English lists the whitespace strings "\n", "\t", " " and "\xa0"
as special cases of themselves, so every multi-paragraph text loses the cache
at its first newline. Those four rules are dropped: the affix rules give the
same one token for a run of whitespace, so tokens and offsets do not change
(tests/extract/test_tokens.py checks that against the plain tokenizer), and
tokenizing 5 KB news gets about twice as fast. "U.S." and "—" are special
cases too, and most news texts hold one early: the special cases that are one
plain token the affix rules leave whole anyway become an exact ``token_match``
(same tokens, cache kept), which halves tokenizing time again. One Doc per paragraph joined
with ``Doc.from_docs`` was measured too, and is slower than one Doc per text.
Sentences never cross a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import spacy
from spacy.attrs import IDX, LENGTH, ORTH
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
_JOINERS = re.compile(r"[-–—/]")
_PARAGRAPH = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets into the whole text, and the spaCy doc of its paragraph."""

    start: int
    end: int
    text: str
    doc: Doc
    """The whole text's spaCy doc."""
    paragraph: int
    """Offset of the sentence's paragraph in the whole text (sentences share it per paragraph)."""
    first_token: int
    last_token: int
    """Token indices into ``doc``: ``doc[first_token:last_token]`` is this sentence."""


def _customise_tokenizer(nlp: Language, *, spacy_special_cases: bool) -> None:
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
    if not spacy_special_cases:
        _keep_cache_filling(tokenizer)


def _keep_cache_filling(tokenizer: Tokenizer) -> None:
    """Drop the special cases that stop spaCy's cache (spaCy #13950) where tokens stay the same.

    The whitespace special cases go (the affix rules give the same one token
    for a run of whitespace). So do the special cases that are one plain token
    the affix rules would leave whole anyway ("U.S.", "No.", "—"): an exact
    ``token_match`` keeps them one token wherever a special case would have,
    without marking the text as holding a special case.
    """
    rules = tokenizer.rules or {}
    whole = _whole_words(tokenizer, rules)
    tokenizer.rules = {
        text: tokens for text, tokens in rules.items() if not text.isspace() and text not in whole
    }
    tokenizer.token_match = whole.__contains__


def _whole_words(tokenizer: Tokenizer, rules: dict[str, Any]) -> frozenset[str]:
    """Return the special cases that are one token with only its text, which the affix rules
    alone (no special cases) also leave as that one token."""
    bare = Tokenizer(
        tokenizer.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    plain = (
        text
        for text, tokens in rules.items()
        if not text.isspace() and len(tokens) == 1 and tokens[0] in ({ORTH: text}, {"ORTH": text})
    )
    return frozenset(text for text in plain if [t.text for t in bare(text)] == [text])


def make_nlp(*, spacy_special_cases: bool = False) -> Language:
    """Return a new blank English pipeline with pactwatch's tokenizer rules.

    ``spacy_special_cases=True`` keeps every special case as spaCy has it: the
    same tokens, without the cache workaround (to compare against).
    """
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp, spacy_special_cases=spacy_special_cases)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the blank English pipeline with pactwatch's tokenizer rules (built once)."""
    return make_nlp()


def _is_abbreviation(word: str) -> bool:
    """Return True for a word whose full stop does not end a sentence ("Gen.", "U.S.", "J.")."""
    word = _JOINERS.split(word.lstrip("\"“‘'(["))[-1]
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
class Tokens:
    """A whole text tokenized by spaCy, with each token's offset and length as lists."""

    doc: Doc
    starts: list[int]
    lengths: list[int]


def tokenize(text: str) -> Tokens:
    """Return the tokens of ``text``: one Doc for the whole text, and its offset lists."""
    doc = get_nlp().make_doc(text)
    table = cast(list[list[int]], doc.to_array([IDX, LENGTH]).reshape(-1, 2).T.tolist())
    return Tokens(doc, table[0], table[1])


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) of each non-blank paragraph of ``text``."""
    for para in _PARAGRAPH.finditer(text):
        if para.group().strip():
            yield para.start(), para.group()


def sentences_of(text: str, offset: int, para: str, tokens: Tokens) -> Iterator[Sentence]:
    """Yield the sentences of the paragraph ``para`` at ``offset``, with absolute offsets."""
    for local_start, local_end in _sentence_spans(para):
        chunk = para[local_start:local_end]
        local_start += len(chunk) - len(chunk.lstrip())
        local_end -= len(chunk) - len(chunk.rstrip())
        if local_start >= local_end:
            continue
        start, end = offset + local_start, offset + local_end
        first = bisect_left(tokens.starts, start)
        last = bisect_left(tokens.starts, end)
        yield Sentence(start, end, text[start:end], tokens.doc, offset, first, last)


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text`` (paragraph by paragraph) with absolute offsets."""
    tokens = tokenize(text)
    for offset, para in paragraphs(text):
        yield from sentences_of(text, offset, para, tokens)
