"""On PostgreSQL the audit table is append-only for the application's database role: a trigger
refuses UPDATE and DELETE (also from the ORM); adding rows and reading them keep working. Removing
audit rows past their retention is the table owner's separate step (README), shown here too."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from kinderwerk_pwa import db as kw_db
from kinderwerk_pwa.domain.toegang import audit
from kinderwerk_pwa.migrations import upgrade_to_head
from kinderwerk_pwa.models import AuditEvent

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(_postgres_url):
    upgrade_to_head(_postgres_url)
    engine = kw_db.make_engine(_postgres_url)
    with Session(engine) as db:
        audit.record(db, None, "login.mislukt", outcome="mislukt", detail="reden=onbekend")
        db.commit()
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.mark.parametrize("statement", [
    "UPDATE audit_event SET detail = 'gewist'",
    "UPDATE audit_event SET outcome = 'toegestaan' WHERE action = 'login.mislukt'",
    "DELETE FROM audit_event",
])
def test_update_and_delete_are_refused(pg_engine, statement):
    with pytest.raises(DBAPIError) as exc, pg_engine.begin() as conn:
        conn.exec_driver_sql(statement)
    assert "alleen-toevoegen" in str(exc.value)
    with Session(pg_engine) as db:
        (row,) = db.exec(select(AuditEvent)).all()
        assert (row.detail, row.outcome) == ("reden=onbekend", "mislukt")


def test_the_orm_cannot_change_or_remove_a_row_either(pg_engine):
    with Session(pg_engine) as db:
        row = db.exec(select(AuditEvent)).one()
        row.detail = "anders"
        with pytest.raises(DBAPIError):
            db.commit()
    with Session(pg_engine) as db:
        db.delete(db.exec(select(AuditEvent)).one())
        with pytest.raises(DBAPIError):
            db.commit()


def test_adding_and_reading_still_work(pg_engine):
    with Session(pg_engine) as db:
        audit.record(db, None, "login.mislukt", outcome="mislukt")
        db.commit()
        assert len(db.exec(select(AuditEvent)).all()) == 2


def test_the_owners_retention_step_removes_old_rows(pg_engine):
    """The documented step: in one transaction, the table owner switches the trigger off, deletes
    what is past its term and switches it on again."""
    with pg_engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_alleen_toevoegen")
        conn.execute(sa.text("DELETE FROM audit_event WHERE at < now() + interval '1 day'"))
        conn.exec_driver_sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_alleen_toevoegen")
    with Session(pg_engine) as db:
        assert db.exec(select(AuditEvent)).all() == []
    with pytest.raises(DBAPIError), pg_engine.begin() as conn:  # and it guards again
        audit_row = conn.execute(sa.text("INSERT INTO audit_event (at, actor_role, action, object_type, object_id, "
                                         "outcome, detail) VALUES (now(), '', 'x', '', '', 'mislukt', '') RETURNING id"))
        conn.execute(sa.text("DELETE FROM audit_event WHERE id = :id"), {"id": audit_row.scalar_one()})
