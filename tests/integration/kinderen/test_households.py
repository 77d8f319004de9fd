"""Two households (issue 16.3): a child with guardians in two households, who may collect it and
who allowed it, the refusal of someone nobody allowed, a parent barred from collecting, and both
households on the child's record, the family page and the family search."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.gesprekken import conversations
from kinderwerk_pwa.domain.huiskamer import attendance
from kinderwerk_pwa.domain.kinderen import child_record as cr
from kinderwerk_pwa.domain.kinderen import consents, household_changes, households
from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    ChildHousehold,
    ChildLocation,
    Family,
    Guardian,
    PickupPerson,
)
from tests.world import actor, audits, expect_every_day, row_count


@pytest.fixture(autouse=True)
def expected_every_day(app_db):
    db, w = app_db
    expect_every_day(db, w.child_a)


def _father_household(db, w, *, may_collect: bool = True) -> tuple[int, int]:
    """Sem's father's household (Kees Jansen, vader): (family id, guardian id)."""
    family_id = household_changes.add_household(actor(db, w), db, w.child_a, {
        "name": "Gezin Kees Jansen", "address": "Knikkerpad 12, Almere",
        "guardians": [{"name": "Kees Jansen", "relation": "vader", "phone": "06-33334444",
                       "may_collect": may_collect, "collect_note": "" if may_collect else "rechterlijke uitspraak"}]})
    father = db.exec(select(Guardian.id).where(Guardian.family_id == family_id)).one()
    return family_id, father


def _petra(db) -> int:
    return db.exec(select(Guardian.id).where(Guardian.name == "Petra Jansen")).one()


def _tap(db, w, kind, **extra):
    payload = {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "location_id": w.loc_a, "kind": kind,
               **extra}
    return attendance.record_attendance(actor(db, w), db, payload)


def _day_row(db, w):
    view = attendance.day_view(actor(db, w), db, w.loc_a)
    return next(r for r in view.children if r.child_id == w.child_a)


def test_households_of_gives_main_first_then_the_others(app_db):
    db, w = app_db
    family_id, _ = _father_household(db, w)
    child = db.get(Child, w.child_a)
    assert [f.id for f in households.households_of(db, child)] == [w.family_a, family_id]
    assert [g.name for g in households.guardians_of(db, child)] == ["Petra Jansen", "Kees Jansen"]
    assert child.family_id == w.family_a  # the main household stays
    assert len(audits(db, "kind.huishouden_toegevoegd")) == 1
    # Adding the same household again stores nothing twice.
    household_changes.add_household(actor(db, w), db, w.child_a, {"family_id": family_id})
    assert row_count(db, ChildHousehold) == 1


def test_pick_up_allowed_by_the_other_household_shows_who_allowed_it(app_db):
    db, w = app_db
    _, father = _father_household(db, w)
    cr.add_pickup_person(actor(db, w), db, w.child_a, "Oma Fatma", "oma", "06-12345678", father, date(2026, 11, 3))
    row = _day_row(db, w)
    assert "Oma Fatma" in row.pickup_persons and "Kees Jansen" in row.pickup_persons
    assert "Oma Fatma (oma) — toestemming van Kees Jansen (vader), 3 november 2026" in row.pickup_lines
    assert row.pickup_warnings == []
    _tap(db, w, "aanwezig")
    result = _tap(db, w, "opgehaald", picked_up_by="oma fatma")
    assert result.child.status == "opgehaald" and result.child.picked_up_by == "Oma Fatma"


def test_a_person_allowed_by_nobody_is_refused_and_nothing_stored(app_db):
    db, w = app_db
    _father_household(db, w)
    _tap(db, w, "aanwezig")
    with pytest.raises(InvalidInput) as refused:
        _tap(db, w, "opgehaald", picked_up_by="Buurman Piet")
    assert refused.value.message == texts.FOUT_OPHALER_GEEN_TOESTEMMING.format(naam="Buurman Piet", kind="Sem")
    assert db.exec(select(AttendanceEvent).where(AttendanceEvent.kind == "opgehaald")).all() == []
    assert len(audits(db, "aanwezigheid.ophalen_zonder_toestemming", outcome="geweigerd")) == 1
    assert _day_row(db, w).status == "aanwezig"


def test_a_barred_parent_warns_and_is_refused(app_db):
    db, w = app_db
    _, father = _father_household(db, w, may_collect=False)
    row = _day_row(db, w)
    warning = "Let op: Kees Jansen (vader) mag Sem niet ophalen (rechterlijke uitspraak)."
    assert row.pickup_warnings == [warning]
    assert "Kees Jansen" not in row.pickup_persons
    _tap(db, w, "aanwezig")
    with pytest.raises(InvalidInput) as refused:
        _tap(db, w, "opgehaald", picked_up_by="Kees Jansen")
    assert refused.value.message == warning
    # Nor can he allow someone else to collect; the mother can.
    with pytest.raises(InvalidInput) as exc:
        cr.add_pickup_person(actor(db, w), db, w.child_a, "Oom Ruud", "oom", "", father)
    assert "kan geen toestemming geven" in exc.value.message
    assert row_count(db, PickupPerson) == 0
    cr.add_pickup_person(actor(db, w), db, w.child_a, "Oom Ruud", "oom", "", _petra(db))
    _tap(db, w, "opgehaald", picked_up_by="Oom Ruud")
    assert _day_row(db, w).status == "opgehaald"


def test_barring_later_withdraws_the_permissions_that_parent_gave(app_db):
    db, w = app_db
    _, father = _father_household(db, w)
    cr.add_pickup_person(actor(db, w), db, w.child_a, "Oma Fatma", "oma", "", father)
    household_changes.set_may_collect(actor(db, w), db, w.child_a, father, False, "rechterlijke uitspraak")
    assert len(audits(db, "kind.ophalen_ouder")) == 1
    row = _day_row(db, w)
    assert "Oma Fatma" not in row.pickup_persons and len(row.pickup_warnings) == 1
    _tap(db, w, "aanwezig")
    with pytest.raises(InvalidInput):
        _tap(db, w, "opgehaald", picked_up_by="Oma Fatma")


def test_pick_up_persons_from_before_households_stay_allowed(app_db):
    db, w = app_db
    db.add(PickupPerson(child_id=w.child_a, name="Oma Truus", relation="oma"))
    db.commit()
    row = _day_row(db, w)
    assert "Oma Truus (oma) — toestemming van het gezin (vastgelegd vóór december 2026)" in row.pickup_lines
    _tap(db, w, "aanwezig")
    _tap(db, w, "opgehaald", picked_up_by="Oma Truus")


def test_record_family_page_and_search_show_both_households(app_db):
    db, w = app_db
    family_id, father = _father_household(db, w, may_collect=False)
    kw = actor(db, w)
    record = cr.child_record(kw, db, w.child_a, date(2026, 11, 27))
    assert [(h.name, h.main, h.address) for h in record.households] == [
        ("Gezin Jansen", True, ""), ("Gezin Kees Jansen", False, "Knikkerpad 12, Almere")]
    assert [(g.name, g.may_collect, g.collect_note) for g in record.households[1].guardians] == [
        ("Kees Jansen", False, "rechterlijke uitspraak")]
    assert record.collect_warnings and "Kees Jansen" in record.collect_warnings[0]
    view = conversations.family_view(kw, db, family_id)
    assert [c.name for c in view.children] == ["Sem Jansen"] and view.address == "Knikkerpad 12, Almere"
    assert view.other_households == [("Sem Jansen", w.family_a, "Gezin Jansen")]
    assert "mag niet ophalen" in view.guardians[0].note
    main = conversations.family_view(kw, db, w.family_a)
    assert main.other_households == [("Sem Jansen", family_id, "Gezin Kees Jansen")]
    assert {f.id for f in conversations.find_families(kw, db, "kees")} == {family_id}
    # A conversation can be held with the father's household.
    options = conversations.conversation_options(kw, db, family_id)
    assert [c.label for c in options.guardians] == ["Kees Jansen (vader)"]
    # The consent form offers the guardians of both households.
    overview = consents.consent_overview(kw, db, w.child_a)
    assert [name for _, name in overview.guardians] == ["Petra Jansen (moeder)", "Kees Jansen (vader)"]
    assert father in [gid for gid, _ in overview.guardians]


def test_home_alone_records_the_guardian_of_either_household(app_db):
    db, w = app_db
    _, father = _father_household(db, w)
    consents.record_consent(actor(db, w), db, {
        "client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "kind": "zelfstandig_naar_huis", "given": "ja",
        "guardian_id": father, "given_on": "2026-11-03"})
    child = db.get(Child, w.child_a)
    assert child.may_go_home_alone and child.home_alone_guardian_id == father
    row = _day_row(db, w)
    assert row.home_alone_line == "Zelfstandig naar huis: toestemming van Kees Jansen (vader) op 3 november 2026"


def test_others_cannot_change_households(app_db):
    db, w = app_db
    other = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        household_changes.add_household(other, db, w.child_a, {"name": "X", "guardians": [{"name": "Y"}]})
    with pytest.raises(PermissionDenied):
        household_changes.set_may_collect(other, db, w.child_a, _petra(db), False)
    with pytest.raises(NotFound):
        household_changes.add_household(actor(db, w), db, 999999, {"name": "X"})
    with pytest.raises(InvalidInput):
        household_changes.add_household(actor(db, w), db, w.child_a, {"name": "Gezin zonder ouders"})
    assert row_count(db, ChildHousehold) == 0


def test_the_inzage_holds_both_households(app_db):
    from kinderwerk_pwa.domain.privacy.inzage_collect import collect

    db, w = app_db
    _father_household(db, w)
    family = next(s for s in collect(db, db.get(Child, w.child_a)) if s.key == "gezin")
    assert [r.title.split(" · ")[-1] for r in family.records] == [
        "Gezin Jansen", "Petra Jansen", "Gezin Kees Jansen", "Kees Jansen"]


def test_anonymising_the_last_child_clears_both_households(app_db):
    from kinderwerk_pwa.domain.bewaren.erase import anonymise_child
    from kinderwerk_pwa.models import Family, utcnow

    db, w = app_db
    family_id, father = _father_household(db, w, may_collect=False)
    counts = anonymise_child(db, db.get(Child, w.child_a), utcnow(), set())
    db.commit()
    db.expire_all()
    assert counts["gezin"] == 2 and row_count(db, ChildHousehold) == 0
    assert (db.get(Family, family_id).name, db.get(Family, family_id).address) == ("", "")
    assert (db.get(Guardian, father).name, db.get(Guardian, father).collect_note) == ("", "")
    assert db.get(Family, w.family_a).name == ""


# ---- the child page's forms (household-ui): what they send to the domain --------------------

def test_barring_needs_a_reason_and_stores_nothing_without_one(app_db):
    db, w = app_db
    _, father = _father_household(db, w)
    for empty in ("", "   "):
        with pytest.raises(InvalidInput) as refused:
            household_changes.set_may_collect(actor(db, w), db, w.child_a, father, False, empty)
        assert refused.value.message == texts.FOUT_REDEN_NIET_OPHALEN
        assert refused.value.fields == {"note": texts.FOUT_REDEN_NIET_OPHALEN}
    db.expire_all()
    assert db.get(Guardian, father).may_collect is True
    assert audits(db, "kind.ophalen_ouder") == []
    # With the reason it is stored; undoing it clears the reason and needs none.
    household_changes.set_may_collect(actor(db, w), db, w.child_a, father, False, " rechterlijke uitspraak ")
    db.expire_all()
    assert (db.get(Guardian, father).may_collect, db.get(Guardian, father).collect_note) == (
        False, "rechterlijke uitspraak")
    household_changes.set_may_collect(actor(db, w), db, w.child_a, father, True)
    db.expire_all()
    assert (db.get(Guardian, father).may_collect, db.get(Guardian, father).collect_note) == (True, "")
    assert [a.detail for a in audits(db, "kind.ophalen_ouder")] == [
        f"ouder={father};mag_ophalen=0", f"ouder={father};mag_ophalen=1"]
    assert _day_row(db, w).pickup_warnings == []


def test_a_guardian_of_another_household_cannot_be_barred_through_this_child(app_db):
    db, w = app_db
    other = Family(organisation_id=w.org_id, name="Gezin Bakker")
    db.add(other)
    db.flush()
    stranger = Guardian(family_id=other.id, name="Jan Bakker", relation="vader")
    db.add(stranger)
    db.commit()
    for guardian_id in (stranger.id, "abc", ""):
        with pytest.raises(InvalidInput):
            household_changes.set_may_collect(actor(db, w), db, w.child_a, guardian_id, False, "reden")
    db.expire_all()
    assert db.get(Guardian, stranger.id).may_collect is True


def test_the_household_form_payload_adds_a_guardian_without_authority(app_db):
    from kinderwerk_pwa.pages.kind_households import household_errors, household_payload

    db, w = app_db
    form = {"name": "Gezin Kees Jansen", "address": "Knikkerpad 12, Almere", "guardian_name": "Kees Jansen",
            "guardian_relation": "vader", "guardian_phone": "06-33334444", "authority": "nee"}
    family_id = household_changes.add_household(actor(db, w), db, w.child_a, household_payload(form))
    kees = db.exec(select(Guardian).where(Guardian.family_id == family_id)).one()
    assert (kees.name, kees.relation, kees.phone, kees.parental_authority, kees.may_collect) == (
        "Kees Jansen", "vader", "06-33334444", False, True)
    # Without authority he cannot allow a pick-up person.
    with pytest.raises(InvalidInput):
        cr.add_pickup_person(actor(db, w), db, w.child_a, "Oma Fatma", "oma", "", kees.id)
    # An empty guardian's name or a bad phone: a Dutch message at that field, nothing stored.
    for bad, field in (({"guardian_name": " "}, "guardian_name"), ({"guardian_phone": "bel maar"}, "guardian_phone"),
                       ({"name": ""}, "name")):
        with pytest.raises(InvalidInput) as refused:
            household_changes.add_household(actor(db, w), db, w.child_a, household_payload({**form, **bad}))
        assert list(household_errors(refused.value.fields)) == [field]
    assert row_count(db, ChildHousehold) == 1 and len(audits(db, "kind.huishouden_toegevoegd")) == 1


def test_who_may_use_the_household_forms(app_db):
    db, w = app_db
    _, father = _father_household(db, w)
    for key in ("aandachtsfunctionaris", "teamleider"):
        household_changes.set_may_collect(actor(db, w, key), db, w.child_a, father, False, "omgangsregeling")
        household_changes.set_may_collect(actor(db, w, key), db, w.child_a, father, True)
    for key in ("beheerder", "kinderwerker_b"):
        with pytest.raises(PermissionDenied):
            household_changes.set_may_collect(actor(db, w, key), db, w.child_a, father, False, "reden")
        with pytest.raises(PermissionDenied):
            household_changes.add_household(actor(db, w, key), db, w.child_a, {
                "name": "Gezin Y", "guardians": [{"name": "Y"}]})
    db.expire_all()
    assert db.get(Guardian, father).may_collect is True and row_count(db, ChildHousehold) == 1


def test_the_timeline_shows_the_conversations_of_both_households(app_db):
    from datetime import timedelta

    from kinderwerk_pwa.domain.common.clock import utcnow
    from kinderwerk_pwa.domain.dossier.timeline import child_timeline

    db, w = app_db
    family_id, father = _father_household(db, w)

    def held(family, guardian, facts, hours):
        conversations.record_conversation(actor(db, w), db, {
            "client_uuid": str(uuid.uuid4()), "family_id": family, "location_id": w.loc_a,
            "guardian_ids": [guardian], "child_ids": [w.child_a], "kind": "informeel",
            "held_at": (utcnow() - timedelta(hours=hours)).isoformat(), "facts": facts,
            "discussed_with_parent": True})

    held(w.family_a, _petra(db), "Moeder vertelt over de verhuizing.", 3)
    held(family_id, father, "Vader vertelt over de weekenden.", 2)
    items = [i for i in child_timeline(actor(db, w), db, w.child_a) if i.kind == "gesprek"]
    assert [(i.body, i.link) for i in items] == [
        ("Vader vertelt over de weekenden.", f"/gezin/{family_id}"),
        ("Moeder vertelt over de verhuizing.", f"/gezin/{w.family_a}")]
    assert "Gezin Kees Jansen" in items[0].title and "Gezin Jansen" in items[1].title


def _child_with_household(db, w, location_id: int, first: str, family: str) -> tuple[int, int]:
    fam = Family(organisation_id=w.org_id, name=family)
    db.add(fam)
    db.flush()
    db.add(Guardian(family_id=fam.id, name=f"Ouder van {first}", relation="moeder", phone="06-55556666"))
    child = Child(organisation_id=w.org_id, family_id=fam.id, first_name=first, last_name="Test",
                  date_of_birth=date(2018, 2, 2), status="actief")
    db.add(child)
    db.flush()
    db.add(ChildLocation(child_id=child.id, location_id=location_id))
    db.commit()
    return child.id, fam.id


def test_an_existing_household_of_a_child_at_the_same_place_can_be_linked(app_db):
    """Sem's half-sister Lina lives with her father at the same huiskamer: the kinderwerker sees
    that household among those to link, links it, and Sem's page shows both."""
    db, w = app_db
    _, lina_home = _child_with_household(db, w, w.loc_a, "Lina", "Gezin Kees Jansen")
    _child_with_household(db, w, w.loc_b, "Daan", "Gezin Visser")  # at another location
    found = household_changes.linkable_households(actor(db, w), db, w.child_a)
    assert found == [(lina_home, "Gezin Kees Jansen", "Lina")]  # not Sem's own, not another place's
    assert len(audits(db, "kind.huishoudens_koppelbaar_gelezen")) == 1
    household_changes.add_household(actor(db, w), db, w.child_a, {"family_id": str(lina_home)})
    child = db.get(Child, w.child_a)
    assert [f.id for f in households.households_of(db, child)] == [w.family_a, lina_home]
    assert household_changes.linkable_households(actor(db, w), db, w.child_a) == []


