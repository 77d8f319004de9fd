"""Migration 9b3b0c889b6f (issues 16 and 17.6) on SQLite and PostgreSQL: plain TOTP secrets are
encrypted (and decrypted again by the downgrade), the composite indexes and the case-insensitive
unique e-mail exist, and the data survives upgrade and downgrade."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.pool import NullPool

from kinderwerk_pwa.domain.toegang import secret_box
from kinderwerk_pwa.migrations import alembic_config, upgrade_to_head
from kinderwerk_pwa.settings import reset_settings

BEFORE = "68140980ce25"
PLAIN = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
INDEXES = {"ix_attendance_event_location_day", "ix_signal_child_observed",
           "ix_login_attempt_username_at", "uq_staff_user_email_lower"}
ROWS = [
    "INSERT INTO organisation (id, name) VALUES (1, 'Org')",
    "INSERT INTO staff_user (id, organisation_id, name, email, role, totp_secret, totp_enabled, active, "
    f"is_demo, created_at) VALUES (1, 1, 'Bea', 'bea@test.nl', 'beheerder', '{PLAIN}', true, true, false, "
    "'2026-01-01 10:00:00')",
    "INSERT INTO staff_user (id, organisation_id, name, email, role, totp_enabled, active, is_demo, created_at) "
    "VALUES (2, 1, 'Kim', 'kim@test.nl', 'kinderwerker', false, true, false, '2026-01-01 10:00:00')",
]


@pytest.fixture(autouse=True)
def _secret_key(monkeypatch):
    monkeypatch.setenv("KINDERWERK_SECRET_KEY", "migratie-test-sleutel")
    reset_settings()
    yield
    reset_settings()


def _index_names(conn: sa.Connection) -> set[str]:
    if conn.dialect.name == "sqlite":  # the inspector skips SQLite's expression indexes
        return set(conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    return set(conn.execute(sa.text("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).scalars())


def _staff(conn: sa.Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sa.text(
        "SELECT id, email, totp_secret, totp_enabled FROM staff_user ORDER BY id")).all()]


def test_upgrade_encrypts_indexes_and_downgrade_restores(database_url):
    command.upgrade(alembic_config(database_url), BEFORE)
    engine = sa.create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in ROWS:
                conn.execute(sa.text(statement))

        upgrade_to_head(database_url)
        with engine.connect() as conn:
            assert INDEXES <= _index_names(conn)
            (bea, kim) = _staff(conn)
            assert bea[2] != PLAIN and secret_box.decrypt(bea[2]) == PLAIN and bool(bea[3])
            assert kim[1:3] == ("kim@test.nl", None)
        # Two addresses that differ only in case are one address.
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO staff_user (organisation_id, name, email, role, totp_enabled, active, is_demo, "
                "created_at) VALUES (1, 'Kim 2', 'Kim@Test.NL', 'kinderwerker', false, true, false, "
                "'2026-01-01 10:00:00')"))

        command.downgrade(alembic_config(database_url), BEFORE)
        with engine.connect() as conn:
            assert not INDEXES & _index_names(conn)
            (bea, kim) = _staff(conn)
            assert bea[1:3] == ("bea@test.nl", PLAIN) and bool(bea[3])
            assert kim[1] == "kim@test.nl"

        upgrade_to_head(database_url)  # and up again
        with engine.connect() as conn:
            assert secret_box.decrypt(_staff(conn)[0][2]) == PLAIN
    finally:
        engine.dispose()


def test_upgrade_stops_on_addresses_that_differ_only_in_case(database_url):
    command.upgrade(alembic_config(database_url), BEFORE)
    engine = sa.create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in ROWS:
                conn.execute(sa.text(statement))
            conn.execute(sa.text(
                "INSERT INTO staff_user (id, organisation_id, name, email, role, totp_enabled, active, "
                "is_demo, created_at) VALUES (3, 1, 'Kim', 'KIM@test.nl', 'kinderwerker', false, true, false, "
                "'2026-01-01 10:00:00')"))
    finally:
        engine.dispose()
    with pytest.raises(RuntimeError, match="hoofdletters"):
        upgrade_to_head(database_url)
