"""Leerdoelen: the goals agreed at intake (or added later) and their progress - goal moments during
the day ('ging goed' / 'nog niet') and periodic evaluations (score 1-5).

Reading needs KIND_LEZEN on the child's locations; every change needs LEERDOEL_BIJWERKEN on the
goal's location. Both are audited in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import (
    Child,
    ChildLocation,
    ConversationGoal,
    Goal,
    GoalProgress,
    Location,
    ParentConversation,
    StaffUser,
    utcnow,
)
from ...models.goals import GOAL_STATUSES
from ..common.cleaning import clean_goal_title, client_uuid_of, parse_day
from ..common.clock import local_today, to_local
from ..common.errors import InvalidInput, NotFound, PermissionDenied
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can
from .children import load_child

FUTURE_TOLERANCE = timedelta(minutes=5)  # phone clocks drift a little
_STATUS_ORDER = {"actief": 0, "behaald": 1, "gestopt": 2}


@dataclass(frozen=True)
class GoalView:
    id: int
    title: str
    location_id: int
    location_name: str
    start_date: date
    status: str  # actief / behaald / gestopt
    status_label: str
    achieved_on: date | None
    # Chart series, chronological, by Amsterdam calendar day:
    evaluations: list[tuple[date, int]] = field(default_factory=list)  # (day, score 1-5), one per evaluation
    moments: list[tuple[date, int, int]] = field(default_factory=list)  # (day, went_well, not_yet) per day
    # Conversations that evaluated this goal (conversation_goal), those the actor may read, newest first.
    conversations: list[GoalConversation] = field(default_factory=list)


@dataclass(frozen=True)
class GoalConversation:
    conversation_id: int
    family_id: int
    held_on: date  # Amsterdam calendar day
    kind_label: str  # texts.CONVERSATION_KIND_LABELS
    author_name: str


def _goal_target(db: Session, goal: Goal) -> Target:
    child = db.get(Child, goal.child_id)
    return Target(child.organisation_id if child else -1, frozenset({goal.location_id}),
                  object_type="leerdoel", object_id=goal.id, child_id=goal.child_id)


def _load_goal(actor: Actor, db: Session, goal_id) -> Goal:
    goal = db.get(Goal, int(goal_id)) if str(goal_id or "").isdigit() else None
    if goal is None:
        audit.record_denied(db, actor, str(Action.LEERDOEL_BIJWERKEN), object_type="leerdoel", object_id=goal_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.LEERDOEL_BIJWERKEN, _goal_target(db, goal))
    return goal


def child_goals(actor: Actor, db: Session, child_id: int) -> list[GoalView]:
    """All goals of a child with their progress series: active goals first, then by start date.
    Audited as one read ('leerdoel.gelezen')."""
    child = load_child(actor, db, child_id)
    goals = db.exec(select(Goal).where(Goal.child_id == child.id)).all()
    goals = sorted(goals, key=lambda g: (_STATUS_ORDER.get(g.status, 9), g.start_date, g.id))
    ids = [g.id for g in goals]
    progress = db.exec(select(GoalProgress).where(GoalProgress.goal_id.in_(ids or [-1]))
                       .order_by(GoalProgress.at, GoalProgress.id)).all()
    evaluations: dict[int, list[tuple[date, int]]] = defaultdict(list)
    moments: dict[int, dict[date, list[int]]] = defaultdict(dict)
    for point in progress:
        day = to_local(point.at).date()
        if point.kind == "evaluatie" and point.score is not None:
            evaluations[point.goal_id].append((day, point.score))
        elif point.kind == "moment":
            counts = moments[point.goal_id].setdefault(day, [0, 0])
            counts[0 if point.went_well else 1] += 1
    linked = _linked_conversations(actor, db, ids)
    location_ids = {g.location_id for g in goals}
    names = dict(db.exec(select(Location.id, Location.name).where(Location.id.in_(location_ids or {-1}))).all())
    result = [
        GoalView(
            id=g.id, title=g.title, location_id=g.location_id, location_name=names.get(g.location_id, ""),
            start_date=g.start_date, status=g.status, status_label=texts.GOAL_STATUS_LABELS[g.status],
            achieved_on=g.achieved_on, evaluations=evaluations.get(g.id, []),
            moments=[(day, c[0], c[1]) for day, c in sorted(moments.get(g.id, {}).items())],
            conversations=linked.get(g.id, []),
        )
        for g in goals
    ]
    audit.record(db, actor, "leerdoel.gelezen", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"leerdoelen={len(result)};gesprekken={sum(len(v) for v in linked.values())}")
    db.commit()
    return result


def _linked_conversations(actor: Actor, db: Session, goal_ids: list[int]) -> dict[int, list[GoalConversation]]:
    """Per goal, the conversations that evaluated it and that the actor may read (GESPREK_LEZEN on
    the conversation's location), newest first. Read as part of child_goals (audited there)."""
    rows = db.exec(select(ConversationGoal.goal_id, ParentConversation)
                   .join(ParentConversation, ParentConversation.id == ConversationGoal.conversation_id)
                   .where(ConversationGoal.goal_id.in_(goal_ids or [-1]))
                   .order_by(ParentConversation.held_at.desc(), ParentConversation.id.desc())).all()
    rows = [(goal_id, c) for goal_id, c in rows if can(actor, Action.GESPREK_LEZEN, Target(
        c.organisation_id, frozenset({c.location_id}), author_id=c.author_id, object_type="gesprek", object_id=c.id))]
    author_ids = {c.author_id for _, c in rows} or {-1}
    authors = dict(db.exec(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(author_ids))).all())
    result: dict[int, list[GoalConversation]] = defaultdict(list)
    for goal_id, c in rows:
        result[goal_id].append(GoalConversation(
            c.id, c.family_id, to_local(c.held_at).date(), texts.CONVERSATION_KIND_LABELS.get(c.kind, c.kind),
            authors.get(c.author_id, "")))
    return result


