"""The child's record (dossier): what the child's page shows, need-to-know, auditing, and the two
changes made there (going home alone, pickup persons) - on real SQLite."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.kinderen import child_record as cr
from kinderwerk_pwa.models import (
    Child,
    ChildLocation,
    Consent,
    Enrolment,
    Guardian,
    PickupPerson,
)
from tests.world import actor, audits, row_count


def _petra(db) -> int:
    return db.exec(select(Guardian.id).where(Guardian.name == "Petra Jansen")).one()


def furnish(db, w) -> dict[str, int]:
    """Sem (child_a) on Monday and Wednesday at De Vlieger, an ended placement at Het Anker, a
    second parent, consents, a sister at De Vlieger and a brother known only at Het Anker."""
    enrolment = db.exec(select(Enrolment).where(Enrolment.child_id == w.child_a)).one()
    enrolment.weekdays = "1,3"
    db.add(enrolment)
    db.add_all([
        ChildLocation(child_id=w.child_a, location_id=w.loc_b),
        Enrolment(child_id=w.child_a, location_id=w.loc_b, weekdays="2", start_date=date(2025, 9, 1),
                  end_date=date(2025, 12, 19), end_reason="Overgestapt"),
        Guardian(family_id=w.family_a, name="Kees Jansen", relation="vader", phone="06-33334444"),
        Consent(child_id=w.child_a, kind="registratie", given=True, given_by="Petra Jansen",
                given_on=date(2026, 1, 5)),
        Consent(child_id=w.child_a, kind="foto", given=False, given_by="Petra Jansen", given_on=date(2026, 1, 6)),
    ])
    sister = Child(organisation_id=w.org_id, family_id=w.family_a, first_name="Lotte", last_name="Jansen",
                   date_of_birth=date(2019, 2, 1), status="actief")
    brother = Child(organisation_id=w.org_id, family_id=w.family_a, first_name="Bram", last_name="Jansen",
                    date_of_birth=date(2015, 6, 1), status="bekend")
    db.add_all([sister, brother])
    db.flush()
    db.add_all([ChildLocation(child_id=sister.id, location_id=w.loc_a),
                ChildLocation(child_id=brother.id, location_id=w.loc_b)])
    db.commit()
    return {"sister": sister.id, "brother": brother.id}


def test_record_shows_family_pickup_consents_and_weekdays(app_db):
    db, w = app_db
    kids = furnish(db, w)
    kw = actor(db, w)
    oma = cr.add_pickup_person(kw, db, w.child_a, "Oma Jansen", "oma", "06-55556666", _petra(db))
    record = cr.child_record(kw, db, w.child_a, date(2026, 11, 27))
    assert (record.id, record.name, record.first_name, record.last_name) == (w.child_a, "Sem Jansen", "Sem", "Jansen")
    assert (record.date_of_birth, record.age, record.school_group) == (date(2017, 5, 3), 9, "groep 4")
    assert (record.status, record.status_label) == ("actief", "Actief")
    assert [(g.name, g.relation, g.phone) for g in record.guardians] == [
        ("Petra Jansen", "moeder", "06-11112222"), ("Kees Jansen", "vader", "06-33334444")]
    assert [(p.id, p.name, p.relation, p.phone) for p in record.pickup_persons] == [
        (oma, "Oma Jansen", "oma", "06-55556666")]
    assert (record.may_go_home_alone, record.home_alone_allowed_by, record.home_alone_allowed_on) == (False, "", None)
    # The current answer per kind, in the order of the kinds (consents.py).
    assert [(c.kind, c.kind_label, c.given, c.given_by, c.given_on) for c in record.consents] == [
        ("registratie", "Registratie bij het kinderwerk", True, "Petra Jansen", date(2026, 1, 5)),
        ("foto", "Foto's", False, "Petra Jansen", date(2026, 1, 6))]
    by_location = {p.location_id: p for p in record.locations}
    assert set(by_location) == {w.loc_a, w.loc_b}
    assert (by_location[w.loc_a].location_name, by_location[w.loc_a].weekdays,
            by_location[w.loc_a].weekdays_label, by_location[w.loc_a].start_date) == (
        "Huiskamer De Vlieger", [1, 3], "maandag, woensdag", date(2026, 1, 5))
    # The ended placement at Het Anker shows no weekdays.
    assert (by_location[w.loc_b].weekdays, by_location[w.loc_b].weekdays_label) == ([], "")
    assert [(s.id, s.name, s.can_open) for s in record.siblings] == [
        (kids["brother"], "Bram Jansen", False), (kids["sister"], "Lotte Jansen", True)]
    reads = audits(db, "kind.dossier_gelezen", actor_id=kw.id)
    assert len(reads) == 1
    assert (reads[0].child_id, reads[0].object_id, reads[0].outcome) == (w.child_a, str(w.child_a), "toegestaan")


def test_record_of_a_child_without_family(app_db):
    db, w = app_db
    record = cr.child_record(actor(db, w, "kinderwerker_b"), db, w.child_b)
    assert record.guardians == [] and record.siblings == [] and record.pickup_persons == []
    assert [p.weekdays_label for p in record.locations] == ["maandag, woensdag"]
    assert record.age == local_today().year - 2016 - ((local_today().month, local_today().day) < (9, 12))


@pytest.mark.parametrize("who", ["kinderwerker_b", "beheerder"])
def test_others_cannot_read_the_record(app_db, who):
    db, w = app_db
    with pytest.raises(PermissionDenied):
        cr.child_record(actor(db, w, who), db, w.child_a)
    assert len(audits(db, "kind.lezen", actor_id=w.staff[who], outcome="geweigerd")) == 1
    assert audits(db, "kind.dossier_gelezen") == []


def test_unknown_child_is_not_found(app_db):
    db, w = app_db
    with pytest.raises(NotFound):
        cr.child_record(actor(db, w), db, 9999)


# ---- going home alone -------------------------------------------------------------------------

def test_home_alone_needs_who_allowed_it(app_db):
    db, w = app_db
    kw = actor(db, w)
    for allowed_by in ("", "   "):
        with pytest.raises(InvalidInput) as exc:
            cr.set_home_alone(kw, db, w.child_a, True, allowed_by, date(2026, 3, 1))
        assert exc.value.message == texts.FOUT_ZELFSTANDIG_WIE
        assert exc.value.fields == {"allowed_by": texts.FOUT_ZELFSTANDIG_WIE}
    with pytest.raises(InvalidInput) as exc:
        cr.set_home_alone(kw, db, w.child_a, True, "Petra Jansen", local_today() + timedelta(days=1))
    assert exc.value.message == texts.FOUT_DATUM_TOEKOMST
    db.expire_all()
    child = db.get(Child, w.child_a)
    assert (child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on) == (False, "", None)
    assert audits(db, "kind.zelfstandig_naar_huis") == []


def test_home_alone_allowed_and_withdrawn(app_db):
    db, w = app_db
    kw = actor(db, w)
    cr.set_home_alone(kw, db, w.child_a, True, "Petra Jansen", date(2026, 3, 1))
    record = cr.child_record(kw, db, w.child_a)
    assert (record.may_go_home_alone, record.home_alone_allowed_by, record.home_alone_allowed_on) == (
        True, "Petra Jansen", date(2026, 3, 1))
    cr.set_home_alone(kw, db, w.child_a, False)
    db.expire_all()
    child = db.get(Child, w.child_a)
    assert (child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on) == (False, "", None)
    rows = audits(db, "kind.zelfstandig_naar_huis", actor_id=kw.id)
    assert [r.detail for r in rows] == ["toegestaan=1", "toegestaan=0"]
    assert all(r.child_id == w.child_a for r in rows)


def test_home_alone_date_defaults_to_today(app_db):
    db, w = app_db
    cr.set_home_alone(actor(db, w), db, w.child_a, True, "Petra Jansen")
    db.expire_all()
    assert db.get(Child, w.child_a).home_alone_allowed_on == local_today()


# ---- pickup persons ---------------------------------------------------------------------------

def test_add_pickup_person_validated_and_once(app_db):
    db, w = app_db
    kw = actor(db, w)
    with pytest.raises(InvalidInput) as exc:
        cr.add_pickup_person(kw, db, w.child_a, " ", "oom", "06-1", _petra(db))
    assert exc.value.message == texts.FOUT_VERPLICHT.format(veld="de naam")
    with pytest.raises(InvalidInput) as exc:
        cr.add_pickup_person(kw, db, w.child_a, "Oom Ahmed", "oom", "bel de buurvrouw", _petra(db))
    assert exc.value.message == texts.FOUT_TELEFOON
    with pytest.raises(InvalidInput) as exc:
        cr.add_pickup_person(kw, db, w.child_a, "Oom Ahmed", "oom", "")  # who allowed it is required
    assert exc.value.message == texts.FOUT_TOESTEMMING_OUDER_KIEZEN
    assert row_count(db, PickupPerson) == 0
    first = cr.add_pickup_person(kw, db, w.child_a, "Oom Ahmed", "oom", "+31 6 1234 5678", _petra(db),
                                 date(2026, 3, 1))
    again = cr.add_pickup_person(kw, db, w.child_a, "oom ahmed", "oom", "", _petra(db))
    assert first == again
    assert row_count(db, PickupPerson) == 1
    person = db.get(PickupPerson, first)
    assert (person.child_id, person.name, person.relation, person.phone) == (
        w.child_a, "Oom Ahmed", "oom", "+31 6 1234 5678")
    assert (person.allowed_by_guardian_id, person.allowed_on) == (_petra(db), date(2026, 3, 1))
    assert len(audits(db, "kind.ophaler_toegevoegd", actor_id=kw.id)) == 1


@pytest.mark.parametrize("who", ["kinderwerker_b", "beheerder"])
def test_others_cannot_change_the_record(app_db, who):
    db, w = app_db
    other = actor(db, w, who)
    with pytest.raises(PermissionDenied):
        cr.set_home_alone(other, db, w.child_a, True, "Petra Jansen", date(2026, 3, 1))
    with pytest.raises(PermissionDenied):
        cr.add_pickup_person(other, db, w.child_a, "Onbekende", "", "", _petra(db))
    assert len(audits(db, "kind.wijzigen", actor_id=other.id, outcome="geweigerd")) == 2
    db.expire_all()
    assert db.get(Child, w.child_a).may_go_home_alone is False
    assert row_count(db, PickupPerson) == 0


def test_an_anonymised_child_cannot_be_changed_from_its_old_page(app_db):
    """After retention anonymised the child, a page still open with its id changes nothing: no
    pickup person, no permission to go home alone; the try is audited as refused."""
    from kinderwerk_pwa.domain.bewaren.erase import anonymise_child
    from kinderwerk_pwa.models import utcnow

    db, w = app_db
    anonymise_child(db, db.get(Child, w.child_a), utcnow(), set())
    db.commit()
    kw = actor(db, w)
    people = row_count(db, PickupPerson)
    with pytest.raises(NotFound):
        cr.add_pickup_person(kw, db, w.child_a, "Oma Jansen", "oma", "06-55556666")
    with pytest.raises(NotFound):
        cr.set_home_alone(kw, db, w.child_a, True, "Petra Jansen", date(2026, 3, 1))
    db.expire_all()
    assert row_count(db, PickupPerson) == people
    assert not db.get(Child, w.child_a).may_go_home_alone
    assert len([a for a in audits(db, "kind.wijzigen") if a.outcome == "geweigerd"]) == 2
