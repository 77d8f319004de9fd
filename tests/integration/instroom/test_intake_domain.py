"""The dagarrangement path in the domain: aanmelding -> wachtlijst -> intake -> plaatsing ->
uitstroom (or intrekken), with validation, idempotency, permissions and the audit log - on the
hand-built test world (real SQLite)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.instroom import intake
from kinderwerk_pwa.models import (
    AuditEvent,
    Child,
    ChildLocation,
    Enrolment,
    Family,
    Goal,
    Guardian,
    Location,
    ReferralIn,
)
from tests.world import actor, audits

GOALS = ["Minder snel boos worden", "Vriendjes maken"]


# ---- helpers ---------------------------------------------------------------------------------

def years_ago(years: int, days: int = 0) -> date:
    today = local_today()
    try:
        born = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        born = today.replace(year=today.year - years, day=28)
    return born - timedelta(days=days)


def new_child(world, **overrides) -> dict:
    data = {
        "client_uuid": str(uuid.uuid4()),
        "location_id": world.loc_a,
        "first_name": "Yara",
        "last_name": "El Amrani",
        "date_of_birth": years_ago(8, 40).isoformat(),
        "school_name": "De Regenboog",
        "school_group": "groep 5",
        "neighbourhood": "Stedenwijk",
        "guardian_name": "Samira El Amrani",
        "guardian_relation": "moeder",
        "guardian_phone": "06-12345678",
        "referrer_kind": "school",
        "referrer_name": "Juf Anke (intern begeleider)",
        "reason": "Thuis weinig ruimte voor huiswerk; op school snel boos bij samenwerken.",
        "received_on": (local_today() - timedelta(days=10)).isoformat(),
    }
    data.update(overrides)
    return data


def counts(db) -> dict[str, int]:
    db.expire_all()
    return {model.__name__: db.exec(select(func.count()).select_from(model)).one()
            for model in (ReferralIn, Child, Family, Guardian, ChildLocation, Goal, Enrolment)}


def referred(db, w, **overrides) -> int:
    return intake.register_referral(actor(db, w), db, new_child(w, **overrides))


def intake_payload(**overrides) -> dict:
    data = {"client_uuid": str(uuid.uuid4()), "intake_on": local_today().isoformat(), "goals": list(GOALS)}
    data.update(overrides)
    return data


def after_intake(db, w) -> int:
    referral_id = referred(db, w)
    intake.record_intake(actor(db, w), db, referral_id, intake_payload())
    return referral_id


def known_child(db, w, location_id=None, **fields) -> Child:
    """A child known at a location (default: the kinderwerker's own, e.g. from the playground)."""
    child = Child(organisation_id=w.org_id, first_name="Daan", last_name="Visser",
                  date_of_birth=years_ago(7), status="bekend", **fields)
    db.add(child)
    db.flush()
    db.add(ChildLocation(child_id=child.id, location_id=location_id or w.loc_a))
    db.commit()
    return child


# ---- the whole path ---------------------------------------------------------------------------

def test_whole_path_from_referral_to_uitstroom(app_db):
    db, w = app_db
    kw = actor(db, w)
    today = local_today()
    data = new_child(w)
    referral_id = intake.register_referral(kw, db, data)

    referral = db.get(ReferralIn, referral_id)
    child = db.get(Child, referral.child_id)
    assert (referral.status, referral.location_id, referral.referrer_kind, referral.created_by_id) == (
        "wachtlijst", w.loc_a, "school", kw.id)
    assert referral.received_on == today - timedelta(days=10)
    assert referral.reason == data["reason"] and referral.referrer_name == "Juf Anke (intern begeleider)"
    assert (child.first_name, child.last_name, child.status, child.school_group) == (
        "Yara", "El Amrani", "wachtlijst", "groep 5")
    assert child.organisation_id == w.org_id
    family = db.get(Family, child.family_id)
    assert family.name == "Gezin El Amrani"
    guardians = db.exec(select(Guardian).where(Guardian.family_id == family.id)).all()
    assert [(g.name, g.relation, g.phone) for g in guardians] == [("Samira El Amrani", "moeder", "06-12345678")]
    assert db.get(ChildLocation, (child.id, w.loc_a)) is not None
    registered = audits(db, "aanmelding.geregistreerd")
    assert len(registered) == 1
    assert (registered[0].actor_id, registered[0].child_id, registered[0].location_id, registered[0].outcome) == (
        kw.id, child.id, w.loc_a, "toegestaan")
    assert "Thuis" not in registered[0].detail  # no free text in the audit log

    rows = intake.waitlist(kw, db, w.loc_a, today)
    assert len(rows) == 1
    row = rows[0]
    assert (row.referral_id, row.child_id, row.name, row.age) == (referral_id, child.id, "Yara El Amrani", 8)
    assert (row.referrer_kind, row.referrer_label, row.waiting_days, row.status) == ("school", "School", 10, "wachtlijst")
    assert row.received_on == today - timedelta(days=10)
    assert len(audits(db, "aanmelding.wachtlijst_gelezen", actor_id=kw.id)) == 1

    goal_ids = intake.record_intake(kw, db, referral_id, intake_payload(intake_on=(today - timedelta(days=2)).isoformat()))
    db.expire_all()
    goals = [db.get(Goal, gid) for gid in goal_ids]
    assert [g.title for g in goals] == GOALS
    assert all((g.status, g.start_date, g.location_id, g.child_id, g.created_by_id) ==
               ("actief", today - timedelta(days=2), w.loc_a, child.id, kw.id) for g in goals)
    referral = db.get(ReferralIn, referral_id)
    assert (referral.status, referral.intake_on, referral.intake_by_id) == ("intake", today - timedelta(days=2), kw.id)
    assert db.get(Child, child.id).status == "intake"
    assert [r.status for r in intake.waitlist(kw, db, w.loc_a, today)] == ["intake"]

    enrolment_id = intake.place_child(kw, db, referral_id, {"weekdays": [3, 1], "start_date": today.isoformat()})
    db.expire_all()
    enrolment = db.get(Enrolment, enrolment_id)
    assert (enrolment.child_id, enrolment.location_id, enrolment.weekdays, enrolment.start_date, enrolment.end_date) == (
        child.id, w.loc_a, "1,3", today, None)
    referral = db.get(ReferralIn, referral_id)
    assert (referral.status, referral.placed_on) == ("geplaatst", today)
    assert db.get(Child, child.id).status == "actief"
    assert intake.waitlist(kw, db, w.loc_a, today) == []

    intake.end_placement(kw, db, child.id, w.loc_a, {"reason": "Verhuisd naar Lelystad"})
    db.expire_all()
    enrolment = db.get(Enrolment, enrolment_id)
    assert (enrolment.end_date, enrolment.end_reason) == (today, "Verhuisd naar Lelystad")
    child = db.get(Child, child.id)
    assert (child.status, child.left_on, child.left_reason) == ("uitgestroomd", today, "Verhuisd naar Lelystad")
    for action in ("aanmelding.intake", "aanmelding.geplaatst", "aanmelding.uitgestroomd"):
        rows = audits(db, action, actor_id=kw.id)
        assert len(rows) == 1 and rows[0].child_id == child.id and rows[0].outcome == "toegestaan", action


def test_waitlist_is_ordered_by_received_date_and_shows_only_open_referrals(app_db):
    db, w = app_db
    kw = actor(db, w)
    today = local_today()
    late = referred(db, w, first_name="Late", received_on=(today - timedelta(days=1)).isoformat())
    early = referred(db, w, first_name="Vroeg", received_on=(today - timedelta(days=30)).isoformat())
    gone = referred(db, w, first_name="Weg", received_on=(today - timedelta(days=20)).isoformat())
    intake.register_referral(actor(db, w, "kinderwerker_b"), db, new_child(w, location_id=w.loc_b))
    intake.withdraw_referral(kw, db, gone, "Ouders hebben andere opvang gevonden")
    rows = intake.waitlist(kw, db, w.loc_a, today)
    assert [(r.referral_id, r.waiting_days) for r in rows] == [(early, 30), (late, 1)]


def test_received_on_defaults_to_today(app_db):
    db, w = app_db
    data = new_child(w)
    del data["received_on"]
    referral = db.get(ReferralIn, intake.register_referral(actor(db, w), db, data))
    assert referral.received_on == local_today()


def test_existing_child_is_referred_without_a_new_family(app_db):
    db, w = app_db
    child = known_child(db, w)
    before = counts(db)
    referral_id = intake.register_referral(actor(db, w), db, {
        "client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "child_id": child.id,
        "referrer_kind": "wijkagent", "reason": "Vaak laat alleen buiten."})
    after = counts(db)
    assert after["ReferralIn"] == before["ReferralIn"] + 1
    assert (after["Child"], after["Family"], after["Guardian"]) == (before["Child"], before["Family"], before["Guardian"])
    assert db.get(ReferralIn, referral_id).child_id == child.id
    assert db.get(Child, child.id).status == "wachtlijst"
    assert db.get(ChildLocation, (child.id, w.loc_a)) is not None


def test_child_only_known_elsewhere_cannot_be_referred_by_id(app_db):
    db, w = app_db
    child = known_child(db, w, location_id=w.loc_b)
    with pytest.raises(PermissionDenied):
        intake.register_referral(actor(db, w), db, {
            "client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "child_id": child.id,
            "referrer_kind": "ouder", "reason": "Graag een plek."})
    assert db.exec(select(ReferralIn).where(ReferralIn.child_id == child.id)).all() == []


def test_child_already_placed_or_on_the_waitlist_is_not_referred_again(app_db):
    db, w = app_db
    kw = actor(db, w)
    base = {"location_id": w.loc_a, "referrer_kind": "ouder", "reason": "Graag een plek."}
    with pytest.raises(InvalidInput) as exc:
        intake.register_referral(kw, db, {**base, "client_uuid": str(uuid.uuid4()), "child_id": w.child_a})
    assert exc.value.message == texts.FOUT_KIND_AL_GEPLAATST
    child = known_child(db, w)
    intake.register_referral(kw, db, {**base, "client_uuid": str(uuid.uuid4()), "child_id": child.id})
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        intake.register_referral(kw, db, {**base, "client_uuid": str(uuid.uuid4()), "child_id": child.id})
    assert exc.value.message == texts.FOUT_KIND_AL_AANGEMELD
    assert counts(db) == before


def test_child_of_another_organisation_is_refused(app_db):
    db, w = app_db
    stranger = Child(organisation_id=w.other_org_id, first_name="Ander", last_name="Kind",
                     date_of_birth=years_ago(8))
    db.add(stranger)
    db.commit()
    kw = actor(db, w)
    before = counts(db)
    with pytest.raises(PermissionDenied):
        intake.register_referral(kw, db, {"client_uuid": str(uuid.uuid4()), "location_id": w.loc_a,
                                          "child_id": stranger.id, "referrer_kind": "ouder", "reason": "x"})
    assert counts(db) == before
    assert len(audits(db, "aanmelding.beheren", actor_id=kw.id, outcome="geweigerd")) == 1


def test_ages_4_and_12_are_accepted(app_db):
    db, w = app_db
    four = referred(db, w, first_name="Vier", date_of_birth=years_ago(4).isoformat(),
                    received_on=local_today().isoformat())
    twelve = referred(db, w, first_name="Twaalf", date_of_birth=years_ago(13, -1).isoformat(),
                      received_on=local_today().isoformat())
    assert db.get(ReferralIn, four) and db.get(ReferralIn, twelve)


# ---- validation -------------------------------------------------------------------------------

def _future():
    return (local_today() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reason": ""}, "reason", texts.FOUT_REDEN_AANMELDING),
        ({"reason": "   "}, "reason", texts.FOUT_REDEN_AANMELDING),
        ({"reason": "x" * 2001}, "reason", texts.FOUT_TE_LANG.format(n=2000, veld="de reden van aanmelding")),
        ({"received_on": "FUTURE"}, "received_on", texts.FOUT_DATUM_TOEKOMST),
        ({"received_on": "gisteren"}, "received_on", texts.FOUT_DATUM),
        ({"referrer_kind": "buurman"}, "referrer_kind", texts.FOUT_VERWIJZER),
        ({"referrer_kind": ""}, "referrer_kind", texts.FOUT_VERWIJZER),
        ({"date_of_birth": "AGE3"}, "date_of_birth", texts.FOUT_LEEFTIJD_DAGARRANGEMENT.format(leeftijd=3)),
        ({"date_of_birth": "AGE13"}, "date_of_birth", texts.FOUT_LEEFTIJD_DAGARRANGEMENT.format(leeftijd=13)),
        ({"date_of_birth": "31-02-2018"}, "date_of_birth", texts.FOUT_GEBOORTEDATUM),
        ({"date_of_birth": ""}, "date_of_birth", texts.FOUT_GEBOORTEDATUM),
        ({"first_name": ""}, "first_name", texts.FOUT_VERPLICHT.format(veld="de voornaam")),
        ({"last_name": " "}, "last_name", texts.FOUT_VERPLICHT.format(veld="de achternaam")),
        ({"guardian_name": ""}, "guardian_name",
         texts.FOUT_VERPLICHT.format(veld="de naam van de ouder of verzorger")),
        ({"guardian_phone": "bel de buren"}, "guardian_phone", texts.FOUT_TELEFOON),
        ({"school_group": "x" * 21}, "school_group", texts.FOUT_TE_LANG.format(n=20, veld="de groep")),
        ({"client_uuid": "niet-een-uuid"}, "client_uuid", texts.FOUT_KENMERK),
        ({"location_id": ""}, "location_id", texts.FOUT_LOCATIE),
    ],
)
def test_invalid_referral_is_refused_with_a_dutch_message_and_stores_nothing(app_db, overrides, field, message):
    db, w = app_db
    if overrides.get("received_on") == "FUTURE":
        overrides = {**overrides, "received_on": _future()}
    if overrides.get("date_of_birth") == "AGE3":
        overrides = {**overrides, "date_of_birth": years_ago(4, -1).isoformat()}  # turns 4 tomorrow
    if overrides.get("date_of_birth") == "AGE13":
        overrides = {**overrides, "date_of_birth": years_ago(13, 20).isoformat()}  # 13 when referred
    data = new_child(w, **overrides)
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        intake.register_referral(actor(db, w), db, data)
    assert exc.value.fields.get(field) == message
    assert exc.value.message in exc.value.fields.values()
    assert counts(db) == before
    assert audits(db, "aanmelding.geregistreerd") == []


