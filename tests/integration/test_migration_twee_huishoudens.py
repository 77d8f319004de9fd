"""Upgrading from the schema of before two households (68140980ce25) with data, to head: every
family, guardian and pick-up person stays, with the new fields at their safe defaults (issue 16.3)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.pool import NullPool

from kinderwerk_pwa.migrations import alembic_config, upgrade_to_head

BEFORE = "68140980ce25"


def _rows(conn: sa.Connection, table: str, *columns: str) -> list[tuple]:
    t = sa.Table(table, sa.MetaData(), autoload_with=conn)
    return [tuple(r) for r in conn.execute(sa.select(*(t.c[c] for c in columns)).order_by(t.c.id)).all()]


def test_upgrade_keeps_every_family_guardian_and_pickup_person(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), BEFORE)
    engine = sa.create_engine(database_url, poolclass=NullPool)
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    try:
        with engine.begin() as conn:
            md = sa.MetaData()
            md.reflect(conn, only=["organisation", "family", "guardian", "child", "pickup_person", "consent"])
            t = md.tables
            conn.execute(t["organisation"].insert(), [{"id": 1, "name": "Stichting Test"}])
            conn.execute(t["family"].insert(), [
                {"id": 1, "organisation_id": 1, "name": "Gezin El Amrani", "search_key": "gezin el amrani"},
                {"id": 2, "organisation_id": 1, "name": "Gezin De Vries", "search_key": "gezin de vries"}])
            conn.execute(t["guardian"].insert(), [
                {"id": 1, "family_id": 1, "name": "Samira El Amrani", "relation": "moeder", "phone": "06-1",
                 "email": "", "search_key": "samira el amrani"},
                {"id": 2, "family_id": 1, "name": "Mohamed El Amrani", "relation": "vader", "phone": "06-2",
                 "email": "", "search_key": "mohamed el amrani"},
                {"id": 3, "family_id": 2, "name": "Anouk de Vries", "relation": "moeder", "phone": "06-3",
                 "email": "", "search_key": "anouk de vries"}])
            child = {"organisation_id": 1, "date_of_birth": date(2016, 4, 1), "school_name": "", "school_group": "",
                     "neighbourhood": "", "status": "actief", "home_alone_allowed_by": "",
                     "left_reason": "", "created_at": now}
            conn.execute(t["child"].insert(), [
                {**child, "id": 1, "family_id": 1, "first_name": "Yasmina", "last_name": "El Amrani",
                 "search_key": "yasmina el amrani", "may_go_home_alone": True,
                 "home_alone_allowed_by": "Mohamed El Amrani", "home_alone_allowed_on": date(2026, 9, 1)},
                {**child, "id": 2, "family_id": 2, "first_name": "Daan", "last_name": "de Vries",
                 "search_key": "daan de vries", "may_go_home_alone": False, "home_alone_allowed_on": None}])
            conn.execute(t["pickup_person"].insert(), [
                {"id": 1, "child_id": 1, "name": "Oma Fatma", "relation": "oma", "phone": "06-4"},
                {"id": 2, "child_id": 2, "name": "Buurvrouw Els", "relation": "buurvrouw", "phone": ""}])
            conn.execute(t["consent"].insert(), [
                {"child_id": 1, "kind": "zelfstandig_naar_huis", "given": True, "given_by": "Mohamed El Amrani",
                 "guardian_id": 2, "given_on": date(2026, 9, 1), "withdrawn_by": ""}])

        upgrade_to_head(database_url)  # whatever comes after BEFORE, this migration included

        with engine.connect() as conn:
            assert _rows(conn, "family", "id", "name", "address") == [
                (1, "Gezin El Amrani", ""), (2, "Gezin De Vries", "")]
            assert _rows(conn, "guardian", "id", "family_id", "name", "phone", "parental_authority",
                         "may_collect", "collect_note") == [
                (1, 1, "Samira El Amrani", "06-1", True, True, ""),
                (2, 1, "Mohamed El Amrani", "06-2", True, True, ""),
                (3, 2, "Anouk de Vries", "06-3", True, True, "")]
            assert _rows(conn, "pickup_person", "id", "child_id", "name", "relation", "phone",
                         "allowed_by_guardian_id", "allowed_on") == [
                (1, 1, "Oma Fatma", "oma", "06-4", None, None),
                (2, 2, "Buurvrouw Els", "buurvrouw", "", None, None)]
            assert _rows(conn, "child", "id", "family_id", "may_go_home_alone", "home_alone_allowed_by",
                         "home_alone_guardian_id") == [
                (1, 1, True, "Mohamed El Amrani", 2), (2, 2, False, "", None)]
            assert conn.execute(sa.text("SELECT count(*) FROM child_household")).scalar() == 0
    finally:
        engine.dispose()
