"""A referral reads the consents on the child's record: a recorded consent for the partner counts, a
withdrawn one refuses the referral at once (also against a consent ticked on the form dated before
the withdrawal), a school is covered by the consent to share with school, and a meldcode decision to
report still allows sharing without consent."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import format_day, local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput
from kinderwerk_pwa.domain.gesprekken import partners as pt
from kinderwerk_pwa.domain.gesprekken import referrals_out as ro
from kinderwerk_pwa.domain.kinderen import consents
from kinderwerk_pwa.models import Consent, ReferralOut
from tests.world import actor, audits, row_count

from .test_referrals_out_domain import REASON, decided_track, wijkteam

TODAY = local_today()


@pytest.fixture(autouse=True)
def _today_when_the_test_runs():
    """The Amsterdam day when each test runs, not when the module was collected: a run that
    passes midnight must not compare yesterday's date with the domain's today."""
    global TODAY
    TODAY = local_today()


def consent(db, w, partner_id, kind="gegevens_delen", days_ago=10) -> int:
    return consents.record_consent(actor(db, w), db, {
        "client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "kind": kind, "partner_id": partner_id,
        "given": "ja", "given_by": "Petra Jansen", "given_on": (TODAY - timedelta(days=days_ago)).isoformat()}).consent_id


def refer(db, w, partner_id, **extra) -> int:
    data = {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "partner_id": partner_id, "reason": REASON,
            "consent_given": False, **extra}
    return ro.refer_out(actor(db, w), db, data)


def test_a_recorded_consent_counts_and_its_withdrawal_refuses_at_once(app_db):
    db, w = app_db
    partner = wijkteam(db, w)
    given = consent(db, w, partner)
    referral = db.get(ReferralOut, refer(db, w, partner))
    assert (referral.consent_given, referral.consent_by, referral.consent_on) == (
        True, "Petra Jansen", TODAY - timedelta(days=10))
    assert row_count(db, Consent) == 1  # the recorded consent was used, not copied

    consents.withdraw_consent(actor(db, w), db, given, {"withdrawn_on": (TODAY - timedelta(days=2)).isoformat()})
    message = texts.FOUT_DELEN_INGETROKKEN.format(partner="Wijkteam Stedenwijk",
                                                  datum=format_day(TODAY - timedelta(days=2)))
    with pytest.raises(InvalidInput) as exc:
        refer(db, w, partner)
    assert exc.value.message == message
    # A consent ticked on the form, dated before the withdrawal, does not count either.
    with pytest.raises(InvalidInput) as exc:
        refer(db, w, partner, consent_given=True, consent_by="Petra Jansen",
              consent_on=(TODAY - timedelta(days=5)).isoformat())
    assert exc.value.message == message
    db.rollback()
    assert row_count(db, ReferralOut) == 1
    denied = audits(db, "doorverwijzing.verstuurd", outcome="geweigerd")
    assert [d.detail.split(";")[0] for d in denied] == ["reden=toestemming_ingetrokken"] * 2

    # A new consent given after the withdrawal (on the form) is recorded and allows it again.
    refer(db, w, partner, consent_given=True, consent_by="Petra Jansen", consent_on=TODAY.isoformat())
    current = consents.current_consent(db, w.child_a, "gegevens_delen", partner)
    assert (current.given_on, current.withdrawn_on, current.partner_id) == (TODAY, None, partner)
    assert row_count(db, ReferralOut) == 2


def test_following_a_decision_to_report_sharing_needs_no_consent_even_when_withdrawn(app_db):
    db, w = app_db
    partner = wijkteam(db, w)
    given = consent(db, w, partner)
    consents.withdraw_consent(actor(db, w), db, given)
    track = decided_track(db, w, report=True)
    referral = db.get(ReferralOut, refer(db, w, partner, meldcode_track_id=track))
    assert (referral.consent_given, referral.meldcode_track_id) == (False, track)


def test_a_school_is_covered_by_the_consent_to_share_with_school(app_db):
    db, w = app_db
    school = pt.save_partner(actor(db, w, "teamleider"), db, {"name": "OBS De Regenboog", "kind": "school"})
    with pytest.raises(InvalidInput):
        refer(db, w, school)
    db.rollback()
    consent(db, w, None, kind="delen_school")
    assert db.get(ReferralOut, refer(db, w, school)).consent_given is True
    # Another partner is not covered by it.
    with pytest.raises(InvalidInput) as exc:
        refer(db, w, wijkteam(db, w))
    assert exc.value.message == texts.FOUT_DELEN_ZONDER_TOESTEMMING
    assert db.exec(select(Consent.kind)).all() == ["delen_school"]
