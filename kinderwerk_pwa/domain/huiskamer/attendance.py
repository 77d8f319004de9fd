"""The day at a huiskamer: who is expected, and attendance as append-only events.

Each tap is an event with a client UUID (idempotent); the current state of a child for the day is
derived by folding the day's events in order, skipping undone ones. Undo is an event too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import (
    AttendanceEvent,
    Child,
    ChildLocation,
    Enrolment,
    FollowUp,
    Goal,
    Location,
    utcnow,
)
from ...models.attendance import ATTENDANCE_KINDS
from ..common.clock import format_day, local_today, to_local
from ..common.errors import InvalidInput, NotFound
from ..common.search import matches
from ..kinderen.consents import home_alone_withdrawn
from ..kinderen.households import check_collector, collect_rules
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.locations import enrolments_on
from ..toegang.permissions import Action, Target, authorize

PRESENT = "aanwezig"
GONE = ("opgehaald", "zelfstandig")
ABSENT = ("afgemeld", "afwezig")
MAX_BACKDATE = timedelta(days=7)  # an offline phone may send last week's taps


@dataclass
class ChildDay:
    child_id: int
    name: str
    status: str = "verwacht"  # verwacht / aanwezig / opgehaald / zelfstandig / afgemeld / afwezig
    since: datetime | None = None
    picked_up_by: str = ""
    reason: str = ""
    mood: int | None = None
    expected: bool = True  # enrolled today (else: an extra day)
    may_go_home_alone: bool = False
    home_alone_withdrawn_on: date | None = None  # the parents withdrew their consent on this day
    pickup_persons: list[str] = field(default_factory=list)  # who may collect (guardians and pick-up persons)
    pickup_lines: list[str] = field(default_factory=list)  # the same, each with who allowed it
    pickup_warnings: list[str] = field(default_factory=list)  # a guardian barred from collecting
    home_alone_line: str = ""  # who allowed going home alone, and when
    goals: list[tuple[int, str]] = field(default_factory=list)
    last_event_id: int | None = None  # the event an undo would revert


@dataclass
class DayView:
    location_id: int
    location_name: str
    capacity: int | None
    day: date
    children: list[ChildDay]
    counts: dict[str, int]
    version: str  # changes whenever an event is added: other devices reload on change
    follow_ups: list[dict]


def _location(actor: Actor, db: Session, location_id: int, action: Action) -> Location:
    location = db.get(Location, location_id)
    authorize(actor, db, action, Target(location.organisation_id if location else -1, frozenset({location_id}),
                                        object_type="locatie", object_id=location_id))
    if location is None:
        raise NotFound(texts.NIET_GEVONDEN)
    return location


def _fingerprint(count: int, top: int) -> str:
    return f"{count}:{top}"


def day_version(db: Session, location_id: int, day: date) -> str:
    """A cheap fingerprint of the day's events (how many, and the newest id): polled by every open
    Vandaag screen. The count catches an event that commits after a newer one."""
    # Grouped over the day's events of all locations: the day index is the selective one (SQLite,
    # without statistics, would otherwise walk the location's years of events).
    row = db.exec(select(func.count(AttendanceEvent.id), func.max(AttendanceEvent.id))
                  .where(AttendanceEvent.day == day).group_by(AttendanceEvent.location_id)
                  .having(AttendanceEvent.location_id == location_id)).first()
    return _fingerprint(row[0], row[1]) if row else _fingerprint(0, 0)


def count_statuses(statuses) -> dict[str, int]:
    """The counts at the top of the screen, from each expected child's status."""
    statuses = list(statuses)
    return {
        "verwacht": len(statuses),
        "aanwezig": sum(s == PRESENT for s in statuses),
        "opgehaald": sum(s in GONE for s in statuses),
        "afwezig": sum(s in ABSENT for s in statuses),
    }


def fold(events: list[AttendanceEvent]) -> dict[int, ChildDay]:
    """Derive each child's state from the day's events (in order), skipping undone ones."""
    undone = {e.undoes_id for e in events if e.kind == "ongedaan" and e.undoes_id}
    states: dict[int, ChildDay] = {}
    for e in sorted(events, key=lambda e: (e.at, e.id or 0)):
        if e.kind == "ongedaan" or e.id in undone:
            continue
        state = states.setdefault(e.child_id, ChildDay(e.child_id, "", expected=False))
        if e.kind == "extra":
            continue
        if e.kind == "stemming":
            state.mood = e.mood
            continue
        state.status, state.since, state.last_event_id = e.kind, e.at, e.id
        state.picked_up_by = e.picked_up_by if e.kind == "opgehaald" else ""
        state.reason = e.reason if e.kind in ABSENT else ""
    # An extra day without any other event is still "verwacht"
    for e in events:
        if e.kind == "extra" and e.id not in undone:
            states.setdefault(e.child_id, ChildDay(e.child_id, "", expected=False))
    return states


