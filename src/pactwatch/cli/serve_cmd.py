"""``pactwatch serve``: the HTTP API and web UI on this machine (read-only without a token)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pactwatch.cli.store_cmds import DbOption, open_store, usage_error


def read_token(path: Path) -> str:
    """Return the editor token in ``path`` (its first line); exit 2 when unreadable or empty."""
    try:
        token = path.read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise usage_error(f"cannot read the editor token file {path}: {exc}") from exc
    if not token or len(token[0].strip()) < 16:
        raise usage_error(f"the editor token in {path} must be one line of at least 16 characters")
    return token[0].strip()


def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other hosts see it only if told.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    editor_token_file: Annotated[
        Path | None,
        typer.Option(help="File holding the token that allows writes; without it, read-only."),
    ] = None,
) -> None:
    """Serve the JSON API (/api/v1/) and the web UI; no asset comes from the internet.

    Example: pactwatch serve --db pactwatch.db --port 8000
    """
    import uvicorn

    from pactwatch.web import create_app

    token = read_token(editor_token_file) if editor_token_file else None
    store = open_store(db)
    mode = "read-write (editor token)" if token else "read-only"
    typer.echo(f"pactwatch: serving {store.url} {mode} at http://{host}:{port}/", err=True)
    try:
        uvicorn.run(
            create_app(store, editor_token=token), host=host, port=port, log_level="warning"
        )
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve_command)
