"""``pactwatch demo``: store the bundled sample documents and show each pair's timeline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from pactwatch.api import Store
from pactwatch.cli import store_views
from pactwatch.cli.store_cmds import open_store
from pactwatch.documents import make_document
from pactwatch.ingest.run import IngestSummary
from pactwatch.records import Document

DEMO_DB = Path("pactwatch-demo.db")
"""The database ``pactwatch demo`` rebuilds when no --db is given."""

_URL = re.compile(r"https?://[^\s,;'\")]+")


def demo_documents() -> list[Document]:
    """Return the bundled samples as documents, each with its title, date and first source URL."""
    from pactwatch.samples import load_samples

    docs = []
    for sample in load_samples():
        urls = [m.group(0) for source in sample.sources for m in _URL.finditer(source)]
        doc = make_document(
            sample.text,
            url=urls[0] if urls else None,
            title=sample.title,
            source=f"pactwatch sample ({sample.form})",
            published=sample.published,
        )
        doc.meta["origin"] = f"sample:{sample.id}"
        docs.append(doc)
    return docs


def build_demo(store: Store) -> IngestSummary:
    """Ingest the bundled samples into ``store``; return the counts."""
    summary = IngestSummary()
    for result in store.ingest_items(demo_documents()):
        summary.add(result)
        if result.status == "rejected":
            Console(stderr=True).print(
                f"[red]rejected[/red] {result.source}: {result.reason}", highlight=False
            )
    return summary


def demo_command(
    db: Annotated[
        str | None,
        typer.Option("--db", help=f"Database to build into. Default: a fresh ./{DEMO_DB}."),
    ] = None,
    pairs: Annotated[int, typer.Option(help="Show the timelines of this many pairs.")] = 6,
) -> None:
    """Build a database from the bundled sample documents and show what pairs of states did.

    Prints the timelines of the pairs with the most events. Runs offline.

    Example: pactwatch demo --pairs 3
    """
    if db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DEMO_DB}{suffix}").unlink(missing_ok=True)
    console = Console()
    with open_store(db or str(DEMO_DB)) as store:
        summary = build_demo(store)
        console.print(f"Sample documents: {summary.line()}", highlight=False, soft_wrap=True)
        dyads = store.dyads()
        for a, b, _count in dyads[:pairs]:
            console.print()
            console.print(store_views.timeline_view((a, b), store.timeline(a, b)))
        rest = ", ".join(f"{a}-{b}" for a, b, _ in dyads[pairs:])
        if rest:
            console.print(f"\nOther pairs: {rest}", highlight=False, soft_wrap=True)
        where = db or str(DEMO_DB)
    next_step = f"\nDatabase: {where}. Next: pactwatch events --db {where}"
    console.print(escape(next_step), highlight=False, soft_wrap=True)
    raise typer.Exit(summary.exit_code)


def register(app: typer.Typer) -> None:
    """Add ``demo`` to the app."""
    app.command("demo")(demo_command)
