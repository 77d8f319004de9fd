"""Fixtures for tests that need a real database: every test runs on SQLite and on PostgreSQL.

PostgreSQL: each test gets a fresh, uniquely named database on the server behind
KINDERWERK_TEST_PG_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres, the admin
connection used to create and drop it). When nothing listens there the PostgreSQL variant is
skipped, unless KINDERWERK_TEST_REQUIRE_PG=1 (CI), which turns the skip into a failure. Any other
problem (wrong password, no CREATEDB right) is an error, not a skip.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the package is not installed into the venv
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402
from sqlmodel import Session  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from kinderwerk_pwa import db as kw_db  # noqa: E402
from kinderwerk_pwa.api.app import create_api  # noqa: E402
from kinderwerk_pwa.migrations import upgrade_to_head  # noqa: E402

DEFAULT_PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def pg_admin_url() -> sa.URL:
    return sa.make_url(
        kw_db.normalise_url(os.environ.get("KINDERWERK_TEST_PG_URL", DEFAULT_PG_ADMIN_URL))
    )


def _pg_unreachable_reason(url: sa.URL) -> str | None:
    """Why nothing answers at the server's address, or None when something listens there."""
    host, port = url.host or "127.0.0.1", url.port or 5432
    try:
        with socket.create_connection((host, port), timeout=3):
            return None
    except OSError as exc:
        return f"PostgreSQL niet bereikbaar op {host}:{port}: {exc}"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("KINDERWERK_TEST_REQUIRE_PG", "").strip().lower() in {
        "1",
        "true",
        "yes",
        "ja",
    }:
        pytest.fail(f"{reason} (KINDERWERK_TEST_REQUIRE_PG is gezet)")
    pytest.skip(reason)


def _dispose_cached_engines(url: str) -> None:
    """Code under test may have used kinderwerk_pwa.db.get_engine(url): close those pools too."""
    engine = kw_db._engines.pop(kw_db.normalise_url(url), None)
    if engine is not None:
        engine.dispose()


@pytest.fixture(scope="session")
def _pg_admin_engine() -> Iterator[sa.Engine]:
    url = pg_admin_url()
    reason = _pg_unreachable_reason(url)
    if reason:
        _skip_or_fail(reason)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def _postgres_url(_pg_admin_engine: sa.Engine) -> Iterator[str]:
    name = f"kw_test_{uuid.uuid4().hex[:16]}"
    with _pg_admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = pg_admin_url().set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        _dispose_cached_engines(url)
        with _pg_admin_engine.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def trusted_testserver(app_db, monkeypatch):
    """Starlette's TestClient sends `Host: testserver` and the tests post with that Origin: make it
    one of our hosts by configuration, as a deployment names its own (api/hosts.py)."""
    from kinderwerk_pwa.settings import reset_settings

    monkeypatch.setenv("KINDERWERK_ALLOWED_HOSTS", "testserver")
    reset_settings()


@pytest.fixture
def client(app_db, trusted_testserver):
    """The app's own API routes (login, sync, ...) over HTTP, on the app_db database."""
    with TestClient(create_api(), follow_redirects=False) as c:
        yield c


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kinderwerk.db'}"
        try:
            yield url
        finally:
            _dispose_cached_engines(url)
    else:
        yield request.getfixturevalue("_postgres_url")


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    """The app's engine (kinderwerk_pwa.db.make_engine) on a database upgraded to head."""
    upgrade_to_head(database_url)
    engine = kw_db.make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def db(engine: sa.Engine) -> Iterator[Session]:
    """A session on a database upgraded to head (alembic upgrade head, not create_all)."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