def test_all_field_errors_are_reported_at_once(app_db):
    db, w = app_db
    with pytest.raises(InvalidInput) as exc:
        intake.register_referral(actor(db, w), db, new_child(w, reason="", referrer_kind="x", first_name=""))
    assert {"reason", "referrer_kind", "first_name"} <= set(exc.value.fields)


def test_referral_only_to_a_huiskamer(app_db):
    db, w = app_db
    school = Location(organisation_id=w.org_id, name="OBS De Regenboog", kind="school", neighbourhood="Stedenwijk")
    db.add(school)
    db.flush()
    from kinderwerk_pwa.models import StaffLocation

    db.add(StaffLocation(staff_id=w.staff["kinderwerker"], location_id=school.id))
    db.commit()
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        referred(db, w, location_id=school.id)
    assert exc.value.message == texts.FOUT_GEEN_HUISKAMER
    assert counts(db) == before


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"goals": []}, texts.FOUT_GEEN_LEERDOELEN),
        ({"goals": None}, texts.FOUT_GEEN_LEERDOELEN),
        ({"goals": ["Vriendjes maken", "  "]}, texts.FOUT_LEERDOEL_LEEG),
        ({"goals": ["x" * 201]}, texts.FOUT_LEERDOEL_TE_LANG.format(n=200)),
        ({"goals": [f"Doel {i}" for i in range(6)]}, texts.FOUT_TE_VEEL_LEERDOELEN.format(n=5)),
        ({"intake_on": "FUTURE"}, texts.FOUT_DATUM_TOEKOMST),
        ({"intake_on": "EARLY"}, "BEFORE"),
        ({"client_uuid": ""}, texts.FOUT_KENMERK),
    ],
)
def test_invalid_intake_stores_nothing(app_db, overrides, message):
    db, w = app_db
    referral_id = referred(db, w)
    received = db.get(ReferralIn, referral_id).received_on
    if overrides.get("intake_on") == "FUTURE":
        overrides = {"intake_on": _future()}
    if overrides.get("intake_on") == "EARLY":
        overrides = {"intake_on": (received - timedelta(days=1)).isoformat()}
        message = texts.FOUT_INTAKE_VOOR_AANMELDING.format(datum=received.strftime("%d-%m-%Y"))
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        intake.record_intake(actor(db, w), db, referral_id, intake_payload(**overrides))
    assert exc.value.message == message
    assert counts(db) == before
    db.expire_all()
    referral = db.get(ReferralIn, referral_id)
    assert (referral.status, referral.intake_on) == ("wachtlijst", None)
    assert db.get(Child, referral.child_id).status == "wachtlijst"


