"""``pactwatch resolve``, ``conflicts`` and the corrections by hand: ``correct``, ``merge``,
``split``, ``reject`` and ``undo``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer
from rich.console import RenderableType
from rich.markup import escape
from rich.table import Table

from pactwatch.cli import store_views as views
from pactwatch.cli.store_cmds import DbOption, Format, FormatOption, emit, open_store, usage_error
from pactwatch.errors import StoreError
from pactwatch.resolve.conflicts import Conflict
from pactwatch.resolve.corrections import Done

WhyOption = Annotated[str, typer.Option("--why", help="Why (kept with the correction).")]
AuthorOption = Annotated[
    str | None, typer.Option(help="Who makes the correction. Default: the login name.")
]


def resolve_command(
    db: DbOption = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Rebuild every link between claims and events.")
    ] = False,
) -> None:
    """Rebuild every link from the claims, then apply the hand corrections again.

    Ingest links new documents as it stores them; --all does it all again
    (after an upgrade, or new matching rules), with the same result.

    Example: pactwatch resolve --all
    """
    if not all_:
        raise usage_error("ingest resolves new documents; give --all to rebuild every link")
    with open_store(db) as store:
        result = store.resolve_all()
    typer.echo(
        f"{result.claims} claims linked into {result.events} events; "
        f"{result.corrections} merges and splits applied again"
    )


def conflicts_command(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    party: Annotated[str | None, typer.Option(help="Only events this state takes part in.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many; 0 for all.")] = 0,
) -> None:
    """List where the sources disagree, with the documents on every side.

    Example: pactwatch conflicts --party IN --format json
    """
    with open_store(db) as store:
        found = store.conflicts(party=party, limit=limit or None)
    emit(found, fmt, conflicts_table, columns=Conflict.COLUMNS)


def conflicts_table(rows: Sequence[Conflict]) -> RenderableType:
    """Return conflicts as a table: kind, event or document, field, values with documents."""
    table = Table(title=f"{len(rows)} conflicts", title_justify="left", show_lines=True)
    for column in ("kind", "event / document", "field", "values"):
        table.add_column(column, overflow="fold")
    for found in rows:
        where = found.event or f"document {(found.document or '')[:12]}"
        sides = "\n".join(
            f"{value['value']}  ({', '.join(d[:12] for d in value['documents'])})"
            for value in found.values
        )
        table.add_row(found.kind, where, found.field, escape(sides))
    return table


def _done(action: str, done: Done) -> None:
    where = f"; event {done.event}" if done.event else ""
    typer.echo(f"{action}: correction {done.correction}{where}")


def _run(db: str | None, action: str, call: str, *args: object, **kwargs: object) -> None:
    with open_store(db) as store:
        try:
            done = getattr(store, call)(*args, **kwargs)
        except StoreError as exc:
            views.error_line(exc)
            raise typer.Exit(1) from exc
    _done(action, done)


def correct_command(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    field: Annotated[str, typer.Option(help="status, date, subject, place, quantity, from, to.")],
    value: Annotated[str, typer.Option(help="The new value ('null' to clear it).")],
    why: WhyOption,
    db: DbOption = None,
    author: AuthorOption = None,
) -> None:
    """Set one field of an event by hand; it stays set through rebuilds and re-ingests.

    Example: pactwatch correct 9a7a46b66551d0300002 --field date --value 2016-08-29 --why "MoD"
    """
    _run(db, "corrected", "correct", event_id, field=field, value=value, why=why, author=author)


def merge_command(
    keep: Annotated[str, typer.Argument(metavar="ID", help="The event that stays.")],
    other: Annotated[str, typer.Argument(metavar="OTHER", help="The event merged into it.")],
    why: WhyOption,
    db: DbOption = None,
    author: AuthorOption = None,
) -> None:
    """Merge two events that are one: every claim of OTHER joins ID.

    Example: pactwatch merge 9a7a46b66551d0300002 5e893e5ff1f8729a0005 --why "same deal"
    """
    _run(db, "merged", "merge", keep, other, why=why, author=author)


def split_command(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event.")],
    claim: Annotated[str, typer.Option("--claim", help="The claim to take out of it.")],
    why: WhyOption,
    db: DbOption = None,
    author: AuthorOption = None,
) -> None:
    """Take one claim out of an event into an event of its own.

    Example: pactwatch split 9a7a46b66551d0300002 --claim 5e893e5ff1f8729a0005 --why "2nd order"
    """
    _run(db, "split", "split", event_id, claim, why=why, author=author)


def reject_command(
    claim: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The claim.")],
    why: WhyOption,
    db: DbOption = None,
    author: AuthorOption = None,
) -> None:
    """Reject a claim (an extraction error): it stays stored but belongs to no event.

    Example: pactwatch reject 5e893e5ff1f8729a0005 --why "the text says the opposite"
    """
    _run(db, "rejected", "reject", claim, why=why, author=author)


def undo_command(
    correction: Annotated[int, typer.Argument(metavar="CORRECTION_ID", help="Its number.")],
    why: WhyOption,
    db: DbOption = None,
    author: AuthorOption = None,
) -> None:
    """Undo a correction (the undo is recorded too; nothing is deleted).

    Example: pactwatch undo 3 --why "wrong event"
    """
    _run(db, "undone", "undo", correction, why=why, author=author)


def register(app: typer.Typer) -> None:
    """Add resolve, conflicts, correct, merge, split, reject and undo to the app."""
    app.command("resolve")(resolve_command)
    app.command("conflicts")(conflicts_command)
    app.command("correct")(correct_command)
    app.command("merge")(merge_command)
    app.command("split")(split_command)
    app.command("reject")(reject_command)
    app.command("undo")(undo_command)
