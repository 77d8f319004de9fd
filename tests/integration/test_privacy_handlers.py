"""The consent page and the privacy officer's page of bewaartermijnen, through their event handlers
as a browser could call them: the domain decides, whatever the page offered."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.models import AuditEvent, Child, Consent, StaffUser, SubjectRequest
from kinderwerk_pwa.pages.bewaren import BewarenState
from kinderwerk_pwa.pages.kind import KindState
from kinderwerk_pwa.pages.toestemming import ToestemmingState
from tests.handlers import login_token, state_for


def _consent_page(db, staff_id, child_id):
    state = state_for(ToestemmingState, login_token(db, staff_id), f"/kind/{child_id}/toestemmingen",
                      {"kind_id": str(child_id)})
    state.load()
    return state


def test_record_and_withdraw_a_consent_through_the_page(app_db):
    db, w = app_db
    page = _consent_page(db, w.staff["kinderwerker"], w.child_a)
    assert page.child_name == "Sem Jansen" and page.current == []
    assert page.guardians[0]["label"] == "Petra Jansen (moeder)"
    page.save({"kind": "foto", "given": "ja", "guardian_id": page.guardians[0]["id"], "given_by": "",
               "given_on": date.today().isoformat()})
    assert page.error == "" and page.notice == texts.TOESTEMMING_OPGESLAGEN.format(soort="Foto's")
    [row] = page.current
    assert (row["title"], row["status"], row["can_withdraw"]) == ("Foto's", "gegeven", "1")
    assert row["recorded"].startswith("Vastgelegd door Test kinderwerker")

    page.start_withdraw(row["id"])
    page.withdraw({"guardian_id": "", "withdrawn_by": "", "withdrawn_on": ""})
    assert page.error == "" and page.withdrawing == ""
    [row] = page.current
    assert row["status"] == "ingetrokken" and row["withdrawn"].startswith("Ingetrokken op ")

    kind = state_for(KindState, login_token(db, w.staff["kinderwerker"]), f"/kind/{w.child_a}",
                     {"kind_id": str(w.child_a)})
    kind.load()
    [shown] = kind.consents
    assert (shown["title"], shown["status_label"]) == ("Foto's", "Ingetrokken")
    assert "Petra Jansen" in shown["line"] and shown["recorded"] and shown["withdrawn"]


def test_a_colleague_elsewhere_cannot_use_the_consent_page(app_db):
    db, w = app_db
    page = _consent_page(db, w.staff["kinderwerker_b"], w.child_a)
    assert page.child_id == "" and page.error == texts.GEEN_TOEGANG
    page.save({"kind": "foto", "given": "ja", "given_by": "Petra Jansen"})  # forged: the route is child A
    assert page.error == texts.GEEN_TOEGANG
    db.expire_all()
    assert db.exec(select(Consent)).all() == []


def test_the_bewaren_page_is_for_the_privacy_officer_only(app_db):
    db, w = app_db
    kinderwerker = state_for(BewarenState, login_token(db, w.staff["kinderwerker"]), "/privacy/bewaren")
    kinderwerker.load()
    assert not kinderwerker.loaded and kinderwerker.error == texts.GEEN_TOEGANG
    kinderwerker.apply({"bevestig": "on"})
    kinderwerker.save_request({"child_id": str(w.child_a), "kind": "verwijdering", "requested_by": "Petra"})
    db.expire_all()
    assert db.exec(select(SubjectRequest)).all() == []
    denied = db.exec(select(AuditEvent).where(AuditEvent.actor_id == w.staff["kinderwerker"],
                                              AuditEvent.outcome == "geweigerd")).all()
    assert {d.action for d in denied} == {"bewaartermijn.uitvoeren", "verzoek.behandelen"}

    officer = StaffUser(organisation_id=w.org_id, name="Test privacy", email="privacy@test.nl", role="privacy")
    db.add(officer)
    db.commit()
    page = state_for(BewarenState, login_token(db, officer.id), "/privacy/bewaren")
    page.load()
    assert page.loaded and page.error == "" and page.items == []
    assert [t["years"] for t in page.terms] == ["2 jaar", "1 jaar", "5 jaar", "2 jaar", "5 jaar"]
    page.apply({})  # without ticking that the list was checked
    assert page.error == texts.FOUT_BEWAREN_BEVESTIG
    page.search_child({"zoek": "sem"})
    assert [c["label"].split(" · ")[0] for c in page.child_choices] == ["Sem Jansen"]
    page.save_request({"child_id": page.child_choices[0]["id"], "kind": "verwijdering", "requested_by": "Petra Jansen",
                       "received_on": "", "description": "Alles weg"})
    assert page.error == "" and page.notice == texts.VERZOEK_OPGESLAGEN
    [request] = page.requests
    assert request.status == "open" and request.blockers  # Sem is placed at De Vlieger
    page.decide({"request_id": request.id, "besluit": "toewijzen", "decision_reason": "Ouder vraagt het"})
    assert page.error.startswith("Verwijderen kan nu niet")
    page.decide({"request_id": request.id, "besluit": "afwijzen", "decision_reason": "Sem komt nog elke week."})
    assert page.error == "" and page.requests[0].status == "afgewezen"
    db.expire_all()
    assert db.get(Child, w.child_a).first_name == "Sem"