def test_five_goals_are_accepted_and_duplicates_collapse(app_db):
    db, w = app_db
    referral_id = referred(db, w)
    ids = intake.record_intake(actor(db, w), db, referral_id, intake_payload(
        goals=["Een", "Twee", "Drie", "Vier", "Vijf", "een "]))
    assert [db.get(Goal, i).title for i in ids] == ["Een", "Twee", "Drie", "Vier", "Vijf"]


@pytest.mark.parametrize(
    ("weekdays", "message"),
    [([], texts.FOUT_GEEN_WEEKDAGEN), (None, texts.FOUT_GEEN_WEEKDAGEN), ([6], texts.FOUT_WEEKDAG),
     ([1, 7], texts.FOUT_WEEKDAG), ([0], texts.FOUT_WEEKDAG), (["ma"], texts.FOUT_WEEKDAG),
     ([True], texts.FOUT_WEEKDAG)],
)
def test_invalid_weekdays_store_nothing(app_db, weekdays, message):
    db, w = app_db
    referral_id = after_intake(db, w)
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        intake.place_child(actor(db, w), db, referral_id, {"weekdays": weekdays})
    assert exc.value.message == message
    assert exc.value.fields == {"weekdays": message}
    assert counts(db) == before
    db.expire_all()
    assert db.get(ReferralIn, referral_id).status == "intake"


