"""Every open track has an owner and a due date; the aandachtsfunctionaris or teamleider hands it
over to a colleague of the location. Kinderwerkers and other locations cannot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.signalering.meldcode import owner_options, set_owner
from kinderwerk_pwa.models import AuditEvent, MeldcodeTrack
from tests.world import actor, capture_signal, start_track


def _track(db, w):
    signal_id = capture_signal(db, w, categories=["verzorging"], facts="Geen jas.", source="zelf_gezien")
    return start_track(db, w, signal_id)


def test_aandachtsfunctionaris_hands_track_over(app_db):
    db, w = app_db
    track_id = _track(db, w)
    af = actor(db, w, "aandachtsfunctionaris")
    track = db.get(MeldcodeTrack, track_id)
    assert track.owner_id == w.staff["aandachtsfunctionaris"] and track.due_date > local_today()
    options = dict(owner_options(af, db, track_id))
    assert w.staff["teamleider"] in options and w.staff["beheerder"] not in options
    assert w.staff["kinderwerker_b"] not in options  # not of this location
    due = local_today() + timedelta(days=10)
    set_owner(af, db, track_id, w.staff["teamleider"], due)
    db.expire_all()
    track = db.get(MeldcodeTrack, track_id)
    assert track.owner_id == w.staff["teamleider"] and track.due_date == due
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "meldcode.eigenaar")).one()


def test_bad_owner_or_past_date_refused(app_db):
    db, w = app_db
    track_id = _track(db, w)
    af = actor(db, w, "aandachtsfunctionaris")
    with pytest.raises(InvalidInput):
        set_owner(af, db, track_id, w.staff["kinderwerker_b"], local_today() + timedelta(days=3))
    with pytest.raises(InvalidInput):
        set_owner(af, db, track_id, w.staff["teamleider"], local_today() - timedelta(days=1))
    db.expire_all()
    assert db.get(MeldcodeTrack, track_id).owner_id == w.staff["aandachtsfunctionaris"]


def test_kinderwerker_cannot_hand_over(app_db):
    db, w = app_db
    track_id = _track(db, w)
    with pytest.raises(PermissionDenied):
        set_owner(actor(db, w), db, track_id, w.staff["teamleider"],
                  local_today() + timedelta(days=3))
