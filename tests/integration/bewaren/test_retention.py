"""Bewaartermijnen on SQLite and PostgreSQL: with the clock moved past the term, the command's dry
run lists the children and changes nothing; --apply removes names and free text, keeps the
rapportage of the earlier year exactly as it was, audits each child without the removed content,
and a second --apply changes nothing. The privacy officer's way in is authorised and audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from kinderwerk_pwa import manage
from kinderwerk_pwa.domain.bewaren import retention
from kinderwerk_pwa.domain.bewaren.terms import Terms
from kinderwerk_pwa.domain.common.errors import PermissionDenied
from kinderwerk_pwa.domain.rapportage.reports import report
from kinderwerk_pwa.models import (
    Agreement,
    AttendanceEvent,
    Child,
    ChildLocation,
    Consent,
    Enrolment,
    Family,
    Guardian,
    ParentConversation,
    PickupPerson,
    Signal,
)
from kinderwerk_pwa.models.base import REMOVED_TEXT
from kinderwerk_pwa.settings import reset_settings
from tests.world import actor, audits, build_world

from .data import (
    YEAR_END,
    YEAR_START,
    at,
    build_past,
    children_named,
    now_utc,
    privacy_officer,
    snapshot,
    texts_left,
)

PAST_ALL = now_utc(date(2035, 2, 1))  # past the record term of both, and Milan's meldcode term (18 in 2034)
PAST_RECORD = now_utc(date(2030, 1, 15))  # past Lotte's record term; Milan's track keeps his record
EARLY = now_utc(date(2025, 6, 1))  # within every record term; Lotte's signal (1 year) is past


@pytest.fixture
def world(db: Session, database_url: str, monkeypatch):
    """The test world and the past year on this database; the command line uses it too."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("KINDERWERK_SECRET_KEY", "test-secret-key-not-for-production")
    reset_settings()
    w = build_world(db)
    past = build_past(db, w)
    yield db, w, past
    reset_settings()


def year_report(db, w):
    return report(actor(db, w, "teamleider"), db, [w.loc_a], YEAR_START, YEAR_END)


def test_dry_run_lists_apply_anonymises_keeps_the_report_and_runs_once(world, capsys):
    db, w, past = world
    before_report = year_report(db, w)
    before = snapshot(db)

    assert manage.main(["retention", "--dry-run"], now=PAST_ALL) == 0
    out = capsys.readouterr().out
    assert f"Lotte d. (nr. {past.lotte})" in out and f"Milan d. (nr. {past.milan})" in out
    assert "Droogloop" in out
    assert snapshot(db) == before  # not a row changed, the audit log included

    assert manage.main(["retention", "--apply"], now=PAST_ALL) == 0
    assert "Uitgevoerd: " in capsys.readouterr().out
    # Names and free text are gone everywhere; the children stay as anonymous rows.
    assert texts_left(db) == []
    assert "Lotte de Vries" not in children_named(db) and "Sem Jansen" in children_named(db)
    lotte = db.get(Child, past.lotte)
    assert (lotte.first_name, lotte.last_name, lotte.school_name, lotte.family_id) == ("", "", "", None)
    assert lotte.anonymised_at == PAST_ALL and lotte.date_of_birth == date(2016, 3, 1)
    assert lotte.neighbourhood == "Stedenwijk" and lotte.status == "uitgestroomd"
    assert db.exec(select(ChildLocation).where(ChildLocation.child_id == past.lotte)).all() == []
    assert db.exec(select(PickupPerson).where(PickupPerson.child_id == past.lotte)).all() == []
    guardian = db.get(Guardian, past.guardian)
    assert (guardian.name, guardian.phone, guardian.email, guardian.relation) == ("", "", "", "moeder")
    assert db.get(Family, past.family).name == ""
    talk = db.get(ParentConversation, past.conversation)
    assert (talk.facts, talk.interpretation, talk.kind) == ("", "", "zorg")
    assert [a.description for a in db.exec(select(Agreement)).all()] == [""]
    signal = db.get(Signal, past.signals["milan"])
    assert (signal.facts, signal.categories, signal.track_id) == ("", "thuissituatie", past.track)
    assert {e.end_reason for e in db.exec(select(Enrolment).where(Enrolment.child_id == past.lotte)).all()} == {REMOVED_TEXT}
    assert [(e.kind, e.picked_up_by, e.reason, e.mood) for e in db.exec(select(AttendanceEvent).where(
        AttendanceEvent.child_id == past.lotte, AttendanceEvent.kind != "aanwezig").order_by(AttendanceEvent.id)).all()] == [
        ("opgehaald", "", "", None), ("afgemeld", "", "", None), ("stemming", "", "", None)]
    assert [(c.kind, c.given, c.given_by) for c in db.exec(select(Consent).where(Consent.child_id == past.lotte))] == [
        ("foto", True, "")]

    # The rapportage of 2024 gives the same figures, cell for cell.
    assert year_report(db, w) == before_report

    # The audit keeps the event, without the removed content.
    rows = audits(db, "bewaartermijn.geanonimiseerd")
    assert sorted(r.child_id for r in rows) == sorted([past.lotte, past.milan])
    assert all(r.actor_id is None and r.detail.startswith("bron=opdrachtregel;soort=kind") for r in rows)

    # A second run changes nothing at all.
    after = snapshot(db)
    assert manage.main(["retention", "--apply"], now=PAST_ALL) == 0
    assert "0 onderdelen over de termijn" in capsys.readouterr().out
    assert snapshot(db) == after


