"""Test-wide settings: tests never touch the developer's ./data directory."""

from __future__ import annotations

import os
import tempfile

_DATA = tempfile.mkdtemp(prefix="kinderwerk-test-")
os.environ.setdefault("KINDERWERK_DATA_DIR", _DATA)
os.environ.setdefault("KINDERWERK_DB_PATH", os.path.join(_DATA, "unit.db"))
os.environ.pop("KINDERWERK_DEMO", None)
# Hashing without the rest between hashes (passwords.py `_paced`): the suite logs in hundreds of times
# back to back, which the rest would stretch by minutes. The rest itself is tested with a fake clock
# (tests/unit/test_password_pool.py) and measured with the default in bench_login_load.
os.environ.setdefault("KINDERWERK_HASH_SHARE", "1")

import pytest  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    """A fresh SQLite database that the app's own code (settings, session_scope) uses too,
    filled with the small hand-built test world. Yields (session, world)."""
    import kinderwerk_pwa.models  # noqa: F401 - registers the tables
    from kinderwerk_pwa import db as dbmod
    from kinderwerk_pwa.settings import reset_settings

    from .world import build_world

    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KINDERWERK_SECRET_KEY", "test-secret-key-not-for-production")
    reset_settings()
    engine = dbmod.get_engine(url)
    SQLModel.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as session:
        world = build_world(session)
        yield session, world
    engine.dispose()
    dbmod._engines.pop(dbmod.normalise_url(url), None)
    reset_settings()
