"""Shared fixtures: where the gold set lives, and the skip reason when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"
SEED_GOLD = GOLD_DIR / "seed-us-india-framework-2025.json"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The dev gold set in ../shared/gold/dev; skips the test where it is absent."""
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold set not found at {GOLD_DIR} (it lives beside the checkout)")
    return GOLD_DIR


# ---- the store's databases: every store test runs on SQLite and on PostgreSQL ----

import os  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402

PG_URL = os.environ.get("PACTWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_unreachable() -> str | None:
    """Return why the PostgreSQL test server cannot be used, or None when it can."""
    import psycopg

    try:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at {PG_URL} is unreachable: {str(exc).strip().splitlines()[0]}"


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    """The PostgreSQL server's URL; skips (fails when CI=true) where it is unreachable."""
    reason = _pg_unreachable()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import psycopg

    admin = request.getfixturevalue("pg_admin_url").replace("+psycopg", "")
    schema = f"pw_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '20s'")
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    """A :class:`pactwatch.api.Store` on a fresh database, closed afterwards."""
    from pactwatch.api import open as open_store

    with open_store(db_url) as opened:
        yield opened
