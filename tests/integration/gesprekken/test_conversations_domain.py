"""Oudergesprekken in the domain: recording (one idempotent way in), validation in Dutch with nothing
stored, need-to-know by location, completing meldcode step 3, the family view, the actor's
agreements (overdue first, due today) and closing them, the child's timeline, and an audit log that
never holds the note text."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import AMSTERDAM, local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.dossier.timeline import child_timeline
from kinderwerk_pwa.domain.gesprekken import conversations as conv
from kinderwerk_pwa.domain.signalering import meldcode as mc
from kinderwerk_pwa.domain.signalering import signals as sig
from kinderwerk_pwa.models import (
    Agreement,
    AuditEvent,
    Child,
    ChildLocation,
    ConversationChild,
    ConversationGuardian,
    Family,
    Goal,
    Guardian,
    MeldcodeStep,
    ParentConversation,
    utcnow,
)
from tests.world import (
    actor,
    add_colleague,
    audits,
    capture_signal,
    meldcode_step,
    start_track,
    track_of,
)

FACTS = "Moeder vertelde dat Sem 's nachts slecht slaapt sinds de verhuizing en 's ochtends niet wil eten."
INTERPRETATION = "Mijn indruk: moeder is erg moe en staat er alleen voor."
AGREEMENT_1 = "Moeder belt de huisarts over het slapen van Sem."
AGREEMENT_2 = "Kinderwerker vraagt de intern begeleider hoe het op school gaat."
SIGNAL_FACTS = "Sem vertelde dat hij 's avonds vaak alleen thuis is en dan geen eten heeft."


# ---- helpers ---------------------------------------------------------------------------------

def petra(db, world) -> int:
    return db.exec(select(Guardian.id).where(Guardian.family_id == world.family_a)).first()


def other_family(db, world):
    """Gezin De Vries at location A: one guardian and one child. Returns (family, guardian, child) ids."""
    family = Family(organisation_id=world.org_id, name="Gezin De Vries")
    db.add(family)
    db.flush()
    guardian = Guardian(family_id=family.id, name="Jan de Vries", relation="vader")
    child = Child(organisation_id=world.org_id, family_id=family.id, first_name="Lisa", last_name="de Vries",
                  date_of_birth=date(2018, 2, 1), status="actief")
    db.add_all([guardian, child])
    db.flush()
    db.add(ChildLocation(child_id=child.id, location_id=world.loc_a))
    db.commit()
    return family.id, guardian.id, child.id


def add_sibling(db, world, locations) -> int:
    """Mila Jansen, Sem's sister, known at the given locations."""
    child = Child(organisation_id=world.org_id, family_id=world.family_a, first_name="Mila", last_name="Jansen",
                  date_of_birth=date(2019, 8, 20), status="bekend")
    db.add(child)
    db.flush()
    for location in locations:
        db.add(ChildLocation(child_id=child.id, location_id=location))
    db.commit()
    return child.id


def payload(db, world, **extra) -> dict:
    data = {
        "client_uuid": str(uuid.uuid4()), "family_id": world.family_a, "location_id": world.loc_a,
        "guardian_ids": [petra(db, world)], "child_ids": [world.child_a], "kind": "zorg",
        "held_at": (utcnow() - timedelta(hours=1)).isoformat(), "place": "Huiskamer, kantoortje",
        "topics": ["slapen", "eten"], "facts": FACTS, "interpretation": INTERPRETATION,
        "discussed_with_parent": True,
    }
    data.update(extra)
    return data


def agreement(description, owner_kind, due, **extra) -> dict:
    data = {"client_uuid": str(uuid.uuid4()), "description": description, "owner_kind": owner_kind,
            "due_date": due.isoformat() if isinstance(due, date) else due}
    data.update(extra)
    return data


def record(db, world, key="kinderwerker", **extra) -> conv.ConversationResult:
    return conv.record_conversation(actor(db, world, key), db, payload(db, world, **extra))


