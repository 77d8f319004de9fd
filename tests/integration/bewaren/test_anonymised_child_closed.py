"""An anonymised child (retention or an accepted erasure, domain/bewaren) is no one's record any
more: nothing new can be recorded about it and its meldcode decisions cannot be read by id, in the
parts of the work that take a child id from a form (doorverwijzing, aanmelding, uitstroom). Each
refusal is audited and stores nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from kinderwerk_pwa.domain.common.errors import NotFound, PermissionDenied
from kinderwerk_pwa.domain.gesprekken import referrals_out as ro
from kinderwerk_pwa.domain.instroom import intake
from kinderwerk_pwa.models import AuditEvent, Child, ReferralIn, ReferralOut, utcnow
from tests.integration.gesprekken.test_referrals_out_domain import decided_track, payload, wijkteam
from tests.integration.instroom.test_intake_domain import new_child
from tests.world import actor, row_count


def _anonymise(db, child_id: int) -> None:
    child = db.get(Child, child_id)
    child.first_name, child.last_name, child.anonymised_at = "", "", utcnow()
    db.add(child)
    db.commit()


def _refusals(db, action: str, child_id: int) -> int:
    db.expire_all()
    return len(db.exec(select(AuditEvent).where(AuditEvent.action == action, AuditEvent.outcome == "geweigerd",
                                                AuditEvent.object_id == str(child_id))).all())


def test_no_doorverwijzing_for_an_anonymised_child(app_db):
    db, w = app_db
    partner_id = wijkteam(db, w)
    assert ro.refer_out(actor(db, w), db, payload(w, partner_id))  # before: allowed
    before = row_count(db, ReferralOut)
    _anonymise(db, w.child_a)
    with pytest.raises(PermissionDenied):
        ro.refer_out(actor(db, w), db, payload(w, partner_id))
    assert row_count(db, ReferralOut) == before
    assert _refusals(db, "doorverwijzing.vastleggen", w.child_a) == 1


def test_the_meldcode_decisions_of_an_anonymised_child_are_not_found(app_db):
    db, w = app_db
    decided_track(db, w, report=True)
    assert ro.report_tracks(actor(db, w), db, w.child_a)  # before: found
    _anonymise(db, w.child_a)
    with pytest.raises(NotFound):
        ro.report_tracks(actor(db, w), db, w.child_a)
    assert _refusals(db, "doorverwijzing.vastleggen", w.child_a) == 1


def test_no_aanmelding_for_an_anonymised_child(app_db):
    db, w = app_db
    _anonymise(db, w.child_a)
    before = row_count(db, ReferralIn)
    with pytest.raises(PermissionDenied):
        intake.register_referral(actor(db, w), db, new_child(w, child_id=str(w.child_a)))
    assert row_count(db, ReferralIn) == before
    assert _refusals(db, "aanmelding.beheren", w.child_a) == 1


def test_no_uitstroom_for_an_anonymised_child(app_db):
    db, w = app_db
    _anonymise(db, w.child_a)
    with pytest.raises(NotFound):
        intake.end_placement(actor(db, w), db, w.child_a, w.loc_a, {"reason": "Verhuisd naar Lelystad"})
    assert _refusals(db, "aanmelding.beheren", w.child_a) == 1
