"""What a phone needs to capture without a connection, and the one door through which queued items
come back: each item goes through the same idempotent domain function as the online form."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Enrolment, Family, Guardian, Location
from ..activiteiten import catalog as activity_catalog
from ..activiteiten.programme import offline_activities
from ..activiteiten.registration import register_activity
from ..common.clock import local_today
from ..common.errors import DomainError
from ..gesprekken.conversation_notes import record_conversation
from ..huiskamer.attendance import record_attendance
from ..signalering.signal_catalog import categories
from ..signalering.signals import capture_signal
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.locations import enrolments_on
from ..toegang.permissions import Action, Target, can

API_VERSION = 1
HANDLERS = {"signaal": capture_signal, "aanwezigheid": record_attendance, "gesprek": record_conversation,
            "activiteit": register_activity}


def offline_context(actor: Actor, db: Session) -> dict:
    """Names and ids only (data minimisation): the children of the actor's locations, today's
    expected children per huiskamer, families for notes, and this week's activities. Children only
    of locations where the actor may read children, activities only where she may register them:
    a beheerder gets neither. Wiped from the phone at logout."""
    locations = db.exec(select(Location).where(Location.id.in_(actor.location_ids or {-1}),
                                               Location.organisation_id == actor.organisation_id)).all()
    ids = [loc.id for loc in locations
           if can(actor, Action.KIND_LEZEN, Target(loc.organisation_id, frozenset({loc.id})))]
    rows = db.exec(select(Child, ChildLocation.location_id).join(ChildLocation, ChildLocation.child_id == Child.id)
                   .where(ChildLocation.location_id.in_(ids or [-1]), Child.status != "uitgestroomd")
                   .order_by(Child.first_name, Child.last_name)).all()
    today = local_today()
    # distinct: two enrolments of a child at one huiskamer can both cover today (one tile, not two)
    expected = db.exec(select(Enrolment.child_id, Enrolment.location_id).distinct()
                       .where(Enrolment.location_id.in_(ids or [-1]), *enrolments_on(today))).all()
    family_ids = {c.family_id for c, _ in rows if c.family_id}
    families = db.exec(select(Family).where(Family.id.in_(family_ids or {-1}))).all()
    guardians = db.exec(select(Guardian).where(Guardian.family_id.in_(family_ids or {-1}))).all()
    names = {c.id: c.full_name for c, _ in rows}
    activities = offline_activities(actor, db, today)
    audit.record(db, actor, "offline.context", object_type="offline",
                 detail=f"kinderen={len(names)};activiteiten={len(activities)}")
    db.commit()
    return {
        "api_version": API_VERSION,
        "user_id": actor.id,
        "user_name": actor.name,
        "day": today.isoformat(),
        "locations": [{"id": loc.id, "name": loc.name, "kind": loc.kind} for loc in locations],
        "children": [{"id": c.id, "name": c.full_name, "location_id": loc} for c, loc in rows],
        "expected": [{"child_id": child_id, "location_id": loc, "name": names.get(child_id, "")}
                     for child_id, loc in expected if child_id in names],
        "families": [{"id": f.id, "name": f.name,
                      "children": [{"id": c.id, "name": c.full_name} for c, _ in rows if c.family_id == f.id],
                      "guardians": [{"id": g.id, "name": g.name} for g in guardians if g.family_id == f.id]}
                     for f in families],
        "categories": [{"code": c.code, "label": c.label} for c in categories()],
        "activities": activities,
        "activity_catalog": activity_catalog.as_dict(),
    }


@dataclass(frozen=True)
class ItemResult:
    client_uuid: str
    status: str  # opgeslagen / geweigerd
    id: int | None = None
    reason: str = ""

    def as_dict(self) -> dict:
        return {"client_uuid": self.client_uuid, "status": self.status, "id": self.id, "reason": self.reason}


def store_item(actor: Actor, db: Session, item: dict) -> ItemResult:
    """Store one queued item through the same function the online form uses. A refusal carries a
    Dutch reason the phone shows; nothing is dropped silently."""
    client_uuid = str((item.get("payload") or {}).get("client_uuid") or item.get("client_uuid") or "")
    queued_by = item.get("queued_by")
    if queued_by is not None and str(queued_by) != str(actor.id):
        return ItemResult(client_uuid, "geweigerd", reason=texts.OFFLINE_ANDER_ACCOUNT)
    handler = HANDLERS.get(str(item.get("type", "")))
    if handler is None:
        return ItemResult(client_uuid, "geweigerd", reason=texts.OFFLINE_ONBEKEND_TYPE)
    try:
        result = handler(actor, db, dict(item.get("payload") or {}))
    except DomainError as exc:
        db.rollback()
        return ItemResult(client_uuid, "geweigerd", reason=exc.message)
    stored_id = getattr(result, "signal_id", None) or getattr(result, "event_id", None) or \
        getattr(result, "conversation_id", None) or getattr(result, "registration_id", None)
    return ItemResult(client_uuid, "opgeslagen", id=stored_id)