def counts(db) -> tuple[int, int, int, int]:
    db.expire_all()
    return tuple(db.exec(select(func.count()).select_from(model)).one()
                 for model in (ParentConversation, ConversationChild, ConversationGuardian, Agreement))


def track_at_step_3(db, world, key="kinderwerker") -> int:
    """A meldcode track about Sem, opened by `key`, with step 2 done: step 3 is next."""
    signal_id = capture_signal(db, world, key, categories=["thuissituatie"], facts=SIGNAL_FACTS,
                               source="kind_vertelde")
    track_id = start_track(db, world, signal_id, key)
    meldcode_step(db, world, key, track_id, 2, conclusion="Besproken met de aandachtsfunctionaris.",
                  with_whom="Test aandachtsfunctionaris")
    return track_id


# ---- recording ------------------------------------------------------------------------------

def test_a_conversation_with_two_agreements(app_db):
    db, w = app_db
    kw = actor(db, w)
    today = local_today()
    result = record(db, w, agreements=[
        agreement(AGREEMENT_1, "ouder", today + timedelta(days=7)),
        agreement(AGREEMENT_2, "kinderwerker", today + timedelta(days=14)),
    ])
    assert result.created is True and result.meldcode_step_recorded is False
    db.expire_all()
    c = db.get(ParentConversation, result.conversation_id)
    assert (c.family_id, c.location_id, c.author_id, c.kind, c.organisation_id) == (
        w.family_a, w.loc_a, kw.id, "zorg", w.org_id)
    assert (c.facts, c.interpretation, c.topics, c.place) == (FACTS, INTERPRETATION, "slapen, eten",
                                                              "Huiskamer, kantoortje")
    assert c.discussed_with_parent is True and c.not_discussed_reason == "" and c.track_id is None
    assert counts(db) == (1, 1, 1, 2)
    agreements = db.exec(select(Agreement).order_by(Agreement.due_date)).all()
    assert [(a.description, a.owner_kind, a.owner_name, a.owner_staff_id, a.status) for a in agreements] == [
        (AGREEMENT_1, "ouder", "Petra Jansen", None, "open"),  # the parent's name by default
        (AGREEMENT_2, "kinderwerker", "Test kinderwerker", kw.id, "open"),  # the actor by default
    ]
    [row] = audits(db, "gesprek.vastgelegd")
    assert (row.actor_id, row.outcome, row.object_id, row.child_id, row.location_id) == (
        kw.id, "toegestaan", str(c.id), w.child_a, w.loc_a)
    assert "afspraken=2" in row.detail and "soort=zorg" in row.detail

    view = conv.family_view(kw, db, w.family_a)
    assert view.name == "Gezin Jansen" and view.can_record is True and view.hidden_conversations == 0
    assert [(ch.name, ch.can_open) for ch in view.children] == [("Sem Jansen", True)]
    assert [(g.name, g.relation, g.phone) for g in view.guardians] == [("Petra Jansen", "moeder", "06-11112222")]
    [cv] = view.conversations
    assert (cv.kind_label, cv.author_name, cv.topics, cv.facts) == (
        "Zorggesprek", "Test kinderwerker", ["slapen", "eten"], FACTS)
    assert cv.interpretation_label == "Interpretatie van Test kinderwerker"
    assert cv.child_names == ["Sem Jansen"] and cv.guardian_names == ["Petra Jansen"]
    assert [a.owner_label for a in cv.agreements] == ["Ouder: Petra Jansen", "Jij"]
    assert [a.description for a in view.agreements] == [AGREEMENT_1, AGREEMENT_2]
    assert all(a.can_change and not a.overdue and a.status_label == "Open" for a in view.agreements)
    assert len(audits(db, "gezin.gelezen", actor_id=kw.id)) == 1


