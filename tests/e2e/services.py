"""PostgreSQL and Redis for the end-to-end tests of the production setup: reachability (a skip
on a laptop without them, a failure in CI) and a fresh, uniquely named database that is dropped
afterwards, so tests in parallel checkouts never share one."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

PG_ADMIN = os.environ.get("KINDERWERK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("KINDERWERK_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def require(host: str, port: int, what: str) -> None:
    """Skip when a service is missing, except in CI (KINDERWERK_TEST_REQUIRE_PG=1), where it fails."""
    if not reachable(host, port):
        reason = f"{what} niet bereikbaar op {host}:{port}"
        if os.environ.get("KINDERWERK_TEST_REQUIRE_PG"):
            pytest.fail(reason + " (in CI moet het draaien)")
        pytest.skip(reason)


def require_redis(redis_url: str = REDIS) -> None:
    url = sa.make_url(redis_url.replace("redis://", "redis+x://"))
    require(url.host or "127.0.0.1", url.port or 6379, "Redis")


@contextmanager
def fresh_postgresql_database(prefix: str) -> Iterator[str]:
    """A new empty PostgreSQL database named `prefix` + a random suffix; yields its URL and drops
    it (after ending its connections) when the block ends."""
    url = sa.make_url(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"))
    require(url.host or "127.0.0.1", url.port or 5432, "PostgreSQL")
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n "
                                 "AND pid <> pg_backend_pid()"), {"n": name})
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()
