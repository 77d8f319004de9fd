"""Reading children's records, limited to the actor's own locations and always audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Location
from ..common.errors import NotFound
from ..common.search import matches
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize


@dataclass(frozen=True)
class ChildRow:
    id: int
    name: str
    age: int
    status: str
    school_group: str


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def list_children(actor, db: Session, location_id: int, *, query: str = "", today: date,
                  limit: int = 500) -> list[ChildRow]:
    """The children known at one location, optionally filtered by name. Audited as one read."""
    location = db.get(Location, location_id)
    org = location.organisation_id if location else -1
    authorize(actor, db, Action.KIND_LEZEN,
              Target(org, frozenset({location_id}), object_type="locatie", object_id=location_id))
    stmt = (
        select(Child)
        .join(ChildLocation, ChildLocation.child_id == Child.id)
        .where(ChildLocation.location_id == location_id)
        .order_by(Child.first_name, Child.last_name)
        .limit(limit)
    )
    if (found := matches(Child.search_key, query)) is not None:
        stmt = stmt.where(found)
    children = db.exec(stmt).all()
    audit.record(db, actor, "kind.lijst", object_type="locatie", object_id=location_id,
                 location_id=location_id, detail=f"aantal={len(children)}")
    db.commit()
    return [
        ChildRow(c.id, c.full_name, age_on(c.date_of_birth, today), c.status, c.school_group)
        for c in children
    ]


def child_locations(db: Session, child_id: int) -> frozenset[int]:
    return frozenset(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child_id)).all())


def child_target(db: Session, child: Child) -> Target:
    return Target(child.organisation_id, child_locations(db, child.id), object_type="kind",
                  object_id=child.id, child_id=child.id)


def child_for_change(actor: Actor, db: Session, child_id, action: Action) -> Child:
    """The child (id as given by a form: str or int) that `action` is about to change. Unknown or
    anonymised: NotFound, audited as refused; otherwise the actor must be allowed `action` on it."""
    raw = str(child_id or "").strip()
    child = db.get(Child, int(raw)) if raw.isdigit() else None
    if child is None or child.anonymised_at is not None:
        audit.record_denied(db, actor, str(action), object_type="kind", object_id=raw)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, action, child_target(db, child))
    return child


def load_child(actor: Actor, db: Session, child_id: int) -> Child:
    child = db.get(Child, child_id)
    # An anonymised child (retention, domain/bewaren) is no longer a person's record.
    if child is None or child.anonymised_at is not None:
        audit.record_denied(db, actor, str(Action.KIND_LEZEN), object_type="kind", object_id=child_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.KIND_LEZEN, child_target(db, child))
    return child