def test_same_client_uuid_twice_is_stored_once(app_db):
    db, w = app_db
    data = payload(db, w, agreements=[agreement(AGREEMENT_1, "ouder", local_today() + timedelta(days=3))])
    first = conv.record_conversation(actor(db, w), db, dict(data))
    second = conv.record_conversation(actor(db, w), db, dict(data))
    assert first.created is True and second.created is False
    assert first.conversation_id == second.conversation_id
    assert counts(db) == (1, 1, 1, 1)
    assert len(audits(db, "gesprek.vastgelegd")) == 1
    # Someone else replaying that id learns nothing and changes nothing.
    with pytest.raises(PermissionDenied):
        conv.record_conversation(actor(db, w, "aandachtsfunctionaris"), db, dict(data))
    assert counts(db) == (1, 1, 1, 1)
    assert len(audits(db, "gesprek.vastleggen", outcome="geweigerd")) == 1


def test_agreements_without_their_own_id_stay_one_on_replay(app_db):
    db, w = app_db
    items = [{"description": AGREEMENT_1, "owner_kind": "ouder", "due_date": local_today().isoformat()}]
    data = payload(db, w, agreements=items)
    conv.record_conversation(actor(db, w), db, dict(data))
    conv.record_conversation(actor(db, w), db, dict(data))
    assert counts(db) == (1, 1, 1, 1)


def test_the_location_defaults_to_one_shared_with_the_children(app_db):
    db, w = app_db
    result = record(db, w, location_id=None, topics="slapen, eten,  slapen")
    c = db.get(ParentConversation, result.conversation_id)
    assert c.location_id == w.loc_a and c.topics == "slapen, eten"


def test_not_discussed_with_a_reason_is_kept(app_db):
    db, w = app_db
    result = record(db, w, discussed_with_parent="nee",
                    not_discussed_reason="Eerst overleg met de aandachtsfunctionaris (meldcode).")
    c = db.get(ParentConversation, result.conversation_id)
    assert c.discussed_with_parent is False
    assert c.not_discussed_reason == "Eerst overleg met de aandachtsfunctionaris (meldcode)."


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"facts": "   "}, "facts", texts.FOUT_GESPREK_FEITEN_LEEG),
    ({"facts": "x" * 4001}, "facts", texts.FOUT_FEITEN_TE_LANG.format(n=4000)),
    ({"interpretation": "x" * 2001}, "interpretation", texts.FOUT_INTERPRETATIE_TE_LANG.format(n=2000)),
    ({"held_at": "FUTURE"}, "held_at", texts.FOUT_TOEKOMST),
    ({"held_at": "2026-03-02T10:00"}, "held_at", texts.FOUT_TIJD_ONGELDIG),  # naive: whose clock?
    ({"held_at": "gisteren"}, "held_at", texts.FOUT_TIJD_ONGELDIG),
    ({"discussed_with_parent": False}, "not_discussed_reason", texts.FOUT_GESPREK_NIET_BESPROKEN_REDEN),
    ({"kind": "praatje"}, "kind", texts.FOUT_GESPREK_SOORT),
    ({"child_ids": []}, "child_ids", texts.FOUT_GESPREK_GEEN_KIND),
    ({"guardian_ids": []}, "guardian_ids", texts.FOUT_GESPREK_GEEN_OUDER),
    ({"place": "x" * 201}, "place", texts.FOUT_TE_LANG.format(n=200, veld="de plaats")),
    ({"topics": [f"{i}" + "x" * 49 for i in range(9)]}, "topics", texts.FOUT_TE_LANG.format(n=400, veld="de onderwerpen")),
    ({"client_uuid": "geen-uuid"}, "client_uuid", texts.FOUT_KENMERK),
])
def test_invalid_input_is_refused_in_dutch_and_nothing_is_stored(app_db, change, field, message):
    db, w = app_db
    if change.get("held_at") == "FUTURE":
        change = {"held_at": (utcnow() + timedelta(minutes=30)).isoformat()}
    with pytest.raises(InvalidInput) as exc:
        record(db, w, **change)
    assert exc.value.fields.get(field) == message
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    assert audits(db, "gesprek.vastgelegd") == []


