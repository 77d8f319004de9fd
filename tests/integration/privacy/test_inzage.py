"""The inzage (AVG art. 15) on SQLite and PostgreSQL: every kind of record of the child is in the PDF
and the JSON, with the list of readers; only the privacy officer may make one; it is audited; third
parties' data is marked for review; bad input gets a Dutch message."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.kinderen.child_record import child_record
from kinderwerk_pwa.domain.privacy.inzage import inzage_summary, make_inzage
from kinderwerk_pwa.models import Child, Guardian, ReferralIn, Signal, utcnow
from tests.world import actor, audits, build_world

from .helpers import KINDS, MARKERS, add_child, add_privacy_officer, fill_every_kind, pdf_text


@pytest.fixture
def world(db):
    w = build_world(db)
    return w


def _kinds(document: dict) -> set[str]:
    found = set()

    def walk(record):
        found.add(record["soort"])
        for part in record.get("onderdelen", []):
            walk(part)

    for section in document["onderdelen"]:
        for record in section["records"]:
            walk(record)
    return found


def test_every_kind_of_record_and_the_readers_are_in_pdf_and_json(db, world):
    w = world
    fill_every_kind(db, w)
    child_record(actor(db, w, "kinderwerker"), db, w.child_a)  # a reader
    with pytest.raises(PermissionDenied):
        child_record(actor(db, w, "kinderwerker_b"), db, w.child_a)  # a refused one
    officer = add_privacy_officer(db, w)

    doc = json.loads(make_inzage(officer, db, w.child_a, "json").body)
    body = json.dumps(doc, ensure_ascii=False)
    assert KINDS <= _kinds(doc)
    for kind, marker in MARKERS.items():
        assert marker.lower() in body.lower(), kind
    assert doc["inzage"]["kind"] == "Sem Jansen" and doc["inzage"]["rol"] == "Privacyfunctionaris"
    log = {(r["wie"], r["actie"], r["uitkomst"]) for r in doc["logboek"]}
    assert ("Test kinderwerker", "kind.dossier_gelezen", "Toegestaan") in log
    assert ("Test kinderwerker_b", "kind.lezen", "Geweigerd") in log
    assert ("Test Privacyfunctionaris", "inzage.gemaakt", "Toegestaan") in log  # the export itself

    pdf = make_inzage(officer, db, w.child_a, "pdf")
    assert pdf.media_type == "application/pdf" and pdf.body.startswith(b"%PDF")
    text = pdf_text(pdf.body)
    for kind, marker in MARKERS.items():
        assert marker.lower() in text.lower(), kind
    for title in texts.INZAGE_SECTIES.values():
        assert title.replace(" ", "") in text
    assert "kind.dossier_gelezen" in text and "Testkinderwerker_b" in text and "inzage.gemaakt" in text
    assert "Leerdoel·Leerdoelmarker" in text and "Score:4" in text  # a goal and its progress
    assert "SemJansen" in text and "Gezin:GezinJansen" in text


def test_the_export_is_audited(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    file = make_inzage(officer, db, w.child_a, "pdf")
    rows = audits(db, "inzage.gemaakt", actor_id=officer.id)
    assert len(rows) == 1 and rows[0].child_id == w.child_a and rows[0].outcome == "toegestaan"
    assert rows[0].detail.startswith("formaat=pdf;")
    assert file.filename.startswith(f"inzage-kind-{w.child_a}-") and file.filename.endswith(".pdf")
    assert "Sem" not in file.filename  # a file name ends up in download lists and logs
    inzage_summary(officer, db, w.child_a)
    assert len(audits(db, "inzage.overzicht_gelezen", actor_id=officer.id)) == 1


@pytest.mark.parametrize("who", ["kinderwerker", "aandachtsfunctionaris", "teamleider", "beheerder"])
def test_no_other_role_can_make_an_inzage(db, world, who):
    w = world
    for call in (lambda a: make_inzage(a, db, w.child_a, "pdf"), lambda a: inzage_summary(a, db, w.child_a)):
        with pytest.raises(PermissionDenied) as exc:
            call(actor(db, w, who))
        assert exc.value.message == texts.GEEN_TOEGANG
    refused = audits(db, "inzage.maken", actor_id=w.staff[who], outcome="geweigerd")
    assert len(refused) == 2 and refused[0].child_id == w.child_a
    assert audits(db, "inzage.gemaakt") == []


def test_bad_input_gets_a_dutch_message(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    with pytest.raises(InvalidInput) as exc:
        make_inzage(officer, db, w.child_a, "docx")
    assert exc.value.message == texts.FOUT_PRIVACY_FORMAAT
    for bad in ("", "abc", "-3", None):
        with pytest.raises(InvalidInput) as exc:
            make_inzage(officer, db, bad, "pdf")
        assert exc.value.message == texts.FOUT_PRIVACY_KIND
    with pytest.raises(NotFound) as exc:
        make_inzage(officer, db, 999999, "pdf")
    assert exc.value.message == texts.FOUT_PRIVACY_KIND_ONBEKEND
    assert len(audits(db, "inzage.maken", actor_id=officer.id, outcome="geweigerd")) == 1
    other = Child(organisation_id=w.other_org_id, first_name="Ander", last_name="Kind", date_of_birth=date(2017, 1, 1))
    db.add(other)
    db.commit()
    with pytest.raises(PermissionDenied):
        make_inzage(officer, db, other.id, "json")  # another organisation's child
    assert audits(db, "inzage.gemaakt") == []


def test_third_parties_are_marked_for_review(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    add_child(db, w, "Daan", "Visser")  # another child of the organisation
    add_child(db, w, "Lotte", "Jansen", family_id=w.family_a)  # Sem's sister
    other_family = Child(organisation_id=w.org_id, first_name="Mila", last_name="Bakker",
                         date_of_birth=date(2017, 3, 3))
    db.add(other_family)
    db.flush()
    from kinderwerk_pwa.models import Family
    fam = Family(organisation_id=w.org_id, name="Gezin Yilmaz")
    db.add(fam)
    db.flush()
    db.add(Guardian(family_id=fam.id, name="Ayşe Yılmaz", relation="moeder"))
    kw = w.staff["kinderwerker"]
    db.add_all([
        Signal(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a, author_id=kw, observed_at=utcnow(),
               categories="gedrag", facts="Sem en Daan vochten; Ayşe haalde Daan op.", source="zelf_gezien"),
        Signal(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a, author_id=kw, observed_at=utcnow(),
               categories="gedrag", facts="Moeder Petra vertelde over Lotte.", source="ouder"),
        Signal(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a, author_id=kw, observed_at=utcnow(),
               categories="gedrag", facts="Sem was stil; Test teamleider sprak hem aan.", source="zelf_gezien"),
        ReferralIn(child_id=w.child_a, location_id=w.loc_a, referrer_kind="wijkagent", referrer_name="Agent Bos",
                   reason="Veel buiten", received_on=date(2026, 1, 2), created_by_id=kw),
    ])
    db.commit()
    doc = json.loads(make_inzage(officer, db, w.child_a, "json").body)
    sections = {s["sleutel"]: s["records"] for s in doc["onderdelen"]}
    first, second, third = sections["signalen"]
    assert any("ander kind: Daan" in r for r in first["ter_beoordeling"])
    assert any("ander gezin: Ayşe" in r for r in first["ter_beoordeling"])
    assert any("Lotte" in r and "ander kind van het gezin" in r for r in second["ter_beoordeling"])
    assert any("iemand anders (Ouder)" in r for r in second["ter_beoordeling"])
    assert "ter_beoordeling" not in third  # own name, own parent, a colleague: nothing to review
    (referral,) = sections["aanmeldingen"]
    assert any("verwijzer (Wijkagent)" in r for r in referral["ter_beoordeling"])
    sibling = [r for r in sections["gezin"] if r["soort"] == "sibling"]
    assert [s["gegevens"]["first_name"] for s in sibling] == ["Lotte"] and sibling[0]["ter_beoordeling"]
    assert doc["inzage"]["ter_beoordeling"] >= 4

    text = pdf_text(make_inzage(officer, db, w.child_a, "pdf").body)
    assert f"{texts.INZAGE_TER_BEOORDELING}:".replace(" ", "") in text
    assert "AyşeYılmaz" not in text  # the other family's name is not added by the review note


def test_open_meldcode_track_and_undiscussed_note_are_marked(db, world):
    w = world
    ids = fill_every_kind(db, w)
    officer = add_privacy_officer(db, w)
    from kinderwerk_pwa.models import ParentConversation
    conversation = db.get(ParentConversation, ids["conversation"])
    conversation.discussed_with_parent, conversation.not_discussed_reason = False, "Onveilig thuis"
    db.add(conversation)
    db.commit()
    doc = json.loads(make_inzage(officer, db, w.child_a, "json").body)
    sections = {s["sleutel"]: s["records"] for s in doc["onderdelen"]}
    assert texts.INZAGE_REDENEN["meldcode_open"] in sections["meldcode"][0]["ter_beoordeling"]
    assert texts.INZAGE_REDENEN["niet_besproken"] in sections["gesprekken"][0]["ter_beoordeling"]
    # A group note that names the child is included, and marked.
    (activity,) = sections["activiteiten"]
    assert activity["gegevens"]["note"] == "Sem scoorde twee keer."
    assert texts.INZAGE_REDENEN["groepsnotitie"] in activity["ter_beoordeling"]