def _parse_moment(value, now: datetime) -> datetime:
    if value is None or (isinstance(value, str) and not value.strip()):
        return now
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise InvalidInput(texts.FOUT_TIJD_ONGELDIG, {"at": texts.FOUT_TIJD_ONGELDIG}) from exc
    if moment.tzinfo is None:  # whose clock? refuse rather than guess
        raise InvalidInput(texts.FOUT_TIJD_ONGELDIG, {"at": texts.FOUT_TIJD_ONGELDIG})
    if moment > now + FUTURE_TOLERANCE:
        raise InvalidInput(texts.FOUT_TOEKOMST, {"at": texts.FOUT_TOEKOMST})
    return moment


def _went_well(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in ("ja", "true", "1"):
        return True
    if text in ("nee", "false", "0"):
        return False
    raise InvalidInput(texts.FOUT_GING_GOED, {"went_well": texts.FOUT_GING_GOED})


def _score(value) -> int:
    if isinstance(value, bool) or not str(value if value is not None else "").strip().isdigit():
        raise InvalidInput(texts.FOUT_SCORE, {"score": texts.FOUT_SCORE})
    score = int(str(value).strip())
    if not 1 <= score <= 5:
        raise InvalidInput(texts.FOUT_SCORE, {"score": texts.FOUT_SCORE})
    return score


def _record_progress(actor: Actor, db: Session, payload: dict, kind: str) -> int:
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(GoalProgress).where(GoalProgress.client_uuid == client_uuid)).first()
    if existing is not None:
        goal = _load_goal(actor, db, existing.goal_id)
        if existing.by_id != actor.id or existing.kind != kind:
            # Someone else's id: never reveal or touch that entry.
            audit.record_denied(db, actor, str(Action.LEERDOEL_BIJWERKEN), object_type="leerdoel",
                                object_id=goal.id, child_id=goal.child_id, location_id=goal.location_id)
            raise PermissionDenied(texts.GEEN_TOEGANG)
        return existing.id
    goal = _load_goal(actor, db, payload.get("goal_id"))
    now = utcnow()
    if kind == "moment":
        went_well, score = _went_well(payload.get("went_well")), None
    else:
        went_well, score = None, _score(payload.get("score"))
    at = _parse_moment(payload.get("at"), now)
    if goal.status != "actief":
        raise InvalidInput(texts.FOUT_LEERDOEL_NIET_ACTIEF)
    point = GoalProgress(client_uuid=client_uuid, goal_id=goal.id, at=at, kind=kind, went_well=went_well,
                         score=score, by_id=actor.id)
    db.add(point)
    try:
        db.flush()
    except IntegrityError:
        # The same entry arrived twice at once (form and offline queue): keep the first.
        db.rollback()
        return db.exec(select(GoalProgress).where(GoalProgress.client_uuid == client_uuid)).one().id
    detail = f"ging_goed={int(went_well)}" if kind == "moment" else f"score={score}"
    audit.record(db, actor, f"leerdoel.{kind}", object_type="leerdoel", object_id=goal.id,
                 child_id=goal.child_id, location_id=goal.location_id, detail=detail)
    db.commit()
    return point.id


