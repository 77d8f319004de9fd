"""The consents migration moves existing data along, on SQLite and PostgreSQL: a consent to share
that was recorded with a referral gets that referral's partner, and a child that may go home alone
gets a zelfstandig_naar_huis consent with the name and date on the child."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy.pool import NullPool

from kinderwerk_pwa.migrations import alembic_config, upgrade_to_head

BEFORE = "5e1b7c3a9d20"  # the revision before the consents migration

ROWS = [
    "INSERT INTO organisation (id, name) VALUES (1, 'Org')",
    "INSERT INTO location (id, organisation_id, name, kind, neighbourhood, address, active) "
    "VALUES (1, 1, 'Huiskamer', 'huiskamer', 'Wijk', '', true)",
    "INSERT INTO staff_user (id, organisation_id, name, email, role, totp_enabled, active, is_demo, created_at) "
    "VALUES (1, 1, 'Kim', 'kim@test.nl', 'kinderwerker', false, true, false, '2026-01-01 10:00:00')",
    "INSERT INTO partner (id, organisation_id, name, kind, contact_name, contact_phone, contact_email) "
    "VALUES (7, 1, 'Wijkteam', 'wijkteam', '', '', '')",
    "INSERT INTO child (id, organisation_id, first_name, last_name, date_of_birth, school_name, school_group, "
    "neighbourhood, status, may_go_home_alone, home_alone_allowed_by, home_alone_allowed_on, left_reason, created_at) "
    "VALUES (1, 1, 'Sem', 'J', '2016-01-01', '', '', '', 'actief', true, 'Petra', '2026-03-01', '', "
    "'2026-01-01 10:00:00')",
    "INSERT INTO child (id, organisation_id, first_name, last_name, date_of_birth, school_name, school_group, "
    "neighbourhood, status, may_go_home_alone, home_alone_allowed_by, left_reason, created_at) "
    "VALUES (2, 1, 'Noor', 'B', '2016-01-01', '', '', '', 'actief', false, '', '', '2026-01-01 10:00:00')",
    "INSERT INTO referral_out (id, client_uuid, child_id, location_id, partner_id, contact_name, reason, "
    "consent_given, consent_by, consent_on, sent_on, feedback_due, status, feedback, created_by_id, created_at) "
    "VALUES (1, 'c0ffee00-0000-4000-8000-000000000001', 1, 1, 7, '', 'r', true, 'Petra', '2026-02-01', "
    "'2026-02-02', '2026-03-16', 'verstuurd', '', 1, '2026-02-02 10:00:00')",
    # Without ids: on PostgreSQL the sequence must hand out the next ones (the migration inserts).
    "INSERT INTO consent (child_id, kind, given, given_by, given_on, recorded_by_id) "
    "VALUES (1, 'gegevens_delen', true, 'Petra', '2026-02-01', 1)",
    "INSERT INTO consent (child_id, kind, given, given_by, given_on, recorded_by_id) "
    "VALUES (1, 'foto', false, 'Petra', '2026-01-05', 1)",
]


def test_existing_consents_and_home_alone_move_along(database_url):
    command.upgrade(alembic_config(database_url), BEFORE)
    engine = sa.create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in ROWS:
                conn.execute(sa.text(statement))
        upgrade_to_head(database_url)
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT child_id, kind, partner_id, given, given_by, given_on, withdrawn_by, client_uuid "
                "FROM consent ORDER BY id")).all()
    finally:
        engine.dispose()
    as_dates = [(r[0], r[1], r[2], bool(r[3]), r[4], date.fromisoformat(str(r[5])), r[6], r[7]) for r in rows]
    assert as_dates == [
        (1, "gegevens_delen", 7, True, "Petra", date(2026, 2, 1), "", None),
        (1, "foto", None, False, "Petra", date(2026, 1, 5), "", None),
        (1, "zelfstandig_naar_huis", None, True, "Petra", date(2026, 3, 1), "", None),
    ]