def test_placement_needs_an_intake_first_and_happens_once(app_db):
    db, w = app_db
    kw = actor(db, w)
    referral_id = referred(db, w)
    with pytest.raises(InvalidInput) as exc:
        intake.place_child(kw, db, referral_id, {"weekdays": [1]})
    assert exc.value.message == texts.FOUT_EERST_INTAKE
    intake.record_intake(kw, db, referral_id, intake_payload())
    with pytest.raises(InvalidInput) as exc:
        intake.place_child(kw, db, referral_id, {"weekdays": [1], "start_date": "2000-01-01"})
    assert exc.value.fields.get("start_date", "").startswith("De startdatum ligt vóór de intake")
    first = intake.place_child(kw, db, referral_id, {"weekdays": ["2", "4"]})
    assert db.get(Enrolment, first).weekdays == "2,4"
    assert db.get(Enrolment, first).start_date == local_today()
    before = counts(db)
    with pytest.raises(InvalidInput) as exc:
        intake.place_child(kw, db, referral_id, {"weekdays": [1]})
    assert exc.value.message == texts.FOUT_KIND_AL_GEPLAATST
    assert counts(db) == before
    assert len(audits(db, "aanmelding.geplaatst")) == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [({"reason": ""}, texts.FOUT_REDEN_UITSTROOM),
     ({"reason": "Verhuisd", "end_date": "FUTURE"}, texts.FOUT_DATUM_TOEKOMST),
     ({"reason": "Verhuisd", "end_date": "2026-01-04"},
      texts.FOUT_EINDE_VOOR_START.format(datum="05-01-2026")),
     ({"reason": "x" * 201}, texts.FOUT_TE_LANG.format(n=200, veld="de reden van uitstroom"))],
)
def test_invalid_end_of_placement_changes_nothing(app_db, payload, message):
    db, w = app_db
    if payload.get("end_date") == "FUTURE":
        payload = {**payload, "end_date": _future()}
    with pytest.raises(InvalidInput) as exc:
        intake.end_placement(actor(db, w), db, w.child_a, w.loc_a, payload)
    assert exc.value.message == message
    db.expire_all()
    enrolment = db.exec(select(Enrolment).where(Enrolment.child_id == w.child_a)).one()
    assert enrolment.end_date is None
    child = db.get(Child, w.child_a)
    assert (child.status, child.left_on) == ("actief", None)
    assert audits(db, "aanmelding.uitgestroomd") == []


