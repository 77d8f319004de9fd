"""Attendance as append-only events: the same tap twice counts once, the derived day state, the
refused 'zelfstandig naar huis', afgemeld/afwezig with the follow-up, undo the same day, and need-to-know."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.huiskamer import attendance
from kinderwerk_pwa.models import AttendanceEvent, AuditEvent, Child, FollowUp
from tests.world import actor, expect_every_day


@pytest.fixture(autouse=True)
def expected_every_day(app_db):
    """Child A is expected today, whatever weekday the tests run on."""
    db, w = app_db
    expect_every_day(db, w.child_a)


def _tap(db, w, kind, staff="kinderwerker", child=None, **extra):
    payload = {"client_uuid": str(uuid.uuid4()), "child_id": child or w.child_a, "location_id": w.loc_a,
               "kind": kind, **extra}
    return attendance.record_attendance(actor(db, w, staff), db, payload), payload


def _status(db, w):
    view = attendance.day_view(actor(db, w), db, w.loc_a)
    return {row.child_id: row.status for row in view.children}, view.counts


def test_same_check_in_twice_counts_once(app_db):
    db, w = app_db
    result, payload = _tap(db, w, "aanwezig")
    again = attendance.record_attendance(actor(db, w), db, payload)
    assert result.created and not again.created and again.event_id == result.event_id
    assert len(db.exec(select(AttendanceEvent)).all()) == 1
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "aanwezigheid.aanwezig")).all()) == 1
    statuses, counts = _status(db, w)
    assert statuses[w.child_a] == "aanwezig" and counts["aanwezig"] == 1


def test_home_alone_without_permission_refused_and_pickup_allowed(app_db):
    db, w = app_db
    _tap(db, w, "aanwezig")
    with pytest.raises(InvalidInput) as refused:
        _tap(db, w, "zelfstandig")
    assert "mag niet zelfstandig naar huis" in refused.value.message
    assert _status(db, w)[0][w.child_a] == "aanwezig"
    with pytest.raises(InvalidInput):
        _tap(db, w, "opgehaald")  # who picks up is required
    _tap(db, w, "opgehaald", picked_up_by="Petra Jansen")
    assert _status(db, w)[0][w.child_a] == "opgehaald"


def test_home_alone_with_permission(app_db):
    db, w = app_db
    child = db.get(Child, w.child_a)
    child.may_go_home_alone = True
    db.add(child)
    db.commit()
    _tap(db, w, "aanwezig")
    _tap(db, w, "zelfstandig")
    assert _status(db, w)[0][w.child_a] == "zelfstandig"


def test_excused_needs_reason_and_absent_creates_follow_up_undo_closes_it(app_db):
    db, w = app_db
    with pytest.raises(InvalidInput):
        _tap(db, w, "afgemeld")
    assert db.exec(select(AttendanceEvent)).all() == []
    absent, _ = _tap(db, w, "afwezig")
    follow_up = db.exec(select(FollowUp).where(FollowUp.source_event_id == absent.event_id)).one()
    assert follow_up.title == "Ouder bellen" and follow_up.status == "open"
    _tap(db, w, "ongedaan", undoes_id=absent.event_id)
    db.expire_all()
    assert _status(db, w)[0][w.child_a] == "verwacht"
    assert db.get(FollowUp, follow_up.id).status == "gedaan"
    # The events stay: undo is an event too.
    assert [e.kind for e in db.exec(select(AttendanceEvent).order_by(AttendanceEvent.id)).all()] == ["afwezig", "ongedaan"]


def test_other_location_refused_and_audited(app_db):
    db, w = app_db
    with pytest.raises(PermissionDenied):
        _tap(db, w, "aanwezig", staff="kinderwerker_b")
    assert db.exec(select(AttendanceEvent)).all() == []
    denied = db.exec(select(AuditEvent).where(AuditEvent.actor_id == w.staff["kinderwerker_b"],
                                              AuditEvent.outcome == "geweigerd")).all()
    assert denied
