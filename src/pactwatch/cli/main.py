"""The ``pactwatch`` Typer app: every command module registers itself here.

Errors: a :class:`~pactwatch.errors.PactwatchError` is caught once, here,
printed as one line, and exits 1; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from pactwatch.errors import PactwatchError

app = typer.Typer(
    name="pactwatch",
    help="Sourced, queryable records of defence relations between states.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_err = Console(stderr=True)


def _register_commands() -> None:
    # Each module adds its commands to ``app``; imported here so that the
    # app is complete before Typer builds the click group.
    from pactwatch.cli import eval_cmd, export_cmd, extract_cmd, serve_cmd, store_cmds

    extract_cmd.register(app)
    eval_cmd.register(app)
    store_cmds.register(app)
    serve_cmd.register(app)
    export_cmd.register(app)


def main() -> None:
    """Run the CLI; one line and exit 1 on a PactwatchError."""
    _register_commands()
    try:
        app(standalone_mode=True)
    except PactwatchError as exc:
        _err.print(f"[red]{type(exc).__name__}[/red]: {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
