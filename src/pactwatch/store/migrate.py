"""Schema versions: Alembic revisions, checked on open, applied by ``pactwatch db upgrade``.

Opening a store never alters an existing database. A new, empty database is
created at the newest revision; one at an older revision is refused with the
command that upgrades it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from pactwatch.errors import StoreError
from pactwatch.store.engine import display_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    """Return the newest schema revision this pactwatch knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a revision
        raise StoreError("pactwatch has no schema migrations installed; reinstall it")
    return head


def known_revisions() -> set[str]:
    """Return every revision id in this pactwatch's migration history."""
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """Return the database's schema revision, or None when it has none."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply pending migrations up to ``revision``; return (revision before, revision after)."""
    before = current_revision(engine)
    if before is not None and before not in known_revisions():
        raise _too_new(engine, before)
    if before is None and _has_tables(engine):
        raise _foreign(engine)
    _run(engine, command.upgrade, revision)
    return before, current_revision(engine) or ""


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Undo migrations down to ``revision`` (``base`` drops every table pactwatch made)."""
    _run(engine, command.downgrade, revision)


def _run(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        step(cfg, revision)


def ensure_current(engine: Engine) -> None:
    """Create an empty database at head; raise StoreError when it is at another revision."""
    revision = current_revision(engine)
    if revision is None:
        upgrade(engine)
        return
    problem = revision_problem(
        revision, head=head_revision(), known=known_revisions(), where=display_url(engine.url)
    )
    if problem:
        raise StoreError(problem)


def revision_problem(revision: str, *, head: str, known: set[str], where: str) -> str | None:
    """Return why a database at ``revision`` cannot be used by a pactwatch at ``head``, or None."""
    if revision == head:
        return None
    if revision not in known:
        return (
            f"database at {where} is at schema revision {revision}, which this pactwatch "
            "does not know: upgrade pactwatch"
        )
    return (
        f"database at {where} is at schema revision {revision}, this pactwatch needs {head}: "
        f"run `pactwatch db upgrade --db {where}`"
    )


def _too_new(engine: Engine, revision: str) -> StoreError:
    where = display_url(engine.url)
    return StoreError(revision_problem(revision, head="", known=set(), where=where) or "")


def _foreign(engine: Engine) -> StoreError:
    where = display_url(engine.url)
    return StoreError(f"{where} holds tables but is not a pactwatch database; use another")


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(set(sa.inspect(conn).get_table_names()) - {"alembic_version"})
