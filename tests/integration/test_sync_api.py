"""The offline queue's API: authenticated by the session cookie, safe against cross-site requests,
idempotent (the same queue twice stores nothing twice), refusals come back with a reason, and an
item queued under another account is not stored for this one."""

from __future__ import annotations

import uuid

from sqlmodel import select

from kinderwerk_pwa.models import AttendanceEvent, AuditEvent, Signal
from tests.handlers import login_token

ORIGIN = {"origin": "http://testserver", "x-kinderwerk": "1"}


def _items(w):
    return [
        {"type": "signaal", "queued_by": w.staff["kinderwerker"], "payload": {
            "client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "categories": ["materieel"],
            "facts": "Had geen eten mee.", "source": "zelf_gezien"}},
        {"type": "aanwezigheid", "queued_by": w.staff["kinderwerker"], "payload": {
            "client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "location_id": w.loc_a, "kind": "extra"}},
    ]


def test_same_queue_twice_stores_nothing_twice(client, app_db):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    body = {"api_version": 1, "items": _items(w)}
    first = client.post("/api/sync", json=body, headers=ORIGIN, cookies=cookies).json()["results"]
    second = client.post("/api/sync", json=body, headers=ORIGIN, cookies=cookies).json()["results"]
    assert [r["status"] for r in first] == ["opgeslagen", "opgeslagen"]
    assert [r["id"] for r in first] == [r["id"] for r in second]
    db.expire_all()
    assert len(db.exec(select(Signal)).all()) == 1
    assert len(db.exec(select(AttendanceEvent)).all()) == 1
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "signaal.vastgelegd")).all()) == 1


def test_without_session_items_wait(client, app_db):
    db, w = app_db
    r = client.post("/api/sync", json={"api_version": 1, "items": _items(w)}, headers=ORIGIN)
    assert r.status_code == 401
    db.expire_all()
    assert db.exec(select(Signal)).all() == []


def test_cross_site_requests_refused(client, app_db):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    body = {"api_version": 1, "items": _items(w)}
    assert client.post("/api/sync", json=body, headers={"origin": "http://testserver"}, cookies=cookies).status_code == 403
    assert client.post("/api/sync", json=body, headers={"origin": "https://elders.example", "x-kinderwerk": "1"},
                       cookies=cookies).status_code == 403
    db.expire_all()
    assert db.exec(select(Signal)).all() == []


def test_item_of_another_account_and_refusals_come_back_with_reason(client, app_db):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    items = _items(w)
    items[0]["queued_by"] = w.staff["aandachtsfunctionaris"]  # queued before someone else logged in
    items[1]["payload"].update({"child_id": w.child_b})  # a child of another location
    results = client.post("/api/sync", json={"api_version": 1, "items": items}, headers=ORIGIN,
                          cookies=cookies).json()["results"]
    assert [r["status"] for r in results] == ["geweigerd", "geweigerd"]
    assert "ander account" in results[0]["reason"]
    assert "hoort niet" in results[1]["reason"]
    db.expire_all()
    assert db.exec(select(Signal)).all() == [] and db.exec(select(AttendanceEvent)).all() == []


def test_old_app_version_must_reload(client, app_db):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    r = client.post("/api/sync", json={"api_version": 0, "items": _items(w)}, headers=ORIGIN, cookies=cookies)
    assert r.status_code == 409 and "Herlaad" in r.json()["error"]


def test_offline_context_needs_session_and_lists_only_own_locations(client, app_db):
    db, w = app_db
    assert client.get("/api/offline/context").status_code == 401
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    ctx = client.get("/api/offline/context", cookies=cookies).json()
    assert ctx["user_id"] == w.staff["kinderwerker"]
    assert {c["id"] for c in ctx["children"]} == {w.child_a}


def test_offline_context_lists_a_child_once_with_two_enrolments_covering_today(client, app_db):
    """A child with two placements at one huiskamer that both run today (say an old one and its
    successor overlapping a day) is one tile in the offline check-in, not two."""
    from datetime import date

    from kinderwerk_pwa.models import Enrolment

    db, w = app_db
    every_day = "1,2,3,4,5,6,7"  # whatever weekday the test runs on
    db.add_all([Enrolment(child_id=w.child_a, location_id=w.loc_a, weekdays=every_day, start_date=date(2026, 1, 5)),
                Enrolment(child_id=w.child_a, location_id=w.loc_a, weekdays=every_day, start_date=date(2026, 2, 2))])
    db.commit()
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    expected = client.get("/api/offline/context", cookies=cookies).json()["expected"]
    assert [(e["child_id"], e["location_id"]) for e in expected] == [(w.child_a, w.loc_a)]
