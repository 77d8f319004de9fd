"""Activities (domain/activiteiten) on SQLite and PostgreSQL: planning a weekly series, the one
idempotent field registration, validation that stores nothing, permissions per role (beheerder
none), audit rows in the same transaction, moving and editing, the views, and the offline context."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from kinderwerk_pwa.domain.activiteiten import planning, programme, registration
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.offline.sync import HANDLERS, offline_context, store_item
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    AuditEvent,
    Child,
    ChildLocation,
)
from tests.world import build_world

NOTE = "Ahmed en Lisa losten samen een ruzie op bij het klimrek"


@pytest.fixture
def world(db: Session):
    return db, build_world(db)


def actor(db, w, key="kinderwerker"):
    return load_actor(db, w.staff[key])


def plan_payload(w, **extra) -> dict:
    today = local_today()
    return {"client_uuid": str(uuid.uuid4()), "location_id": w.loc_a, "title": "Voetbal op het plein",
            "kind": "sport_spel", "themes": ["sociale_vaardigheden", "gezond_leven"], "place_kind": "speeltuin",
            "place_name": "Speeltuin De Wilg", "neighbourhood": "Kruidenwijk", "repeat": "wekelijks",
            "first_day": (today - timedelta(days=14)).isoformat(), "last_day": (today + timedelta(days=14)).isoformat(),
            "start_time": "15:00", "end_time": "16:30", "planned_children": 12, **extra}


def occurrence_on(db, series_id, day):
    return db.exec(select(Activity).where(Activity.series_id == series_id, Activity.day == day)).one()


def counts(db) -> dict[str, int]:
    """Rows in every activity table and allowed audit rows: 'nothing stored' means these stay."""
    db.expire_all()
    tables = [ActivitySeries, ActivitySeriesTheme, Activity, ActivityRegistration, ActivityChild, ActivityTally,
              ActivityObservation]
    result = {t.__name__: db.exec(select(func.count()).select_from(t)).one() for t in tables}
    result["audit_ok"] = db.exec(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.outcome == "toegestaan")).one()
    result["gepland"] = db.exec(select(func.count()).select_from(Activity).where(Activity.status == "gepland")).one()
    return result


def audits(db, action, outcome="toegestaan"):
    db.expire_all()
    return db.exec(select(AuditEvent).where(AuditEvent.action == action, AuditEvent.outcome == outcome)).all()


@pytest.fixture
def series(world):
    db, w = world
    result = planning.plan_series(actor(db, w), db, plan_payload(w))
    return db, w, result


def reg_payload(activity_id, **extra) -> dict:
    return {"client_uuid": str(uuid.uuid4()), "activity_id": activity_id, "status": "gerealiseerd", **extra}


# ---- planning ---------------------------------------------------------------------------------

def test_weekly_series_is_materialised_and_a_replay_plans_nothing_twice(world):
    db, w = world
    payload = plan_payload(w)
    first = planning.plan_series(actor(db, w), db, payload)
    again = planning.plan_series(actor(db, w), db, payload)
    today = local_today()
    assert first.created and not again.created and again.series_id == first.series_id
    days = db.exec(select(Activity.day).where(Activity.series_id == first.series_id).order_by(Activity.day)).all()
    assert days == [today - timedelta(days=14) + timedelta(days=7 * i) for i in range(5)]
    assert set(again.activity_ids) == set(first.activity_ids)
    assert counts(db)["ActivitySeries"] == 1 and counts(db)["Activity"] == 5
    assert sorted(db.exec(select(ActivitySeriesTheme.theme)).all()) == ["gezond_leven", "sociale_vaardigheden"]
    row = audits(db, "activiteit.gepland")
    assert len(row) == 1 and row[0].location_id == w.loc_a and "keren=5" in row[0].detail
    occurrence = db.get(Activity, first.activity_ids[0])
    assert (occurrence.planned_children, occurrence.location_id, occurrence.status) == (12, w.loc_a, "gepland")


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"end_time": "14:00"}, "end_time", "eindtijd ligt vóór"),
    ({"first_day": (date.today() + timedelta(days=400)).isoformat(), "repeat": "eenmalig"}, "first_day",
     "meer dan een jaar vooruit"),
    ({"last_day": (date.today() + timedelta(days=400)).isoformat()}, "last_day", "meer dan een jaar vooruit"),
    ({"kind": "paardrijden"}, "kind", "soort activiteit"),
    ({"themes": ["woordenschat", "ruimtevaart"]}, "themes", "ruimtevaart"),
    ({"planned_children": -3}, "planned_children", "geplande aantal"),
    ({"title": "  "}, "title", "naam van de activiteit"),
    ({"place_kind": "speeltuin", "place_name": ""}, "place_name", "plek"),
    ({"lead_staff_id": 10_000}, "lead_staff_id", "collega"),
])
def test_bad_plan_gets_a_dutch_message_and_stores_nothing(world, change, field, words):
    db, w = world
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        planning.plan_series(actor(db, w), db, plan_payload(w, **change))
    assert words in refused.value.message and field in refused.value.fields
    assert counts(db) == before


def test_who_may_plan(world):
    db, w = world
    for key in ("kinderwerker", "aandachtsfunctionaris", "teamleider"):
        assert planning.plan_series(actor(db, w, key), db, plan_payload(w)).created
    before = counts(db)
    for key, location in (("beheerder", w.loc_a), ("kinderwerker_b", w.loc_a), ("kinderwerker", w.loc_b)):
        with pytest.raises(PermissionDenied):
            planning.plan_series(actor(db, w, key), db, plan_payload(w, location_id=location))
    assert counts(db) == before
    denied = audits(db, "activiteit.plannen", "geweigerd")
    assert {(a.actor_id, a.location_id) for a in denied} == {
        (w.staff["beheerder"], w.loc_a), (w.staff["kinderwerker_b"], w.loc_a), (w.staff["kinderwerker"], w.loc_b)}


def test_update_series_shortens_the_future_and_keeps_what_was_registered(series):
    db, w, planned = series
    today = local_today()
    past = occurrence_on(db, planned.series_id, today - timedelta(days=7))
    registration.register_activity(actor(db, w), db, reg_payload(past.id, tally={"4-6": {"meisje": 2}}))
    payload = plan_payload(w, last_day=today.isoformat(), start_time="14:00", end_time="15:00", themes=["woordenschat"])
    result = planning.update_series(actor(db, w, "teamleider"), db, planned.series_id, payload)
    db.expire_all()
    rows = {a.day: a for a in db.exec(select(Activity).where(Activity.series_id == planned.series_id)).all()}
    assert sorted(rows) == [today - timedelta(days=14), today - timedelta(days=7), today]
    assert result.removed == 2
    assert rows[today].start_time.hour == 14 and rows[today - timedelta(days=7)].start_time.hour == 15
    assert rows[today - timedelta(days=7)].status == "gerealiseerd"
    assert db.exec(select(ActivitySeriesTheme.theme)).all() == ["woordenschat"]
    assert len(audits(db, "activiteit.gewijzigd")) == 1
    with pytest.raises(PermissionDenied):
        planning.update_series(actor(db, w, "beheerder"), db, planned.series_id, payload)


# ---- registration: the one way in -------------------------------------------------------------

def test_registration_is_idempotent_and_audited_per_child(series):
    db, w, planned = series
    today = local_today()
    activity = occurrence_on(db, planned.series_id, today - timedelta(days=7))
    payload = reg_payload(activity.id, children=[w.child_a, str(w.child_a)],
                          tally={"4-6": {"jongen": 3, "meisje": 2, "anders": 0}, "10-12": {"anders": 1}},
                          note=NOTE, observations={"sociale_vaardigheden": "Samen afgesproken wie begint."})
    first = registration.register_activity(actor(db, w), db, payload)
    again = registration.register_activity(actor(db, w), db, dict(payload))
    via_queue = store_item(actor(db, w), db, {"type": "activiteit", "queued_by": w.staff["kinderwerker"],
                                             "payload": dict(payload)})
    assert first.created and not again.created and again.registration_id == first.registration_id
    assert via_queue.status == "opgeslagen" and via_queue.id == first.registration_id
    assert HANDLERS["activiteit"] is registration.register_activity
    c = counts(db)
    assert (c["ActivityRegistration"], c["ActivityChild"], c["ActivityTally"], c["ActivityObservation"]) == (1, 1, 3, 1)
    reg = db.get(ActivityRegistration, first.registration_id)
    assert (reg.children_count, reg.anonymous_count, reg.note) == (1, 6, NOTE)
    assert db.get(Activity, activity.id).status == "gerealiseerd"
    assert len(audits(db, "activiteit.geregistreerd")) == 1
    per_child = audits(db, "activiteit.kind_aanwezig")
    assert [(a.child_id, a.object_id) for a in per_child] == [(w.child_a, str(activity.id))]
    assert not any("klimrek" in a.detail or "afgesproken" in a.detail
                   for a in db.exec(select(AuditEvent)).all())
    # A second, different registration of the same occurrence is refused; nothing changes.
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        registration.register_activity(actor(db, w), db, reg_payload(activity.id, tally={"7-9": {"jongen": 1}}))
    assert "al geregistreerd" in refused.value.message
    assert counts(db) == before


@pytest.mark.parametrize(("change", "words"), [
    ({"tally": {"4-6": {"jongen": -1}}}, "niet negatief"),
    ({"tally": {"4-6": {"jongen": "drie"}}}, "hele getallen"),
    ({"tally": {"13-16": {"jongen": 2}}}, "4-6"),
    ({"tally": {"4-6": {"onbekend": 2}}}, "anders/onbekend"),
    ({"observations": {"omgaan_met_geld": "Niet van deze activiteit"}}, "omgaan_met_geld"),
    ({"status": "misschien"}, "gerealiseerd, geannuleerd of verplaatst"),
    ({"status": "geannuleerd"}, "waarom"),
    ({"status": "geannuleerd", "reason": "Regen", "children": ["$CHILD"]}, "geen aanwezigen"),
    ({"status": "verplaatst"}, "nieuwe datum"),
    ({"status": "verplaatst", "new_day": (date.today() + timedelta(days=500)).isoformat()}, "jaar vooruit"),
    ({"status": "verplaatst", "new_day": "$DAY"}, "dezelfde"),
    ({"status": "verplaatst", "new_day": "$TOMORROW", "new_start_time": "17:00", "new_end_time": "16:00"},
     "eindtijd"),
    ({"children": ["abc"]}, "kind kan ik niet lezen"),
    ({"client_uuid": "geen-uuid"}, "kenmerk"),
])
def test_bad_registration_gets_a_dutch_message_and_stores_nothing(series, change, words):
    db, w, planned = series
    activity = occurrence_on(db, planned.series_id, local_today() - timedelta(days=7))
    payload = reg_payload(activity.id, children=[w.child_a], tally={"7-9": {"meisje": 4}}, note=NOTE)
    replacements = {"$CHILD": w.child_a, "$DAY": activity.day.isoformat(),
                    "$TOMORROW": (local_today() + timedelta(days=1)).isoformat()}
    for key, value in change.items():
        payload[key] = ([replacements.get(v, v) for v in value] if isinstance(value, list)
                        else replacements.get(value, value) if isinstance(value, str) else value)
    if payload["status"] != "gerealiseerd" and "children" not in change:
        payload.pop("children"), payload.pop("tally")
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        registration.register_activity(actor(db, w), db, payload)
    assert words in refused.value.message
    assert counts(db) == before


def test_a_child_of_another_location_is_refused_and_audited(series):
    db, w, planned = series
    activity = occurrence_on(db, planned.series_id, local_today() - timedelta(days=7))
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        registration.register_activity(actor(db, w), db, reg_payload(activity.id, children=[w.child_a, w.child_b],
                                                                     tally={"4-6": {"jongen": 2}}))
    assert "hoort niet" in refused.value.message
    assert counts(db) == before
    denied = audits(db, "activiteit.registreren", "geweigerd")
    assert [(a.object_type, a.object_id) for a in denied] == [("kind", str(w.child_b))]


def test_a_future_activity_cannot_be_realised_but_can_be_cancelled(series):
    db, w, planned = series
    future = occurrence_on(db, planned.series_id, local_today() + timedelta(days=7))
    with pytest.raises(InvalidInput) as refused:
        registration.register_activity(actor(db, w), db, reg_payload(future.id, tally={"4-6": {"jongen": 2}}))
    assert "nog niet geweest" in refused.value.message
    done = registration.register_activity(actor(db, w, "teamleider"), db,
                                          reg_payload(future.id, status="geannuleerd", reason="Studiedag school"))
    assert done.created and db.get(Activity, future.id).status == "geannuleerd"


def test_moving_makes_a_new_occurrence_on_the_new_date(series):
    db, w, planned = series
    today = local_today()
    activity = occurrence_on(db, planned.series_id, today + timedelta(days=7))
    new_day = today + timedelta(days=9)
    result = registration.register_activity(actor(db, w), db, reg_payload(
        activity.id, status="verplaatst", new_day=new_day.isoformat(), new_start_time="14:00", new_end_time="15:30",
        reason="Gymzaal bezet"))
    db.expire_all()
    moved = db.get(Activity, result.new_activity_id)
    assert db.get(Activity, activity.id).status == "verplaatst"
    assert (moved.day, moved.status, moved.moved_from_id, moved.start_time.hour) == (new_day, "gepland", activity.id, 14)
    item = programme.get_series(actor(db, w), db, planned.series_id)
    listed = {i.id: i for i in item.occurrences}
    assert listed[activity.id].moved_to == new_day and listed[moved.id].status == "gepland"
    # The new occurrence is registered like any other.
    assert db.get(ActivityRegistration, result.registration_id).reason == "Gymzaal bezet"


# ---- permissions per role ---------------------------------------------------------------------

def test_beheerder_and_other_locations_see_and_register_nothing(series):
    db, w, planned = series
    activity = occurrence_on(db, planned.series_id, local_today() - timedelta(days=7))
    before = counts(db)
    for key in ("beheerder", "kinderwerker_b"):
        with pytest.raises(PermissionDenied):
            registration.register_activity(actor(db, w, key), db, reg_payload(activity.id, tally={"4-6": {"jongen": 1}}))
        with pytest.raises(PermissionDenied):
            programme.open_activity(actor(db, w, key), db, activity.id)
        with pytest.raises(PermissionDenied):
            programme.week_programme(actor(db, w, key), db, w.loc_a)
        with pytest.raises(PermissionDenied):
            programme.month_programme(actor(db, w, key), db, [w.loc_a], local_today().year, local_today().month)
    assert programme.my_week(actor(db, w, "beheerder"), db) == []
    assert counts(db) == before
    assert len(audits(db, "activiteit.registreren", "geweigerd")) == 4  # register + open, twice
    assert len(audits(db, "activiteit.lezen", "geweigerd")) == 4


def test_aandachtsfunctionaris_and_teamleider_register_at_their_location(series):
    db, w, planned = series
    today = local_today()
    for key, delta in (("aandachtsfunctionaris", 7), ("teamleider", 14)):
        activity = occurrence_on(db, planned.series_id, today - timedelta(days=delta))
        assert registration.register_activity(actor(db, w, key), db,
                                              reg_payload(activity.id, children=[w.child_a])).created


# ---- the views --------------------------------------------------------------------------------

def test_open_activity_gives_tiles_with_regulars_first(series):
    db, w, planned = series
    today = local_today()
    newcomer = Child(organisation_id=w.org_id, first_name="Aaron", last_name="Aardig", date_of_birth=date(2018, 1, 1))
    gone = Child(organisation_id=w.org_id, first_name="Bram", last_name="Weg", date_of_birth=date(2017, 1, 1),
                 status="uitgestroomd")
    db.add_all([newcomer, gone])
    db.flush()
    db.add_all([ChildLocation(child_id=newcomer.id, location_id=w.loc_a),
                ChildLocation(child_id=gone.id, location_id=w.loc_a)])
    db.commit()
    earlier = occurrence_on(db, planned.series_id, today - timedelta(days=14))
    registration.register_activity(actor(db, w), db, reg_payload(earlier.id, children=[w.child_a]))
    activity = occurrence_on(db, planned.series_id, today - timedelta(days=7))
    sheet = programme.open_activity(actor(db, w), db, activity.id)
    assert [(t.child_id, t.regular, t.present) for t in sheet.children] == [
        (w.child_a, True, False), (newcomer.id, False, False)]
    assert sheet.themes == [("sociale_vaardigheden", "Sociale vaardigheden"),
                            ("gezond_leven", "Gezond leven en bewegen")]
    assert sheet.tally["10-12"] == {"jongen": 0, "meisje": 0, "anders": 0} and not sheet.registered
    assert sheet.activity.place == "Speeltuin: Speeltuin De Wilg" and sheet.activity.neighbourhood == "Kruidenwijk"
    opened = audits(db, "activiteit.geopend")
    assert len(opened) == 1 and opened[0].detail == "kinderen=2"
    registration.register_activity(actor(db, w), db, reg_payload(activity.id, children=[newcomer.id],
                                                                 tally={"7-9": {"meisje": 3}}, note=NOTE))
    sheet = programme.open_activity(actor(db, w), db, activity.id)
    assert sheet.registered and sheet.note == NOTE and sheet.tally["7-9"]["meisje"] == 3
    assert {t.child_id for t in sheet.children if t.present} == {newcomer.id}


def test_week_and_month_views_count_without_names(series):
    db, w, planned = series
    today = local_today()
    activity = occurrence_on(db, planned.series_id, today - timedelta(days=7))
    registration.register_activity(actor(db, w), db, reg_payload(activity.id, children=[w.child_a],
                                                                 tally={"4-6": {"jongen": 4}}))
    week = programme.week_programme(actor(db, w), db, w.loc_a, activity.day)
    items = [i for _, day_items in week.days for i in day_items]
    assert len(week.days) == 7 and [i.id for i in items] == [activity.id]
    assert (items[0].children_count, items[0].anonymous_count, items[0].contacts) == (1, 4, 5)
    assert items[0].kind_label == "Sport en spel" and items[0].status_label == "Gerealiseerd"
    month = programme.month_programme(actor(db, w, "teamleider"), db, [w.loc_a], today.year, today.month)
    expected = {a.id for a in db.exec(select(Activity)).all() if (a.day.year, a.day.month) == (today.year, today.month)}
    assert {i.id for i in month.items} == expected
    assert "Sem" not in repr(month) and "Sem" not in repr(week)
    with pytest.raises(InvalidInput):
        programme.month_programme(actor(db, w), db, [w.loc_a], today.year, 13)
    mine = programme.my_week(actor(db, w), db, today)
    assert {i.id for i in mine} == {a.id for a in db.exec(select(Activity)).all()
                                    if programme.week_start(a.day) == programme.week_start(today)}
    assert len(audits(db, "activiteit.week_gelezen")) == 2 and len(audits(db, "activiteit.maand_gelezen")) == 1
    view = programme.get_series(actor(db, w), db, planned.series_id)
    assert view.repeat == "wekelijks" and len(view.occurrences) == 5


def test_offline_context_has_this_weeks_activities_only_for_those_who_may(series):
    db, w, planned = series
    today = local_today()
    earlier = occurrence_on(db, planned.series_id, today - timedelta(days=7))
    registration.register_activity(actor(db, w), db, reg_payload(earlier.id, children=[w.child_a]))
    this_week = {a.id for a in db.exec(select(Activity)).all()
                 if programme.week_start(a.day) == programme.week_start(today)}
    ctx = offline_context(actor(db, w), db)
    assert {a["id"] for a in ctx["activities"]} == this_week
    assert all(a["regular_child_ids"] == [w.child_a] for a in ctx["activities"])
    assert {k["code"] for k in ctx["activity_catalog"]["kinds"]} >= {"sport_spel", "creatief", "ouderactiviteit"}
    for key in ("beheerder",):
        other = offline_context(actor(db, w, key), db)
        assert other["activities"] == [] and other["children"] == [] and other["expected"] == []
    assert offline_context(actor(db, w, "kinderwerker_b"), db)["activities"] == []
