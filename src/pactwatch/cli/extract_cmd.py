"""``pactwatch extract``: run extraction on files and print the events, storing nothing."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.table import Table

from pactwatch.errors import SourceError
from pactwatch.extract.api import extract
from pactwatch.records import Event

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def read_input(path: str) -> tuple[str, str, str | None]:
    """Return (document name, text, published) for a text file, a gold JSON file or ``-``.

    A gold file (``shared/gold/SCHEMA.md``) is read as a document: its
    ``text`` and ``published``, never its answers.
    """
    if path == "-":
        return "-", sys.stdin.read(), None
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file", source=path) from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text", source=path) from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror})", source=path) from exc
    if file.suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}: not valid JSON (line {exc.lineno})", source=path) from exc
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise SourceError(f"{path}: a JSON document needs a 'text' string", source=path)
        return str(data.get("id") or file.stem), data["text"], data.get("published")
    return _front_matter(file, raw)


def _front_matter(file: Path, raw: str) -> tuple[str, str, str | None]:
    """Split YAML front matter ("---" lines) off a Markdown file; return (name, text, published)."""
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return file.stem, raw, None
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"{file}: front matter is not valid YAML", source=str(file)) from exc
    published = meta.get("published") if isinstance(meta, dict) else None
    name = meta.get("id") if isinstance(meta, dict) else None
    return str(name or file.stem), raw[match.end() :], None if published is None else str(published)


def _table(name: str, events: list[Event]) -> Table:
    table = Table(title=f"{name}: {len(events)} events", show_lines=False)
    for column in ("type", "status", "subject", "parties", "from→to", "date", "place", "qty"):
        table.add_column(column, overflow="fold")
    for event in events:
        direction = f"{event.from_}→{event.to}" if event.from_ or event.to else ""
        table.add_row(
            event.type,
            event.status or "",
            event.subject,
            ",".join(event.parties),
            direction,
            event.date or "",
            event.place or "",
            "" if event.quantity is None else str(event.quantity),
        )
    return table


def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Text or gold JSON files; - reads stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (EDTF) for relative dates.")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    data: Annotated[
        list[Path] | None, typer.Option("--data", help="Directory of extra data files.")
    ] = None,
) -> None:
    """Extract defence-relations events from documents and print them; nothing is stored.

    Example: pactwatch extract article.txt --published 2025-11-01 --format json
    """
    if output not in ("table", "json"):
        raise typer.BadParameter("must be table or json", param_hint="--format")
    console = Console()
    failed = 0
    for path in paths:
        try:
            name, text, doc_published = read_input(path)
        except SourceError as exc:
            failed += 1  # one line for the bad file; the others still run
            Console(stderr=True).print(f"[red]SourceError[/red]: {exc}", highlight=False)
            continue
        events = extract(text, published=published or doc_published, data_dirs=data or ())
        if output == "json":
            payload: dict[str, Any] = {"document": name, "events": [e.to_gold() for e in events]}
            typer.echo(json.dumps(payload, ensure_ascii=False))
        else:
            console.print(_table(name, events))
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the app."""
    app.command("extract")(extract_command)