def test_a_few_minutes_of_clock_drift_is_accepted(app_db):
    db, w = app_db
    result = record(db, w, held_at=(utcnow() + timedelta(minutes=3)).isoformat())
    assert result.created


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"description": " "}, "description", texts.FOUT_AFSPRAAK_OMSCHRIJVING),
    ({"description": "x" * 501}, "description", texts.FOUT_TE_LANG.format(n=500, veld="de afspraak")),
    ({"owner_kind": "buurvrouw"}, "owner_kind", texts.FOUT_AFSPRAAK_EIGENAAR),
    ({"owner_kind": "partner"}, "owner_name", texts.FOUT_AFSPRAAK_PARTNER_NAAM),
    ({"due_date": ""}, "due_date", texts.FOUT_AFSPRAAK_DATUM),
    ({"due_date": "volgende week"}, "due_date", texts.FOUT_DATUM),
    ({"due_date": "2020-01-01"}, "due_date", texts.FOUT_AFSPRAAK_DATUM_VOOR_GESPREK),
    ({"owner_kind": "kinderwerker", "owner_staff_id": 99999}, "owner_staff_id", texts.FOUT_AFSPRAAK_MEDEWERKER),
])
def test_invalid_agreements_are_refused_and_nothing_is_stored(app_db, change, field, message):
    db, w = app_db
    good = agreement(AGREEMENT_1, "ouder", local_today() + timedelta(days=7))
    bad = agreement(AGREEMENT_2, "ouder", local_today() + timedelta(days=7))
    bad.update(change)
    with pytest.raises(InvalidInput) as exc:
        record(db, w, agreements=[good, bad])
    assert exc.value.fields.get(f"agreements.1.{field}") == message
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)


def test_an_agreement_owned_by_the_beheerder_is_refused(app_db):
    db, w = app_db
    with pytest.raises(InvalidInput) as exc:
        record(db, w, agreements=[agreement(AGREEMENT_2, "kinderwerker", local_today(),
                                            owner_staff_id=w.staff["beheerder"])])
    assert exc.value.fields == {"agreements.0.owner_staff_id": texts.FOUT_AFSPRAAK_MEDEWERKER}


def test_a_guardian_of_another_family_is_refused_and_audited(app_db):
    db, w = app_db
    _, jan, _ = other_family(db, w)
    with pytest.raises(InvalidInput) as exc:
        record(db, w, guardian_ids=[petra(db, w), jan])
    assert exc.value.message == texts.FOUT_GESPREK_OUDER_ANDER_GEZIN
    assert exc.value.fields == {"guardian_ids": texts.FOUT_GESPREK_OUDER_ANDER_GEZIN}
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    [denied] = audits(db, "gesprek.vastleggen", outcome="geweigerd")
    assert denied.actor_id == w.staff["kinderwerker"] and denied.detail == "ouder_niet_van_gezin"


def test_a_child_of_another_family_is_refused_and_audited(app_db):
    db, w = app_db
    _, _, lisa = other_family(db, w)
    for child_ids in ([w.child_a, lisa], [w.child_b]):  # Noor has no family at all
        with pytest.raises(InvalidInput) as exc:
            record(db, w, child_ids=child_ids)
        assert exc.value.message == texts.FOUT_GESPREK_KIND_ANDER_GEZIN
        db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    denied = audits(db, "gesprek.vastleggen", outcome="geweigerd")
    assert [d.detail for d in denied] == ["kind_niet_van_gezin", "kind_niet_van_gezin"]


def test_a_kinderwerker_of_the_other_location_is_refused_and_audited(app_db):
    db, w = app_db
    kb = actor(db, w, "kinderwerker_b")
    # Filing it under location A (not hers), under her own location B (which does not know Sem),
    # or letting the location be chosen (she shares none with Sem): all refused, all audited.
    with pytest.raises(PermissionDenied):
        record(db, w, "kinderwerker_b", location_id=w.loc_a)
    with pytest.raises(InvalidInput) as exc:
        record(db, w, "kinderwerker_b", location_id=w.loc_b)
    assert exc.value.message == texts.FOUT_GESPREK_LOCATIE
    with pytest.raises(PermissionDenied):
        record(db, w, "kinderwerker_b", location_id=None)
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    denied = audits(db, "gesprek.vastleggen", actor_id=kb.id, outcome="geweigerd")
    assert len(denied) == 3
    # Nor may she read the family.
    with pytest.raises(PermissionDenied):
        conv.family_view(kb, db, w.family_a)
    assert len(audits(db, "gesprek.lezen", actor_id=kb.id, outcome="geweigerd")) == 1


