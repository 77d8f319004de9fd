"""Alembic environment for Kinderwerk PWA.

The database URL comes from `sqlalchemy.url` when a caller set it programmatically
(kinderwerk_pwa.migrations.upgrade_to_head, the tests); otherwise from the app's settings
(DATABASE_URL, or the default SQLite file under ./data).
"""

from __future__ import annotations

import logging.config
from pathlib import Path

import sqlalchemy as sa
from alembic import context
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

import kinderwerk_pwa.models  # noqa: F401  (registers every table with SQLModel.metadata)
from kinderwerk_pwa.db import normalise_url
from kinderwerk_pwa.models.base import UTCDateTime
from kinderwerk_pwa.settings import get_settings

config = context.config

# Configure logging from alembic.ini only when run from the command line. When the app runs the
# migrations at startup it has its own logging, which fileConfig would otherwise replace.
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    return normalise_url(url or get_settings().database_url)


def _render_item(type_: str, obj, autogen_context):
    """Render our own column type as an importable expression in migration files."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        autogen_context.imports.add("import kinderwerk_pwa.models.base")
        return "kinderwerk_pwa.models.base.UTCDateTime()"
    return False  # default rendering for everything else


def _skip_empty_revision(context_, revision, directives) -> None:
    """`alembic revision --autogenerate` with no model changes writes no (empty) file."""
    cmd_opts = config.cmd_opts
    if cmd_opts is not None and getattr(cmd_opts, "autogenerate", False):
        script = directives[0]
        if script.upgrade_ops is not None and script.upgrade_ops.is_empty():
            directives[:] = []
            print("Geen verschil tussen modellen en migraties: geen nieuwe migratie gemaakt.")


def _configure_kwargs(url: str) -> dict:
    return {
        "target_metadata": target_metadata,
        "compare_type": True,
        # SQLite cannot ALTER most things; batch mode recreates the table instead.
        "render_as_batch": url.startswith("sqlite"),
        "render_item": _render_item,
        "process_revision_directives": _skip_empty_revision,
    }


def run_migrations_offline() -> None:
    """Emit SQL to stdout (alembic upgrade head --sql) without a database connection."""
    url = _database_url()
    context.configure(
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_configure_kwargs(url),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = _database_url()
    if url.startswith("sqlite"):
        # Same convenience as kinderwerk_pwa.db.make_engine: create the data directory.
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    # A plain engine, not db.make_engine: on SQLite that one switches foreign keys on, and batch
    # migrations (copy table, drop old, rename) must run with them off (SQLite's default).
    engine = sa.create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, **_configure_kwargs(url))
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
