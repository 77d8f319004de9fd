"""The browser can call any event handler with any argument. These tests do exactly that, with ids
of other locations, and check that the domain refuses, returns nothing, and audits the refusal."""

from __future__ import annotations

from sqlmodel import select

from kinderwerk_pwa.models import AuditEvent, Location, StaffUser
from kinderwerk_pwa.pages.beheer import BeheerState
from kinderwerk_pwa.pages.kinderen import KinderenState
from tests.handlers import login_token, state_for


def _denials(db, staff_id, action):
    db.expire_all()
    return db.exec(select(AuditEvent).where(AuditEvent.actor_id == staff_id, AuditEvent.action == action,
                                            AuditEvent.outcome == "geweigerd")).all()


def test_children_of_own_location_are_listed_and_audited(app_db):
    db, w = app_db
    state = state_for(KinderenState, login_token(db, w.staff["kinderwerker"]), "/kinderen")
    state.load()
    assert [c["name"] for c in state.children] == ["Sem Jansen"]
    db.expire_all()
    reads = db.exec(select(AuditEvent).where(AuditEvent.action == "kind.lijst",
                                             AuditEvent.actor_id == w.staff["kinderwerker"])).all()
    assert len(reads) == 1 and reads[0].outcome == "toegestaan"


def test_children_of_other_location_refused_via_handler(app_db):
    db, w = app_db
    state = state_for(KinderenState, login_token(db, w.staff["kinderwerker"]), "/kinderen")
    state.load()
    state.set_location(str(w.loc_b))  # an id the page never offered
    assert state.children == []
    assert state.error == "Je hebt geen toegang tot deze gegevens."
    assert _denials(db, w.staff["kinderwerker"], "kind.lijst") == []
    assert len(_denials(db, w.staff["kinderwerker"], "kind.lezen")) == 1


def test_beheerder_sees_no_children(app_db):
    db, w = app_db
    state = state_for(KinderenState, login_token(db, w.staff["beheerder"]), "/kinderen")
    state.load()
    assert state.children == []
    assert len(_denials(db, w.staff["beheerder"], "kind.lezen")) == 1


def test_no_session_means_nothing(app_db):
    db, w = app_db
    state = state_for(KinderenState, None, "/kinderen")
    result = state.set_location(str(w.loc_a))
    assert state.children == []
    assert result is not None  # a redirect to /login


def test_kinderwerker_cannot_create_accounts_via_handler(app_db):
    db, w = app_db
    state = state_for(BeheerState, login_token(db, w.staff["kinderwerker"]), "/beheer/medewerkers")
    state.load()
    assert state.staff == [] and state.error
    state.staff_form = "nieuw"
    state.save_staff({"name": "Indringer", "email": "indringer@test.nl", "role": "beheerder",
                      "password": "Zeer-Geheim-Wachtwoord-9", f"loc_{w.loc_a}": "on"})
    db.expire_all()
    assert db.exec(select(StaffUser).where(StaffUser.email == "indringer@test.nl")).first() is None
    assert len(_denials(db, w.staff["kinderwerker"], "locatie.beheren")) == 1  # the page load
    assert len(_denials(db, w.staff["kinderwerker"], "medewerker.beheren")) == 1  # the save


def test_beheerder_cannot_change_location_of_other_organisation(app_db):
    db, w = app_db
    foreign = Location(organisation_id=w.other_org_id, name="Elders", kind="school", neighbourhood="X")
    db.add(foreign)
    db.commit()
    state = state_for(BeheerState, login_token(db, w.staff["beheerder"]), "/beheer/locaties")
    state.load()
    state.location_form = str(foreign.id)
    state.save_location({"name": "Gekaapt", "kind": "school", "neighbourhood": "X"})
    db.expire_all()
    assert db.get(Location, foreign.id).name == "Elders"
    assert state.error


def _capture(db, actor_id, child_id):
    import uuid

    from kinderwerk_pwa.domain.signalering.signals import capture_signal
    from kinderwerk_pwa.domain.toegang.actor import load_actor

    return capture_signal(load_actor(db, actor_id), db, {
        "client_uuid": str(uuid.uuid4()), "child_id": child_id, "categories": ["verzorging"],
        "facts": "Kwam zonder jas naar de huiskamer.", "source": "zelf_gezien"}).signal_id


def test_signal_of_other_location_refused_via_handler(app_db):
    from kinderwerk_pwa.pages.meldcode import MeldcodeState
    from kinderwerk_pwa.pages.signaal_detail import SignaalDetailState

    db, w = app_db
    signal_id = _capture(db, w.staff["kinderwerker"], w.child_a)
    own = state_for(SignaalDetailState, login_token(db, w.staff["kinderwerker"]), f"/signalen/{signal_id}",
                    {"signaal_id": str(signal_id)})
    own.load()
    assert own.signal["facts"] == "Kwam zonder jas naar de huiskamer."

    other = state_for(SignaalDetailState, login_token(db, w.staff["kinderwerker_b"]), f"/signalen/{signal_id}",
                      {"signaal_id": str(signal_id)})
    other.load()
    assert other.signal == {} and other.error == "Je hebt geen toegang tot deze gegevens."
    # Also the mutating handlers: starting a track on someone else's signal.
    other.start_meldcode()
    db.expire_all()
    from kinderwerk_pwa.models import Signal

    assert db.get(Signal, signal_id).track_id is None
    assert len(_denials(db, w.staff["kinderwerker_b"], "signaal.inhoud_lezen")) == 2

    # And the meldcode page of a track there.
    own.start_meldcode()
    db.expire_all()
    track_id = db.get(Signal, signal_id).track_id
    page = state_for(MeldcodeState, login_token(db, w.staff["kinderwerker_b"]), f"/meldcode/{track_id}",
                     {"traject_id": str(track_id)})
    page.load()
    assert page.track == {} and page.error
    page.track = {"current": "2"}  # a forged page state cannot help either
    page.save({"conclusion": "x", "with_whom": "y"})
    from kinderwerk_pwa.models import MeldcodeStep

    assert db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track_id, MeldcodeStep.step_no == 2)).all() == []


def test_capture_handler_for_child_of_other_location_refused(app_db):
    from kinderwerk_pwa.models import Signal
    from kinderwerk_pwa.pages.signaal import SignaalState

    db, w = app_db
    state = state_for(SignaalState, login_token(db, w.staff["kinderwerker"]), "/signaal")
    state.load()
    assert [c["name"] for c in state.choices] == ["Sem Jansen"]  # only children of her own location
    state.choose(str(w.child_b), "Noor Bakker", str(w.loc_b))  # an id the page never offered
    state.selected = ["verzorging"]
    state.save({"facts": "Test", "source": "zelf_gezien"})
    assert state.error
    assert db.exec(select(Signal)).all() == []
