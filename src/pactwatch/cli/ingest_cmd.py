"""``pactwatch ingest``: read, extract and store documents; a line per document."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pactwatch.cli.store_cmds import DbOption, open_store, usage_error
from pactwatch.errors import SourceError
from pactwatch.ingest.run import IngestSummary, expand_paths, read_all
from pactwatch.ingest.writer import IngestResult
from pactwatch.records import Document
from pactwatch.sources import Item, read_stdin
from pactwatch.store.dates import is_edtf

_STYLE = {"ingested": "green", "known": "dim", "rejected": "red"}


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Text, Markdown, JSONL or JSON files, folders, globs; - is stdin."),
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (EDTF) for documents that do not give one."),
    ] = None,
    data: Annotated[
        list[Path] | None, typer.Option("--data", help="Folder of extra domain data files.")
    ] = None,
) -> None:
    """Read documents, extract their events and store both; known texts are skipped.

    Prints a line per document (ingested / already known / rejected and why) and
    a summary. Exits 0 when every document was ingested or known, 1 when some
    were rejected, 2 on a usage error (a path that does not exist, a bad --db).

    Example: pactwatch ingest articles/ feed.jsonl --db team.db
    """
    if published is not None and not is_edtf(published):
        raise usage_error(f"--published {published!r} is not an EDTF date like 2025-10-31")
    try:
        found = [f for p in paths for f in ([Path("-")] if p == "-" else expand_paths([p]))]
    except SourceError as exc:
        raise usage_error(str(exc)) from exc
    store = open_store(db)
    with store:
        items = _items(found, published)
        results = store.ingest_items(items, data_dirs=data or ())
        summary = _report(results)
    typer.echo(summary.line())
    raise typer.Exit(summary.exit_code)


def _items(paths: list[Path], published: str | None) -> Iterator[Item]:
    for path in paths:
        if str(path) == "-":
            yield from _dated(read_stdin(sys.stdin.buffer), published)
        else:
            yield from read_all([path], published=published)


def _dated(items: Iterator[Item], published: str | None) -> Iterator[Item]:
    for item in items:
        if published and isinstance(item, Document) and item.published is None:
            item = replace(item, published=published)
        yield item


def _report(results: Iterator[IngestResult]) -> IngestSummary:
    summary = IngestSummary()
    console = Console()
    if not console.is_terminal:
        for result in results:
            summary.add(result)
            typer.echo(_plain(result))
        return summary
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        for result in results:
            summary.add(result)
            bar.console.print(_rich(result), highlight=False, soft_wrap=True)
            bar.update(task, advance=1, description=f"{summary.ingested} ingested")
    return summary


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
