"""Bring the database schema up to date with Alembic (alembic/versions at the repo top level)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from .db import normalise_url
from .settings import get_settings

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


def alembic_config(database_url: str | None = None) -> Config:
    """An Alembic Config for the repo's alembic.ini, pointed at `database_url` (default: settings)."""
    if not ALEMBIC_INI.is_file():
        raise FileNotFoundError(f"alembic.ini niet gevonden: {ALEMBIC_INI}")
    config = Config(str(ALEMBIC_INI))
    # Not from the command line: leave the app's logging alone (see alembic/env.py).
    config.attributes["configure_logger"] = False
    url = normalise_url(database_url or get_settings().database_url)
    # The value goes through configparser interpolation: a literal % (URL-encoded password)
    # must be doubled.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(database_url: str | None = None) -> None:
    """Run `alembic upgrade head` against `database_url` (default: the configured database)."""
    command.upgrade(alembic_config(database_url), "head")
