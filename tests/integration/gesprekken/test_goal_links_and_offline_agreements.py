"""Issue 15, left-outs (a) and (b), on SQLite and PostgreSQL: a conversation stores the leerdoelen
it evaluates (conversation_goal, in the same transaction) and the goal shows the conversations
that evaluated it to those who may read them; an offline conversation note carries agreements,
stored through the same record_conversation payload by the sync."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import Session, func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput
from kinderwerk_pwa.domain.gesprekken import conversations as conv
from kinderwerk_pwa.domain.kinderen.goals import child_goals
from kinderwerk_pwa.domain.offline.sync import store_item
from kinderwerk_pwa.models import (
    Agreement,
    Child,
    ChildLocation,
    ConversationGoal,
    Goal,
    Guardian,
    ParentConversation,
    StaffLocation,
    utcnow,
)
from tests.world import actor, add_colleague, audits, build_world

FACTS = "Evaluatie met moeder: Sem wacht vaker op zijn beurt en speelt langer samen."


@pytest.fixture
def world(db: Session):
    return build_world(db)


def _goal(db, w, child_id, title, location=None) -> int:
    goal = Goal(child_id=child_id, location_id=location or w.loc_a, title=title, start_date=date(2026, 1, 5),
                created_by_id=w.staff["kinderwerker"])
    db.add(goal)
    db.commit()
    return goal.id


def _payload(db, w, **extra) -> dict:
    guardian = db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a)).first()
    data = {"client_uuid": str(uuid.uuid4()), "family_id": w.family_a, "location_id": w.loc_a,
            "guardian_ids": [guardian], "child_ids": [w.child_a], "kind": "evaluatie",
            "held_at": (utcnow() - timedelta(hours=2)).isoformat(), "facts": FACTS}
    data.update(extra)
    return data


def _links(db) -> list[tuple[int, int]]:
    db.expire_all()
    return sorted((link.conversation_id, link.goal_id) for link in db.exec(select(ConversationGoal)).all())


def test_the_goals_a_conversation_evaluates_are_stored_and_shown_on_the_goal(db, world):
    w = world
    spelen = _goal(db, w, w.child_a, "Samen spelen")
    beurt = _goal(db, w, w.child_a, "Op je beurt wachten")
    los = _goal(db, w, w.child_a, "Rustig worden na boosheid")
    payload = _payload(db, w, goal_ids=[spelen, beurt])
    result = conv.record_conversation(actor(db, w), db, payload)
    assert result.created
    assert _links(db) == [(result.conversation_id, spelen), (result.conversation_id, beurt)]
    assert "leerdoelen=2" in audits(db, "gesprek.vastgelegd")[0].detail

    # A replay (the offline queue sending it again) stores no second link.
    again = conv.record_conversation(actor(db, w), db, payload)
    assert not again.created and len(_links(db)) == 2

    # On the goal: the conversation, with its day, kind and author; not on the goal it did not evaluate.
    for key in ("kinderwerker", "teamleider", "aandachtsfunctionaris"):
        views = {g.id: g for g in child_goals(actor(db, w, key), db, w.child_a)}
        linked = views[spelen].conversations
        assert [(c.conversation_id, c.family_id, c.kind_label, c.author_name) for c in linked] == \
            [(result.conversation_id, w.family_a, texts.CONVERSATION_KIND_LABELS["evaluatie"], "Test kinderwerker")]
        assert linked[0].held_on <= local_today()
        assert [c.conversation_id for c in views[beurt].conversations] == [result.conversation_id]
        assert views[los].conversations == []
    read = audits(db, "leerdoel.gelezen")[-1]
    assert "gesprekken=2" in read.detail and FACTS not in (read.detail or "")


def test_a_conversation_at_another_location_is_not_shown_to_who_may_not_read_it(db, world):
    w = world
    # Sem is also known at B; a colleague at B evaluates a goal of B there.
    db.add(ChildLocation(child_id=w.child_a, location_id=w.loc_b))
    db.commit()
    goal_b = _goal(db, w, w.child_a, "Zelf een spel kiezen", location=w.loc_b)
    result = conv.record_conversation(actor(db, w, "kinderwerker_b"), db,
                                      _payload(db, w, location_id=w.loc_b, goal_ids=[goal_b]))
    assert _links(db) == [(result.conversation_id, goal_b)]
    # The kinderwerker at B sees it; the kinderwerker of A (who may read Sem, not B's conversations) does not.
    seen_b = {g.id: g for g in child_goals(actor(db, w, "kinderwerker_b"), db, w.child_a)}
    assert [c.conversation_id for c in seen_b[goal_b].conversations] == [result.conversation_id]
    seen_a = {g.id: g for g in child_goals(actor(db, w, "kinderwerker"), db, w.child_a)}
    assert seen_a[goal_b].conversations == []


def test_a_refused_goal_stores_neither_conversation_nor_links(db, world):
    w = world
    own = _goal(db, w, w.child_a, "Samen spelen")
    stranger = Child(organisation_id=w.org_id, first_name="Lisa", last_name="de Vries",
                     date_of_birth=date(2018, 2, 1), status="actief")
    db.add(stranger)
    db.commit()
    other = _goal(db, w, stranger.id, "Op je beurt wachten")
    with pytest.raises(InvalidInput) as exc:
        conv.record_conversation(actor(db, w), db, _payload(db, w, goal_ids=[own, other]))
    assert exc.value.message == texts.FOUT_GESPREK_LEERDOEL
    db.rollback()
    assert _links(db) == []
    assert db.exec(select(func.count()).select_from(ParentConversation)).one() == 0


def test_the_links_go_with_the_conversation_transaction(db, world):
    """A conversation whose agreement id is already taken is refused as a whole: no links either."""
    w = world
    goal = _goal(db, w, w.child_a, "Samen spelen")
    taken = str(uuid.uuid4())
    first = _payload(db, w, agreements=[{"client_uuid": taken, "description": "Moeder belt school",
                                         "owner_kind": "ouder", "due_date": local_today().isoformat()}])
    conv.record_conversation(actor(db, w), db, first)
    second = _payload(db, w, goal_ids=[goal], agreements=[{"client_uuid": taken, "description": "Nog eens",
                                                           "owner_kind": "ouder",
                                                           "due_date": local_today().isoformat()}])
    with pytest.raises(InvalidInput):
        conv.record_conversation(actor(db, w), db, second)
    db.rollback()
    assert _links(db) == []


def test_an_offline_note_carries_agreements_through_the_sync(db, world):
    """The offline form's payload (assets/kinderwerk-offline.js, noteForm): agreements with their
    own client UUID, owner ouder / kinderwerker (the sender) / partner with a name, and a due date."""
    w = world
    worker = actor(db, w)
    today = local_today()
    guardian = db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a)).first()
    uuids = [str(uuid.uuid4()) for _ in range(4)]
    payload = {"client_uuid": uuids[0], "family_id": w.family_a, "guardian_ids": [guardian],
               "child_ids": [w.child_a], "kind": "informeel", "facts": FACTS,
               "held_at": (utcnow() - timedelta(days=3)).isoformat(),  # queued on a phone days ago
               "discussed_with_parent": True, "agreements": [
                   {"client_uuid": uuids[1], "description": "Moeder belt de huisarts", "owner_kind": "ouder",
                    "owner_name": "", "due_date": (today - timedelta(days=1)).isoformat()},
                   {"client_uuid": uuids[2], "description": "Ik vraag de juf hoe het gaat",
                    "owner_kind": "kinderwerker", "owner_name": "", "due_date": today.isoformat()},
                   {"client_uuid": uuids[3], "description": "Wijkteam belt moeder terug", "owner_kind": "partner",
                    "owner_name": "Wijkteam Stedenwijk", "due_date": (today + timedelta(days=7)).isoformat()}]}
    item = {"type": "gesprek", "queued_by": worker.id, "payload": payload}
    result = store_item(worker, db, item)
    assert result.status == "opgeslagen" and result.id, result
    db.expire_all()
    stored = db.exec(select(Agreement).order_by(Agreement.due_date)).all()
    assert [(a.client_uuid, a.owner_kind, a.owner_name, a.owner_staff_id, a.status) for a in stored] == [
        (uuids[1], "ouder", "Petra Jansen", None, "open"),
        (uuids[2], "kinderwerker", "Test kinderwerker", worker.id, "open"),
        (uuids[3], "partner", "Wijkteam Stedenwijk", None, "open"),
    ]
    assert {a.conversation_id for a in stored} == {result.id}
    # Sent again (the phone lost the answer): nothing twice.
    assert store_item(worker, db, item).id == result.id
    db.expire_all()
    assert db.exec(select(func.count()).select_from(Agreement)).one() == 3
    # They are on the follow-up lists at once: the overdue one first.
    mine = conv.my_agreements(worker, db, today)
    assert [r.description for r in mine][:2] == ["Moeder belt de huisarts", "Ik vraag de juf hoe het gaat"]


def test_an_offline_agreement_without_a_day_is_refused_with_its_reason(db, world):
    w = world
    worker = actor(db, w)
    guardian = db.exec(select(Guardian.id).where(Guardian.family_id == w.family_a)).first()
    payload = {"client_uuid": str(uuid.uuid4()), "family_id": w.family_a, "guardian_ids": [guardian],
               "child_ids": [w.child_a], "kind": "informeel", "facts": FACTS, "held_at": utcnow().isoformat(),
               "agreements": [{"client_uuid": str(uuid.uuid4()), "description": "Moeder belt de huisarts",
                               "owner_kind": "ouder", "due_date": ""}]}
    result = store_item(worker, db, {"type": "gesprek", "queued_by": worker.id, "payload": payload})
    assert result.status == "geweigerd" and result.reason
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ParentConversation)).one() == 0


def test_a_colleague_sees_the_link_too(db, world):
    w = world
    goal = _goal(db, w, w.child_a, "Samen spelen")
    colleague = add_colleague(db, w)
    result = conv.record_conversation(actor(db, w), db, _payload(db, w, goal_ids=[goal]))
    db.expire_all()
    assert db.exec(select(StaffLocation).where(StaffLocation.staff_id == colleague.id)).first()
    views = {g.id: g for g in child_goals(colleague, db, w.child_a)}
    assert [c.conversation_id for c in views[goal].conversations] == [result.conversation_id]
