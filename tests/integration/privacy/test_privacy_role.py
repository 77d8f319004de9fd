"""The role `privacy` exists in the database on both engines, needs a second factor, does no field
work (never a track owner or activity lead, even when linked to a location) and sees no child's
data through the work pages' domain functions."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from kinderwerk_pwa import texts
from kinderwerk_pwa.auth import totp
from kinderwerk_pwa.domain.activiteiten import planning
from kinderwerk_pwa.domain.activiteiten.choices import plan_choices
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.kinderen.child_record import child_record
from kinderwerk_pwa.domain.signalering.meldcode import owner_options
from kinderwerk_pwa.models import StaffUser
from kinderwerk_pwa.pages.beheer.staff import ROLE_OPTIONS
from tests.world import actor, build_world, capture_signal, start_track

from .helpers import add_privacy_officer


def test_the_role_is_stored_labelled_and_needs_a_second_factor(db):
    w = build_world(db)
    officer = add_privacy_officer(db, w)  # the CHECK constraint of the migration accepts it
    assert db.get(StaffUser, officer.id).role == "privacy"
    assert totp.required_for("privacy") and not totp.required_for("kinderwerker")
    assert ("privacy", "Privacyfunctionaris") in ROLE_OPTIONS
    assert texts.ROLE_LABELS["privacy"] == "Privacyfunctionaris"


def test_no_field_work_and_no_child_data(db):
    w = build_world(db)
    officer = add_privacy_officer(db, w)  # linked to location A, like every account
    track_id = start_track(db, w, capture_signal(db, w, categories=["verzorging"], facts="Geen jas.",
                                                 source="zelf_gezien"))
    assert officer.id not in dict(owner_options(actor(db, w, "aandachtsfunctionaris"), db, track_id))
    assert officer.id not in dict(plan_choices(actor(db, w), db, w.loc_a).colleagues)
    today = local_today()
    with pytest.raises(InvalidInput) as exc:
        planning.plan_series(actor(db, w), db, {
            "client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "title": "Voetbal", "kind": "sport_spel",
            "themes": ["gezond_leven"], "repeat": "eenmalig", "first_day": today.isoformat(),
            "last_day": (today + timedelta(days=1)).isoformat(), "start_time": "15:00", "end_time": "16:00",
            "planned_children": 5, "lead_staff_id": officer.id})
    assert "lead_staff_id" in exc.value.fields
    with pytest.raises(PermissionDenied):
        child_record(officer, db, w.child_a)
