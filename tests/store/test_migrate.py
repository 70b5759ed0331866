"""Schema versions: new databases at head, the migration matches schema.py, old ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pactwatch.api import open as open_store
from pactwatch.errors import StoreError
from pactwatch.store import migrate
from pactwatch.store.engine import create_store_engine
from pactwatch.store.schema import TABLES, metadata

# Dialect DDL that schema.py does not model (store/ddl.py): full-text search, and
# on PostgreSQL the newest-first indexes rebuilt as date_start DESC NULLS LAST.
_FTS = ("_fts", "search_vector", "ix_documents_search", "ix_claims_search")
_NEWEST_FIRST = ("'ix_event_parties_party", "'ix_events_type_date'", "'ix_events_date'")


def _diffs(url: str) -> list[str]:
    engine = create_store_engine(url)
    try:
        with engine.connect() as conn:
            found = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    text = [repr(diff) for diff in found]
    markers = _FTS + (_NEWEST_FIRST if url.startswith("postgresql") else ())
    return [line for line in text if not any(marker in line for marker in markers)]


def test_a_new_database_is_created_at_head(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_store_engine(db_url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        names = set(sa.inspect(engine).get_table_names())
        views = set(sa.inspect(engine).get_view_names())
    finally:
        engine.dispose()
    assert {table.name for table in TABLES} <= names
    assert {"event_view", "evidence_view", "event_status_history", "dyad_view"} <= views


def test_the_first_migration_builds_exactly_schema_py(db_url: str) -> None:
    open_store(db_url).close()
    assert _diffs(db_url) == []


def test_downgrade_to_base_and_upgrade_again(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_store_engine(db_url)
    try:
        migrate.downgrade(engine)
        assert migrate.current_revision(engine) is None
        assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
        before, after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert (before, after) == (None, migrate.head_revision())
    open_store(db_url).close()


def test_opening_never_alters_a_database_at_an_unknown_revision(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_store_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StoreError, match="9999, which this pactwatch does not know"):
            migrate.ensure_current(engine)
        with pytest.raises(StoreError, match="does not know"):
            migrate.upgrade(engine)
        assert migrate.current_revision(engine) == "9999"
    finally:
        engine.dispose()


def test_a_database_with_other_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = create_store_engine(path)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE recipes (name TEXT)"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="not a pactwatch database"):
        open_store(path)


@pytest.mark.parametrize(
    ("revision", "head", "expected"),
    [
        ("0002", "0002", None),
        ("0001", "0002", "at schema revision 0001, this pactwatch needs 0002: run "),
        ("0007", "0002", "at schema revision 0007, which this pactwatch does not know"),
    ],
)
def test_revision_problem_names_the_fix(revision: str, head: str, expected: str | None) -> None:
    problem = migrate.revision_problem(revision, head=head, known={"0001", "0002"}, where="team.db")
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem
        assert problem.startswith("database at team.db")


def test_an_older_database_names_the_upgrade_command() -> None:
    problem = migrate.revision_problem("0001", head="0002", known={"0001", "0002"}, where="x.db")
    assert problem is not None and problem.endswith("run `pactwatch db upgrade --db x.db`")


def test_fts_tables_are_found_the_way_datasette_looks_for_them(tmp_path: Path) -> None:
    # datasette.utils.detect_fts_sql: a virtual FTS table whose content= names the table.
    open_store(tmp_path / "pw.db").close()
    engine = create_store_engine(tmp_path / "pw.db")
    try:
        with engine.connect() as conn:
            found = {
                table: conn.execute(
                    sa.text(
                        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE "
                        "'%VIRTUAL TABLE%USING FTS%content=\"' || :table || '\"%'"
                    ),
                    {"table": table},
                ).scalar()
                for table in ("documents", "claims")
            }
    finally:
        engine.dispose()
    assert found == {"documents": "documents_fts", "claims": "claims_fts"}


def test_upgrading_from_0001_fills_the_new_columns_and_keeps_search(db_url: str) -> None:
    from .test_search_index import _nordic, assert_index_matches
    from .test_write import japan_australia

    with open_store(db_url) as store:
        store.add(*japan_australia())
        before = [(e.id, e.date) for e in store.timeline("JP", "AU")]
    engine = create_store_engine(db_url)
    try:
        migrate.downgrade(engine, "0001")
        columns = {c["name"] for c in sa.inspect(engine).get_columns("event_dyads")}
        assert "date_end" not in columns
        with pytest.raises(StoreError, match="run `pactwatch db upgrade"):
            open_store(db_url)
        assert migrate.upgrade(engine) == ("0001", migrate.head_revision())
        with engine.connect() as conn:
            pairs = conn.execute(
                sa.text(
                    "SELECT d.date_end, e.date_end FROM event_dyads d "
                    "JOIN events e ON e.id = d.event_id"
                )
            ).all()
    finally:
        engine.dispose()
    assert len(pairs) == 3 and all(mine == theirs is not None for mine, theirs in pairs)
    with open_store(db_url) as store:
        assert [(e.id, e.date) for e in store.timeline("AU", "JP")] == before
        store.add(*_nordic(1))
        assert_index_matches(store)
        assert sorted(h.kind for h in store.search("Trident")) == ["claim", "document"]
        assert sorted(h.kind for h in store.search("Lantern")) == ["claim", "document"]
