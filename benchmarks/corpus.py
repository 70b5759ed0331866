"""The texts the benchmarks build their corpora from (shared by the benchmark scripts).

The dev gold texts where ``../shared/gold/dev`` is present, else the bundled samples.
"""

from __future__ import annotations

import json
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