def test_a_household_the_actor_may_not_see_cannot_be_linked_by_its_id(app_db):
    """Need-to-know: an id of a household at another location (or of no child at all) opens
    nothing: refused as not found, audited, nothing stored."""
    db, w = app_db
    _, elsewhere = _child_with_household(db, w, w.loc_b, "Daan", "Gezin Visser")
    empty = Family(organisation_id=w.org_id, name="Gezin zonder kinderen")
    db.add(empty)
    db.commit()
    for family_id in (elsewhere, empty.id):
        with pytest.raises(NotFound):
            household_changes.add_household(actor(db, w), db, w.child_a, {"family_id": str(family_id)})
    assert row_count(db, ChildHousehold) == 0
    assert len(audits(db, "kind.wijzigen")) == 2
    assert all(a.outcome == "geweigerd" for a in audits(db, "kind.wijzigen"))


def test_the_link_form_without_a_choice_asks_to_choose_and_stores_nothing(app_db):
    db, w = app_db
    with pytest.raises(InvalidInput) as refused:
        household_changes.add_household(actor(db, w), db, w.child_a, {"family_id": ""})
    assert refused.value.fields == {"family_id": texts.FOUT_KIES_HUISHOUDEN}
    assert row_count(db, ChildHousehold) == 0 and row_count(db, Family) == 1


def test_who_cannot_change_the_child_is_offered_no_household_to_link(app_db):
    db, w = app_db
    _child_with_household(db, w, w.loc_a, "Lina", "Gezin Kees Jansen")
    assert household_changes.linkable_households(actor(db, w, "kinderwerker_b"), db, w.child_a) == []
    assert audits(db, "kind.huishoudens_koppelbaar_gelezen") == []
