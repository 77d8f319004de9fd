"""Doorverwijzingen and ketenpartners in the domain: no sharing without consent unless it follows a
meldcode decision to report, idempotency, the terugkoppeling and the reminder list of overdue
feedback, need-to-know by location, and who maintains the partner list."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.gesprekken import partners as pt
from kinderwerk_pwa.domain.gesprekken import referrals_out as ro
from kinderwerk_pwa.models import AuditEvent, Consent, Partner, ReferralOut
from tests.world import actor, audits, capture_signal, meldcode_step, row_count, start_track

REASON = "Sem is vaak boos en verdrietig; moeder wil graag opvoedondersteuning van het wijkteam."
FEEDBACK = "Gezin is in begeleiding bij het wijkteam; eerste gesprek was goed."


# ---- helpers ---------------------------------------------------------------------------------

def wijkteam(db, world) -> int:
    return pt.save_partner(actor(db, world, "teamleider"), db, {
        "name": "Wijkteam Stedenwijk", "kind": "wijkteam", "contact_name": "Anouk de Boer",
        "contact_phone": "036-1234567", "contact_email": "anouk@wijkteam.nl"})


def payload(world, partner_id, **extra) -> dict:
    data = {"client_uuid": str(uuid.uuid4()), "child_id": world.child_a, "partner_id": partner_id,
            "reason": REASON, "consent_given": True, "consent_by": "Petra Jansen",
            "consent_on": local_today().isoformat()}
    data.update(extra)
    return data


def decided_track(db, world, report: bool) -> int:
    """A closed meldcode track about Sem whose step-5 decision to report is `report`."""
    kw, af = "kinderwerker", "aandachtsfunctionaris"
    signal_id = capture_signal(db, world, kw, categories=["thuissituatie"],
                               facts="Sem had opnieuw blauwe plekken op zijn armen.", source="zelf_gezien")
    track_id = start_track(db, world, signal_id, kw)

    def step(who, n, **data):
        meldcode_step(db, world, who, track_id, n, **data)

    step(kw, 2, conclusion="Besproken met de aandachtsfunctionaris.")
    step(kw, 3, conclusion="Gesprek met moeder gevoerd.", with_whom="moeder")
    if report:
        step(af, 4, answers=[True, True])  # acute or structural unsafety: report
        step(af, 5, report=True, help=True)
    else:
        step(af, 4, answers=[True, False, True, True, True])  # help, no report
        step(af, 5, report=False, help=True)
    return track_id


# ---- partners ------------------------------------------------------------------------------

def test_a_kinderwerker_cannot_save_a_partner_the_teamleider_can(app_db):
    db, w = app_db
    data = {"name": "Jeugdhulp Almere", "kind": "jeugdhulp"}
    with pytest.raises(PermissionDenied):
        pt.save_partner(actor(db, w), db, data)
    assert db.exec(select(func.count()).select_from(Partner)).one() == 0
    assert len(audits(db, "partner.beheren", actor_id=w.staff["kinderwerker"], outcome="geweigerd")) == 1

    partner_id = pt.save_partner(actor(db, w, "teamleider"), db, data)
    rows = pt.list_partners(actor(db, w), db)  # everyone in the organisation may read the list
    assert [(r.id, r.name, r.kind_label) for r in rows] == [(partner_id, "Jeugdhulp Almere", "Jeugdhulp")]
    [row] = audits(db, "ketenpartner.opgeslagen", actor_id=w.staff["teamleider"])
    assert row.detail == "nieuw=1;soort=jeugdhulp"

    # Update, by the beheerder; the same name twice is refused; bad input in Dutch.
    pt.save_partner(actor(db, w, "beheerder"), db, {**data, "contact_name": "Sanne", "contact_phone": "06-123"},
                    partner_id=partner_id)
    assert pt.list_partners(actor(db, w), db)[0].contact_name == "Sanne"
    with pytest.raises(InvalidInput) as exc:
        pt.save_partner(actor(db, w, "teamleider"), db, {"name": "jeugdhulp almere", "kind": "jeugdhulp"})
    assert exc.value.message == texts.FOUT_PARTNER_BESTAAT
    with pytest.raises(InvalidInput) as exc:
        pt.save_partner(actor(db, w, "teamleider"), db, {"name": "", "kind": "bakker", "contact_email": "geen"})
    assert exc.value.fields == {"name": texts.FOUT_VERPLICHT.format(veld="de naam"),
                                "kind": texts.FOUT_PARTNER_SOORT, "contact_email": texts.FOUT_EMAIL_ONGELDIG}
    with pytest.raises(NotFound):
        pt.save_partner(actor(db, w, "teamleider"), db, data, partner_id=99999)
    assert pt.list_partners(actor(db, w), db, kind="school") == []


# ---- referring out ---------------------------------------------------------------------------

def test_sharing_without_consent_is_refused_and_nothing_is_stored(app_db):
    db, w = app_db
    partner_id = wijkteam(db, w)
    with pytest.raises(InvalidInput) as exc:
        ro.refer_out(actor(db, w), db, payload(w, partner_id, consent_given=False))
    assert exc.value.message == texts.FOUT_DELEN_ZONDER_TOESTEMMING
    assert "toestemming" in exc.value.message
    db.rollback()
    assert row_count(db, ReferralOut) == 0
    [denied] = audits(db, "doorverwijzing.verstuurd", outcome="geweigerd")
    assert denied.actor_id == w.staff["kinderwerker"] and denied.child_id == w.child_a
    assert denied.detail.startswith("reden=geen_toestemming")
    assert audits(db, "doorverwijzing.verstuurd", outcome="toegestaan") == []


def test_with_consent_it_is_stored_once_with_default_dates(app_db):
    db, w = app_db
    kw = actor(db, w)
    partner_id = wijkteam(db, w)
    data = payload(w, partner_id)
    referral_id = ro.refer_out(kw, db, dict(data))
    assert ro.refer_out(kw, db, dict(data)) == referral_id  # a replay
    assert row_count(db, ReferralOut) == 1
    r = db.get(ReferralOut, referral_id)
    today = local_today()
    assert (r.child_id, r.location_id, r.partner_id, r.status, r.created_by_id) == (
        w.child_a, w.loc_a, partner_id, "verstuurd", kw.id)
    assert (r.consent_given, r.consent_by, r.consent_on) == (True, "Petra Jansen", today)
    assert r.contact_name == "Anouk de Boer"  # the partner's contact by default
    assert (r.sent_on, r.feedback_due) == (today, today + timedelta(weeks=6))
    assert r.meldcode_track_id is None
    [row] = audits(db, "doorverwijzing.verstuurd", outcome="toegestaan")
    assert row.detail == f"partner={partner_id};toestemming=1;traject="
    # The consent is on the child's record too.
    [consent] = db.exec(select(Consent).where(Consent.child_id == w.child_a)).all()
    assert (consent.kind, consent.given, consent.given_by, consent.given_on) == (
        "gegevens_delen", True, "Petra Jansen", today)


def test_without_consent_it_is_allowed_following_a_decision_to_report(app_db):
    db, w = app_db
    partner_id = wijkteam(db, w)
    report = decided_track(db, w, report=True)
    referral_id = ro.refer_out(actor(db, w), db, payload(w, partner_id, consent_given=False, consent_by="",
                                                         consent_on="", meldcode_track_id=report))
    r = db.get(ReferralOut, referral_id)
    assert r.consent_given is False and r.meldcode_track_id == report
    assert db.exec(select(func.count()).select_from(Consent)).one() == 0
    [row] = ro.child_referrals(actor(db, w), db, w.child_a)
    assert row.without_consent and row.meldcode_track_id == report
    assert [t.id for t in ro.report_tracks(actor(db, w), db, w.child_a)] == [report]


def test_a_track_without_a_decision_to_report_does_not_lift_the_consent_rule(app_db):
    db, w = app_db
    partner_id = wijkteam(db, w)
    help_only = decided_track(db, w, report=False)
    with pytest.raises(InvalidInput) as exc:
        ro.refer_out(actor(db, w), db, payload(w, partner_id, consent_given=False, meldcode_track_id=help_only))
    assert exc.value.message == texts.FOUT_DELEN_ZONDER_TOESTEMMING
    assert row_count(db, ReferralOut) == 0
    assert ro.report_tracks(actor(db, w), db, w.child_a) == []


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"reason": " "}, "reason", texts.FOUT_DOORVERWIJZING_REDEN),
    ({"reason": "x" * 2001}, "reason", texts.FOUT_TE_LANG.format(n=2000, veld="de reden")),
    ({"consent_by": ""}, "consent_by", texts.FOUT_TOESTEMMING_WIE),
    ({"consent_on": ""}, "consent_on", texts.FOUT_TOESTEMMING_DATUM),
    ({"partner_id": 99999}, "partner_id", texts.FOUT_PARTNER_KIES),
    ({"partner_id": "OTHER_ORG"}, "partner_id", texts.FOUT_PARTNER_KIES),
    ({"sent_on": "FUTURE"}, "sent_on", texts.FOUT_DATUM_TOEKOMST),
    ({"feedback_due": "PAST"}, "feedback_due", texts.FOUT_TERUGKOPPELING_TERMIJN),
    ({"meldcode_track_id": 99999}, "meldcode_track_id", texts.FOUT_DOORVERWIJZING_TRAJECT),
    ({"client_uuid": "x"}, "client_uuid", texts.FOUT_KENMERK),
])
def test_invalid_referrals_are_refused_in_dutch(app_db, change, field, message):
    db, w = app_db
    partner_id = wijkteam(db, w)
    if change.get("sent_on") == "FUTURE":
        change = {"sent_on": (local_today() + timedelta(days=1)).isoformat()}
    if change.get("feedback_due") == "PAST":
        change = {"feedback_due": (local_today() - timedelta(days=1)).isoformat()}
    if change.get("partner_id") == "OTHER_ORG":
        other = Partner(organisation_id=w.other_org_id, name="Wijkteam elders", kind="wijkteam")
        db.add(other)
        db.commit()
        change = {"partner_id": other.id}
    data = payload(w, partner_id)
    data.update(change)
    with pytest.raises(InvalidInput) as exc:
        ro.refer_out(actor(db, w), db, data)
    assert exc.value.fields.get(field) == message
    db.rollback()
    assert row_count(db, ReferralOut) == 0


def test_a_kinderwerker_of_the_other_location_cannot_refer_the_child(app_db):
    db, w = app_db
    partner_id = wijkteam(db, w)
    kb = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        ro.refer_out(kb, db, payload(w, partner_id))
    with pytest.raises(PermissionDenied):
        ro.refer_out(kb, db, payload(w, partner_id, location_id=w.loc_b))
    assert row_count(db, ReferralOut) == 0
    assert len(audits(db, "doorverwijzing.vastleggen", actor_id=kb.id, outcome="geweigerd")) == 2
    with pytest.raises(PermissionDenied):
        ro.refer_out(actor(db, w, "beheerder"), db, payload(w, partner_id))


# ---- terugkoppeling ---------------------------------------------------------------------------

def test_overdue_feedback_reminds_until_the_feedback_is_recorded(app_db):
    db, w = app_db
    kw = actor(db, w)
    partner_id = wijkteam(db, w)
    today = local_today()
    old = ro.refer_out(kw, db, payload(w, partner_id, sent_on=(today - timedelta(days=50)).isoformat(),
                                       consent_on=(today - timedelta(days=52)).isoformat()))
    recent = ro.refer_out(kw, db, payload(w, partner_id, sent_on=(today - timedelta(days=10)).isoformat()))
    assert db.get(ReferralOut, old).feedback_due == today - timedelta(days=8)

    [row] = ro.overdue_feedback(kw, db, today)
    assert (row.id, row.feedback_overdue, row.partner_name, row.child_name, row.status_label) == (
        old, True, "Wijkteam Stedenwijk", "Sem Jansen", "Verstuurd")
    assert len(audits(db, "doorverwijzing.terugkoppeling_lijst", actor_id=kw.id)) == 1
    assert ro.overdue_feedback(actor(db, w, "kinderwerker_b"), db, today) == []

    # In behandeling still needs a final answer: still on the list.
    ro.record_feedback(kw, db, old, "in_behandeling", "Aanmelding ontvangen.")
    assert [r.id for r in ro.overdue_feedback(kw, db, today)] == [old]
    ro.record_feedback(kw, db, old, "afgerond", FEEDBACK)
    assert ro.overdue_feedback(kw, db, today) == []
    r = db.get(ReferralOut, old)
    assert (r.status, r.feedback, r.feedback_on) == ("afgerond", FEEDBACK, today)
    rows = ro.child_referrals(kw, db, w.child_a, today)
    assert [(x.id, x.status) for x in rows] == [(recent, "verstuurd"), (old, "afgerond")]
    assert rows[1].feedback == FEEDBACK and rows[1].can_update
    assert len(audits(db, "doorverwijzing.terugkoppeling", actor_id=kw.id)) == 2

    with pytest.raises(InvalidInput) as exc:
        ro.record_feedback(kw, db, recent, "weet ik niet")
    assert exc.value.message == texts.FOUT_DOORVERWIJZING_STATUS
    with pytest.raises(InvalidInput) as exc:
        ro.record_feedback(kw, db, recent, "afgerond", FEEDBACK, (today - timedelta(days=20)).isoformat())
    assert "feedback_on" in exc.value.fields
    with pytest.raises(InvalidInput):
        ro.record_feedback(kw, db, recent, "afgerond", FEEDBACK, (today + timedelta(days=1)).isoformat())
    with pytest.raises(PermissionDenied):
        ro.record_feedback(actor(db, w, "kinderwerker_b"), db, recent, "afgerond", FEEDBACK)
    with pytest.raises(NotFound):
        ro.record_feedback(kw, db, 99999, "afgerond")
    assert db.get(ReferralOut, recent).status == "verstuurd"


def test_audit_rows_never_contain_the_reason_or_the_feedback(app_db):
    db, w = app_db
    kw = actor(db, w)
    partner_id = wijkteam(db, w)
    referral_id = ro.refer_out(kw, db, payload(w, partner_id))
    other = pt.save_partner(actor(db, w, "teamleider"), db, {"name": "Jeugdhulp Almere", "kind": "jeugdhulp"})
    with pytest.raises(InvalidInput):  # no consent for this partner (the wijkteam's does not count)
        ro.refer_out(kw, db, payload(w, other, consent_given=False))
    ro.record_feedback(kw, db, referral_id, "afgerond", FEEDBACK)
    ro.child_referrals(kw, db, w.child_a)
    db.expire_all()
    for event in db.exec(select(AuditEvent)).all():
        assert REASON not in event.detail and FEEDBACK not in event.detail
        assert "opvoedondersteuning" not in event.detail and "begeleiding" not in event.detail
