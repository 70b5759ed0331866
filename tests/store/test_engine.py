"""Database URLs and engines: paths, env var, unsupported URLs, SQLite pragmas."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pactwatch.errors import StoreError
from pactwatch.store.engine import create_store_engine, display_url, parse_url, resolve_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("team.db", "sqlite:///team.db"),
        ("/srv/data/pactwatch.db", "sqlite:////srv/data/pactwatch.db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgresql+psycopg://me@db.example/pw", "postgresql+psycopg://me@db.example/pw"),
    ],
)
def test_resolve_url_takes_paths_and_urls(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_resolve_url_falls_back_to_env_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACTWATCH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///pactwatch.db"
    monkeypatch.setenv("PACTWATCH_DB", "elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("given.db") == "sqlite:///given.db"


def test_plain_postgresql_urls_get_psycopg() -> None:
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "oracle://scott@h/orcl"])
def test_other_databases_are_refused(url: str) -> None:
    with pytest.raises(StoreError, match="not SQLite or PostgreSQL"):
        parse_url(url)


def test_display_url_hides_the_password() -> None:
    url = parse_url("postgresql+psycopg://analyst:s3cret@db.example:5432/pw")
    assert "s3cret" not in display_url(url)
    assert display_url(parse_url("notes/pw.db")) == "notes/pw.db"


def test_missing_folder_is_one_line_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist") as info:
        create_store_engine(tmp_path / "no" / "such" / "dir" / "pw.db")
    assert "\n" not in str(info.value)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        create_store_engine(path)


def test_unreachable_server_is_one_line_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open the database") as info:
        create_store_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "\n" not in str(info.value)


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = create_store_engine(tmp_path / "pw.db")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
