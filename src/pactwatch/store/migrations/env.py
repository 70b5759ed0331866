"""Alembic environment: pactwatch runs migrations on a connection it already holds.

:func:`pactwatch.store.migrate.upgrade` puts that connection in
``config.attributes["connection"]``; there is no ``alembic.ini``.
"""

from __future__ import annotations

from alembic import context

from pactwatch.store.schema import metadata

_connection = context.config.attributes.get("connection")
if _connection is None:
    raise RuntimeError("run pactwatch migrations with `pactwatch db upgrade`, not the alembic CLI")

context.configure(
    connection=_connection,
    target_metadata=metadata,
    render_as_batch=_connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