def test_ending_without_a_running_placement_is_refused(app_db):
    db, w = app_db
    kw = actor(db, w)
    intake.end_placement(kw, db, w.child_a, w.loc_a, {"reason": "Verhuisd"})
    with pytest.raises(InvalidInput) as exc:
        intake.end_placement(kw, db, w.child_a, w.loc_a, {"reason": "Verhuisd"})
    assert exc.value.message == texts.FOUT_GEEN_PLAATSING
    assert len(audits(db, "aanmelding.uitgestroomd")) == 1


def test_child_with_another_running_placement_stays_active(app_db):
    db, w = app_db
    db.add_all([ChildLocation(child_id=w.child_a, location_id=w.loc_b),
                Enrolment(child_id=w.child_a, location_id=w.loc_b, weekdays="2", start_date=date(2026, 2, 2))])
    db.commit()
    intake.end_placement(actor(db, w), db, w.child_a, w.loc_a,
                         {"reason": "Komt nu alleen op dinsdag bij Het Anker", "end_date": local_today().isoformat()})
    db.expire_all()
    child = db.get(Child, w.child_a)
    assert (child.status, child.left_on, child.left_reason) == ("actief", None, "")
    ended = db.exec(select(Enrolment).where(Enrolment.child_id == w.child_a, Enrolment.location_id == w.loc_a)).one()
    assert ended.end_date == local_today()