def record_goal_moment(actor: Actor, db: Session, payload: dict) -> int:
    """A goal moment: client_uuid, goal_id, went_well (bool), at (aware datetime or ISO with offset;
    default now; not in the future). Returns the GoalProgress id. Idempotent on client_uuid."""
    return _record_progress(actor, db, payload, "moment")


def record_evaluation(actor: Actor, db: Session, payload: dict) -> int:
    """An evaluation: client_uuid, goal_id, score (whole number 1-5), at (as for moments).
    Returns the GoalProgress id. Idempotent on client_uuid."""
    return _record_progress(actor, db, payload, "evaluatie")


def set_goal_status(actor: Actor, db: Session, goal_id: int, status: str,
                    achieved_on: date | str | None = None) -> None:
    """actief / behaald / gestopt. 'behaald' records achieved_on (default today, not in the future,
    not before the start); the other statuses clear it."""
    goal = _load_goal(actor, db, goal_id)
    if status not in GOAL_STATUSES:
        raise InvalidInput(texts.FOUT_LEERDOEL_STATUS, {"status": texts.FOUT_LEERDOEL_STATUS})
    if status == "behaald":
        today = local_today()
        day = parse_day(achieved_on, "achieved_on", default=today, not_after=today)
        if day < goal.start_date:
            message = texts.FOUT_BEHAALD_VOOR_START.format(datum=goal.start_date.strftime("%d-%m-%Y"))
            raise InvalidInput(message, {"achieved_on": message})
        goal.achieved_on = day
    else:
        goal.achieved_on = None
    previous, goal.status = goal.status, status
    db.add(goal)
    audit.record(db, actor, "leerdoel.status", object_type="leerdoel", object_id=goal.id,
                 child_id=goal.child_id, location_id=goal.location_id, detail=f"van={previous};naar={status}")
    db.commit()


def add_goal(actor: Actor, db: Session, child_id: int, location_id: int, title: str) -> int:
    """A goal added after the intake, at one of the child's locations, starting today. A second
    active goal with the same title (e.g. a double tap) is refused. Returns the Goal id."""
    child = db.get(Child, child_id)
    if child is None or child.anonymised_at is not None:  # anonymised (retention): no one's record
        audit.record_denied(db, actor, str(Action.LEERDOEL_BIJWERKEN), object_type="kind", object_id=child_id)
        raise NotFound(texts.NIET_GEVONDEN)
    known_at = set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child.id)).all())
    # Only a location the child belongs to counts: another id never grants anything.
    authorize(actor, db, Action.LEERDOEL_BIJWERKEN,
              Target(child.organisation_id, frozenset({location_id} & known_at), object_type="leerdoel",
                     child_id=child.id))
    title = clean_goal_title(title)
    duplicate = [g for g in db.exec(select(Goal).where(Goal.child_id == child.id, Goal.location_id == location_id,
                                                       Goal.status == "actief")).all()
                 if g.title.casefold() == title.casefold()]
    if duplicate:
        raise InvalidInput(texts.FOUT_LEERDOEL_BESTAAT, {"title": texts.FOUT_LEERDOEL_BESTAAT})
    goal = Goal(child_id=child.id, location_id=location_id, title=title, start_date=local_today(),
                status="actief", created_by_id=actor.id)
    db.add(goal)
    db.flush()
    audit.record(db, actor, "leerdoel.toegevoegd", object_type="leerdoel", object_id=goal.id,
                 child_id=child.id, location_id=location_id)
    db.commit()
    return goal.id
