"""GET /api/privacy/inzage/{id} over HTTP, and the two privacy pages' event handlers called as a
browser could (any handler, any argument): the domain decides, refuses in Dutch and audits."""

from __future__ import annotations

from reflex.istate.data import RouterData
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.auth import sessions
from kinderwerk_pwa.models import AuditEvent
from kinderwerk_pwa.pages.privacy import InzageState, LogboekState
from tests.handlers import login_token, state_for
from tests.world import audits

from .helpers import add_privacy_officer, pdf_text


def _with_query(state, token: str, path: str, query: str):
    """The page opened with a query string (/privacy/logboek?kind=3), as the browser's URL."""
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    root.router = RouterData.from_router_data({"headers": {"cookie": f"{sessions.COOKIE_NAME}={token}"},
                                               "pathname": path, "asPath": f"{path}?{query}"})
    return state


def _cookie(db, staff_id) -> dict[str, str]:
    return {"kw_sessie": login_token(db, staff_id)}


def test_inzage_route_gives_pdf_and_json_to_the_privacy_officer(app_db, client):
    db, w = app_db
    officer = add_privacy_officer(db, w)
    client.cookies.update(_cookie(db, officer.id))
    pdf = client.get(f"/api/privacy/inzage/{w.child_a}?formaat=pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith(f'attachment; filename="inzage-kind-{w.child_a}-')
    assert pdf.headers["cache-control"] == "no-store"
    assert "SemJansen" in pdf_text(pdf.content)
    doc = client.get(f"/api/privacy/inzage/{w.child_a}?formaat=json").json()
    assert doc["inzage"]["kind"] == "Sem Jansen"
    assert len(audits(db, "inzage.gemaakt", actor_id=officer.id)) == 2


def test_inzage_route_refuses_in_dutch(app_db, client):
    db, w = app_db
    assert client.get(f"/api/privacy/inzage/{w.child_a}").json() == {"error": texts.NIET_INGELOGD}
    client.cookies.update(_cookie(db, w.staff["kinderwerker"]))
    refused = client.get(f"/api/privacy/inzage/{w.child_a}?formaat=pdf")
    assert refused.status_code == 403 and refused.json() == {"error": texts.GEEN_TOEGANG}
    assert len(audits(db, "inzage.maken", actor_id=w.staff["kinderwerker"], outcome="geweigerd")) == 1
    officer = add_privacy_officer(db, w)
    client.cookies.clear()
    client.cookies.update(_cookie(db, officer.id))
    bad = client.get(f"/api/privacy/inzage/{w.child_a}?formaat=docx")
    assert bad.status_code == 400 and bad.json() == {"error": texts.FOUT_PRIVACY_FORMAAT}
    assert client.get("/api/privacy/inzage/abc").json() == {"error": texts.FOUT_PRIVACY_KIND}
    missing = client.get("/api/privacy/inzage/99999")
    assert missing.status_code == 404 and missing.json() == {"error": texts.FOUT_PRIVACY_KIND_ONBEKEND}


def test_inzage_page_finds_the_child_and_shows_what_is_held(app_db):
    db, w = app_db
    officer = add_privacy_officer(db, w)
    state = state_for(InzageState, login_token(db, officer.id), "/privacy/inzage")
    state.load()
    assert state.error == ""
    state.search({"zoek": "s"})
    assert state.errors == {"zoek": texts.FOUT_PRIVACY_ZOEK_KORT}
    state.search({"zoek": "jansen"})
    assert [h["name"] for h in state.hits] == ["Sem Jansen"]
    state.choose(state.hits[0]["id"])
    assert state.child_name == "Sem Jansen" and state.download_url == f"/api/privacy/inzage/{w.child_a}"
    assert {"title": texts.INZAGE_SECTIES["gezin"], "n": "2"} in state.counts
    assert len(audits(db, "inzage.overzicht_gelezen", actor_id=officer.id)) == 1


def test_inzage_page_refuses_a_kinderwerker(app_db):
    db, w = app_db
    state = state_for(InzageState, login_token(db, w.staff["kinderwerker"]), "/privacy/inzage")
    state.load()
    assert state.error == texts.GEEN_TOEGANG
    state.choose(str(w.child_a))  # a handler the page never offered her
    assert state.child_name == "" and state.counts == [] and state.error == texts.GEEN_TOEGANG
    assert len(audits(db, "inzage.maken", actor_id=w.staff["kinderwerker"], outcome="geweigerd")) == 2


def test_logboek_page_filters_by_child_and_pages(app_db):
    db, w = app_db
    officer = add_privacy_officer(db, w)
    token = login_token(db, officer.id)
    state = _with_query(state_for(LogboekState, token, "/privacy/logboek"), token, "/privacy/logboek",
                        f"kind={w.child_a}")
    state.load()
    assert state.error == "" and state.child_name == "Sem Jansen" and state.child_id == str(w.child_a)
    assert any(o["label"] == "Test Privacyfunctionaris (Privacyfunctionaris)" for o in state.staff_options)
    state.apply({"medewerker": "", "van": "2026-12-02", "tot": "2026-12-01", "actie": "", "uitkomst": ""})
    assert state.errors == {"van": texts.FOUT_LOGBOEK_PERIODE}
    state.clear_child()
    state.search_child({"zoek": "noor"})
    state.pick_child(state.hits[0]["id"])
    assert state.child_name == "Noor Bakker"
    state.apply({"medewerker": "", "van": "", "tot": "", "actie": "audit.gelezen", "uitkomst": ""})
    assert state.rows and {r["action"] for r in state.rows} == {"audit.gelezen"} and not state.has_next
    db.expire_all()
    reads = db.exec(select(AuditEvent).where(AuditEvent.action == "audit.gelezen")).all()
    assert reads and all(r.actor_id == officer.id for r in reads)


def test_logboek_page_refuses_a_teamleider(app_db):
    db, w = app_db
    state = state_for(LogboekState, login_token(db, w.staff["teamleider"]), "/privacy/logboek")
    state.load()
    assert state.error == texts.GEEN_TOEGANG and state.rows == [] and state.staff_options == []
    state.next_page()
    assert state.rows == [] and state.page_no == 1
