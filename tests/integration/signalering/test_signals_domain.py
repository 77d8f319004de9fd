"""Signals in the domain: capture (validated, idempotent, need-to-know), reading, corrections as
versions, accumulation alerts and the acute list - on the hand-built test world."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.signalering import signals as sig
from kinderwerk_pwa.models import (
    Signal,
    SignalCorrection,
    utcnow,
)
from tests.world import actor, add_colleague, audits, row_count

FACTS = "Sem had vandaag voor de derde dag dezelfde kleren aan en zei dat hij niet had ontbeten."


# ---- helpers ---------------------------------------------------------------------------------

def payload(world, **overrides):
    data = {
        "client_uuid": str(uuid.uuid4()),
        "child_id": world.child_a,
        "categories": ["verzorging"],
        "facts": FACTS,
        "interpretation": "",
        "source": "zelf_gezien",
    }
    data.update(overrides)
    return data


def capture(db, world, key="kinderwerker", **overrides):
    return sig.capture_signal(actor(db, world, key), db, payload(world, **overrides))


# ---- capture ---------------------------------------------------------------------------------

def test_valid_capture_stores_one_signal_and_one_audit_row(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    data = payload(w, interpretation="Ik denk dat er thuis weinig eten is.", place="Huiskamer", source="kind_vertelde")
    result = sig.capture_signal(kw, db, data)
    assert result.created is True
    assert row_count(db, Signal) == 1
    signal = db.get(Signal, result.signal_id)
    assert signal.client_uuid == data["client_uuid"]
    assert signal.child_id == w.child_a
    assert signal.location_id == w.loc_a
    assert signal.organisation_id == w.org_id
    assert signal.author_id == kw.id
    assert signal.categories == "verzorging"
    assert signal.facts == FACTS
    assert signal.interpretation == "Ik denk dat er thuis weinig eten is."
    assert signal.source == "kind_vertelde"
    assert signal.acute is False
    assert signal.version == 1
    assert signal.track_id is None
    assert signal.observed_at.tzinfo is not None
    assert abs(signal.observed_at - utcnow()) < timedelta(minutes=1)
    rows = audits(db, "signaal.vastgelegd")
    assert len(rows) == 1
    row = rows[0]
    assert (row.actor_id, row.outcome, row.object_type, row.object_id, row.child_id, row.location_id) == (
        kw.id, "toegestaan", "signaal", str(signal.id), w.child_a, w.loc_a)
    # Ids and codes only in the audit log, never the note text.
    assert "dezelfde kleren" not in row.detail and "eten" not in row.detail


def test_several_categories_and_an_explicit_past_time_are_stored(app_db):
    db, w = app_db
    when = (utcnow() - timedelta(hours=3)).replace(microsecond=0)
    result = capture(db, w, categories=["verzorging", "materieel", "verzorging"], observed_at=when.isoformat())
    signal = db.get(Signal, result.signal_id)
    assert signal.categories == "verzorging,materieel"  # duplicates dropped, order kept
    assert signal.observed_at == when


def test_same_payload_twice_stores_one_signal_and_one_creation_audit(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    data = payload(w)
    first = sig.capture_signal(kw, db, data)
    second = sig.capture_signal(kw, db, dict(data))
    assert first.created is True
    assert second.created is False
    assert second.signal_id == first.signal_id
    assert row_count(db, Signal) == 1
    assert len(audits(db, "signaal.vastgelegd")) == 1


def test_unknown_child_can_be_recorded(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    result = sig.capture_signal(kw, db, payload(
        w, child_id=None, unknown_description="Jongen van ongeveer 8 met blauwe pet bij het klimrek",
        unknown_age=8, location_id=w.loc_a, categories=["veiligheid"]))
    assert result.created is True
    assert result.accumulation == 0
    signal = db.get(Signal, result.signal_id)
    assert signal.child_id is None
    assert signal.unknown_description == "Jongen van ongeveer 8 met blauwe pet bij het klimrek"
    assert signal.unknown_age == 8
    assert signal.location_id == w.loc_a
    assert len(audits(db, "signaal.vastgelegd")) == 1
    view = sig.get_signal(kw, db, result.signal_id)
    assert view.child_label == "Onbekend kind: Jongen van ongeveer 8 met blauwe pet bij het klimrek"


def test_unknown_child_without_location_is_refused(app_db):
    db, w = app_db
    with pytest.raises(InvalidInput) as exc:
        capture(db, w, child_id=None, unknown_description="Meisje van ongeveer 6", location_id=None)
    assert exc.value.message == texts.FOUT_LOCATIE
    assert row_count(db, Signal) == 0


def test_unknown_child_at_another_location_is_refused(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    with pytest.raises(PermissionDenied):
        sig.capture_signal(kw, db, payload(w, child_id=None, unknown_description="Meisje van ongeveer 6",
                                           location_id=w.loc_b))
    assert row_count(db, Signal) == 0
    assert audits(db, "signaal.vastleggen", actor_id=kw.id, outcome="geweigerd")


def _future():
    return (utcnow() + timedelta(hours=1)).isoformat()


def _naive():
    return datetime.now().replace(microsecond=0).isoformat()  # noqa: DTZ005 - naive on purpose


INVALID = {
    "lege feiten": ({"facts": ""}, "facts", texts.FOUT_FEITEN_LEEG),
    "alleen spaties": ({"facts": "   \n\t  "}, "facts", texts.FOUT_FEITEN_LEEG),
    "toekomst": ({"observed_at": _future}, "observed_at", texts.FOUT_TOEKOMST),
    "naief tijdstip": ({"observed_at": _naive}, "observed_at", texts.FOUT_TIJD_ONGELDIG),
    "onleesbaar tijdstip": ({"observed_at": "gisteren"}, "observed_at", texts.FOUT_TIJD_ONGELDIG),
    "onbekende categorie": ({"categories": ["ufo"]}, "categories", texts.FOUT_ONBEKENDE_CATEGORIE.format(code="ufo")),
    "geen categorie": ({"categories": []}, "categories", texts.FOUT_GEEN_CATEGORIE),
    "feiten te lang": ({"facts": "x" * 2001}, "facts", texts.FOUT_FEITEN_TE_LANG.format(n=2000)),
    "interpretatie te lang": ({"interpretation": "x" * 1001}, "interpretation",
                              texts.FOUT_INTERPRETATIE_TE_LANG.format(n=1000)),
    "geen kind en geen omschrijving": ({"child_id": None, "unknown_description": "  ", "location_id": "LOC_A"},
                                       "child", texts.FOUT_GEEN_KIND),
    "slecht kenmerk": ({"client_uuid": "niet-een-uuid"}, "client_uuid", texts.FOUT_CLIENT_UUID),
    "geen kenmerk": ({"client_uuid": ""}, "client_uuid", texts.FOUT_CLIENT_UUID),
    "slechte bron": ({"source": "buurvrouw"}, "source", texts.FOUT_BRON),
    "leeftijd 30": ({"child_id": None, "unknown_description": "Jongen bij het klimrek", "unknown_age": 30,
                     "location_id": "LOC_A"}, "unknown_age", texts.FOUT_LEEFTIJD),
    "negatieve leeftijd": ({"child_id": None, "unknown_description": "Jongen bij het klimrek", "unknown_age": -1,
                            "location_id": "LOC_A"}, "unknown_age", texts.FOUT_LEEFTIJD),
}


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
def test_invalid_capture_is_refused_with_a_dutch_message_and_stores_nothing(app_db, case):
    db, w = app_db
    overrides, field_name, message = INVALID[case]
    overrides = {k: (v() if callable(v) else (w.loc_a if v == "LOC_A" else v)) for k, v in overrides.items()}
    with pytest.raises(InvalidInput) as exc:
        capture(db, w, **overrides)
    assert exc.value.message == message
    assert exc.value.fields.get(field_name) == message
    assert row_count(db, Signal) == 0
    assert audits(db, "signaal.vastgelegd") == []


def test_facts_of_exactly_2000_characters_are_accepted(app_db):
    db, w = app_db
    result = capture(db, w, facts="x" * 2000, interpretation="y" * 1000)
    assert result.created
    assert len(db.get(Signal, result.signal_id).facts) == 2000


def test_acute_flag_is_stored(app_db):
    db, w = app_db
    acute = capture(db, w, acute=True)
    calm = capture(db, w)
    assert db.get(Signal, acute.signal_id).acute is True
    assert db.get(Signal, calm.signal_id).acute is False
    detail = [a.detail for a in audits(db, "signaal.vastgelegd") if a.object_id == str(acute.signal_id)]
    assert detail and "acuut=1" in detail[0]


def test_kinderwerker_of_other_location_cannot_capture_for_child_a(app_db):
    db, w = app_db
    kw_b = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        sig.capture_signal(kw_b, db, payload(w, child_id=w.child_a))
    assert row_count(db, Signal) == 0
    denied = audits(db, "signaal.vastleggen", actor_id=kw_b.id, outcome="geweigerd")
    assert len(denied) == 1
    assert denied[0].child_id == w.child_a
    assert audits(db, "signaal.vastgelegd") == []


def test_kinderwerker_b_can_capture_for_her_own_child(app_db):
    db, w = app_db
    result = capture(db, w, "kinderwerker_b", child_id=w.child_b)
    assert db.get(Signal, result.signal_id).location_id == w.loc_b


def test_beheerder_cannot_capture(app_db):
    db, w = app_db
    with pytest.raises(PermissionDenied):
        capture(db, w, "beheerder")
    assert row_count(db, Signal) == 0


def test_same_client_uuid_from_another_user_is_refused_and_reveals_nothing(app_db):
    db, w = app_db
    data = payload(w)
    first = sig.capture_signal(actor(db, w, "kinderwerker"), db, data)
    colleague = add_colleague(db, w)
    with pytest.raises(PermissionDenied) as exc:
        sig.capture_signal(colleague, db, dict(data))
    assert exc.value.message == texts.GEEN_TOEGANG
    assert FACTS not in str(exc.value) and str(first.signal_id) not in str(exc.value)
    assert row_count(db, Signal) == 1
    assert db.get(Signal, first.signal_id).author_id == w.staff["kinderwerker"]
    assert len(audits(db, "signaal.vastleggen", actor_id=colleague.id, outcome="geweigerd")) == 1
    assert len(audits(db, "signaal.vastgelegd")) == 1
    # Not even the aandachtsfunctionaris gets someone else's signal back as "hers".
    with pytest.raises(PermissionDenied):
        sig.capture_signal(actor(db, w, "aandachtsfunctionaris"), db, dict(data))
    assert row_count(db, Signal) == 1


# ---- reading ---------------------------------------------------------------------------------

@pytest.mark.parametrize("reader", ["kinderwerker", "aandachtsfunctionaris", "teamleider"])
def test_author_af_and_teamleider_read_the_signal_and_each_read_is_audited(app_db, reader):
    db, w = app_db
    result = capture(db, w, interpretation="Mogelijk verwaarlozing.")
    who = actor(db, w, reader)
    view = sig.get_signal(who, db, result.signal_id)
    assert view.id == result.signal_id
    assert view.facts == FACTS
    assert view.interpretation == "Mogelijk verwaarlozing."
    assert view.categories == ["verzorging"]
    assert view.child_label == "Sem Jansen"
    assert view.author_name == "Test kinderwerker"
    assert view.location_name == "Huiskamer De Vlieger"
    reads = audits(db, "signaal.gelezen", actor_id=who.id)
    assert len(reads) == 1
    assert reads[0].outcome == "toegestaan" and reads[0].object_id == str(result.signal_id)
    assert reads[0].child_id == w.child_a
    sig.get_signal(who, db, result.signal_id)
    assert len(audits(db, "signaal.gelezen", actor_id=who.id)) == 2


@pytest.mark.parametrize("reader", ["collega", "kinderwerker_b", "beheerder"])
def test_others_cannot_read_the_signal(app_db, reader):
    db, w = app_db
    result = capture(db, w)
    if reader == "collega":
        add_colleague(db, w)
    who = actor(db, w, reader)
    with pytest.raises(PermissionDenied) as exc:
        sig.get_signal(who, db, result.signal_id)
    assert FACTS not in str(exc.value)
    denied = audits(db, "signaal.inhoud_lezen", actor_id=who.id, outcome="geweigerd")
    assert len(denied) == 1 and denied[0].object_id == str(result.signal_id)
    assert audits(db, "signaal.gelezen", actor_id=who.id) == []


# ---- corrections -----------------------------------------------------------------------------

def test_correction_needs_a_reason_and_changes_nothing_without_one(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    result = capture(db, w)
    for reason in ("", "   ", None):
        with pytest.raises(InvalidInput) as exc:
            sig.correct_signal(kw, db, result.signal_id, {
                "client_uuid": str(uuid.uuid4()), "facts": "Andere feiten.", "reason": reason})
        assert exc.value.message == texts.FOUT_REDEN_NODIG
    db.expire_all()
    signal = db.get(Signal, result.signal_id)
    assert signal.facts == FACTS and signal.version == 1
    assert db.exec(select(SignalCorrection)).all() == []
    assert audits(db, "signaal.gecorrigeerd") == []


def test_correction_keeps_the_previous_text_and_raises_the_version(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    result = capture(db, w, interpretation="Eerste indruk.")
    correction_uuid = str(uuid.uuid4())
    version = sig.correct_signal(kw, db, result.signal_id, {
        "client_uuid": correction_uuid, "facts": "Sem had twee dagen dezelfde kleren aan.",
        "interpretation": "Tweede indruk.", "reason": "Het waren twee dagen, niet drie."})
    assert version == 2
    db.expire_all()
    signal = db.get(Signal, result.signal_id)
    assert signal.version == 2
    assert signal.facts == "Sem had twee dagen dezelfde kleren aan."
    assert signal.interpretation == "Tweede indruk."
    corrections = db.exec(select(SignalCorrection)).all()
    assert len(corrections) == 1
    c = corrections[0]
    assert (c.signal_id, c.version, c.previous_facts, c.previous_interpretation, c.previous_categories,
            c.reason, c.by_id, c.client_uuid) == (
        signal.id, 2, FACTS, "Eerste indruk.", "verzorging", "Het waren twee dagen, niet drie.", kw.id,
        correction_uuid)
    assert len(audits(db, "signaal.gecorrigeerd", actor_id=kw.id)) == 1
    view = sig.get_signal(kw, db, signal.id)
    assert view.version == 2
    assert [x["previous_facts"] for x in view.corrections] == [FACTS]
    assert view.corrections[0]["by"] == "Test kinderwerker"

    # Idempotent on the correction's client_uuid: a replay stores nothing more.
    again = sig.correct_signal(kw, db, result.signal_id, {
        "client_uuid": correction_uuid, "facts": "Sem had twee dagen dezelfde kleren aan.",
        "interpretation": "Tweede indruk.", "reason": "Het waren twee dagen, niet drie."})
    assert again == 2
    db.expire_all()
    assert db.get(Signal, result.signal_id).version == 2
    assert len(db.exec(select(SignalCorrection)).all()) == 1
    assert len(audits(db, "signaal.gecorrigeerd")) == 1

    # A second, different correction becomes version 3 and keeps version 2's text.
    third = sig.correct_signal(kw, db, result.signal_id, {
        "client_uuid": str(uuid.uuid4()), "facts": "Derde versie.", "reason": "Aanvulling."})
    assert third == 3
    db.expire_all()
    latest = db.exec(select(SignalCorrection).where(SignalCorrection.version == 3)).one()
    assert latest.previous_facts == "Sem had twee dagen dezelfde kleren aan."


def test_correction_is_validated_like_a_capture(app_db):
    db, w = app_db
    kw = actor(db, w, "kinderwerker")
    result = capture(db, w)
    with pytest.raises(InvalidInput):
        sig.correct_signal(kw, db, result.signal_id, {
            "client_uuid": str(uuid.uuid4()), "facts": "x" * 2001, "reason": "Typo."})
    db.expire_all()
    assert db.get(Signal, result.signal_id).version == 1
    assert db.exec(select(SignalCorrection)).all() == []


@pytest.mark.parametrize("who", ["collega", "kinderwerker_b", "beheerder"])
def test_correction_refused_for_others(app_db, who):
    db, w = app_db
    result = capture(db, w)
    if who == "collega":
        add_colleague(db, w)
    other = actor(db, w, who)
    with pytest.raises(PermissionDenied):
        sig.correct_signal(other, db, result.signal_id, {
            "client_uuid": str(uuid.uuid4()), "facts": "Anders.", "reason": "Ik weet het beter."})
    db.expire_all()
    signal = db.get(Signal, result.signal_id)
    assert signal.facts == FACTS and signal.version == 1
    assert db.exec(select(SignalCorrection)).all() == []
    assert audits(db, "signaal.corrigeren", actor_id=other.id, outcome="geweigerd")


# ---- accumulation ----------------------------------------------------------------------------

def test_three_signals_in_thirty_days_raise_an_alert_for_the_af_only(app_db):
    db, w = app_db
    results = [capture(db, w, observed_at=(utcnow() - timedelta(days=d)).isoformat()) for d in (20, 5)]
    assert [r.accumulation for r in results] == [0, 0]
    third = capture(db, w)
    assert third.accumulation >= 3
    assert third.accumulation == 3

    af = actor(db, w, "aandachtsfunctionaris")
    alerts = sig.accumulation_alerts(af, db)
    assert [(a.child_id, a.child_name, a.count, a.days, a.has_open_track) for a in alerts] == [
        (w.child_a, "Sem Jansen", 3, 30, False)]
    assert len(audits(db, "signaal.stapeling_gelezen", actor_id=af.id)) == 1

    tl_alerts = sig.accumulation_alerts(actor(db, w, "teamleider"), db)
    assert [a.child_id for a in tl_alerts] == [w.child_a]

    # A colleague who may not read these signals gets nothing about this child.
    colleague = add_colleague(db, w)
    assert sig.accumulation_alerts(colleague, db) == []
    assert sig.accumulation_alerts(actor(db, w, "kinderwerker_b"), db) == []
    assert sig.accumulation_alerts(actor(db, w, "beheerder"), db) == []
    assert audits(db, "signaal.stapeling_gelezen", actor_id=colleague.id) == []


def test_signals_outside_the_period_do_not_count(app_db):
    db, w = app_db
    capture(db, w, observed_at=(utcnow() - timedelta(days=31)).isoformat())
    capture(db, w, observed_at=(utcnow() - timedelta(days=10)).isoformat())
    third = capture(db, w)
    assert third.accumulation == 0
    assert sig.accumulation_alerts(actor(db, w, "aandachtsfunctionaris"), db) == []


def test_unknown_children_do_not_accumulate(app_db):
    db, w = app_db
    for _ in range(3):
        result = capture(db, w, child_id=None, unknown_description="Jongen bij het klimrek", location_id=w.loc_a)
        assert result.accumulation == 0
    assert sig.accumulation_alerts(actor(db, w, "aandachtsfunctionaris"), db) == []


# ---- acute list ------------------------------------------------------------------------------

def test_acute_signal_is_listed_for_the_teamleider(app_db):
    db, w = app_db
    acute = capture(db, w, acute=True)
    capture(db, w)  # not acute
    tl = actor(db, w, "teamleider")
    rows = sig.acute_signals(tl, db)
    assert [(r.signal_id, r.child_label, r.author_name) for r in rows] == [
        (acute.signal_id, "Sem Jansen", "Test kinderwerker")]
    assert len(audits(db, "signaal.acuut_lijst", actor_id=tl.id)) == 1
    assert [r.signal_id for r in sig.acute_signals(actor(db, w, "aandachtsfunctionaris"), db)] == [acute.signal_id]
    assert [r.signal_id for r in sig.acute_signals(actor(db, w, "kinderwerker"), db)] == [acute.signal_id]
    assert sig.acute_signals(add_colleague(db, w), db) == []
    assert sig.acute_signals(actor(db, w, "kinderwerker_b"), db) == []
    assert sig.acute_signals(actor(db, w, "beheerder"), db) == []


def test_no_signal_is_added_to_an_anonymised_child(app_db):
    """Retention anonymised the child; an old queued capture with its id is refused, not stored."""
    from kinderwerk_pwa.domain.bewaren.erase import anonymise_child
    from kinderwerk_pwa.models import Child, Signal, utcnow

    db, w = app_db
    anonymise_child(db, db.get(Child, w.child_a), utcnow(), set())
    db.commit()
    with pytest.raises(PermissionDenied):
        capture(db, w)
    assert row_count(db, Signal) == 0
    assert audits(db, "signaal.vastleggen", outcome="geweigerd")
