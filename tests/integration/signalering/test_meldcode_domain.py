"""The meldcode track in the domain: starting from a signal, the five steps in order with who may do
which step, skipping with a reason, the afwegingskader deciding step 5, idempotency, joining signals,
and what the child's timeline shows to whom."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.dossier.timeline import child_timeline
from kinderwerk_pwa.domain.signalering import meldcode as mc
from kinderwerk_pwa.domain.signalering import signals as sig
from kinderwerk_pwa.models import (
    MeldcodeStep,
    MeldcodeTrack,
    Signal,
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

FACTS = "Sem vertelde dat papa gisteren heel hard had geschreeuwd en met een stoel had gegooid."
INTERPRETATION = "Ik maak me zorgen over de veiligheid thuis."
STEP2_CONCLUSION = "Besproken met de aandachtsfunctionaris: zorgen gedeeld, gesprek met moeder plannen."
VT_ADVICE = "Veilig Thuis adviseert eerst met moeder te praten."


# ---- helpers ---------------------------------------------------------------------------------

def capture(db, world, key="kinderwerker", **extra) -> int:
    data = {"categories": ["thuissituatie"], "facts": FACTS, "interpretation": INTERPRETATION,
            "source": "kind_vertelde"}
    data.update(extra)
    return capture_signal(db, world, key, **data)


def steps_of(db, track_id) -> list[MeldcodeStep]:
    db.expire_all()
    return db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track_id)
                   .order_by(MeldcodeStep.step_no, MeldcodeStep.id)).all()


def refused(db, world, key, track_id, step_no, message, **payload):
    """The step is refused with this message and nothing about the track changes."""
    before = track_of(db, track_id)
    snapshot = (before.status, before.current_step, before.due_date, before.decision_report, before.decision_help)
    count = len(steps_of(db, track_id))
    with pytest.raises(InvalidInput) as exc:
        meldcode_step(db, world, key, track_id, step_no, **payload)
    assert exc.value.message == message
    db.rollback()  # what a request does with its session after an error
    after = track_of(db, track_id)
    assert (after.status, after.current_step, after.due_date, after.decision_report, after.decision_help) == snapshot
    assert len(steps_of(db, track_id)) == count


def through_step_3(db, world, track_id, key="kinderwerker"):
    meldcode_step(db, world, key, track_id, 2, conclusion=STEP2_CONCLUSION,
                  with_whom="Test aandachtsfunctionaris")
    meldcode_step(db, world, key, track_id, 3, conclusion="Gesprek met moeder gevoerd.", with_whom="moeder")


# ---- one complete track ----------------------------------------------------------------------

def test_one_complete_track_to_a_report(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    af = actor(db, w, "aandachtsfunctionaris")
    signal_id = capture(db, w)

    # Start: step 1 is recorded by the signal, the track waits for step 2, owner is the af.
    track_id = start_track(db, w, signal_id)
    track = track_of(db, track_id)
    assert track.status == "open"
    assert track.current_step == 2
    assert track.owner_id == af.id
    assert track.opened_by_id == kw.id
    assert track.child_id == w.child_a and track.location_id == w.loc_a
    assert track.due_date == local_today() + timedelta(days=14)
    assert db.get(Signal, signal_id).track_id == track_id
    [first] = steps_of(db, track_id)
    assert (first.step_no, first.status, first.by_id) == (1, "gedaan", kw.id)
    assert len(audits(db, "meldcode.gestart", actor_id=kw.id)) == 1

    # Out of order, or skipping step 1, is refused.
    refused(db, w, "kinderwerker", track_id, 3, texts.FOUT_STAP_VOLGORDE.format(n=2), conclusion="Te vroeg.")
    refused(db, w, "kinderwerker", track_id, 1, texts.FOUT_STAP_VOLGORDE.format(n=2), skip=True,
            skip_reason="Niet nodig.")
    refused(db, w, "kinderwerker", track_id, 2, texts.FOUT_CONCLUSIE_NODIG, conclusion="  ")

    # Step 2 by the kinderwerker who opened the track.
    s2 = meldcode_step(db, w, "kinderwerker", track_id, 2, conclusion=STEP2_CONCLUSION,
                       with_whom="Test aandachtsfunctionaris", veilig_thuis_advice=VT_ADVICE)
    assert (s2.step_no, s2.status, s2.by_id, s2.conclusion, s2.with_whom, s2.veilig_thuis_advice) == (
        2, "gedaan", kw.id, STEP2_CONCLUSION, "Test aandachtsfunctionaris", VT_ADVICE)
    assert track_of(db, track_id).current_step == 3

    # Step 3: skipping needs a reason; with one it is allowed.
    refused(db, w, "kinderwerker", track_id, 3, texts.FOUT_REDEN_NODIG, skip=True, skip_reason="  ")
    s3 = meldcode_step(db, w, "kinderwerker", track_id, 3, skip=True,
                       skip_reason="Een gesprek met vader brengt Sem in gevaar.")
    assert (s3.status, s3.skip_reason) == ("overgeslagen", "Een gesprek met vader brengt Sem in gevaar.")
    assert track_of(db, track_id).current_step == 4

    # Step 4 is not the kinderwerker's: refused and audited.
    refused(db, w, "kinderwerker", track_id, 4, texts.FOUT_STAP_ROL, answers=[True, True])
    denied = audits(db, "meldcode.stap4", actor_id=kw.id, outcome="geweigerd")
    assert len(denied) == 1 and denied[0].object_id == str(track_id)
    # Step 4 cannot be skipped, and must reach an outcome.
    refused(db, w, "aandachtsfunctionaris", track_id, 4, texts.FOUT_STAP_NIET_OVERSLAAN, skip=True,
            skip_reason="Geen tijd.")
    refused(db, w, "aandachtsfunctionaris", track_id, 4, texts.FOUT_AFWEGING_ONVOLLEDIG, answers=[True])
    refused(db, w, "aandachtsfunctionaris", track_id, 4, texts.FOUT_AFWEGING_TE_VEEL, answers=[True, True, True])

    s4 = meldcode_step(db, w, "aandachtsfunctionaris", track_id, 4, answers=[True, True], with_whom="teamleider")
    assert (s4.step_no, s4.status, s4.by_id, s4.weighing_answers) == (4, "gedaan", af.id, "1=ja;2=ja")
    assert s4.conclusion == texts.MELDCODE_UITKOMSTEN["melden"]
    assert track_of(db, track_id).current_step == 5
    assert mc.weighing_outcome(db, track_id) == "melden"

    # Step 5: both decisions needed; the afwegingskader says report, so "no report" is refused.
    refused(db, w, "aandachtsfunctionaris", track_id, 5, texts.FOUT_BESLUIT_NODIG, help=True)
    refused(db, w, "aandachtsfunctionaris", track_id, 5, texts.FOUT_MELDEN_VERPLICHT, report=False, help=True)
    assert track_of(db, track_id).status == "open"

    s5 = meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=True, help=True, close=True,
                       conclusion="Melding gedaan bij Veilig Thuis; hulp via het wijkteam.")
    assert (s5.step_no, s5.status, s5.by_id) == (5, "gedaan", af.id)
    track = track_of(db, track_id)
    assert track.status == "gesloten"
    assert track.decision_report is True and track.decision_help is True
    assert track.closed_at is not None
    assert track.close_reason

    # A closed track takes no more steps.
    with pytest.raises(InvalidInput) as exc:
        meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=True, help=True)
    assert exc.value.message == texts.FOUT_TRAJECT_GESLOTEN
    assert [(s.step_no, s.status) for s in steps_of(db, track_id)] == [
        (1, "gedaan"), (2, "gedaan"), (3, "overgeslagen"), (4, "gedaan"), (5, "gedaan")]

    # Every recorded step is in the audit log, once, allowed.
    for n, who in [(2, kw.id), (3, kw.id), (4, af.id), (5, af.id)]:
        rows = audits(db, f"meldcode.stap{n}", outcome="toegestaan")
        assert [(r.actor_id, r.object_id, r.child_id) for r in rows] == [(who, str(track_id), w.child_a)], n

    view = mc.get_track(af, db, track_id)
    assert view.status == "gesloten" and view.weighing == "melden"
    assert view.owner_name == "Test aandachtsfunctionaris" and view.opened_by_name == "Test kinderwerker"
    assert [s["step_no"] for s in view.steps] == [1, 2, 3, 4, 5]
    assert view.signal_ids == [signal_id]
    assert view.child_label == "Sem Jansen"
    assert len(audits(db, "meldcode.gelezen", actor_id=af.id)) == 1


def test_no_suspicion_closes_without_report_or_help(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    # The aandachtsfunctionaris of the location may record every step (also 2 and 3).
    through_step_3(db, w, track_id, key="aandachtsfunctionaris")
    s4 = meldcode_step(db, w, "aandachtsfunctionaris", track_id, 4, answers=[False])
    assert s4.weighing_answers == "1=nee"
    assert s4.conclusion == texts.MELDCODE_UITKOMSTEN["afsluiten"]
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=False, help=False)
    track = track_of(db, track_id)
    assert track.status == "gesloten"
    assert track.decision_report is False and track.decision_help is False
    assert len(audits(db, "meldcode.stap5", outcome="toegestaan")) == 1


def test_teamleider_may_weigh_and_decide(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    through_step_3(db, w, track_id)
    meldcode_step(db, w, "teamleider", track_id, 4, answers=[True, False, True, True, True])
    assert mc.weighing_outcome(db, track_id) == "hulp"
    meldcode_step(db, w, "teamleider", track_id, 5, report=False, help=True)
    track = track_of(db, track_id)
    assert track.status == "gesloten" and track.decision_report is False and track.decision_help is True


def test_track_can_stay_open_to_follow_the_help(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    through_step_3(db, w, track_id)
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 4, answers=[True, False, True, True, True])
    due_before = track_of(db, track_id).due_date
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=False, help=True, close=False,
                  conclusion="Hulp via het wijkteam; over zes weken kijken of het veilig blijft.")
    track = track_of(db, track_id)
    assert track.status == "open"
    assert track.closed_at is None
    assert track.decision_report is False and track.decision_help is True
    assert track.due_date > due_before
    assert track.due_date == local_today() + timedelta(days=42)
    # The follow-up ends with another decision that closes it.
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=False, help=True, close=True,
                  conclusion="Veiligheid duurzaam; afgesloten.")
    assert track_of(db, track_id).status == "gesloten"


def test_follow_up_date_can_be_chosen(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    through_step_3(db, w, track_id)
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 4, answers=[True, False, True, True, True])
    follow_up = local_today() + timedelta(days=60)
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=False, help=True, close=False,
                  follow_up_date=follow_up.isoformat())
    track = track_of(db, track_id)
    assert track.status == "open" and track.due_date == follow_up


@pytest.mark.parametrize("bad", ["morgen", "2026-13-45"])
def test_unreadable_follow_up_date_is_invalid_input(app_db, bad):
    """A bad date from the form must come back as a Dutch message (FOUT_DATUM), not a crash."""
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    through_step_3(db, w, track_id)
    meldcode_step(db, w, "aandachtsfunctionaris", track_id, 4, answers=[True, False, True, True, True])
    with pytest.raises(InvalidInput) as exc:
        meldcode_step(db, w, "aandachtsfunctionaris", track_id, 5, report=False, help=True, close=False,
                      follow_up_date=bad)
    assert exc.value.message == texts.FOUT_DATUM


@pytest.mark.parametrize(("field", "limit", "step_no", "extra"), [
    ("conclusion", 4000, 2, {}),
    ("veilig_thuis_advice", 1000, 2, {"conclusion": STEP2_CONCLUSION}),
    ("skip_reason", 500, 2, {"skip": True}),
])
def test_too_long_texts_are_refused_with_their_own_limit(app_db, field, limit, step_no, extra):
    """The message names the limit of the field that is too long (not always the conclusion's 4000)."""
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    with pytest.raises(InvalidInput) as exc:
        meldcode_step(db, w, "kinderwerker", track_id, step_no, **{field: "x" * (limit + 1)}, **extra)
    assert str(limit) in exc.value.message
    assert [s.step_no for s in steps_of(db, track_id)] == [1]
    # Exactly at the limit is fine.
    meldcode_step(db, w, "kinderwerker", track_id, step_no, **{field: "x" * limit}, **extra)
    assert [s.step_no for s in steps_of(db, track_id)] == [1, 2]


def test_unreadable_step_number_is_invalid_input(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    with pytest.raises(InvalidInput):
        meldcode_step(db, w, "kinderwerker", track_id, "twee", conclusion=STEP2_CONCLUSION)
    assert track_of(db, track_id).current_step == 2


def test_colleague_who_did_not_open_the_track_cannot_record_steps(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    colleague = add_colleague(db, w)
    for key in ("collega", "kinderwerker_b", "beheerder"):
        with pytest.raises(PermissionDenied):
            meldcode_step(db, w, key, track_id, 2, conclusion="Ik doe het wel.")
    assert audits(db, "meldcode.stap", actor_id=colleague.id, outcome="geweigerd")
    assert [s.step_no for s in steps_of(db, track_id)] == [1]
    assert track_of(db, track_id).current_step == 2


# ---- idempotency -----------------------------------------------------------------------------

def test_same_step_payload_twice_stores_one_step(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    kw = actor(db, w, "kinderwerker")
    data = {"client_uuid": str(uuid.uuid4()), "step_no": 2, "conclusion": STEP2_CONCLUSION}
    first = mc.record_step(kw, db, track_id, dict(data))
    second = mc.record_step(kw, db, track_id, dict(data))
    assert second.id == first.id
    assert [s.step_no for s in steps_of(db, track_id)] == [1, 2]
    assert track_of(db, track_id).current_step == 3
    assert len(audits(db, "meldcode.stap2")) == 1


def test_start_track_twice_with_the_same_client_uuid(app_db):
    db, w = app_db
    signal_id = capture(db, w)
    key = str(uuid.uuid4())
    first = start_track(db, w, signal_id, client_uuid=key)
    second = start_track(db, w, signal_id, client_uuid=key)
    assert second == first
    db.expire_all()
    assert db.exec(select(func.count()).select_from(MeldcodeTrack)).one() == 1
    assert [s.step_no for s in steps_of(db, first)] == [1]
    assert len(audits(db, "meldcode.gestart")) == 1


def test_earlier_signals_are_linked_at_start(app_db):
    db, w = app_db
    earlier = capture(db, w)
    later = capture(db, w)
    track_id = start_track(db, w, later)
    db.expire_all()
    assert db.get(Signal, earlier).track_id == track_id
    assert db.get(Signal, later).track_id == track_id
    [first] = steps_of(db, track_id)
    assert first.conclusion.startswith("2 signalen")


def test_a_second_signal_about_the_same_child_joins_the_open_track(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    second = capture(db, w, facts="Sem had een blauwe plek op zijn arm.")
    joined = start_track(db, w, second)  # a new client_uuid, but the child already has an open track
    assert joined == track_id
    db.expire_all()
    assert db.exec(select(func.count()).select_from(MeldcodeTrack)).one() == 1
    assert db.get(Signal, second).track_id == track_id
    assert len(audits(db, "meldcode.signaal_gekoppeld")) == 1
    view = mc.get_track(actor(db, w, "aandachtsfunctionaris"), db, track_id)
    assert len(view.signal_ids) == 2 and second in view.signal_ids


def test_owner_falls_back_to_the_opener_without_af_or_teamleider(app_db):
    db, w = app_db
    signal_id = capture(db, w, "kinderwerker_b", child_id=w.child_b)
    track_id = start_track(db, w, signal_id, key="kinderwerker_b")
    assert track_of(db, track_id).owner_id == w.staff["kinderwerker_b"]


# ---- reading ---------------------------------------------------------------------------------

def test_get_track_is_refused_for_others(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    colleague = add_colleague(db, w)
    for key, staff_id in [("kinderwerker_b", w.staff["kinderwerker_b"]), ("collega", colleague.id),
                          ("beheerder", w.staff["beheerder"])]:
        with pytest.raises(PermissionDenied):
            mc.get_track(actor(db, w, key), db, track_id)
        denied = audits(db, "signaal.inhoud_lezen", actor_id=staff_id, outcome="geweigerd")
        assert len(denied) == 1 and denied[0].object_id == str(track_id), key
        assert audits(db, "meldcode.gelezen", actor_id=staff_id) == []
    for key in ("kinderwerker", "aandachtsfunctionaris", "teamleider"):
        assert mc.get_track(actor(db, w, key), db, track_id).id == track_id


def _timeline_world(db, w):
    signal_id = capture(db, w)
    track_id = start_track(db, w, signal_id)
    meldcode_step(db, w, "kinderwerker", track_id, 2, conclusion=STEP2_CONCLUSION,
                  with_whom="Test aandachtsfunctionaris")
    return signal_id, track_id


@pytest.mark.parametrize("reader", ["kinderwerker", "aandachtsfunctionaris", "teamleider"])
def test_timeline_shows_content_to_author_af_and_teamleider(app_db, reader):
    db, w = app_db
    signal_id, track_id = _timeline_world(db, w)
    who = actor(db, w, reader)
    items = child_timeline(who, db, w.child_a)
    kinds = sorted(i.kind for i in items)
    assert kinds == ["meldcode_stap", "meldcode_stap", "signaal"]
    [signal_item] = [i for i in items if i.kind == "signaal"]
    assert FACTS in signal_item.body
    assert INTERPRETATION in signal_item.body
    assert signal_item.link == f"/signalen/{signal_id}"
    step_items = [i for i in items if i.kind == "meldcode_stap"]
    assert any(STEP2_CONCLUSION in i.body for i in step_items)
    assert {i.link for i in step_items} == {f"/meldcode/{track_id}"}
    assert any("stap 2" in i.title for i in step_items)
    assert len(audits(db, "kind.tijdlijn", actor_id=who.id)) == 1


def test_timeline_shields_content_from_a_colleague_and_names_the_owner(app_db):
    db, w = app_db
    _timeline_world(db, w)
    colleague = add_colleague(db, w)
    items = child_timeline(colleague, db, w.child_a)
    assert sorted(i.kind for i in items) == ["signaal_afgeschermd", "traject_afgeschermd"]
    for item in items:
        text = item.title + "\n" + item.body
        for secret in (FACTS, INTERPRETATION, STEP2_CONCLUSION, "stoel", "schreeuwd"):
            assert secret not in text
        assert item.link == ""
    [shielded_track] = [i for i in items if i.kind == "traject_afgeschermd"]
    assert "Test aandachtsfunctionaris" in shielded_track.body
    assert shielded_track.body == texts.SIGNAAL_OPEN_TRAJECT.format(eigenaar="Test aandachtsfunctionaris")


@pytest.mark.parametrize("key", ["kinderwerker_b", "beheerder"])
def test_timeline_refused_outside_the_childs_locations(app_db, key):
    db, w = app_db
    _timeline_world(db, w)
    who = actor(db, w, key)
    with pytest.raises(PermissionDenied):
        child_timeline(who, db, w.child_a)
    assert audits(db, "kind.lezen", actor_id=who.id, outcome="geweigerd")
    assert audits(db, "kind.tijdlijn", actor_id=who.id) == []


def test_acute_signal_leaves_the_acute_list_when_its_track_is_closed(app_db):
    db, w = app_db
    signal_id = capture(db, w, acute=True)
    tl = actor(db, w, "teamleider")
    assert [r.signal_id for r in sig.acute_signals(tl, db)] == [signal_id]
    track_id = start_track(db, w, signal_id)
    assert [r.track_id for r in sig.acute_signals(tl, db)] == [track_id]  # open track: still on top
    through_step_3(db, w, track_id)
    meldcode_step(db, w, "teamleider", track_id, 4, answers=[False])
    meldcode_step(db, w, "teamleider", track_id, 5, report=False, help=False)
    assert sig.acute_signals(tl, db) == []


def test_due_date_moves_with_each_step(app_db):
    db, w = app_db
    track_id = start_track(db, w, capture(db, w))
    track = track_of(db, track_id)
    track.due_date = date(2020, 1, 1)  # overdue
    db.add(track)
    db.commit()
    meldcode_step(db, w, "kinderwerker", track_id, 2, conclusion=STEP2_CONCLUSION)
    assert track_of(db, track_id).due_date == local_today() + timedelta(days=14)
