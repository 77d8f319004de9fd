"""A check-in tap is the hot path of a huiskamer (issue 14): each SQL statement is a round trip to
PostgreSQL. These tests count them, so a query per tile, or one more per tap, fails here instead of
showing up only in bench_tap_floor's figures."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import sqlalchemy as sa

from kinderwerk_pwa.auth import sessions
from kinderwerk_pwa.domain.huiskamer import attendance
from kinderwerk_pwa.models import StaffLocation
from tests.world import actor, expect_every_day


@contextmanager
def counted(db):
    statements: list[str] = []

    def before(conn, cursor, statement, params, context, executemany):
        statements.append(statement.split()[0].upper())
    engine = db.get_bind()
    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)


def test_a_handler_resolves_its_user_with_one_statement(app_db):
    db, w = app_db
    # One account with two locations, one with none: the joined rows give the same actor as load_actor.
    db.add(StaffLocation(staff_id=w.staff["teamleider"], location_id=w.loc_b))
    db.exec(sa.delete(StaffLocation).where(StaffLocation.staff_id == w.staff["beheerder"]))
    db.commit()
    for key in ("kinderwerker", "teamleider", "beheerder"):
        expected = actor(db, w, key)
        token = sessions.create_session(db, expected.id)
        db.commit()
        db.expunge_all()
        with counted(db) as statements:
            found = sessions.resolve(db, token)
        assert found == expected
        assert statements == ["SELECT"]
    assert actor(db, w, "teamleider").location_ids == {w.loc_a, w.loc_b}
    assert actor(db, w, "beheerder").location_ids == frozenset()


def test_a_check_in_is_seven_statements_with_its_user(app_db):
    db, w = app_db
    expect_every_day(db, w.child_a)
    token = sessions.create_session(db, w.staff["kinderwerker"])
    db.commit()
    db.expunge_all()
    with counted(db) as statements:
        me = sessions.resolve(db, token)
        result = attendance.record_attendance(me, db, {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a,
                                                       "location_id": w.loc_a, "kind": "aanwezig"})
        db.commit()
    assert result.created and result.child.status == "aanwezig"
    # The user; the client UUID; the location; the child with its place and enrolment; its events
    # of the day; the event; its audit row.
    assert statements.count("SELECT") == 5
    assert statements.count("INSERT") == 2
    assert len([s for s in statements if s not in ("BEGIN", "COMMIT")]) == 7
