"""Issue 15, the page handlers called as a browser would: Vandaag in the order of the role's
working day (check-in first, due today, overdue collapsed to a count), the team overview's overdue
figures opening the location's list, and the goal's conversations on the child's page."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlmodel import select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.gesprekken import conversations as conv
from kinderwerk_pwa.models import AuditEvent, Enrolment, Goal, Guardian, utcnow
from kinderwerk_pwa.pages.kind import KindState
from kinderwerk_pwa.pages.overzicht import OverzichtState
from kinderwerk_pwa.pages.vandaag import VandaagState
from tests.handlers import login_token, state_for
from tests.world import actor


def _day(db, w, goal_ids=()):
    """Sem expected at A today, a conversation with one agreement due today and one overdue."""
    today = local_today()
    db.add(Enrolment(child_id=w.child_a, location_id=w.loc_a, weekdays=str(today.isoweekday()),
                     start_date=date(today.year, 1, 1)))
    db.commit()
    guardian = db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a)).first()
    return conv.record_conversation(actor(db, w), db, {
        "client_uuid": str(uuid.uuid4()), "family_id": w.family_a, "location_id": w.loc_a,
        "guardian_ids": [guardian], "child_ids": [w.child_a], "kind": "evaluatie",
        "held_at": (utcnow() - timedelta(days=10)).isoformat(), "facts": "Evaluatie met moeder.",
        "goal_ids": list(goal_ids),
        "agreements": [
            {"description": "Moeder belt de huisarts", "owner_kind": "ouder",
             "due_date": (today - timedelta(days=2)).isoformat()},
            {"description": "Ik bel de juf", "owner_kind": "kinderwerker", "due_date": today.isoformat()}]})


def test_vandaag_for_a_kinderwerker_starts_with_the_check_in(app_db):
    db, w = app_db
    _day(db, w)
    state = state_for(VandaagState, login_token(db, w.staff["kinderwerker"]), "/")
    state.load()
    assert state.error == "" and state.layout == "kinderwerker"
    assert [c["id"] for c in state.checkins] == [str(w.loc_a)]
    assert state.checkins[0]["text"] == texts.VANDAAG_INCHECKEN.format(locatie="Huiskamer De Vlieger")
    assert [a["text"] for a in state.agreements] == ["Ik bel de juf"]
    assert [a["text"] for a in state.overdue] == ["Moeder belt de huisarts"]
    assert state.overdue_label == texts.VANDAAG_ACHTERSTALLIG.format(n=1)
    # Done: the count goes with it.
    state.agreement_done(state.overdue[0]["id"])
    assert state.overdue == [] and state.overdue_label == ""


def test_vandaag_layout_follows_the_role(app_db):
    db, w = app_db
    _day(db, w)
    for key in ("aandachtsfunctionaris", "teamleider", "kinderwerker_b"):
        state = state_for(VandaagState, login_token(db, w.staff[key]), "/")
        state.load()
        assert state.layout == {"kinderwerker_b": "kinderwerker"}.get(key, key)
    # The kinderwerker at B has no huiskamer with a programme today at A: no check-in of A.
    assert str(w.loc_a) not in [c["id"] for c in state.checkins]


def test_the_overview_figure_opens_the_locations_list_for_the_teamleider(app_db):
    db, w = app_db
    _day(db, w)
    state = state_for(OverzichtState, login_token(db, w.staff["teamleider"]), "/overzicht")
    state.load()
    loc = next(loc for loc in state.locations if loc["id"] == str(w.loc_a))
    assert loc["agreements"] == "1"
    state.toggle(f"{w.loc_a}:agreements")
    assert state.error == "" and state.open_list == f"{w.loc_a}:agreements"
    assert len(state.overdue_agreements) == 1 and "Moeder belt de huisarts" in state.overdue_agreements[0]["text"]
    assert state.overdue_agreements[0]["id"] == str(w.family_a)
    state.toggle(f"{w.loc_a}:feedback")
    assert state.late_feedback == [] and state.error == ""
    # A location id the page never offered: refused, audited, nothing shown.
    state.toggle(f"{w.loc_b}:agreements")
    assert state.error == texts.GEEN_TOEGANG
    assert all(r["location"] != str(w.loc_b) for r in state.overdue_agreements)
    db.expire_all()
    refused = db.exec(select(AuditEvent).where(AuditEvent.actor_id == w.staff["teamleider"],
                                               AuditEvent.action == "overzicht.team",
                                               AuditEvent.outcome == "geweigerd")).all()
    assert refused and refused[-1].object_id == str(w.loc_b)


def test_the_goal_shows_the_conversations_that_evaluated_it(app_db):
    db, w = app_db
    goal = Goal(child_id=w.child_a, location_id=w.loc_a, title="Samen spelen", start_date=date(2026, 1, 5),
                created_by_id=w.staff["kinderwerker"])
    db.add(goal)
    db.commit()
    _day(db, w, goal_ids=[goal.id])
    state = state_for(KindState, login_token(db, w.staff["kinderwerker"]), f"/kind/{w.child_a}",
                      {"kind_id": str(w.child_a)})
    state.load()
    card = next(g for g in state.goals if g.id == str(goal.id))
    assert len(card.conversations) == 1
    assert card.conversations[0]["family_id"] == str(w.family_a)
    assert "Evaluatie" in card.conversations[0]["text"] and "Test kinderwerker" in card.conversations[0]["text"]