def test_withdraw_from_the_waitlist_and_after_intake(app_db):
    db, w = app_db
    kw = actor(db, w)
    waiting = referred(db, w)
    with pytest.raises(InvalidInput) as exc:
        intake.withdraw_referral(kw, db, waiting, "  ")
    assert exc.value.message == texts.FOUT_REDEN_INTREKKEN
    assert db.get(ReferralIn, waiting).status == "wachtlijst"
    intake.withdraw_referral(kw, db, waiting, "Ouders willen toch geen plek")
    db.expire_all()
    referral = db.get(ReferralIn, waiting)
    assert (referral.status, referral.closed_reason) == ("ingetrokken", "Ouders willen toch geen plek")
    assert db.get(Child, referral.child_id).status == "bekend"

    with_intake = after_intake(db, w)
    intake.withdraw_referral(kw, db, with_intake, "Verhuisd voor de start")
    db.expire_all()
    referral = db.get(ReferralIn, with_intake)
    assert referral.status == "ingetrokken"
    assert db.get(Child, referral.child_id).status == "bekend"
    goals = db.exec(select(Goal).where(Goal.child_id == referral.child_id)).all()
    assert len(goals) == 2 and {g.status for g in goals} == {"gestopt"}
    with pytest.raises(InvalidInput) as exc:
        intake.withdraw_referral(kw, db, with_intake, "nogmaals")
    assert exc.value.message == texts.FOUT_AANMELDING_GESLOTEN.format(status="ingetrokken")
    with pytest.raises(InvalidInput):
        intake.record_intake(kw, db, waiting, intake_payload())
    assert len(audits(db, "aanmelding.ingetrokken")) == 2


def test_a_child_that_left_and_comes_back_is_active_again(app_db):
    db, w = app_db
    kw = actor(db, w)
    intake.end_placement(kw, db, w.child_a, w.loc_a, {"reason": "Gestopt"})
    assert db.get(Child, w.child_a).status == "uitgestroomd"
    referral_id = intake.register_referral(kw, db, {
        "client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "child_id": w.child_a,
        "referrer_kind": "ouder", "reason": "Toch weer nodig"})
    assert db.get(Child, w.child_a).status == "wachtlijst"
    intake.record_intake(kw, db, referral_id, intake_payload())
    intake.place_child(kw, db, referral_id, {"weekdays": [5]})
    db.expire_all()
    child = db.get(Child, w.child_a)
    assert (child.status, child.left_on, child.left_reason) == ("actief", None, "")


# ---- idempotency ------------------------------------------------------------------------------

def test_same_referral_twice_stores_one(app_db):
    db, w = app_db
    kw = actor(db, w)
    data = new_child(w)
    first = intake.register_referral(kw, db, data)
    before = counts(db)
    second = intake.register_referral(kw, db, dict(data))
    assert second == first
    assert counts(db) == before
    assert len(audits(db, "aanmelding.geregistreerd")) == 1