def _events(db: Session, location_id: int, day: date) -> list[AttendanceEvent]:
    return list(db.exec(select(AttendanceEvent).where(AttendanceEvent.location_id == location_id,
                                                      AttendanceEvent.day == day)).all())


def _child_events(db: Session, location_id: int, day: date, child_id: int) -> list[AttendanceEvent]:
    """One child's events of the day at a location: all a tap needs to fold. Selected by child and
    day (both indexed and selective; a location has years of events), the location filtered here."""
    rows = db.exec(select(AttendanceEvent).where(AttendanceEvent.child_id == child_id,
                                                 AttendanceEvent.day == day)).all()
    return [e for e in rows if e.location_id == location_id]


def _tap_time(payload: dict, now: datetime) -> tuple[datetime, str]:
    """When the tap happened (an offline phone sends its own time; else now), and the Dutch message
    when that time is not acceptable (then: now, so the day is still one to look up)."""
    if not payload.get("at"):
        return now, ""
    try:
        at = datetime.fromisoformat(str(payload["at"]))
    except ValueError:
        return now, texts.FOUT_TIJD_ONGELDIG
    if at.tzinfo is None:
        return now, texts.FOUT_TIJD_ONGELDIG
    if at > now + timedelta(minutes=5):
        return now, texts.FOUT_TOEKOMST
    return at, ""


def _child_here(db: Session, child_id: int, location_id: int, day: date) -> tuple[Child | None, bool, bool]:
    """The child, whether it is known at the location, and whether it is enrolled there on the day:
    one query, as a tap is the hot path of a huiskamer (each statement is a round trip)."""
    known = select(ChildLocation.child_id).where(ChildLocation.child_id == child_id,
                                                 ChildLocation.location_id == location_id).exists()
    enrolled = select(Enrolment.id).where(Enrolment.child_id == child_id, Enrolment.location_id == location_id,
                                          *enrolments_on(day)).exists()
    row = db.exec(select(Child, known, enrolled).where(Child.id == child_id)).first()
    return (row[0], bool(row[1]), bool(row[2])) if row else (None, False, False)


def _extra_ids(events: list[AttendanceEvent]) -> set[int]:
    undone = {e.undoes_id for e in events if e.kind == "ongedaan"}
    return {e.child_id for e in events if e.kind == "extra" and e.id not in undone}


def day_view(actor: Actor, db: Session, location_id: int, day: date | None = None) -> DayView:
    """Everything the Vandaag screen of a huiskamer shows. Audited as one read."""
    day = day or local_today()
    location = _location(actor, db, location_id, Action.AANWEZIGHEID_REGISTREREN)
    enrolled = set(db.exec(select(Enrolment.child_id).where(Enrolment.location_id == location_id,
                                                            *enrolments_on(day))).all())
    events = _events(db, location_id, day)
    folded = fold(events)
    ids = enrolled | set(folded)
    children = {c.id: c for c in db.exec(select(Child).where(Child.id.in_(ids or {-1}))).all()}
    collect = collect_rules(db, list(children.values()))
    goals: dict[int, list[tuple[int, str]]] = {}
    for g in db.exec(select(Goal).where(Goal.child_id.in_(ids or {-1}), Goal.status == "actief",
                                        Goal.location_id == location_id)).all():
        goals.setdefault(g.child_id, []).append((g.id, g.title))
    withdrawn = home_alone_withdrawn(db, ids)
    rows = []
    for child_id in ids:
        child = children.get(child_id)
        if child is None:
            continue
        row = folded.get(child_id) or ChildDay(child_id, "")
        row.name = child.full_name
        row.expected = child_id in enrolled
        row.may_go_home_alone = child.may_go_home_alone
        row.home_alone_withdrawn_on = None if child.may_go_home_alone else withdrawn.get(child_id)
        rules = collect[child_id]
        row.pickup_persons = [c.name for c in rules.collectors]
        row.pickup_lines = [c.line for c in rules.collectors]
        row.pickup_warnings = rules.warnings
        row.home_alone_line = rules.home_alone_line
        row.goals = goals.get(child_id, [])
        rows.append(row)
    rows.sort(key=lambda r: r.name)
    counts = count_statuses(r.status for r in rows)
    open_follow_ups = db.exec(select(FollowUp).where(FollowUp.location_id == location_id, FollowUp.status == "open",
                                                     FollowUp.due_date <= day).order_by(FollowUp.due_date)).all()
    missing = {f.child_id for f in open_follow_ups} - set(children)
    if missing:
        children.update({c.id: c for c in db.exec(select(Child).where(Child.id.in_(missing))).all()})
    follow_ups = [
        {"id": f.id, "child_id": f.child_id, "title": f.title, "due": f.due_date,
         "child": children[f.child_id].full_name if f.child_id in children else ""}
        for f in open_follow_ups
    ]
    audit.record(db, actor, "aanwezigheid.dag_gelezen", object_type="locatie", object_id=location_id,
                 location_id=location_id, detail=f"dag={day.isoformat()};kinderen={len(rows)}")
    db.commit()
    return DayView(location.id, location.name, location.capacity, day, rows, counts,
                   _fingerprint(len(events), max((e.id for e in events), default=0)), follow_ups)