def test_the_beheerder_records_and_reads_no_conversations(app_db):
    db, w = app_db
    with pytest.raises(PermissionDenied):
        record(db, w, "beheerder")
    record(db, w)
    with pytest.raises(PermissionDenied):
        conv.family_view(actor(db, w, "beheerder"), db, w.family_a)
    assert conv.my_agreements(actor(db, w, "beheerder"), db) == []


def test_an_unknown_family_is_not_found(app_db):
    db, w = app_db
    with pytest.raises(NotFound):
        conv.family_view(actor(db, w), db, 99999)
    with pytest.raises(PermissionDenied):
        record(db, w, family_id=99999)


def test_goals_it_evaluates_must_be_the_childrens(app_db):
    db, w = app_db
    _, _, lisa = other_family(db, w)
    own = Goal(child_id=w.child_a, location_id=w.loc_a, title="Samen spelen", start_date=date(2026, 1, 5),
               created_by_id=w.staff["kinderwerker"])
    other = Goal(child_id=lisa, location_id=w.loc_a, title="Op je beurt wachten", start_date=date(2026, 1, 5),
                 created_by_id=w.staff["kinderwerker"])
    db.add_all([own, other])
    db.commit()
    with pytest.raises(InvalidInput) as exc:
        record(db, w, kind="evaluatie", goal_ids=[own.id, other.id])
    assert exc.value.message == texts.FOUT_GESPREK_LEERDOEL
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    result = record(db, w, kind="evaluatie", goal_ids=[own.id])
    assert result.created
    assert "leerdoelen=1" in audits(db, "gesprek.vastgelegd")[0].detail


# ---- meldcode step 3 ------------------------------------------------------------------------

def test_a_conversation_completes_meldcode_step_3_and_joins_the_timeline(app_db):
    db, w = app_db
    kw = actor(db, w)
    track_id = track_at_step_3(db, w)
    assert track_of(db, track_id).current_step == 3
    data = payload(db, w, track_id=track_id,
                   agreements=[agreement(AGREEMENT_1, "ouder", local_today() + timedelta(days=7))])
    result = conv.record_conversation(kw, db, dict(data))
    assert result.created and result.meldcode_step_recorded
    track = track_of(db, track_id)
    assert track.current_step == 4 and track.status == "open"
    [step3] = db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track_id, MeldcodeStep.step_no == 3)).all()
    assert (step3.status, step3.by_id, step3.with_whom, step3.conclusion) == (
        "gedaan", kw.id, "Petra Jansen", texts.GESPREK_STAP3_CONCLUSIE)
    assert FACTS not in step3.conclusion
    assert db.get(ParentConversation, result.conversation_id).track_id == track_id
    assert len(audits(db, "meldcode.stap3", actor_id=kw.id, outcome="toegestaan")) == 1
    assert "stap3=1" in audits(db, "gesprek.vastgelegd")[0].detail

    # A replay neither stores the conversation again nor records step 3 twice.
    again = conv.record_conversation(kw, db, dict(data))
    assert again == conv.ConversationResult(result.conversation_id, created=False)
    assert db.exec(select(func.count()).select_from(MeldcodeStep).where(
        MeldcodeStep.track_id == track_id, MeldcodeStep.step_no == 3)).one() == 1
    assert counts(db) == (1, 1, 1, 1)

    items = child_timeline(kw, db, w.child_a)
    [talk] = [i for i in items if i.kind == "gesprek"]
    assert talk.title == "Oudergesprek: Zorggesprek"
    assert talk.body.startswith(FACTS)
    assert f"Interpretatie van Test kinderwerker: {INTERPRETATION}" in talk.body
    assert talk.link == f"/gezin/{w.family_a}"
    assert any(i.kind == "meldcode_stap" and i.title.startswith("Meldcode stap 3") for i in items)