def test_a_meldcode_track_keeps_the_record_longer_and_a_signal_goes_sooner(world):
    db, w, past = world
    sem_signal = Signal(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a,
                        author_id=w.staff["kinderwerker"], observed_at=at(date(2024, 5, 2)), categories="gedrag",
                        facts="Sem sloeg een ander kind", source="zelf_gezien")
    db.add(sem_signal)
    db.commit()
    terms = Terms()
    early = retention.run_retention(db, apply=False, now=EARLY, terms=terms)
    # 2025: no record is past its term; the signals without a track are (1 year), also Sem's, who
    # is still in care.
    assert [(i.kind, i.child_id) for i in early.items] == [("signalen", w.child_a), ("signalen", past.lotte)]
    retention.run_retention(db, apply=True, now=EARLY, terms=terms)
    db.expire_all()
    assert db.get(Signal, sem_signal.id).facts == "" and db.get(Child, w.child_a).first_name == "Sem"
    assert db.get(Signal, past.signals["lotte"]).facts == ""
    assert db.get(Signal, past.signals["lotte"]).categories == "verzorging"
    assert db.get(Signal, past.signals["milan"]).facts != ""  # in a track: kept with the track
    assert db.get(Child, past.lotte).first_name == "Lotte"  # the record stays

    middle = retention.run_retention(db, apply=True, now=PAST_RECORD, terms=terms)
    assert [(i.kind, i.child_id) for i in middle.items] == [("kind", past.lotte)]
    db.expire_all()
    assert db.get(Child, past.lotte).first_name == "" and db.get(Child, past.milan).first_name == "Milan"
    # The family stays named while one of its children keeps its data; the shared conversation too.
    assert db.get(Guardian, past.guardian).name == "Karin de Vries"
    assert db.get(ParentConversation, past.conversation).facts != ""

    late = retention.run_retention(db, apply=True, now=PAST_ALL, terms=terms)
    assert [(i.kind, i.child_id) for i in late.items] == [("kind", past.milan)]
    assert texts_left(db) == []


def test_children_in_care_and_open_tracks_are_never_due(world):
    db, w, past = world
    # Noor and Sem are active; Milan's track reopens.
    from kinderwerk_pwa.models import MeldcodeTrack

    track = db.get(MeldcodeTrack, past.track)
    track.status, track.closed_at = "open", None
    db.add(track)
    db.commit()
    result = retention.run_retention(db, apply=False, now=PAST_ALL)
    assert {(i.kind, i.child_id) for i in result.items} == {("kind", past.lotte)}


def test_the_privacy_officer_lists_and_applies_others_are_refused(world):
    db, w, past = world
    officer = privacy_officer(db, w)
    overview = retention.retention_overview(officer, db, now=PAST_ALL)
    assert {i.child_id for i in overview.items if i.kind == "kind"} == {past.lotte, past.milan}
    [listed] = audits(db, "bewaartermijn.lijst", actor_id=officer.id)
    assert listed.detail.startswith("aantal=2") and "Lotte" not in listed.detail
    for key in ("kinderwerker", "teamleider", "beheerder"):
        with pytest.raises(PermissionDenied):
            retention.retention_overview(actor(db, w, key), db, now=PAST_ALL)
        with pytest.raises(PermissionDenied):
            retention.apply_retention(actor(db, w, key), db, now=PAST_ALL)
        assert len(audits(db, "bewaartermijn.uitvoeren", actor_id=w.staff[key], outcome="geweigerd")) == 2
    assert db.get(Child, past.lotte).first_name == "Lotte"

    result = retention.apply_retention(officer, db, now=PAST_ALL)
    assert result.done == 2 and result.failed == []
    rows = audits(db, "bewaartermijn.geanonimiseerd", actor_id=officer.id)
    assert sorted(r.child_id for r in rows) == sorted([past.lotte, past.milan])
    assert all(r.actor_role == "privacy" and "bron=privacyfunctionaris" in r.detail for r in rows)
    assert texts_left(db) == []
    assert retention.retention_overview(officer, db, now=PAST_ALL).items == []
