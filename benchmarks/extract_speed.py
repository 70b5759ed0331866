"""Extraction speed against spaCy's blank tokenizer + sentencizer, on ~5 KB news documents.

Run: ``.venv/bin/python benchmarks/extract_speed.py [--docs 2000] [--gold DIR]``

Builds the corpus by cycling the dev gold texts (or the bundled samples when
the gold set is absent), joined three at a time to about 5 KB and varied a
little (years shifted, paragraphs rotated) so that no two are equal. Prints,
in one run: load time of pipeline and data (the place index included), docs/s
and chars/s of the baseline and of extraction on one core (by the process's
CPU time; wall-clock docs/s in brackets), their ratio, and peak RSS.

The baseline is the plain ``spacy.blank("en")`` + sentencizer. For reference
the same baseline is also timed with the spaCy #13950 workaround that
pactwatch's own tokenizer uses (whitespace special cases dropped, see
``pactwatch/extract/pipeline.py``); the ratio is against the plain baseline.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus import DEFAULT_GOLD, base_texts

_WARM_UP = (
    "The frigate INS Tabar docked in Chennai on 3 May 2024, the navy said. "
    "India and France signed an agreement in New Delhi in 2024."
)


def _vary(text: str, i: int) -> str:
    shift = i % 7
    text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group()) - shift), text)
    paragraphs = text.split("\n")
    k = i % max(1, len(paragraphs))
    return "\n".join(paragraphs[k:] + paragraphs[:k]) + f"\n(Reference {i}.)"


def build_corpus(n: int, gold: Path) -> list[tuple[str, str | None]]:
    """Return ``n`` distinct documents of about 5 KB each, with a publication date."""
    base = base_texts(gold)
    corpus = []
    for i in range(n):
        parts = [base[(i + j * 5) % len(base)] for j in range(3)]
        text = "\n\n".join(_vary(t, i + j) for j, (t, _) in enumerate(parts))
        corpus.append((text, parts[0][1]))
    return corpus


def _timed(label: str, run: Callable[[], object], corpus_chars: int, n: int) -> float:
    """Run, print docs/s and chars/s by CPU time (wall-clock docs/s after), return CPU docs/s.

    CPU time of this one process is what "on one core" means, and it stays
    steady on a machine that other work keeps busy, where wall-clock time does not.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{label:<38} {n / cpu:8.1f} docs/s {corpus_chars / cpu / 1e6:6.2f} M chars/s"
        f"   (wall clock: {n / wall:.1f} docs/s)"
    )
    return n / cpu


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)

    import spacy

    from pactwatch.extract.api import extract, extract_many, load_lexicon

    corpus = build_corpus(args.docs, args.gold)
    chars = sum(len(t) for t, _ in corpus)
    print(f"corpus: {len(corpus)} documents, mean {chars / len(corpus) / 1000:.1f} KB")

    start = time.perf_counter()
    load_lexicon()
    extract(_WARM_UP, published="2024-05-04")  # loads the place index too
    print(f"pipeline and data loaded in {time.perf_counter() - start:.2f} s")

    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")
    texts = [t for t, _ in corpus]
    base_rate = _timed(
        "blank tokenizer + sentencizer",
        lambda: [None for _ in baseline.pipe(texts)],
        chars,
        len(texts),
    )
    patched = spacy.blank("en")
    patched.add_pipe("sentencizer")
    patched.tokenizer.rules = {k: v for k, v in patched.tokenizer.rules.items() if not k.isspace()}
    _timed(
        "  (the same with the #13950 workaround)",
        lambda: [None for _ in patched.pipe(texts)],
        chars,
        len(texts),
    )
    extract_rate = _timed(
        "pactwatch extract",
        lambda: [None for _ in extract_many(corpus)],
        chars,
        len(corpus),
    )
    print(f"extraction / baseline speed ratio: {extract_rate / base_rate:.2f} (target >= 0.5)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB (target < 400)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