def test_a_colleague_who_may_not_do_step_3_is_refused_and_nothing_is_stored(app_db):
    db, w = app_db
    track_id = track_at_step_3(db, w)  # opened by the kinderwerker: step 3 is hers (or the af's)
    colleague = add_colleague(db, w)
    with pytest.raises(InvalidInput) as exc:
        conv.record_conversation(colleague, db, payload(db, w, track_id=track_id))
    assert exc.value.message == texts.FOUT_GESPREK_STAP3_NIET_TOEGESTAAN
    db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    assert track_of(db, track_id).current_step == 3
    assert len(audits(db, "meldcode.stap3", actor_id=colleague.id, outcome="geweigerd")) == 1
    # Without the link she can record it; the aandachtsfunctionaris may link it and do step 3.
    assert conv.record_conversation(colleague, db, payload(db, w)).created
    result = conv.record_conversation(actor(db, w, "aandachtsfunctionaris"), db, payload(db, w, track_id=track_id))
    assert result.meldcode_step_recorded and track_of(db, track_id).current_step == 4


def test_a_track_not_yet_at_step_3_or_of_another_child_cannot_be_linked(app_db):
    db, w = app_db
    kw = actor(db, w)
    signal_id = sig.capture_signal(kw, db, {
        "client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "categories": ["thuissituatie"],
        "facts": SIGNAL_FACTS, "source": "kind_vertelde"}).signal_id
    track_id = mc.start_track(kw, db, signal_id, {"client_uuid": str(uuid.uuid4())})  # at step 2
    for bad in (track_id, 99999):
        with pytest.raises(InvalidInput) as exc:
            record(db, w, track_id=bad)
        assert exc.value.message == texts.FOUT_GESPREK_TRAJECT
        db.rollback()
    assert counts(db) == (0, 0, 0, 0)
    assert track_of(db, track_id).current_step == 2


def test_a_track_past_step_3_is_only_linked(app_db):
    db, w = app_db
    track_id = track_at_step_3(db, w)
    mc.record_step(actor(db, w), db, track_id, {"client_uuid": str(uuid.uuid4()), "step_no": 3, "skip": True,
                                                "skip_reason": "Eerst advies van Veilig Thuis."})
    result = record(db, w, track_id=track_id)
    assert result.created and not result.meldcode_step_recorded
    assert track_of(db, track_id).current_step == 4
    assert db.get(ParentConversation, result.conversation_id).track_id == track_id


def test_the_form_options_offer_locations_tracks_and_goals(app_db):
    db, w = app_db
    track_id = track_at_step_3(db, w)
    goal = Goal(child_id=w.child_a, location_id=w.loc_a, title="Samen spelen", start_date=date(2026, 1, 5),
                created_by_id=w.staff["kinderwerker"])
    db.add(goal)
    db.commit()
    options = conv.conversation_options(actor(db, w), db, w.family_a)
    assert [c.label for c in options.children] == ["Sem Jansen"]
    assert [c.label for c in options.guardians] == ["Petra Jansen (moeder)"]
    assert [c.id for c in options.locations] == [w.loc_a]
    assert [(t.id, t.completes_step3, t.allowed) for t in options.tracks] == [(track_id, True, True)]
    assert [g.label for g in options.goals] == ["Sem Jansen: Samen spelen"]
    assert options.kinds[0] == ("intake", "Intakegesprek")
    colleague = add_colleague(db, w)
    assert [(t.id, t.allowed) for t in conv.conversation_options(colleague, db, w.family_a).tracks] == [
        (track_id, False)]
    with pytest.raises(PermissionDenied):
        conv.conversation_options(actor(db, w, "kinderwerker_b"), db, w.family_a)
    found = conv.find_families(actor(db, w), db, "sem")
    assert [(f.id, f.name, f.child_names) for f in found] == [(w.family_a, "Gezin Jansen", "Sem Jansen")]
    assert conv.find_families(actor(db, w, "kinderwerker_b"), db, "jansen") == []
    assert conv.family_of_child(actor(db, w), db, w.child_a) == w.family_a


