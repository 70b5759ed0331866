"""The store: SQLAlchemy Core schema, Alembic migrations, the write path and FTS."""
