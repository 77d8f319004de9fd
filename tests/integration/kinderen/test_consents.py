"""Toestemmingen in the domain: recorded once with who, when and from which guardian; withdrawn with
a date; the history stays readable; a withdrawal takes effect at once for going home alone (at the
check-out and on the child's page); need-to-know and audit on every call."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import format_day, local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.huiskamer import attendance
from kinderwerk_pwa.domain.kinderen import child_record as cr
from kinderwerk_pwa.domain.kinderen import consents
from kinderwerk_pwa.models import Child, Consent, Family, Guardian, Partner, StaffUser
from tests.world import actor, add_colleague, audits, expect_every_day, row_count

TODAY = local_today()
WEEK_AGO = TODAY - timedelta(days=7)


@pytest.fixture(autouse=True)
def _today_when_the_test_runs():
    """The Amsterdam day when each test runs, not when the module was collected: a run that
    passes midnight must not compare yesterday's date with the domain's today."""
    global TODAY, WEEK_AGO
    TODAY = local_today()
    WEEK_AGO = TODAY - timedelta(days=7)


def guardian_id(db, w, name: str = "Petra Jansen") -> int:
    return db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a, Guardian.name == name)).one()


def payload(w, **extra) -> dict:
    return {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "kind": "foto", "given": "ja",
            "given_on": WEEK_AGO.isoformat(), **extra}


def test_record_and_withdraw_a_photo_consent_with_who_and_when(app_db):
    db, w = app_db
    kw = actor(db, w)
    data = payload(w, guardian_id=guardian_id(db, w))
    result = consents.record_consent(kw, db, dict(data))
    assert result.created
    again = consents.record_consent(kw, db, dict(data))  # a double tap or an offline replay
    assert (again.consent_id, again.created) == (result.consent_id, False)
    assert row_count(db, Consent) == 1
    row = db.get(Consent, result.consent_id)
    assert (row.kind, row.given, row.given_by, row.guardian_id, row.given_on, row.recorded_by_id) == (
        "foto", True, "Petra Jansen", guardian_id(db, w), WEEK_AGO, kw.id)
    assert row.recorded_at is not None and row.withdrawn_on is None
    [audited] = audits(db, "toestemming.vastgelegd", actor_id=kw.id)
    assert (audited.child_id, audited.detail) == (w.child_a, f"soort=foto;antwoord=ja;partner=;ouder={guardian_id(db, w)}")

    colleague = add_colleague(db, w)
    consents.withdraw_consent(colleague, db, result.consent_id, {"withdrawn_by": "Kees Jansen",
                                                                "withdrawn_on": TODAY.isoformat()})
    consents.withdraw_consent(colleague, db, result.consent_id, {})  # already withdrawn: nothing changes
    db.expire_all()
    row = db.get(Consent, result.consent_id)
    assert (row.withdrawn_on, row.withdrawn_by, row.withdrawn_recorded_by_id) == (TODAY, "Kees Jansen", colleague.id)
    [withdrawn] = audits(db, "toestemming.ingetrokken")
    assert (withdrawn.actor_id, withdrawn.child_id, withdrawn.detail) == (
        colleague.id, w.child_a, "soort=foto;partner=;ouder=")

    overview = consents.consent_overview(kw, db, w.child_a)
    [photo] = overview.current
    assert (photo.kind_label, photo.status, photo.status_label) == ("Foto's", "ingetrokken", "Ingetrokken")
    assert photo.summary == f"Ja — van Petra Jansen, {format_day(WEEK_AGO)}"
    assert photo.recorded_line.startswith("Vastgelegd door Test kinderwerker op ")
    assert photo.withdrawn_line.startswith(f"Ingetrokken op {format_day(TODAY)} door Kees Jansen · "
                                           "Intrekking vastgelegd door Test collega op ")
    assert overview.history == [] and overview.warnings == []
    assert overview.guardians == [(guardian_id(db, w), "Petra Jansen (moeder)")]
    assert len(audits(db, "toestemming.gelezen", actor_id=kw.id)) == 1

    # A new "yes" later on becomes current; the withdrawn one stays readable in the history.
    consents.record_consent(kw, db, payload(w, given_by="Kees Jansen", given_on=TODAY.isoformat()))
    overview = consents.consent_overview(kw, db, w.child_a)
    assert [(e.status, e.given_by) for e in overview.current] == [("gegeven", "Kees Jansen")]
    assert [(e.status, e.withdrawn_on) for e in overview.history] == [("ingetrokken", TODAY)]


def test_input_is_checked_in_dutch(app_db):
    db, w = app_db
    kw = actor(db, w)
    other_family = Family(organisation_id=w.org_id, name="Gezin Bakker")
    db.add(other_family)
    db.flush()
    stranger = Guardian(family_id=other_family.id, name="Jan Bakker", relation="vader")
    db.add(stranger)
    db.commit()
    with pytest.raises(InvalidInput) as exc:
        consents.record_consent(kw, db, payload(w, kind="kleurplaat", given="misschien",
                                                given_on=(TODAY + timedelta(days=1)).isoformat()))
    assert exc.value.fields == {"kind": texts.FOUT_TOESTEMMING_SOORT, "given": texts.FOUT_TOESTEMMING_ANTWOORD,
                                "given_by": texts.FOUT_TOESTEMMING_VAN_WIE, "given_on": texts.FOUT_DATUM_TOEKOMST}
    with pytest.raises(InvalidInput) as exc:
        consents.record_consent(kw, db, payload(w, kind="gegevens_delen", guardian_id=stranger.id))
    assert exc.value.fields == {"partner_id": texts.FOUT_TOESTEMMING_PARTNER, "given_by": texts.FOUT_TOESTEMMING_OUDER}
    assert row_count(db, Consent) == 0

    first = consents.record_consent(kw, db, payload(w, given_by="Petra Jansen")).consent_id
    consents.withdraw_consent(kw, db, first, {"withdrawn_on": (WEEK_AGO + timedelta(days=2)).isoformat()})
    with pytest.raises(InvalidInput) as exc:  # a "yes" from before the withdrawal cannot become current
        consents.record_consent(kw, db, payload(w, given_by="Petra Jansen",
                                                given_on=(WEEK_AGO + timedelta(days=1)).isoformat()))
    assert exc.value.message == texts.FOUT_TOESTEMMING_NA_INTREKKING.format(
        datum=format_day(WEEK_AGO + timedelta(days=2)))
    refused = consents.record_consent(kw, db, payload(w, given="nee", given_by="Petra Jansen",
                                                      given_on=TODAY.isoformat())).consent_id
    with pytest.raises(InvalidInput) as exc:  # a "no" cannot be withdrawn
        consents.withdraw_consent(kw, db, refused)
    assert exc.value.message == texts.FOUT_INTREKKEN_NIET_GEGEVEN
    yes = consents.record_consent(kw, db, payload(w, kind="registratie", given_by="Petra Jansen",
                                                  given_on=TODAY.isoformat())).consent_id
    with pytest.raises(InvalidInput) as exc:
        consents.withdraw_consent(kw, db, yes, {"withdrawn_on": WEEK_AGO.isoformat()})
    assert exc.value.message == texts.FOUT_INTREKKEN_DATUM.format(datum=format_day(TODAY))


def test_only_colleagues_of_the_childs_location_record_and_withdraw(app_db):
    db, w = app_db
    row = consents.record_consent(actor(db, w), db, payload(w, given_by="Petra Jansen")).consent_id
    privacy = StaffUser(organisation_id=w.org_id, name="Test privacy", email="p@test.nl", role="privacy")
    db.add(privacy)
    db.commit()
    w.staff["privacy"] = privacy.id
    for key in ("kinderwerker_b", "beheerder", "privacy"):
        other = actor(db, w, key)
        with pytest.raises(PermissionDenied):
            consents.record_consent(other, db, payload(w, given_by="Petra Jansen"))
        with pytest.raises(PermissionDenied):
            consents.withdraw_consent(other, db, row)
        assert len(audits(db, "toestemming.vastleggen", actor_id=other.id, outcome="geweigerd")) == 2
    for key in ("aandachtsfunctionaris", "teamleider"):
        consents.record_consent(actor(db, w, key), db, payload(w, kind="delen_school", given_by="Petra Jansen"))
    db.expire_all()
    assert db.get(Consent, row).withdrawn_on is None
    # Someone else's client_uuid is not a way to read or change their record.
    same = db.get(Consent, row).client_uuid
    with pytest.raises(PermissionDenied):
        consents.record_consent(actor(db, w, "teamleider"), db, payload(w, client_uuid=same))


def test_a_withdrawn_home_alone_consent_warns_at_check_out_and_on_the_childs_page(app_db):
    db, w = app_db
    kw = actor(db, w)
    consent_id = consents.record_consent(kw, db, payload(w, kind="zelfstandig_naar_huis", given_by="Petra Jansen",
                                                         given_on=WEEK_AGO.isoformat())).consent_id
    db.expire_all()
    child = db.get(Child, w.child_a)
    assert (child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on) == (
        True, "Petra Jansen", WEEK_AGO)

    consents.withdraw_consent(kw, db, consent_id)
    db.expire_all()
    assert db.get(Child, w.child_a).may_go_home_alone is False

    expect_every_day(db, w.child_a)  # the test also runs on a Saturday or Sunday

    def tap(kind):
        return attendance.record_attendance(kw, db, {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a,
                                                     "location_id": w.loc_a, "kind": kind})

    tap("aanwezig")
    with pytest.raises(InvalidInput) as exc:
        tap("zelfstandig")
    assert exc.value.message == texts.FOUT_ZELFSTANDIG_INGETROKKEN.format(kind="Sem", datum=format_day(TODAY))
    [denied] = audits(db, "aanwezigheid.zelfstandig_zonder_toestemming", outcome="geweigerd")
    assert denied.detail == "toestemming=ingetrokken"
    view = attendance.day_view(kw, db, w.loc_a)
    [sem] = [c for c in view.children if c.child_id == w.child_a]
    assert (sem.may_go_home_alone, sem.home_alone_withdrawn_on) == (False, TODAY)

    record = cr.child_record(kw, db, w.child_a)
    assert record.home_alone_withdrawn_on == TODAY
    assert record.consent_warnings == [texts.TOESTEMMING_WAARSCHUWING_ZELFSTANDIG.format(datum=format_day(TODAY))]


def test_set_home_alone_keeps_the_consent_history(app_db):
    db, w = app_db
    kw = actor(db, w)
    cr.set_home_alone(kw, db, w.child_a, True, "Petra Jansen", WEEK_AGO)
    cr.set_home_alone(kw, db, w.child_a, False)
    [row] = db.exec(select(Consent).where(Consent.child_id == w.child_a)).all()
    assert (row.kind, row.given_by, row.given_on, row.withdrawn_on, row.recorded_by_id) == (
        "zelfstandig_naar_huis", "Petra Jansen", WEEK_AGO, TODAY, kw.id)


def test_a_consent_to_share_names_the_partner(app_db):
    db, w = app_db
    partner = Partner(organisation_id=w.org_id, name="Wijkteam Stedenwijk", kind="wijkteam")
    db.add(partner)
    db.commit()
    kw = actor(db, w)
    consents.record_consent(kw, db, payload(w, kind="gegevens_delen", partner_id=partner.id, given_by="Petra Jansen"))
    [entry] = consents.consent_overview(kw, db, w.child_a).current
    assert entry.kind_label == "Gegevens delen met een ketenpartner: Wijkteam Stedenwijk"
    assert consents.sharing_consent(db, w.child_a, partner).partner_id == partner.id