# ---- need-to-know between locations ----------------------------------------------------------

def test_conversations_at_another_location_stay_hidden(app_db):
    db, w = app_db
    mila = add_sibling(db, w, [w.loc_a, w.loc_b])
    kw, kb = actor(db, w), actor(db, w, "kinderwerker_b")
    mine = conv.record_conversation(kw, db, payload(db, w, child_ids=[w.child_a, mila])).conversation_id
    hers = conv.record_conversation(kb, db, payload(db, w, location_id=w.loc_b, child_ids=[mila],
                                                    facts="Gesprek bij Het Anker over Mila.")).conversation_id
    view_a = conv.family_view(kw, db, w.family_a)
    assert [c.id for c in view_a.conversations] == [mine] and view_a.hidden_conversations == 1
    assert [(ch.name, ch.can_open) for ch in view_a.children] == [("Sem Jansen", True), ("Mila Jansen", True)]
    view_b = conv.family_view(kb, db, w.family_a)
    assert [c.id for c in view_b.conversations] == [hers] and view_b.hidden_conversations == 1
    assert [(ch.name, ch.can_open) for ch in view_b.children] == [("Sem Jansen", False), ("Mila Jansen", True)]
    # Mila's timeline shows each of them only the conversation of their own location.
    assert [i.body for i in child_timeline(kb, db, mila) if i.kind == "gesprek"] == ["Gesprek bij Het Anker over Mila."
                                                                                      "\nInterpretatie van Test "
                                                                                      f"kinderwerker_b: {INTERPRETATION}"]
    assert [i.body.split("\n")[0] for i in child_timeline(kw, db, mila) if i.kind == "gesprek"] == [FACTS]


# ---- agreements -----------------------------------------------------------------------------

