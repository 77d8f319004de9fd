"""An activity registration through the offline queue's API (/api/sync): stored once however often
the queue is sent, refusals come back with their Dutch reason and store nothing, and the offline
context carries this week's activities only for those who may register them."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select
from starlette.testclient import TestClient

from kinderwerk_pwa.api.app import create_api
from kinderwerk_pwa.domain.activiteiten import planning
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityRegistration,
    ActivityTally,
    AuditEvent,
)
from tests.handlers import login_token

HEADERS = {"origin": "http://testserver", "x-kinderwerk": "1"}


@pytest.fixture
def api(app_db, trusted_testserver):
    with TestClient(create_api(), follow_redirects=False) as c:
        yield c


@pytest.fixture
def today_activity(app_db):
    db, w = app_db
    result = planning.plan_series(load_actor(db, w.staff["teamleider"]), db, {
        "client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "title": "Droomspeelbus op het plein",
        "kind": "droomspeelbus", "themes": ["samenwerken"], "place_kind": "plein", "place_name": "Stadhuisplein",
        "first_day": local_today().isoformat(), "start_time": "00:00", "end_time": "00:01",
        "planned_children": 20})
    return result.activity_ids[0]


def _item(w, activity_id, **payload):
    return {"type": "activiteit", "queued_by": w.staff["kinderwerker"], "payload": {
        "client_uuid": str(uuid.uuid4()), "activity_id": activity_id, "status": "gerealiseerd",
        "children": [w.child_a], "tally": {"4-6": {"jongen": 4}, "7-9": {"meisje": 3}},
        "note": "Veel kinderen bleven tot het einde", **payload}}


def test_the_same_queue_twice_stores_the_registration_once(api, app_db, today_activity):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    body = {"api_version": 1, "items": [_item(w, today_activity)]}
    first = api.post("/api/sync", json=body, headers=HEADERS, cookies=cookies).json()["results"]
    second = api.post("/api/sync", json=body, headers=HEADERS, cookies=cookies).json()["results"]
    assert [r["status"] for r in first] == [r["status"] for r in second] == ["opgeslagen"]
    assert first[0]["id"] == second[0]["id"]
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ActivityRegistration)).one() == 1
    assert db.exec(select(func.count()).select_from(ActivityChild)).one() == 1
    assert sorted(db.exec(select(ActivityTally.count)).all()) == [3, 4]
    assert db.get(Activity, today_activity).status == "gerealiseerd"
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "activiteit.geregistreerd")).all()) == 1


def test_refusals_come_back_with_a_reason_and_store_nothing(api, app_db, today_activity):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["kinderwerker"])}
    items = [_item(w, today_activity, tally={"4-6": {"jongen": -2}}),
             _item(w, today_activity, children=[w.child_b]),
             {**_item(w, today_activity), "queued_by": w.staff["teamleider"]}]
    results = api.post("/api/sync", json={"api_version": 1, "items": items}, headers=HEADERS,
                       cookies=cookies).json()["results"]
    assert [r["status"] for r in results] == ["geweigerd"] * 3
    assert "niet negatief" in results[0]["reason"] and "hoort niet" in results[1]["reason"]
    assert "ander account" in results[2]["reason"]
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ActivityRegistration)).one() == 0
    assert db.get(Activity, today_activity).status == "gepland"


def test_a_beheerder_cannot_register_through_the_queue(api, app_db, today_activity):
    db, w = app_db
    cookies = {"kw_sessie": login_token(db, w.staff["beheerder"])}
    item = {**_item(w, today_activity), "queued_by": w.staff["beheerder"]}
    results = api.post("/api/sync", json={"api_version": 1, "items": [item]}, headers=HEADERS,
                       cookies=cookies).json()["results"]
    assert results[0]["status"] == "geweigerd"
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ActivityRegistration)).one() == 0


def test_offline_context_carries_the_week_only_for_who_may(api, app_db, today_activity):
    db, w = app_db
    ctx = api.get("/api/offline/context", cookies={"kw_sessie": login_token(db, w.staff["kinderwerker"])}).json()
    assert [a["id"] for a in ctx["activities"]] == [today_activity]
    assert ctx["activities"][0]["kind_label"] == "Droomspeelbus"
    assert {g["code"] for g in ctx["activity_catalog"]["genders"]} == {"jongen", "meisje", "anders"}
    # The beheerder (linked to location A for beheer) gets neither activities nor children's names.
    beheer = api.get("/api/offline/context", cookies={"kw_sessie": login_token(db, w.staff["beheerder"])}).json()
    assert beheer["activities"] == [] and beheer["children"] == [] and beheer["expected"] == []
    assert "Sem" not in str(beheer)
    next_week = local_today() + timedelta(days=7)
    assert all(a["day"] < next_week.isoformat() for a in ctx["activities"])
