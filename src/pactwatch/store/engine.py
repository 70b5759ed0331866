"""Database URLs and engines: SQLite by default, PostgreSQL for teams.

A ``--db`` value is a SQLAlchemy URL (``sqlite:///pactwatch.db``,
``postgresql+psycopg://user@host/db``) or a bare file path, which means a
SQLite file. SQLite connections get WAL, foreign keys and a busy timeout on
every connect (https://www.sqlite.org/wal.html).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError

from pactwatch.errors import StoreError

DEFAULT_URL = "sqlite:///pactwatch.db"
"""Where the store lives when neither ``--db`` nor ``PACTWATCH_DB`` says otherwise."""

ENV_VAR = "PACTWATCH_DB"
_DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """Return the SQLAlchemy URL for ``db``, ``$PACTWATCH_DB`` or the default file.

    A value without ``://`` is a path to a SQLite file.
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in value:
        return URL.create("sqlite", database=value).render_as_string(hide_password=False)
    return value


def parse_url(db: str | os.PathLike[str] | None = None) -> URL:
    """Return the parsed URL of ``db`` with the driver pactwatch uses for its engine."""
    text = resolve_url(db)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"{text!r} is not a database URL or path; give a file path") from exc
    backend = url.get_backend_name()
    if backend not in _DRIVERS:
        raise StoreError(f"{text!r} is not SQLite or PostgreSQL, the databases pactwatch supports")
    if backend == "postgresql" and url.drivername != _DRIVERS[backend]:
        url = url.set(drivername=_DRIVERS[backend])
    return url


def display_url(url: URL) -> str:
    """Return ``url`` as text for messages, with any password hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def create_store_engine(db: str | os.PathLike[str] | None = None) -> Engine:
    """Return an engine for ``db`` that has been checked to connect."""
    url = parse_url(db)
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True)
    try:
        with engine.connect():
            pass
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "unknown error"
        raise StoreError(f"cannot open the database at {display_url(url)}: {reason}") from exc
    return engine


def _sqlite_engine(url: URL) -> Engine:
    path = url.database
    if path and path != ":memory:" and not path.startswith("file:"):
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create a database at {path}: folder {parent} does not exist")
    engine = sa.create_engine(url, connect_args={"timeout": 30})
    sa.event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers (Datasette, a second shell) work while ingest writes;
    # synchronous=NORMAL is durable in WAL mode except on power loss.
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk writes touch many index pages
    cursor.execute("PRAGMA mmap_size = 268435456")  # 256 MiB mapped: fewer read syscalls
    cursor.close()
