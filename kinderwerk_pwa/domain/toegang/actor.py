"""The acting user as the domain sees it: loaded fresh from the database for every call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from ...models import StaffLocation, StaffUser
from ...settings import get_settings


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    role: str
    organisation_id: int
    location_ids: frozenset[int]
    totp_enabled: bool = False

    def at(self, location_ids) -> bool:
        """Works at (one of) these locations."""
        return bool(self.location_ids & frozenset(location_ids))


def load_actor(db: Session, staff_id: int) -> Actor | None:
    """The actor for an active staff account, or None if it is gone or disabled."""
    user = db.get(StaffUser, staff_id)
    if user is None:
        return None
    locations = db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == user.id)).all()
    return actor_for(user, locations)


def actor_for(user: StaffUser, location_ids) -> Actor | None:
    """The actor for an account already loaded with its locations (a session resolves both in one
    query), or None if it is disabled, or a demo account outside demo mode."""
    if not user.active or (user.is_demo and not get_settings().demo_mode):
        return None
    return Actor(
        id=user.id,
        name=user.name,
        role=user.role,
        organisation_id=user.organisation_id,
        location_ids=frozenset(location_ids),
        totp_enabled=user.totp_enabled,
    )
