"""Resolution speed: linking new documents' claims into a growing store, and ``resolve --all``.

Run: ``.venv/bin/python benchmarks/resolve_speed.py [--sizes 10000,100000,1000000] [--db URL]``

A store is filled through the store's own bulk path (``write_batch``, which
links every batch as ingest does) with synthetic documents of ten claims
each. Claims are reports of "real" events: a pool of named events (an
exercise, an agreement, a platform order... with its own parties, status and
date) that grows with the store, so that each is reported by a few documents
on average, with a few much-reported ones (Zipf weights), plus a share of
claims with common-word subjects ("fighter jets"). Each report gives the
event's date at a random precision.

At each size it prints, for ``--probe`` more documents written in batches of
20 as ingest writes them: the milliseconds per document spent linking
(inside ``link_new_claims``), as wall clock and as this process's CPU time
(the machine may be shared: CPU time is what the figures compare), and the
claims linked per second; and with ``--rebuild`` the wall and CPU seconds of
``resolve --all`` on the whole store, and its claims per second. Flat
per-document figures as the store grows mean no step scans a table.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STATES = (
    "US", "IN", "RU", "CN", "FR", "GB", "JP", "AU", "DE", "KR", "IL", "TR", "PK", "IR",
    "UA", "PL", "SA", "AE", "IT", "ES", "VN", "PH", "ID", "MY", "SG", "BR", "EG", "DZ",
)  # fmt: skip
NAMED = {
    "agreement": "{w} Defence Cooperation Agreement",
    "exercise": "Exercise {w}",
    "procurement": "{W}-{n} fighter",
    "coproduction": "{W}-{n} engine",
    "institution": "{w} Joint Working Group",
    "meeting": "{w} Dialogue",
}
COMMON = ("fighter jets", "joint naval drills", "defence talks", "howitzers", "drones")
SYLLABLES = ("ka", "ri", "to", "ma", "shi", "ven", "dor", "al", "ben", "zu", "mir", "ta")


def _word(n: int) -> str:
    parts = []
    while True:
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
        if not n:
            return "".join(parts).capitalize()


def _pair(rng: random.Random) -> tuple[str, str]:
    weights = [1 / (rank + 1) for rank in range(len(STATES))]
    while True:
        a, b = rng.choices(STATES, weights, k=2)
        if a != b:
            return a, b


class Corpus:
    """Synthetic documents reporting events from a pool that grows with the store."""

    def __init__(self, seed: int = 20261205) -> None:
        self.rng = random.Random(seed)
        self.pool: list[dict[str, Any]] = []
        self.number = 0

    def _event(self, index: int) -> dict[str, Any]:
        while len(self.pool) <= index:
            n = len(self.pool)
            kind = list(NAMED)[n % len(NAMED)]
            subject = NAMED[kind].format(w=_word(n), W=_word(n).upper()[:3], n=n)
            year = self.rng.randint(1990, 2025)
            date = f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            self.pool.append({"type": kind, "subject": subject, "parties": _pair(self.rng),
                              "date": date})  # fmt: skip
        return self.pool[index]

    def _claim(self, reports: int) -> tuple[str, str | None, str, tuple[str, str], str | None]:
        from pactwatch.records import EVENT_STATUSES

        rng = self.rng
        if rng.random() < 0.15:
            kind = rng.choice(["procurement", "exercise", "meeting"])
            year = str(rng.randint(1990, 2025))
            return kind, EVENT_STATUSES[kind][0], rng.choice(COMMON), _pair(rng), year
        # Events reported by about three documents each; Zipf-like weights for a few hot ones.
        size = max(50, reports // 3)
        index = min(int(size * rng.random() ** 2), size - 1)
        event = self._event(index)
        cut = rng.choice((4, 7, 10))
        status = EVENT_STATUSES[event["type"]][0]
        return event["type"], status, event["subject"], event["parties"], event["date"][:cut]

    def batch(self, docs: int, reports: int) -> list[Any]:
        """Return ``docs`` (document, events) pairs of ten claims each."""
        from pactwatch.documents import make_document
        from pactwatch.records import Event

        out = []
        for _ in range(docs):
            self.number += 1
            plans = [self._claim(reports) for _ in range(10)]
            sentences = [
                f"Report {self.number}.{i}: {a} and {b} on {subject} ({kind}, {date})."
                for i, (kind, _, subject, (a, b), date) in enumerate(plans)
            ]
            doc = make_document(" ".join(sentences), title=f"Synthetic {self.number}",
                                published=f"{self.rng.randint(1995, 2025)}")  # fmt: skip
            events, offset = [], 0
            for (kind, status, subject, parties, date), sentence in zip(
                plans, sentences, strict=True
            ):
                start = doc.text.index(sentence, offset)
                offset = start + len(sentence)
                events.append(Event(kind, status, subject, tuple(sorted(parties)), date,
                                    sentence, (start, offset)))  # fmt: skip
            out.append((doc, events))
        return out


def _timed_linking() -> list[float]:
    """Make the write path add the wall and CPU seconds each ``link_new_claims`` takes to
    the list returned (``[wall, cpu]``)."""
    from pactwatch.store import write

    spent = [0.0, 0.0]
    link = write.link_new_claims

    def timed(*args: Any) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            link(*args)
        finally:
            spent[0] += time.perf_counter() - start
            spent[1] += time.process_time() - cpu

    write.link_new_claims = timed  # type: ignore[assignment]
    return spent


def grow(store: Any, corpus: Corpus, claims: int) -> float:
    """Write documents until the store holds ``claims`` claims; return the seconds taken."""
    from pactwatch.store.write import write_batch

    start = time.perf_counter()
    have = store.counts()["claims"]
    while have < claims:
        docs = min(500, (claims - have) // 10 or 1)
        write_batch(store.engine, corpus.batch(docs, claims))
        have += docs * 10
    return time.perf_counter() - start


def probe(
    store: Any, corpus: Corpus, spent: list[float], docs: int, reports: int
) -> tuple[float, float]:
    """Write ``docs`` documents in batches of 20; return the linking ms per document
    (wall clock, and CPU time of this process)."""
    from pactwatch.store.write import write_batch

    wall, cpu = spent
    for _ in range(docs // 20):
        write_batch(store.engine, corpus.batch(20, reports))
    return (spent[0] - wall) * 1000 / docs, (spent[1] - cpu) * 1000 / docs


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="store sizes in claims")
    parser.add_argument("--probe", type=int, default=400, help="documents timed per size")
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite)")
    parser.add_argument("--rebuild", action="store_true", help="also time resolve --all")
    args = parser.parse_args(argv)
    from pactwatch.api import open as open_store

    spent = _timed_linking()
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'resolve.db'}"
        with open_store(url) as store:
            print(f"{'claims':>9} {'fill s':>7} {'link ms/doc':>11} {'cpu ms/doc':>10}"
                  f" {'claims/s':>8} {'events':>8} {'rebuild s':>9} {'cpu s':>6}"
                  f" {'claims/s':>8}")  # fmt: skip
            for size in (int(s) for s in args.sizes.split(",")):
                fill = grow(store, corpus, size)
                wall, cpu = probe(store, corpus, spent, args.probe, size)
                counts = store.counts()
                rebuilt = ""
                if args.rebuild:
                    start, started = time.perf_counter(), time.process_time()
                    store.resolve_all()
                    took, used = time.perf_counter() - start, time.process_time() - started
                    rebuilt = f"{took:>9.1f} {used:>6.1f} {counts['claims'] / took:>8,.0f}"
                line = f"{counts['claims']:>9,} {fill:>7.1f} {wall:>11.2f} {cpu:>10.2f}"
                line += f" {10_000 / wall:>8,.0f} {counts['events']:>8,} {rebuilt}"
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
