"""``pactwatch events``, ``timeline``, ``show``, ``entities`` and ``search``."""

from __future__ import annotations

from typing import Annotated

import typer

from pactwatch.cli import store_views as views
from pactwatch.cli.store_cmds import (
    DbOption,
    Format,
    FormatOption,
    emit,
    open_store,
    usage_error,
    write_csv,
    write_json,
)
from pactwatch.errors import StoreError
from pactwatch.query.results import EntityRecord, Evidence, SearchHit, StoredEvent

LimitOption = Annotated[int, typer.Option(help="At most this many rows; 0 for all.")]
SinceOption = Annotated[str | None, typer.Option(help="Only events dated on or after (EDTF).")]
UntilOption = Annotated[str | None, typer.Option(help="Only events dated on or before (EDTF).")]


def events_command(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    type_: Annotated[
        str | None, typer.Option("--type", help="Event types, comma-separated.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="Statuses, comma-separated.")] = None,
    party: Annotated[
        str | None, typer.Option(help="States that all take part, e.g. US,IN.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    subject: Annotated[
        str | None, typer.Option(help="Text the subject or an alias contains.")
    ] = None,
    limit: LimitOption = 100,
) -> None:
    """List stored events that match every filter given, newest first.

    Example: pactwatch events --type agreement --party US,IN --since 2015
    """
    with open_store(db) as store:
        try:
            found = store.events(
                type=type_,
                status=status,
                party=party,
                since=since,
                until=until,
                subject=subject,
                limit=limit or None,
            )
        except ValueError as exc:
            raise usage_error(str(exc)) from exc
    emit(found, fmt, views.events_table, columns=StoredEvent.COLUMNS)


def timeline_command(
    a: Annotated[str, typer.Argument(help="One state (ISO 3166-1 alpha-2 code).")],
    b: Annotated[str, typer.Argument(help="The other state.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 0,
    after: Annotated[
        str | None,
        typer.Option(metavar="ID", help="Start after this event id (the last of a page)."),
    ] = None,
) -> None:
    """Show what two states did together, in date order, grouped by year.

    A busy pair reads in pages: --limit 100, then --after the last id shown.

    Example: pactwatch timeline US IN --since 2000
    """
    codes = [a.upper(), b.upper()]
    if any(len(code) != 2 or not code.isalpha() for code in codes) or codes[0] == codes[1]:
        raise usage_error(f"give two different ISO 3166-1 alpha-2 codes, not {a} {b}")
    with open_store(db) as store:
        try:
            found = store.timeline(
                *codes, since=since, until=until, limit=limit or None, after=after
            )
        except ValueError as exc:
            raise usage_error(str(exc)) from exc
    emit(found, fmt, lambda rows: views.timeline_view(codes, rows), columns=StoredEvent.COLUMNS)


def show_command(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="An event id or its start.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Show one event with every piece of evidence and its status history.

    With --format csv, prints one row per piece of evidence.

    Example: pactwatch show 3f2a9c
    """
    with open_store(db) as store:
        try:
            detail = store.show(event_id)
        except StoreError as exc:
            views.error_line(exc)
            raise typer.Exit(1) from exc
    if fmt is Format.json:
        write_json(detail.to_dict())
    elif fmt is Format.csv:
        write_csv([item.to_dict() for item in detail.evidence], Evidence.COLUMNS)
    else:
        views.print_detail(detail)


def entities_command(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    kind: Annotated[
        str | None, typer.Option(help="state, agreement, platform, exercise, institution...")
    ] = None,
    limit: LimitOption = 0,
) -> None:
    """List the states, platforms, agreements, exercises... the store knows, with their names.

    Example: pactwatch entities --kind platform
    """
    with open_store(db) as store:
        found = store.entities(kind=kind, limit=limit or None)
    emit(found, fmt, views.entities_table, columns=EntityRecord.COLUMNS)


def search_command(
    text: Annotated[str, typer.Argument(help='Words that must all occur; "quote" phrases.')],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    limit: LimitOption = 20,
) -> None:
    """Search document text and evidence sentences, best matches first.

    Example: pactwatch search "logistics exchange"
    """
    with open_store(db) as store:
        found = store.search(text, limit=limit or 1000)
    emit(found, fmt, views.search_table, columns=SearchHit.COLUMNS)


def register(app: typer.Typer) -> None:
    """Add events, timeline, show, entities and search to the app."""
    app.command("events")(events_command)
    app.command("timeline")(timeline_command)
    app.command("show")(show_command)
    app.command("entities")(entities_command)
    app.command("search")(search_command)
