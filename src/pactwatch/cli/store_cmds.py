"""What the store commands share: ``--db``, ``--format``, opening the store, JSON and CSV.

``register`` adds every store command (ingest, events, timeline, show,
entities, search, demo, db) to the app.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from pactwatch.api import Store
from pactwatch.api import open as open_db
from pactwatch.errors import StoreError
from pactwatch.query.results import Record


class Format(StrEnum):
    """How a command prints what it lists."""

    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="PACTWATCH_DB",
        show_envvar=True,
        help="Database URL (sqlite:///file.db, postgresql+psycopg://...) or a SQLite file path."
        " Default: sqlite:///pactwatch.db.",
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", case_sensitive=False, help="table, json or csv.")
]

err_console = Console(stderr=True)


def open_store(db: str | None) -> Store:
    """Return the store at ``db``; print one line and exit 2 when it cannot be opened."""
    try:
        return open_db(db)
    except StoreError as exc:
        raise store_error_exit(exc) from exc


def store_error_exit(exc: StoreError) -> typer.Exit:
    """Print ``exc`` as one line; return the exit (2) to raise."""
    err_console.print(f"[red]StoreError[/red]: {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def usage_error(message: str) -> typer.Exit:
    """Print ``message`` as a one-line usage error; return the exit (2) to raise."""
    err_console.print(f"[red]Error[/red]: {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def emit(
    records: Sequence[Record],
    fmt: Format,
    table: Callable[[Sequence[Any]], RenderableType],
    *,
    columns: Sequence[str] | None = None,
) -> None:
    """Print ``records`` as a Rich table (built by ``table``), a JSON array or CSV."""
    if fmt is Format.json:
        write_json([record.to_dict() for record in records])
    elif fmt is Format.csv:
        write_csv([record.to_dict() for record in records], columns or _columns(records))
    else:
        Console().print(table(records))


def write_json(value: Any) -> None:
    """Print ``value`` as indented JSON (UTF-8, not escaped)."""
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Print ``rows`` as CSV with a header; lists become ``;``-joined text."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns(records: Sequence[Record]) -> Sequence[str]:
    return records[0].COLUMNS if records else ()


def register(app: typer.Typer) -> None:
    """Add ingest, events, timeline, show, entities, search, demo and db to the app."""
    from pactwatch.cli import db_cmd, demo_cmd, ingest_cmd, query_cmds, resolve_cmds

    ingest_cmd.register(app)
    query_cmds.register(app)
    demo_cmd.register(app)
    db_cmd.register(app)
    resolve_cmds.register(app)
