"""Who may plan, register and see activities: decided on the location the activity belongs to,
through the one permission matrix (toegang.permissions). Refusals are audited there."""

from __future__ import annotations

from sqlmodel import Session

from ... import texts
from ...models import Activity, ActivitySeries, Location
from ..common.errors import NotFound
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can


def location_target(location: Location | None, location_id: int, object_type: str = "locatie",
                    object_id: object = None) -> Target:
    return Target(location.organisation_id if location else -1, frozenset({location_id}),
                  object_type=object_type, object_id=location_id if object_id is None else object_id)


def authorized_location(actor: Actor, db: Session, location_id: int, action: Action) -> Location:
    """The location, when the actor may do `action` there; else PermissionDenied (audited).
    An unknown id is refused the same way (no probing which ids exist)."""
    location = db.get(Location, location_id) if location_id > 0 else None
    authorize(actor, db, action, location_target(location, location_id))
    if location is None:  # pragma: no cover - refused above (organisation -1)
        raise NotFound(texts.NIET_GEVONDEN)
    return location


def activity_target(activity: Activity) -> Target:
    return Target(activity.organisation_id, frozenset({activity.location_id}), object_type="activiteit",
                  object_id=activity.id)


def authorized_activity(actor: Actor, db: Session, activity_id: int, action: Action) -> Activity:
    activity = db.get(Activity, activity_id) if activity_id > 0 else None
    authorize(actor, db, action, activity_target(activity) if activity else
              Target(-1, frozenset(), object_type="activiteit", object_id=activity_id))
    return activity


def authorized_series(actor: Actor, db: Session, series_id: int, action: Action) -> ActivitySeries:
    series = db.get(ActivitySeries, series_id) if series_id > 0 else None
    authorize(actor, db, action, Target(series.organisation_id, frozenset({series.location_id}),
                                        object_type="activiteitenreeks", object_id=series_id) if series else
              Target(-1, frozenset(), object_type="activiteitenreeks", object_id=series_id))
    return series


def may(actor: Actor, action: Action, organisation_id: int, location_id: int) -> bool:
    """Whether the actor may do `action` at this location (no audit: for filtering lists)."""
    return can(actor, action, Target(organisation_id, frozenset({location_id})))


def int_id(value) -> int:
    """A positive id from a form or JSON value; -1 when unreadable."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() else -1
