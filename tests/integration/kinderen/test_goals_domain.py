"""Leerdoelen in the domain: goal moments and evaluations (validated, idempotent, audited), the
chart series per Amsterdam day, goal status and goals added after the intake - on real SQLite."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import AMSTERDAM, local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, NotFound, PermissionDenied
from kinderwerk_pwa.domain.kinderen import goals as gl
from kinderwerk_pwa.models import Goal, GoalProgress, utcnow
from tests.world import actor, add_colleague, audits, row_count


def a_goal(db, w, title="Samen spelen zonder ruzie") -> int:
    return gl.add_goal(actor(db, w), db, w.child_a, w.loc_a, title)


def local(day, hour, minute=0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def moment(goal_id, went_well=True, at=None, **extra) -> dict:
    data = {"client_uuid": str(uuid.uuid4()), "goal_id": goal_id, "went_well": went_well}
    if at is not None:
        data["at"] = at.isoformat() if isinstance(at, datetime) else at
    data.update(extra)
    return data


def evaluation(goal_id, score, at=None) -> dict:
    data = {"client_uuid": str(uuid.uuid4()), "goal_id": goal_id, "score": score}
    if at is not None:
        data["at"] = at.isoformat()
    return data


# ---- moments, evaluations and the series ------------------------------------------------------

def test_moments_and_evaluations_give_the_chart_series(app_db):
    db, w = app_db
    kw = actor(db, w)
    goal_id = a_goal(db, w)
    today = local_today()
    d1, d2 = today - timedelta(days=3), today - timedelta(days=2)
    for went_well, at in [(True, local(d1, 15)), (False, local(d1, 16)), (True, local(d1, 17)),
                          (False, local(d2, 15, 30))]:
        gl.record_goal_moment(kw, db, moment(goal_id, went_well, at))
    # 23:30 UTC on d2 is already d3 in Amsterdam: it counts for the Amsterdam day.
    d3 = d2 + timedelta(days=1)
    gl.record_goal_moment(kw, db, moment(goal_id, True, datetime.combine(d2, time(23, 30), tzinfo=UTC)))
    gl.record_evaluation(kw, db, evaluation(goal_id, 4, local(d2, 18)))
    gl.record_evaluation(kw, db, evaluation(goal_id, 2, local(d1, 18)))
    assert row_count(db, GoalProgress) == 7

    views = gl.child_goals(kw, db, w.child_a)
    assert len(views) == 1
    view = views[0]
    assert (view.id, view.title, view.status, view.status_label, view.achieved_on) == (
        goal_id, "Samen spelen zonder ruzie", "actief", "Actief", None)
    assert (view.location_id, view.location_name, view.start_date) == (w.loc_a, "Huiskamer De Vlieger", today)
    assert view.moments == [(d1, 2, 1), (d2, 0, 1), (d3, 1, 0)]
    assert view.evaluations == [(d1, 2), (d2, 4)]  # chronological, not in the order recorded

    stored = db.exec(select(GoalProgress).where(GoalProgress.kind == "evaluatie")).all()
    assert sorted(p.score for p in stored) == [2, 4]
    assert all(p.by_id == kw.id and p.went_well is None for p in stored)
    assert len(audits(db, "leerdoel.moment", actor_id=kw.id)) == 5
    assert len(audits(db, "leerdoel.evaluatie", actor_id=kw.id)) == 2
    read = audits(db, "leerdoel.gelezen", actor_id=kw.id)
    assert len(read) == 1 and read[0].child_id == w.child_a and read[0].outcome == "toegestaan"


def test_moment_without_time_is_now(app_db):
    db, w = app_db
    goal_id = a_goal(db, w)
    point = db.get(GoalProgress, gl.record_goal_moment(actor(db, w), db, moment(goal_id, False)))
    assert point.kind == "moment" and point.went_well is False
    assert abs(point.at - utcnow()) < timedelta(minutes=1)


def test_goals_are_listed_active_first(app_db):
    db, w = app_db
    kw = actor(db, w)
    done = a_goal(db, w, "Hulp vragen")
    active = a_goal(db, w, "Beurt afwachten")
    gl.set_goal_status(kw, db, done, "behaald")
    assert [v.id for v in gl.child_goals(kw, db, w.child_a)] == [active, done]


# ---- validation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("score", [0, 6, -1, "vijf", "", None, True, 3.5])
def test_score_outside_1_to_5_is_refused(app_db, score):
    db, w = app_db
    goal_id = a_goal(db, w)
    with pytest.raises(InvalidInput) as exc:
        gl.record_evaluation(actor(db, w), db, evaluation(goal_id, score))
    assert exc.value.message == texts.FOUT_SCORE
    assert exc.value.fields == {"score": texts.FOUT_SCORE}
    assert row_count(db, GoalProgress) == 0
    assert audits(db, "leerdoel.evaluatie") == []


@pytest.mark.parametrize("score", [1, 5, "3"])
def test_scores_1_to_5_are_accepted(app_db, score):
    db, w = app_db
    goal_id = a_goal(db, w)
    point = db.get(GoalProgress, gl.record_evaluation(actor(db, w), db, evaluation(goal_id, score)))
    assert point.score == int(score)


@pytest.mark.parametrize(
    ("at", "message"),
    [("FUTURE", texts.FOUT_TOEKOMST), ("2026-11-01T15:00", texts.FOUT_TIJD_ONGELDIG),
     ("gisteren", texts.FOUT_TIJD_ONGELDIG)],
)
def test_future_or_unreadable_time_is_refused(app_db, at, message):
    db, w = app_db
    goal_id = a_goal(db, w)
    if at == "FUTURE":
        at = (utcnow() + timedelta(hours=1)).isoformat()
    for record, payload in [(gl.record_goal_moment, moment(goal_id, True, at)),
                            (gl.record_evaluation, {**evaluation(goal_id, 3), "at": at})]:
        with pytest.raises(InvalidInput) as exc:
            record(actor(db, w), db, payload)
        assert exc.value.message == message
        assert exc.value.fields == {"at": message}
    assert row_count(db, GoalProgress) == 0


@pytest.mark.parametrize("went_well", [None, "misschien", ""])
def test_moment_needs_went_well(app_db, went_well):
    db, w = app_db
    goal_id = a_goal(db, w)
    with pytest.raises(InvalidInput) as exc:
        gl.record_goal_moment(actor(db, w), db, moment(goal_id, went_well))
    assert exc.value.message == texts.FOUT_GING_GOED
    assert row_count(db, GoalProgress) == 0


def test_progress_on_a_goal_that_is_not_active_is_refused(app_db):
    db, w = app_db
    kw = actor(db, w)
    goal_id = a_goal(db, w)
    gl.set_goal_status(kw, db, goal_id, "gestopt")
    with pytest.raises(InvalidInput) as exc:
        gl.record_goal_moment(kw, db, moment(goal_id))
    assert exc.value.message == texts.FOUT_LEERDOEL_NIET_ACTIEF
    assert row_count(db, GoalProgress) == 0


def test_unknown_goal_is_not_found(app_db):
    db, w = app_db
    kw = actor(db, w)
    with pytest.raises(NotFound):
        gl.record_goal_moment(kw, db, moment(9999))
    assert len(audits(db, "leerdoel.bijwerken", actor_id=kw.id, outcome="geweigerd")) == 1


# ---- idempotency --------------------------------------------------------------------------------

def test_same_moment_twice_is_stored_once(app_db):
    db, w = app_db
    kw = actor(db, w)
    goal_id = a_goal(db, w)
    payload = moment(goal_id, True)
    first = gl.record_goal_moment(kw, db, payload)
    second = gl.record_goal_moment(kw, db, dict(payload))
    assert first == second
    assert row_count(db, GoalProgress) == 1
    assert len(audits(db, "leerdoel.moment")) == 1
    ev = evaluation(goal_id, 3)
    assert gl.record_evaluation(kw, db, ev) == gl.record_evaluation(kw, db, dict(ev))
    assert row_count(db, GoalProgress) == 2


def test_someone_elses_client_uuid_is_refused(app_db):
    db, w = app_db
    goal_id = a_goal(db, w)
    payload = moment(goal_id, True)
    gl.record_goal_moment(actor(db, w), db, payload)
    colleague = add_colleague(db, w)
    with pytest.raises(PermissionDenied):
        gl.record_goal_moment(colleague, db, payload)
    assert row_count(db, GoalProgress) == 1
    assert len(audits(db, "leerdoel.bijwerken", actor_id=colleague.id, outcome="geweigerd")) == 1


# ---- status and new goals ------------------------------------------------------------------------

def test_goal_status_behaald_sets_the_date_and_actief_clears_it(app_db):
    db, w = app_db
    kw = actor(db, w)
    goal_id = a_goal(db, w)
    gl.set_goal_status(kw, db, goal_id, "behaald")
    db.expire_all()
    goal = db.get(Goal, goal_id)
    assert (goal.status, goal.achieved_on) == ("behaald", local_today())
    gl.set_goal_status(kw, db, goal_id, "actief")
    db.expire_all()
    goal = db.get(Goal, goal_id)
    assert (goal.status, goal.achieved_on) == ("actief", None)
    rows = audits(db, "leerdoel.status", actor_id=kw.id)
    assert [r.detail for r in rows] == ["van=actief;naar=behaald", "van=behaald;naar=actief"]


@pytest.mark.parametrize(
    ("status", "achieved_on", "message"),
    [("klaar", None, texts.FOUT_LEERDOEL_STATUS), ("", None, texts.FOUT_LEERDOEL_STATUS),
     ("behaald", "FUTURE", texts.FOUT_DATUM_TOEKOMST), ("behaald", "2000-01-01", "BEFORE"),
     ("behaald", "morgen", texts.FOUT_DATUM)],
)
def test_invalid_goal_status_changes_nothing(app_db, status, achieved_on, message):
    db, w = app_db
    goal_id = a_goal(db, w)
    if achieved_on == "FUTURE":
        achieved_on = (local_today() + timedelta(days=1)).isoformat()
    if message == "BEFORE":
        message = texts.FOUT_BEHAALD_VOOR_START.format(datum=local_today().strftime("%d-%m-%Y"))
    with pytest.raises(InvalidInput) as exc:
        gl.set_goal_status(actor(db, w), db, goal_id, status, achieved_on)
    assert exc.value.message == message
    db.expire_all()
    goal = db.get(Goal, goal_id)
    assert (goal.status, goal.achieved_on) == ("actief", None)
    assert audits(db, "leerdoel.status") == []


def test_add_goal_after_intake(app_db):
    db, w = app_db
    kw = actor(db, w)
    goal_id = gl.add_goal(kw, db, w.child_a, w.loc_a, "  Rustig blijven bij verliezen  ")
    goal = db.get(Goal, goal_id)
    assert (goal.title, goal.child_id, goal.location_id, goal.status, goal.start_date, goal.created_by_id) == (
        "Rustig blijven bij verliezen", w.child_a, w.loc_a, "actief", local_today(), kw.id)
    assert len(audits(db, "leerdoel.toegevoegd", actor_id=kw.id)) == 1
    with pytest.raises(InvalidInput) as exc:
        gl.add_goal(kw, db, w.child_a, w.loc_a, "rustig blijven bij verliezen")
    assert exc.value.message == texts.FOUT_LEERDOEL_BESTAAT
    assert row_count(db, Goal) == 1


@pytest.mark.parametrize(("title", "message"), [("", texts.FOUT_LEERDOEL_LEEG), ("   ", texts.FOUT_LEERDOEL_LEEG),
                                                 ("x" * 201, texts.FOUT_LEERDOEL_TE_LANG.format(n=200))])
def test_invalid_goal_title_stores_nothing(app_db, title, message):
    db, w = app_db
    with pytest.raises(InvalidInput) as exc:
        gl.add_goal(actor(db, w), db, w.child_a, w.loc_a, title)
    assert exc.value.message == message
    assert row_count(db, Goal) == 0


def test_goal_at_a_location_the_child_does_not_belong_to_is_refused(app_db):
    db, w = app_db
    kw_b = actor(db, w, "kinderwerker_b")
    with pytest.raises(PermissionDenied):
        gl.add_goal(kw_b, db, w.child_a, w.loc_b, "Vriendjes maken")
    assert row_count(db, Goal) == 0
    assert len(audits(db, "leerdoel.bijwerken", actor_id=kw_b.id, outcome="geweigerd")) == 1


# ---- permissions ----------------------------------------------------------------------------------

CALLS = {
    "child_goals": ("kind.lezen", lambda who, db, w, g: gl.child_goals(who, db, w.child_a)),
    "record_goal_moment": ("leerdoel.bijwerken", lambda who, db, w, g: gl.record_goal_moment(who, db, moment(g))),
    "record_evaluation": ("leerdoel.bijwerken", lambda who, db, w, g: gl.record_evaluation(who, db, evaluation(g, 3))),
    "set_goal_status": ("leerdoel.bijwerken", lambda who, db, w, g: gl.set_goal_status(who, db, g, "behaald")),
    "add_goal": ("leerdoel.bijwerken", lambda who, db, w, g: gl.add_goal(who, db, w.child_a, w.loc_a, "Nieuw doel")),
}


@pytest.mark.parametrize("who", ["kinderwerker_b", "beheerder"])
@pytest.mark.parametrize("name", sorted(CALLS))
def test_others_are_refused_and_the_refusal_is_audited(app_db, name, who):
    db, w = app_db
    goal_id = a_goal(db, w)
    action, call = CALLS[name]
    with pytest.raises(PermissionDenied):
        call(actor(db, w, who), db, w, goal_id)
    denied = audits(db, action, actor_id=w.staff[who], outcome="geweigerd")
    assert len(denied) == 1 and denied[0].child_id == w.child_a
    assert audits(db, "leerdoel.gelezen") == []
    assert row_count(db, GoalProgress) == 0 and row_count(db, Goal) == 1
    db.expire_all()
    assert db.get(Goal, goal_id).status == "actief"


def test_no_goal_is_added_to_an_anonymised_child(app_db):
    from kinderwerk_pwa.domain.bewaren.erase import anonymise_child
    from kinderwerk_pwa.models import Child

    db, w = app_db
    anonymise_child(db, db.get(Child, w.child_a), utcnow(), set())
    db.commit()
    goals = row_count(db, Goal)
    with pytest.raises(NotFound):
        gl.add_goal(actor(db, w), db, w.child_a, w.loc_a, "Rustig blijven bij verliezen")
    assert row_count(db, Goal) == goals
