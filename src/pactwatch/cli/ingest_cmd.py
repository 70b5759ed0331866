"""``pactwatch ingest``: read, extract and store documents; a line per document."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pactwatch.cli.store_cmds import DbOption, open_store, usage_error
from pactwatch.errors import SourceError
from pactwatch.ingest.run import IngestSummary, default_extractor, expand_paths, ingest, read_all
from pactwatch.ingest.writer import IngestResult
from pactwatch.records import Document
from pactwatch.sources import Item, count_documents, read_stdin
from pactwatch.store.dates import is_edtf

_STYLE = {"ingested": "green", "known": "dim", "rejected": "red"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_SCALE = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (text, HTML, PDF, feeds, JSON/JSONL, .gz), folders, globs, -."),
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (EDTF) for documents that do not give one."),
    ] = None,
    data: Annotated[
        list[Path] | None, typer.Option("--data", help="Folder of extra domain data files.")
    ] = None,
    max_size: Annotated[
        str,
        typer.Option("--max-size", help="Largest input read, e.g. 20MB, 500kB (also unzipped)."),
    ] = "20MB",
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", min=0, help="Seconds one file may take to parse (0: none)."),
    ] = 60.0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes for extraction; one writer.")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Extract on Dask: 'local' (a LocalCluster of --workers) or tcp://HOST:PORT.",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per write transaction.")
    ] = 50,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only rejections and the summary.")
    ] = False,
) -> None:
    """Read documents, extract their events and store both; known texts are skipped.

    Prints a line per document (ingested / already known / rejected and why) and
    a summary with the time taken. Exits 0 when every document was ingested or
    known, 1 when some were rejected, 2 on a usage error (a path that does not
    exist, a bad --db or option). Interrupted, it can be run again: what was
    stored is known, and the rest is ingested.

    With --scheduler, extraction runs on a Dask cluster and this process reads,
    skips known texts and writes (see docs/scale.md).

    Example: pactwatch ingest articles/ feed.xml 'pdfs/*.pdf' --db team.db --workers 2
    """
    if published is not None and not is_edtf(published):
        raise usage_error(f"--published {published!r} is not an EDTF date like 2025-10-31")
    limit = parse_size(max_size)
    if limit is None:
        raise usage_error(f"--max-size {max_size!r} is not a size like 20MB or 500kB")
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        raise usage_error(
            f"--scheduler {scheduler!r} is not 'local' or an address like tcp://host:8786"
        )
    try:
        found = [f for p in paths for f in ([Path("-")] if p == "-" else expand_paths([p]))]
    except SourceError as exc:
        raise usage_error(str(exc)) from exc
    store = open_store(db)
    started = time.perf_counter()
    with store:
        results = ingest(
            store.engine,
            _items(found, published, limit, time_limit or None),
            extractor=default_extractor(data_dirs=data or ()),
            batch_size=batch_size,
            workers=workers,
            scheduler=scheduler,
        )
        summary = _report(results, found, quiet=quiet)
    summary.seconds = time.perf_counter() - started
    typer.echo(summary.line())
    raise typer.Exit(summary.exit_code)


def parse_size(text: str) -> int | None:
    """Return the byte count of ``text`` (``20MB``, ``500kB``, ``1048576``), or None."""
    match = _SIZE.match(text)
    if not match:
        return None
    count = int(float(match.group(1)) * _SCALE[match.group(2).lower()])
    return count if count > 0 else None


def _items(
    paths: list[Path], published: str | None, max_size: int, time_limit: float | None
) -> Iterator[Item]:
    for path in paths:
        if str(path) == "-":
            stdin = read_stdin(sys.stdin.buffer, max_size=max_size, time_limit=time_limit)
            yield from _dated(stdin, published)
        else:
            yield from read_all(
                [path], published=published, max_size=max_size, time_limit=time_limit
            )


def _dated(items: Iterator[Item], published: str | None) -> Iterator[Item]:
    for item in items:
        if published and isinstance(item, Document) and item.published is None:
            item = replace(item, published=published)
        yield item


def _report(results: Iterator[IngestResult], paths: list[Path], *, quiet: bool) -> IngestSummary:
    summary = IngestSummary()
    console = Console()
    if not console.is_terminal:
        for result in results:
            summary.add(result)
            if not quiet or result.status == "rejected":
                typer.echo(_plain(result))
        return summary
    total = count_documents([p for p in paths if str(p) != "-"]) or None
    with Progress(*_COLUMNS, console=console, transient=True) as bar:
        task = bar.add_task("ingesting", total=total, rate="")
        started = time.perf_counter()
        for result in results:
            summary.add(result)
            if not quiet or result.status == "rejected":
                bar.console.print(_rich(result), highlight=False, soft_wrap=True)
            done = summary.ingested + summary.known + summary.rejected
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(
                task, advance=1, description=f"{summary.ingested} ingested", rate=f"{rate:.1f}"
            )
    return summary


_COLUMNS = (
    TextColumn("{task.description}"),
    BarColumn(),
    MofNCompleteColumn(),
    TextColumn("{task.fields[rate]} docs/s"),
    TimeElapsedColumn(),
    TextColumn("ETA"),
    TimeRemainingColumn(),
)
"""The progress bar: documents done of (about) how many, docs/s, time taken and left."""


def _plain(result: IngestResult) -> str:
    if result.status == "ingested":
        return f"ingested  {result.source} ({result.events} events)"
    if result.status == "known":
        return f"known     {result.source} (already stored)"
    return f"rejected  {result.source}: {result.reason}"


def _rich(result: IngestResult) -> str:
    style = _STYLE[result.status]
    word, _, rest = _plain(result).partition(" ")
    return f"[{style}]{word}[/{style}] {escape(rest.lstrip())}"


def register(app: typer.Typer) -> None:
    """Add ``ingest`` to the app."""
    app.command("ingest")(ingest_command)
