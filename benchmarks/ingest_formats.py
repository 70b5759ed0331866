"""Ingest speed per input format: parsing alone, and the whole ingest into SQLite.

Run: ``.venv/bin/python benchmarks/ingest_formats.py [--docs 40] [--workers 1]``

The same ``--docs`` texts (the dev gold texts, or the bundled samples when the
gold set is absent, repeated and numbered so no two are equal) are written
as plain text, Markdown with front matter, one JSONL file, a JSON list,
HTML pages with navigation and footer, PDFs (with ``fpdf2``, a test
dependency; skipped with a note without it), one RSS feed and gzipped text.
For each format it prints:

- *read docs/s*: :func:`pactwatch.sources.read` over the folder, nothing stored;
- *ingest docs/s*: the same as ``pactwatch ingest`` runs it (read, known-check,
  extraction, batched writes) into a fresh SQLite file;
- *read share*: read time / ingest time, that is how much of ingest the format
  costs (extraction is the rest, and is the same for every format).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from corpus import DEFAULT_GOLD, base_texts

from pactwatch.api import open as open_store
from pactwatch.ingest.run import default_extractor, ingest
from pactwatch.records import Document
from pactwatch.sources import read

Texts = list[tuple[str, str]]
"""(text, published) pairs."""


def write_text(folder: Path, texts: Texts) -> None:
    for n, (text, _) in enumerate(texts):
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")


def write_markdown(folder: Path, texts: Texts) -> None:
    for n, (text, published) in enumerate(texts):
        head = f"---\ntitle: Document {n}\npublished: {published}\n---\n"
        (folder / f"{n:04d}.md").write_text(head + text, encoding="utf-8")


def write_jsonl(folder: Path, texts: Texts) -> None:
    lines = (json.dumps({"text": t, "published": p, "title": f"Doc {i}"}) for i, (t, p) in
             enumerate(texts))  # fmt: skip
    (folder / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(folder: Path, texts: Texts) -> None:
    items = [{"text": t, "published": p} for t, p in texts]
    (folder / "all.json").write_text(json.dumps(items), encoding="utf-8")


def write_html(folder: Path, texts: Texts) -> None:
    for n, (text, published) in enumerate(texts):
        paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        page = (
            f"<!DOCTYPE html><html><head><title>Report {n}</title>"
            f'<meta property="article:published_time" content="{published}">'
            '<meta property="og:site_name" content="Bench Wire"></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/s">Subscribe</a></nav>'
            f"<main><article><h1>Report {n}</h1>\n{paragraphs}</article></main>"
            "<footer><p>Copyright Bench Wire</p></footer></body></html>"
        )
        (folder / f"{n:04d}.html").write_text(page, encoding="utf-8")


def write_pdf(folder: Path, texts: Texts) -> None:
    import fpdf

    for n, (text, _) in enumerate(texts):
        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text.encode("latin-1", "replace").decode("latin-1"))
        pdf.output(str(folder / f"{n:04d}.pdf"))


def write_feed(folder: Path, texts: Texts) -> None:
    items = []
    for n, (text, published) in enumerate(texts):
        day = datetime.fromisoformat(published[:10]).replace(tzinfo=UTC)
        items.append(
            f"<item><title>Item {n}</title><link>https://bench.example/{n}</link>"
            f"<pubDate>{format_datetime(day)}</pubDate>"
            f"<description>{html.escape(text)}</description></item>"
        )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{"".join(items)}'
    (folder / "feed.rss").write_text(feed + "</channel></rss>", encoding="utf-8")


def write_gzip(folder: Path, texts: Texts) -> None:
    for n, (text, _) in enumerate(texts):
        (folder / f"{n:04d}.txt.gz").write_bytes(gzip.compress(text.encode("utf-8")))


FORMATS: dict[str, Callable[[Path, Texts], None]] = {
    "text": write_text,
    "markdown": write_markdown,
    "jsonl": write_jsonl,
    "json": write_json,
    "html": write_html,
    "pdf": write_pdf,
    "rss": write_feed,
    "text.gz": write_gzip,
}


def corpus(count: int, gold: Path) -> Texts:
    """Return ``count`` distinct (text, published) pairs built from the base texts."""
    base = [(t, _day(p)) for t, p in base_texts(gold)]
    return [(f"{base[n % len(base)][0]}\n\nReport number {n}.", base[n % len(base)][1])
            for n in range(count)]  # fmt: skip


def _day(published: str | None) -> str:
    """Return an EDTF date (``2022-11~``, ``2023``) as the plain day it starts on."""
    found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published or "")
    if not found:
        return "2024-01-01"
    year, month, day = found.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def bench(name: str, texts: Texts, workers: int, tmp: Path) -> str | None:
    folder = tmp / name
    folder.mkdir()
    try:
        FORMATS[name](folder, texts)
    except ImportError as exc:
        return f"{name:<9} skipped: {exc.name} is not installed (pip install -e '.[test]')"
    started = time.perf_counter()
    items = list(read(folder))
    read_s = time.perf_counter() - started
    docs = sum(isinstance(item, Document) for item in items)
    with open_store(tmp / f"{name}.db") as store:
        started = time.perf_counter()
        results = list(
            ingest(store.engine, read(folder), extractor=default_extractor(), workers=workers)
        )
        ingest_s = time.perf_counter() - started
    stored = sum(r.status == "ingested" for r in results)
    return (
        f"{name:<9} {docs:>5} docs  read {docs / read_s:>9.1f} docs/s  "
        f"ingest {stored / ingest_s:>7.1f} docs/s  read share {read_s / ingest_s:6.1%}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40, help="documents per format")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold texts folder")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset")
    args = parser.parse_args()
    texts = corpus(args.docs, args.gold)
    size = sum(len(t) for t, _ in texts) // len(texts)
    print(
        f"{args.docs} documents of about {size:,} characters per format, {args.workers} worker(s)"
    )
    default_extractor()(Document(id="warm-up", text=texts[0][0]))  # load the pipeline once
    with tempfile.TemporaryDirectory(prefix="pactwatch-bench-") as tmp:
        for name in args.formats.split(","):
            line = bench(name, texts, args.workers, Path(tmp))
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
