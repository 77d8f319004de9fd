"""Issue 15, left-out (c), on SQLite and PostgreSQL: the team overview's figures "afspraken te laat"
and "terugkoppeling te laat" open the location's own list (everyone's agreements and referrals
there, not the teamleider's own follow-up list), for the teamleider and aandachtsfunctionaris of
that location only; each read is audited with the location and the count, a refusal too."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import NotFound, PermissionDenied
from kinderwerk_pwa.domain.gesprekken import conversations as conv
from kinderwerk_pwa.domain.gesprekken.location_lists import (
    location_late_feedback,
    location_overdue_agreements,
)
from kinderwerk_pwa.domain.gesprekken.referrals_out import overdue_feedback
from kinderwerk_pwa.domain.rapportage import reports
from kinderwerk_pwa.models import (
    Agreement,
    AuditEvent,
    Guardian,
    ParentConversation,
    Partner,
    ReferralOut,
    StaffLocation,
    StaffUser,
    utcnow,
)
from tests.world import actor, build_world

TODAY = local_today()


@pytest.fixture(autouse=True)
def _today_when_the_test_runs():
    """The Amsterdam day when each test runs, not when the module was collected: a run that
    passes midnight must not compare yesterday's date with the domain's today."""
    global TODAY
    TODAY = local_today()


@pytest.fixture
def world(db: Session):
    w = build_world(db)
    guardian = db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a)).first()
    partner = Partner(organisation_id=w.org_id, name="Wijkteam Stedenwijk", kind="wijkteam")
    db.add(partner)
    db.commit()

    def note(key, agreements, location=None):
        return conv.record_conversation(actor(db, w, key), db, {
            "client_uuid": str(uuid.uuid4()), "family_id": w.family_a, "location_id": location or w.loc_a,
            "guardian_ids": [guardian], "child_ids": [w.child_a], "kind": "informeel",
            "held_at": (utcnow() - timedelta(days=30)).isoformat(), "facts": "Gesprek bij de deur.",
            "agreements": [{"description": d, "owner_kind": k, "owner_name": "Wijkteam" if k == "partner" else "",
                            "due_date": due.isoformat()} for d, k, due in agreements]})

    # The kinderwerker's conversation: her own agreement and a parent's, both overdue; one still to come.
    note("kinderwerker", [("Kinderwerker belt school", "kinderwerker", TODAY - timedelta(days=5)),
                          ("Moeder belt de huisarts", "ouder", TODAY - timedelta(days=2)),
                          ("Wijkteam komt langs", "partner", TODAY + timedelta(days=3))])
    # The teamleider's own overdue agreement at A.
    note("teamleider", [("Teamleider belt het wijkteam", "kinderwerker", TODAY - timedelta(days=1))])
    # A done agreement past its day does not count.
    done = db.exec(select(Agreement).where(Agreement.description == "Kinderwerker belt school")).one()
    db.add(Agreement(client_uuid=str(uuid.uuid4()), conversation_id=done.conversation_id,
                     description="Al gedaan", owner_kind="ouder", due_date=TODAY - timedelta(days=9),
                     status="gedaan"))
    # Referrals out: one late (by the kinderwerker), one not yet due, one late but closed.
    for due, status, who in [(TODAY - timedelta(days=3), "verstuurd", "kinderwerker"),
                             (TODAY + timedelta(days=10), "verstuurd", "kinderwerker"),
                             (TODAY - timedelta(days=8), "afgerond", "kinderwerker")]:
        db.add(ReferralOut(client_uuid=str(uuid.uuid4()), child_id=w.child_a, location_id=w.loc_a,
                           partner_id=partner.id, reason="Zorgen over slapen.", consent_given=True,
                           consent_by="Petra Jansen", consent_on=TODAY - timedelta(days=50),
                           sent_on=TODAY - timedelta(days=45), feedback_due=due, status=status,
                           created_by_id=w.staff[who]))
    db.commit()
    w.partner_id = partner.id
    return w


def _figures(db, w, key="teamleider"):
    view = reports.team_overview(actor(db, w, key), db, TODAY)
    loc = next(loc for loc in view.locations if loc.location_id == w.loc_a)
    return loc.overdue_agreements, loc.overdue_feedback


def test_the_overdue_agreements_figure_opens_the_locations_list(db, world):
    w = world
    agreements, _ = _figures(db, w)
    rows = location_overdue_agreements(actor(db, w, "teamleider"), db, w.loc_a, TODAY)
    assert [r.id for r in rows] == list(agreements.ids) and len(rows) == agreements.count == 3
    # Everyone's at the location, oldest first - not only her own (her own list has just one of them).
    assert [r.description for r in rows] == ["Kinderwerker belt school", "Moeder belt de huisarts",
                                             "Teamleider belt het wijkteam"]
    assert all(r.overdue and r.family_name == "Gezin Jansen" and r.child_names == "Sem Jansen" for r in rows)
    assert rows[2].owner_label == texts.AFSPRAAK_EIGENAAR_JIJ  # the teamleider's own, as she reads it
    own = [r.description for r in conv.my_agreements(actor(db, w, "teamleider"), db, TODAY) if r.overdue]
    assert "Kinderwerker belt school" not in own
    db.expire_all()
    read = db.exec(select(AuditEvent).where(AuditEvent.action == "overzicht.afspraken_te_laat")).all()
    assert len(read) == 1 and read[0].outcome == "toegestaan" and read[0].location_id == w.loc_a
    assert read[0].actor_id == w.staff["teamleider"] and "aantal=3" in read[0].detail


def test_the_late_feedback_figure_opens_the_locations_list(db, world):
    w = world
    _, feedback = _figures(db, w)
    rows = location_late_feedback(actor(db, w, "teamleider"), db, w.loc_a, TODAY)
    assert [r.id for r in rows] == list(feedback.ids) and feedback.count == 1
    assert rows[0].child_name == "Sem Jansen" and rows[0].partner_name == "Wijkteam Stedenwijk"
    assert rows[0].feedback_due == TODAY - timedelta(days=3)
    # Made by the kinderwerker: the teamleider's own reminder list is another list.
    assert rows[0].created_by_name == "Test kinderwerker"
    db.expire_all()
    read = db.exec(select(AuditEvent).where(AuditEvent.action == "overzicht.terugkoppeling_te_laat")).all()
    assert len(read) == 1 and read[0].location_id == w.loc_a and "aantal=1" in read[0].detail
    # The aandachtsfunctionaris of the location may open it too (she has the team overview).
    assert len(location_late_feedback(actor(db, w, "aandachtsfunctionaris"), db, w.loc_a, TODAY)) == 1
    assert len(overdue_feedback(actor(db, w, "kinderwerker"), db, TODAY)) == 1


@pytest.mark.parametrize("key", ["kinderwerker", "kinderwerker_b", "beheerder"])
def test_others_are_refused_and_the_refusal_is_audited(db, world, key):
    w = world
    for fn, action in [(location_overdue_agreements, "overzicht.team"), (location_late_feedback, "overzicht.team")]:
        with pytest.raises(PermissionDenied):
            fn(actor(db, w, key), db, w.loc_a, TODAY)
        db.expire_all()
        refused = db.exec(select(AuditEvent).where(AuditEvent.actor_id == w.staff[key],
                                                   AuditEvent.action == action,
                                                   AuditEvent.outcome == "geweigerd")).all()
        assert refused
    db.expire_all()
    assert db.exec(select(AuditEvent).where(AuditEvent.action.in_(
        ["overzicht.afspraken_te_laat", "overzicht.terugkoppeling_te_laat"]))).all() == []


def test_a_teamleider_of_another_location_is_refused(db, world):
    w = world
    other = StaffUser(organisation_id=w.org_id, name="Teamleider B", email="tl-b@test.nl", role="teamleider")
    db.add(other)
    db.flush()
    db.add(StaffLocation(staff_id=other.id, location_id=w.loc_b))
    db.commit()
    w.staff["teamleider_b"] = other.id
    with pytest.raises(PermissionDenied):
        location_overdue_agreements(actor(db, w, "teamleider_b"), db, w.loc_a, TODAY)
    assert location_overdue_agreements(actor(db, w, "teamleider_b"), db, w.loc_b, TODAY) == []
    with pytest.raises(NotFound):
        location_late_feedback(actor(db, w, "teamleider"), db, 999999, TODAY)
    with pytest.raises(NotFound):
        location_late_feedback(actor(db, w, "teamleider"), db, "abc", TODAY)


def test_a_closed_agreement_leaves_the_list_and_the_figure(db, world):
    w = world
    first = location_overdue_agreements(actor(db, w, "teamleider"), db, w.loc_a, TODAY)[0]
    conv.set_agreement_status(actor(db, w, "kinderwerker"), db, first.id, "gedaan")
    agreements, _ = _figures(db, w)
    rows = location_overdue_agreements(actor(db, w, "teamleider"), db, w.loc_a, TODAY)
    assert first.id not in [r.id for r in rows] and len(rows) == agreements.count == 2
    assert db.get(ParentConversation, first.conversation_id) is not None
