"""The Alembic migrations build exactly the schema the SQLModel models declare, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

import kinderwerk_pwa.models  # noqa: F401  (registers every table)
from kinderwerk_pwa.migrations import alembic_config, upgrade_to_head


@contextmanager
def _connect(url: str) -> Iterator[sa.Connection]:
    engine = sa.create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _schema_diff(url: str) -> list:
    with _connect(url) as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def _tables(url: str) -> set[str]:
    with _connect(url) as conn:
        return set(sa.inspect(conn).get_table_names())


def _current_revision(url: str) -> str | None:
    with _connect(url) as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head() -> str:
    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    assert len(heads) == 1, f"meer dan één Alembic-head (branches samenvoegen): {heads}"
    return heads[0]


def test_single_head() -> None:
    _head()


def test_upgrade_head_gives_the_model_schema(database_url: str) -> None:
    assert _tables(database_url) == set()

    upgrade_to_head(database_url)

    assert _current_revision(database_url) == _head()
    assert _tables(database_url) == set(SQLModel.metadata.tables) | {"alembic_version"}
    diff = _schema_diff(database_url)
    assert diff == [], (
        "migraties en modellen lopen uiteen; maak een migratie met "
        f'alembic/make_migration.sh "..." \n{diff}'
    )


def test_upgrade_is_idempotent(database_url: str) -> None:
    upgrade_to_head(database_url)
    upgrade_to_head(database_url)  # at head already: nothing to do, no error
    assert _current_revision(database_url) == _head()


def test_downgrade_base_then_upgrade_again(database_url: str) -> None:
    upgrade_to_head(database_url)

    command.downgrade(alembic_config(database_url), "base")
    assert _tables(database_url) == {"alembic_version"}
    assert _current_revision(database_url) is None

    upgrade_to_head(database_url)
    assert _tables(database_url) == set(SQLModel.metadata.tables) | {"alembic_version"}
    assert _schema_diff(database_url) == []
