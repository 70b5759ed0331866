"""``pactwatch db upgrade`` and ``pactwatch db status``: the database's schema revision."""

from __future__ import annotations

import typer
from sqlalchemy.engine import Engine

from pactwatch.cli.store_cmds import DbOption, store_error_exit
from pactwatch.errors import StoreError
from pactwatch.store import migrate
from pactwatch.store.engine import create_store_engine, display_url

db_app = typer.Typer(help="The database schema: see its revision, apply migrations.")


@db_app.command("upgrade")
def upgrade_command(db: DbOption = None) -> None:
    """Apply the schema migrations this pactwatch has that the database lacks.

    Creates the database when it does not exist. Back it up first: a migration
    rewrites tables.

    Example: pactwatch db upgrade --db pactwatch.db
    """
    engine = _engine(db)
    try:
        before, after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    where = display_url(engine.url)
    if before == after:
        typer.echo(f"{where} is already at schema revision {after}")
    else:
        typer.echo(f"{where} upgraded from schema revision {before or 'none'} to {after}")


@db_app.command("status")
def status_command(db: DbOption = None) -> None:
    """Print the database's schema revision and the one this pactwatch needs.

    Exits 1 when they differ.

    Example: pactwatch db status --db pactwatch.db
    """
    engine = _engine(db)
    try:
        current = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision()
    typer.echo(f"{display_url(engine.url)}: schema revision {current or 'none'}, needs {head}")
    if current != head:
        raise typer.Exit(1)


def _engine(db: str | None) -> Engine:
    try:
        return create_store_engine(db)
    except StoreError as exc:
        raise store_error_exit(exc) from exc


def register(app: typer.Typer) -> None:
    """Add the ``db`` group (upgrade, status) to the app."""
    app.add_typer(db_app, name="db")
