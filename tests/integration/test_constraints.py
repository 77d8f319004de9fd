"""The database itself refuses bad data, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session, select

from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    Enrolment,
    Location,
    Organisation,
    Signal,
    StaffUser,
    new_uuid,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _seed(db: Session) -> dict[str, int]:
    org = Organisation(name="Stichting Kinderwerk")
    db.add(org)
    db.flush()
    loc = Location(
        name="Huiskamer Oost", kind="huiskamer", neighbourhood="Oost", organisation_id=org.id
    )
    staff = StaffUser(
        name="Sanne", email="sanne@example.org", role="kinderwerker", organisation_id=org.id
    )
    child = Child(
        first_name="Noah",
        last_name="de Vries",
        date_of_birth=date(2016, 4, 1),
        organisation_id=org.id,
    )
    db.add_all([loc, staff, child])
    db.commit()
    return {"org": org.id, "loc": loc.id, "staff": staff.id, "child": child.id}


def _signal(ids: dict[str, int], **overrides) -> Signal:
    values = dict(
        organisation_id=ids["org"],
        location_id=ids["loc"],
        child_id=ids["child"],
        author_id=ids["staff"],
        observed_at=datetime(2025, 3, 4, 15, 30, tzinfo=UTC),
        categories="zorg",
        facts="Kwam zonder jas, had het koud.",
        source="zelf_gezien",
    )
    values.update(overrides)
    return Signal(**values)


def test_duplicate_client_uuid_is_refused(db: Session) -> None:
    ids = _seed(db)
    uuid = new_uuid()
    db.add(_signal(ids, client_uuid=uuid))
    db.commit()

    db.add(_signal(ids, client_uuid=uuid, facts="dezelfde melding nog eens (offline wachtrij)"))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()
    assert len(db.exec(select(Signal)).all()) == 1


def test_duplicate_client_uuid_on_attendance_is_refused(db: Session) -> None:
    ids = _seed(db)
    event = dict(
        child_id=ids["child"],
        location_id=ids["loc"],
        day=date(2025, 3, 4),
        kind="aanwezig",
        at=datetime(2025, 3, 4, 14, 0, tzinfo=UTC),
        by_id=ids["staff"],
        client_uuid=new_uuid(),
    )
    db.add(AttendanceEvent(**event))
    db.commit()
    db.add(AttendanceEvent(**event))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_sqlite_foreign_keys_are_on(tmp_path) -> None:
    # SQLite only: PostgreSQL always enforces foreign keys (the test below proves it on both).
    from kinderwerk_pwa.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'fk.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_foreign_key_to_missing_row_is_refused(db: Session) -> None:
    ids = _seed(db)
    db.add(_signal(ids, location_id=ids["loc"] + 999))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()
    assert db.exec(select(Signal)).all() == []


def test_not_null_column_left_null_is_refused(db: Session) -> None:
    ids = _seed(db)
    # Table models skip pydantic validation, so only the database stops this.
    db.add(_signal(ids, facts=None))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_check_constraint_on_enrolment_weekdays(db: Session) -> None:
    ids = _seed(db)
    db.add(
        Enrolment(
            child_id=ids["child"], location_id=ids["loc"], weekdays="", start_date=date(2025, 1, 6)
        )
    )
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_naive_datetime_is_refused(db: Session) -> None:
    ids = _seed(db)
    db.add(_signal(ids, observed_at=datetime(2025, 3, 4, 15, 30)))
    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        db.commit()
    db.rollback()
    assert db.exec(select(Signal)).all() == []


def test_aware_datetime_round_trips_as_utc(db: Session) -> None:
    ids = _seed(db)
    # 17:30:15.123456 in Amsterdam (CEST, +02:00) is 15:30:15.123456 UTC.
    observed = datetime(2025, 6, 4, 17, 30, 15, 123456, tzinfo=AMSTERDAM)
    signal = _signal(ids, observed_at=observed)
    db.add(signal)
    db.commit()
    signal_id = signal.id

    with Session(db.get_bind()) as fresh:
        loaded = fresh.get(Signal, signal_id)
        assert loaded is not None
        assert loaded.observed_at == observed
        assert loaded.observed_at.tzinfo is not None
        assert loaded.observed_at.utcoffset() == timedelta(0)
        assert loaded.observed_at.replace(tzinfo=None) == datetime(2025, 6, 4, 15, 30, 15, 123456)
        # A default_now column comes back aware too.
        assert loaded.created_at.utcoffset() == timedelta(0)

        # Stored as UTC, so ordering and range queries in SQL are on the real instant.
        raw = (
            fresh.connection()
            .execute(sa.text("SELECT observed_at FROM signal WHERE id = :id"), {"id": signal_id})
            .scalar()
        )
        if fresh.get_bind().dialect.name == "sqlite":
            assert str(raw).startswith("2025-06-04 15:30:15.123456")
        else:
            assert raw == observed

        # Comparing against an aware parameter works on both databases.
        found = fresh.exec(
            select(Signal).where(Signal.observed_at >= datetime(2025, 6, 4, 15, 30, tzinfo=UTC))
        ).all()
        assert [s.id for s in found] == [signal_id]