def test_same_intake_twice_stores_one_set_of_goals(app_db):
    db, w = app_db
    kw = actor(db, w)
    referral_id = referred(db, w)
    payload = intake_payload()
    first = intake.record_intake(kw, db, referral_id, payload)
    second = intake.record_intake(kw, db, referral_id, dict(payload))
    assert first == second and len(first) == 2
    assert counts(db)["Goal"] == 2
    assert len(audits(db, "aanmelding.intake")) == 1
    # A different intake for the same aanmelding is not a replay: refused, nothing added.
    with pytest.raises(InvalidInput) as exc:
        intake.record_intake(kw, db, referral_id, intake_payload(goals=["Iets heel anders"]))
    assert exc.value.message == texts.FOUT_INTAKE_AL_GEDAAN
    assert counts(db)["Goal"] == 2


def test_replayed_referral_uuid_is_refused_for_another_location(app_db):
    db, w = app_db
    data = new_child(w)
    intake.register_referral(actor(db, w), db, data)
    kw_b = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        intake.register_referral(kw_b, db, {**data, "location_id": w.loc_b})
    assert counts(db)["ReferralIn"] == 1
    assert len(audits(db, "aanmelding.beheren", actor_id=kw_b.id, outcome="geweigerd")) == 1


# ---- permissions ------------------------------------------------------------------------------

def _call(name, db, w, who):
    """Set up what the call needs (as the kinderwerker of location A), then call it as `who`."""
    if name == "register_referral":
        return lambda: intake.register_referral(who, db, new_child(w))
    if name == "waitlist":
        referred(db, w)
        return lambda: intake.waitlist(who, db, w.loc_a, local_today())
    if name == "record_intake":
        referral_id = referred(db, w)
        return lambda: intake.record_intake(who, db, referral_id, intake_payload())
    if name == "place_child":
        referral_id = after_intake(db, w)
        return lambda: intake.place_child(who, db, referral_id, {"weekdays": [1, 3]})
    if name == "end_placement":
        return lambda: intake.end_placement(who, db, w.child_a, w.loc_a, {"reason": "Verhuisd"})
    if name == "withdraw_referral":
        referral_id = referred(db, w)
        return lambda: intake.withdraw_referral(who, db, referral_id, "Ingetrokken")
    raise AssertionError(name)


FUNCTIONS = ["register_referral", "waitlist", "record_intake", "place_child", "end_placement", "withdraw_referral"]


@pytest.mark.parametrize("who", ["kinderwerker_b", "beheerder"])
@pytest.mark.parametrize("name", FUNCTIONS)
def test_others_are_refused_and_the_refusal_is_audited(app_db, name, who):
    db, w = app_db
    call = _call(name, db, w, actor(db, w, who))
    before = counts(db)
    allowed_before = len(db.exec(select(AuditEvent).where(AuditEvent.outcome == "toegestaan")).all())
    with pytest.raises(PermissionDenied) as exc:
        call()
    assert exc.value.message == texts.GEEN_TOEGANG
    denied = audits(db, "aanmelding.beheren", actor_id=w.staff[who], outcome="geweigerd")
    assert len(denied) == 1
    assert denied[0].location_id == w.loc_a
    assert counts(db) == before
    assert len(db.exec(select(AuditEvent).where(AuditEvent.outcome == "toegestaan")).all()) == allowed_before


@pytest.mark.parametrize("who", ["aandachtsfunctionaris", "teamleider"])
def test_aandachtsfunctionaris_and_teamleider_of_the_location_may(app_db, who):
    db, w = app_db
    referral_id = intake.register_referral(actor(db, w, who), db, new_child(w))
    assert [r.referral_id for r in intake.waitlist(actor(db, w, who), db, w.loc_a)] == [referral_id]


def test_end_placement_with_a_location_the_child_does_not_belong_to_is_refused(app_db):
    db, w = app_db
    kw_b = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        intake.end_placement(kw_b, db, w.child_a, w.loc_b, {"reason": "Verhuisd"})
    assert len(audits(db, "aanmelding.beheren", actor_id=kw_b.id, outcome="geweigerd")) == 1
    assert db.get(Child, w.child_a).status == "actief"


def test_unknown_referral_is_not_found_and_audited(app_db):
    db, w = app_db
    kw = actor(db, w)
    with pytest.raises(NotFound):
        intake.record_intake(kw, db, 9999, intake_payload())
    assert len(audits(db, "aanmelding.beheren", actor_id=kw.id, outcome="geweigerd")) == 1