def test_my_agreements_overdue_first_due_today_and_closing(app_db):
    db, w = app_db
    kw, colleague = actor(db, w), add_colleague(db, w)
    today = local_today()
    held = datetime.combine(today - timedelta(days=20), datetime.min.time(), AMSTERDAM).replace(hour=15)
    record(db, w, held_at=held.isoformat(), agreements=[
        agreement("Partner plant een huisbezoek.", "partner", today + timedelta(days=10), owner_name="Wijkteam"),
        agreement("Moeder meldt Sem aan bij de sportclub.", "ouder", today),
        agreement("Kinderwerker belt de school.", "kinderwerker", today - timedelta(days=5)),
        agreement("Collega zoekt een bijlesplek.", "kinderwerker", today - timedelta(days=9),
                  owner_staff_id=colleague.id),
    ])
    rows = conv.my_agreements(kw, db, today)
    assert [(r.description, r.overdue, r.owner_label) for r in rows] == [
        ("Kinderwerker belt de school.", True, "Jij"),
        ("Moeder meldt Sem aan bij de sportclub.", False, "Ouder: Petra Jansen"),
        ("Partner plant een huisbezoek.", False, "Ketenpartner: Wijkteam"),
    ]
    assert {(r.family_id, r.family_name, r.child_names) for r in rows} == {(w.family_a, "Gezin Jansen", "Sem Jansen")}
    assert len(audits(db, "afspraak.lijst", actor_id=kw.id)) == 1
    due = conv.due_agreements_today(kw, db, today)
    assert [r.description for r in due] == ["Kinderwerker belt de school.", "Moeder meldt Sem aan bij de sportclub."]
    # The colleague sees her own agreement first, and the parent's and partner's of her location.
    assert [r.description for r in conv.my_agreements(colleague, db, today)] == [
        "Collega zoekt een bijlesplek.", "Moeder meldt Sem aan bij de sportclub.", "Partner plant een huisbezoek."]
    # Nothing for the other location.
    assert conv.my_agreements(actor(db, w, "kinderwerker_b"), db, today) == []

    overdue = rows[0]
    conv.set_agreement_status(kw, db, overdue.id, "gedaan")
    db.expire_all()
    done = db.get(Agreement, overdue.id)
    assert done.status == "gedaan" and done.done_by_id == kw.id and done.done_at is not None
    assert overdue.id not in [r.id for r in conv.my_agreements(kw, db, today)]
    assert overdue.id not in [r.id for r in conv.due_agreements_today(kw, db, today)]
    [row] = audits(db, "afspraak.status", actor_id=kw.id)
    assert row.object_id == str(overdue.id) and row.detail.endswith("status=gedaan")
    # Twice is once; back to open clears who did it.
    conv.set_agreement_status(kw, db, overdue.id, "gedaan")
    assert len(audits(db, "afspraak.status")) == 1
    conv.set_agreement_status(kw, db, overdue.id, "open")
    db.expire_all()
    reopened = db.get(Agreement, overdue.id)
    assert (reopened.status, reopened.done_at, reopened.done_by_id) == ("open", None, None)
    conv.set_agreement_status(kw, db, rows[2].id, "vervallen")
    assert [r.description for r in conv.my_agreements(kw, db, today)] == [
        "Kinderwerker belt de school.", "Moeder meldt Sem aan bij de sportclub."]

    with pytest.raises(InvalidInput) as exc:
        conv.set_agreement_status(kw, db, overdue.id, "misschien")
    assert exc.value.message == texts.FOUT_AFSPRAAK_STATUS
    with pytest.raises(PermissionDenied):
        conv.set_agreement_status(actor(db, w, "kinderwerker_b"), db, overdue.id, "gedaan")
    with pytest.raises(NotFound):
        conv.set_agreement_status(kw, db, 99999, "gedaan")
    family = conv.family_view(kw, db, w.family_a)
    assert [(a.description, a.status, a.overdue) for a in family.agreements] == [
        ("Collega zoekt een bijlesplek.", "open", True), ("Kinderwerker belt de school.", "open", True),
        ("Moeder meldt Sem aan bij de sportclub.", "open", False), ("Partner plant een huisbezoek.", "vervallen", False)]


def test_no_list_no_audit_row(app_db):
    db, w = app_db
    assert conv.my_agreements(actor(db, w), db) == []
    assert audits(db, "afspraak.lijst") == []


# ---- the audit log never holds the note -----------------------------------------------------

def test_audit_rows_never_contain_the_note_text(app_db):
    db, w = app_db
    kw = actor(db, w)
    track_id = track_at_step_3(db, w)
    result = record(db, w, track_id=track_id, agreements=[
        agreement(AGREEMENT_1, "ouder", local_today() + timedelta(days=7)),
        agreement(AGREEMENT_2, "kinderwerker", local_today() + timedelta(days=7))])
    with pytest.raises(InvalidInput):
        record(db, w, guardian_ids=[99999])
    conv.family_view(kw, db, w.family_a)
    rows = conv.my_agreements(kw, db)
    conv.set_agreement_status(kw, db, rows[0].id, "gedaan")
    child_timeline(kw, db, w.child_a)
    db.expire_all()
    events = db.exec(select(AuditEvent)).all()
    assert {"gesprek.vastgelegd", "meldcode.stap3", "gezin.gelezen", "afspraak.lijst", "afspraak.status",
            "kind.tijdlijn", "gesprek.vastleggen"} <= {e.action for e in events}
    for event in events:
        text = " ".join([event.detail, event.object_id, event.action])
        for secret in (FACTS, INTERPRETATION, AGREEMENT_1, AGREEMENT_2, "slaapt", "huisarts"):
            assert secret not in text, (event.action, event.detail)
    assert result.created