@dataclass(frozen=True)
class TapResult:
    event_id: int
    created: bool
    # For a screen that updates one tile instead of reloading the day (set when created):
    child: ChildDay | None = None  # the child's state for the day, this tap included
    tile_only: bool = True  # False: the tap changed the list or the follow-ups too (LIST_KINDS)


# Kinds whose event changes more than the child's tile: the list of children (an extra day) or the
# follow-ups (absent adds "ouder bellen"). An undo of one of them does too; other undos do not.
LIST_KINDS = frozenset({"extra", "afwezig"})


def tile_only(kind: str, undone_kind: str | None = None) -> bool:
    return kind not in LIST_KINDS and not (kind == "ongedaan" and (undone_kind or "extra") in LIST_KINDS)


def record_attendance(actor: Actor, db: Session, payload: dict) -> TapResult:
    """The one way an attendance tap enters (online, offline queue, tests). Idempotent on client_uuid."""
    try:
        client_uuid = str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_CLIENT_UUID) from exc
    kind = str(payload.get("kind", ""))
    if kind not in ATTENDANCE_KINDS:
        raise InvalidInput(texts.FOUT_SOORT)
    location_id = int(payload["location_id"]) if str(payload.get("location_id", "")).isdigit() else -1
    child_id = int(payload["child_id"]) if str(payload.get("child_id", "")).isdigit() else -1
    existing = db.exec(select(AttendanceEvent).where(AttendanceEvent.client_uuid == client_uuid)).first()
    if existing is not None:
        if existing.by_id != actor.id and existing.location_id not in actor.location_ids:
            audit.record_denied(db, actor, "aanwezigheid.registreren", object_type="aanwezigheid",
                                object_id=existing.id)
            raise InvalidInput(texts.GEEN_TOEGANG)
        return TapResult(existing.id, False)
    location = _location(actor, db, location_id, Action.AANWEZIGHEID_REGISTREREN)
    now = utcnow()
    at, bad_time = _tap_time(payload, now)
    day = to_local(at).date()
    child, known_here, enrolled = _child_here(db, child_id, location_id, day)
    if not known_here:
        audit.record_denied(db, actor, "aanwezigheid.registreren", object_type="kind", object_id=child_id,
                            child_id=child_id if child else None, location_id=location_id)
        raise InvalidInput(texts.FOUT_KIND_NIET_BIJ_LOCATIE)
    if bad_time:
        raise InvalidInput(bad_time)
    if day < local_today(now) - MAX_BACKDATE:
        raise InvalidInput(texts.FOUT_DAG)
    events = _child_events(db, location_id, day, child_id)
    state = fold(events).get(child_id)
    status = state.status if state else "verwacht"
    expected = child_id in _extra_ids(events) or enrolled
    name = child.first_name
    event = AttendanceEvent(client_uuid=client_uuid, child_id=child_id, location_id=location_id, day=day,
                            kind=kind, at=at, by_id=actor.id)
    if kind == "extra":
        pass
    elif kind == "aanwezig":
        if not expected:
            raise InvalidInput(texts.FOUT_NIET_VERWACHT.format(kind=name))
        if status == PRESENT:
            raise InvalidInput(texts.FOUT_AL_AANWEZIG.format(kind=name))
        if status in GONE:
            raise InvalidInput(texts.FOUT_AL_WEG.format(kind=name))
    elif kind in GONE:
        if status != PRESENT:
            raise InvalidInput(texts.FOUT_NIET_AANWEZIG.format(kind=name))
        if kind == "zelfstandig" and not child.may_go_home_alone:
            withdrawn_on = home_alone_withdrawn(db, [child.id]).get(child.id)
            audit.record_denied(db, actor, "aanwezigheid.zelfstandig_zonder_toestemming", object_type="kind",
                                object_id=child.id, child_id=child.id, location_id=location_id,
                                detail="toestemming=ingetrokken" if withdrawn_on else "toestemming=geen")
            message = (texts.FOUT_ZELFSTANDIG_INGETROKKEN.format(kind=name, datum=format_day(withdrawn_on))
                       if withdrawn_on else texts.FOUT_NIET_ZELFSTANDIG.format(kind=name))
            raise InvalidInput(message, {"kind": "geen_toestemming"})
        if kind == "opgehaald":
            event.picked_up_by = str(payload.get("picked_up_by") or "").strip()[:200]
            if not event.picked_up_by:
                raise InvalidInput(texts.FOUT_OPHALER_NODIG.format(kind=name))
            try:
                event.picked_up_by = check_collector(db, child, event.picked_up_by).name
            except InvalidInput as refused:
                audit.record_denied(db, actor, "aanwezigheid.ophalen_zonder_toestemming", object_type="kind",
                                    object_id=child.id, child_id=child.id, location_id=location_id,
                                    detail=f"reden={refused.fields.get('kind', '')}")
                raise
    elif kind in ABSENT:
        if status == PRESENT or status in GONE:
            raise InvalidInput(texts.FOUT_AL_AANWEZIG.format(kind=name))
        event.reason = str(payload.get("reason") or "").strip()[:300]
        if kind == "afgemeld" and not event.reason:
            raise InvalidInput(texts.FOUT_REDEN_NODIG, {"reason": texts.FOUT_REDEN_NODIG})
    elif kind == "stemming":
        mood = payload.get("mood")
        if not str(mood or "").isdigit() or not 1 <= int(mood) <= 5:
            raise InvalidInput(texts.FOUT_STEMMING)
        event.mood = int(mood)
    elif kind == "ongedaan":
        target_id = int(payload["undoes_id"]) if str(payload.get("undoes_id", "")).isdigit() else -1
        target = db.get(AttendanceEvent, target_id)
        if target is None or target.location_id != location_id or target.child_id != child_id \
                or target.day != local_today(now) or target.kind == "ongedaan":
            raise InvalidInput(texts.FOUT_ONGEDAAN)
        event.undoes_id = target.id
    db.add(event)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()  # the same tap arrived twice at once: keep the first
        existing = db.exec(select(AttendanceEvent).where(AttendanceEvent.client_uuid == client_uuid)).one()
        return TapResult(existing.id, False)
    if kind == "afwezig":
        db.add(FollowUp(child_id=child_id, location_id=location_id, title=texts.HUISKAMER_OUDER_BELLEN,
                        due_date=day, created_by_id=actor.id, source_event_id=event.id))
    if kind == "ongedaan":
        for follow_up in db.exec(select(FollowUp).where(FollowUp.source_event_id == event.undoes_id,
                                                        FollowUp.status == "open")).all():
            follow_up.status, follow_up.done_at = "gedaan", now
            db.add(follow_up)
    audit.record(db, actor, f"aanwezigheid.{kind}", object_type="aanwezigheid", object_id=event.id,
                 child_id=child_id, location_id=location.id, detail=f"dag={day.isoformat()}")
    db.commit()
    return TapResult(event.id, True, fold([*events, event]).get(child_id) or ChildDay(child_id, ""),
                     tile_only(kind, target.kind if kind == "ongedaan" else None))


