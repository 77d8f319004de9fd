"""Requests for rectification and erasure on SQLite and PostgreSQL: recorded once, decided with a
reason; an accepted erasure anonymises the child at once with the retention machinery (the report
of its year unchanged); a refusal says why (an open meldcode track, a placement that runs)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlmodel import Session

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.bewaren import requests as rq
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.models import Child, MeldcodeTrack, SubjectRequest
from tests.world import actor, audits, build_world, row_count

from .data import build_past, now_utc, privacy_officer, texts_left
from .test_retention import year_report

TODAY = now_utc(date(2025, 3, 3))  # within every bewaartermijn: only a request removes anything


@pytest.fixture
def world(db: Session):
    w = build_world(db)
    past = build_past(db, w)
    return db, w, past, privacy_officer(db, w)


def request(db, officer, child_id, kind="verwijdering", **extra) -> int:
    payload = {"client_uuid": str(uuid.uuid4()), "child_id": child_id, "kind": kind,
               "requested_by": "Karin de Vries", "received_on": "2025-03-01",
               "description": "Karin wil dat alle gegevens van haar kind worden verwijderd.", **extra}
    return rq.record_request(officer, db, payload, now=TODAY)


def test_an_accepted_erasure_anonymises_now_and_keeps_the_report(world):
    db, w, past, officer = world
    before = year_report(db, w)
    payload = {"client_uuid": str(uuid.uuid4()), "child_id": past.lotte, "kind": "verwijdering",
               "requested_by": "Karin de Vries", "received_on": "2025-03-01", "description": "Alles van Lotte weg."}
    request_id = rq.record_request(officer, db, dict(payload), now=TODAY)
    assert rq.record_request(officer, db, dict(payload), now=TODAY) == request_id  # a replay
    assert row_count(db, SubjectRequest) == 1
    [recorded] = audits(db, "verzoek.vastgelegd", actor_id=officer.id)
    assert (recorded.child_id, recorded.detail) == (past.lotte, "soort=verwijdering")

    [row] = rq.list_requests(officer, db, now=TODAY)
    assert (row.status, row.child_label, row.blockers) == ("open", f"Lotte d. (nr. {past.lotte})", [])

    assert rq.decide_request(officer, db, request_id, True, "Geen bewaarplicht meer.", now=TODAY) == "toegewezen"
    db.expire_all()
    lotte = db.get(Child, past.lotte)
    assert lotte.first_name == "" and lotte.anonymised_at == TODAY
    assert db.get(Child, past.milan).first_name == "Milan"  # the brother was not asked about
    stored = db.get(SubjectRequest, request_id)
    assert (stored.status, stored.decision_reason, stored.requested_by, stored.description) == (
        "toegewezen", "Geen bewaarplicht meer.", "", "")
    assert stored.carried_out_at == TODAY and stored.decided_by_id == officer.id
    [done] = audits(db, "bewaartermijn.geanonimiseerd")
    assert done.child_id == past.lotte and done.detail.startswith(f"bron=verzoek-{request_id};soort=kind")
    [decided] = audits(db, "verzoek.besloten", outcome="toegestaan")
    assert decided.detail == "soort=verwijdering;besluit=toegewezen;uitgevoerd=1"
    assert year_report(db, w) == before
    # Deciding again the same way changes nothing; the other way is refused.
    assert rq.decide_request(officer, db, request_id, True, "nogmaals", now=TODAY) == "toegewezen"
    with pytest.raises(InvalidInput) as exc:
        rq.decide_request(officer, db, request_id, False, "toch niet", now=TODAY)
    assert exc.value.message == texts.FOUT_VERZOEK_AL_BESLOTEN
    [row] = rq.list_requests(officer, db, now=TODAY)
    assert row.child_label.endswith(texts.VERZOEK_KIND_GEANONIMISEERD)


def test_an_erasure_is_refused_while_a_track_is_open_and_then_rejected_with_the_reason(world):
    db, w, past, officer = world
    track = db.get(MeldcodeTrack, past.track)
    track.status, track.closed_at = "open", None
    db.add(track)
    db.commit()
    request_id = request(db, officer, past.milan)
    [row] = rq.list_requests(officer, db, now=TODAY)
    assert len(row.blockers) == 1 and "meldcodetraject" in row.blockers[0]
    with pytest.raises(InvalidInput) as exc:
        rq.decide_request(officer, db, request_id, True, "Ouder vraagt het.", now=TODAY)
    assert "er loopt een meldcodetraject" in exc.value.message
    db.rollback()
    assert db.get(Child, past.milan).first_name == "Milan"
    assert db.get(SubjectRequest, request_id).status == "open"
    assert audits(db, "verzoek.besloten", outcome="geweigerd")[0].detail == "reden=belemmering"

    with pytest.raises(InvalidInput) as exc:
        rq.decide_request(officer, db, request_id, False, "  ", now=TODAY)
    assert exc.value.message == texts.FOUT_VERZOEK_REDEN
    reason = "Er loopt een meldcodetraject; de gegevens zijn nodig (AVG art. 17 lid 3)."
    assert rq.decide_request(officer, db, request_id, False, reason, now=TODAY) == "afgewezen"
    db.expire_all()
    assert db.get(Child, past.milan).first_name == "Milan"
    [row] = rq.list_requests(officer, db, now=TODAY)
    assert (row.status, row.decision_reason, row.decided_by) == ("afgewezen", reason, "Test privacy")


def test_a_running_placement_and_a_closed_track_within_its_term_stand_in_the_way(world):
    db, w, past, officer = world
    sem = request(db, officer, w.child_a)  # Sem is placed at De Vlieger
    milan = request(db, officer, past.milan)  # Milan's closed track is kept until he is 18
    rows = {r.id: r for r in rq.list_requests(officer, db, now=TODAY)}
    assert rows[sem].blockers == [texts.BELEMMERING_PLAATSING.format(locatie="Huiskamer De Vlieger")]
    assert rows[milan].blockers == [texts.BELEMMERING_TRAJECT_TERMIJN.format(datum="1 september 2034")]


def test_a_rectification_is_decided_with_what_was_corrected(world):
    db, w, past, officer = world
    request_id = request(db, officer, w.child_a, kind="correctie", description="De geboortedatum klopt niet.")
    assert rq.decide_request(officer, db, request_id, True, "Geboortedatum gecorrigeerd door de teamleider.",
                             now=TODAY) == "toegewezen"
    db.expire_all()
    assert db.get(Child, w.child_a).first_name == "Sem"  # a correction erases nothing
    assert db.get(SubjectRequest, request_id).carried_out_at is None


def test_only_the_privacy_officer_handles_requests_and_input_is_checked(world):
    db, w, past, officer = world
    for key in ("kinderwerker", "teamleider", "beheerder"):
        with pytest.raises(PermissionDenied):
            request(db, actor(db, w, key), past.lotte)
        with pytest.raises(PermissionDenied):
            rq.list_requests(actor(db, w, key), db)
        with pytest.raises(PermissionDenied):
            rq.find_children(actor(db, w, key), db, "Lotte")
    assert row_count(db, SubjectRequest) == 0
    assert len(audits(db, "verzoek.behandelen", outcome="geweigerd")) == 9
    with pytest.raises(InvalidInput) as exc:
        rq.record_request(officer, db, {"client_uuid": str(uuid.uuid4()), "child_id": "", "kind": "weg",
                                        "requested_by": ""}, now=TODAY)
    assert exc.value.fields == {"child_id": texts.FOUT_VERZOEK_KIND, "kind": texts.FOUT_VERZOEK_SOORT,
                                "requested_by": texts.FOUT_VERZOEK_WIE}
    assert [label for _, label in rq.find_children(officer, db, "lotte")] == [
        f"Lotte de Vries · 20 maart 2016 (nr. {past.lotte})"]
    assert audits(db, "verzoek.kind_gezocht", actor_id=officer.id)[0].detail == "aantal=1"
    assert texts_left(db) != []  # nothing was removed
