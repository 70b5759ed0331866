"""The texts the benchmarks build their corpora from (shared by the benchmark scripts).

The dev gold texts where ``../shared/gold/dev`` is present, else the bundled samples.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "dev"


def base_texts(gold: Path) -> list[tuple[str, str | None]]:
    """Return (text, published) for each gold document in ``gold``, or each bundled sample."""
    if gold.is_dir():
        docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))]
        return [(d["text"], d.get("published")) for d in docs]
    from pactwatch.samples import load_samples

    return [(s.text, s.published) for s in load_samples()]


def varied_texts(gold: Path, count: int, *, size: int = 5000) -> Iterator[tuple[str, str | None]]:
    """Yield ``count`` (text, published) pairs of about ``size`` characters, no two equal.

    Each text joins base texts picked by a counter (different ones in turn)
    and carries its own dispatch number, so no two texts hash the same.
    """
    base = base_texts(gold)
    for n in range(count):
        parts: list[str] = []
        k = n
        while sum(len(p) for p in parts) < size:
            parts.append(base[k % len(base)][0])
            k = k // len(base) + n + len(parts) * 7
        head = f"Dispatch {n} from the defence desk."
        yield head + "\n\n" + "\n\n".join(parts)[:size], base[n % len(base)][1]