def close_follow_up(actor: Actor, db: Session, follow_up_id: int) -> None:
    follow_up = db.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound(texts.NIET_GEVONDEN)
    _location(actor, db, follow_up.location_id, Action.AANWEZIGHEID_REGISTREREN)
    follow_up.status, follow_up.done_at = "gedaan", utcnow()
    db.add(follow_up)
    audit.record(db, actor, "vervolgactie.gedaan", object_type="vervolgactie", object_id=follow_up.id,
                 child_id=follow_up.child_id, location_id=follow_up.location_id)
    db.commit()


def extra_candidates(actor: Actor, db: Session, location_id: int, query: str, day: date,
                     limit: int = 10) -> list[tuple[int, str]]:
    """Children known at this location who are not on today's list: to add for an extra day."""
    _location(actor, db, location_id, Action.AANWEZIGHEID_REGISTREREN)
    found = matches(Child.search_key, query)
    if found is None:
        return []
    stmt = (select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
            .where(ChildLocation.location_id == location_id, Child.status != "uitgestroomd", found))
    rows = db.exec(stmt.order_by(Child.first_name).limit(limit)).all()
    audit.record(db, actor, "kind.keuzelijst", object_type="locatie", object_id=location_id,
                 location_id=location_id, detail=f"aantal={len(rows)}")
    db.commit()
    return [(c.id, c.full_name) for c in rows]
